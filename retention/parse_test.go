package retention

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The 2024 federal calendar in the calendar.xml form, written for these
// tests from data/ru-calendar.json. Working Saturdays appear only through f
// (the day off came from them), as some published files do.
const xml2024ViaFrom = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="2024" lang="ru" date="2023.09.02">
    <holidays>
        <holiday id="1" title="Новогодние каникулы"/>
        <holiday id="2" title="Рождество Христово"/>
        <holiday id="3" title="День защитника Отечества"/>
        <holiday id="4" title="Международный женский день"/>
        <holiday id="5" title="Праздник Весны и Труда"/>
        <holiday id="6" title="День Победы"/>
        <holiday id="7" title="День России"/>
        <holiday id="8" title="День народного единства"/>
    </holidays>
    <days>
        <day d="01.01" t="1" h="1"/>
        <day d="01.02" t="1" h="1"/>
        <day d="01.03" t="1" h="1"/>
        <day d="01.04" t="1" h="1"/>
        <day d="01.05" t="1" h="1"/>
        <day d="01.06" t="1" h="1"/>
        <day d="01.07" t="1" h="2"/>
        <day d="01.08" t="1" h="1"/>
        <day d="02.22" t="2"/>
        <day d="02.23" t="1" h="3"/>
        <day d="03.07" t="2"/>
        <day d="03.08" t="1" h="4"/>
        <day d="04.29" t="1" f="04.27"/>
        <day d="04.30" t="1" f="11.02"/>
        <day d="05.01" t="1" h="5"/>
        <day d="05.08" t="2"/>
        <day d="05.09" t="1" h="6"/>
        <day d="05.10" t="1" f="01.06"/>
        <day d="06.11" t="2"/>
        <day d="06.12" t="1" h="7"/>
        <day d="11.02" t="2"/>
        <day d="11.04" t="1" h="8"/>
        <day d="12.30" t="1" f="12.28"/>
        <day d="12.31" t="1" f="01.07"/>
    </days>
</calendar>`

// The same year with the working Saturdays marked t="3" and no f, as the
// format's own description has it (and a repeated line, as seen in the wild).
const xml2024ViaT3 = `<calendar year="2024"><days>
<day d="01.01" t="1"/><day d="01.02" t="1"/><day d="01.03" t="1"/><day d="01.04" t="1"/>
<day d="01.05" t="1"/><day d="01.06" t="1"/><day d="01.07" t="1"/><day d="01.08" t="1"/>
<day d="02.22" t="2"/><day d="02.23" t="1"/><day d="03.07" t="2"/><day d="03.08" t="1"/>
<day d="04.27" t="3"/><day d="04.29" t="1"/><day d="04.30" t="1"/><day d="05.01" t="1"/>
<day d="05.08" t="2"/><day d="05.09" t="1"/><day d="05.10" t="1"/><day d="06.11" t="2"/>
<day d="06.12" t="1"/><day d="11.02" t="2"/><day d="11.04" t="1"/><day d="12.28" t="3"/>
<day d="12.30" t="1"/><day d="12.31" t="1"/><day d="12.31" t="1"/>
</days></calendar>`

// A fragment of 2020 in the xml form, where Presidential non-working days
// are t="1" days whose holiday cites a Presidential decree.
// xml2020Fragment holds the art. 112 part 1 holidays of 2020 that fall on
// Monday to Friday (1–3, 6–8 January, 1 May, 12 June, 4 November: a year
// without them is refused) and some of the Presidential non-working days.
const xml2020Fragment = `<calendar year="2020">
<holidays>
  <holiday id="1" title="Новогодние каникулы"/>
  <holiday id="9" title="Нерабочая неделя (Указ Президента от 25.03.2020 №206)"/>
</holidays>
<days>
  <day d="01.01" t="1" h="1"/>
  <day d="01.02" t="1" h="1"/>
  <day d="01.03" t="1" h="1"/>
  <day d="01.06" t="1" h="1"/>
  <day d="01.07" t="1"/>
  <day d="01.08" t="1" h="1"/>
  <day d="05.01" t="1"/>
  <day d="06.12" t="1"/>
  <day d="11.04" t="1"/>
  <day d="03.30" t="1" h="9"/>
  <day d="03.31" t="1" h="9"/>
  <day d="04.04" t="1" h="9"/>
  <day d="04.30" t="2"/>
