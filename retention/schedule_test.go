package retention

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One test per row of the kinds table (issue 3; policy 3.6.1–3.6.4, 6.1.10,
// 9.1, 9.3). Terms counted from 1 January: a file closed in year Y with an
// N-year term has Start Y+1-01-01 and End (Y+N)-12-31. DestroyFrom = End + 1
// (9.1) and DestroyBy = DestroyFrom + 30 calendar days (9.3).
func TestTermEveryKind(t *testing.T) {
	s := Default()
	tests := []struct {
		name                               string
		rec                                Record
		start, end, destroyFrom, destroyBy string
		years                              int
		law, policy                        string
	}{
		// 125-FZ art. 22.1 ч. 1; policy 3.6.1: closed 2002-12-31, so before
		// 1 Jan 2003: 75 years. Start 2003-01-01, End 2002+75 = 2077-12-31,
		// DestroyFrom 2078-01-01, DestroyBy 2078-01-01 + 30 = 2078-01-31.
		{"personnel closed 2002-12-31: 75 years",
			Record{ID: "p1", Kind: HRPersonnel, Closed: iso("2002-12-31")},
			"2003-01-01", "2077-12-31", "2078-01-01", "2078-01-31", 75,
			"125-ФЗ ст. 22.1 ч. 1; Перечень (Приказ Росархива № 236) ст. 434", "3.6.1, 9.3"},
		// 125-FZ art. 22.1 ч. 2: closed 2003-01-01: 50 years. Start
		// 2004-01-01, End 2003+50 = 2053-12-31, DestroyFrom 2054-01-01,
		// DestroyBy 2054-01-31.
		{"personnel closed 2003-01-01: 50 years",
			Record{ID: "p2", Kind: HRPersonnel, Closed: iso("2003-01-01")},
			"2004-01-01", "2053-12-31", "2054-01-01", "2054-01-31", 50,
			"125-ФЗ ст. 22.1 ч. 2; Перечень (Приказ Росархива № 236) ст. 434", "3.6.1, 9.3"},
		// List 236 art. 434; policy 3.6.1: annual leave order, 5 years.
		// Closed 2019-06-15: Start 2020-01-01, End 2024-12-31, DestroyFrom
		// 2025-01-01, DestroyBy 2025-01-31.
		{"leave order: 5 years",
			Record{ID: "l1", Kind: HRLeave, Closed: iso("2019-06-15")},
			"2020-01-01", "2024-12-31", "2025-01-01", "2025-01-31", 5,
			"Перечень (Приказ Росархива № 236) ст. 434", "3.6.1, 9.3"},
		// Policy 3.6.1: leave of staff in harmful or hazardous work, 50/75
		// years. Closed 2019-06-15 (after 2003): 50 years, End 2069-12-31.
		{"leave order, hazardous work: 50 years",
			Record{ID: "l2", Kind: HRLeave, Closed: iso("2019-06-15"), Hazardous: true},
			"2020-01-01", "2069-12-31", "2070-01-01", "2070-01-31", 50,
			"125-ФЗ ст. 22.1 ч. 2; Перечень (Приказ Росархива № 236) ст. 434", "3.6.1, 9.3"},
		// Same, closed 2001-03-10 (before 2003): 75 years, End 2076-12-31.
		{"leave order, hazardous work, closed 2001: 75 years",
			Record{ID: "l3", Kind: HRLeave, Closed: iso("2001-03-10"), Hazardous: true},
			"2002-01-01", "2076-12-31", "2077-01-01", "2077-01-31", 75,
			"125-ФЗ ст. 22.1 ч. 1; Перечень (Приказ Росархива № 236) ст. 434", "3.6.1, 9.3"},
		// Business trip order, 5 years: closed 2020-12-31, Start 2021-01-01,
		// End 2025-12-31, DestroyFrom 2026-01-01, DestroyBy 2026-01-31.
		{"business trip: 5 years",
			Record{ID: "t1", Kind: HRTrip, Closed: iso("2020-12-31")},
			"2021-01-01", "2025-12-31", "2026-01-01", "2026-01-31", 5,
			"Перечень (Приказ Росархива № 236) ст. 434", "3.6.1, 9.3"},
		// Business trip, hazardous work, closed 2020-12-31: 50 years, End
		// 2070-12-31.
		{"business trip, hazardous work: 50 years",
			Record{ID: "t2", Kind: HRTrip, Closed: iso("2020-12-31"), Hazardous: true},
			"2021-01-01", "2070-12-31", "2071-01-01", "2071-01-31", 50,
			"125-ФЗ ст. 22.1 ч. 2; Перечень (Приказ Росархива № 236) ст. 434", "3.6.1, 9.3"},
		// Internal inspection, 5 years: closed 2021-02-01, End 2026-12-31,
		// DestroyFrom 2027-01-01, DestroyBy 2027-01-31.
		{"internal inspection: 5 years",
			Record{ID: "i1", Kind: HRInspection, Closed: iso("2021-02-01")},
			"2022-01-01", "2026-12-31", "2027-01-01", "2027-01-31", 5,
			"Перечень (Приказ Росархива № 236) ст. 434", "3.6.1, 9.3"},
		// Internal inspection, hazardous work, closed 1999-07-01: 75 years,
		// End 1999+75 = 2074-12-31.
		{"internal inspection, hazardous work, closed 1999: 75 years",
			Record{ID: "i2", Kind: HRInspection, Closed: iso("1999-07-01"), Hazardous: true},
			"2000-01-01", "2074-12-31", "2075-01-01", "2075-01-31", 75,
			"125-ФЗ ст. 22.1 ч. 1; Перечень (Приказ Росархива № 236) ст. 434", "3.6.1, 9.3"},
		// List 236 art. 434: disciplinary penalties, 3 years. Closed
		// 2022-05-20: Start 2023-01-01, End 2025-12-31, DestroyFrom
		// 2026-01-01, DestroyBy 2026-01-31. Hazardous changes nothing.
		{"disciplinary: 3 years",
			Record{ID: "d1", Kind: HRDisciplinary, Closed: iso("2022-05-20"), Hazardous: true},
			"2023-01-01", "2025-12-31", "2026-01-01", "2026-01-31", 3,
			"Перечень (Приказ Росархива № 236) ст. 434", "3.6.1, 9.3"},
		// 402-FZ art. 29 ч. 1; policy 3.6.2: residents, at least 5 years.
		// Closed 2020-08-31: Start 2021-01-01, End 2025-12-31.
		{"resident file: 5 years",
			Record{ID: "r1", Kind: ResidentFile, Closed: iso("2020-08-31")},
			"2021-01-01", "2025-12-31", "2026-01-01", "2026-01-31", 5,
			"402-ФЗ ст. 29 ч. 1", "3.6.2, 9.3"},
		// Policy 9.1: a purpose reached early never shortens the term. The
		// same file with PurposeAchieved 2021-03-01 still ends 2025-12-31.
		{"resident file, purpose reached early: still 5 years",
			Record{ID: "r2", Kind: ResidentFile, Closed: iso("2020-08-31"), PurposeAchieved: iso("2021-03-01")},
			"2021-01-01", "2025-12-31", "2026-01-01", "2026-01-31", 5,
			"402-ФЗ ст. 29 ч. 1", "3.6.2, 9.3"},
		// 402-FZ art. 29; policy 3.6.3: contractors, 5 years. Closed
		// 2021-11-30: Start 2022-01-01, End 2026-12-31, DestroyFrom
		// 2027-01-01, DestroyBy 2027-01-31.
		{"contractor file: 5 years",
			Record{ID: "c1", Kind: ContractorFile, Closed: iso("2021-11-30")},
			"2022-01-01", "2026-12-31", "2027-01-01", "2027-01-31", 5,
			"402-ФЗ ст. 29 ч. 1", "3.6.3, 9.3"},
		// Policy 3.6.4; Civil Code art. 192: site data collected 2024-02-29,
		// one year: 2025 has no 29 February, so End is 2025-02-28,
		// DestroyFrom 2025-03-01, DestroyBy 2025-03-01 + 30 = 2025-03-31.
		{"site data collected 2024-02-29",
			Record{ID: "s1", Kind: SiteData, Closed: iso("2024-02-29")},
			"2024-02-29", "2025-02-28", "2025-03-01", "2025-03-31", 1,
			"152-ФЗ ст. 5 ч. 7", "3.6.4, 9.3"},
		// Collected 2025-11-26: End 2026-11-26, DestroyFrom 2026-11-27,
		// DestroyBy 2026-11-27 + 30 = 2026-12-27.
		{"site data collected 2025-11-26",
			Record{ID: "s2", Kind: SiteData, Closed: iso("2025-11-26")},
			"2025-11-26", "2026-11-26", "2026-11-27", "2026-12-27", 1,
			"152-ФЗ ст. 5 ч. 7", "3.6.4, 9.3"},
		// RKN order 179 п. 8: act and log extract, 3 years from destruction;
		// policy 9.14: kept in the operator's documentation.
		// Destroyed 2023-03-15: End 2026-03-15, DestroyFrom 2026-03-16,
		// DestroyBy 2026-04-15.
		{"destruction act",
			Record{ID: "a1", Kind: DestructionRecord, Closed: iso("2023-03-15")},
			"2023-03-15", "2026-03-15", "2026-03-16", "2026-04-15", 3,
			"Приказ РКН № 179 п. 8", "9.14, 9.3"},
		// Destroyed 2024-02-29: three years on, 2027-02-28 (art. 192).
		{"destruction act of 29 February",
			Record{ID: "a2", Kind: DestructionRecord, Closed: iso("2024-02-29")},
			"2024-02-29", "2027-02-28", "2027-03-01", "2027-03-31", 3,
			"Приказ РКН № 179 п. 8", "9.14, 9.3"},
		// Policy 6.1.10: purpose reached Tue 30 Dec 2025; destroy within 3
		// working days: 31 Dec off, 1–11 Jan off, Mon 12 (1), 13 (2), Wed
		// 14 Jan 2026 (3). Closed is not needed.
		{"purpose reached before the New Year holidays",
			Record{ID: "g1", Kind: PurposeBound, PurposeAchieved: iso("2025-12-30")},
			"2025-12-30", "2025-12-29", "2025-12-30", "2026-01-14", 0,
			"152-ФЗ ст. 5 ч. 7; 152-ФЗ ст. 21 ч. 4", "6.1.10"},
		// Purpose reached Thu 26 Nov 2026: Fri 27 (1), Mon 30 (2), Tue
		// 1 Dec (3).
		{"purpose reached on a Thursday",
			Record{ID: "g2", Kind: PurposeBound, PurposeAchieved: iso("2026-11-26"), Closed: iso("2020-01-01")},
			"2026-11-26", "2026-11-25", "2026-11-26", "2026-12-01", 0,
			"152-ФЗ ст. 5 ч. 7; 152-ФЗ ст. 21 ч. 4", "6.1.10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			term, err := s.Term(tt.rec)
			require.NoError(t, err)
			assert.Equal(t, iso(tt.start), term.Start, "Start")
			assert.Equal(t, iso(tt.end), term.End, "End")
			assert.Equal(t, iso(tt.destroyFrom), term.DestroyFrom, "DestroyFrom")
			assert.Equal(t, iso(tt.destroyBy), term.DestroyBy, "DestroyBy")
			assert.Equal(t, tt.years, term.Period.Years(), "Period")
			assert.Equal(t, pdata.Cite(tt.law, tt.policy), term.Basis)
			if tt.rec.Kind != PurposeBound {
				assert.Equal(t, term.End+1, term.DestroyFrom, "9.1: DestroyFrom = End + 1")
				assert.Equal(t, term.DestroyFrom+30, term.DestroyBy, "9.3: thirty days")
			}
		})
	}
}

