package requests_test

import (
	"flag"
	stdhtml "html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// identifiers lists every way a subject's identifying data could show up in
// a document.
func identifiers(s pdata.Subject) []string {
	out := []string{s.ID, s.LastName, s.FirstName, s.FullName()}
	if s.Patronymic != "" {
		out = append(out, s.Patronymic)
	}
	if !s.SNILS.IsZero() {
		out = append(out, s.SNILS.Digits(), s.SNILS.Formatted())
	}
	if !s.INN.IsZero() {
		out = append(out, s.INN.Digits())
	}
	if !s.Phone.IsZero() {
		out = append(out, s.Phone.E164())
	}
	if s.Passport != nil {
		out = append(out, s.Passport.Digits(), s.Passport.Formatted(), s.Passport.Number())
	}
	if s.BirthDate != 0 {
		out = append(out, s.BirthDate.Format("02.01.2006"))
	}
	return out
}

// Policy 5.1, 6.1.4; 152-FZ art. 14 part 2: a resident's report holds her
// own data and none of her household's — not her husband's, not her
// lodger's — and a household member's report holds nothing of the owner's.
func TestAccessReportLeavesOutTheHousehold(t *testing.T) {
	f := newFixture(t)
	for _, id := range []string{"own", "sp"} {
		_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), complete(t, id, requests.Access, at(2026, 3, 2, 9, 0)))
		require.NoError(t, err)
	}
	rep, err := f.svc.AccessReport(ctx, clerk(at(2026, 3, 3, 10, 0)), "own")
	require.NoError(t, err)
	text := rep.Text()
	html, err := rep.HTML()
	require.NoError(t, err)
	html = stdhtml.UnescapeString(html) // html/template writes "+" as "&#43;"

	o := owner(t)
	for _, own := range []string{o.FullName(), o.SNILS.Formatted(), o.INN.Digits(), o.Phone.E164(), o.Passport.Formatted(), "63:24:0502003:123", "12.04.1978"} {
		assert.Contains(t, text, own, "the subject's own data are reported")
		assert.Contains(t, html, own)
	}
	for _, other := range []pdata.Subject{spouse(t), lodger(t)} {
		for _, ident := range identifiers(other) {
			if ident == "" || strings.Contains(o.FullName(), ident) {
				continue // «Кузнецов» is a prefix of the owner's own «Кузнецова»: checked through the full name
			}
			assert.NotContains(t, text, ident, "%s's identifier in the text report", other.ID)
			assert.NotContains(t, html, ident, "%s's identifier in the HTML report", other.ID)
		}
		assert.NotContains(t, text, other.FullName())
	}
	assert.Contains(t, text, "совместно проживающих лицах не приводятся")

	// The husband asks about himself (his request is about res-2).
	in := complete(t, "sp2", requests.Access, at(2026, 3, 2, 9, 0))
	in.SubjectID = "res-2"
	_, err = f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), in)
	require.NoError(t, err)
	rep, err = f.svc.AccessReport(ctx, clerk(at(2026, 3, 3, 10, 0)), "sp2")
	require.NoError(t, err)
	text = rep.Text()
	assert.Contains(t, text, spouse(t).SNILS.Formatted())
	for _, ident := range identifiers(o) {
		assert.NotContains(t, text, ident, "the owner's identifier in her husband's report")
	}
	assert.NotContains(t, text, "res-1", "not even the link to her household")
}

// An employee's family members (policy 2.3.1) are counted, never named.
func TestAccessReportFamilyCountedNotNamed(t *testing.T) {
	e := pdata.Subject{ID: "emp-1", Category: pdata.Employee, LastName: "Соколов", FirstName: "Денис", Patronymic: "Андреевич",
		Family: []pdata.FamilyMember{
			{Relation: "супруга", LastName: "Соколова", FirstName: "Марина", Patronymic: "Игоревна", BirthDate: day(1990, 7, 1)},
			{Relation: "сын", LastName: "Соколов", FirstName: "Артём", BirthDate: day(2015, 9, 9)},
		}}
	e.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataFamilyMembers)
	rep, err := requests.BuildAccessReport("7", &e, pdata.SampleOperator(), nil, requests.DefaultReportSettings(), day(2026, 3, 3))
	require.NoError(t, err)
	text := rep.Text()
	html, err := rep.HTML()
	require.NoError(t, err)
	html = stdhtml.UnescapeString(html)
	for _, doc := range []string{text, html} {
		for _, s := range []string{"Марина", "Игоревна", "Артём", "01.07.1990", "09.09.2015", "супруга"} {
			assert.NotContains(t, doc, s)
		}
		assert.Contains(t, doc, "сведения о 2 членах семьи")
		assert.Contains(t, doc, "Соколов Денис Андреевич")
	}
	// The HR terms come from retention, with their basis.
	assert.Contains(t, text, "хранение (приказы по личному составу) — 50 лет")
	assert.Contains(t, text, "125-ФЗ ст. 22.1")
}

