package retention

import (
	"slices"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Calendar is a production calendar (производственный календарь): for every
// day of the years it covers, whether it is a working day under the five-day
// week, after the holidays of Labour Code art. 112, the automatic moves of its
// part 2 and the Government's yearly transfer decrees (part 5).
//
// A Calendar is immutable and safe for concurrent use. The methods that change
// it (WithYear, WithRegionalHolidays, WithPresidentialDaysOff) return a new
// Calendar and leave the receiver as it was, so a host can share one value
// between goroutines and swap in a corrected one atomically.
//
// Every question about a date outside the covered years is answered with an
// error wrapping ErrOutOfRange, never with a guess from the weekday.
//
// Inside, the days of all covered years form one bitset (a bit per day, set
// on working days), a running count of working days per day and the list of
// working days in order, so IsWorkday is a bit test, WorkdaysBetween is two
// reads of the running count and AddWorkdays is a read of the running count
// and a read of the list, whatever n is: none of them loops over days or
// allocates. The tables take about 7 bytes a day (38 KB for 2013–2027).
type Calendar struct {
	years    map[int]Year // source data per year, normalised; never mutated
	regional []regionalDays
	presOff  bool

	// compiled form
	first, last int         // first and last covered year; 0 when empty
	base        date.Date   // 1 January of first
	ndays       int64       // days from base to 1 January of last+1
	work        []uint64    // bit i: base+i is a working day
	short       []uint64    // bit i: base+i is a shortened (pre-holiday) day
	before      []int32     // before[i]: working days among days [0, i); len ndays+1
	nth         []int32     // nth[k]: day index of the working day of 0-based rank k
	yearStart   []date.Date // 1 January of first+k, k = 0..last-first+1
	present     []bool      // year first+k is loaded
	gaps        bool        // some year between first and last is missing
}

type regionalDays struct {
	region string
	days   []date.Date
}

// NewCalendar builds a calendar from the given years; a year given twice is an
// error. Most hosts start from RussianCalendar instead and add or replace
// years with WithYear.
func NewCalendar(years ...Year) (*Calendar, error) {
	m := make(map[int]Year, len(years))
	var p pdata.Problems
	for i, y := range years {
		if _, dup := m[y.Year]; dup {
			p.Add(fieldIndex("years", i), "duplicate", basisCalendar,
				"year "+itoa(y.Year)+" is given twice",
				"год "+itoa(y.Year)+" указан дважды")
			continue
		}
		n, err := y.normalize()
		if err != nil {
			p.AddError(fieldIndex("years", i), basisCalendar, err)
			continue
		}
		m[y.Year] = n
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	return build(m, nil, false), nil
}

// WithYear returns a calendar in which year y.Year holds the given data: a
// year the calendar lacked is added (next year's decree), a year it had is
// replaced (a correction, or 2027 once its decree is confirmed: set
// Provisional to false). The data is checked first (Year.Validate); a bad
// year is an error and the receiver is returned unchanged. Regional holidays
// added before stay in force.
func (c *Calendar) WithYear(y Year) (*Calendar, error) {
	n, err := y.normalize()
	if err != nil {
		return c, err
	}
	m := make(map[int]Year, len(c.yearsMap())+1)
	for k, v := range c.yearsMap() {
		m[k] = v
	}
	m[n.Year] = n
	return build(m, c.regionalList(), c.PresidentialDaysOff()), nil
}

// WithRegionalHolidays returns a calendar in which the given days are also
// days off: the holidays a region (a republic, an oblast) declares by its
// own law, such as Tatarstan's Republic Day. region names the
// overlay for the record («Республика Татарстан»). Every day must fall in a
// covered year (else an error wrapping ErrOutOfRange); a day that is already
// a day off changes nothing. The overlay survives a later WithYear.
func (c *Calendar) WithRegionalHolidays(region string, days ...date.Date) (*Calendar, error) {
	var p pdata.Problems
	if region == "" {
		p.Add("region", "required", basisCalendar,
			"the region of a holiday overlay is required",
			"не указан регион, установивший нерабочие праздничные дни")
	}
	if len(days) == 0 {
		p.Add("days", "required", basisCalendar,
			"no days given for the regional overlay",
			"не указаны нерабочие дни региона")
	}
	if err := p.Err(); err != nil {
		return c, err
	}
	for _, d := range days {
		if !c.Covers(d) {
			return c, c.rangeError("WithRegionalHolidays", d)
		}
	}
	ds := slices.Clone(days)
	slices.Sort(ds)
	ds = slices.Compact(ds)
	reg := append(c.regionalList(), regionalDays{region: region, days: ds})
	return build(c.yearsMap(), reg, c.PresidentialDaysOff()), nil
}

// WithPresidentialDaysOff returns a calendar that counts the 2020 and 2021
// «нерабочие дни» declared by Presidential decree (COVID-19 decrees № 206,
// 239, 294 of 2020 and № 242, 595 of 2021; № 345 and № 354 of 2020) as days
// off when off is true, or as working days when off is false.
//
// The default (RussianCalendar) counts them as working days: they were
// neither Labour Code art. 112 holidays nor transfers, and the official
// working-time norms for 2020 (248 days) and 2021 (247 days) include them.
// Whether they stretched statutory deadlines was disputed at the time; a
// host that took the other view (and 219 and 240 working days) sets off.
func (c *Calendar) WithPresidentialDaysOff(off bool) *Calendar {
	return build(c.yearsMap(), c.regionalList(), off)
}

// PresidentialDaysOff reports whether the 2020–2021 Presidential non-working
// days count as days off in c (see WithPresidentialDaysOff).
func (c *Calendar) PresidentialDaysOff() bool { return c != nil && c.presOff }

// Year returns a copy of the data c holds for year y.
func (c *Calendar) Year(y int) (Year, bool) {
	v, ok := c.yearsMap()[y]
	if !ok {
		return Year{}, false
	}
	return v.clone(), true
}

// Years lists the covered years in order.
func (c *Calendar) Years() []int {
	ys := make([]int, 0, len(c.yearsMap()))
	for y := range c.yearsMap() {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	return ys
}

// FirstYear returns the first covered year, or 0 for an empty calendar.
func (c *Calendar) FirstYear() int {
	if c == nil {
		return 0
	}
	return c.first
}

// LastYear returns the last covered year, or 0 for an empty calendar.
//
// The Government publishes next year's transfer decree between August and
// October; a host should check LastYear against the year of the dates it asks
// about (a deadline set in December runs into January) and load the new year
// with WithYear when the decree appears, or upgrade pdnkit.
func (c *Calendar) LastYear() int {
	if c == nil {
		return 0
	}
	return c.last
}

// Provisional reports whether the data for year y is marked provisional:
// taken from secondary sources before the year's decree was confirmed (2027
// in the embedded data). A year that is not covered is not provisional.
func (c *Calendar) Provisional(y int) bool {
	v, ok := c.yearsMap()[y]
	return ok && v.Provisional
}

// Covers reports whether c holds data for the year of d.
func (c *Calendar) Covers(d date.Date) bool {
	i, ok := c.index(d)
	return ok && (!c.gaps || c.present[c.yearIndex(i)])
}

// IsWorkday reports whether d is a working day. A date outside the covered
// years is an error wrapping ErrOutOfRange.
func (c *Calendar) IsWorkday(d date.Date) (bool, error) {
	i, ok := c.index(d)
	if !ok || (c.gaps && !c.present[c.yearIndex(i)]) {
		return false, c.rangeError("IsWorkday", d)
	}
	return c.work[i>>6]&(1<<(uint64(i)&63)) != 0, nil
}

// IsShortened reports whether d is a shortened pre-holiday working day
// (Labour Code art. 95: one hour shorter). It is informational: a shortened
// day is a full working day for every deadline. A day that is not a working
// day is not shortened.
func (c *Calendar) IsShortened(d date.Date) (bool, error) {
	i, ok := c.index(d)
	if !ok || (c.gaps && !c.present[c.yearIndex(i)]) {
		return false, c.rangeError("IsShortened", d)
	}
	bit := uint64(1) << (uint64(i) & 63)
	return c.work[i>>6]&bit != 0 && c.short[i>>6]&bit != 0, nil
}

// AddWorkdays returns the n-th working day strictly after from: the last day
// of a term of n working days counted from the event on from (Civil Code
// art. 191: a term starts the day after its event). AddWorkdays(d, 3) is the
// deadline of policy 6.1.9 and 6.1.10 for something detected or reached on d.
//
// n must be at least 1; n < 1 is an error wrapping ErrInvalid (there is no
// "0-th working day after"). Every day from from+1 up to the answer must be
// covered, else the error wraps ErrOutOfRange; from itself need not be.
// It reads two tables whatever n is, and allocates nothing.
func (c *Calendar) AddWorkdays(from date.Date, n int) (date.Date, error) {
	if n < 1 {
		return date.Zero, badCount(n)
	}
	i, ok := c.index(from + 1)
	if !ok {
		return date.Zero, c.rangeError("AddWorkdays", from+1)
	}
	// The working days from from+1 on have the 0-based ranks before[i],
	// before[i]+1, …: the answer is the working day of rank before[i]+n-1.
	if int64(n) > int64(len(c.nth))-int64(c.before[i]) {
		miss := c.base + date.Date(c.ndays)
		if m, ok := c.missingYear(i, c.ndays-1); c.gaps && ok {
			miss = m
		}
		return date.Zero, c.rangeError("AddWorkdays", miss)
	}
	pos := int64(c.nth[int64(c.before[i])+int64(n)-1])
	if c.gaps {
		if miss, ok := c.missingYear(i, pos); ok {
			return date.Zero, c.rangeError("AddWorkdays", miss)
		}
	}
	return c.base + date.Date(pos), nil
}

// WorkdaysBetween returns the number of working days in (a, b]: after a, up
// to and including b. It is negative when b is before a, and 0 when a == b.
// Every day counted must be covered, else the error wraps ErrOutOfRange.
// AddWorkdays(a, n) is the first day b with WorkdaysBetween(a, b) == n.
func (c *Calendar) WorkdaysBetween(a, b date.Date) (int, error) {
	if a == b {
		return 0, nil
	}
	sign := 1
	if b < a {
		a, b, sign = b, a, -1
	}
	i, ok := c.index(a + 1)
	if !ok {
		return 0, c.rangeError("WorkdaysBetween", a+1)
	}
	j, ok := c.index(b)
	if !ok {
		return 0, c.rangeError("WorkdaysBetween", b)
	}
	if c.gaps {
		if miss, ok := c.missingYear(i, j); ok {
			return 0, c.rangeError("WorkdaysBetween", miss)
		}
	}
	return sign * int(c.before[j+1]-c.before[i]), nil
}

// WorkdayOnOrAfter returns d when it is a working day, else the next working
// day: where a term whose last day falls on a day off ends (Civil Code
// art. 193).
func (c *Calendar) WorkdayOnOrAfter(d date.Date) (date.Date, error) {
	ok, err := c.IsWorkday(d)
	if err != nil {
		return date.Zero, err
	}
	if ok {
		return d, nil
	}
	return c.AddWorkdays(d, 1)
}

// index returns the bit index of d, and whether d lies between the first and
// the last covered year.
func (c *Calendar) index(d date.Date) (int64, bool) {
	if c == nil {
		return 0, false
	}
	i := int64(d - c.base)
	return i, i >= 0 && i < c.ndays
}

// yearIndex returns k such that bit i falls in year first+k.
func (c *Calendar) yearIndex(i int64) int {
	d := c.base + date.Date(i)
	k := int(i / 366)
	for c.yearStart[k+1] <= d {
		k++
	}
	return k
}

// missingYear reports the first day of a missing year among bits [i, j].
func (c *Calendar) missingYear(i, j int64) (date.Date, bool) {
	for k, kEnd := c.yearIndex(i), c.yearIndex(j); k <= kEnd; k++ {
		if !c.present[k] {
			if s := c.base + date.Date(i); c.yearStart[k] < s {
				return s, true
			}
			return c.yearStart[k], true
		}
	}
	return date.Zero, false
}

func (c *Calendar) rangeError(op string, d date.Date) error {
	return &RangeError{Op: op, Date: d, Years: c.Years()}
}

func (c *Calendar) yearsMap() map[int]Year {
	if c == nil {
		return nil
	}
	return c.years
}

func (c *Calendar) regionalList() []regionalDays {
	if c == nil {
		return nil
	}
	return slices.Clone(c.regional)
}

func badCount(n int) error {
	var p pdata.Problems
	p.Add("n", "min", basisWorkdays,
		"the number of working days must be at least 1, got "+itoa(n),
		"число рабочих дней должно быть не меньше 1, указано "+itoa(n))
	return p.Err()
}

// build compiles the source data into the bitset form. The inputs are owned
// by the new calendar from here on and never mutated.
func build(years map[int]Year, regional []regionalDays, presOff bool) *Calendar {
	c := &Calendar{years: years, regional: regional, presOff: presOff}
	if len(years) == 0 {
		c.before = []int32{0}
		return c
	}
	first, last := 1<<30, -1<<30
	for y := range years {
		first, last = min(first, y), max(last, y)
	}
	c.first, c.last = first, last
	c.base = jan1(first)
	c.ndays = int64(jan1(last+1) - c.base)
	words := (c.ndays + 63) >> 6
	c.work = make([]uint64, words)
	c.short = make([]uint64, words)
	c.before = make([]int32, c.ndays+1)
	c.yearStart = make([]date.Date, last-first+2)
	c.present = make([]bool, last-first+1)
	for k := range c.yearStart {
		c.yearStart[k] = jan1(first + k)
	}
	set := func(bs []uint64, d date.Date, on bool) {
		i := int64(d - c.base)
		if on {
			bs[i>>6] |= 1 << (uint64(i) & 63)
		} else {
			bs[i>>6] &^= 1 << (uint64(i) & 63)
		}
	}
	for y, data := range years {
		k := y - first
		c.present[k] = true
		for d := c.yearStart[k]; d < c.yearStart[k+1]; d++ {
			if !isWeekend(d) {
				set(c.work, d, true)
			}
		}
		for _, d := range data.Holidays {
			set(c.work, d, false)
		}
		for _, d := range data.Workdays {
			set(c.work, d, true)
		}
		if presOff {
			for _, d := range data.Presidential {
				set(c.work, d, false)
			}
		}
		for _, d := range data.Short {
			set(c.short, d, true)
		}
	}
	for _, r := range regional {
		for _, d := range r.days {
			if i, ok := c.index(d); ok && c.present[c.yearIndex(i)] {
				set(c.work, d, false)
			}
		}
	}
	for k := range c.present {
		if !c.present[k] {
			c.gaps = true
		}
	}
	for i := range c.ndays {
		c.before[i+1] = c.before[i]
		if c.work[i>>6]&(1<<(uint64(i)&63)) != 0 {
			c.before[i+1]++
		}
	}
	c.nth = make([]int32, 0, c.before[c.ndays])
	for i := range c.ndays {
		if c.before[i+1] != c.before[i] {
			c.nth = append(c.nth, int32(i))
		}
	}
	return c
}