func TestTermErrorsNameTheField(t *testing.T) {
	s := Default()
	tests := []struct {
		name   string
		rec    Record
		fields map[string]string // field → rule
	}{
		{"zero Closed", Record{ID: "x", Kind: ResidentFile}, map[string]string{"Closed": "required"}},
		{"zero Closed, site data", Record{ID: "x", Kind: SiteData}, map[string]string{"Closed": "required"}},
		{"Closed in year 1800", Record{ID: "x", Kind: HRPersonnel, Closed: iso("1800-01-01")}, map[string]string{"Closed": "range"}},
		{"Closed far in the future", Record{ID: "x", Kind: DestructionRecord, Closed: iso("9900-01-01")}, map[string]string{"Closed": "range"}},
		{"kind not set", Record{ID: "x", Closed: iso("2020-01-01")}, map[string]string{"Kind": "kind"}},
		{"unknown kind", Record{ID: "x", Kind: Kind(99), Closed: iso("2020-01-01")}, map[string]string{"Kind": "kind"}},
		{"purpose not reached", Record{ID: "x", Kind: PurposeBound, Closed: iso("2020-01-01")}, map[string]string{"PurposeAchieved": "required"}},
		{"hazardous resident", Record{ID: "x", Kind: ResidentFile, Closed: iso("2020-01-01"), Hazardous: true}, map[string]string{"Hazardous": "not_applicable"}},
		{"hazardous site data, no date", Record{ID: "x", Kind: SiteData, Hazardous: true}, map[string]string{"Hazardous": "not_applicable", "Closed": "required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Term(tt.rec)
			require.ErrorIs(t, err, ErrInvalid)
			var ve *pdata.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Len(t, ve.Errors, len(tt.fields), "%v", err)
			for field, rule := range tt.fields {
				fe, ok := ve.Field(field)
				require.True(t, ok, "no error on %s: %v", field, err)
				assert.Equal(t, rule, fe.Rule)
				assert.NotEmpty(t, fe.MessageRU)
			}
			assert.NotEmpty(t, ve.Russian())
		})
	}

	_, err := s.Term(Record{ID: "x", Kind: PurposeBound, PurposeAchieved: iso("2030-05-05")})
	require.ErrorIs(t, err, ErrOutOfRange, "no calendar for 2030: never a guess")
	assert.Contains(t, err.Error(), `"x"`)

	_, err = (&Schedule{}).Term(Record{Kind: ResidentFile, Closed: iso("2020-01-01")})
	assert.ErrorIs(t, err, ErrInvalid, "a zero Schedule is refused, not silently 0 years")
}

