package retention

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// genIDs is a fixed pool of record IDs, so that the generator allocates
// nothing per record and the memory measured is the sweep's own.
var genIDs = func() (ids [4096]string) {
	for i := range ids {
		ids[i] = fmt.Sprintf("rec-%04d", i)
	}
	return ids
}()

// genRecords streams n deterministic pseudo-random records of every kind,
// closed 1995–2026, purpose reached 2014–2026 for PurposeBound.
func genRecords(n int, seed uint64) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		base, purposeBase := jan1(1995), jan1(2014)
		for i := range n {
			k := Kind(1 + i%10)
			r := Record{ID: genIDs[i&4095], SubjectID: genIDs[(i>>2)&4095], Kind: k,
				Closed: base + date.Date(rng.IntN(32*365))}
			switch k {
			case HRLeave, HRTrip, HRInspection:
				r.Hazardous = rng.IntN(8) == 0
			case PurposeBound:
				r.PurposeAchieved = purposeBase + date.Date(rng.IntN(13*365))
			}
			if !yield(r, nil) {
				return
			}
		}
	}
}

func fromSlice(items []Record, errAt map[int]error) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		for i, r := range items {
			if err, ok := errAt[i]; ok {
				if !yield(Record{}, err) {
					return
				}
				continue
			}
			if !yield(r, nil) {
				return
			}
		}
	}
}

var errSource = errors.New("host store: connection reset")

// The sweep on 26 Nov 2026, worked out by hand.
func TestDueSmall(t *testing.T) {
	asOf := iso("2026-11-26")
	records := []Record{
		// Disciplinary, closed 2022-05-20: DestroyFrom 2026-01-01, DestroyBy
		// 2026-01-31 (9.3): due and overdue.
		{ID: "d1", Kind: HRDisciplinary, Closed: iso("2022-05-20")},
		// Site data of 2025-10-20: End 2026-10-20, DestroyFrom 2026-10-21,
		// DestroyBy 2026-11-20: due and overdue.
		{ID: "s1", Kind: SiteData, Closed: iso("2025-10-20")},
		// Site data of 2025-11-10: DestroyFrom 2026-11-11, DestroyBy
		// 2026-12-11: due, not overdue.
		{ID: "s2", Kind: SiteData, Closed: iso("2025-11-10")},
		// Site data of 2025-11-26: End 2026-11-26 is today: not yet due.
		{ID: "s3", Kind: SiteData, Closed: iso("2025-11-26")},
		// Site data of 2025-11-25: DestroyFrom 2026-11-26, today: due.
		{ID: "s4", Kind: SiteData, Closed: iso("2025-11-25")},
		// Resident file closed 2021: DestroyFrom 2027-01-01: not due.
		{ID: "r1", Kind: ResidentFile, Closed: iso("2021-03-01")},
		// Purpose reached Tue 24 Nov 2026: DestroyBy 27 Nov (25, 26, 27):
		// due, not overdue.
		{ID: "g1", Kind: PurposeBound, PurposeAchieved: iso("2026-11-24")},
		// Purpose reached Fri 20 Nov 2026: DestroyBy Wed 25 Nov (23, 24,
		// 25): due and overdue.
		{ID: "g2", Kind: PurposeBound, PurposeAchieved: iso("2026-11-20")},
		// A record with no closing date: an error naming it.
		{ID: "bad", Kind: ContractorFile},
		// Destruction act of 2023-11-25: End 2026-11-25, DestroyFrom
		// 2026-11-26: due today, not overdue.
		{ID: "a1", Kind: DestructionRecord, Closed: iso("2023-11-25")},
		// Slot 10 is a source error (see errAt).
		{},
		// Personnel file closed 1950: 75 years, End 2025-12-31, DestroyFrom
		// 2026-01-01, DestroyBy 2026-01-31: due and overdue.
		{ID: "p1", Kind: HRPersonnel, Closed: iso("1950-06-30")},
	}
	type got struct {
		id      string
		overdue bool
	}
	var due []got
	var errs []error
	for d, err := range Default().Due(context.Background(), fromSlice(records, map[int]error{10: errSource}), asOf) {
		if err != nil {
			errs = append(errs, err)
			if d.Record.ID != "" {
				due = append(due, got{"error:" + d.Record.ID, false})
			}
			continue
		}
		require.LessOrEqual(t, d.Term.DestroyFrom, asOf)
		due = append(due, got{d.Record.ID, d.Overdue})
	}
	assert.Equal(t, []got{
		{"d1", true}, {"s1", true}, {"s2", false}, {"s4", false},
		{"g1", false}, {"g2", true}, {"error:bad", false}, {"a1", false}, {"p1", true},
	}, due)
	require.Len(t, errs, 2)
	assert.ErrorIs(t, errs[0], ErrInvalid)
	assert.Contains(t, errs[0].Error(), `"bad"`)
	var ve *pdata.ValidationError
	require.ErrorAs(t, errs[0], &ve)
	_, ok := ve.Field("Closed")
	assert.True(t, ok)
	assert.Same(t, errSource, errs[1], "source errors pass through unchanged")
}

func TestDueStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pulled := 0
	src := func(yield func(Record, error) bool) {
		for r, err := range genRecords(1_000_000, 7) {
			pulled++
			if !yield(r, err) {
				return
			}
		}
	}
	seen, gotErr := 0, 0
	for _, err := range Default().Due(ctx, src, iso("2026-11-26")) {
		if err != nil {
			require.ErrorIs(t, err, context.Canceled)
			gotErr++
			continue
		}
		seen++
		if seen == 100 {
			cancel()
		}
	}
	assert.Equal(t, 100, seen, "nothing after the cancellation")
	assert.Equal(t, 1, gotErr, "ctx.Err() yielded once")
	assert.Less(t, pulled, 1000, "the source is not drained after cancellation")

	// A context cancelled before the sweep starts: the source is never read.
	pulled = 0
	n := 0
	for _, err := range Default().Due(ctx, src, iso("2026-11-26")) {
		require.ErrorIs(t, err, context.Canceled)
		n++
	}
	assert.Equal(t, 1, n)
	assert.Equal(t, 0, pulled)
}

func TestDueConsumerBreak(t *testing.T) {
	pulled := 0
	src := func(yield func(Record, error) bool) {
		for r, err := range genRecords(1000, 1) {
			pulled++
			if !yield(r, err) {
				return
			}
		}
	}
	for range Default().Due(context.Background(), src, iso("2026-11-26")) {
		break
	}
	assert.Less(t, pulled, 50, "breaking out of the loop stops the source")
	// Breaking on an error stops too.
	n := 0
	for _, err := range Default().Due(context.Background(), fromSlice(make([]Record, 5), nil), iso("2026-11-26")) {
		require.Error(t, err)
		n++
		break
	}
	assert.Equal(t, 1, n)
}

// A million records through the sweep: the count matches Term record by
// record, and the memory used does not grow with the number of records.
func TestDueMillionRecordsConstantMemory(t *testing.T) {
	const n = 1_000_000
	s := Default()
	asOf := iso("2026-11-26")
	want, wantOverdue := 0, 0
	for r := range genRecords(n, 42) {
		term, err := s.Term(r)
		require.NoError(t, err)
		if term.DestroyFrom <= asOf {
			want++
			if term.DestroyBy < asOf {
				wantOverdue++
			}
		}
	}
	require.Greater(t, want, n/4, "a realistic share of the archive is due")

	var got, overdue int
	sweep := func() {
		got, overdue = 0, 0
		for d, err := range s.Due(context.Background(), genRecords(n, 42), asOf) {
			if err != nil {
				t.Fatal(err)
			}
			got++
			if d.Overdue {
				overdue++
			}
		}
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	allocs := testing.AllocsPerRun(1, sweep)
	runtime.ReadMemStats(&after)
	assert.Equal(t, want, got)
	assert.Equal(t, wantOverdue, overdue)
	// Two sweeps ran (AllocsPerRun warms up once). A handful of allocations
	// per sweep (the iterator closures, the generator's PRNG) is constant;
	// anything per record would show as ~10^6.
	assert.LessOrEqual(t, allocs, float64(20), "allocations per sweep of %d records", n)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<10), "bytes allocated by two sweeps of %d records", n)
}
