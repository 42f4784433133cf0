package destruction_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests of RKN order No. 179 («Требования к подтверждению уничтожения
// персональных данных», 28.10.2022): one per field of the act (п. 3 «а»–«к»),
// the extract (п. 5, 6) and keeping (п. 8). Each field is checked in the
// plain text and in the DOCX (docxText reads word/document.xml).

func allRenderings(t *testing.T, a *destruction.Act) map[string]string {
	t.Helper()
	var h bytes.Buffer
	require.NoError(t, a.RenderHTML(&h))
	return map[string]string{"text": text(t, a), "docx": docxText(t, a), "html": htmlText(h.String())}
}

func assertEverywhere(t *testing.T, a *destruction.Act, wants ...string) {
	t.Helper()
	for name, out := range allRenderings(t, a) {
		for _, w := range wants {
			assert.Contains(t, out, w, "%s rendering", name)
		}
	}
}

// п. 3 «а»: the operator's name and address.
func TestOrder179_3a_Operator(t *testing.T) {
	_, d := approvedDestruction(t)
	op := pdata.SampleOperator()
	assertEverywhere(t, d, op.Name, op.Address)

	op.Address = ""
	_, err := destruction.NewSelectionAct(selHeader(), op, sampleCommission())
	require.Error(t, err)
	ve := validation(t, err)
	found := false
	for _, fe := range ve.Errors {
		found = found || strings.HasPrefix(fe.Field, "Operator")
	}
	assert.True(t, found, "a missing operator address is named: %v", err)
}

// п. 3 «б»: the processor's name and address, when processing was
// delegated; the act says so when it was not.
func TestOrder179_3b_Processor(t *testing.T) {
	_, d := approvedDestruction(t)
	assertEverywhere(t, d, "Лицо, осуществлявшее обработку ПДн по поручению оператора (п. 3 «б»)", "не привлекалось")

	proc := destruction.Party{Name: "ООО «Расчётный центр»", Address: "443001, г. Самара, ул. Садовая, д. 1"}
	a, err := destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission(), proc)
	require.NoError(t, err)
	require.NoError(t, a.Add(sampleItems()...))
	assertEverywhere(t, a, "ООО «Расчётный центр», адрес: 443001, г. Самара, ул. Садовая, д. 1")

	_, err = destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission(), destruction.Party{Name: "ООО «Без адреса»"})
	_, ok := validation(t, err).Field("Processors[0]")
	assert.True(t, ok)
}

// п. 3 «в»: the full name of each subject, or other information that
// identifies the person — never an identifier in full.
func TestOrder179_3v_Subjects(t *testing.T) {
	_, d := approvedDestruction(t)
	assertEverywhere(t, d, "Васильев Игорь Петрович", "Иванова Мария Петровна (собственник кв. 12, ул. Мира, д. 5)",
		"посетитель сайта, IP-адрес 192.0.2.*", "Соколов Дмитрий Алексеевич")

	tests := []struct {
		name string
		subj []destruction.Subject
		rule string
	}{
		{"no subject", nil, "required"},
		{"subject without name or information", []destruction.Subject{{ID: "res-1"}}, "required"},
		{"SNILS in full", []destruction.Subject{{Name: "Иванов Иван", Info: "СНИЛС 112-233-445 95"}}, "identifier_in_full"},
		{"passport in full", []destruction.Subject{{Info: "паспорт 36 10 123456"}}, "identifier_in_full"},
		{"INN in full", []destruction.Subject{{Info: "ИНН 638100012391"}}, "identifier_in_full"},
		{"phone in full", []destruction.Subject{{Info: "тел. +7 (927) 123-45-67"}}, "identifier_in_full"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := withdrawnItem()
			it.Subjects = tc.subj
			assert.True(t, validation(t, it.Validate(jan(20))).Has(tc.rule))
		})
	}
	masked := withdrawnItem()
	masked.Subjects = []destruction.Subject{{Info: "СНИЛС ***-***-445 95, кв. 12, 2019–2020 гг."}}
	assert.NoError(t, masked.Validate(jan(20)), "a masked identifier and short numbers are fine")

	// SubjectOf copies the name, never an identifier.
	snils, err := pdata.ParseSNILS("112-233-445 95")
	require.NoError(t, err)
	s := destruction.SubjectOf(pdata.Subject{ID: "emp-1", LastName: "Орлова", FirstName: "Анна", Patronymic: "Сергеевна", SNILS: snils})
	assert.Equal(t, destruction.Subject{ID: "emp-1", Name: "Орлова Анна Сергеевна"}, s)
}

