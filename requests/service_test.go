package requests_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var ctx = context.Background()

func TestNewNeedsEveryPart(t *testing.T) {
	_, err := requests.New(requests.Config{})
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	for _, f := range []string{"Store", "Journal", "Audit", "Directory", "Notifier", "Destroyer", "Access"} {
		_, ok := ve.Field(f)
		assert.True(t, ok, "missing %s is reported", f)
	}
}

// 152-FZ art. 14 part 3; policy 6.1.4. Received on Friday 20.02.2026 at
// 23:30 Moscow time, which is 00:30 on Saturday 21.02 in Samara (UTC+4):
// the term runs from the 21st. Working days after it: Mon 23.02 is a
// holiday; Tue 24 (1) … Fri 06.03 (9); Mon 09.03 off; Tue 10.03 (10).
func TestRegisterComplete(t *testing.T) {
	f := newFixture(t)
	moscow := time.FixedZone("MSK", 3*3600)
	in := complete(t, "17", requests.Access, time.Date(2026, 2, 20, 23, 30, 0, 0, moscow))
	r, err := f.svc.Register(ctx, clerk(at(2026, 2, 24, 9, 0)), in)
	require.NoError(t, err)
	assert.Equal(t, day(2026, 2, 21), r.ReceivedOn, "the day of receipt is Samara's")
	assert.Equal(t, day(2026, 3, 10), r.Deadline.Date)
	assert.Equal(t, pdata.Cite("152-ФЗ ст. 14 ч. 3; ст. 20 ч. 1", "6.1.4, 7.1"), r.Deadline.Basis)
	assert.Equal(t, requests.StatusReceived, r.Status)
	assert.Equal(t, int64(1), r.Version)
	assert.False(t, r.Incomplete())
	assert.Empty(t, f.out.Sent(), "a complete request needs no intake reply")
	require.Len(t, r.History, 1)
	assert.Equal(t, requests.ActRegistered, r.History[0].Action)
	assert.Equal(t, "clerk", r.History[0].Actor)
	assert.Contains(t, r.History[0].Reason, "до 10.03.2026")

	stored, err := f.svc.Get(ctx, clerk(at(2026, 2, 24, 9, 5)), "17")
	require.NoError(t, err)
	assert.Equal(t, r.Deadline, stored.Deadline)
}

// 152-FZ art. 14 part 3; policy 6.1.4: an incomplete request is registered,
// the requester is told what is missing, the term runs all the same.
func TestRegisterIncompleteIsNeverDropped(t *testing.T) {
	f := newFixture(t)
	in := complete(t, "18", requests.Access, at(2026, 2, 20, 10, 0))
	in.Requester.Identity.Issuer = ""
	in.Relationship = requests.Relationship{}
	in.Channel, in.Signature = requests.Electronic, requests.Handwritten
	r, err := f.svc.Register(ctx, clerk(at(2026, 2, 20, 11, 0)), in)
	require.NoError(t, err)
	assert.True(t, r.Incomplete())
	var rules []string
	for _, m := range r.Missing {
		rules = append(rules, m.Rule)
	}
	assert.ElementsMatch(t, []string{"identity_issuer", "relationship", "electronic_signature"}, rules)
	assert.Equal(t, day(2026, 3, 10), r.Deadline.Date, "the term runs from receipt all the same")

	sent := f.out.Sent()
	require.Len(t, sent, 1)
	n := sent[0]
	assert.Equal(t, requests.NoticeIntake, n.Kind)
	assert.Equal(t, requests.BySubject, n.To)
	assert.Equal(t, "с. Кошки, ул. Садовая, д. 3, кв. 7", n.ReplyTo)
	for _, want := range []string{"зарегистрировано", "не указан орган, выдавший документ", "номер и дата договора",
		"должен быть подписан электронной подписью", "до 10.03.2026 включительно"} {
		assert.Contains(t, n.Body, want)
	}
	require.Len(t, r.History, 2)
	assert.Equal(t, requests.ActIntakeReply, r.History[1].Action)
}

func TestRegisterRepresentativeAndThirdPartyIntake(t *testing.T) {
	f := newFixture(t)
	in := complete(t, "19", requests.Access, at(2026, 2, 20, 10, 0))
	in.Requester.Party = requests.ByRepresentative
	in.Requester.PowerOfAttorney = &requests.PowerOfAttorney{Number: "63 АА 1", Date: day(2024, 1, 10)} // no term: one year, expired
	r, err := f.svc.Register(ctx, clerk(at(2026, 2, 20, 11, 0)), in)
	require.NoError(t, err)
	var rules []string
	for _, m := range r.Missing {
		rules = append(rules, m.Rule)
	}
	assert.ElementsMatch(t, []string{"representative_name", "power_of_attorney_expired"}, rules)

	tp := fromThirdParty("20", at(2026, 3, 2, 10, 0))
	tp.Requester.Agreement = nil
	r, err = f.svc.Register(ctx, clerk(at(2026, 3, 2, 11, 0)), tp)
	require.NoError(t, err)
	require.Len(t, r.Missing, 1)
	assert.Equal(t, "legal_ground", r.Missing[0].Rule)
	assert.True(t, r.Deadline.IsZero(), "152-FZ sets no term for a third party (policy 5.2)")
}

