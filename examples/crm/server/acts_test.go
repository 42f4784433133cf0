package server_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/examples/crm/server"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const actPlace = "Самарская обл., с. Кошки, 4 квартал, д. 11, каб. 5"

// dueRecord registers subject subjectID (if it is not yet) and a resident's
// file of theirs closed on 30.06.2019: kept 5 years from 01.01.2020 to
// 31.12.2024 (402-FZ art. 29; policy 3.6.2), due from 01.01.2025.
func dueRecord(e *env, id, subjectID string) {
	e.t.Helper()
	if r := e.do("GET", "/subjects/"+subjectID, server.StaffClerk, nil); r.status == http.StatusNotFound {
		e.must(http.StatusCreated, "POST", "/subjects", server.StaffClerk, resident(subjectID, "Морозова", "Ольга", "Николаевна"))
	}
	e.must(http.StatusCreated, "POST", "/records", server.StaffClerk, map[string]any{
		"id": id, "subject_id": subjectID, "kind": "resident_file", "closed": "2019-06-30",
		"title": "Дело собственника " + id, "categories": []string{"full_name", "registration_address", "property_rights"},
		"medium": map[string]any{"kind": "paper", "name": "Дело " + id, "sheets": 12}})
}

// approvedSelection draws up selection act id on the clock's current day
// and takes it through the check, the seal, three signatures and the head's
// approval (policy 9.4–9.9). It returns the act as first drawn up.
func approvedSelection(e *env, id string) map[string]any {
	e.t.Helper()
	day := e.clock.now().In(samara).Format("2006-01-02")
	sel := e.must(http.StatusCreated, "POST", "/acts/selection", server.StaffChair, map[string]any{
		"header": map[string]any{"id": id, "number": id, "date": day, "place": actPlace}, "commission_id": server.CommissionID})
	e.must(http.StatusOK, "POST", "/acts/"+id+"/check", server.StaffChair, map[string]any{})
	e.must(http.StatusOK, "POST", "/acts/"+id+"/seal-media", server.StaffChair, nil)
	for _, who := range []string{server.StaffChair, server.StaffMember1, server.StaffMember2} {
		e.must(http.StatusOK, "POST", "/acts/"+id+"/sign", who, nil)
	}
	e.must(http.StatusOK, "POST", "/acts/"+id+"/approve", server.StaffHead, nil)
	return sel
}

// newDestruction draws up destruction act id for selection act selID on the
// clock's current day; it returns the response.
func newDestruction(e *env, id, selID string) response {
	e.t.Helper()
	day := e.clock.now().In(samara).Format("2006-01-02")
	return e.do("POST", "/acts/destruction", server.StaffChair, map[string]any{
		"header": map[string]any{"id": id, "number": id, "date": day, "place": actPlace}, "selection_id": selID})
}

// A step is recorded when it has happened: a moment or a day the client
// gives that lies ahead of the server's clock (beyond server.MaxClockSkew)
// is refused with 400 and changes nothing. Were a destruction recorded for
// next year (policy 9.10, 9.13: the act states when the data were
// destroyed), every signature made at the real time would precede it and be
// refused.
func TestFutureMomentsAreRefused(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		e.clock.set(at(time.February, 25, 10, 0))
		dueRecord(e, "rec-f", "res-f")
		approvedSelection(e, "sel-f")
		e.clock.set(at(time.February, 26, 10, 0))
		require.Equal(t, http.StatusCreated, newDestruction(e, "dest-f", "sel-f").status)
		e.must(http.StatusOK, "POST", "/acts/dest-f/check", server.StaffChair, map[string]any{})
		before := e.must(http.StatusOK, "GET", "/acts/dest-f", server.StaffClerk, nil)["version"]

		now := at(time.February, 26, 10, 0)
		for _, tc := range []struct {
			name, path, field string
			body              map[string]any
		}{
			{"destruction next year", "/acts/dest-f/destroyed", "at",
				map[string]any{"at": now.AddDate(1, 0, 0).Format(time.RFC3339), "place": actPlace}},
			{"destruction in an hour", "/acts/dest-f/destroyed", "at",
				map[string]any{"at": now.Add(time.Hour).Format(time.RFC3339), "place": actPlace}},
			{"documents received tomorrow", "/requests", "documents_received",
				with(newRequest("R-F", "access", "res-f", now.Add(-time.Hour)), "documents_received", "2026-02-27")},
			{"a consent withdrawn tomorrow", "/consents/C-none/withdraw", "date",
				map[string]any{"date": "2026-02-27"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := e.do("POST", tc.path, server.StaffChair, tc.body)
				require.Equal(t, http.StatusBadRequest, r.status, "%s", r.body)
				ae := r.apiError(t)
				assert.Equal(t, []string{tc.field}, fieldNames(ae))
				assert.Equal(t, "future", ae["fields"].([]any)[0].(map[string]any)["rule"])
				assert.NotEmpty(t, ae["message_ru"])
			})
		}
		assert.Equal(t, before, e.must(http.StatusOK, "GET", "/acts/dest-f", server.StaffClerk, nil)["version"], "a refused step changed the act")
		assert.Equal(t, http.StatusNotFound, e.do("GET", "/requests/R-F", server.StaffClerk, nil).status, "a refused request was stored")

		// A moment in the past is kept, and the signatures that follow at
		// the real time are accepted. (A request received after it is
		// registered is refused by package requests itself.)
		e.clock.set(at(time.February, 26, 11, 0))
		done := e.must(http.StatusOK, "POST", "/acts/dest-f/destroyed", server.StaffChair,
			map[string]any{"at": now.Add(30 * time.Minute).Format(time.RFC3339), "place": actPlace})
		assert.Equal(t, now.Add(30*time.Minute).UTC().Format(time.RFC3339),
			mustTime(t, done["content"].(map[string]any)["destruction"].(map[string]any)["at"].(string)).UTC().Format(time.RFC3339))
		for _, who := range []string{server.StaffChair, server.StaffMember1, server.StaffMember2} {
			e.must(http.StatusOK, "POST", "/acts/dest-f/sign", who, nil)
		}
	})
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return v
}

