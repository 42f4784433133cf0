package suite

import "testing"

// Every case runs as its own subtest, each on an implementation of its own.
func TestRunGivesEachCaseAFreshImplementation(t *testing.T) {
	made := 0
	var seen []string
	Run(t, "newCounter", func() *int { made++; n := made; return &n }, []Case[*int]{
		{Name: "First", Fn: func(t *testing.T, n *int) { seen = append(seen, t.Name()); *n += 100 }},
		{Name: "Second", Fn: func(t *testing.T, n *int) {
			seen = append(seen, t.Name())
			if *n != 2 {
				t.Errorf("second case got implementation %d, want a fresh one (2)", *n)
			}
		}},
	})
	if made != 2 {
		t.Errorf("made %d implementations, want 2", made)
	}
	want := []string{t.Name() + "/First", t.Name() + "/Second"}
	if len(seen) != 2 || seen[0] != want[0] || seen[1] != want[1] {
		t.Errorf("ran %v, want %v", seen, want)
	}
}
