package retention_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

func ExampleRussianCalendar() {
	cal := retention.RussianCalendar()
	fmt.Printf("covered: %d–%d, 2027 provisional: %v\n", cal.FirstYear(), cal.LastYear(), cal.Provisional(2027))
	for _, s := range []string{"2026-01-09", "2024-04-27", "2026-11-26"} {
		ok, err := cal.IsWorkday(date.MustParseISO(s))
		fmt.Println(s, ok, err)
	}
	_, err := cal.IsWorkday(date.MustParseISO("2031-01-10"))
	fmt.Println(errors.Is(err, retention.ErrOutOfRange))
	fmt.Println(err)
	// Output:
	// covered: 2013–2027, 2027 provisional: true
	// 2026-01-09 false <nil>
	// 2024-04-27 true <nil>
	// 2026-11-26 true <nil>
	// true
	// retention: IsWorkday: 2031-01-10 is outside the production calendar (years covered: 2013–2027); load that year with Calendar.WithYear
}

func ExampleCalendar_AddWorkdays() {
	cal := retention.RussianCalendar()
	// Unlawful processing detected on Tuesday 30 December 2025: it must be
	// stopped within 3 working days (policy 6.1.9), counted from the next
	// day, across the New Year holidays.
	detected := date.MustParseISO("2025-12-30")
	for _, n := range []int{3, 7, 10} {
		by, err := cal.AddWorkdays(detected, n)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%2d working days: %s (%s)\n", n, by, by.Weekday())
	}
	// Output:
	//  3 working days: 2026-01-14 (Wednesday)
	//  7 working days: 2026-01-20 (Tuesday)
	// 10 working days: 2026-01-23 (Friday)
}

func ExampleCalendar_WorkdaysBetween() {
	cal := retention.RussianCalendar()
	// How many working days are left between today and a deadline: a
	// dashboard's "due within n working days".
	left, err := cal.WorkdaysBetween(date.MustParseISO("2026-12-25"), date.MustParseISO("2027-01-15"))
	fmt.Println(left, err)
	// Output: 8 <nil>
}

func ExampleCalendar_WithYear() {
	// Next year's decree is out before pdnkit's next release: load it.
	next, err := retention.ParseYearXML([]byte(`<calendar year="2028"><days>
		<day d="01.03" t="1"/><day d="01.04" t="1"/><day d="01.05" t="1"/><day d="01.06" t="1"/>
		<day d="01.07" t="1"/><day d="02.23" t="1"/><day d="03.08" t="1"/><day d="05.01" t="1"/>
		<day d="05.09" t="1"/><day d="06.12" t="1"/>
	</days></calendar>`)) // the art. 112 holidays on weekdays, not the real 2028 decree (no transfers)
	if err != nil {
		fmt.Println(err)
		return
	}
	cal, err := retention.RussianCalendar().WithYear(next)
	if err != nil {
		fmt.Println(err)
		return
	}
	by, err := cal.AddWorkdays(date.MustParseISO("2027-12-29"), 3)
	fmt.Println(cal.LastYear(), by, err)
	fmt.Println(retention.RussianCalendar().LastYear(), "(the shared calendar is unchanged)")
	// Output:
	// 2028 2028-01-11 <nil>
	// 2027 (the shared calendar is unchanged)
}

func ExampleSchedule_Term() {
	s := retention.Default()
	records := []retention.Record{
		{ID: "order-17", Kind: retention.HRPersonnel, Closed: date.MustParseISO("2002-12-31")},
		{ID: "order-18", Kind: retention.HRPersonnel, Closed: date.MustParseISO("2003-01-01")},
		{ID: "visit-1", Kind: retention.SiteData, Closed: date.MustParseISO("2024-02-29")},
		{ID: "lead-9", Kind: retention.PurposeBound, PurposeAchieved: date.MustParseISO("2026-11-26")},
	}
	for _, r := range records {
		t, err := s.Term(r)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: keep until %s, destroy %s…%s (%s)\n", r.ID, t.End, t.DestroyFrom, t.DestroyBy, t.Basis)
	}
	_, err := s.Term(retention.Record{ID: "x", Kind: retention.ResidentFile})
	fmt.Println(err)
	// Output:
	// order-17: keep until 2077-12-31, destroy 2078-01-01…2078-01-31 (125-ФЗ ст. 22.1 ч. 1; Перечень (Приказ Росархива № 236) ст. 434; Положение п. 3.6.1, 9.3)
	// order-18: keep until 2053-12-31, destroy 2054-01-01…2054-01-31 (125-ФЗ ст. 22.1 ч. 2; Перечень (Приказ Росархива № 236) ст. 434; Положение п. 3.6.1, 9.3)
	// visit-1: keep until 2025-02-28, destroy 2025-03-01…2025-03-31 (152-ФЗ ст. 5 ч. 7; Положение п. 3.6.4, 9.3)
	// lead-9: keep until 2026-11-25, destroy 2026-11-26…2026-12-01 (152-ФЗ ст. 5 ч. 7; 152-ФЗ ст. 21 ч. 4; Положение п. 6.1.10)
	// pdnkit: invalid input: Closed: the date the file was closed is required (402-ФЗ ст. 29 ч. 1; Положение п. 3.6.2)
}

func ExampleSchedule_With() {
	// A host whose policy keeps resident files 10 years (its clause 4.2).
	s, err := retention.Default().With(retention.ResidentFile, 10, "4.2")
	if err != nil {
		fmt.Println(err)
		return
	}
	t, _ := s.Term(retention.Record{Kind: retention.ResidentFile, Closed: date.MustParseISO("2020-08-31")})
	fmt.Println(t.End, t.Basis)

	// Shorter than the law allows: refused.
	_, err = retention.Default().With(retention.ResidentFile, 3, "")
	fmt.Println(err)
	// Output:
	// 2030-12-31 402-ФЗ ст. 29 ч. 1; Положение п. 4.2, 9.3
	// pdnkit: invalid input: years: a term of 3 years for resident_file is shorter than the statutory minimum of 5 years (402-ФЗ ст. 29 ч. 1; Положение п. 3.6.2)
}

func ExampleSchedule_Due() {
	s := retention.Default()
	// The host streams its records; here a slice stands in for its store.
	archive := []retention.Record{
		{ID: "disc-3", Kind: retention.HRDisciplinary, Closed: date.MustParseISO("2022-05-20")},
		{ID: "site-8", Kind: retention.SiteData, Closed: date.MustParseISO("2025-11-10")},
		{ID: "res-1", Kind: retention.ResidentFile, Closed: date.MustParseISO("2021-03-01")},
		{ID: "lead-2", Kind: retention.PurposeBound, PurposeAchieved: date.MustParseISO("2026-11-20")},
	}
	records := func(yield func(retention.Record, error) bool) {
		for _, r := range archive {
			if !yield(r, nil) {
				return
			}
		}
	}
	asOf := date.MustParseISO("2026-11-26")
	for d, err := range s.Due(context.Background(), records, asOf) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%s %s: from %s, by %s, overdue %v\n", d.Record.ID, d.Record.Kind, d.Term.DestroyFrom, d.Term.DestroyBy, d.Overdue)
	}
	// Output:
	// disc-3 hr_disciplinary: from 2026-01-01, by 2026-01-31, overdue true
	// site-8 site_data: from 2026-11-11, by 2026-12-11, overdue false
	// lead-2 purpose_bound: from 2026-11-20, by 2026-11-25, overdue true
}
