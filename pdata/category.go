package pdata

import (
	"math/bits"
	"strings"
)

// SubjectCategory is a category of data subjects (категория субъектов) the
// operator's policy names in clauses 1.2 and 2.3.
type SubjectCategory uint8

// The subject categories of policy 2.3.
const (
	// Employee is a member of the operator's staff (работник оператора в
	// штате), policy 2.3.1.
	Employee SubjectCategory = iota + 1
	// Resident is an owner or user of premises in a managed building, a
	// member of their family or a person living with them (собственник,
	// пользователь помещения, член семьи, совместно проживающее лицо),
	// policy 2.3.2.
	Resident
	// Contractor is a person under a civil-law contract with the operator
	// (лицо по договору гражданско-правового характера), policy 2.3.3.
	Contractor
	// SiteUser is a user of the operator's web site (пользователь сайта),
	// policy 2.3.4.
	SiteUser
)

var subjectCategoryInfo = [...]struct{ id, title, clause string }{
	Employee:   {"employee", "работник Оператора (в штате)", "2.3.1"},
	Resident:   {"resident", "собственник или пользователь помещения, член его семьи, совместно проживающее лицо", "2.3.2"},
	Contractor: {"contractor", "лицо, заключившее с Оператором договор гражданско-правового характера", "2.3.3"},
	SiteUser:   {"site_user", "пользователь сайта Оператора", "2.3.4"},
}

// SubjectCategories lists every subject category in policy order.
func SubjectCategories() []SubjectCategory {
	return []SubjectCategory{Employee, Resident, Contractor, SiteUser}
}

// Valid reports whether c is one of the defined categories.
func (c SubjectCategory) Valid() bool { return c >= Employee && c <= SiteUser }

// String returns the machine name ("resident").
func (c SubjectCategory) String() string {
	if !c.Valid() {
		return "unknown"
	}
	return subjectCategoryInfo[c].id
}

// Title returns the Russian name of the category as used in documents.
func (c SubjectCategory) Title() string {
	if !c.Valid() {
		return "неизвестная категория"
	}
	return subjectCategoryInfo[c].title
}

// Clause returns the policy clause that defines the category ("2.3.2").
func (c SubjectCategory) Clause() string {
	if !c.Valid() {
		return ""
	}
	return subjectCategoryInfo[c].clause
}

// Basis returns the citation of the clause that lists this category's data.
func (c SubjectCategory) Basis() Basis { return Cite("152-ФЗ ст. 5 ч. 5", c.Clause()) }

// MarshalText encodes the machine name; the zero value (no category yet)
// encodes as "". Any other undefined value is an error that wraps ErrInvalid,
// so that it is not stored as a name that cannot be read back.
func (c SubjectCategory) MarshalText() ([]byte, error) {
	switch {
	case c == 0:
		return []byte{}, nil
	case !c.Valid():
		return nil, errSubjectCategory
	}
	return []byte(c.String()), nil
}

var errSubjectCategory = parseErr("subject category", "subject_category",
	"unknown subject category (want employee, resident, contractor or site_user)",
	"неизвестная категория субъектов")

// UnmarshalText decodes a machine name ("" gives the zero value); an unknown
// name is an error that wraps ErrInvalid.
func (c *SubjectCategory) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = 0
		return nil
	}
	for _, k := range SubjectCategories() {
		if k.String() == string(b) {
			*c = k
			return nil
		}
	}
	return errSubjectCategory
}

// DataCategory is a category of personal data (категория персональных
// данных). The ordinary categories are those of policy 2.3; the special
// categories of 152-FZ art. 10 and the biometrics of art. 11 are defined so
// that an attempt to hold them can be named and refused (policy 6.1.3).
type DataCategory uint8

// The ordinary data categories of policy 2.3.
const (
	DataFullName            DataCategory = iota + 1 // фамилия, имя, отчество
	DataSex                                         // пол
	DataBirthDate                                   // дата рождения
	DataBirthPlace                                  // место рождения
	DataRegistrationAddress                         // адрес регистрации по месту жительства
	DataResidenceAddress                            // адрес фактического проживания
	DataIdentityDocument                            // серия, номер, дата выдачи, орган, выдавший документ
	DataFamilyMembers                               // сведения о членах семьи
	DataPropertyRights                              // права на помещение: ЕГРН, площадь, число проживающих
	DataINN                                         // ИНН
	DataSNILS                                       // СНИЛС
	DataPhone                                       // контактный телефон
	DataEmail                                       // адрес электронной почты
	DataMilitary                                    // сведения о воинской обязанности
	DataIP                                          // IP-адрес
	DataCookies                                     // информация из cookies
	DataBrowser                                     // информация о браузере
	DataAccessTime                                  // время доступа
	DataReferrer                                    // реферер (адрес предыдущей страницы)
)

