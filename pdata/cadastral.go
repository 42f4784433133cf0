package pdata

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
)

// CadastralNumber is the number of a property in the Unified State Register
// of Real Estate (кадастровый номер, ЕГРН): district, area, quarter and the
// property's own number, "NN:NN:NNNNNN(N):N…", for example "63:24:0502003:123".
//
// Tied to an owner it is personal data: it prints masked through fmt and
// log/slog ("63:24:*******:**3"); the full value comes from Number and from the JSON and SQL encodings.
type CadastralNumber struct{ s string } // scrambled, see flipString

// ParseCadastral parses a cadastral number: two digits, two digits, six or
// seven digits, and one to seven digits, separated by colons. Spaces around
// the number are ignored.
func ParseCadastral(s string) (CadastralNumber, error) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, ":")
	if len(parts) != 4 {
		return CadastralNumber{}, errCadastral
	}
	lens := [4][2]int{{2, 2}, {2, 2}, {6, 7}, {1, 7}}
	for i, p := range parts {
		if len(p) < lens[i][0] || len(p) > lens[i][1] {
			return CadastralNumber{}, errCadastral
		}
		for j := 0; j < len(p); j++ {
			if p[j] < '0' || p[j] > '9' {
				return CadastralNumber{}, errCadastral
			}
		}
	}
	return CadastralNumber{s: flipString(s)}, nil
}

var errCadastral = parseErr("cadastral number", "cadastral",
	"must have the form NN:NN:NNNNNN(N):N… (district, area, quarter, number)",
	"кадастровый номер должен иметь вид АА:ВВ:CCCCCC(C):КК (округ, район, квартал, номер)")

// IsZero reports whether no number is recorded.
func (c CadastralNumber) IsZero() bool { return c.s == "" }

// Number returns the full cadastral number.
func (c CadastralNumber) Number() string { return flipString(c.s) }

// Masked returns the district and area and the last digit of the number.
func (c CadastralNumber) Masked() string {
	n := c.Number()
	if n == "" {
		return ""
	}
	return n[:6] + maskTail(n[6:], 1)
}

// String returns the masked form.
func (c CadastralNumber) String() string { return c.Masked() }

// GoString returns the masked form.
func (c CadastralNumber) GoString() string { return "pdata.CadastralNumber(" + c.Masked() + ")" }

// Format implements fmt.Formatter: every verb prints the masked form.
func (c CadastralNumber) Format(f fmt.State, verb rune) { formatMasked(f, verb, c) }

// LogValue implements slog.LogValuer.
func (c CadastralNumber) LogValue() slog.Value { return logMasked(c) }

// MarshalJSON encodes the full number, for storage.
func (c CadastralNumber) MarshalJSON() ([]byte, error) { return json.Marshal(c.Number()) }

// UnmarshalJSON parses and checks a stored number.
func (c *CadastralNumber) UnmarshalJSON(b []byte) error {
	return unmarshalID(b, c, ParseCadastral)
}

// Value implements driver.Valuer.
func (c CadastralNumber) Value() (driver.Value, error) { return nullable(c.Number()), nil }

// Scan implements sql.Scanner.
func (c *CadastralNumber) Scan(src any) error { return scanID(src, c, ParseCadastral) }
