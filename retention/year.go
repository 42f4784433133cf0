package retention

import (
	"slices"
	"strconv"
	"strings"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Year is the production-calendar data of one year, in the form the
// Government's transfer decree gives it: the exceptions to the five-day week.
// A day is a working day when it is Monday to Friday and not in Holidays, or
// Saturday or Sunday and in Workdays.
//
// Its JSON encoding is the documented form that ParseYearJSON reads (dates as
// "2006-01-02"):
//
//	{"year": 2028,
//	 "holidays": ["2028-01-03", …],   // Mon–Fri days off
//	 "workdays": ["2028-…"],          // Sat/Sun made working days
//	 "short": ["2028-02-22", …],      // pre-holiday days, 1 hour shorter
//	 "provisional": true,             // optional
//	 "total_working_days": 247}       // optional check
type Year struct {
	// Year is the calendar year, 1900–2199.
	Year int `json:"year"`
	// Holidays lists the days off that fall Monday to Friday: the art. 112
	// holidays, the days they moved to under art. 112 part 2, and the days
	// off the transfer decree moved in. Weekend days are off anyway and are
	// not listed.
	Holidays []date.Date `json:"holidays"`
	// Workdays lists the Saturdays and Sundays the decree made working days.
	Workdays []date.Date `json:"workdays"`
	// Short lists the shortened pre-holiday working days (Labour Code
	// art. 95). Informational: they are full working days for deadlines.
	Short []date.Date `json:"short,omitempty"`
	// Presidential lists the Monday-to-Friday «нерабочие дни» of 2020 and
	// 2021 declared by Presidential decree. They are working days unless the
	// calendar counts them as days off (Calendar.WithPresidentialDaysOff).
	Presidential []date.Date `json:"nonworking_presidential,omitempty"`
	// Provisional marks data taken before the year's decree was confirmed.
	Provisional bool `json:"provisional,omitempty"`
	// WorkingDays, when not zero, is the published number of working days
	// in the year (Presidential days counted as working); Validate checks
	// the lists against it.
	WorkingDays int `json:"total_working_days,omitempty"`
}

// Years a calendar may hold. The bounds keep a calendar's bitset small and
// catch a mistyped year; the five-day week itself dates from 1967.
const (
	minCalendarYear = 1900
	maxCalendarYear = 2199
)

var (
	basisCalendar = pdata.Cite("ТК РФ ст. 112", "")
	basisWorkdays = pdata.Cite("ГК РФ ст. 191", "")
)

// Validate checks the year's data: every date in the year, days off on
// weekdays only, working weekend days on weekends only, Presidential days on
// weekdays that are neither, shortened days that are working days, the
// count of working days when WorkingDays is given, and — for 2013 on, the
// years of the present wording — that no non-working holiday of Labour Code
// art. 112 part 1 (1–8 January, 23 February, 8 March, 1 and 9 May,
// 12 June, 4 November) is a working day: each one falling Monday to Friday
// must be in Holidays and none may be in Workdays (rule "holiday", naming
// the dates). It returns every problem at once as a *pdata.ValidationError.
func (y Year) Validate() error {
	var p pdata.Problems
	y.check(&p)
	return p.Err()
}

func (y Year) check(p *pdata.Problems) {
	if y.Year < minCalendarYear || y.Year > maxCalendarYear {
		p.Add("Year", "range", basisCalendar,
			"year "+itoa(y.Year)+" is outside 1900–2199",
			"год "+itoa(y.Year)+" вне допустимых пределов 1900–2199")
		return
	}
	start, end := jan1(y.Year), jan1(y.Year+1)
	inYear := func(field string, i int, d date.Date) bool {
		if d < start || d >= end {
			p.Add(fieldIndex(field, i), "year", basisCalendar,
				d.String()+" is not in "+itoa(y.Year),
				"дата "+ruDate(d)+" не относится к "+itoa(y.Year)+" году")
			return false
		}
		return true
	}
	off := make(map[date.Date]bool, len(y.Holidays))
	on := make(map[date.Date]bool, len(y.Workdays))
	for i, d := range y.Holidays {
		if !inYear("Holidays", i, d) {
			continue
		}
		if isWeekend(d) {
			p.Add(fieldIndex("Holidays", i), "weekday", basisCalendar,
				d.String()+" is a "+d.Weekday().String()+": list only Monday-to-Friday days off (weekends are off anyway)",
				"дата "+ruDate(d)+" приходится на выходной: в списке нерабочих дней указываются только дни с понедельника по пятницу")
			continue
		}
		off[d] = true
	}
	for i, d := range y.Workdays {
		if !inYear("Workdays", i, d) {
			continue
		}
		if !isWeekend(d) {
			p.Add(fieldIndex("Workdays", i), "weekend", basisCalendar,
				d.String()+" is a "+d.Weekday().String()+": list only Saturdays and Sundays made working days",
				"дата "+ruDate(d)+" — будний день: в списке рабочих выходных указываются только субботы и воскресенья")
			continue
		}
		on[d] = true
	}
	for i, d := range y.Presidential {
		if !inYear("Presidential", i, d) {
			continue
		}
		if isWeekend(d) || off[d] {
			p.Add(fieldIndex("Presidential", i), "conflict", basisCalendar,
				d.String()+" is a day off already: list only working weekdays declared non-working by Presidential decree",
				"дата "+ruDate(d)+" и так нерабочий день: указываются только рабочие будни, объявленные нерабочими указом Президента")
		}
	}
	for i, d := range y.Short {
		if !inYear("Short", i, d) {
			continue
		}
		if working := (!isWeekend(d) && !off[d]) || on[d]; !working {
			p.Add(fieldIndex("Short", i), "not_working", basisCalendar,
				d.String()+" is a day off and cannot be a shortened working day",
				"дата "+ruDate(d)+" — нерабочий день и не может быть сокращённым рабочим днём")
		}
	}
	y.checkArt112(p, off, on)
	if y.WorkingDays != 0 {
		n := 0
		for d := start; d < end; d++ {
			if (!isWeekend(d) && !off[d]) || on[d] {
				n++
			}
		}
		if n != y.WorkingDays {
			p.Add("WorkingDays", "working_days", basisCalendar,
				"the lists give "+itoa(n)+" working days in "+itoa(y.Year)+", the published total is "+itoa(y.WorkingDays),
				"по спискам в "+itoa(y.Year)+" году "+itoa(n)+" рабочих дней, а по опубликованным данным — "+itoa(y.WorkingDays))
		}
	}
}

// art112Since is the first year of the list of non-working holidays in
// Labour Code art. 112 part 1 as it stands (1–6 and 8 January added by
// Federal Law of 23.04.2012 № 35-FZ). Earlier years had another list and
// are not checked against this one.
const art112Since = 2013

// art112Days are the non-working holidays of Labour Code art. 112 part 1,
// as month and day: 1, 2, 3, 4, 5, 6 and 8 January (New Year holidays),
// 7 January (Christmas), 23 February, 8 March, 1 May, 9 May, 12 June,
// 4 November.
var art112Days = [...][2]int{
	{1, 1}, {1, 2}, {1, 3}, {1, 4}, {1, 5}, {1, 6}, {1, 7}, {1, 8},
	{2, 23}, {3, 8}, {5, 1}, {5, 9}, {6, 12}, {11, 4},
}

var basisArt112 = pdata.Cite("ТК РФ ст. 112 ч. 1", "")

// checkArt112 refuses a year (2013 on) in which a holiday of Labour Code
// art. 112 part 1 would be a working day: a Monday-to-Friday holiday not
// listed in Holidays, or a weekend holiday listed in Workdays. off and on
// are the valid Holidays and Workdays of y.
func (y Year) checkArt112(p *pdata.Problems, off, on map[date.Date]bool) {
	if y.Year < art112Since {
		return
	}
	var missing []date.Date
	for _, md := range art112Days {
		d := mkdate(y.Year, md[0], md[1])
		if !isWeekend(d) && !off[d] {
			missing = append(missing, d)
		}
	}
	if len(missing) > 0 {
		en, ru := make([]string, len(missing)), make([]string, len(missing))
		for i, d := range missing {
			en[i], ru[i] = d.String(), ruDate(d)
		}
		p.Add("Holidays", "holiday", basisArt112,
			"the non-working holidays of Labour Code art. 112 part 1 would be working days: "+strings.Join(en, ", ")+
				"; list each in holidays",
			"нерабочие праздничные дни (ТК РФ ст. 112 ч. 1) оказались бы рабочими: "+strings.Join(ru, ", ")+
				"; укажите их в списке нерабочих дней")
	}
	for i, d := range y.Workdays {
		if !on[d] {
			continue // refused above (not a weekend day or not in the year)
		}
		if _, m, dd := civil(d); slices.Contains(art112Days[:], [2]int{m, dd}) {
			p.Add(fieldIndex("Workdays", i), "holiday", basisArt112,
				d.String()+" is a non-working holiday of Labour Code art. 112 part 1 and cannot be made a working day",
				"дата "+ruDate(d)+" — нерабочий праздничный день (ТК РФ ст. 112 ч. 1) и не может быть рабочим днём")
		}
	}
}

// normalize returns a validated deep copy of y with every list sorted and
// without repeats.
func (y Year) normalize() (Year, error) {
	if err := y.Validate(); err != nil {
		return Year{}, err
	}
	n := y.clone()
	for _, l := range []*[]date.Date{&n.Holidays, &n.Workdays, &n.Short, &n.Presidential} {
		slices.Sort(*l)
		*l = slices.Compact(*l)
		if len(*l) == 0 {
			*l = nil
		}
	}
	return n, nil
}

func (y Year) clone() Year {
	y.Holidays = slices.Clone(y.Holidays)
	y.Workdays = slices.Clone(y.Workdays)
	y.Short = slices.Clone(y.Short)
	y.Presidential = slices.Clone(y.Presidential)
	return y
}

func itoa(n int) string { return strconv.Itoa(n) }

func fieldIndex(field string, i int) string {
	return field + "[" + strconv.Itoa(i) + "]"
}
