package pdata_test

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireParseError checks the contract every identifier parser keeps on bad
// input: the error wraps ErrInvalid, is a *ParseError with the given rule and
// a reason in English and in Russian, and repeats no digits of the input.
func requireParseError(t *testing.T, err error, rule, input string) *pdata.ParseError {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, pdata.ErrInvalid)
	var pe *pdata.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, rule, pe.Rule)
	assert.NotEmpty(t, pe.What)
	assert.NotEmpty(t, pe.Reason)
	assert.True(t, hasCyrillic(pe.ReasonRU), "Russian reason %q", pe.ReasonRU)
	assert.False(t, hasCyrillic(pe.Reason), "English reason %q", pe.Reason)
	if d := digitsOf(input); len(d) >= 5 {
		for _, text := range []string{err.Error(), pe.Reason, pe.ReasonRU} {
			assert.NotContains(t, text, d, "the error repeats the input")
		}
	}
	if input != "" && len(input) >= 5 {
		assert.NotContains(t, err.Error(), input, "the error repeats the input")
	}
	return pe
}

func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// SNILS: the control number is the sum of the first nine digits weighted
// 9..1; a sum below 100 is the control number; 100 and 101 give 00; above
// 101 the sum modulo 101, where a remainder of 100 gives 00. Numbers up to
// 001-001-998 are not checked. Each vector shows its arithmetic.
func TestParseSNILS(t *testing.T) {
	valid := []struct {
		name, in, digits, formatted string
	}{
		// 1·9+1·8+2·7+2·6+3·5+3·4+4·3+4·2+5·1 = 9+8+14+12+15+12+12+8+5 = 95 < 100 → 95.
		{"sum below 100, usual form", "112-233-445 95", "11223344595", "112-233-445 95"},
		{"digits only", "11223344595", "11223344595", "112-233-445 95"},
		{"spaces", "112 233 445 95", "11223344595", "112-233-445 95"},
		{"hyphens everywhere", "112-233-445-95", "11223344595", "112-233-445 95"},
		{"no-break spaces and tab", "112\u00a0233\u00a0445\t95", "11223344595", "112-233-445 95"},
		{"surrounding spaces", "  112-233-445 95 ", "11223344595", "112-233-445 95"},
		// 1·9+2·8+3·7+4·6+5·5+6·4+7·3+8·2+9·1 = 165 > 101 → 165 mod 101 = 64.
		{"sum above 101", "123-456-789 64", "12345678964", "123-456-789 64"},
		// 9·9+8·8+7·7+6·6+5·5+4·4+3·3+2·2+1·1 = 285 → 285 − 2·101 = 83.
		{"sum above 202", "987-654-321 83", "98765432183", "987-654-321 83"},
		// 9·9+2·8+2·1 = 81+16+2 = 99 < 100 → 99.
		{"sum 99", "920-000-002 99", "92000000299", "920-000-002 99"},
		// 9·9+2·8+3·1 = 100 → 00.
		{"sum exactly 100", "920-000-003 00", "92000000300", "920-000-003 00"},
		// 9·9+2·8+4·1 = 101 → 00.
		{"sum exactly 101", "920-000-004 00", "92000000400", "920-000-004 00"},
		// 9·9+2·8+5·1 = 102 → 102 mod 101 = 1 → 01.
		{"sum 102", "920-000-005 01", "92000000501", "920-000-005 01"},
		// 9·9+9·8+6·7+1·6 = 81+72+42+6 = 201 → 201 mod 101 = 100 → 00.
		{"remainder 100", "996-100-000 00", "99610000000", "996-100-000 00"},
		// 001-001-998 is the last number issued before the rule: not checked
		// (the rule would give 7+4+27+18+8 = 64, yet 00 is accepted).
		{"last unchecked number", "001-001-998 00", "00100199800", "001-001-998 00"},
		{"small unchecked number", "000-000-001 23", "00000000123", "000-000-001 23"},
		// 001-001-999 is checked: 1·7+1·4+9·3+9·2+9·1 = 65 → 65.
		{"first checked number", "001-001-999 65", "00100199965", "001-001-999 65"},
	}
	for _, tc := range valid {
		t.Run(tc.name, func(t *testing.T) {
			s, err := pdata.ParseSNILS(tc.in)
			require.NoError(t, err)
			assert.False(t, s.IsZero())
			assert.Equal(t, tc.digits, s.Digits())
			assert.Equal(t, tc.formatted, s.Formatted())
			assert.Equal(t, "***-***-*** "+tc.digits[9:], s.Masked())
		})
	}

	invalid := []struct {
		name, in, reasonRU string
	}{
		// 95 expected.
		{"wrong control", "112-233-445 96", "контрольное"},
		// sum 100 → 00, not 01 and not 100.
		{"sum 100 written 01", "920-000-003 01", "контрольное"},
		// sum 101 → 00, not 01.
		{"sum 101 written 01", "920-000-004 01", "контрольное"},
		// sum 201 → remainder 100 → 00.
		{"remainder 100 written 01", "996-100-000 01", "контрольное"},
		// checked from 001-001-999 on: 65 expected.
		{"first checked number, wrong control", "001-001-999 00", "контрольное"},
		{"all zeros", "000-000-000 00", "нулей"},
		{"zero body", "000-000-000 95", "нулей"},
		{"ten digits", "112-233-445 9", "11 цифр"},
		{"twelve digits", "112-233-445 955", "11 цифр"},
		{"empty", "", "11 цифр"},
		{"separators only", " - - ", "11 цифр"},
		{"dots", "112.233.445 95", "11 цифр"},
		{"letter", "112-233-445 9a", "11 цифр"},
		{"plus sign", "+112-233-445 95", "11 цифр"},
		{"fullwidth digits", "１１２-２３３-４４５ ９５", "11 цифр"},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			s, err := pdata.ParseSNILS(tc.in)
			pe := requireParseError(t, err, pdata.TagSNILS, tc.in)
			assert.Contains(t, pe.ReasonRU, tc.reasonRU)
			assert.True(t, s.IsZero(), "a refused SNILS is the zero value")
		})
	}
}

