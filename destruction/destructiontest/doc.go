// Package destructiontest checks that an implementation of
// destruction.Store behaves as package destruction relies on: commissions
// and act versions are kept and returned as written, versions are appended
// in order and never overwritten, stale or duplicate writes fail with
// ErrConflict, missing things with ErrNotFound, concurrent writers cannot
// both win, and a cancelled context is honoured.
//
// A host runs it from its own tests, with a fresh, empty store per call:
//
//	func TestPostgresStore(t *testing.T) {
//		destructiontest.TestStore(t, func() destruction.Store { return newTestStore(t) })
//	}
//
// It uses only the standard library's testing package.
package destructiontest
