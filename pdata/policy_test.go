package pdata_test

import (
	"errors"
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

// allowedByClause is policy 2.3 written out by hand from the seed
// («Положение», clauses 2.3.1–2.3.4), independent of DefaultPolicy's code.
var allowedByClause = map[pdata.SubjectCategory][]pdata.DataCategory{
	// 2.3.1: ФИО, пол, дата и место рождения; адреса регистрации и
	// проживания; документ; сведения о членах семьи; ИНН, СНИЛС, телефон,
	// e-mail; сведения о воинской обязанности.
	pdata.Employee: {pdata.DataFullName, pdata.DataSex, pdata.DataBirthDate, pdata.DataBirthPlace,
		pdata.DataRegistrationAddress, pdata.DataResidenceAddress, pdata.DataIdentityDocument,
		pdata.DataFamilyMembers, pdata.DataINN, pdata.DataSNILS, pdata.DataPhone, pdata.DataEmail, pdata.DataMilitary},
	// 2.3.2: the same without family members, with the right to premises
	// (ЕГРН, area, residents); military registration too.
	pdata.Resident: {pdata.DataFullName, pdata.DataSex, pdata.DataBirthDate, pdata.DataBirthPlace,
		pdata.DataRegistrationAddress, pdata.DataResidenceAddress, pdata.DataIdentityDocument,
		pdata.DataPropertyRights, pdata.DataINN, pdata.DataSNILS, pdata.DataPhone, pdata.DataEmail, pdata.DataMilitary},
	// 2.3.3: no family, no premises, no military registration.
	pdata.Contractor: {pdata.DataFullName, pdata.DataSex, pdata.DataBirthDate, pdata.DataBirthPlace,
		pdata.DataRegistrationAddress, pdata.DataResidenceAddress, pdata.DataIdentityDocument,
		pdata.DataINN, pdata.DataSNILS, pdata.DataPhone, pdata.DataEmail},
	// 2.3.4: телефон, e-mail, IP, cookies, браузер, время доступа, реферер.
	pdata.SiteUser: {pdata.DataPhone, pdata.DataEmail, pdata.DataIP, pdata.DataCookies, pdata.DataBrowser,
		pdata.DataAccessTime, pdata.DataReferrer},
}

// fieldFor is the field path Check reports for data held in the field of
// each category.
var fieldFor = map[pdata.DataCategory]string{
	pdata.DataFullName: "LastName", pdata.DataSex: "Sex", pdata.DataBirthDate: "BirthDate",
	pdata.DataBirthPlace: "BirthPlace", pdata.DataRegistrationAddress: "RegistrationAddress",
	pdata.DataResidenceAddress: "ResidenceAddress", pdata.DataIdentityDocument: "Passport",
	pdata.DataFamilyMembers: "Family", pdata.DataPropertyRights: "Property", pdata.DataINN: "INN",
	pdata.DataSNILS: "SNILS", pdata.DataPhone: "Phone", pdata.DataEmail: "Email", pdata.DataMilitary: "Military",
	pdata.DataIP: "IP", pdata.DataCookies: "Cookies", pdata.DataBrowser: "Browser",
	pdata.DataAccessTime: "AccessTime", pdata.DataReferrer: "Referrer",
}

// fill sets the field of s that holds category c to a valid invented value.
func fill(t *testing.T, s *pdata.Subject, c pdata.DataCategory) {
	t.Helper()
	switch c {
	case pdata.DataFullName:
		s.LastName, s.FirstName, s.Patronymic = "Кузнецова", "Анна", "Сергеевна"
	case pdata.DataSex:
		s.Sex = pdata.Female
	case pdata.DataBirthDate:
		s.BirthDate = date.New(1984, time.March, 12)
	case pdata.DataBirthPlace:
		s.BirthPlace = "с. Кошки"
	case pdata.DataRegistrationAddress:
		s.RegistrationAddress = "с. Кошки, ул. Советская, д. 12, кв. 5"
	case pdata.DataResidenceAddress:
		s.ResidenceAddress = "с. Кошки, ул. Советская, д. 12, кв. 5"
	case pdata.DataIdentityDocument:
		p := mustParse(t, pdata.ParsePassport, "36 10 123456")
		p.IssueDate, p.Issuer, p.DivisionCode = date.New(2010, time.June, 15), "Отделом УФМС", "630-036"
		s.Passport = &p
	case pdata.DataFamilyMembers:
		s.Family = []pdata.FamilyMember{{Relation: "сын", LastName: "Кузнецов", FirstName: "Артём"}}
	case pdata.DataPropertyRights:
		s.Property = []pdata.PropertyRight{validRight()}
	case pdata.DataINN:
		s.INN = mustParse(t, pdata.ParseINN, "638100012391")
	case pdata.DataSNILS:
		s.SNILS = mustParse(t, pdata.ParseSNILS, "112-233-445 95")
	case pdata.DataPhone:
		s.Phone = mustParse(t, pdata.ParsePhone, "+7 927 123-45-67")
	case pdata.DataEmail:
		s.Email = mustParse(t, pdata.ParseEmail, "anna@example.ru")
	case pdata.DataMilitary:
		s.Military = "не военнообязанная"
	case pdata.DataIP:
		s.IP = netip.MustParseAddr("203.0.113.17")
	case pdata.DataCookies:
		s.Cookies = "session=abc"
	case pdata.DataBrowser:
		s.Browser = "Mozilla/5.0"
	case pdata.DataAccessTime:
		s.AccessTime = time.Date(2026, 11, 20, 9, 15, 0, 0, time.UTC)
	case pdata.DataReferrer:
		s.Referrer = "https://example.ru/"
	default:
		t.Fatalf("no field for %v", c)
	}
}

func validRight() pdata.PropertyRight {
	return pdata.PropertyRight{
		Kind:      pdata.Ownership,
		Premises:  "с. Кошки, ул. Советская, д. 12, кв. 5",
		Area:      decimal.RequireFromString("54.3"),
		Share:     decimal.RequireFromString("0.5"),
		Residents: 3, Registered: 3,
	}
}

// holding returns a subject of category sc holding exactly cats, each from
// the subject.
func holding(t *testing.T, sc pdata.SubjectCategory, cats ...pdata.DataCategory) pdata.Subject {
	t.Helper()
	s := pdata.Subject{ID: "s-1", Category: sc}
	for _, c := range cats {
		fill(t, &s, c)
	}
	s.SetSource(pdata.FromSubject, cats...)
	return s
}

func requireProblems(t *testing.T, err error) *pdata.ValidationError {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, pdata.ErrInvalid)
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	require.NotEmpty(t, ve.Errors)
	for _, fe := range ve.Errors {
		assert.NotEmpty(t, fe.Rule)
		assert.NotEmpty(t, fe.Message)
		assert.True(t, hasCyrillic(fe.MessageRU), "Russian message %q", fe.MessageRU)
	}
	return ve
}

