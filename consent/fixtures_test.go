package consent_test

import (
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/period"
)

// Invented people and identifiers; the passports, phone and INN/OGRN pass
// their checks.

const (
	purposeManagement = "управление многоквартирным домом и начисление платы за жилое помещение и коммунальные услуги"
	purposeDebtors    = "информирование собственников помещений о задолженности по оплате жилищно-коммунальных услуг"
	billingCentre     = "ООО «Расчётный центр Кошкинского района»"
	debtorPage        = "https://pozhkh-koshki.example.ru/dolzhniki/spisok"
)

var samara, _ = time.LoadLocation("Europe/Samara")

func passport(s string, issued date.Date, issuer string) pdata.Passport {
	p, err := pdata.ParsePassport(s)
	if err != nil {
		panic(err) // fixtures are constants
	}
	p.IssueDate, p.Issuer, p.DivisionCode = issued, issuer, "630-012"
	return p
}

func resident() consent.Person {
	return consent.Person{
		LastName: "Иванова", FirstName: "Мария", Patronymic: "Петровна",
		Address:  "446800, Самарская область, Кошкинский район, село Кошки, ул. Первомайская, д. 5, кв. 12",
		Document: passport("36 10 123456", date.New(2010, 3, 15), "Отделением УФМС России по Самарской области в Кошкинском районе"),
	}
}

func operator() pdata.Operator { return pdata.SampleOperator() }

func billing() consent.Party {
	return consent.Party{Name: billingCentre, Address: "446800, Самарская область, село Кошки, ул. Советская, д. 1"}
}

// processing is a resident's valid consent to processing, given 01.10.2025
// for five years (to 01.10.2030), naming the billing centre as a recipient.
func processing() consent.Consent {
	op := operator()
	return consent.Consent{
		ID:              "C-17",
		SubjectID:       "resident-1",
		SubjectCategory: pdata.Resident,
		Kind:            consent.Processing,
		Subject:         resident(),
		Operator:        consent.OperatorParty(op),
		Purposes:        []string{purposeManagement},
		Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataResidenceAddress,
			pdata.DataIdentityDocument, pdata.DataPropertyRights, pdata.DataPhone, pdata.DataEmail},
		Actions:       consent.StandardActions(),
		Method:        consent.Mixed,
		Validity:      consent.Validity{For: period.NewYMD(5, 0, 0)},
		HowToWithdraw: "письменным заявлением, поданным Оператору лично или направленным почтой по адресу: " + op.Address,
		Signature:     consent.Signature{Kind: consent.Handwritten},
		Recipients:    []consent.Party{billing()},
		Document:      consent.Document{Title: "Согласие на обработку персональных данных", Number: "С-2025/117", Form: consent.Paper, Standalone: true},
		Given:         date.New(2025, 10, 1),
	}
}

// distribution is a resident's valid consent to publishing name and
// apartment on the operator's debtor list.
func distribution() consent.Consent {
	c := processing()
	c.ID = "D-3"
	c.Kind = consent.Distribution
	c.Purposes = []string{purposeDebtors}
	c.Categories = []pdata.DataCategory{pdata.DataFullName, pdata.DataResidenceAddress}
	c.Actions = []consent.Action{consent.ActCollect, consent.ActRecord, consent.ActStore, consent.ActUse, consent.ActDistribute}
	c.Recipients = nil
	c.Validity = consent.Validity{Until: date.New(2026, 12, 31)}
	c.HowToWithdraw = "требованием о прекращении распространения, направленным Оператору по адресу: " + operator().Address
	phone, _ := pdata.ParsePhone("+7 927 123-45-67")
	c.Distribution = &consent.DistributionTerms{
		Contact:   consent.Contact{Phone: phone},
		Resources: []string{debtorPage},
		Items: []consent.DistributionItem{
			{Category: pdata.DataFullName, Data: "фамилия и инициалы", Prohibitions: "запрет на передачу неограниченному кругу лиц, кроме ознакомления на странице"},
			{Category: pdata.DataResidenceAddress, Data: "номер квартиры (без улицы и дома)", NoRestrictions: true},
		},
		Transfer: consent.TransferInternalNetwork,
	}
	c.Document = consent.Document{Title: "Согласие на распространение персональных данных", Number: "Р-2025/9", Form: consent.Paper, Standalone: true}
	return c
}

// transfer is a consent of kind Transfer naming the billing centre.
func transfer() consent.Consent {
	c := processing()
	c.ID = "T-5"
	c.Kind = consent.Transfer
	c.Purposes = []string{"начисление платы и печать платёжных документов"}
	c.Categories = []pdata.DataCategory{pdata.DataFullName, pdata.DataResidenceAddress, pdata.DataPropertyRights}
	c.Actions = []consent.Action{consent.ActProvide}
	c.Document.Title, c.Document.Number = "Согласие на передачу персональных данных", "П-2025/5"
	return c
}

// thirdParty is a consent to obtaining a resident's SNILS from a third party.
func thirdParty() consent.Consent {
	c := processing()
	c.ID = "TP-2"
	c.Kind = consent.ThirdPartySource
	c.Categories = []pdata.DataCategory{pdata.DataSNILS}
	c.Recipients = nil
	c.ThirdParty = &consent.ThirdPartyTerms{
		From:                consent.Party{Name: "ООО «Прежняя управляющая компания»", Address: "446800, Самарская область, село Кошки, ул. Мира, д. 3"},
		NotifiedOn:          date.New(2025, 9, 25),
		How:                 "передача техдокументации на дом при смене управляющей организации",
		RefusalConsequences: "Оператор не будет получать СНИЛС у третьей стороны; субъект вправе представить его сам",
	}
	c.Document.Title, c.Document.Number = "Согласие на получение персональных данных у третьей стороны", "С-2025/118"
	return c
}

// withRepresentative is processing() signed by a representative under a
// notarised power of attorney, electronically with a qualified signature.
func withRepresentative() consent.Consent {
	c := processing()
	c.ID = "C-18"
	c.Representative = &consent.Representative{
		Person: consent.Person{LastName: "Петров", FirstName: "Иван", Patronymic: "Сергеевич",
			Address:  "443001, г. Самара, ул. Садовая, д. 1, кв. 2",
			Document: passport("36 05 654321", date.New(2005, 6, 1), "ОВД Кошкинского района Самарской области")},
		Authority: consent.Authority{Document: "доверенность", Number: "63 АА 1234567", Date: date.New(2025, 9, 1),
			Issuer: "нотариусом г. Самары Смирновой О. В.", ValidUntil: date.New(2026, 8, 31)},
	}
	c.Signature = consent.Signature{Kind: consent.QualifiedElectronic, Certificate: "01A2B3C4D5", CertificateIssuer: "АО «Удостоверяющий центр»",
		SignedAt: time.Date(2025, 10, 1, 9, 30, 0, 0, samara)}
	c.Document.Form = consent.Electronic
	return c
}

// at returns a moment in Samara time.
func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, samara)
}

// samaraRules are the default rules with the sample operator (Samara time).
func samaraRules() consent.Rules {
	r := consent.DefaultRules()
	r.Operator = operator()
	return r
}

// storeOp is storing the resident's name and property data for management.
func storeOp(when time.Time) consent.Operation {
	return consent.Operation{Kind: consent.OpStore, SubjectID: "resident-1", Subject: pdata.Resident, Purpose: purposeManagement,
		Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataPropertyRights}, At: when}
}
