package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/period"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "training:", err)
		os.Exit(1)
	}
}

// lesson prints the narration.
type lesson struct {
	out io.Writer
	n   int
}

func (l *lesson) chapter(title, intro string) {
	l.n = 0
	fmt.Fprintf(l.out, "\n════ %s ════\n%s\n", title, wrap(intro))
}

// step prints one step: what happens, the rule, its clause, the decision.
func (l *lesson) step(what, rule, clause, decision string) {
	l.n++
	fmt.Fprintf(l.out, "\n%d. %s\n", l.n, what)
	fmt.Fprintf(l.out, "   Правило: %s\n", rule)
	fmt.Fprintf(l.out, "   Где сказано: %s\n", clause)
	fmt.Fprintf(l.out, "   Решение библиотеки: %s\n", indent(decision, "   "))
}

func run(out io.Writer) error {
	l := &lesson{out: out}
	fmt.Fprintln(out, "ОБУЧЕНИЕ: обработка персональных данных в управляющей организации")
	fmt.Fprintln(out, "Каждый шаг: что происходит, какое правило действует, где оно записано и что решила библиотека pdnkit.")
	op := pdata.SampleOperator()
	if err := chapterCategories(l); err != nil {
		return fmt.Errorf("глава 1: %w", err)
	}
	if err := chapterConsent(l, op); err != nil {
		return fmt.Errorf("глава 2: %w", err)
	}
	w, err := newWorld(op)
	if err != nil {
		return err
	}
	if err := chapterClarify(l, w); err != nil {
		return fmt.Errorf("глава 3: %w", err)
	}
	if err := chapterUnlawful(l, w); err != nil {
		return fmt.Errorf("глава 4: %w", err)
	}
	fmt.Fprintln(out, "\nКонец обучения.")
	return nil
}

// ── Chapter 1 ──────────────────────────────────────────────────────────────

func resident() (pdata.Subject, error) {
	s := pdata.Subject{ID: "res-7", Category: pdata.Resident, LastName: "Орлова", FirstName: "Вера", Patronymic: "Павловна",
		RegistrationAddress: "446800, Самарская обл., с. Кошки, ул. Советская, д. 5, кв. 2"}
	var err error
	if s.SNILS, err = pdata.ParseSNILS("112-233-445 95"); err != nil {
		return s, err
	}
	if s.Phone, err = pdata.ParsePhone("8 927 555-12-34"); err != nil {
		return s, err
	}
	pass, err := pdata.ParsePassport("36 10 123456")
	if err != nil {
		return s, err
	}
	pass.IssueDate, pass.Issuer, pass.DivisionCode = date.New(2010, 6, 15), "Отделением УФМС России по Самарской области в Кошкинском районе", "630-045"
	s.Passport = &pass
	s.Property = []pdata.PropertyRight{{Kind: pdata.Ownership, Premises: "с. Кошки, ул. Советская, д. 5, кв. 2",
		Area: decimal.RequireFromString("41.7"), Share: decimal.RequireFromString("0.5"), Residents: 2, Registered: 2}}
	s.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataSNILS, pdata.DataPhone, pdata.DataIdentityDocument)
	s.SetSource(pdata.FromRosreestr, pdata.DataPropertyRights)
	return s, nil
}

func verdict(err error) string {
	if err == nil {
		return "допустимо."
	}
	var ve *pdata.ValidationError
	if errors.As(err, &ve) {
		return "отказано:\n" + ve.Russian()
	}
	return "ошибка: " + err.Error()
}

