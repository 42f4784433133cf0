package retention

import (
	"errors"
	"math"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var iso = date.MustParseISO

func TestRussianCalendarCoverage(t *testing.T) {
	c := RussianCalendar()
	want := []int{2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027}
	assert.Equal(t, want, c.Years())
	assert.Equal(t, 2013, c.FirstYear())
	assert.Equal(t, 2027, c.LastYear())
	// 2027 was transcribed before its decree was confirmed (NOTES D7).
	assert.True(t, c.Provisional(2027))
	assert.False(t, c.Provisional(2026))
	assert.False(t, c.Provisional(2030), "an uncovered year is not provisional")
	assert.False(t, c.PresidentialDaysOff(), "default: Presidential days are working days")
	assert.Same(t, c, RussianCalendar(), "parsed once, shared, immutable")
}

// The number of working days of each year must equal the published norm
// (reference calendar NOTES, per-year table; Labour Code art. 112).
func TestRussianCalendarYearTotals(t *testing.T) {
	want := map[int]int{
		2013: 247, 2014: 247, 2015: 247, 2016: 247, 2017: 247, 2018: 247, 2019: 247,
		2020: 248, 2021: 247, 2022: 247, 2023: 247, 2024: 248, 2025: 247, 2026: 247, 2027: 247,
	}
	c := RussianCalendar()
	for y, n := range want {
		got, err := c.WorkdaysBetween(mkdate(y-1, 12, 31), mkdate(y, 12, 31))
		require.NoError(t, err)
		assert.Equal(t, n, got, "working days in %d", y)
	}
	// With the Presidential non-working days as days off the 2020 and 2021
	// totals are 219 and 240 (NOTES, D2: 29 and 7 weekday dates).
	off := c.WithPresidentialDaysOff(true)
	for y, n := range map[int]int{2020: 219, 2021: 240, 2024: 248} {
		got, err := off.WorkdaysBetween(mkdate(y-1, 12, 31), mkdate(y, 12, 31))
		require.NoError(t, err)
		assert.Equal(t, n, got, "working days in %d with Presidential days off", y)
	}
}

func TestIsWorkday(t *testing.T) {
	c := RussianCalendar()
	tests := []struct {
		day  string
		want bool
		why  string
	}{
		{"2026-11-26", true, "an ordinary Thursday"},
		{"2026-11-28", false, "an ordinary Saturday"},
		{"2026-11-04", false, "Unity Day (art. 112)"},
		{"2026-01-09", false, "Friday off, moved from Saturday 3 January (2026 decree)"},
		{"2026-12-31", false, "Thursday off, moved from Sunday 4 January (2026 decree)"},
		{"2026-03-09", false, "Monday off: 8 March fell on a Sunday (art. 112 part 2)"},
		{"2024-04-27", true, "Saturday made a working day (decree № 1314)"},
		{"2024-04-29", false, "Monday off, moved from 27 April (decree № 1314)"},
		{"2024-12-28", true, "Saturday made a working day (decree № 1314)"},
		{"2025-11-01", true, "Saturday made a working day (decree № 1335)"},
		{"2025-11-03", false, "Monday off, moved from 1 November (decree № 1335)"},
		{"2020-04-15", true, "a Presidential non-working day counts as working by default"},
		{"2013-01-01", false, "first covered day, a holiday"},
		{"2027-12-31", false, "last covered day, moved from 3 January 2027 (provisional)"},
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			got, err := c.IsWorkday(iso(tt.day))
			require.NoError(t, err)
			assert.Equal(t, tt.want, got, tt.why)
		})
	}
	off := c.WithPresidentialDaysOff(true)
	ok, err := off.IsWorkday(iso("2020-04-15"))
	require.NoError(t, err)
	assert.False(t, ok, "Presidential day counted as off on request")
	ok, err = c.IsWorkday(iso("2020-04-15"))
	require.NoError(t, err)
	assert.True(t, ok, "the default calendar is unchanged by WithPresidentialDaysOff")
}

