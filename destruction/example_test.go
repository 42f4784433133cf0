package destruction_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

// exampleCommission is the commission of the examples: a chair and two
// members appointed by order № 3-од of 10.01.2025.
func exampleCommission() destruction.Commission {
	return destruction.Commission{
		ID:    "commission-2025",
		Order: destruction.Order{Number: "3-од", Date: date.New(2025, time.January, 10)},
		Chair: pdata.Official{Position: "Главный инженер", LastName: "Петров", FirstName: "Андрей", Patronymic: "Сергеевич"},
		Members: []pdata.Official{
			{Position: "Главный бухгалтер", LastName: "Кузнецова", FirstName: "Ольга", Patronymic: "Викторовна"},
			{Position: "Специалист по кадрам", LastName: "Смирнова", FirstName: "Елена", Patronymic: "Николаевна"},
		},
	}
}

// exampleDue is what the retention sweep reports for a resident's file
// closed in 2019: kept 5 years from 1 Jan 2020, destroyable from
// 1 Jan 2025, due by 30 Jan 2025.
func exampleDue() retention.Due {
	// A resident's file closed on 30.11.2019: package retention gives its
	// term (5 years from 01.01.2020, so kept to 31.12.2024, destroyed from
	// 01.01.2025 and by 31.01.2025). A host gets it from Schedule.Due.
	r := retention.Record{ID: "res-2019-0042", SubjectID: "res-42", Kind: retention.ResidentFile, Closed: date.New(2019, time.November, 30)}
	t, err := retention.Default().Term(r)
	if err != nil {
		panic(err) // the record above is complete
	}
	return retention.Due{Record: r, Term: t}
}

// The whole procedure of policy section 9: selection, check, sealing of
// the media, signatures, approval, destruction in the presence of every
// member, the destruction act, its extract and the records to keep.
func Example() {
	op := pdata.SampleOperator()
	com := exampleCommission()
	at := func(day, hour int) time.Time { return time.Date(2025, time.January, day, hour, 0, 0, 0, op.Zone()) }
	step := func(err error) {
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
	}

	// 9.4–9.5: the commission selects what is due, with grounds.
	item := destruction.ItemFromDue(exampleDue(), destruction.Subject{Name: "Иванова Мария Петровна"},
		pdata.SetOf(pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataPropertyRights),
		destruction.DBRecords("Жилищный учёт", 12))
	sel, err := destruction.NewSelectionAct(
		destruction.Header{ID: "sel-1", Number: "1-О", Date: date.New(2025, time.January, 20), Place: "с. Кошки, каб. 5"}, op, com)
	step(err)
	step(sel.Add(item))
	step(sel.CheckAll(at(20, 10)))             // 9.7
	step(sel.SealMedia(com.Chair, at(20, 11))) // 9.9
	for _, m := range com.All() {              // 9.8
		step(sel.Sign(m, at(20, 12)))
	}
	step(sel.Approve(op.Head, at(21, 9))) // 9.8
	fmt.Println("selection act:", sel.State())

	// 9.10–9.12: destruction in the presence of all, then the act.
	act, err := destruction.NewDestructionAct(
		destruction.Header{ID: "dest-1", Number: "1-У", Date: date.New(2025, time.January, 24), Place: "с. Кошки, каб. 5"}, sel)
	step(err)
	step(act.CheckAll(at(24, 10)))
	step(act.RecordDestruction(destruction.Destruction{At: at(24, 11), Place: "с. Кошки, серверная", Present: com.All()}))
	for _, m := range com.All() {
		step(act.Sign(m, at(24, 12)))
	}
	step(act.Approve(op.Head, at(24, 15)))
	fmt.Println("destruction act:", act.State(), "sealed:", act.Sealed())

	extract, err := act.Extract() // RKN order 179 п. 5
	step(err)
	l := extract.Lines[0]
	fmt.Println("extract:", l.Subjects[0], "|", l.System, "|", l.Date.Format("02.01.2006"))

	keep, err := act.RetentionRecords() // RKN order 179 п. 8
	step(err)
	for _, r := range keep {
		fmt.Println("keep:", r.ID, "closed", r.Closed.Format("02.01.2006"))
	}
	// Output:
	// selection act: approved
	// destruction act: approved sealed: true
	// extract: Иванова Мария Петровна | Жилищный учёт | 24.01.2025
	// keep: destruction-act:dest-1 closed 24.01.2025
	// keep: selection-act:sel-1 closed 24.01.2025
	// keep: destruction-extract:dest-1 closed 24.01.2025
}

