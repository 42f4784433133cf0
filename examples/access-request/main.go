package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "access-request:", err)
		os.Exit(1)
	}
}

func run(out io.Writer) error {
	ctx := context.Background()
	op := pdata.SampleOperator()
	zone := op.Zone()
	at := func(m time.Month, d, hh, mm int) time.Time { return time.Date(2026, m, d, hh, mm, 0, 0, zone) }
	p := func(format string, args ...any) { fmt.Fprintf(out, format+"\n", args...) }

	// The host's side: its register of subjects, its stores, its staff.
	owner, household, err := residents()
	if err != nil {
		return err
	}
	dir := requests.NewMemoryDirectory(append([]pdata.Subject{owner}, household...)...)
	store, journal, outbox := requests.NewMemoryStore(), requests.NewMemoryJournal(), &requests.Outbox{}
	staff := requests.StaffList{Order: "Приказ № 3 от 12.01.2026 «Об утверждении перечня лиц, допущенных к обработке персональных данных»",
		Members: []requests.StaffMember{{ID: "belova", Official: pdata.Official{Position: "Специалист по работе с населением",
			LastName: "Белова", FirstName: "Ирина", Patronymic: "Сергеевна"}}}}
	svc, err := requests.New(requests.Config{Operator: op, Store: store, Journal: journal, Audit: requests.NewMemoryAuditLog(),
		Directory: dir, Notifier: outbox, Destroyer: &requests.SelectionQueue{}, Access: staff})
	if err != nil {
		return err
	}
	cal := svc.Calendar()
	clerk := func(t time.Time) requests.Actor { return requests.Actor{ID: "belova", At: t} }

	p("== 1. Поступление запроса ==")
	received := at(time.February, 20, 16, 40)
	pass, err := pdata.ParsePassport("36 10 123456")
	if err != nil {
		return err
	}
	pass.IssueDate, pass.Issuer, pass.DivisionCode = date.New(2010, 6, 15), "Отделением УФМС России по Самарской области в Кошкинском районе", "630-045"
	in := requests.NewRequest{
		ID: "17", Kind: requests.Access, SubjectID: owner.ID, Received: received,
		Channel: requests.Post, Signature: requests.Handwritten,
		Requester:    requests.Requester{Party: requests.BySubject, Identity: &pass, ReplyTo: "446800, с. Кошки, ул. Садовая, д. 3, кв. 7"},
		Relationship: requests.Relationship{Contract: "17/У", ContractDate: date.New(2019, 3, 4)},
		Matter:       "прошу сообщить, какие мои персональные данные обрабатываются и на каком основании",
	}
	p("Получено: %s, %s (время Самары) — последний рабочий день перед праздником 23.02.2026.",
		weekday(op.DateOf(received)), received.Format("02.01.2006 15:04"))
	missing := requests.CheckIntake(in, op.DateOf(received))
	p("Проверка реквизитов (ч. 3 ст. 14 152-ФЗ; п. 6.1.4 Положения): %s.", intakeVerdict(missing))

	r, err := svc.Register(ctx, clerk(at(time.February, 20, 17, 5)), in)
	if err != nil {
		return err
	}
	p("Зарегистрировано: вх. № %s, %s.", r.ID, r.Status.Title())
	p("Срок ответа: %s.", r.Deadline)
	days, err := workdays(cal, r.Deadline.From, r.Deadline.Days)
	if err != nil {
		return err
	}
	p("  Рабочие дни срока: %s.", days)
	p("  23.02.2026 (День защитника Отечества) и 09.03.2026 (перенос с 08.03) — нерабочие, в срок не входят.")

	p("")
	p("Для сравнения — сроки по обращениям других видов, полученным в тот же день:")
	from := r.ReceivedOn
	for _, k := range requests.Kinds() {
		rule, err := requests.RuleFor(k, requests.BySubject)
		if err != nil {
			return err
		}
		d, err := requests.Due(cal, k, from, false)
		if err != nil {
			return err
		}
		unit := pdata.PluralRU(rule.Days, "рабочий день", "рабочих дня", "рабочих дней")
		if rule.Calendar {
			unit = pdata.PluralRU(rule.Days, "календарный день", "календарных дня", "календарных дней")
		}
		p("  %-58s до %s (%d %s; %s)", k.Title()+":", d.Format("02.01.2006"), rule.Days, unit, rule.Basis)
	}
	rkn, err := requests.DueFor(cal, requests.Request{Kind: requests.Access, Requester: requests.Requester{Party: requests.ByAuthority}, ReceivedOn: from})
	if err != nil {
		return err
	}
	p("  %-58s %s", "запрос Роскомнадзора:", rkn)

	p("")
	p("== 2. Контроль сроков ==")
	asOf := date.New(2026, 3, 5)
	for s, err := range svc.DueSoon(ctx, asOf, 3) {
		if err != nil {
			return err
		}
		p("На %s истекают в ближайшие 3 рабочих дня: вх. № %s (%s), срок до %s.", asOf.Format("02.01.2006"), s.ID, s.Kind.Title(), s.Deadline.Date.Format("02.01.2006"))
	}

	p("")
	p("== 3. Продление срока (ч. 3 ст. 14 152-ФЗ) ==")
	r, err = svc.Extend(ctx, clerk(at(time.March, 6, 15, 0)), "17",
		"сведения о начислениях за 2019–2021 годы хранятся в архиве расчётного отдела и запрошены оттуда")
	if err != nil {
		return err
	}
	p("Новый срок: %s.", r.Deadline)
	notice := last(outbox.Sent())
	p("%s — направлено %s по адресу: %s", notice.Title, notice.At.Format("02.01.2006 15:04"), notice.ReplyTo)
	p("%s", indent(notice.Body))

	p("")
	p("== 4. Ответ ==")
	r, err = svc.Fulfil(ctx, clerk(at(time.March, 16, 11, 30)), "17", requests.Answer{})
	if err != nil {
		return err
	}
	answer := last(outbox.Sent())
	p("%s: %s (%s).", r.Status.Title(), answer.At.Format("02.01.2006 15:04"), onTime(r))
	p("")
	p("%s", answer.Report.Text())

	p("== 5. История обращения (записи только добавляются) ==")
	for _, e := range r.History {
		p("  %s  %-8s %s: %s", e.At.In(zone).Format("02.01.2006 15:04"), e.Actor, e.Action.Title(), e.Reason)
	}

	p("")
	p("== 6. Журнал учёта передачи персональных данных (п. 5.3 Положения) ==")
	for d, err := range journal.BySubject(ctx, owner.ID) {
		if err != nil {
			return err
		}
		p("  %s: %s — %s; основание: %s", d.On.Format("02.01.2006"), d.RecipientName, d.Categories.Titles(), d.Basis)
	}
	n := 0
	for _, err := range svc.Overdue(ctx, date.New(2026, 3, 18)) {
		if err != nil {
			return err
		}
		n++
	}
	p("")
	p("Просроченных обращений на 18.03.2026: %d.", n)
	return nil
}