func TestIsShortened(t *testing.T) {
	c := RussianCalendar()
	for day, want := range map[string]bool{
		"2026-04-30": true,  // before 1 May
		"2024-11-02": true,  // a working Saturday, shortened before 4 November
		"2024-04-27": false, // a working Saturday that was not shortened (NOTES D8)
		"2026-05-01": false, // a holiday is not a shortened working day
		"2026-11-26": false,
	} {
		got, err := c.IsShortened(iso(day))
		require.NoError(t, err)
		assert.Equal(t, want, got, day)
	}
	_, err := c.IsShortened(iso("2030-01-01"))
	assert.ErrorIs(t, err, ErrOutOfRange)
}

// Deadlines of 3, 7 and 10 working days (policy 6.1.9, 6.1.10; 152-FZ
// art. 14, 20, 21) counted from the day after the event (Civil Code art. 191),
// worked out by hand against data/ru-calendar.json.
func TestAddWorkdaysDeadlines(t *testing.T) {
	c := RussianCalendar()
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		// New Year 2025→2026. From Tue 30 Dec 2025: 31 Dec off (moved from
		// 5 Jan 2025); 1–8 Jan holidays, 3–4 and 10–11 weekends, Fri 9 Jan
		// off (moved from 3 Jan). Working: Mon 12 (1), 13 (2), 14 (3),
		// 15 (4), 16 (5), Mon 19 (6), 20 (7), 21 (8), 22 (9), Fri 23 (10).
		{"new year 2026, 3", "2025-12-30", 3, "2026-01-14"},
		{"new year 2026, 7", "2025-12-30", 7, "2026-01-20"},
		{"new year 2026, 10", "2025-12-30", 10, "2026-01-23"},
		// New Year 2026→2027. From Tue 29 Dec 2026: Wed 30 Dec (1); Thu 31
		// Dec off (moved from 4 Jan 2026); 1–8 Jan 2027 off (2–3, 9–10
		// weekends). Mon 11 (2), 12 (3), 13 (4), 14 (5), 15 (6), Mon 18 (7),
		// 19 (8), 20 (9), 21 (10). 2027 is provisional data.
		{"new year 2027, 3", "2026-12-29", 3, "2027-01-12"},
		{"new year 2027, 7", "2026-12-29", 7, "2027-01-18"},
		{"new year 2027, 10", "2026-12-29", 10, "2027-01-21"},
		// New Year 2024→2025 with a transferred day: from Fri 27 Dec 2024,
		// Sat 28 Dec is a working day (1); 30–31 Dec off (moved from 28 Dec
		// and 7 Jan); 1–8 Jan 2025 off. Thu 9 Jan (2), Fri 10 (3), Mon 13
		// (4), 14 (5), 15 (6), 16 (7), 17 (8), Mon 20 (9), 21 (10).
		{"new year 2025 via working Saturday, 3", "2024-12-27", 3, "2025-01-10"},
		{"new year 2025 via working Saturday, 7", "2024-12-27", 7, "2025-01-16"},
		{"new year 2025 via working Saturday, 10", "2024-12-27", 10, "2025-01-21"},
		// May 2024 (decree № 1314): from Thu 25 Apr: Fri 26 (1), Sat 27 Apr
		// working (2), 28 Sun, Mon 29 and Tue 30 Apr off (moved from 27 Apr
		// and 2 Nov), 1 May holiday. Thu 2 May (3), 3 (4), Mon 6 (5), 7 (6),
		// Wed 8 (7); 9 May holiday, Fri 10 May off (moved from 6 Jan);
		// Mon 13 (8), 14 (9), 15 (10).
		{"May 2024 transfers, 3", "2024-04-25", 3, "2024-05-02"},
		{"May 2024 transfers, 7", "2024-04-25", 7, "2024-05-08"},
		{"May 2024 transfers, 10", "2024-04-25", 10, "2024-05-15"},
		// November 2025 (decree № 1335): from Thu 30 Oct: Fri 31 (1), Sat
		// 1 Nov working (2), Mon 3 Nov off (moved from 1 Nov), Tue 4 Nov
		// holiday. Wed 5 (3), 6 (4), 7 (5), Mon 10 (6), 11 (7), 12 (8),
		// 13 (9), 14 (10).
		{"November 2025 transfer, 3", "2025-10-30", 3, "2025-11-05"},
		{"November 2025 transfer, 7", "2025-10-30", 7, "2025-11-11"},
		{"November 2025 transfer, 10", "2025-10-30", 10, "2025-11-14"},
		// The event on a day off still counts from the next day: Sat 3 Jan
		// 2026 + 3 working days: Mon 12 (1), 13 (2), 14 (3).
		{"event on a holiday", "2026-01-03", 3, "2026-01-14"},
		// Ordinary week: Thu 26 Nov 2026 + 3: Fri 27, Mon 30, Tue 1 Dec.
		{"ordinary", "2026-11-26", 3, "2026-12-01"},
		// The day before the first covered year is a valid starting point:
		// 1–8 Jan 2013 off (5–6 weekend), Wed 9 Jan is the first working day.
		{"from the eve of coverage", "2012-12-31", 1, "2013-01-09"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.AddWorkdays(iso(tt.from), tt.n)
			require.NoError(t, err)
			assert.Equal(t, iso(tt.want), got)
			n, err := c.WorkdaysBetween(iso(tt.from), got)
			require.NoError(t, err)
			assert.Equal(t, tt.n, n, "WorkdaysBetween inverts AddWorkdays")
			n, err = c.WorkdaysBetween(iso(tt.from), got-1)
			require.NoError(t, err)
			assert.Equal(t, tt.n-1, n, "the answer is the first day reaching n")
		})
	}
}

