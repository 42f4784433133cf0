package pdata

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"log/slog"
)

// Phone is a Russian telephone number, kept as its ten national digits and
// written in the normalised form "+7XXXXXXXXXX".
//
// A Phone prints masked through fmt and log/slog ("+7 *** ***-**-67"); the
// full value comes only from E164 and from the JSON and SQL encodings.
type Phone struct{ n uint64 } // scrambled, see hideNum

// ParsePhone parses a Russian number in any of the usual written forms:
// "+7 (927) 123-45-67", "8 927 123 45 67", "79271234567" or the ten national
// digits alone. Spaces (the no-break space included), hyphens and
// parentheses are ignored. A leading "+" must be followed by the country code
// 7 and ten digits ("+8…" or "+927…" are not Russian numbers). The national
// number must start with 3, 4, 8 or 9 (geographic, toll-free and mobile
// codes); +7 6XX and +7 7XX numbers belong to Kazakhstan and are refused.
// It does not allocate on success.
func ParsePhone(s string) (Phone, error) {
	var d [12]byte
	n := 0
	plus := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n == len(d) {
				return Phone{}, errPhoneLen
			}
			d[n] = c - '0'
			n++
		case c == ' ' || c == '-' || c == '(' || c == ')' || c == '\t':
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0: // U+00A0 no-break space
			i++
		case c == '+' && n == 0 && !plus:
			plus = true
		default:
			return Phone{}, errPhoneLen
		}
	}
	nat := d[:n]
	switch {
	case n == 11 && (d[0] == 7 || d[0] == 8 && !plus):
		nat = d[1:11]
	case n == 10 && !plus:
	default:
		return Phone{}, errPhoneLen
	}
	switch nat[0] {
	case 3, 4, 8, 9:
	default:
		return Phone{}, errPhoneForeign
	}
	return Phone{n: hideNum(number(nat))}, nil
}

var errPhoneForeign = parseErr("phone", "ru_phone",
	"is not a Russian number (the code after +7 must start with 3, 4, 8 or 9)",
	"номер не российский: код после +7 должен начинаться с 3, 4, 8 или 9")

var errPhoneLen = parseErr("phone", "ru_phone",
	"must be a Russian number: +7 and ten digits",
	"телефон должен быть российским номером: +7 и десять цифр")

// IsZero reports whether no phone is recorded.
func (p Phone) IsZero() bool { return p.n == 0 }

// E164 returns the full number as "+7XXXXXXXXXX".
func (p Phone) E164() string {
	if p.n == 0 {
		return ""
	}
	return "+7" + padDigits(showNum(p.n), 10)
}

// Masked returns the form safe for logs and screens: "+7 *** ***-**-67".
func (p Phone) Masked() string {
	if p.n == 0 {
		return ""
	}
	return "+7 *** ***-**-" + padDigits(showNum(p.n)%100, 2)
}

// String returns the masked form.
func (p Phone) String() string { return p.Masked() }

// GoString returns the masked form.
func (p Phone) GoString() string { return "pdata.Phone(" + p.Masked() + ")" }

// Format implements fmt.Formatter: every verb prints the masked form.
func (p Phone) Format(f fmt.State, verb rune) { formatMasked(f, verb, p) }

// LogValue implements slog.LogValuer.
func (p Phone) LogValue() slog.Value { return logMasked(p) }

// MarshalJSON encodes the full "+7XXXXXXXXXX" form, for storage.
func (p Phone) MarshalJSON() ([]byte, error) { return json.Marshal(p.E164()) }

// UnmarshalJSON parses and checks a stored phone.
func (p *Phone) UnmarshalJSON(b []byte) error { return unmarshalID(b, p, ParsePhone) }

// Value implements driver.Valuer.
func (p Phone) Value() (driver.Value, error) { return nullable(p.E164()), nil }

// Scan implements sql.Scanner.
func (p *Phone) Scan(src any) error { return scanID(src, p, ParsePhone) }