func chapterCategories(l *lesson) error {
	l.chapter("Глава 1. Чьи данные и какие мы обрабатываем",
		"Положение называет четыре категории субъектов и для каждой — закрытый перечень данных. Всё сверх перечня избыточно, "+
			"а сведения о здоровье, национальности, убеждениях и интимной жизни не собираются вовсе.")
	policy := pdata.DefaultPolicy()
	s, err := resident()
	if err != nil {
		return err
	}
	l.step("Собственница квартиры: ФИО, адрес, паспорт, СНИЛС, телефон; права на помещение — из Росреестра.",
		"для собственников и пользователей помещений — ФИО, адреса, паспорт, права на помещение, ИНН, СНИЛС, телефон, e-mail, воинский учёт; "+
			"сведения о правах можно получить из Росреестра без согласия",
		"п. 2.3.2, 3.4 Положения", verdict(policy.Check(s)))

	site := pdata.Subject{ID: "web-1", Category: pdata.SiteUser, Passport: s.Passport, Phone: s.Phone}
	site.SetSource(pdata.FromSubject, pdata.DataIdentityDocument, pdata.DataPhone)
	l.step("Форма обратной связи на сайте просит паспортные данные посетителя.",
		"о пользователях сайта — только телефон, e-mail, IP-адрес, cookies, браузер, время доступа и реферер",
		"п. 2.3.4 Положения", verdict(policy.Check(site)))

	sick := s
	sick.Other = map[pdata.DataCategory]string{pdata.DataHealth: "инвалидность II группы"}
	sick.SetSource(pdata.FromSubject, pdata.DataHealth)
	l.step("Сотрудник вносит в карточку жильца сведения об инвалидности «для льгот».",
		"сведения о здоровье, расе, национальности, взглядах, убеждениях и интимной жизни не собираются и не обрабатываются",
		"п. 6.1.3 Положения; ст. 10 152-ФЗ", verdict(policy.Check(sick)))

	fmt.Fprintf(l.out, "\n   В журнале карточка печатается так: %v — идентификаторы скрыты (п. 8.1).\n", s)
	return nil
}

// ── Chapter 2 ──────────────────────────────────────────────────────────────

func writtenConsent(op pdata.Operator) (consent.Consent, error) {
	pass, err := pdata.ParsePassport("36 10 123456")
	if err != nil {
		return consent.Consent{}, err
	}
	pass.IssueDate, pass.Issuer, pass.DivisionCode = date.New(2010, 6, 15), "Отделением УФМС России по Самарской области в Кошкинском районе", "630-045"
	return consent.Consent{
		ID: "С-2026/12", SubjectID: "res-7", SubjectCategory: pdata.Resident, Kind: consent.Processing,
		Subject: consent.Person{LastName: "Орлова", FirstName: "Вера", Patronymic: "Павловна",
			Address: "446800, Самарская обл., с. Кошки, ул. Советская, д. 5, кв. 2", Document: pass},
		Operator:      consent.OperatorParty(op),
		Purposes:      []string{purpose},
		Categories:    []pdata.DataCategory{pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataPhone, pdata.DataSNILS},
		Actions:       consent.StandardActions(),
		Method:        consent.Mixed,
		Validity:      consent.Validity{For: period.NewYMD(5, 0, 0)},
		HowToWithdraw: "письменным заявлением по адресу: " + op.Address,
		Signature:     consent.Signature{Kind: consent.Handwritten},
		Document:      consent.Document{Title: "Согласие на обработку персональных данных", Form: consent.Paper, Standalone: true},
		Given:         date.New(2026, 1, 15),
	}, nil
}

const purpose = "управление многоквартирным домом и начисление платы за жилое помещение и коммунальные услуги"

