package pdata

import (
	"time"
	_ "time/tzdata" // the operator's zone must resolve on machines without a zoneinfo database

	"github.com/rickb777/date/v2"
)

// Operator is the operator of personal data (оператор): the management
// company or entrepreneur that manages the buildings (policy 1.2), with the
// details every document and consent names (152-FZ art. 9 part 4 item 3,
// art. 14 part 7 item 4; RKN order 179 п. 3 «а»).
type Operator struct {
	Name    string   `json:"name"`    // full name of the legal entity or entrepreneur
	INN     INN      `json:"inn"`     // ИНН
	OGRN    OGRN     `json:"ogrn"`    // ОГРН or ОГРНИП
	Address string   `json:"address"` // address in ЕГРЮЛ / ЕГРИП
	Head    Official `json:"head"`    // the head who approves acts and the access list (3.8)
	// Sites lists the operator's web addresses (for consents to
	// distribution, RKN order 18).
	Sites []string `json:"sites,omitempty"`
	// Location is the time zone in which the operator's legal dates fall.
	// Nil means Moscow time.
	Location *time.Location `json:"-"`
}

// Official is a named person in a position: the head of the operator, a
// commission member, a staff member.
type Official struct {
	Position   string `json:"position"`             // должность, as printed in documents
	LastName   string `json:"last_name"`            // фамилия
	FirstName  string `json:"first_name"`           // имя
	Patronymic string `json:"patronymic,omitempty"` // отчество, if any
}

// ShortName returns «Фамилия И. О.», the form used in signature blocks.
func (o Official) ShortName() string { return ShortName(o.LastName, o.FirstName, o.Patronymic) }

// FullName returns «Фамилия Имя Отчество».
func (o Official) FullName() string { return joinNonEmpty(" ", o.LastName, o.FirstName, o.Patronymic) }

// Moscow is the zone used when an Operator has no Location.
var moscow = mustZone("Europe/Moscow")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil { // unreachable: time/tzdata is linked in
		return time.FixedZone(name, 3*3600)
	}
	return loc
}

// Zone returns the operator's time zone (Moscow when none is set).
func (o Operator) Zone() *time.Location {
	if o.Location == nil {
		return moscow
	}
	return o.Location
}

// DateOf returns the calendar date that the moment t falls on in the
// operator's time zone: the date a request was received, a consent given, a
// term starts. A request sent at 23:30 Moscow time on Friday is received on
// Saturday in Samara (UTC+4).
func (o Operator) DateOf(t time.Time) date.Date { return date.NewAt(t.In(o.Zone())) }

// Validate checks that the operator's details are complete: name, address,
// INN of an organisation or entrepreneur, OGRN/OGRNIP, and the head.
func (o Operator) Validate() error {
	var pr Problems
	b := Cite("152-ФЗ ст. 9 ч. 4 п. 3; Приказ РКН № 179 п. 3 «а»", "1.2")
	if o.Name == "" {
		pr.Add("Name", "required", b, "operator name is required", "не указано наименование оператора")
	}
	if o.Address == "" {
		pr.Add("Address", "required", b, "operator address is required", "не указан адрес оператора")
	}
	if o.INN.IsZero() {
		pr.Add("INN", "required", b, "operator INN is required", "не указан ИНН оператора")
	}
	if o.OGRN.IsZero() {
		pr.Add("OGRN", "required", b, "operator OGRN/OGRNIP is required", "не указан ОГРН (ОГРНИП) оператора")
	}
	if o.Head.LastName == "" || o.Head.Position == "" {
		pr.Add("Head", "required", Cite("", "3.8"), "the head's position and name are required", "не указаны должность и фамилия руководителя")
	}
	return pr.Err()
}

// SampleOperator returns an invented operator modelled on the seed policy's
// (a municipal housing enterprise in Koshki, Samara oblast, UTC+4), with
// identifiers that pass their checksums. Examples, tests and training use it;
// a host builds its own Operator.
func SampleOperator() Operator {
	inn, _ := ParseINN("6381012349")
	ogrn, _ := ParseOGRN("1026303456783")
	return Operator{
		Name:     "Муниципальное предприятие «ПОЖКХ» муниципального района Кошкинский Самарской области",
		INN:      inn,
		OGRN:     ogrn,
		Address:  "446800, Самарская область, Кошкинский район, село Кошки, 4 квартал, дом 11",
		Head:     Official{Position: "Директор", LastName: "Сидоров", FirstName: "Пётр", Patronymic: "Ильич"},
		Sites:    []string{"https://pozhkh-koshki.example.ru/"},
		Location: mustZone("Europe/Samara"),
	}
}
