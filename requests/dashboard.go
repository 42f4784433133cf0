package requests

import (
	"context"
	"fmt"
	"iter"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Overdue streams the open requests whose deadline has passed on asOf (the
// day the dashboard judges, in the operator's time zone): those with a
// deadline before asOf. Requests with no term (a third party's without
// DueBy) are never overdue. It holds a constant amount of memory however
// many requests the store holds, and stops when the consumer does; a store
// error is yielded once and ends the stream.
//
// The summaries carry IDs and deadlines, no personal data, so the dashboard
// needs no actor.
func (s *Service) Overdue(ctx context.Context, asOf date.Date) iter.Seq2[Summary, error] {
	return s.open(ctx, func(d date.Date) bool { return d < asOf })
}

// DueSoon streams the open requests due within n working days of asOf:
// those whose deadline falls from asOf up to and including the n-th working
// day after it (n = 0: due on asOf). Overdue ones are not repeated here. A
// negative n, or an asOf the calendar cannot count from, is yielded as an
// error.
func (s *Service) DueSoon(ctx context.Context, asOf date.Date, n int) iter.Seq2[Summary, error] {
	if err := s.ready(ctx); err != nil {
		return fail(err)
	}
	if n < 0 {
		return fail(invalid("N", "non_negative", pdata.Cite("", "6.1.4"),
			"n must not be negative", "число рабочих дней не может быть отрицательным"))
	}
	limit := asOf
	if n > 0 {
		var err error
		if limit, err = s.cal.AddWorkdays(asOf, n); err != nil {
			return fail(fmt.Errorf("requests: due within %d working days of %s: %w", n, asOf, err))
		}
	}
	return s.open(ctx, func(d date.Date) bool { return d >= asOf && d <= limit })
}

func (s *Service) open(ctx context.Context, match func(date.Date) bool) iter.Seq2[Summary, error] {
	if err := s.ready(ctx); err != nil {
		return fail(err)
	}
	return func(yield func(Summary, error) bool) {
		seq := s.store.Open(ctx)
		if seq == nil {
			yield(Summary{}, fmt.Errorf("requests: open requests: the store returned no stream: %w", ErrInvalid))
			return
		}
		for sum, err := range seq {
			if err != nil {
				yield(Summary{}, err)
				return
			}
			if !sum.Deadline.IsZero() && match(sum.Deadline.Date) && !yield(sum, nil) {
				return
			}
		}
	}
}

// fail returns a stream that yields err once.
func fail(err error) iter.Seq2[Summary, error] {
	return func(yield func(Summary, error) bool) { yield(Summary{}, err) }
}