func TestAddWorkdaysErrors(t *testing.T) {
	c := RussianCalendar()
	for _, n := range []int{0, -1, -1 << 40} {
		_, err := c.AddWorkdays(iso("2026-11-26"), n)
		require.ErrorIs(t, err, ErrInvalid, "n = %d", n)
		var ve *pdata.ValidationError
		require.ErrorAs(t, err, &ve)
		fe, ok := ve.Field("n")
		require.True(t, ok)
		assert.NotEmpty(t, fe.MessageRU)
	}

	_, err := c.AddWorkdays(iso("2027-12-29"), 3) // 30 Dec (1), then 2028
	require.ErrorIs(t, err, ErrOutOfRange)
	assert.Contains(t, err.Error(), "2013–2027", "the error names the years covered")
	var re *RangeError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, iso("2028-01-01"), re.Date)
	assert.Contains(t, re.Russian(), "2028 год")

	_, err = c.AddWorkdays(iso("2012-12-30"), 1)
	require.ErrorIs(t, err, ErrOutOfRange, "31 Dec 2012 is not covered")
	// The whole calendar in one step: 13 years of 247 working days and two
	// (2020, 2024) of 248 make 3707; the last is Thu 30 Dec 2027 (31 Dec
	// 2027 is off). One more runs off the end.
	last, err := c.AddWorkdays(iso("2012-12-31"), 3707)
	require.NoError(t, err)
	assert.Equal(t, iso("2027-12-30"), last)
	_, err = c.AddWorkdays(iso("2012-12-31"), 3708)
	require.ErrorIs(t, err, ErrOutOfRange)
	for _, n := range []int{1 << 62, math.MaxInt} {
		_, err = c.AddWorkdays(iso("2026-11-26"), n)
		require.ErrorIs(t, err, ErrOutOfRange, "a huge n (%d) runs off the end, without overflow", n)
	}
	for _, from := range []date.Date{math.MaxInt64, math.MinInt64, math.MaxInt64 - 1} {
		_, err = c.AddWorkdays(from, 3)
		require.ErrorIs(t, err, ErrOutOfRange, "from = %d: no overflow into the covered years", int64(from))
	}

	for _, d := range []string{"2012-12-31", "2028-01-01", "0001-01-01", "9999-12-31"} {
		_, err := c.IsWorkday(iso(d))
		assert.ErrorIs(t, err, ErrOutOfRange, d)
	}
	_, err = c.WorkdaysBetween(iso("2026-01-01"), iso("2028-01-10"))
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = c.WorkdayOnOrAfter(iso("2027-12-31")) // a day off, then 2028
	assert.ErrorIs(t, err, ErrOutOfRange)

	var empty *Calendar
	_, err = empty.IsWorkday(iso("2026-11-26"))
	assert.ErrorIs(t, err, ErrOutOfRange)
	assert.Contains(t, err.Error(), "no years loaded")
	_, err = empty.AddWorkdays(iso("2026-11-26"), 3)
	assert.ErrorIs(t, err, ErrOutOfRange)
	assert.Equal(t, 0, empty.LastYear())
	assert.False(t, empty.Covers(iso("2026-11-26")))
}