// Policy 6.1.7; 152-FZ art. 21 part 1: blocked from the moment of receipt.
func TestRegisterBlocksClarifyAndUnlawful(t *testing.T) {
	for _, k := range []requests.Kind{requests.Clarify, requests.Unlawful} {
		t.Run(k.String(), func(t *testing.T) {
			f := newFixture(t)
			received := at(2026, 3, 2, 10, 0)
			r, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 15)), complete(t, "21", k, received))
			require.NoError(t, err)
			assert.True(t, r.Blocked)
			holds, err := f.dir.Holds(ctx, "res-1")
			require.NoError(t, err)
			require.Len(t, holds, 1)
			assert.Equal(t, "21", holds[0].RequestID)
			assert.True(t, holds[0].Since.Equal(received), "blocked from receipt, not from registration")
			assert.Equal(t, pdata.Cite("152-ФЗ ст. 21 ч. 1", "6.1.7"), holds[0].Basis)
			assert.Equal(t, requests.ActBlocked, r.History[1].Action)
			assert.False(t, f.dir.Blocked("res-2"), "only the subject's data are blocked")
		})
	}
	t.Run("access does not block", func(t *testing.T) {
		f := newFixture(t)
		r, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 15)), complete(t, "22", requests.Access, at(2026, 3, 2, 10, 0)))
		require.NoError(t, err)
		assert.False(t, r.Blocked)
		assert.False(t, f.dir.Blocked("res-1"))
	})
	t.Run("unknown subject has nothing to block", func(t *testing.T) {
		f := newFixture(t)
		in := complete(t, "23", requests.Unlawful, at(2026, 3, 2, 10, 0))
		in.SubjectID = "stranger"
		r, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 15)), in)
		require.NoError(t, err, "the request is registered all the same")
		assert.False(t, r.Blocked)
		assert.Contains(t, r.History[1].Reason, "блокировать нечего")
	})
}

func TestRegisterRefusesBadInputAndChangesNothing(t *testing.T) {
	f := newFixture(t)
	cases := map[string]func(*requests.NewRequest){
		"no ID":                     func(in *requests.NewRequest) { in.ID = " " },
		"unknown kind":              func(in *requests.NewRequest) { in.Kind = 0 },
		"authority cannot withdraw": func(in *requests.NewRequest) { *in = fromAuthority(in.ID, requests.Withdraw, in.Received) },
		"third party cannot clarify": func(in *requests.NewRequest) {
			*in = fromThirdParty(in.ID, in.Received)
			in.Kind = requests.Clarify
		},
		"no subject":          func(in *requests.NewRequest) { in.SubjectID = "" },
		"no receipt":          func(in *requests.NewRequest) { in.Received = time.Time{} },
		"unknown channel":     func(in *requests.NewRequest) { in.Channel = 9 },
		"documents on access": func(in *requests.NewRequest) { in.DocumentsReceived = day(2026, 3, 2) },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			in := complete(t, "bad", requests.Access, at(2026, 3, 2, 10, 0))
			mutate(&in)
			_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 11, 0)), in)
			assert.ErrorIs(t, err, requests.ErrInvalid)
			var ve *pdata.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.NotEmpty(t, ve.Russian())
			assert.Equal(t, 0, f.store.Len())
			assert.Empty(t, f.out.Sent())
		})
	}
	t.Run("registered before received", func(t *testing.T) {
		_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 9, 0)), complete(t, "x", requests.Access, at(2026, 3, 2, 10, 0)))
		assert.ErrorIs(t, err, requests.ErrInvalid)
	})
	t.Run("duplicate", func(t *testing.T) {
		_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 11, 0)), complete(t, "dup", requests.Access, at(2026, 3, 2, 10, 0)))
		require.NoError(t, err)
		_, err = f.svc.Register(ctx, clerk(at(2026, 3, 2, 11, 0)), complete(t, "dup", requests.Clarify, at(2026, 3, 2, 10, 0)))
		assert.ErrorIs(t, err, requests.ErrConflict)
		assert.False(t, f.dir.Blocked("res-1"), "the refused duplicate blocked nothing")
	})
}

