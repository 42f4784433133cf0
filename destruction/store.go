package destruction

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/rickb777/date/v2"
)

// CommissionStore keeps commissions. Commissions are never changed: a new
// order appoints a new commission under a new ID (policy 9.2).
type CommissionStore interface {
	// AddCommission stores c. It returns an error wrapping ErrConflict if a
	// commission with c.ID exists, and ctx's error if ctx is done.
	AddCommission(ctx context.Context, c Commission) error
	// Commission returns the commission with the given ID, or an error
	// wrapping ErrNotFound.
	Commission(ctx context.Context, id string) (Commission, error)
}

// ActStore keeps every version of every act, appended and never rewritten
// (RKN order 179 п. 8; policy 9.14): a lifecycle step appends a new
// version, and a superseded act stays next to the act that replaces it.
// Stores hold ActRecord values and need not understand acts; Archive
// enforces the rules over them.
type ActStore interface {
	// AppendAct appends r as version r.Version of act r.ID. r.Version must
	// be one more than the latest stored version (1 for a new act);
	// otherwise, including when another writer appended the same version
	// first, it returns an error wrapping ErrConflict and stores nothing.
	AppendAct(ctx context.Context, r ActRecord) error
	// LatestAct returns the latest version of an act, or an error wrapping
	// ErrNotFound.
	LatestAct(ctx context.Context, id string) (ActRecord, error)
	// ActVersions streams every version of an act, oldest first. An unknown
	// act yields a single error wrapping ErrNotFound.
	ActVersions(ctx context.Context, id string) iter.Seq2[ActRecord, error]
	// Acts streams the latest version of every act, in the order the acts
	// were first appended.
	Acts(ctx context.Context) iter.Seq2[ActRecord, error]
}

// Store is what a host implements to keep commissions and acts. Run
// destructiontest.TestStore against an implementation to check it.
type Store interface {
	CommissionStore
	ActStore
}

// ActRecord is one stored version of an act: the columns a host may index
// and the act's JSON (Data, as MarshalJSON writes it). A suggested table:
//
//	CREATE TABLE pd_acts (
//	    id        text    NOT NULL,
//	    version   integer NOT NULL,
//	    kind      text    NOT NULL,  -- selection | destruction
//	    state     text    NOT NULL,  -- draft … approved
//	    number    text    NOT NULL,
//	    act_date  date    NOT NULL,
//	    replaces  text,              -- ID of the act this one supersedes
//	    selection text,              -- a destruction act's selection act
//	    digest    text,              -- SHA-256 once sealed
//	    data      jsonb   NOT NULL,
//	    PRIMARY KEY (id, version)
//	);
type ActRecord struct {
	ID        string    // the act's key (Header.ID)
	Version   int       // 1 for the first save, then one more per save
	Kind      ActKind   // selection or destruction act
	State     State     // the act's state in this version
	Number    string    // the printed number
	Date      date.Date // the date the act is drawn up
	Replaces  string    // ID of the act this one supersedes, or ""
	Selection string    // a destruction act's selection act ID, or ""
	Digest    string    // the seal (hex SHA-256), "" before the first signature
	Data      []byte    // the act as MarshalJSON writes it
}

// Archive keeps commissions and acts in a Store and enforces the rules the
// store cannot know: what is saved verifies, a sealed act is never
// changed — later versions may only add signatures and the approval
// (policy 9.6) — a superseded act or a selection act named by another act
// exists with the digest named, and every act read back is verified.
type Archive struct {
	store Store
}

// NewArchive returns an Archive over s. Every method of an Archive without
// a store (NewArchive(nil), a nil *Archive or the zero Archive), and every
// method given a nil context, returns an error wrapping ErrInvalid (the
// streams yield it once) instead of panicking.
func NewArchive(s Store) *Archive { return &Archive{store: s} }

// ready refuses an archive without a store or a nil context.
func (ar *Archive) ready(ctx context.Context) error {
	if ar == nil || ar.store == nil {
		return nilArg("Archive", "the archive has no store: build it with NewArchive(store)",
			"архив актов не подключён к хранилищу: создайте его функцией NewArchive(store)")
	}
	if ctx == nil {
		return errNilContext()
	}
	return nil
}

// AddCommission validates c (Commission.Validate) and stores it.
func (ar *Archive) AddCommission(ctx context.Context, c Commission) error {
	if err := ar.ready(ctx); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return ar.store.AddCommission(ctx, c.clone())
}

// Commission returns a stored commission.
func (ar *Archive) Commission(ctx context.Context, id string) (Commission, error) {
	if err := ar.ready(ctx); err != nil {
		return Commission{}, err
	}
	return ar.store.Commission(ctx, id)
}

