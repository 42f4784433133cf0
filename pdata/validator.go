package pdata

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/ru"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	enT "github.com/go-playground/validator/v10/translations/en"
	ruT "github.com/go-playground/validator/v10/translations/ru"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
)

// Struct tags read by ValidateStruct besides validator's own `validate`:
//
//	ru:"Серия паспорта"          the field's name in Russian messages
//	law:"152-ФЗ ст. 9 ч. 4 п. 1" the provision of law the field serves
//	policy:"6.1.4"               the policy clause the field serves
//
// Together law and policy become the FieldError's Basis.

// Tags registered on the shared validator, for string fields holding
// identifiers and for pdnkit's own types.
const (
	TagSNILS        = "snils"         // СНИЛС with checksum
	TagINN          = "inn"           // ИНН, 10 or 12 digits, with checksum
	TagPassport     = "ru_passport"   // passport series and number
	TagPhone        = "ru_phone"      // Russian phone number
	TagCadastral    = "cadastral"     // cadastral number
	TagOGRN         = "ogrn"          // ОГРН or ОГРНИП with checksum
	TagDivisionCode = "division_code" // passport division code NNN-NNN
	// TagPositive: decimal.Decimal greater than zero. Use it on struct fields
	// (a decimal.Decimal or *decimal.Decimal); validator's Var ignores tags on
	// struct values, so Validator().Var(d, "dec_positive") checks nothing.
	TagPositive = "dec_positive"
)

type shared struct {
	v      *validator.Validate
	en, ru ut.Translator
	err    error
}

var sharedOnce = sync.OnceValue(func() *shared {
	s := &shared{}
	s.v, s.en, s.ru, s.err = build()
	return s
})

// Validator returns pdnkit's configured validator: one instance, created on
// first use and safe for concurrent use, with pdnkit's tags registered
// (snils, inn, ru_passport, ru_phone, cadastral, ogrn, division_code,
// dec_positive), custom types understood (identifiers, date.Date,
// decimal.Decimal) and required struct fields enabled. The other pdnkit
// packages validate with it. Treat it as read-only: register your own rules
// on a validator from NewValidator instead.
func Validator() *validator.Validate { return sharedOnce().v }

// RussianTranslator returns the Russian translator registered on Validator:
// validator/v10's Russian translations with pdnkit's own texts for every tag
// pdnkit uses (the stock ones always say «должен» and miss many tags), so
// that FieldError.Translate(RussianTranslator()) gives, for example,
// "SNILS: неверный СНИЛС (11 цифр с контрольным числом)". ValidateStruct uses
// the same texts and names the field by its `ru` tag instead.
func RussianTranslator() ut.Translator { return sharedOnce().ru }

// NewValidator builds a fresh validator configured like Validator, for a host
// that wants to register rules of its own. Its translations are registered on
// translators of its own, not on RussianTranslator: translate its errors
// with a translator the host registers on it.
func NewValidator() (*validator.Validate, error) {
	v, _, _, err := build()
	return v, err
}

func build() (*validator.Validate, ut.Translator, ut.Translator, error) {
	v := validator.New(validator.WithRequiredStructEnabled())
	uni := ut.New(en.New(), en.New(), ru.New())
	enTr, _ := uni.GetTranslator("en")
	ruTr, _ := uni.GetTranslator("ru")
	str := func(parse func(string) error) validator.Func {
		return func(fl validator.FieldLevel) bool {
			if fl.Field().Kind() != reflect.String {
				return true // pdnkit types are valid by construction
			}
			s := fl.Field().String()
			return s == "" || parse(s) == nil
		}
	}
	tags := map[string]validator.Func{
		TagSNILS:     str(func(s string) error { _, err := ParseSNILS(s); return err }),
		TagINN:       str(func(s string) error { _, err := ParseINN(s); return err }),
		TagPassport:  str(func(s string) error { _, err := ParsePassport(s); return err }),
		TagPhone:     str(func(s string) error { _, err := ParsePhone(s); return err }),
		TagCadastral: str(func(s string) error { _, err := ParseCadastral(s); return err }),
		TagOGRN:      str(func(s string) error { _, err := ParseOGRN(s); return err }),
		TagDivisionCode: str(func(s string) error {
			if IsDivisionCode(s) {
				return nil
			}
			return ErrInvalid
		}),
		TagPositive: func(fl validator.FieldLevel) bool {
			d, ok := fl.Field().Interface().(decimal.Decimal)
			return ok && d.IsPositive()
		},
	}
	var errs []error
	for tag, fn := range tags {
		errs = append(errs, v.RegisterValidation(tag, fn))
	}
	v.RegisterCustomTypeFunc(func(f reflect.Value) any {
		switch x := f.Interface().(type) {
		case SNILS:
			return x.Digits()
		case INN:
			return x.Digits()
		case OGRN:
			return x.Digits()
		case Phone:
			return x.E164()
		case Email:
			return x.Address()
		case CadastralNumber:
			return x.Number()
		case date.Date:
			return int64(x)
		}
		return nil
	}, SNILS{}, INN{}, OGRN{}, Phone{}, Email{}, CadastralNumber{}, date.Date(0))
	errs = append(errs, enT.RegisterDefaultTranslations(v, enTr), ruT.RegisterDefaultTranslations(v, ruTr),
		registerOwnTranslations(v, enTr, ruTr))
	return v, enTr, ruTr, errors.Join(errs...)
}

