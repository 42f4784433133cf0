package destruction

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

// Ground is the reason (основание) personal data is destroyed (policy 9.4;
// RKN order 179 п. 3 «и»). Each ground has its own legal Basis.
type Ground uint8

// The grounds for destruction.
const (
	// GroundRetentionExpired: the statutory or policy retention term has
	// run out (152-FZ art. 5 part 7; policy 9.1). Items from the retention
	// sweep carry it.
	GroundRetentionExpired Ground = iota + 1
	// GroundPurposeAchieved: the purpose of processing was reached or the
	// need for it lost (152-FZ art. 21 part 4; policy 6.1.10, 9.1).
	GroundPurposeAchieved
	// GroundConsentWithdrawn: the subject withdrew consent and no other
	// ground for processing remains (152-FZ art. 21 part 5).
	GroundConsentWithdrawn
	// GroundUnlawful: processing was unlawful and could not be made lawful
	// (152-FZ art. 21 part 3; policy 6.1.9).
	GroundUnlawful
	// GroundSubjectDemand: the subject (or representative) demanded
	// destruction of data that was unlawfully obtained or is not needed for
	// the stated purpose (152-FZ art. 14 part 1, art. 20 part 3; policy 7.1).
	GroundSubjectDemand
)

var groundInfo = [...]struct {
	id, title string
	basis     pdata.Basis
}{
	GroundRetentionExpired: {"retention_expired", "истечение срока хранения", pdata.Cite("152-ФЗ ст. 5 ч. 7", "9.1")},
	GroundPurposeAchieved:  {"purpose_achieved", "достижение цели обработки (утрата необходимости в её достижении)", pdata.Cite("152-ФЗ ст. 21 ч. 4", "6.1.10")},
	GroundConsentWithdrawn: {"consent_withdrawn", "отзыв субъектом согласия на обработку персональных данных", pdata.Cite("152-ФЗ ст. 21 ч. 5", "")},
	GroundUnlawful:         {"unlawful_processing", "неправомерная обработка, правомерность которой обеспечить невозможно", pdata.Cite("152-ФЗ ст. 21 ч. 3", "6.1.9")},
	GroundSubjectDemand:    {"subject_demand", "требование субъекта персональных данных", pdata.Cite("152-ФЗ ст. 14 ч. 1; 152-ФЗ ст. 20 ч. 3", "7.1")},
}

// Grounds lists every ground.
func Grounds() []Ground {
	return []Ground{GroundRetentionExpired, GroundPurposeAchieved, GroundConsentWithdrawn, GroundUnlawful, GroundSubjectDemand}
}

// Valid reports whether g is a defined ground.
func (g Ground) Valid() bool { return g >= GroundRetentionExpired && g <= GroundSubjectDemand }

// String returns the machine name ("consent_withdrawn").
func (g Ground) String() string {
	if !g.Valid() {
		return fmt.Sprintf("ground(%d)", uint8(g))
	}
	return groundInfo[g].id
}

// Title returns the Russian wording printed in acts.
func (g Ground) Title() string {
	if !g.Valid() {
		return "основание не указано"
	}
	return groundInfo[g].title
}

// Basis returns the provision of law and policy clause the ground rests on.
func (g Ground) Basis() pdata.Basis {
	if !g.Valid() {
		return pdata.Basis{}
	}
	return groundInfo[g].basis
}

// MarshalText encodes the machine name; the zero value encodes as "" so
// that an incomplete value can still be stored and reported by validation.
func (g Ground) MarshalText() ([]byte, error) { return marshalName(g), nil }

// UnmarshalText decodes a machine name; "" is the zero value, an unknown
// name an error wrapping ErrInvalid.
func (g *Ground) UnmarshalText(b []byte) error { return unmarshalName(g, Grounds(), "ground", b) }

// named is an enumeration of this package that travels as its machine name.
type named interface {
	~uint8
	String() string
}