// INN: each control digit is Σ digit·weight mod 11 mod 10, with weights
// 2,4,10,3,5,9,4,6,8 (10 digits), 7,2,4,10,3,5,9,4,6,8 (11th of 12) and
// 3,7,2,4,10,3,5,9,4,6,8 (12th of 12).
func TestParseINN(t *testing.T) {
	valid := []struct {
		name, in, digits string
		person           bool
	}{
		// 6·2+3·4+8·10+1·3+0·5+1·9+2·4+3·6+4·8 = 174; 174 mod 11 = 9 → 9.
		{"organisation", "6381012349", "6381012349", false},
		// Σ = 267; 267 mod 11 = 3 → 3.
		{"organisation 2", "7707083893", "7707083893", false},
		// 11th: Σ = 130, 130 mod 11 = 9 → 9; 12th: Σ = 166, 166 mod 11 = 1 → 1.
		{"person", "638100012391", "638100012391", true},
		// 11th: 310 mod 11 = 2; 12th: 279 mod 11 = 4.
		{"person 2", "770708389324", "770708389324", true},
		// 11th: 164 mod 11 = 10 → mod 10 → 0; 12th: 113 mod 11 = 3.
		{"person, remainder 10 gives 0", "500301234503", "500301234503", true},
		{"person with spaces", "6381 0001 2391", "638100012391", true},
		{"organisation with hyphens", "63-81-01234-9", "6381012349", false},
	}
	for _, tc := range valid {
		t.Run(tc.name, func(t *testing.T) {
			v, err := pdata.ParseINN(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.digits, v.Digits())
			assert.Equal(t, tc.person, v.IsPerson())
			assert.False(t, v.IsZero())
			assert.Equal(t, strings.Repeat("*", len(tc.digits)-2)+tc.digits[len(tc.digits)-2:], v.Masked())
		})
	}

	invalid := []struct {
		name, in, reasonRU string
	}{
		// 9 expected.
		{"organisation, wrong control", "6381012348", "контрольное"},
		// 12th digit wrong: 1 expected.
		{"person, second control wrong", "638100012392", "контрольное"},
		// 11th digit wrong (9 expected), 12th right for the digits written:
		// Σ = 166 − 9·8 + 8·8 = 158, 158 mod 11 = 4.
		{"person, first control wrong", "638100012384", "контрольное"},
		// Σ = 179, 179 mod 11 = 3: the checksum holds, region 00 does not exist.
		{"organisation, region 00", "0012345673", "00"},
		// 11th: 228 mod 11 = 8; 12th: 271 mod 11 = 7: checksums hold, region 00.
		{"person, region 00", "001234567887", "00"},
		{"eleven digits", "63810001239", "12 цифр"},
		{"nine digits", "638101234", "12 цифр"},
		{"thirteen digits", "6381000123911", "12 цифр"},
		{"letters", "63810I2349", "12 цифр"},
		{"empty", "", "12 цифр"},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			v, err := pdata.ParseINN(tc.in)
			pe := requireParseError(t, err, pdata.TagINN, tc.in)
			assert.Contains(t, pe.ReasonRU, tc.reasonRU)
			assert.True(t, v.IsZero())
		})
	}
}

