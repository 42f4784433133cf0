package pdata_test

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ident is an identifier under test with the strings that must never appear
// when it is printed or logged.
type ident struct {
	name    string
	v       any
	secrets []string
	masked  string
}

func identifiers(t *testing.T) []ident {
	t.Helper()
	snils := mustParse(t, pdata.ParseSNILS, "112-233-445 95")
	inn := mustParse(t, pdata.ParseINN, "638100012391")
	pass := mustParse(t, pdata.ParsePassport, "36 10 123456")
	phone := mustParse(t, pdata.ParsePhone, "+7 927 123-45-67")
	email := mustParse(t, pdata.ParseEmail, "ivan.petrov@example.ru")
	emailRU := mustParse(t, pdata.ParseEmail, "иван@почта.рф")
	cad := mustParse(t, pdata.ParseCadastral, "63:24:0502003:123")
	return []ident{
		{"SNILS", snils, []string{"11223344595", "112-233-445", "233-445", "223344"}, "***-***-*** 95"},
		{"INN", inn, []string{"638100012391", "6381000123", "100012"}, "**********91"},
		{"Passport", pass, []string{"3610123456", "36 10 123456", "123456", "3610"}, "** ** ****56"},
		{"Phone", phone, []string{"+79271234567", "9271234567", "927", "123-45", "1234567"}, "+7 *** ***-**-67"},
		{"Email", email, []string{"ivan.petrov@example.ru", "ivan.petrov", "petrov"}, "i***@example.ru"},
		{"Email in Cyrillic", emailRU, []string{"иван@почта.рф", "иван"}, "и***@почта.рф"},
		{"Cadastral", cad, []string{"63:24:0502003:123", "0502003", "0502003:123"}, "63:24:*******:**3"},
	}
}

func mustParse[T any](t testing.TB, parse func(string) (T, error), s string) T {
	t.Helper()
	v, err := parse(s)
	require.NoError(t, err, s)
	return v
}

func assertNoSecrets(t *testing.T, out string, secrets []string) {
	t.Helper()
	for _, s := range secrets {
		assert.NotContains(t, out, s, "leaked through %q", out)
	}
}

// hostRecord is how a host might embed identifiers: an exported field (fmt
// calls the identifier's methods) and an unexported one (fmt prints it by
// reflection: the identifier's scrambled storage must not show its digits).
type hostRecord struct {
	Exported any
	hidden   any
}

func TestIdentifierFmtRedaction(t *testing.T) {
	verbs := []string{"%v", "%s", "%+v", "%#v", "%q", "%x", "%X", "%d", "%20v", "%-20s", "%p", "%08.3f"}
	for _, id := range identifiers(t) {
		t.Run(id.name, func(t *testing.T) {
			for _, verb := range verbs {
				out := fmt.Sprintf(verb, id.v)
				assertNoSecrets(t, out, id.secrets)
				if verb == "%v" || verb == "%s" || verb == "%+v" {
					assert.Equal(t, id.masked, out, verb)
				}
			}
			assert.Equal(t, fmt.Sprintf("%q", id.masked), fmt.Sprintf("%q", id.v))
			assert.Contains(t, fmt.Sprintf("%#v", id.v), id.masked)
			for _, out := range []string{
				fmt.Sprint(id.v), fmt.Sprintln(id.v), fmt.Sprint("x", id.v, 1),
				fmt.Sprintf("%v", []any{id.v}), fmt.Sprintf("%+v", map[string]any{"k": id.v}),
				fmt.Sprintf("%v %+v %#v", hostRecord{id.v, id.v}, hostRecord{id.v, id.v}, hostRecord{id.v, id.v}),
				fmt.Sprintf("%v %+v", &hostRecord{id.v, id.v}, []hostRecord{{id.v, id.v}}),
			} {
				assertNoSecrets(t, out, id.secrets)
			}
			var buf bytes.Buffer
			fmt.Fprintln(&buf, id.v)
			assert.Equal(t, id.masked+"\n", buf.String())
		})
	}
}

// Pointers print through the same methods.
func TestIdentifierPointerRedaction(t *testing.T) {
	s := mustParse(t, pdata.ParseSNILS, "112-233-445 95")
	for _, verb := range []string{"%v", "%+v", "%s", "%#v"} {
		assertNoSecrets(t, fmt.Sprintf(verb, &s), []string{"11223344595", "233-445"})
	}
	e := mustParse(t, pdata.ParseEmail, "ivan@example.ru")
	assert.Equal(t, "i***@example.ru", fmt.Sprintf("%v", &e))
}