</days></calendar>`

func TestParseYearXMLMatchesEmbedded(t *testing.T) {
	want, ok := RussianCalendar().Year(2024)
	require.True(t, ok)
	for name, src := range map[string]string{"via f": xml2024ViaFrom, "via t=3": xml2024ViaT3} {
		t.Run(name, func(t *testing.T) {
			got, err := ParseYearXML([]byte(src))
			require.NoError(t, err)
			assert.Equal(t, 2024, got.Year)
			assert.Equal(t, want.Holidays, got.Holidays)
			assert.Equal(t, want.Workdays, got.Workdays, "27 Apr, 2 Nov, 28 Dec are working Saturdays")
			assert.Equal(t, want.Short, got.Short)
			c, err := NewCalendar(got)
			require.NoError(t, err)
			n, err := c.WorkdaysBetween(iso("2023-12-31"), iso("2024-12-31"))
			require.NoError(t, err)
			assert.Equal(t, 248, n, "the 2024 norm")
		})
	}
}

func TestParseYearXMLPresidentialAndWeekendShort(t *testing.T) {
	y, err := ParseYearXML([]byte(xml2020Fragment))
	require.NoError(t, err)
	assert.Equal(t, []date.Date{iso("2020-01-01"), iso("2020-01-02"), iso("2020-01-03"), iso("2020-01-06"), iso("2020-01-07"),
		iso("2020-01-08"), iso("2020-05-01"), iso("2020-06-12"), iso("2020-11-04")}, y.Holidays)
	assert.Equal(t, []date.Date{iso("2020-03-30"), iso("2020-03-31")}, y.Presidential,
		"weekday t=1 days of a Presidential decree; Sat 4 Apr adds nothing")
	assert.Equal(t, []date.Date{iso("2020-04-30")}, y.Short)

	// 2016: Saturday 20 Feb was a shortened working day, marked t="2" only.
	// With the art. 112 holidays of 2016 on Monday to Friday (1, 4–8
	// January, 23 February, 8 March, 9 May, 4 November).
	y, err = ParseYearXML([]byte(`<calendar year="2016"><days><day d="02.20" t="2"/><day d="02.22" t="1"/>` +
		`<day d="01.01" t="1"/><day d="01.04" t="1"/><day d="01.05" t="1"/><day d="01.06" t="1"/><day d="01.07" t="1"/>` +
		`<day d="01.08" t="1"/><day d="02.23" t="1"/><day d="03.08" t="1"/><day d="05.09" t="1"/><day d="11.04" t="1"/>` +
		`</days></calendar>`))
	require.NoError(t, err)
	assert.Equal(t, []date.Date{iso("2016-02-20")}, y.Workdays)
	assert.Equal(t, []date.Date{iso("2016-02-20")}, y.Short)
	assert.Contains(t, y.Holidays, iso("2016-02-22"))
}

func TestParseYearXMLErrors(t *testing.T) {
	tests := []struct {
		name, src, field, rule string
	}{
		{"malformed", `<calendar year="2026"><days><day`, "", "xml"},
		{"no year", `<calendar><days/></calendar>`, "year", "range"},
		{"year not a number", `<calendar year="20x6"></calendar>`, "year", "range"},
		{"year out of bounds", `<calendar year="1066"></calendar>`, "year", "range"},
		{"unknown type", `<calendar year="2026"><days><day d="01.12" t="4"/></days></calendar>`, "days[0].t", "type"},
		{"bad month", `<calendar year="2026"><days><day d="13.01" t="1"/></days></calendar>`, "days[0].d", "date"},
		{"no such day", `<calendar year="2026"><days><day d="02.29" t="1"/></days></calendar>`, "days[0].d", "date"},
		{"bad from", `<calendar year="2026"><days><day d="01.09" t="1" f="1.3"/></days></calendar>`, "days[0].f", "date"},
		{"two types", `<calendar year="2026"><days><day d="04.30" t="2"/><day d="04.30" t="1"/></days></calendar>`, "days[1]", "conflict"},
		{"t=3 on a weekday", `<calendar year="2026"><days><day d="11.26" t="3"/></days></calendar>`, "days[0].t", "weekend"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseYearXML([]byte(tt.src))
			requireFieldError(t, err, tt.field, tt.rule)
		})
	}
	_, err := ParseYearXML([]byte(strings.Repeat(" ", maxYearInput+1)))
	requireFieldError(t, err, "", "size")
}

func TestParseYearJSON(t *testing.T) {
	// Round trip: the JSON encoding of Year is the documented form.
	for _, yr := range RussianCalendar().Years() {
		want, _ := RussianCalendar().Year(yr)
		b, err := json.Marshal(want)
		require.NoError(t, err)
		got, err := ParseYearJSON(b)
		require.NoError(t, err, "%d: %s", yr, b)
		assert.Equal(t, want, got)
	}
	// The art. 112 holidays of 2026 on Monday to Friday, out of order and
	// with repeats.
	y, err := ParseYearJSON([]byte(`{"year":2026,"holidays":["2026-11-04","2026-01-02","2026-01-01","2026-01-01",` +
		`"2026-01-05","2026-01-06","2026-01-07","2026-01-08","2026-02-23","2026-05-01","2026-06-12","2026-01-02"],"workdays":[]}`))
	require.NoError(t, err)
	assert.Equal(t, []date.Date{iso("2026-01-01"), iso("2026-01-02"), iso("2026-01-05"), iso("2026-01-06"), iso("2026-01-07"),
		iso("2026-01-08"), iso("2026-02-23"), iso("2026-05-01"), iso("2026-06-12"), iso("2026-11-04")}, y.Holidays, "sorted, repeats merged")
}

func TestParseYearJSONErrors(t *testing.T) {
	tests := []struct {
		name, src, field, rule string
	}{
		{"syntax", `{"year": 2026,`, "", "json"},
		{"unknown key", `{"year": 2026, "holiday": []}`, "", "json"},
		{"trailing data", `{"year": 2026} {}`, "", "json"},
		{"no year", `{"holidays": []}`, "Year", "required"},
		{"year out of bounds", `{"year": 3000}`, "Year", "range"},
		{"not a date", `{"year": 2026, "holidays": ["2026-1-9"]}`, "Holidays[0]", "date"},
		{"impossible date", `{"year": 2026, "holidays": ["2026-02-30"]}`, "Holidays[0]", "date"},
		{"other year", `{"year": 2026, "holidays": ["2025-12-31"]}`, "Holidays[0]", "year"},
		{"holiday on a Saturday", `{"year": 2026, "holidays": ["2026-01-03"]}`, "Holidays[0]", "weekday"},
		{"working Thursday", `{"year": 2026, "workdays": ["2026-11-26"]}`, "Workdays[0]", "weekend"},
		{"short day off", `{"year": 2026, "holidays": ["2026-11-04"], "short": ["2026-11-04"]}`, "Short[0]", "not_working"},
		{"presidential on a holiday", `{"year": 2020, "holidays": ["2020-05-01"], "nonworking_presidential": ["2020-05-01"]}`, "Presidential[0]", "conflict"},
		{"wrong total", `{"year": 2026, "holidays": ["2026-01-01"], "total_working_days": 247}`, "WorkingDays", "working_days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseYearJSON([]byte(tt.src))
			requireFieldError(t, err, tt.field, tt.rule)
		})
	}
}

func TestParseCalendarJSON(t *testing.T) {
	c, err := ParseCalendarJSON(ruCalendarJSON)
	require.NoError(t, err)
	assert.Equal(t, RussianCalendar().Years(), c.Years())

	_, err = ParseCalendarJSON([]byte(`{"years": {"2026": {"holidays": ["2026-01-03"]}}}`))
	requireFieldError(t, err, "years[2026].Holidays[0]", "weekday")
	_, err = ParseCalendarJSON([]byte(`{"years": {"20x6": {}}}`))
	requireFieldError(t, err, "years[20x6]", "year")
	_, err = ParseCalendarJSON([]byte(`{"years": {"2026": {"year": 2025}}}`))
	requireFieldError(t, err, "years[2026].Year", "year")
	_, err = ParseCalendarJSON([]byte(`{"provisional_years": [2027], "years": {"2026": {}}}`))
	requireFieldError(t, err, "provisional_years[0]", "year")
	_, err = ParseCalendarJSON([]byte(`{"years": {}}`))
	requireFieldError(t, err, "years", "required")
}

// requireFieldError checks that err is a *pdata.ValidationError (so it
// matches ErrInvalid) with a problem of the given rule on the given field,
// explained in both languages.
func requireFieldError(t *testing.T, err error, field, rule string) {
	t.Helper()
	require.ErrorIs(t, err, ErrInvalid)
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	fe, ok := ve.Field(field)
	require.True(t, ok, "no error on field %q in %v", field, err)
	assert.Equal(t, rule, fe.Rule, "%v", err)
	assert.NotEmpty(t, fe.Message)
	assert.NotEmpty(t, fe.MessageRU)
}

// FuzzParseYearJSON: the JSON reader never panics; what it accepts is a
// valid year that survives a round trip and builds a calendar.
func FuzzParseYearJSON(f *testing.F) {
	for _, yr := range []int{2016, 2020, 2024, 2027} {
		y, _ := RussianCalendar().Year(yr)
		b, _ := json.Marshal(y)
		f.Add(b)
	}
	f.Add([]byte(`{"year":2026,"holidays":["2026-02-30"]}`))
	f.Add([]byte(`{"year":2199,"holidays":[],"workdays":["2199-12-31"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		y, err := ParseYearJSON(data)
		if err != nil {
			requireInvalid(t, err)
			return
		}
		checkAccepted(t, y)
	})
}