// Save appends the act's current state as its next version. The act must
// verify; its Version must be the latest stored (0 for a new act), else
// the error wraps ErrConflict; if the stored act is sealed, the new version
// must carry the same digest and keep every signature already given, else
// the error wraps ErrSealed. An act that supersedes another, or a
// destruction act, must name a stored act with the digest it names (else
// ErrNotFound or ErrConflict). On success the act's Version advances. A nil
// act is an error wrapping ErrInvalid.
func (ar *Archive) Save(ctx context.Context, a *Act) error {
	if err := ar.ready(ctx); err != nil {
		return err
	}
	if err := a.Verify(); err != nil {
		return err
	}
	prev, err := ar.store.LatestAct(ctx, a.c.ID)
	switch {
	case errors.Is(err, ErrNotFound):
		if a.version != 0 {
			return fmt.Errorf("%w: act %s version %d is not in the store", ErrConflict, a.c.ID, a.version)
		}
	case err != nil:
		return err
	default:
		if prev.Version != a.version {
			return fmt.Errorf("%w: act %s was saved as version %d since this copy (version %d) was read", ErrConflict, a.c.ID, prev.Version, a.version)
		}
		old, err := DecodeAct(prev.Data)
		if err != nil {
			return fmt.Errorf("destruction: stored act %s version %d: %w", prev.ID, prev.Version, err)
		}
		if old.digest != "" {
			if a.digest != old.digest {
				return &StateError{Act: a.c.Number, Step: "save", State: old.State(), sealed: true,
					Reason:   "the stored act is sealed and its content may not change (policy 9.6)",
					ReasonRU: "сохранённый акт подписан, его содержание менять нельзя (Положение п. 9.6)"}
			}
			if len(a.signatures) < len(old.signatures) || (old.approval != nil && a.approval == nil) {
				return &StateError{Act: a.c.Number, Step: "save", State: old.State(), sealed: true,
					Reason:   "signatures and the approval of a sealed act cannot be withdrawn",
					ReasonRU: "подписи и утверждение подписанного акта не отзываются"}
			}
			for i, s := range old.signatures {
				if !sameOfficial(s.Member, a.signatures[i].Member) || !s.At.Equal(a.signatures[i].At) {
					return &StateError{Act: a.c.Number, Step: "save", State: old.State(), sealed: true,
						Reason:   "signatures of a sealed act cannot be changed",
						ReasonRU: "подписи подписанного акта не изменяются"}
				}
			}
		}
	}
	for _, ref := range []*ActRef{a.selectionRef(), a.replacesRef()} {
		if ref == nil {
			continue
		}
		other, err := ar.store.LatestAct(ctx, ref.ID)
		if err != nil {
			return fmt.Errorf("destruction: act %s names act %s: %w", a.c.ID, ref.ID, err)
		}
		if other.Digest != ref.Digest {
			return fmt.Errorf("%w: act %s names act %s with digest %s, the store holds %s", ErrConflict, a.c.ID, ref.ID, ref.Digest, other.Digest)
		}
	}
	data, err := a.MarshalJSON()
	if err != nil {
		return err
	}
	r := ActRecord{
		ID: a.c.ID, Version: a.version + 1, Kind: a.c.Kind, State: a.State(), Number: a.c.Number, Date: a.c.Date,
		Digest: a.digest, Data: data,
	}
	if ref := a.replacesRef(); ref != nil {
		r.Replaces = ref.ID
	}
	if ref := a.selectionRef(); ref != nil {
		r.Selection = ref.ID
	}
	if err := ar.store.AppendAct(ctx, r); err != nil {
		return err
	}
	a.version = r.Version
	return nil
}

func (a *Act) selectionRef() *ActRef { return a.c.Selection }

func (a *Act) replacesRef() *ActRef {
	if a.c.Replaces == nil {
		return nil
	}
	return &a.c.Replaces.Act
}

func decodeRecord(r ActRecord) (*Act, error) {
	a, err := DecodeAct(r.Data)
	if err != nil {
		return nil, fmt.Errorf("destruction: stored act %s version %d: %w", r.ID, r.Version, err)
	}
	a.version = r.Version
	return a, nil
}

// Act returns the latest version of an act, verified. A stored act that no
// longer matches its seal gives an error wrapping ErrTampered.
func (ar *Archive) Act(ctx context.Context, id string) (*Act, error) {
	if err := ar.ready(ctx); err != nil {
		return nil, err
	}
	r, err := ar.store.LatestAct(ctx, id)
	if err != nil {
		return nil, err
	}
	return decodeRecord(r)
}

// History streams every stored version of an act, oldest first, each
// verified.
func (ar *Archive) History(ctx context.Context, id string) iter.Seq2[*Act, error] {
	if err := ar.ready(ctx); err != nil {
		return failSeq(err)
	}
	return decodeSeq(ar.store.ActVersions(ctx, id))
}

// Acts streams the latest version of every act, each verified, superseded
// acts included.
func (ar *Archive) Acts(ctx context.Context) iter.Seq2[*Act, error] {
	if err := ar.ready(ctx); err != nil {
		return failSeq(err)
	}
	return decodeSeq(ar.store.Acts(ctx))
}

// failSeq yields err once.
func failSeq(err error) iter.Seq2[*Act, error] {
	return func(yield func(*Act, error) bool) { yield(nil, err) }
}

func decodeSeq(seq iter.Seq2[ActRecord, error]) iter.Seq2[*Act, error] {
	return func(yield func(*Act, error) bool) {
		for r, err := range seq {
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(decodeRecord(r)) {
				return
			}
		}
	}
}

// ReplacedBy returns the latest version of the act that supersedes the act
// with the given ID, or an error wrapping ErrNotFound when none does.
func (ar *Archive) ReplacedBy(ctx context.Context, id string) (*Act, error) {
	if err := ar.ready(ctx); err != nil {
		return nil, err
	}
	for r, err := range ar.store.Acts(ctx) {
		if err != nil {
			return nil, err
		}
		if r.Replaces == id {
			return decodeRecord(r)
		}
	}
	return nil, fmt.Errorf("%w: no act replaces %s", ErrNotFound, id)
}
