package server_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/examples/crm/server"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The four enumerations the CRM's JSON carries as numbers are the numbers
// examples/crm's package documentation lists; if pdnkit renumbers them or
// gives them names, this test fails and the documentation must follow.
func TestNumericEnumerationsAreAsDocumented(t *testing.T) {
	assert.Equal(t, []int{0, 1, 2}, []int{int(pdata.SexUnknown), int(pdata.Male), int(pdata.Female)})
	assert.Equal(t, []int{1, 2}, []int{int(pdata.Ownership), int(pdata.Use)})
	assert.Equal(t, []int{1, 2, 3, 4, 5}, []int{int(requests.NoticeIntake), int(requests.NoticeExtension),
		int(requests.NoticeAnswer), int(requests.NoticeRefusal), int(requests.NoticeOutcome)})
	names := []string{"register", "extend", "documents", "resolve", "clarify", "remedy", "hand_over",
		"confirm_destruction", "refuse", "fulfil", "read"}
	for i, name := range names {
		assert.Equal(t, name, requests.Op(i+1).String(), "op %d", i+1)
	}
	for _, v := range []any{pdata.Female, pdata.Use, requests.NoticeIntake, requests.OpFulfil} {
		_, isText := v.(interface{ MarshalText() ([]byte, error) })
		assert.False(t, isText, "%T has a machine name now: show it by name and update the documentation", v)
	}

	backends(t, func(t *testing.T, e *env) {
		s := with(resident("res-n", "Фомина", "Дарья", "Олеговна"), "sex", 2)
		s["sources"].(map[string]any)["sex"] = "subject"
		e.must(http.StatusCreated, "POST", "/subjects", server.StaffClerk, s)
		got := e.must(http.StatusOK, "GET", "/subjects/res-n", server.StaffClerk, nil)
		assert.Equal(t, float64(2), got["sex"], "female is 2")
		assert.Equal(t, float64(1), got["property"].([]any)[0].(map[string]any)["kind"], "ownership is 1")

		r := e.do("POST", "/subjects", server.StaffClerk, with(s, "id", "res-n2", "sex", "female"))
		require.Equal(t, http.StatusBadRequest, r.status, "%s", r.body)
		assert.Equal(t, []string{"sex"}, fieldNames(r.apiError(t)))

		e.clock.set(at(time.March, 2, 10, 0))
		e.must(http.StatusCreated, "POST", "/requests", server.StaffClerk, newRequest("R-N", "access", "res-n", at(time.March, 2, 9, 0)))
		require.Equal(t, http.StatusForbidden, e.do("POST", "/requests/R-N/fulfil", "intruder", map[string]any{}).status)
		audit := e.must(http.StatusOK, "GET", "/audit", server.StaffClerk, nil)
		var ops []string
		for _, a := range audit["entries"].([]any) {
			ops = append(ops, fmt.Sprint(a.(map[string]any)["op"]))
		}
		assert.Contains(t, ops, "10", "fulfil is op 10")
	})
}
