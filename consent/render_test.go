package consent_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func render(t *testing.T, c consent.Consent, f consent.RenderFormat) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, consent.Render(&b, c, f))
	return b.String()
}

// TestRender_Golden compares the rendered forms with testdata/*.golden; run
// with -update to rewrite them after a deliberate change, then read the diff.
func TestRender_Golden(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    consent.Consent
		f    consent.RenderFormat
	}{
		{"processing.txt", processing(), consent.Text},
		{"processing.html", processing(), consent.HTML},
		{"distribution.txt", distribution(), consent.Text},
		{"distribution.html", distribution(), consent.HTML},
		{"representative.txt", withRepresentative(), consent.Text},
		{"third_party.txt", thirdParty(), consent.Text},
		{"transfer.txt", transfer(), consent.Text},
		{"blank.txt", consent.Consent{Kind: consent.Processing}, consent.Text},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.c, tc.f)
			path := filepath.Join("testdata", tc.name+".golden")
			if *update {
				require.NoError(t, os.MkdirAll("testdata", 0o755))
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -run TestRender_Golden -update to create it")
			assert.Equal(t, string(want), got)
		})
	}
}

// TestRender_EveryElement checks that the printed form carries every element
// of 152-FZ art. 9 part 4 (items 1–9) in both formats.
func TestRender_EveryElement(t *testing.T) {
	c := withRepresentative()
	c.Processor = &consent.Party{Name: "ООО «Бурмистр»", Address: "603000, г. Нижний Новгород, ул. Примерная, д. 1"}
	for _, f := range []consent.RenderFormat{consent.Text, consent.HTML} {
		out := render(t, c, f)
		if f == consent.Text {
			out = strings.Join(strings.Fields(out), " ") // undo line wrapping
		}
		for item, want := range map[string][]string{
			"item 1: subject": {"Иванова Мария Петровна", "ул. Первомайская, д. 5, кв. 12", "серия 36 10 № 123456", "выдан 15.03.2010",
				"Отделением УФМС России по Самарской области в Кошкинском районе"},
			"item 2: representative": {"Петров Иван Сергеевич", "г. Самара, ул. Садовая, д. 1, кв. 2", "серия 36 05 № 654321",
				"доверенность № 63 АА 1234567 от 01.09.2025", "действителен по 31.08.2026"},
			"item 3: operator":  {"Муниципальное предприятие", "село Кошки, 4 квартал, дом 11"},
			"item 4: purposes":  {purposeManagement},
			"item 5: data":      {"фамилия, имя, отчество", "контактный телефон", "адрес электронной почты (e-mail)"},
			"item 6: processor": {"ООО «Бурмистр»", "г. Нижний Новгород"},
			"item 7: actions":   {"сбор, запись, систематизация", "уничтожение", "смешанная обработка"},
			"item 8: term":      {"в течение 5 лет со дня подписания (по 01.10.2030 включительно)", "порядок отзыва: письменным заявлением"},
			"item 9: signature": {"усиленная квалифицированная электронная подпись", "01A2B3C4D5", "Петров И. С."},
			"date and document": {"Дата: 01.10.2025", "оформлено отдельным документом", "электронный документ"},
			"recipients (5.3)":  {billingCentre},
		} {
			for _, w := range want {
				assert.Containsf(t, out, w, "%s in format %d", item, f)
			}
		}
	}
}

// TestRender_Distribution checks the RKN order No. 18 fields in the printed
// distribution consent, and that it is a document of its own.
func TestRender_Distribution(t *testing.T) {
	out := strings.Join(strings.Fields(render(t, distribution(), consent.Text)), " ")
	for _, w := range []string{
		"на обработку персональных данных, разрешённых субъектом персональных данных для распространения",
		"контактная информация: телефон +79271234567",
		"ИНН 6381012349", "ОГРН 1026303456783",
		debtorPage,
		"фамилия, имя, отчество: разрешаю распространять — фамилия и инициалы",
		"запреты: запрет на передачу неограниченному кругу лиц",
		"номер квартиры (без улицы и дома); условия и запреты не устанавливаю",
		"только по внутренней сети Оператора",
		"по 31.12.2026 включительно",
		"части 12 и 13 статьи 10.1",
	} {
		assert.Contains(t, out, w)
	}
	assert.NotContains(t, out, "Перечень персональных данных, на обработку которых даётся согласие",
		"the distribution form lists data per category with its conditions, not as a processing consent")
}

func TestRender_EscapesHTML(t *testing.T) {
	c := processing()
	c.Subject.LastName = `<script>alert("x")</script>`
	out := render(t, c, consent.HTML)
	assert.NotContains(t, out, "<script>")
	assert.Contains(t, out, "&lt;script&gt;")
}

func TestRender_UnknownFormat(t *testing.T) {
	var b bytes.Buffer
	require.ErrorIs(t, consent.Render(&b, processing(), 0), consent.ErrInvalid)
	assert.Zero(t, b.Len())
}

func TestRender_Withdrawn(t *testing.T) {
	c := processing()
	c.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 11, 1), Document: "заявление вх. № 40"}
	out := render(t, c, consent.Text)
	assert.Contains(t, out, "согласие отозвано, отзыв получен 01.11.2025 (заявление вх. № 40)")
}
