package pdata_test

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pdnkit/pdnkit/pdata"
)

// The fuzz targets check, for any input: the parser does not panic; an
// error wraps ErrInvalid, is a *ParseError and repeats no long run of the
// input's digits; a value that parses re-formats (Digits, Formatted, E164,
// Address, Number) into a string that parses back to the same value, goes
// through JSON and SQL unchanged, and its masked form hides the full value.
// Run one with: go test -run='^$' -fuzz=FuzzParseSNILS -fuzztime=15s ./pdata

// checkFuzzError is the error half of every fuzz target.
func checkFuzzError(t *testing.T, in string, err error) {
	t.Helper()
	if !errors.Is(err, pdata.ErrInvalid) {
		t.Fatalf("error does not wrap ErrInvalid: %v", err)
	}
	var pe *pdata.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error is not a *ParseError: %T", err)
	}
	if pe.Reason == "" || pe.ReasonRU == "" {
		t.Fatalf("empty reason: %+v", pe)
	}
	// The reasons are fixed texts; runs of seven digits or more never occur
	// in them, so finding one from the input means the input leaked.
	if d := digitsOf(in); len(d) >= 7 {
		for _, text := range []string{err.Error(), pe.ReasonRU} {
			if strings.Contains(text, d) {
				t.Fatalf("error %q repeats the input's digits", text)
			}
		}
	}
}

// roundTrip checks that every re-formatted form of v parses back to v.
func roundTrip[T comparable](t *testing.T, parse func(string) (T, error), v T, forms ...string) {
	t.Helper()
	for _, f := range forms {
		w, err := parse(f)
		if err != nil {
			t.Fatalf("re-formatted %q does not parse: %v", f, err)
		}
		if w != v {
			t.Fatalf("re-formatted %q parses to a different value", f)
		}
	}
}

// jsonSQLRoundTrip checks the storage encodings of an identifier.
func jsonSQLRoundTrip[T comparable, P interface {
	*T
	json.Unmarshaler
	Scan(any) error
}](t *testing.T, v T) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	var back T
	if err := json.Unmarshal(b, P(&back)); err != nil {
		t.Fatalf("unmarshal %s: %v", b, err)
	}
	if back != v {
		t.Fatalf("JSON round trip changed the value (%s)", b)
	}
	dv, err := any(v).(driver.Valuer).Value()
	if err != nil {
		t.Fatalf("Value: %v", err)
	}
	var scanned T
	if err := P(&scanned).Scan(dv); err != nil {
		t.Fatalf("Scan: %v", err)
	}
	if scanned != v {
		t.Fatal("SQL round trip changed the value")
	}
}

func FuzzParseSNILS(f *testing.F) {
	for _, s := range []string{"112-233-445 95", "11223344595", "123-456-789 64", "987-654-321 83",
		"920-000-003 00", "996-100-000 00", "001-001-998 00", "000-000-000 00", "112-233-445 96",
		"112\u00a0233\u00a0445 95", "", "-", "\xc2", "1\xc2\xa0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := pdata.ParseSNILS(in)
		if err != nil {
			checkFuzzError(t, in, err)
			return
		}
		d := v.Digits()
		if len(d) != 11 || v.IsZero() {
			t.Fatalf("parsed SNILS has digits %q", d)
		}
		roundTrip(t, pdata.ParseSNILS, v, d, v.Formatted())
		jsonSQLRoundTrip(t, v)
		if strings.Contains(v.Masked(), d[:9]) || v.Masked() != "***-***-*** "+d[9:] {
			t.Fatalf("masked form %q", v.Masked())
		}
	})
}

func FuzzParseINN(f *testing.F) {
	for _, s := range []string{"6381012349", "7707083893", "638100012391", "770708389324", "500301234503",
		"6381 0001 2391", "0012345673", "001234567887", "638100012384", "", "63810I2349"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := pdata.ParseINN(in)
		if err != nil {
			checkFuzzError(t, in, err)
			return
		}
		d := v.Digits()
		if n := len(d); n != 10 && n != 12 || v.IsPerson() != (n == 12) {
			t.Fatalf("parsed INN has digits %q", d)
		}
		roundTrip(t, pdata.ParseINN, v, d)
		jsonSQLRoundTrip(t, v)
		if strings.Contains(v.Masked(), d[:len(d)-2]) {
			t.Fatalf("masked form %q shows the digits", v.Masked())
		}
	})
}