// marshalName encodes v's machine name, and the zero value as "".
func marshalName[T named](v T) []byte {
	if v == 0 {
		return []byte{}
	}
	return []byte(v.String())
}

// unmarshalName sets *v to the member of all named b ("" gives the zero
// value) or returns an error wrapping ErrInvalid that names what was
// decoded; *v is unchanged then.
func unmarshalName[T named](v *T, all []T, what string, b []byte) error {
	if v == nil {
		return nilArg(what, "UnmarshalText on a nil pointer", "не передано, куда записать значение")
	}
	if len(b) == 0 {
		*v = 0
		return nil
	}
	for _, k := range all {
		if k.String() == string(b) {
			*v = k
			return nil
		}
	}
	return fmt.Errorf("%w: unknown %s %q", ErrInvalid, what, b)
}

// MediumKind is the kind of medium (вид носителя) personal data sits on.
type MediumKind uint8

// The kinds of media.
const (
	// MediumPaper: a paper document or file (бумажный носитель), named and
	// counted in sheets (RKN order 179 п. 3 «е»).
	MediumPaper MediumKind = iota + 1
	// MediumMachine: a machine-readable medium (машиночитаемый носитель): a
	// flash drive, disk, tape, identified by its type and serial number.
	MediumMachine
	// MediumFiles: files on a computer's hard disk within an information
	// system, identified by the system's name and the number of files.
	MediumFiles
	// MediumRecords: records in a database of an information system
	// (ИСПДн), identified by the system's name and the number of records
	// (RKN order 179 п. 3 «ж»).
	MediumRecords
)

var mediumInfo = [...]struct{ id, title string }{
	MediumPaper:   {"paper", "бумажный носитель"},
	MediumMachine: {"machine", "машиночитаемый носитель"},
	MediumFiles:   {"files", "файлы на жёстком диске"},
	MediumRecords: {"records", "записи в базе данных информационной системы"},
}

// MediumKinds lists every kind of medium.
func MediumKinds() []MediumKind {
	return []MediumKind{MediumPaper, MediumMachine, MediumFiles, MediumRecords}
}

// Valid reports whether k is a defined kind.
func (k MediumKind) Valid() bool { return k >= MediumPaper && k <= MediumRecords }

// String returns the machine name ("paper").
func (k MediumKind) String() string {
	if !k.Valid() {
		return fmt.Sprintf("medium(%d)", uint8(k))
	}
	return mediumInfo[k].id
}

// Title returns the Russian name of the kind.
func (k MediumKind) Title() string {
	if !k.Valid() {
		return "вид носителя не указан"
	}
	return mediumInfo[k].title
}

// Automated reports whether data on this kind of medium is processed in an
// information system, so that its destruction must also be shown in an
// extract from the system's event log (RKN order 179 п. 5).
func (k MediumKind) Automated() bool { return k == MediumFiles || k == MediumRecords }

// MarshalText encodes the machine name; the zero value encodes as "" so
// that an incomplete value can still be stored and reported by validation.
func (k MediumKind) MarshalText() ([]byte, error) { return marshalName(k), nil }

// UnmarshalText decodes a machine name; "" is the zero value, an unknown
// name an error wrapping ErrInvalid.
func (k *MediumKind) UnmarshalText(b []byte) error {
	return unmarshalName(k, MediumKinds(), "medium kind", b)
}