func TestWorkdaysBetween(t *testing.T) {
	c := RussianCalendar()
	// (Fri 25 Dec 2026, Fri 15 Jan 2027]: Mon 28, 29, 30 Dec; 31 Dec off;
	// 1–10 Jan off; 11–15 Jan: 5 days. 3 + 5 = 8.
	n, err := c.WorkdaysBetween(iso("2026-12-25"), iso("2027-01-15"))
	require.NoError(t, err)
	assert.Equal(t, 8, n)
	n, err = c.WorkdaysBetween(iso("2027-01-15"), iso("2026-12-25"))
	require.NoError(t, err)
	assert.Equal(t, -8, n, "reversed bounds give the negative count")
	n, err = c.WorkdaysBetween(iso("2030-01-01"), iso("2030-01-01"))
	require.NoError(t, err)
	assert.Equal(t, 0, n, "an empty interval needs no data")
}

func TestWorkdayOnOrAfter(t *testing.T) {
	c := RussianCalendar()
	got, err := c.WorkdayOnOrAfter(iso("2026-01-03")) // off until Mon 12 Jan
	require.NoError(t, err)
	assert.Equal(t, iso("2026-01-12"), got)
	got, err = c.WorkdayOnOrAfter(iso("2026-11-26"))
	require.NoError(t, err)
	assert.Equal(t, iso("2026-11-26"), got)
}

// naiveAddWorkdays is the day-by-day definition AddWorkdays must agree with.
func naiveAddWorkdays(c *Calendar, from date.Date, n int) (date.Date, error) {
	d := from
	for n > 0 {
		d++
		ok, err := c.IsWorkday(d)
		if err != nil {
			return date.Zero, err
		}
		if ok {
			n--
		}
	}
	return d, nil
}

