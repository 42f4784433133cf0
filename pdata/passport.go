package pdata

import (
	"encoding/json"
	"fmt"
	"log/slog"

	"github.com/rickb777/date/v2"
)

// Passport is a Russian internal passport (паспорт гражданина РФ): the
// series (four digits: region code and year of the form) and number (six
// digits), with the issue date, the issuing authority and the division code.
// These are the elements of an identity document that 152-FZ art. 9 part 4
// and art. 14 part 3 require in a consent and in a request.
//
// A Passport prints masked through fmt and log/slog ("** ** ****56");
// the full series and number come only from Series, Number, Digits and the
// JSON encoding used for storage.
type Passport struct {
	n uint64 // series*1e6 + number, scrambled (see hideNum); 0 when unset

	// IssueDate is the date the passport was issued (date.Zero: not recorded).
	IssueDate date.Date
	// Issuer is the issuing authority as written in the passport.
	Issuer string
	// DivisionCode is the issuing division's code, "NNN-NNN".
	DivisionCode string
}

// firstPassportDay is the day the current Russian internal passport was
// introduced (Government decree No. 828 of 08.07.1997, issued from 1 October 1997).
var firstPassportDay = date.New(1997, 10, 1)

// ParsePassport parses the series and number of a Russian internal passport:
// ten digits, usually written "45 10 123456" or "4510 123456" (spaces and
// hyphens are ignored). The region part of the series cannot be 00 and the
// number cannot be 000000. Issue date, issuer and division code are set on
// the returned value by the caller and checked by Validate.
func ParsePassport(s string) (Passport, error) {
	var d [10]byte
	n, ok := scanDigits(s, d[:])
	if !ok || n != 10 {
		return Passport{}, parseErr("passport", "ru_passport",
			"must be a 4-digit series and a 6-digit number, as in 45 10 123456",
			"серия и номер паспорта: 4 цифры серии и 6 цифр номера, например 45 10 123456")
	}
	if d[0] == 0 && d[1] == 0 {
		return Passport{}, parseErr("passport", "ru_passport",
			"series cannot start with region code 00", "серия паспорта не может начинаться с кода региона 00")
	}
	if number(d[4:]) == 0 {
		return Passport{}, parseErr("passport", "ru_passport",
			"number cannot be 000000", "номер паспорта не может быть 000000")
	}
	return Passport{n: hideNum(number(d[:]))}, nil
}

// IsZero reports whether no series and number are recorded.
func (p Passport) IsZero() bool { return p.n == 0 }

// Series returns the four digits of the series.
func (p Passport) Series() string {
	if p.n == 0 {
		return ""
	}
	return padDigits(showNum(p.n)/1e6, 4)
}

// Number returns the six digits of the number.
func (p Passport) Number() string {
	if p.n == 0 {
		return ""
	}
	return padDigits(showNum(p.n)%1e6, 6)
}

// Digits returns the full series and number as ten digits.
func (p Passport) Digits() string {
	if p.n == 0 {
		return ""
	}
	return padDigits(showNum(p.n), 10)
}

// Formatted returns the full series and number as "45 10 123456".
func (p Passport) Formatted() string {
	d := p.Digits()
	if d == "" {
		return ""
	}
	return d[:2] + " " + d[2:4] + " " + d[4:]
}

// Masked returns the form safe for logs and screens: "** ** ****56".
func (p Passport) Masked() string { return maskTail(p.Formatted(), 2) }

// String returns the masked form.
func (p Passport) String() string { return p.Masked() }

// GoString returns the masked form.
func (p Passport) GoString() string { return "pdata.Passport(" + p.Masked() + ")" }

// Format implements fmt.Formatter: every verb prints the masked series and
// number only.
func (p Passport) Format(f fmt.State, verb rune) { formatMasked(f, verb, p) }

// LogValue implements slog.LogValuer.
func (p Passport) LogValue() slog.Value { return logMasked(p) }

// Validate checks the parts of the document: series and number present, the
// issue date not before 1 October 1997 (when this passport was introduced),
// the division code of the form NNN-NNN. Every problem is reported at once as
// a *ValidationError. A nil error says the data is well formed, not that the
// passport is valid in the Ministry of Internal Affairs' register.
func (p Passport) Validate() error {
	var pr Problems
	basis := Cite("152-ФЗ ст. 9 ч. 4 п. 1; ст. 14 ч. 3", "6.1.4")
	if p.n == 0 {
		pr.Add("SeriesNumber", "required", basis, "series and number are required", "не указаны серия и номер паспорта")
	}
	if p.IssueDate != date.Zero && p.IssueDate < firstPassportDay {
		pr.Add("IssueDate", "passport_issue_date", basis,
			"issue date is before 1 October 1997, when this passport was introduced",
			"дата выдачи раньше 1 октября 1997 года, когда был введён паспорт этого образца")
	}
	if p.DivisionCode != "" && !IsDivisionCode(p.DivisionCode) {
		pr.Add("DivisionCode", "division_code", basis,
			"division code must have the form NNN-NNN", "код подразделения должен иметь вид 000-000")
	}
	return pr.Err()
}

// IsDivisionCode reports whether s is a passport division code "NNN-NNN".
func IsDivisionCode(s string) bool {
	if len(s) != 7 || s[3] != '-' {
		return false
	}
	for i := 0; i < 7; i++ {
		if i != 3 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

type passportJSON struct {
	SeriesNumber string     `json:"series_number"`
	IssueDate    *date.Date `json:"issue_date,omitempty"`
	Issuer       string     `json:"issuer,omitempty"`
	DivisionCode string     `json:"division_code,omitempty"`
}

// MarshalJSON encodes the full document, for storage.
func (p Passport) MarshalJSON() ([]byte, error) {
	j := passportJSON{SeriesNumber: p.Digits(), Issuer: p.Issuer, DivisionCode: p.DivisionCode}
	if p.IssueDate != date.Zero {
		j.IssueDate = &p.IssueDate
	}
	return json.Marshal(j)
}

// passportKeys are the keys of a stored passport, in the order of
// passportJSON.
var passportKeys = [...]string{"series_number", "issue_date", "issuer", "division_code"}

// UnmarshalJSON decodes a stored document and checks its series and number.
// A key it does not know ("isue_date") is refused, whatever the caller's
// decoder allows, as a *ValidationError matching ErrInvalid: a misspelt key
// would otherwise drop the value silently.
func (p *Passport) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*p = Passport{}
		return nil
	}
	if err := refuseUnknownKeys(b, "passport", "паспорта", passportKeys[:]); err != nil {
		return err
	}
	var j passportJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	var v Passport
	if j.SeriesNumber != "" {
		var err error
		if v, err = ParsePassport(j.SeriesNumber); err != nil {
			return err
		}
	}
	v.Issuer, v.DivisionCode = j.Issuer, j.DivisionCode
	if j.IssueDate != nil {
		v.IssueDate = *j.IssueDate
	}
	*p = v
	return nil
}
