package requests

import "strings"

// named is the machine name and the Russian title of one value of an
// enumeration (Kind, Party, Channel, Status, Action, RefusalReason).
type named struct{ id, title string }

// names serves the String, Title, MarshalText and UnmarshalText methods of
// an enumeration whose values are 1…len(info)-1 (0 is undefined).
type names[T ~uint8] struct {
	info    []named
	unknown string // the Russian title of an undefined value
	err     error  // the error for an undefined value or an unknown name
}

func (n names[T]) valid(v T) bool { return v >= 1 && int(v) < len(n.info) }

func (n names[T]) id(v T) string {
	if !n.valid(v) {
		return "unknown"
	}
	return n.info[v].id
}

func (n names[T]) title(v T) string {
	if !n.valid(v) {
		return n.unknown
	}
	return n.info[v].title
}

func (n names[T]) marshal(v T) ([]byte, error) {
	if !n.valid(v) {
		return nil, n.err
	}
	return []byte(n.info[v].id), nil
}

// parse finds a machine name, ignoring case and surrounding spaces.
func (n names[T]) parse(s string) (T, error) {
	s = strings.TrimSpace(s)
	for i := 1; i < len(n.info); i++ {
		if strings.EqualFold(s, n.info[i].id) {
			return T(i), nil
		}
	}
	return 0, n.err
}

// unmarshal decodes a machine name into *v.
func (n names[T]) unmarshal(v *T, b []byte) error {
	x, err := n.parse(string(b))
	if err != nil {
		return err
	}
	*v = x
	return nil
}
