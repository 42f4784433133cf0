package pdata

import (
	"fmt"
	"log/slog"
	"net/netip"
	"time"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
)

// Sex is the subject's sex (пол), policy 2.3.1–2.3.3.
type Sex uint8

// The values of Sex.
const (
	SexUnknown Sex = iota // not recorded
	Male                  // мужской
	Female                // женский
)

// Title returns «мужской» or «женский».
func (s Sex) Title() string {
	switch s {
	case Male:
		return "мужской"
	case Female:
		return "женский"
	}
	return ""
}

// Subject is one data subject's record, for any category: the fields of
// policy 2.3.1–2.3.4, the category, and the source of each category of data
// held (policy 2.1, 3.4, 6.1.2). A field left at its zero value is data not
// held. Which fields a category may hold is the Policy's to decide: use
// Policy.Check before storing.
//
// A Subject printed through fmt (any verb, %+v included) or logged with
// log/slog shows only its ID, category and the initial of the last name; its
// FamilyMember and PropertyRight values and its identifiers print masked
// too. Encode it with encoding/json for storage: that gives every value in
// full.
//
// fmt cannot call the methods of a value kept in an unexported field of a
// host's struct, nor for the %p verb on a Subject value (go vet reports that
// one): the Subject then prints field by field. Keep it in an exported field,
// or print it on its own. log/slog's JSONHandler encodes a []FamilyMember or
// []PropertyRight with encoding/json, in full: log the Subject itself.
type Subject struct {
	// ID is the host's identifier of the subject.
	ID string `json:"id"`
	// Category is the subject's category (policy 2.3).
	Category SubjectCategory `json:"category"`

	LastName   string `json:"last_name,omitempty"`  // фамилия
	FirstName  string `json:"first_name,omitempty"` // имя
	Patronymic string `json:"patronymic,omitempty"` // отчество, if any
	Sex        Sex    `json:"sex,omitempty"`        // пол; zero when not held
	// BirthDate is the date of birth; date.Zero when not held.
	BirthDate  date.Date `json:"birth_date,omitempty"`
	BirthPlace string    `json:"birth_place,omitempty"` // место рождения

	RegistrationAddress string `json:"registration_address,omitempty"` // адрес регистрации
	ResidenceAddress    string `json:"residence_address,omitempty"`    // адрес фактического проживания

	// Passport is the identity document, nil when not held.
	Passport *Passport `json:"passport,omitempty"`
	// Family lists family members (policy 2.3.1: employees only).
	Family []FamilyMember `json:"family,omitempty"`
	// Property lists rights to premises (policy 2.3.2: residents only).
	Property []PropertyRight `json:"property,omitempty"`
	// HouseholdOf is the ID of the subject whose household this subject
	// belongs to (a family member or co-resident of an owner), or empty.
	// It links records; it is not data about this subject.
	HouseholdOf string `json:"household_of,omitempty"`

	INN      INN    `json:"inn,omitzero"`       // ИНН; zero when not held
	SNILS    SNILS  `json:"snils,omitzero"`     // СНИЛС; zero when not held
	Phone    Phone  `json:"phone,omitzero"`     // контактный телефон
	Email    Email  `json:"email,omitzero"`     // адрес электронной почты
	Military string `json:"military,omitempty"` // сведения о воинской обязанности

	// Site user's technical data (policy 2.3.4).
	IP         netip.Addr `json:"ip,omitzero"`
	Cookies    string     `json:"cookies,omitempty"`    // информация из cookies
	Browser    string     `json:"browser,omitempty"`    // информация о браузере
	AccessTime time.Time  `json:"access_time,omitzero"` // время доступа
	Referrer   string     `json:"referrer,omitempty"`   // адрес предыдущей страницы

	// Other holds data the host keeps outside the fields above, by category.
	// Policy.Check refuses any category here that the subject's category may
	// not hold, and every special category (policy 6.1.3).
	Other map[DataCategory]string `json:"other,omitempty"`

	// Sources records where each held category came from. Every category
	// held must have one (152-FZ art. 14 part 7 item 5 asks for it).
	Sources map[DataCategory]Source `json:"sources,omitempty"`
	// ThirdPartyConsent is the ID of the subject's written consent to obtain
	// data from a third party (policy 6.1.2); required when any source is
	// FromThirdParty.
	ThirdPartyConsent string `json:"third_party_consent,omitempty"`
}

