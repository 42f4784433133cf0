package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/consent/consenttest"
	"github.com/pdnkit/pdnkit/examples/crm/server"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A consent is validated and stored, an operation is judged against it, and
// after its withdrawal the same operation is refused and the destruction term
// follows (152-FZ art. 9, art. 21 part 5; policy 3.3).
//
// Withdrawal received on Tuesday 10.03.2026: the 30 calendar days run from
// 11.03 and end on Thursday 09.04.2026.
func TestConsentDecisionAndWithdrawal(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		c := consenttest.Sample("C-17", "res-k") // given 01.10.2025, standalone, for 5 years
		body, err := json.Marshal(c)
		require.NoError(t, err)

		invalid := map[string]any{}
		require.NoError(t, json.Unmarshal(body, &invalid))
		delete(invalid, "purposes")
		invalid["how_to_withdraw"] = ""
		bad := e.do("POST", "/consents/validate", server.StaffClerk, invalid)
		require.Equal(t, http.StatusUnprocessableEntity, bad.status, "%s", bad.body)
		assert.GreaterOrEqual(t, len(fieldNames(bad.apiError(t))), 2, "every missing element listed: %s", bad.body)
		assert.Equal(t, true, e.must(http.StatusOK, "POST", "/consents/validate", server.StaffClerk, body)["valid"])

		e.must(http.StatusCreated, "POST", "/consents", server.StaffClerk, body)
		assert.Equal(t, http.StatusConflict, e.do("POST", "/consents", server.StaffClerk, body).status, "a duplicate ID")
		got := e.must(http.StatusOK, "GET", "/consents/C-17", server.StaffClerk, nil)
		assert.Equal(t, "res-k", got["subject_id"])
		list := e.must(http.StatusOK, "GET", "/subjects/res-k/consents", server.StaffClerk, nil)
		assert.Len(t, list["consents"], 1)
		form := e.do("GET", "/consents/C-17/form.html", server.StaffClerk, nil)
		require.Equal(t, http.StatusOK, form.status)
		assert.Contains(t, string(form.body), "Иванова")
		txt := e.do("GET", "/consents/C-17/form.txt", server.StaffClerk, nil)
		require.Equal(t, http.StatusOK, txt.status)
		assert.True(t, strings.HasPrefix(txt.header.Get("Content-Type"), "text/plain"))

		op := map[string]any{"kind": "use", "subject_id": "res-k", "subject": "resident", "purpose": c.Purposes[0],
			"categories": []string{"full_name", "phone"}, "at": at(time.March, 2, 10, 0).Format(time.RFC3339)}
		d := e.must(http.StatusOK, "POST", "/decisions", server.StaffClerk, op)
		dec := d["decision"].(map[string]any)
		assert.Equal(t, true, dec["allowed"])
		assert.Equal(t, "C-17", dec["grounds"].([]any)[0].(map[string]any)["consent_id"])
		assert.Contains(t, d["russian"], "Разрешено")

		e.clock.set(at(time.March, 10, 15, 0)) // the withdrawal is recorded the day it arrives
		term := e.must(http.StatusOK, "POST", "/consents/C-17/withdraw", server.StaffClerk,
			map[string]any{"date": "2026-03-10", "document": "заявление от 10.03.2026, вх. № 41"})
		assert.Equal(t, "2026-04-09", term["destroy_by"])
		assert.Equal(t, http.StatusConflict, e.do("POST", "/consents/C-17/withdraw", server.StaffClerk,
			map[string]any{"date": "2026-03-10"}).status, "withdrawn once")

		op["at"] = at(time.March, 11, 10, 0).Format(time.RFC3339)
		d = e.must(http.StatusOK, "POST", "/decisions", server.StaffClerk, op)
		dec = d["decision"].(map[string]any)
		assert.Equal(t, false, dec["allowed"])
		var rules []string
		for _, r := range dec["reasons"].([]any) {
			rules = append(rules, r.(map[string]any)["rule"].(string))
		}
		assert.Contains(t, rules, "withdrawn")
		stored, err := e.st.Consents.Get(context.Background(), "C-17")
		require.NoError(t, err)
		require.NotNil(t, stored.Withdrawn)
		assert.Equal(t, "2026-03-10", stored.Withdrawn.Date.String())
	})
}

// The generated data set loads on both stores and the dashboard and the sweep
// see what it was built to show.
func TestSeed(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		now := at(time.November, 26, 10, 0)
		e.clock.set(now)
		sum, err := server.Seed(context.Background(), e.b, e.op, retention.Default(), now)
		require.NoError(t, err)
		assert.Equal(t, server.SeedSummary{Staff: 5, Subjects: 19, Records: 21, Consents: 6, Requests: 3}, sum)
		over := e.must(http.StatusOK, "GET", "/dashboard/overdue", server.StaffClerk, nil)
		assert.Equal(t, float64(1), over["count"], "the request received 20 days ago is overdue")
		held := e.must(http.StatusOK, "GET", "/subjects/res-002/holds", server.StaffClerk, nil)
		assert.Equal(t, true, held["blocked"], "the clarification blocks the subject's data")
		due := e.must(http.StatusOK, "GET", "/retention/due", server.StaffClerk, nil)
		// Resident files 3, 6, 9, 12 (closed 7 years ago), two disciplinary
		// orders (closed 5 years ago, 3-year term) and three site logs
		// (collected 400, 500 and 600 days ago, 1-year term).
		assert.Equal(t, float64(9), due["count"])
		assert.Equal(t, true, due["complete"])
		assert.Empty(t, due["errors"])
		notices := e.must(http.StatusOK, "GET", "/requests/R-2026-0003/notices", server.StaffClerk, nil)["notices"].([]any)
		require.Len(t, notices, 1, "the incomplete request got a notice of what it lacks")

		// The commission selects what is due, site users (who have no name)
		// included, and the act renders.
		sel := e.must(http.StatusCreated, "POST", "/acts/selection", server.StaffChair, map[string]any{
			"header": map[string]any{"id": "sel-demo", "number": "1-О", "date": "2026-11-26", "place": "каб. 5"}, "commission_id": server.CommissionID})
		assert.Len(t, sel["content"].(map[string]any)["items"], 9)
		docx := e.do("GET", "/acts/sel-demo/act.docx", server.StaffChair, nil)
		require.Equal(t, http.StatusOK, docx.status)
		requireOOXML(t, docx.body, "пользователь сайта Оператора, site-001")
	})
}
