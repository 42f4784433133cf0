package retention

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Input limits: a year's data is under 2 KiB in either form, the whole
// embedded file under 8 KiB.
const (
	maxYearInput = 1 << 20
	maxFileInput = 8 << 20
)

// yearJSON is the documented JSON form of a year (see Year).
type yearJSON struct {
	Year         *int     `json:"year"`
	Holidays     []string `json:"holidays"`
	Workdays     []string `json:"workdays"`
	Short        []string `json:"short"`
	Presidential []string `json:"nonworking_presidential"`
	Provisional  bool     `json:"provisional"`
	WorkingDays  int      `json:"total_working_days"`
}

// ParseYearJSON reads one year of production-calendar data in the documented
// JSON form (see Year): "year", "holidays" (Monday-to-Friday days off),
// "workdays" (Saturdays and Sundays made working), optional "short",
// "nonworking_presidential", "provisional" and "total_working_days". Dates
// are "YYYY-MM-DD". Unknown keys, malformed dates and data that fails
// Year.Validate are errors (a *pdata.ValidationError naming each field);
// nothing is skipped.
func ParseYearJSON(data []byte) (Year, error) {
	var p pdata.Problems
	var raw yearJSON
	if !decodeJSON(&p, "", data, maxYearInput, &raw) {
		return Year{}, p.Err()
	}
	if raw.Year == nil {
		p.Add("Year", "required", basisCalendar, `the "year" key is missing`, "не указан год календаря")
		return Year{}, p.Err()
	}
	y := raw.toYear(&p, "", *raw.Year)
	if p.Len() > 0 {
		return Year{}, p.Err()
	}
	return y.normalize()
}