// Policy 3.8, 4.3: only staff on the approved list act; the attempt is logged.
func TestForbiddenIsLogged(t *testing.T) {
	f := newFixture(t)
	moment := at(2026, 3, 2, 11, 0)
	_, err := f.svc.Register(ctx, intruder(moment), complete(t, "30", requests.Access, at(2026, 3, 2, 10, 0)))
	assert.ErrorIs(t, err, requests.ErrForbidden)
	var fe *requests.ForbiddenError
	require.ErrorAs(t, err, &fe)
	assert.Contains(t, fe.Russian(), "не включён в перечень")
	assert.Equal(t, 0, f.store.Len())

	_, err = f.svc.Register(ctx, clerk(moment), complete(t, "31", requests.Access, at(2026, 3, 2, 10, 0)))
	require.NoError(t, err)
	before := history(t, f, "31")
	_, err = f.svc.Get(ctx, intruder(moment.Add(time.Minute)), "31")
	assert.ErrorIs(t, err, requests.ErrForbidden)
	_, err = f.svc.Extend(ctx, intruder(moment.Add(2*time.Minute)), "31", "причины")
	assert.ErrorIs(t, err, requests.ErrForbidden)
	assert.Equal(t, before, history(t, f, "31"), "a refused attempt changes nothing")

	var logged []requests.AuditEntry
	for e, err := range f.audit.Between(ctx, moment, moment.Add(time.Hour)) {
		require.NoError(t, err)
		logged = append(logged, e)
	}
	require.Len(t, logged, 3)
	assert.Equal(t, "intruder", logged[0].Actor)
	assert.Equal(t, requests.OpRegister, logged[0].Op)
	assert.Equal(t, requests.OpRead, logged[1].Op)
	assert.Equal(t, "31", logged[2].RequestID)
	assert.Equal(t, pdata.Cite("152-ФЗ ст. 18.1, 19", "3.8, 4.3"), logged[2].Basis)

	// If even the log fails, the refusal still stands and says so.
	f.faults.set("Audit.Append", errBoom)
	_, err = f.svc.Get(ctx, intruder(moment.Add(3*time.Minute)), "31")
	assert.ErrorIs(t, err, requests.ErrForbidden)
	assert.ErrorIs(t, err, errBoom)
}

// 152-FZ art. 14 parts 4–6: a repeat access request less than 30 days after
// the first, answered in full, may be refused with reasons.
func TestRepeatAccess(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), complete(t, "40", requests.Access, at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	_, err = f.svc.Fulfil(ctx, clerk(at(2026, 3, 5, 10, 0)), "40", requests.Answer{})
	require.NoError(t, err)

	// 02.03 + 30 days = 01.04: a request received on 31.03 is a repeat, one on 01.04 is not.
	r, err := f.svc.Register(ctx, clerk(at(2026, 3, 31, 10, 0)), complete(t, "41", requests.Access, at(2026, 3, 31, 9, 0)))
	require.NoError(t, err)
	assert.Equal(t, "40", r.RepeatOf)
	r2, err := f.svc.Register(ctx, clerk(at(2026, 4, 1, 10, 0)), complete(t, "42", requests.Access, at(2026, 4, 1, 9, 0)))
	require.NoError(t, err)
	assert.Empty(t, r2.RepeatOf)
	in := complete(t, "43", requests.Access, at(2026, 3, 20, 9, 0))
	in.RepeatReason = "в ответе не указаны сроки хранения"
	r3, err := f.svc.Register(ctx, clerk(at(2026, 3, 20, 10, 0)), in)
	require.NoError(t, err)
	assert.Empty(t, r3.RepeatOf, "art. 14 part 5: an earlier repeat with reasons is not refusable as a repeat")

	_, err = f.svc.Refuse(ctx, clerk(at(2026, 4, 1, 11, 0)), "42", requests.RefuseRepeat, "повторный запрос")
	assert.ErrorIs(t, err, requests.ErrInvalid, "a request that is not a repeat cannot be refused as one")
	r, err = f.svc.Refuse(ctx, clerk(at(2026, 4, 1, 11, 0)), "41", requests.RefuseRepeat, "сведения предоставлены 05.03.2026 по запросу № 40 в полном объёме")
	require.NoError(t, err)
	assert.Equal(t, requests.StatusRefused, r.Status)
	assert.Equal(t, pdata.Cite("152-ФЗ ст. 14 ч. 4–6", ""), r.Refusal.Basis)
}

// 152-FZ art. 14 part 3, art. 20 part 1: one extension by 5 working days,
// with a motivated notice sent before the first deadline.
func TestExtend(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Register(ctx, clerk(at(2026, 2, 20, 15, 0)), complete(t, "50", requests.Access, at(2026, 2, 20, 14, 0)))
	require.NoError(t, err)

	_, err = f.svc.Extend(ctx, clerk(at(2026, 3, 3, 10, 0)), "50", " ")
	assert.ErrorIs(t, err, requests.ErrInvalid, "reasons are required")

	// First deadline 10.03.2026 (see TestRegisterComplete); extended: Wed 11 (11), 12, 13, Mon 16, Tue 17.03 (15).
	r, err := f.svc.Extend(ctx, clerk(at(2026, 3, 10, 17, 0)), "50", "сведения хранятся в архиве в другом населённом пункте")
	require.NoError(t, err, "the last day of the first term is still in time")
	assert.Equal(t, requests.StatusExtended, r.Status)
	assert.Equal(t, day(2026, 3, 17), r.Deadline.Date)
	assert.True(t, r.Deadline.Extended)
	assert.Equal(t, day(2026, 3, 10), r.Extension.FirstDeadline)
	sent := f.out.Sent()
	require.Len(t, sent, 1)
	assert.Equal(t, requests.NoticeExtension, sent[0].Kind)
	assert.Contains(t, sent[0].Body, "до 17.03.2026")
	assert.Contains(t, sent[0].Body, "архиве")

	_, err = f.svc.Extend(ctx, clerk(at(2026, 3, 11, 10, 0)), "50", "ещё раз")
	assert.ErrorIs(t, err, requests.ErrState, "only once")

	_, err = f.svc.Register(ctx, clerk(at(2026, 2, 20, 15, 0)), complete(t, "51", requests.Access, at(2026, 2, 20, 14, 0)))
	require.NoError(t, err)
	_, err = f.svc.Extend(ctx, clerk(at(2026, 3, 11, 0, 30)), "51", "поздно")
	assert.ErrorIs(t, err, requests.ErrInvalid, "after the first deadline is too late")
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("extension_late"))

	_, err = f.svc.Register(ctx, clerk(at(2026, 2, 20, 15, 0)), complete(t, "52", requests.Clarify, at(2026, 2, 20, 14, 0)))
	require.NoError(t, err)
	_, err = f.svc.Extend(ctx, clerk(at(2026, 2, 24, 10, 0)), "52", "причины")
	assert.ErrorIs(t, err, requests.ErrState, "a clarification's term cannot be extended")
}

