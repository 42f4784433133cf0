package pdata

import (
	"fmt"
	"io"
	"log/slog"
)

// redacted is implemented by every identifier type: Masked returns the form
// that may appear in logs and on screens.
type redacted interface{ Masked() string }

// formatMasked writes the masked form for every fmt verb, so that %v, %s,
// %+v, %#v, %q and %x never reveal a full identifier.
func formatMasked(f fmt.State, verb rune, r redacted) {
	switch verb {
	case 'q':
		fmt.Fprintf(f, "%q", r.Masked())
	default:
		io.WriteString(f, r.Masked())
	}
}

func logMasked(r redacted) slog.Value { return slog.StringValue(r.Masked()) }

// scanDigits reads up to len(buf) ASCII digits from s into buf, skipping the
// separators people write identifiers with (space, no-break space, hyphen).
// It returns the number of digits read; ok is false when s holds any other
// character or more digits than buf can take. It does not allocate.
func scanDigits(s string, buf []byte) (n int, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n == len(buf) {
				return n, false
			}
			buf[n] = c - '0'
			n++
		case c == ' ' || c == '-' || c == '\t':
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0: // U+00A0 no-break space
			i++
		default:
			return n, false
		}
	}
	return n, true
}

// number folds digits into an integer.
func number(d []byte) uint64 {
	var v uint64
	for _, c := range d {
		v = v*10 + uint64(c)
	}
	return v
}

// padDigits formats v as exactly width decimal digits.
func padDigits(v uint64, width int) string {
	b := make([]byte, width)
	for i := width - 1; i >= 0; i-- {
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return string(b)
}

// maskTail returns stars for all but the last keep characters of s.
func maskTail(s string, keep int) string {
	if keep > len(s) {
		keep = len(s)
	}
	b := make([]byte, len(s))
	for i := range b {
		if i < len(s)-keep && s[i] >= '0' && s[i] <= '9' {
			b[i] = '*'
		} else {
			b[i] = s[i]
		}
	}
	return string(b)
}

func parseErr(what, rule, en, ru string) *ParseError {
	return &ParseError{What: what, Rule: rule, Reason: en, ReasonRU: ru}
}
