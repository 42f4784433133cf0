package server_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/examples/crm/server"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Bad input gets a clear error — a status, English for the developer,
// Russian for the staff member, the fields at fault — and changes nothing:
// each case reads the store afterwards.
func TestBadInputChangesNothing(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.must(http.StatusCreated, "POST", "/subjects", server.StaffClerk, resident("res-x", "Новикова", "Анна", "Сергеевна"))
		e.clock.set(at(time.February, 20, 11, 0))
		e.must(http.StatusCreated, "POST", "/requests", server.StaffClerk, newRequest("R-1", "access", "res-x", at(time.February, 20, 10, 0)))
		before, err := e.st.Requests.Get(ctx, "R-1")
		require.NoError(t, err)

		// requestAbsent checks that a refused registration stored nothing.
		requestAbsent := func(t *testing.T, id string) {
			t.Helper()
			_, err := e.st.Requests.Get(ctx, id)
			assert.True(t, errors.Is(err, pdata.ErrNotFound), "request %s was stored: %v", id, err)
		}
		// unchanged checks that R-1 is as it was.
		unchanged := func(t *testing.T) {
			t.Helper()
			now, err := e.st.Requests.Get(ctx, "R-1")
			require.NoError(t, err)
			assert.Equal(t, before.Version, now.Version)
			assert.Equal(t, before.Status, now.Status)
			assert.Len(t, now.History, len(before.History))
		}
		valid := func(id string) map[string]any { return newRequest(id, "access", "res-x", at(time.February, 20, 10, 0)) }

		cases := []struct {
			name   string
			method string
			path   string
			staff  string
			body   any
			status int
			code   string
			field  string // a field the error must name, if any
			after  func(t *testing.T)
		}{
			{name: "malformed JSON", method: "POST", path: "/requests", staff: server.StaffClerk,
				body: `{"id": "R-2", "kind": `, status: 400, code: "bad_request", after: func(t *testing.T) { requestAbsent(t, "R-2") }},
			{name: "not JSON at all", method: "POST", path: "/requests", staff: server.StaffClerk,
				body: `id=R-2&kind=access`, status: 400, code: "bad_request", after: func(t *testing.T) { requestAbsent(t, "R-2") }},
			{name: "empty body", method: "POST", path: "/requests", staff: server.StaffClerk,
				body: ``, status: 400, code: "bad_request"},
			{name: "two JSON values", method: "POST", path: "/requests/R-1/extend", staff: server.StaffClerk,
				body: `{"reasons": "a"} {"reasons": "b"}`, status: 400, code: "bad_request", after: unchanged},
			{name: "unknown field", method: "POST", path: "/requests", staff: server.StaffClerk,
				body: with(valid("R-2"), "colour", "red"), status: 400, code: "bad_request", field: "colour",
				after: func(t *testing.T) { requestAbsent(t, "R-2") }},
			{name: "unknown nested field", method: "POST", path: "/requests", staff: server.StaffClerk,
				body: with(valid("R-2"), "requester", map[string]any{"party": "subject", "nickname": "Аня"}), status: 400, code: "bad_request", field: "nickname",
				after: func(t *testing.T) { requestAbsent(t, "R-2") }},
			{name: "wrong type", method: "POST", path: "/requests", staff: server.StaffClerk,
				body: with(valid("R-2"), "subject_id", 12), status: 400, code: "bad_request", field: "subject_id",
				after: func(t *testing.T) { requestAbsent(t, "R-2") }},
			{name: "a moment that is not one", method: "POST", path: "/requests", staff: server.StaffClerk,
				body: with(valid("R-2"), "received", 12), status: 400, code: "bad_request",
				after: func(t *testing.T) { requestAbsent(t, "R-2") }},
			{name: "unknown kind", method: "POST", path: "/requests", staff: server.StaffClerk,
				body: with(valid("R-2"), "kind", "complaint"), status: 422, code: "invalid",
				after: func(t *testing.T) { requestAbsent(t, "R-2") }},
			{name: "invalid request ID", method: "POST", path: "/requests", staff: server.StaffClerk,
				body: valid("R 2; DROP TABLE"), status: 422, code: "invalid", field: "id",
				after: func(t *testing.T) { requestAbsent(t, "R 2; DROP TABLE") }},
			{name: "invalid ID in the path", method: "GET", path: "/requests/R%201", staff: server.StaffClerk,
				status: 400, code: "bad_request", field: "id"},
			{name: "unknown request", method: "GET", path: "/requests/R-404", staff: server.StaffClerk,
				status: 404, code: "not_found"},
			{name: "a party that may not send the kind", method: "POST", path: "/requests", staff: server.StaffClerk,
				body:   with(valid("R-2"), "requester", map[string]any{"party": "third_party", "name": "ООО «Ромашка»"}, "kind", "withdraw"),
				status: 422, code: "invalid", field: "Kind", after: func(t *testing.T) { requestAbsent(t, "R-2") }},
			{name: "duplicate registration number", method: "POST", path: "/requests", staff: server.StaffClerk,
				body: valid("R-1"), status: 409, code: "conflict", after: unchanged},
			{name: "SNILS with a wrong checksum", method: "POST", path: "/subjects", staff: server.StaffClerk,
				body: with(resident("res-y", "Попов", "Иван", "Ильич"), "snils", "112-233-445 96"), status: 422, code: "invalid",
				after: func(t *testing.T) { subjectAbsent(t, e, "res-y") }},
			{name: "passport number malformed", method: "POST", path: "/subjects", staff: server.StaffClerk,
				body: with(resident("res-y", "Попов", "Иван", "Ильич"), "passport", map[string]any{"series_number": "36 10 12345"}), status: 422, code: "invalid",
				after: func(t *testing.T) { subjectAbsent(t, e, "res-y") }},
			{name: "excess data (policy 2.1, 6.1.3)", method: "POST", path: "/subjects", staff: server.StaffClerk,
				body: with(resident("res-y", "Попов", "Иван", "Ильич"), "other", map[string]any{"health": "инвалидность"}), status: 422, code: "invalid",
				after: func(t *testing.T) { subjectAbsent(t, e, "res-y") }},
			{name: "wrong state: remedy an access request", method: "POST", path: "/requests/R-1/remedy", staff: server.StaffClerk,
				body: map[string]any{"what": "исправлено"}, status: 409, code: "state", after: unchanged},
			{name: "extension without reasons", method: "POST", path: "/requests/R-1/extend", staff: server.StaffClerk,
				body: map[string]any{"reasons": " "}, status: 422, code: "invalid", field: "Reasons", after: unchanged},
			{name: "refusal on a ground that does not apply", method: "POST", path: "/requests/R-1/refuse", staff: server.StaffClerk,
				body: map[string]any{"reason": "not_confirmed", "details": "—"}, status: 422, code: "invalid", after: unchanged},
			{name: "resolution on a subject's request (third parties only)", method: "POST", path: "/requests/R-1/resolve", staff: server.StaffHead,
				body: map[string]any{"text": "Предоставить"}, status: 409, code: "state", after: unchanged},
			{name: "unknown endpoint", method: "GET", path: "/requests/R-1/nothing", staff: server.StaffClerk, status: 404, code: "no_route"},
			{name: "wrong method", method: "DELETE", path: "/requests/R-1", staff: server.StaffClerk, status: 405, code: "method_not_allowed", after: unchanged},
			{name: "staff member not on the access list", method: "POST", path: "/requests", staff: "intruder",
				body: valid("R-2"), status: 403, code: "forbidden", after: func(t *testing.T) { requestAbsent(t, "R-2") }},
			{name: "no staff header", method: "POST", path: "/requests/R-1/fulfil", staff: "",
				body: map[string]any{}, status: 403, code: "forbidden", after: unchanged},
			{name: "not on the list, reading", method: "GET", path: "/subjects/res-x", staff: "intruder", status: 403, code: "forbidden"},
			{name: "incomplete consent", method: "POST", path: "/consents", staff: server.StaffClerk,
				body:   map[string]any{"id": "C-1", "subject_id": "res-x", "kind": "processing", "subject_category": "resident"},
				status: 422, code: "invalid", field: "Subject.LastName", after: func(t *testing.T) {
					_, err := e.st.Consents.Get(ctx, "C-1")
					assert.True(t, errors.Is(err, pdata.ErrNotFound), "the consent was stored: %v", err)
				}},
			{name: "bad as_of", method: "GET", path: "/dashboard/overdue?as_of=31.02.2026", staff: server.StaffClerk,
				status: 400, code: "bad_request", field: "as_of"},
			{name: "record with an unknown kind", method: "POST", path: "/records", staff: server.StaffClerk,
				body: map[string]any{"id": "rec-1", "subject_id": "res-x", "kind": "diary", "title": "x"}, status: 422, code: "invalid",
				after: func(t *testing.T) {
					_, err := e.st.Records.Get(ctx, "rec-1")
					assert.True(t, errors.Is(err, pdata.ErrNotFound))
				}},
			{name: "record without a medium", method: "POST", path: "/records", staff: server.StaffClerk,
				body:   map[string]any{"id": "rec-1", "subject_id": "res-x", "kind": "resident_file", "closed": "2019-06-30", "title": "Дело", "categories": []string{"full_name"}},
				status: 422, code: "invalid", after: func(t *testing.T) {
					_, err := e.st.Records.Get(ctx, "rec-1")
					assert.True(t, errors.Is(err, pdata.ErrNotFound))
				}},
			{name: "selection act from an unknown commission", method: "POST", path: "/acts/selection", staff: server.StaffChair,
				body:   map[string]any{"header": map[string]any{"id": "sel-9", "number": "9", "date": "2026-02-25", "place": "каб. 5"}, "commission_id": "nope"},
				status: 404, code: "not_found", after: func(t *testing.T) {
					_, err := e.st.Acts.LatestAct(ctx, "sel-9")
					assert.True(t, errors.Is(err, pdata.ErrNotFound))
				}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				r := e.do(tc.method, tc.path, tc.staff, tc.body)
				require.Equal(t, tc.status, r.status, "%s", r.body)
				ae := r.apiError(t)
				assert.Equal(t, float64(tc.status), ae["status"])
				assert.Equal(t, tc.code, ae["code"])
				assert.NotEmpty(t, ae["message"], "an English message for the developer")
				assert.NotEmpty(t, ae["message_ru"], "a Russian message for the staff member")
				assert.NotEmpty(t, ae["request_id"])
				if tc.field != "" {
					assert.Contains(t, fieldNames(ae), tc.field)
				}
				if fs, ok := ae["fields"].([]any); ok {
					for _, f := range fs {
						assert.NotEmpty(t, f.(map[string]any)["message_ru"], "every field error in Russian too")
					}
				}
				if tc.after != nil {
					tc.after(t)
				}
			})
		}

		// The refused attempts are in the audit log (policy 3.8, 4.3).
		var actors []string
		for a, err := range e.st.Audit.Between(ctx, at(time.January, 1, 0, 0), at(time.December, 31, 0, 0)) {
			require.NoError(t, err)
			actors = append(actors, a.Actor)
		}
		assert.Contains(t, actors, "intruder")
		assert.Contains(t, actors, "")
	})
}