// ValidateStruct validates v with Validator and returns nil or a
// *ValidationError whose field errors carry the field path, the rule (the
// tag), the Basis from the field's `law` and `policy` tags, an English
// message and a Russian message naming the field by its `ru` tag.
func ValidateStruct(v any) error {
	sh := sharedOnce()
	if sh.err != nil {
		return sh.err
	}
	err := sh.v.Struct(v)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return &ValidationError{Errors: []FieldError{{Rule: "invalid", Message: err.Error(), MessageRU: "Неверные данные: " + err.Error()}}}
	}
	t := reflect.TypeOf(v)
	var pr Problems
	for _, fe := range verrs {
		path := fe.StructNamespace()
		if i := strings.IndexByte(path, '.'); i >= 0 {
			path = path[i+1:]
		}
		sf, _ := lookupField(t, path)
		label := sf.Tag.Get("ru")
		if label == "" {
			label = fe.Field()
		}
		en, ruMsg := messages(fe, sh)
		pr.Add(path, fe.Tag(), Cite(sf.Tag.Get("law"), sf.Tag.Get("policy")), en, "«"+label+"»: "+ruMsg)
	}
	return pr.Err()
}

// lookupField follows a struct namespace ("Subject.Passport", "Items[2].Kind")
// from t to the struct field it names.
func lookupField(t reflect.Type, path string) (reflect.StructField, bool) {
	var sf reflect.StructField
	for _, part := range strings.Split(path, ".") {
		if i := strings.IndexByte(part, '['); i >= 0 {
			part = part[:i]
		}
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return sf, false
		}
		f, ok := t.FieldByName(part)
		if !ok {
			return sf, false
		}
		sf, t = f, f.Type
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return sf, true
}

// messages returns the English and Russian texts for one failed tag:
// pdnkit's own (ownMessages) where it has them, validator's translations
// otherwise.
func messages(fe validator.FieldError, sh *shared) (string, string) {
	if en, ru, ok := ownMessages(fe); ok {
		return en, ru
	}
	return fe.Translate(sh.en), fe.Translate(sh.ru)
}

// ownTags are the tags ownMessages has texts for; build registers those
// texts on both translators, replacing validator's stock ones.
var ownTags = []string{
	"required", "required_if", "required_unless", "required_with", "required_without",
	"min", "gte", "max", "lte", "gt", "lt", "len", "oneof", "email", "url", "http_url", "ip",
	TagSNILS, TagINN, TagPassport, TagPhone, TagCadastral, TagOGRN, TagDivisionCode, TagPositive,
}

// ownMessages returns pdnkit's English and Russian texts for one failed tag
// (without the field's name), and false for a tag it has no text for. For
// strings, slices and maps the size tags (min, max, len, gt, gte, lt, lte)
// speak of characters or elements, with the Russian noun agreeing with the
// number.
func ownMessages(fe validator.FieldError) (string, string, bool) {
	en, ru := ownText(fe)
	return en, ru, en != ""
}

