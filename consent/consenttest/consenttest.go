package consenttest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/period"
)

// TestStore runs the conformance suite against stores made by newStore:
//   - Get and Withdraw of a missing ID give ErrNotFound;
//   - Add then Get gives back the same consent, every field included;
//   - a duplicate ID is refused with ErrConflict and the first consent stays;
//   - a consent without an ID or subject ID is refused with ErrInvalid;
//   - a withdrawal is recorded, never erases the consent or changes anything
//     else, and a second one is refused with ErrConflict;
//   - listing by subject is complete, withdrawn consents included, in the
//     order added, and gives an empty list for an unknown subject;
//   - values handed in and out are not shared with the store;
//   - a cancelled context is honoured and stores nothing;
//   - concurrent adds, withdrawals, reads and listings are safe, and
//     exactly one of several concurrent adds of one ID succeeds.
func TestStore(t *testing.T, newStore func() consent.Store) {
	t.Helper()
	ctx := context.Background()
	if newStore == nil {
		t.Fatal("consenttest.TestStore needs a function that returns a new, empty Store; got nil")
	}
	if s := newStore(); s == nil {
		t.Fatal("newStore returned a nil Store")
	}

	t.Run("MissingID", func(t *testing.T) {
		s := newStore()
		if _, err := s.Get(ctx, "no-such-consent"); !errors.Is(err, consent.ErrNotFound) {
			t.Errorf("Get of a missing ID: got error %v, want one matching ErrNotFound", err)
		}
		if err := s.Withdraw(ctx, "no-such-consent", withdrawal(0)); !errors.Is(err, consent.ErrNotFound) {
			t.Errorf("Withdraw of a missing ID: got error %v, want one matching ErrNotFound", err)
		}
	})

	t.Run("AddGet", func(t *testing.T) {
		s := newStore()
		for i, c := range []consent.Consent{Sample("c-1", "s-1"), sampleFull("c-2", "s-1")} {
			if err := s.Add(ctx, c); err != nil {
				t.Fatalf("Add #%d: %v", i, err)
			}
			got, err := s.Get(ctx, c.ID)
			if err != nil {
				t.Fatalf("Get after Add #%d: %v", i, err)
			}
			if diff := compare(c, got); diff != "" {
				t.Errorf("Get after Add #%d returned a different consent: %s", i, diff)
			}
		}
	})

	t.Run("DuplicateID", func(t *testing.T) {
		s := newStore()
		first := Sample("c-1", "s-1")
		if err := s.Add(ctx, first); err != nil {
			t.Fatalf("Add: %v", err)
		}
		second := Sample("c-1", "s-2")
		second.Purposes = []string{"другая цель"}
		if err := s.Add(ctx, second); !errors.Is(err, consent.ErrConflict) {
			t.Errorf("Add of a duplicate ID: got error %v, want one matching ErrConflict", err)
		}
		got, err := s.Get(ctx, "c-1")
		if err != nil {
			t.Fatalf("Get: %v", err)
		}
		if diff := compare(first, got); diff != "" {
			t.Errorf("a refused duplicate changed the stored consent: %s", diff)
		}
		if l, err := s.ListBySubject(ctx, "s-2"); err != nil || len(l) != 0 {
			t.Errorf("a refused duplicate was listed for its subject: %d consents, error %v", len(l), err)
		}
	})

	t.Run("EmptyIDs", func(t *testing.T) {
		s := newStore()
		if err := s.Add(ctx, Sample("", "s-1")); !errors.Is(err, consent.ErrInvalid) {
			t.Errorf("Add without an ID: got error %v, want one matching ErrInvalid", err)
		}
		if err := s.Add(ctx, Sample("c-1", "")); !errors.Is(err, consent.ErrInvalid) {
			t.Errorf("Add without a subject ID: got error %v, want one matching ErrInvalid", err)
		}
		if _, err := s.Get(ctx, "c-1"); !errors.Is(err, consent.ErrNotFound) {
			t.Errorf("a consent refused for its empty subject ID was stored (Get error %v)", err)
		}
	})

	t.Run("WithdrawKeepsConsent", func(t *testing.T) {
		s := newStore()
		c := sampleFull("c-1", "s-1")
		if err := s.Add(ctx, c); err != nil {
			t.Fatalf("Add: %v", err)
		}
		w := withdrawal(10)
		if err := s.Withdraw(ctx, "c-1", w); err != nil {
			t.Fatalf("Withdraw: %v", err)
		}
		got, err := s.Get(ctx, "c-1")
		if err != nil {
			t.Fatalf("Get after Withdraw: %v (a withdrawal must never erase the consent)", err)
		}
		want := c
		want.Withdrawn = &w
		if diff := compare(want, got); diff != "" {
			t.Errorf("after Withdraw the consent differs from the original plus the withdrawal: %s", diff)
		}
		l, err := s.ListBySubject(ctx, "s-1")
		if err != nil || len(l) != 1 || l[0].Withdrawn == nil {
			t.Errorf("ListBySubject after Withdraw: %d consents (withdrawn: %v), error %v; want the withdrawn consent listed",
				len(l), len(l) == 1 && l[0].Withdrawn != nil, err)
		}
		second := withdrawal(20)
		if err := s.Withdraw(ctx, "c-1", second); !errors.Is(err, consent.ErrConflict) {
			t.Errorf("second Withdraw: got error %v, want one matching ErrConflict", err)
		}
		got, _ = s.Get(ctx, "c-1")
		if got.Withdrawn == nil || got.Withdrawn.Date != w.Date {
			t.Errorf("a refused second withdrawal replaced the first")
		}
	})

	t.Run("ListBySubject", func(t *testing.T) {
		s := newStore()
		var wantA []string
		for i := range 12 {
			subj := "s-b"
			if i%3 != 1 {
				subj = "s-a"
			}
			id := fmt.Sprintf("c-%02d", i)
			if err := s.Add(ctx, Sample(id, subj)); err != nil {
				t.Fatalf("Add %s: %v", id, err)
			}
			if subj == "s-a" {
				wantA = append(wantA, id)
			}
		}
		if err := s.Withdraw(ctx, wantA[2], withdrawal(5)); err != nil {
			t.Fatalf("Withdraw: %v", err)
		}
		l, err := s.ListBySubject(ctx, "s-a")
		if err != nil {
			t.Fatalf("ListBySubject: %v", err)
		}
		if got := ids(l); !reflect.DeepEqual(got, wantA) {
			t.Errorf("ListBySubject(s-a) = %v, want %v (every consent of the subject, withdrawn ones included, in the order added)", got, wantA)
		}
		for _, c := range l {
			if c.SubjectID != "s-a" {
				t.Errorf("ListBySubject(s-a) returned consent %s of subject %s", c.ID, c.SubjectID)
			}
		}
		l, err = s.ListBySubject(ctx, "nobody")
		if err != nil || len(l) != 0 {
			t.Errorf("ListBySubject of an unknown subject: %d consents, error %v; want an empty list and no error", len(l), err)
		}
	})

	t.Run("NoSharing", func(t *testing.T) {
		s := newStore()
		c := sampleFull("c-1", "s-1")
		if err := s.Add(ctx, c); err != nil {
			t.Fatalf("Add: %v", err)
		}
		orig := sampleFull("c-1", "s-1")
		c.Purposes[0] = "changed after Add"
		c.Categories[0] = pdata.DataSNILS
		c.Distribution.Resources[0] = "https://changed.example/after/add"
		got, err := s.Get(ctx, "c-1")
		if err != nil {
			t.Fatalf("Get: %v", err)
		}
		if diff := compare(orig, got); diff != "" {
			t.Errorf("changing the value passed to Add changed the stored consent: %s", diff)
		}
		got.Purposes[0] = "changed after Get"
		got.Representative.LastName = "Changed"
		l, _ := s.ListBySubject(ctx, "s-1")
		if len(l) == 1 {
			l[0].Actions[0] = consent.ActDestroy
		}
		again, err := s.Get(ctx, "c-1")
		if err != nil {
			t.Fatalf("Get: %v", err)
		}
		if diff := compare(orig, again); diff != "" {
			t.Errorf("changing a value returned by Get or ListBySubject changed the stored consent: %s", diff)
		}
	})

	t.Run("CancelledContext", func(t *testing.T) {
		s := newStore()
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := s.Add(cctx, Sample("c-1", "s-1")); !errors.Is(err, context.Canceled) {
			t.Errorf("Add with a cancelled context: got error %v, want one matching context.Canceled", err)
		}
		if _, err := s.Get(ctx, "c-1"); !errors.Is(err, consent.ErrNotFound) {
			t.Errorf("Add with a cancelled context stored the consent (Get error %v)", err)
		}
		if _, err := s.ListBySubject(cctx, "s-1"); !errors.Is(err, context.Canceled) {
			t.Errorf("ListBySubject with a cancelled context: got error %v, want one matching context.Canceled", err)
		}
	})

	t.Run("Concurrent", func(t *testing.T) {
		s := newStore()
		const workers, each = 8, 25
		var wg sync.WaitGroup
		errs := make(chan error, workers*each*4)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				subj := fmt.Sprintf("s-%d", w%2)
				for i := range each {
					id := fmt.Sprintf("c-%d-%d", w, i)
					if err := s.Add(ctx, Sample(id, subj)); err != nil {
						errs <- fmt.Errorf("Add %s: %w", id, err)
						continue
					}
					if i%5 == 0 {
						if err := s.Withdraw(ctx, id, withdrawal(i)); err != nil {
							errs <- fmt.Errorf("Withdraw %s: %w", id, err)
						}
					}
					if _, err := s.Get(ctx, id); err != nil {
						errs <- fmt.Errorf("Get %s: %w", id, err)
					}
					if _, err := s.ListBySubject(ctx, subj); err != nil {
						errs <- fmt.Errorf("ListBySubject %s: %w", subj, err)
					}
				}
			}()
		}
		var won sync.WaitGroup
		var mu sync.Mutex
		wins := 0
		for range workers {
			won.Add(1)
			go func() {
				defer won.Done()
				if err := s.Add(ctx, Sample("contested", "s-x")); err == nil {
					mu.Lock()
					wins++
					mu.Unlock()
				} else if !errors.Is(err, consent.ErrConflict) {
					errs <- fmt.Errorf("concurrent Add of one ID: %w (want nil or ErrConflict)", err)
				}
			}()
		}
		wg.Wait()
		won.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if wins != 1 {
			t.Errorf("%d of %d concurrent Adds of one ID succeeded, want exactly 1", wins, workers)
		}
		total, withdrawn := 0, 0
		for _, subj := range []string{"s-0", "s-1"} {
			l, err := s.ListBySubject(ctx, subj)
			if err != nil {
				t.Fatalf("ListBySubject: %v", err)
			}
			total += len(l)
			for _, c := range l {
				if c.Withdrawn != nil {
					withdrawn++
				}
			}
		}
		if want := workers * each; total != want {
			t.Errorf("after concurrent Adds %d consents are listed, want %d", total, want)
		}
		if want := workers * ((each + 4) / 5); withdrawn != want {
			t.Errorf("after concurrent Withdraws %d consents are withdrawn, want %d", withdrawn, want)
		}
	})
}