func TestDefaultPolicyMatchesClause2_3(t *testing.T) {
	p := pdata.DefaultPolicy()
	for sc, allowed := range allowedByClause {
		want := pdata.SetOf(allowed...)
		for _, dc := range pdata.DataCategories() {
			assert.Equal(t, want.Has(dc), p.Allows(sc, dc), "п. %s: %s", sc.Clause(), dc)
		}
		for _, dc := range pdata.SpecialCategories() {
			assert.False(t, p.Allows(sc, dc), "п. 6.1.3: %s never allowed", dc)
		}
		assert.False(t, p.Allows(sc, 0))
		assert.False(t, p.Allows(sc, 65))
	}
	assert.False(t, p.Allows(0, pdata.DataPhone), "no rule for an unknown subject category")
}

// Every (subject category, data category) pair through Check: data the
// clause lists passes; data it does not list is refused as excessive
// (policy 2.1), citing the clause of the subject's category.
func TestCheckEveryCategoryPair(t *testing.T) {
	p := pdata.DefaultPolicy()
	for _, sc := range pdata.SubjectCategories() {
		allowed := pdata.SetOf(allowedByClause[sc]...)
		for _, dc := range pdata.DataCategories() {
			t.Run(sc.String()+"/"+dc.String(), func(t *testing.T) {
				err := p.Check(holding(t, sc, dc))
				if allowed.Has(dc) {
					require.NoError(t, err)
					return
				}
				ve := requireProblems(t, err)
				require.Len(t, ve.Errors, 1, ve.Error())
				fe := ve.Errors[0]
				assert.Equal(t, "category_not_allowed", fe.Rule)
				assert.Equal(t, fieldFor[dc], fe.Field)
				assert.Equal(t, pdata.Cite("152-ФЗ ст. 5 ч. 5", sc.Clause()+", 2.1"), fe.Basis)
				assert.Contains(t, fe.MessageRU, dc.Title())
				assert.Contains(t, fe.MessageRU, "п. "+sc.Clause())
				assert.Contains(t, fe.Message, "excessive")
			})
		}
	}
}

