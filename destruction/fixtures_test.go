package destruction_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"
)

// The fixtures: an invented operator (pdata.SampleOperator, Samara time,
// UTC+4), a commission of three, and four items — one of each medium —
// selected on Monday 20 January 2025 and destroyed on Friday 24 January.
// All people are invented.

var samara = mustZone("Europe/Samara")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// at is a moment in January 2025, Samara time.
func at(day, hour, minute int) time.Time {
	return time.Date(2025, time.January, day, hour, minute, 0, 0, samara)
}

func jan(day int) date.Date { return date.New(2025, time.January, day) }

var (
	chair   = pdata.Official{Position: "Главный инженер", LastName: "Петров", FirstName: "Андрей", Patronymic: "Сергеевич"}
	member1 = pdata.Official{Position: "Главный бухгалтер", LastName: "Кузнецова", FirstName: "Ольга", Patronymic: "Викторовна"}
	member2 = pdata.Official{Position: "Специалист по кадрам", LastName: "Смирнова", FirstName: "Елена", Patronymic: "Николаевна"}
	head    = pdata.SampleOperator().Head
)

func sampleCommission() destruction.Commission {
	return destruction.Commission{
		ID:      "commission-2025",
		Order:   destruction.Order{Number: "3-од", Date: jan(10)},
		Chair:   chair,
		Members: []pdata.Official{member1, member2},
	}
}

const place = "Самарская обл., с. Кошки, 4 квартал, д. 11, каб. 5"

// dueOf is the term package retention computes for r, as a sweep
// (retention.Schedule.Due) would hand it over: the fixtures never show a
// date the library would not compute.
func dueOf(r retention.Record) retention.Due {
	t, err := retention.Default().Term(r)
	if err != nil {
		panic(err) // the fixtures' records are complete
	}
	return retention.Due{Record: r, Term: t}
}

// dueDisciplinary is an HR order on a disciplinary penalty closed on
// 30.06.2021: 3 years from 01.01.2022 end on 31.12.2024, so destruction is
// allowed from 01.01.2025 (policy 9.1) and due within 30 days after it, by
// 31.01.2025 (policy 9.3; Civil Code art. 191).
func dueDisciplinary() retention.Due {
	return dueOf(retention.Record{ID: "hr-2021-017", SubjectID: "emp-17", Kind: retention.HRDisciplinary, Closed: date.New(2021, time.June, 30)})
}

// dueResident is a resident's file closed on 30.11.2019: 5 years from
// 01.01.2020 end on 31.12.2024 (402-FZ art. 29; policy 3.6.2); destroyed
// from 01.01.2025, by 31.01.2025.
func dueResident() retention.Due {
	return dueOf(retention.Record{ID: "res-2019-0042", SubjectID: "res-42", Kind: retention.ResidentFile, Closed: date.New(2019, time.November, 30)})
}

// dueSite is a site log collected on 31.12.2023: 1 year (policy 3.6.4)
// ends on 31.12.2024, the same day and month a year later (Civil Code
// art. 192); destroyed from 01.01.2025, by 31.01.2025.
func dueSite() retention.Due {
	return dueOf(retention.Record{ID: "site-2023-logs", SubjectID: "site-visitor-9", Kind: retention.SiteData, Closed: date.New(2023, time.December, 31)})
}

// withdrawnItem is what package requests hands over after a consent was
// withdrawn on 15 Jan 2025: destroy within 30 days (152-FZ art. 21 part 5).
func withdrawnItem() destruction.Item {
	return destruction.Item{
		RecordID:    "req-2025-017",
		Subjects:    []destruction.Subject{{ID: "res-77", Name: "Соколов Дмитрий Алексеевич"}},
		Categories:  pdata.SetOf(pdata.DataFullName, pdata.DataPhone, pdata.DataEmail),
		Medium:      destruction.Machine("USB-флеш-накопитель 16 ГБ", "KT-0042-7781"),
		Ground:      destruction.GroundConsentWithdrawn,
		Reference:   "отзыв согласия, вх. № 17 от 15.01.2025",
		DestroyFrom: jan(15),
		DestroyBy:   date.New(2025, time.February, 14),
	}
}

func sampleItems() []destruction.Item {
	return []destruction.Item{
		destruction.ItemFromDue(dueDisciplinary(), destruction.Subject{Name: "Васильев Игорь Петрович"},
			pdata.SetOf(pdata.DataFullName, pdata.DataBirthDate, pdata.DataResidenceAddress),
			destruction.Paper("Приказы о дисциплинарных взысканиях за 2021 год, дело № 02-07", 14)),
		destruction.ItemFromDue(dueResident(), destruction.Subject{Name: "Иванова Мария Петровна", Info: "собственник кв. 12, ул. Мира, д. 5"},
			pdata.SetOf(pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataPropertyRights, pdata.DataPhone),
			destruction.DBRecords("Жилищный учёт", 12)),
		destruction.ItemFromDue(dueSite(), destruction.Subject{Info: "посетитель сайта, IP-адрес 192.0.2.*"},
			pdata.SetOf(pdata.DataIP, pdata.DataCookies, pdata.DataBrowser, pdata.DataAccessTime),
			destruction.Files("Сайт Оператора", "журналы веб-сервера за 2023 год", 3)),
		withdrawnItem(),
	}
}

