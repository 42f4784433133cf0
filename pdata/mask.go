package pdata

import (
	"fmt"
	"io"
	"log/slog"
)

// redacted is implemented by every identifier type and by Subject and its
// parts: Masked returns the form that may appear in logs and on screens,
// GoString the same wrapped in the type's name.
type redacted interface {
	Masked() string
	GoString() string
}

// formatMasked writes the masked form for every fmt verb, so that %v, %s,
// %+v, %#v, %q and %x never reveal a full value: %#v gives GoString, %q the
// masked form quoted, every other verb the masked form.
func formatMasked(f fmt.State, verb rune, r redacted) {
	switch {
	case verb == 'q':
		fmt.Fprintf(f, "%q", r.Masked())
	case verb == 'v' && f.Flag('#'):
		io.WriteString(f, r.GoString())
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

// maskTail returns s with every ASCII digit replaced by a star except the
// last keep digits; separators and other characters stay as they are, so
// "112-233-445 95" with keep 2 gives "***-***-*** 95". A keep of zero or less
// masks every digit.
func maskTail(s string, keep int) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '0' || b[i] > '9' {
			continue
		}
		if keep > 0 {
			keep--
			continue
		}
		b[i] = '*'
	}
	return string(b)
}

// Identifiers keep their value in a scrambled form, so that the few ways fmt
// prints a value without calling its methods — the %p verb, and a value held
// in an unexported field of the host's struct, which fmt can only reach by
// reflection — show no digits of the identifier. The scrambling is not
// encryption: it only keeps a full value out of a log line by accident.

// numKey scrambles the numbers of SNILS, INN, Passport and Phone. Its top bit
// is set, so a scrambled identifier (always below 2^63) is never zero, and
// zero stays "not recorded".
const numKey uint64 = 0x9E3779B97F4A7C15

// hideNum scrambles a non-zero number; zero stays zero (unset).
func hideNum(n uint64) uint64 {
	if n == 0 {
		return 0
	}
	return n ^ numKey
}

// showNum undoes hideNum.
func showNum(h uint64) uint64 {
	if h == 0 {
		return 0
	}
	return h ^ numKey
}

// flipString scrambles a string kept by Email and CadastralNumber, and undoes
// its own scrambling (it is an involution): printable ASCII is rotated by 47
// within '!'..'~' (ROT47), and the second byte of a two-byte Cyrillic UTF-8
// sequence (lead byte 0xD0 or 0xD1) has bit 0x20 flipped, which keeps it in
// 0x80..0xBF, so a valid string stays valid UTF-8 and prints without control
// characters. Other bytes are kept.
func flipString(s string) string {
	if s == "" {
		return ""
	}
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= '!' && c <= '~':
			b[i] = '!' + (c-'!'+47)%94
		case c >= 0x80 && c <= 0xBF && i > 0 && (s[i-1] == 0xD0 || s[i-1] == 0xD1):
			b[i] = c ^ 0x20
		}
	}
	return string(b)
}

func parseErr(what, rule, en, ru string) *ParseError {
	return &ParseError{What: what, Rule: rule, Reason: en, ReasonRU: ru}
}
