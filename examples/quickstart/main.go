package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"os"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run() error {
	policy := pdata.DefaultPolicy()

	fmt.Println("== 1. Идентификаторы: разбор и проверка контрольных чисел ==")
	inputs := []struct{ what, value string }{
		{"СНИЛС", "112-233-445 95"},
		{"СНИЛС", "112-233-445 96"},
		{"ИНН", "6381 0001 2391"},
		{"Паспорт", "36 10 123456"},
		{"Телефон", "8 (927) 123-45-67"},
		{"Телефон", "+7 701 123 45 67"},
	}
	for _, in := range inputs {
		var err error
		var shown fmt.Stringer
		switch in.what {
		case "СНИЛС":
			v, e := pdata.ParseSNILS(in.value)
			shown, err = v, e
		case "ИНН":
			v, e := pdata.ParseINN(in.value)
			shown, err = v, e
		case "Паспорт":
			v, e := pdata.ParsePassport(in.value)
			shown, err = v, e
		case "Телефон":
			v, e := pdata.ParsePhone(in.value)
			shown, err = v, e
		}
		var pe *pdata.ParseError
		if errors.As(err, &pe) {
			fmt.Printf("  %-8s отклонён: %s\n", in.what, pe.ReasonRU)
			continue
		}
		fmt.Printf("  %-8s принят, в журналах виден как %v\n", in.what, shown)
	}

	resident, err := newResident()
	if err != nil {
		return err
	}
	fmt.Println("\n== 2. Собственник помещения (п. 2.3.2 Положения) ==")
	fmt.Printf("  категория: %s (п. %s)\n", resident.Category.Title(), resident.Category.Clause())
	fmt.Printf("  данные: %s\n", resident.Held().Titles())
	if err := policy.Check(resident); err != nil {
		return fmt.Errorf("a valid resident was refused: %w", err)
	}
	fmt.Println("  проверка минимизации (п. 2.1): нарушений нет")

	fmt.Println("\n== 3. Избыточные данные отклоняются ==")
	excess := resident
	excess.Family = []pdata.FamilyMember{{Relation: "сын", LastName: "Кузнецов", FirstName: "Артём"}}
	excess.Other = map[pdata.DataCategory]string{pdata.DataHealth: "инвалидность II группы"}
	excess.SetSource(pdata.FromSubject, pdata.DataFamilyMembers, pdata.DataHealth)
	err = policy.Check(excess)
	var ve *pdata.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("excess data was not refused: %v", err)
	}
	fmt.Println("  Проверка вернула ошибки (текст для персонала):")
	for _, fe := range ve.Errors {
		fmt.Printf("  - %s [%s]\n", fe.MessageRU, fe.Basis)
	}
	fmt.Println("  For the developer:", err)

	fmt.Println("\n== 4. Пользователь сайта (п. 2.3.4) ==")
	site := pdata.Subject{
		ID:         "web-7731",
		Category:   pdata.SiteUser,
		IP:         netip.MustParseAddr("203.0.113.17"),
		Browser:    "Mozilla/5.0 (X11; Linux x86_64)",
		AccessTime: time.Date(2026, 11, 20, 9, 15, 0, 0, time.UTC),
		Referrer:   "https://pozhkh-koshki.example.ru/news",
	}
	site.Email, _ = pdata.ParseEmail("reader@example.ru")
	site.SetSource(pdata.FromSubject, pdata.DataIP, pdata.DataBrowser, pdata.DataAccessTime, pdata.DataReferrer, pdata.DataEmail)
	fmt.Printf("  проверка: %v\n", okOr(policy.Check(site)))
	site.Passport = resident.Passport
	site.SetSource(pdata.FromSubject, pdata.DataIdentityDocument)
	if err := policy.Check(site); errors.As(err, &ve) {
		fmt.Printf("  с паспортом: %s\n", ve.Russian())
	}

	fmt.Println("\n== 5. Субъект в журнале: идентификаторы замаскированы ==")
	fmt.Printf("  %%+v: %+v\n", resident)
	fmt.Printf("  СНИЛС: %v, ИНН: %v, телефон: %v\n", resident.SNILS, resident.INN, resident.Phone)
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // keep the output reproducible
			}
			return a
		},
	}))
	logger.Info("subject registered", "subject", resident, "snils", resident.SNILS, "phone", resident.Phone)
	return nil
}

func okOr(err error) string {
	if err == nil {
		return "нарушений нет"
	}
	return err.Error()
}

// newResident builds an invented owner of a flat; every identifier passes
// its checksum.
func newResident() (pdata.Subject, error) {
	s := pdata.Subject{
		ID:                  "res-1042",
		Category:            pdata.Resident,
		LastName:            "Кузнецова",
		FirstName:           "Анна",
		Patronymic:          "Сергеевна",
		Sex:                 pdata.Female,
		RegistrationAddress: "446800, Самарская обл., с. Кошки, ул. Советская, д. 12, кв. 5",
		Property: []pdata.PropertyRight{{
			Kind:         pdata.Ownership,
			Premises:     "446800, Самарская обл., с. Кошки, ул. Советская, д. 12, кв. 5",
			Registration: "63:24:0502003:123-63/001/2019-2",
			Area:         decimal.RequireFromString("54.3"),
			Share:        decimal.RequireFromString("0.5"),
			Residents:    3,
			Registered:   3,
		}},
	}
	var err error
	var errs []error
	s.SNILS, err = pdata.ParseSNILS("112-233-445 95")
	errs = append(errs, err)
	s.INN, err = pdata.ParseINN("638100012391")
	errs = append(errs, err)
	s.Phone, err = pdata.ParsePhone("+7 927 123-45-67")
	errs = append(errs, err)
	s.Property[0].Cadastral, err = pdata.ParseCadastral("63:24:0502003:123")
	errs = append(errs, err)
	p, err := pdata.ParsePassport("36 10 123456")
	errs = append(errs, err)
	p.Issuer = "Отделом УФМС России по Самарской области в Кошкинском районе"
	p.DivisionCode = "630-036"
	s.Passport = &p
	if err := errors.Join(errs...); err != nil {
		return s, err
	}
	s.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataSex, pdata.DataRegistrationAddress,
		pdata.DataIdentityDocument, pdata.DataSNILS, pdata.DataINN, pdata.DataPhone)
	s.SetSource(pdata.FromRosreestr, pdata.DataPropertyRights)
	return s, nil
}
