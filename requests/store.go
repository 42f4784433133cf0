package requests

import (
	"context"
	"iter"
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Sentinel errors, re-exported from pdata so that errors.Is works whatever
// package or store returned them.
var (
	// ErrInvalid marks bad input: a *pdata.ValidationError names each
	// problem in English and Russian.
	ErrInvalid = pdata.ErrInvalid
	// ErrNotFound: no such request, subject or record.
	ErrNotFound = pdata.ErrNotFound
	// ErrConflict: an ID already used, or a write against a stale version.
	ErrConflict = pdata.ErrConflict
	// ErrForbidden: the actor is not on the access list approved by the
	// head (policy 3.8, 4.3), or may not sign a resolution.
	ErrForbidden = pdata.ErrForbidden
)

// Store keeps requests with their histories (152-FZ art. 14, 20, 21; policy
// 5.3: the trail of requests). The host implements it over its database;
// MemoryStore is the reference implementation and requeststest.TestStore the
// conformance suite.
//
// A request is written whole, once per operation: the service computes the
// new state and history in memory and calls Update once, so a failed write
// leaves the stored request as it was.
type Store interface {
	// Create stores a new request (Version 1). An ID already stored gives
	// ErrConflict and changes nothing.
	Create(ctx context.Context, r Request) error
	// Get returns the request with the given ID, or ErrNotFound. The
	// returned value is the caller's: changing it changes nothing stored.
	Get(ctx context.Context, id string) (Request, error)
	// Update replaces the stored request r.ID whose Version is r.Version-1
	// with r, appending the events of r.History past the stored ones. A
	// missing request gives ErrNotFound; a stored Version other than
	// r.Version-1, or an r.History shorter than the stored one, gives
	// ErrConflict and changes nothing. The stored history is never
	// rewritten: the first entries are kept as stored whatever r holds.
	Update(ctx context.Context, r Request) error
	// BySubject streams the requests about a subject, oldest receipt first.
	BySubject(ctx context.Context, subjectID string) iter.Seq2[Request, error]
	// Open streams the summaries of the open requests (Status.Open), in any
	// order, holding a constant amount of memory however many there are.
	// A consumer may stop early; a store error is yielded and ends the
	// stream.
	Open(ctx context.Context) iter.Seq2[Summary, error]
}

// Disclosure is one transfer of a subject's data on a request, as the
// journal of disclosures records it (policy 5.3: «ведут учёт передачи
// персональных данных»).
type Disclosure struct {
	// ID is unique in the journal; the service uses "<request ID>/disclosure".
	ID        string `json:"id"`
	RequestID string `json:"request_id"` // the request the data were given on
	SubjectID string `json:"subject_id"` // whose data
	// Recipient is the key the journal is queried by: the organisation's
	// INN, or the authority's or organisation's name, or "subject:<ID>"
	// for the subject's own access.
	Recipient string `json:"recipient"`
	// RecipientName is the recipient as named in the request.
	RecipientName string `json:"recipient_name"`
	// Party is the recipient's kind.
	Party Party `json:"party"`
	// Categories are the data categories transferred.
	Categories pdata.CategorySet `json:"categories"`
	// Basis is the legal ground of the transfer.
	Basis pdata.Basis `json:"basis"`
	// Purpose is the purpose the data were given for.
	Purpose string `json:"purpose"`
	// On is the date of the transfer in the operator's zone; At the moment.
	On date.Date `json:"on"` // the date of the transfer
	At time.Time `json:"at"` // the moment
	// Warned records that the recipient was warned that the data may be used
	// only for the stated purpose and confirmed it (policy 5.3).
	Warned bool `json:"warned"`
	// By is the staff ID of whoever made the transfer.
	By string `json:"by"`
}

// Journal is the journal of disclosures (policy 5.3): appended, never
// rewritten. requeststest.TestJournal is its conformance suite.
type Journal interface {
	// Append records a disclosure. An ID already recorded gives ErrConflict
	// and changes nothing.
	Append(ctx context.Context, d Disclosure) error
	// BySubject streams the disclosures of a subject's data, in the order
	// they were appended.
	BySubject(ctx context.Context, subjectID string) iter.Seq2[Disclosure, error]
	// ByRecipient streams the disclosures to a recipient (Disclosure.
	// Recipient), in the order they were appended.
	ByRecipient(ctx context.Context, recipient string) iter.Seq2[Disclosure, error]
}

// Op names an operation of the service, for the audit log and the
// transition table.
type Op uint8

// The operations of the service.
const (
	OpRegister           Op = iota + 1 // Service.Register
	OpExtend                           // Service.Extend
	OpDocuments                        // Service.DocumentsArrived
	OpResolve                          // Service.Resolve (the head's resolution, policy 5.2)
	OpClarify                          // Service.Clarify
	OpRemedy                           // Service.Remedy
	OpHandOver                         // Service.HandOver
	OpConfirmDestruction               // Service.ConfirmDestruction
	OpRefuse                           // Service.Refuse
	OpFulfil                           // Service.Fulfil
	OpRead                             // Service.Get and Service.AccessReport (reading, no change)
)

var opNames = [...]string{
	OpRegister: "register", OpExtend: "extend", OpDocuments: "documents", OpResolve: "resolve",
	OpClarify: "clarify", OpRemedy: "remedy", OpHandOver: "hand_over",
	OpConfirmDestruction: "confirm_destruction", OpRefuse: "refuse", OpFulfil: "fulfil", OpRead: "read",
}

// Ops lists the operations that change a request (OpRead excluded).
func Ops() []Op {
	return []Op{OpRegister, OpExtend, OpDocuments, OpResolve, OpClarify, OpRemedy, OpHandOver,
		OpConfirmDestruction, OpRefuse, OpFulfil}
}

// String returns the machine name ("hand_over").
func (o Op) String() string {
	if o < OpRegister || o > OpRead {
		return "unknown"
	}
	return opNames[o]
}

// AuditEntry records an attempt the access list refused (policy 3.8, 4.3).
type AuditEntry struct {
	At        time.Time `json:"at"`                   // the moment of the attempt
	Actor     string    `json:"actor"`                // who tried
	Op        Op        `json:"op"`                   // what they tried
	RequestID string    `json:"request_id,omitempty"` // on which request, if any
	// Reason says in Russian why the attempt was refused.
	Reason string      `json:"reason"`
	Basis  pdata.Basis `json:"basis"` // policy 3.8, 4.3
}

// AuditLog keeps the refused attempts to act on requests: appended, never
// rewritten. requeststest.TestAuditLog is its conformance suite.
type AuditLog interface {
	// Append records an entry.
	Append(ctx context.Context, e AuditEntry) error
	// Between streams the entries whose At is in [from, to), in the order
	// they were appended.
	Between(ctx context.Context, from, to time.Time) iter.Seq2[AuditEntry, error]
}

// Hold is one request's block on a subject's data (policy 6.1.7; 152-FZ
// art. 21 part 1): the data stay blocked while any hold remains.
type Hold struct {
	RequestID string      `json:"request_id"` // the request that placed it
	Since     time.Time   `json:"since"`      // blocked from (the moment of receipt, policy 6.1.7)
	Reason    string      `json:"reason"`     // why, in Russian
	Basis     pdata.Basis `json:"basis"`      // the provision
}

// Directory is the host's register of subjects: the service reads a
// subject's data for the access report and blocks, unblocks, corrects and
// erases them as the rules require. requeststest.TestDirectory checks an
// implementation against this contract. Every change is keyed by the request
// that asks for it, so a retried operation does no harm.
type Directory interface {
	// Subject returns the subject's record, or ErrNotFound (the operator
	// holds no data about them).
	Subject(ctx context.Context, id string) (pdata.Subject, error)
	// Block places a hold on the subject's data (policy 6.1.7): they may be
	// stored but not otherwise used. Blocking again for the same RequestID
	// changes nothing. An unknown subject gives ErrNotFound.
	Block(ctx context.Context, subjectID string, h Hold) error
	// Unblock lifts the hold of the request; other requests' holds stay.
	// Lifting a hold that is not there changes nothing.
	Unblock(ctx context.Context, subjectID, requestID string) error
	// Correct replaces the subject's record (s.ID) with the corrected one
	// (policy 6.1.8; 152-FZ art. 21 part 2). An unknown subject gives
	// ErrNotFound.
	Correct(ctx context.Context, s pdata.Subject, requestID string) error
	// Erase removes the given categories from the subject's record in the
	// host's systems once their destruction is approved (policy 9.10); all
	// held categories removes the record. Erasing what is not there changes
	// nothing.
	Erase(ctx context.Context, subjectID string, cats pdata.CategorySet, requestID string) error
}

// HoldLister is an optional capability of a Directory: listing the holds on
// a subject's data, for staff screens and for requeststest.TestDirectory,
// which checks holds only when the directory offers it.
type HoldLister interface {
	// Holds returns the holds on the subject's data, oldest first (none
	// for an unknown subject).
	Holds(ctx context.Context, subjectID string) ([]Hold, error)
}

// Destroyer receives the data a request hands to the destruction commission
// as selected items with their ground (policy 6.1.9, 6.1.10, 9.4): the host
// puts them into its next selection act (destruction.NewSelectionAct,
// Act.Add) and, once the destruction act is approved, calls
// Service.ConfirmDestruction. Selecting an item already selected (same
// RecordID) changes nothing.
type Destroyer interface {
	// Select queues the items for the commission's next selection act. An
	// item whose RecordID is already queued changes nothing; any other
	// error leaves nothing queued (the service undoes the operation).
	Select(ctx context.Context, items []destruction.Item) error
}

// Consents is the host's register of consents as the requests workflow uses
// it; *consent.Decider implements it. It is optional (Config.Consents):
//
//   - a Withdraw request naming its consent (NewRequest.ConsentID) records the
//     withdrawal there when it is registered (152-FZ art. 9 part 2);
//   - a third party that relies on an information-exchange agreement rather
//     than a provision of law gets data only if the subject's written consent
//     covers the transfer (policy 5.3: no transfer to a third party without
//     written consent except where a federal law provides), and Decide is
//     asked. Without a register such a transfer is refused.
type Consents interface {
	// Withdraw records the withdrawal of consent id (152-FZ art. 9 part 2;
	// art. 21 part 5) and returns its term. A consent already withdrawn
	// gives ErrConflict, an unknown one ErrNotFound, a refused withdrawal a
	// *pdata.ValidationError; the request is registered in each case.
	Withdraw(ctx context.Context, id string, w consent.Withdrawal) (consent.WithdrawalTerm, error)
	// Decide says whether the subject's consents permit op (policy 5.3),
	// with its basis; an error is a failure to decide, not a refusal.
	Decide(ctx context.Context, op consent.Operation) (consent.Decision, error)
}

// NoticeKind is what a notice is about.
type NoticeKind uint8

// The kinds of notice.
const (
	// NoticeIntake tells the requester what the request lacks (art. 14
	// part 3; policy 6.1.4); the term runs all the same.
	NoticeIntake NoticeKind = iota + 1
	// NoticeExtension is the motivated notice extending the term.
	NoticeExtension
	// NoticeAnswer carries the answer: the access report, or what was done.
	NoticeAnswer
	// NoticeRefusal is a motivated refusal (art. 20 part 2).
	NoticeRefusal
	// NoticeOutcome tells the subject (and the authority, when it asked)
	// that data were corrected, the violation remedied, the data destroyed
	// or the processing stopped (policy 6.1.8–6.1.10).
	NoticeOutcome
)

// Notice is a message to the requester, the subject or the authority.
type Notice struct {
	// ID is unique per notice and the same when an operation is retried,
	// so a notifier can drop duplicates.
	ID        string     `json:"id"`
	RequestID string     `json:"request_id"` // the request it is about
	Kind      NoticeKind `json:"kind"`       // what it is about
	// To is whom the notice is for; SubjectID identifies the subject when
	// To is BySubject.
	To        Party  `json:"to"`
	SubjectID string `json:"subject_id,omitempty"` // the subject
	// Recipient names the addressee (a representative's or an authority's
	// name); empty for the subject.
	Recipient string `json:"recipient,omitempty"`
	// ReplyTo is the address given with the request, when the notice goes
	// to the requester.
	ReplyTo string `json:"reply_to,omitempty"`
	// Title and Body are the Russian text.
	Title string `json:"title"` // the heading
	Body  string `json:"body"`  // the text
	// Basis cites the provision the notice is sent under.
	Basis pdata.Basis `json:"basis"`
	// Report is the access report, attached to the answer to an access
	// request from the subject or a representative.
	Report *AccessReport `json:"report,omitempty"`
	// At is the moment of the operation that sent it.
	At time.Time `json:"at"`
}

// Notifier sends notices (by post, e-mail, the CRM's personal account). It
// should drop a notice whose ID it has already sent.
type Notifier interface {
	// Notify sends n (policy 6.1.9, 6.1.10; 152-FZ art. 14 part 3, art. 20,
	// 21). A notice whose ID was already sent must not be sent again and is
	// not an error; an error means n was not sent, and the operation that
	// sent it is undone so that it can be retried.
	Notify(ctx context.Context, n Notice) error
}

// StaffMember is a person on the access list the head approved (policy 3.8).
type StaffMember struct {
	// ID is the host's user ID, the Actor.ID of the service's operations.
	ID string `json:"id"`
	// Official is the person's name and position.
	Official pdata.Official `json:"official"`
	// Resolves marks the head, or a person the head authorised, who may sign
	// the resolution on a third party's request (policy 5.2).
	Resolves bool `json:"resolves,omitempty"`
}

// AccessList answers whether a staff member may work with personal data
// (policy 3.8, 4.3). StaffList is a fixed list; a host with its own HR
// system implements it over that.
type AccessList interface {
	// Member returns the staff member with the given ID, or ErrNotFound
	// when they are not on the list.
	Member(ctx context.Context, id string) (StaffMember, error)
}

// StaffList is the access list approved by the head's order (policy 3.8).
type StaffList struct {
	// Order is the order approving the list («Приказ № 12 от 09.01.2026»).
	Order   string        `json:"order"`
	Members []StaffMember `json:"members"` // the staff admitted
}

// Member returns the member with the given ID, or ErrNotFound.
func (l StaffList) Member(_ context.Context, id string) (StaffMember, error) {
	for _, m := range l.Members {
		if m.ID == id && id != "" {
			return m, nil
		}
	}
	return StaffMember{}, ErrNotFound
}

// ActReader reads destruction acts back from the host's archive;
// *destruction.Archive implements it. It is optional (Config.Acts): with it,
// ConfirmDestruction checks the act it is given against the archive — that
// it exists, verifies against its seal, is an approved destruction act and
// lists the request's records (152-FZ art. 21 part 7; policy 9.12).
type ActReader interface {
	// Act returns the act with the given ID, or an error wrapping
	// ErrNotFound.
	Act(ctx context.Context, id string) (*destruction.Act, error)
}
