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
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "destruction-act:", err)
		os.Exit(2)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("destruction-act", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := fs.String("out", filepath.Join(os.TempDir(), "pdnkit-destruction-act"), "directory to write the documents to")
	asOfFlag := fs.String("asof", "2025-01-20", "day the commission meets, YYYY-MM-DD or DD.MM.YYYY")
	n := fs.Int("n", 400, "number of records in the generated archive")
	seed := fs.Uint64("seed", 1, "seed of the generated archive")
	if err := fs.Parse(args); err != nil {
		return err
	}
	asOf, err := parseDate(*asOfFlag)
	if err != nil {
		return err
	}
	if *n < 10 || *n > 1_000_000 {
		return errors.New("-n must be between 10 and 1000000 (число записей от 10 до 1000000)")
	}

	ctx := context.Background()
	op := pdata.SampleOperator()
	sched := retention.Default()

	// The sweep: what is due on asOf, each with its term and basis.
	var items []destruction.Item
	var sweepErrors []error
	for d, err := range sched.Due(ctx, archive(*n, *seed, asOf, sched), asOf) {
		if err != nil {
			sweepErrors = append(sweepErrors, err)
			continue
		}
		items = append(items, itemFor(d))
	}
	// One item handed over by package requests: a consent withdrawn five
	// days ago, to be destroyed within 30 days (152-FZ art. 21 part 5).
	items = append(items, destruction.Item{
		RecordID:    "ЗАЯВ-0017",
		Subjects:    []destruction.Subject{{ID: "субъект-9001", Name: "Соколов Дмитрий Алексеевич"}},
		Categories:  pdata.SetOf(pdata.DataFullName, pdata.DataPhone, pdata.DataEmail),
		Medium:      destruction.Machine("USB-флеш-накопитель 16 ГБ", "KT-0042-7781"),
		Ground:      destruction.GroundConsentWithdrawn,
		Reference:   "отзыв согласия, вх. № 17 от " + (asOf - 5).Format("02.01.2006"),
		DestroyFrom: asOf - 5,
		DestroyBy:   asOf - 5 + 30,
	})

	acts, err := procedure(ctx, op, asOf, items)
	if err != nil {
		return err
	}
	if err := write(*dir, acts); err != nil {
		return err
	}

	fmt.Fprintf(out, "Архив: %d записей; к уничтожению на %s: %d (и 1 по отзыву согласия).\n",
		*n, asOf.Format("02.01.2006"), len(items)-1)
	for _, e := range sweepErrors {
		fmt.Fprintf(out, "Не удалось определить срок: %v\n", e)
	}
	fmt.Fprintf(out, "Акт об отборе № %s: %s, SHA-256 %s\n", acts.sel.Number(), acts.sel.State().Title(), acts.sel.Digest())
	fmt.Fprintf(out, "Акт об уничтожении № %s: %s, SHA-256 %s\n", acts.act.Number(), acts.act.State().Title(), acts.act.Digest())
	fmt.Fprintf(out, "Выгрузка из журнала: строк — %d.\n", len(acts.extract.Lines))
	if n := len(acts.act.Overdue()); n > 0 {
		fmt.Fprintf(out, "Уничтожено с нарушением срока п. 9.3 (отмечено в акте): %d.\n", n)
	}
	for _, f := range files {
		fmt.Fprintf(out, "Записано: %s\n", filepath.Join(*dir, f.name))
	}
	return nil
}

func parseDate(s string) (date.Date, error) {
	for _, layout := range []string{date.ISO8601, "02.01.2006"} {
		if d, err := date.Parse(layout, s); err == nil {
			return d, nil
		}
	}
	return date.Zero, fmt.Errorf("-asof %q is not a date like 2025-01-20 or 20.01.2025 (дата указана неверно)", s)
}

type result struct {
	sel, act *destruction.Act
	extract  *destruction.Extract
}