// п. 3 «г»: full name, position and signature of each person who destroyed
// the data. Here they are the commission members present (policy 9.10).
func TestOrder179_3g_WhoDestroyed(t *testing.T) {
	_, d := approvedDestruction(t)
	assertEverywhere(t, d, "лиц, уничтоживших персональные данные (Приказ РКН № 179 п. 3 «г»")
	for i, m := range sampleCommission().All() {
		// The full name (Ф.И.О.), not the initials of policy 9.13: the
		// order is stricter. Chair: «Петров Андрей Сергеевич».
		require.NotEqual(t, m.ShortName(), m.FullName())
		assertEverywhere(t, d, m.Position, m.FullName(), "подписано 24.01.2025 11:0"+string(rune('0'+i)))
	}
	assert.Equal(t, sampleCommission().All(), d.Content().Destruction.Present)

	// An unsigned act prints an empty signature line for each member.
	u := destroyedAct(t, approvedSelection(t))
	out := text(t, u)
	assert.Equal(t, 3, strings.Count(out, "____________ Петров Андрей Сергеевич")+strings.Count(out, "____________ Кузнецова Ольга Викторовна")+strings.Count(out, "____________ Смирнова Елена Николаевна"))
}

// п. 3 «д»: the categories of destroyed data.
func TestOrder179_3d_Categories(t *testing.T) {
	_, d := approvedDestruction(t)
	assertEverywhere(t, d, pdata.DataPropertyRights.Title(), pdata.DataCookies.Title(), pdata.DataEmail.Title(),
		"Категории ПДн (п. 3 «д»)")

	it := withdrawnItem()
	it.Categories = 0
	fe, ok := validation(t, it.Validate(jan(20))).Field("Categories")
	require.True(t, ok)
	assert.Equal(t, "required", fe.Rule)
}

// п. 3 «е»: each physical medium's name with its number of sheets (and a
// machine-readable medium's type and serial number).
func TestOrder179_3e_MediaAndSheets(t *testing.T) {
	_, d := approvedDestruction(t)
	assertEverywhere(t, d, "бумажный носитель «Приказы о дисциплинарных взысканиях за 2021 год, дело № 02-07», 14 листов",
		"USB-флеш-накопитель 16 ГБ, серийный № KT-0042-7781")

	assert.Equal(t, "бумажный носитель «Карточка», 1 лист", destruction.Paper("Карточка", 1).Describe())
	assert.Equal(t, "бумажный носитель «Карточка», 3 листа", destruction.Paper("Карточка", 3).Describe())
	assert.Equal(t, "бумажный носитель «Карточка», 11 листов", destruction.Paper("Карточка", 11).Describe())
	assert.Equal(t, "бумажный носитель «Карточка», 21 лист", destruction.Paper("Карточка", 21).Describe())

	tests := []struct {
		name  string
		m     destruction.Medium
		field string
	}{
		{"paper without sheets", destruction.Paper("Дело", 0), "Medium.Sheets"},
		{"paper without name", destruction.Paper(" ", 3), "Medium.Name"},
		{"machine medium without serial", destruction.Machine("Флеш-накопитель", ""), "Medium.Serial"},
		{"no kind", destruction.Medium{}, "Medium.Kind"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := withdrawnItem()
			it.Medium, it.Method = tc.m, 0
			_, ok := validation(t, it.Validate(jan(20))).Field(tc.field)
			assert.True(t, ok, tc.field)
		})
	}
}