// A body over the limit is refused with 413 before anything is stored.
func TestOversizedBody(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		big := resident("res-big", "Фёдоров", "Михаил", "Андреевич")
		big["residence_address"] = strings.Repeat("д", 64<<10) // 128 KiB of UTF-8, over the 64 KiB limit
		r := e.do("POST", "/subjects", server.StaffClerk, big)
		require.Equal(t, http.StatusRequestEntityTooLarge, r.status, "%s", r.body)
		ae := r.apiError(t)
		assert.Equal(t, "too_large", ae["code"])
		assert.NotEmpty(t, ae["message_ru"])
		subjectAbsent(t, e, "res-big")
	})
}

// Concurrent registrations of one number: exactly one wins, the others get
// 409, and the request is stored once.
func TestConcurrentRegistrationOfOneNumber(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		e.must(http.StatusCreated, "POST", "/subjects", server.StaffClerk, resident("res-c", "Михайлов", "Сергей", "Петрович"))
		e.clock.set(at(time.March, 2, 12, 0))
		const n = 8
		codes := make([]int, n)
		bodies := make([]string, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := e.do("POST", "/requests", server.StaffClerk, newRequest("R-77", "access", "res-c", at(time.March, 2, 11, 0)))
				codes[i], bodies[i] = r.status, string(r.body)
			}()
		}
		wg.Wait()
		for _, b := range bodies {
			assert.NotContains(t, b, "SQLSTATE", "database internals stay out of the answer")
		}
		created, conflicts := 0, 0
		for _, c := range codes {
			switch c {
			case http.StatusCreated:
				created++
			case http.StatusConflict:
				conflicts++
			}
		}
		assert.Equal(t, 1, created, "codes %v", codes)
		assert.Equal(t, n-1, conflicts, "codes %v", codes)
		r, err := e.st.Requests.Get(context.Background(), "R-77")
		require.NoError(t, err)
		assert.Equal(t, int64(1), r.Version)
	})
}

