package consent

import (
	"context"
	"sync"

	"github.com/pdnkit/pdnkit/pdata"
)

// The sentinel errors of pdata, re-exported so that errors.Is works across
// packages: consent.ErrNotFound == pdata.ErrNotFound.
var (
	// ErrInvalid marks a consent or operation that breaks a rule.
	ErrInvalid = pdata.ErrInvalid
	// ErrNotFound is returned by a Store for a consent that does not exist.
	ErrNotFound = pdata.ErrNotFound
	// ErrConflict is returned by a Store for a duplicate ID or a second
	// withdrawal.
	ErrConflict = pdata.ErrConflict
	// ErrForbidden is pdata's access error, re-exported for symmetry.
	ErrForbidden = pdata.ErrForbidden
)

// Store keeps consents and their withdrawals. The host implements it over
// its database; NewMemoryStore is the reference implementation, and
// consenttest.TestStore is the conformance suite every implementation must
// pass. A Store is deliberately dumb: it checks identity, not content —
// Decider validates before it stores.
//
// The operator must be able to prove a consent (152-FZ art. 9 part 3), so a
// Store never deletes one and a withdrawal is added to the consent, never put
// in its place. Implementations must be safe for concurrent use.
type Store interface {
	// Add stores a new consent. It returns an error matching ErrConflict if
	// a consent with the same ID exists (and changes nothing), and one
	// matching ErrInvalid if c.ID or c.SubjectID is empty.
	Add(ctx context.Context, c Consent) error
	// Get returns the consent with the given ID, withdrawal included, or an
	// error matching ErrNotFound.
	Get(ctx context.Context, id string) (Consent, error)
	// ListBySubject returns every consent of the subject, withdrawn ones
	// included, in the order they were added; an empty list (not an error)
	// for a subject with none. A subject has a handful of consents and
	// Decide needs them all at once, so this returns a slice rather than
	// streaming.
	ListBySubject(ctx context.Context, subjectID string) ([]Consent, error)
	// Withdraw records the withdrawal of the consent with the given ID. It
	// returns an error matching ErrNotFound if there is no such consent, and
	// one matching ErrConflict if it was already withdrawn (the first
	// withdrawal stands). It never removes or alters anything else.
	Withdraw(ctx context.Context, id string, w Withdrawal) error
}

// MemoryStore is the in-memory Store: for tests, examples and training. It
// keeps deep copies, so a caller cannot change a stored consent through a
// value it passed in or got back. Safe for concurrent use. The zero value is
// an empty store ready to use, like one from NewMemoryStore; a nil
// *MemoryStore returns an error matching ErrInvalid from every method.
type MemoryStore struct {
	mu        sync.RWMutex
	byID      map[string]*Consent
	bySubject map[string][]*Consent
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{byID: map[string]*Consent{}, bySubject: map[string][]*Consent{}}
}

var _ Store = (*MemoryStore)(nil)

// errNilStore is what a nil *MemoryStore returns.
func errNilStore() error {
	var pr pdata.Problems
	pr.Add("Store", "required", pdata.Basis{}, "the consent store is nil: use NewMemoryStore or a MemoryStore value",
		"хранилище согласий не создано")
	return pr.Err()
}

// init makes the maps of a zero MemoryStore; s.mu must be held for writing.
func (s *MemoryStore) init() {
	if s.byID == nil {
		s.byID = map[string]*Consent{}
	}
	if s.bySubject == nil {
		s.bySubject = map[string][]*Consent{}
	}
}

// Add implements Store.
func (s *MemoryStore) Add(ctx context.Context, c Consent) error {
	if s == nil {
		return errNilStore()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if c.ID == "" || c.SubjectID == "" {
		var pr pdata.Problems
		if c.ID == "" {
			pr.Add("ID", "required", refProof.basis, "a consent needs an ID to be stored", "не указан номер согласия")
		}
		if c.SubjectID == "" {
			pr.Add("SubjectID", "required", refProof.basis, "a consent needs a subject ID to be stored", "не указан идентификатор субъекта")
		}
		return pr.Err()
	}
	cp := c.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.init()
	if _, ok := s.byID[c.ID]; ok {
		return &storeError{err: ErrConflict, msg: "consent " + c.ID + " already exists"}
	}
	s.byID[c.ID] = &cp
	s.bySubject[c.SubjectID] = append(s.bySubject[c.SubjectID], &cp)
	return nil
}

// Get implements Store.
func (s *MemoryStore) Get(ctx context.Context, id string) (Consent, error) {
	if s == nil {
		return Consent{}, errNilStore()
	}
	if err := ctx.Err(); err != nil {
		return Consent{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.byID[id]
	if !ok {
		return Consent{}, &storeError{err: ErrNotFound, msg: "consent " + id + " not found"}
	}
	return c.Clone(), nil
}

// ListBySubject implements Store.
func (s *MemoryStore) ListBySubject(ctx context.Context, subjectID string) ([]Consent, error) {
	if s == nil {
		return nil, errNilStore()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	list := s.bySubject[subjectID]
	out := make([]Consent, len(list))
	for i, c := range list {
		out[i] = c.Clone()
	}
	return out, nil
}

// Withdraw implements Store.
func (s *MemoryStore) Withdraw(ctx context.Context, id string, w Withdrawal) error {
	if s == nil {
		return errNilStore()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.byID[id]
	switch {
	case !ok:
		return &storeError{err: ErrNotFound, msg: "consent " + id + " not found"}
	case c.Withdrawn != nil:
		return &storeError{err: ErrConflict, msg: "consent " + id + " was already withdrawn on " + c.Withdrawn.Date.String()}
	}
	c.Withdrawn = &w // c is shared by both indexes
	return nil
}

// storeError carries a sentinel and a message naming the record.
type storeError struct {
	err error
	msg string
}

// Error names the record and what is wrong.
func (e *storeError) Error() string { return "consent store: " + e.msg }

// Unwrap gives the sentinel, for errors.Is.
func (e *storeError) Unwrap() error { return e.err }
