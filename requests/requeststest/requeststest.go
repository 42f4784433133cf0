package requeststest

import (
	"context"
	"errors"
	"fmt"
	"github.com/pdnkit/pdnkit/internal/suite"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/rickb777/date/v2"
)

var msk = time.FixedZone("MSK", 3*3600)

// Sample returns a valid registered request for the conformance checks: an
// access request from a representative with every optional part filled in,
// received at the given moment about the given subject. Hosts may use it in
// their own tests.
func Sample(id, subjectID string, received time.Time) requests.Request {
	var identity *pdata.Passport
	if pass, err := pdata.ParsePassport("36 10 123456"); err == nil {
		pass.IssueDate = date.New(2010, time.June, 15)
		pass.Issuer = "Отделом УФМС России по Самарской области в Кошкинском районе"
		pass.DivisionCode = "630-045"
		identity = &pass
	}
	on := date.NewAt(received.In(msk))
	return requests.Request{
		ID: id, Kind: requests.Access, SubjectID: subjectID,
		Requester: requests.Requester{
			Party: requests.ByRepresentative, Name: "Орлова Вера Павловна", Identity: identity,
			PowerOfAttorney: &requests.PowerOfAttorney{Number: "63 АА 1234567", Date: date.New(2025, time.September, 1), IssuedBy: "нотариус Кошкинского района"},
			ReplyTo:         "446800, с. Кошки, ул. Советская, д. 5, кв. 2",
		},
		Received: received, ReceivedOn: on, Channel: requests.Post, Signature: requests.Handwritten,
		Relationship: requests.Relationship{Contract: "17/У", ContractDate: date.New(2019, time.March, 4), Account: "0012345"},
		Matter:       "сведения об обработке персональных данных",
		Missing: []pdata.FieldError{{Field: "Relationship", Rule: "relationship", Basis: pdata.Cite("152-ФЗ ст. 14 ч. 3", "6.1.4"),
			Message: "nothing confirms the relationship", MessageRU: "нет сведений об отношениях с оператором"}},
		Status: requests.StatusReceived,
		Deadline: requests.Deadline{Date: on + 14, From: on, Days: 10,
			Basis: pdata.Cite("152-ФЗ ст. 14 ч. 3; ст. 20 ч. 1", "6.1.4, 7.1")},
		History: []requests.Event{{At: received.Add(time.Hour), Actor: "staff-1", Action: requests.ActRegistered,
			To: requests.StatusReceived, Reason: "зарегистрирован", Basis: pdata.Cite("152-ФЗ ст. 14 ч. 3", "6.1.4")}},
		Version: 1,
	}
}

// TestStore runs the conformance checks against stores made by newStore,
// which must return a new, empty store each time it is called. Every
// misbehaviour is reported; checks run as subtests.
func TestStore(t *testing.T, newStore func() requests.Store) {
	t.Helper()
	need(t, "TestStore", "newStore", newStore == nil)
	checked := func() requests.Store {
		if s := newStore(); s != nil {
			return checkedStore{s}
		}
		return nil
	}
	suite.Run(t, "newStore", checked, []suite.Case[requests.Store]{
		{Name: "RoundTrip", Fn: storeRoundTrip},
		{Name: "Duplicate", Fn: storeDuplicate},
		{Name: "NotFound", Fn: storeNotFound},
		{Name: "Copied", Fn: storeCopied},
		{Name: "Update", Fn: storeUpdate},
		{Name: "StaleUpdate", Fn: storeStaleUpdate},
		{Name: "HistoryNeverRewritten", Fn: storeHistoryNeverRewritten},
		{Name: "BySubject", Fn: storeBySubject},
		{Name: "Open", Fn: storeOpen},
		{Name: "OpenWhileWriting", Fn: storeOpenWhileWriting},
		{Name: "ConcurrentUpdate", Fn: storeConcurrentUpdate},
		{Name: "CancelledContext", Fn: storeCancelledContext},
	})
}

var t0 = time.Date(2026, time.February, 20, 10, 30, 0, 0, msk)

