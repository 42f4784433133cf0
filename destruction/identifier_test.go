package destruction_test

import (
	"strings"
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Invented identifiers that pass their checksums (SNILS, person INN) and a
// passport and phone in their usual printed forms.
var fullIdentifiers = map[string]string{
	"SNILS":    "112-233-445 95",
	"INN":      "638100012391",
	"passport": "36 10 123456",
	"phone":    "+7 (927) 123-45-67",
}

// digitsOf keeps only the digits of s.
func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// refusedWithoutEcho checks that err refuses field with rule
// identifier_in_full (152-FZ art. 5 part 5; policy 9.13) in English and
// Russian, and that neither text repeats the identifier, in any spacing.
func refusedWithoutEcho(t *testing.T, err error, field, id string) {
	t.Helper()
	ve := validation(t, err)
	fe, ok := ve.Field(field)
	require.True(t, ok, "no problem for %s in %v", field, err)
	assert.Equal(t, "identifier_in_full", fe.Rule)
	assert.Equal(t, pdata.Cite("152-ФЗ ст. 5 ч. 5", "9.13"), fe.Basis)
	assert.NotEmpty(t, fe.Message)
	assert.Contains(t, fe.MessageRU, "не должно содержать полный номер")
	for _, text := range []string{err.Error(), ve.Russian()} {
		assert.NotContains(t, text, id)
		assert.NotContains(t, digitsOf(text), digitsOf(id), "the identifier's digits appear in %q", text)
	}
}

// An identifier in full is refused in the item's record ID and reference
// and in the medium's name and system, as it already was in a subject's
// name or information: RecordID is printed in the event-log extract, the
// reference with the ground, the medium in the act's table (RKN order 179
// п. 3, п. 5; policy 9.13: the act carries what it needs and no more,
// 152-FZ art. 5 part 5). The error names the field, never the value.
func TestItemRefusesIdentifiersInFreeText(t *testing.T) {
	for kind, id := range fullIdentifiers {
		for _, tc := range []struct {
			field string
			set   func(*destruction.Item)
		}{
			{"RecordID", func(it *destruction.Item) { it.RecordID = id }},
			{"RecordID", func(it *destruction.Item) { it.RecordID = "res-" + id }},
			{"Reference", func(it *destruction.Item) { it.Reference = "заявление, " + kind + " " + id }},
			{"Medium.Name", func(it *destruction.Item) { it.Medium = destruction.Paper("Личное дело, "+kind+" "+id, 3) }},
			{"Medium.System", func(it *destruction.Item) { it.Medium = destruction.DBRecords("Учёт "+id, 3) }},
		} {
			t.Run(kind+"/"+tc.field, func(t *testing.T) {
				it := withdrawnItem()
				tc.set(&it)
				it.Method = 0
				refusedWithoutEcho(t, it.Validate(jan(20)), tc.field, id)

				a, err := destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission())
				require.NoError(t, err)
				refusedWithoutEcho(t, a.Add(it), "Items[0]."+tc.field, id)
				assert.Empty(t, a.Content().Items, "nothing is added")
			})
		}
	}
}

// A record ID that holds an identifier is not echoed by the other
// messages about the record either (not yet due, duplicate, not found).
func TestRecordIDWithIdentifierIsNeverEchoed(t *testing.T) {
	id := fullIdentifiers["SNILS"]
	it := withdrawnItem()
	it.RecordID = id
	it.DestroyFrom = jan(21) // after the act's date: not yet due (policy 9.1)
	it.DestroyBy = jan(31)
	err := it.Validate(jan(20))
	assert.True(t, validation(t, err).Has("not_yet_due"))
	refusedWithoutEcho(t, err, "RecordID", id)

	a, err := destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission())
	require.NoError(t, err)
	dup := withdrawnItem()
	dup.RecordID = id
	err = a.Add(dup, dup)
	assert.True(t, validation(t, err).Has("duplicate_item"))
	refusedWithoutEcho(t, err, "Items[1].RecordID", id)

	for _, err := range []error{a.Remove(id), a.Check(id, at(20, 10, 0))} {
		require.ErrorIs(t, err, destruction.ErrNotFound)
		assert.NotContains(t, digitsOf(err.Error()), digitsOf(id))
	}
}

// The other free text printed in an act: the place it is drawn up, the
// place of destruction, a processor's name and address, the reason an act
// is superseded.
func TestActRefusesIdentifiersInFreeText(t *testing.T) {
	id := fullIdentifiers["phone"]
	h := selHeader()
	h.Place = "каб. 5, тел. " + id
	_, err := destruction.NewSelectionAct(h, pdata.SampleOperator(), sampleCommission())
	refusedWithoutEcho(t, err, "Place", id)

	_, err = destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission(),
		destruction.Party{Name: "ИП Орлова А. С., ИНН " + fullIdentifiers["INN"], Address: "г. Самара, ул. Мира, д. 1"})
	refusedWithoutEcho(t, err, "Processors[0].Name", fullIdentifiers["INN"])
	_, err = destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission(),
		destruction.Party{Name: "ООО «Архив»", Address: "г. Самара, тел. " + id})
	refusedWithoutEcho(t, err, "Processors[0].Address", id)

	sel := approvedSelection(t)
	d, err := destruction.NewDestructionAct(destHeader(), sel)
	require.NoError(t, err)
	require.NoError(t, d.CheckAll(at(24, 10, 0)))
	pr := presence()
	pr.Place = "серверная, ответственный тел. " + id
	refusedWithoutEcho(t, d.RecordDestruction(pr), "Destruction.Place", id)
	assert.Nil(t, d.Content().Destruction, "nothing is recorded")

	_, err = sel.Supersede(destruction.Header{ID: "sel-2", Number: "2-О", Date: jan(22), Place: place},
		"ошибка в СНИЛС "+fullIdentifiers["SNILS"])
	refusedWithoutEcho(t, err, "Reason", fullIdentifiers["SNILS"])
}

// What is not an identifier in full passes: a UUID (its hex groups may
// hold ten digits in a row by chance), short numbers, dates, a masked
// identifier, and a device's serial number, which is not checked (serials
// often have long runs of digits).
func TestFreeTextWithoutIdentifiersPasses(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(*destruction.Item)
	}{
		{"UUID record ID", func(it *destruction.Item) { it.RecordID = "123e4567-e89b-4d3a-a456-426614174000" }},
		{"UUID with a 12-digit group", func(it *destruction.Item) { it.RecordID = "5f0c2b8e-1d2a-4c3b-9e7f-123456789012" }},
		{"dated reference", func(it *destruction.Item) { it.Reference = "отзыв согласия, вх. № 17 от 15.01.2025" }},
		{"masked SNILS", func(it *destruction.Item) { it.Reference = "заявление, СНИЛС ***-***-445 95" }},
		{"long serial", func(it *destruction.Item) {
			it.Medium = destruction.Machine("USB-флеш-накопитель 16 ГБ", "4C530001230118115123")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			it := withdrawnItem()
			tc.set(&it)
			it.Method = 0
			assert.NoError(t, it.Validate(jan(20)))
		})
	}
	// Control: the same UUID with one hyphen moved is no UUID, and its
	// twelve digits in a row are refused.
	it := withdrawnItem()
	it.RecordID = "5f0c2b8e-1d2a-4c3b-9e7f1-23456789012"
	assert.True(t, validation(t, it.Validate(jan(20))).Has("identifier_in_full"))
}