// OGRN: the first 12 digits as a number mod 11, mod 10, is the 13th; OGRNIP:
// the first 14 digits mod 13, mod 10, is the 15th. The first digit is 1 or 5
// for an OGRN and 3 for an OGRNIP.
func TestParseOGRN(t *testing.T) {
	valid := []struct {
		name, in, digits string
		ip               bool
	}{
		// 102630345678 mod 11 = 3.
		{"OGRN", "1026303456783", "1026303456783", false},
		// 102630345674 mod 11 = 10 → mod 10 → 0.
		{"OGRN, remainder 10 gives 0", "1026303456740", "1026303456740", false},
		// 507774688731 mod 11 = 2; first digit 5 (registered after 2011).
		{"OGRN starting with 5", "5077746887312", "5077746887312", false},
		// 30463810000012 mod 13 = 12 → mod 10 → 2.
		{"OGRNIP", "304638100000122", "304638100000122", true},
		{"OGRN with spaces", "1 02 63 03 45678 3", "1026303456783", false},
	}
	for _, tc := range valid {
		t.Run(tc.name, func(t *testing.T) {
			o, err := pdata.ParseOGRN(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.digits, o.Digits())
			assert.Equal(t, tc.ip, o.IsIP())
			assert.False(t, o.IsZero())
			// A public register number: prints in full.
			assert.Equal(t, tc.digits, o.String())
			assert.Equal(t, tc.digits, o.Masked())
		})
	}

	invalid := []struct {
		name, in, reasonRU string
	}{
		// 3 expected.
		{"OGRN, wrong control", "1026303456784", "контрольное"},
		// 2 expected.
		{"OGRNIP, wrong control", "304638100000123", "контрольное"},
		// 0 mod 11 = 0: the checksum holds, but 0 is no OGRN's first digit.
		{"all zeros", "0000000000000", "1 или 5"},
		// 202630345678 mod 11 = 2: checksum holds; 2 marks a record number (ГРН), not an OGRN.
		{"OGRN starting with 2", "2026303456782", "1 или 5"},
		// 40463810000012 mod 13 = 9: checksum holds; an OGRNIP starts with 3.
		{"OGRNIP starting with 4", "404638100000129", "с цифры 3"},
		// 10463810000012 mod 13 = 5: checksum holds; 15 digits starting with 1.
		{"15 digits starting with 1", "104638100000125", "с цифры 3"},
		{"12 digits", "102630345678", "13 цифр"},
		{"14 digits", "30463810000012", "13 цифр"},
		{"16 digits", "3046381000001220", "13 цифр"},
		{"letters", "10263O3456783", "13 цифр"},
		{"empty", "", "13 цифр"},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			o, err := pdata.ParseOGRN(tc.in)
			pe := requireParseError(t, err, pdata.TagOGRN, tc.in)
			assert.Contains(t, pe.ReasonRU, tc.reasonRU)
			assert.True(t, o.IsZero())
		})
	}
}