func selHeader() destruction.Header {
	return destruction.Header{ID: "sel-2025-01", Number: "1-О", Date: jan(20), Place: place}
}

func destHeader() destruction.Header {
	return destruction.Header{ID: "dest-2025-01", Number: "1-У", Date: jan(24), Place: place}
}

// draftSelection is a selection act with the sample items, nothing checked.
func draftSelection(t testing.TB) *destruction.Act {
	t.Helper()
	a, err := destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission())
	require.NoError(t, err)
	require.NoError(t, a.Add(sampleItems()...))
	return a
}

// approvedSelection runs the selection act through its whole lifecycle.
func approvedSelection(t testing.TB) *destruction.Act {
	t.Helper()
	a := draftSelection(t)
	require.NoError(t, a.CheckAll(at(20, 10, 0)))
	require.NoError(t, a.SealMedia(chair, at(20, 10, 30)))
	require.NoError(t, a.Sign(chair, at(20, 11, 0)))
	require.NoError(t, a.Sign(member1, at(20, 11, 1)))
	require.NoError(t, a.Sign(member2, at(20, 11, 2)))
	require.NoError(t, a.Approve(head, at(21, 9, 0)))
	return a
}

func presence() destruction.Destruction {
	return destruction.Destruction{At: at(24, 10, 30), Place: place + " (шредер); серверная", Present: sampleCommission().All()}
}

// destroyedAct is a destruction act with the destruction recorded, unsigned.
func destroyedAct(t testing.TB, sel *destruction.Act) *destruction.Act {
	t.Helper()
	d, err := destruction.NewDestructionAct(destHeader(), sel)
	require.NoError(t, err)
	require.NoError(t, d.CheckAll(at(24, 10, 0)))
	require.NoError(t, d.RecordDestruction(presence()))
	return d
}

// approvedDestruction runs the whole procedure.
func approvedDestruction(t testing.TB) (sel, d *destruction.Act) {
	t.Helper()
	sel = approvedSelection(t)
	d = destroyedAct(t, sel)
	require.NoError(t, d.Sign(chair, at(24, 11, 0)))
	require.NoError(t, d.Sign(member1, at(24, 11, 1)))
	require.NoError(t, d.Sign(member2, at(24, 11, 2)))
	require.NoError(t, d.Approve(head, at(24, 15, 0)))
	return sel, d
}

// bigItems returns n valid items of mixed media, for benchmarks and
// memory checks.
func bigItems(n int) []destruction.Item {
	out := make([]destruction.Item, n)
	media := []destruction.Medium{
		destruction.Paper("Карточка учёта", 2),
		destruction.DBRecords("Жилищный учёт", 4),
		destruction.Files("Сайт Оператора", "журналы", 1),
		destruction.Machine("Компакт-диск CD-R", "CD-0001"),
	}
	for i := range out {
		m := media[i%len(media)]
		if m.Kind == destruction.MediumMachine {
			m.Serial = fmt.Sprintf("CD-%06d", i)
		}
		out[i] = destruction.Item{
			RecordID:    fmt.Sprintf("rec-%06d", i),
			Subjects:    []destruction.Subject{{Name: fmt.Sprintf("Житель Номер %d", i), Info: fmt.Sprintf("кв. %d", i%300+1)}},
			Categories:  pdata.SetOf(pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataPhone),
			Medium:      m,
			Ground:      destruction.GroundRetentionExpired,
			Basis:       pdata.Cite("402-ФЗ ст. 29 ч. 1", "3.6.2"),
			DestroyFrom: jan(1),
			DestroyBy:   jan(31),
		}
	}
	return out
}

// bigApprovedDestruction is a complete destruction act of n items.
func bigApprovedDestruction(t testing.TB, n int) *destruction.Act {
	t.Helper()
	sel, err := destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission())
	require.NoError(t, err)
	require.NoError(t, sel.Add(bigItems(n)...))
	require.NoError(t, sel.CheckAll(at(20, 10, 0)))
	require.NoError(t, sel.SealMedia(chair, at(20, 10, 30)))
	for i, m := range sampleCommission().All() {
		require.NoError(t, sel.Sign(m, at(20, 11, i)))
	}
	require.NoError(t, sel.Approve(head, at(21, 9, 0)))
	d := destroyedAct(t, sel)
	for i, m := range sampleCommission().All() {
		require.NoError(t, d.Sign(m, at(24, 11, i)))
	}
	require.NoError(t, d.Approve(head, at(24, 15, 0)))
	return d
}
