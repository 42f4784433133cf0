package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/examples/crm/server"
	"github.com/pdnkit/pdnkit/pdata"
)

// A host builds the server over its backend, puts its access list in, and
// serves. Here: an access request registered by the clerk, with its legal
// deadline, and the same call from someone not on the list.
func ExampleNew() {
	ctx := context.Background()
	b := host.NewMemory() // or pgstore.Open(ctx, pgstore.Config{DSN: …})
	op := pdata.SampleOperator()
	if err := server.SeedStaff(ctx, b, op); err != nil {
		panic(err)
	}
	now := time.Date(2026, time.February, 20, 11, 0, 0, 0, op.Zone())
	srv, err := server.New(server.Config{Backend: b, Operator: op, Clock: func() time.Time { return now }})
	if err != nil {
		panic(err)
	}
	body := `{"id": "R-17", "kind": "access", "subject_id": "res-1",
		"requester": {"party": "subject",
			"identity": {"series_number": "3610123456", "issue_date": "2010-06-15", "issuer": "Отделом УФМС России"}},
		"received": "2026-02-20T10:30:00+04:00", "channel": "post", "signature": "handwritten",
		"relationship": {"account": "0012345"}}`
	for _, staff := range []string{server.StaffClerk, "intruder"} {
		req := httptest.NewRequest("POST", "/requests", strings.NewReader(body))
		req.Header.Set(server.StaffHeader, staff)
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, req)
		var out struct {
			Status   string `json:"status"`
			Deadline struct {
				Date  string      `json:"date"`
				Basis pdata.Basis `json:"basis"`
			} `json:"deadline"`
			Error struct {
				MessageRU string `json:"message_ru"`
			} `json:"error"`
		}
		_ = json.Unmarshal(rec.Body.Bytes(), &out)
		if rec.Code == http.StatusCreated {
			fmt.Println(rec.Code, out.Status, "до", out.Deadline.Date, "—", out.Deadline.Basis)
		} else {
			fmt.Println(rec.Code, out.Error.MessageRU)
		}
	}
	// Output:
	// 201 received до 2026-03-10 — 152-ФЗ ст. 14 ч. 3; ст. 20 ч. 1; Положение п. 6.1.4, 7.1
	// 403 сотрудник intruder не включён в перечень лиц, допущенных к обработке персональных данных, утверждённый руководителем (п. 3.8, 4.3 Положения)
}