// Medium describes where the data to destroy sits (policy 9.4, 9.13: kind
// and quantity of media; RKN order 179 п. 3 «е», «ж»). Which fields are
// needed depends on Kind:
//
//   - MediumPaper: Name (the document or file, «Личное дело № 12») and
//     Sheets.
//   - MediumMachine: Name (the type of medium, «USB-флеш-накопитель») and
//     Serial.
//   - MediumFiles: System (the information system's name), Count (files)
//     and optionally Name (folder or description).
//   - MediumRecords: System and Count (records).
//
// Name and System are printed in the act and must not hold an identifier
// (SNILS, INN, passport, phone) in full; Serial is not checked, since a
// device's serial number often has long runs of digits.
//
// Use Paper, Machine, Files and DBRecords to build one.
type Medium struct {
	Kind   MediumKind `json:"kind"`             // the kind of medium
	Name   string     `json:"name,omitempty"`   // document name, medium type, or folder
	Sheets int        `json:"sheets,omitempty"` // sheets of paper
	Serial string     `json:"serial,omitempty"` // serial number of a machine-readable medium
	System string     `json:"system,omitempty"` // information system, without «ИС»
	Count  int        `json:"count,omitempty"`  // files or database records
}

// Paper describes a paper document or file of the given number of sheets.
func Paper(name string, sheets int) Medium {
	return Medium{Kind: MediumPaper, Name: name, Sheets: sheets}
}

// Machine describes a machine-readable medium by its type and serial number.
func Machine(typ, serial string) Medium {
	return Medium{Kind: MediumMachine, Name: typ, Serial: serial}
}

// Files describes files on a hard disk of the named information system.
func Files(system, description string, files int) Medium {
	return Medium{Kind: MediumFiles, System: system, Name: description, Count: files}
}

// DBRecords describes records in a database of the named information system.
func DBRecords(system string, records int) Medium {
	return Medium{Kind: MediumRecords, System: system, Count: records}
}

// Describe returns the medium as printed in acts, in Russian.
func (m Medium) Describe() string {
	switch m.Kind {
	case MediumPaper:
		return fmt.Sprintf("бумажный носитель «%s», %d %s", m.Name, m.Sheets, pdata.PluralRU(m.Sheets, "лист", "листа", "листов"))
	case MediumMachine:
		return fmt.Sprintf("машиночитаемый носитель: %s, серийный № %s", m.Name, m.Serial)
	case MediumFiles:
		s := "файлы в ИС " + quote(m.System)
		if m.Name != "" {
			s += ": " + m.Name
		}
		return s + fmt.Sprintf(", %d %s", m.Count, pdata.PluralRU(m.Count, "файл", "файла", "файлов"))
	case MediumRecords:
		return fmt.Sprintf("записи в базе данных ИС %s, %d %s", quote(m.System), m.Count, pdata.PluralRU(m.Count, "запись", "записи", "записей"))
	}
	return "носитель не указан"
}

func (m Medium) validate(p *pdata.Problems, field string) {
	need := func(ok bool, name, en, ru string) {
		if !ok {
			p.Add(field+"."+name, "required", basisMedia, en, ru)
		}
	}
	switch m.Kind {
	case MediumPaper:
		need(strings.TrimSpace(m.Name) != "", "Name", "a paper medium needs its name", "Не указано наименование бумажного носителя")
		need(m.Sheets > 0, "Sheets", "a paper medium needs its number of sheets (more than zero)", "Не указано количество листов бумажного носителя")
	case MediumMachine:
		need(strings.TrimSpace(m.Name) != "", "Name", "a machine-readable medium needs its type", "Не указан тип машиночитаемого носителя")
		need(strings.TrimSpace(m.Serial) != "", "Serial", "a machine-readable medium needs its serial number", "Не указан серийный номер машиночитаемого носителя")
	case MediumFiles, MediumRecords:
		need(strings.TrimSpace(m.System) != "", "System", "files and database records need the information system's name", "Не указано наименование информационной системы")
		need(m.Count > 0, "Count", "files and database records need their number (more than zero)", "Не указано количество файлов или записей")
	default:
		p.Add(field+".Kind", "required", basisMedia, "the kind of medium is missing or unknown", "Не указан вид носителя")
	}
	// Serial is not checked: a device's serial number often has ten or more
	// digits in a row and is not a person's identifier.
	noIdentifier(p, field, ".Name", m.Name, "the medium's name", "Наименование носителя")
	noIdentifier(p, field, ".System", m.System, "the information system's name", "Наименование информационной системы")
}

