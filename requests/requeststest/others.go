package requeststest

import (
	"context"
	"errors"
	"fmt"
	"github.com/pdnkit/pdnkit/internal/suite"
	"net/netip"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/rickb777/date/v2"
)

// TestJournal runs the conformance checks of the journal of disclosures
// (policy 5.3) against journals made by newJournal, which must return a new,
// empty journal each time.
func TestJournal(t *testing.T, newJournal func() requests.Journal) {
	t.Helper()
	need(t, "TestJournal", "newJournal", newJournal == nil)
	checked := func() requests.Journal {
		if j := newJournal(); j != nil {
			return checkedJournal{j}
		}
		return nil
	}
	suite.Run(t, "newJournal", checked, []suite.Case[requests.Journal]{
		{Name: "RoundTrip", Fn: journalRoundTrip},
		{Name: "Duplicate", Fn: journalDuplicate},
		{Name: "Queries", Fn: journalQueries},
		{Name: "Concurrent", Fn: journalConcurrent},
		{Name: "CancelledContext", Fn: journalCancelled},
	})
}

// SampleDisclosure returns a disclosure for the conformance checks.
func SampleDisclosure(id, subjectID, recipient string, at time.Time) requests.Disclosure {
	return requests.Disclosure{
		ID: id, RequestID: "req-" + id, SubjectID: subjectID, Recipient: recipient,
		RecipientName: "ООО «Расчётный центр»", Party: requests.ByThirdParty,
		Categories: pdata.SetOf(pdata.DataFullName, pdata.DataRegistrationAddress),
		Basis:      pdata.Cite("соглашение об информационном обмене № 5 от 05.05.2024", "5.2, 5.3"),
		Purpose:    "начисление платы за коммунальные услуги", On: date.NewAt(at.In(msk)), At: at, Warned: true, By: "staff-1",
	}
}

func normalD(d requests.Disclosure) requests.Disclosure { d.At = d.At.UTC(); return d }

func journalRoundTrip(t *testing.T, j requests.Journal) {
	ctx := context.Background()
	d := SampleDisclosure("d-1", "subj-1", "6381012349", t0)
	if err := j.Append(ctx, d); err != nil {
		t.Fatalf("Append: %v", err)
	}
	var got []requests.Disclosure
	for x, err := range j.BySubject(ctx, "subj-1") {
		if err != nil {
			t.Fatalf("BySubject: %v", err)
		}
		got = append(got, x)
	}
	if len(got) != 1 || !reflect.DeepEqual(normalD(got[0]), normalD(d)) {
		t.Errorf("BySubject after Append = %+v, want [%+v]", got, d)
	}
}

func journalDuplicate(t *testing.T, j requests.Journal) {
	ctx := context.Background()
	d := SampleDisclosure("d-1", "subj-1", "6381012349", t0)
	if err := j.Append(ctx, d); err != nil {
		t.Fatal(err)
	}
	d2 := SampleDisclosure("d-1", "subj-1", "other", t0.Add(time.Hour))
	if err := j.Append(ctx, d2); !errors.Is(err, requests.ErrConflict) {
		t.Errorf("Append with an ID already recorded: got %v, want ErrConflict", err)
	}
	n := 0
	for x, err := range j.BySubject(ctx, "subj-1") {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if x.Recipient != "6381012349" {
			t.Errorf("the duplicate rewrote the entry: recipient %q", x.Recipient)
		}
	}
	if n != 1 {
		t.Errorf("after a refused duplicate the journal holds %d entries of the subject, want 1", n)
	}
}

