package requests_test

import (
	"context"
	"iter"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/requests/requeststest"
)

// naiveStore gets the contract wrong on purpose: it shares values with the
// caller, ignores versions, lets history be rewritten and streams closed
// requests as open.
type naiveStore struct {
	mu sync.Mutex
	m  map[string]requests.Request
}

func (s *naiveStore) Create(_ context.Context, r requests.Request) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[r.ID] = r
	return nil
}

func (s *naiveStore) Get(_ context.Context, id string) (requests.Request, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.m[id]
	if !ok {
		return r, requests.ErrNotFound
	}
	return r, nil
}

func (s *naiveStore) Update(_ context.Context, r requests.Request) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[r.ID]; !ok {
		return requests.ErrNotFound
	}
	s.m[r.ID] = r
	return nil
}

func (s *naiveStore) BySubject(_ context.Context, id string) iter.Seq2[requests.Request, error] {
	return func(yield func(requests.Request, error) bool) {
		s.mu.Lock()
		var out []requests.Request
		for _, r := range s.m {
			if r.SubjectID == id {
				out = append(out, r)
			}
		}
		s.mu.Unlock()
		for _, r := range out {
			if !yield(r, nil) {
				return
			}
		}
	}
}

func (s *naiveStore) Open(_ context.Context) iter.Seq2[requests.Summary, error] {
	return func(yield func(requests.Summary, error) bool) {
		s.mu.Lock()
		var out []requests.Summary
		for _, r := range s.m {
			out = append(out, r.Summary())
		}
		s.mu.Unlock()
		for _, x := range out {
			if !yield(x, nil) {
				return
			}
		}
	}
}

// naiveJournal records duplicates.
type naiveJournal struct{ *requests.MemoryJournal }

func (j naiveJournal) Append(ctx context.Context, d requests.Disclosure) error {
	for {
		if err := j.MemoryJournal.Append(ctx, d); err == nil || ctx.Err() != nil {
			return err
		}
		d.ID += "'"
	}
}

// TestBrokenImplementationsHelper runs the conformance suites against the
// broken implementations above; it does something only when
// TestConformanceSuitesCatchBrokenImplementations starts it.
func TestBrokenImplementationsHelper(t *testing.T) {
	switch os.Getenv("PDNKIT_REQUESTS_BROKEN") {
	case "store":
		requeststest.TestStore(t, func() requests.Store { return &naiveStore{m: map[string]requests.Request{}} })
	case "journal":
		requeststest.TestJournal(t, func() requests.Journal { return naiveJournal{requests.NewMemoryJournal()} })
	default:
		t.Skip("run by TestConformanceSuitesCatchBrokenImplementations")
	}
}

// The conformance suites can fail: run against implementations that break
// the contract, they report exactly those breaches.
func TestConformanceSuitesCatchBrokenImplementations(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the test binary again")
	}
	tests := []struct {
		which      string
		mustFail   []string
		mustPass   []string
		mustReport []string
	}{
		{"store",
			[]string{"Duplicate", "Copied", "StaleUpdate", "HistoryNeverRewritten", "BySubject", "Open", "ConcurrentUpdate", "CancelledContext"},
			[]string{"RoundTrip", "NotFound", "Update", "OpenWhileWriting"},
			[]string{"want ErrConflict", "Update rewrote the first history entry", "which is closed", "oldest receipt first"}},
		{"journal", []string{"Duplicate"}, []string{"RoundTrip", "Queries", "Concurrent"}, []string{"want ErrConflict"}},
	}
	for _, tt := range tests {
		t.Run(tt.which, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestBrokenImplementationsHelper$", "-test.v")
			cmd.Env = append(os.Environ(), "PDNKIT_REQUESTS_BROKEN="+tt.which)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the suite passed a broken %s:\n%s", tt.which, out)
			}
			text := string(out)
			for _, name := range tt.mustFail {
				if !strings.Contains(text, "--- FAIL: TestBrokenImplementationsHelper/"+name+" ") {
					t.Errorf("the suite did not catch the broken %s in %s", tt.which, name)
				}
			}
			for _, name := range tt.mustPass {
				if !strings.Contains(text, "--- PASS: TestBrokenImplementationsHelper/"+name+" ") {
					t.Errorf("the suite failed %s, which the broken %s gets right", name, tt.which)
				}
			}
			for _, msg := range tt.mustReport {
				if !strings.Contains(text, msg) {
					t.Errorf("the report lacks %q", msg)
				}
			}
			if t.Failed() {
				t.Logf("output:\n%s", strings.Join(slices.Collect(strings.Lines(text))[:min(60, strings.Count(text, "\n"))], ""))
			}
		})
	}
}
