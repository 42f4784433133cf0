package retention

import (
	"fmt"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/period"
)

// Schedule is a retention schedule: the term of each record kind, with its
// legal basis, and the production calendar for the terms counted in working
// days. Default holds the operator's policy (3.6.1–3.6.4, 6.1.10, 9.1, 9.3)
// and the statutes behind it; With lengthens a kind's term for a host whose
// own policy keeps records longer.
//
// A Schedule is immutable and safe for concurrent use; With and WithCalendar
// return new schedules.
type Schedule struct {
	cal   *Calendar
	rules [DestructionRecord + 1]kindRule
}

// How a kind's term starts.
type startRule uint8

const (
	startNextYear startRule = iota + 1 // 1 January of the year after Closed
	startEvent                         // the day of Closed (collection, destruction)
	startPurpose                       // the day the purpose was reached
)

// When a kind's term is the 50/75 years of 125-FZ art. 22.1.
type archivalRule uint8

const (
	archivalNever archivalRule = iota
	archivalAlways
	archivalIfHazardous
)

// statute is the statutory rule of a kind.
type statute struct {
	years    int
	start    startRule
	archival archivalRule
	law      string // citation of the ordinary term
	min      int    // least term in years a host may set; 0: none can be set
	minLaw   string // the provision cited with min
	// minPolicy is the operator's policy clause when min is set by that
	// policy rather than by a statute (SiteData: policy 3.6.4; 152-FZ
	// art. 5 part 7 only says data are kept no longer than the purpose
	// needs); "" when a statute sets min.
	minPolicy string
}

const (
	lawPerechen  = "Перечень (Приказ Росархива № 236) ст. 434"
	law75        = "125-ФЗ ст. 22.1 ч. 1; " + lawPerechen
	law50        = "125-ФЗ ст. 22.1 ч. 2; " + lawPerechen
	law402       = "402-ФЗ ст. 29 ч. 1"
	lawSite      = "152-ФЗ ст. 5 ч. 7"
	lawPurpose   = "152-ФЗ ст. 5 ч. 7; 152-ФЗ ст. 21 ч. 4"
	lawAct       = "Приказ РКН № 179 п. 8"
	clauseWindow = "9.3"

	// maxHostYears bounds a host's term: no Russian list sets a temporary
	// term above 75 years.
	maxHostYears = 150
	// destroyWindow is the thirty days of policy 9.3.
	destroyWindow = 30
	// purposeWorkdays is the three working days of policy 6.1.10.
	purposeWorkdays = 3
)

var statutes = [DestructionRecord + 1]statute{
	HRPersonnel:       {years: 50, start: startNextYear, archival: archivalAlways, law: law50, min: 50, minLaw: "125-ФЗ ст. 22.1 ч. 2"},
	HRLeave:           {years: 5, start: startNextYear, archival: archivalIfHazardous, law: lawPerechen, min: 5, minLaw: lawPerechen},
	HRTrip:            {years: 5, start: startNextYear, archival: archivalIfHazardous, law: lawPerechen, min: 5, minLaw: lawPerechen},
	HRInspection:      {years: 5, start: startNextYear, archival: archivalIfHazardous, law: lawPerechen, min: 5, minLaw: lawPerechen},
	HRDisciplinary:    {years: 3, start: startNextYear, law: lawPerechen, min: 3, minLaw: lawPerechen},
	ResidentFile:      {years: 5, start: startNextYear, law: law402, min: 5, minLaw: law402},
	ContractorFile:    {years: 5, start: startNextYear, law: law402, min: 5, minLaw: law402},
	SiteData:          {years: 1, start: startEvent, law: lawSite, min: 1, minLaw: lawSite, minPolicy: "3.6.4"},
	PurposeBound:      {start: startPurpose, law: lawPurpose},
	DestructionRecord: {years: 3, start: startEvent, law: lawAct, min: 3, minLaw: lawAct},
}

// kindRule is a kind's rule in one schedule, with its terms precomputed so
// that Term allocates nothing.
type kindRule struct {
	hostYears  int    // the host's term; 0: the statutory one
	hostPolicy string // the host's policy clause; "": the default
	ordinary   variant
	arch75     variant // file closed before 2003 (125-FZ art. 22.1 ч. 1)
	arch50     variant // file closed in 2003 or later (ч. 2)
}

type variant struct {
	years  int
	period period.Period
	basis  pdata.Basis
}

