package destructiontest_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/destruction/destructiontest"
)

func TestMemStorePasses(t *testing.T) {
	destructiontest.TestStore(t, func() destruction.Store { return destruction.NewMemStore() })
}

// broken stores, each breaking one contract the suite promises to check
// (issue 5: append-only acts, ErrConflict on a stale or duplicate write,
// ErrNotFound for what is missing). They run in a child process, where
// the suite must fail, selected by an environment variable.
var broken = map[string]func() destruction.Store{
	// a stale or duplicate act version silently succeeds (and is dropped).
	"stale-accepted": func() destruction.Store { return staleAccepted{destruction.NewMemStore()} },
	// a second commission under an existing ID silently succeeds.
	"duplicate-commission": func() destruction.Store { return dupCommission{destruction.NewMemStore()} },
	// a missing act reads as an empty record instead of ErrNotFound.
	"missing-is-empty": func() destruction.Store { return missingEmpty{destruction.NewMemStore()} },
	// no constructor at all, and one that makes nothing: a failure, not a panic.
	"nil-newstore": nil,
	"returns-nil":  func() destruction.Store { return nil },
}

// TestSuiteCatches runs the suite against each broken store in a child
// process and checks that it fails, naming the broken contract: a suite
// that passes anything would pass them too.
func TestSuiteCatches(t *testing.T) {
	if name := os.Getenv("DESTRUCTIONTEST_BROKEN"); name != "" {
		destructiontest.TestStore(t, broken[name])
		return
	}
	if testing.Short() {
		t.Skip("runs child processes")
	}
	for name, want := range map[string]string{
		"stale-accepted":       "AppendAct of a stale version 2: got <nil>, want ErrConflict",
		"duplicate-commission": "second AddCommission with the same ID: got <nil>, want ErrConflict",
		"missing-is-empty":     "LatestAct of an unknown act: got <nil>, want ErrNotFound",
		"nil-newstore":         "destructiontest: newStore is nil",
		"returns-nil":          "newStore returned nil",
	} {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestSuiteCatches$", "-test.v")
			cmd.Env = append(os.Environ(), "DESTRUCTIONTEST_BROKEN="+name)
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

type staleAccepted struct{ *destruction.MemStore }

func (s staleAccepted) AppendAct(ctx context.Context, r destruction.ActRecord) error {
	if err := s.MemStore.AppendAct(ctx, r); !errors.Is(err, destruction.ErrConflict) {
		return err
	}
	return nil // pretends the write landed
}

type dupCommission struct{ *destruction.MemStore }

func (s dupCommission) AddCommission(ctx context.Context, c destruction.Commission) error {
	if err := s.MemStore.AddCommission(ctx, c); !errors.Is(err, destruction.ErrConflict) {
		return err
	}
	return nil
}

type missingEmpty struct{ *destruction.MemStore }

func (s missingEmpty) LatestAct(ctx context.Context, id string) (destruction.ActRecord, error) {
	r, err := s.MemStore.LatestAct(ctx, id)
	if errors.Is(err, destruction.ErrNotFound) {
		return destruction.ActRecord{}, nil
	}
	return r, err
}
