package retention

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The integer civil conversions must agree with rickb777/date (which goes
// through time.Time) on every day they are used for and well beyond.
func TestCivilAgreesWithDatePackage(t *testing.T) {
	for _, span := range [][2]date.Date{
		{date.New(-401, 1, 1), date.New(-399, 12, 31)}, // negative years, floor division
		{date.New(1599, 1, 1), date.New(2500, 12, 31)},
		{date.New(9790, 1, 1), date.New(9810, 12, 31)},
	} {
		for d := span[0]; d <= span[1]; d++ {
			y, m, day := d.Date()
			gy, gm, gd := civil(d)
			if gy != y || gm != int(m) || gd != day {
				t.Fatalf("civil(%s) = %d-%d-%d", d, gy, gm, gd)
			}
			if got := mkdate(y, int(m), day); got != d {
				t.Fatalf("mkdate(%d, %d, %d) = %s, want %s", y, m, day, got, d)
			}
			if isWeekend(d) != (d.Weekday() == time.Saturday || d.Weekday() == time.Sunday) {
				t.Fatalf("isWeekend(%s) wrong", d)
			}
		}
	}
	assert.Equal(t, 29, daysIn(2000, 2))
	assert.Equal(t, 28, daysIn(1900, 2))
	assert.Equal(t, 29, daysIn(2024, 2))
	assert.Equal(t, 30, daysIn(2026, 11))
}

// Civil Code art. 192 p. 3: a term in months or years that ends in a month
// without the starting day ends on that month's last day. time.AddDate rolls
// over instead, which is why the package has its own arithmetic.
func TestAddMonthsCivilCode192(t *testing.T) {
	d := date.MustParseISO
	tests := []struct {
		from   string
		months int
		want   string
		why    string
	}{
		{"2024-02-29", 12, "2025-02-28", "29 Feb + 1 year: no 29 Feb 2025, so the last day of February"},
		{"2024-02-29", 48, "2028-02-29", "29 Feb + 4 years: 2028 is a leap year"},
		{"2024-01-31", 1, "2024-02-29", "31 Jan + 1 month in a leap year"},
		{"2025-01-31", 1, "2025-02-28", "31 Jan + 1 month"},
		{"2025-03-31", 1, "2025-04-30", "April has 30 days"},
		{"2025-08-31", -6, "2025-02-28", "backwards too"},
		{"2025-12-15", 1, "2026-01-15", "across the year"},
		{"2026-01-15", -1, "2025-12-15", "backwards across the year"},
		{"2026-11-26", 0, "2026-11-26", "zero months"},
		{"2000-02-29", 1200, "2100-02-28", "2100 is not a leap year"},
	}
	for _, tt := range tests {
		t.Run(tt.from+"+"+itoa(tt.months), func(t *testing.T) {
			assert.Equal(t, d(tt.want), AddMonths(d(tt.from), tt.months), tt.why)
		})
	}
	assert.Equal(t, d("2025-02-28"), AddYears(d("2024-02-29"), 1))
	assert.Equal(t, d("2023-02-28"), AddYears(d("2024-02-29"), -1))
	// The trap the package avoids: the standard library rolls over.
	require.Equal(t, d("2025-03-01"), d("2024-02-29").AddDate(1, 0, 0))
}

// Property: AddMonths keeps the day of the month when the target month has
// it, and otherwise lands on the target month's last day; it agrees with
// time.AddDate exactly when no roll-over happens.
func TestAddMonthsProperty(t *testing.T) {
	for d := date.New(2019, 1, 1); d <= date.New(2029, 12, 31); d += 3 {
		for _, n := range []int{-25, -12, -1, 1, 2, 11, 12, 36, 600} {
			got := AddMonths(d, n)
			y, m, day := civil(d)
			gy, gm, gd := civil(got)
			wantMonths := y*12 + m - 1 + n
			require.Equal(t, wantMonths, gy*12+gm-1, "%s + %d months", d, n)
			if day <= daysIn(gy, gm) {
				require.Equal(t, day, gd, "%s + %d months", d, n)
				require.Equal(t, d.AddDate(0, n, 0), got)
			} else {
				require.Equal(t, daysIn(gy, gm), gd, "%s + %d months", d, n)
			}
		}
	}
}