// Default returns the schedule of the operator's policy with the embedded
// production calendar (RussianCalendar):
//
//	HRPersonnel       50 years; 75 if the file was closed before 2003 (125-FZ art. 22.1)
//	HRLeave           5 years; 50/75 for harmful or hazardous work      (list 236 art. 434)
//	HRTrip            5 years; 50/75 for harmful or hazardous work
//	HRInspection      5 years; 50/75 for harmful or hazardous work
//	HRDisciplinary    3 years                                           (list 236 art. 434)
//	ResidentFile      5 years                                           (402-FZ art. 29)
//	ContractorFile    5 years                                           (402-FZ art. 29)
//	SiteData          1 year from collection                            (policy 3.6.4)
//	PurposeBound      destroy within 3 working days of the purpose       (policy 6.1.10)
//	DestructionRecord 3 years from destruction                          (RKN order 179 п. 8)
//
// The HR, resident and contractor terms run from 1 January of the year after
// the file was closed.
func Default() *Schedule { return NewSchedule(RussianCalendar()) }

// NewSchedule returns the default terms with the given calendar (nil means
// RussianCalendar), for a host with regional holidays or its own calendar
// data.
func NewSchedule(cal *Calendar) *Schedule {
	if cal == nil {
		cal = RussianCalendar()
	}
	s := &Schedule{cal: cal}
	for _, k := range Kinds() {
		s.rules[k] = compileRule(k, 0, "")
	}
	return s
}

// Calendar returns the production calendar the schedule counts working days
// with (nil for a nil Schedule).
func (s *Schedule) Calendar() *Calendar {
	if s == nil {
		return nil
	}
	return s.cal
}

// built reports whether s was built with Default or NewSchedule (and not
// left nil or zero).
func (s *Schedule) built() bool {
	return s != nil && !s.rules[HRPersonnel].ordinary.basis.IsZero()
}

// WithCalendar returns a copy of s that counts working days with cal (nil
// means RussianCalendar), keeping its terms. On a nil Schedule it returns
// nil, which every method answers as a schedule not built (Term: an error
// wrapping ErrInvalid).
func (s *Schedule) WithCalendar(cal *Calendar) *Schedule {
	if s == nil {
		return nil
	}
	if cal == nil {
		cal = RussianCalendar()
	}
	n := *s
	n.cal = cal
	return &n
}

// With returns a copy of s in which kind is kept for years years, citing
// policy (the clause of the host's own policy that sets the longer term;
// "" keeps the default clause). A term the host sets only ever lengthens the
// statutory one: where the law requires more for a record (75 years for an
// HR file closed before 2003, 50/75 for hazardous work) the law wins.
//
// A term shorter than the kind's statutory minimum is refused with an error
// citing the law (HRPersonnel 50 years, 125-FZ art. 22.1; HRLeave, HRTrip,
// HRInspection 5 and HRDisciplinary 3, list 236 art. 434; ResidentFile and
// ContractorFile 5, 402-FZ art. 29; DestructionRecord 3, RKN order 179).
// For SiteData the least term, 1 year, is set by the operator's policy
// (3.6.4), not by a statute: 152-FZ art. 5 part 7 only requires that data be
// kept no longer than the purpose needs, so the refusal says the policy sets
// it and cites both (rule "statutory_minimum" all the same, so that hosts
// matching on the rule need not change). PurposeBound has no term in years
// and is refused. Errors are *pdata.ValidationError values; s is unchanged.
// A nil or zero Schedule (not built with Default or NewSchedule) is refused
// with an error wrapping ErrInvalid.
func (s *Schedule) With(kind Kind, years int, policy string) (*Schedule, error) {
	if !s.built() {
		return s, noSchedule()
	}
	var p pdata.Problems
	switch st := statutes[kind%(DestructionRecord+1)]; {
	case !kind.Valid():
		p.Add("kind", "kind", pdata.Basis{},
			fmt.Sprintf("unknown record kind %d", kind),
			"неизвестный вид документов")
	case kind == PurposeBound:
		p.Add("kind", "no_term", pdata.Cite(lawPurpose, "6.1.10"),
			"purpose_bound records have no term in years: they are destroyed within 3 working days of the purpose being reached",
			"для данных, обрабатываемых до достижения цели, срок в годах не устанавливается: они уничтожаются в течение трёх рабочих дней с даты достижения цели")
	case years < st.min && st.minPolicy != "":
		p.Add("years", "statutory_minimum", pdata.Cite(st.minLaw, kind.Clause()),
			fmt.Sprintf("a term of %d years for %s is shorter than the %s set by the operator's policy (%s)", years, kind, yearsEN(st.min), st.minPolicy),
			fmt.Sprintf("срок %s для вида «%s» короче срока в %s, установленного Положением оператора (п. %s)", yearsRU(years), kind.Title(), yearsRU(st.min), st.minPolicy))
	case years < st.min:
		p.Add("years", "statutory_minimum", pdata.Cite(st.minLaw, kind.Clause()),
			fmt.Sprintf("a term of %d years for %s is shorter than the statutory minimum of %d years", years, kind, st.min),
			fmt.Sprintf("срок %s для вида «%s» короче установленного законом минимума %s", yearsRU(years), kind.Title(), yearsRU(st.min)))
	case years > maxHostYears:
		p.Add("years", "max", pdata.Basis{},
			fmt.Sprintf("a term of %d years is beyond %d years: use a permanent store instead", years, maxHostYears),
			fmt.Sprintf("срок %s превышает %s: для постоянного хранения сроки не рассчитываются", yearsRU(years), yearsRU(maxHostYears)))
	}
	if err := p.Err(); err != nil {
		return s, err
	}
	n := *s
	n.rules[kind] = compileRule(kind, years, policy)
	return &n, nil
}

