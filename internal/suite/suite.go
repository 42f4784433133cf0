package suite

import "testing"

// Case is one check of a conformance suite, run on a fresh implementation.
type Case[T any] struct {
	Name string
	Fn   func(*testing.T, T)
}

// Run runs every case as a subtest on an implementation made by newImpl,
// failing the subtest when newImpl returns nil. what names the constructor
// in that failure ("newStore").
func Run[T any](t *testing.T, what string, newImpl func() T, cases []Case[T]) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			impl := newImpl()
			if any(impl) == nil {
				t.Fatal(what + " returned nil")
			}
			c.Fn(t, impl)
		})
	}
}