// Policy 6.1.7, 6.1.8; 152-FZ art. 21 parts 1–2.
func TestClarifyFlow(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Register(ctx, clerk(at(2025, 12, 24, 10, 0)), complete(t, "60", requests.Clarify, at(2025, 12, 24, 9, 0)))
	require.NoError(t, err)
	require.True(t, f.dir.Blocked("res-1"))

	// Documents on Tue 30.12.2025: 7 working days end on Tue 20.01.2026 (see TestDueForClarifyFromDocuments).
	r, err := f.svc.DocumentsArrived(ctx, clerk(at(2025, 12, 30, 12, 0)), "60", day(2025, 12, 30), "копия свидетельства о браке")
	require.NoError(t, err)
	assert.Equal(t, day(2026, 1, 20), r.Deadline.Date)

	bad := owner(t)
	bad.Other = map[pdata.DataCategory]string{pdata.DataHealth: "инвалидность"}
	_, err = f.svc.Clarify(ctx, clerk(at(2026, 1, 12, 10, 0)), "60", bad, "свидетельство")
	assert.ErrorIs(t, err, requests.ErrInvalid, "policy 6.1.3: a correction cannot bring in health data")
	other := spouse(t)
	_, err = f.svc.Clarify(ctx, clerk(at(2026, 1, 12, 10, 0)), "60", other, "свидетельство")
	assert.ErrorIs(t, err, requests.ErrInvalid, "the corrected record must be the request's subject")
	assert.True(t, f.dir.Blocked("res-1"), "refused corrections change nothing")

	fixed := owner(t)
	fixed.LastName = "Смирнова"
	r, err = f.svc.Clarify(ctx, clerk(at(2026, 1, 12, 10, 0)), "60", fixed, "копия свидетельства о браке")
	require.NoError(t, err)
	assert.Equal(t, requests.StatusClarified, r.Status)
	assert.False(t, r.Blocked)
	assert.False(t, f.dir.Blocked("res-1"))
	got, err := f.dir.Subject(ctx, "res-1")
	require.NoError(t, err)
	assert.Equal(t, "Смирнова", got.LastName)
	sent := f.out.Sent()
	require.NotEmpty(t, sent)
	last := sent[len(sent)-1]
	assert.Equal(t, requests.NoticeOutcome, last.Kind)
	assert.Contains(t, last.Body, "блокирование снято")
	var actions []requests.Action
	for _, e := range r.History {
		actions = append(actions, e.Action)
	}
	assert.Equal(t, []requests.Action{requests.ActRegistered, requests.ActBlocked, requests.ActDocuments,
		requests.ActCorrected, requests.ActUnblocked, requests.ActNotified}, actions)
}