// A selection act is destroyed by one destruction act (policy 9.10, 9.12;
// RKN order 179 п. 3: the act confirms what was destroyed). A second act for
// the same selection act is refused with 409 — else both could be checked,
// signed and approved, the second claiming a destruction that had already
// happened — and so are all but one of several drawn up at once. Marking a
// record destroyed a second time is refused by the register too.
func TestOneDestructionActPerSelection(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.clock.set(at(time.February, 25, 10, 0))
		dueRecord(e, "rec-o", "res-o")
		approvedSelection(e, "sel-o")
		e.clock.set(at(time.February, 26, 10, 0))
		require.Equal(t, http.StatusCreated, newDestruction(e, "dest-o1", "sel-o").status)

		second := newDestruction(e, "dest-o2", "sel-o")
		require.Equal(t, http.StatusConflict, second.status, "%s", second.body)
		ae := second.apiError(t)
		assert.Equal(t, "conflict", ae["code"])
		assert.Contains(t, ae["message"], "dest-o1", "the answer names the act that exists")
		assert.Contains(t, ae["message_ru"], "dest-o1")
		_, err := e.st.Acts.LatestAct(ctx, "dest-o2")
		assert.True(t, errors.Is(err, pdata.ErrNotFound), "the refused act was stored: %v", err)

		// Drawn up at once by several staff members: one wins.
		e.clock.set(at(time.February, 27, 10, 0))
		dueRecord(e, "rec-p", "res-o")
		approvedSelection(e, "sel-p")
		const n = 6
		codes := make([]int, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i] = newDestruction(e, fmt.Sprint("dest-p", i), "sel-p").status
			}()
		}
		wg.Wait()
		created := 0
		for _, c := range codes {
			if c == http.StatusCreated {
				created++
			} else {
				assert.Equal(t, http.StatusConflict, c, "codes %v", codes)
			}
		}
		assert.Equal(t, 1, created, "codes %v", codes)

		// The first act goes through; its record is destroyed once.
		e.must(http.StatusOK, "POST", "/acts/dest-o1/check", server.StaffChair, map[string]any{})
		e.must(http.StatusOK, "POST", "/acts/dest-o1/destroyed", server.StaffChair, map[string]any{"place": actPlace})
		for _, who := range []string{server.StaffChair, server.StaffMember1, server.StaffMember2} {
			e.must(http.StatusOK, "POST", "/acts/dest-o1/sign", who, nil)
		}
		e.must(http.StatusOK, "POST", "/acts/dest-o1/approve", server.StaffHead, nil)
		rec, err := e.st.Records.Get(ctx, "rec-o")
		require.NoError(t, err)
		assert.Equal(t, "dest-o1", rec.DestroyedBy)
		err = e.st.Records.MarkDestroyed(ctx, []string{"rec-o"}, rec.Destroyed+1, "dest-other")
		assert.True(t, errors.Is(err, pdata.ErrConflict), "a second destruction of a record: %v", err)
		again, err := e.st.Records.Get(ctx, "rec-o")
		require.NoError(t, err)
		assert.Equal(t, rec, again, "the refused marking changed the record")
	})
}

