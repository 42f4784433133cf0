package requests_test

import (
	"context"
	"iter"
	"maps"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
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

// brokenAuditLog gets the contract of requests.AuditLog wrong in one way,
// chosen by mode:
//   - "dedup": keys entries by their moment, dropping an attempt made at
//     the same moment as another;
//   - "upsert": keeps one entry per request, a later attempt rewriting the
//     earlier one;
//   - "basis": rewrites entries, storing them without their basis;
//   - "bounds": Between includes entries at to, which must be excluded.
type brokenAuditLog struct {
	mode    string
	mu      sync.Mutex
	entries []requests.AuditEntry
}

func (a *brokenAuditLog) Append(ctx context.Context, e requests.AuditEntry) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	switch a.mode {
	case "dedup":
		if slices.ContainsFunc(a.entries, func(x requests.AuditEntry) bool { return x.At.Equal(e.At) }) {
			return nil
		}
	case "upsert":
		if i := slices.IndexFunc(a.entries, func(x requests.AuditEntry) bool { return x.RequestID == e.RequestID }); i >= 0 {
			a.entries[i] = e
			return nil
		}
	case "basis":
		e.Basis = pdata.Basis{}
	}
	a.entries = append(a.entries, e)
	return nil
}

func (a *brokenAuditLog) Between(ctx context.Context, from, to time.Time) iter.Seq2[requests.AuditEntry, error] {
	return func(yield func(requests.AuditEntry, error) bool) {
		a.mu.Lock()
		entries := slices.Clone(a.entries)
		a.mu.Unlock()
		for _, e := range entries {
			inside := !e.At.Before(from) && e.At.Before(to)
			if a.mode == "bounds" {
				inside = !e.At.Before(from) && !e.At.After(to)
			}
			if inside && !yield(e, nil) {
				return
			}
		}
	}
}

// brokenDirectory gets the contract of requests.Directory wrong in one way,
// chosen by mode:
//   - "unblock-all": Unblock lifts every hold on the subject, forgetting
//     the blocks other requests placed;
//   - "block-twice": blocking again for the same request adds a second hold;
//   - "missing": Block and Correct of an unknown subject succeed (Correct
//     creates it) instead of giving ErrNotFound;
//   - "shared": keeps and returns the caller's values, so the maps, slices
//     and pointers in a subject and the slice of holds are shared.
//
// Everything else it does right.
type brokenDirectory struct {
	mode     string
	mu       sync.Mutex
	subjects map[string]pdata.Subject
	holds    map[string][]requests.Hold
}

func newBrokenDirectory(mode string, subjects ...pdata.Subject) *brokenDirectory {
	d := &brokenDirectory{mode: mode, subjects: map[string]pdata.Subject{}, holds: map[string][]requests.Hold{}}
	for _, s := range subjects {
		d.subjects[s.ID] = d.copy(s)
	}
	return d
}

// copy copies a subject deeply, except in the "shared" mode.
func (d *brokenDirectory) copy(s pdata.Subject) pdata.Subject {
	if d.mode == "shared" {
		return s
	}
	c := s
	if s.Passport != nil {
		p := *s.Passport
		c.Passport = &p
	}
	c.Family, c.Property = slices.Clone(s.Family), slices.Clone(s.Property)
	c.Other, c.Sources = maps.Clone(s.Other), maps.Clone(s.Sources)
	return c
}

func (d *brokenDirectory) Subject(_ context.Context, id string) (pdata.Subject, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	s, ok := d.subjects[id]
	if !ok {
		return pdata.Subject{}, requests.ErrNotFound
	}
	return d.copy(s), nil
}

func (d *brokenDirectory) Block(_ context.Context, subjectID string, h requests.Hold) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.subjects[subjectID]; !ok && d.mode != "missing" {
		return requests.ErrNotFound
	}
	if d.mode != "block-twice" && slices.ContainsFunc(d.holds[subjectID], func(x requests.Hold) bool { return x.RequestID == h.RequestID }) {
		return nil
	}
	d.holds[subjectID] = append(d.holds[subjectID], h)
	return nil
}

func (d *brokenDirectory) Unblock(_ context.Context, subjectID, requestID string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.mode == "unblock-all" {
		delete(d.holds, subjectID)
		return nil
	}
	d.holds[subjectID] = slices.DeleteFunc(d.holds[subjectID], func(h requests.Hold) bool { return h.RequestID == requestID })
	return nil
}

func (d *brokenDirectory) Correct(_ context.Context, s pdata.Subject, _ string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.subjects[s.ID]; !ok && d.mode != "missing" {
		return requests.ErrNotFound
	}
	d.subjects[s.ID] = d.copy(s)
	return nil
}

func (d *brokenDirectory) Erase(_ context.Context, subjectID string, cats pdata.CategorySet, _ string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	s, ok := d.subjects[subjectID]
	if !ok {
		return nil
	}
	s = d.copy(s)
	requests.EraseCategories(&s, cats)
	if s.Held() == 0 {
		delete(d.subjects, subjectID)
		return nil
	}
	d.subjects[subjectID] = s
	return nil
}