// Personal data reach the log only masked: pdnkit's types mask themselves
// and the server logs IDs, not values.
func TestLogsMaskPersonalData(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		s := resident("res-l", "Кузнецова", "Галина", "Ивановна")
		s["snils"] = "112-233-445 95"
		s["inn"] = "638100012391"
		s["sources"].(map[string]any)["snils"] = "subject"
		s["sources"].(map[string]any)["inn"] = "subject"
		e.must(http.StatusCreated, "POST", "/subjects", server.StaffClerk, s)
		e.clock.set(at(time.March, 3, 10, 0))
		e.must(http.StatusCreated, "POST", "/requests", server.StaffClerk, newRequest("R-5", "clarify", "res-l", at(time.March, 3, 9, 0)))
		bad := with(resident("res-m", "Кузнецова", "Галина", "Ивановна"), "snils", "112-233-445 96")
		e.do("POST", "/subjects", server.StaffClerk, bad)
		logs := e.logs.String()
		require.Contains(t, logs, `"subject registered"`)
		require.Contains(t, logs, `"res-l"`)
		for _, secret := range []string{"112-233-445", "11223344595", "638100012391", "3610123456", "123456", "9271234567", "Кузнецова", "Галина", "Советская"} {
			assert.NotContains(t, logs, secret)
		}
	})
}