// A record handed over by a request and also due in the retention sweep goes
// into the selection act once (policy 9.4, 9.5: an act lists the media
// selected; one medium, one line). The item keeps the request's ground and
// reference (what the subject is owed an answer on, 152-FZ art. 21 part 3),
// lists every category the record holds, cites both bases, and takes the
// earliest first day and deadline: the file closed on 30.06.2015 was kept 5
// years from 01.01.2016 to 31.12.2020 (402-FZ art. 29; policy 3.6.2), so it
// could go from 01.01.2021 and had to by 31.01.2021 (policy 9.3) — it is
// overdue, whatever the request's own term. Before, the act was refused:
// "record rx-1 is already in the act", and so was every act after it.
func TestHandedOverAndDueRecordIsSelectedOnce(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.must(http.StatusCreated, "POST", "/subjects", server.StaffClerk, resident("res-x", "Белова", "Нина", "Андреевна"))
		e.must(http.StatusCreated, "POST", "/records", server.StaffClerk, map[string]any{
			"id": "rx-1", "subject_id": "res-x", "kind": "resident_file", "closed": "2015-06-30",
			"title": "Дело собственника кв. 9 за 2010–2015 гг.", "categories": []string{"full_name", "registration_address", "property_rights"},
			"medium": map[string]any{"kind": "paper", "name": "Дело собственника кв. 9", "sheets": 20}})
		// rx-2, closed in 2025, is kept until 31.12.2030: the request hands
		// it over before its term ran out.
		e.must(http.StatusCreated, "POST", "/records", server.StaffClerk, map[string]any{
			"id": "rx-2", "subject_id": "res-x", "kind": "resident_file", "closed": "2025-06-30",
			"title": "Дело собственника кв. 9 за 2020–2025 гг.", "categories": []string{"full_name"},
			"medium": map[string]any{"kind": "paper", "name": "Дело собственника кв. 9 (2)", "sheets": 5}})
		e.clock.set(at(time.February, 24, 10, 0))
		e.must(http.StatusCreated, "POST", "/requests", server.StaffClerk, newRequest("R-X", "destroy", "res-x", at(time.February, 24, 9, 0)))
		e.must(http.StatusOK, "POST", "/requests/R-X/hand-over", server.StaffClerk, map[string]any{"items": []any{
			map[string]any{"record_id": "rx-1", "categories": []string{"full_name", "phone"},
				"medium": map[string]any{"kind": "paper", "name": "Дело собственника кв. 9", "sheets": 20}},
			map[string]any{"record_id": "rx-2", "categories": []string{"full_name"},
				"medium": map[string]any{"kind": "paper", "name": "Дело собственника кв. 9 (2)", "sheets": 5}}}})

		e.clock.set(at(time.February, 25, 10, 0))
		sel := approvedSelection(e, "sel-x")
		items := sel["content"].(map[string]any)["items"].([]any)
		require.Len(t, items, 2, "one line for each record")
		it := items[0].(map[string]any)["item"].(map[string]any)
		assert.Equal(t, "rx-1", it["record_id"])
		assert.Equal(t, "rx-2", items[1].(map[string]any)["item"].(map[string]any)["record_id"])
		assert.Equal(t, "subject_demand", it["ground"], "the request's ground")
		assert.Contains(t, it["reference"], "R-X")
		assert.ElementsMatch(t, []any{"full_name", "registration_address", "property_rights", "phone"}, it["categories"])
		assert.Equal(t, "2021-01-01", it["destroy_from"])
		assert.Equal(t, "2021-01-31", it["destroy_by"])
		basis := it["basis"].(map[string]any)
		assert.Contains(t, basis["law"], "402-ФЗ", "the retention term's basis")
		assert.Contains(t, basis["law"], "152-ФЗ ст. 20 ч. 3", "the ground of the subject's demand")
		assert.Equal(t, []any{"rx-1"}, sel["overdue"])

		rec, err := e.st.Records.Get(ctx, "rx-1")
		require.NoError(t, err)
		assert.Equal(t, "sel-x", rec.SelectedIn, "the record is marked selected")
		rec2, err := e.st.Records.Get(ctx, "rx-2")
		require.NoError(t, err)
		assert.Equal(t, "sel-x", rec2.SelectedIn, "a record handed over before it fell due is marked selected too")
		for it, err := range e.st.Queue.Pending(ctx) {
			require.NoError(t, err)
			t.Errorf("item %s is still pending", it.RecordID)
		}

		// The request closes on the destruction act of that selection act.
		e.clock.set(at(time.February, 26, 10, 0))
		require.Equal(t, http.StatusCreated, newDestruction(e, "dest-x", "sel-x").status)
		e.must(http.StatusOK, "POST", "/acts/dest-x/check", server.StaffChair, map[string]any{})
		e.must(http.StatusOK, "POST", "/acts/dest-x/destroyed", server.StaffChair, map[string]any{"place": actPlace})
		for _, who := range []string{server.StaffChair, server.StaffMember1, server.StaffMember2} {
			e.must(http.StatusOK, "POST", "/acts/dest-x/sign", who, nil)
		}
		// Not before the act is approved, and never on the selection act:
		// the service reads the act back and refuses (152-FZ art. 21 part 7).
		assert.Equal(t, http.StatusUnprocessableEntity,
			e.do("POST", "/requests/R-X/confirm-destruction", server.StaffClerk, map[string]any{"act_id": "dest-x"}).status)
		e.must(http.StatusOK, "POST", "/acts/dest-x/approve", server.StaffHead, nil)
		assert.Equal(t, http.StatusUnprocessableEntity,
			e.do("POST", "/requests/R-X/confirm-destruction", server.StaffClerk, map[string]any{"act_id": "sel-x"}).status)
		closed := e.must(http.StatusOK, "POST", "/requests/R-X/confirm-destruction", server.StaffClerk, map[string]any{"act_id": "dest-x"})
		assert.Equal(t, "destroyed", closed["status"])
	})
}