func journalQueries(t *testing.T, j requests.Journal) {
	ctx := context.Background()
	entries := []requests.Disclosure{
		SampleDisclosure("q-1", "A", "rkn", t0),
		SampleDisclosure("q-2", "B", "org", t0.Add(time.Hour)),
		SampleDisclosure("q-3", "A", "org", t0.Add(2*time.Hour)),
		SampleDisclosure("q-4", "C", "rkn", t0.Add(3*time.Hour)),
		SampleDisclosure("q-5", "A", "rkn", t0.Add(4*time.Hour)),
	}
	for _, d := range entries {
		if err := j.Append(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(seq func(func(requests.Disclosure, error) bool)) []string {
		var out []string
		for d, err := range seq {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, d.ID)
		}
		return out
	}
	if got := ids(j.BySubject(ctx, "A")); !slices.Equal(got, []string{"q-1", "q-3", "q-5"}) {
		t.Errorf("BySubject(A) = %v, want [q-1 q-3 q-5] in order of appending", got)
	}
	if got := ids(j.ByRecipient(ctx, "rkn")); !slices.Equal(got, []string{"q-1", "q-4", "q-5"}) {
		t.Errorf("ByRecipient(rkn) = %v, want [q-1 q-4 q-5]", got)
	}
	if got := ids(j.ByRecipient(ctx, "nobody")); len(got) != 0 {
		t.Errorf("ByRecipient(nobody) = %v, want none", got)
	}
	n := 0
	for _, err := range j.ByRecipient(ctx, "rkn") {
		if err != nil {
			t.Fatal(err)
		}
		n++
		break
	}
	if n != 1 {
		t.Errorf("ByRecipient did not stop when the consumer did")
	}
}

func journalConcurrent(t *testing.T, j requests.Journal) {
	ctx := context.Background()
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := j.Append(ctx, SampleDisclosure(fmt.Sprintf("c-%d", i), "A", "org", t0)); err != nil {
				t.Errorf("concurrent Append: %v", err)
			}
		}()
	}
	wg.Wait()
	n := 0
	for _, err := range j.BySubject(ctx, "A") {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 16 {
		t.Errorf("after 16 concurrent appends the journal holds %d entries", n)
	}
}

func journalCancelled(t *testing.T, j requests.Journal) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := j.Append(ctx, SampleDisclosure("x", "A", "org", t0)); err == nil {
		t.Errorf("Append with a cancelled context succeeded")
	}
	for d, err := range j.BySubject(context.Background(), "A") {
		if err != nil {
			t.Fatal(err)
		}
		t.Errorf("Append with a cancelled context recorded %s", d.ID)
	}
}

// TestAuditLog runs the conformance checks of the log of refused attempts
// (policy 3.8, 4.3) against logs made by newLog.
func TestAuditLog(t *testing.T, newLog func() requests.AuditLog) {
	t.Helper()
	need(t, "TestAuditLog", "newLog", newLog == nil)
	t.Run("Between", func(t *testing.T) {
		a := newLogOf(t, newLog)
		ctx := context.Background()
		appended := map[string]requests.AuditEntry{}
		for i := range 5 {
			e := requests.AuditEntry{At: t0.Add(time.Duration(i) * time.Hour), Actor: fmt.Sprintf("intruder-%d", i),
				Op: requests.OpRead, RequestID: "r-1", Reason: "нет в перечне", Basis: pdata.Cite("", "3.8, 4.3")}
			if err := a.Append(ctx, e); err != nil {
				t.Fatalf("Append: %v", err)
			}
			appended[e.Actor] = e
		}
		var got []string
		for e, err := range a.Between(ctx, t0.Add(time.Hour), t0.Add(3*time.Hour)) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, e.Actor)
			if e.Op != requests.OpRead || e.RequestID != "r-1" || e.Reason != "нет в перечне" {
				t.Errorf("entry read back changed: %+v", e)
			}
			if w, ok := appended[e.Actor]; ok && (!e.At.Equal(w.At) || e.Basis != w.Basis) {
				t.Errorf("entry read back changed: at %s, basis %q; appended at %s, basis %q", e.At, e.Basis, w.At, w.Basis)
			}
		}
		if !slices.Equal(got, []string{"intruder-1", "intruder-2"}) {
			t.Errorf("Between(t0+1h, t0+3h) = %v, want [intruder-1 intruder-2]: from inclusive, to exclusive", got)
		}
		n := 0
		for _, err := range a.Between(ctx, t0, t0.Add(24*time.Hour)) {
			if err != nil {
				t.Fatal(err)
			}
			n++
			break
		}
		if n != 1 {
			t.Errorf("Between did not stop when the consumer did")
		}
	})
	t.Run("Concurrent", func(t *testing.T) {
		a := newLogOf(t, newLog)
		ctx := context.Background()
		var wg sync.WaitGroup
		for i := range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := a.Append(ctx, requests.AuditEntry{At: t0, Actor: fmt.Sprint(i), Op: requests.OpRegister}); err != nil {
					t.Errorf("concurrent Append: %v", err)
				}
			}()
		}
		wg.Wait()
		n := 0
		for _, err := range a.Between(ctx, t0, t0.Add(time.Second)) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n != 16 {
			t.Errorf("after 16 concurrent appends the log holds %d entries", n)
		}
	})
}

