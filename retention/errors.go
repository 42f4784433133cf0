package retention

import (
	"errors"
	"strconv"
	"strings"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// ErrInvalid is pdata.ErrInvalid, re-exported so that errors.Is works across
// pdnkit packages: every *pdata.ValidationError this package returns matches
// it.
var ErrInvalid = pdata.ErrInvalid

// ErrOutOfRange marks a question the production calendar cannot answer: a
// date in a year the calendar holds no data for. The library never guesses a
// working day; the host loads the missing year (Calendar.WithYear) instead.
// Every such error is a *RangeError that names the years covered.
var ErrOutOfRange = errors.New("retention: date outside the production calendar")

// RangeError reports a date outside the years a Calendar covers. It matches
// ErrOutOfRange with errors.Is.
type RangeError struct {
	// Op names the operation asked ("IsWorkday", "AddWorkdays", …).
	Op string
	// Date is the first date the calendar had no data for.
	Date date.Date
	// Years lists the years the calendar covers, in order (empty for an
	// empty calendar).
	Years []int
}

// Error says, in English, which date is outside which years.
func (e *RangeError) Error() string {
	if e == nil {
		return ErrOutOfRange.Error()
	}
	var b strings.Builder
	b.WriteString("retention: ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	b.WriteString(e.Date.String())
	b.WriteString(" is outside the production calendar (")
	if len(e.Years) == 0 {
		b.WriteString("no years loaded")
	} else {
		b.WriteString("years covered: ")
		b.WriteString(yearRanges(e.Years))
	}
	b.WriteString("); load that year with Calendar.WithYear")
	return b.String()
}

// Russian says the same for a staff member.
func (e *RangeError) Russian() string {
	if e == nil {
		return "Дата вне производственного календаря"
	}
	var b strings.Builder
	b.WriteString("Дата ")
	b.WriteString(ruDate(e.Date))
	b.WriteString(" вне производственного календаря (")
	if len(e.Years) == 0 {
		b.WriteString("календарь не загружен")
	} else {
		b.WriteString("загружены годы ")
		b.WriteString(yearRanges(e.Years))
	}
	b.WriteString("): нужен производственный календарь на ")
	b.WriteString(strconv.Itoa(yearOf(e.Date)))
	b.WriteString(" год")
	return b.String()
}

// Unwrap makes errors.Is(err, ErrOutOfRange) true.
func (e *RangeError) Unwrap() error { return ErrOutOfRange }

// yearRanges renders sorted years as "2013–2027" or "2013–2027, 2030".
func yearRanges(ys []int) string {
	var b strings.Builder
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(ys[i]))
		if j > i {
			b.WriteString("–")
			b.WriteString(strconv.Itoa(ys[j]))
		}
		i = j + 1
	}
	return b.String()
}

// ruDate renders d the way Russian documents write dates: 03.01.2028.
func ruDate(d date.Date) string {
	y, m, day := civil(d)
	buf := make([]byte, 0, 10)
	buf = append(buf, byte('0'+day/10), byte('0'+day%10), '.', byte('0'+m/10), byte('0'+m%10), '.')
	return string(strconv.AppendInt(buf, int64(y), 10))
}

// RussianDate formats d as Russian documents and staff expect it: 26.11.2026.
func RussianDate(d date.Date) string { return ruDate(d) }

// yearsRU renders "n лет/год/года" with the Russian plural.
func yearsRU(n int) string {
	return strconv.Itoa(n) + " " + pdata.PluralRU(n, "год", "года", "лет")
}
