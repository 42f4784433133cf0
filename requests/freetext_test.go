package requests_test

import (
	"strings"
	"testing"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Invented identifiers that pass their checksums, as staff or a requester
// might type them into free text.
var identifierTexts = map[string]string{
	"SNILS":    "мой СНИЛС 112-233-445 95",
	"INN":      "ИНН 638100012391",
	"passport": "паспорт 36 10 123456",
	"phone":    "звонить по тел. +7 (927) 123-45-67",
}

// digitsOf keeps the digits of s, to look for an identifier in an error
// however it was spaced.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// requireIdentifierRefused checks that err refuses field for holding an
// identifier, in English and Russian, without repeating the text.
func requireIdentifierRefused(t *testing.T, err error, field, text string) {
	t.Helper()
	require.ErrorIs(t, err, requests.ErrInvalid)
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	fe, ok := ve.Field(field)
	require.True(t, ok, "no error on %s in %v", field, ve)
	assert.Equal(t, "identifier_in_full", fe.Rule)
	assert.Equal(t, pdata.Cite("152-ФЗ ст. 5 ч. 5", "2.1"), fe.Basis)
	assert.Contains(t, fe.MessageRU, "не должно содержать полный номер")
	id := digitsOf(text)
	for _, msg := range []string{err.Error(), ve.Russian(), fe.Message, fe.MessageRU} {
		assert.NotContains(t, digitsOf(msg), id, "the message repeats the identifier")
	}
}

// 152-FZ art. 5 part 5; policy 2.1: free text that a requester or staff
// type is stored in the request and its history and printed in notices; an
// identifier in full there is excessive and escapes the masking the
// identifier types give. Register refuses it in every free-text field and
// stores and sends nothing.
func TestRegisterRefusesIdentifiersInFreeText(t *testing.T) {
	fields := map[string]func(*requests.NewRequest, string){
		"Matter":                   func(in *requests.NewRequest, s string) { in.Matter = s },
		"RepeatReason":             func(in *requests.NewRequest, s string) { in.RepeatReason = s },
		"Requester.Name":           func(in *requests.NewRequest, s string) { in.Requester.Name = s },
		"Requester.LegalAuthority": func(in *requests.NewRequest, s string) { in.Requester.LegalAuthority = s },
		"Requester.PowerOfAttorney.IssuedBy": func(in *requests.NewRequest, s string) {
			in.Requester.PowerOfAttorney = &requests.PowerOfAttorney{Number: "63 АА 1234", Date: day(2026, 1, 15), IssuedBy: s}
		},
	}
	for field, set := range fields {
		for kind, text := range identifierTexts {
			t.Run(field+"/"+kind, func(t *testing.T) {
				f := newFixture(t)
				in := complete(t, "1", requests.Access, at(2026, 3, 2, 9, 0))
				set(&in, text)
				r, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), in)
				requireIdentifierRefused(t, err, field, text)
				assert.Empty(t, r.ID)
				assert.Zero(t, f.store.Len(), "nothing is stored")
				assert.Empty(t, f.out.Sent(), "nothing is sent")
			})
		}
	}
}

// Text with numbers that are not identifiers in full is accepted: dates,
// letter and contract numbers, citations of law, a masked identifier.
func TestRegisterAcceptsOrdinaryNumbersInFreeText(t *testing.T) {
	for _, text := range []string{
		"прошу сообщить сведения по договору № 17/У от 04.03.2019",
		"ответ на письмо от 02.03.2026 № 12345-03/63",
		"на основании ст. 14 ч. 3 Федерального закона от 27.07.2006 № 152-ФЗ",
		"СНИЛС ***-***-*** 95, телефон +7 *** ***-45-67",
		"лицевой счёт 1234-56",
	} {
		f := newFixture(t)
		in := complete(t, "1", requests.Access, at(2026, 3, 2, 9, 0))
		in.Matter = text
		r, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), in)
		require.NoError(t, err, text)
		assert.Equal(t, text, r.Matter)
	}
}

