package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "retention-sweep:", err)
		os.Exit(2)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("retention-sweep", flag.ContinueOnError)
	asOfFlag := fs.String("asof", "2026-11-26", `date of the sweep: YYYY-MM-DD, DD.MM.YYYY or "today" (in the operator's time zone)`)
	n := fs.Int("n", 5000, "number of records created in the generated archive over the years")
	seed := fs.Uint64("seed", 1, "seed of the generated archive")
	show := fs.Int("show", 3, "examples to print for each kind")
	if err := fs.Parse(args); err != nil {
		return err
	}
	op := pdata.SampleOperator()
	asOf, err := parseDate(*asOfFlag, op)
	if err != nil {
		return err
	}
	if *n < 10 || *n > 10_000_000 {
		return fmt.Errorf("-n must be between 10 and 10000000 (число записей от 10 до 10000000)")
	}

	sched := retention.Default()
	cal := sched.Calendar()
	report := newReport(*show)
	kept := 0
	for d, err := range sched.Due(context.Background(), archive(*n, *seed, asOf, sched, &kept), asOf) {
		if err != nil {
			report.fail(d.Record, err)
			continue
		}
		report.add(d)
	}
	report.print(out, op, sched, cal, asOf, *n, kept)
	return nil
}

func parseDate(s string, op pdata.Operator) (date.Date, error) {
	if s == "today" {
		return op.DateOf(time.Now()), nil
	}
	if d, err := date.Parse(date.ISO8601, s); err == nil {
		return d, nil
	}
	if d, err := date.Parse("02.01.2006", s); err == nil {
		return d, nil
	}
	return date.Zero, fmt.Errorf("-asof %q is not a date like 2026-11-26 or 26.11.2026 (дата указана неверно)", s)
}

// prefixes of the invented registry numbers, per kind.
var prefixes = map[retention.Kind]string{
	retention.HRPersonnel:       "ЛС",
	retention.HRLeave:           "ОТП",
	retention.HRTrip:            "КОМ",
	retention.HRInspection:      "СП",
	retention.HRDisciplinary:    "ДВ",
	retention.ResidentFile:      "ЖИЛ",
	retention.ContractorFile:    "ГПХ",
	retention.SiteData:          "САЙТ",
	retention.PurposeBound:      "ЦЕЛЬ",
	retention.DestructionRecord: "АКТ",
}

// archive streams invented records as a host's store would: one at a time,
// never all in memory, the same for the same seed and date. It models an
// operator whose commission last met two weeks before asOf and who destroys
// purpose-bound data daily: of n records created over the years, what was
// due then has been destroyed, except one in forty that was missed. kept
// counts the records still in the archive.
func archive(n int, seed uint64, asOf date.Date, sched *retention.Schedule, kept *int) iter.Seq2[retention.Record, error] {
	return func(yield func(retention.Record, error) bool) {
		rng := rand.New(rand.NewPCG(seed, 2026))
		within := func(days int) date.Date { return asOf - date.Date(rng.IntN(days)) }
		lastSweep := asOf - 14
		kinds := retention.Kinds()
		for i := range n {
			k := kinds[i%len(kinds)]
			r := retention.Record{
				ID:        fmt.Sprintf("%s-%05d", prefixes[k], i+1),
				SubjectID: fmt.Sprintf("субъект-%04d", rng.IntN(n/3+1)),
				Kind:      k,
			}
			switch k {
			case retention.HRPersonnel:
				r.Closed = within(80 * 365)
			case retention.HRLeave, retention.HRTrip, retention.HRInspection:
				r.Closed = within(30 * 365)
				r.Hazardous = rng.IntN(7) == 0
			case retention.HRDisciplinary:
				r.Closed = within(8 * 365)
			case retention.ResidentFile, retention.ContractorFile:
				r.Closed = within(10 * 365)
			case retention.SiteData:
				r.Closed = within(2 * 365)
			case retention.PurposeBound:
				// The host feeds only records whose purpose is reached
				// (destroy_from is NULL until then: see the package guide).
				r.PurposeAchieved = within(30)
			case retention.DestructionRecord:
				r.Closed = within(5 * 365)
			}
			switch i {
			case 17: // broken on purpose: no date of collection
				r.Closed = date.Zero
			case 28: // broken on purpose: purpose not reached
				r.PurposeAchieved = date.Zero
			}
			swept := lastSweep
			if k == retention.PurposeBound {
				swept = asOf - 1 // 3 working days: handled daily, not by the commission's meetings
			}
			if t, err := sched.Term(r); err == nil && t.DestroyFrom <= swept && rng.IntN(40) != 0 {
				continue // already destroyed; one in forty was missed
			}
			*kept++
			if !yield(r, nil) {
				return
			}
		}
	}
}

type group struct {
	due, overdue int
	bases        []pdata.Basis
	examples     []retention.Due
}

type report struct {
	show   int
	groups map[retention.Kind]*group
	errs   []string
	failed int
}

