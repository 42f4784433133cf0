package requests_test

import (
	"context"
	"errors"
	"iter"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/requests/requeststest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The house rule «no panics on input»: a Service not built by New (the zero
// value, or a nil pointer a caller kept after New failed) answers every call
// with an error wrapping ErrInvalid, in English and Russian, instead of a nil
// dereference; so does a nil context.
func TestServiceNotBuiltByNewRefuses(t *testing.T) {
	by := clerk(at(2026, 3, 2, 10, 0))
	calls := map[string]func(*requests.Service, context.Context) error{
		"Register": func(s *requests.Service, ctx context.Context) error {
			_, err := s.Register(ctx, by, complete(t, "1", requests.Access, at(2026, 3, 2, 9, 0)))
			return err
		},
		"Get": func(s *requests.Service, ctx context.Context) error { _, err := s.Get(ctx, by, "1"); return err },
		"AccessReport": func(s *requests.Service, ctx context.Context) error {
			_, err := s.AccessReport(ctx, by, "1")
			return err
		},
		"Extend": func(s *requests.Service, ctx context.Context) error {
			_, err := s.Extend(ctx, by, "1", "нужно время")
			return err
		},
		"DocumentsArrived": func(s *requests.Service, ctx context.Context) error {
			_, err := s.DocumentsArrived(ctx, by, "1", day(2026, 3, 2), "копия договора")
			return err
		},
		"Resolve": func(s *requests.Service, ctx context.Context) error {
			_, err := s.Resolve(ctx, by, "1", "Предоставить")
			return err
		},
		"Clarify": func(s *requests.Service, ctx context.Context) error {
			_, err := s.Clarify(ctx, by, "1", owner(t), "копия свидетельства")
			return err
		},
		"Remedy": func(s *requests.Service, ctx context.Context) error {
			_, err := s.Remedy(ctx, by, "1", "удалено")
			return err
		},
		"HandOver": func(s *requests.Service, ctx context.Context) error {
			_, err := s.HandOver(ctx, by, "1", []destruction.Item{{RecordID: "x"}})
			return err
		},
		"ConfirmDestruction": func(s *requests.Service, ctx context.Context) error {
			_, err := s.ConfirmDestruction(ctx, by, "1", destruction.ActRef{})
			return err
		},
		"Refuse": func(s *requests.Service, ctx context.Context) error {
			_, err := s.Refuse(ctx, by, "1", requests.RefuseLawful, "проверка")
			return err
		},
		"Fulfil": func(s *requests.Service, ctx context.Context) error {
			_, err := s.Fulfil(ctx, by, "1", requests.Answer{Text: "прекращено"})
			return err
		},
		"Overdue": func(s *requests.Service, ctx context.Context) error { return firstErr(s.Overdue(ctx, day(2026, 3, 2))) },
		"DueSoon": func(s *requests.Service, ctx context.Context) error {
			return firstErr(s.DueSoon(ctx, day(2026, 3, 2), 3))
		},
	}
	var nilService *requests.Service
	var nilCtx context.Context
	services := map[string]struct {
		svc  *requests.Service
		ctx  context.Context
		rule string
	}{
		"zero Service": {&requests.Service{}, context.Background(), "not_configured"},
		"nil *Service": {nilService, context.Background(), "not_configured"},
		"nil context":  {newFixture(t).svc, nilCtx, "required"},
		"both are nil": {nilService, nilCtx, "not_configured"},
	}
	for sname, sv := range services {
		for name, call := range calls {
			t.Run(sname+"/"+name, func(t *testing.T) {
				var err error
				require.NotPanics(t, func() { err = call(sv.svc, sv.ctx) })
				require.ErrorIs(t, err, requests.ErrInvalid)
				var ve *pdata.ValidationError
				require.ErrorAs(t, err, &ve)
				assert.True(t, ve.Has(sv.rule), "rule %q in %v", sv.rule, ve)
				assert.NotEmpty(t, ve.Russian())
			})
		}
	}
	assert.Nil(t, nilService.Calendar())
	assert.Nil(t, (&requests.Service{}).Calendar())
}

func firstErr[T any](seq iter.Seq2[T, error]) error {
	for _, err := range seq {
		if err != nil {
			return err
		}
	}
	return nil
}

// EraseCategories has no error to return: a nil record holds nothing to
// erase, and is left alone rather than dereferenced.
func TestEraseCategoriesNil(t *testing.T) {
	require.NotPanics(t, func() { requests.EraseCategories(nil, pdata.SetOf(pdata.DataPhone, pdata.DataSNILS)) })
	s := owner(t)
	requests.EraseCategories(&s, pdata.SetOf(pdata.DataPhone))
	assert.True(t, s.Phone.IsZero())
	assert.False(t, s.SNILS.IsZero(), "only the categories named are erased")
}

// The zero values of the in-memory implementations are ready to use, like a
// zero sync.Mutex: each passes its conformance suite.
func TestMemoryZeroValues(t *testing.T) {
	t.Run("MemoryStore", func(t *testing.T) {
		requeststest.TestStore(t, func() requests.Store { return &requests.MemoryStore{} })
	})
	t.Run("MemoryJournal", func(t *testing.T) {
		requeststest.TestJournal(t, func() requests.Journal { return &requests.MemoryJournal{} })
	})
	t.Run("MemoryAuditLog", func(t *testing.T) {
		requeststest.TestAuditLog(t, func() requests.AuditLog { return &requests.MemoryAuditLog{} })
	})
	t.Run("MemoryDirectory", func(t *testing.T) {
		requeststest.TestDirectory(t, func(s ...pdata.Subject) requests.Directory {
			d := &requests.MemoryDirectory{}
			for _, x := range s {
				d.Put(x)
			}
			return d
		})
	})
	t.Run("SelectionQueue and Outbox", func(t *testing.T) {
		var q requests.SelectionQueue
		require.NoError(t, q.Select(ctx, []destruction.Item{{RecordID: "r-1"}}))
		assert.Len(t, q.Items(), 1)
		var o requests.Outbox
		require.NoError(t, o.Notify(ctx, requests.Notice{ID: "n-1"}))
		assert.Len(t, o.Sent(), 1)
	})
}

// nilStreams is a host store whose streams are nil functions.
type nilStreams struct{ *requests.MemoryStore }

func (nilStreams) BySubject(context.Context, string) iter.Seq2[requests.Request, error] { return nil }
func (nilStreams) Open(context.Context) iter.Seq2[requests.Summary, error]              { return nil }

// A host store that returns a nil iterator is a broken store: the service
// says so with an error wrapping ErrInvalid instead of calling nil.
func TestServiceNilStreamFromStore(t *testing.T) {
	f := newFixture(t)
	svc, err := requests.New(requests.Config{Operator: pdata.SampleOperator(), Store: nilStreams{requests.NewMemoryStore()},
		Journal: f.journal, Audit: f.audit, Directory: f.dir, Notifier: f.out, Destroyer: f.queue, Access: staff})
	require.NoError(t, err)
	var r requests.Request
	require.NotPanics(t, func() {
		r, err = svc.Register(ctx, clerk(at(2026, 3, 2, 10, 0)), complete(t, "1", requests.Access, at(2026, 3, 2, 9, 0)))
	})
	require.ErrorIs(t, err, requests.ErrInvalid, "an access request looks for earlier ones (art. 14 part 4)")
	assert.Empty(t, r.ID)
	for name, seq := range map[string]iter.Seq2[requests.Summary, error]{
		"Overdue": svc.Overdue(ctx, day(2026, 3, 2)), "DueSoon": svc.DueSoon(ctx, day(2026, 3, 2), 2)} {
		var got error
		require.NotPanics(t, func() { got = firstErr(seq) }, name)
		assert.True(t, errors.Is(got, requests.ErrInvalid), "%s: %v", name, got)
	}
}

// nilJournalStreams is a journal whose streams are nil functions.
type nilJournalStreams struct{ *requests.MemoryJournal }

func (nilJournalStreams) BySubject(context.Context, string) iter.Seq2[requests.Disclosure, error] {
	return nil
}

func (nilJournalStreams) ByRecipient(context.Context, string) iter.Seq2[requests.Disclosure, error] {
	return nil
}

// nilAuditStream is an audit log whose stream is a nil function.
type nilAuditStream struct{ *requests.MemoryAuditLog }

func (nilAuditStream) Between(context.Context, time.Time, time.Time) iter.Seq2[requests.AuditEntry, error] {
	return nil
}