// Policy 2.3.1: an employee's record may hold family members and military
// registration, not rights to premises (2.3.2 lists those).
func TestCheckEmployee_2_3_1(t *testing.T) {
	p := pdata.DefaultPolicy()
	s := holding(t, pdata.Employee, allowedByClause[pdata.Employee]...)
	require.NoError(t, p.Check(s), "2.3.1 in full")

	fill(t, &s, pdata.DataPropertyRights)
	s.SetSource(pdata.FromSubject, pdata.DataPropertyRights)
	ve := requireProblems(t, p.Check(s))
	fe, ok := ve.Field("Property")
	require.True(t, ok, ve.Error())
	assert.Equal(t, "2.3.1, 2.1", fe.Basis.Policy)
}

// Policy 2.3.2: a resident may hold rights to premises (with area and the
// numbers of residents), but not family members: 2.3.2 lists only the
// household's own records.
func TestCheckResident_2_3_2(t *testing.T) {
	p := pdata.DefaultPolicy()
	s := holding(t, pdata.Resident, allowedByClause[pdata.Resident]...)
	require.NoError(t, p.Check(s), "2.3.2 in full")

	fill(t, &s, pdata.DataFamilyMembers)
	s.SetSource(pdata.FromSubject, pdata.DataFamilyMembers)
	ve := requireProblems(t, p.Check(s))
	fe, ok := ve.Field("Family")
	require.True(t, ok, ve.Error())
	assert.Equal(t, "category_not_allowed", fe.Rule)
	assert.Equal(t, "2.3.2, 2.1", fe.Basis.Policy)
	assert.Equal(t, "Положение п. 2.3.2, 2.1", pdata.Cite("", fe.Basis.Policy).String())
}

// Policy 2.3.3: a contractor has no military registration and no rights to
// premises in the record.
func TestCheckContractor_2_3_3(t *testing.T) {
	p := pdata.DefaultPolicy()
	s := holding(t, pdata.Contractor, allowedByClause[pdata.Contractor]...)
	require.NoError(t, p.Check(s), "2.3.3 in full")

	for _, dc := range []pdata.DataCategory{pdata.DataMilitary, pdata.DataPropertyRights} {
		fill(t, &s, dc)
		s.SetSource(pdata.FromSubject, dc)
	}
	ve := requireProblems(t, p.Check(s))
	require.Len(t, ve.Errors, 2, ve.Error())
	for _, field := range []string{"Property", "Military"} {
		fe, ok := ve.Field(field)
		require.True(t, ok, field)
		assert.Equal(t, "category_not_allowed", fe.Rule)
		assert.Equal(t, "2.3.3, 2.1", fe.Basis.Policy)
	}
}

// Policy 2.3.4: a site user's record holds only phone, e-mail, IP address,
// cookies, browser, access time and referrer; a name or a passport is
// excessive.
func TestCheckSiteUser_2_3_4(t *testing.T) {
	p := pdata.DefaultPolicy()
	s := holding(t, pdata.SiteUser, allowedByClause[pdata.SiteUser]...)
	require.NoError(t, p.Check(s), "2.3.4 in full")

	for _, dc := range []pdata.DataCategory{pdata.DataFullName, pdata.DataIdentityDocument, pdata.DataSNILS} {
		fill(t, &s, dc)
		s.SetSource(pdata.FromSubject, dc)
	}
	ve := requireProblems(t, p.Check(s))
	require.Len(t, ve.Errors, 3, ve.Error())
	for _, field := range []string{"LastName", "Passport", "SNILS"} {
		fe, ok := ve.Field(field)
		require.True(t, ok, field)
		assert.Equal(t, "2.3.4, 2.1", fe.Basis.Policy)
		assert.Contains(t, fe.MessageRU, "пользователь сайта")
	}
}

