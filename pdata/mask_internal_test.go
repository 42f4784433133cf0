package pdata

import (
	"strconv"
	"strings"
	"testing"
	"testing/quick"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestMaskTail(t *testing.T) {
	tests := []struct {
		s    string
		keep int
		want string
	}{
		{"112-233-445 95", 2, "***-***-*** 95"},
		{"638100012391", 2, "**********91"},
		{"36 10 123456", 2, "** ** ****56"},
		{"0502003:123", 1, "*******:**3"},
		// keep counts digits, not characters: a separator near the end
		// does not use up the digits shown (it used to: "**-3").
		{"12-3", 2, "*2-3"},
		{"1 2 3 4", 2, "* * 3 4"},
		{"123", 0, "***"},
		{"123", -1, "***"},
		{"123", 5, "123"},
		{"", 2, ""},
		{"abc", 2, "abc"},
		{"№12345", 2, "№***45"},
		{"ab1cd2ef3", 1, "ab*cd*ef3"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, maskTail(tc.s, tc.keep), "maskTail(%q, %d)", tc.s, tc.keep)
	}
}

// Invariants of maskTail for any input: same length, non-digits unchanged,
// at most keep digits left, and valid UTF-8 stays valid.
func TestMaskTailProperties(t *testing.T) {
	f := func(s string, k uint8) bool {
		keep := int(k % 8)
		m := maskTail(s, keep)
		if len(m) != len(s) || utf8.ValidString(s) != utf8.ValidString(m) {
			return false
		}
		digits := 0
		for i := range len(s) {
			switch {
			case s[i] >= '0' && s[i] <= '9':
				if m[i] != '*' {
					digits++
					if m[i] != s[i] {
						return false
					}
				}
			case m[i] != s[i]:
				return false
			}
		}
		return digits <= keep
	}
	assert.NoError(t, quick.Check(f, &quick.Config{MaxCount: 5000}))
}

func TestFlipString(t *testing.T) {
	for _, s := range []string{"ivan@example.ru", "иван@почта.рф", "63:24:0502003:123", "Ёлка@ёлки.рф", "", "a", "\xd0", "\xd0a", "日本"} {
		f := flipString(s)
		assert.Equal(t, s, flipString(f), "involution on %q", s)
		assert.Equal(t, utf8.ValidString(s), utf8.ValidString(f), "validity of %q", s)
		if len(s) > 1 && s != "日本" && s != "\xd0" {
			assert.NotEqual(t, s, f, "%q is scrambled", s)
		}
	}
	// The scrambled form of a cadastral number holds no digits in place.
	assert.NotContains(t, flipString("63:24:0502003:123"), "0502003")
	// Printable ASCII stays printable: no control characters reach a log.
	for c := byte('!'); c <= '~'; c++ {
		r := flipString(string(c))[0]
		assert.True(t, r >= '!' && r <= '~', "%q → %q", c, r)
	}
	f := func(b []byte) bool {
		s := string(b)
		return flipString(flipString(s)) == s && utf8.ValidString(s) == utf8.ValidString(flipString(s))
	}
	assert.NoError(t, quick.Check(f, &quick.Config{MaxCount: 5000}))
}

func TestHideNum(t *testing.T) {
	assert.Equal(t, uint64(0), hideNum(0), "zero stays unset")
	assert.Equal(t, uint64(0), showNum(0))
	for _, n := range []uint64{1, 11223344595, 638100012391, 3610123456, 9271234567, 999999999999999} {
		h := hideNum(n)
		assert.NotZero(t, h)
		assert.Equal(t, n, showNum(h))
		if n > 9999 {
			assert.NotContains(t, strconv.FormatUint(h, 10), strconv.FormatUint(n, 10))
		}
	}
	f := func(n uint64) bool {
		n >>= 1 // identifiers are below 2^63
		return n == 0 || hideNum(n) != 0 && showNum(hideNum(n)) == n
	}
	assert.NoError(t, quick.Check(f, nil))
}

// The raw struct of every identifier — what fmt prints by reflection for %p
// or for an unexported field — holds no digits of the value.
func TestScrambledStorage(t *testing.T) {
	s, _ := ParseSNILS("112-233-445 95")
	i, _ := ParseINN("638100012391")
	p, _ := ParsePassport("36 10 123456")
	ph, _ := ParsePhone("+79271234567")
	e, _ := ParseEmail("ivan@example.ru")
	c, _ := ParseCadastral("63:24:0502003:123")
	for _, tc := range []struct{ raw, full string }{
		{strconv.FormatUint(s.n, 10), "11223344595"},
		{strconv.FormatUint(i.n, 10), "638100012391"},
		{strconv.FormatUint(p.n, 10), "3610123456"},
		{strconv.FormatUint(ph.n, 10), "9271234567"},
		{e.s, "ivan@example.ru"},
		{c.s, "0502003"},
	} {
		assert.False(t, strings.Contains(tc.raw, tc.full), "%q holds %q", tc.raw, tc.full)
	}
}
