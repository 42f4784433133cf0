package pdata

import (
	"math/bits"
	"slices"
	"strconv"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
)

// CategoryRule is what the policy allows for one subject category: which data
// categories may be held, which may come from a public source, and whether a
// third party may be a source at all.
type CategoryRule struct {
	// Allowed is the data the category may hold (policy 2.3.x).
	Allowed CategorySet
	// Public is the data that may be taken from Rosreestr without consent
	// (policy 3.4, 2.1).
	Public CategorySet
	// ThirdParty reports whether data may be obtained from a third party,
	// which then needs notice and the subject's written consent (6.1.2).
	ThirdParty bool
	// Basis cites the clause that lists the allowed data.
	Basis Basis
}

// Policy is the operator's rules on what may be held about whom. DefaultPolicy
// reproduces the seed policy; a host may build its own, for instance to add a
// category its own Положение lists. Special categories (152-FZ art. 10, 11)
// are refused whatever a Policy allows.
type Policy struct {
	// Rules holds, per subject category, what may be held and from which
	// sources; Check refuses a subject whose category has no rule.
	Rules map[SubjectCategory]CategoryRule
}

// common is the list shared by 2.3.1–2.3.3: name, sex, birth date and place,
// both addresses, the identity document, INN, SNILS, phone, e-mail.
var common = SetOf(DataFullName, DataSex, DataBirthDate, DataBirthPlace,
	DataRegistrationAddress, DataResidenceAddress, DataIdentityDocument,
	DataINN, DataSNILS, DataPhone, DataEmail)

// DefaultPolicy returns the seed policy's rules, clause by clause:
//   - 2.3.1 employees: the common list, family members, military registration;
//   - 2.3.2 residents: the common list, property rights, military registration;
//     name and property rights may come from Rosreestr (3.4);
//   - 2.3.3 contractors: the common list;
//   - 2.3.4 site users: phone, e-mail, IP address, cookies, browser, access
//     time, referrer; obtained from the subject only.
//
// Data from a third party is possible for the first three categories, with
// notice and written consent (6.1.2).
func DefaultPolicy() Policy {
	return Policy{Rules: map[SubjectCategory]CategoryRule{
		Employee: {
			Allowed:    common.With(DataFamilyMembers).With(DataMilitary),
			ThirdParty: true,
			Basis:      Cite("152-ФЗ ст. 5 ч. 5", "2.3.1"),
		},
		Resident: {
			Allowed:    common.With(DataPropertyRights).With(DataMilitary),
			Public:     SetOf(DataFullName, DataPropertyRights),
			ThirdParty: true,
			Basis:      Cite("152-ФЗ ст. 5 ч. 5", "2.3.2"),
		},
		Contractor: {
			Allowed:    common,
			ThirdParty: true,
			Basis:      Cite("152-ФЗ ст. 5 ч. 5", "2.3.3"),
		},
		SiteUser: {
			Allowed: SetOf(DataPhone, DataEmail, DataIP, DataCookies, DataBrowser, DataAccessTime, DataReferrer),
			Basis:   Cite("152-ФЗ ст. 5 ч. 5", "2.3.4"),
		},
	}}
}

// Allows reports whether the policy lets subjects of category sc hold data of
// category dc. Special and undefined categories are never allowed.
func (p Policy) Allows(sc SubjectCategory, dc DataCategory) bool {
	return dc.Valid() && !dc.Special() && p.Rules[sc].Allowed.Has(dc)
}

// AllowsSource reports whether data of category dc about a subject of
// category sc may be obtained from src: from the subject always, from
// Rosreestr when the rule lists dc as public (3.4), from a third party when
// the rule allows it at all (6.1.2, which also needs the subject's written
// consent; Check verifies that).
func (p Policy) AllowsSource(sc SubjectCategory, dc DataCategory, src Source) bool {
	r := p.Rules[sc]
	switch src {
	case FromSubject:
		return true
	case FromRosreestr:
		return r.Public.Has(dc)
	case FromThirdParty:
		return r.ThirdParty
	}
	return false
}