// п. 3 «ж»: the name of the information system the data was deleted from.
func TestOrder179_3zh_InformationSystem(t *testing.T) {
	_, d := approvedDestruction(t)
	assertEverywhere(t, d, "Информационные системы ПДн (п. 3 «ж»): «Жилищный учёт», «Сайт Оператора»",
		"записи в базе данных ИС «Жилищный учёт», 12 записей")

	it := withdrawnItem()
	it.Medium, it.Method = destruction.DBRecords("", 0), 0
	ve := validation(t, it.Validate(jan(20)))
	for _, f := range []string{"Medium.System", "Medium.Count"} {
		_, ok := ve.Field(f)
		assert.True(t, ok, f)
	}
	paperOnly, err := destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission())
	require.NoError(t, err)
	require.NoError(t, paperOnly.Add(sampleItems()[0]))
	assert.Contains(t, text(t, paperOnly), "Информационные системы ПДн (п. 3 «ж»): не использовались")
}

// п. 3 «з»: the method of destruction.
func TestOrder179_3z_Method(t *testing.T) {
	_, d := approvedDestruction(t)
	for _, m := range destruction.Methods() {
		assertEverywhere(t, d, m.Title(), m.Short())
	}
}

// п. 3 «и»: the reason for destruction, with its legal basis.
func TestOrder179_3i_Ground(t *testing.T) {
	_, d := approvedDestruction(t)
	assertEverywhere(t, d,
		"истечение срока хранения; 402-ФЗ ст. 29 ч. 1; 152-ФЗ ст. 5 ч. 7; Положение п. 3.6.2, 9.3, 9.1",
		"отзыв субъектом согласия на обработку персональных данных (отзыв согласия, вх. № 17 от 15.01.2025); 152-ФЗ ст. 21 ч. 5")
}

// п. 3 «к»: the date of destruction.
func TestOrder179_3k_Date(t *testing.T) {
	_, d := approvedDestruction(t)
	assertEverywhere(t, d, "Дата уничтожения (п. 3 «к»): 24.01.2025")
	// The selection act has no destruction yet and prints no such date.
	assert.NotContains(t, text(t, approvedSelection(t)), "Дата уничтожения (п. 3 «к»)")
}

// п. 5: for automated or mixed processing, the extract from the event log
// gives for each destroyed record: «а» the subject, «б» the categories,
// «в» the information system, «г» the reason, «д» the date. Paper and
// machine media are not in a system's log.
func TestOrder179_5_Extract(t *testing.T) {
	sel, d := approvedDestruction(t)
	_, err := sel.Extract()
	assert.ErrorIs(t, err, destruction.ErrState, "the extract belongs to a destruction act")
	_, err = destroyedAct(t, approvedSelection(t)).Extract()
	assert.ErrorIs(t, err, destruction.ErrState, "the extract belongs to a signed act")

	e, err := d.Extract()
	require.NoError(t, err)
	require.True(t, e.Required())
	require.Len(t, e.Lines, 2)
	l := e.Lines[0]
	assert.Equal(t, "res-2019-0042", l.RecordID)
	assert.Equal(t, []string{"Иванова Мария Петровна (собственник кв. 12, ул. Мира, д. 5)"}, l.Subjects)                                                                  // «а»
	assert.Equal(t, []string{pdata.DataFullName.Title(), pdata.DataRegistrationAddress.Title(), pdata.DataPropertyRights.Title(), pdata.DataPhone.Title()}, l.Categories) // «б»
	assert.Equal(t, "Жилищный учёт", l.System)                                                                                                                            // «в»
	assert.Equal(t, "истечение срока хранения; 402-ФЗ ст. 29 ч. 1; 152-ФЗ ст. 5 ч. 7; Положение п. 3.6.2, 9.3, 9.1", l.Ground)                                            // «г»
	assert.Equal(t, jan(24), l.Date)                                                                                                                                      // «д»
	assert.Equal(t, 12, l.Records)
	assert.Equal(t, "site-2023-logs", e.Lines[1].RecordID)
	assert.Equal(t, d.Digest(), e.Act.Digest, "the extract names the act's seal")

	paper, err := destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission())
	require.NoError(t, err)
	require.NoError(t, paper.Add(sampleItems()[0]))
	require.NoError(t, paper.CheckAll(at(20, 10, 0)))
	require.NoError(t, paper.SealMedia(chair, at(20, 10, 30)))
	for i, m := range sampleCommission().All() {
		require.NoError(t, paper.Sign(m, at(20, 11, i)))
	}
	require.NoError(t, paper.Approve(head, at(21, 9, 0)))
	pd := destroyedAct(t, paper)
	require.NoError(t, pd.Sign(chair, at(24, 11, 0)))
	pe, err := pd.Extract()
	require.NoError(t, err)
	assert.False(t, pe.Required(), "paper-only processing needs the act alone (п. 2)")
	assert.NotContains(t, text(t, pd), "прилагается выгрузка")
}