// Policy 6.1.3, 152-FZ art. 10 part 1 and art. 11: the special categories
// are refused for every subject, whatever a policy allows.
func TestCheckSpecialCategories_6_1_3(t *testing.T) {
	lenient := pdata.DefaultPolicy()
	for sc, r := range lenient.Rules {
		for _, dc := range pdata.SpecialCategories() {
			r.Allowed = r.Allowed.With(dc) // a host's policy that "allows" them
		}
		lenient.Rules[sc] = r
	}
	for _, policy := range []pdata.Policy{pdata.DefaultPolicy(), lenient} {
		for _, sc := range pdata.SubjectCategories() {
			for _, dc := range pdata.SpecialCategories() {
				s := pdata.Subject{ID: "s-1", Category: sc, Other: map[pdata.DataCategory]string{dc: "что-то"}}
				s.SetSource(pdata.FromSubject, dc)
				ve := requireProblems(t, policy.Check(s))
				require.Len(t, ve.Errors, 1, ve.Error())
				fe := ve.Errors[0]
				assert.Equal(t, "special_category", fe.Rule)
				assert.Equal(t, "Other."+dc.String(), fe.Field)
				assert.Equal(t, "6.1.3", fe.Basis.Policy)
				if dc == pdata.DataBiometric {
					assert.Equal(t, "152-ФЗ ст. 11", fe.Basis.Law)
				} else {
					assert.Equal(t, "152-ФЗ ст. 10 ч. 1", fe.Basis.Law)
				}
				assert.Equal(t, dc.SpecialBasis(), fe.Basis)
				assert.Contains(t, fe.MessageRU, dc.Title())
				assert.True(t, dc.Special())
			}
		}
	}
}

func TestCheckSources(t *testing.T) {
	p := pdata.DefaultPolicy()
	basisSources := pdata.Cite("152-ФЗ ст. 14 ч. 7 п. 5", "2.1")
	basisThird := pdata.Cite("152-ФЗ ст. 9 ч. 4; ст. 18 ч. 3", "6.1.2")

	tests := []struct {
		name    string
		subject func(t *testing.T) pdata.Subject
		field   string // "" when valid
		rule    string
		basis   pdata.Basis
	}{
		{"source not recorded", func(t *testing.T) pdata.Subject {
			s := holding(t, pdata.Resident, pdata.DataSNILS)
			delete(s.Sources, pdata.DataSNILS)
			return s
		}, "Sources.snils", "source_required", basisSources},
		{"undefined source", func(t *testing.T) pdata.Subject {
			s := holding(t, pdata.Resident, pdata.DataSNILS)
			s.Sources[pdata.DataSNILS] = pdata.Source(9)
			return s
		}, "Sources.snils", "source", basisSources},
		// 3.4: Rosreestr is a public source for a resident's name and right
		// to premises.
		{"3.4: resident's name and property from Rosreestr", func(t *testing.T) pdata.Subject {
			s := holding(t, pdata.Resident, pdata.DataFullName, pdata.DataPropertyRights)
			s.SetSource(pdata.FromRosreestr, pdata.DataFullName, pdata.DataPropertyRights)
			return s
		}, "", "", pdata.Basis{}},
		{"3.4: resident's phone is not in Rosreestr", func(t *testing.T) pdata.Subject {
			s := holding(t, pdata.Resident, pdata.DataPhone)
			s.SetSource(pdata.FromRosreestr, pdata.DataPhone)
			return s
		}, "Sources.phone", "source_not_allowed", pdata.Cite("152-ФЗ ст. 14 ч. 7 п. 5", "2.1, 3.4")},
		{"3.4: employee's name does not come from Rosreestr", func(t *testing.T) pdata.Subject {
			s := holding(t, pdata.Employee, pdata.DataFullName)
			s.SetSource(pdata.FromRosreestr, pdata.DataFullName)
			return s
		}, "Sources.full_name", "source_not_allowed", pdata.Cite("152-ФЗ ст. 14 ч. 7 п. 5", "2.1, 3.4")},
		// 6.1.2: from a third party only with notice and written consent.
		{"6.1.2: third party with written consent", func(t *testing.T) pdata.Subject {
			s := holding(t, pdata.Contractor, pdata.DataINN)
			s.SetSource(pdata.FromThirdParty, pdata.DataINN)
			s.ThirdPartyConsent = "consent-17"
			return s
		}, "", "", pdata.Basis{}},
		{"6.1.2: third party without consent", func(t *testing.T) pdata.Subject {
			s := holding(t, pdata.Employee, pdata.DataINN)
			s.SetSource(pdata.FromThirdParty, pdata.DataINN)
			return s
		}, "ThirdPartyConsent", "third_party_consent", basisThird},
		{"6.1.2, 2.3.4: no third-party data about a site user", func(t *testing.T) pdata.Subject {
			s := holding(t, pdata.SiteUser, pdata.DataEmail)
			s.SetSource(pdata.FromThirdParty, pdata.DataEmail)
			s.ThirdPartyConsent = "consent-17"
			return s
		}, "Sources.email", "source_not_allowed", basisThird},
		{"site user's data from Rosreestr", func(t *testing.T) pdata.Subject {
			s := holding(t, pdata.SiteUser, pdata.DataPhone)
			s.SetSource(pdata.FromRosreestr, pdata.DataPhone)
			return s
		}, "Sources.phone", "source_not_allowed", pdata.Cite("152-ФЗ ст. 14 ч. 7 п. 5", "2.1, 3.4")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := p.Check(tc.subject(t))
			if tc.field == "" {
				require.NoError(t, err)
				return
			}
			ve := requireProblems(t, err)
			require.Len(t, ve.Errors, 1, ve.Error())
			fe := ve.Errors[0]
			assert.Equal(t, tc.field, fe.Field)
			assert.Equal(t, tc.rule, fe.Rule)
			assert.Equal(t, tc.basis, fe.Basis)
		})
	}

	assert.True(t, p.AllowsSource(pdata.SiteUser, pdata.DataPhone, pdata.FromSubject))
	assert.False(t, p.AllowsSource(pdata.Resident, pdata.DataFullName, 0))
	assert.True(t, p.AllowsSource(pdata.Resident, pdata.DataPropertyRights, pdata.FromRosreestr))
	assert.False(t, p.AllowsSource(pdata.Contractor, pdata.DataFullName, pdata.FromRosreestr))
}

