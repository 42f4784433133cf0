package server_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/examples/crm/server"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An access request from the subject, from registration to the answer
// (152-FZ art. 14 parts 3 and 7, art. 20 part 1; policy 6.1.4, 7.1).
//
// Received on Friday 20.02.2026: the 10 working days start on Tuesday 24.02
// (Monday 23.02 is Defender of the Fatherland Day) and end on Tuesday 10.03
// (Monday 09.03 is the day off moved from Sunday 08.03): 24, 25, 26, 27.02,
// 02, 03, 04, 05, 06, 10.03.
func TestAccessRequestFromRegistrationToAnswer(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		e.must(http.StatusCreated, "POST", "/subjects", server.StaffClerk, resident("res-a", "Иванова", "Мария", "Петровна"))

		e.clock.set(at(time.February, 20, 11, 0))
		req := e.must(http.StatusCreated, "POST", "/requests", server.StaffClerk,
			newRequest("R-100", "access", "res-a", at(time.February, 20, 10, 30)))
		assert.Equal(t, "received", req["status"])
		dl := req["deadline"].(map[string]any)
		assert.Equal(t, "2026-03-10", dl["date"], "10 working days from Friday 20.02.2026")
		assert.Equal(t, float64(10), dl["days"])
		assert.Nil(t, req["missing"], "a complete request lacks nothing")
		assert.Equal(t, float64(1), req["version"])
		assert.Equal(t, "post", req["channel"], "the channel by name, as it was sent")
		assert.Equal(t, "handwritten", req["signature"])

		// The dashboard: due soon on Friday 06.03 (within 3 working days),
		// not overdue on 10.03, overdue on 11.03.
		soon := e.must(http.StatusOK, "GET", "/dashboard/due-soon?as_of=2026-03-06&days=3", server.StaffClerk, nil)
		assert.Equal(t, float64(1), soon["count"])
		assert.Equal(t, float64(0), e.must(http.StatusOK, "GET", "/dashboard/overdue?as_of=2026-03-10", server.StaffClerk, nil)["count"])
		over := e.must(http.StatusOK, "GET", "/dashboard/overdue?as_of=2026-03-11", server.StaffClerk, nil)
		require.Equal(t, float64(1), over["count"])
		assert.Equal(t, "R-100", over["requests"].([]any)[0].(map[string]any)["id"])

		// The access report, reviewed before it is sent: JSON and HTML.
		e.clock.set(at(time.March, 2, 9, 0))
		rep := e.must(http.StatusOK, "GET", "/requests/R-100/report", server.StaffClerk, nil)
		assert.Equal(t, true, rep["processed"])
		assert.Equal(t, "Иванова Мария Петровна", rep["addressee"])
		html := e.do("GET", "/requests/R-100/report.html", server.StaffClerk, nil)
		require.Equal(t, http.StatusOK, html.status)
		assert.Contains(t, html.header.Get("Content-Type"), "text/html")
		assert.Contains(t, string(html.body), "Иванова Мария Петровна")
		subjRep := e.do("GET", "/subjects/res-a/report.html", server.StaffClerk, nil)
		require.Equal(t, http.StatusOK, subjRep.status)
		assert.Contains(t, string(subjRep.body), "<html")

		// The answer: status answered, the report attached to the notice,
		// the disclosure in the journal (policy 5.3).
		done := e.must(http.StatusOK, "POST", "/requests/R-100/fulfil", server.StaffClerk, map[string]any{})
		assert.Equal(t, "answered", done["status"])
		assert.NotEmpty(t, done["closed"])
		hist := done["history"].([]any)
		assert.Equal(t, "registered", hist[0].(map[string]any)["action"])
		assert.Equal(t, "answered", hist[len(hist)-1].(map[string]any)["action"])
		notices := e.must(http.StatusOK, "GET", "/requests/R-100/notices", server.StaffClerk, nil)["notices"].([]any)
		require.NotEmpty(t, notices)
		last := notices[len(notices)-1].(map[string]any)
		assert.NotNil(t, last["report"], "the answer carries the access report")
		n := 0
		for d, err := range e.st.Journal.BySubject(context.Background(), "res-a") {
			require.NoError(t, err)
			assert.Equal(t, "R-100", d.RequestID)
			n++
		}
		assert.Equal(t, 1, n, "one disclosure in the journal")
		assert.Equal(t, float64(0), e.must(http.StatusOK, "GET", "/dashboard/overdue?as_of=2026-03-11", server.StaffClerk, nil)["count"],
			"an answered request is no longer overdue")

		// Answering twice is a wrong transition: 409 and nothing changes.
		again := e.do("POST", "/requests/R-100/fulfil", server.StaffClerk, map[string]any{})
		assert.Equal(t, http.StatusConflict, again.status)
		assert.NotEmpty(t, again.apiError(t)["message_ru"])
		stored, err := e.st.Requests.Get(context.Background(), "R-100")
		require.NoError(t, err)
		assert.Equal(t, int64(done["version"].(float64)), stored.Version)
	})
}