// testLoggers returns a text and a JSON slog logger writing into buf,
// without timestamps.
func testLoggers(buf *bytes.Buffer) map[string]*slog.Logger {
	opts := &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}
	return map[string]*slog.Logger{
		"text": slog.New(slog.NewTextHandler(buf, opts)),
		"json": slog.New(slog.NewJSONHandler(buf, opts)),
	}
}

func TestIdentifierSlogRedaction(t *testing.T) {
	for _, id := range identifiers(t) {
		for _, name := range []string{"text", "json"} {
			t.Run(id.name+"/"+name, func(t *testing.T) {
				var buf bytes.Buffer
				log := testLoggers(&buf)[name]
				log.Info("as key-value", "id", id.v)
				log.Info("as attr", slog.Any("id", id.v))
				log.Info("in a group", slog.Group("subject", slog.Any("id", id.v)))
				log.With("id", id.v).Info("with")
				log.WithGroup("g").Info("grouped", "id", id.v)
				log.Info("as pointer", "id", ptrTo(id.v))
				if name == "text" {
					// The text handler prints composite values with fmt.
					// (The JSON handler encodes them with encoding/json, the
					// storage encoding: log identifiers themselves, see doc.go.)
					log.Info("in a slice", "ids", []any{id.v})
				}
				out := buf.String()
				assertNoSecrets(t, out, id.secrets)
				lines := strings.Count(out, "\n")
				assert.Equal(t, lines, strings.Count(out, id.masked), "every line shows the masked form:\n%s", out)
			})
		}
	}
}

// fullSubject fills every field of a Subject (a combination no policy
// allows: redaction must hold for any record).
func fullSubject(t *testing.T) (pdata.Subject, []string) {
	t.Helper()
	pass := mustParse(t, pdata.ParsePassport, "36 10 123456")
	pass.IssueDate = date.New(2010, time.June, 15)
	pass.Issuer = "Отделом УФМС России по Самарской области в Кошкинском районе"
	pass.DivisionCode = "630-036"
	s := pdata.Subject{
		ID:                  "emp-77",
		Category:            pdata.Employee,
		LastName:            "Кузнецова",
		FirstName:           "Анна",
		Patronymic:          "Сергеевна",
		Sex:                 pdata.Female,
		BirthDate:           date.New(1984, time.March, 12),
		BirthPlace:          "с. Кошки Самарской области",
		RegistrationAddress: "ул. Советская, д. 12, кв. 5",
		ResidenceAddress:    "ул. Полевая, д. 3",
		Passport:            &pass,
		Family: []pdata.FamilyMember{{Relation: "сын", LastName: "Кузнецов", FirstName: "Артём",
			Patronymic: "Игоревич", BirthDate: date.New(2012, time.May, 4)}},
		Property: []pdata.PropertyRight{{Kind: pdata.Ownership, Premises: "ул. Садовая, д. 7, кв. 2",
			Cadastral: mustParse(t, pdata.ParseCadastral, "63:24:0502003:123"), Registration: "63-63/001/2019-2",
			Area: decimal.RequireFromString("54.3"), Share: decimal.RequireFromString("0.5"), Residents: 3}},
		HouseholdOf: "res-1",
		INN:         mustParse(t, pdata.ParseINN, "638100012391"),
		SNILS:       mustParse(t, pdata.ParseSNILS, "112-233-445 95"),
		Phone:       mustParse(t, pdata.ParsePhone, "+7 927 123-45-67"),
		Email:       mustParse(t, pdata.ParseEmail, "anna.k@example.ru"),
		Military:    "военный билет АВ 1234567",
		IP:          netip.MustParseAddr("203.0.113.17"),
		Cookies:     "session=secretcookie",
		Browser:     "Mozilla/5.0 SecretBrowser",
		AccessTime:  time.Date(2026, 11, 20, 9, 15, 0, 0, time.UTC),
		Referrer:    "https://secret.example.ru/page",
		Other:       map[pdata.DataCategory]string{pdata.DataHealth: "диабет"},
		Sources:     map[pdata.DataCategory]pdata.Source{pdata.DataFullName: pdata.FromSubject},

		ThirdPartyConsent: "consent-9",
	}
	secrets := []string{
		"Кузнецова", "Анна", "Сергеевна", "Кошки", "Советская", "Полевая", "Садовая", "Кузнецов ", "Артём", "Игоревич",
		"УФМС", "630-036", "1984", "2012-05", "63-63/001", "0502003", "54.3",
		"11223344595", "112-233-445", "638100012391", "3610123456", "36 10 123456", "123456",
		"9271234567", "anna.k", "1234567", "203.0.113.17", "secretcookie", "SecretBrowser", "secret.example.ru",
		"диабет", "2026-11-20", "consent-9",
	}
	return s, secrets
}