func FuzzParseOGRN(f *testing.F) {
	for _, s := range []string{"1026303456783", "1026303456740", "5077746887312", "304638100000122",
		"0000000000000", "2026303456782", "404638100000129", "", "1 02 63 03 45678 3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := pdata.ParseOGRN(in)
		if err != nil {
			checkFuzzError(t, in, err)
			return
		}
		d := v.Digits()
		if n := len(d); n != 13 && n != 15 || v.IsIP() != (n == 15) {
			t.Fatalf("parsed OGRN has digits %q", d)
		}
		roundTrip(t, pdata.ParseOGRN, v, d)
		jsonSQLRoundTrip(t, v)
	})
}

func FuzzParsePassport(f *testing.F) {
	for _, s := range []string{"36 10 123456", "3610 123456", "3610123456", "01 00 000001", "00 10 123456",
		"36 10 000000", "", "№ 36 10 123456"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := pdata.ParsePassport(in)
		if err != nil {
			checkFuzzError(t, in, err)
			return
		}
		d := v.Digits()
		if len(d) != 10 || v.Series()+v.Number() != d {
			t.Fatalf("parsed passport has digits %q", d)
		}
		roundTrip(t, pdata.ParsePassport, v, d, v.Formatted(), v.Series()+" "+v.Number())
		if err := v.Validate(); err != nil {
			t.Fatalf("a parsed series and number do not validate: %v", err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var back pdata.Passport
		if err := json.Unmarshal(b, &back); err != nil || back != v {
			t.Fatalf("JSON round trip: %v", err)
		}
		if strings.Contains(v.Masked(), v.Number()) || strings.Contains(v.Masked(), v.Series()) {
			t.Fatalf("masked form %q", v.Masked())
		}
	})
}

func FuzzParsePhone(f *testing.F) {
	for _, s := range []string{"+7 (927) 123-45-67", "8 927 123 45 67", "79271234567", "9271234567",
		"+7 701 123 45 67", "+8 927 123 45 67", "++79271234567", "8 800 555-35-35", "", "+", "(((", "+7\u00a0927"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := pdata.ParsePhone(in)
		if err != nil {
			checkFuzzError(t, in, err)
			return
		}
		e := v.E164()
		if len(e) != 12 || !strings.HasPrefix(e, "+7") || strings.ContainsAny(e[2:3], "012567") {
			t.Fatalf("parsed phone %q", e)
		}
		roundTrip(t, pdata.ParsePhone, v, e, e[2:], "8"+e[2:], e[1:])
		jsonSQLRoundTrip(t, v)
		if strings.Contains(v.Masked(), e[2:10]) {
			t.Fatalf("masked form %q", v.Masked())
		}
	})
}

func FuzzParseEmail(f *testing.F) {
	for _, s := range []string{"ivan@example.ru", " Ivan.Petrov@Example.RU ", "иван@почта.рф", "ИВАН@ПОЧТА.РФ",
		"a@b.co", "ivan@10.0.0.1", "iv\xffan@example.ru", "iv\u2028an@example.ru", "@", "a@b", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := pdata.ParseEmail(in)
		if err != nil {
			checkFuzzError(t, in, err)
			return
		}
		a := v.Address()
		if !utf8.ValidString(a) || strings.Count(a, "@") != 1 || len(a) > 254 {
			t.Fatalf("parsed address %q", a)
		}
		roundTrip(t, pdata.ParseEmail, v, a, " "+a+" ")
		jsonSQLRoundTrip(t, v)
		// The mask is exactly the first character, three stars and the
		// domain ("*@0.a" gives "****@0.a": the local part is gone).
		_, size := utf8.DecodeRuneInString(a)
		if m := v.Masked(); m != a[:size]+"***"+a[strings.IndexByte(a, '@'):] {
			t.Fatalf("masked form %q", m)
		}
	})
}

func FuzzParseCadastral(f *testing.F) {
	for _, s := range []string{"63:24:0502003:123", "77:01:000401:1", " 63:24:0502003:1234567 ", "63:24:0502003",
		"63:24:0502003:", ":::", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := pdata.ParseCadastral(in)
		if err != nil {
			checkFuzzError(t, in, err)
			return
		}
		n := v.Number()
		if strings.Count(n, ":") != 3 {
			t.Fatalf("parsed number %q", n)
		}
		roundTrip(t, pdata.ParseCadastral, v, n)
		jsonSQLRoundTrip(t, v)
		m := v.Masked()
		if len(m) != len(n) || m[:6] != n[:6] || m[len(m)-1] != n[len(n)-1] || strings.ContainsAny(m[6:len(m)-1], "0123456789") {
			t.Fatalf("masked form %q", m)
		}
	})
}