// A clarification (policy 6.1.7, 6.1.8; 152-FZ art. 21 parts 1–2): the
// subject's data are blocked from receipt, corrected once the documents
// confirm the inaccuracy, and unblocked.
func TestClarificationBlocksAndUnblocks(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		e.must(http.StatusCreated, "POST", "/subjects", server.StaffClerk, resident("res-b", "Соколов", "Дмитрий", "Алексеевич"))
		e.clock.set(at(time.February, 24, 10, 0))
		req := e.must(http.StatusCreated, "POST", "/requests", server.StaffClerk,
			newRequest("R-200", "clarify", "res-b", at(time.February, 24, 9, 15)))
		assert.Equal(t, true, req["blocked"])
		holds := e.must(http.StatusOK, "GET", "/subjects/res-b/holds", server.StaffClerk, nil)
		assert.Equal(t, true, holds["blocked"])
		assert.Equal(t, "R-200", holds["holds"].([]any)[0].(map[string]any)["request_id"])

		// The documents arrive on 25.02: the 7 working days run from then.
		e.clock.set(at(time.February, 25, 15, 0))
		docs := e.must(http.StatusOK, "POST", "/requests/R-200/documents", server.StaffClerk,
			map[string]any{"on": "2026-02-25", "what": "копия договора с новым номером телефона"})
		// 26, 27.02, 02, 03, 04, 05, 06.03 → 06.03.2026.
		assert.Equal(t, "2026-03-06", docs["deadline"].(map[string]any)["date"])

		// The correction: the phone number changes, the block is lifted.
		corrected := resident("res-b", "Соколов", "Дмитрий", "Алексеевич")
		corrected["phone"] = "+7 927 765-43-21"
		e.clock.set(at(time.February, 27, 10, 0))
		done := e.must(http.StatusOK, "POST", "/requests/R-200/clarify", server.StaffClerk,
			map[string]any{"corrected": corrected, "documents": "копия договора от 01.02.2026"})
		assert.Equal(t, "clarified", done["status"])
		assert.Nil(t, done["blocked"], "blocked is false (omitted) once clarified")
		holds = e.must(http.StatusOK, "GET", "/subjects/res-b/holds", server.StaffClerk, nil)
		assert.Equal(t, false, holds["blocked"])
		subj, err := e.st.Directory.Subject(context.Background(), "res-b")
		require.NoError(t, err)
		assert.Equal(t, "+79277654321", subj.Phone.E164())
	})
}

