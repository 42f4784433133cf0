package requests_test

import (
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snapshot is everything an operation may touch.
type snapshot struct {
	req     requests.Request
	found   bool
	holds   []requests.Hold
	subject pdata.Subject
	notices int
	journal int
}

func snap(t *testing.T, f *fixture, id string) snapshot {
	t.Helper()
	var s snapshot
	r, err := f.store.Get(ctx, id)
	if err == nil {
		s.req, s.found = r, true
	}
	s.holds, err = f.dir.Holds(ctx, "res-1")
	require.NoError(t, err)
	s.subject, err = f.dir.Subject(ctx, "res-1")
	require.NoError(t, err)
	s.notices = len(f.out.Sent())
	for range f.journal.BySubject(ctx, "res-1") {
		s.journal++
	}
	return s
}

var handItems = []destruction.Item{{RecordID: "crm/res-1/phone", Categories: pdata.SetOf(pdata.DataPhone),
	Medium: destruction.DBRecords("ИС «Жилищный учёт»", 1)}}

var approved = destruction.ActRef{ID: "a-1", Number: "1-У", Date: day(2026, 3, 4), Digest: actDigest, Approved: at(2026, 3, 4, 9, 0)}

// A failure at any step leaves the request as it was: nothing half-done,
// nothing lost. The directory's blocks and corrections are put back;
// irreversible steps that already happened (a notice sent, a journal entry,
// items selected, data erased) are safe to repeat, and the retry succeeds
// without sending anything twice.
func TestFailureLeavesRequestUnchanged(t *testing.T) {
	register := func(k requests.Kind) func(*testing.T, *fixture) {
		return func(t *testing.T, f *fixture) {
			_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 9, 30)), complete(t, "r", k, at(2026, 3, 2, 9, 0)))
			require.NoError(t, err)
		}
	}
	then := func(steps ...func(*testing.T, *fixture)) func(*testing.T, *fixture) {
		return func(t *testing.T, f *fixture) {
			for _, s := range steps {
				s(t, f)
			}
		}
	}
	handOver := func(t *testing.T, f *fixture) {
		_, err := f.svc.HandOver(ctx, clerk(at(2026, 3, 3, 9, 0)), "r", handItems)
		require.NoError(t, err)
	}
	corrected := func(t *testing.T) pdata.Subject {
		c := owner(t)
		c.LastName = "Смирнова"
		return c
	}
	tests := []struct {
		name  string
		setup func(*testing.T, *fixture)
		op    func(*testing.T, *fixture) error
		fault string
	}{
		{"register clarify, store fails", nil, func(t *testing.T, f *fixture) error {
			_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 9, 30)), complete(t, "r", requests.Clarify, at(2026, 3, 2, 9, 0)))
			return err
		}, "Store.Create"},
		{"register clarify, block fails", nil, func(t *testing.T, f *fixture) error {
			_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 9, 30)), complete(t, "r", requests.Clarify, at(2026, 3, 2, 9, 0)))
			return err
		}, "Directory.Block"},
		{"register incomplete unlawful, intake notice fails", nil, func(t *testing.T, f *fixture) error {
			in := complete(t, "r", requests.Unlawful, at(2026, 3, 2, 9, 0))
			in.Signature = requests.Unsigned
			_, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 9, 30)), in)
			return err
		}, "Notifier.Notify"},
		{"extend, store fails", register(requests.Access), func(t *testing.T, f *fixture) error {
			_, err := f.svc.Extend(ctx, clerk(at(2026, 3, 3, 10, 0)), "r", "архив")
			return err
		}, "Store.Update"},
		{"extend, notice fails", register(requests.Access), func(t *testing.T, f *fixture) error {
			_, err := f.svc.Extend(ctx, clerk(at(2026, 3, 3, 10, 0)), "r", "архив")
			return err
		}, "Notifier.Notify"},
		{"clarify, store fails", register(requests.Clarify), func(t *testing.T, f *fixture) error {
			_, err := f.svc.Clarify(ctx, clerk(at(2026, 3, 3, 10, 0)), "r", corrected(t), "свидетельство")
			return err
		}, "Store.Update"},
		{"clarify, unblock fails", register(requests.Clarify), func(t *testing.T, f *fixture) error {
			_, err := f.svc.Clarify(ctx, clerk(at(2026, 3, 3, 10, 0)), "r", corrected(t), "свидетельство")
			return err
		}, "Directory.Unblock"},
		{"clarify, notice fails", register(requests.Clarify), func(t *testing.T, f *fixture) error {
			_, err := f.svc.Clarify(ctx, clerk(at(2026, 3, 3, 10, 0)), "r", corrected(t), "свидетельство")
			return err
		}, "Notifier.Notify"},
		{"clarify, correct fails", register(requests.Clarify), func(t *testing.T, f *fixture) error {
			_, err := f.svc.Clarify(ctx, clerk(at(2026, 3, 3, 10, 0)), "r", corrected(t), "свидетельство")
			return err
		}, "Directory.Correct"},
		{"remedy, store fails", register(requests.Unlawful), func(t *testing.T, f *fixture) error {
			_, err := f.svc.Remedy(ctx, clerk(at(2026, 3, 3, 10, 0)), "r", "устранено")
			return err
		}, "Store.Update"},
		{"refuse unlawful, notice fails", register(requests.Unlawful), func(t *testing.T, f *fixture) error {
			_, err := f.svc.Refuse(ctx, clerk(at(2026, 3, 3, 10, 0)), "r", requests.RefuseLawful, "обработка законна")
			return err
		}, "Notifier.Notify"},
		{"hand over, destroyer fails", register(requests.Destroy), func(t *testing.T, f *fixture) error {
			_, err := f.svc.HandOver(ctx, clerk(at(2026, 3, 3, 9, 0)), "r", handItems)
			return err
		}, "Destroyer.Select"},
		{"hand over, store fails", register(requests.Destroy), func(t *testing.T, f *fixture) error {
			_, err := f.svc.HandOver(ctx, clerk(at(2026, 3, 3, 9, 0)), "r", handItems)
			return err
		}, "Store.Update"},
		{"confirm destruction, erase fails", then(register(requests.Unlawful), handOver), func(t *testing.T, f *fixture) error {
			_, err := f.svc.ConfirmDestruction(ctx, clerk(at(2026, 3, 4, 10, 0)), "r", approved)
			return err
		}, "Directory.Erase"},
		{"confirm destruction, unblock fails", then(register(requests.Unlawful), handOver), func(t *testing.T, f *fixture) error {
			_, err := f.svc.ConfirmDestruction(ctx, clerk(at(2026, 3, 4, 10, 0)), "r", approved)
			return err
		}, "Directory.Unblock"},
		{"confirm destruction on demand, notice fails", then(register(requests.Destroy), handOver), func(t *testing.T, f *fixture) error {
			_, err := f.svc.ConfirmDestruction(ctx, clerk(at(2026, 3, 4, 10, 0)), "r", approved)
			return err
		}, "Notifier.Notify"},
		{"fulfil access, journal fails", register(requests.Access), func(t *testing.T, f *fixture) error {
			_, err := f.svc.Fulfil(ctx, clerk(at(2026, 3, 3, 10, 0)), "r", requests.Answer{})
			return err
		}, "Journal.Append"},
		{"fulfil access, notice fails", register(requests.Access), func(t *testing.T, f *fixture) error {
			_, err := f.svc.Fulfil(ctx, clerk(at(2026, 3, 3, 10, 0)), "r", requests.Answer{})
			return err
		}, "Notifier.Notify"},
		{"fulfil access, store fails", register(requests.Access), func(t *testing.T, f *fixture) error {
			_, err := f.svc.Fulfil(ctx, clerk(at(2026, 3, 3, 10, 0)), "r", requests.Answer{})
			return err
		}, "Store.Update"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			if tt.setup != nil {
				tt.setup(t, f)
			}
			before := snap(t, f, "r")
			f.faults.set(tt.fault, errBoom)
			err := tt.op(t, f)
			require.Error(t, err)
			assert.ErrorIs(t, err, errBoom, "the cause is kept")
			after := snap(t, f, "r")
			assert.Equal(t, before.found, after.found, "registered or not, as before")
			assert.Equal(t, before.req, after.req, "the request is as it was")
			assert.Equal(t, before.holds, after.holds, "blocks are as they were")
			if tt.fault != "Directory.Erase" {
				assert.Equal(t, before.subject.LastName, after.subject.LastName, "corrections are undone")
			}
			if tt.fault == "Journal.Append" {
				assert.Equal(t, before.notices, after.notices, "the answer did not go out unrecorded")
			}

			// The retry succeeds and sends nothing twice.
			f.faults.set(tt.fault, nil)
			require.NoError(t, tt.op(t, f), "retry")
			retried := snap(t, f, "r")
			assert.True(t, retried.found)
			ids := map[string]bool{}
			for _, n := range f.out.Sent() {
				assert.False(t, ids[n.ID], "notice %s sent twice", n.ID)
				ids[n.ID] = true
			}
			assert.LessOrEqual(t, retried.journal, before.journal+1, "one journal entry per transfer")
			if retried.req.Handover != nil {
				assert.Len(t, f.queue.Items(), 1, "items selected once")
			}
		})
	}
}

