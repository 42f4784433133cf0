package retention

import (
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/period"
)

// Kind is a kind of record the operator keeps, each with its retention rule
// (policy 3.6.1–3.6.4, 6.1.10; RKN order 179 п. 8).
type Kind uint8

// The record kinds. Their names are a contract that hosts store and call.
const (
	// HRPersonnel: HR orders on hire, transfer, dismissal, pay, appraisal,
	// training, ranks, incentives, awards, changes of personal data,
	// parental and unpaid leave (policy 3.6.1). 75 years if the file was
	// closed before 2003, else 50 (125-FZ art. 22.1).
	HRPersonnel Kind = iota + 1
	// HRLeave: orders on annual paid leave, study leave, duties outside
	// core work. 5 years; 50/75 for harmful or hazardous work.
	HRLeave
	// HRTrip: orders on business trips. 5 years; 50/75 for harmful or
	// hazardous work.
	HRTrip
	// HRInspection: orders on internal inspections. 5 years; 50/75 for
	// harmful or hazardous work.
	HRInspection
	// HRDisciplinary: orders on disciplinary penalties, 3 years (Rosarchive
	// list 236, item 434).
	HRDisciplinary
	// ResidentFile: owners', residents' and household members' data (3.6.2),
	// at least 5 years (402-FZ art. 29).
	ResidentFile
	// ContractorFile: civil-law contractors' data (3.6.3), at least 5 years.
	ContractorFile
	// SiteData: site users' data (3.6.4), 1 year from collection.
	SiteData
	// PurposeBound: data kept only for a purpose, with no statutory term:
	// destroyed within 3 working days of the purpose being reached (6.1.10).
	PurposeBound
	// DestructionRecord: destruction acts and log extracts, 3 years from the
	// date of destruction (RKN order 179 п. 8).
	DestructionRecord
)

// Record is one record (a file, an order, a log) the host keeps, as the
// retention rules see it.
type Record struct {
	// ID is the host's identifier of the record.
	ID string
	// SubjectID is the data subject the record is about.
	SubjectID string
	// Kind decides the rule.
	Kind Kind
	// Closed is the date the file was closed in office work (законченное
	// делопроизводством дело); for SiteData the date of collection; for
	// DestructionRecord the date of destruction. Required (a year
	// 1900–9799) for every kind except PurposeBound, which ignores it.
	Closed date.Date
	// Hazardous marks HRLeave, HRTrip and HRInspection orders of staff in
	// harmful or hazardous work (50/75 years instead of 5). It changes
	// nothing for the other HR kinds and is an error on non-HR kinds.
	Hazardous bool
	// PurposeAchieved is the date the purpose of processing was reached
	// (date.Zero: not reached). Required for PurposeBound; it never shortens
	// a statutory term (policy 9.1).
	PurposeAchieved date.Date
}

// Term is how long a record must be kept and when it must be destroyed.
// Schedule.Term computes it; see the package guide for the arithmetic.
type Term struct {
	// Start is the day the term is counted from: 1 January of the year
	// after the file was closed; for SiteData and DestructionRecord the day
	// of collection or destruction itself (the term runs from the next day,
	// Civil Code art. 191, so it ends on the same day and month); for
	// PurposeBound the day the purpose was reached.
	Start date.Date
	// End is the last day the record must be kept. For PurposeBound, which
	// has no keeping term, it is the day before the purpose was reached.
	End date.Date
	// DestroyFrom is the first day destruction is allowed: End + 1 (policy
	// 9.1: never earlier). For PurposeBound, the day the purpose was
	// reached.
	DestroyFrom date.Date
	// DestroyBy is the last day for destruction: DestroyFrom + 30 calendar
	// days (policy 9.3: the commission destroys within thirty days), or for
	// PurposeBound the 3rd working day after the purpose was reached
	// (policy 6.1.10). A 30-day term that ends on a day off is not moved to
	// the next working day as Civil Code art. 193 would allow: the operator
	// controls the duty, so the earlier, stricter date is kept.
	DestroyBy date.Date
	// Period is the length of the keeping term (zero for PurposeBound).
	Period period.Period
	// Basis cites the law and the policy clauses the term rests on.
	Basis pdata.Basis
}

