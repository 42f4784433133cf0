package consent_test

import (
	"context"
	"testing"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/consent/consenttest"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMemoryStore(t *testing.T) {
	consenttest.TestStore(t, func() consent.Store { return consent.NewMemoryStore() })
}

func TestConsenttestSampleIsValid(t *testing.T) {
	require.NoError(t, consent.Validate(consenttest.Sample("c-1", "s-1")))
}

// TestDecider_GiveWithdrawDecide runs the service end to end over the memory
// store: an invalid consent is not stored, a withdrawal is recorded with its
// art. 21 part 5 term, and Decide reads the store.
func TestDecider_GiveWithdrawDecide(t *testing.T) {
	ctx := context.Background()
	store := consent.NewMemoryStore()
	d, err := consent.NewDecider(store, samaraRules())
	require.NoError(t, err)

	bad := processing()
	bad.Subject.Address = ""
	err = d.Give(ctx, bad)
	require.ErrorIs(t, err, consent.ErrInvalid)
	_, err = store.Get(ctx, bad.ID)
	require.ErrorIs(t, err, consent.ErrNotFound, "an invalid consent is not stored")

	withdrawn := processing()
	withdrawn.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 11, 1)}
	require.ErrorIs(t, d.Give(ctx, withdrawn), consent.ErrInvalid, "a withdrawal is recorded with Withdraw, not given in")

	require.NoError(t, d.Give(ctx, processing()))
	require.ErrorIs(t, d.Give(ctx, processing()), consent.ErrConflict)

	dec, err := d.Decide(ctx, storeOp(at(2025, 11, 2, 12, 0)))
	require.NoError(t, err)
	assert.True(t, dec.Allowed, dec.String())
	assert.Equal(t, []string{"C-17"}, dec.ConsentIDs())

	// A withdrawal dated before the consent (30.09.2025 < 01.10.2025) is refused and changes nothing.
	_, err = d.Withdraw(ctx, "C-17", consent.Withdrawal{Date: date.New(2025, 9, 30)})
	require.ErrorIs(t, err, consent.ErrInvalid)
	got, _ := store.Get(ctx, "C-17")
	assert.Nil(t, got.Withdrawn)

	_, err = d.Withdraw(ctx, "no-such", consent.Withdrawal{Date: date.New(2025, 11, 3)})
	require.ErrorIs(t, err, consent.ErrNotFound)

	// Received at 10:15 Samara time on 03.11.2025; only the moment is given,
	// the date comes from the operator's zone. 03.11 + 30 calendar days = 03.12.2025
	// (November has 30 days: 27 days to 30.11, then 3 more).
	term, err := d.Withdraw(ctx, "C-17", consent.Withdrawal{At: at(2025, 11, 3, 10, 15), Document: "заявление вх. № 41"})
	require.NoError(t, err)
	assert.Equal(t, consent.WithdrawalTerm{ConsentID: "C-17", Kind: consent.Processing, Received: date.New(2025, 11, 3),
		DestroyBy: date.New(2025, 12, 3), Basis: pdata.Cite("152-ФЗ ст. 9 ч. 2; ст. 21 ч. 5", "")}, term)
	_, err = d.Withdraw(ctx, "C-17", consent.Withdrawal{Date: date.New(2025, 11, 4)})
	require.ErrorIs(t, err, consent.ErrConflict)

	got, err = store.Get(ctx, "C-17")
	require.NoError(t, err, "a withdrawal never erases the consent")
	require.NotNil(t, got.Withdrawn)
	assert.Equal(t, "заявление вх. № 41", got.Withdrawn.Document)

	// 10:00 that day still rests on the consent; 10:15 and later do not.
	dec, err = d.Decide(ctx, storeOp(at(2025, 11, 3, 10, 0)))
	require.NoError(t, err)
	assert.True(t, dec.Allowed, dec.String())
	dec, err = d.Decide(ctx, storeOp(at(2025, 11, 3, 10, 15)))
	require.NoError(t, err)
	assert.False(t, dec.Allowed)
	require.Len(t, dec.Withdrawals, 1)
	assert.Equal(t, date.New(2025, 12, 3), dec.Withdrawals[0].DestroyBy)

	_, err = d.Decide(ctx, consent.Operation{})
	require.ErrorIs(t, err, consent.ErrInvalid)
	assert.Equal(t, samaraRules().Operator.Name, d.Rules().Operator.Name)
}

// No panics on a zero or nil value: a nil *MemoryStore, a zero Decider and a
// nil *Decider answer with an error matching ErrInvalid, in English and
// Russian; a zero MemoryStore is an empty store (see also
// consenttest's TestZeroMemoryStorePasses).
func TestZeroAndNilValuesDoNotPanic(t *testing.T) {
	ctx := context.Background()
	requireRU := func(t *testing.T, err error) {
		t.Helper()
		require.ErrorIs(t, err, consent.ErrInvalid)
		var ve *pdata.ValidationError
		require.ErrorAs(t, err, &ve)
		assert.NotEmpty(t, ve.Errors[0].Message)
		assert.NotEmpty(t, ve.Russian())
	}

	t.Run("zero MemoryStore", func(t *testing.T) {
		var s consent.MemoryStore
		_, err := s.Get(ctx, "C-17")
		require.ErrorIs(t, err, consent.ErrNotFound)
		require.ErrorIs(t, s.Withdraw(ctx, "C-17", consent.Withdrawal{Date: date.New(2026, 1, 10)}), consent.ErrNotFound)
		l, err := s.ListBySubject(ctx, "resident-1")
		require.NoError(t, err)
		assert.Empty(t, l)
		require.NoError(t, s.Add(ctx, processing()))
		got, err := s.Get(ctx, "C-17")
		require.NoError(t, err)
		assert.Equal(t, "resident-1", got.SubjectID)
	})

	t.Run("nil MemoryStore", func(t *testing.T) {
		var s *consent.MemoryStore
		requireRU(t, s.Add(ctx, processing()))
		_, err := s.Get(ctx, "C-17")
		requireRU(t, err)
		_, err = s.ListBySubject(ctx, "resident-1")
		requireRU(t, err)
		requireRU(t, s.Withdraw(ctx, "C-17", consent.Withdrawal{Date: date.New(2026, 1, 10)}))
	})

	for name, d := range map[string]*consent.Decider{"zero Decider": {}, "nil Decider": nil} {
		t.Run(name, func(t *testing.T) {
			requireRU(t, d.Give(ctx, processing()))
			_, err := d.Withdraw(ctx, "C-17", consent.Withdrawal{Date: date.New(2026, 1, 10)})
			requireRU(t, err)
			dec, err := d.Decide(ctx, storeOp(at(2026, 1, 10, 10, 0)))
			requireRU(t, err)
			assert.False(t, dec.Allowed)
			assert.Empty(t, d.Rules().Policy.Rules)
		})
	}

	t.Run("Render to a nil writer", func(t *testing.T) {
		requireRU(t, consent.Render(nil, processing(), consent.Text))
		requireRU(t, consent.Render(nil, processing(), 9))
	})
}