// residents returns the owner and the two people living with her.
func residents() (pdata.Subject, []pdata.Subject, error) {
	var errs []error
	must := func(err error) { errs = append(errs, err) }
	pass, err := pdata.ParsePassport("36 10 123456")
	must(err)
	pass.IssueDate, pass.Issuer, pass.DivisionCode = date.New(2010, 6, 15), "Отделением УФМС России по Самарской области в Кошкинском районе", "630-045"
	address := "446800, Самарская обл., Кошкинский р-н, с. Кошки, ул. Садовая, д. 3, кв. 7"
	owner := pdata.Subject{ID: "res-1", Category: pdata.Resident, LastName: "Кузнецова", FirstName: "Анна", Patronymic: "Петровна",
		Sex: pdata.Female, BirthDate: date.New(1978, 4, 12), RegistrationAddress: address, Passport: &pass}
	owner.SNILS, err = pdata.ParseSNILS("112-233-445 95")
	must(err)
	owner.Phone, err = pdata.ParsePhone("8 (927) 123-45-67")
	must(err)
	cad, err := pdata.ParseCadastral("63:24:0502003:123")
	must(err)
	owner.Property = []pdata.PropertyRight{{Kind: pdata.Ownership, Premises: "с. Кошки, ул. Садовая, д. 3, кв. 7", Cadastral: cad,
		Registration: "63:24:0502003:123-63/001/2015-1", RegisteredOn: date.New(2015, 3, 2),
		Area: decimal.RequireFromString("54.3"), Share: decimal.NewFromInt(1), Residents: 3, Registered: 3}}
	owner.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataSex, pdata.DataBirthDate, pdata.DataRegistrationAddress,
		pdata.DataIdentityDocument, pdata.DataSNILS, pdata.DataPhone)
	owner.SetSource(pdata.FromRosreestr, pdata.DataPropertyRights)

	husband := pdata.Subject{ID: "res-2", Category: pdata.Resident, HouseholdOf: owner.ID, LastName: "Кузнецов", FirstName: "Игорь",
		Patronymic: "Владимирович", RegistrationAddress: address}
	husband.SNILS, err = pdata.ParseSNILS("123-456-789 64")
	must(err)
	husband.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataSNILS)
	lodger := pdata.Subject{ID: "res-3", Category: pdata.Resident, HouseholdOf: owner.ID, LastName: "Зайцев", FirstName: "Олег", RegistrationAddress: address}
	lodger.SNILS, err = pdata.ParseSNILS("987-654-321 83")
	must(err)
	lodger.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataSNILS)

	policy := pdata.DefaultPolicy()
	for _, s := range []pdata.Subject{owner, husband, lodger} {
		must(policy.Check(s))
	}
	for _, e := range errs {
		if e != nil {
			return pdata.Subject{}, nil, e
		}
	}
	return owner, []pdata.Subject{husband, lodger}, nil
}

func intakeVerdict(missing []pdata.FieldError) string {
	if len(missing) == 0 {
		return "все сведения на месте (документ, удостоверяющий личность, номер и дата договора, подпись)"
	}
	parts := make([]string, len(missing))
	for i, m := range missing {
		parts[i] = m.MessageRU
	}
	return "не хватает: " + strings.Join(parts, "; ")
}

func workdays(cal *retention.Calendar, from date.Date, n int) (string, error) {
	parts := make([]string, 0, n)
	for i := 1; i <= n; i++ {
		d, err := cal.AddWorkdays(from, i)
		if err != nil {
			return "", err
		}
		parts = append(parts, d.Format("02.01"))
	}
	return strings.Join(parts, ", "), nil
}

var weekdays = [...]string{"воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"}

func weekday(d date.Date) string { return weekdays[d.Weekday()] }

func last(ns []requests.Notice) requests.Notice {
	if len(ns) == 0 {
		return requests.Notice{}
	}
	return ns[len(ns)-1]
}

func onTime(r requests.Request) string {
	if r.Closed.IsZero() {
		return "не завершено"
	}
	y, m, d := r.Closed.In(pdata.SampleOperator().Zone()).Date()
	if date.New(y, m, d) <= r.Deadline.Date {
		return "в срок, до " + r.Deadline.Date.Format("02.01.2006")
	}
	return "с нарушением срока " + r.Deadline.Date.Format("02.01.2006")
}

func indent(s string) string { return "    " + strings.ReplaceAll(s, "\n", "\n    ") }