// The categories the operator must never hold (policy 6.1.3; 152-FZ art. 10
// part 1 and art. 11).
const (
	DataRace        DataCategory = iota + 64 - 7 // расовая принадлежность
	DataNationality                              // национальная принадлежность
	DataPolitical                                // политические взгляды
	DataReligious                                // религиозные или философские убеждения
	DataHealth                                   // состояние здоровья
	DataIntimate                                 // интимная жизнь
	DataBiometric                                // биометрические персональные данные
)

var dataCategoryInfo = map[DataCategory]struct{ id, title string }{
	DataFullName:            {"full_name", "фамилия, имя, отчество"},
	DataSex:                 {"sex", "пол"},
	DataBirthDate:           {"birth_date", "дата рождения"},
	DataBirthPlace:          {"birth_place", "место рождения"},
	DataRegistrationAddress: {"registration_address", "адрес регистрации по месту жительства"},
	DataResidenceAddress:    {"residence_address", "адрес фактического проживания"},
	DataIdentityDocument:    {"identity_document", "серия и номер основного документа, удостоверяющего личность, дата его выдачи и выдавший орган"},
	DataFamilyMembers:       {"family_members", "сведения о членах семьи"},
	DataPropertyRights:      {"property_rights", "сведения о праве собственности (ЕГРН) и иных правах на пользование помещением, его площади, количестве проживающих, зарегистрированных и временно пребывающих"},
	DataINN:                 {"inn", "ИНН"},
	DataSNILS:               {"snils", "СНИЛС"},
	DataPhone:               {"phone", "контактный телефон"},
	DataEmail:               {"email", "адрес электронной почты (e-mail)"},
	DataMilitary:            {"military", "сведения о воинской обязанности"},
	DataIP:                  {"ip", "IP-адрес"},
	DataCookies:             {"cookies", "информация из cookies"},
	DataBrowser:             {"browser", "информация о браузере"},
	DataAccessTime:          {"access_time", "время доступа"},
	DataReferrer:            {"referrer", "реферер (адрес предыдущей страницы)"},
	DataRace:                {"race", "расовая принадлежность"},
	DataNationality:         {"nationality", "национальная принадлежность"},
	DataPolitical:           {"political_views", "политические взгляды"},
	DataReligious:           {"religious_beliefs", "религиозные или философские убеждения"},
	DataHealth:              {"health", "состояние здоровья"},
	DataIntimate:            {"intimate_life", "сведения об интимной жизни"},
	DataBiometric:           {"biometric", "биометрические персональные данные"},
}

// DataCategories lists the ordinary data categories in policy order.
func DataCategories() []DataCategory {
	out := make([]DataCategory, 0, DataReferrer)
	for c := DataFullName; c <= DataReferrer; c++ {
		out = append(out, c)
	}
	return out
}

// SpecialCategories lists the forbidden categories of 152-FZ art. 10 and 11.
func SpecialCategories() []DataCategory {
	return []DataCategory{DataRace, DataNationality, DataPolitical, DataReligious, DataHealth, DataIntimate, DataBiometric}
}

// Valid reports whether c is a defined category, ordinary or special.
func (c DataCategory) Valid() bool { _, ok := dataCategoryInfo[c]; return ok }

// Special reports whether c is a category the operator may not hold:
// 152-FZ art. 10 (race, nationality, political views, beliefs, health,
// intimate life) or art. 11 (biometrics); policy 6.1.3.
func (c DataCategory) Special() bool { return c >= DataRace && c <= DataBiometric }

// String returns the machine name ("snils").
func (c DataCategory) String() string {
	if i, ok := dataCategoryInfo[c]; ok {
		return i.id
	}
	return "unknown"
}

// Title returns the Russian name used in documents and consents.
func (c DataCategory) Title() string {
	if i, ok := dataCategoryInfo[c]; ok {
		return i.title
	}
	return "неизвестная категория данных"
}

// SpecialBasis returns the citation that forbids a special category.
func (c DataCategory) SpecialBasis() Basis {
	if c == DataBiometric {
		return Cite("152-ФЗ ст. 11", "6.1.3")
	}
	return Cite("152-ФЗ ст. 10 ч. 1", "6.1.3")
}

// MarshalText encodes the machine name; the zero value encodes as "". Any
// other undefined value is an error that wraps ErrInvalid.
func (c DataCategory) MarshalText() ([]byte, error) {
	switch {
	case c == 0:
		return []byte{}, nil
	case !c.Valid():
		return nil, errDataCategory
	}
	return []byte(c.String()), nil
}