// Sample returns a complete, valid consent to processing from a resident,
// with invented data, under the given IDs. Hosts may use it in tests of
// their own.
func Sample(id, subjectID string) consent.Consent {
	pass, _ := pdata.ParsePassport("36 10 123456")
	pass.IssueDate = date.New(2010, 3, 15)
	pass.Issuer = "Отделением УФМС России по Самарской области в Кошкинском районе"
	pass.DivisionCode = "630-012"
	op := pdata.SampleOperator()
	return consent.Consent{
		ID:              id,
		SubjectID:       subjectID,
		SubjectCategory: pdata.Resident,
		Kind:            consent.Processing,
		Subject: consent.Person{
			LastName: "Иванова", FirstName: "Мария", Patronymic: "Петровна",
			Address:  "446800, Самарская область, Кошкинский район, село Кошки, ул. Первомайская, д. 5, кв. 12",
			Document: pass,
		},
		Operator:      consent.OperatorParty(op),
		Purposes:      []string{"управление многоквартирным домом и начисление платы за жилое помещение и коммунальные услуги"},
		Categories:    []pdata.DataCategory{pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataPropertyRights, pdata.DataPhone},
		Actions:       consent.StandardActions(),
		Method:        consent.Mixed,
		Validity:      consent.Validity{For: period.NewYMD(5, 0, 0)},
		HowToWithdraw: "письменным заявлением, поданным Оператору по адресу: " + op.Address,
		Signature:     consent.Signature{Kind: consent.Handwritten},
		Document:      consent.Document{Title: "Согласие на обработку персональных данных", Form: consent.Paper, Standalone: true},
		Given:         date.New(2025, 10, 1),
	}
}