// A record the selection act would refuse is refused when it is registered,
// naming the field: an identifier in full in the title (the act prints the
// title when it must identify the subject by it; RKN order 179 п. 3 «в»:
// «иные сведения», never a SNILS in full) or in the record's ID, and a
// subject the directory does not hold. Before, such a record was accepted
// and then made every selection act fail with "Items[2].Subjects[0]", with no
// way to find or fix it. And when a stored record is bad all the same (here
// one written to the register directly), the selection act's error names it.
func TestRecordsTheActWouldRefuseAreRefusedAtRegistration(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.must(http.StatusCreated, "POST", "/subjects", server.StaffClerk, resident("res-r", "Зуева", "Лидия", "Петровна"))
		record := func(kv ...any) map[string]any {
			return with(map[string]any{"id": "rec-r", "subject_id": "res-r", "kind": "resident_file", "closed": "2019-06-30",
				"title": "Дело собственника кв. 4", "categories": []string{"full_name"},
				"medium": map[string]any{"kind": "paper", "name": "Дело кв. 4", "sheets": 3}}, kv...)
		}
		for _, tc := range []struct {
			name  string
			body  map[string]any
			field string
			rule  string
		}{
			{"SNILS in the title, unknown subject", record("subject_id", "nobody", "title", "СНИЛС 112-233-445 95"), "title", "identifier_in_full"},
			{"SNILS in the title", record("title", "СНИЛС 112-233-445 95"), "title", "identifier_in_full"},
			{"a phone in the title", record("title", "Дело, тел. +7 927 123-45-67"), "title", "identifier_in_full"},
			{"unknown subject", record("subject_id", "nobody"), "subject_id", "unknown_subject"},
			{"INN as the record's ID", record("id", "638100012391"), "id", "identifier_in_full"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := e.do("POST", "/records", server.StaffClerk, tc.body)
				require.Equal(t, http.StatusUnprocessableEntity, r.status, "%s", r.body)
				ae := r.apiError(t)
				assert.Contains(t, fieldNames(ae), tc.field)
				var rules []string
				for _, f := range ae["fields"].([]any) {
					rules = append(rules, f.(map[string]any)["rule"].(string))
				}
				assert.Contains(t, rules, tc.rule)
				assert.NotContains(t, string(r.body), "112-233-445", "the value is not repeated")
				assert.NotContains(t, string(r.body), "638100012391")
			})
		}
		for _, id := range []string{"rec-r", "638100012391"} {
			_, err := e.st.Records.Get(ctx, id)
			assert.True(t, errors.Is(err, pdata.ErrNotFound), "refused record %s was stored: %v", id, err)
		}

		// A bad record in the register all the same: the act names it.
		e.must(http.StatusCreated, "POST", "/records", server.StaffClerk, record())
		bad := host.Record{ID: "rec-bad", SubjectID: "nobody", Kind: retention.ResidentFile, Closed: date.New(2019, time.June, 30),
			Title: "СНИЛС 112-233-445 95", Categories: []pdata.DataCategory{pdata.DataFullName},
			Medium: destruction.Paper("Дело", 2), DestroyFrom: date.New(2025, time.January, 1), DestroyBy: date.New(2025, time.January, 31)}
		require.NoError(t, e.st.Records.Add(ctx, bad))
		e.clock.set(at(time.February, 25, 10, 0))
		r := e.do("POST", "/acts/selection", server.StaffChair, map[string]any{
			"header": map[string]any{"id": "sel-r", "number": "1", "date": "2026-02-25", "place": actPlace}, "commission_id": server.CommissionID})
		require.Equal(t, http.StatusUnprocessableEntity, r.status, "%s", r.body)
		fields := fieldNames(r.apiError(t))
		require.NotEmpty(t, fields)
		for _, f := range fields {
			assert.True(t, strings.HasPrefix(f, "records[rec-bad]"), "field %q names the record", f)
		}
		assert.Contains(t, r.apiError(t)["message"], "rec-bad")
	})
}