func TestParsePassport(t *testing.T) {
	valid := []struct {
		name, in, series, number, formatted string
	}{
		{"usual form", "36 10 123456", "3610", "123456", "36 10 123456"},
		{"series together", "3610 123456", "3610", "123456", "36 10 123456"},
		{"digits only", "3610123456", "3610", "123456", "36 10 123456"},
		{"hyphens", "36-10-123456", "3610", "123456", "36 10 123456"},
		{"region 01, number 000001", "01 00 000001", "0100", "000001", "01 00 000001"},
	}
	for _, tc := range valid {
		t.Run(tc.name, func(t *testing.T) {
			p, err := pdata.ParsePassport(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.series, p.Series())
			assert.Equal(t, tc.number, p.Number())
			assert.Equal(t, tc.series+tc.number, p.Digits())
			assert.Equal(t, tc.formatted, p.Formatted())
			assert.Equal(t, "** ** ****"+tc.number[4:], p.Masked())
			assert.False(t, p.IsZero())
			assert.NoError(t, p.Validate(), "series and number alone are well formed")
		})
	}

	invalid := []struct {
		name, in, reasonRU string
	}{
		{"region 00", "00 10 123456", "00"},
		{"number 000000", "36 10 000000", "000000"},
		{"nine digits", "36 10 12345", "4 цифры"},
		{"eleven digits", "36 10 1234567", "4 цифры"},
		{"letter", "36 10 12345a", "4 цифры"},
		{"number sign", "№ 36 10 123456", "4 цифры"},
		{"empty", "", "4 цифры"},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			p, err := pdata.ParsePassport(tc.in)
			pe := requireParseError(t, err, pdata.TagPassport, tc.in)
			assert.Contains(t, pe.ReasonRU, tc.reasonRU)
			assert.True(t, p.IsZero())
		})
	}
}

// Passport.Validate: the current internal passport was introduced by
// Government decree No. 828 of 08.07.1997 and issued from 1 October 1997, so
// 30.09.1997 is refused and 01.10.1997 accepted; the division code is NNN-NNN.
func TestPassportValidate(t *testing.T) {
	base, err := pdata.ParsePassport("36 10 123456")
	require.NoError(t, err)
	with := func(f func(*pdata.Passport)) pdata.Passport { p := base; f(&p); return p }

	tests := []struct {
		name  string
		p     pdata.Passport
		field string // "" when valid
		rule  string
	}{
		{"full and valid", with(func(p *pdata.Passport) {
			p.IssueDate, p.Issuer, p.DivisionCode = date.New(2010, time.June, 15), "Отделом УФМС", "630-036"
		}), "", ""},
		{"first day of the new passport", with(func(p *pdata.Passport) { p.IssueDate = date.New(1997, time.October, 1) }), "", ""},
		{"day before the new passport", with(func(p *pdata.Passport) { p.IssueDate = date.New(1997, time.September, 30) }), "IssueDate", "passport_issue_date"},
		{"issue date not recorded", with(func(p *pdata.Passport) { p.IssueDate = date.Zero }), "", ""},
		{"division code without hyphen", with(func(p *pdata.Passport) { p.DivisionCode = "630036" }), "DivisionCode", "division_code"},
		{"division code misplaced hyphen", with(func(p *pdata.Passport) { p.DivisionCode = "63-0036" }), "DivisionCode", "division_code"},
		{"division code with letter", with(func(p *pdata.Passport) { p.DivisionCode = "63a-036" }), "DivisionCode", "division_code"},
		{"division code too long", with(func(p *pdata.Passport) { p.DivisionCode = "630-0361" }), "DivisionCode", "division_code"},
		{"no series and number", pdata.Passport{Issuer: "Отделом УФМС"}, "SeriesNumber", "required"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.p.Validate()
			if tc.field == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, pdata.ErrInvalid)
			var ve *pdata.ValidationError
			require.ErrorAs(t, err, &ve)
			require.Len(t, ve.Errors, 1)
			fe := ve.Errors[0]
			assert.Equal(t, tc.field, fe.Field)
			assert.Equal(t, tc.rule, fe.Rule)
			assert.Equal(t, "6.1.4", fe.Basis.Policy)
			assert.Contains(t, fe.Basis.Law, "152-ФЗ ст. 9 ч. 4")
			assert.True(t, hasCyrillic(fe.MessageRU))
		})
	}

	t.Run("every problem at once", func(t *testing.T) {
		p := pdata.Passport{IssueDate: date.New(1990, time.January, 1), DivisionCode: "1"}
		var ve *pdata.ValidationError
		require.ErrorAs(t, p.Validate(), &ve)
		assert.True(t, ve.Has("required"))
		assert.True(t, ve.Has("passport_issue_date"))
		assert.True(t, ve.Has("division_code"))
		assert.Len(t, ve.Errors, 3)
	})
}