func newReport(show int) *report {
	return &report{show: show, groups: map[retention.Kind]*group{}}
}

// add counts a due record. Only counts, distinct bases and the first few
// examples are kept, so the report's memory does not grow with the archive.
func (r *report) add(d retention.Due) {
	g := r.groups[d.Record.Kind]
	if g == nil {
		g = &group{}
		r.groups[d.Record.Kind] = g
	}
	g.due++
	if d.Overdue {
		g.overdue++
	}
	if !containsBasis(g.bases, d.Term.Basis) {
		g.bases = append(g.bases, d.Term.Basis)
	}
	if len(g.examples) < r.show {
		g.examples = append(g.examples, d)
	}
}

func containsBasis(bs []pdata.Basis, b pdata.Basis) bool {
	for _, x := range bs {
		if x == b {
			return true
		}
	}
	return false
}

func (r *report) fail(rec retention.Record, err error) {
	var ve *pdata.ValidationError
	var re *retention.RangeError
	msg := err.Error()
	switch {
	case errors.As(err, &ve):
		msg = ve.Russian()
	case errors.As(err, &re):
		msg = re.Russian()
	}
	r.failed++
	if len(r.errs) < 20 {
		r.errs = append(r.errs, fmt.Sprintf("%s: %s", rec.ID, msg))
	}
}

func (r *report) print(w io.Writer, op pdata.Operator, s *retention.Schedule, cal *retention.Calendar, asOf date.Date, created, kept int) {
	rd := retention.RussianDate
	fmt.Fprintf(w, "ПЕРСОНАЛЬНЫЕ ДАННЫЕ, ПОДЛЕЖАЩИЕ УНИЧТОЖЕНИЮ, по состоянию на %s\n", rd(asOf))
	fmt.Fprintf(w, "Оператор: %s\n", op.Name)
	years := fmt.Sprintf("%d–%d", cal.FirstYear(), cal.LastYear())
	var prov []string
	for _, y := range cal.Years() {
		if cal.Provisional(y) {
			prov = append(prov, fmt.Sprint(y))
		}
	}
	if len(prov) > 0 {
		years += " (предварительные данные: " + strings.Join(prov, ", ") + ")"
	}
	fmt.Fprintf(w, "Производственный календарь: %s\n", years)
	fmt.Fprintf(w, "Архив: %d записей на хранении из %d созданных (учебный пример, данные вымышлены)\n", kept, created)
	fmt.Fprintln(w, "Уничтожение — не ранее окончания срока хранения (п. 9.1 Положения), в течение 30 дней (п. 9.3);")
	fmt.Fprintln(w, "данные, цель обработки которых достигнута, — в течение трёх рабочих дней (п. 6.1.10).")

	total, overdue := 0, 0
	for i, k := range retention.Kinds() {
		fmt.Fprintf(w, "\n%d. %s\n", i+1, upperFirst(k.Title()))
		fmt.Fprintf(w, "   Срок: %s\n", s.Describe(k))
		g := r.groups[k]
		if g == nil {
			fmt.Fprintln(w, "   Подлежит уничтожению: нет")
			continue
		}
		total += g.due
		overdue += g.overdue
		fmt.Fprintf(w, "   Подлежит уничтожению: %d, из них срок уничтожения истёк: %d\n", g.due, g.overdue)
		for _, b := range g.bases {
			fmt.Fprintf(w, "   Основание: %s\n", b)
		}
		if k == retention.HRPersonnel {
			fmt.Fprintln(w, "   Дела с отметкой «ЭПК» до уничтожения проходят экспертизу ценности.")
		}
		for _, d := range g.examples {
			status := "срок уничтожения до " + rd(d.Term.DestroyBy)
			if d.Overdue {
				status = "ПРОСРОЧЕНО (срок истёк " + rd(d.Term.DestroyBy) + ")"
			}
			from := "дело закончено " + rd(d.Record.Closed)
			switch k {
			case retention.SiteData:
				from = "собраны " + rd(d.Record.Closed)
			case retention.DestructionRecord:
				from = "уничтожение " + rd(d.Record.Closed)
			case retention.PurposeBound:
				from = "цель достигнута " + rd(d.Record.PurposeAchieved)
			}
			hz := ""
			if d.Record.Hazardous {
				hz = ", вредные условия труда"
			}
			fmt.Fprintf(w, "     %-11s %s%s; уничтожить с %s; %s\n", d.Record.ID, from, hz, rd(d.Term.DestroyFrom), status)
		}
	}
	fmt.Fprintf(w, "\nИтого подлежит уничтожению: %d, из них срок уничтожения истёк: %d\n", total, overdue)
	if len(r.errs) > 0 {
		fmt.Fprintf(w, "\nЗаписи, срок которых определить нельзя (исправьте данные), всего %d:\n", r.failed)
		for _, e := range r.errs {
			fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(e, "\n", "\n    "))
		}
	}
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