// ItemFromDue takes a record found by the retention sweep: its term gives
// the dates and the basis, its kind the ground.
func ExampleItemFromDue() {
	it := destruction.ItemFromDue(exampleDue(), destruction.Subject{Name: "Иванова Мария Петровна"},
		pdata.SetOf(pdata.DataFullName), destruction.Paper("Поквартирная карточка", 2))
	fmt.Println(it.Ground.Title())
	fmt.Println(it.Basis)
	fmt.Println(it.Method.Title())
	fmt.Println(it.DestroyFrom.Format("02.01.2006"), "—", it.DestroyBy.Format("02.01.2006"))
	// Output:
	// истечение срока хранения
	// 402-ФЗ ст. 29 ч. 1; 152-ФЗ ст. 5 ч. 7; Положение п. 3.6.2, 9.3, 9.1
	// измельчение на мелкие части (шредер), исключающие возможность последующего восстановления информации
	// 01.01.2025 — 31.01.2025
}

// Package requests hands over an Item it fills in itself — here after a
// consent was withdrawn on 15.01.2025. Validate reports what is wrong, in
// English and Russian, before the item goes into an act.
func ExampleItem() {
	it := destruction.Item{
		RecordID:    "req-2025-017",
		Subjects:    []destruction.Subject{{Name: "Соколов Дмитрий Алексеевич"}},
		Categories:  pdata.SetOf(pdata.DataFullName, pdata.DataPhone),
		Medium:      destruction.DBRecords("Жилищный учёт", 3),
		Ground:      destruction.GroundConsentWithdrawn,
		Reference:   "отзыв согласия, вх. № 17 от 15.01.2025",
		DestroyFrom: date.New(2025, time.January, 15),
		DestroyBy:   date.New(2025, time.February, 14), // 30 days, 152-FZ art. 21 part 5
	}
	fmt.Println(it.Validate(date.New(2025, time.January, 20)))

	it.Medium = destruction.Paper("Заявление", 0)
	err := it.Validate(date.New(2025, time.January, 14))
	var ve *pdata.ValidationError
	if errors.As(err, &ve) {
		fmt.Println(ve.Russian())
	}
	// Output:
	// <nil>
	// Не указано количество листов бумажного носителя (Приказ РКН № 179 п. 3 «е», «ж»; Положение п. 9.13)
	// Запись req-2025-017 нельзя уничтожать ранее 15.01.2025: срок хранения на 14.01.2025 не истёк (152-ФЗ ст. 5 ч. 7; Положение п. 9.1)
}

// Steps out of order are refused with a StateError that explains itself.
func ExampleAct_Sign() {
	op := pdata.SampleOperator()
	com := exampleCommission()
	a, _ := destruction.NewSelectionAct(destruction.Header{ID: "sel-1", Number: "1-О", Date: date.New(2025, time.January, 20), Place: "с. Кошки"}, op, com)
	_ = a.Add(destruction.ItemFromDue(exampleDue(), destruction.Subject{Name: "Иванова Мария Петровна"},
		pdata.SetOf(pdata.DataFullName), destruction.Paper("Поквартирная карточка", 2)))
	err := a.Sign(com.Chair, time.Date(2025, time.January, 20, 12, 0, 0, 0, op.Zone()))
	var se *destruction.StateError
	if errors.As(err, &se) {
		fmt.Println(errors.Is(err, destruction.ErrState))
		fmt.Println(se.Russian())
	}
	// Output:
	// true
	// Акт № 1-О: акт подписывается после проверки наличия всех носителей и их опечатывания председателем комиссии (Положение пп. 9.7–9.9) (состояние акта: проект)
}