var (
	basisSpecial   = Cite("152-ФЗ ст. 10 ч. 1; ст. 11", "6.1.3")
	basisMinimal   = Cite("152-ФЗ ст. 5 ч. 5", "2.1")
	basisSources   = Cite("152-ФЗ ст. 14 ч. 7 п. 5", "2.1")
	basisThird     = Cite("152-ФЗ ст. 9 ч. 4; ст. 18 ч. 3", "6.1.2")
	basisPublicSrc = Cite("", "3.4")
)

// Check is the minimisation check of policy 2.1 (no data excessive to the
// purpose declared at collection): it returns every problem with s at once,
// as a *ValidationError, or nil. It finds
//   - an unknown subject category, and a record without an ID;
//   - data of a special category (race, nationality, political views,
//     beliefs, health, intimate life, biometrics): policy 6.1.3, 152-FZ
//     art. 10 and 11;
//   - data the subject's category may not hold: policy 2.3.x and 2.1;
//   - held data with no recorded source, or a source the policy does not
//     allow for it: policy 2.1, 3.4, 6.1.2;
//   - data from a third party without the subject's written consent: 6.1.2;
//   - a source recorded for data the record does not hold (a special
//     category among them: the operator must not have obtained it at all),
//     or for an undefined category: policy 2.1 (accurate records), 6.1.3;
//   - an undefined value of Sex, of a source or of a kind of right;
//   - malformed parts of identifiers and property rights.
func (p Policy) Check(s Subject) error {
	var pr Problems
	if s.ID == "" {
		pr.Add("ID", "required", Basis{}, "subject ID is required", "не указан идентификатор субъекта")
	}
	rule, ok := p.Rules[s.Category]
	if !s.Category.Valid() || !ok {
		pr.Add("Category", "subject_category", Cite("", "2.3"),
			"subject category is unknown or not covered by the policy",
			"категория субъекта не указана или не предусмотрена Положением")
		return pr.Err()
	}
	if len(s.Other) > 0 {
		checkUnknownOther(&pr, s.Other)
	}
	held := s.Held()
	for v := uint64(held &^ unknownBit); v != 0; v &= v - 1 {
		c := DataCategory(bits.TrailingZeros64(v))
		switch {
		case !c.Valid():
			continue // a key of Other, reported by checkUnknownOther
		case c.Special():
			pr.Add(s.fieldOf(c), "special_category", c.SpecialBasis(),
				"the operator must not hold "+c.String()+" data",
				"Оператор не обрабатывает данные категории «"+c.Title()+"»")
			continue
		case !rule.Allowed.Has(c):
			pr.Add(s.fieldOf(c), "category_not_allowed", Cite(basisMinimal.Law, rule.Basis.Policy+", 2.1"),
				c.String()+" is excessive for a "+s.Category.String()+" (not in policy "+s.Category.Clause()+")",
				"«"+c.Title()+"» — избыточные данные для категории «"+s.Category.Title()+"» (нет в п. "+s.Category.Clause()+" Положения)")
			continue
		}
		src, ok := s.Sources[c]
		switch {
		case !ok:
			pr.Add("Sources."+c.String(), "source_required", basisSources,
				"the source of "+c.String()+" is not recorded",
				"не указан источник получения данных «"+c.Title()+"»")
		case !src.Valid():
			pr.Add("Sources."+c.String(), "source", basisSources, "unknown source", "неизвестный источник персональных данных")
		case !p.AllowsSource(s.Category, c, src):
			b := basisSources
			if src == FromRosreestr {
				b = b.Join(basisPublicSrc)
			} else if src == FromThirdParty {
				b = basisThird
			}
			pr.Add("Sources."+c.String(), "source_not_allowed", b,
				c.String()+" may not be obtained from "+src.String(),
				"данные «"+c.Title()+"» нельзя получать из источника: "+src.Title())
		case src == FromThirdParty && s.ThirdPartyConsent == "":
			pr.Add("ThirdPartyConsent", "third_party_consent", basisThird,
				c.String()+" comes from a third party without the subject's written consent",
				"данные «"+c.Title()+"» получены от третьего лица без письменного согласия субъекта")
		}
	}
	if len(s.Sources) > 0 {
		checkStraySources(&pr, s.Sources, held)
	}
	if s.Sex != SexUnknown && s.Sex != Male && s.Sex != Female {
		pr.Add("Sex", "sex", rule.Basis, "sex must be male or female (or left unset), not "+strconv.Itoa(int(s.Sex)),
			"пол указан неверно (код "+strconv.Itoa(int(s.Sex))+"): допустимы мужской, женский или не указан")
	}
	if s.Passport != nil {
		pr.AddError("Passport", Basis{}, s.Passport.Validate())
	}
	for i, f := range s.Family {
		if f.LastName == "" || f.FirstName == "" || f.Relation == "" {
			pr.Add("Family["+strconv.Itoa(i)+"]", "required", rule.Basis,
				"a family member needs relation, last and first name",
				"для члена семьи нужны степень родства, фамилия и имя")
		}
	}
	for i, r := range s.Property {
		checkProperty(&pr, i, r)
	}
	if s.BirthDate != date.Zero && s.BirthDate < earliestBirth {
		pr.Add("BirthDate", "birth_date", Basis{}, "date of birth is before 1900", "дата рождения раньше 1900 года")
	}
	return pr.Err()
}