// FamilyMember is what an employee's record holds about a family member
// (policy 2.3.1): relation, name and date of birth.
type FamilyMember struct {
	Relation   string    `json:"relation"`             // степень родства: «супруга», «сын»…
	LastName   string    `json:"last_name"`            // фамилия
	FirstName  string    `json:"first_name"`           // имя
	Patronymic string    `json:"patronymic,omitempty"` // отчество, if any
	BirthDate  date.Date `json:"birth_date,omitempty"` // дата рождения; date.Zero when not held
}

// RightKind is the kind of a right to premises.
type RightKind uint8

// The kinds of right to premises (policy 2.3.2).
const (
	Ownership RightKind = iota + 1 // право собственности (ЕГРН)
	Use                            // иное право пользования помещением (наём, проживание)
)

// Title returns the Russian name of the right.
func (k RightKind) Title() string {
	switch k {
	case Ownership:
		return "право собственности"
	case Use:
		return "право пользования"
	}
	return ""
}

// PropertyRight is a right to premises in a managed building (policy 2.3.2):
// its registration in ЕГРН, the area, the share and how many people live,
// are registered and stay temporarily there.
type PropertyRight struct {
	Kind      RightKind       `json:"kind"`               // ownership or use
	Premises  string          `json:"premises"`           // address of the premises, with the flat number
	Cadastral CadastralNumber `json:"cadastral,omitzero"` // кадастровый номер помещения, if known
	// Registration is the ЕГРН record of the right (номер регистрации).
	Registration string    `json:"registration,omitempty"`
	RegisteredOn date.Date `json:"registered_on,omitempty"` // date of the ЕГРН registration
	// Area is the premises' area in square metres, greater than zero.
	Area decimal.Decimal `json:"area"`
	// Share is the subject's share of ownership, in (0, 1]; 1 for sole
	// ownership. Zero for a right of use.
	Share      decimal.Decimal `json:"share"`
	Residents  int             `json:"residents"`  // проживающих
	Registered int             `json:"registered"` // зарегистрированных
	Temporary  int             `json:"temporary"`  // временно пребывающих
}

// Masked returns a summary safe for logs: the relation only
// ("FamilyMember{сын}").
func (f FamilyMember) Masked() string { return "FamilyMember{" + f.Relation + "}" }

// String returns the masked summary.
func (f FamilyMember) String() string { return f.Masked() }

// GoString returns the masked summary.
func (f FamilyMember) GoString() string { return "pdata." + f.Masked() }

// Format implements fmt.Formatter: every verb prints the masked summary, so
// a family member's name and date of birth never reach a log by accident.
func (f FamilyMember) Format(st fmt.State, verb rune) { formatMasked(st, verb, f) }

// LogValue implements slog.LogValuer: the relation only.
func (f FamilyMember) LogValue() slog.Value {
	return slog.GroupValue(slog.String("relation", f.Relation))
}

// Masked returns a summary safe for logs: the kind of right and the masked
// cadastral number ("PropertyRight{право собственности 63:24:*******:**3}");
// the address of the premises is left out.
func (r PropertyRight) Masked() string {
	out := "PropertyRight{" + r.Kind.Title()
	if m := r.Cadastral.Masked(); m != "" {
		out += " " + m
	}
	return out + "}"
}

// String returns the masked summary.
func (r PropertyRight) String() string { return r.Masked() }

// GoString returns the masked summary.
func (r PropertyRight) GoString() string { return "pdata." + r.Masked() }

