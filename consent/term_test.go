package consent_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/period"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAddTerm checks Civil Code arts. 191–192 as AddTerm applies them to a
// consent's term (152-FZ art. 9 part 4 item 8).
func TestAddTerm(t *testing.T) {
	for _, tc := range []struct {
		name string
		from date.Date
		p    string
		want date.Date
	}{
		// Art. 192 part 1: the same day of the last year; 2025 has no 29.02, so the last day of February.
		{"29.02.2024 + 1 year = 28.02.2025", date.New(2024, 2, 29), "P1Y", date.New(2025, 2, 28)},
		// Four years later 29.02 exists again.
		{"29.02.2024 + 4 years = 29.02.2028", date.New(2024, 2, 29), "P4Y", date.New(2028, 2, 29)},
		// Art. 192 part 3: the month has no 31st, so its last day.
		{"31.01.2025 + 1 month = 28.02.2025", date.New(2025, 1, 31), "P1M", date.New(2025, 2, 28)},
		{"31.01.2024 + 1 month = 29.02.2024 (leap year)", date.New(2024, 1, 31), "P1M", date.New(2024, 2, 29)},
		{"31.08.2025 + 1 year 6 months = 28.02.2027", date.New(2025, 8, 31), "P1Y6M", date.New(2027, 2, 28)},
		{"01.10.2025 + 5 years = 01.10.2030", date.New(2025, 10, 1), "P5Y", date.New(2030, 10, 1)},
		// Calendar days: 10.03.2026 + 30 days: 21 days to 31.03, 9 more = 09.04.2026.
		{"10.03.2026 + 30 days = 09.04.2026", date.New(2026, 3, 10), "P30D", date.New(2026, 4, 9)},
		{"01.12.2025 + 2 weeks = 15.12.2025", date.New(2025, 12, 1), "P2W", date.New(2025, 12, 15)},
		{"30.11.2025 + 1 month 1 day = 31.12.2025", date.New(2025, 11, 30), "P1M1D", date.New(2025, 12, 31)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := consent.AddTerm(tc.from, period.MustParse(tc.p))
			require.True(t, ok)
			assert.Equal(t, tc.want, got, "got %s", got)
		})
	}
	for _, bad := range []string{"PT48H", "P1DT1H", "-P1Y", "P1.5Y", "PT30M"} {
		_, ok := consent.AddTerm(date.New(2025, 1, 1), period.MustParse(bad))
		assert.Falsef(t, ok, "%s is not a legal term of days or longer", bad)
	}
}

// TestAddTerm_Property: a term of whole years from any day but 29 February
// ends on the same month and day; from 29 February, on 28 or 29 February.
func TestAddTerm_Property(t *testing.T) {
	one := period.NewYMD(1, 0, 0)
	for d := date.New(2023, 1, 1); d < date.New(2029, 1, 1); d++ {
		got, ok := consent.AddTerm(d, one)
		require.True(t, ok)
		assert.Equal(t, d.Year()+1, got.Year())
		assert.Equal(t, d.Month(), got.Month())
		if d.Month() == 2 && d.Day() == 29 {
			assert.Equal(t, 28, got.Day())
		} else {
			assert.Equal(t, d.Day(), got.Day())
		}
	}
}

// TestTermOf checks the art. 21 part 5 term: destroy within 30 calendar days
// of receiving the withdrawal.
func TestTermOf(t *testing.T) {
	c := processing()
	_, ok := consent.TermOf(c)
	assert.False(t, ok)
	// Received 30.12.2025: 1 day to 31.12, 29 more = 29.01.2026, across the New Year holidays (calendar days).
	c.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 12, 30)}
	term, ok := consent.TermOf(c)
	require.True(t, ok)
	assert.Equal(t, date.New(2026, 1, 29), term.DestroyBy)
	assert.Equal(t, pdata.Cite("152-ФЗ ст. 9 ч. 2; ст. 21 ч. 5", ""), term.Basis)
	assert.Equal(t, consent.DestroyWithinDays, int(term.DestroyBy-term.Received))
}

func TestExpires(t *testing.T) {
	c := processing() // given 01.10.2025 for 5 years
	assert.Equal(t, date.New(2030, 10, 1), c.Expires())
	c.Validity.Until = date.New(2027, 1, 1) // the earlier end wins
	assert.Equal(t, date.New(2027, 1, 1), c.Expires())
	c.Validity = consent.Validity{Event: "до достижения целей обработки"}
	assert.Equal(t, date.Zero, c.Expires(), "a term that ends on an event has no calendar end")
}

// TestAddTerm_Bounds: pdnkit handles the years 1900–9799 (as package
// retention does), so a term that would end after 31.12.9799 is not counted,
// and no huge term overflows the arithmetic.
func TestAddTerm_Bounds(t *testing.T) {
	from := date.New(2025, 10, 1)
	// 2025 + 7774 = 9799: 01.10.9799, the last year handled.
	got, ok := consent.AddTerm(from, period.NewYMD(7774, 0, 0))
	require.True(t, ok)
	assert.Equal(t, date.New(9799, 10, 1), got)
	// 01.12.9799 + 30 days: 30 days to 31.12.9799 is the very last day.
	got, ok = consent.AddTerm(date.New(9799, 12, 1), period.NewYMD(0, 0, 30))
	require.True(t, ok)
	assert.Equal(t, date.New(9799, 12, 31), got)
	for _, p := range []string{"P7775Y", "P2000000000Y", "P9999999999999999999Y", "P9999999999999999999M",
		"P9999999999999999999W", "P9999999999999999999D", "P1Y9999999999999999999D"} {
		_, ok := consent.AddTerm(from, period.MustParse(p))
		assert.Falsef(t, ok, "%s ends after 31.12.9799", p)
	}
	_, ok = consent.AddTerm(date.New(9799, 12, 2), period.NewYMD(0, 0, 30))
	assert.False(t, ok, "02.12.9799 + 30 days = 01.01.9800")
}