func TestScheduleWith(t *testing.T) {
	def := Default()
	// A host keeping resident files 10 years under its own clause 4.2.
	// Closed 2020-08-31: Start 2021-01-01, End 2030-12-31.
	s, err := def.With(ResidentFile, 10, "4.2")
	require.NoError(t, err)
	term, err := s.Term(Record{Kind: ResidentFile, Closed: iso("2020-08-31")})
	require.NoError(t, err)
	assert.Equal(t, iso("2030-12-31"), term.End)
	assert.Equal(t, 10, term.Period.Years())
	assert.Equal(t, pdata.Cite("402-ФЗ ст. 29 ч. 1", "4.2, 9.3"), term.Basis)
	assert.Equal(t, "10 лет с 1 января года, следующего за годом окончания дела", s.Describe(ResidentFile))
	orig, err := def.Term(Record{Kind: ResidentFile, Closed: iso("2020-08-31")})
	require.NoError(t, err)
	assert.Equal(t, iso("2025-12-31"), orig.End, "Default is unchanged")

	// HR files at 60 years: the statute's 75 still wins for files closed
	// before 2003 (125-FZ art. 22.1 ч. 1).
	s, err = def.With(HRPersonnel, 60, "")
	require.NoError(t, err)
	term, err = s.Term(Record{Kind: HRPersonnel, Closed: iso("2010-05-05")})
	require.NoError(t, err)
	assert.Equal(t, iso("2070-12-31"), term.End)
	term, err = s.Term(Record{Kind: HRPersonnel, Closed: iso("2002-05-05")})
	require.NoError(t, err)
	assert.Equal(t, iso("2077-12-31"), term.End)
	assert.Equal(t, 75, term.Period.Years())

	// Leave orders at 10 years; hazardous work keeps its 50/75.
	s, err = def.With(HRLeave, 10, "")
	require.NoError(t, err)
	term, err = s.Term(Record{Kind: HRLeave, Closed: iso("2020-05-05")})
	require.NoError(t, err)
	assert.Equal(t, iso("2030-12-31"), term.End)
	term, err = s.Term(Record{Kind: HRLeave, Closed: iso("2020-05-05"), Hazardous: true})
	require.NoError(t, err)
	assert.Equal(t, iso("2070-12-31"), term.End)

	// Site data two years: collected 2024-02-29, End 2026-02-28.
	s, err = def.With(SiteData, 2, "")
	require.NoError(t, err)
	term, err = s.Term(Record{Kind: SiteData, Closed: iso("2024-02-29")})
	require.NoError(t, err)
	assert.Equal(t, iso("2026-02-28"), term.End)

	refused := []struct {
		kind  Kind
		years int
		field string
		rule  string
		law   string
	}{
		{ResidentFile, 3, "years", "statutory_minimum", "402-ФЗ ст. 29 ч. 1"},
		{ContractorFile, 4, "years", "statutory_minimum", "402-ФЗ ст. 29 ч. 1"},
		{HRPersonnel, 49, "years", "statutory_minimum", "125-ФЗ ст. 22.1 ч. 2"},
		{HRLeave, 4, "years", "statutory_minimum", "Перечень (Приказ Росархива № 236) ст. 434"},
		{HRDisciplinary, 2, "years", "statutory_minimum", "Перечень (Приказ Росархива № 236) ст. 434"},
		{DestructionRecord, 2, "years", "statutory_minimum", "Приказ РКН № 179 п. 8"},
		{SiteData, 0, "years", "statutory_minimum", "152-ФЗ ст. 5 ч. 7"},
		{ResidentFile, 151, "years", "max", ""},
		{PurposeBound, 1, "kind", "no_term", "152-ФЗ ст. 5 ч. 7; 152-ФЗ ст. 21 ч. 4"},
		{Kind(0), 5, "kind", "kind", ""},
		{Kind(200), 5, "kind", "kind", ""},
	}
	for _, tt := range refused {
		t.Run("refuse "+tt.kind.String()+" "+itoa(tt.years), func(t *testing.T) {
			got, err := def.With(tt.kind, tt.years, "")
			assert.Same(t, def, got)
			require.ErrorIs(t, err, ErrInvalid)
			var ve *pdata.ValidationError
			require.ErrorAs(t, err, &ve)
			fe, ok := ve.Field(tt.field)
			require.True(t, ok, "%v", err)
			assert.Equal(t, tt.rule, fe.Rule)
			assert.Equal(t, tt.law, fe.Basis.Law)
			if tt.law != "" {
				assert.Contains(t, err.Error(), tt.law, "the error cites the law")
			}
			assert.NotEmpty(t, fe.MessageRU)
		})
	}

	// Policy 3.6.4 sets the site data's 1 year; 152-FZ art. 5 part 7 only says
	// data are kept no longer than the purpose needs. The refusal of a shorter
	// term says the operator's policy sets it, citing both; the statutory
	// minimums keep saying the law sets them.
	t.Run("site data minimum is the operator's policy", func(t *testing.T) {
		_, err := def.With(SiteData, 0, "")
		var ve *pdata.ValidationError
		require.ErrorAs(t, err, &ve)
		fe, ok := ve.Field("years")
		require.True(t, ok, "%v", err)
		assert.Equal(t, "statutory_minimum", fe.Rule)
		assert.Equal(t, pdata.Cite("152-ФЗ ст. 5 ч. 7", "3.6.4"), fe.Basis)
		assert.Equal(t, "a term of 0 years for site_data is shorter than the 1 year set by the operator's policy (3.6.4)", fe.Message)
		assert.Equal(t, "срок 0 лет для вида «данные пользователей сайта» короче срока в 1 год, установленного Положением оператора (п. 3.6.4)", fe.MessageRU)
		assert.NotContains(t, fe.Message, "statutory")
		assert.NotContains(t, fe.MessageRU, "законом")
		assert.Contains(t, err.Error(), "152-ФЗ ст. 5 ч. 7")
		assert.Contains(t, err.Error(), "3.6.4")

		_, err = def.With(ResidentFile, 3, "")
		require.ErrorAs(t, err, &ve)
		fe, ok = ve.Field("years")
		require.True(t, ok, "%v", err)
		assert.Equal(t, "a term of 3 years for resident_file is shorter than the statutory minimum of 5 years", fe.Message)
		assert.Contains(t, fe.MessageRU, "короче установленного законом минимума 5 лет")
	})
}