// FuzzParseYearXML: the XML reader never panics; what it accepts is valid.
func FuzzParseYearXML(f *testing.F) {
	f.Add([]byte(xml2024ViaFrom))
	f.Add([]byte(xml2024ViaT3))
	f.Add([]byte(xml2020Fragment))
	f.Add([]byte(`<calendar year="2016"><days><day d="02.20" t="2"/></days></calendar>`))
	f.Add([]byte(`<calendar year="2026"><days><day d="01.09" t="1" f="01.03"/></days></calendar>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		y, err := ParseYearXML(data)
		if err != nil {
			requireInvalid(t, err)
			return
		}
		checkAccepted(t, y)
	})
}

// FuzzParseCalendarJSON: the whole-file reader never panics.
func FuzzParseCalendarJSON(f *testing.F) {
	f.Add(ruCalendarJSON)
	f.Add([]byte(`{"provisional_years":[2027],"years":{"2027":{"holidays":["2027-01-01"]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCalendarJSON(data)
		if err != nil {
			requireInvalid(t, err)
			return
		}
		for _, yr := range c.Years() {
			y, ok := c.Year(yr)
			if !ok {
				t.Fatalf("year %d listed but missing", yr)
			}
			if err := y.Validate(); err != nil {
				t.Fatalf("accepted an invalid year: %v", err)
			}
		}
	})
}

func requireInvalid(t *testing.T, err error) {
	t.Helper()
	var ve *pdata.ValidationError
	if !assert.ErrorAs(t, err, &ve) || !assert.ErrorIs(t, err, ErrInvalid) {
		t.FailNow()
	}
	for _, fe := range ve.Errors {
		if fe.Message == "" || fe.MessageRU == "" {
			t.Fatalf("field error without both messages: %+v", fe)
		}
	}
}

func checkAccepted(t *testing.T, y Year) {
	t.Helper()
	if err := y.Validate(); err != nil {
		t.Fatalf("accepted an invalid year: %v", err)
	}
	b, err := json.Marshal(y)
	if err != nil {
		t.Fatal(err)
	}
	again, err := ParseYearJSON(b)
	if err != nil {
		t.Fatalf("round trip of %s: %v", b, err)
	}
	assert.Equal(t, y, again)
	c, err := NewCalendar(y)
	if err != nil {
		t.Fatalf("accepted year does not build: %v", err)
	}
	// Every working day counted must be a day IsWorkday agrees with.
	start := jan1(y.Year) - 1
	n, err := c.WorkdaysBetween(start, jan1(y.Year+1)-1)
	if err != nil {
		t.Fatal(err)
	}
	if n > 0 {
		last, err := c.AddWorkdays(start, n)
		if err != nil {
			t.Fatal(err)
		}
		if ok, _ := c.IsWorkday(last); !ok {
			t.Fatalf("AddWorkdays landed on a day off: %s", last)
		}
	}
}
