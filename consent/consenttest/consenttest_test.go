package consenttest_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/consent/consenttest"
)

func TestMemoryStorePasses(t *testing.T) {
	consenttest.TestStore(t, func() consent.Store { return consent.NewMemoryStore() })
}

// The zero MemoryStore is ready to use (its maps are made on the first Add)
// and passes the whole suite too.
func TestZeroMemoryStorePasses(t *testing.T) {
	consenttest.TestStore(t, func() consent.Store { return &consent.MemoryStore{} })
}

// broken stores, each breaking one contract. They run in a child process
// (the suite must fail there) selected by an environment variable.
var broken = map[string]func() consent.Store{
	// keeps the caller's slices: a change after Add shows in the store.
	"sharing": func() consent.Store { return &sharing{m: map[string]consent.Consent{}} },
	// a withdrawal deletes the consent.
	"erasing": func() consent.Store { return &erasing{consent.NewMemoryStore()} },
	// a duplicate ID overwrites.
	"overwriting": func() consent.Store { return &overwriting{consent.NewMemoryStore()} },
	// no store at all: the suite says so instead of panicking.
	"nil":      func() consent.Store { return nil },
	"nil-func": nil,
}

// TestSuiteCatches runs the suite against each broken store in a child
// process and checks that it fails, naming the broken contract.
func TestSuiteCatches(t *testing.T) {
	if name := os.Getenv("CONSENTTEST_BROKEN"); name != "" {
		consenttest.TestStore(t, broken[name])
		return
	}
	if testing.Short() {
		t.Skip("runs child processes")
	}
	for name, want := range map[string]string{
		"sharing":     "changing the value passed to Add changed the stored consent",
		"erasing":     "a withdrawal must never erase the consent",
		"overwriting": "want one matching ErrConflict",
		"nil":         "newStore returned a nil Store",
		"nil-func":    "consenttest.TestStore needs a function that returns a new, empty Store; got nil",
	} {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestSuiteCatches$", "-test.v")
			cmd.Env = append(os.Environ(), "CONSENTTEST_BROKEN="+name)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the suite passed a %s store:\n%s", name, out)
			}
			if !strings.Contains(string(out), want) {
				t.Fatalf("the suite failed a %s store without saying %q:\n%s", name, want, out)
			}
		})
	}
}

type sharing struct {
	mu sync.Mutex
	m  map[string]consent.Consent
	l  []string
}

func (s *sharing) Add(ctx context.Context, c consent.Consent) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if c.ID == "" || c.SubjectID == "" {
		return consent.ErrInvalid
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[c.ID]; ok {
		return consent.ErrConflict
	}
	s.m[c.ID] = c // shares c's slices with the caller
	s.l = append(s.l, c.ID)
	return nil
}

func (s *sharing) Get(ctx context.Context, id string) (consent.Consent, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.m[id]
	if !ok {
		return c, consent.ErrNotFound
	}
	return c, nil
}

func (s *sharing) ListBySubject(ctx context.Context, subj string) ([]consent.Consent, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []consent.Consent
	for _, id := range s.l {
		if s.m[id].SubjectID == subj {
			out = append(out, s.m[id])
		}
	}
	return out, nil
}

func (s *sharing) Withdraw(ctx context.Context, id string, w consent.Withdrawal) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.m[id]
	switch {
	case !ok:
		return consent.ErrNotFound
	case c.Withdrawn != nil:
		return consent.ErrConflict
	}
	c.Withdrawn = &w
	s.m[id] = c
	return nil
}

type erasing struct{ *consent.MemoryStore }

func (s *erasing) Withdraw(ctx context.Context, id string, w consent.Withdrawal) error {
	if _, err := s.Get(ctx, id); err != nil {
		return err
	}
	// Pretends to erase by hiding the consent from Get.
	return s.MemoryStore.Withdraw(ctx, id, w)
}

func (s *erasing) Get(ctx context.Context, id string) (consent.Consent, error) {
	c, err := s.MemoryStore.Get(ctx, id)
	if err == nil && c.Withdrawn != nil {
		return consent.Consent{}, consent.ErrNotFound
	}
	return c, err
}

type overwriting struct{ *consent.MemoryStore }

func (s *overwriting) Add(ctx context.Context, c consent.Consent) error {
	err := s.MemoryStore.Add(ctx, c)
	if errors.Is(err, consent.ErrConflict) {
		return nil // silently accepts the duplicate
	}
	return err
}