// Due is a record the sweep (Schedule.Due) found due for destruction as of
// a date: its DestroyFrom is on or before that date.
type Due struct {
	// Record is the record as the source gave it.
	Record Record
	// Term is its term under the schedule.
	Term Term
	// Overdue reports that DestroyBy has passed: the date of the sweep is
	// after it.
	Overdue bool
}

var kindInfo = [...]struct{ id, title, clause string }{
	HRPersonnel:       {"hr_personnel", "приказы по личному составу (приём, перевод, увольнение, оплата труда, поощрения, отпуска по уходу за ребёнком и др.)", "3.6.1"},
	HRLeave:           {"hr_leave", "приказы о ежегодных оплачиваемых и учебных отпусках, дежурствах", "3.6.1"},
	HRTrip:            {"hr_trip", "приказы о направлении в командировку", "3.6.1"},
	HRInspection:      {"hr_inspection", "приказы о служебных проверках", "3.6.1"},
	HRDisciplinary:    {"hr_disciplinary", "приказы о дисциплинарных взысканиях", "3.6.1"},
	ResidentFile:      {"resident_file", "данные собственников и пользователей помещений, членов их семей и совместно проживающих лиц", "3.6.2"},
	ContractorFile:    {"contractor_file", "данные лиц по договорам гражданско-правового характера", "3.6.3"},
	SiteData:          {"site_data", "данные пользователей сайта", "3.6.4"},
	PurposeBound:      {"purpose_bound", "данные, обрабатываемые до достижения цели обработки", "6.1.10"},
	DestructionRecord: {"destruction_record", "акты об уничтожении персональных данных и выгрузки из журнала", "9.14"},
}

// Kinds lists every record kind in the order of the policy.
func Kinds() []Kind {
	return []Kind{HRPersonnel, HRLeave, HRTrip, HRInspection, HRDisciplinary,
		ResidentFile, ContractorFile, SiteData, PurposeBound, DestructionRecord}
}

// Valid reports whether k is one of the defined kinds.
func (k Kind) Valid() bool { return k >= HRPersonnel && k <= DestructionRecord }

// String returns the machine name ("resident_file"), the form to store.
func (k Kind) String() string {
	if !k.Valid() {
		return "unknown"
	}
	return kindInfo[k].id
}

// Title returns the Russian name of the kind for staff and documents.
func (k Kind) Title() string {
	if !k.Valid() {
		return "неизвестный вид документов"
	}
	return kindInfo[k].title
}

// Clause returns the policy clause that sets the kind's term ("3.6.2"), or
// "" when the term comes from law alone (DestructionRecord).
func (k Kind) Clause() string {
	if !k.Valid() {
		return ""
	}
	return kindInfo[k].clause
}

// MarshalText encodes the machine name.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, unknownKind()
	}
	return []byte(k.String()), nil
}

// UnmarshalText decodes a machine name; an unknown name, or a nil k, is an
// error that wraps ErrInvalid.
func (k *Kind) UnmarshalText(b []byte) error {
	if k == nil {
		return &pdata.ParseError{What: "record kind", Rule: "required",
			Reason: "UnmarshalText on a nil *Kind", ReasonRU: "не передано, куда записать вид документов"}
	}
	for _, c := range Kinds() {
		if c.String() == string(b) {
			*k = c
			return nil
		}
	}
	return unknownKind()
}

// ParseKind returns the kind with the given machine name.
func ParseKind(s string) (Kind, error) {
	var k Kind
	err := k.UnmarshalText([]byte(s))
	return k, err
}

func unknownKind() error {
	return &pdata.ParseError{What: "record kind", Rule: "kind",
		Reason:   "unknown record kind (want one of hr_personnel, hr_leave, hr_trip, hr_inspection, hr_disciplinary, resident_file, contractor_file, site_data, purpose_bound, destruction_record)",
		ReasonRU: "неизвестный вид документов"}
}
