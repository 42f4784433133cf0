package pdata

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"log/slog"
)

// SNILS is an individual insurance account number (СНИЛС, страховой номер
// индивидуального лицевого счёта) of the Social Fund of Russia: nine digits
// and a two-digit control number.
//
// A SNILS prints masked through fmt (every verb) and log/slog: only its last
// two digits show ("***-***-*** 64"). The full value comes only from Digits,
// Formatted, and the JSON and SQL encodings used for storage. The zero value
// means "not recorded".
type SNILS struct{ n uint64 } // scrambled, see hideNum

var errSNILSChars = parseErr("SNILS", "snils",
	"must be 11 digits, optionally written as NNN-NNN-NNN NN",
	"СНИЛС должен состоять из 11 цифр (допускается запись ННН-ННН-ННН НН)")

// ParseSNILS parses a SNILS written as 11 digits, with or without the usual
// spaces and hyphens ("112-233-445 95", "11223344595"). It checks the control
// number by the Social Fund rule: the first nine digits are weighted 9 down
// to 1 and summed; a sum below 100 is the control number itself, 100 and 101
// give 00, a larger sum is taken modulo 101 (and a remainder of 100 gives 00).
// Numbers up to 001-001-998 were issued before the rule and are not checked.
//
// An error wraps ErrInvalid and says in English and Russian what is wrong,
// without repeating the input. ParseSNILS does not allocate on success.
func ParseSNILS(s string) (SNILS, error) {
	var d [11]byte
	n, ok := scanDigits(s, d[:])
	if !ok || n != 11 {
		return SNILS{}, errSNILSChars
	}
	body := number(d[:9])
	if body == 0 {
		return SNILS{}, parseErr("SNILS", "snils", "number is all zeros", "номер СНИЛС не может состоять из нулей")
	}
	if body > 1001998 && snilsControl(d[:9]) != int(d[9])*10+int(d[10]) {
		return SNILS{}, parseErr("SNILS", "snils", "control number does not match", "неверное контрольное число СНИЛС")
	}
	return SNILS{n: hideNum(number(d[:]))}, nil
}

func snilsControl(d []byte) int {
	sum := 0
	for i, c := range d {
		sum += int(c) * (9 - i)
	}
	switch {
	case sum < 100:
		return sum
	case sum <= 101:
		return 0
	}
	sum %= 101
	if sum == 100 {
		return 0
	}
	return sum
}

// IsZero reports whether no SNILS is recorded.
func (s SNILS) IsZero() bool { return s.n == 0 }

// Digits returns the full 11 digits. Call it only where the full value is
// needed: a document, a report to the Social Fund, storage.
func (s SNILS) Digits() string {
	if s.n == 0 {
		return ""
	}
	return padDigits(showNum(s.n), 11)
}

// Formatted returns the full value in the usual form "NNN-NNN-NNN NN".
func (s SNILS) Formatted() string {
	d := s.Digits()
	if d == "" {
		return ""
	}
	return d[0:3] + "-" + d[3:6] + "-" + d[6:9] + " " + d[9:11]
}

// Masked returns the form safe for logs and screens: "***-***-*** 64".
func (s SNILS) Masked() string {
	if s.n == 0 {
		return ""
	}
	return maskTail(s.Formatted(), 2)
}

// String returns the masked form.
func (s SNILS) String() string { return s.Masked() }

// GoString returns the masked form, so %#v leaks nothing either.
func (s SNILS) GoString() string { return "pdata.SNILS(" + s.Masked() + ")" }

// Format implements fmt.Formatter: every verb prints the masked form.
func (s SNILS) Format(f fmt.State, verb rune) { formatMasked(f, verb, s) }

// LogValue implements slog.LogValuer: logs get the masked form.
func (s SNILS) LogValue() slog.Value { return logMasked(s) }

// MarshalJSON encodes the full 11 digits, for storage (an unset SNILS is "").
func (s SNILS) MarshalJSON() ([]byte, error) { return json.Marshal(s.Digits()) }

// UnmarshalJSON parses and checks a stored SNILS; "" or null leave it unset.
func (s *SNILS) UnmarshalJSON(b []byte) error {
	return unmarshalID(b, s, ParseSNILS)
}

// Value implements driver.Valuer: the full 11 digits, or NULL when unset.
func (s SNILS) Value() (driver.Value, error) { return nullable(s.Digits()), nil }

// Scan implements sql.Scanner.
func (s *SNILS) Scan(src any) error { return scanID(src, s, ParseSNILS) }
