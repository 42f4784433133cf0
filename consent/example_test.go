package consent_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/consent/consenttest"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

// Validate reports every missing element at once, each with the item of
// 152-FZ art. 9 part 4 it breaks.
func ExampleValidate() {
	c := consenttest.Sample("C-1", "resident-1") // a complete consent with invented data
	c.Subject.Address = ""
	c.Signature = consent.Signature{}

	err := consent.Validate(c)
	var ve *pdata.ValidationError
	if errors.As(err, &ve) {
		for _, fe := range ve.Errors {
			fmt.Println(fe.Field+":", fe.MessageRU)
		}
	}
	fmt.Println(errors.Is(err, consent.ErrInvalid))
	// Output:
	// Subject.Address: не указан адрес субъекта (п. 1 ч. 4 ст. 9 152-ФЗ)
	// Signature.Kind: согласие не подписано субъектом (представителем) (п. 9 ч. 4 ст. 9 152-ФЗ)
	// true
}

// Decide answers "may we do this?" from the consents on file, with the
// ground it rests on or every reason it is refused.
func ExampleDecide() {
	given := consenttest.Sample("C-1", "resident-1") // given 01.10.2025 for 5 years
	rules := consent.DefaultRules()
	rules.Operator = pdata.SampleOperator() // dates in Samara time
	samara := rules.Operator.Zone()

	ops := []consent.Operation{
		{Kind: consent.OpStore, Purpose: given.Purposes[0], Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataPhone}},
		{Kind: consent.OpCollect, Purpose: given.Purposes[0], Categories: []pdata.DataCategory{pdata.DataPropertyRights}, Source: pdata.FromRosreestr},
		{Kind: consent.OpDistribute, Purpose: "список должников на сайте", Categories: []pdata.DataCategory{pdata.DataFullName}},
		{Kind: consent.OpTransferAbroad, Purpose: given.Purposes[0], Categories: []pdata.DataCategory{pdata.DataFullName}},
	}
	for _, op := range ops {
		op.SubjectID, op.Subject = "resident-1", pdata.Resident
		op.At = time.Date(2025, 11, 5, 10, 0, 0, 0, samara)
		d, err := consent.Decide([]consent.Consent{given}, op, rules)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(op.Kind.Title()+":", d.Russian())
	}
	// Output:
	// запись и хранение: Разрешено. Основание:
	// — согласие субъекта № C-1 от 01.10.2025 (152-ФЗ ст. 6 ч. 1 п. 1; ст. 9; Положение п. 3.3)
	// сбор: Разрешено. Основание:
	// — получение из общедоступного источника (Росреестр) (152-ФЗ ст. 6 ч. 1; Положение п. 3.4)
	// распространение: Запрещено. Причины:
	// — нет согласия на распространение, охватывающего данные: фамилия, имя, отчество (152-ФЗ ст. 10.1; Положение п. 8.2)
	// трансграничная передача: Запрещено. Причины:
	// — Оператор не осуществляет трансграничную передачу персональных данных (152-ФЗ ст. 12; Положение п. 3.5)
}

// A Decider validates before it stores, records a withdrawal with the term
// that follows it, and judges operations from the store.
func ExampleDecider() {
	ctx := context.Background()
	rules := consent.DefaultRules()
	rules.Operator = pdata.SampleOperator()
	d, err := consent.NewDecider(consent.NewMemoryStore(), rules)
	if err != nil {
		panic(err)
	}
	if err := d.Give(ctx, consenttest.Sample("C-1", "resident-1")); err != nil {
		panic(err)
	}
	term, err := d.Withdraw(ctx, "C-1", consent.Withdrawal{Date: date.New(2025, 12, 30), Document: "заявление вх. № 41"})
	if err != nil {
		panic(err)
	}
	fmt.Println("stop from:", term.Received, "destroy by:", term.DestroyBy, "("+term.Basis.String()+")")

	dec, err := d.Decide(ctx, consent.Operation{Kind: consent.OpUse, SubjectID: "resident-1", Subject: pdata.Resident,
		Purpose: consenttest.Sample("", "").Purposes[0], Categories: []pdata.DataCategory{pdata.DataPhone},
		At: time.Date(2026, 1, 12, 9, 0, 0, 0, rules.Operator.Zone())})
	if err != nil {
		panic(err)
	}
	fmt.Println(dec)
	// Output:
	// stop from: 2025-12-30 destroy by: 2026-01-29 (152-ФЗ ст. 9 ч. 2; ст. 21 ч. 5)
	// refused: consent C-1 was withdrawn on 30.12.2025; no consent, public source or legal basis covers phone for this purpose (policy 3.3)
}

// Render prints the consent as the form the subject signs.
func ExampleRender() {
	var b bytes.Buffer
	if err := consent.Render(&b, consenttest.Sample("С-2025/117", "resident-1"), consent.Text); err != nil {
		panic(err)
	}
	lines := strings.Split(b.String(), "\n")
	fmt.Println(strings.Join(lines[:8], "\n"))
	// Output:
	// СОГЛАСИЕ
	// на обработку персональных данных
	// № С-2025/117
	//
	// Я, Иванова Мария Петровна, адрес: 446800, Самарская область, Кошкинский район, село Кошки, ул.
	// Первомайская, д. 5, кв. 12, основной документ, удостоверяющий личность: паспорт гражданина
	// Российской Федерации серия 36 10 № 123456, выдан 15.03.2010 Отделением УФМС России по Самарской
	// области в Кошкинском районе, код подразделения 630-012, свободно, своей волей и в своём интересе даю
}

// TermOf gives the time limit that follows a withdrawal: 30 calendar days
// from receipt (152-FZ art. 21 part 5).
func ExampleTermOf() {
	c := consenttest.Sample("C-1", "resident-1")
	c.Withdrawn = &consent.Withdrawal{Date: date.New(2026, 3, 10)}
	t, _ := consent.TermOf(c)
	fmt.Println(t.DestroyBy.Format("02.01.2006"), t.Basis)
	// Output:
	// 09.04.2026 152-ФЗ ст. 9 ч. 2; ст. 21 ч. 5
}

// PublishBy gives the day by which the conditions of a distribution consent
// must be published (152-FZ art. 10.1 part 10): 3 working days after
// receipt, here across the New Year holidays.
func ExamplePublishBy() {
	c := consent.Consent{ID: "D-3", Kind: consent.Distribution, Given: date.New(2025, 12, 29)}
	p, err := consent.PublishBy(c, c.Given, retention.RussianCalendar())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("опубликовать до", p.Due.Format("02.01.2006"), "включительно;", p.Basis)
	// Output:
	// опубликовать до 13.01.2026 включительно; 152-ФЗ ст. 10.1 ч. 10
}