var errDataCategory = parseErr("data category", "data_category", "unknown data category", "неизвестная категория персональных данных")

// UnmarshalText decodes a machine name ("" gives the zero value); an unknown
// name is an error that wraps ErrInvalid.
func (c *DataCategory) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = 0
		return nil
	}
	for k, i := range dataCategoryInfo {
		if i.id == string(b) {
			*c = k
			return nil
		}
	}
	return errDataCategory
}

// CategorySet is a set of data categories, small enough to copy by value.
// Each defined category has its own bit. A value outside 1–63 (the zero
// DataCategory, or a number above the special categories) cannot have a bit
// of its own: adding one sets the "unknown" element, reported by Slice as
// DataCategory(0), so that it is neither lost nor mistaken for another
// category. Has reports only categories in 1–63.
type CategorySet uint64

// unknownBit is the element that stands for categories outside 1–63.
const unknownBit CategorySet = 1

// SetOf returns the set holding cs.
func SetOf(cs ...DataCategory) CategorySet {
	var s CategorySet
	for _, c := range cs {
		s = s.With(c)
	}
	return s
}

// With returns s with c added. A c outside 1–63 adds the unknown element
// (see CategorySet).
func (s CategorySet) With(c DataCategory) CategorySet {
	if c == 0 || c >= 64 {
		return s | unknownBit
	}
	return s | 1<<c
}

// Has reports whether c is in s. It is false for any c outside 1–63.
func (s CategorySet) Has(c DataCategory) bool { return c != 0 && c < 64 && s&(1<<c) != 0 }

// HasUnknown reports whether a category outside 1–63 was added to s.
func (s CategorySet) HasUnknown() bool { return s&unknownBit != 0 }

// Minus returns the categories of s that are not in o.
func (s CategorySet) Minus(o CategorySet) CategorySet { return s &^ o }

// Len returns the number of categories in s.
func (s CategorySet) Len() int { return bits.OnesCount64(uint64(s)) }

// Slice returns the categories of s in order; the unknown element, if
// present, comes first as DataCategory(0).
func (s CategorySet) Slice() []DataCategory {
	out := make([]DataCategory, 0, s.Len())
	for v := uint64(s); v != 0; v &= v - 1 {
		out = append(out, DataCategory(bits.TrailingZeros64(v)))
	}
	return out
}

// Titles returns the Russian names of the categories joined by "; ".
func (s CategorySet) Titles() string {
	var b strings.Builder
	for i, c := range s.Slice() {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(c.Title())
	}
	return b.String()
}

// Source is where the operator obtained a piece of data (policy 2.1, 6.1.2).
type Source uint8

// The sources the policy knows.
const (
	// FromSubject: obtained from the subject (or their representative)
	// directly, policy 2.1, 6.1.2.
	FromSubject Source = iota + 1
	// FromRosreestr: obtained from Rosreestr, a public source; no consent is
	// needed (policy 3.4).
	FromRosreestr
	// FromThirdParty: obtained from a third party, allowed only after the
	// subject was notified and gave written consent (policy 6.1.2).
	FromThirdParty
)

// Valid reports whether s is a defined source.
func (s Source) Valid() bool { return s >= FromSubject && s <= FromThirdParty }

// String returns the machine name.
func (s Source) String() string {
	switch s {
	case FromSubject:
		return "subject"
	case FromRosreestr:
		return "rosreestr"
	case FromThirdParty:
		return "third_party"
	}
	return "unknown"
}

// Title returns the Russian name used in documents and access reports.
func (s Source) Title() string {
	switch s {
	case FromSubject:
		return "непосредственно от субъекта персональных данных"
	case FromRosreestr:
		return "Росреестр (общедоступный источник)"
	case FromThirdParty:
		return "третье лицо (с уведомлением и письменного согласия субъекта)"
	}
	return "неизвестный источник"
}

// MarshalText encodes the machine name; the zero value encodes as "". Any
// other undefined value is an error that wraps ErrInvalid.
func (s Source) MarshalText() ([]byte, error) {
	switch {
	case s == 0:
		return []byte{}, nil
	case !s.Valid():
		return nil, errSource
	}
	return []byte(s.String()), nil
}

var errSource = parseErr("source", "source", "unknown source (want subject, rosreestr or third_party)", "неизвестный источник персональных данных")

// UnmarshalText decodes a machine name ("" gives the zero value); an unknown
// name is an error that wraps ErrInvalid.
func (s *Source) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = 0
		return nil
	}
	for k := FromSubject; k <= FromThirdParty; k++ {
		if k.String() == string(b) {
			*s = k
			return nil
		}
	}
	return errSource
}