// ParseCalendarJSON reads a whole calendar file in the form of the embedded
// data (retention/data/ru-calendar.json):
//
//	{"source": "…", "generated": "2026-11-26", "conventions": {…},
//	 "provisional_years": [2027],
//	 "years": {"2013": {"holidays": […], "workdays": […], "short": […],
//	                    "total_working_days": 247}, …}}
//
// Each entry of "years" has the keys of the year form without "year" (the
// key gives it). A host that receives a newer file can load it whole instead
// of adding years one by one. The 2020–2021 Presidential days count as
// working days; use WithPresidentialDaysOff to change that.
func ParseCalendarJSON(data []byte) (*Calendar, error) {
	var p pdata.Problems
	var raw struct {
		Source      string                     `json:"source"`
		Generated   string                     `json:"generated"`
		Conventions map[string]string          `json:"conventions"`
		Provisional []int                      `json:"provisional_years"`
		Years       map[string]json.RawMessage `json:"years"`
	}
	if !decodeJSON(&p, "", data, maxFileInput, &raw) {
		return nil, p.Err()
	}
	if len(raw.Years) == 0 {
		p.Add("years", "required", basisCalendar, "the file holds no years", "в файле нет ни одного года")
		return nil, p.Err()
	}
	keys := make([]string, 0, len(raw.Years))
	for k := range raw.Years {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	years := make([]Year, 0, len(keys))
	seen := map[int]bool{}
	for _, k := range keys {
		field := "years[" + k + "]"
		n, err := strconv.Atoi(k)
		if err != nil || strconv.Itoa(n) != k {
			p.Add(field, "year", basisCalendar, "the key "+strconv.Quote(k)+" is not a year", "ключ "+strconv.Quote(k)+" не является годом")
			continue
		}
		var ry yearJSON
		if !decodeJSON(&p, field, raw.Years[k], maxYearInput, &ry) {
			continue
		}
		if ry.Year != nil && *ry.Year != n {
			p.Add(field+".Year", "year", basisCalendar,
				"the entry for "+k+" says year "+itoa(*ry.Year),
				"запись за "+k+" год указывает год "+itoa(*ry.Year))
			continue
		}
		before := p.Len()
		y := ry.toYear(&p, field, n)
		if p.Len() > before {
			continue
		}
		seen[n] = true
		years = append(years, y)
	}
	for i, py := range raw.Provisional {
		if !seen[py] {
			p.Add(fieldIndex("provisional_years", i), "year", basisCalendar,
				"provisional year "+itoa(py)+" has no data",
				"предварительный год "+itoa(py)+" отсутствует в данных")
		}
	}
	if p.Len() > 0 {
		return nil, p.Err()
	}
	for i := range years {
		years[i].Provisional = years[i].Provisional || slices.Contains(raw.Provisional, years[i].Year)
	}
	c, err := NewCalendar(years...)
	if err != nil {
		p.AddError("", basisCalendar, err)
		return nil, p.Err()
	}
	return c, nil
}

// decodeJSON decodes one JSON value strictly (no unknown keys, nothing after
// the value) and records a problem under field when it cannot.
func decodeJSON(p *pdata.Problems, field string, data []byte, limit int, v any) bool {
	if len(data) > limit {
		p.Add(field, "size", basisCalendar,
			"the input is larger than "+itoa(limit)+" bytes",
			"размер данных превышает "+itoa(limit)+" байт")
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		p.Add(field, "json", basisCalendar, "malformed calendar JSON: "+err.Error(), "ошибка в JSON производственного календаря: "+err.Error())
		return false
	}
	if _, err := dec.Token(); err != io.EOF {
		p.Add(field, "json", basisCalendar, "malformed calendar JSON: data after the end of the value", "ошибка в JSON производственного календаря: лишние данные после конца")
		return false
	}
	return true
}

func (r yearJSON) toYear(p *pdata.Problems, prefix string, year int) Year {
	y := Year{Year: year, Provisional: r.Provisional, WorkingDays: r.WorkingDays}
	before := p.Len()
	if prefix != "" {
		prefix += "."
	}
	conv := func(field string, in []string) []date.Date {
		out := make([]date.Date, 0, len(in))
		for i, s := range in {
			d, ok := parseISODate(s)
			if !ok {
				p.Add(prefix+fieldIndex(field, i), "date", basisCalendar,
					strconv.Quote(s)+" is not a date of the form YYYY-MM-DD",
					strconv.Quote(s)+" — не дата в формате ГГГГ-ММ-ДД")
				continue
			}
			out = append(out, d)
		}
		return out
	}
	y.Holidays = conv("Holidays", r.Holidays)
	y.Workdays = conv("Workdays", r.Workdays)
	y.Short = conv("Short", r.Short)
	y.Presidential = conv("Presidential", r.Presidential)
	if p.Len() == before {
		var vp pdata.Problems
		y.check(&vp)
		if err := vp.Err(); err != nil {
			p.AddError(strings.TrimSuffix(prefix, "."), basisCalendar, err)
		}
	}
	return y
}

// parseISODate reads exactly YYYY-MM-DD (a real date).
func parseISODate(s string) (date.Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return date.Zero, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return date.Zero, false
	}
	return mkdate(y, m, d), true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// The calendar.xml form of public production-calendar data.
type xmlCalendar struct {
	XMLName  xml.Name `xml:"calendar"`
	Year     string   `xml:"year,attr"`
	Holidays []struct {
		ID    string `xml:"id,attr"`
		Title string `xml:"title,attr"`
	} `xml:"holidays>holiday"`
	Days []struct {
		D string `xml:"d,attr"`
		T string `xml:"t,attr"`
		H string `xml:"h,attr"`
		F string `xml:"f,attr"`
	} `xml:"days>day"`
}

// ParseYearXML reads one year in the calendar.xml form common in public
// production-calendar data:
//
//	<calendar year="2026">
//	  <holidays><holiday id="1" title="Новогодние каникулы"/>…</holidays>
//	  <days>
//	    <day d="01.01" t="1" h="1"/>
//	    <day d="01.09" t="1" f="01.03"/>
//	    <day d="04.30" t="2"/>
//	  </days>
//	</calendar>
//
// d is the month and day (MM.DD); t is the type of the day: 1 a day off,
// 2 a shortened working day (on a Saturday or Sunday it also makes that day a
// working day), 3 a Saturday or Sunday made a working day; f names the day a
// transferred day off came from; h refers to a holiday of <holidays>.
//
// How the form maps onto Year:
//   - t="1" on Monday to Friday is a holiday; on a weekend it restates a day
//     off and adds nothing.
//   - A t="1" day whose holiday title cites a Presidential decree («Указ
//     Президента») is a Presidential non-working day (2020, 2021), not a
//     holiday.
//   - Some files mark a working Saturday only through f (<day d="04.29"
//     t="1" f="04.27"/>) instead of t="3": a Saturday or Sunday named in f
//     that the file does not itself mark as a day off is read as a working
//     day, since a day off was moved away from it.
//   - A date marked with two different types, t="3" on a weekday, a
//     malformed d or f, an unknown t or a year outside 1900–2199 is an
//     error; nothing is skipped silently.
//
// The form carries neither provisional status nor a total; set them on the
// result before Calendar.WithYear if needed.
func ParseYearXML(data []byte) (Year, error) {
	var p pdata.Problems
	if len(data) > maxYearInput {
		p.Add("", "size", basisCalendar, "the input is larger than "+itoa(maxYearInput)+" bytes",
			"размер данных превышает "+itoa(maxYearInput)+" байт")
		return Year{}, p.Err()
	}
	var raw xmlCalendar
	if err := xml.Unmarshal(data, &raw); err != nil {
		p.Add("", "xml", basisCalendar, "malformed calendar XML: "+err.Error(), "ошибка в XML производственного календаря: "+err.Error())
		return Year{}, p.Err()
	}
	year, ok := digits(raw.Year)
	if !ok || raw.Year == "" || len(raw.Year) > 4 || year < minCalendarYear || year > maxCalendarYear {
		p.Add("year", "range", basisCalendar,
			"the year attribute "+strconv.Quote(raw.Year)+" is not a year in 1900–2199",
			"атрибут year "+strconv.Quote(raw.Year)+" не является годом в пределах 1900–2199")
		return Year{}, p.Err()
	}
	presidential := map[string]bool{}
	for _, h := range raw.Holidays {
		if strings.Contains(strings.ToLower(h.Title), "указ президента") {
			presidential[h.ID] = true
		}
	}
	monthDay := func(field, s string) (date.Date, bool) {
		if len(s) == 5 && s[2] == '.' {
			m, ok1 := digits(s[0:2])
			d, ok2 := digits(s[3:5])
			if ok1 && ok2 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(year, m) {
				return mkdate(year, m, d), true
			}
		}
		p.Add(field, "date", basisCalendar,
			strconv.Quote(s)+" is not a day of "+itoa(year)+" in the form MM.DD",
			strconv.Quote(s)+" — не день "+itoa(year)+" года в формате ММ.ДД")
		return date.Zero, false
	}
	kind := map[date.Date]byte{}
	pres := map[date.Date]bool{}
	var from []date.Date
	for i, day := range raw.Days {
		field := fieldIndex("days", i)
		d, ok := monthDay(field+".d", day.D)
		if !ok {
			continue
		}
		if day.F != "" {
			if f, ok := monthDay(field+".f", day.F); ok {
				from = append(from, f)
			}
		}
		if day.T != "1" && day.T != "2" && day.T != "3" {
			p.Add(field+".t", "type", basisCalendar,
				"day type "+strconv.Quote(day.T)+" is not 1, 2 or 3",
				"тип дня "+strconv.Quote(day.T)+" не равен 1, 2 или 3")
			continue
		}
		t := day.T[0]
		if prev, dup := kind[d]; dup && prev != t {
			p.Add(field, "conflict", basisCalendar,
				day.D+" is marked both t="+string(prev)+" and t="+string(t),
				"день "+day.D+" отмечен и как t="+string(prev)+", и как t="+string(t))
			continue
		}
		if t == '3' && !isWeekend(d) {
			p.Add(field+".t", "weekend", basisCalendar,
				day.D+" is a weekday: t=3 marks a Saturday or Sunday made a working day",
				"день "+day.D+" — будний: t=3 означает рабочую субботу или воскресенье")
			continue
		}
		kind[d] = t
		if t == '1' && day.H != "" && presidential[day.H] {
			pres[d] = true
		}
	}
	if p.Len() > 0 {
		return Year{}, p.Err()
	}
	y := Year{Year: year}
	for _, f := range from {
		if _, marked := kind[f]; isWeekend(f) && !marked {
			kind[f] = '3'
		}
	}
	for d, t := range kind {
		weekend := isWeekend(d)
		switch {
		case t == '1' && !weekend && pres[d]:
			y.Presidential = append(y.Presidential, d)
		case t == '1' && !weekend:
			y.Holidays = append(y.Holidays, d)
		case t == '2':
			y.Short = append(y.Short, d)
			if weekend {
				y.Workdays = append(y.Workdays, d)
			}
		case t == '3':
			y.Workdays = append(y.Workdays, d)
		}
	}
	return y.normalize()
}
