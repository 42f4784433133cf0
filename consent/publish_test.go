package consent_test

import (
	"errors"
	"testing"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// 152-FZ art. 10.1 part 10: the conditions of a Distribution consent are
// published within 3 working days of its receipt. Dates worked out by hand
// on the production calendar:
func TestPublishBy_Art10_1Part10(t *testing.T) {
	cal := retention.RussianCalendar()
	for _, tc := range []struct {
		name     string
		received date.Date
		due      date.Date
	}{
		// Thu 05.03.2026: Fri 06 (1); Sun 08.03 moves to Mon 09 (off);
		// Tue 10 (2), Wed 11 (3).
		{"over International Women's Day", date.New(2026, 3, 5), date.New(2026, 3, 11)},
		// Fri 30.04.2026: 01.05 off, 02–03 weekend, Mon 04 (1), Tue 05 (2),
		// Wed 06 (3).
		{"over 1 May", date.New(2026, 4, 30), date.New(2026, 5, 6)},
		// Mon 29.12.2025: Tue 30 (1); 31.12.2025 off (moved from Sun
		// 05.01), 01–11.01.2026 off; Mon 12 (2), Tue 13 (3).
		{"over the New Year", date.New(2025, 12, 29), date.New(2026, 1, 13)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := distribution()
			c.Given = tc.received
			got, err := consent.PublishBy(c, tc.received, cal)
			require.NoError(t, err)
			assert.Equal(t, tc.due, got.Due)
			assert.Equal(t, tc.received, got.Received)
			assert.Equal(t, c.ID, got.ConsentID)
			assert.Equal(t, pdata.Cite("152-ФЗ ст. 10.1 ч. 10", ""), got.Basis)
			assert.True(t, got.Restricted, "the full name carries a prohibition")
		})
	}

	c := distribution()
	for i := range c.Distribution.Items {
		c.Distribution.Items[i] = consent.DistributionItem{Category: c.Distribution.Items[i].Category, Data: "всё", NoRestrictions: true}
	}
	got, err := consent.PublishBy(c, c.Given, cal)
	require.NoError(t, err)
	assert.False(t, got.Restricted, "no category carries a prohibition or a condition")
}

func TestPublishByRefusesBadInput(t *testing.T) {
	cal := retention.RussianCalendar()
	d := distribution()
	for _, tc := range []struct {
		name     string
		c        consent.Consent
		received date.Date
		cal      consent.Workdays
		field    string
		rule     string
	}{
		{"not a distribution consent", processing(), processing().Given, cal, "Kind", "distribution"},
		{"no receipt day", d, date.Zero, cal, "Received", "required"},
		{"received before given", d, d.Given - 1, cal, "Received", "after_given"},
		{"no calendar", d, d.Given, nil, "Calendar", "required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := consent.PublishBy(tc.c, tc.received, tc.cal)
			require.ErrorIs(t, err, consent.ErrInvalid)
			var ve *pdata.ValidationError
			require.ErrorAs(t, err, &ve)
			fe, ok := ve.Field(tc.field)
			require.True(t, ok, "%v", err)
			assert.Equal(t, tc.rule, fe.Rule)
			assert.NotEmpty(t, fe.MessageRU)
		})
	}

	// A day outside the calendar is the calendar's error, never a guess.
	_, err := consent.PublishBy(d, date.New(2031, 1, 10), cal)
	require.ErrorIs(t, err, retention.ErrOutOfRange)
	var nilCal *retention.Calendar
	_, err = consent.PublishBy(d, d.Given, nilCal)
	require.True(t, errors.Is(err, retention.ErrOutOfRange), "a nil *retention.Calendar answers with an error, no panic")
}