func mustCreate(t *testing.T, s requests.Store, r requests.Request) {
	t.Helper()
	if err := s.Create(context.Background(), r); err != nil {
		t.Fatalf("Create(%s): %v", r.ID, err)
	}
}

func mustGet(t *testing.T, s requests.Store, id string) requests.Request {
	t.Helper()
	r, err := s.Get(context.Background(), id)
	if err != nil {
		t.Fatalf("Get(%s): %v", id, err)
	}
	return r
}

// normal makes two requests comparable whatever the database did to time
// zones and empty slices.
func normal(r requests.Request) requests.Request {
	r.Received = r.Received.UTC()
	r.Closed = r.Closed.UTC()
	if len(r.Missing) == 0 {
		r.Missing = nil
	}
	h := make([]requests.Event, len(r.History))
	for i, e := range r.History {
		e.At = e.At.UTC()
		h[i] = e
	}
	r.History = h
	if len(h) == 0 {
		r.History = nil
	}
	if r.Extension != nil {
		x := *r.Extension
		x.Sent = x.Sent.UTC()
		r.Extension = &x
	}
	if r.Resolution != nil {
		x := *r.Resolution
		x.At = x.At.UTC()
		r.Resolution = &x
	}
	if r.Handover != nil {
		x := *r.Handover
		if len(x.Records) == 0 {
			x.Records = nil
		}
		if x.Act != nil {
			a := *x.Act
			a.Approved = a.Approved.UTC()
			x.Act = &a
		}
		r.Handover = &x
	}
	return r
}

func sameRequest(t *testing.T, what string, got, want requests.Request) {
	t.Helper()
	g, w := normal(got), normal(want)
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s: the request read back differs from the one written:\n got %+v\nwant %+v", what, g, w)
	}
}

func storeRoundTrip(t *testing.T, s requests.Store) {
	r := Sample("rt-1", "subj-1", t0)
	r.Extension = &requests.Extension{Reasons: "большой объём", Sent: t0.Add(48 * time.Hour), FirstDeadline: r.Deadline.Date}
	r.Refusal = &requests.Refusal{Reason: requests.RefuseOthersRights, Details: "сведения о соседях", Basis: requests.RefuseOthersRights.Basis()}
	r.Resolution = &requests.Resolution{By: "head", Name: "Директор Иванов И. И.", At: t0.Add(time.Hour), Text: "Предоставить"}
	r.Handover = &requests.Handover{Ground: 1, Basis: pdata.Cite("152-ФЗ ст. 21 ч. 3", "6.1.9"),
		Categories: pdata.SetOf(pdata.DataPhone, pdata.DataEmail), Records: []string{"rec-1", "rec-2"}}
	r.RepeatOf, r.RepeatReason, r.Blocked = "rt-0", "неполный ответ", true
	r.Requester.INN, _ = pdata.ParseINN("6381012349")
	r.Requester.Agreement = &requests.Agreement{Number: "5", Date: date.New(2024, time.May, 5), NonDisclosure: true}
	mustCreate(t, s, r)
	sameRequest(t, "Get after Create", mustGet(t, s, r.ID), r)
}

func storeDuplicate(t *testing.T, s requests.Store) {
	r := Sample("dup-1", "subj-1", t0)
	mustCreate(t, s, r)
	other := Sample("dup-1", "subj-2", t0.Add(time.Hour))
	if err := s.Create(context.Background(), other); !errors.Is(err, requests.ErrConflict) {
		t.Errorf("Create with an ID already stored: got %v, want ErrConflict", err)
	}
	sameRequest(t, "after a refused duplicate", mustGet(t, s, r.ID), r)
}

