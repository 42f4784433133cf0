package consent

import (
	"context"
	"fmt"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Decider is the service a host calls: it validates consents before they
// are stored, records withdrawals with their time limits, and answers "may
// we do this?" from what the subject has given. Build it with NewDecider; it
// is safe for concurrent use when its Store is. A zero Decider or a nil
// *Decider has no store: its methods return an error matching ErrInvalid.
type Decider struct {
	store Store
	rules Rules
}

// NewDecider returns a Decider over store with rules r. It returns the
// problems of r (see Rules.Validate) as a *pdata.ValidationError, and an error
// matching ErrInvalid for a nil store.
func NewDecider(store Store, r Rules) (*Decider, error) {
	if store == nil {
		return nil, fmt.Errorf("consent: NewDecider needs a store: %w", ErrInvalid)
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return &Decider{store: store, rules: r}, nil
}

// Rules returns the rules the Decider applies; the zero Rules for a nil
// *Decider.
func (d *Decider) Rules() Rules {
	if d == nil {
		return Rules{}
	}
	return d.rules
}

// ready returns an error matching ErrInvalid for a Decider not built with
// NewDecider (nil, or the zero value, which has no store).
func (d *Decider) ready() error {
	if d != nil && d.store != nil {
		return nil
	}
	var pr pdata.Problems
	pr.Add("Decider", "required", pdata.Basis{}, "the Decider has no store and no rules: build it with NewDecider",
		"сервис согласий не настроен (нет хранилища и правил): создайте его через NewDecider")
	return pr.Err()
}

// Give validates c with the Decider's rules and stores it. A consent that
// fails validation is not stored; the error is the *pdata.ValidationError
// listing every problem. A consent given already withdrawn is refused too:
// record the withdrawal with Withdraw. Store errors (ErrConflict for a
// duplicate ID) are returned as they are.
func (d *Decider) Give(ctx context.Context, c Consent) error {
	if err := d.ready(); err != nil {
		return err
	}
	if c.Withdrawn != nil {
		var pr pdata.Problems
		refWithdrawal.add(&pr, "Withdrawn", "withdrawal_separate", "record a withdrawal with Withdraw, not inside a new consent",
			"отзыв согласия регистрируется отдельно, а не вместе с новым согласием")
		return pr.Err()
	}
	if err := ValidateWith(c, d.rules); err != nil {
		return err
	}
	return d.store.Add(ctx, c)
}

// Withdraw records the withdrawal of consent id and returns the time limit
// that follows (stop from the date received; destroy within 30 calendar days,
// 152-FZ art. 21 part 5) for the host to schedule. The withdrawal needs the
// date it was received, not before the consent was given; when only At is
// set, the date is At's in the operator's time zone, and when both are set
// they must agree, in the years 1900–9799, and the 30-day term must end by
// 31.12.9799. A bad withdrawal is a *pdata.ValidationError and changes
// nothing; ErrNotFound for an unknown consent, ErrConflict for one already
// withdrawn.
func (d *Decider) Withdraw(ctx context.Context, id string, w Withdrawal) (WithdrawalTerm, error) {
	if err := d.ready(); err != nil {
		return WithdrawalTerm{}, err
	}
	c, err := d.store.Get(ctx, id)
	if err != nil {
		return WithdrawalTerm{}, err
	}
	if w.Date == date.Zero && !w.At.IsZero() {
		w.Date = d.rules.Operator.DateOf(w.At)
	}
	var pr pdata.Problems
	checkWithdrawal(&pr, c, w, d.rules)
	if err := pr.Err(); err != nil {
		return WithdrawalTerm{}, err
	}
	if err := d.store.Withdraw(ctx, id, w); err != nil {
		return WithdrawalTerm{}, err
	}
	c.Withdrawn = &w
	t, _ := TermOf(c)
	return t, nil
}

// Decide reads the subject's consents (op.SubjectID) from the store and
// judges op by the Decider's rules; see the package-level Decide for the
// rules. The error is a store error, or a *pdata.ValidationError for a
// malformed operation.
func (d *Decider) Decide(ctx context.Context, op Operation) (Decision, error) {
	if err := d.ready(); err != nil {
		return Decision{}, err
	}
	if op.SubjectID == "" {
		return Decide(nil, op, d.rules) // reports the missing subject with the rest
	}
	list, err := d.store.ListBySubject(ctx, op.SubjectID)
	if err != nil {
		return Decision{}, err
	}
	return Decide(list, op, d.rules)
}