func (d *brokenDirectory) Holds(_ context.Context, subjectID string) ([]requests.Hold, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.mode == "shared" {
		return d.holds[subjectID], nil
	}
	return slices.Clone(d.holds[subjectID]), nil
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
	case "audit-dedup", "audit-upsert", "audit-basis", "audit-bounds":
		mode := strings.TrimPrefix(os.Getenv("PDNKIT_REQUESTS_BROKEN"), "audit-")
		requeststest.TestAuditLog(t, func() requests.AuditLog { return &brokenAuditLog{mode: mode} })
	case "directory-unblock-all", "directory-block-twice", "directory-missing", "directory-shared":
		mode := strings.TrimPrefix(os.Getenv("PDNKIT_REQUESTS_BROKEN"), "directory-")
		requeststest.TestDirectory(t, func(s ...pdata.Subject) requests.Directory { return newBrokenDirectory(mode, s...) })
	case "store-nil-stream":
		requeststest.TestStore(t, func() requests.Store { return nilStreams{requests.NewMemoryStore()} })
	case "journal-nil-stream":
		requeststest.TestJournal(t, func() requests.Journal { return nilJournalStreams{requests.NewMemoryJournal()} })
	case "audit-nil-stream":
		requeststest.TestAuditLog(t, func() requests.AuditLog { return nilAuditStream{requests.NewMemoryAuditLog()} })
	case "nil-constructor":
		requeststest.TestStore(t, nil)
	case "directory-nil":
		requeststest.TestDirectory(t, func(...pdata.Subject) requests.Directory { return nil })
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
		// policy 3.8, 4.3: every refused attempt is logged, as it was made.
		{"audit-dedup", []string{"Concurrent"}, []string{"Between"},
			[]string{"after 16 concurrent appends the log holds 1 entries"}},
		{"audit-upsert", []string{"Between", "Concurrent"}, nil,
			[]string{"want [intruder-1 intruder-2]", "after 16 concurrent appends the log holds 1 entries"}},
		{"audit-basis", []string{"Between"}, []string{"Concurrent"},
			[]string{`entry read back changed: at 2026-02-20 11:30:00 +0300 MSK, basis ""; appended at 2026-02-20 11:30:00 +0300 MSK, basis "Положение п. 3.8, 4.3"`}},
		{"audit-bounds", []string{"Between"}, []string{"Concurrent"},
			[]string{"= [intruder-1 intruder-2 intruder-3], want [intruder-1 intruder-2]: from inclusive, to exclusive"}},
		// policy 6.1.7, 6.1.8; 152-FZ art. 21 parts 1-2: holds, corrections.
		{"directory-unblock-all", []string{"BlockUnblock"}, []string{"Subject", "Correct", "Erase", "Copied"},
			[]string{"unblocking r-1 lifted other holds: [], want [r-2]"}},
		{"directory-block-twice", []string{"BlockUnblock"}, []string{"Subject", "Correct", "Erase", "Copied"},
			[]string{"holds after blocking r-1 twice and r-2 = [r-1 r-1 r-2], want [r-1 r-2]"}},
		{"directory-missing", []string{"BlockUnblock", "Correct"}, []string{"Subject", "Erase", "Copied"},
			[]string{"Block of an unknown subject: got <nil>, want ErrNotFound", "Correct of an unknown subject: got <nil>, want ErrNotFound"}},
		{"directory-shared", []string{"Copied"}, []string{"Subject", "BlockUnblock", "Correct", "Erase"},
			[]string{"after the caller changed the subject it gave newDir: the stored source of the phone changed",
				"after the caller changed the subject Subject returned: the stored passport changed",
				"after the caller changed the subject it passed to Correct: the stored property changed",
				"after the caller changed the holds Holds returned, the stored holds are"}},
	}
	// A nil constructor, a nil implementation or a nil stream is reported,
	// never a panic of the suite.
	tests = append(tests, []struct {
		which      string
		mustFail   []string
		mustPass   []string
		mustReport []string
	}{
		{"store-nil-stream", []string{"BySubject", "Open", "OpenWhileWriting"}, []string{"RoundTrip", "Update"},
			[]string{"Store.BySubject returned a nil iterator", "Store.Open returned a nil iterator"}},
		{"journal-nil-stream", []string{"RoundTrip", "Queries"}, nil, []string{"Journal.BySubject returned a nil iterator"}},
		{"audit-nil-stream", []string{"Between", "Concurrent"}, nil, []string{"AuditLog.Between returned a nil iterator"}},
		{"nil-constructor", nil, nil, []string{"requeststest.TestStore: newStore is nil"}},
		{"directory-nil", []string{"Subject", "BlockUnblock"}, nil, []string{"the directory newDir returned is nil"}},
	}...)
	for _, tt := range tests {
		t.Run(tt.which, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestBrokenImplementationsHelper$", "-test.v")
			cmd.Env = append(os.Environ(), "PDNKIT_REQUESTS_BROKEN="+tt.which)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the suite passed a broken %s:\n%s", tt.which, out)
			}
			text := string(out)
			if strings.Contains(text, "panic:") {
				t.Errorf("the suite panicked on the broken %s instead of reporting it", tt.which)
			}
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