// Method is a method of destruction (способ уничтожения) fit for a kind of
// medium (policy 9.11; 152-FZ art. 3 item 8: after destruction the content
// cannot be restored).
type Method uint8

// The methods of destruction.
const (
	// MethodShredding: paper is shredded into small pieces that rule out
	// restoring the information (9.11, first indent).
	MethodShredding Method = iota + 1
	// MethodPhysicalDamage: a machine-readable medium is irreparably
	// damaged, deformed or broken, so that it cannot be used or its data
	// restored (9.11, second indent).
	MethodPhysicalDamage
	// MethodOSDeletion: files are deleted with the operating system's means
	// and the recycle bin is then emptied (9.11, third indent).
	MethodOSDeletion
	// MethodDBErasure: database records are deleted so that nothing is left
	// to restore them from (152-FZ art. 3 item 8).
	MethodDBErasure
)

var methodInfo = [...]struct {
	id, short, title string
	fits             MediumKind
}{
	MethodShredding:      {"shredding", "измельчение (шредер)", "измельчение на мелкие части (шредер), исключающие возможность последующего восстановления информации", MediumPaper},
	MethodPhysicalDamage: {"physical_damage", "физическое повреждение носителя", "нанесение носителю неустранимого физического повреждения (деформирование, нарушение целостности), исключающего возможность его использования и восстановления данных", MediumMachine},
	MethodOSDeletion:     {"os_deletion", "удаление средствами ОС с очисткой корзины", "удаление файлов средствами операционной системы компьютера с последующим очищением корзины", MediumFiles},
	MethodDBErasure:      {"db_erasure", "удаление записей без возможности восстановления", "удаление записей из базы данных информационной системы способом, исключающим их последующее восстановление", MediumRecords},
}

// Methods lists every method.
func Methods() []Method {
	return []Method{MethodShredding, MethodPhysicalDamage, MethodOSDeletion, MethodDBErasure}
}

// MethodFor returns the method policy 9.11 prescribes for a kind of medium
// (zero for an unknown kind).
func MethodFor(k MediumKind) Method {
	for _, m := range Methods() {
		if methodInfo[m].fits == k {
			return m
		}
	}
	return 0
}

// Valid reports whether m is a defined method.
func (m Method) Valid() bool { return m >= MethodShredding && m <= MethodDBErasure }

// Fits reports whether m is the method for the kind of medium (9.11).
func (m Method) Fits(k MediumKind) bool { return m.Valid() && methodInfo[m].fits == k }

// String returns the machine name ("shredding").
func (m Method) String() string {
	if !m.Valid() {
		return fmt.Sprintf("method(%d)", uint8(m))
	}
	return methodInfo[m].id
}

// Short returns a short Russian name, used in item tables.
func (m Method) Short() string {
	if !m.Valid() {
		return "способ не указан"
	}
	return methodInfo[m].short
}

// Title returns the full Russian wording of policy 9.11, printed in acts.
func (m Method) Title() string {
	if !m.Valid() {
		return "способ не указан"
	}
	return methodInfo[m].title
}

// MarshalText encodes the machine name; the zero value encodes as "" so
// that an incomplete value can still be stored and reported by validation.
func (m Method) MarshalText() ([]byte, error) { return marshalName(m), nil }

// UnmarshalText decodes a machine name; "" is the zero value, an unknown
// name an error wrapping ErrInvalid.
func (m *Method) UnmarshalText(b []byte) error { return unmarshalName(m, Methods(), "method", b) }

// Subject names a data subject whose data an item holds (RKN order 179
// п. 3 «в»; п. 5 «а»): the full name (ФИО), or other information that
// identifies the person when the name is not known (a flat and a period, an
// account number's masked form). Never put an identifier (SNILS, INN,
// passport, phone) in full into Info: such an item is refused.
type Subject struct {
	// ID is the host's key for the subject. It is kept in the act's JSON
	// but never printed.
	ID string `json:"id,omitempty"`
	// Name is the full name, «Фамилия Имя Отчество».
	Name string `json:"name,omitempty"`
	// Info is other identifying information.
	Info string `json:"info,omitempty"`
}

