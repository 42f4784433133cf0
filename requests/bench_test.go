package requests_test

import (
	"context"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/rickb777/date/v2"
)

func benchService(tb testing.TB, store requests.Store) *requests.Service {
	tb.Helper()
	svc, err := requests.New(requests.Config{
		Operator: pdata.SampleOperator(),
		Store:    store, Journal: requests.NewMemoryJournal(), Audit: requests.NewMemoryAuditLog(),
		Directory: requests.NewMemoryDirectory(), Notifier: &requests.Outbox{}, Destroyer: &requests.SelectionQueue{},
		Access: staff,
	})
	if err != nil {
		tb.Fatal(err)
	}
	return svc
}

// BenchmarkRegister registers complete access requests, each about another
// subject, in the in-memory store (target: under 20 µs per request).
func BenchmarkRegister(b *testing.B) {
	svc := benchService(b, requests.NewMemoryStore())
	in := complete(b, "", requests.Access, at(2026, 2, 20, 10, 0))
	by := clerk(at(2026, 2, 20, 11, 0))
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		in.ID = strconv.Itoa(i)
		in.SubjectID = "s" + in.ID
		if _, err := svc.Register(ctx, by, in); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// fill puts n open requests into a memory store directly (as Register would
// have left them), a quarter of them closed, their deadlines spread over
// 2026 so that about half are overdue on 1 July.
func fill(tb testing.TB, n int) *requests.MemoryStore {
	tb.Helper()
	s := requests.NewMemoryStore()
	ctx := context.Background()
	base := date.New(2026, time.January, 12)
	received := at(2026, 1, 12, 9, 0)
	for i := range n {
		id := strconv.Itoa(i)
		on := base + date.Date(i%340)
		r := requests.Request{ID: id, Kind: requests.Kind(1 + i%6), SubjectID: "s" + id,
			Requester: requests.Requester{Party: requests.BySubject}, Received: received, ReceivedOn: on,
			Status: requests.StatusReceived, Deadline: requests.Deadline{Date: on + 14, From: on, Days: 10},
			History: []requests.Event{{At: received, Actor: "clerk", Action: requests.ActRegistered, To: requests.StatusReceived}},
			Version: 1}
		if i%4 == 3 {
			r.Status = requests.StatusAnswered
		}
		if err := s.Create(ctx, r); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

// BenchmarkOverdue streams the overdue requests of a store of 100,000 and of
// 1,000,000 requests. ns/request and B/request are per request stored; B/op
// staying the same for both sizes shows the memory does not grow with them.
func BenchmarkOverdue(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			svc := benchService(b, fill(b, n))
			asOf := date.New(2026, time.July, 1)
			ctx := context.Background()
			runtime.GC()
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			b.ReportAllocs()
			iters, found := 0, 0
			for b.Loop() {
				found = 0
				for _, err := range svc.Overdue(ctx, asOf) {
					if err != nil {
						b.Fatal(err)
					}
					found++
				}
				iters++
			}
			runtime.ReadMemStats(&m1)
			total := float64(iters) * float64(n)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/total, "ns/request")
			b.ReportMetric(float64(m1.TotalAlloc-m0.TotalAlloc)/total, "B/request")
			b.ReportMetric(float64(found), "overdue")
		})
	}
}

// Overdue allocates the same whatever the number of requests (a fixed chunk
// buffer), so it runs in constant memory.
func TestOverdueConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("fills two stores")
	}
	asOf := date.New(2026, time.July, 1)
	ctx := context.Background()
	allocs := func(n int) (float64, int) {
		svc := benchService(t, fill(t, n))
		found := 0
		a := testing.AllocsPerRun(3, func() {
			found = 0
			for _, err := range svc.Overdue(ctx, asOf) {
				if err != nil {
					t.Fatal(err)
				}
				found++
			}
		})
		return a, found
	}
	small, fs := allocs(2_000)
	large, fl := allocs(40_000)
	if fl < 10*fs || fs == 0 {
		t.Fatalf("the larger store should hold far more overdue requests: %d vs %d", fl, fs)
	}
	if large != small {
		t.Errorf("Overdue made %.0f allocations over %d overdue requests and %.0f over %d: memory grows with the store", large, fl, small, fs)
	}
}
