package destructiontest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/pdnkit/pdnkit/internal/suite"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// TestStore runs the conformance checks against stores made by newStore,
// which must return a new, empty store each time it is called. Every
// misbehaviour is reported; checks are run as subtests. A nil newStore, or
// one that returns nil, fails the test.
func TestStore(t *testing.T, newStore func() destruction.Store) {
	t.Helper()
	if newStore == nil {
		t.Fatal("destructiontest: newStore is nil")
	}
	suite.Run(t, "newStore", newStore, []suite.Case[destruction.Store]{
		{Name: "CommissionRoundTrip", Fn: testCommissionRoundTrip},
		{Name: "CommissionDuplicate", Fn: testCommissionDuplicate},
		{Name: "CommissionNotFound", Fn: testCommissionNotFound},
		{Name: "CommissionCopied", Fn: testCommissionCopied},
		{Name: "ActFirstVersion", Fn: testActFirstVersion},
		{Name: "ActVersionSequence", Fn: testActVersionSequence},
		{Name: "ActNotFound", Fn: testActNotFound},
		{Name: "ActsOrder", Fn: testActsOrder},
		{Name: "ActDataCopied", Fn: testActDataCopied},
		{Name: "IteratorsStopEarly", Fn: testIteratorsStopEarly},
		{Name: "ConcurrentAppend", Fn: testConcurrentAppend},
		{Name: "CancelledContext", Fn: testCancelledContext},
	})
}

func commission(id string) destruction.Commission {
	return destruction.Commission{
		ID:    id,
		Order: destruction.Order{Number: "12-од", Date: date.New(2025, time.January, 10)},
		Chair: pdata.Official{Position: "Главный инженер", LastName: "Петров", FirstName: "Андрей", Patronymic: "Сергеевич"},
		Members: []pdata.Official{
			{Position: "Бухгалтер", LastName: "Кузнецова", FirstName: "Ольга", Patronymic: "Викторовна"},
			{Position: "Специалист по кадрам", LastName: "Смирнова", FirstName: "Елена"},
		},
	}
}

func record(id string, version int) destruction.ActRecord {
	return destruction.ActRecord{
		ID:        id,
		Version:   version,
		Kind:      destruction.DestructionAct,
		State:     destruction.StateSigning,
		Number:    "7-У/" + id,
		Date:      date.New(2025, time.March, 4),
		Replaces:  "old-" + id,
		Selection: "sel-" + id,
		Digest:    fmt.Sprintf("%064x", version),
		Data:      []byte(fmt.Sprintf(`{"id":%q,"version":%d,"text":"Акт об уничтожении"}`, id, version)),
	}
}

// sameData compares act data as JSON when both sides parse (a store may
// keep JSON in a column that reformats it), and byte for byte otherwise.
func sameData(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil {
		return reflect.DeepEqual(x, y)
	}
	return string(a) == string(b)
}

func checkRecord(t *testing.T, what string, got, want destruction.ActRecord) {
	t.Helper()
	if got.ID != want.ID || got.Version != want.Version || got.Kind != want.Kind || got.State != want.State ||
		got.Number != want.Number || got.Date != want.Date || got.Replaces != want.Replaces ||
		got.Selection != want.Selection || got.Digest != want.Digest {
		t.Errorf("%s: got record %+v, want %+v (Data aside)", what, withoutData(got), withoutData(want))
	}
	if !sameData(got.Data, want.Data) {
		t.Errorf("%s: got data %s, want %s", what, got.Data, want.Data)
	}
}

func withoutData(r destruction.ActRecord) destruction.ActRecord {
	r.Data = nil
	return r
}

