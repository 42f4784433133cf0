package retention

import "github.com/rickb777/date/v2"

// Calendar arithmetic on date.Date without going through time.Time.
//
// date.Date counts days from 0001-01-01 (date.Zero); the conversions below
// use the days-from-civil algorithms of the proleptic Gregorian calendar
// (H. Hinnant), counted from 1970-01-01 and shifted by date.ZeroOffset.
// They allocate nothing and cost a few nanoseconds, which keeps Term and the
// sweep cheap.

// unixDays returns the days since 1970-01-01 of the civil date y-m-d.
// m must be 1..12 and d 1..31; the caller keeps y within ±10^9.
func unixDays(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400                     // [0, 399]
	mp := int64((m + 9) % 12)              // March = 0
	doy := (153*mp+2)/5 + int64(d) - 1     // [0, 365]
	doe := yoe*365 + yoe/4 - yoe/100 + doy // [0, 146096]
	return era*146097 + doe - 719468
}

// civilOf returns the civil date of days since 1970-01-01.
func civilOf(z int64) (y int64, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100) // [0, 365]
	mp := (5*doy + 2) / 153                  // [0, 11]
	d = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
		y++
	}
	return y, m, d
}

// civil returns the year, month and day of d.
func civil(d date.Date) (y, m, day int) {
	yy, mm, dd := civilOf(int64(d) - date.ZeroOffset)
	return int(yy), mm, dd
}

// mkdate returns the date.Date of the civil date y-m-d (m 1..12, d valid).
func mkdate(y, m, d int) date.Date {
	return date.Date(unixDays(int64(y), m, d) + date.ZeroOffset)
}

// jan1 returns 1 January of year y.
func jan1(y int) date.Date { return mkdate(y, 1, 1) }

// yearOf returns the year of d.
func yearOf(d date.Date) int {
	y, _, _ := civil(d)
	return y
}

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// isWeekend reports whether d is a Saturday or a Sunday. date.Zero
// (0001-01-01) was a Monday, so d mod 7 is 5 on Saturdays and 6 on Sundays.
func isWeekend(d date.Date) bool {
	r := int64(d) % 7
	if r < 0 {
		r += 7
	}
	return r >= 5
}

// AddMonths returns the date n months after d (before it when n < 0)
// following Civil Code art. 192 p. 3: a term that ends in a month without the
// day of d ends on that month's last day. 2024-01-31 + 1 month is 2024-02-29;
// 2024-02-29 + 12 months is 2025-02-28.
//
// It deliberately differs from time.Time.AddDate and period.Period.AddTo,
// which roll the missing day over into the next month (2024-02-29 + 1 year =
// 2025-03-01) and so would end a legal term a day late.
func AddMonths(d date.Date, n int) date.Date {
	y, m, day := civil(d)
	total := y*12 + (m - 1) + n
	ny, nm := total/12, total%12
	if nm < 0 {
		nm += 12
		ny--
	}
	nm++
	if dm := daysIn(ny, nm); day > dm {
		day = dm
	}
	return mkdate(ny, nm, day)
}

// AddYears returns the date n years after d (before it when n < 0) following
// Civil Code art. 192: the same month and day, or the last day of the month
// when that year's month has no such day (29 February + 1 year = 28 February).
func AddYears(d date.Date, n int) date.Date { return AddMonths(d, 12*n) }