func subjectAbsent(t *testing.T, e *env, id string) {
	t.Helper()
	_, err := e.st.Directory.Subject(context.Background(), id)
	assert.True(t, errors.Is(err, pdata.ErrNotFound), "subject %s was stored: %v", id, err)
}

// with returns a copy of m with the given keys set.
func with(m map[string]any, kv ...any) map[string]any {
	out := make(map[string]any, len(m)+len(kv)/2)
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

func fieldNames(ae map[string]any) []string {
	var out []string
	fs, _ := ae["fields"].([]any)
	for _, f := range fs {
		out = append(out, f.(map[string]any)["field"].(string))
	}
	return out
}

// Concurrent registrations of one subject ID: exactly one is stored, the
// others get 409, and the stored subject is the winner's, never silently
// overwritten by a later one.
func TestConcurrentSubjectRegistration(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		const n = 8
		names := []string{"Алексеев", "Борисов", "Васильев", "Григорьев", "Дмитриев", "Егоров", "Жуков", "Зайцев"}
		codes := make([]int, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i] = e.do("POST", "/subjects", server.StaffClerk, resident("res-race", names[i], "Иван", "Ильич")).status
			}()
		}
		wg.Wait()
		winner := -1
		for i, c := range codes {
			switch c {
			case http.StatusCreated:
				assert.Equal(t, -1, winner, "two registrations succeeded: %v", codes)
				winner = i
			default:
				assert.Equal(t, http.StatusConflict, c, "codes %v", codes)
			}
		}
		require.GreaterOrEqual(t, winner, 0, "codes %v", codes)
		s, err := e.st.Directory.Subject(context.Background(), "res-race")
		require.NoError(t, err)
		assert.Equal(t, names[winner], s.LastName, "the stored subject is the one answered 201")
	})
}