var earliestBirth = date.New(1900, 1, 1)

// basisAccurate is the principle that records be accurate (152-FZ art. 5
// part 6; policy 2.1, fourth indent).
var basisAccurate = Cite("152-ФЗ ст. 5 ч. 6", "2.1")

// checkStraySources reports each key of Sources that names data the record
// does not hold, or no defined category: a source says the data were
// obtained, so a stray one makes the record inaccurate, and for a special
// category records that the operator obtained data it must never hold.
// Reported in ascending order, independent of map iteration.
func checkStraySources(pr *Problems, sources map[DataCategory]Source, held CategorySet) {
	var stray CategorySet
	var unknown []DataCategory
	for k := range sources {
		switch {
		case !k.Valid():
			unknown = append(unknown, k)
		case !held.Has(k):
			stray = stray.With(k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		pr.Add("Sources["+strconv.Itoa(int(k))+"]", "data_category", basisAccurate,
			"a source is recorded for unknown data category "+strconv.Itoa(int(k)),
			"указан источник для неизвестной категории персональных данных (код "+strconv.Itoa(int(k))+")")
	}
	for v := uint64(stray); v != 0; v &= v - 1 {
		c := DataCategory(bits.TrailingZeros64(v))
		if c.Special() {
			sb := c.SpecialBasis()
			pr.Add("Sources."+c.String(), "special_category", sb,
				"a source is recorded for "+c.String()+" data, which the operator must not obtain or hold",
				"указан источник данных категории «"+c.Title()+"», которые Оператор не получает и не обрабатывает")
			continue
		}
		pr.Add("Sources."+c.String(), "source_not_held", basisAccurate,
			"a source is recorded for "+c.String()+", which the record does not hold",
			"указан источник данных «"+c.Title()+"», которых нет в записи субъекта")
	}
}

// checkUnknownOther reports each key of Other that is not a defined data
// category, in ascending order so that the result does not depend on map
// iteration.
func checkUnknownOther(pr *Problems, other map[DataCategory]string) {
	var unknown []DataCategory
	for k := range other {
		if !k.Valid() {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		pr.Add("Other["+strconv.Itoa(int(k))+"]", "data_category", basisMinimal,
			"unknown data category "+strconv.Itoa(int(k)),
			"неизвестная категория персональных данных (код "+strconv.Itoa(int(k))+")")
	}
}

var one = decimal.NewFromInt(1)

// checkProperty checks one right to premises (policy 2.3.2). Field paths
// are built only when a problem is found, so a valid record costs nothing.
func checkProperty(pr *Problems, i int, r PropertyRight) {
	b := Cite("", "2.3.2")
	path := func(field string) string { return "Property[" + strconv.Itoa(i) + "]." + field }
	if r.Kind != Ownership && r.Kind != Use {
		pr.Add(path("Kind"), "right_kind", b, "kind of right is required", "не указан вид права на помещение")
	}
	if r.Premises == "" {
		pr.Add(path("Premises"), "required", b, "premises address is required", "не указан адрес помещения")
	}
	if !r.Area.IsPositive() {
		pr.Add(path("Area"), "gt", b, "area must be greater than zero", "площадь помещения должна быть больше нуля")
	}
	switch {
	case r.Kind == Ownership && (!r.Share.IsPositive() || r.Share.GreaterThan(one)):
		pr.Add(path("Share"), "share", b, "ownership share must be in (0, 1]", "доля в праве собственности должна быть больше 0 и не больше 1")
	case r.Kind == Use && !r.Share.IsZero():
		pr.Add(path("Share"), "share", b, "a right of use has no ownership share (leave Share zero)",
			"у права пользования нет доли в праве собственности (доля должна быть пустой)")
	}
	for _, n := range [...]struct {
		field string
		v     int
	}{{"Residents", r.Residents}, {"Registered", r.Registered}, {"Temporary", r.Temporary}} {
		if n.v < 0 {
			pr.Add(path(n.field), "gte", b, "the number of people cannot be negative", "количество людей не может быть отрицательным")
		}
	}
}

// fieldOf names the field of s that holds category c, for field paths: the
// struct field when it is filled, otherwise the key of Other
// ("Other.health").
func (s Subject) fieldOf(c DataCategory) string {
	var f string
	switch c {
	case DataFullName:
		switch {
		case s.LastName != "":
			f = "LastName"
		case s.FirstName != "":
			f = "FirstName"
		case s.Patronymic != "":
			f = "Patronymic"
		}
	case DataSex:
		f = pick(s.Sex != SexUnknown, "Sex")
	case DataBirthDate:
		f = pick(s.BirthDate != date.Zero, "BirthDate")
	case DataBirthPlace:
		f = pick(s.BirthPlace != "", "BirthPlace")
	case DataRegistrationAddress:
		f = pick(s.RegistrationAddress != "", "RegistrationAddress")
	case DataResidenceAddress:
		f = pick(s.ResidenceAddress != "", "ResidenceAddress")
	case DataIdentityDocument:
		f = pick(s.Passport != nil, "Passport")
	case DataFamilyMembers:
		f = pick(len(s.Family) > 0, "Family")
	case DataPropertyRights:
		f = pick(len(s.Property) > 0, "Property")
	case DataINN:
		f = pick(!s.INN.IsZero(), "INN")
	case DataSNILS:
		f = pick(!s.SNILS.IsZero(), "SNILS")
	case DataPhone:
		f = pick(!s.Phone.IsZero(), "Phone")
	case DataEmail:
		f = pick(!s.Email.IsZero(), "Email")
	case DataMilitary:
		f = pick(s.Military != "", "Military")
	case DataIP:
		f = pick(s.IP.IsValid(), "IP")
	case DataCookies:
		f = pick(s.Cookies != "", "Cookies")
	case DataBrowser:
		f = pick(s.Browser != "", "Browser")
	case DataAccessTime:
		f = pick(!s.AccessTime.IsZero(), "AccessTime")
	case DataReferrer:
		f = pick(s.Referrer != "", "Referrer")
	}
	if f == "" {
		return "Other." + c.String()
	}
	return f
}

func pick(ok bool, name string) string {
	if ok {
		return name
	}
	return ""
}
