package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/period"
)

const (
	purpose       = "управление многоквартирным домом и начисление платы за жилое помещение и коммунальные услуги"
	billingCentre = "ООО «Расчётный центр Кошкинского района»"
	debtorPage    = "https://pozhkh-koshki.example.ru/dolzhniki/spisok"
)

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(out io.Writer) error {
	ctx := context.Background()
	op := pdata.SampleOperator() // an invented operator in Samara oblast (UTC+4)

	c, err := residentConsent(op)
	if err != nil {
		return err
	}

	// 1. Validate catches a missing element: here the passport's issuer.
	fmt.Fprintln(out, "=== 1. Проверка согласия (Validate) ===")
	incomplete := c.Clone()
	incomplete.Subject.Document.Issuer = ""
	var ve *pdata.ValidationError
	if err := consent.Validate(incomplete); errors.As(err, &ve) {
		for _, fe := range ve.Errors {
			fmt.Fprintf(out, "%s: %s [%s]\n", fe.Field, fe.MessageRU, fe.Basis)
		}
	} else {
		return fmt.Errorf("expected Validate to catch the missing issuer, got %v", err)
	}
	if err := consent.Validate(c); err != nil {
		return fmt.Errorf("the complete consent should pass: %w", err)
	}
	fmt.Fprintln(out, "Полностью заполненное согласие: ошибок нет.")

	// 2. The form the resident signs.
	fmt.Fprintln(out)
	fmt.Fprintln(out, "=== 2. Бланк согласия (Render) ===")
	if err := consent.Render(out, c, consent.Text); err != nil {
		return err
	}

	// 3. The service: validate and store, then ask.
	rules := consent.DefaultRules()
	rules.Operator = op
	d, err := consent.NewDecider(consent.NewMemoryStore(), rules)
	if err != nil {
		return err
	}
	if err := d.Give(ctx, c); err != nil {
		return err
	}

	now := time.Date(2025, 11, 5, 10, 0, 0, 0, op.Zone())
	ask := []struct {
		title string
		op    consent.Operation
	}{
		{"Хранить ФИО, сведения о собственности и телефон в CRM", consent.Operation{
			Kind: consent.OpStore, Purpose: purpose,
			Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataPropertyRights, pdata.DataPhone}}},
		{"Передать данные в расчётный центр для начисления платы", consent.Operation{
			Kind: consent.OpTransfer, Purpose: purpose, Recipient: billingCentre,
			Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataResidenceAddress, pdata.DataPropertyRights}}},
		{"Опубликовать в списке должников на сайте", consent.Operation{
			Kind: consent.OpDistribute, Purpose: "информирование собственников о задолженности", Resource: debtorPage,
			Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataResidenceAddress}}},
		{"Отправить данные за рубеж (облачный сервис рассылок)", consent.Operation{
			Kind: consent.OpTransferAbroad, Purpose: purpose, Recipient: "Example Mailer Inc. (USA)",
			Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataEmail}}},
	}
	fmt.Fprintln(out)
	fmt.Fprintln(out, "=== 3. Можно ли? (Decide), 05.11.2025 10:00 по времени Оператора ===")
	for i, q := range ask {
		q.op.SubjectID, q.op.Subject, q.op.At = c.SubjectID, pdata.Resident, now
		dec, err := d.Decide(ctx, q.op)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "\n%d. %s\n%s\nDecision.Basis: %s\n", i+1, q.title, dec.Russian(), dec.Basis)
	}
	return nil
}

// residentConsent builds the written consent of an invented resident, given
// on paper on 01.10.2025 for five years, naming the billing centre as a
// recipient.
func residentConsent(op pdata.Operator) (consent.Consent, error) {
	pass, err := pdata.ParsePassport("36 10 123456")
	if err != nil {
		return consent.Consent{}, err
	}
	pass.IssueDate = date.New(2010, 3, 15)
	pass.Issuer = "Отделением УФМС России по Самарской области в Кошкинском районе"
	pass.DivisionCode = "630-012"
	return consent.Consent{
		ID:              "С-2025/117",
		SubjectID:       "resident-0042",
		SubjectCategory: pdata.Resident,
		Kind:            consent.Processing,
		Subject: consent.Person{
			LastName: "Иванова", FirstName: "Мария", Patronymic: "Петровна",
			Address:  "446800, Самарская область, Кошкинский район, село Кошки, ул. Первомайская, д. 5, кв. 12",
			Document: pass,
		},
		Operator: consent.OperatorParty(op),
		Purposes: []string{purpose},
		Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataResidenceAddress,
			pdata.DataIdentityDocument, pdata.DataPropertyRights, pdata.DataPhone, pdata.DataEmail},
		Actions:    consent.StandardActions(),
		Method:     consent.Mixed,
		MethodNote: "в CRM-системе «Квартира.Бурмистр.ру» и на бумажных носителях",
		Validity:   consent.Validity{For: period.NewYMD(5, 0, 0)},
		HowToWithdraw: "письменным заявлением, поданным Оператору лично или направленным почтой по адресу: " + op.Address +
			", либо через личный кабинет на сайте Оператора",
		Signature: consent.Signature{Kind: consent.Handwritten},
		Recipients: []consent.Party{{Name: billingCentre,
			Address: "446800, Самарская область, Кошкинский район, село Кошки, ул. Советская, д. 1"}},
		Document: consent.Document{Title: "Согласие на обработку персональных данных", Number: "С-2025/117",
			Form: consent.Paper, Standalone: true},
		Given: date.New(2025, 10, 1),
	}, nil
}