// SubjectOf returns the Subject for a pdata.Subject: its ID and full name.
// No identifier is copied.
func SubjectOf(s pdata.Subject) Subject {
	return Subject{ID: s.ID, Name: s.FullName()}
}

// Label returns the subject as printed: the name, the other information, or
// both.
func (s Subject) Label() string {
	n, i := strings.TrimSpace(s.Name), strings.TrimSpace(s.Info)
	switch {
	case n != "" && i != "":
		return n + " (" + i + ")"
	case n != "":
		return n
	}
	return i
}

// Item is one medium (or set of records) selected for destruction, with
// the subjects concerned, the data categories, the ground and its basis,
// and the method (policy 9.4, 9.5, 9.11; RKN order 179 п. 3 «в», «д»–«и»).
//
// Items from the retention sweep are built with ItemFromDue. Items for other
// grounds — a consent withdrawn, a subject's demand, unlawful processing
// that cannot be remedied, a purpose achieved — are filled in directly by
// package requests or by the host:
//
//	destruction.Item{
//		RecordID:    "req-5/flat-12",
//		Subjects:    []destruction.Subject{{Name: "Иванова Мария Петровна"}},
//		Categories:  pdata.SetOf(pdata.DataFullName, pdata.DataPhone),
//		Medium:      destruction.DBRecords("Жилищный учёт", 3),
//		Ground:      destruction.GroundConsentWithdrawn,
//		Reference:   "отзыв согласия, вх. № 17 от 03.03.2025",
//		DestroyFrom: date.New(2025, 3, 3),
//		DestroyBy:   date.New(2025, 4, 2),
//	}
//
// Method and Basis may be left zero: Act.Add fills in MethodFor(Medium.Kind)
// and Ground.Basis(). Validate reports every problem at once.
type Item struct {
	// RecordID is the host's identifier of the record (file, order, log,
	// request) the item destroys; unique within an act. It is printed in
	// the event-log extract, so it must not hold an identifier (SNILS, INN,
	// passport, phone) in full (pdata.HasIdentifier: 10 to 12 digits in a
	// row, counting spaces, hyphens and brackets between them as part of
	// the run). A UUID in its canonical form is always accepted.
	RecordID string `json:"record_id"`
	// Subjects are the subjects whose data the item holds.
	Subjects []Subject `json:"subjects"`
	// Categories are the categories of data destroyed.
	Categories pdata.CategorySet `json:"-"`
	// Medium is where the data sits.
	Medium Medium `json:"medium"`
	// Method is how it is destroyed; zero means MethodFor(Medium.Kind).
	Method Method `json:"method"`
	// Ground is why it is destroyed.
	Ground Ground `json:"ground"`
	// Basis cites the law and policy behind the ground; zero means
	// Ground.Basis().
	Basis pdata.Basis `json:"basis"`
	// Reference names the document behind the ground, if any (a request's
	// number and date, a finding of unlawful processing). Printed with the
	// ground; like RecordID it must not hold an identifier in full.
	Reference string `json:"reference,omitempty"`
	// DestroyFrom is the first day the data may be destroyed: the day after
	// its retention term ends, or the day the ground arose when no term
	// keeps it longer (policy 9.1). Required.
	DestroyFrom date.Date `json:"destroy_from"`
	// DestroyBy is the last day for destruction (policy 9.3; 152-FZ art. 21
	// parts 3–5), or date.Zero when none applies.
	DestroyBy date.Date `json:"destroy_by,omitzero"`
}

