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
	// Closed is the date the file was closed in office work; for SiteData
	// the date of collection; for DestructionRecord the date of destruction.
	Closed date.Date
	// Hazardous marks HRLeave, HRTrip and HRInspection orders of staff in
	// harmful or hazardous work (50/75 years instead of 5).
	Hazardous bool
	// PurposeAchieved is the date the purpose of processing was reached
	// (date.Zero: not reached). Required for PurposeBound; it never shortens
	// a statutory term (policy 9.1).
	PurposeAchieved date.Date
}

// Term is how long a record must be kept and when it must be destroyed.
type Term struct {
	// Start is the first day of the term.
	Start date.Date
	// End is the last day the record must be kept.
	End date.Date
	// DestroyFrom is the first day destruction is allowed (End + 1; policy
	// 9.1: never earlier).
	DestroyFrom date.Date
	// DestroyBy is the last day for destruction (policy 9.3, 6.1.10).
	DestroyBy date.Date
	// Period is the length of the term (zero for PurposeBound).
	Period period.Period
	// Basis cites the law and policy clause the term rests on.
	Basis pdata.Basis
}

// Due is a record the sweep found due for destruction as of a date.
type Due struct {
	Record Record
	Term   Term
	// Overdue reports that DestroyBy has passed.
	Overdue bool
}
