package retention

import (
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// holidayProblem returns the "holiday" field error of err on field.
func holidayProblem(t *testing.T, err error, field string) pdata.FieldError {
	t.Helper()
	requireFieldError(t, err, field, "holiday")
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	fe, _ := ve.Field(field)
	assert.Equal(t, pdata.Cite("ТК РФ ст. 112 ч. 1", ""), fe.Basis)
	assert.Contains(t, ve.Russian(), "ТК РФ ст. 112 ч. 1")
	return fe
}

// Labour Code art. 112 part 1: 1, 2, 3, 4, 5, 6 and 8 January, 7 January,
// 23 February, 8 March, 1 May, 9 May, 12 June and 4 November are
// non-working holidays. A year with no holidays at all would make 3–7
// January 2028 working days. In 2028 the ones falling Monday to Friday are
// Mon 3, Tue 4, Wed 5, Thu 6, Fri 7 January, Wed 23 February, Wed 8 March,
// Mon 1 May, Tue 9 May and Mon 12 June (1 and 2 January are Saturday and
// Sunday, 8 January a Saturday, 4 November a Saturday): all ten are named.
func TestYearRefusesArt112HolidaysAsWorkingDays(t *testing.T) {
	y, err := ParseYearJSON([]byte(`{"year":2028}`))
	fe := holidayProblem(t, err, "Holidays")
	assert.Equal(t, Year{}, y)
	for _, d := range []string{"2028-01-03", "2028-01-04", "2028-01-05", "2028-01-06", "2028-01-07",
		"2028-02-23", "2028-03-08", "2028-05-01", "2028-05-09", "2028-06-12"} {
		assert.Contains(t, fe.Message, d)
		assert.Contains(t, fe.MessageRU, ruDate(iso(d)))
	}
	for _, d := range []string{"2028-01-01", "2028-01-02", "2028-01-08", "2028-11-04"} {
		assert.NotContains(t, fe.Message, d, "a weekend holiday is off anyway")
	}

	// WithYear refuses it and hands back the calendar unchanged: 4 January
	// 2028 stays outside it rather than becoming a working day.
	cal := RussianCalendar()
	got, err := cal.WithYear(Year{Year: 2028})
	holidayProblem(t, err, "Holidays")
	assert.Same(t, cal, got)
	_, err = got.IsWorkday(date.New(2028, time.January, 4))
	assert.ErrorIs(t, err, ErrOutOfRange)

	// The ten days listed, the year loads and 4 January is a day off.
	ok := Year{Year: 2028, Holidays: []date.Date{iso("2028-01-03"), iso("2028-01-04"), iso("2028-01-05"), iso("2028-01-06"),
		iso("2028-01-07"), iso("2028-02-23"), iso("2028-03-08"), iso("2028-05-01"), iso("2028-05-09"), iso("2028-06-12")}}
	require.NoError(t, ok.Validate())
	c, err := cal.WithYear(ok)
	require.NoError(t, err)
	work, err := c.IsWorkday(date.New(2028, time.January, 4))
	require.NoError(t, err)
	assert.False(t, work)

	// One missing (8 March 2028, a Wednesday) is named alone.
	missing := ok.clone()
	missing.Holidays = append(missing.Holidays[:6], missing.Holidays[7:]...)
	fe = holidayProblem(t, missing.Validate(), "Holidays")
	assert.Contains(t, fe.Message, "2028-03-08")
	assert.NotContains(t, fe.Message, "2028-03-09")
	assert.Contains(t, fe.MessageRU, "08.03.2028")
}

// 4 November 2028 is a Saturday: listing it among the working weekend days
// would make the holiday a working day. In 2026 it is a Wednesday: leaving
// it out of the holidays does the same.
func TestYearRefusesNovember4AsWorkingDay(t *testing.T) {
	y := Year{Year: 2028, Holidays: []date.Date{iso("2028-01-03"), iso("2028-01-04"), iso("2028-01-05"), iso("2028-01-06"),
		iso("2028-01-07"), iso("2028-02-23"), iso("2028-03-08"), iso("2028-05-01"), iso("2028-05-09"), iso("2028-06-12")},
		Workdays: []date.Date{iso("2028-11-04")}}
	fe := holidayProblem(t, y.Validate(), "Workdays[0]")
	assert.Contains(t, fe.Message, "2028-11-04")
	assert.Contains(t, fe.MessageRU, "04.11.2028")
	_, err := RussianCalendar().WithYear(y)
	holidayProblem(t, err, "Workdays[0]")

	y2026, ok := RussianCalendar().Year(2026)
	require.True(t, ok)
	require.NoError(t, y2026.Validate())
	without := y2026.clone()
	without.Holidays = nil
	for _, d := range y2026.Holidays {
		if d != iso("2026-11-04") {
			without.Holidays = append(without.Holidays, d)
		}
	}
	without.WorkingDays = 0
	fe = holidayProblem(t, without.Validate(), "Holidays")
	assert.Contains(t, fe.Message, "2026-11-04")
	assert.Contains(t, fe.MessageRU, "04.11.2026")
}

// Every embedded year (2013–2027) passes the check: each art. 112 holiday
// on Monday to Friday is listed as a day off and none is a working weekend
// day.
func TestEmbeddedYearsKeepArt112Holidays(t *testing.T) {
	cal := RussianCalendar()
	require.Equal(t, 2013, cal.FirstYear())
	require.Equal(t, 2027, cal.LastYear())
	for _, yr := range cal.Years() {
		y, ok := cal.Year(yr)
		require.True(t, ok)
		assert.NoError(t, y.Validate(), "%d", yr)
		// The list of art. 112 part 1, written out here rather than taken
		// from the code under test.
		for _, md := range [][2]int{{1, 1}, {1, 2}, {1, 3}, {1, 4}, {1, 5}, {1, 6}, {1, 7}, {1, 8},
			{2, 23}, {3, 8}, {5, 1}, {5, 9}, {6, 12}, {11, 4}} {
			work, err := cal.IsWorkday(mkdate(yr, md[0], md[1]))
			require.NoError(t, err)
			assert.False(t, work, "%d-%02d-%02d is a non-working holiday", yr, md[0], md[1])
		}
	}
	c, err := ParseCalendarJSON(ruCalendarJSON)
	require.NoError(t, err)
	assert.Equal(t, cal.Years(), c.Years())
}

// Before 2013 art. 112 part 1 listed other days (1–5 and 7 January, from
// 2005): the present list is not applied to those years.
func TestYearBefore2013NotCheckedAgainstPresentList(t *testing.T) {
	assert.NoError(t, Year{Year: 2012}.Validate())
	requireFieldError(t, Year{Year: 2013}.Validate(), "Holidays", "holiday")
}