// itemJSON carries Categories as a list of machine names.
type itemJSON struct {
	RecordID    string               `json:"record_id"`
	Subjects    []Subject            `json:"subjects"`
	Categories  []pdata.DataCategory `json:"categories"`
	Medium      Medium               `json:"medium"`
	Method      Method               `json:"method"`
	Ground      Ground               `json:"ground"`
	Basis       pdata.Basis          `json:"basis"`
	Reference   string               `json:"reference,omitempty"`
	DestroyFrom date.Date            `json:"destroy_from"`
	DestroyBy   date.Date            `json:"destroy_by,omitzero"`
}

// MarshalJSON encodes the item, its categories as machine names.
func (it Item) MarshalJSON() ([]byte, error) {
	return json.Marshal(itemJSON{
		RecordID: it.RecordID, Subjects: it.Subjects, Categories: it.Categories.Slice(),
		Medium: it.Medium, Method: it.Method, Ground: it.Ground, Basis: it.Basis,
		Reference: it.Reference, DestroyFrom: it.DestroyFrom, DestroyBy: it.DestroyBy,
	})
}

// UnmarshalJSON decodes an item. A key the item does not have, at any
// depth ("destroy_form" for "destroy_from"), is refused with a
// *pdata.ValidationError naming it (it wraps ErrInvalid) rather than
// dropped, whatever the caller's decoder allows: a mistyped key would
// otherwise leave a field zero without a word.
func (it *Item) UnmarshalJSON(b []byte) error {
	if it == nil {
		return nilArg("Item", "UnmarshalJSON on a nil *Item", "не передано, куда записать сведения о носителе")
	}
	var j itemJSON
	if err := decodeStrict(b, &j, "an item", "в сведениях о носителе"); err != nil {
		return err
	}
	*it = Item{
		RecordID: j.RecordID, Subjects: j.Subjects, Categories: pdata.SetOf(j.Categories...),
		Medium: j.Medium, Method: j.Method, Ground: j.Ground, Basis: j.Basis,
		Reference: j.Reference, DestroyFrom: j.DestroyFrom, DestroyBy: j.DestroyBy,
	}
	return nil
}

// decodeStrict decodes the JSON value b into v refusing unknown keys. An
// unknown key gives a *pdata.ValidationError (rule "unknown_field") that
// names it, in English and Russian; what and whatRU say where it was found
// ("an item", «в сведениях о носителе»). Other errors are returned as the
// decoder gives them.
func decodeStrict(b []byte, v any, what, whatRU string) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, end := dec.Token(); end != io.EOF {
			return nilArg("", "data after the end of the JSON value in "+what,
				"лишние данные после конца значения JSON "+whatRU)
		}
		return nil
	}
	var ve *pdata.ValidationError
	if errors.As(err, &ve) {
		return err // a nested value refused its own key already
	}
	const marker = "unknown field "
	i := strings.Index(err.Error(), marker)
	if i < 0 {
		return err
	}
	key, qerr := strconv.Unquote(quotedPrefix(err.Error()[i+len(marker):]))
	if qerr != nil {
		key = "?"
	}
	var p pdata.Problems
	p.Add(key, "unknown_field", pdata.Basis{},
		fmt.Sprintf("unknown key %q in %s: check its spelling (nothing is dropped silently)", key, what),
		fmt.Sprintf("Неизвестное поле %q %s: проверьте написание (данные не отбрасываются молча)", key, whatRU))
	return p.Err()
}

// quotedPrefix returns the Go-quoted string at the start of s, or "".
func quotedPrefix(s string) string {
	q, err := strconv.QuotedPrefix(s)
	if err != nil {
		return ""
	}
	return q
}