// Policy 2.3.2: the right to premises, with area and share as decimals built
// from strings; counts of people not negative.
func TestCheckPropertyRight_2_3_2(t *testing.T) {
	p := pdata.DefaultPolicy()
	dec := decimal.RequireFromString
	tests := []struct {
		name   string
		change func(r *pdata.PropertyRight)
		fields []string // paths of the expected errors, under Property[0]
	}{
		{"valid", func(r *pdata.PropertyRight) {}, nil},
		{"sole owner, share 1", func(r *pdata.PropertyRight) { r.Share = dec("1") }, nil},
		{"share 1.00", func(r *pdata.PropertyRight) { r.Share = dec("1.00") }, nil},
		{"share one third", func(r *pdata.PropertyRight) { r.Share = dec("0.333333333333333333") }, nil},
		{"smallest area", func(r *pdata.PropertyRight) { r.Area = dec("0.01") }, nil},
		{"share above 1", func(r *pdata.PropertyRight) { r.Share = dec("1.0001") }, []string{"Share"}},
		{"share 0", func(r *pdata.PropertyRight) { r.Share = dec("0") }, []string{"Share"}},
		{"share not set", func(r *pdata.PropertyRight) { r.Share = decimal.Decimal{} }, []string{"Share"}},
		{"negative share", func(r *pdata.PropertyRight) { r.Share = dec("-0.5") }, []string{"Share"}},
		{"right of use without share", func(r *pdata.PropertyRight) { r.Kind, r.Share = pdata.Use, decimal.Decimal{} }, nil},
		{"right of use with a share", func(r *pdata.PropertyRight) { r.Kind = pdata.Use }, []string{"Share"}},
		{"area 0", func(r *pdata.PropertyRight) { r.Area = dec("0.00") }, []string{"Area"}},
		{"area not set", func(r *pdata.PropertyRight) { r.Area = decimal.Decimal{} }, []string{"Area"}},
		{"negative area", func(r *pdata.PropertyRight) { r.Area = dec("-54.3") }, []string{"Area"}},
		{"no kind", func(r *pdata.PropertyRight) { r.Kind = 0 }, []string{"Kind"}},
		{"no premises", func(r *pdata.PropertyRight) { r.Premises = "" }, []string{"Premises"}},
		{"negative counts", func(r *pdata.PropertyRight) { r.Residents, r.Temporary = -1, -2 },
			[]string{"Residents", "Temporary"}},
		{"everything wrong", func(r *pdata.PropertyRight) {
			*r = pdata.PropertyRight{Kind: pdata.Ownership, Share: dec("2"), Registered: -1}
		}, []string{"Premises", "Area", "Share", "Registered"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := holding(t, pdata.Resident, pdata.DataPropertyRights)
			tc.change(&s.Property[0])
			err := p.Check(s)
			if tc.fields == nil {
				require.NoError(t, err)
				return
			}
			ve := requireProblems(t, err)
			var got []string
			for _, fe := range ve.Errors {
				got = append(got, strings.TrimPrefix(fe.Field, "Property[0]."))
				assert.Equal(t, pdata.Cite("", "2.3.2"), fe.Basis)
			}
			assert.Equal(t, tc.fields, got)
		})
	}

	t.Run("second right reports its own index", func(t *testing.T) {
		s := holding(t, pdata.Resident, pdata.DataPropertyRights)
		bad := validRight()
		bad.Area = dec("0")
		s.Property = append(s.Property, bad)
		ve := requireProblems(t, p.Check(s))
		require.Len(t, ve.Errors, 1)
		assert.Equal(t, "Property[1].Area", ve.Errors[0].Field)
		assert.Equal(t, "gt", ve.Errors[0].Rule)
	})
}