// TestValidate_DateBounds: every date a consent holds must be in 1900–9799,
// and its term must end by 31.12.9799; otherwise the consent never ends and
// the art. 21 part 5 term of its withdrawal falls in year 10000.
func TestValidate_DateBounds(t *testing.T) {
	far, early := date.New(9999, 12, 31), date.New(1899, 12, 31)
	for _, tc := range []struct {
		field  string
		base   func() consent.Consent
		mutate func(*consent.Consent)
	}{
		{"Given", nil, func(c *consent.Consent) { c.Given = far; c.Validity = consent.Validity{Until: far} }},
		{"Given", nil, func(c *consent.Consent) { c.Given = early }},
		{"Validity.Until", nil, func(c *consent.Consent) { c.Validity = consent.Validity{Until: far} }},
		// 01.10.2025 + 7775 years = 01.10.9800.
		{"Validity.For", nil, func(c *consent.Consent) { c.Validity = consent.Validity{For: period.NewYMD(7775, 0, 0)} }},
		{"Validity.For", nil, func(c *consent.Consent) { c.Validity = consent.Validity{For: period.NewYMD(2000000000, 0, 0)} }},
		{"Validity.For", nil, func(c *consent.Consent) { c.Given, c.Validity.For = date.Zero, period.NewYMD(9000, 0, 0) }},
		{"Withdrawn.Date", nil, func(c *consent.Consent) { c.Withdrawn = &consent.Withdrawal{Date: far} }},
		// 02.12.9799 + 30 days = 01.01.9800 (art. 21 part 5).
		{"Withdrawn.Date", nil, func(c *consent.Consent) { c.Withdrawn = &consent.Withdrawal{Date: date.New(9799, 12, 2)} }},
		{"Subject.Document.IssueDate", nil, func(c *consent.Consent) { c.Subject.Document.IssueDate = date.New(1850, 1, 1) }},
		{"Representative.Authority.Date", withRepresentative, func(c *consent.Consent) { c.Representative.Authority.Date = early }},
		{"Representative.Authority.ValidUntil", withRepresentative, func(c *consent.Consent) { c.Representative.Authority.ValidUntil = far }},
		{"ThirdParty.NotifiedOn", thirdParty, func(c *consent.Consent) { c.ThirdParty.NotifiedOn = early }},
	} {
		t.Run(tc.field, func(t *testing.T) {
			base := tc.base
			if base == nil {
				base = processing
			}
			c := base()
			tc.mutate(&c)
			err := consent.ValidateWith(c, samaraRules())
			require.ErrorIs(t, err, consent.ErrInvalid)
			var ve *pdata.ValidationError
			require.ErrorAs(t, err, &ve)
			fe, ok := find(ve, tc.field, "date_range")
			require.Truef(t, ok, "no date_range error for %s; got %v", tc.field, err)
			assert.Contains(t, fe.Message, "9799")
			assert.Contains(t, fe.MessageRU, "9799")
		})
	}

	// The last dates handled pass: given 01.10.2025 until 31.12.9799,
	// withdrawn 01.12.9799 (destroy by 31.12.9799).
	c := processing()
	c.Validity = consent.Validity{Until: date.New(9799, 12, 31)}
	c.Withdrawn = &consent.Withdrawal{Date: date.New(9799, 12, 1)}
	require.NoError(t, consent.ValidateWith(c, samaraRules()))
	term, _ := consent.TermOf(c)
	assert.Equal(t, date.New(9799, 12, 31), term.DestroyBy)
}

// TestDecider_WithdrawDateBounds: Decider.Withdraw refuses a withdrawal
// outside 1900–9799 (or whose 30-day term would end after 31.12.9799) and
// records nothing; Decide refuses an operation at such a moment.
func TestDecider_WithdrawDateBounds(t *testing.T) {
	ctx := context.Background()
	store := consent.NewMemoryStore()
	d, err := consent.NewDecider(store, samaraRules())
	require.NoError(t, err)
	require.NoError(t, d.Give(ctx, processing()))
	for _, w := range []consent.Withdrawal{
		{Date: date.New(9999, 12, 31)},
		{Date: date.New(9799, 12, 2)},
		{At: time.Date(10000, 1, 1, 12, 0, 0, 0, samara)},
	} {
		_, err := d.Withdraw(ctx, "C-17", w)
		require.ErrorIs(t, err, consent.ErrInvalid)
		var ve *pdata.ValidationError
		require.ErrorAs(t, err, &ve)
		assert.True(t, ve.Has("date_range"), err.Error())
		got, err := store.Get(ctx, "C-17")
		require.NoError(t, err)
		assert.Nil(t, got.Withdrawn, "a refused withdrawal records nothing")
	}

	_, err = consent.Decide([]consent.Consent{processing()}, storeOp(time.Date(10000, 1, 1, 12, 0, 0, 0, samara)), samaraRules())
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("date_range"))
}