// Property: whatever the schedule (default, or lengthened by the host) and
// the record, a term never ends before the statutory minimum, computed here
// independently with time.Date; it starts where the table says, and
// DestroyFrom/DestroyBy follow 9.1 and 9.3.
func TestTermNeverBeforeStatutoryMinimum(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 63))
	minYears := func(k Kind, closedYear int, hazardous bool) int {
		switch k {
		case HRPersonnel:
			if closedYear <= 2002 {
				return 75
			}
			return 50
		case HRLeave, HRTrip, HRInspection:
			if hazardous {
				if closedYear <= 2002 {
					return 75
				}
				return 50
			}
			return 5
		case HRDisciplinary, DestructionRecord:
			return 3
		case ResidentFile, ContractorFile:
			return 5
		case SiteData:
			return 1
		}
		return 0
	}
	schedules := []*Schedule{Default()}
	for range 20 {
		s := Default()
		for _, k := range Kinds() {
			if k == PurposeBound || rng.IntN(2) == 0 {
				continue
			}
			var err error
			s, err = s.With(k, statutes[k].min+rng.IntN(40), "")
			require.NoError(t, err)
		}
		schedules = append(schedules, s)
	}
	for _, s := range schedules {
		for range 3000 {
			k := Kinds()[rng.IntN(len(Kinds()))]
			if k == PurposeBound {
				continue
			}
			closed := date.New(1960+rng.IntN(70), time.January, 1) + date.Date(rng.IntN(366))
			hazardous := k <= HRInspection && k >= HRLeave && rng.IntN(3) == 0
			term, err := s.Term(Record{Kind: k, Closed: closed, Hazardous: hazardous})
			require.NoError(t, err)

			cy, cm, cd := closed.Date()
			n := minYears(k, cy, hazardous)
			var minEnd date.Date
			if statutes[k].start == startNextYear {
				minEnd = date.New(cy+n, time.December, 31)
				require.Equal(t, date.New(cy+1, time.January, 1), term.Start)
				_, em, ed := term.End.Date()
				require.True(t, em == time.December && ed == 31, "ends on 31 December: %s", term.End)
			} else {
				// Same day and month n years on, or the month's last day.
				last := time.Date(cy+n, cm+1, 0, 0, 0, 0, 0, time.UTC).Day()
				minEnd = date.New(cy+n, cm, min(cd, last))
				require.Equal(t, closed, term.Start)
			}
			require.GreaterOrEqual(t, term.End, minEnd, "%s closed %s ends %s, before the statutory %s", k, closed, term.End, minEnd)
			require.GreaterOrEqual(t, term.Period.Years(), n)
			require.Equal(t, term.End+1, term.DestroyFrom)
			require.Equal(t, term.DestroyFrom+30, term.DestroyBy)
			require.NotEmpty(t, term.Basis.Law)
		}
	}
}