// Overdue and DueSoon judge the stored deadlines against the day asked.
func TestOverdueAndDueSoon(t *testing.T) {
	f := newFixture(t)
	reg := func(id string, k requests.Kind, received requests.NewRequest) {
		_, err := f.svc.Register(ctx, clerk(received.Received.Add(1800e9)), received)
		require.NoError(t, err)
	}
	// Deadlines (see TestDue): Access from Fri 20.02.2026 → 10.03; Unlawful
	// from Mon 02.03 → Thu 05.03; Stop from Thu 30.04 → 18.05; Withdraw from
	// 02.03 → 01.04 (calendar days).
	reg("a", requests.Access, complete(t, "a", requests.Access, at(2026, 2, 20, 9, 0)))
	reg("u", requests.Unlawful, complete(t, "u", requests.Unlawful, at(2026, 3, 2, 9, 0)))
	reg("s", requests.Stop, complete(t, "s", requests.Stop, at(2026, 4, 30, 9, 0)))
	reg("w", requests.Withdraw, complete(t, "w", requests.Withdraw, at(2026, 3, 2, 9, 0)))
	reg("done", requests.Access, complete(t, "done", requests.Access, at(2026, 2, 20, 9, 0)))
	_, err := f.svc.Fulfil(ctx, clerk(at(2026, 2, 25, 9, 0)), "done", requests.Answer{})
	require.NoError(t, err)
	tp := fromThirdParty("tp", at(2026, 2, 2, 9, 0))
	reg("tp", requests.Access, tp) // no term: never overdue

	ids := func(seq func(func(requests.Summary, error) bool)) []string {
		var out []string
		for s, err := range seq {
			require.NoError(t, err)
			out = append(out, s.ID)
		}
		return out
	}
	assert.Empty(t, ids(f.svc.Overdue(ctx, day(2026, 3, 5))), "the last day itself is not overdue")
	assert.ElementsMatch(t, []string{"u"}, ids(f.svc.Overdue(ctx, day(2026, 3, 6))))
	assert.ElementsMatch(t, []string{"a", "u"}, ids(f.svc.Overdue(ctx, day(2026, 3, 11))), "the answered one is not")
	assert.ElementsMatch(t, []string{"a", "u", "w"}, ids(f.svc.Overdue(ctx, day(2026, 4, 2))))

	// On Mon 02.03.2026 within 3 working days (Tue 03, Wed 04, Thu 05): the Unlawful one.
	assert.ElementsMatch(t, []string{"u"}, ids(f.svc.DueSoon(ctx, day(2026, 3, 2), 3)))
	// Within 6 working days of 02.03 (… Mon 09.03 off … Tue 10.03): the Access one too.
	assert.ElementsMatch(t, []string{"u", "a"}, ids(f.svc.DueSoon(ctx, day(2026, 3, 2), 6)))
	assert.ElementsMatch(t, []string{"u"}, ids(f.svc.DueSoon(ctx, day(2026, 3, 5), 0)), "n = 0: due today")
	// Fri 06.03: one working day ahead is Tue 10.03 (Mon 09.03 is off); the
	// Unlawful one, due 05.03, is overdue and not repeated here.
	assert.ElementsMatch(t, []string{"a"}, ids(f.svc.DueSoon(ctx, day(2026, 3, 6), 1)))

	for _, err := range f.svc.DueSoon(ctx, day(2026, 3, 2), -1) {
		assert.ErrorIs(t, err, requests.ErrInvalid)
	}
	n := 0
	for _, err := range f.svc.DueSoon(ctx, day(2031, 3, 3), 2) {
		assert.Error(t, err, "the calendar does not cover 2031")
		n++
	}
	assert.Equal(t, 1, n)

	f.faults.set("Store.Open", errBoom)
	n = 0
	for _, err := range f.svc.Overdue(ctx, day(2026, 3, 11)) {
		assert.ErrorIs(t, err, errBoom)
		n++
	}
	assert.Equal(t, 1, n, "a store error is yielded once and ends the stream")
}