// Policy 6.1.9, 6.1.10; 152-FZ art. 21 part 3: from the authority, remedied
// or destroyed, and the authority is told as well as the subject.
func TestUnlawfulFromAuthorityEndsInDestruction(t *testing.T) {
	// Depends on the provisional 2027 calendar (deadline 12.01.2027): re-check against the signed decree.
	f := newFixture(t)
	require.True(t, f.svc.Calendar().Provisional(2027), "2027 confirmed: re-check the 2027 dates below (see TestDeadlinesThrough2027RestOnProvisionalData)")
	r, err := f.svc.Register(ctx, clerk(at(2026, 12, 29, 10, 0)), fromAuthority("70", requests.Unlawful, at(2026, 12, 29, 9, 0)))
	require.NoError(t, err)
	assert.Equal(t, day(2027, 1, 12), r.Deadline.Date, "3 working days across the New Year (see TestDue)")
	require.True(t, f.dir.Blocked("res-1"))

	_, err = f.svc.HandOver(ctx, clerk(at(2026, 12, 30, 10, 0)), "70", nil)
	assert.ErrorIs(t, err, requests.ErrInvalid)
	_, err = f.svc.HandOver(ctx, clerk(at(2026, 12, 30, 10, 0)), "70", []destruction.Item{{RecordID: "x",
		Categories: pdata.SetOf(pdata.DataPhone), Medium: destruction.DBRecords("ИС «Жилищный учёт»", 1), Ground: destruction.GroundRetentionExpired}})
	assert.ErrorIs(t, err, requests.ErrInvalid, "the item's ground must be the request's")
	assert.Empty(t, f.queue.Items())

	items := []destruction.Item{
		{RecordID: "crm/res-1/phone", Categories: pdata.SetOf(pdata.DataPhone, pdata.DataSNILS), Medium: destruction.DBRecords("ИС «Жилищный учёт»", 2)},
		{RecordID: "paper/res-1/copy", Categories: pdata.SetOf(pdata.DataSNILS), Medium: destruction.Paper("копия СНИЛС", 1)},
	}
	r, err = f.svc.HandOver(ctx, clerk(at(2026, 12, 30, 10, 0)), "70", items)
	require.NoError(t, err)
	assert.Equal(t, requests.StatusAwaitingDestruction, r.Status)
	assert.True(t, r.Status.Open(), "open until destroyed")
	q := f.queue.Items()
	require.Len(t, q, 2)
	for _, it := range q {
		assert.Equal(t, destruction.GroundUnlawful, it.Ground)
		assert.Equal(t, day(2027, 1, 12), it.DestroyBy)
		assert.Equal(t, day(2026, 12, 30), it.DestroyFrom)
		assert.Equal(t, "Кузнецова Анна Петровна", it.Subjects[0].Name)
		assert.Contains(t, it.Reference, "вх. № 70 от 29.12.2026")
	}
	assert.Equal(t, pdata.SetOf(pdata.DataPhone, pdata.DataSNILS), r.Handover.Categories)

	_, err = f.svc.ConfirmDestruction(ctx, clerk(at(2027, 1, 11, 16, 0)), "70", destruction.ActRef{ID: "act-9", Number: "9-У", Date: day(2027, 1, 11), Digest: actDigest})
	assert.ErrorIs(t, err, requests.ErrInvalid, "the act must be approved")
	r, err = f.svc.ConfirmDestruction(ctx, clerk(at(2027, 1, 11, 16, 0)), "70",
		destruction.ActRef{ID: "act-9", Number: "9-У", Date: day(2027, 1, 11), Digest: actDigest, Approved: at(2027, 1, 11, 15, 0)})
	require.NoError(t, err)
	assert.Equal(t, requests.StatusDestroyed, r.Status)
	got, err := f.dir.Subject(ctx, "res-1")
	require.NoError(t, err)
	assert.False(t, got.Held().Has(pdata.DataPhone))
	assert.False(t, got.Held().Has(pdata.DataSNILS))
	assert.True(t, got.Held().Has(pdata.DataFullName))
	assert.False(t, f.dir.Blocked("res-1"))

	var to []requests.Party
	for _, n := range f.out.Sent() {
		if n.Kind == requests.NoticeOutcome {
			to = append(to, n.To)
			assert.Contains(t, n.Body, "акт об уничтожении № 9-У от 11.01.2027")
		}
	}
	assert.ElementsMatch(t, []requests.Party{requests.ByAuthority, requests.BySubject}, to, "policy 6.1.9: the subject and the authority")
}

func TestRemedy(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), complete(t, "80", requests.Unlawful, at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	_, err = f.svc.Remedy(ctx, clerk(at(2026, 3, 3, 10, 0)), "80", "")
	assert.ErrorIs(t, err, requests.ErrInvalid)
	r, err := f.svc.Remedy(ctx, clerk(at(2026, 3, 3, 10, 0)), "80", "рассылка прекращена, номер телефона исключён из списка")
	require.NoError(t, err)
	assert.Equal(t, requests.StatusRemedied, r.Status)
	assert.False(t, f.dir.Blocked("res-1"))
	sent := f.out.Sent()
	require.Len(t, sent, 1, "the subject asked: only the subject is told")
	assert.Equal(t, requests.BySubject, sent[0].To)
}