func ownText(fe validator.FieldError) (string, string) {
	p := fe.Param()
	isLen := fe.Kind() == reflect.String || fe.Kind() == reflect.Slice || fe.Kind() == reflect.Map || fe.Kind() == reflect.Array
	unitEN := "elements"
	unit := [3]string{"элемент", "элемента", "элементов"}
	if fe.Kind() == reflect.String {
		unitEN = "characters"
		unit = [3]string{"символ", "символа", "символов"}
	}
	if p == "1" {
		unitEN = strings.TrimSuffix(unitEN, "s")
	}
	switch fe.Tag() {
	case "required", "required_if", "required_unless", "required_with", "required_without":
		return "is required", "обязательное поле, не заполнено"
	case "min", "gte":
		if isLen {
			return "must have at least " + p + " " + unitEN, "требуется не меньше " + p + " " + ruGenitive(p, unit)
		}
		return "must be at least " + p, "значение не может быть меньше " + p
	case "max", "lte":
		if isLen {
			return "must have at most " + p + " " + unitEN, "допускается не больше " + p + " " + ruGenitive(p, unit)
		}
		return "must be at most " + p, "значение не может быть больше " + p
	case "gt":
		if isLen {
			return "must have more than " + p + " " + unitEN, "требуется больше " + p + " " + ruGenitive(p, unit)
		}
		return "must be greater than " + p, "значение должно быть больше " + p
	case "lt":
		if isLen {
			return "must have fewer than " + p + " " + unitEN, "требуется меньше " + p + " " + ruGenitive(p, unit)
		}
		return "must be less than " + p, "значение должно быть меньше " + p
	case "len":
		if isLen {
			return "must have exactly " + p + " " + unitEN, "требуется ровно " + p + " " + ruCounted(p, unit)
		}
		return "must equal " + p, "значение должно быть равно " + p
	case "oneof":
		return "must be one of: " + p, "допустимые значения: " + p
	case "email":
		return "must be a valid e-mail address", "неверный адрес электронной почты"
	case "url", "http_url":
		return "must be a full URL", "требуется полный адрес ресурса (URL)"
	case "ip":
		return "must be an IP address", "неверный IP-адрес"
	case TagSNILS:
		return "must be a valid SNILS", "неверный СНИЛС (11 цифр с контрольным числом)"
	case TagINN:
		return "must be a valid INN", "неверный ИНН (10 или 12 цифр с контрольным числом)"
	case TagPassport:
		return "must be a passport series and number", "неверные серия и номер паспорта (4 и 6 цифр)"
	case TagPhone:
		return "must be a Russian phone number", "неверный номер телефона (+7 и 10 цифр)"
	case TagCadastral:
		return "must be a cadastral number", "неверный кадастровый номер (АА:ВВ:CCCCCC:КК)"
	case TagOGRN:
		return "must be a valid OGRN or OGRNIP", "неверный ОГРН или ОГРНИП"
	case TagDivisionCode:
		return "must be a division code NNN-NNN", "код подразделения должен иметь вид 000-000"
	case TagPositive:
		return "must be greater than zero", "значение должно быть больше нуля"
	}
	return "", ""
}

// registerOwnTranslations puts pdnkit's texts on the translators, so that a
// host calling FieldError.Translate(RussianTranslator()) gets them too:
// "Поле: текст" in Russian, "Field text" in English.
func registerOwnTranslations(v *validator.Validate, enTr, ruTr ut.Translator) error {
	none := func(ut.Translator) error { return nil }
	var errs []error
	for _, tag := range ownTags {
		errs = append(errs,
			v.RegisterTranslation(tag, enTr, none, func(_ ut.Translator, fe validator.FieldError) string {
				en, _ := ownText(fe)
				return fe.Field() + " " + en
			}),
			v.RegisterTranslation(tag, ruTr, none, func(_ ut.Translator, fe validator.FieldError) string {
				_, ru := ownText(fe)
				return fe.Field() + ": " + ru
			}))
	}
	return errors.Join(errs...)
}

// ruCounted returns the form of a Russian noun that follows the number n
// ("1 символ", "2 символа", "5 символов"); forms are the nominative
// singular, genitive singular and genitive plural. A parameter that is not a
// whole number gets the genitive plural.
func ruCounted(n string, forms [3]string) string {
	v, err := strconv.Atoi(n)
	if err != nil || v < 0 {
		return forms[2]
	}
	return PluralRU(v, forms[0], forms[1], forms[2])
}

// ruGenitive returns the form of a Russian noun after «не меньше N»,
// «больше N» and the like, where the whole phrase is in the genitive:
// "1 символа", "2 символов", "21 символа", "11 символов".
func ruGenitive(n string, forms [3]string) string {
	v, err := strconv.ParseUint(n, 10, 64)
	if err == nil && v%10 == 1 && v%100 != 11 {
		return forms[1]
	}
	return forms[2]
}