// sampleFull fills every optional part as well, so that a store that drops a
// field is caught.
func sampleFull(id, subjectID string) consent.Consent {
	c := Sample(id, subjectID)
	rp, _ := pdata.ParsePassport("36 05 654321")
	rp.IssueDate = date.New(2005, 6, 1)
	rp.Issuer = "ОВД Кошкинского района Самарской области"
	c.Representative = &consent.Representative{
		Person: consent.Person{LastName: "Петров", FirstName: "Иван", Patronymic: "Сергеевич",
			Address: "443001, г. Самара, ул. Садовая, д. 1, кв. 2", Document: rp},
		Authority: consent.Authority{Document: "доверенность", Number: "63 АА 1234567", Date: date.New(2025, 9, 1),
			Issuer: "нотариус г. Самары Смирнова О. В.", ValidUntil: date.New(2026, 9, 1)},
	}
	c.Processor = &consent.Party{Name: "ООО «Расчётный центр»", Address: "446800, Самарская область, село Кошки, ул. Советская, д. 1"}
	c.Recipients = []consent.Party{*c.Processor}
	c.MethodNote = "в информационной системе «Квартира.Бурмистр.ру» и на бумажных носителях"
	c.Validity.Until = date.New(2030, 1, 1)
	c.Validity.Event = "до достижения целей обработки"
	phone, _ := pdata.ParsePhone("+7 927 123-45-67")
	email, _ := pdata.ParseEmail("ivanova@example.ru")
	c.Signature = consent.Signature{Kind: consent.QualifiedElectronic, Certificate: "01A2B3C4", CertificateIssuer: "АО «Удостоверяющий центр»",
		SignedAt: time.Date(2025, 10, 1, 9, 30, 0, 0, time.UTC)}
	c.Document = consent.Document{Title: "Согласие", Number: "С-17", Form: consent.Electronic, Standalone: true}
	// The distribution terms ride along only to test that a store keeps
	// them; this consent is not meant to pass Validate.
	c.Distribution = &consent.DistributionTerms{
		Contact:   consent.Contact{Phone: phone, Email: email, Postal: c.Subject.Address},
		Resources: []string{"https://pozhkh-koshki.example.ru/dolzhniki/spisok"},
		Items:     []consent.DistributionItem{{Category: pdata.DataFullName, Data: "фамилия и инициалы", Prohibitions: "запрет передачи третьим лицам"}},
		Transfer:  consent.TransferInternalNetwork,
	}
	c.ThirdParty = &consent.ThirdPartyTerms{From: *c.Processor, NotifiedOn: date.New(2025, 9, 30), How: "запрос", RefusalConsequences: "нет"}
	return c
}