// An error answer names the field at fault and what it should hold, but
// never repeats the value sent: a name or an identifier typed into the wrong
// field is personal data (152-FZ art. 7: the operator does not disclose it),
// and error bodies end up in client logs. Each case puts invented personal
// data where the decoder refuses it.
func TestErrorsNeverEchoTheValue(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		const name, snils, inn = "Кузнецова Анна", "112-233-445 95", "638100012391"
		req := func(kv ...any) map[string]any {
			return with(newRequest("R-E", "access", "res-e", at(time.February, 1, 10, 0)), kv...)
		}
		subj := func(kv ...any) map[string]any {
			return with(resident("res-e", "Кузнецова", "Анна", "Ивановна"), kv...)
		}
		cases := []struct {
			name   string
			path   string
			body   any
			status int
			field  string
			want   string // what the English message says is expected
		}{
			{name: "a name and SNILS as the moment of receipt", path: "/requests",
				body: req("received", name+" "+snils), status: 400, field: "received", want: "RFC 3339"},
			{name: "SNILS as a date", path: "/requests",
				body: req("documents_received", snils), status: 400, field: "documents_received", want: "YYYY-MM-DD"},
			{name: "a nested date", path: "/requests",
				body:   req("requester", map[string]any{"party": "subject", "identity": map[string]any{"series_number": "3610123456", "issue_date": name}}),
				status: 400, field: "requester.identity.issue_date", want: "YYYY-MM-DD"},
			{name: "INN as an area", path: "/subjects",
				body:   subj("property", []any{map[string]any{"kind": 1, "premises": "кв. 5", "area": inn + " " + name, "share": "1"}}),
				status: 400, field: "property[0].area", want: "decimal"},
			{name: "a name as an IP address", path: "/subjects",
				body: subj("ip", name), status: 400, field: "ip", want: "IP address"},
			{name: "SNILS digits as a number that does not fit", path: "/subjects",
				body: `{"id": "res-e", "category": "resident", "last_name": "Кузнецова", "sex": 11223344595}`, status: 400, field: "sex"},
			{name: "INN with a wrong checksum", path: "/subjects",
				body: subj("inn", "638100012392", "sources", map[string]any{"inn": "subject"}), status: 422, field: "inn"},
			{name: "a name as a request kind", path: "/requests",
				body: req("kind", name), status: 422, field: "kind"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				r := e.do("POST", tc.path, server.StaffClerk, tc.body)
				require.Equal(t, tc.status, r.status, "%s", r.body)
				ae := r.apiError(t)
				assert.Contains(t, fieldNames(ae), tc.field)
				assert.Contains(t, ae["message"], tc.field, "the message names the field")
				assert.Contains(t, ae["message_ru"], tc.field, "the Russian message names the field")
				assert.Contains(t, ae["message"], tc.want)
				body := string(r.body)
				for _, secret := range []string{"Кузнецова", "Анна", "112-233-445", "11223344595", "63810001239", `\u`, `\x`} {
					assert.NotContains(t, body, secret, "the answer repeats what was sent")
				}
			})
		}
		_, err := e.st.Requests.Get(context.Background(), "R-E")
		assert.True(t, errors.Is(err, pdata.ErrNotFound), "a refused request was stored: %v", err)
		subjectAbsent(t, e, "res-e")
	})
}

