package host

import (
	"context"
	"iter"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

// Sentinel errors, pdata's, so that errors.Is works whatever store returned
// them.
var (
	ErrInvalid   = pdata.ErrInvalid
	ErrNotFound  = pdata.ErrNotFound
	ErrConflict  = pdata.ErrConflict
	ErrForbidden = pdata.ErrForbidden
)

// Record is one record the operator keeps — a personnel file, a resident's
// file, a web-server log — as the host registers it: what retention needs to
// judge its term (package retention's Record), what the destruction act needs
// to describe it (the categories it holds and its medium), and where it
// stands.
type Record struct {
	// ID is the host's key for the record; it becomes the item's RecordID
	// in a destruction act.
	ID string `json:"id"`
	// SubjectID is the subject the record is about (pdata.Subject.ID); empty
	// for the operator's own documents about many subjects (a destruction
	// act).
	SubjectID string `json:"subject_id"`
	// Kind decides the retention rule.
	Kind retention.Kind `json:"kind"`
	// Closed is the date the file was closed (for site data the date of
	// collection); see retention.Record.
	Closed date.Date `json:"closed,omitzero"`
	// Hazardous marks HR orders of staff in harmful or hazardous work.
	Hazardous bool `json:"hazardous,omitempty"`
	// PurposeAchieved is the date the purpose was reached (PurposeBound).
	PurposeAchieved date.Date `json:"purpose_achieved,omitzero"`
	// Title names the record for staff («Личное дело № 12»). Keep
	// identifiers out of it.
	Title string `json:"title"`
	// Categories are the data categories the record holds.
	Categories []pdata.DataCategory `json:"categories"`
	// Medium is where the record sits.
	Medium destruction.Medium `json:"medium"`
	// DestroyFrom and DestroyBy are the record's retention.Term, stored
	// beside it so that the database can answer "what is due" with an index
	// (retention's "Storage" section). date.Zero while no term runs (a
	// purpose-bound record whose purpose is not reached yet).
	DestroyFrom date.Date `json:"destroy_from,omitzero"`
	DestroyBy   date.Date `json:"destroy_by,omitzero"` // the last day for destruction (policy 9.3)
	// SelectedIn is the selection act the record was put into, or "".
	SelectedIn string `json:"selected_in,omitempty"`
	// Destroyed is the date of destruction, date.Zero until the destruction
	// act is approved; DestroyedBy is that act's ID.
	Destroyed   date.Date `json:"destroyed,omitzero"`
	DestroyedBy string    `json:"destroyed_by,omitempty"` // the destruction act's ID
}

// Retention returns the record as the retention rules see it.
func (r Record) Retention() retention.Record {
	return retention.Record{ID: r.ID, SubjectID: r.SubjectID, Kind: r.Kind, Closed: r.Closed,
		Hazardous: r.Hazardous, PurposeAchieved: r.PurposeAchieved}
}

// Records is the host's register of records.
type Records interface {
	// Add stores a new record. A record needs an ID (ErrInvalid otherwise);
	// an ID already stored gives ErrConflict and changes nothing.
	Add(ctx context.Context, r Record) error
	// Get returns a record, or ErrNotFound.
	Get(ctx context.Context, id string) (Record, error)
	// Candidates streams the records that are neither destroyed nor
	// selected and whose DestroyFrom is on or before asOf, earliest first:
	// what the retention sweep (retention.Schedule.Due) should judge. It
	// reads in pages and never holds the whole set.
	Candidates(ctx context.Context, asOf date.Date) iter.Seq2[Record, error]
	// MarkSelected records that the records were put into selection act
	// actID. A record already selected or destroyed gives ErrConflict and
	// nothing is marked; an unknown ID gives ErrNotFound.
	MarkSelected(ctx context.Context, ids []string, actID string) error
	// MarkDestroyed records that the records were destroyed on the given
	// date by destruction act actID. IDs the register does not hold (items
	// that came from a request rather than from the register) are skipped.
	// A record already destroyed gives ErrConflict and nothing is marked:
	// data are destroyed once, and a second act claiming it is an error to
	// show, not to pass over.
	MarkDestroyed(ctx context.Context, ids []string, on date.Date, actID string) error
}

// Queue is the queue of items handed to the destruction commission by
// requests (requests.Destroyer) until a selection act takes them.
type Queue interface {
	requests.Destroyer
	// Pending streams the items not yet taken into a selection act, in the
	// order they were handed over.
	Pending(ctx context.Context) iter.Seq2[destruction.Item, error]
	// Take marks the items with the given record IDs as put into selection
	// act actID. An ID not pending gives ErrConflict and nothing is taken.
	Take(ctx context.Context, recordIDs []string, actID string) error
}

// Directory is the subject directory: pdnkit's requests.Directory, the
// optional holds listing, and Put for the host's own registration of
// subjects.
type Directory interface {
	requests.Directory
	requests.HoldLister
	// Put adds a subject or replaces it whole.
	Put(ctx context.Context, s pdata.Subject) error
	// Create adds a subject that is not registered yet: when the ID is
	// taken it changes nothing and returns ErrConflict. The check and the
	// write are one step, so that of two concurrent registrations of one ID
	// exactly one succeeds (never a silent overwrite).
	Create(ctx context.Context, s pdata.Subject) error
}

// Staff is the access list approved by the head (policy 3.8, 4.3).
type Staff interface {
	requests.AccessList
	// Put adds a member or replaces one.
	Put(ctx context.Context, m requests.StaffMember) error
}

// Outbox is the notifier: notices are kept, to be sent by another process
// (post, e-mail, the resident's personal account), and can be read back.
type Outbox interface {
	requests.Notifier
	// ByRequest streams the notices of a request, in the order they were
	// queued.
	ByRequest(ctx context.Context, requestID string) iter.Seq2[requests.Notice, error]
}

// Stores are the stores the server works with: pdnkit's and the host's.
//
// Acts keeps a rule of the host's besides destruction.Store's contract: a
// selection act is destroyed by one destruction act. Appending the first
// version of a destruction act that names a selection act another
// destruction act already names, replacing the same act (none, or one it
// supersedes), gives ErrConflict — so that two acts cannot both be approved
// for the same media, whatever races the server's own check.
type Stores struct {
	Consents  consent.Store     // consents and withdrawals (package consent)
	Acts      destruction.Store // commissions and every version of every act
	Requests  requests.Store    // requests with their histories
	Journal   requests.Journal  // the journal of disclosures (policy 5.3)
	Audit     requests.AuditLog // attempts the access list refused (policy 3.8, 4.3)
	Directory Directory         // the subjects and the blocks on their data
	Outbox    Outbox            // notices to send
	Queue     Queue             // items handed to the destruction commission
	Staff     Staff             // the access list
	Records   Records           // the records the operator keeps, with their terms
}

// Backend is what the server runs on.
type Backend interface {
	// Stores returns the stores, each call its own short transaction.
	Stores() Stores
	// Atomic runs fn with stores bound to one transaction: every write fn
	// makes commits together when fn returns nil, or none does. The audit
	// log is the exception: it is written outside the transaction, so that
	// a refused attempt stays recorded when the operation fails (policy 3.8).
	Atomic(ctx context.Context, fn func(Stores) error) error
	// Close releases the backend's resources.
	Close()
}