func TestIsDivisionCode(t *testing.T) {
	for in, want := range map[string]bool{
		"630-036": true, "000-000": true, "630036": false, "630 036": false,
		"63-0036": false, "630-03": false, "630-0361": false, "": false, "６３０-０３６": false,
	} {
		assert.Equal(t, want, pdata.IsDivisionCode(in), "%q", in)
	}
}

func TestParsePhone(t *testing.T) {
	valid := []struct{ in, e164 string }{
		{"+7 (927) 123-45-67", "+79271234567"},
		{"+79271234567", "+79271234567"},
		{"8 927 123 45 67", "+79271234567"},
		{"8(927)1234567", "+79271234567"},
		{"79271234567", "+79271234567"},
		{"9271234567", "+79271234567"},
		{"(927) 123-45-67", "+79271234567"},
		{"+7\u00a0927\u00a0123-45-67", "+79271234567"},
		{"\t+7 927 123 45 67 ", "+79271234567"},
		{"8 800 555-35-35", "+78005553535"},    // toll-free
		{"+7 (4012) 12-34-56", "+74012123456"}, // Kaliningrad
		{"8 (3452) 12-34-56", "+73452123456"},  // Tyumen
		{"+7 846 000-00-01", "+78460000001"},   // Samara
	}
	for _, tc := range valid {
		t.Run(tc.in, func(t *testing.T) {
			p, err := pdata.ParsePhone(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.e164, p.E164())
			assert.Equal(t, "+7 *** ***-**-"+tc.e164[10:], p.Masked())
			assert.False(t, p.IsZero())
		})
	}

	invalid := []struct {
		name, in, reasonRU string
	}{
		{"Kazakhstan +7 7xx", "+7 701 123 45 67", "не российский"},
		{"Kazakhstan through 8", "8 701 123 45 67", "не российский"},
		{"Kazakhstan, ten digits", "7011234567", "не российский"},
		{"+7 6xx", "+7 600 123 45 67", "не российский"},
		{"+7 5xx", "+7 527 123 45 67", "не российский"},
		{"+7 0xx", "+7 027 123 45 67", "не российский"},
		{"nine national digits", "+7 927 123 45 6", "десять цифр"},
		{"eleven national digits", "+7 927 123 45 678", "десять цифр"},
		{"nine digits", "927 123 45 6", "десять цифр"},
		{"eleven digits, not 7 or 8", "69271234567", "десять цифр"},
		{"plus and 8", "+8 927 123 45 67", "десять цифр"},
		{"plus and ten digits", "+927 123 45 67", "десять цифр"},
		{"two pluses", "++7 927 123 45 67", "десять цифр"},
		{"plus inside", "7+927 123 45 67", "десять цифр"},
		{"dots", "+7 927 123.45.67", "десять цифр"},
		{"tel: scheme", "tel:+79271234567", "десять цифр"},
		{"Ukraine", "+380 44 123 45 67", "десять цифр"},
		{"USA", "+1 202 555 0143", "десять цифр"},
		{"empty", "", "десять цифр"},
		{"plus only", "+", "десять цифр"},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			p, err := pdata.ParsePhone(tc.in)
			pe := requireParseError(t, err, pdata.TagPhone, tc.in)
			assert.Contains(t, pe.ReasonRU, tc.reasonRU)
			assert.True(t, p.IsZero())
		})
	}
}

