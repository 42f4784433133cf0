package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/examples/crm/pgstore/pgtest"
	"github.com/pdnkit/pdnkit/examples/crm/server"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/stretchr/testify/require"
)

// The end-to-end tests drive the API over HTTP (httptest) on both backends:
// the in-memory one always, PostgreSQL when PDNKIT_DSN names a database.
// People, identifiers and documents are invented; identifiers pass their
// checksums.

var samara = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Samara")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at is a moment in 2026, Samara time (the sample operator's zone, UTC+4).
func at(month time.Month, day, hour, minute int) time.Time {
	return time.Date(2026, month, day, hour, minute, 0, 0, samara)
}

// clock is the server's clock in tests: set to a moment, it then advances by
// one second on every reading, so that the steps of one scenario are
// strictly ordered as the acts and requests require.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// syncBuffer collects log output from concurrent handlers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type env struct {
	t     *testing.T
	b     host.Backend
	st    host.Stores
	clock *clock
	srv   *httptest.Server
	logs  *syncBuffer
	op    pdata.Operator
}

// backends runs f on each backend as a subtest.
func backends(t *testing.T, f func(t *testing.T, e *env)) {
	t.Run("memory", func(t *testing.T) { f(t, newEnv(t, host.NewMemory())) })
	t.Run("postgres", func(t *testing.T) {
		pgtest.Require(t)
		f(t, newEnv(t, pgtest.DB(t)))
	})
}

func newEnv(t *testing.T, b host.Backend) *env {
	t.Helper()
	e := &env{t: t, b: b, st: b.Stores(), clock: &clock{t: at(time.February, 2, 9, 0)}, logs: &syncBuffer{}, op: pdata.SampleOperator()}
	log := slog.New(slog.NewJSONHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv, err := server.New(server.Config{Backend: b, Operator: e.op, Clock: e.clock.now, Logger: log, MaxBody: 64 << 10})
	require.NoError(t, err)
	e.srv = httptest.NewServer(srv.Handler())
	t.Cleanup(e.srv.Close)
	ctx := context.Background()
	require.NoError(t, server.SeedStaff(ctx, b, e.op))
	require.NoError(t, destruction.NewArchive(e.st.Acts).AddCommission(ctx, server.DemoCommission(e.op, at(time.February, 2, 9, 0))))
	return e
}

// response is an HTTP answer.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(r.body, &m), "body: %s", r.body)
	return m
}

// apiError returns the "error" object of an error response.
func (r response) apiError(t *testing.T) map[string]any {
	t.Helper()
	m := r.json(t)
	e, ok := m["error"].(map[string]any)
	require.True(t, ok, "no error object in %s", r.body)
	return e
}

// do sends a request as staff member staff ("" sends no header). body is
// encoded as JSON unless it is a string or []byte, sent as it is.
func (e *env) do(method, path, staff string, body any) response {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		require.NoError(e.t, err)
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, e.srv.URL+path, rd)
	require.NoError(e.t, err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if staff != "" {
		req.Header.Set(server.StaffHeader, staff)
	}
	resp, err := e.srv.Client().Do(req)
	require.NoError(e.t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(e.t, err)
	return response{status: resp.StatusCode, header: resp.Header, body: data}
}

// must sends a request and requires the status.
func (e *env) must(status int, method, path, staff string, body any) map[string]any {
	e.t.Helper()
	r := e.do(method, path, staff, body)
	require.Equal(e.t, status, r.status, "%s %s: %s", method, path, r.body)
	if len(r.body) == 0 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		return nil
	}
	return r.json(e.t)
}

// resident returns an invented resident with a passport, a phone and a
// property right, every identifier valid.
func resident(id, last, first, patronymic string) map[string]any {
	return map[string]any{
		"id": id, "category": "resident",
		"last_name": last, "first_name": first, "patronymic": patronymic,
		"registration_address": "446800, Самарская область, Кошкинский район, село Кошки, ул. Советская, д. 5, кв. 12",
		"passport":             map[string]any{"series_number": "3610123456", "issue_date": "2010-06-15", "issuer": "Отделом УФМС России по Самарской области в Кошкинском районе", "division_code": "630-045"},
		"phone":                "+7 927 123-45-67",
		"property": []any{map[string]any{"kind": 1, "premises": "446800, Самарская область, село Кошки, ул. Советская, д. 5, кв. 12",
			"cadastral": "63:24:0502003:123", "area": "54.3", "share": "1", "residents": 2, "registered": 2, "temporary": 0}},
		"sources": map[string]any{"full_name": "subject", "registration_address": "subject", "identity_document": "subject",
			"phone": "subject", "property_rights": "rosreestr"},
	}
}

// newRequest returns the JSON of a complete request from the subject.
func newRequest(id, kind, subjectID string, received time.Time) map[string]any {
	return map[string]any{
		"id": id, "kind": kind, "subject_id": subjectID,
		"requester": map[string]any{"party": "subject", "reply_to": "446800, село Кошки, ул. Советская, д. 5, кв. 12",
			"identity": map[string]any{"series_number": "3610123456", "issue_date": "2010-06-15", "issuer": "Отделом УФМС России по Самарской области в Кошкинском районе"}},
		"received": received.Format(time.RFC3339), "channel": "post", "signature": "handwritten",
		"relationship": map[string]any{"contract": "17/У", "contract_date": "2019-03-04", "account": "0012345"},
		"matter":       "сведения об обработке персональных данных",
	}
}