func withdrawal(day int) consent.Withdrawal {
	d := date.New(2025, 11, 1) + date.Date(day)
	return consent.Withdrawal{Date: d, At: d.MidnightUTC().Add(10 * time.Hour), Document: fmt.Sprintf("заявление вх. № %d", day)}
}

func ids(l []consent.Consent) []string {
	out := make([]string, len(l))
	for i, c := range l {
		out[i] = c.ID
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// compare reports how got differs from want, or "". It ignores what a
// database round trip may legitimately change: a nil slice read back as an
// empty one, a time's location and monotonic reading.
func compare(want, got consent.Consent) string {
	w, g := normalize(want), normalize(got)
	if reflect.DeepEqual(w, g) {
		return ""
	}
	var diffs []string
	wv, gv := reflect.ValueOf(w), reflect.ValueOf(g)
	for i := range wv.NumField() {
		if !reflect.DeepEqual(wv.Field(i).Interface(), gv.Field(i).Interface()) {
			diffs = append(diffs, wv.Type().Field(i).Name)
		}
	}
	sort.Strings(diffs)
	return fmt.Sprintf("fields differ: %v", diffs)
}

func normalize(c consent.Consent) consent.Consent {
	c = c.Clone()
	nilIfEmpty(&c.Purposes)
	nilIfEmpty(&c.Categories)
	nilIfEmpty(&c.Actions)
	nilIfEmpty(&c.Recipients)
	c.Signature.SignedAt = utc(c.Signature.SignedAt)
	if c.Withdrawn != nil {
		c.Withdrawn.At = utc(c.Withdrawn.At)
	}
	if c.Distribution != nil {
		nilIfEmpty(&c.Distribution.Resources)
		nilIfEmpty(&c.Distribution.Items)
	}
	return c
}

func nilIfEmpty[T any](s *[]T) {
	if len(*s) == 0 {
		*s = nil
	}
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Round(0)
}
