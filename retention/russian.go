package retention

import (
	_ "embed"
	"sync"
)

// ruCalendarJSON is the federal production calendar shipped with the library:
// a consensus of independent transcriptions of the Government's transfer
// decrees and Labour Code art. 112 for 2013–2027 (sources and checks in
// the project's reference notes). It is compiled into the binary.
//
//go:embed data/ru-calendar.json
var ruCalendarJSON []byte

var russian = sync.OnceValue(func() *Calendar {
	c, err := ParseCalendarJSON(ruCalendarJSON)
	if err != nil {
		// The embedded file is part of the source and is checked by the
		// package tests; reaching this means the build itself is broken.
		panic("retention: embedded production calendar is invalid: " + err.Error())
	}
	return c
})

// RussianCalendar returns the federal Russian production calendar embedded in
// the library: every year of its data file (2013–2027 in this release), with
// the weekends, the holidays of Labour Code art. 112, their automatic moves
// (part 2) and each year's Government transfer decree, as published.
//
//   - 2027 is provisional (Provisional(2027) is true): it was transcribed
//     before the decree was confirmed. A host replaces it with WithYear once
//     the signed decree is out.
//   - The 2020–2021 Presidential non-working days count as working days, as
//     in the official working-time norms; WithPresidentialDaysOff(true)
//     counts them as days off.
//   - Regional holidays are not included; add them with
//     WithRegionalHolidays.
//
// The calendar is parsed once and shared: it is immutable, so every caller
// may use it concurrently, and the With… methods return new calendars
// without touching it. Check LastYear yearly (see its doc): the data for the
// next year arrives with a new release or through WithYear.
func RussianCalendar() *Calendar { return russian() }