// Policy 5.2, 5.3: a third party gets data only with a legal ground and the
// head's resolution, after being warned; the transfer is journaled.
func TestThirdPartyRequest(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), fromThirdParty("90", at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	ans := requests.Answer{Categories: pdata.SetOf(pdata.DataFullName, pdata.DataRegistrationAddress), Purpose: transferPurpose, Warned: true}

	_, err = f.svc.Fulfil(ctx, clerk(at(2026, 3, 3, 10, 0)), "90", ans)
	assert.ErrorIs(t, err, requests.ErrState, "nothing is disclosed before the head's resolution")
	_, err = f.svc.Resolve(ctx, clerk(at(2026, 3, 3, 10, 0)), "90", "Предоставить")
	assert.ErrorIs(t, err, requests.ErrForbidden, "a clerk cannot sign the head's resolution")
	n := 0
	for range f.audit.Between(ctx, at(2026, 3, 3, 0, 0), at(2026, 3, 4, 0, 0)) {
		n++
	}
	assert.Equal(t, 1, n, "the attempt is logged")

	r, err := f.svc.Resolve(ctx, head(at(2026, 3, 3, 11, 0)), "90", "Предоставить в объёме запроса")
	require.NoError(t, err)
	assert.Equal(t, "Директор Сидоров П. И.", r.Resolution.Name)

	noWarn := ans
	noWarn.Warned = false
	_, err = f.svc.Fulfil(ctx, clerk(at(2026, 3, 3, 12, 0)), "90", noWarn)
	assert.ErrorIs(t, err, requests.ErrInvalid, "policy 5.3: the recipient is warned first")

	r, err = f.svc.Fulfil(ctx, clerk(at(2026, 3, 3, 12, 0)), "90", ans)
	require.NoError(t, err)
	assert.Equal(t, requests.StatusAnswered, r.Status)
	var got []requests.Disclosure
	for d, err := range f.journal.ByRecipient(ctx, "6381012349") {
		require.NoError(t, err)
		got = append(got, d)
	}
	require.Len(t, got, 1)
	d := got[0]
	assert.Equal(t, "res-1", d.SubjectID)
	assert.Equal(t, "90", d.RequestID)
	assert.Equal(t, ans.Categories, d.Categories)
	assert.True(t, d.Warned)
	assert.Equal(t, day(2026, 3, 3), d.On)
	assert.Equal(t, transferPurpose, d.Purpose)
	assert.Equal(t, "соглашение об информационном обмене № 5-ИО от 05.05.2024; 152-ФЗ ст. 6 ч. 1 п. 1; ст. 9; Положение п. 5.2, 5.3", d.Basis.String(),
		"policy 5.3: under an agreement the subject's written consent is what allows the transfer, and it is cited")
	var bySubject int
	for range f.journal.BySubject(ctx, "res-1") {
		bySubject++
	}
	assert.Equal(t, 1, bySubject)
}

func TestThirdPartyWithoutGroundIsRefused(t *testing.T) {
	f := newFixture(t)
	in := fromThirdParty("91", at(2026, 3, 2, 9, 0))
	in.Requester.Agreement = nil
	_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), in)
	require.NoError(t, err)
	_, err = f.svc.Resolve(ctx, head(at(2026, 3, 2, 11, 0)), "91", "Предоставить")
	assert.ErrorIs(t, err, requests.ErrInvalid, "no legal ground: the head cannot resolve to disclose")
	r, err := f.svc.Refuse(ctx, clerk(at(2026, 3, 2, 12, 0)), "91", requests.RefuseNoAuthority, "организация не указала полномочий и не заключала соглашения")
	require.NoError(t, err)
	assert.Equal(t, pdata.Cite("152-ФЗ ст. 7", "5.2, 5.3"), r.Refusal.Basis)
	for range f.journal.BySubject(ctx, "res-1") {
		t.Error("nothing was disclosed, nothing is journaled")
	}
}

// Policy 7.1, 6.1.4; 152-FZ art. 14 part 7: the answer carries the report
// and the transfer is journaled.
func TestFulfilAccessSendsReport(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), complete(t, "100", requests.Access, at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	preview, err := f.svc.AccessReport(ctx, clerk(at(2026, 3, 3, 9, 0)), "100")
	require.NoError(t, err)
	r, err := f.svc.Fulfil(ctx, clerk(at(2026, 3, 3, 10, 0)), "100", requests.Answer{})
	require.NoError(t, err)
	assert.Equal(t, requests.StatusAnswered, r.Status)
	assert.False(t, r.Closed.IsZero())
	sent := f.out.Sent()
	require.Len(t, sent, 1)
	require.NotNil(t, sent[0].Report)
	assert.Equal(t, preview.Text(), sent[0].Report.Text())
	assert.True(t, sent[0].Report.Processed)
	var ds []requests.Disclosure
	for d, err := range f.journal.ByRecipient(ctx, "subject:res-1") {
		require.NoError(t, err)
		ds = append(ds, d)
	}
	require.Len(t, ds, 1)
	o := owner(t)
	assert.Equal(t, o.Held(), ds[0].Categories)

	// A person the operator holds nothing about is told so.
	in := complete(t, "101", requests.Access, at(2026, 3, 2, 9, 0))
	in.SubjectID = "stranger"
	_, err = f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), in)
	require.NoError(t, err)
	_, err = f.svc.Fulfil(ctx, clerk(at(2026, 3, 3, 10, 0)), "101", requests.Answer{})
	require.NoError(t, err)
	sent = f.out.Sent()
	last := sent[len(sent)-1]
	assert.False(t, last.Report.Processed)
	assert.Contains(t, last.Body, "не обрабатывает")
}