// Format implements fmt.Formatter: every verb prints the masked summary.
func (r PropertyRight) Format(st fmt.State, verb rune) { formatMasked(st, verb, r) }

// LogValue implements slog.LogValuer: the kind of right and the masked
// cadastral number.
func (r PropertyRight) LogValue() slog.Value {
	return slog.GroupValue(slog.String("kind", r.Kind.Title()), slog.String("cadastral", r.Cadastral.Masked()))
}

// FullName returns "Фамилия Имя Отчество". It is personal data: use it in
// documents, never in logs.
func (s Subject) FullName() string {
	return joinNonEmpty(" ", s.LastName, s.FirstName, s.Patronymic)
}

// ShortName returns "Фамилия И. О.", the form used in documents.
func (s Subject) ShortName() string { return ShortName(s.LastName, s.FirstName, s.Patronymic) }

// ShortName formats a name as «Фамилия И. О.»; empty parts are left out
// (a person without a patronymic is «Фамилия И.»).
func ShortName(last, first, patronymic string) string {
	out := last
	for _, n := range [2]string{first, patronymic} {
		if n == "" {
			continue
		}
		if out != "" {
			out += " "
		}
		r, _ := utf8.DecodeRuneInString(n)
		out += string(r) + "."
	}
	return out
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}

// Held returns the set of data categories the record holds: every non-empty
// field, and every key of Other.
func (s Subject) Held() CategorySet {
	var c CategorySet
	add := func(ok bool, cat DataCategory) {
		if ok {
			c = c.With(cat)
		}
	}
	add(s.LastName != "" || s.FirstName != "" || s.Patronymic != "", DataFullName)
	add(s.Sex != SexUnknown, DataSex)
	add(s.BirthDate != date.Zero, DataBirthDate)
	add(s.BirthPlace != "", DataBirthPlace)
	add(s.RegistrationAddress != "", DataRegistrationAddress)
	add(s.ResidenceAddress != "", DataResidenceAddress)
	add(s.Passport != nil, DataIdentityDocument)
	add(len(s.Family) > 0, DataFamilyMembers)
	add(len(s.Property) > 0, DataPropertyRights)
	add(!s.INN.IsZero(), DataINN)
	add(!s.SNILS.IsZero(), DataSNILS)
	add(!s.Phone.IsZero(), DataPhone)
	add(!s.Email.IsZero(), DataEmail)
	add(s.Military != "", DataMilitary)
	add(s.IP.IsValid(), DataIP)
	add(s.Cookies != "", DataCookies)
	add(s.Browser != "", DataBrowser)
	add(!s.AccessTime.IsZero(), DataAccessTime)
	add(s.Referrer != "", DataReferrer)
	for k := range s.Other {
		c = c.With(k)
	}
	return c
}

// SetSource records src as the source of each of cats, creating the map if
// needed, and returns s for chaining.
func (s *Subject) SetSource(src Source, cats ...DataCategory) *Subject {
	if s.Sources == nil {
		s.Sources = make(map[DataCategory]Source, len(cats))
	}
	for _, c := range cats {
		s.Sources[c] = src
	}
	return s
}

// Masked returns a summary safe for logs: ID, category and the initial of
// the last name.
func (s Subject) Masked() string {
	name := ""
	if r := []rune(s.LastName); len(r) > 0 {
		name = " " + string(r[0]) + "***"
	}
	return "Subject{" + s.ID + " " + s.Category.String() + name + "}"
}

// String returns the masked summary.
func (s Subject) String() string { return s.Masked() }

// GoString returns the masked summary.
func (s Subject) GoString() string { return "pdata." + s.Masked() }

// Format implements fmt.Formatter: every verb, %+v and %#v included, prints
// the masked summary and nothing else.
func (s Subject) Format(f fmt.State, verb rune) { formatMasked(f, verb, s) }

// LogValue implements slog.LogValuer: the ID and category only.
func (s Subject) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", s.ID), slog.String("category", s.Category.String()))
}