func testCommissionRoundTrip(t *testing.T, s destruction.Store) {
	ctx := context.Background()
	c := commission("c1")
	if err := s.AddCommission(ctx, c); err != nil {
		t.Fatalf("AddCommission: %v", err)
	}
	got, err := s.Commission(ctx, "c1")
	if err != nil {
		t.Fatalf("Commission: %v", err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Errorf("Commission returned %+v, want %+v", got, c)
	}
}

func testCommissionDuplicate(t *testing.T, s destruction.Store) {
	ctx := context.Background()
	if err := s.AddCommission(ctx, commission("c1")); err != nil {
		t.Fatalf("AddCommission: %v", err)
	}
	other := commission("c1")
	other.Order.Number = "13-од"
	if err := s.AddCommission(ctx, other); !errors.Is(err, destruction.ErrConflict) {
		t.Errorf("second AddCommission with the same ID: got %v, want ErrConflict", err)
	}
	got, err := s.Commission(ctx, "c1")
	if err != nil {
		t.Fatalf("Commission: %v", err)
	}
	if got.Order.Number != "12-од" {
		t.Errorf("a refused AddCommission changed the stored commission: order %q", got.Order.Number)
	}
}

func testCommissionNotFound(t *testing.T, s destruction.Store) {
	if _, err := s.Commission(context.Background(), "missing"); !errors.Is(err, destruction.ErrNotFound) {
		t.Errorf("Commission of an unknown ID: got %v, want ErrNotFound", err)
	}
}

func testCommissionCopied(t *testing.T, s destruction.Store) {
	ctx := context.Background()
	c := commission("c1")
	if err := s.AddCommission(ctx, c); err != nil {
		t.Fatalf("AddCommission: %v", err)
	}
	c.Members[0].LastName = "Изменено"
	got, err := s.Commission(ctx, "c1")
	if err != nil {
		t.Fatalf("Commission: %v", err)
	}
	if got.Members[0].LastName != "Кузнецова" {
		t.Errorf("changing the caller's value after AddCommission changed the store")
	}
	got.Members[1].LastName = "Изменено"
	again, err := s.Commission(ctx, "c1")
	if err != nil {
		t.Fatalf("Commission: %v", err)
	}
	if again.Members[1].LastName != "Смирнова" {
		t.Errorf("changing a returned commission changed the store")
	}
}

func testActFirstVersion(t *testing.T, s destruction.Store) {
	ctx := context.Background()
	if err := s.AppendAct(ctx, record("a", 2)); !errors.Is(err, destruction.ErrConflict) {
		t.Errorf("AppendAct of version 2 of a new act: got %v, want ErrConflict", err)
	}
	if err := s.AppendAct(ctx, record("a", 0)); !errors.Is(err, destruction.ErrConflict) {
		t.Errorf("AppendAct of version 0: got %v, want ErrConflict", err)
	}
	if _, err := s.LatestAct(ctx, "a"); !errors.Is(err, destruction.ErrNotFound) {
		t.Errorf("a refused AppendAct stored something: LatestAct gives %v", err)
	}
	want := record("a", 1)
	if err := s.AppendAct(ctx, want); err != nil {
		t.Fatalf("AppendAct version 1: %v", err)
	}
	got, err := s.LatestAct(ctx, "a")
	if err != nil {
		t.Fatalf("LatestAct: %v", err)
	}
	checkRecord(t, "LatestAct after the first append", got, want)
	dup := record("a", 1)
	dup.Number = "другой"
	if err := s.AppendAct(ctx, dup); !errors.Is(err, destruction.ErrConflict) {
		t.Errorf("AppendAct of version 1 again: got %v, want ErrConflict", err)
	}
	got, err = s.LatestAct(ctx, "a")
	if err != nil {
		t.Fatalf("LatestAct: %v", err)
	}
	checkRecord(t, "LatestAct after a refused duplicate", got, want)
}

func testActVersionSequence(t *testing.T, s destruction.Store) {
	ctx := context.Background()
	for v := 1; v <= 3; v++ {
		if err := s.AppendAct(ctx, record("a", v)); err != nil {
			t.Fatalf("AppendAct version %d: %v", v, err)
		}
	}
	if err := s.AppendAct(ctx, record("a", 2)); !errors.Is(err, destruction.ErrConflict) {
		t.Errorf("AppendAct of a stale version 2: got %v, want ErrConflict", err)
	}
	if err := s.AppendAct(ctx, record("a", 5)); !errors.Is(err, destruction.ErrConflict) {
		t.Errorf("AppendAct skipping version 4: got %v, want ErrConflict", err)
	}
	latest, err := s.LatestAct(ctx, "a")
	if err != nil {
		t.Fatalf("LatestAct: %v", err)
	}
	checkRecord(t, "LatestAct", latest, record("a", 3))
	n := 0
	for r, err := range s.ActVersions(ctx, "a") {
		if err != nil {
			t.Fatalf("ActVersions: %v", err)
		}
		n++
		checkRecord(t, fmt.Sprintf("ActVersions[%d]", n-1), r, record("a", n))
	}
	if n != 3 {
		t.Errorf("ActVersions yielded %d versions, want 3 (versions are appended, never replaced)", n)
	}
}

func testActNotFound(t *testing.T, s destruction.Store) {
	ctx := context.Background()
	if _, err := s.LatestAct(ctx, "missing"); !errors.Is(err, destruction.ErrNotFound) {
		t.Errorf("LatestAct of an unknown act: got %v, want ErrNotFound", err)
	}
	var errs []error
	n := 0
	for _, err := range s.ActVersions(ctx, "missing") {
		n++
		errs = append(errs, err)
	}
	if n != 1 || !errors.Is(errs[0], destruction.ErrNotFound) {
		t.Errorf("ActVersions of an unknown act yielded %d values %v, want a single ErrNotFound", n, errs)
	}
	for r, err := range s.Acts(ctx) {
		t.Errorf("Acts of an empty store yielded %+v, %v", withoutData(r), err)
	}
}

func testActsOrder(t *testing.T, s destruction.Store) {
	ctx := context.Background()
	steps := []destruction.ActRecord{record("b", 1), record("a", 1), record("b", 2), record("c", 1), record("a", 2), record("a", 3)}
	for _, r := range steps {
		if err := s.AppendAct(ctx, r); err != nil {
			t.Fatalf("AppendAct %s v%d: %v", r.ID, r.Version, err)
		}
	}
	want := []destruction.ActRecord{record("b", 2), record("a", 3), record("c", 1)}
	var got []destruction.ActRecord
	for r, err := range s.Acts(ctx) {
		if err != nil {
			t.Fatalf("Acts: %v", err)
		}
		got = append(got, r)
	}
	if len(got) != len(want) {
		t.Fatalf("Acts yielded %d acts, want %d (the latest version of each, in order of first append)", len(got), len(want))
	}
	for i := range want {
		checkRecord(t, fmt.Sprintf("Acts[%d]", i), got[i], want[i])
	}
}

func testActDataCopied(t *testing.T, s destruction.Store) {
	ctx := context.Background()
	r := record("a", 1)
	want := record("a", 1)
	if err := s.AppendAct(ctx, r); err != nil {
		t.Fatalf("AppendAct: %v", err)
	}
	for i := range r.Data {
		r.Data[i] = ' '
	}
	got, err := s.LatestAct(ctx, "a")
	if err != nil {
		t.Fatalf("LatestAct: %v", err)
	}
	checkRecord(t, "after the caller changed its Data", got, want)
	for i := range got.Data {
		got.Data[i] = ' '
	}
	again, err := s.LatestAct(ctx, "a")
	if err != nil {
		t.Fatalf("LatestAct: %v", err)
	}
	checkRecord(t, "after changing returned Data", again, want)
}

func testIteratorsStopEarly(t *testing.T, s destruction.Store) {
	ctx := context.Background()
	for _, r := range []destruction.ActRecord{record("a", 1), record("a", 2), record("b", 1)} {
		if err := s.AppendAct(ctx, r); err != nil {
			t.Fatalf("AppendAct: %v", err)
		}
	}
	n := 0
	for _, err := range s.Acts(ctx) {
		if err != nil {
			t.Fatalf("Acts: %v", err)
		}
		n++
		break
	}
	for _, err := range s.ActVersions(ctx, "a") {
		if err != nil {
			t.Fatalf("ActVersions: %v", err)
		}
		n++
		break
	}
	if n != 2 {
		t.Errorf("iterators yielded %d values before break, want 2", n)
	}
	// The store still works after iterations stopped early (no lock held).
	if err := s.AppendAct(ctx, record("b", 2)); err != nil {
		t.Errorf("AppendAct after an early break: %v", err)
	}
}

func testConcurrentAppend(t *testing.T, s destruction.Store) {
	ctx := context.Background()
	const writers = 8
	var (
		wg        sync.WaitGroup
		mu        sync.Mutex
		wins      int
		conflicts int
		others    []error
	)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := record("a", 1)
			r.Number = fmt.Sprintf("writer %d", i)
			err := s.AppendAct(ctx, r)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				wins++
			case errors.Is(err, destruction.ErrConflict):
				conflicts++
			default:
				others = append(others, err)
			}
		}()
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("own-%d", i)
			if err := s.AppendAct(ctx, record(id, 1)); err != nil {
				mu.Lock()
				others = append(others, err)
				mu.Unlock()
			}
			for _, err := range s.Acts(ctx) {
				if err != nil {
					mu.Lock()
					others = append(others, err)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if wins != 1 || conflicts != writers-1 || len(others) > 0 {
		t.Errorf("%d concurrent appends of version 1: %d succeeded, %d got ErrConflict, other errors %v; want exactly one winner",
			writers, wins, conflicts, others)
	}
	n := 0
	for _, err := range s.ActVersions(ctx, "a") {
		if err != nil {
			t.Fatalf("ActVersions: %v", err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("after concurrent appends the act has %d versions, want 1", n)
	}
	count := 0
	for _, err := range s.Acts(ctx) {
		if err != nil {
			t.Fatalf("Acts: %v", err)
		}
		count++
	}
	if count != writers+1 {
		t.Errorf("Acts yielded %d acts after concurrent appends, want %d", count, writers+1)
	}
}

func testCancelledContext(t *testing.T, s destruction.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.AppendAct(ctx, record("a", 1)); !errors.Is(err, context.Canceled) {
		t.Errorf("AppendAct with a cancelled context: got %v, want context.Canceled", err)
	}
	if err := s.AddCommission(ctx, commission("c1")); !errors.Is(err, context.Canceled) {
		t.Errorf("AddCommission with a cancelled context: got %v, want context.Canceled", err)
	}
	bg := context.Background()
	if _, err := s.LatestAct(bg, "a"); !errors.Is(err, destruction.ErrNotFound) {
		t.Errorf("AppendAct with a cancelled context stored the act (LatestAct: %v)", err)
	}
	if _, err := s.Commission(bg, "c1"); !errors.Is(err, destruction.ErrNotFound) {
		t.Errorf("AddCommission with a cancelled context stored the commission (Commission: %v)", err)
	}
	if err := s.AppendAct(bg, record("b", 1)); err != nil {
		t.Fatalf("AppendAct: %v", err)
	}
	if _, err := s.LatestAct(ctx, "b"); !errors.Is(err, context.Canceled) {
		t.Errorf("LatestAct with a cancelled context: got %v, want context.Canceled", err)
	}
	for _, err := range s.Acts(ctx) {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Acts with a cancelled context yielded %v, want context.Canceled", err)
		}
	}
}