// An unlawful-processing report that cannot be remedied ends in destruction
// (policy 6.1.9, 9.4–9.14; RKN order 179): the data are handed to the
// commission, a selection act takes them with a record the retention sweep
// finds due, the act is checked, sealed, signed and approved, the
// destruction act is drawn up, signed and approved — marking the records
// destroyed in the same transaction — and the request is closed on it. The
// act downloads as a Word document that opens as Office Open XML.
func TestUnlawfulProcessingEndsInDestructionAct(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.must(http.StatusCreated, "POST", "/subjects", server.StaffClerk, resident("res-u", "Морозова", "Ольга", "Николаевна"))
		// A resident's file closed on 30.06.2019: kept 5 years from
		// 01.01.2020 to 31.12.2024 (402-FZ art. 29; policy 3.6.2), due from
		// 01.01.2025 and overdue after 31.01.2025 (policy 9.3).
		rec := e.must(http.StatusCreated, "POST", "/records", server.StaffClerk, map[string]any{
			"id": "res-u-file-2019", "subject_id": "res-u", "kind": "resident_file", "closed": "2019-06-30",
			"title": "Дело собственника кв. 7 за 2014–2019 гг.", "categories": []string{"full_name", "registration_address", "property_rights"},
			"medium": map[string]any{"kind": "paper", "name": "Дело собственника кв. 7", "sheets": 12}})
		assert.Equal(t, "2025-01-01", rec["destroy_from"])
		due := e.must(http.StatusOK, "GET", "/retention/due?as_of=2026-02-25", server.StaffClerk, nil)
		assert.Equal(t, float64(1), due["count"])
		assert.Equal(t, true, due["complete"])

		e.clock.set(at(time.February, 24, 10, 0))
		req := e.must(http.StatusCreated, "POST", "/requests", server.StaffClerk,
			newRequest("R-300", "unlawful", "res-u", at(time.February, 24, 9, 0)))
		assert.Equal(t, true, req["blocked"])
		// 3 working days (policy 6.1.9): 25, 26, 27.02.
		assert.Equal(t, "2026-02-27", req["deadline"].(map[string]any)["date"])
		ho := e.must(http.StatusOK, "POST", "/requests/R-300/hand-over", server.StaffClerk, map[string]any{"items": []any{
			map[string]any{"record_id": "res-u-phone", "categories": []string{"phone"},
				"medium": map[string]any{"kind": "records", "system": "Жилищный учёт", "count": 2}}}})
		assert.Equal(t, "awaiting_destruction", ho["status"])

		// The selection act (policy 9.4–9.9).
		e.clock.set(at(time.February, 25, 10, 0))
		place := "Самарская обл., с. Кошки, 4 квартал, д. 11, каб. 5"
		sel := e.must(http.StatusCreated, "POST", "/acts/selection", server.StaffChair, map[string]any{
			"header": map[string]any{"id": "sel-1", "number": "1-О", "date": "2026-02-25", "place": place}, "commission_id": server.CommissionID})
		items := sel["content"].(map[string]any)["items"].([]any)
		require.Len(t, items, 2, "the due record and the item handed over")
		r0, err := e.st.Records.Get(ctx, "res-u-file-2019")
		require.NoError(t, err)
		assert.Equal(t, "sel-1", r0.SelectedIn)

		// Out of order: signing before the media are checked and sealed.
		bad := e.do("POST", "/acts/sel-1/sign", server.StaffChair, nil)
		require.Equal(t, http.StatusConflict, bad.status, "%s", bad.body)
		assert.NotEmpty(t, bad.apiError(t)["message_ru"])
		// Sealing by someone who is not the chair (policy 9.9).
		e.must(http.StatusOK, "POST", "/acts/sel-1/check", server.StaffMember1, map[string]any{})
		notChair := e.do("POST", "/acts/sel-1/seal-media", server.StaffMember1, nil)
		require.Equal(t, http.StatusForbidden, notChair.status, "%s", notChair.body)
		e.must(http.StatusOK, "POST", "/acts/sel-1/seal-media", server.StaffChair, nil)
		for _, who := range []string{server.StaffChair, server.StaffMember1, server.StaffMember2} {
			e.must(http.StatusOK, "POST", "/acts/sel-1/sign", who, nil)
		}
		approved := e.must(http.StatusOK, "POST", "/acts/sel-1/approve", server.StaffHead, nil)
		assert.Equal(t, "approved", approved["state"])

		// The destruction act (policy 9.10–9.14; RKN order 179 п. 3).
		e.clock.set(at(time.February, 26, 10, 0))
		e.must(http.StatusCreated, "POST", "/acts/destruction", server.StaffChair, map[string]any{
			"header": map[string]any{"id": "dest-1", "number": "1-У", "date": "2026-02-26", "place": place}, "selection_id": "sel-1"})
		e.must(http.StatusOK, "POST", "/acts/dest-1/check", server.StaffChair, map[string]any{})
		e.must(http.StatusOK, "POST", "/acts/dest-1/destroyed", server.StaffChair, map[string]any{"place": place + " (шредер); серверная"})
		for _, who := range []string{server.StaffChair, server.StaffMember1, server.StaffMember2} {
			e.must(http.StatusOK, "POST", "/acts/dest-1/sign", who, nil)
		}
		// Only the head approves (policy 9.8, 9.12).
		require.Equal(t, http.StatusForbidden, e.do("POST", "/acts/dest-1/approve", server.StaffClerk, nil).status)
		final := e.must(http.StatusOK, "POST", "/acts/dest-1/approve", server.StaffHead, nil)
		assert.Equal(t, "approved", final["state"])
		assert.NotEmpty(t, final["digest"])

		// Approved together with the act: the record is destroyed, and the
		// act itself is registered to be kept 3 years (RKN order 179 п. 8).
		r1, err := e.st.Records.Get(ctx, "res-u-file-2019")
		require.NoError(t, err)
		assert.Equal(t, "2026-02-26", r1.Destroyed.String())
		assert.Equal(t, "dest-1", r1.DestroyedBy)
		kept := e.must(http.StatusOK, "GET", "/records/destruction-act:dest-1", server.StaffClerk, nil)
		assert.Equal(t, "2029-02-27", kept["destroy_from"], "kept 3 years from 26.02.2026, to 26.02.2029")
		assert.Equal(t, float64(0), e.must(http.StatusOK, "GET", "/retention/due?as_of=2026-02-27", server.StaffClerk, nil)["count"])

		// The request closes on the act: the phone is erased, the block lifted.
		e.clock.set(at(time.February, 26, 16, 0))
		closed := e.must(http.StatusOK, "POST", "/requests/R-300/confirm-destruction", server.StaffClerk, map[string]any{"act_id": "dest-1"})
		assert.Equal(t, "destroyed", closed["status"])
		subj, err := e.st.Directory.Subject(ctx, "res-u")
		require.NoError(t, err)
		assert.True(t, subj.Phone.IsZero(), "the phone number was destroyed")
		assert.Equal(t, "Морозова", subj.LastName, "what was not handed over stays")
		assert.Equal(t, false, e.must(http.StatusOK, "GET", "/subjects/res-u/holds", server.StaffClerk, nil)["blocked"])

		// The documents: DOCX (Office Open XML), HTML, the CSV extract.
		docx := e.do("GET", "/acts/dest-1/act.docx", server.StaffClerk, nil)
		require.Equal(t, http.StatusOK, docx.status)
		assert.Equal(t, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.header.Get("Content-Type"))
		assert.Contains(t, docx.header.Get("Content-Disposition"), "attachment")
		requireOOXML(t, docx.body, "Акт", final["digest"].(string))
		html := e.do("GET", "/acts/dest-1/act.html", server.StaffClerk, nil)
		require.Equal(t, http.StatusOK, html.status)
		assert.Contains(t, string(html.body), final["digest"].(string))
		csv := e.do("GET", "/acts/dest-1/extract.csv", server.StaffClerk, nil)
		require.Equal(t, http.StatusOK, csv.status)
		assert.True(t, bytes.HasPrefix(csv.body, []byte("\xef\xbb\xbf")), "UTF-8 byte order mark for Excel")
		assert.Contains(t, string(csv.body), "res-u-phone")
		assert.Contains(t, string(csv.body), "Жилищный учёт")
		hist := e.must(http.StatusOK, "GET", "/acts/dest-1/history", server.StaffClerk, nil)
		assert.Len(t, hist["versions"], 7, "created, checked, destroyed, three signatures, approved: each a version")
	})
}

