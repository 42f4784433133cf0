package requests_test

import (
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Policy 6.1.9; 152-FZ art. 21 parts 3, 6: a request whose term has passed
// must still be handed over for destruction — at once, with the missed term
// on record — not refused because the default DestroyBy (the request's
// deadline) now precedes the day of the handover.
//
// Received Mon 02.03.2026; 3 working days: Tue 03 (1), Wed 04 (2), Thu 05.03 (3).
// Handed over on Wed 11.03.2026, after the deadline (Mon 09.03 is off).
func TestHandOverAfterTheDeadline(t *testing.T) {
	f := newFixture(t)
	r, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), complete(t, "late", requests.Unlawful, at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	require.Equal(t, day(2026, 3, 5), r.Deadline.Date)

	items := []destruction.Item{{RecordID: "crm/res-1/phone", Categories: pdata.SetOf(pdata.DataPhone),
		Medium: destruction.DBRecords("ИС «Жилищный учёт»", 1)}}
	r, err = f.svc.HandOver(ctx, clerk(at(2026, 3, 11, 10, 0)), "late", items)
	require.NoError(t, err, "an overdue request must still reach the destruction commission")
	assert.Equal(t, requests.StatusAwaitingDestruction, r.Status)
	q := f.queue.Items()
	require.Len(t, q, 1)
	assert.Equal(t, day(2026, 3, 11), q[0].DestroyFrom)
	assert.Equal(t, day(2026, 3, 11), q[0].DestroyBy, "the term has passed: destroy at once")
	last := r.History[len(r.History)-1]
	assert.Equal(t, requests.ActHandedOver, last.Action)
	assert.Contains(t, last.Reason, "срок истёк 05.03.2026", "the missed term is on record")
}

// Staff and subjects read the report in Russian: a decimal area and share
// take a decimal comma («54,3 кв. м», «доля 0,5»), never a point.
func TestAccessReportRussianDecimals(t *testing.T) {
	o := owner(t)
	o.Property[0].Share = decimal.RequireFromString("0.5")
	rep, err := requests.BuildAccessReport("17", &o, pdata.SampleOperator(), nil, requests.DefaultReportSettings(), day(2026, 3, 16))
	require.NoError(t, err)
	html, err := rep.HTML()
	require.NoError(t, err)
	for _, doc := range []string{rep.Text(), html} {
		assert.Contains(t, doc, "площадь 54,3 кв. м")
		assert.Contains(t, doc, "доля 0,5")
		assert.NotContains(t, doc, "54.3")
		assert.NotContains(t, doc, "0.5")
	}
}

// Policy 5.1, 6.1.4; 152-FZ art. 14 part 2: family members kept by the host
// as free text (Subject.Other) are other people's data just as much as
// Subject.Family: the report gives neither their names nor their dates.
func TestAccessReportFamilyInOtherNotShown(t *testing.T) {
	e := pdata.Subject{ID: "emp-2", Category: pdata.Employee, LastName: "Соколов", FirstName: "Денис",
		Other: map[pdata.DataCategory]string{pdata.DataFamilyMembers: "супруга Соколова Марина Игоревна, 01.07.1990"}}
	e.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataFamilyMembers)
	rep, err := requests.BuildAccessReport("8", &e, pdata.SampleOperator(), nil, requests.DefaultReportSettings(), day(2026, 3, 3))
	require.NoError(t, err)
	html, err := rep.HTML()
	require.NoError(t, err)
	for _, doc := range []string{rep.Text(), html} {
		for _, s := range []string{"Марина", "Игоревна", "01.07.1990"} {
			assert.NotContains(t, doc, s)
		}
		assert.Contains(t, doc, "не приводятся: это персональные данные других лиц")
	}
	require.Len(t, rep.Data, 2)
	assert.Equal(t, pdata.DataFamilyMembers, rep.Data[1].Category, "the category held is still reported")
	assert.Empty(t, rep.Data[1].Value)
}

// The status titles agree with «запрос» («принят к исполнению»): a staff
// message must not make them agree with «обращение» («Обращение № 140
// (принят к исполнению)»), which is ungrammatical.
func TestStateErrorRussianGrammar(t *testing.T) {
	se := &requests.StateError{RequestID: "140", Status: requests.StatusReceived, ReasonRU: "устранение нарушений выполняется только по обращению о неправомерной обработке"}
	assert.Equal(t, "Обращение № 140 (состояние: «принят к исполнению»): устранение нарушений выполняется только по обращению о неправомерной обработке", se.Russian())
}

// A host that numbers its incoming requests with long numbers (here 13
// digits) can still hand one over: the item's reference names the request
// by its number, which pdata.HasIdentifier does not take for a person's
// identifier (10 to 12 digits). Received Mon 02.03.2026, handed over the
// next day, within the 3 working days of policy 6.1.9.
func TestHandOverWithALongRegistrationNumber(t *testing.T) {
	f := newFixture(t)
	const id = "2026030200001"
	_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), complete(t, id, requests.Unlawful, at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	items := []destruction.Item{{RecordID: "crm/res-1/phone", Categories: pdata.SetOf(pdata.DataPhone),
		Medium: destruction.DBRecords("ИС «Жилищный учёт»", 1)}}
	r, err := f.svc.HandOver(ctx, clerk(at(2026, 3, 3, 10, 0)), id, items)
	require.NoError(t, err)
	assert.Equal(t, requests.StatusAwaitingDestruction, r.Status)
	q := f.queue.Items()
	require.Len(t, q, 1)
	assert.Contains(t, q[0].Reference, id)
}