// SampleSubject returns a resident for the directory checks.
func SampleSubject(id string) pdata.Subject {
	s := pdata.Subject{ID: id, Category: pdata.Resident, LastName: "Кузнецова", FirstName: "Анна", Patronymic: "Петровна",
		RegistrationAddress: "446800, Самарская обл., с. Кошки, ул. Садовая, д. 3, кв. 7"}
	if ph, err := pdata.ParsePhone("+7 927 123-45-67"); err == nil {
		s.Phone = ph
	}
	if sn, err := pdata.ParseSNILS("112-233-445 95"); err == nil {
		s.SNILS = sn
	}
	s.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataPhone, pdata.DataSNILS)
	return s
}

// TestDirectory runs the conformance checks of a subject directory against
// directories made by newDir, which must return a directory holding exactly
// the given subjects. Holds are checked when the directory implements
// requests.HoldLister.
func TestDirectory(t *testing.T, newDir func(subjects ...pdata.Subject) requests.Directory) {
	t.Helper()
	need(t, "TestDirectory", "newDir", newDir == nil)
	ctx := context.Background()
	t.Run("Subject", func(t *testing.T) {
		want := SampleSubject("s-1")
		d := newDirOf(t, newDir, want)
		got, err := d.Subject(ctx, "s-1")
		if err != nil {
			t.Fatalf("Subject: %v", err)
		}
		if got.FullName() != want.FullName() || got.SNILS.Digits() != want.SNILS.Digits() || got.Held() != want.Held() {
			t.Errorf("Subject returned a different record: held %v, want %v", got.Held().Titles(), want.Held().Titles())
		}
		if _, err := d.Subject(ctx, "nobody"); !errors.Is(err, requests.ErrNotFound) {
			t.Errorf("Subject of an unknown ID: got %v, want ErrNotFound", err)
		}
	})
	t.Run("BlockUnblock", func(t *testing.T) {
		d := newDirOf(t, newDir, SampleSubject("s-1"))
		h1 := requests.Hold{RequestID: "r-1", Since: t0, Reason: "уточнение", Basis: pdata.Cite("152-ФЗ ст. 21 ч. 1", "6.1.7")}
		h2 := requests.Hold{RequestID: "r-2", Since: t0.Add(time.Hour), Reason: "неправомерная обработка", Basis: pdata.Cite("152-ФЗ ст. 21 ч. 1", "6.1.7")}
		for _, h := range []requests.Hold{h1, h1, h2} {
			if err := d.Block(ctx, "s-1", h); err != nil {
				t.Fatalf("Block(%s): %v", h.RequestID, err)
			}
		}
		if err := d.Block(ctx, "nobody", h1); !errors.Is(err, requests.ErrNotFound) {
			t.Errorf("Block of an unknown subject: got %v, want ErrNotFound", err)
		}
		hl, lists := d.(requests.HoldLister)
		holds := func() []string {
			if !lists {
				return nil
			}
			hs, err := hl.Holds(ctx, "s-1")
			if err != nil {
				t.Fatalf("Holds: %v", err)
			}
			var ids []string
			for _, h := range hs {
				ids = append(ids, h.RequestID)
			}
			return ids
		}
		if lists && !slices.Equal(holds(), []string{"r-1", "r-2"}) {
			t.Errorf("holds after blocking r-1 twice and r-2 = %v, want [r-1 r-2]", holds())
		}
		if err := d.Unblock(ctx, "s-1", "r-1"); err != nil {
			t.Fatalf("Unblock: %v", err)
		}
		if lists && !slices.Equal(holds(), []string{"r-2"}) {
			t.Errorf("unblocking r-1 lifted other holds: %v, want [r-2]", holds())
		}
		for _, id := range []string{"r-1", "r-9"} {
			if err := d.Unblock(ctx, "s-1", id); err != nil {
				t.Errorf("Unblock of a hold that is not there (%s): %v, want nil", id, err)
			}
		}
		if err := d.Unblock(ctx, "nobody", "r-1"); err != nil {
			t.Errorf("Unblock for an unknown subject: %v, want nil", err)
		}
	})
	t.Run("Correct", func(t *testing.T) {
		d := newDirOf(t, newDir, SampleSubject("s-1"))
		c := SampleSubject("s-1")
		c.LastName = "Смирнова"
		c.ResidenceAddress = "446800, Самарская обл., с. Кошки, ул. Полевая, д. 1"
		c.SetSource(pdata.FromSubject, pdata.DataResidenceAddress)
		if err := d.Correct(ctx, c, "r-1"); err != nil {
			t.Fatalf("Correct: %v", err)
		}
		got, err := d.Subject(ctx, "s-1")
		if err != nil {
			t.Fatal(err)
		}
		if got.LastName != "Смирнова" || got.ResidenceAddress != c.ResidenceAddress {
			t.Errorf("Correct did not replace the record: %q, %q", got.LastName, got.ResidenceAddress)
		}
		c.ID = "nobody"
		if err := d.Correct(ctx, c, "r-1"); !errors.Is(err, requests.ErrNotFound) {
			t.Errorf("Correct of an unknown subject: got %v, want ErrNotFound", err)
		}
	})
	t.Run("Erase", func(t *testing.T) {
		s := SampleSubject("s-1")
		s.IP = netip.MustParseAddr("192.0.2.7")
		d := newDirOf(t, newDir, s)
		if err := d.Erase(ctx, "s-1", pdata.SetOf(pdata.DataPhone, pdata.DataSNILS), "r-1"); err != nil {
			t.Fatalf("Erase: %v", err)
		}
		got, err := d.Subject(ctx, "s-1")
		if err != nil {
			t.Fatalf("Subject after erasing two categories: %v", err)
		}
		if got.Held().Has(pdata.DataPhone) || got.Held().Has(pdata.DataSNILS) {
			t.Errorf("erased categories still held: %s", got.Held().Titles())
		}
		if !got.Held().Has(pdata.DataFullName) {
			t.Errorf("Erase removed a category it was not asked to")
		}
		if err := d.Erase(ctx, "s-1", pdata.SetOf(pdata.DataPhone), "r-1"); err != nil {
			t.Errorf("erasing again: %v, want nil", err)
		}
		if err := d.Erase(ctx, "s-1", got.Held(), "r-2"); err != nil {
			t.Fatalf("Erase of everything held: %v", err)
		}
		if _, err := d.Subject(ctx, "s-1"); !errors.Is(err, requests.ErrNotFound) {
			t.Errorf("after erasing every category the subject is still there (%v)", err)
		}
		if err := d.Erase(ctx, "nobody", pdata.SetOf(pdata.DataPhone), "r-1"); err != nil {
			t.Errorf("Erase for an unknown subject: %v, want nil", err)
		}
	})
	t.Run("Copied", func(t *testing.T) {
		// The directory keeps its own copy of what it is given and gives
		// the caller a copy of its own: a map, slice or pointer shared
		// either way would let a caller change stored data (or holds)
		// without Correct, Block or Unblock.
		check := func(when string, got pdata.Subject) {
			t.Helper()
			if got.Sources[pdata.DataPhone] != pdata.FromSubject {
				t.Errorf("%s: the stored source of the phone changed to %v", when, got.Sources[pdata.DataPhone])
			}
			if got.Passport == nil || got.Passport.Issuer != sampleIssuer {
				t.Errorf("%s: the stored passport changed: %v", when, got.Passport)
			} else if got.Passport.Digits() != "3610123456" {
				t.Errorf("%s: the stored passport number changed", when)
			}
			if len(got.Property) != 1 || got.Property[0].Premises != samplePremises {
				t.Errorf("%s: the stored property changed: %d rights", when, len(got.Property))
			}
		}
		tamper := func(s *pdata.Subject) {
			s.Sources[pdata.DataPhone] = pdata.FromThirdParty
			if s.Passport != nil {
				s.Passport.Issuer = "изменено"
			}
			if len(s.Property) > 0 {
				s.Property[0].Premises = "изменено"
			}
		}
		given := richSubject("s-1")
		d := newDirOf(t, newDir, given)
		tamper(&given)
		got, err := d.Subject(ctx, "s-1")
		if err != nil {
			t.Fatalf("Subject: %v", err)
		}
		check("after the caller changed the subject it gave newDir", got)
		tamper(&got)
		again, err := d.Subject(ctx, "s-1")
		if err != nil {
			t.Fatal(err)
		}
		check("after the caller changed the subject Subject returned", again)

		c := richSubject("s-1")
		if err := d.Correct(ctx, c, "r-1"); err != nil {
			t.Fatalf("Correct: %v", err)
		}
		tamper(&c)
		again, err = d.Subject(ctx, "s-1")
		if err != nil {
			t.Fatal(err)
		}
		check("after the caller changed the subject it passed to Correct", again)

		hl, lists := d.(requests.HoldLister)
		if !lists {
			return
		}
		h := requests.Hold{RequestID: "r-1", Since: t0, Reason: "уточнение", Basis: pdata.Cite("152-ФЗ ст. 21 ч. 1", "6.1.7")}
		if err := d.Block(ctx, "s-1", h); err != nil {
			t.Fatalf("Block: %v", err)
		}
		hs, err := hl.Holds(ctx, "s-1")
		if err != nil || len(hs) != 1 {
			t.Fatalf("Holds after one Block = %v, %v; want one hold", hs, err)
		}
		hs[0].RequestID, hs[0].Reason = "r-9", "изменено"
		hs, err = hl.Holds(ctx, "s-1")
		if err != nil {
			t.Fatal(err)
		}
		if len(hs) != 1 || hs[0].RequestID != "r-1" || hs[0].Reason != "уточнение" {
			t.Errorf("after the caller changed the holds Holds returned, the stored holds are %+v", hs)
		}
	})
}

const (
	sampleIssuer   = "ГУ МВД России по Самарской области"
	samplePremises = "446800, Самарская обл., с. Кошки, ул. Садовая, д. 3, кв. 7"
)

// richSubject is SampleSubject with a passport (a pointer) and a property
// right (a slice), for the check that a directory shares nothing with its
// callers.
func richSubject(id string) pdata.Subject {
	s := SampleSubject(id)
	if p, err := pdata.ParsePassport("36 10 123456"); err == nil {
		p.Issuer, p.DivisionCode, p.IssueDate = sampleIssuer, "630-045", date.New(2010, time.March, 15)
		s.Passport = &p
	}
	s.Property = []pdata.PropertyRight{{Kind: pdata.Ownership, Premises: samplePremises, Residents: 1}}
	s.SetSource(pdata.FromSubject, pdata.DataIdentityDocument, pdata.DataPropertyRights)
	return s
}