func chapterConsent(l *lesson, op pdata.Operator) error {
	l.chapter("Глава 2. Согласие",
		"Обрабатываем данные с письменного согласия субъекта, кроме сведений из Росреестра. Согласие — отдельный документ "+
			"с обязательными реквизитами; его можно отозвать, и тогда данные, которые держались только на нём, уничтожаются.")
	ctx := context.Background()
	rules := consent.DefaultRules()
	rules.Operator = op
	c, err := writtenConsent(op)
	if err != nil {
		return err
	}
	draft := c
	draft.Subject.Address, draft.Signature = "", consent.Signature{}
	l.step("Жилец принёс согласие без адреса и без подписи.",
		"в письменном согласии — ФИО, адрес, паспорт субъекта, оператор, цель, перечень данных, действия, срок, порядок отзыва, подпись",
		"ч. 4 ст. 9 152-ФЗ; п. 3.3 Положения", verdict(consent.ValidateWith(draft, rules)))

	d, err := consent.NewDecider(consent.NewMemoryStore(), rules)
	if err != nil {
		return err
	}
	if err := d.Give(ctx, c); err != nil {
		return err
	}
	l.step("Исправленное согласие принято и сохранено.", "согласие проверяется до того, как на него опираться", "ч. 4 ст. 9 152-ФЗ", "допустимо, согласие № "+c.ID+" от "+c.Given.Format("02.01.2006")+".")

	moment := time.Date(2026, 2, 2, 10, 0, 0, 0, op.Zone())
	ask := func(k consent.OpKind, cats []pdata.DataCategory, recipient string) (string, error) {
		dec, err := d.Decide(ctx, consent.Operation{Kind: k, SubjectID: "res-7", Subject: pdata.Resident, Purpose: purpose,
			Categories: cats, Recipient: recipient, At: moment})
		if err != nil {
			return "", err
		}
		return dec.Russian(), nil
	}
	dec, err := ask(consent.OpUse, []pdata.DataCategory{pdata.DataFullName, pdata.DataPhone}, "")
	if err != nil {
		return err
	}
	l.step("Диспетчер звонит жильцу по телефону из карточки, чтобы согласовать доступ в квартиру.",
		"обработка ведётся с согласия и только для заявленной цели", "п. 3.3, 2.1 Положения", dec)
	dec, err = ask(consent.OpDistribute, []pdata.DataCategory{pdata.DataFullName}, "")
	if err != nil {
		return err
	}
	l.step("Бухгалтер хочет вывесить список должников с фамилиями на сайте.",
		"распространение — только с отдельного согласия на распространение", "ст. 10.1 152-ФЗ; п. 8.2 Положения", dec)
	dec, err = ask(consent.OpTransferAbroad, []pdata.DataCategory{pdata.DataFullName}, "")
	if err != nil {
		return err
	}
	l.step("Подрядчик предлагает хранить базу в зарубежном облаке.", "трансграничная передача не осуществляется", "п. 3.5 Положения", dec)

	received := date.New(2026, 3, 3)
	term, err := d.Withdraw(ctx, c.ID, consent.Withdrawal{Date: received, Document: "заявление вх. № 41 от 03.03.2026"})
	if err != nil {
		return err
	}
	due, err := requests.Due(retention.RussianCalendar(), requests.Withdraw, received, false)
	if err != nil {
		return err
	}
	l.step("Жилец отозвал согласие заявлением 03.03.2026.",
		"обработку на основании согласия прекратить; данные, которые держатся только на нём, уничтожить в течение 30 календарных дней "+
			"(последний день не переносится, даже если он выходной)",
		"ч. 2 ст. 9, ч. 5 ст. 21 152-ФЗ",
		fmt.Sprintf("обработка прекращается с %s; уничтожить до %s (%s). Срок обращения в журнале обращений — тот же: до %s.",
			term.Received.Format("02.01.2006"), term.DestroyBy.Format("02.01.2006"), term.Basis, due.Format("02.01.2006")))
	after, err := d.Decide(ctx, consent.Operation{Kind: consent.OpUse, SubjectID: "res-7", Subject: pdata.Resident, Purpose: purpose,
		Categories: []pdata.DataCategory{pdata.DataPhone}, At: time.Date(2026, 3, 4, 10, 0, 0, 0, op.Zone())})
	if err != nil {
		return err
	}
	l.step("На следующий день диспетчер снова собирается позвонить.", "после отзыва на согласие опираться нельзя", "ч. 2 ст. 9 152-ФЗ", after.Russian())
	return nil
}

// ── The requests world of chapters 3 and 4 ─────────────────────────────────

type world struct {
	op    pdata.Operator
	svc   *requests.Service
	dir   *requests.MemoryDirectory
	out   *requests.Outbox
	queue *requests.SelectionQueue
	audit *requests.MemoryAuditLog
}

func newWorld(op pdata.Operator) (*world, error) {
	s, err := resident()
	if err != nil {
		return nil, err
	}
	w := &world{op: op, dir: requests.NewMemoryDirectory(s), out: &requests.Outbox{}, queue: &requests.SelectionQueue{},
		audit: requests.NewMemoryAuditLog()}
	staff := requests.StaffList{Order: "Приказ № 3 от 12.01.2026", Members: []requests.StaffMember{
		{ID: "belova", Official: pdata.Official{Position: "Специалист по работе с населением", LastName: "Белова", FirstName: "Ирина", Patronymic: "Сергеевна"}},
		{ID: "sidorov", Official: op.Head, Resolves: true},
	}}
	w.svc, err = requests.New(requests.Config{Operator: op, Store: requests.NewMemoryStore(), Journal: requests.NewMemoryJournal(),
		Audit: w.audit, Directory: w.dir, Notifier: w.out, Destroyer: w.queue, Access: staff})
	return w, err
}

func (w *world) at(m time.Month, d, hh, mm int) time.Time {
	return time.Date(2026, m, d, hh, mm, 0, 0, w.op.Zone())
}

func (w *world) clerk(t time.Time) requests.Actor { return requests.Actor{ID: "belova", At: t} }