// Describe returns the kind's term under s in Russian, for staff: "3 года с
// 1 января года, следующего за годом окончания дела". A nil or zero
// Schedule has no terms and says so.
func (s *Schedule) Describe(k Kind) string {
	if !k.Valid() {
		return k.Title()
	}
	if !s.built() {
		return "срок не определён: график сроков хранения не задан"
	}
	r, st := s.rules[k], statutes[k]
	const fromNextYear = " с 1 января года, следующего за годом окончания дела"
	arch := func() string {
		if r.arch50.years == r.arch75.years {
			return yearsRU(r.arch50.years)
		}
		return yearsRU(r.arch50.years) + " (" + yearsRU(r.arch75.years) + " для дел, законченных до 2003 года)"
	}
	switch {
	case st.start == startPurpose:
		return "уничтожаются в течение трёх рабочих дней с даты достижения цели обработки"
	case st.archival == archivalAlways:
		return arch() + fromNextYear
	case st.archival == archivalIfHazardous:
		return yearsRU(r.ordinary.years) + fromNextYear + "; при вредных и опасных условиях труда — " + arch()
	case k == SiteData:
		return yearsRU(r.ordinary.years) + " с даты сбора"
	case st.start == startEvent:
		return yearsRU(r.ordinary.years) + " с даты уничтожения"
	}
	return yearsRU(r.ordinary.years) + fromNextYear
}

func compileRule(k Kind, hostYears int, hostPolicy string) kindRule {
	st := statutes[k]
	clause := k.Clause()
	if hostPolicy != "" {
		clause = hostPolicy
	}
	policy := clauseWindow
	if clause != "" {
		policy = clause + ", " + clauseWindow
	}
	mk := func(statYears int, law string) variant {
		y := max(statYears, hostYears)
		return variant{years: y, period: period.NewYMD(y, 0, 0), basis: pdata.Cite(law, policy)}
	}
	r := kindRule{hostYears: hostYears, hostPolicy: hostPolicy}
	switch st.start {
	case startPurpose:
		r.ordinary = variant{basis: pdata.Cite(st.law, clause)}
		return r
	}
	r.ordinary = mk(st.years, st.law)
	if st.archival != archivalNever {
		r.arch75 = mk(75, law75)
		r.arch50 = mk(50, law50)
	}
	return r
}

// Bounds of Record.Closed: a year 1900–9799.
var (
	minClosed = jan1(1900)
	maxClosed = jan1(9800) - 1
)

