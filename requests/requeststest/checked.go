package requeststest

import (
	"context"
	"fmt"
	"iter"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
)

// The suites never panic on what a host hands them: a nil constructor, a
// constructor returning nil, or a method returning a nil stream is a
// reported failure, not a nil dereference.

// streamOf returns seq, or when it is nil a stream that yields one error
// naming the method, so that the check ranging over it fails with a message.
func streamOf[T any](seq iter.Seq2[T, error], method string) iter.Seq2[T, error] {
	if seq != nil {
		return seq
	}
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, fmt.Errorf("%s returned a nil iterator: return an empty stream instead", method))
	}
}

// need stops the test when a constructor given to a suite is nil.
func need(t *testing.T, suite, what string, isNil bool) {
	t.Helper()
	if isNil {
		t.Fatalf("requeststest.%s: %s is nil", suite, what)
	}
}

type checkedStore struct{ requests.Store }

func (s checkedStore) BySubject(ctx context.Context, id string) iter.Seq2[requests.Request, error] {
	return streamOf(s.Store.BySubject(ctx, id), "Store.BySubject")
}

func (s checkedStore) Open(ctx context.Context) iter.Seq2[requests.Summary, error] {
	return streamOf(s.Store.Open(ctx), "Store.Open")
}

type checkedJournal struct{ requests.Journal }

func (j checkedJournal) BySubject(ctx context.Context, id string) iter.Seq2[requests.Disclosure, error] {
	return streamOf(j.Journal.BySubject(ctx, id), "Journal.BySubject")
}

func (j checkedJournal) ByRecipient(ctx context.Context, r string) iter.Seq2[requests.Disclosure, error] {
	return streamOf(j.Journal.ByRecipient(ctx, r), "Journal.ByRecipient")
}

type checkedLog struct{ requests.AuditLog }

func (a checkedLog) Between(ctx context.Context, from, to time.Time) iter.Seq2[requests.AuditEntry, error] {
	return streamOf(a.AuditLog.Between(ctx, from, to), "AuditLog.Between")
}

// newLogOf calls newLog and stops the test when it returns nil.
func newLogOf(t *testing.T, newLog func() requests.AuditLog) requests.AuditLog {
	t.Helper()
	a := newLog()
	need(t, "TestAuditLog", "the log newLog returned", a == nil)
	return checkedLog{a}
}

// newDirOf calls newDir and stops the test when it returns nil.
func newDirOf(t *testing.T, newDir func(...pdata.Subject) requests.Directory, subjects ...pdata.Subject) requests.Directory {
	t.Helper()
	d := newDir(subjects...)
	need(t, "TestDirectory", "the directory newDir returned", d == nil)
	return d
}