// The same rule (152-FZ art. 5 part 5; policy 2.1) holds for the free text
// staff type in later operations: it goes into the history and the
// notices. A refused operation changes nothing.
func TestOperationsRefuseIdentifiersInFreeText(t *testing.T) {
	text := identifierTexts["SNILS"]
	reg := func(t *testing.T, f *fixture, in requests.NewRequest) {
		t.Helper()
		_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), in)
		require.NoError(t, err)
	}
	later := clerk(at(2026, 3, 3, 10, 0))
	tests := []struct {
		name  string
		field string
		setup func(*testing.T, *fixture)
		call  func(*fixture) (requests.Request, error)
	}{
		{"Extend", "Reasons", func(t *testing.T, f *fixture) { reg(t, f, complete(t, "1", requests.Access, at(2026, 3, 2, 9, 0))) },
			func(f *fixture) (requests.Request, error) {
				return f.svc.Extend(ctx, later, "1", "уточняем данные, "+text)
			}},
		{"DocumentsArrived", "What", func(t *testing.T, f *fixture) { reg(t, f, complete(t, "1", requests.Clarify, at(2026, 3, 2, 9, 0))) },
			func(f *fixture) (requests.Request, error) {
				return f.svc.DocumentsArrived(ctx, later, "1", day(2026, 3, 3), "копия: "+text)
			}},
		{"Clarify", "Documents", func(t *testing.T, f *fixture) { reg(t, f, complete(t, "1", requests.Clarify, at(2026, 3, 2, 9, 0))) },
			func(f *fixture) (requests.Request, error) { return f.svc.Clarify(ctx, later, "1", owner(t), text) }},
		{"Remedy", "What", func(t *testing.T, f *fixture) { reg(t, f, complete(t, "1", requests.Unlawful, at(2026, 3, 2, 9, 0))) },
			func(f *fixture) (requests.Request, error) { return f.svc.Remedy(ctx, later, "1", "удалён "+text) }},
		{"Refuse", "Details", func(t *testing.T, f *fixture) { reg(t, f, complete(t, "1", requests.Unlawful, at(2026, 3, 2, 9, 0))) },
			func(f *fixture) (requests.Request, error) {
				return f.svc.Refuse(ctx, later, "1", requests.RefuseLawful, "обработка законна: "+text)
			}},
		{"Fulfil Stop", "Text", func(t *testing.T, f *fixture) { reg(t, f, complete(t, "1", requests.Stop, at(2026, 3, 2, 9, 0))) },
			func(f *fixture) (requests.Request, error) {
				return f.svc.Fulfil(ctx, later, "1", requests.Answer{Text: "рассылка прекращена на " + text})
			}},
		{"Resolve", "Text", func(t *testing.T, f *fixture) { reg(t, f, fromThirdParty("1", at(2026, 3, 2, 9, 0))) },
			func(f *fixture) (requests.Request, error) {
				return f.svc.Resolve(ctx, head(at(2026, 3, 3, 10, 0)), "1", "Предоставить сведения о "+text)
			}},
		{"Fulfil third party", "Purpose", func(t *testing.T, f *fixture) {
			reg(t, f, fromThirdParty("1", at(2026, 3, 2, 9, 0)))
			_, err := f.svc.Resolve(ctx, head(at(2026, 3, 3, 9, 0)), "1", "Предоставить в объёме запроса")
			require.NoError(t, err)
		}, func(f *fixture) (requests.Request, error) {
			return f.svc.Fulfil(ctx, later, "1", requests.Answer{Categories: pdata.SetOf(pdata.DataFullName),
				Purpose: transferPurpose + " по " + text, Warned: true})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			tt.setup(t, f)
			before, err := f.store.Get(ctx, "1")
			require.NoError(t, err)
			sent := len(f.out.Sent())
			r, err := tt.call(f)
			requireIdentifierRefused(t, err, tt.field, text)
			assert.Empty(t, r.ID)
			after, err := f.store.Get(ctx, "1")
			require.NoError(t, err)
			assert.Equal(t, before.Version, after.Version, "the request is as it was")
			assert.Len(t, f.out.Sent(), sent, "nothing is sent")
		})
	}
}

// The authority asked for the subject's data (152-FZ art. 20 part 4): the
// text accompanying what is given carries those data, identifiers included,
// and is not refused — only the staff's own free text is.
func TestFulfilAuthorityMayCarryTheData(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), fromAuthority("1", requests.Access, at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	r, err := f.svc.Fulfil(ctx, clerk(at(2026, 3, 3, 10, 0)), "1",
		requests.Answer{Categories: pdata.SetOf(pdata.DataSNILS), Text: "СНИЛС субъекта: 112-233-445 95"})
	require.NoError(t, err)
	assert.Equal(t, requests.StatusAnswered, r.Status)
}