func TestKindNames(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Kinds() {
		require.True(t, k.Valid())
		name := k.String()
		require.False(t, seen[name], "duplicate name %s", name)
		seen[name] = true
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back Kind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
		parsed, err := ParseKind(name)
		require.NoError(t, err)
		assert.Equal(t, k, parsed)
		assert.NotEmpty(t, k.Title())
		assert.NotEmpty(t, Default().Describe(k))
	}
	assert.Len(t, seen, 10)
	assert.Equal(t, "resident_file", ResidentFile.String())
	assert.Equal(t, "3.6.2", ResidentFile.Clause())
	_, err := ParseKind("archive")
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = Kind(0).MarshalText()
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, "unknown", Kind(42).String())
	assert.Equal(t, "50 лет (75 лет для дел, законченных до 2003 года) с 1 января года, следующего за годом окончания дела",
		Default().Describe(HRPersonnel))
}

func TestYearsRU(t *testing.T) {
	for n, want := range map[int]string{1: "1 год", 2: "2 года", 3: "3 года", 5: "5 лет", 11: "11 лет",
		12: "12 лет", 21: "21 год", 22: "22 года", 50: "50 лет", 75: "75 лет", 101: "101 год", 111: "111 лет"} {
		assert.Equal(t, want, yearsRU(n))
	}
}