func russian(err error) string {
	var se *requests.StateError
	var fe *requests.ForbiddenError
	var ve *pdata.ValidationError
	switch {
	case errors.As(err, &se):
		return "отказано: " + se.Russian()
	case errors.As(err, &fe):
		return "отказано: " + fe.Russian() + "; попытка записана в журнал"
	case errors.As(err, &ve):
		return "отказано:\n" + ve.Russian()
	case err != nil:
		return "ошибка: " + err.Error()
	}
	return "выполнено."
}

// ── Chapter 3 ──────────────────────────────────────────────────────────────

func chapterClarify(l *lesson, w *world) error {
	l.chapter("Глава 3. Уточнение данных с блокированием",
		"Если субъект сообщает, что его данные неточны, данные блокируются с момента обращения на время проверки. "+
			"Подтвердилось — уточняем и снимаем блокирование; нет — мотивированно отказываем и тоже снимаем.")
	ctx := context.Background()

	pass, err := pdata.ParsePassport("36 10 123456")
	if err != nil {
		return err
	}
	pass.IssueDate, pass.Issuer = date.New(2010, 6, 15), "Отделением УФМС России по Самарской области в Кошкинском районе"
	in := requests.NewRequest{ID: "31", Kind: requests.Clarify, SubjectID: "res-7", Received: w.at(3, 2, 9, 15),
		Channel: requests.InPerson, Signature: requests.Handwritten,
		Requester:    requests.Requester{Party: requests.BySubject, Identity: &pass},
		Relationship: requests.Relationship{Account: "0042117"},
		Matter:       "сменила фамилию после вступления в брак, прошу исправить"}

	_, err = w.svc.Register(ctx, requests.Actor{ID: "practicant", At: w.at(3, 2, 9, 20)}, in)
	l.step("Практикант, которого нет в перечне допущенных, пытается зарегистрировать обращение.",
		"доступ к персональным данным — только у сотрудников из перечня, утверждённого руководителем", "п. 3.8, 4.3 Положения", russian(err))

	r, err := w.svc.Register(ctx, w.clerk(w.at(3, 2, 9, 25)), in)
	if err != nil {
		return err
	}
	holds, err := w.dir.Holds(ctx, "res-7")
	if err != nil || len(holds) == 0 {
		return fmt.Errorf("no block after registration: %v", err)
	}
	l.step("Специалист регистрирует обращение об уточнении (вх. № 31, 02.03.2026 09:15).",
		"при обращении о недостоверных данных оператор блокирует их с момента обращения на период проверки",
		"п. 6.1.7 Положения; ч. 1 ст. 21 152-ФЗ",
		fmt.Sprintf("зарегистрировано; данные заблокированы с %s (%s); срок: %s.",
			holds[0].Since.In(w.op.Zone()).Format("02.01.2006 15:04"), holds[0].Basis, r.Deadline))

	_, err = w.svc.Remedy(ctx, w.clerk(w.at(3, 2, 11, 0)), "31", "исправили")
	l.step("Специалист пытается закрыть обращение как «устранение нарушения».",
		"каждое обращение закрывается своим действием: уточнение — уточнением или мотивированным отказом", "п. 6.1.8 Положения", russian(err))

	r, err = w.svc.DocumentsArrived(ctx, w.clerk(w.at(3, 4, 10, 0)), "31", date.New(2026, 3, 4), "копия свидетельства о заключении брака")
	if err != nil {
		return err
	}
	l.step("04.03.2026 заявительница принесла свидетельство о браке.",
		"уточнить данные в течение 7 рабочих дней со дня представления подтверждающих сведений",
		"п. 6.1.8 Положения; ч. 2 ст. 21 152-ФЗ", "срок пересчитан: "+r.Deadline.String()+".")

	fixed, err := w.dir.Subject(ctx, "res-7")
	if err != nil {
		return err
	}
	fixed.LastName = "Смирнова"
	r, err = w.svc.Clarify(ctx, w.clerk(w.at(3, 5, 14, 0)), "31", fixed, "копия свидетельства о заключении брака")
	if err != nil {
		return err
	}
	n := w.out.Sent()[len(w.out.Sent())-1]
	l.step("Сведения подтвердились: специалист вносит новую фамилию.",
		"уточнить данные и снять блокирование; уведомить субъекта", "п. 6.1.8 Положения; ч. 2 ст. 21 152-ФЗ",
		fmt.Sprintf("%s; данные заблокированы: %v; уведомление «%s»: %s", r.Status.Title(), yesNo(w.dir.Blocked("res-7")), n.Title, n.Body))
	return nil
}

// ── Chapter 4 ──────────────────────────────────────────────────────────────

