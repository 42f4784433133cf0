package retention

import (
	"context"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
)

// benchFrom is a spread of starting days over 2013–2026, so that neither
// implementation benefits from a single warm input.
var benchFrom = func() (ds [1024]date.Date) {
	for i := range ds {
		ds[i] = jan1(2013) + date.Date((i*4999)%(14*365))
	}
	return ds
}()

var (
	sinkDate date.Date
	sinkBool bool
)

// BenchmarkAddWorkdays measures the table lookup (targets of issue 3: under
// 50 ns/op and 0 allocs/op, at least 20 times faster than
// BenchmarkAddWorkdaysNaive). Both are one call per op; the naive one then
// calls IsWorkday once per day it steps over (about 4.4 days for n = 3 and
// 15 for n = 10), so its ratio to this one is bounded by that count times
// the ratio of one IsWorkday call to one AddWorkdays call.
func BenchmarkAddWorkdays(b *testing.B) {
	c := RussianCalendar()
	for _, n := range []int{3, 10, 250} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				d, err := c.AddWorkdays(benchFrom[i&1023], n)
				if err != nil {
					b.Fatal(err)
				}
				sinkDate = d
				i++
			}
		})
	}
}

// BenchmarkAddWorkdaysNaive is the day-by-day loop over IsWorkday that
// AddWorkdays replaces (the same loop the property test checks against).
func BenchmarkAddWorkdaysNaive(b *testing.B) {
	c := RussianCalendar()
	for _, n := range []int{3, 10, 250} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				d, err := naiveAddWorkdays(c, benchFrom[i&1023], n)
				if err != nil {
					b.Fatal(err)
				}
				sinkDate = d
				i++
			}
		})
	}
}

// BenchmarkAddWorkdaysNaiveMap is the day-by-day loop as it is commonly
// written without this package: a map of the year's exceptions and
// time.Weekday for the rest. For reference only; the baseline of the
// target is BenchmarkAddWorkdaysNaive.
func BenchmarkAddWorkdaysNaiveMap(b *testing.B) {
	c := RussianCalendar()
	off, on := map[date.Date]bool{}, map[date.Date]bool{}
	for _, y := range c.Years() {
		data, _ := c.Year(y)
		for _, d := range data.Holidays {
			off[d] = true
		}
		for _, d := range data.Workdays {
			on[d] = true
		}
	}
	add := func(d date.Date, n int) date.Date {
		for n > 0 {
			d++
			wd := d.Weekday()
			if on[d] || (!off[d] && wd != time.Saturday && wd != time.Sunday) {
				n--
			}
		}
		return d
	}
	for _, n := range []int{3, 10, 250} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				sinkDate = add(benchFrom[i&1023], n)
				i++
			}
		})
	}
}

func BenchmarkIsWorkday(b *testing.B) {
	c := RussianCalendar()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ok, err := c.IsWorkday(benchFrom[i&1023])
		if err != nil {
			b.Fatal(err)
		}
		sinkBool = ok
		i++
	}
}

var sinkTerm Term

// BenchmarkTerm measures one term over a mix of every kind (target: under
// 100 ns/op and 0 allocs/op).
func BenchmarkTerm(b *testing.B) {
	s := Default()
	var recs [1024]Record
	i := 0
	for r := range genRecords(len(recs), 9) {
		recs[i] = r
		i++
	}
	b.ReportAllocs()
	i = 0
	for b.Loop() {
		t, err := s.Term(recs[i&1023])
		if err != nil {
			b.Fatal(err)
		}
		sinkTerm = t
		i++
	}
}

// BenchmarkDue sweeps 1,000,000 generated records per op and reports the
// cost per record: time, bytes and allocations (the generator included).
func BenchmarkDue(b *testing.B) {
	const n = 1_000_000
	s := Default()
	asOf := date.New(2026, 11, 26)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	due := 0
	for b.Loop() {
		for d, err := range s.Due(context.Background(), genRecords(n, 42), asOf) {
			if err != nil {
				b.Fatal(err)
			}
			if d.Term.DestroyFrom > asOf {
				b.Fatalf("%s is not due", d.Record.ID)
			}
			due++
		}
	}
	runtime.ReadMemStats(&after)
	records := float64(b.N) * n
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/records, "ns/record")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/records, "B/record")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/records, "allocs/record")
	b.ReportMetric(float64(due)/records, "due/record")
}
