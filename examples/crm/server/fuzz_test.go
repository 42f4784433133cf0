package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/examples/crm/server"
	"github.com/pdnkit/pdnkit/pdata"
)

// FuzzRequestBodies posts arbitrary bodies to every endpoint that reads one:
// whatever arrives, the answer is a JSON document and never a 500 (nothing
// panics, every bad input is the client's error).
func FuzzRequestBodies(f *testing.F) {
	b := host.NewMemory()
	op := pdata.SampleOperator()
	ctx := context.Background()
	if err := server.SeedStaff(ctx, b, op); err != nil {
		f.Fatal(err)
	}
	now := time.Date(2026, time.March, 2, 10, 0, 0, 0, time.UTC)
	srv, err := server.New(server.Config{Backend: b, Operator: op, Clock: func() time.Time { return now }, MaxBody: 16 << 10})
	if err != nil {
		f.Fatal(err)
	}
	h := srv.Handler()
	for _, seed := range []any{
		newRequest("R-1", "access", "res-1", now.Add(-time.Hour)),
		resident("res-1", "Иванова", "Мария", "Петровна"),
		map[string]any{"items": []any{map[string]any{"record_id": "x", "categories": []string{"phone"}, "medium": map[string]any{"kind": "paper"}}}},
		map[string]any{"kind": "use", "subject_id": "res-1", "subject": "resident", "categories": []string{"phone"}},
		map[string]any{"header": map[string]any{"id": "sel-1", "number": "1", "date": "2026-03-02", "place": "x"}, "commission_id": "c"},
	} {
		data, _ := json.Marshal(seed)
		f.Add(data)
	}
	f.Add([]byte(`{"id":`))
	f.Add([]byte(`[1,2,3]`))
	f.Add([]byte(`{"received":"2026-02-30T00:00:00Z"}`))
	f.Add([]byte(`{"passport":{"series_number":"1"}}`))
	paths := []string{"/requests", "/subjects", "/consents", "/consents/validate", "/decisions", "/records", "/commissions",
		"/acts/selection", "/acts/destruction", "/requests/R-1/hand-over", "/requests/R-1/clarify", "/requests/R-1/fulfil",
		"/requests/R-1/refuse", "/consents/C-1/withdraw", "/acts/sel-1/destroyed"}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, p := range paths {
			req := httptest.NewRequest("POST", p, bytes.NewReader(body))
			req.Header.Set(server.StaffHeader, server.StaffClerk)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("POST %s answered %d: %s", p, rec.Code, rec.Body)
			}
			if !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("POST %s answered %d with a body that is not JSON: %q", p, rec.Code, rec.Body)
			}
			if rec.Code >= 400 && !bytes.Contains(rec.Body.Bytes(), []byte(`"message_ru"`)) {
				t.Fatalf("POST %s answered %d without a Russian message: %s", p, rec.Code, rec.Body)
			}
		}
		_ = http.StatusOK
	})
}