// A sealed act that was changed — here one letter of the place in its
// stored JSON — no longer verifies.
func ExampleAct_Verify() {
	op := pdata.SampleOperator()
	com := exampleCommission()
	at := func(hour int) time.Time { return time.Date(2025, time.January, 20, hour, 0, 0, 0, op.Zone()) }
	a, _ := destruction.NewSelectionAct(destruction.Header{ID: "sel-1", Number: "1-О", Date: date.New(2025, time.January, 20), Place: "Kabinet 5"}, op, com)
	_ = a.Add(destruction.ItemFromDue(exampleDue(), destruction.Subject{Name: "Иванова Мария Петровна"},
		pdata.SetOf(pdata.DataFullName), destruction.Paper("Поквартирная карточка", 2)))
	_ = a.CheckAll(at(10))
	_ = a.SealMedia(com.Chair, at(11))
	_ = a.Sign(com.Chair, at(12))

	stored, _ := json.Marshal(a)
	fmt.Println(a.Verify())
	altered := bytes.Replace(stored, []byte("Kabinet 5"), []byte("Kabinet 6"), 1)
	_, err := destruction.DecodeAct(altered)
	fmt.Println(errors.Is(err, destruction.ErrTampered))
	fmt.Println(strings.SplitN(err.Error(), " (", 2)[0])
	// Output:
	// <nil>
	// true
	// destruction: act № 1-О was altered after sealing: the content does not hash to the sealed digest
}

// The extract opens in Excel and LibreOffice: UTF-8 with a byte order mark,
// semicolons between fields.
func ExampleExtract_WriteCSV() {
	e := &destruction.Extract{Lines: []destruction.ExtractLine{{
		RecordID: "res-2019-0042", Subjects: []string{"Иванова Мария Петровна"},
		Categories: []string{"фамилия, имя, отчество", "контактный телефон"}, System: "Жилищный учёт", Records: 12,
		Ground: "истечение срока хранения; 402-ФЗ ст. 29 ч. 1", Date: date.New(2025, time.January, 24),
	}}}
	var b bytes.Buffer
	_ = e.WriteCSV(&b)
	out := b.String()
	fmt.Println(strings.HasPrefix(out, "\ufeff"))
	fmt.Print(strings.ReplaceAll(strings.SplitN(out, "\r\n", 2)[1], "\r\n", "\n"))
	// Output:
	// true
	// 1;res-2019-0042;Иванова Мария Петровна;"фамилия, имя, отчество; контактный телефон";Жилищный учёт;12;"истечение срока хранения; 402-ФЗ ст. 29 ч. 1";24.01.2025
}

// MethodFor gives the method policy 9.11 prescribes for each medium.
func ExampleMethodFor() {
	for _, k := range destruction.MediumKinds() {
		fmt.Printf("%s: %s\n", k.Title(), destruction.MethodFor(k).Short())
	}
	// Output:
	// бумажный носитель: измельчение (шредер)
	// машиночитаемый носитель: физическое повреждение носителя
	// файлы на жёстком диске: удаление средствами ОС с очисткой корзины
	// записи в базе данных информационной системы: удаление записей без возможности восстановления
}

// The Archive keeps each step of an act as a new version in a Store and
// reads acts back verified.
func ExampleArchive() {
	ctx := context.Background()
	ar := destruction.NewArchive(destruction.NewMemStore())
	op := pdata.SampleOperator()
	com := exampleCommission()
	fmt.Println(ar.AddCommission(ctx, com))

	a, _ := destruction.NewSelectionAct(destruction.Header{ID: "sel-1", Number: "1-О", Date: date.New(2025, time.January, 20), Place: "с. Кошки"}, op, com)
	fmt.Println(ar.Save(ctx, a), a.Version())
	_ = a.Add(destruction.ItemFromDue(exampleDue(), destruction.Subject{Name: "Иванова Мария Петровна"},
		pdata.SetOf(pdata.DataFullName), destruction.Paper("Поквартирная карточка", 2)))
	fmt.Println(ar.Save(ctx, a), a.Version())

	stale, _ := ar.Act(ctx, "sel-1")
	_ = a.CheckAll(time.Date(2025, time.January, 20, 10, 0, 0, 0, op.Zone()))
	fmt.Println(ar.Save(ctx, a), a.Version())
	fmt.Println(errors.Is(ar.Save(ctx, stale), destruction.ErrConflict))
	// Output:
	// <nil>
	// <nil> 1
	// <nil> 2
	// <nil> 3
	// true
}
