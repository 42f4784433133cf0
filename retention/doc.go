// Package retention answers the two questions of time that every destruction
// and every reply to a request depends on: how long must this record be kept
// (policy 3.6.1–3.6.4, 9.1, 9.3), and by which working day must the operator
// act (policy 6.1.9, 6.1.10; 152-FZ art. 14, 20, 21). A wrong day here is a
// violation the operator is fined for, so every answer is computed from data
// and carries its legal basis.
//
// The package has three parts: the production calendar (Calendar), the
// retention schedule (Schedule, Term) and the sweep (Schedule.Due) that
// streams the records due for destruction.
//
// # The production calendar
//
// Russia's working days are not just Monday to Friday. Labour Code art. 112
// fixes the holidays (1–8 January, 23 February, 8 March, 1 and 9 May,
// 12 June, 4 November), moves a holiday that falls on a weekend to the next
// working day (part 2, except 1–8 January), and every year a Government
// decree moves more days off, sometimes making a Saturday a working day
// (part 5). None of this can be computed: it is published.
//
// RussianCalendar returns that data for 2013–2027, embedded in the library
// (data/ru-calendar.json, compiled in with go:embed). It was assembled from
// independent transcriptions of the decrees and checked against the published
// working-time norms (247 or 248 working days a year).
//
//	cal := retention.RussianCalendar()
//	ok, err := cal.IsWorkday(d)            // is d a working day?
//	by, err := cal.AddWorkdays(d, 3)       // 3rd working day after d
//	n, err := cal.WorkdaysBetween(a, b)    // working days in (a, b]
//
// A date outside the covered years is an error wrapping ErrOutOfRange whose
// text names the years covered. The library never falls back to "Monday to
// Friday": a deadline guessed across an unknown New Year is exactly the
// mistake the calendar exists to prevent.
//
// Two choices are documented on the methods and can be changed:
//
//   - 2027 is provisional (Provisional(2027)): it was transcribed before the
//     decree was confirmed. Replace it with WithYear once the signed decree
//     is out.
//   - The 2020–2021 «нерабочие дни» declared by Presidential decree count as
//     working days, as in the official working-time norms.
//     WithPresidentialDaysOff(true) counts them as days off.
//
// # Keeping the calendar current
//
// The decree for year N+1 usually appears between August and October of
// year N. Each autumn, compare LastYear with next year: if the new decree is
// out and pdnkit has not been upgraded, load the year yourself. Year is the
// data of one year; ParseYearJSON reads the documented JSON form (see Year),
// ParseYearXML the calendar.xml form of public production-calendar data
// (<day d="01.09" t="1" f="01.03"/>: t=1 a day off, t=2 a shortened working
// day, t=3 a weekend made a working day), and ParseCalendarJSON a whole file
// in the embedded form. Then:
//
//	next, err := retention.ParseYearXML(data)
//	cal, err = cal.WithYear(next)
//
// Regional holidays (days off a republic declares by its own law) are
// an overlay: cal.WithRegionalHolidays("Республика Татарстан", days...).
//
// A Calendar is immutable. WithYear, WithRegionalHolidays and
// WithPresidentialDaysOff return a new Calendar and leave the old one
// untouched, so the shared RussianCalendar is safe to use from any number of
// goroutines and a host swaps a corrected calendar in with an atomic pointer.
// There is no package-level mutable state.
//
// Inside, every covered day is one bit (set on working days), with a running
// count of working days per day and the list of working days in order.
// IsWorkday is a bit test; WorkdaysBetween subtracts two running counts;
// AddWorkdays reads the running count on the day after the event and takes
// the working day n-1 places further down the list. None of them loops over
// days or allocates, whatever n is; the tables cost about 7 bytes per covered
// day (38 KB for 2013–2027).
//
// # Working-day deadlines
//
// A term of n working days "from" an event starts on the next day (Civil Code
// art. 191), so AddWorkdays(event, n) is the n-th working day strictly after
// the event, whatever kind of day the event fell on. n must be at least 1.
// WorkdayOnOrAfter moves a calendar-day deadline that falls on a day off to
// the next working day (Civil Code art. 193). Shortened pre-holiday days
// (IsShortened) are full working days for deadlines.
//
// # Record kinds and their terms
//
// A Record is what the host keeps, as the rules see it: its Kind, the date
// its file was Closed (or the data collected, or the destruction done), and
// for some kinds Hazardous or PurposeAchieved. Schedule.Term returns its Term:
//
//	kind               term                                   counted from
//	HRPersonnel        50 years; 75 if closed before 2003     1 January after closing
//	HRLeave            5 years; 50/75 for hazardous work      1 January after closing
//	HRTrip             5 years; 50/75 for hazardous work      1 January after closing
//	HRInspection       5 years; 50/75 for hazardous work      1 January after closing
//	HRDisciplinary     3 years                                1 January after closing
//	ResidentFile       5 years                                1 January after closing
//	ContractorFile     5 years                                1 January after closing
//	SiteData           1 year                                 the day of collection
//	PurposeBound       none: destroy within 3 working days    the day the purpose was reached
//	DestructionRecord  3 years                                the day of destruction
//
// The sources: 125-FZ art. 22.1 (50/75 years for personnel documents,
// decided by the year the file was closed, not by when a document was
// written); Rosarchive's list of 20.12.2019 № 236, art. 434 (the HR orders);
// 402-FZ art. 29 (at least 5 years); policy 3.6.4 (site data; 152-FZ art. 5
// part 7 sets no number); policy 6.1.10 (3 working days); RKN order № 179
// п. 8 (acts and log extracts, 3 years). Each Term's Basis cites them with the
// policy clauses, for example "402-ФЗ ст. 29 ч. 1; Положение п. 3.6.2, 9.3".
//
// The arithmetic:
//
//   - Counted from 1 January: a file closed in year Y with an N-year term
//     has Start = 1 January Y+1 and End = 31 December Y+N.
//   - Counted from a day D: End is the same day and month N years later, or
//     the last day of that month if it has no such day (Civil Code art. 192):
//     site data collected on 29 February 2024 is kept until 28 February
//     2025. AddYears and AddMonths do this; time.Time.AddDate and
//     period.Period.AddTo would give 1 March and must not be used for terms.
//   - DestroyFrom = End + 1: destruction is never allowed earlier (policy
//     9.1), and a purpose reached early never shortens a statutory term.
//   - DestroyBy = DestroyFrom + 30 calendar days: the commission destroys
//     within thirty days (policy 9.3).
//   - PurposeBound: DestroyFrom is the day the purpose was reached and
//     DestroyBy the 3rd working day after it (policy 6.1.10), from the
//     schedule's calendar.
//
// Missing or impossible input (a zero Closed, an unknown Kind, a PurposeBound
// record without PurposeAchieved, Hazardous on a record that is not an HR
// order) is a *pdata.ValidationError naming each field, in English and in
// Russian; it matches ErrInvalid.
//
// HR terms of 50/75 years carry the archive mark «ЭПК»: when they end, the
// files go through the expert commission's review before destruction (some
// may be kept for good). The sweep lists them when they are due; it does not
// decide that review, which belongs to the commission's selection with
// grounds (policy 9.4).
//
// # Host schedules
//
// Default reproduces the operator's policy. A host whose own policy keeps a
// kind longer says so, with the clause of its policy:
//
//	s, err := retention.Default().With(retention.ResidentFile, 10, "4.2")
//
// A term shorter than the statutory minimum is refused with an error citing
// the law (for SiteData, which no statute fixes, the 1 year of policy 3.6.4
// is the floor), and where the law demands more for a particular record (75 years
// for a file closed before 2003) the law wins. NewSchedule and WithCalendar
// give a schedule another calendar (with regional holidays, say). Schedules
// are immutable like calendars.
//
// # The sweep
//
// Schedule.Due takes the host's records as an iter.Seq2[Record, error] and
// streams those due for destruction on a given date (DestroyFrom on or
// before it), each with its Term and whether DestroyBy has passed. It holds a
// constant amount of memory whatever the number of records, passes the
// source's errors through, reports records it cannot judge as errors naming
// their ID, and stops when the context is cancelled. The date is a parameter:
// the library never reads the clock (turn a moment into the operator's date
// with pdata.Operator.DateOf).
//
// # Storage
//
// The package has no store of its own; the host's store feeds the sweep. For
// a few hundred thousand records, stream them all and let Due judge each.
// For hundreds of millions, push the question down to the database: store
// Term.DestroyFrom beside each record when it is written (or when its file
// is closed, or its purpose reached) and index it. A recommended table:
//
//	CREATE TABLE retention_record (
//	    id                text PRIMARY KEY,
//	    subject_id        text NOT NULL,
//	    kind              text NOT NULL,      -- Kind.String(): 'resident_file', …
//	    closed            date,               -- Record.Closed
//	    hazardous         boolean NOT NULL DEFAULT false,
//	    purpose_achieved  date,               -- Record.PurposeAchieved
//	    destroy_from      date,               -- Term.DestroyFrom; NULL until known
//	    destroy_by        date,               -- Term.DestroyBy, for dashboards
//	    destroyed_on      date                -- set when the destruction act is approved
//	);
//	CREATE INDEX retention_record_due
//	    ON retention_record (destroy_from)
//	    WHERE destroyed_on IS NULL;
//
// and feed Due with
//
//	SELECT id, subject_id, kind, closed, hazardous, purpose_achieved
//	  FROM retention_record
//	 WHERE destroyed_on IS NULL AND destroy_from <= $1   -- $1 = asOf
//	 ORDER BY destroy_from;
//
// Due recomputes every term from the rules, so the stored column is only an
// index: a stale destroy_from that is too early costs a wasted row, never an
// early destruction. Because a host can only lengthen terms, stored values
// after a schedule change err on the early side; recompute the column in
// the background when the schedule or the calendar changes, so that no
// record is found late. Read rows with a streaming cursor (database/sql
// Rows) and yield them one by one: never collect them into a slice.
//
// The reference CRM keeps this table as records
// (examples/crm/pgstore/migrations/0001_schema.sql), with the partial index
// records_due (destroy_from, id) WHERE destroyed_on IS NULL AND selected_in
// IS NULL. It computes Term.DestroyFrom when a record is registered, streams
// candidates page by page into Schedule.Due, and sets destroyed_on in the
// same transaction that saves the approved destruction act.
package retention