func naiveBetween(c *Calendar, a, b date.Date) (int, error) {
	n := 0
	for d := a + 1; d <= b; d++ {
		ok, err := c.IsWorkday(d)
		if err != nil {
			return 0, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}

// Property: for random dates and n, AddWorkdays agrees with a day-by-day
// count over IsWorkday, including errors at the edges, on the embedded
// calendar, with Presidential days off, with a regional overlay and with a
// calendar that has a gap.
func TestAddWorkdaysMatchesNaive(t *testing.T) {
	y2013, _ := RussianCalendar().Year(2013)
	y2015, _ := RussianCalendar().Year(2015)
	gappy, err := NewCalendar(y2013, y2015)
	require.NoError(t, err)
	regional, err := RussianCalendar().WithRegionalHolidays("test region (invented)",
		iso("2024-04-27"), iso("2026-03-20"), iso("2026-08-31"), iso("2026-11-06"))
	require.NoError(t, err)
	cals := map[string]*Calendar{
		"russian":      RussianCalendar(),
		"presidential": RussianCalendar().WithPresidentialDaysOff(true),
		"regional":     regional,
		"gap":          gappy,
	}
	rng := rand.New(rand.NewPCG(2026, 1126))
	for name, c := range cals {
		t.Run(name, func(t *testing.T) {
			lo, hi := int64(jan1(c.FirstYear())-3), int64(jan1(c.LastYear()+1)+3)
			for range 4000 {
				from := date.Date(lo + rng.Int64N(hi-lo))
				n := 1 + rng.IntN(300)
				if rng.IntN(10) == 0 {
					n = 1 + rng.IntN(3000)
				}
				got, err := c.AddWorkdays(from, n)
				want, wantErr := naiveAddWorkdays(c, from, n)
				if wantErr != nil {
					require.ErrorIs(t, err, ErrOutOfRange, "from %s n %d", from, n)
					continue
				}
				require.NoError(t, err, "from %s n %d", from, n)
				require.Equal(t, want, got, "from %s n %d", from, n)

				to := from + date.Date(rng.IntN(800))
				cnt, err := c.WorkdaysBetween(from, to)
				wantCnt, wantErr := naiveBetween(c, from, to)
				if wantErr != nil {
					require.ErrorIs(t, err, ErrOutOfRange)
					continue
				}
				require.NoError(t, err)
				require.Equal(t, wantCnt, cnt, "(%s, %s]", from, to)
			}
		})
	}
}

func TestCalendarWithGap(t *testing.T) {
	y2013, _ := RussianCalendar().Year(2013)
	y2015, _ := RussianCalendar().Year(2015)
	c, err := NewCalendar(y2015, y2013)
	require.NoError(t, err)
	assert.Equal(t, []int{2013, 2015}, c.Years())
	assert.False(t, c.Covers(iso("2014-06-02")))
	_, err = c.IsWorkday(iso("2014-06-02"))
	require.ErrorIs(t, err, ErrOutOfRange)
	assert.Contains(t, err.Error(), "2013, 2015")
	_, err = c.AddWorkdays(iso("2013-12-27"), 3) // Mon 30, Tue 31 Dec, then 2014
	var re *RangeError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, iso("2014-01-01"), re.Date)
	got, err := c.AddWorkdays(iso("2013-12-27"), 2)
	require.NoError(t, err)
	assert.Equal(t, iso("2013-12-31"), got)
	_, err = NewCalendar(y2013, y2013)
	assert.ErrorIs(t, err, ErrInvalid, "a year given twice")
}

func TestWithYearAddsAndReplaces(t *testing.T) {
	base := RussianCalendar()
	// A made-up 2028: only the art. 112 holidays that fall on weekdays, no
	// transfers (the real decree will differ; this checks the mechanism).
	y2028, err := ParseYearJSON([]byte(`{"year": 2028,
		"holidays": ["2028-01-03","2028-01-04","2028-01-05","2028-01-06","2028-01-07","2028-02-23","2028-03-08","2028-05-01","2028-05-09","2028-06-12"],
		"workdays": [], "provisional": true}`))
	require.NoError(t, err)
	c, err := base.WithYear(y2028)
	require.NoError(t, err)
	assert.Equal(t, 2028, c.LastYear())
	assert.True(t, c.Provisional(2028))
	assert.Equal(t, 2027, base.LastYear(), "the receiver is unchanged")
	// From Wed 29 Dec 2027: Thu 30 Dec (1), Fri 31 Dec off; 1–2 Jan 2028
	// weekend, Mon 3 – Fri 7 Jan off, 8–9 weekend, Mon 10 (2), Tue 11 (3).
	got, err := c.AddWorkdays(iso("2027-12-29"), 3)
	require.NoError(t, err)
	assert.Equal(t, iso("2028-01-11"), got)

	// Replace provisional 2027 with the same data, confirmed.
	y2027, ok := c.Year(2027)
	require.True(t, ok)
	y2027.Provisional = false
	c2, err := c.WithYear(y2027)
	require.NoError(t, err)
	assert.False(t, c2.Provisional(2027))
	assert.True(t, c.Provisional(2027), "the receiver is unchanged")

	// A bad year changes nothing and says why.
	bad := y2027
	bad.Holidays = append([]date.Date{iso("2027-01-02")}, bad.Holidays...) // a Saturday
	c3, err := c2.WithYear(bad)
	require.ErrorIs(t, err, ErrInvalid)
	assert.Same(t, c2, c3)
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("weekday"))

	// Year returns a copy: changing it does not change the calendar.
	y, _ := c2.Year(2026)
	y.Holidays[0] = iso("2026-11-26")
	ok2, err := c2.IsWorkday(iso("2026-11-26"))
	require.NoError(t, err)
	assert.True(t, ok2)
	again, _ := c2.Year(2026)
	assert.Equal(t, iso("2026-01-01"), again.Holidays[0])
}