func TestStopAndWithdraw(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), complete(t, "110", requests.Stop, at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	_, err = f.svc.Fulfil(ctx, clerk(at(2026, 3, 3, 10, 0)), "110", requests.Answer{})
	assert.ErrorIs(t, err, requests.ErrInvalid, "say what was stopped")
	r, err := f.svc.Fulfil(ctx, clerk(at(2026, 3, 3, 10, 0)), "110", requests.Answer{Text: "прекращена рассылка SMS-уведомлений"})
	require.NoError(t, err)
	assert.Equal(t, requests.StatusStopped, r.Status)

	_, err = f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), complete(t, "111", requests.Withdraw, at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	r, err = f.svc.HandOver(ctx, clerk(at(2026, 3, 3, 10, 0)), "111", []destruction.Item{{RecordID: "crm/res-1/email",
		Categories: pdata.SetOf(pdata.DataPhone), Medium: destruction.DBRecords("ИС «Жилищный учёт»", 1)}})
	require.NoError(t, err)
	assert.Equal(t, destruction.GroundConsentWithdrawn, r.Handover.Ground)
	assert.True(t, f.dir.Blocked("res-1"), "data handed over stay blocked until destroyed (art. 21 part 6)")
	// 02.03.2026 + 30 calendar days = 01.04.2026.
	assert.Equal(t, day(2026, 4, 1), r.Deadline.Date)
	assert.Equal(t, day(2026, 4, 1), f.queue.Items()[0].DestroyBy)
}

func TestRefuseNeedsApplicableReasonAndDetails(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), complete(t, "120", requests.Clarify, at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	_, err = f.svc.Refuse(ctx, clerk(at(2026, 3, 3, 10, 0)), "120", requests.RefuseOthersRights, "сведения о соседях")
	assert.ErrorIs(t, err, requests.ErrInvalid, "art. 14 part 8 does not answer a clarification")
	_, err = f.svc.Refuse(ctx, clerk(at(2026, 3, 3, 10, 0)), "120", requests.RefuseNotConfirmed, "")
	assert.ErrorIs(t, err, requests.ErrInvalid, "a refusal is motivated")
	_, err = f.svc.Refuse(ctx, clerk(at(2026, 3, 3, 10, 0)), "120", requests.RefusalReason(0), "x")
	assert.ErrorIs(t, err, requests.ErrInvalid)
	r, err := f.svc.Refuse(ctx, clerk(at(2026, 3, 3, 10, 0)), "120", requests.RefuseNotConfirmed, "представленные документы не подтверждают изменение фамилии")
	require.NoError(t, err)
	assert.Equal(t, requests.StatusRefused, r.Status)
	assert.False(t, f.dir.Blocked("res-1"), "the block ends with the check")
	n := f.out.Sent()[0]
	assert.Equal(t, requests.NoticeRefusal, n.Kind)
	assert.Contains(t, n.Body, "недостоверность персональных данных не подтверждена")
	assert.Contains(t, n.Body, "ст. 17 152-ФЗ")
}

func TestHistoryOnlyGrowsAndMomentsKeepOrder(t *testing.T) {
	f := newFixture(t)
	r, err := f.svc.Register(ctx, clerk(at(2026, 2, 20, 15, 0)), complete(t, "130", requests.Access, at(2026, 2, 20, 14, 0)))
	require.NoError(t, err)
	h1 := r.History
	_, err = f.svc.Extend(ctx, clerk(at(2026, 2, 20, 14, 59)), "130", "причины")
	assert.ErrorIs(t, err, requests.ErrInvalid, "a step cannot be dated before the last one")
	r, err = f.svc.Extend(ctx, clerk(at(2026, 3, 2, 10, 0)), "130", "причины")
	require.NoError(t, err)
	h2 := r.History
	require.Greater(t, len(h2), len(h1))
	assert.Equal(t, h1, h2[:len(h1)], "earlier entries are never rewritten")
	r, err = f.svc.Fulfil(ctx, clerk(at(2026, 3, 5, 10, 0)), "130", requests.Answer{})
	require.NoError(t, err)
	assert.Equal(t, h2, r.History[:len(h2)])
	assert.Equal(t, int64(3), r.Version)
	for i, e := range r.History {
		assert.NotEmpty(t, e.Actor, "entry %d", i)
		assert.False(t, e.At.IsZero(), "entry %d", i)
		assert.NotEmpty(t, e.Reason, "entry %d", i)
		if i > 0 {
			assert.False(t, e.At.Before(r.History[i-1].At), "entry %d is in order", i)
		}
	}
}

func TestStateErrorSpeaksRussian(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), complete(t, "140", requests.Access, at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	_, err = f.svc.Remedy(ctx, clerk(at(2026, 3, 3, 10, 0)), "140", "что-то")
	var se *requests.StateError
	require.True(t, errors.As(err, &se))
	assert.True(t, strings.HasPrefix(se.Russian(), "Обращение № 140"))
	assert.Contains(t, se.Error(), "remedy on 140")
	_, err = f.svc.Remedy(ctx, clerk(at(2026, 3, 3, 10, 0)), "nope", "что-то")
	assert.ErrorIs(t, err, requests.ErrNotFound)
}