// ItemFromDue turns a record found by the retention sweep into an item:
// the record's ID and term (DestroyFrom, DestroyBy), the ground
// GroundPurposeAchieved for purpose-bound records and GroundRetentionExpired
// otherwise, with the term's basis joined to the ground's. The sweep knows
// only the subject's ID: pass the subject's name (its ID defaults to the
// record's SubjectID), the categories the record holds and its medium.
func ItemFromDue(d retention.Due, subject Subject, categories pdata.CategorySet, m Medium) Item {
	g := GroundRetentionExpired
	if d.Record.Kind == retention.PurposeBound {
		g = GroundPurposeAchieved
	}
	if subject.ID == "" {
		subject.ID = d.Record.SubjectID
	}
	return Item{
		RecordID:    d.Record.ID,
		Subjects:    []Subject{subject},
		Categories:  categories,
		Medium:      m,
		Method:      MethodFor(m.Kind),
		Ground:      g,
		Basis:       d.Term.Basis.Join(g.Basis()),
		DestroyFrom: d.Term.DestroyFrom,
		DestroyBy:   d.Term.DestroyBy,
	}
}

// normalized returns the item with Method and Basis filled in and the
// subjects copied.
func (it Item) normalized() Item {
	if it.Method == 0 {
		it.Method = MethodFor(it.Medium.Kind)
	}
	if it.Basis.IsZero() {
		it.Basis = it.Ground.Basis()
	}
	it.Subjects = append([]Subject(nil), it.Subjects...)
	return it
}

// Validate checks the item as of the given date (normally the act's date)
// and returns every problem as a *pdata.ValidationError: a record ID; at
// least one subject, each named or otherwise identified and without an
// identifier in full; at least one data category; a complete medium; a
// ground; a method fit for the medium (9.11); and a DestroyFrom that has
// come (9.1: never destroyed before the retention term ends). The record
// ID, the reference and the medium's name and system must not hold an
// identifier in full either (rule "identifier_in_full"; 152-FZ art. 5
// part 5, policy 9.13); the error names the field, never the value.
// Method and Basis may be zero (see Item).
func (it Item) Validate(asOf date.Date) error {
	var p pdata.Problems
	it.normalized().validate(&p, "", asOf)
	return p.Err()
}

func (it Item) validate(p *pdata.Problems, prefix string, asOf date.Date) {
	f := func(name string) string { return prefix + name }
	if strings.TrimSpace(it.RecordID) == "" {
		p.Add(f("RecordID"), "required", basisSelection, "the item needs the record's ID", "Не указан идентификатор записи (носителя)")
	}
	if !isUUID(it.RecordID) {
		noIdentifier(p, prefix, "RecordID", it.RecordID, "the record ID", "Идентификатор записи")
	}
	noIdentifier(p, prefix, "Reference", it.Reference, "the reference to the document behind the ground", "Ссылка на документ-основание")
	if len(it.Subjects) == 0 {
		p.Add(f("Subjects"), "required", basisSubjects,
			"name at least one subject whose data is destroyed",
			"Не указан ни один субъект, чьи персональные данные уничтожаются")
	}
	for i, s := range it.Subjects {
		field := fmt.Sprintf("%sSubjects[%d]", prefix, i)
		if s.Label() == "" {
			p.Add(field, "required", basisSubjects,
				"a subject needs a full name or other identifying information",
				"Для субъекта не указаны ни ФИО, ни иные сведения, позволяющие его идентифицировать")
		}
		if pdata.HasIdentifier(s.Name) || pdata.HasIdentifier(s.Info) {
			p.Add(field, "identifier_in_full", basisSubjects,
				"a subject's description must not hold an identifier (SNILS, INN, passport, phone) in full",
				"Сведения о субъекте не должны содержать полный номер документа или идентификатора (СНИЛС, ИНН, паспорт, телефон)")
		}
	}
	if it.Categories == 0 {
		p.Add(f("Categories"), "required", basisCategories,
			"list the categories of data destroyed", "Не указаны категории уничтожаемых персональных данных")
	}
	for _, c := range it.Categories.Slice() {
		if !c.Valid() {
			p.Add(f("Categories"), "data_category", basisCategories, "unknown data category", "Неизвестная категория персональных данных")
			break
		}
	}
	it.Medium.validate(p, f("Medium"))
	if !it.Ground.Valid() {
		p.Add(f("Ground"), "required", basisGround,
			"the ground for destruction is missing or unknown", "Не указано основание для уничтожения")
	}
	if it.Medium.Kind.Valid() && !it.Method.Fits(it.Medium.Kind) {
		p.Add(f("Method"), "method_unfit", basisMethod,
			fmt.Sprintf("method %s does not fit a %s medium: use %s", it.Method, it.Medium.Kind, MethodFor(it.Medium.Kind)),
			fmt.Sprintf("Способ «%s» не подходит для носителя вида «%s»: следует применить «%s»",
				it.Method.Short(), it.Medium.Kind.Title(), MethodFor(it.Medium.Kind).Short()))
	}
	switch {
	case it.DestroyFrom == date.Zero:
		p.Add(f("DestroyFrom"), "required", basisNotYetDue,
			"the first day destruction is allowed is missing",
			"Не указана дата, с которой допускается уничтожение")
	case it.DestroyFrom > asOf:
		p.Add(f("DestroyFrom"), "not_yet_due", basisNotYetDue,
			fmt.Sprintf("record %s may not be destroyed before %s (retention term not over on %s)",
				recordEN(it.RecordID), it.DestroyFrom.FormatISO(4), asOf.FormatISO(4)),
			fmt.Sprintf("Запись %s нельзя уничтожать ранее %s: срок хранения на %s не истёк",
				recordRU(it.RecordID), formatDate(it.DestroyFrom), formatDate(asOf)))
	}
	if it.DestroyBy != date.Zero && it.DestroyBy < it.DestroyFrom {
		p.Add(f("DestroyBy"), "deadline_before_start", basisDeadline,
			"the deadline for destruction precedes the first day it is allowed",
			"Срок уничтожения истекает раньше даты, с которой уничтожение допускается")
	}
}