// Check returns every problem at once, in the order of the record.
func TestCheckReportsEverything(t *testing.T) {
	s := holding(t, pdata.SiteUser, pdata.DataEmail, pdata.DataSNILS)
	s.ID = ""
	s.Other = map[pdata.DataCategory]string{pdata.DataHealth: "диабет", 65: "?"}
	s.Sources[pdata.DataPhone] = pdata.FromSubject // a source for data not held: an inaccurate record
	fill(t, &s, pdata.DataIP)                      // held without a source
	s.BirthDate = date.New(1899, time.December, 31)
	s.SetSource(pdata.FromSubject, pdata.DataBirthDate)
	bad := mustParse(t, pdata.ParsePassport, "36 10 123456")
	bad.DivisionCode = "6300"
	s.Passport = &bad

	err := pdata.DefaultPolicy().Check(s)
	ve := requireProblems(t, err)
	type problem struct{ field, rule, policy string }
	var got []problem
	for _, fe := range ve.Errors {
		got = append(got, problem{fe.Field, fe.Rule, fe.Basis.Policy})
	}
	assert.Equal(t, []problem{
		{"ID", "required", ""},
		{"Other[65]", "data_category", "2.1"},
		{"BirthDate", "category_not_allowed", "2.3.4, 2.1"},
		{"Passport", "category_not_allowed", "2.3.4, 2.1"},
		{"SNILS", "category_not_allowed", "2.3.4, 2.1"},
		{"Sources.ip", "source_required", "2.1"},
		{"Other.health", "special_category", "6.1.3"},
		{"Sources.phone", "source_not_held", "2.1"},
		{"Passport.DivisionCode", "division_code", "6.1.4"},
		{"BirthDate", "birth_date", ""},
	}, got)

	// The texts for the developer and for the staff member.
	assert.True(t, strings.HasPrefix(err.Error(), "pdnkit: invalid input: ID: subject ID is required; "), err.Error())
	assert.Contains(t, err.Error(), "Other.health: the operator must not hold health data (152-ФЗ ст. 10 ч. 1; Положение п. 6.1.3)")
	ru := ve.Russian()
	assert.Len(t, strings.Split(ru, "\n"), len(ve.Errors))
	assert.Contains(t, ru, "Оператор не обрабатывает данные категории «состояние здоровья» (152-ФЗ ст. 10 ч. 1; Положение п. 6.1.3)")
	assert.True(t, ve.Has("special_category"))
	assert.False(t, ve.Has("no_such_rule"))
	_, ok := ve.Field("Nope")
	assert.False(t, ok)
}