func TestSubjectFmtRedaction(t *testing.T) {
	s, secrets := fullSubject(t)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		assertNoSecrets(t, fmt.Sprintf(verb, s), secrets)
		assertNoSecrets(t, fmt.Sprintf(verb, &s), secrets)
	}
	// %p of a pointer is its address. (%p of a Subject value is fmt's
	// "bad verb" path, which prints fields without calling any method; go
	// vet's printf check reports it.)
	assertNoSecrets(t, fmt.Sprintf("%p", &s), secrets)
	assert.Equal(t, "Subject{emp-77 employee К***}", fmt.Sprintf("%+v", s))
	assert.Equal(t, "pdata.Subject{emp-77 employee К***}", fmt.Sprintf("%#v", s))
	assert.Equal(t, `"Subject{emp-77 employee К***}"`, fmt.Sprintf("%q", s))
	for _, out := range []string{fmt.Sprint(s), fmt.Sprintln(s), fmt.Sprintf("%v", []pdata.Subject{s}),
		fmt.Sprintf("%+v", struct{ S pdata.Subject }{s}), s.String()} {
		assertNoSecrets(t, out, secrets)
	}
	// The parts of a Subject print masked on their own too.
	for _, verb := range []string{"%v", "%+v", "%#v"} {
		assertNoSecrets(t, fmt.Sprintf(verb, s.Family), secrets)
		assertNoSecrets(t, fmt.Sprintf(verb, s.Property), secrets)
		assertNoSecrets(t, fmt.Sprintf(verb, *s.Passport), secrets)
	}
	assert.Equal(t, "[FamilyMember{сын}]", fmt.Sprint(s.Family))
	assert.Equal(t, "PropertyRight{право собственности 63:24:*******:**3}", fmt.Sprint(s.Property[0]))
}

func TestSubjectSlogRedaction(t *testing.T) {
	s, secrets := fullSubject(t)
	for _, name := range []string{"text", "json"} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			log := testLoggers(&buf)[name]
			log.Info("as key-value", "subject", s)
			log.Info("as pointer", "subject", &s)
			log.Info("as attr", slog.Any("subject", s))
			log.Info("in a group", slog.Group("g", slog.Any("subject", s), slog.Any("family", s.Family[0]),
				slog.Any("property", s.Property[0]), slog.Any("passport", s.Passport)))
			log.With("subject", s).Info("with")
			log.Info("parts", "family", s.Family[0], "property", &s.Property[0], "passport", *s.Passport,
				"snils", s.SNILS, "inn", s.INN, "phone", s.Phone, "email", s.Email)
			if name == "text" {
				log.Info("slices", "family", s.Family, "property", s.Property)
			}
			out := buf.String()
			assertNoSecrets(t, out, secrets)
			assert.Equal(t, 5, strings.Count(out, "emp-77"), out)
			assert.Contains(t, out, "employee")
		})
	}
}