// A date that does not exist is refused with 400 naming the field, never
// shifted: package date decodes 2015-02-31 as 03.03.2015 without an error,
// and a retention term (Civil Code art. 191–192) counted from a day nobody
// wrote would be wrong. Leap days are real dates: 29.02.2024 exists,
// 29.02.2023 does not.
func TestImpossibleDatesAreRefused(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.must(http.StatusCreated, "POST", "/subjects", server.StaffClerk, resident("res-d", "Орлов", "Пётр", "Ильич"))
		record := func(id, closed string) map[string]any {
			return map[string]any{"id": id, "subject_id": "res-d", "kind": "resident_file", "closed": closed, "title": "Дело кв. 3",
				"categories": []string{"full_name"}, "medium": map[string]any{"kind": "paper", "name": "Дело кв. 3", "sheets": 4}}
		}
		for _, tc := range []struct {
			name, method, path string
			body               any
			field              string
		}{
			{"31 February", "POST", "/records", record("rec-d1", "2015-02-31"), "closed"},
			{"month 13, day 45", "POST", "/records", record("rec-d1", "2024-13-45"), "closed"},
			{"29 February of a common year", "POST", "/records", record("rec-d1", "2023-02-29"), "closed"},
			{"day 00", "POST", "/records", record("rec-d1", "2023-03-00"), "closed"},
			{"a nested date", "POST", "/subjects",
				with(resident("res-d2", "Орлова", "Анна", "Петровна"), "passport", map[string]any{"series_number": "3610123456", "issue_date": "2010-06-31",
					"issuer": "Отделом УФМС России по Самарской области в Кошкинском районе", "division_code": "630-045"}), "passport.issue_date"},
			{"a date in a list", "POST", "/requests/R-none/hand-over", `{"items": [{"record_id": "x", "reference": "2026-02-30"}]}`, "items[0].reference"},
			{"as_of on 30 February", "GET", "/dashboard/overdue?as_of=2026-02-30", nil, "as_of"},
			{"as_of in month 13", "GET", "/retention/due?as_of=2024-13-45", nil, "as_of"},
			{"as_of on 29 February of a common year", "GET", "/dashboard/due-soon?as_of=2026-02-29", nil, "as_of"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := e.do(tc.method, tc.path, server.StaffClerk, tc.body)
				require.Equal(t, http.StatusBadRequest, r.status, "%s", r.body)
				ae := r.apiError(t)
				assert.Equal(t, []string{tc.field}, fieldNames(ae))
				assert.NotEmpty(t, ae["message_ru"])
			})
		}
		_, err := e.st.Records.Get(ctx, "rec-d1")
		assert.True(t, errors.Is(err, pdata.ErrNotFound), "a record with an impossible date was stored: %v", err)
		subjectAbsent(t, e, "res-d2")

		// Real dates pass, leap days included: a file closed on 29.02.2016
		// is kept 5 years from 01.01.2017 (402-FZ art. 29; policy 3.6.2),
		// to 31.12.2021, and may be destroyed from 01.01.2022.
		rec := e.must(http.StatusCreated, "POST", "/records", server.StaffClerk, record("rec-d2", "2016-02-29"))
		assert.Equal(t, "2016-02-29", rec["closed"])
		assert.Equal(t, "2022-01-01", rec["destroy_from"])
		assert.Equal(t, "2024-02-29", e.must(http.StatusOK, "GET", "/dashboard/overdue?as_of=2024-02-29", server.StaffClerk, nil)["as_of"])
		// A date-shaped string that is a real date is left alone wherever it is.
		e.must(http.StatusCreated, "POST", "/records", server.StaffClerk, with(record("rec-d3", "2019-06-30"), "title", "2019-06-30"))
	})
}
