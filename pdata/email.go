package pdata

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Email is an e-mail address. Its domain is kept in lower case.
//
// An Email prints masked through fmt and log/slog ("i***@example.ru"); the
// full value comes only from Address and from the JSON and SQL encodings.
type Email struct{ s string } // scrambled, see flipString

// ParseEmail parses an address of the form local@domain: the local part 1–64
// bytes of valid UTF-8 without spaces (Unicode spaces included), control
// characters, quotes, angle brackets, commas, semicolons or backslashes, not
// starting or ending with a dot and without two dots in a row; the domain two
// or more labels of letters, digits and hyphens (internationalised domains in
// punycode or Cyrillic letters are accepted), the last label not all digits;
// 254 bytes at most. Spaces around the address are ignored.
func ParseEmail(s string) (Email, error) {
	s = strings.TrimSpace(s)
	at := strings.LastIndexByte(s, '@')
	if len(s) > 254 || at < 1 || at > 64 || at == len(s)-1 || !utf8.ValidString(s) {
		return Email{}, errEmail
	}
	local, domain := s[:at], s[at+1:]
	for _, r := range local {
		if r <= ' ' || r == '@' || r == '"' || r == '<' || r == '>' || r == ',' || r == ';' || r == '\\' ||
			unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return Email{}, errEmail
		}
	}
	if local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return Email{}, errEmail
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return Email{}, errEmail
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return Email{}, errEmail
		}
		for _, r := range l {
			if !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 'а' && r <= 'я' || r >= 'А' && r <= 'Я' || r == 'ё' || r == 'Ё') {
				return Email{}, errEmail
			}
		}
	}
	if strings.Trim(labels[len(labels)-1], "0123456789") == "" {
		return Email{}, errEmail // "name@10.0.0.1" and the like: no top-level domain is numeric
	}
	return Email{s: flipString(local + "@" + strings.ToLower(domain))}, nil
}

var errEmail = parseErr("e-mail", "email",
	"must be an address of the form name@domain.tld",
	"адрес электронной почты должен иметь вид имя@домен.зона")

// IsZero reports whether no address is recorded.
func (e Email) IsZero() bool { return e.s == "" }

// Address returns the full address.
func (e Email) Address() string { return flipString(e.s) }

// Masked returns the form safe for logs and screens: the first character of
// the local part, stars, and the domain ("i***@example.ru").
func (e Email) Masked() string {
	a := e.Address()
	if a == "" {
		return ""
	}
	at := strings.LastIndexByte(a, '@')
	_, size := utf8.DecodeRuneInString(a)
	return a[:size] + "***" + a[at:]
}

// String returns the masked form.
func (e Email) String() string { return e.Masked() }

// GoString returns the masked form.
func (e Email) GoString() string { return "pdata.Email(" + e.Masked() + ")" }

// Format implements fmt.Formatter: every verb prints the masked form.
func (e Email) Format(f fmt.State, verb rune) { formatMasked(f, verb, e) }

// LogValue implements slog.LogValuer.
func (e Email) LogValue() slog.Value { return logMasked(e) }

// MarshalJSON encodes the full address, for storage.
func (e Email) MarshalJSON() ([]byte, error) { return json.Marshal(e.Address()) }

// UnmarshalJSON parses and checks a stored address.
func (e *Email) UnmarshalJSON(b []byte) error { return unmarshalID(b, e, ParseEmail) }

// Value implements driver.Valuer.
func (e Email) Value() (driver.Value, error) { return nullable(e.Address()), nil }

// Scan implements sql.Scanner.
func (e *Email) Scan(src any) error { return scanID(src, e, ParseEmail) }
