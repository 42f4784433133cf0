package retention

import (
	"context"
	"fmt"
	"iter"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Due streams the records of records that are due for destruction on asOf:
// those whose DestroyFrom is on or before asOf, each with its Term and
// whether its DestroyBy has passed (Overdue: asOf is after DestroyBy).
// Records not yet due are skipped; they are not errors.
//
// It holds a constant amount of memory however many records pass through:
// nothing is collected, each record is judged and handed on. The host's
// store feeds it (see the package guide, "Storage", for pushing the
// question down to the database when the archive is large).
//
// Errors come in the stream, in order, and the sweep goes on after them as
// long as the consumer keeps ranging:
//   - an error from records is passed through unchanged;
//   - a record Term refuses yields an error naming its ID and wrapping the
//     cause (a *pdata.ValidationError, or ErrOutOfRange), with the record
//     in Due.Record;
//   - when ctx is cancelled the sweep yields ctx.Err() once and stops
//     without asking records for another record.
//
// A nil ctx, a nil records, or a schedule not built with Default or
// NewSchedule (nil or the zero Schedule) is a programming error: the sweep
// yields one error wrapping ErrInvalid and stops, without asking records
// for anything.
//
// asOf is the day the sweep judges, in the operator's time zone
// (pdata.Operator.DateOf); the library never reads the clock itself.
func (s *Schedule) Due(ctx context.Context, records iter.Seq2[Record, error], asOf date.Date) iter.Seq2[Due, error] {
	return func(yield func(Due, error) bool) {
		if err := s.sweepable(ctx, records); err != nil {
			yield(Due{}, err)
			return
		}
		done := ctx.Done()
		cancelled := func() bool {
			select {
			case <-done:
				return true
			default:
				return false
			}
		}
		if cancelled() {
			yield(Due{}, ctx.Err())
			return
		}
		for r, err := range records {
			switch {
			case err != nil:
				if !yield(Due{}, err) {
					return
				}
			default:
				t, err := s.Term(r)
				switch {
				case err != nil:
					if !yield(Due{Record: r}, fmt.Errorf("retention: record %q: %w", r.ID, err)) {
						return
					}
				case t.DestroyFrom <= asOf:
					if !yield(Due{Record: r, Term: t, Overdue: asOf > t.DestroyBy}, nil) {
						return
					}
				}
			}
			if cancelled() {
				yield(Due{}, ctx.Err())
				return
			}
		}
	}
}

// sweepable reports why Due cannot run: a schedule not built with Default
// or NewSchedule, a nil context or a nil stream of records.
func (s *Schedule) sweepable(ctx context.Context, records iter.Seq2[Record, error]) error {
	if !s.built() {
		return noSchedule()
	}
	var p pdata.Problems
	if ctx == nil {
		p.Add("ctx", "required", pdata.Basis{},
			"the sweep needs a context (context.Background() when there is none)",
			"не передан контекст выполнения (context.Context)")
	}
	if records == nil {
		p.Add("records", "required", pdata.Basis{},
			"the sweep needs the stream of records to judge",
			"не передан источник записей для проверки сроков хранения")
	}
	return p.Err()
}