// 152-FZ art. 14 part 7 items 1–10, each in the report.
func TestAccessReportItems(t *testing.T) {
	o := owner(t)
	set := requests.DefaultReportSettings()
	set.Processors = []requests.Processor{{Name: "ООО «Бурмистр»", Address: "г. Москва, ул. Примерная, д. 1"}}
	rep, err := requests.BuildAccessReport("17", &o, pdata.SampleOperator(), nil, set, day(2026, 3, 10))
	require.NoError(t, err)
	text := rep.Text()
	for i, want := range []string{
		"1. Оператор подтверждает, что обрабатывает ваши персональные данные",
		"2. Правовые основания обработки:", "согласие субъекта", "152-ФЗ ст. 6 ч. 1 п. 5",
		"3. Цели обработки:", "исполнение договора управления", "Способы обработки: смешанная",
		"4. Оператор: Муниципальное предприятие «ПОЖКХ»", "446800, Самарская область", "работники Оператора",
		"5. Обрабатываемые персональные данные и источник их получения:", "Росреестр (общедоступный источник)",
		"6. Сроки обработки и хранения:", "5 лет с 1 января года, следующего за годом окончания дела", "402-ФЗ ст. 29 ч. 1",
		"7. Порядок осуществления прав", "ст. 17",
		"8. Трансграничная передача: трансграничная передача персональных данных не осуществляется", "Положение п. 3.5",
		"9. Обработка по поручению Оператора: ООО «Бурмистр», г. Москва",
		"10. Юридические последствия",
		"дата ответа: 10.03.2026", "ИНН 6381012349",
	} {
		assert.Contains(t, text, want, "item %d", i)
	}
	assert.Equal(t, pdata.Cite("152-ФЗ ст. 14 ч. 2, 7", "5.1, 6.1.4, 7.1"), rep.Basis)

	none, err := requests.BuildAccessReport("18", nil, pdata.SampleOperator(), nil, set, day(2026, 3, 10))
	require.NoError(t, err)
	assert.False(t, none.Processed)
	assert.Contains(t, none.Text(), "1. Оператор не обрабатывает персональные данные заявителя.")
	assert.Contains(t, none.Text(), "7. Порядок осуществления прав")
	assert.NotContains(t, none.Text(), "5. Обрабатываемые")
	h, err := none.HTML()
	require.NoError(t, err)
	assert.Contains(t, h, "не обрабатывает")
}

func TestAccessReportHTMLEscapes(t *testing.T) {
	s := pdata.Subject{ID: "x", Category: pdata.SiteUser, Referrer: `https://example.ru/?q=<script>alert(1)</script>`}
	s.SetSource(pdata.FromSubject, pdata.DataReferrer)
	rep, err := requests.BuildAccessReport("1", &s, pdata.SampleOperator(), nil, requests.DefaultReportSettings(), day(2026, 3, 10))
	require.NoError(t, err)
	h, err := rep.HTML()
	require.NoError(t, err)
	assert.NotContains(t, h, "<script>")
	assert.Contains(t, h, "&lt;script&gt;")
	assert.True(t, strings.HasPrefix(h, "<!DOCTYPE html>"))
	assert.Contains(t, rep.Text(), "1 год с даты сбора", "policy 3.6.4")
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The rendered report is kept in testdata so that a change to its wording
// shows up in review: go test ./requests -run Golden -update rewrites it.
func TestAccessReportGolden(t *testing.T) {
	o := owner(t)
	rep, err := requests.BuildAccessReport("17", &o, pdata.SampleOperator(), nil, requests.DefaultReportSettings(), day(2026, 3, 16))
	require.NoError(t, err)
	html, err := rep.HTML()
	require.NoError(t, err)
	for name, got := range map[string]string{"access-report.txt": rep.Text(), "access-report.html": html} {
		path := filepath.Join("testdata", name)
		if *update {
			require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			continue
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run with -update to create it")
		assert.Equal(t, string(want), got, "%s differs from the rendered report", path)
	}
}

// 152-FZ art. 14 part 7 item 4: the report names the operator (name,
// address); it is an answer of a given date. A zero Operator or a zero date
// is refused in English and Russian, and no report is built.
func TestAccessReportNeedsOperatorAndDate(t *testing.T) {
	o := owner(t)
	tests := []struct {
		name   string
		op     pdata.Operator
		on     date.Date
		fields []string
	}{
		{"zero operator", pdata.Operator{}, day(2026, 3, 16), []string{"Operator.Name", "Operator.Address", "Operator.INN", "Operator.OGRN", "Operator.Head"}},
		{"zero date", pdata.SampleOperator(), date.Zero, []string{"On"}},
		{"both", pdata.Operator{}, date.Zero, []string{"Operator.Name", "On"}},
		{"no name", func() pdata.Operator { op := pdata.SampleOperator(); op.Name = ""; return op }(), day(2026, 3, 16), []string{"Operator.Name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, subj := range []*pdata.Subject{&o, nil} {
				rep, err := requests.BuildAccessReport("17", subj, tt.op, nil, requests.DefaultReportSettings(), tt.on)
				require.ErrorIs(t, err, requests.ErrInvalid)
				var ve *pdata.ValidationError
				require.ErrorAs(t, err, &ve)
				for _, f := range tt.fields {
					fe, ok := ve.Field(f)
					if assert.True(t, ok, "field %s in %v", f, ve) {
						assert.NotEmpty(t, fe.MessageRU)
					}
				}
				assert.Zero(t, rep.Date)
				assert.Empty(t, rep.Data)
			}
		})
	}

	// The service refuses the same way when it was set up without an operator.
	f := newFixture(t)
	svc, err := requests.New(requests.Config{Store: f.store, Journal: f.journal, Audit: f.audit, Directory: f.dir,
		Notifier: f.out, Destroyer: f.queue, Access: staff})
	require.NoError(t, err)
	_, err = svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), complete(t, "1", requests.Access, at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	_, err = svc.AccessReport(ctx, clerk(at(2026, 3, 3, 10, 0)), "1")
	require.ErrorIs(t, err, requests.ErrInvalid)
	_, err = svc.Fulfil(ctx, clerk(at(2026, 3, 3, 10, 0)), "1", requests.Answer{})
	require.ErrorIs(t, err, requests.ErrInvalid)
	assert.Empty(t, f.out.Sent(), "nothing is sent without the operator's details")
	r, err := f.store.Get(ctx, "1")
	require.NoError(t, err)
	assert.Equal(t, requests.StatusReceived, r.Status)
}
