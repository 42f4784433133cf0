package pdata

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"log/slog"
)

// INN is a taxpayer identification number (ИНН): 12 digits for a person
// (and an individual entrepreneur), 10 digits for an organisation.
//
// An INN prints masked through fmt (every verb) and log/slog, showing its
// last two digits. The full value comes only from Digits and from the JSON and
// SQL encodings used for storage. The zero value means "not recorded".
type INN struct {
	n   uint64 // scrambled, see hideNum
	len uint8
}

var (
	innW10 = [...]int{2, 4, 10, 3, 5, 9, 4, 6, 8}
	innW11 = [...]int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8}
	innW12 = [...]int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}

	errINNLen = parseErr("INN", "inn",
		"must be 12 digits for a person or 10 for an organisation",
		"ИНН должен состоять из 12 цифр (физическое лицо) или 10 цифр (организация)")
	errINNControl = parseErr("INN", "inn", "control digit does not match", "неверное контрольное число ИНН")
)

// ParseINN parses a 10- or 12-digit INN, with or without spaces, and checks
// its control digits by the Federal Tax Service algorithm: each control digit
// is the weighted sum of the digits before it, modulo 11, modulo 10 (weights
// 2,4,10,3,5,9,4,6,8 for the tenth digit of an organisation's INN;
// 7,2,4,10,3,5,9,4,6,8 and 3,7,2,4,10,3,5,9,4,6,8 for the eleventh and
// twelfth digits of a person's). It does not allocate on success.
func ParseINN(s string) (INN, error) {
	var d [12]byte
	n, ok := scanDigits(s, d[:])
	if !ok || (n != 10 && n != 12) {
		return INN{}, errINNLen
	}
	if d[0] == 0 && d[1] == 0 {
		return INN{}, parseErr("INN", "inn", "region code 00 does not exist", "код субъекта РФ «00» в ИНН не существует")
	}
	if n == 10 {
		if innCheck(d[:9], innW10[:]) != d[9] {
			return INN{}, errINNControl
		}
	} else if innCheck(d[:10], innW11[:]) != d[10] || innCheck(d[:11], innW12[:]) != d[11] {
		return INN{}, errINNControl
	}
	return INN{n: hideNum(number(d[:n])), len: uint8(n)}, nil
}

func innCheck(d []byte, w []int) byte {
	sum := 0
	for i, c := range d {
		sum += int(c) * w[i]
	}
	return byte(sum % 11 % 10)
}

// IsZero reports whether no INN is recorded.
func (v INN) IsZero() bool { return v.len == 0 }

// IsPerson reports whether this is a person's 12-digit INN.
func (v INN) IsPerson() bool { return v.len == 12 }

// Digits returns the full 10 or 12 digits.
func (v INN) Digits() string {
	if v.len == 0 {
		return ""
	}
	return padDigits(showNum(v.n), int(v.len))
}

// Masked returns the form safe for logs and screens: "**********34".
func (v INN) Masked() string { return maskTail(v.Digits(), 2) }

// String returns the masked form.
func (v INN) String() string { return v.Masked() }

// GoString returns the masked form.
func (v INN) GoString() string { return "pdata.INN(" + v.Masked() + ")" }

// Format implements fmt.Formatter: every verb prints the masked form.
func (v INN) Format(f fmt.State, verb rune) { formatMasked(f, verb, v) }

// LogValue implements slog.LogValuer: logs get the masked form.
func (v INN) LogValue() slog.Value { return logMasked(v) }

// MarshalJSON encodes the full digits, for storage.
func (v INN) MarshalJSON() ([]byte, error) { return json.Marshal(v.Digits()) }

// UnmarshalJSON parses and checks a stored INN.
func (v *INN) UnmarshalJSON(b []byte) error { return unmarshalID(b, v, ParseINN) }

// Value implements driver.Valuer.
func (v INN) Value() (driver.Value, error) { return nullable(v.Digits()), nil }

// Scan implements sql.Scanner.
func (v *INN) Scan(src any) error { return scanID(src, v, ParseINN) }