// Policy 5.3: a third party relying on an agreement (not on a law) gets only
// what the subject's written consent allows; one relying on a law needs no
// consent.
func TestThirdPartyTransferNeedsConsent(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), fromThirdParty("92", at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	_, err = f.svc.Resolve(ctx, head(at(2026, 3, 2, 11, 0)), "92", "Предоставить")
	require.NoError(t, err)
	_, err = f.svc.Fulfil(ctx, clerk(at(2026, 3, 2, 12, 0)), "92", requests.Answer{Categories: pdata.SetOf(pdata.DataPhone),
		Purpose: transferPurpose, Warned: true})
	assert.ErrorIs(t, err, requests.ErrInvalid, "the consent does not cover the phone")
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("consent"))
	assert.Contains(t, ve.Russian(), "Запрещено")
	_, err = f.svc.Fulfil(ctx, clerk(at(2026, 3, 2, 12, 0)), "92", requests.Answer{Categories: pdata.SetOf(pdata.DataFullName),
		Purpose: "взыскание задолженности", Warned: true})
	assert.ErrorIs(t, err, requests.ErrInvalid, "nor another purpose")
	for range f.journal.BySubject(ctx, "res-1") {
		t.Error("nothing was disclosed")
	}

	law := fromThirdParty("93", at(2026, 3, 2, 9, 0))
	law.Requester.Name, law.Requester.INN, law.Requester.Agreement = "ОМВД России по Кошкинскому району", pdata.INN{}, nil
	law.Requester.LegalAuthority = "ФЗ «О полиции» ст. 13 ч. 1 п. 4"
	_, err = f.svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), law)
	require.NoError(t, err)
	_, err = f.svc.Resolve(ctx, head(at(2026, 3, 2, 11, 0)), "93", "Предоставить")
	require.NoError(t, err)
	r, err := f.svc.Fulfil(ctx, clerk(at(2026, 3, 2, 12, 0)), "93", requests.Answer{Categories: pdata.SetOf(pdata.DataFullName, pdata.DataPhone),
		Purpose: "проверка сообщения о происшествии КУСП № 512", Warned: true})
	require.NoError(t, err, "a provision of law needs no consent (policy 5.3)")
	assert.Equal(t, requests.StatusAnswered, r.Status)
	for d, err := range f.journal.ByRecipient(ctx, "ОМВД России по Кошкинскому району") {
		require.NoError(t, err)
		assert.Equal(t, pdata.Cite("ФЗ «О полиции» ст. 13 ч. 1 п. 4", "5.2, 5.3"), d.Basis)
	}

	// Without a consent register an agreement-only transfer cannot be checked and is refused.
	svc, err := requests.New(requests.Config{Operator: pdata.SampleOperator(), Store: f.store, Journal: f.journal, Audit: f.audit,
		Directory: f.dir, Notifier: f.out, Destroyer: f.queue, Access: staff})
	require.NoError(t, err)
	_, err = svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), fromThirdParty("94", at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	_, err = svc.Resolve(ctx, head(at(2026, 3, 2, 11, 0)), "94", "Предоставить")
	require.NoError(t, err)
	_, err = svc.Fulfil(ctx, clerk(at(2026, 3, 2, 12, 0)), "94", requests.Answer{Categories: pdata.SetOf(pdata.DataFullName),
		Purpose: transferPurpose, Warned: true})
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("consent_register"))
}

// 152-FZ art. 9 part 2, art. 21 part 5: a withdrawal request naming its
// consent records the withdrawal in the consent register, from the day of
// receipt; the 30 calendar days of both agree.
func TestWithdrawRecordsTheWithdrawal(t *testing.T) {
	f := newFixture(t)
	in := complete(t, "150", requests.Withdraw, at(2026, 3, 3, 9, 0))
	in.ConsentID = "C-1"
	r, err := f.svc.Register(ctx, clerk(at(2026, 3, 3, 10, 0)), in)
	require.NoError(t, err)
	// 03.03.2026 + 30 calendar days = 02.04.2026.
	assert.Equal(t, day(2026, 4, 2), r.Deadline.Date)
	e := r.History[len(r.History)-1]
	assert.Equal(t, requests.ActConsentWithdrawn, e.Action)
	assert.Equal(t, "согласие № C-1 отозвано с 03.03.2026; уничтожить данные, обрабатываемые только на его основании, до 02.04.2026", e.Reason)
	dec, err := f.consents.Decide(ctx, consent.Operation{Kind: consent.OpUse, SubjectID: "res-1", Subject: pdata.Resident,
		Purpose: transferPurpose, Categories: []pdata.DataCategory{pdata.DataFullName}, At: at(2026, 3, 4, 9, 0)})
	require.NoError(t, err)
	assert.False(t, dec.Allowed, "the consent register knows it was withdrawn")

	in.ID = "151"
	r, err = f.svc.Register(ctx, clerk(at(2026, 3, 3, 11, 0)), in)
	require.NoError(t, err, "a second withdrawal of the same consent is registered all the same")
	assert.Contains(t, r.History[len(r.History)-1].Reason, "уже отозвано ранее")

	in.ID, in.ConsentID = "152", "C-404"
	r, err = f.svc.Register(ctx, clerk(at(2026, 3, 3, 11, 0)), in)
	require.NoError(t, err, "an unknown consent does not stop the registration")
	assert.Contains(t, r.History[len(r.History)-1].Reason, "не найдено")

	in.ID, in.ConsentID, in.Kind = "153", "C-1", requests.Stop
	_, err = f.svc.Register(ctx, clerk(at(2026, 3, 3, 11, 0)), in)
	assert.ErrorIs(t, err, requests.ErrInvalid, "only a withdrawal names a consent")
}