// procedure takes both acts through every step, saving each in an Archive.
func procedure(ctx context.Context, op pdata.Operator, asOf date.Date, items []destruction.Item) (*result, error) {
	com := destruction.Commission{
		ID:    "комиссия-2025",
		Order: destruction.Order{Number: "3-од", Date: asOf - 10},
		Chair: pdata.Official{Position: "Главный инженер", LastName: "Петров", FirstName: "Андрей", Patronymic: "Сергеевич"},
		Members: []pdata.Official{
			{Position: "Главный бухгалтер", LastName: "Кузнецова", FirstName: "Ольга", Patronymic: "Викторовна"},
			{Position: "Специалист по кадрам", LastName: "Смирнова", FirstName: "Елена", Patronymic: "Николаевна"},
		},
	}
	at := func(d date.Date, hour, minute int) time.Time {
		y, m, dd := d.Date()
		return time.Date(y, m, dd, hour, minute, 0, 0, op.Zone())
	}
	place := "село Кошки, 4 квартал, дом 11, кабинет 5"
	ar := destruction.NewArchive(destruction.NewMemStore())
	if err := ar.AddCommission(ctx, com); err != nil {
		return nil, err
	}

	var act *destruction.Act
	var err error
	steps := func(name string, fns ...func() error) error {
		for _, fn := range fns {
			if err := fn(); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if err := ar.Save(ctx, act); err != nil {
				return fmt.Errorf("%s: saving: %w", name, err)
			}
		}
		return nil
	}
	signAll := func(d date.Date) []func() error {
		var fns []func() error
		for i, m := range com.All() {
			fns = append(fns, func() error { return act.Sign(m, at(d, 11, i)) })
		}
		return fns
	}

	// Selection act (9.4–9.9), drawn up on asOf and approved the next day.
	act, err = destruction.NewSelectionAct(destruction.Header{ID: "отбор-1", Number: "1-О", Date: asOf, Place: place}, op, com)
	if err != nil {
		return nil, err
	}
	sel := act
	if err := steps("selection act", append([]func() error{
		func() error { return act.Add(items...) },
		func() error { return act.CheckAll(at(asOf, 10, 0)) },
		func() error { return act.SealMedia(com.Chair, at(asOf, 10, 30)) },
	}, append(signAll(asOf), func() error { return act.Approve(op.Head, at(asOf+1, 9, 0)) })...)...); err != nil {
		return nil, err
	}

	// Destruction act (9.10–9.14), the day the selection act is approved.
	day := asOf + 1
	act, err = destruction.NewDestructionAct(destruction.Header{ID: "уничтожение-1", Number: "1-У", Date: day, Place: place}, sel)
	if err != nil {
		return nil, err
	}
	if err := steps("destruction act", append([]func() error{
		func() error { return act.CheckAll(at(day, 9, 30)) },
		func() error {
			return act.RecordDestruction(destruction.Destruction{At: at(day, 10, 0), Place: place + " (шредер); серверная", Present: com.All()})
		},
	}, append(signAll(day), func() error { return act.Approve(op.Head, at(day, 15, 0)) })...)...); err != nil {
		return nil, err
	}
	extract, err := act.Extract()
	if err != nil {
		return nil, err
	}
	return &result{sel: sel, act: act, extract: extract}, nil
}

var files = []struct {
	name  string
	write func(*result, io.Writer) error
}{
	{"selection.docx", func(r *result, w io.Writer) error { return r.sel.RenderDOCX(w) }},
	{"act.docx", func(r *result, w io.Writer) error { return r.act.RenderDOCX(w) }},
	{"act.html", func(r *result, w io.Writer) error { return r.act.RenderHTML(w) }},
	{"act.txt", func(r *result, w io.Writer) error { return r.act.RenderText(w) }},
	{"extract.csv", func(r *result, w io.Writer) error { return r.extract.WriteCSV(w) }},
}

func write(dir string, r *result) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		fh, err := os.Create(path)
		if err != nil {
			return err
		}
		werr := f.write(r, fh)
		if cerr := fh.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("writing %s: %w", path, werr)
		}
	}
	return nil
}

// Invented people, by gender, to name the subjects of the archive.
var (
	men   = []string{"Васильев Игорь Петрович", "Орлов Павел Андреевич", "Зайцев Кирилл Олегович", "Морозов Степан Ильич", "Волков Артём Сергеевич", "Лебедев Максим Юрьевич"}
	women = []string{"Иванова Мария Петровна", "Белова Анна Викторовна", "Голубева Ирина Николаевна", "Федорова Ксения Павловна", "Никитина Дарья Андреевна", "Егорова Ольга Ивановна"}
	names = append(append([]string{}, men...), women...)
)

// kinds is what the archive holds; DestructionRecord is included because
// old acts are themselves destroyed after 3 years.
var kinds = []retention.Kind{
	retention.HRPersonnel, retention.HRLeave, retention.HRTrip, retention.HRDisciplinary,
	retention.ResidentFile, retention.ContractorFile, retention.SiteData, retention.PurposeBound,
	retention.DestructionRecord,
}