// A source says the data were obtained (152-FZ art. 14 part 7 item 5), so a
// source recorded for data the record does not hold makes it inaccurate
// (152-FZ art. 5 part 6; policy 2.1, fourth indent), and one recorded for a
// special category says the operator obtained what it must never hold
// (152-FZ art. 10 part 1, art. 11; policy 6.1.3). Undefined enum values are
// refused too: Sex has only male and female (policy 2.3.1–2.3.3 «пол»).
func TestCheckRefusesStraySourcesAndUndefinedValues(t *testing.T) {
	p := pdata.DefaultPolicy()
	type problem struct{ field, rule, policy string }
	problems := func(t *testing.T, err error) []problem {
		t.Helper()
		var got []problem
		for _, fe := range requireProblems(t, err).Errors {
			got = append(got, problem{fe.Field, fe.Rule, fe.Basis.Policy})
		}
		return got
	}

	t.Run("sources for data not held", func(t *testing.T) {
		s := holding(t, pdata.Resident, pdata.DataFullName, pdata.DataPhone)
		s.SetSource(pdata.FromSubject, pdata.DataHealth, pdata.DataSNILS, pdata.DataBiometric)
		s.Sources[70] = pdata.FromSubject
		s.Sources[0] = pdata.FromSubject
		err := p.Check(s)
		assert.Equal(t, []problem{
			{"Sources[0]", "data_category", "2.1"},
			{"Sources[70]", "data_category", "2.1"},
			{"Sources.snils", "source_not_held", "2.1"},
			{"Sources.health", "special_category", "6.1.3"},
			{"Sources.biometric", "special_category", "6.1.3"},
		}, problems(t, err))
		ve := requireProblems(t, err)
		fe, _ := ve.Field("Sources.health")
		assert.Equal(t, "152-ФЗ ст. 10 ч. 1", fe.Basis.Law)
		assert.Contains(t, fe.MessageRU, "указан источник данных категории «состояние здоровья», которые Оператор не получает и не обрабатывает")
		fe, _ = ve.Field("Sources.biometric")
		assert.Equal(t, "152-ФЗ ст. 11", fe.Basis.Law)
		fe, _ = ve.Field("Sources.snils")
		assert.Equal(t, "152-ФЗ ст. 5 ч. 6", fe.Basis.Law)
		assert.Contains(t, fe.MessageRU, "указан источник данных «СНИЛС», которых нет в записи субъекта")

		// The same record without the stray sources passes.
		for _, c := range []pdata.DataCategory{pdata.DataHealth, pdata.DataSNILS, pdata.DataBiometric, 70, 0} {
			delete(s.Sources, c)
		}
		require.NoError(t, p.Check(s))
	})

	t.Run("undefined sex", func(t *testing.T) {
		for _, sex := range []pdata.Sex{3, 99, 255} {
			s := holding(t, pdata.Employee, pdata.DataFullName, pdata.DataSex)
			s.Sex = sex
			assert.Equal(t, []problem{{"Sex", "sex", "2.3.1"}}, problems(t, p.Check(s)), "sex %d", sex)
		}
		for _, sex := range []pdata.Sex{pdata.Male, pdata.Female} {
			s := holding(t, pdata.Employee, pdata.DataFullName, pdata.DataSex)
			s.Sex = sex
			require.NoError(t, p.Check(s))
		}
	})

	t.Run("undefined source and kind of right", func(t *testing.T) {
		s := holding(t, pdata.Resident, pdata.DataFullName, pdata.DataPropertyRights)
		s.Sources[pdata.DataFullName] = 9
		s.Property[0].Kind = 7
		assert.Equal(t, []problem{
			{"Sources.full_name", "source", "2.1"},
			{"Property[0].Kind", "right_kind", "2.3.2"},
		}, problems(t, p.Check(s)))
	})
}

func TestCheckRecordLevelProblems(t *testing.T) {
	p := pdata.DefaultPolicy()

	t.Run("unknown subject category stops the check", func(t *testing.T) {
		for _, sc := range []pdata.SubjectCategory{0, 5, 200} {
			s := holding(t, pdata.Employee, pdata.DataSNILS)
			s.Category = sc
			ve := requireProblems(t, p.Check(s))
			require.Len(t, ve.Errors, 1)
			assert.Equal(t, "Category", ve.Errors[0].Field)
			assert.Equal(t, "subject_category", ve.Errors[0].Rule)
			assert.Equal(t, "2.3", ve.Errors[0].Basis.Policy)
		}
	})
	t.Run("category the policy does not cover", func(t *testing.T) {
		custom := pdata.Policy{Rules: map[pdata.SubjectCategory]pdata.CategoryRule{
			pdata.Employee: pdata.DefaultPolicy().Rules[pdata.Employee]}}
		ve := requireProblems(t, custom.Check(holding(t, pdata.Resident, pdata.DataPhone)))
		assert.Equal(t, "subject_category", ve.Errors[0].Rule)
		require.NoError(t, custom.Check(holding(t, pdata.Employee, pdata.DataPhone)))
	})
	t.Run("family member without a name", func(t *testing.T) {
		s := holding(t, pdata.Employee, pdata.DataFamilyMembers)
		s.Family = append(s.Family, pdata.FamilyMember{Relation: "дочь", FirstName: "Ольга"})
		ve := requireProblems(t, p.Check(s))
		require.Len(t, ve.Errors, 1)
		assert.Equal(t, "Family[1]", ve.Errors[0].Field)
		assert.Equal(t, "2.3.1", ve.Errors[0].Basis.Policy)
	})
	t.Run("a valid passport passes (Check used to panic on it)", func(t *testing.T) {
		require.NoError(t, p.Check(holding(t, pdata.Contractor, pdata.DataIdentityDocument)))
	})
	t.Run("an empty passport", func(t *testing.T) {
		s := holding(t, pdata.Contractor, pdata.DataIdentityDocument)
		s.Passport = &pdata.Passport{}
		ve := requireProblems(t, p.Check(s))
		assert.Equal(t, "Passport.SeriesNumber", ve.Errors[0].Field)
		assert.Equal(t, "required", ve.Errors[0].Rule)
	})
	t.Run("birth date 1900-01-01 is accepted, 1899-12-31 is not", func(t *testing.T) {
		s := holding(t, pdata.Employee, pdata.DataBirthDate)
		s.BirthDate = date.New(1900, time.January, 1)
		require.NoError(t, p.Check(s))
		s.BirthDate = date.New(1899, time.December, 31)
		ve := requireProblems(t, p.Check(s))
		assert.Equal(t, "birth_date", ve.Errors[0].Rule)
	})
}