func chapterUnlawful(l *lesson, w *world) error {
	l.chapter("Глава 4. Неправомерная обработка: уничтожение и акт",
		"Роскомнадзор сообщил, что управляющая организация без оснований выложила телефоны жильцов в общий чат дома. "+
			"Нарушение устраняется в течение трёх рабочих дней; если устранить нельзя — данные уничтожаются в тот же срок "+
			"комиссией, с актом. Уведомляются субъект и Роскомнадзор.")
	ctx := context.Background()
	in := requests.NewRequest{ID: "44", Kind: requests.Unlawful, SubjectID: "res-7", Received: w.at(3, 6, 11, 0),
		Channel: requests.Electronic, Signature: requests.ElectronicSignature,
		Requester: requests.Requester{Party: requests.ByAuthority, Name: "Управление Роскомнадзора по Самарской области",
			Letter: requests.Letter{Number: "4417-03/63", Date: date.New(2026, 3, 5)}},
		Matter: "телефон субъекта размещён в общем чате дома без согласия"}
	r, err := w.svc.Register(ctx, w.clerk(w.at(3, 6, 11, 30)), in)
	if err != nil {
		return err
	}
	l.step("Письмо Роскомнадзора поступило в пятницу 06.03.2026.",
		"устранить нарушение в течение трёх рабочих дней с даты выявления; закон допускает 10 рабочих дней на уничтожение, "+
			"Положение строже — 3, действует Положение; данные блокируются на время проверки",
		"п. 6.1.7, 6.1.9 Положения; ч. 1, 3 ст. 21 152-ФЗ",
		fmt.Sprintf("зарегистрировано; заблокировано: %v; срок: %s.", yesNo(r.Blocked), r.Deadline))

	items := []destruction.Item{
		{RecordID: "crm/res-7/phone", Categories: pdata.SetOf(pdata.DataPhone), Medium: destruction.DBRecords("«Квартира.Бурмистр.ру»", 1)},
		{RecordID: "paper/chat-list-03-2026", Categories: pdata.SetOf(pdata.DataFullName, pdata.DataPhone), Medium: destruction.Paper("Распечатка списка участников чата", 2)},
	}
	r, err = w.svc.HandOver(ctx, w.clerk(w.at(3, 10, 9, 0)), "44", items)
	if err != nil {
		return err
	}
	l.step("Телефон уже разошёлся по чату, законность обработки восстановить нельзя: данные передаются комиссии.",
		"при невозможности устранить нарушение — уничтожить данные; комиссия отбирает носители с указанием оснований",
		"п. 6.1.9, 9.2, 9.4 Положения",
		fmt.Sprintf("%s: носителей — %d, основание — «%s» (%s), уничтожить до %s.", r.Status.Title(), len(w.queue.Items()),
			r.Handover.Ground.Title(), r.Handover.Basis, r.Deadline.Date.Format("02.01.2006")))

	act, sel, err := commission(w.op, w.queue.Items())
	if err != nil {
		return err
	}
	l.step("Комиссия составляет акт об отборе, сверяет и опечатывает носители, подписывает; руководитель утверждает.",
		"акт без исправлений, подписи всех членов комиссии, утверждение руководителем", "п. 9.5–9.9 Положения",
		fmt.Sprintf("акт об отборе № %s: %s.", sel.Number(), sel.State().Title()))
	l.step("В присутствии всей комиссии носители уничтожены: запись в базе удалена, распечатка измельчена в шредере.",
		"уничтожение после утверждения акта, в присутствии всех членов комиссии; способ — по виду носителя",
		"п. 9.10–9.13 Положения; Приказ РКН № 179",
		fmt.Sprintf("акт об уничтожении № %s: %s; SHA-256 %s.", act.Number(), act.State().Title(), act.Digest()[:16]+"…"))

	r, err = w.svc.ConfirmDestruction(ctx, w.clerk(w.at(3, 11, 16, 0)), "44", act.Ref())
	if err != nil {
		return err
	}
	s, err := w.dir.Subject(ctx, "res-7")
	if err != nil {
		return err
	}
	var to []string
	for _, n := range w.out.Sent() {
		if n.RequestID == "44" {
			to = append(to, n.To.Title())
		}
	}
	l.step("Специалист закрывает обращение по утверждённому акту.",
		"об уничтожении уведомить субъекта, а если обращался уполномоченный орган — и его",
		"п. 6.1.9 Положения; ч. 3 ст. 21 152-ФЗ",
		fmt.Sprintf("%s (%s); телефон в карточке: %v; уведомлены: %s.", r.Status.Title(), onTime(r, w.op),
			yesNo(s.Held().Has(pdata.DataPhone)), strings.Join(to, "; ")))

	recs, err := act.RetentionRecords()
	if err != nil {
		return err
	}
	sched := retention.Default()
	var keep []string
	for _, rec := range recs {
		t, err := sched.Term(rec)
		if err != nil {
			return err
		}
		keep = append(keep, rec.ID+" — до "+t.End.Format("02.01.2006"))
	}
	l.step("Акты подшиваются в дело.", "акт об уничтожении и выгрузка из журнала хранятся 3 года", "п. 9.14 Положения; п. 8 Приказа РКН № 179",
		strings.Join(keep, "; ")+".")

	var b bytes.Buffer
	if err := act.RenderText(&b); err != nil {
		return err
	}
	fmt.Fprintf(l.out, "\n   Акт об уничтожении (текст):\n   │ %s\n", indent(strings.TrimRight(b.String(), "\n"), "   │ "))
	return nil
}