func storeNotFound(t *testing.T, s requests.Store) {
	if _, err := s.Get(context.Background(), "nope"); !errors.Is(err, requests.ErrNotFound) {
		t.Errorf("Get of a missing request: got %v, want ErrNotFound", err)
	}
	r := Sample("nope", "subj-1", t0)
	r.Version = 2
	if err := s.Update(context.Background(), r); !errors.Is(err, requests.ErrNotFound) {
		t.Errorf("Update of a missing request: got %v, want ErrNotFound", err)
	}
	if _, err := s.Get(context.Background(), "nope"); !errors.Is(err, requests.ErrNotFound) {
		t.Errorf("Update of a missing request created it: Get gives %v", err)
	}
}

func storeCopied(t *testing.T, s requests.Store) {
	r := Sample("copy-1", "subj-1", t0)
	want := Sample("copy-1", "subj-1", t0)
	mustCreate(t, s, r)
	// Changing what was written must not reach the store.
	r.History[0].Reason = "changed"
	r.Requester.Identity.Issuer = "changed"
	r.Missing[0].MessageRU = "changed"
	sameRequest(t, "after changing the value passed to Create", mustGet(t, s, "copy-1"), want)
	// Nor changing what was read.
	got := mustGet(t, s, "copy-1")
	got.History[0].Reason = "changed"
	got.Requester.Identity.Issuer = "changed"
	got.Requester.PowerOfAttorney.Number = "changed"
	if len(got.Missing) > 0 {
		got.Missing[0].MessageRU = "changed"
	}
	sameRequest(t, "after changing a value returned by Get", mustGet(t, s, "copy-1"), want)
}

func next(r requests.Request, to requests.Status, reason string) requests.Request {
	r.History = append(slices.Clone(r.History), requests.Event{At: r.History[len(r.History)-1].At.Add(time.Hour),
		Actor: "staff-2", Action: requests.ActAnswered, From: r.Status, To: to, Reason: reason,
		Basis: pdata.Cite("152-ФЗ ст. 14 ч. 7", "7.1")})
	r.Status = to
	r.Version++
	return r
}

func storeUpdate(t *testing.T, s requests.Store) {
	r := Sample("up-1", "subj-1", t0)
	mustCreate(t, s, r)
	r2 := next(r, requests.StatusExtended, "срок продлён")
	r2.Extension = &requests.Extension{Reasons: "архив", Sent: t0.Add(24 * time.Hour), FirstDeadline: r.Deadline.Date}
	if err := s.Update(context.Background(), r2); err != nil {
		t.Fatalf("Update to version 2: %v", err)
	}
	sameRequest(t, "after Update", mustGet(t, s, r.ID), r2)
	r3 := next(r2, requests.StatusAnswered, "ответ дан")
	r3.Closed = t0.Add(72 * time.Hour)
	if err := s.Update(context.Background(), r3); err != nil {
		t.Fatalf("Update to version 3: %v", err)
	}
	got := mustGet(t, s, r.ID)
	sameRequest(t, "after a second Update", got, r3)
	if len(got.History) != 3 {
		t.Errorf("history after two updates has %d entries, want 3", len(got.History))
	}
}

func storeStaleUpdate(t *testing.T, s requests.Store) {
	r := Sample("stale-1", "subj-1", t0)
	mustCreate(t, s, r)
	for _, v := range []int64{0, 1, 3} {
		x := next(r, requests.StatusAnswered, "ответ")
		x.Version = v
		if err := s.Update(context.Background(), x); !errors.Is(err, requests.ErrConflict) {
			t.Errorf("Update with Version %d over stored Version 1: got %v, want ErrConflict", v, err)
		}
	}
	sameRequest(t, "after refused stale updates", mustGet(t, s, r.ID), r)
}