// Field paths name where the data really is: a category held through Other
// is reported there, a name held only as a first name under FirstName.
func TestCheckFieldPaths(t *testing.T) {
	p := pdata.DefaultPolicy()
	s := pdata.Subject{ID: "w-1", Category: pdata.SiteUser, FirstName: "Анна",
		Other: map[pdata.DataCategory]string{pdata.DataINN: "638100012391", pdata.DataMilitary: "годен"}}
	s.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataINN, pdata.DataMilitary)
	ve := requireProblems(t, p.Check(s))
	var fields []string
	for _, fe := range ve.Errors {
		fields = append(fields, fe.Field)
	}
	assert.Equal(t, []string{"FirstName", "Other.inn", "Other.military"}, fields)
}

// Keys of Other outside the defined categories are reported once each, by
// their number, and are never mistaken for a real category: 65 used to
// alias DataFullName (65 mod 64 = 1), 121 DataRace (121 mod 64 = 57).
func TestCheckUnknownOtherKeys(t *testing.T) {
	p := pdata.DefaultPolicy()
	s := pdata.Subject{ID: "w-1", Category: pdata.SiteUser, Other: map[pdata.DataCategory]string{
		121: "x", 65: "x", 0: "x", 30: "x"}}
	ve := requireProblems(t, p.Check(s))
	var fields []string
	for _, fe := range ve.Errors {
		fields = append(fields, fe.Field)
		assert.Equal(t, "data_category", fe.Rule)
	}
	assert.Equal(t, []string{"Other[0]", "Other[30]", "Other[65]", "Other[121]"}, fields)
	assert.False(t, ve.Has("category_not_allowed"))
	assert.False(t, ve.Has("special_category"))
}

func TestValidationErrorAndProblems(t *testing.T) {
	var pr pdata.Problems
	require.NoError(t, pr.Err())
	assert.Equal(t, 0, pr.Len())
	pr.AddError("Ignored", pdata.Basis{}, nil)
	assert.Equal(t, 0, pr.Len(), "a nil error adds nothing")

	b := pdata.Cite("152-ФЗ ст. 9 ч. 4", "3.3")
	pr.Add("Name", "required", b, "name is required", "не указано имя")
	_, perr := pdata.ParseSNILS("1")
	pr.AddError("SNILS", b, perr)
	pr.AddError("Passport", pdata.Basis{}, pdata.Passport{DivisionCode: "1"}.Validate())
	pr.AddError("", b, errors.New("disk full"))
	assert.Equal(t, 5, pr.Len())

	ve := requireProblems(t, pr.Err())
	type row struct{ field, rule string }
	var got []row
	for _, fe := range ve.Errors {
		got = append(got, row{fe.Field, fe.Rule})
	}
	assert.Equal(t, []row{{"Name", "required"}, {"SNILS", "snils"}, {"Passport.SeriesNumber", "required"},
		{"Passport.DivisionCode", "division_code"}, {"", "invalid"}}, got)
	assert.Equal(t, b, ve.Errors[1].Basis, "a parse error takes the basis given")
	assert.Equal(t, "6.1.4", ve.Errors[2].Basis.Policy, "a nested error keeps its own basis")
	assert.Equal(t, "disk full", ve.Errors[4].Error())
	assert.Equal(t, "Name: name is required", ve.Errors[0].Error())
	assert.Contains(t, ve.Russian(), "не указано имя (152-ФЗ ст. 9 ч. 4; Положение п. 3.3)\n")
}
