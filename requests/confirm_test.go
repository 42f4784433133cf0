package requests_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// awaitingDestruction registers a demand to destroy (received Mon
// 02.03.2026) and hands the subject's phone and SNILS over on Tue 03.03.2026.
func awaitingDestruction(t *testing.T, f *fixture, svc *requests.Service) {
	t.Helper()
	_, err := svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), complete(t, "d", requests.Destroy, at(2026, 3, 2, 9, 0)))
	require.NoError(t, err)
	_, err = svc.HandOver(ctx, clerk(at(2026, 3, 3, 10, 0)), "d", []destruction.Item{
		{RecordID: "crm/res-1/phone", Categories: pdata.SetOf(pdata.DataPhone), Medium: destruction.DBRecords("ИС «Жилищный учёт»", 1)},
		{RecordID: "paper/res-1/snils", Categories: pdata.SetOf(pdata.DataSNILS), Medium: destruction.Paper("копия СНИЛС", 1)},
	})
	require.NoError(t, err)
	require.Len(t, f.queue.Items(), 2)
}

// requireNothingDestroyed checks that a refused confirmation changed
// nothing: the request still waits, the data are there and blocked, and
// nobody was told.
func requireNothingDestroyed(t *testing.T, f *fixture, sent int) {
	t.Helper()
	r, err := f.store.Get(ctx, "d")
	require.NoError(t, err)
	assert.Equal(t, requests.StatusAwaitingDestruction, r.Status)
	assert.Nil(t, r.Handover.Act)
	s, err := f.dir.Subject(ctx, "res-1")
	require.NoError(t, err)
	assert.False(t, s.Phone.IsZero(), "the phone is not erased")
	assert.True(t, f.dir.Blocked("res-1"), "the data stay blocked (152-FZ art. 21 part 6)")
	assert.Len(t, f.out.Sent(), sent, "nobody is told of a destruction that is not proven")
}

// 152-FZ art. 21 part 7; policy 9.6, 9.8, 9.12: data are destroyed on an
// approved act, sealed by its digest. A made-up or incomplete reference
// does not close the request nor erase the data.
//
// Handed over Tue 03.03.2026; the operation is on Thu 05.03.2026 16:00.
func TestConfirmDestructionRefusesMalformedRef(t *testing.T) {
	good := destruction.ActRef{ID: "a-1", Number: "1-У", Date: day(2026, 3, 5), Digest: actDigest, Approved: at(2026, 3, 5, 15, 0)}
	with := func(change func(*destruction.ActRef)) destruction.ActRef { r := good; change(&r); return r }
	tests := []struct {
		name        string
		ref         destruction.ActRef
		field, rule string
	}{
		{"the reviewer's made-up ref", destruction.ActRef{ID: "fake", Number: "x", Date: day(2026, 3, 5), Approved: at(2026, 3, 5, 15, 0)}, "Act.Digest", "act_digest"},
		{"no ID", with(func(r *destruction.ActRef) { r.ID = " " }), "Act.ID", "approved_act"},
		{"no number", with(func(r *destruction.ActRef) { r.Number = "" }), "Act.Number", "approved_act"},
		{"no date", with(func(r *destruction.ActRef) { r.Date = date.Zero }), "Act.Date", "approved_act"},
		{"not approved", with(func(r *destruction.ActRef) { r.Approved = time.Time{} }), "Act.Approved", "approved_act"},
		{"no digest", with(func(r *destruction.ActRef) { r.Digest = "" }), "Act.Digest", "act_digest"},
		{"digest in upper case", with(func(r *destruction.ActRef) { r.Digest = strings.ToUpper(actDigest) }), "Act.Digest", "act_digest"},
		{"digest too short", with(func(r *destruction.ActRef) { r.Digest = actDigest[:63] }), "Act.Digest", "act_digest"},
		{"digest not hex", with(func(r *destruction.ActRef) { r.Digest = "g" + actDigest[1:] }), "Act.Digest", "act_digest"},
		// Approved 04.03 for an act drawn up on 05.03.
		{"approved before the act's date", with(func(r *destruction.ActRef) { r.Approved = at(2026, 3, 4, 15, 0) }), "Act.Approved", "act_approved"},
		// The operation is at 16:00; the approval claims 17:00.
		{"approved after the operation", with(func(r *destruction.ActRef) { r.Approved = at(2026, 3, 5, 17, 0) }), "Act.Approved", "act_approved"},
		{"dated after the operation", with(func(r *destruction.ActRef) {
			r.Date, r.Approved = day(2026, 3, 6), at(2026, 3, 5, 15, 0)
		}), "Act.Date", "act_date"},
		// Handed over 03.03: an act of 02.03 cannot have destroyed the data.
		{"dated before the handover", with(func(r *destruction.ActRef) {
			r.Date, r.Approved = day(2026, 3, 2), at(2026, 3, 2, 15, 0)
		}), "Act.Date", "act_date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			awaitingDestruction(t, f, f.svc)
			sent := len(f.out.Sent())
			r, err := f.svc.ConfirmDestruction(ctx, clerk(at(2026, 3, 5, 16, 0)), "d", tt.ref)
			require.ErrorIs(t, err, requests.ErrInvalid)
			var ve *pdata.ValidationError
			require.ErrorAs(t, err, &ve)
			fe, ok := ve.Field(tt.field)
			require.True(t, ok, "no error on %s in %v", tt.field, ve)
			assert.Equal(t, tt.rule, fe.Rule)
			assert.Equal(t, "152-ФЗ ст. 21 ч. 7", fe.Basis.Law)
			assert.NotEmpty(t, fe.Message)
			assert.NotEmpty(t, fe.MessageRU)
			assert.Empty(t, r.ID)
			requireNothingDestroyed(t, f, sent)
		})
	}
	t.Run("well formed", func(t *testing.T) {
		f := newFixture(t)
		awaitingDestruction(t, f, f.svc)
		r, err := f.svc.ConfirmDestruction(ctx, clerk(at(2026, 3, 5, 16, 0)), "d", good)
		require.NoError(t, err, "without an archive to look in, a complete reference is accepted")
		assert.Equal(t, requests.StatusDestroyed, r.Status)
	})
}