// archive streams invented records as a host's store would. What fell due
// before the commission's previous meeting (four weeks before asOf) has
// already been destroyed, except one record in twenty that was missed.
func archive(n int, seed uint64, asOf date.Date, sched *retention.Schedule) iter.Seq2[retention.Record, error] {
	return func(yield func(retention.Record, error) bool) {
		rng := rand.New(rand.NewPCG(seed, 179))
		within := func(days int) date.Date { return asOf - 1 - date.Date(rng.IntN(days)) }
		for i := range n {
			k := kinds[i%len(kinds)]
			r := retention.Record{ID: fmt.Sprintf("%s-%04d", prefix(k), i+1), SubjectID: fmt.Sprintf("субъект-%04d", rng.IntN(len(names))), Kind: k}
			switch k {
			case retention.PurposeBound:
				r.PurposeAchieved = within(2) // handled daily: only the last two days' wait for the commission
			case retention.SiteData:
				r.Closed = within(2 * 365)
			default:
				r.Closed = within(9 * 365)
			}
			if t, err := sched.Term(r); err == nil && t.DestroyFrom < asOf-28 && rng.IntN(20) != 0 {
				continue
			}
			if !yield(r, nil) {
				return
			}
		}
	}
}

func prefix(k retention.Kind) string {
	switch k {
	case retention.HRPersonnel:
		return "ЛС"
	case retention.HRLeave:
		return "ОТП"
	case retention.HRTrip:
		return "КОМ"
	case retention.HRDisciplinary:
		return "ДВ"
	case retention.ResidentFile:
		return "ЖИЛ"
	case retention.ContractorFile:
		return "ГПХ"
	case retention.SiteData:
		return "САЙТ"
	case retention.PurposeBound:
		return "ЦЕЛЬ"
	}
	return "АКТ"
}

// itemFor describes a due record the way the host's records would: the
// subject's name from its directory, the categories the record holds and
// the medium it is kept on.
func itemFor(d retention.Due) destruction.Item {
	idx, _ := strconv.Atoi(strings.TrimPrefix(d.Record.SubjectID, "субъект-")) // 0 for a subject of another form
	subj := destruction.Subject{Name: names[idx%len(names)]}
	year := d.Record.Closed.Year()
	var cats pdata.CategorySet
	var m destruction.Medium
	switch d.Record.Kind {
	case retention.HRPersonnel, retention.HRLeave, retention.HRDisciplinary:
		cats = pdata.SetOf(pdata.DataFullName, pdata.DataBirthDate, pdata.DataResidenceAddress)
		m = destruction.Paper(fmt.Sprintf("%s, приказы за %d год", d.Record.Kind.Title(), year), 3+idx%9)
	case retention.HRTrip:
		cats = pdata.SetOf(pdata.DataFullName, pdata.DataIdentityDocument)
		m = destruction.Machine("компакт-диск CD-R со сканами приказов", "CD-"+d.Record.ID)
	case retention.ResidentFile:
		cats = pdata.SetOf(pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataPropertyRights, pdata.DataPhone)
		m = destruction.DBRecords("Жилищный учёт", 4+idx%7)
		subj.Info = fmt.Sprintf("собственник кв. %d", 1+idx*7%120)
	case retention.ContractorFile:
		cats = pdata.SetOf(pdata.DataFullName, pdata.DataIdentityDocument, pdata.DataINN)
		m = destruction.Paper(fmt.Sprintf("Договор подряда, %d год", year), 4)
	case retention.SiteData:
		cats = pdata.SetOf(pdata.DataIP, pdata.DataCookies, pdata.DataBrowser, pdata.DataAccessTime)
		m = destruction.Files("Сайт Оператора", "журнал веб-сервера", 1)
		subj = destruction.Subject{Info: "посетитель сайта " + d.Record.SubjectID}
	case retention.PurposeBound:
		cats = pdata.SetOf(pdata.DataFullName, pdata.DataPhone)
		m = destruction.DBRecords("Аварийно-диспетчерская служба", 1)
	default: // DestructionRecord: an old act, on paper
		cats = pdata.SetOf(pdata.DataFullName)
		m = destruction.Paper(fmt.Sprintf("Акт об уничтожении ПДн, %d год", year), 2)
	}
	subj.ID = d.Record.SubjectID
	return destruction.ItemFromDue(d, subj, cats, m)
}