// requireOOXML checks that data is a WordprocessingML package: a zip archive
// with [Content_Types].xml and word/document.xml, every XML part well-formed,
// the document's text holding each of want.
func requireOOXML(t *testing.T, data []byte, want ...string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err, "the DOCX is a zip archive")
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		rc.Close()
		require.NoError(t, err)
		parts[f.Name] = b
	}
	require.Contains(t, parts, "[Content_Types].xml")
	require.Contains(t, parts, "word/document.xml")
	assert.Contains(t, string(parts["[Content_Types].xml"]), "wordprocessingml.document.main+xml")
	for name, b := range parts {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			require.NoError(t, err, "%s is well-formed XML", name)
		}
	}
	var text strings.Builder
	dec := xml.NewDecoder(bytes.NewReader(parts["word/document.xml"]))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if cd, ok := tok.(xml.CharData); ok {
			text.Write(cd)
		}
	}
	for _, w := range want {
		assert.Contains(t, text.String(), w)
	}
}

// A third party's request (policy 5.2, 5.3): nothing is disclosed without the
// head's resolution, which only a staff member authorised to sign it may give
// (a refused attempt is logged); the recipient must be warned about the
// purpose; the transfer goes into the journal of disclosures.
func TestThirdPartyRequestNeedsResolution(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.must(http.StatusCreated, "POST", "/subjects", server.StaffClerk, resident("res-t", "Васильев", "Игорь", "Петрович"))
		e.clock.set(at(time.March, 3, 10, 0))
		body := map[string]any{
			"id": "R-400", "kind": "access", "subject_id": "res-t",
			"requester": map[string]any{"party": "third_party", "name": "ООО «Расчётный центр»", "inn": "6316000008",
				"letter": map[string]any{"number": "112", "date": "2026-03-02"}, "legal_authority": "договор поручения № 7 от 10.01.2026",
				"agreement": map[string]any{"number": "7", "date": "2026-01-10", "non_disclosure": true}, "due_by": "2026-03-13"},
			"received": at(time.March, 3, 9, 0).Format(time.RFC3339), "channel": "post", "signature": "handwritten",
		}
		req := e.must(http.StatusCreated, "POST", "/requests", server.StaffClerk, body)
		assert.Equal(t, "2026-03-13", req["deadline"].(map[string]any)["date"], "the term the third party's law sets, entered by staff")

		answer := map[string]any{"categories": []string{"full_name", "registration_address"}, "purpose": "начисление платы", "warned": true}
		noRes := e.do("POST", "/requests/R-400/fulfil", server.StaffClerk, answer)
		require.Equal(t, http.StatusConflict, noRes.status, "%s", noRes.body)

		forbidden := e.do("POST", "/requests/R-400/resolve", server.StaffClerk, map[string]any{"text": "Предоставить"})
		require.Equal(t, http.StatusForbidden, forbidden.status, "%s", forbidden.body)
		assert.Contains(t, forbidden.apiError(t)["message_ru"], "резолюци")
		logged := false
		for a, err := range e.st.Audit.Between(ctx, at(time.March, 3, 0, 0), at(time.March, 4, 0, 0)) {
			require.NoError(t, err)
			logged = logged || (a.Actor == server.StaffClerk && a.RequestID == "R-400")
		}
		assert.True(t, logged, "the refused resolution is in the audit log")

		res := e.must(http.StatusOK, "POST", "/requests/R-400/resolve", server.StaffHead, map[string]any{"text": "Предоставить в объёме запроса"})
		assert.NotNil(t, res["resolution"])
		unwarned := e.do("POST", "/requests/R-400/fulfil", server.StaffClerk, with(answer, "warned", false))
		require.Equal(t, http.StatusUnprocessableEntity, unwarned.status, "%s", unwarned.body)
		assert.Contains(t, fieldNames(unwarned.apiError(t)), "Warned")

		done := e.must(http.StatusOK, "POST", "/requests/R-400/fulfil", server.StaffClerk, answer)
		assert.Equal(t, "answered", done["status"])
		var to []string
		for d, err := range e.st.Journal.ByRecipient(ctx, "6316000008") {
			require.NoError(t, err)
			to = append(to, d.RequestID+" "+d.Purpose)
		}
		assert.Equal(t, []string{"R-400 начисление платы"}, to)
	})
}