// archiveDestroyer is a host's Destroyer that also reads acts back from its
// destruction archive (it has *destruction.Archive's Act method).
type archiveDestroyer struct {
	*requests.SelectionQueue
	*destruction.Archive
}

// sealedActs runs the commission's procedure (policy 9.4–9.12) over items:
// a selection act of Wed 04.03.2026 and a destruction act of Thu 05.03.2026,
// both signed by every member, the selection act approved by the head and
// the destruction act too when approve is set; both are saved in ar.
func sealedActs(t *testing.T, ar *destruction.Archive, suffix string, items []destruction.Item, approve bool) (sel, act *destruction.Act) {
	t.Helper()
	op := pdata.SampleOperator()
	com := destruction.Commission{ID: "com-1", Order: destruction.Order{Number: "2-од", Date: day(2026, 1, 12)},
		Chair:   pdata.Official{Position: "Главный инженер", LastName: "Петров", FirstName: "Андрей", Patronymic: "Сергеевич"},
		Members: []pdata.Official{{Position: "Главный бухгалтер", LastName: "Орлова", FirstName: "Ольга", Patronymic: "Викторовна"}}}
	place := "с. Кошки, кабинет 5"
	signAll := func(a *destruction.Act, d int) {
		for i, m := range com.All() {
			require.NoError(t, a.Sign(m, at(2026, 3, d, 12, i)))
		}
	}
	sel, err := destruction.NewSelectionAct(destruction.Header{ID: "sel-" + suffix, Number: suffix + "-О", Date: day(2026, 3, 4), Place: place}, op, com)
	require.NoError(t, err)
	require.NoError(t, sel.Add(items...))
	require.NoError(t, sel.CheckAll(at(2026, 3, 4, 10, 0)))
	require.NoError(t, sel.SealMedia(com.Chair, at(2026, 3, 4, 10, 30)))
	signAll(sel, 4)
	require.NoError(t, sel.Approve(op.Head, at(2026, 3, 4, 14, 0)))
	act, err = destruction.NewDestructionAct(destruction.Header{ID: "act-" + suffix, Number: suffix + "-У", Date: day(2026, 3, 5), Place: place}, sel)
	require.NoError(t, err)
	require.NoError(t, act.CheckAll(at(2026, 3, 5, 9, 30)))
	require.NoError(t, act.RecordDestruction(destruction.Destruction{At: at(2026, 3, 5, 10, 0), Place: place, Present: com.All()}))
	signAll(act, 5)
	if approve {
		require.NoError(t, act.Approve(op.Head, at(2026, 3, 5, 15, 0)))
	}
	require.NoError(t, ar.Save(ctx, sel))
	require.NoError(t, ar.Save(ctx, act))
	return sel, act
}

