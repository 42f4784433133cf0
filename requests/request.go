package requests

import (
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Requester is who sent a request and what they showed: the elements of
// 152-FZ art. 14 part 3 (policy 6.1.4) for the subject and a representative,
// the letter of the authority, the legal ground of a third party (policy 5.2).
type Requester struct {
	// Party is who sent the request.
	Party Party `json:"party"`
	// Name is the representative's full name, or the name of the authority
	// («Управление Роскомнадзора по Самарской области») or of the
	// organisation. Empty for the subject (the subject's name is in the
	// directory).
	Name string `json:"name,omitempty"`
	// Identity is the identity document of the subject, or of the
	// representative when a representative asks: its number, issue date and
	// issuer (art. 14 part 3; policy 6.1.4). Nil when not given.
	Identity *pdata.Passport `json:"identity,omitempty"`
	// PowerOfAttorney is a representative's authority (доверенность).
	PowerOfAttorney *PowerOfAttorney `json:"power_of_attorney,omitempty"`
	// Letter is the outgoing number and date of the authority's or the
	// organisation's letter (policy 5.3: a written request).
	Letter Letter `json:"letter,omitzero"`
	// INN is an organisation's taxpayer number, if known.
	INN pdata.INN `json:"inn,omitzero"`
	// LegalAuthority is the provision of law that empowers a third party to
	// receive the data («ФЗ «О полиции» ст. 13 ч. 1 п. 4»); policy 5.2.
	LegalAuthority string `json:"legal_authority,omitempty"`
	// Agreement is the information-exchange agreement with the third party
	// (соглашение об информационном обмене), policy 5.2.
	Agreement *Agreement `json:"agreement,omitempty"`
	// DueBy is the last day of a third party's term under the law it relies
	// on, entered by staff (152-FZ sets none); date.Zero when none.
	DueBy date.Date `json:"due_by,omitempty"`
	// ReplyTo is where the answer goes: a postal or e-mail address, in the
	// form the request came in unless it asks otherwise (art. 14 part 3).
	ReplyTo string `json:"reply_to,omitempty"`
}

// PowerOfAttorney is a representative's authority (доверенность or another
// document proving it).
type PowerOfAttorney struct {
	Number string    `json:"number"` // its number (for a notarised one, the register number)
	Date   date.Date `json:"date"`   // the date of issue
	// IssuedBy is the notary or organisation that certified it, if any.
	IssuedBy string `json:"issued_by,omitempty"`
	// ValidUntil is the last day it is valid; date.Zero when the document
	// states no term (Civil Code art. 186: then one year from Date).
	ValidUntil date.Date `json:"valid_until,omitempty"`
}

// Letter is the registration number and date of a letter.
type Letter struct {
	Number string    `json:"number"` // the outgoing number
	Date   date.Date `json:"date"`   // the date
}

// IsZero reports whether nothing is recorded.
func (l Letter) IsZero() bool { return l.Number == "" && l.Date == date.Zero }

// Agreement is an information-exchange agreement (policy 5.2): it must
// contain a non-disclosure clause.
type Agreement struct {
	Number string    `json:"number"` // the agreement's number
	Date   date.Date `json:"date"`   // its date
	// NonDisclosure confirms the agreement has the non-disclosure clause
	// policy 5.2 requires.
	NonDisclosure bool `json:"non_disclosure"`
}

// Relationship is the information confirming the subject's relationship
// with the operator (art. 14 part 3): the management contract's number and
// date, the personal account, or other details.
type Relationship struct {
	Contract     string    `json:"contract,omitempty"`      // номер договора управления
	ContractDate date.Date `json:"contract_date,omitempty"` // дата договора
	Account      string    `json:"account,omitempty"`       // номер лицевого счёта
	// Other describes other confirmation (an employment contract, a
	// contractor's agreement, the site account).
	Other string `json:"other,omitempty"`
}

// IsZero reports whether nothing is recorded.
func (r Relationship) IsZero() bool {
	return r.Contract == "" && r.ContractDate == date.Zero && r.Account == "" && r.Other == ""
}

// NewRequest is a request as it arrives, for Service.Register.
type NewRequest struct {
	// ID is the host's registration number (входящий номер); unique.
	ID string `json:"id"`
	// Kind is what is asked.
	Kind Kind `json:"kind"`
	// SubjectID is the directory ID of the subject the request is about.
	SubjectID string `json:"subject_id"`
	// Requester is who asks, with what they showed.
	Requester Requester `json:"requester"`
	// Received is the moment the request was received; its date in the
	// operator's time zone starts the term.
	Received time.Time `json:"received"`
	// Channel is how it came.
	Channel Channel `json:"channel"`
	// Signature is how it is signed.
	Signature Signature `json:"signature"`
	// Relationship confirms the relationship with the operator.
	Relationship Relationship `json:"relationship,omitzero"`
	// Matter states briefly what is asked, in the requester's words. It is
	// shown to staff and in notices: text holding an identifier in full
	// (SNILS, INN, passport, phone number) is refused, as in every free-text
	// field of a request (see Service.Register).
	Matter string `json:"matter,omitempty"`
	// DocumentsReceived is, for Clarify, the day the documents confirming
	// the inaccuracy arrived if they came with the request (date.Zero:
	// not yet, the term runs from receipt until they do).
	DocumentsReceived date.Date `json:"documents_received,omitempty"`
	// RepeatReason gives the reasons for a repeat access request sent
	// earlier than 30 days after the first (art. 14 part 5): the first
	// answer was incomplete.
	RepeatReason string `json:"repeat_reason,omitempty"`
	// ConsentID is, for Withdraw, the consent withdrawn (its ID in the
	// consent register), when known.
	ConsentID string `json:"consent_id,omitempty"`
}

// Status is where a request stands.
type Status uint8

// The statuses of a request. The first three are open; the rest are final.
const (
	// StatusReceived: registered and in work (принят к исполнению).
	StatusReceived Status = iota + 1
	// StatusExtended: in work, the term extended by a motivated notice.
	StatusExtended
	// StatusAwaitingDestruction: the data were handed to the destruction
	// commission as selected items with their ground; open until the
	// destruction is confirmed (policy 6.1.9, 6.1.10, 9.4).
	StatusAwaitingDestruction
	// StatusAnswered: the information was given (access).
	StatusAnswered
	// StatusClarified: the data were corrected and unblocked (6.1.8).
	StatusClarified
	// StatusRemedied: the violation was remedied (6.1.9).
	StatusRemedied
	// StatusStopped: the processing was stopped (art. 21 parts 5, 5.1).
	StatusStopped
	// StatusDestroyed: the data were destroyed (6.1.9, 6.1.10).
	StatusDestroyed
	// StatusRefused: a motivated refusal was given.
	StatusRefused
)

var statusNames = names[Status]{unknown: "неизвестное состояние", err: errStatus, info: []named{
	StatusReceived:            {"received", "принят к исполнению"},
	StatusExtended:            {"extended", "срок продлён"},
	StatusAwaitingDestruction: {"awaiting_destruction", "передан на уничтожение"},
	StatusAnswered:            {"answered", "сведения предоставлены"},
	StatusClarified:           {"clarified", "данные уточнены"},
	StatusRemedied:            {"remedied", "нарушение устранено"},
	StatusStopped:             {"stopped", "обработка прекращена"},
	StatusDestroyed:           {"destroyed", "данные уничтожены"},
	StatusRefused:             {"refused", "мотивированный отказ"},
}}

// Statuses lists every status.
func Statuses() []Status {
	out := make([]Status, 0, len(statusNames.info)-1)
	for s := StatusReceived; s <= StatusRefused; s++ {
		out = append(out, s)
	}
	return out
}

// Valid reports whether s is a defined status.
func (s Status) Valid() bool { return s >= StatusReceived && s <= StatusRefused }

// Open reports whether a request in status s still needs work (and so can be
// overdue).
func (s Status) Open() bool {
	return s == StatusReceived || s == StatusExtended || s == StatusAwaitingDestruction
}

// String returns the machine name ("received").
func (s Status) String() string { return statusNames.id(s) }

// Title returns the Russian name.
func (s Status) Title() string { return statusNames.title(s) }

// MarshalText encodes the machine name; an undefined status is an error.
func (s Status) MarshalText() ([]byte, error) { return statusNames.marshal(s) }

// UnmarshalText decodes a machine name, ignoring case and surrounding
// spaces; an unknown name is an error that wraps ErrInvalid.
func (s *Status) UnmarshalText(b []byte) error { return statusNames.unmarshal(s, b) }

var errStatus = &pdata.ParseError{What: "request status", Rule: "status",
	Reason: "unknown request status", ReasonRU: "неизвестное состояние обращения"}

// Request is a registered request with its whole history. The service never
// rewrites an entry of History; each operation appends to it and bumps
// Version.
type Request struct {
	ID           string       `json:"id"`                    // the registration number (входящий номер)
	Kind         Kind         `json:"kind"`                  // what is asked
	SubjectID    string       `json:"subject_id"`            // the subject the request is about
	Requester    Requester    `json:"requester"`             // who asks, with what they showed
	Received     time.Time    `json:"received"`              // the moment of receipt
	ReceivedOn   date.Date    `json:"received_on"`           // the date of receipt in the operator's zone
	Channel      Channel      `json:"channel"`               // how it came
	Signature    Signature    `json:"signature"`             // how it is signed
	Relationship Relationship `json:"relationship,omitzero"` // the relationship with the operator
	Matter       string       `json:"matter,omitempty"`      // what is asked, briefly
	// DocumentsReceived: see NewRequest.DocumentsReceived.
	DocumentsReceived date.Date `json:"documents_received,omitempty"`
	RepeatReason      string    `json:"repeat_reason,omitempty"` // see NewRequest.RepeatReason
	// ConsentID: see NewRequest.ConsentID.
	ConsentID string `json:"consent_id,omitempty"`

	// Missing lists the elements of art. 14 part 3 (or policy 5.2) the
	// request lacked at registration; the requester was told, the term runs
	// all the same.
	Missing []pdata.FieldError `json:"missing,omitempty"`
	// RepeatOf is the ID of an earlier access request of the same subject,
	// answered in full, received less than 30 days before this one: this
	// one may be refused with reasons (art. 14 parts 4–6).
	RepeatOf string `json:"repeat_of,omitempty"`

	// Status is where the request stands.
	Status Status `json:"status"`
	// Deadline is the current deadline (extended when Extension is set).
	Deadline Deadline `json:"deadline"`
	// Blocked reports that the subject's data are blocked for this request
	// (policy 6.1.7).
	Blocked bool `json:"blocked,omitempty"`
	// Extension is the motivated notice that extended the term.
	Extension *Extension `json:"extension,omitempty"`
	// Resolution is the head's resolution on a third party's request
	// (policy 5.2).
	Resolution *Resolution `json:"resolution,omitempty"`
	// Refusal is the motivated refusal, when refused.
	Refusal *Refusal `json:"refusal,omitempty"`
	// Handover is what was handed to the destruction commission.
	Handover *Handover `json:"handover,omitempty"`
	// Closed is the moment the request reached a final status (zero while
	// open).
	Closed time.Time `json:"closed,omitzero"`

	// History lists every transition, oldest first; never rewritten.
	History []Event `json:"history"`
	// Version counts the writes: 1 after registration.
	Version int64 `json:"version"`
}

// TermFrom returns the date the request's term runs from: the day of
// receipt, or for Clarify the day the confirming documents arrived when that
// is recorded.
func (r Request) TermFrom() date.Date {
	if r.Kind == Clarify && r.DocumentsReceived != date.Zero {
		return r.DocumentsReceived
	}
	return r.ReceivedOn
}

// Incomplete reports whether the request lacked elements at registration.
func (r Request) Incomplete() bool { return len(r.Missing) > 0 }

// Extension is a motivated notice that extended a term by 5 working days
// (152-FZ art. 14 part 3, art. 20 parts 1, 2, 4, art. 21 part 5.1).
type Extension struct {
	// Reasons motivate the extension, in Russian, as sent.
	Reasons string `json:"reasons"`
	// Sent is the moment the notice was sent: before the first deadline.
	Sent time.Time `json:"sent"`
	// FirstDeadline is the deadline before the extension.
	FirstDeadline date.Date `json:"first_deadline"`
}

// Resolution is the head's resolution allowing a third party's request to be
// answered (policy 5.2).
type Resolution struct {
	// By is the staff ID of whoever signed it (the head or a person the head
	// authorised).
	By string `json:"by"`
	// Name is their name and position as signed.
	Name string `json:"name"`
	// At is the moment of the resolution.
	At time.Time `json:"at"`
	// Text is the resolution («Предоставить сведения в объёме запроса»).
	Text string `json:"text"`
}

// Refusal is a motivated refusal.
type Refusal struct {
	Reason RefusalReason `json:"reason"` // the typed ground
	// Details motivate the refusal for this case, in Russian.
	Details string `json:"details"`
	// Basis cites the provision the refusal rests on.
	Basis pdata.Basis `json:"basis"`
}

// Handover records what a request handed to the destruction commission
// (policy 6.1.9, 6.1.10, 9.4).
type Handover struct {
	// Ground is the ground for destruction the items carry.
	Ground destruction.Ground `json:"ground"`
	// Basis cites the ground.
	Basis pdata.Basis `json:"basis"`
	// Categories are the data categories handed over (all items together).
	Categories pdata.CategorySet `json:"categories"`
	// Records are the RecordIDs of the selected items.
	Records []string `json:"records"`
	// Act is the approved destruction act that confirmed the destruction.
	Act *destruction.ActRef `json:"act,omitempty"`
}

// Action names a step in a request's history.
type Action uint8

// The actions recorded in a request's history.
const (
	ActRegistered       Action = iota + 1 // зарегистрирован
	ActIntakeReply                        // направлено сообщение о недостающих сведениях
	ActBlocked                            // данные заблокированы
	ActExtended                           // срок продлён, направлено мотивированное уведомление
	ActDocuments                          // поступили подтверждающие документы
	ActResolved                           // резолюция руководителя
	ActCorrected                          // данные уточнены
	ActUnblocked                          // блокирование снято
	ActRemedied                           // нарушение устранено
	ActHandedOver                         // передано на уничтожение
	ActDestroyed                          // данные уничтожены
	ActStopped                            // обработка прекращена
	ActAnswered                           // сведения предоставлены
	ActDisclosed                          // передача данных внесена в журнал
	ActRefused                            // мотивированный отказ
	ActNotified                           // направлено уведомление
	ActConsentWithdrawn                   // отзыв внесён в реестр согласий
)

var actionNames = names[Action]{unknown: "неизвестное действие", err: errAction, info: []named{
	ActRegistered:       {"registered", "зарегистрирован"},
	ActIntakeReply:      {"intake_reply", "направлено сообщение о недостающих сведениях"},
	ActBlocked:          {"blocked", "персональные данные заблокированы"},
	ActExtended:         {"extended", "срок продлён"},
	ActDocuments:        {"documents", "поступили подтверждающие документы"},
	ActResolved:         {"resolved", "резолюция руководителя"},
	ActCorrected:        {"corrected", "персональные данные уточнены"},
	ActUnblocked:        {"unblocked", "блокирование снято"},
	ActRemedied:         {"remedied", "нарушение устранено"},
	ActHandedOver:       {"handed_over", "данные переданы комиссии для уничтожения"},
	ActDestroyed:        {"destroyed", "данные уничтожены"},
	ActStopped:          {"stopped", "обработка прекращена"},
	ActAnswered:         {"answered", "сведения предоставлены"},
	ActDisclosed:        {"disclosed", "передача персональных данных внесена в журнал"},
	ActRefused:          {"refused", "дан мотивированный отказ"},
	ActNotified:         {"notified", "направлено уведомление"},
	ActConsentWithdrawn: {"consent_withdrawn", "отзыв согласия внесён в реестр согласий"},
}}

// Valid reports whether a is a defined action.
func (a Action) Valid() bool { return a >= ActRegistered && a <= ActConsentWithdrawn }

// String returns the machine name.
func (a Action) String() string { return actionNames.id(a) }

// Title returns the Russian name.
func (a Action) Title() string { return actionNames.title(a) }

// MarshalText encodes the machine name.
func (a Action) MarshalText() ([]byte, error) { return actionNames.marshal(a) }

// UnmarshalText decodes a machine name; an unknown name wraps ErrInvalid.
func (a *Action) UnmarshalText(b []byte) error { return actionNames.unmarshal(a, b) }

var errAction = &pdata.ParseError{What: "history action", Rule: "action",
	Reason: "unknown history action", ReasonRU: "неизвестное действие в истории обращения"}

// Event is one entry of a request's history: when, who, what, from which
// status to which, why, and on which provision.
type Event struct {
	At     time.Time `json:"at"`             // the moment
	Actor  string    `json:"actor"`          // the staff ID
	Action Action    `json:"action"`         // what was done
	From   Status    `json:"from,omitempty"` // zero for registration
	To     Status    `json:"to"`             // the status the operation leads to
	// Reason says in Russian what was done and why.
	Reason string      `json:"reason"`
	Basis  pdata.Basis `json:"basis,omitzero"` // the provision acted on
}

// Equal reports whether e and o record the same thing (moments compared
// with time.Time.Equal).
func (e Event) Equal(o Event) bool {
	return e.At.Equal(o.At) && e.Actor == o.Actor && e.Action == o.Action && e.From == o.From &&
		e.To == o.To && e.Reason == o.Reason && e.Basis == o.Basis
}

// Summary is what a dashboard needs of an open request; stores stream it for
// Overdue and DueSoon without loading histories.
type Summary struct {
	ID         string    `json:"id"`          // the request
	Kind       Kind      `json:"kind"`        // what it asks
	Party      Party     `json:"party"`       // who asks
	SubjectID  string    `json:"subject_id"`  // about whom
	Status     Status    `json:"status"`      // where it stands
	ReceivedOn date.Date `json:"received_on"` // the day of receipt
	Deadline   Deadline  `json:"deadline"`    // the current deadline
}

// Summary returns r's summary.
func (r Request) Summary() Summary {
	return Summary{ID: r.ID, Kind: r.Kind, Party: r.Requester.Party, SubjectID: r.SubjectID,
		Status: r.Status, ReceivedOn: r.ReceivedOn, Deadline: r.Deadline}
}

// clone returns a deep copy of r: stores hand out and keep copies so that a
// caller's changes never reach the stored record.
func (r Request) clone() Request {
	c := r
	c.Requester = r.Requester.clone()
	c.Missing = append([]pdata.FieldError(nil), r.Missing...)
	if r.Missing == nil {
		c.Missing = nil
	}
	c.Extension = clonePtr(r.Extension)
	c.Resolution = clonePtr(r.Resolution)
	c.Refusal = clonePtr(r.Refusal)
	if r.Handover != nil {
		h := *r.Handover
		h.Records = append([]string(nil), r.Handover.Records...)
		h.Act = clonePtr(r.Handover.Act)
		c.Handover = &h
	}
	c.History = append([]Event(nil), r.History...)
	return c
}

func (q Requester) clone() Requester {
	c := q
	c.Identity = clonePtr(q.Identity)
	c.PowerOfAttorney = clonePtr(q.PowerOfAttorney)
	c.Agreement = clonePtr(q.Agreement)
	return c
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