// JSON is the storage encoding: a Subject goes through it in full.
func TestSubjectJSONRoundTrip(t *testing.T) {
	s, _ := fullSubject(t)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	out := string(b)
	for _, full := range []string{`"snils":"11223344595"`, `"inn":"638100012391"`, `"phone":"+79271234567"`,
		`"email":"anna.k@example.ru"`, `"series_number":"3610123456"`, `"cadastral":"63:24:0502003:123"`,
		`"category":"employee"`, `"health":"диабет"`, `"full_name":"subject"`, `"birth_date":"1984-03-12"`,
		`"ip":"203.0.113.17"`, `"area":"54.3"`} {
		assert.Contains(t, out, full)
	}

	var back pdata.Subject
	require.NoError(t, json.Unmarshal(b, &back))
	require.Len(t, back.Property, 1)
	assert.True(t, back.Property[0].Area.Equal(s.Property[0].Area))
	assert.True(t, back.Property[0].Share.Equal(s.Property[0].Share))
	assert.True(t, back.AccessTime.Equal(s.AccessTime))
	// Compare the rest field by field: decimals and times are compared above.
	back.Property[0].Area, back.Property[0].Share = s.Property[0].Area, s.Property[0].Share
	back.AccessTime = s.AccessTime
	assert.Equal(t, s, back)

	// An empty subject round-trips too, and leaves identifiers unset.
	b, err = json.Marshal(pdata.Subject{ID: "x"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"x","category":""}`, string(b))
	back = pdata.Subject{}
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, pdata.Subject{ID: "x"}, back)
}

func TestIdentifierJSONAndSQL(t *testing.T) {
	type storage interface {
		json.Marshaler
		driver.Valuer
	}
	tests := []struct {
		name   string
		v      storage
		stored string
		fresh  func() interface {
			json.Unmarshaler
			Scan(any) error
		}
	}{
		{"SNILS", mustParse(t, pdata.ParseSNILS, "112-233-445 95"), "11223344595", func() interface {
			json.Unmarshaler
			Scan(any) error
		} {
			return new(pdata.SNILS)
		}},
		{"INN", mustParse(t, pdata.ParseINN, "6381012349"), "6381012349", func() interface {
			json.Unmarshaler
			Scan(any) error
		} {
			return new(pdata.INN)
		}},
		{"OGRN", mustParse(t, pdata.ParseOGRN, "1026303456783"), "1026303456783", func() interface {
			json.Unmarshaler
			Scan(any) error
		} {
			return new(pdata.OGRN)
		}},
		{"Phone", mustParse(t, pdata.ParsePhone, "8 927 123 45 67"), "+79271234567", func() interface {
			json.Unmarshaler
			Scan(any) error
		} {
			return new(pdata.Phone)
		}},
		{"Email", mustParse(t, pdata.ParseEmail, "ivan@Example.ru"), "ivan@example.ru", func() interface {
			json.Unmarshaler
			Scan(any) error
		} {
			return new(pdata.Email)
		}},
		{"Cadastral", mustParse(t, pdata.ParseCadastral, "63:24:0502003:123"), "63:24:0502003:123", func() interface {
			json.Unmarshaler
			Scan(any) error
		} {
			return new(pdata.CadastralNumber)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.v.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, `"`+tc.stored+`"`, string(b))

			back := tc.fresh()
			require.NoError(t, back.UnmarshalJSON(b))
			assert.Equal(t, tc.v, deref(back))

			dv, err := tc.v.Value()
			require.NoError(t, err)
			assert.Equal(t, tc.stored, dv)
			for _, src := range []any{tc.stored, []byte(tc.stored)} {
				scanned := tc.fresh()
				require.NoError(t, scanned.Scan(src))
				assert.Equal(t, tc.v, deref(scanned))
			}

			// NULL, "" and JSON null leave the value unset.
			for _, src := range []any{nil, "", []byte{}} {
				scanned := tc.fresh()
				require.NoError(t, scanned.Scan(src))
				assert.True(t, deref(scanned).(interface{ IsZero() bool }).IsZero())
			}
			for _, js := range []string{`null`, `""`} {
				u := tc.fresh()
				require.NoError(t, u.UnmarshalJSON([]byte(js)))
				assert.True(t, deref(u).(interface{ IsZero() bool }).IsZero())
			}
			// An unset value is stored as NULL and "".
			zero := tc.fresh()
			zv, err := deref(zero).(driver.Valuer).Value()
			require.NoError(t, err)
			assert.Nil(t, zv)
			zb, err := json.Marshal(deref(zero))
			require.NoError(t, err)
			assert.Equal(t, `""`, string(zb))

			// Bad stored data is refused with ErrInvalid and leaves the target alone.
			bad := tc.fresh()
			assert.ErrorIs(t, bad.Scan("1"), pdata.ErrInvalid)
			assert.ErrorIs(t, bad.UnmarshalJSON([]byte(`"1"`)), pdata.ErrInvalid)
			assert.True(t, deref(bad).(interface{ IsZero() bool }).IsZero())
			assert.Error(t, bad.Scan(int64(42)), "a number column is not an identifier")
			assert.Error(t, bad.UnmarshalJSON([]byte(`42`)))
		})
	}
}

// ptrTo returns a pointer to a copy of an identifier.
func ptrTo(v any) any {
	switch x := v.(type) {
	case pdata.SNILS:
		return &x
	case pdata.INN:
		return &x
	case pdata.Passport:
		return &x
	case pdata.Phone:
		return &x
	case pdata.Email:
		return &x
	case pdata.CadastralNumber:
		return &x
	}
	panic(fmt.Sprintf("ptrTo %T", v))
}

func deref(v any) any {
	switch p := v.(type) {
	case *pdata.SNILS:
		return *p
	case *pdata.INN:
		return *p
	case *pdata.OGRN:
		return *p
	case *pdata.Phone:
		return *p
	case *pdata.Email:
		return *p
	case *pdata.CadastralNumber:
		return *p
	}
	panic(fmt.Sprintf("deref %T", v))
}

func TestPassportJSONRoundTrip(t *testing.T) {
	p := mustParse(t, pdata.ParsePassport, "36 10 123456")
	p.IssueDate = date.New(2010, time.June, 15)
	p.Issuer = "Отделом УФМС"
	p.DivisionCode = "630-036"
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"series_number":"3610123456","issue_date":"2010-06-15","issuer":"Отделом УФМС","division_code":"630-036"}`, string(b))
	var back pdata.Passport
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, p, back)

	// Without an issue date the field is left out and comes back unset.
	p.IssueDate = date.Zero
	b, err = json.Marshal(p)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "issue_date")
	back = pdata.Passport{}
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, p, back)

	assert.ErrorIs(t, json.Unmarshal([]byte(`{"series_number":"00 10 123456"}`), &back), pdata.ErrInvalid)
	require.NoError(t, json.Unmarshal([]byte(`null`), &back))
	assert.True(t, back.IsZero())
}