// 152-FZ art. 21 part 7; policy 9.8, 9.12: when the host's Destroyer can
// look acts up, the reference must name an archived, approved destruction
// act, match it field for field, and list every record the request handed
// over; only then are the data erased.
func TestConfirmDestructionChecksTheArchivedAct(t *testing.T) {
	setup := func(t *testing.T) (*fixture, *requests.Service, *destruction.Archive) {
		f := newFixture(t)
		ar := destruction.NewArchive(destruction.NewMemStore())
		svc, err := requests.New(requests.Config{Operator: pdata.SampleOperator(), Store: f.store, Journal: f.journal, Audit: f.audit,
			Directory: f.dir, Notifier: f.out, Destroyer: f.queue, Access: staff, Acts: ar})
		require.NoError(t, err)
		awaitingDestruction(t, f, svc)
		return f, svc, ar
	}
	when := clerk(at(2026, 3, 5, 16, 0))

	t.Run("the approved destruction act", func(t *testing.T) {
		f, svc, ar := setup(t)
		_, act := sealedActs(t, ar, "1", f.queue.Items(), true)
		r, err := svc.ConfirmDestruction(ctx, when, "d", act.Ref())
		require.NoError(t, err)
		assert.Equal(t, requests.StatusDestroyed, r.Status)
		assert.Equal(t, act.Ref(), *r.Handover.Act)
		s, err := f.dir.Subject(ctx, "res-1")
		require.NoError(t, err)
		assert.True(t, s.Phone.IsZero())
		assert.True(t, s.SNILS.IsZero())
	})

	tests := []struct {
		name        string
		ref         func(t *testing.T, f *fixture, ar *destruction.Archive) destruction.ActRef
		field, rule string
	}{
		{"the reviewer's act, well formed but not archived", func(t *testing.T, f *fixture, ar *destruction.Archive) destruction.ActRef {
			sealedActs(t, ar, "1", f.queue.Items(), true)
			return destruction.ActRef{ID: "fake", Number: "x", Date: day(2026, 3, 5), Digest: actDigest, Approved: at(2026, 3, 5, 15, 0)}
		}, "Act.ID", "act_not_found"},
		{"a selection act", func(t *testing.T, f *fixture, ar *destruction.Archive) destruction.ActRef {
			sel, _ := sealedActs(t, ar, "1", f.queue.Items(), true)
			return sel.Ref()
		}, "Act", "destruction_act"},
		{"another number", func(t *testing.T, f *fixture, ar *destruction.Archive) destruction.ActRef {
			_, act := sealedActs(t, ar, "1", f.queue.Items(), true)
			ref := act.Ref()
			ref.Number = "99-У"
			return ref
		}, "Act", "act_mismatch"},
		{"another digest", func(t *testing.T, f *fixture, ar *destruction.Archive) destruction.ActRef {
			_, act := sealedActs(t, ar, "1", f.queue.Items(), true)
			ref := act.Ref()
			ref.Digest = actDigest
			return ref
		}, "Act", "act_mismatch"},
		{"an act not yet approved, claimed approved", func(t *testing.T, f *fixture, ar *destruction.Archive) destruction.ActRef {
			_, act := sealedActs(t, ar, "1", f.queue.Items(), false)
			ref := act.Ref()
			ref.Approved = at(2026, 3, 5, 15, 0)
			return ref
		}, "Act", "approved_act"},
		{"an act that destroyed only the phone", func(t *testing.T, f *fixture, ar *destruction.Archive) destruction.ActRef {
			_, act := sealedActs(t, ar, "1", f.queue.Items()[:1], true)
			return act.Ref()
		}, "Act", "act_records"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, svc, ar := setup(t)
			ref := tt.ref(t, f, ar)
			sent := len(f.out.Sent())
			_, err := svc.ConfirmDestruction(ctx, when, "d", ref)
			require.ErrorIs(t, err, requests.ErrInvalid)
			var ve *pdata.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.True(t, ve.Has(tt.rule), "rule %s in %v", tt.rule, ve)
			_, ok := ve.Field(tt.field)
			assert.True(t, ok, "field %s in %v", tt.field, ve)
			assert.NotEmpty(t, ve.Russian())
			requireNothingDestroyed(t, f, sent)
		})
	}
}

// A Destroyer that also reads acts back serves as the archive when
// Config.Acts is not set: the made-up act of the review is not found.
func TestConfirmDestructionDestroyerAsArchive(t *testing.T) {
	f := newFixture(t)
	ar := destruction.NewArchive(destruction.NewMemStore())
	svc, err := requests.New(requests.Config{Operator: pdata.SampleOperator(), Store: f.store, Journal: f.journal, Audit: f.audit,
		Directory: f.dir, Notifier: f.out, Destroyer: archiveDestroyer{f.queue, ar}, Access: staff})
	require.NoError(t, err)
	awaitingDestruction(t, f, svc)
	sealedActs(t, ar, "1", f.queue.Items(), true)
	fake := destruction.ActRef{ID: "fake", Number: "x", Date: day(2026, 3, 5), Digest: actDigest, Approved: at(2026, 3, 5, 15, 0)}
	_, err = svc.ConfirmDestruction(ctx, clerk(at(2026, 3, 5, 16, 0)), "d", fake)
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("act_not_found"), "%v", ve)
}
