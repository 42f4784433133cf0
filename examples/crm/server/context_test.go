package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/examples/crm/server"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ctxKey marks the context a test hands to the HTTP request.
type ctxKey struct{}

// probeBackend is the in-memory backend whose access list and directory
// remember the contexts they were called with.
type probeBackend struct {
	*host.Memory
	mu   sync.Mutex
	ctxs []context.Context
}

func (b *probeBackend) seen(ctx context.Context) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.ctxs = append(b.ctxs, ctx)
}

func (b *probeBackend) contexts() []context.Context {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]context.Context(nil), b.ctxs...)
}

func (b *probeBackend) Stores() host.Stores {
	st := b.Memory.Stores()
	st.Staff = probeStaff{st.Staff, b}
	st.Directory = probeDirectory{st.Directory, b}
	return st
}

type probeStaff struct {
	host.Staff
	b *probeBackend
}

func (p probeStaff) Member(ctx context.Context, id string) (requests.StaffMember, error) {
	p.b.seen(ctx)
	return p.Staff.Member(ctx, id)
}

type probeDirectory struct {
	host.Directory
	b *probeBackend
}

func (p probeDirectory) Subject(ctx context.Context, id string) (pdata.Subject, error) {
	p.b.seen(ctx)
	return p.Directory.Subject(ctx, id)
}

// Handlers pass the HTTP request's own context, bounded by Config.Timeout,
// down to every store call: a value the caller put in it arrives, a deadline
// no later than the timeout is set, and a request whose client has gone
// (a cancelled context) does no store work beyond the staff check.
func TestHandlersPassTheRequestContext(t *testing.T) {
	b := &probeBackend{Memory: host.NewMemory()}
	op := pdata.SampleOperator()
	require.NoError(t, server.SeedStaff(context.Background(), b, op))
	const timeout = 7 * time.Second
	srv, err := server.New(server.Config{Backend: b, Operator: op, Timeout: timeout})
	require.NoError(t, err)

	ctx := context.WithValue(context.Background(), ctxKey{}, "mark")
	req := httptest.NewRequest("GET", "/subjects/res-none", nil).WithContext(ctx)
	req.Header.Set(server.StaffHeader, server.StaffClerk)
	start := time.Now()
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, req)
	require.Equal(t, http.StatusNotFound, rec.Code, rec.Body.String())

	ctxs := b.contexts()
	require.GreaterOrEqual(t, len(ctxs), 2, "the staff check and the directory read both reached a store")
	for i, c := range ctxs {
		assert.Equal(t, "mark", c.Value(ctxKey{}), "store call %d got a context not derived from the request's", i)
		dl, ok := c.Deadline()
		if assert.True(t, ok, "store call %d: no deadline", i) {
			assert.False(t, dl.After(start.Add(timeout+time.Second)), "store call %d: deadline %v beyond the timeout", i, dl)
		}
	}

	// The client has gone: the directory is never read, and the answer
	// says nothing was changed.
	b.mu.Lock()
	b.ctxs = nil
	b.mu.Unlock()
	gone, cancel := context.WithCancel(ctx)
	cancel()
	body, err := json.Marshal(resident("res-gone", "Новикова", "Анна", "Сергеевна"))
	require.NoError(t, err)
	req = httptest.NewRequest("POST", "/subjects", bytes.NewReader(body)).WithContext(gone)
	req.Header.Set(server.StaffHeader, server.StaffClerk)
	rec = httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, req)
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code, rec.Body.String())
	assert.Contains(t, rec.Body.String(), `"code":"cancelled"`, "a client that hung up is not an internal error")
	for _, c := range b.contexts() {
		assert.ErrorIs(t, c.Err(), context.Canceled, "every store call saw the cancelled context")
	}
	_, err = b.Memory.Stores().Directory.Subject(context.Background(), "res-gone")
	assert.ErrorIs(t, err, pdata.ErrNotFound)
}
