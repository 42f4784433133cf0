package hosttest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

func day(n int) date.Date { return date.New(2025, time.January, 1) + date.Date(n) }

// Record returns a record due from day(from) for the checks.
func Record(id string, from int) host.Record {
	return host.Record{ID: id, SubjectID: "s-" + id, Kind: retention.ResidentFile, Closed: date.New(2019, time.June, 30),
		Title: "Дело " + id, Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataPhone},
		Medium: destruction.DBRecords("Жилищный учёт", 2), DestroyFrom: day(from), DestroyBy: day(from + 30)}
}

// TestRecords checks a register of records: Add and Get round-trip, a
// duplicate ID is refused, Candidates streams exactly the records due and
// neither selected nor destroyed, earliest first, across many pages and
// stopping early; MarkSelected is all or nothing; MarkDestroyed skips
// unknown IDs and refuses, all or nothing, a record destroyed already (once
// under concurrency too); a cancelled context is honoured.
func TestRecords(t *testing.T, newRecords func() host.Records) {
	t.Helper()
	ctx := context.Background()
	t.Run("RoundTrip", func(t *testing.T) {
		s := newRecords()
		r := Record("r-1", 0)
		r.Hazardous, r.PurposeAchieved = false, day(-5)
		if err := s.Add(ctx, r); err != nil {
			t.Fatalf("Add: %v", err)
		}
		got, err := s.Get(ctx, "r-1")
		if err != nil {
			t.Fatalf("Get: %v", err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Errorf("Get = %+v, want %+v", got, r)
		}
		if err := s.Add(ctx, Record("r-1", 9)); !errors.Is(err, host.ErrConflict) {
			t.Errorf("Add of an ID already stored: %v, want ErrConflict", err)
		}
		if got, _ := s.Get(ctx, "r-1"); got.DestroyFrom != day(0) {
			t.Errorf("a refused Add changed the record")
		}
		if _, err := s.Get(ctx, "nope"); !errors.Is(err, host.ErrNotFound) {
			t.Errorf("Get of an unknown ID: %v, want ErrNotFound", err)
		}
		if err := s.Add(ctx, host.Record{}); !errors.Is(err, host.ErrInvalid) {
			t.Errorf("Add without an ID: %v, want ErrInvalid", err)
		}
	})
	t.Run("Candidates", func(t *testing.T) {
		s := newRecords()
		// 700 records due on days 0..69 (ten a day, added out of order),
		// 50 not yet due, 5 without a term, 5 selected and 5 destroyed.
		var want []string
		for i := range 700 {
			id := fmt.Sprintf("due-%03d", (i*37)%700)
			from := ((i * 37) % 700) / 10
			if err := s.Add(ctx, Record(id, from)); err != nil {
				t.Fatal(err)
			}
		}
		for i := range 700 {
			want = append(want, fmt.Sprintf("due-%03d", i))
		}
		for i := range 50 {
			if err := s.Add(ctx, Record(fmt.Sprintf("later-%02d", i), 100+i)); err != nil {
				t.Fatal(err)
			}
		}
		for i := range 5 {
			r := Record(fmt.Sprintf("noterm-%d", i), 0)
			r.DestroyFrom, r.DestroyBy = date.Zero, date.Zero
			if err := s.Add(ctx, r); err != nil {
				t.Fatal(err)
			}
			for _, kind := range []string{"sel", "gone"} {
				if err := s.Add(ctx, Record(fmt.Sprintf("%s-%d", kind, i), 1)); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := s.MarkSelected(ctx, []string{"sel-0", "sel-1", "sel-2", "sel-3", "sel-4"}, "act-1"); err != nil {
			t.Fatalf("MarkSelected: %v", err)
		}
		if err := s.MarkDestroyed(ctx, []string{"gone-0", "gone-1", "gone-2", "gone-3", "gone-4"}, day(60), "act-2"); err != nil {
			t.Fatalf("MarkDestroyed: %v", err)
		}
		var got []string
		last := date.Zero
		for r, err := range s.Candidates(ctx, day(69)) {
			if err != nil {
				t.Fatalf("Candidates: %v", err)
			}
			if r.DestroyFrom < last {
				t.Errorf("Candidates out of order: %s (%s) after %s", r.ID, r.DestroyFrom, last)
			}
			last = r.DestroyFrom
			got = append(got, r.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("Candidates(day 69) gave %d records, want the %d due ones (first: %v)", len(got), len(want), got[:min(5, len(got))])
		}
		n := 0
		for _, err := range s.Candidates(ctx, day(69)) {
			if err != nil {
				t.Fatal(err)
			}
			if n++; n == 3 {
				break
			}
		}
		if n != 3 {
			t.Errorf("Candidates did not stop when the consumer did")
		}
		for r, err := range s.Candidates(ctx, day(-1)) {
			t.Errorf("Candidates before anything is due yielded %s, %v", r.ID, err)
		}
	})
	t.Run("MarkSelected", func(t *testing.T) {
		s := newRecords()
		for _, id := range []string{"a", "b", "c"} {
			if err := s.Add(ctx, Record(id, 0)); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.MarkSelected(ctx, []string{"a"}, "act-1"); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkSelected(ctx, []string{"b", "a"}, "act-2"); !errors.Is(err, host.ErrConflict) {
			t.Errorf("selecting a record already selected: %v, want ErrConflict", err)
		}
		if err := s.MarkSelected(ctx, []string{"c", "nope"}, "act-2"); !errors.Is(err, host.ErrNotFound) {
			t.Errorf("selecting an unknown record: %v, want ErrNotFound", err)
		}
		for _, id := range []string{"b", "c"} {
			if r, _ := s.Get(ctx, id); r.SelectedIn != "" {
				t.Errorf("a refused MarkSelected marked %s", id)
			}
		}
		if r, _ := s.Get(ctx, "a"); r.SelectedIn != "act-1" {
			t.Errorf("SelectedIn = %q, want act-1", r.SelectedIn)
		}
	})
	t.Run("MarkDestroyed", func(t *testing.T) {
		s := newRecords()
		for _, id := range []string{"a", "b"} {
			if err := s.Add(ctx, Record(id, 0)); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.MarkDestroyed(ctx, []string{"a", "from-a-request"}, day(10), "act-1"); err != nil {
			t.Fatalf("MarkDestroyed with an ID not in the register: %v, want nil", err)
		}
		// A second destruction of "a" is refused, and "b" beside it stays
		// as it was: all or nothing.
		for _, ids := range [][]string{{"a"}, {"b", "a"}} {
			if err := s.MarkDestroyed(ctx, ids, day(20), "act-2"); !errors.Is(err, host.ErrConflict) {
				t.Errorf("MarkDestroyed(%v) of a record destroyed already: %v, want ErrConflict", ids, err)
			}
		}
		if err := s.MarkDestroyed(ctx, []string{"a"}, day(10), "act-1"); !errors.Is(err, host.ErrConflict) {
			t.Errorf("MarkDestroyed repeated by the same act: %v, want ErrConflict", err)
		}
		r, _ := s.Get(ctx, "a")
		if r.Destroyed != day(10) || r.DestroyedBy != "act-1" {
			t.Errorf("destroyed %s by %q, want the first destruction: %s by act-1", r.Destroyed, r.DestroyedBy, day(10))
		}
		if r, _ := s.Get(ctx, "b"); r.Destroyed != date.Zero || r.DestroyedBy != "" {
			t.Errorf("a refused MarkDestroyed marked b: %s by %q", r.Destroyed, r.DestroyedBy)
		}
		if _, err := s.Get(ctx, "from-a-request"); !errors.Is(err, host.ErrNotFound) {
			t.Errorf("MarkDestroyed created a record")
		}
		// Concurrent destructions of one record: exactly one succeeds.
		if err := s.Add(ctx, Record("c", 0)); err != nil {
			t.Fatal(err)
		}
		const n = 8
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = s.MarkDestroyed(ctx, []string{"c"}, day(30), fmt.Sprint("act-c", i))
			}()
		}
		wg.Wait()
		exactlyOneWins(t, errs, "concurrent destructions of one record")
	})
	t.Run("CancelledContext", func(t *testing.T) {
		s := newRecords()
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := s.Add(cctx, Record("a", 0)); err == nil {
			t.Errorf("Add with a cancelled context succeeded")
		}
		if _, err := s.Get(ctx, "a"); !errors.Is(err, host.ErrNotFound) {
			t.Errorf("Add with a cancelled context stored the record")
		}
		saw := false
		for _, err := range s.Candidates(cctx, day(10)) {
			saw = err != nil
			break
		}
		if !saw {
			t.Errorf("Candidates with a cancelled context yielded no error")
		}
	})
}

// Item returns an item handed over for destruction.
func Item(recordID string) destruction.Item {
	return destruction.Item{RecordID: recordID, Subjects: []destruction.Subject{{ID: "s-1", Name: "Иванова Мария Петровна"}},
		Categories: pdata.SetOf(pdata.DataPhone), Medium: destruction.DBRecords("Жилищный учёт", 1),
		Ground: destruction.GroundUnlawful, Reference: "обращение вх. № R-1", DestroyFrom: day(0), DestroyBy: day(3)}
}

// TestQueue checks a destruction queue: Select keeps the first of a record
// ID, Pending streams in order, Take is all or nothing, concurrent selects
// of one record keep it once.
func TestQueue(t *testing.T, newQueue func() host.Queue) {
	t.Helper()
	ctx := context.Background()
	t.Run("SelectPendingTake", func(t *testing.T) {
		q := newQueue()
		if err := q.Select(ctx, []destruction.Item{Item("a"), Item("b")}); err != nil {
			t.Fatal(err)
		}
		dup := Item("a")
		dup.Reference = "другое"
		if err := q.Select(ctx, []destruction.Item{dup, Item("c")}); err != nil {
			t.Fatalf("Select of an item already queued: %v, want nil", err)
		}
		pending := func() []string {
			var out []string
			for it, err := range q.Pending(ctx) {
				if err != nil {
					t.Fatal(err)
				}
				if it.RecordID == "a" && it.Reference != "обращение вх. № R-1" {
					t.Errorf("a repeated Select replaced the queued item")
				}
				out = append(out, it.RecordID)
			}
			return out
		}
		if got := pending(); !slices.Equal(got, []string{"a", "b", "c"}) {
			t.Errorf("Pending = %v, want [a b c]", got)
		}
		if err := q.Take(ctx, []string{"a", "c"}, "sel-1"); err != nil {
			t.Fatal(err)
		}
		if got := pending(); !slices.Equal(got, []string{"b"}) {
			t.Errorf("Pending after Take = %v, want [b]", got)
		}
		if err := q.Take(ctx, []string{"b", "a"}, "sel-2"); !errors.Is(err, host.ErrConflict) {
			t.Errorf("Take of an item not pending: %v, want ErrConflict", err)
		}
		if got := pending(); !slices.Equal(got, []string{"b"}) {
			t.Errorf("a refused Take took items: pending %v", got)
		}
		if err := q.Select(ctx, []destruction.Item{{}}); !errors.Is(err, host.ErrInvalid) {
			t.Errorf("Select of an item without a record ID: %v, want ErrInvalid", err)
		}
	})
	t.Run("Concurrent", func(t *testing.T) {
		q := newQueue()
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := q.Select(ctx, []destruction.Item{Item("same"), Item(fmt.Sprint("own-", i))}); err != nil {
					t.Errorf("concurrent Select: %v", err)
				}
			}()
		}
		wg.Wait()
		n, same := 0, 0
		for it, err := range q.Pending(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			n++
			if it.RecordID == "same" {
				same++
			}
		}
		if n != 9 || same != 1 {
			t.Errorf("after concurrent selects: %d pending, %d of the shared record; want 9 and 1", n, same)
		}
	})
}

// TestStaff checks an access list.
func TestStaff(t *testing.T, newStaff func() host.Staff) {
	t.Helper()
	ctx := context.Background()
	s := newStaff()
	m := requests.StaffMember{ID: "clerk", Official: pdata.Official{Position: "Специалист", LastName: "Орлова", FirstName: "Анна"}}
	if _, err := s.Member(ctx, "clerk"); !errors.Is(err, host.ErrNotFound) {
		t.Errorf("Member of an empty list: %v, want ErrNotFound", err)
	}
	if err := s.Put(ctx, m); err != nil {
		t.Fatal(err)
	}
	m.Resolves = true
	m.Official.Position = "Заместитель директора"
	if err := s.Put(ctx, m); err != nil {
		t.Fatal(err)
	}
	got, err := s.Member(ctx, "clerk")
	if err != nil || got != m {
		t.Errorf("Member = %+v, %v; want %+v", got, err, m)
	}
	if _, err := s.Member(ctx, ""); !errors.Is(err, host.ErrNotFound) {
		t.Errorf("Member of the empty ID: %v, want ErrNotFound", err)
	}
}

// TestOutbox checks an outbox: a notice is kept once per ID, read back by
// request in order.
func TestOutbox(t *testing.T, newOutbox func() host.Outbox) {
	t.Helper()
	ctx := context.Background()
	o := newOutbox()
	at := time.Date(2026, time.February, 20, 10, 0, 0, 0, time.UTC)
	for i, id := range []string{"R-1/1/subject", "R-2/1/subject", "R-1/3/subject", "R-1/1/subject"} {
		n := requests.Notice{ID: id, RequestID: id[:3], Kind: requests.NoticeIntake, To: requests.BySubject,
			Title: fmt.Sprint("Уведомление ", i), Body: "текст", At: at}
		if err := o.Notify(ctx, n); err != nil {
			t.Fatalf("Notify %s: %v", id, err)
		}
	}
	var got []string
	for n, err := range o.ByRequest(ctx, "R-1") {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, n.ID+" "+n.Title)
	}
	want := []string{"R-1/1/subject Уведомление 0", "R-1/3/subject Уведомление 2"}
	if !slices.Equal(got, want) {
		t.Errorf("ByRequest(R-1) = %v, want %v (a repeated ID is dropped, the first kept)", got, want)
	}
}

// actRecord is the first version of an act, as destruction.Archive.Save
// would append it.
func actRecord(id string, kind destruction.ActKind, selection, replaces string) destruction.ActRecord {
	return destruction.ActRecord{ID: id, Version: 1, Kind: kind, State: destruction.StateDraft, Number: id,
		Date: day(40), Selection: selection, Replaces: replaces, Data: []byte(`{"id":"` + id + `"}`)}
}

// TestActs checks the host's rule on top of destruction.Store's contract
// (destructiontest.TestStore checks the contract): a selection act is
// destroyed by one destruction act (policy 9.10–9.12). A second destruction
// act naming the same selection act is ErrConflict and is not stored; an act
// superseding the first (policy 9.6) is accepted once; of concurrent
// appends, exactly one succeeds; selection acts and later versions are not
// concerned.
func TestActs(t *testing.T, newActs func() destruction.Store) {
	t.Helper()
	ctx := context.Background()
	t.Run("OneDestructionPerSelection", func(t *testing.T) {
		s := newActs()
		for _, r := range []destruction.ActRecord{
			actRecord("sel-1", destruction.SelectionAct, "", ""),
			actRecord("sel-2", destruction.SelectionAct, "", ""),
			actRecord("dest-1", destruction.DestructionAct, "sel-1", ""),
		} {
			if err := s.AppendAct(ctx, r); err != nil {
				t.Fatalf("AppendAct %s: %v", r.ID, err)
			}
		}
		if err := s.AppendAct(ctx, actRecord("dest-2", destruction.DestructionAct, "sel-1", "")); !errors.Is(err, host.ErrConflict) {
			t.Errorf("a second destruction act for sel-1: %v, want ErrConflict", err)
		}
		if _, err := s.LatestAct(ctx, "dest-2"); !errors.Is(err, host.ErrNotFound) {
			t.Errorf("the refused act was stored: %v", err)
		}
		next := actRecord("dest-1", destruction.DestructionAct, "sel-1", "")
		next.Version, next.State = 2, destruction.StateChecked
		if err := s.AppendAct(ctx, next); err != nil {
			t.Errorf("a later version of the destruction act: %v", err)
		}
		if err := s.AppendAct(ctx, actRecord("dest-3", destruction.DestructionAct, "sel-2", "")); err != nil {
			t.Errorf("the destruction act of another selection act: %v", err)
		}
		if err := s.AppendAct(ctx, actRecord("dest-1b", destruction.DestructionAct, "sel-1", "dest-1")); err != nil {
			t.Errorf("an act superseding dest-1: %v", err)
		}
		if err := s.AppendAct(ctx, actRecord("dest-1c", destruction.DestructionAct, "sel-1", "dest-1")); !errors.Is(err, host.ErrConflict) {
			t.Errorf("a second act superseding dest-1: %v, want ErrConflict", err)
		}
		if err := s.AppendAct(ctx, actRecord("dest-1d", destruction.DestructionAct, "sel-1", "dest-1b")); err != nil {
			t.Errorf("an act superseding the replacement: %v", err)
		}
	})
	t.Run("Concurrent", func(t *testing.T) {
		s := newActs()
		if err := s.AppendAct(ctx, actRecord("sel-1", destruction.SelectionAct, "", "")); err != nil {
			t.Fatal(err)
		}
		const n = 8
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = s.AppendAct(ctx, actRecord(fmt.Sprint("dest-", i), destruction.DestructionAct, "sel-1", ""))
			}()
		}
		wg.Wait()
		exactlyOneWins(t, errs, "concurrent destruction acts for one selection act")
	})
}

// exactlyOneWins checks the outcome of racing writes of which the store
// must accept one: exactly one nil, every other error ErrConflict.
func exactlyOneWins(t *testing.T, errs []error, what string) {
	t.Helper()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, host.ErrConflict):
			t.Errorf("%s: %v, want nil or ErrConflict", what, err)
		}
	}
	if ok != 1 {
		t.Errorf("%d of %d %s succeeded, want 1", ok, len(errs), what)
	}
}