func TestParseEmail(t *testing.T) {
	valid := []struct{ in, address, masked string }{
		{"ivan@example.ru", "ivan@example.ru", "i***@example.ru"},
		{" Ivan.Petrov@Example.RU ", "Ivan.Petrov@example.ru", "I***@example.ru"},
		{"user+tag@mail.example.com", "user+tag@mail.example.com", "u***@mail.example.com"},
		{"o'brien@example.org", "o'brien@example.org", "o***@example.org"},
		{"a@b.co", "a@b.co", "a***@b.co"},
		{"иван@почта.рф", "иван@почта.рф", "и***@почта.рф"},
		{"ИВАН@ПОЧТА.РФ", "ИВАН@почта.рф", "И***@почта.рф"},
		{"Ёлка@Ёлки.рф", "Ёлка@ёлки.рф", "Ё***@ёлки.рф"},
		{"x@xn--80ak6aa92e.com", "x@xn--80ak6aa92e.com", "x***@xn--80ak6aa92e.com"},
		{"ivan@mail2.example.ru", "ivan@mail2.example.ru", "i***@mail2.example.ru"},
		{strings.Repeat("a", 64) + "@example.ru", strings.Repeat("a", 64) + "@example.ru", "a***@example.ru"},
	}
	for _, tc := range valid {
		t.Run(tc.in, func(t *testing.T) {
			e, err := pdata.ParseEmail(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.address, e.Address())
			assert.Equal(t, tc.masked, e.Masked())
			assert.False(t, e.IsZero())
		})
	}

	long := strings.Repeat("d", 63)
	invalid := []struct{ name, in string }{
		{"empty", ""},
		{"no at", "ivan.example.ru"},
		{"no local part", "@example.ru"},
		{"no domain", "ivan@"},
		{"single-label domain", "ivan@example"},
		{"two ats", "ivan@@example.ru"},
		{"space in local part", "iv an@example.ru"},
		{"no-break space in local part", "iv\u00a0an@example.ru"},
		{"line separator in local part", "iv\u2028an@example.ru"},
		{"zero-width space in local part", "iv\u200ban@example.ru"},
		{"NUL in local part", "ivan\x00@example.ru"},
		{"DEL in local part", "ivan\x7f@example.ru"},
		{"invalid UTF-8 in local part", "iv\xffan@example.ru"},
		{"space in domain", "ivan@exa mple.ru"},
		{"leading dot", ".ivan@example.ru"},
		{"trailing dot", "ivan.@example.ru"},
		{"two dots", "iv..an@example.ru"},
		{"quoted local part", `"ivan"@example.ru`},
		{"angle brackets", "<ivan@example.ru>"},
		{"comma", "ivan,petr@example.ru"},
		{"backslash", `iv\an@example.ru`},
		{"domain label starts with hyphen", "ivan@-example.ru"},
		{"domain label ends with hyphen", "ivan@example-.ru"},
		{"empty domain label", "ivan@example..ru"},
		{"trailing dot in domain", "ivan@example.ru."},
		{"underscore in domain", "ivan@exa_mple.ru"},
		{"IP address as domain", "ivan@10.0.0.1"},
		{"numeric top-level domain", "ivan@example.123"},
		{"local part of 65", strings.Repeat("a", 65) + "@example.ru"},
		{"domain label of 64", "ivan@" + long + "d.ru"},
		{"longer than 254", "ivan@" + long + "." + long + "." + long + "." + long + ".ru"},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			e, err := pdata.ParseEmail(tc.in)
			requireParseError(t, err, "email", tc.in)
			assert.True(t, e.IsZero())
		})
	}
}