// basisNoIdentifier is the ground for refusing an identifier in full in a
// printed field: the act and the extract carry only what RKN order 179 and
// policy 9.13 require, and personal data must not be excessive.
var basisNoIdentifier = pdata.Cite("152-ФЗ ст. 5 ч. 5", "9.13")

// noIdentifier refuses a free-text field printed in an act or the extract
// when it holds an identifier (SNILS, INN, passport, phone) in full
// (pdata.HasIdentifier). The message names the field (prefix+name, joined
// only when there is a problem), never its value. whatRU is the field's
// name in the nominative, inside «».
func noIdentifier(p *pdata.Problems, prefix, name, value, whatEN, whatRU string) {
	if !pdata.HasIdentifier(value) {
		return
	}
	p.Add(prefix+name, "identifier_in_full", basisNoIdentifier,
		whatEN+" must not hold an identifier (SNILS, INN, passport, phone) in full: it is printed in the act or the extract",
		"Поле «"+whatRU+"» печатается в акте или выгрузке и не должно содержать полный номер СНИЛС, ИНН, паспорта или телефона")
}

// isUUID reports whether s is a UUID in its canonical form
// (8-4-4-4-12 hex digits). A UUID is a generated key, not a person's
// identifier, and its hex groups can hold ten digits in a row by chance.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

// recordEN and recordRU name a record in a message: its ID, unless the ID
// holds an identifier in full, which is never echoed.
func recordEN(id string) string {
	if !isUUID(id) && pdata.HasIdentifier(id) {
		return "(ID withheld: it holds an identifier)"
	}
	return id
}

func recordRU(id string) string {
	if !isUUID(id) && pdata.HasIdentifier(id) {
		return "(идентификатор скрыт: содержит номер документа)"
	}
	return id
}

// quote puts a name in «» unless it already holds them.
func quote(s string) string {
	if strings.ContainsAny(s, "«»\"") {
		return s
	}
	return "«" + s + "»"
}

// formatDate prints a date the Russian way, «02.01.2006».
func formatDate(d date.Date) string {
	if d == date.Zero {
		return "—"
	}
	return d.Format("02.01.2006")
}