func storeHistoryNeverRewritten(t *testing.T, s requests.Store) {
	r := Sample("hist-1", "subj-1", t0)
	r = next(r, requests.StatusReceived, "шаг 2")
	mustCreate(t, s, r) // two entries, Version 2
	// A shorter history is refused.
	short := r
	short.History = r.History[:1]
	short.Version = r.Version + 1
	if err := s.Update(context.Background(), short); !errors.Is(err, requests.ErrConflict) {
		t.Errorf("Update dropping a history entry: got %v, want ErrConflict", err)
	}
	sameRequest(t, "after a refused truncation", mustGet(t, s, r.ID), r)
	// A rewritten old entry is either refused or ignored: the stored entry stays.
	rw := next(r, requests.StatusAnswered, "шаг 3")
	rw.History[0].Reason = "переписано задним числом"
	err := s.Update(context.Background(), rw)
	got := mustGet(t, s, r.ID)
	if len(got.History) == 0 || got.History[0].Reason != r.History[0].Reason {
		t.Errorf("Update rewrote the first history entry (err %v): it now says %q", err, got.History[0].Reason)
	}
	if err == nil && len(got.History) != 3 {
		t.Errorf("Update accepted but the history has %d entries, want 3", len(got.History))
	}
}

func collect[T any](t *testing.T, seq func(func(T, error) bool)) []T {
	t.Helper()
	if seq == nil {
		t.Error("a nil iterator was returned: return an empty stream instead")
		return nil
	}
	var out []T
	for v, err := range seq {
		if err != nil {
			t.Errorf("stream error: %v", err)
			break
		}
		out = append(out, v)
	}
	return out
}

func storeBySubject(t *testing.T, s requests.Store) {
	ctx := context.Background()
	// Created out of receipt order.
	mustCreate(t, s, Sample("bs-2", "subj-A", t0.Add(48*time.Hour)))
	mustCreate(t, s, Sample("bs-1", "subj-A", t0))
	mustCreate(t, s, Sample("bs-x", "subj-B", t0.Add(time.Hour)))
	mustCreate(t, s, Sample("bs-3", "subj-A", t0.Add(96*time.Hour)))
	var ids []string
	for _, r := range collect[requests.Request](t, s.BySubject(ctx, "subj-A")) {
		ids = append(ids, r.ID)
		if r.SubjectID != "subj-A" {
			t.Errorf("BySubject(subj-A) returned %s about %s", r.ID, r.SubjectID)
		}
	}
	if !slices.Equal(ids, []string{"bs-1", "bs-2", "bs-3"}) {
		t.Errorf("BySubject(subj-A) = %v, want [bs-1 bs-2 bs-3] (oldest receipt first)", ids)
	}
	if got := collect[requests.Request](t, s.BySubject(ctx, "nobody")); len(got) != 0 {
		t.Errorf("BySubject of an unknown subject returned %d requests", len(got))
	}
	n := 0
	for _, err := range s.BySubject(ctx, "subj-A") {
		if err != nil {
			t.Fatalf("BySubject: %v", err)
		}
		n++
		break
	}
	if n != 1 {
		t.Errorf("BySubject did not stop when the consumer did")
	}
	// The returned request is the caller's.
	for r, err := range s.BySubject(ctx, "subj-B") {
		if err != nil {
			t.Fatal(err)
		}
		r.History[0].Reason = "changed"
	}
	if got := mustGet(t, s, "bs-x"); got.History[0].Reason == "changed" {
		t.Errorf("changing a request from BySubject changed the stored one")
	}
}

func storeOpen(t *testing.T, s requests.Store) {
	ctx := context.Background()
	want := map[string]requests.Summary{}
	for i := range 600 { // more than a page of most implementations
		r := Sample(fmt.Sprintf("open-%03d", i), fmt.Sprintf("subj-%d", i%7), t0.Add(time.Duration(i)*time.Minute))
		switch i % 4 {
		case 1:
			r.Status = requests.StatusExtended
		case 2:
			r.Status = requests.StatusAwaitingDestruction
		case 3:
			r.Status = requests.StatusAnswered
		}
		mustCreate(t, s, r)
		if r.Status.Open() {
			want[r.ID] = r.Summary()
		}
	}
	got := map[string]requests.Summary{}
	for sum, err := range s.Open(ctx) {
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		if _, dup := got[sum.ID]; dup {
			t.Errorf("Open yielded %s twice", sum.ID)
		}
		got[sum.ID] = sum
	}
	if len(got) != len(want) {
		t.Errorf("Open yielded %d requests, want the %d open ones", len(got), len(want))
	}
	for id, w := range want {
		if g, ok := got[id]; !ok {
			t.Errorf("Open missed open request %s", id)
		} else if !reflect.DeepEqual(g, w) {
			t.Errorf("Open summary of %s = %+v, want %+v", id, g, w)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("Open yielded %s, which is closed", id)
		}
	}
	// Closing a request takes it out.
	r := mustGet(t, s, "open-000")
	if err := s.Update(ctx, next(r, requests.StatusAnswered, "ответ")); err != nil {
		t.Fatal(err)
	}
	for sum, err := range s.Open(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if sum.ID == "open-000" {
			t.Errorf("Open still yields a request after it was closed")
		}
	}
	n := 0
	for _, err := range s.Open(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("Open did not stop when the consumer did")
	}
}