// commission runs the destruction procedure for the items handed over.
func commission(op pdata.Operator, items []destruction.Item) (act, sel *destruction.Act, err error) {
	com := destruction.Commission{ID: "комиссия-2026", Order: destruction.Order{Number: "2-од", Date: date.New(2026, 1, 12)},
		Chair: pdata.Official{Position: "Главный инженер", LastName: "Петров", FirstName: "Андрей", Patronymic: "Сергеевич"},
		Members: []pdata.Official{
			{Position: "Главный бухгалтер", LastName: "Кузнецова", FirstName: "Ольга", Patronymic: "Викторовна"},
			{Position: "Специалист по кадрам", LastName: "Смирнова", FirstName: "Елена", Patronymic: "Николаевна"},
		}}
	place := "село Кошки, 4 квартал, дом 11, кабинет 5"
	at := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, op.Zone()) }
	do := func(steps ...func() error) error {
		for _, s := range steps {
			if err := s(); err != nil {
				return err
			}
		}
		return nil
	}
	signAll := func(a *destruction.Act, d int) func() error {
		return func() error {
			for i, m := range com.All() {
				if err := a.Sign(m, at(d, 12, i)); err != nil {
					return err
				}
			}
			return nil
		}
	}
	sel, err = destruction.NewSelectionAct(destruction.Header{ID: "отбор-44", Number: "4-О", Date: date.New(2026, 3, 10), Place: place}, op, com)
	if err != nil {
		return nil, nil, err
	}
	if err := do(
		func() error { return sel.Add(items...) },
		func() error { return sel.CheckAll(at(10, 10, 0)) },
		func() error { return sel.SealMedia(com.Chair, at(10, 10, 30)) },
		signAll(sel, 10),
		func() error { return sel.Approve(op.Head, at(10, 14, 0)) },
	); err != nil {
		return nil, nil, fmt.Errorf("акт об отборе: %w", err)
	}
	act, err = destruction.NewDestructionAct(destruction.Header{ID: "уничтожение-44", Number: "4-У", Date: date.New(2026, 3, 11), Place: place}, sel)
	if err != nil {
		return nil, nil, err
	}
	if err := do(
		func() error { return act.CheckAll(at(11, 9, 30)) },
		func() error {
			return act.RecordDestruction(destruction.Destruction{At: at(11, 10, 0), Place: place + " (шредер); серверная", Present: com.All()})
		},
		signAll(act, 11),
		func() error { return act.Approve(op.Head, at(11, 15, 0)) },
	); err != nil {
		return nil, nil, fmt.Errorf("акт об уничтожении: %w", err)
	}
	return act, sel, nil
}

func onTime(r requests.Request, op pdata.Operator) string {
	if op.DateOf(r.Closed) <= r.Deadline.Date {
		return "в срок, до " + r.Deadline.Date.Format("02.01.2006")
	}
	return "с нарушением срока " + r.Deadline.Date.Format("02.01.2006")
}

func yesNo(b bool) string {
	if b {
		return "да"
	}
	return "нет"
}

func indent(s, prefix string) string { return strings.ReplaceAll(s, "\n", "\n"+prefix) }

// wrap breaks a paragraph at about 110 characters.
func wrap(s string) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(s) {
		w := len([]rune(word))
		if i > 0 && n+1+w > 110 {
			b.WriteByte('\n')
			n = 0
		} else if i > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += w
	}
	return b.String()
}
