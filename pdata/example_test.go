package pdata_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"os"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
)

func ExampleParseSNILS() {
	s, err := pdata.ParseSNILS("112-233-445 95")
	if err != nil {
		panic(err)
	}
	fmt.Println(s)          // what logs and screens show
	fmt.Println(s.Digits()) // the full value, on explicit request
	fmt.Println(s.Formatted())

	_, err = pdata.ParseSNILS("112-233-445 96")
	var pe *pdata.ParseError
	if errors.As(err, &pe) {
		fmt.Println(errors.Is(err, pdata.ErrInvalid))
		fmt.Println(pe.Reason)
		fmt.Println(pe.ReasonRU)
	}
	// Output:
	// ***-***-*** 95
	// 11223344595
	// 112-233-445 95
	// true
	// control number does not match
	// неверное контрольное число СНИЛС
}

func ExampleParseINN() {
	for _, in := range []string{"6381012349", "6381 0001 2391", "638100012392"} {
		v, err := pdata.ParseINN(in)
		if err != nil {
			var pe *pdata.ParseError
			errors.As(err, &pe)
			fmt.Println("отклонён:", pe.ReasonRU)
			continue
		}
		fmt.Println(v, v.IsPerson(), len(v.Digits()))
	}
	// Output:
	// ********49 false 10
	// **********91 true 12
	// отклонён: неверное контрольное число ИНН
}

func ExampleParsePhone() {
	for _, in := range []string{"+7 (927) 123-45-67", "8 927 123 45 67", "9271234567", "+7 701 123 45 67"} {
		p, err := pdata.ParsePhone(in)
		if err != nil {
			fmt.Println(in, "→", err)
			continue
		}
		fmt.Println(in, "→", p.E164(), "shown as", p)
	}
	// Output:
	// +7 (927) 123-45-67 → +79271234567 shown as +7 *** ***-**-67
	// 8 927 123 45 67 → +79271234567 shown as +7 *** ***-**-67
	// 9271234567 → +79271234567 shown as +7 *** ***-**-67
	// +7 701 123 45 67 → pdnkit: invalid phone: is not a Russian number (the code after +7 must start with 3, 4, 8 or 9)
}

// The minimisation check (policy 2.1) refuses data a site user's record may
// not hold (2.3.4) and data no record may hold (6.1.3), all at once.
func ExamplePolicy_Check() {
	user := pdata.Subject{
		ID:         "web-7731",
		Category:   pdata.SiteUser,
		IP:         netip.MustParseAddr("203.0.113.17"),
		AccessTime: time.Date(2026, 11, 20, 9, 15, 0, 0, time.UTC),
		LastName:   "Кузнецова",
		Other:      map[pdata.DataCategory]string{pdata.DataHealth: "…"},
	}
	user.SetSource(pdata.FromSubject, pdata.DataIP, pdata.DataAccessTime, pdata.DataFullName, pdata.DataHealth)

	err := pdata.DefaultPolicy().Check(user)
	var ve *pdata.ValidationError
	if errors.As(err, &ve) {
		for _, fe := range ve.Errors {
			fmt.Println(fe.Field, fe.Rule)
		}
		fmt.Println(ve.Russian())
	}
	// Output:
	// LastName category_not_allowed
	// Other.health special_category
	// «фамилия, имя, отчество» — избыточные данные для категории «пользователь сайта Оператора» (нет в п. 2.3.4 Положения) (152-ФЗ ст. 5 ч. 5; Положение п. 2.3.4, 2.1)
	// Оператор не обрабатывает данные категории «состояние здоровья» (152-ФЗ ст. 10 ч. 1; Положение п. 6.1.3)
}

// A Subject prints and logs as its ID, category and an initial; identifiers
// print masked. JSON (the storage encoding) keeps everything.
func ExampleSubject() {
	s := pdata.Subject{ID: "res-1042", Category: pdata.Resident, LastName: "Кузнецова", FirstName: "Анна"}
	s.SNILS, _ = pdata.ParseSNILS("112-233-445 95")
	s.Phone, _ = pdata.ParsePhone("+7 927 123-45-67")

	fmt.Printf("%+v\n", s)
	fmt.Printf("%v %v\n", s.SNILS, s.Phone)

	log := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	log.Info("registered", "subject", s, "snils", s.SNILS)
	// Output:
	// Subject{res-1042 resident К***}
	// ***-***-*** 95 +7 *** ***-**-67
	// {"level":"INFO","msg":"registered","subject":{"id":"res-1042","category":"resident"},"snils":"***-***-*** 95"}
}

func ExampleBasis_String() {
	fmt.Println(pdata.Cite("152-ФЗ ст. 21 ч. 3", "6.1.9"))
	fmt.Println(pdata.Cite("152-ФЗ ст. 21 ч. 3", "6.1.9").Join(pdata.Cite("152-ФЗ ст. 21 ч. 3", "9.1")))
	fmt.Println(pdata.Cite("", "3.4"))
	// Output:
	// 152-ФЗ ст. 21 ч. 3; Положение п. 6.1.9
	// 152-ФЗ ст. 21 ч. 3; Положение п. 6.1.9, 9.1
	// Положение п. 3.4
}

func ExampleValidateStruct() {
	type consentForm struct {
		Subject string `validate:"required" ru:"ФИО субъекта" law:"152-ФЗ ст. 9 ч. 4 п. 1" policy:"3.3"`
		SNILS   string `validate:"omitempty,snils" ru:"СНИЛС"`
		Purpose string `validate:"min=10" ru:"Цель обработки" law:"152-ФЗ ст. 9 ч. 4 п. 4"`
	}
	err := pdata.ValidateStruct(consentForm{SNILS: "112-233-445 96", Purpose: "учёт"})
	var ve *pdata.ValidationError
	if errors.As(err, &ve) {
		for _, fe := range ve.Errors {
			fmt.Printf("%s [%s] %s\n", fe.Field, fe.Rule, fe.Message)
		}
		fmt.Println(ve.Russian())
	}
	// Output:
	// Subject [required] is required
	// SNILS [snils] must be a valid SNILS
	// Purpose [min] must have at least 10 characters
	// «ФИО субъекта»: обязательное поле, не заполнено (152-ФЗ ст. 9 ч. 4 п. 1; Положение п. 3.3)
	// «СНИЛС»: неверный СНИЛС (11 цифр с контрольным числом)
	// «Цель обработки»: требуется не меньше 10 символов (152-ФЗ ст. 9 ч. 4 п. 4)
}

// A moment becomes a legal date in the operator's time zone.
func ExampleOperator_DateOf() {
	op := pdata.SampleOperator() // Samara oblast, UTC+4
	moscow, _ := time.LoadLocation("Europe/Moscow")
	sent := time.Date(2026, 11, 20, 23, 30, 0, 0, moscow) // Friday, 23:30 in Moscow
	d := op.DateOf(sent)
	fmt.Println(d, d.Weekday())
	// Output:
	// 2026-11-21 Saturday
}

// HasIdentifier tells whether free text typed by staff or a requester holds
// an identifier in full, which pdnkit refuses in stored and printed text.
func ExampleHasIdentifier() {
	fmt.Println(pdata.HasIdentifier("прошу исправить фамилию в лицевом счёте"))
	fmt.Println(pdata.HasIdentifier("мой СНИЛС 112-233-445 95"))
	// Output:
	// false
	// true
}