func TestParseCadastral(t *testing.T) {
	valid := []struct{ in, number, masked string }{
		{"63:24:0502003:123", "63:24:0502003:123", "63:24:*******:**3"},
		{"77:01:000401:1", "77:01:000401:1", "77:01:******:1"},
		{" 63:24:0502003:1234567 ", "63:24:0502003:1234567", "63:24:*******:******7"},
	}
	for _, tc := range valid {
		t.Run(tc.in, func(t *testing.T) {
			c, err := pdata.ParseCadastral(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.number, c.Number())
			assert.Equal(t, tc.masked, c.Masked())
			assert.False(t, c.IsZero())
		})
	}
	invalid := []struct{ name, in string }{
		{"empty", ""},
		{"three parts", "63:24:0502003"},
		{"five parts", "63:24:0502003:123:4"},
		{"district of one digit", "6:24:0502003:123"},
		{"area of one digit", "63:2:0502003:123"},
		{"quarter of five digits", "63:24:05020:123"},
		{"quarter of eight digits", "63:24:05020031:123"},
		{"empty number", "63:24:0502003:"},
		{"number of eight digits", "63:24:0502003:12345678"},
		{"letter", "63:24:0502003:12a"},
		{"hyphens", "63-24-0502003-123"},
		{"inner space", "63 :24:0502003:123"},
		{"fullwidth colon", "63：24:0502003:123"},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			c, err := pdata.ParseCadastral(tc.in)
			requireParseError(t, err, pdata.TagCadastral, tc.in)
			assert.True(t, c.IsZero())
		})
	}
}

// Zero values are "not recorded": every accessor returns "" and IsZero holds.
func TestIdentifierZeroValues(t *testing.T) {
	var (
		s  pdata.SNILS
		i  pdata.INN
		o  pdata.OGRN
		p  pdata.Passport
		ph pdata.Phone
		e  pdata.Email
		c  pdata.CadastralNumber
	)
	assert.True(t, s.IsZero() && i.IsZero() && o.IsZero() && p.IsZero() && ph.IsZero() && e.IsZero() && c.IsZero())
	for name, got := range map[string]string{
		"SNILS.Digits": s.Digits(), "SNILS.Formatted": s.Formatted(), "SNILS.Masked": s.Masked(),
		"INN.Digits": i.Digits(), "INN.Masked": i.Masked(), "OGRN.Digits": o.Digits(),
		"Passport.Digits": p.Digits(), "Passport.Series": p.Series(), "Passport.Number": p.Number(),
		"Passport.Formatted": p.Formatted(), "Passport.Masked": p.Masked(),
		"Phone.E164": ph.E164(), "Phone.Masked": ph.Masked(), "Email.Address": e.Address(),
		"Email.Masked": e.Masked(), "Cadastral.Number": c.Number(), "Cadastral.Masked": c.Masked(),
	} {
		assert.Empty(t, got, name)
	}
	assert.False(t, i.IsPerson())
	assert.False(t, o.IsIP())
}

// The error values are distinct per identifier and keep the *ParseError
// contract also through errors.Join and fmt.Errorf wrapping.
func TestParseErrorWrapping(t *testing.T) {
	_, err := pdata.ParseSNILS("1")
	wrapped := errors.Join(errors.New("row 3"), err)
	assert.ErrorIs(t, wrapped, pdata.ErrInvalid)
	var pe *pdata.ParseError
	require.ErrorAs(t, wrapped, &pe)
	assert.Equal(t, "SNILS", pe.What)
	assert.Equal(t, "pdnkit: invalid SNILS: "+pe.Reason, pe.Error())
	assert.NotErrorIs(t, err, pdata.ErrNotFound)
}
