package pdata

import (
	"database/sql/driver"
	"encoding/json"
)

// OGRN is the primary state registration number of the operator: 13 digits
// for an organisation (ОГРН) or 15 for an individual entrepreneur (ОГРНИП).
// It is a public register number and prints in full.
type OGRN struct {
	n   uint64
	len uint8
}

// ParseOGRN parses a 13-digit OGRN or a 15-digit OGRNIP, with or without
// spaces, and checks it the way the Federal Tax Service assigns it: the first
// digit (признак отнесения) is 1 or 5 for an OGRN and 3 for an OGRNIP, and
// the control digit — the first 12 digits as a number modulo 11 for OGRN, the
// first 14 digits modulo 13 for OGRNIP, then modulo 10 — equals the last
// digit.
func ParseOGRN(s string) (OGRN, error) {
	var d [15]byte
	n, ok := scanDigits(s, d[:])
	if !ok || (n != 13 && n != 15) {
		return OGRN{}, parseErr("OGRN", "ogrn",
			"must be 13 digits (OGRN) or 15 digits (OGRNIP)",
			"ОГРН должен состоять из 13 цифр, ОГРНИП — из 15 цифр")
	}
	mod := uint64(11)
	if n == 15 {
		mod = 13
	}
	if n == 13 && d[0] != 1 && d[0] != 5 || n == 15 && d[0] != 3 {
		return OGRN{}, parseErr("OGRN", "ogrn",
			"must start with 1 or 5 (OGRN) or with 3 (OGRNIP)",
			"ОГРН должен начинаться с цифры 1 или 5, ОГРНИП — с цифры 3")
	}
	if byte(number(d[:n-1])%mod%10) != d[n-1] {
		return OGRN{}, parseErr("OGRN", "ogrn", "control digit does not match", "неверное контрольное число ОГРН")
	}
	return OGRN{n: number(d[:n]), len: uint8(n)}, nil
}

// IsZero reports whether no OGRN is recorded.
func (o OGRN) IsZero() bool { return o.len == 0 }

// IsIP reports whether this is an individual entrepreneur's OGRNIP.
func (o OGRN) IsIP() bool { return o.len == 15 }

// Digits returns the 13 or 15 digits.
func (o OGRN) Digits() string {
	if o.len == 0 {
		return ""
	}
	return padDigits(o.n, int(o.len))
}

// Masked returns the digits in full: an OGRN is a public register number,
// printed in every document. It exists so that OGRN offers the same methods
// as the other identifiers.
func (o OGRN) Masked() string { return o.Digits() }

// String returns the digits.
func (o OGRN) String() string { return o.Digits() }

// MarshalJSON encodes the digits.
func (o OGRN) MarshalJSON() ([]byte, error) { return json.Marshal(o.Digits()) }

// UnmarshalJSON parses and checks a stored OGRN.
func (o *OGRN) UnmarshalJSON(b []byte) error { return unmarshalID(b, o, ParseOGRN) }

// Value implements driver.Valuer.
func (o OGRN) Value() (driver.Value, error) { return nullable(o.Digits()), nil }

// Scan implements sql.Scanner.
func (o *OGRN) Scan(src any) error { return scanID(src, o, ParseOGRN) }
