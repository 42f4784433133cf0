package destruction_test

import (
	"encoding"
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// textEnum is what the act's enumerations implement for storage.
type textEnum interface {
	encoding.TextMarshaler
	String() string
}

// The act's enumerations travel by machine name (the JSON an inspector's
// copy and the archive keep): every member round-trips, the zero value is
// "" both ways so that an incomplete item can still be stored and reported
// by validation, and an unknown name is refused with ErrInvalid naming
// what was decoded, leaving the value as it was.
func TestEnumsTextRoundTrip(t *testing.T) {
	type tc struct {
		name    string
		members []textEnum
		zero    textEnum
		decode  func([]byte) (textEnum, error) // decodes into a value preset to the first member
		what    string
	}
	tests := []tc{
		{"Ground", enums(destruction.Grounds()), destruction.Ground(0), func(b []byte) (textEnum, error) {
			v := destruction.GroundRetentionExpired
			err := v.UnmarshalText(b)
			return v, err
		}, "ground"},
		{"MediumKind", enums(destruction.MediumKinds()), destruction.MediumKind(0), func(b []byte) (textEnum, error) {
			v := destruction.MediumPaper
			err := v.UnmarshalText(b)
			return v, err
		}, "medium kind"},
		{"Method", enums(destruction.Methods()), destruction.Method(0), func(b []byte) (textEnum, error) {
			v := destruction.MethodShredding
			err := v.UnmarshalText(b)
			return v, err
		}, "method"},
		{"ActKind", enums([]destruction.ActKind{destruction.SelectionAct, destruction.DestructionAct}), destruction.ActKind(0), func(b []byte) (textEnum, error) {
			v := destruction.SelectionAct
			err := v.UnmarshalText(b)
			return v, err
		}, "act kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEmpty(t, tt.members)
			seen := map[string]bool{}
			for _, m := range tt.members {
				b, err := m.MarshalText()
				require.NoError(t, err)
				assert.Equal(t, m.String(), string(b))
				assert.False(t, seen[string(b)], "two members share the name %q", b)
				seen[string(b)] = true
				got, err := tt.decode(b)
				require.NoError(t, err)
				assert.Equal(t, m, got)
			}
			b, err := tt.zero.MarshalText()
			require.NoError(t, err)
			assert.Empty(t, b, "the zero value encodes as \"\"")
			got, err := tt.decode(nil)
			require.NoError(t, err)
			assert.Equal(t, tt.zero, got, "\"\" decodes to the zero value")

			got, err = tt.decode([]byte("no_such_name"))
			require.ErrorIs(t, err, destruction.ErrInvalid)
			assert.ErrorContains(t, err, "unknown "+tt.what+` "no_such_name"`)
			assert.Equal(t, tt.members[0], got, "a refused name leaves the value unchanged")
		})
	}
}

func enums[T textEnum](list []T) []textEnum {
	out := make([]textEnum, len(list))
	for i, v := range list {
		out[i] = v
	}
	return out
}