// п. 6: what the extract cannot show is written into the act. The act
// carries every п. 5 fact of every extract line.
func TestOrder179_6_ActCarriesWhatTheExtractCannot(t *testing.T) {
	_, d := approvedDestruction(t)
	e, err := d.Extract()
	require.NoError(t, err)
	for name, out := range allRenderings(t, d) {
		assert.Contains(t, out, "Сведения, которые выгрузка не позволяет отразить, указаны в настоящем акте", name)
		for _, l := range e.Lines {
			for _, s := range l.Subjects {
				assert.Contains(t, out, s, name)
			}
			for _, c := range l.Categories {
				assert.Contains(t, out, c, name)
			}
			assert.Contains(t, out, l.System, name)
			assert.Contains(t, out, l.Ground, name)
			assert.Contains(t, out, l.Date.Format("02.01.2006"), name)
		}
	}
}

// п. 8: the act and the extract are kept 3 years from the date of
// destruction: they are records of kind retention.DestructionRecord closed
// on 24.01.2025.
func TestOrder179_8_Keeping(t *testing.T) {
	sel, d := approvedDestruction(t)
	recs, err := d.RetentionRecords()
	require.NoError(t, err)
	want := []retention.Record{
		{ID: "destruction-act:dest-2025-01", Kind: retention.DestructionRecord, Closed: jan(24)},
		{ID: "selection-act:sel-2025-01", Kind: retention.DestructionRecord, Closed: jan(24)},
		{ID: "destruction-extract:dest-2025-01", Kind: retention.DestructionRecord, Closed: jan(24)},
	}
	assert.Equal(t, want, recs)
	// The retention schedule keeps them 3 years from 24.01.2025: to
	// 24.01.2028, destroyable from 25.01.2028.
	for _, r := range recs {
		term, err := retention.Default().Term(r)
		require.NoError(t, err)
		assert.Equal(t, date.New(2028, time.January, 24), term.End, r.ID)
		assert.Equal(t, date.New(2028, time.January, 25), term.DestroyFrom, r.ID)
	}
	_, err = sel.RetentionRecords()
	assert.ErrorIs(t, err, destruction.ErrState, "the selection act is kept under its destruction act")
	assertEverywhere(t, d, "в течение 3 лет с даты уничтожения персональных данных", "Приказ РКН № 179 п. 8; Положение п. 9.14")
}

// п. 2 of the order itself: it is in force from 01.03.2023 until
// 01.03.2029; an act outside that window warns.
func TestOrder179_InForce(t *testing.T) {
	assert.False(t, destruction.Order179InForce(date.New(2023, time.February, 28)))
	assert.True(t, destruction.Order179InForce(date.New(2023, time.March, 1)))
	assert.True(t, destruction.Order179InForce(date.New(2029, time.February, 28)))
	assert.False(t, destruction.Order179InForce(date.New(2029, time.March, 1)))

	assert.NotContains(t, text(t, draftSelection(t)), "Приказ РКН № 179 действует с 01.03.2023 по 01.03.2029")
	h := selHeader()
	h.Date = date.New(2029, time.March, 1)
	a, err := destruction.NewSelectionAct(h, pdata.SampleOperator(), sampleCommission())
	require.NoError(t, err)
	assert.Contains(t, text(t, a), "Приказ РКН № 179 действует с 01.03.2023 по 01.03.2029")
}
