package requests

import (
	"errors"
	"testing"
)

// Every enumeration goes through the one names helper: each defined value
// has a distinct machine name that parses back to it and a Russian title,
// Valid agrees with the table, and an undefined value is refused with
// ErrInvalid rather than indexing past the table.
func TestNamesServeEveryEnumeration(t *testing.T) {
	check := func(what string, n int, valid func(int) bool, id func(int) string, title func(int) string,
		parse func(string) (int, error), marshal func(int) ([]byte, error)) {
		t.Helper()
		seen := map[string]bool{}
		for v := 0; v <= 255; v++ {
			if got, want := valid(v), v >= 1 && v <= n; got != want {
				t.Errorf("%s(%d).Valid() = %v, table says %v", what, v, got, want)
			}
			if !valid(v) {
				if id(v) != "unknown" || title(v) == "" {
					t.Errorf("%s(%d): undefined value named %q / %q", what, v, id(v), title(v))
				}
				if marshal != nil {
					if _, err := marshal(v); !errors.Is(err, ErrInvalid) {
						t.Errorf("%s(%d).MarshalText: %v, want ErrInvalid", what, v, err)
					}
				}
				continue
			}
			if seen[id(v)] || id(v) == "" || title(v) == "" {
				t.Errorf("%s(%d): name %q title %q (empty or repeated)", what, v, id(v), title(v))
			}
			seen[id(v)] = true
			if parse != nil {
				if back, err := parse(" " + id(v) + " "); err != nil || back != v {
					t.Errorf("%s: %q parses to %d, %v", what, id(v), back, err)
				}
			}
		}
		if parse != nil {
			if _, err := parse("nonsense"); !errors.Is(err, ErrInvalid) {
				t.Errorf("%s: an unknown name gives %v, want ErrInvalid", what, err)
			}
		}
	}
	check("Kind", 6, func(v int) bool { return Kind(v).Valid() }, func(v int) string { return Kind(v).String() },
		func(v int) string { return Kind(v).Title() }, func(s string) (int, error) { k, err := ParseKind(s); return int(k), err },
		func(v int) ([]byte, error) { return Kind(v).MarshalText() })
	check("Party", 4, func(v int) bool { return Party(v).Valid() }, func(v int) string { return Party(v).String() },
		func(v int) string { return Party(v).Title() }, func(s string) (int, error) { p, err := ParseParty(s); return int(p), err },
		func(v int) ([]byte, error) { return Party(v).MarshalText() })
	check("Channel", 3, func(v int) bool { return Channel(v).Valid() }, func(v int) string { return Channel(v).String() },
		func(v int) string { return Channel(v).Title() }, nil, nil)
	check("Status", 9, func(v int) bool { return Status(v).Valid() }, func(v int) string { return Status(v).String() },
		func(v int) string { return Status(v).Title() },
		func(s string) (int, error) { var x Status; err := x.UnmarshalText([]byte(s)); return int(x), err },
		func(v int) ([]byte, error) { return Status(v).MarshalText() })
	check("Action", 17, func(v int) bool { return Action(v).Valid() }, func(v int) string { return Action(v).String() },
		func(v int) string { return Action(v).Title() },
		func(s string) (int, error) { var x Action; err := x.UnmarshalText([]byte(s)); return int(x), err },
		func(v int) ([]byte, error) { return Action(v).MarshalText() })
	check("RefusalReason", 11, func(v int) bool { return RefusalReason(v).Valid() }, func(v int) string { return RefusalReason(v).String() },
		func(v int) string { return RefusalReason(v).Title() },
		func(s string) (int, error) {
			var x RefusalReason
			err := x.UnmarshalText([]byte(s))
			return int(x), err
		},
		func(v int) ([]byte, error) { return RefusalReason(v).MarshalText() })
	for _, r := range RefusalReasons() {
		if r.Basis().IsZero() {
			t.Errorf("refusal %s has no basis", r)
		}
	}
}