// Term returns the term of r under s:
//
//   - a kind counted from 1 January (HR orders, resident and contractor
//     files): a file closed in year Y with an N-year term has Start
//     1 January Y+1 and End 31 December Y+N. HR files closed in 2002 or
//     before get 75 years, from 2003 on 50 (125-FZ art. 22.1 ч. 1–2); the
//     leave, trip and inspection orders of staff in harmful or hazardous work
//     (Hazardous) get those 50/75 years instead of 5.
//   - SiteData and DestructionRecord: End is the same day and month N years
//     after Closed, or that month's last day when it has no such day (Civil
//     Code art. 192: collected 2024-02-29, End 2025-02-28).
//   - DestroyFrom is End + 1 (policy 9.1) and DestroyBy DestroyFrom + 30
//     calendar days (policy 9.3).
//   - PurposeBound: DestroyFrom is PurposeAchieved and DestroyBy the 3rd
//     working day after it (policy 6.1.10), from the schedule's calendar.
//
// PurposeAchieved never shortens a statutory term (policy 9.1): for every
// kind but PurposeBound it is ignored.
//
// A zero or impossible Closed, an unknown Kind, a PurposeBound record without
// PurposeAchieved, or Hazardous on a kind that is not an HR order is a
// *pdata.ValidationError naming each field (it wraps ErrInvalid). A
// PurposeAchieved outside the calendar is an error wrapping ErrOutOfRange.
// Term allocates nothing when it succeeds.
func (s *Schedule) Term(r Record) (Term, error) {
	k := r.Kind
	if !k.Valid() || (r.Hazardous && k > HRDisciplinary) {
		return Term{}, invalidRecord(r)
	}
	if !s.built() {
		return Term{}, noSchedule()
	}
	rule := &s.rules[k]
	switch statutes[k].start {
	case startNextYear:
		if r.Closed < minClosed || r.Closed > maxClosed {
			return Term{}, invalidRecord(r)
		}
		y := yearOf(r.Closed)
		v := &rule.ordinary
		if a := statutes[k].archival; a == archivalAlways || (a == archivalIfHazardous && r.Hazardous) {
			if y <= 2002 {
				v = &rule.arch75
			} else {
				v = &rule.arch50
			}
		}
		from := jan1(y + v.years + 1)
		return Term{Start: jan1(y + 1), End: from - 1, DestroyFrom: from, DestroyBy: from + destroyWindow, Period: v.period, Basis: v.basis}, nil
	case startEvent:
		if r.Closed < minClosed || r.Closed > maxClosed {
			return Term{}, invalidRecord(r)
		}
		v := &rule.ordinary
		end := AddYears(r.Closed, v.years)
		return Term{Start: r.Closed, End: end, DestroyFrom: end + 1, DestroyBy: end + 1 + destroyWindow, Period: v.period, Basis: v.basis}, nil
	default: // startPurpose
		if r.PurposeAchieved == date.Zero {
			return Term{}, invalidRecord(r)
		}
		by, err := s.cal.AddWorkdays(r.PurposeAchieved, purposeWorkdays)
		if err != nil {
			return Term{}, fmt.Errorf("retention: DestroyBy of purpose_bound record %q: %w", r.ID, err)
		}
		a := r.PurposeAchieved
		return Term{Start: a, End: a - 1, DestroyFrom: a, DestroyBy: by, Basis: rule.ordinary.basis}, nil
	}
}

// noSchedule is the error of a nil or zero Schedule; it wraps ErrInvalid.
func noSchedule() error {
	var p pdata.Problems
	p.Add("Schedule", "required", pdata.Basis{},
		"the schedule was not built with Default or NewSchedule (it is nil or the zero Schedule)",
		"график сроков хранения не задан: используйте retention.Default() или retention.NewSchedule")
	return p.Err()
}

// invalidRecord lists every problem with r. It runs only when Term has
// already found one.
func invalidRecord(r Record) error {
	var p pdata.Problems
	if !r.Kind.Valid() {
		p.Add("Kind", "kind", pdata.Basis{},
			fmt.Sprintf("unknown record kind %d (want one of the retention.Kind constants)", r.Kind),
			"неизвестный вид документов: срок хранения не определён")
		return p.Err()
	}
	basis := pdata.Cite(statutes[r.Kind].law, r.Kind.Clause())
	if r.Kind != PurposeBound {
		switch {
		case r.Closed == date.Zero:
			en, ru := "the date the file was closed is required", "не указана дата окончания дела: срок хранения не определён"
			switch r.Kind {
			case SiteData:
				en, ru = "the date the data was collected is required", "не указана дата сбора данных: срок хранения не определён"
			case DestructionRecord:
				en, ru = "the date of destruction is required", "не указана дата уничтожения: срок хранения акта не определён"
			}
			p.Add("Closed", "required", basis, en, ru)
		case r.Closed < minClosed || r.Closed > maxClosed:
			p.Add("Closed", "range", basis,
				"the closing date "+r.Closed.String()+" is not in the years 1900–9799",
				"дата окончания дела "+ruDate(r.Closed)+" вне допустимых пределов (1900–9799 годы)")
		}
	}
	if r.Kind == PurposeBound && r.PurposeAchieved == date.Zero {
		p.Add("PurposeAchieved", "required", basis,
			"a purpose_bound record needs the date its purpose was reached",
			"не указана дата достижения цели обработки: срок уничтожения не определён")
	}
	if r.Hazardous && r.Kind > HRDisciplinary {
		p.Add("Hazardous", "not_applicable", basis,
			"hazardous work only applies to HR orders, not to "+r.Kind.String(),
			"признак вредных и опасных условий труда относится только к приказам по личному составу")
	}
	return p.Err()
}

// yearsEN writes n years in English: "1 year", "5 years".
func yearsEN(n int) string {
	if n == 1 {
		return "1 year"
	}
	return itoa(n) + " years"
}