// A misspelt or unknown key in a stored passport is refused, not dropped,
// even inside a Subject decoded by a decoder that disallows unknown fields
// (encoding/json does not pass that setting into a custom UnmarshalJSON).
// The error names a key that looks like a field name, never a value.
func TestPassportJSONRefusesUnknownKeys(t *testing.T) {
	var p pdata.Passport
	err := json.Unmarshal([]byte(`{"series_number":"3610123456","isue_date":"2010-06-15","issuer":"Отделом УФМС"}`), &p)
	ve := requireProblems(t, err)
	require.Len(t, ve.Errors, 1)
	fe, ok := ve.Field("isue_date")
	require.True(t, ok)
	assert.Equal(t, "unknown_field", fe.Rule)
	assert.Contains(t, fe.Message, `unknown key "isue_date" in a stored passport`)
	assert.Contains(t, fe.MessageRU, "неизвестное поле «isue_date» в данных паспорта")
	assert.NotContains(t, err.Error(), "3610123456")
	assert.True(t, p.IsZero(), "a refused record changes nothing")

	// Every unknown key is reported, in order; one that is not a field name
	// (here a passport number put in a key's place) is not echoed.
	err = json.Unmarshal([]byte(`{"series_number":"3610123456","zz":"1","36 10 654321":"x","division":"630-036"}`), &p)
	ve = requireProblems(t, err)
	var fields []string
	for _, fe := range ve.Errors {
		fields = append(fields, fe.Field)
	}
	assert.Equal(t, []string{"", "division", "zz"}, fields)
	assert.NotContains(t, err.Error(), "654321")
	assert.NotContains(t, ve.Russian(), "654321")
	assert.Contains(t, ve.Errors[0].MessageRU, "неизвестный ключ (не показан: это не имя поля)")

	// Inside a Subject, through a strict decoder.
	dec := json.NewDecoder(strings.NewReader(`{"id":"e-1","category":"employee","passport":{"series_number":"3610123456","isue_date":"2010-06-15"}}`))
	dec.DisallowUnknownFields()
	var s pdata.Subject
	err = dec.Decode(&s)
	require.ErrorIs(t, err, pdata.ErrInvalid)
	assert.Contains(t, err.Error(), "isue_date")

	// Keys differing only in case match, as encoding/json matches them.
	require.NoError(t, json.Unmarshal([]byte(`{"Series_Number":"3610123456","ISSUER":"Отделом УФМС"}`), &p))
	assert.Equal(t, "Отделом УФМС", p.Issuer)
	assert.Equal(t, "3610123456", p.Digits())
}

// The OGRN is public: it prints in full, by design.
func TestOGRNPrintsInFull(t *testing.T) {
	o := mustParse(t, pdata.ParseOGRN, "1026303456783")
	assert.Equal(t, "1026303456783", fmt.Sprint(o))
	assert.Equal(t, "1026303456783", o.Masked())
}