func TestWithRegionalHolidays(t *testing.T) {
	base := RussianCalendar()
	// An invented regional day off on Fri 20 Mar 2026, and one on a
	// Saturday (already off: no effect).
	c, err := base.WithRegionalHolidays("Республика (пример)", iso("2026-03-20"), iso("2026-03-21"))
	require.NoError(t, err)
	ok, err := c.IsWorkday(iso("2026-03-20"))
	require.NoError(t, err)
	assert.False(t, ok)
	ok, err = base.IsWorkday(iso("2026-03-20"))
	require.NoError(t, err)
	assert.True(t, ok, "the federal calendar is unchanged")
	// Thu 19 Mar + 3: Fri 20 off, Mon 23 (1), 24 (2), 25 (3).
	got, err := c.AddWorkdays(iso("2026-03-19"), 3)
	require.NoError(t, err)
	assert.Equal(t, iso("2026-03-25"), got)

	// The overlay survives a replaced year.
	y, _ := c.Year(2026)
	c2, err := c.WithYear(y)
	require.NoError(t, err)
	ok, err = c2.IsWorkday(iso("2026-03-20"))
	require.NoError(t, err)
	assert.False(t, ok)

	_, err = base.WithRegionalHolidays("", iso("2026-03-20"))
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = base.WithRegionalHolidays("Регион")
	assert.ErrorIs(t, err, ErrInvalid)
	same, err := base.WithRegionalHolidays("Регион", iso("2026-03-20"), iso("2031-03-20"))
	require.ErrorIs(t, err, ErrOutOfRange)
	assert.Contains(t, err.Error(), "2031-03-20")
	assert.Contains(t, err.Error(), "2013–2027")
	assert.Same(t, base, same, "nothing changes on error")
}

// Readers share one calendar while others derive new ones: run with -race.
func TestCalendarConcurrentUse(t *testing.T) {
	c := RussianCalendar()
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				d := iso("2026-01-01") + date.Date((g*97+i)%700)
				if _, err := c.AddWorkdays(d, 1+i%20); err != nil {
					errs <- err
					return
				}
				if _, err := c.IsWorkday(d); err != nil {
					errs <- err
					return
				}
				if i%500 == 0 {
					if _, err := c.WithRegionalHolidays("r", d); err != nil {
						errs <- err
						return
					}
					_ = c.WithPresidentialDaysOff(true)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	assert.Equal(t, 2027, c.LastYear())
	ok, err := c.IsWorkday(iso("2026-11-26"))
	require.NoError(t, err)
	assert.True(t, ok)
}

func TestRangeErrorText(t *testing.T) {
	err := &RangeError{Op: "IsWorkday", Date: iso("2028-01-03"), Years: []int{2013, 2014, 2015, 2020}}
	assert.Equal(t, "retention: IsWorkday: 2028-01-03 is outside the production calendar (years covered: 2013–2015, 2020); load that year with Calendar.WithYear", err.Error())
	assert.Equal(t, "Дата 03.01.2028 вне производственного календаря (загружены годы 2013–2015, 2020): нужен производственный календарь на 2028 год", err.Russian())
	assert.True(t, errors.Is(err, ErrOutOfRange))
	assert.False(t, errors.Is(err, ErrInvalid))
}

// FuzzAddWorkdays checks AddWorkdays and WorkdaysBetween against the
// day-by-day definition for any start and count, on the embedded calendar
// and on one with a missing year: the same answer, or both out of range.
func FuzzAddWorkdays(f *testing.F) {
	y2013, _ := RussianCalendar().Year(2013)
	y2015, _ := RussianCalendar().Year(2015)
	gappy, err := NewCalendar(y2013, y2015)
	require.NoError(f, err)
	cals := []*Calendar{RussianCalendar(), gappy}
	f.Add(int64(iso("2026-12-30")), 3, false)
	f.Add(int64(iso("2013-12-27")), 10, true)
	f.Add(int64(iso("2027-12-29")), 250, false)
	f.Add(int64(math.MaxInt64), 1, false)
	f.Fuzz(func(t *testing.T, from int64, n int, gap bool) {
		c := cals[0]
		if gap {
			c = cals[1]
		}
		got, err := c.AddWorkdays(date.Date(from), n)
		if n < 1 {
			require.ErrorIs(t, err, ErrInvalid)
			return
		}
		if !c.Covers(date.Date(from)+1) || n > 6000 {
			// from+1 must be covered, and neither calendar has 6,000
			// working days (the day-by-day loop would take too long there).
			require.ErrorIs(t, err, ErrOutOfRange)
			return
		}
		want, wantErr := naiveAddWorkdays(c, date.Date(from), n)
		if wantErr != nil {
			require.ErrorIs(t, err, ErrOutOfRange)
			return
		}
		require.NoError(t, err)
		require.Equal(t, want, got)
		between, err := c.WorkdaysBetween(date.Date(from), got)
		require.NoError(t, err)
		require.Equal(t, n, between)
	})
}
