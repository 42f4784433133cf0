package destruction_test

import (
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/destruction/destructiontest"
)

// TestMemStore runs the conformance suite against the in-memory store
// (go test -race runs its concurrency checks under the race detector).
func TestMemStore(t *testing.T) {
	destructiontest.TestStore(t, func() destruction.Store { return destruction.NewMemStore() })
}
