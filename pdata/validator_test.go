package pdata_test

import (
	"sync"
	"testing"
	"time"

	"github.com/go-playground/validator/v10"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each of pdnkit's tags on a string: the empty string passes (use required
// for presence), a well-formed value passes, anything else fails.
func TestValidatorStringTags(t *testing.T) {
	v := pdata.Validator()
	tests := []struct {
		tag       string
		good, bad []string
	}{
		{pdata.TagSNILS, []string{"112-233-445 95", "12345678964"}, []string{"112-233-445 96", "000-000-000 00", "abc"}},
		{pdata.TagINN, []string{"6381012349", "638100012391"}, []string{"6381012348", "0012345673", "63810123"}},
		{pdata.TagPassport, []string{"36 10 123456", "3610123456"}, []string{"00 10 123456", "36 10 000000", "36 10"}},
		{pdata.TagPhone, []string{"+7 927 123-45-67", "8 800 555 35 35"}, []string{"+7 701 123 45 67", "+8 927 123 45 67", "123"}},
		{pdata.TagCadastral, []string{"63:24:0502003:123"}, []string{"63:24:0502003", "63-24-0502003-123"}},
		{pdata.TagOGRN, []string{"1026303456783", "304638100000122"}, []string{"1026303456784", "0000000000000"}},
		{pdata.TagDivisionCode, []string{"630-036"}, []string{"630036", "63-0036", "abc-def"}},
	}
	for _, tc := range tests {
		t.Run(tc.tag, func(t *testing.T) {
			assert.NoError(t, v.Var("", tc.tag), "empty passes")
			assert.Error(t, v.Var("", "required,"+tc.tag), "required refuses empty")
			for _, s := range tc.good {
				assert.NoError(t, v.Var(s, tc.tag), s)
			}
			for _, s := range tc.bad {
				err := v.Var(s, tc.tag)
				var verrs validator.ValidationErrors
				require.ErrorAs(t, err, &verrs, s)
				assert.Equal(t, tc.tag, verrs[0].Tag())
			}
		})
	}
}

func TestValidatorDecPositive(t *testing.T) {
	v := pdata.Validator()
	dec := decimal.RequireFromString
	type premises struct {
		Area  decimal.Decimal  `validate:"dec_positive"`
		Share *decimal.Decimal `validate:"omitempty,dec_positive"`
	}
	for in, ok := range map[string]bool{"0.01": true, "54.3": true, "1e3": true, "0": false, "0.00": false, "-0.01": false} {
		err := v.Struct(premises{Area: dec(in)})
		assert.Equal(t, ok, err == nil, "%s: %v", in, err)
	}
	assert.Error(t, v.Struct(premises{}), "an unset decimal is not positive")
	half, neg := dec("0.5"), dec("-1")
	assert.NoError(t, v.Struct(premises{Area: dec("10"), Share: &half}))
	assert.NoError(t, v.Struct(premises{Area: dec("10")}), "omitempty skips a nil pointer")
	assert.Error(t, v.Struct(premises{Area: dec("10"), Share: &neg}))
	assert.Error(t, v.Var("54.3", pdata.TagPositive), "a string is not a decimal")
	// validator/v10 validates the fields of a struct passed to Var and
	// ignores the tag: dec_positive works on struct fields only (see
	// TagPositive).
	assert.NoError(t, v.Var(dec("-1"), pdata.TagPositive))
}

// pdnkit's own types are understood by the tags and by required: their
// zero value is "missing", a parsed value is valid.
func TestValidatorTypedFields(t *testing.T) {
	type record struct {
		SNILS     pdata.SNILS           `validate:"required,snils"`
		INN       pdata.INN             `validate:"required,inn"`
		OGRN      pdata.OGRN            `validate:"required,ogrn"`
		Phone     pdata.Phone           `validate:"required,ru_phone"`
		Email     pdata.Email           `validate:"required,email"`
		Cadastral pdata.CadastralNumber `validate:"required,cadastral"`
		Born      date.Date             `validate:"required"`
	}
	full := record{
		SNILS:     mustParse(t, pdata.ParseSNILS, "112-233-445 95"),
		INN:       mustParse(t, pdata.ParseINN, "6381012349"),
		OGRN:      mustParse(t, pdata.ParseOGRN, "1026303456783"),
		Phone:     mustParse(t, pdata.ParsePhone, "+79271234567"),
		Email:     mustParse(t, pdata.ParseEmail, "ivan@example.ru"),
		Cadastral: mustParse(t, pdata.ParseCadastral, "63:24:0502003:123"),
		Born:      date.New(1984, time.March, 12),
	}
	require.NoError(t, pdata.Validator().Struct(full))

	var verrs validator.ValidationErrors
	require.ErrorAs(t, pdata.Validator().Struct(record{}), &verrs)
	var fields []string
	for _, fe := range verrs {
		fields = append(fields, fe.Field()+":"+fe.Tag())
	}
	assert.Equal(t, []string{"SNILS:required", "INN:required", "OGRN:required", "Phone:required",
		"Email:required", "Cadastral:required", "Born:required"}, fields)
}

// consentForm is a sample host struct with the tags ValidateStruct reads.
type consentForm struct {
	Name      string          `validate:"required" ru:"ФИО субъекта" law:"152-ФЗ ст. 9 ч. 4 п. 1" policy:"3.3"`
	Code      string          `validate:"min=3" ru:"Код"`
	Note      string          `validate:"max=5" ru:"Примечание"`
	Series    string          `validate:"len=4" ru:"Серия паспорта" law:"152-ФЗ ст. 9 ч. 4 п. 1"`
	Initial   string          `validate:"len=1" ru:"Инициал"`
	Pair      string          `validate:"len=2" ru:"Пара"`
	Twenty1   string          `validate:"len=21" ru:"Двадцать один"`
	Eleven    string          `validate:"len=11" ru:"Одиннадцать"`
	Years     int             `validate:"gt=0" ru:"Срок, лет"`
	Age       int             `validate:"gte=14" ru:"Возраст"`
	Percent   int             `validate:"lt=100" ru:"Процент"`
	Count     int             `validate:"lte=10" ru:"Количество"`
	Min1      string          `validate:"min=1" ru:"Хотя бы один"`
	Tags      []string        `validate:"min=2" ru:"Метки"`
	Kind      string          `validate:"oneof=paper electronic" ru:"Форма согласия" policy:"3.3"`
	Mail      string          `validate:"email" ru:"Электронная почта"`
	Site      string          `validate:"url" ru:"Сайт оператора"`
	Addr      string          `validate:"ip" ru:"IP-адрес"`
	SNILS     string          `validate:"snils" ru:"СНИЛС" law:"152-ФЗ ст. 9 ч. 4 п. 1"`
	INN       string          `validate:"inn" ru:"ИНН"`
	Passport  string          `validate:"ru_passport" ru:"Паспорт"`
	Phone     string          `validate:"ru_phone" ru:"Телефон"`
	Cadastral string          `validate:"cadastral" ru:"Кадастровый номер"`
	OGRN      string          `validate:"ogrn" ru:"ОГРН"`
	Division  string          `validate:"division_code" ru:"Код подразделения"`
	Area      decimal.Decimal `validate:"dec_positive" ru:"Площадь" policy:"2.3.2"`
	NoLabel   string          `validate:"required"`
	Fallback  string          `validate:"alpha"  ru:"Буквы"`
	Items     []formItem      `validate:"dive"`
}

type formItem struct {
	Title string `validate:"required" ru:"Название пункта" policy:"3.3"`
}

func validForm() consentForm {
	return consentForm{
		Name: "Кузнецова Анна Сергеевна", Code: "abc", Note: "ok", Series: "3610", Initial: "А", Pair: "аб",
		Twenty1: "абвгдеёжзийклмнопрсту", Eleven: "абвгдеёжзий", Years: 3, Age: 30, Percent: 50, Count: 1,
		Min1: "x", Tags: []string{"a", "b"}, Kind: "paper", Mail: "ivan@example.ru", Site: "https://example.ru/",
		Addr: "203.0.113.17", SNILS: "112-233-445 95", INN: "6381012349", Passport: "36 10 123456",
		Phone: "+79271234567", Cadastral: "63:24:0502003:123", OGRN: "1026303456783", Division: "630-036",
		Area: decimal.RequireFromString("54.3"), NoLabel: "x", Fallback: "abc",
		Items: []formItem{{Title: "первый"}},
	}
}

func TestValidateStructMessages(t *testing.T) {
	require.NoError(t, pdata.ValidateStruct(validForm()))
	require.NoError(t, pdata.ValidateStruct(ptr(validForm())), "a pointer to a struct")

	bad := consentForm{
		Code: "ab", Note: "слишком", Series: "361", Initial: "аб", Pair: "а", Twenty1: "а", Eleven: "а",
		Years: 0, Age: 13, Percent: 100, Count: 11, Min1: "", Tags: []string{"a"}, Kind: "oral",
		Mail: "ivan@", Site: "example.ru", Addr: "300.1.1.1", SNILS: "112-233-445 96", INN: "6381012348",
		Passport: "00 10 123456", Phone: "+7 701 123 45 67", Cadastral: "63:24", OGRN: "1026303456784",
		Division: "630036", Area: decimal.RequireFromString("0"), Fallback: "abc1",
		Items: []formItem{{Title: "первый"}, {}},
	}
	type want struct {
		rule  string
		basis pdata.Basis
		en    string
		ru    string
	}
	wants := map[string]want{
		"Name":           {"required", pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 1", "3.3"), "is required", "«ФИО субъекта»: обязательное поле, не заполнено"},
		"Code":           {"min", pdata.Basis{}, "must have at least 3 characters", "«Код»: требуется не меньше 3 символов"},
		"Note":           {"max", pdata.Basis{}, "must have at most 5 characters", "«Примечание»: допускается не больше 5 символов"},
		"Series":         {"len", pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 1", ""), "must have exactly 4 characters", "«Серия паспорта»: требуется ровно 4 символа"},
		"Initial":        {"len", pdata.Basis{}, "must have exactly 1 character", "«Инициал»: требуется ровно 1 символ"},
		"Pair":           {"len", pdata.Basis{}, "must have exactly 2 characters", "«Пара»: требуется ровно 2 символа"},
		"Twenty1":        {"len", pdata.Basis{}, "must have exactly 21 characters", "«Двадцать один»: требуется ровно 21 символ"},
		"Eleven":         {"len", pdata.Basis{}, "must have exactly 11 characters", "«Одиннадцать»: требуется ровно 11 символов"},
		"Years":          {"gt", pdata.Basis{}, "must be greater than 0", "«Срок, лет»: значение должно быть больше 0"},
		"Age":            {"gte", pdata.Basis{}, "must be at least 14", "«Возраст»: значение не может быть меньше 14"},
		"Percent":        {"lt", pdata.Basis{}, "must be less than 100", "«Процент»: значение должно быть меньше 100"},
		"Count":          {"lte", pdata.Basis{}, "must be at most 10", "«Количество»: значение не может быть больше 10"},
		"Min1":           {"min", pdata.Basis{}, "must have at least 1 character", "«Хотя бы один»: требуется не меньше 1 символа"},
		"Tags":           {"min", pdata.Basis{}, "must have at least 2 elements", "«Метки»: требуется не меньше 2 элементов"},
		"Kind":           {"oneof", pdata.Cite("", "3.3"), "must be one of: paper electronic", "«Форма согласия»: допустимые значения: paper electronic"},
		"Mail":           {"email", pdata.Basis{}, "must be a valid e-mail address", "«Электронная почта»: неверный адрес электронной почты"},
		"Site":           {"url", pdata.Basis{}, "must be a full URL", "«Сайт оператора»: требуется полный адрес ресурса (URL)"},
		"Addr":           {"ip", pdata.Basis{}, "must be an IP address", "«IP-адрес»: неверный IP-адрес"},
		"SNILS":          {"snils", pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 1", ""), "must be a valid SNILS", "«СНИЛС»: неверный СНИЛС (11 цифр с контрольным числом)"},
		"INN":            {"inn", pdata.Basis{}, "must be a valid INN", "«ИНН»: неверный ИНН (10 или 12 цифр с контрольным числом)"},
		"Passport":       {"ru_passport", pdata.Basis{}, "must be a passport series and number", "«Паспорт»: неверные серия и номер паспорта (4 и 6 цифр)"},
		"Phone":          {"ru_phone", pdata.Basis{}, "must be a Russian phone number", "«Телефон»: неверный номер телефона (+7 и 10 цифр)"},
		"Cadastral":      {"cadastral", pdata.Basis{}, "must be a cadastral number", "«Кадастровый номер»: неверный кадастровый номер (АА:ВВ:CCCCCC:КК)"},
		"OGRN":           {"ogrn", pdata.Basis{}, "must be a valid OGRN or OGRNIP", "«ОГРН»: неверный ОГРН или ОГРНИП"},
		"Division":       {"division_code", pdata.Basis{}, "must be a division code NNN-NNN", "«Код подразделения»: код подразделения должен иметь вид 000-000"},
		"Area":           {"dec_positive", pdata.Cite("", "2.3.2"), "must be greater than zero", "«Площадь»: значение должно быть больше нуля"},
		"NoLabel":        {"required", pdata.Basis{}, "is required", "«NoLabel»: обязательное поле, не заполнено"},
		"Items[1].Title": {"required", pdata.Cite("", "3.3"), "is required", "«Название пункта»: обязательное поле, не заполнено"},
	}

	err := pdata.ValidateStruct(bad)
	ve := requireProblems(t, err)
	seen := map[string]bool{}
	for _, fe := range ve.Errors {
		seen[fe.Field] = true
		if fe.Field == "Fallback" {
			// A tag pdnkit has no text for falls back to validator's own
			// Russian translation.
			assert.Equal(t, "alpha", fe.Rule)
			assert.True(t, hasCyrillic(fe.MessageRU))
			assert.Contains(t, fe.MessageRU, "«Буквы»: ")
			continue
		}
		w, ok := wants[fe.Field]
		if !assert.True(t, ok, "unexpected field error %+v", fe) {
			continue
		}
		assert.Equal(t, w.rule, fe.Rule, fe.Field)
		assert.Equal(t, w.basis, fe.Basis, fe.Field)
		assert.Equal(t, w.en, fe.Message, fe.Field)
		assert.Equal(t, w.ru, fe.MessageRU, fe.Field)
	}
	for field := range wants {
		assert.True(t, seen[field], "no error for %s", field)
	}
	assert.True(t, seen["Fallback"])
	assert.Len(t, ve.Errors, len(wants)+1)
}

func ptr[T any](v T) *T { return &v }

func TestValidateStructNotAStruct(t *testing.T) {
	for _, v := range []any{42, nil, (*consentForm)(nil)} {
		ve := requireProblems(t, pdata.ValidateStruct(v))
		assert.Equal(t, "invalid", ve.Errors[0].Rule)
	}
}

// One shared validator, safe for concurrent use (run under -race).
func TestValidatorConcurrentUse(t *testing.T) {
	bad := validForm()
	bad.SNILS = "112-233-445 96"
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if pdata.Validator() != pdata.Validator() {
					errs <- "Validator returned two instances"
				}
				if err := pdata.ValidateStruct(validForm()); err != nil {
					errs <- err.Error()
				}
				if err := pdata.ValidateStruct(bad); err == nil {
					errs <- "a bad SNILS passed"
				}
				if err := pdata.Validator().Var("6381012349", pdata.TagINN); err != nil {
					errs <- err.Error()
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestNewValidatorIsIndependent(t *testing.T) {
	v, err := pdata.NewValidator()
	require.NoError(t, err)
	require.NotSame(t, pdata.Validator(), v)
	require.NoError(t, v.RegisterValidation("always_bad", func(validator.FieldLevel) bool { return false }))
	assert.Error(t, v.Var("x", "always_bad"))
	assert.NoError(t, v.Var("112-233-445 95", pdata.TagSNILS), "configured like the shared one")
	assert.Panics(t, func() { _ = pdata.Validator().Var("x", "always_bad") }, "the shared validator is untouched")
	assert.NotNil(t, pdata.RussianTranslator())
	assert.Equal(t, "ru", pdata.RussianTranslator().Locale())
}

// FieldError.Translate with pdnkit's translators gives pdnkit's texts for
// its own tags and for the stock tags it rewrites; other tags keep
// validator's translations.
func TestTranslatorsCarryPdnkitTexts(t *testing.T) {
	type form struct {
		SNILS string   `validate:"snils"`
		Name  string   `validate:"required"`
		Tags  []string `validate:"min=1"`
		Code  string   `validate:"alpha"`
	}
	var verrs validator.ValidationErrors
	require.ErrorAs(t, pdata.Validator().Struct(form{SNILS: "1", Code: "1"}), &verrs)
	var ru []string
	for _, fe := range verrs {
		ru = append(ru, fe.Translate(pdata.RussianTranslator()))
	}
	require.Len(t, ru, 4)
	assert.Equal(t, "SNILS: неверный СНИЛС (11 цифр с контрольным числом)", ru[0])
	assert.Equal(t, "Name: обязательное поле, не заполнено", ru[1])
	assert.Equal(t, "Tags: требуется не меньше 1 элемента", ru[2])
	assert.True(t, hasCyrillic(ru[3]), "stock translation for alpha: %q", ru[3])
	assert.NotContains(t, ru[3], "Key:", "a translated, not a raw, message")
}