// A consumer may write to the store while ranging over Open (a dashboard
// that escalates as it goes): that must neither deadlock nor fail.
func storeOpenWhileWriting(t *testing.T, s requests.Store) {
	ctx := context.Background()
	for i := range 20 {
		mustCreate(t, s, Sample(fmt.Sprintf("ow-%02d", i), "subj-1", t0.Add(time.Duration(i)*time.Minute)))
	}
	done := make(chan error, 1)
	go func() {
		i := 0
		for sum, err := range s.Open(ctx) {
			if err != nil {
				done <- err
				return
			}
			r, err := s.Get(ctx, sum.ID)
			if err != nil {
				done <- err
				return
			}
			if err := s.Update(ctx, next(r, requests.StatusAnswered, "ответ")); err != nil {
				done <- err
				return
			}
			if err := s.Create(ctx, Sample(fmt.Sprintf("ow-new-%02d", i), "subj-2", t0)); err != nil {
				done <- err
				return
			}
			i++
		}
		done <- nil
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("writing while ranging over Open: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("writing while ranging over Open deadlocked")
	}
}

func storeConcurrentUpdate(t *testing.T, s requests.Store) {
	ctx := context.Background()
	r := Sample("cc-1", "subj-1", t0)
	mustCreate(t, s, r)
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.Update(ctx, next(r, requests.StatusAnswered, fmt.Sprintf("writer %d", i)))
		}()
	}
	// Concurrent creates of distinct requests all succeed.
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.Create(ctx, Sample(fmt.Sprintf("cc-new-%d", i), "subj-2", t0)); err != nil {
				t.Errorf("concurrent Create: %v", err)
			}
		}()
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, requests.ErrConflict):
			t.Errorf("a losing concurrent Update got %v, want ErrConflict", err)
		}
	}
	if won != 1 {
		t.Errorf("%d concurrent updates of the same version succeeded, want exactly 1", won)
	}
	if got := mustGet(t, s, "cc-1"); got.Version != 2 || len(got.History) != 2 {
		t.Errorf("after concurrent updates: Version %d with %d history entries, want 2 and 2", got.Version, len(got.History))
	}
}

func storeCancelledContext(t *testing.T, s requests.Store) {
	mustCreate(t, s, Sample("ctx-1", "subj-1", t0))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Create(ctx, Sample("ctx-2", "subj-1", t0)); err == nil {
		t.Errorf("Create with a cancelled context succeeded")
	}
	if _, err := s.Get(context.Background(), "ctx-2"); !errors.Is(err, requests.ErrNotFound) {
		t.Errorf("Create with a cancelled context stored the request (Get: %v)", err)
	}
	if _, err := s.Get(ctx, "ctx-1"); err == nil {
		t.Errorf("Get with a cancelled context succeeded")
	}
	sawErr := false
	for _, err := range s.Open(ctx) {
		if err != nil {
			sawErr = true
			break
		}
	}
	if !sawErr {
		t.Errorf("Open with a cancelled context yielded no error")
	}
	sawErr = false
	for _, err := range s.BySubject(ctx, "subj-1") {
		if err != nil {
			sawErr = true
			break
		}
	}
	if !sawErr {
		t.Errorf("BySubject with a cancelled context yielded no error")
	}
}
