package retention

import (
	"context"
	"errors"
	"iter"
	"testing"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// collectDue ranges over a sweep, recovering a panic as a test failure.
func collectDue(t *testing.T, seq iter.Seq2[Due, error]) (errs []error, dues int) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("the sweep panicked: %v", r)
		}
	}()
	for _, err := range seq {
		if err != nil {
			errs = append(errs, err)
		} else {
			dues++
		}
	}
	return errs, dues
}

// A nil context, a nil stream or a schedule not built with Default or
// NewSchedule is a programming error: Due yields one error wrapping
// ErrInvalid, in English and Russian, and stops without reading the stream.
func TestDueRefusesNilArguments(t *testing.T) {
	asOf := iso("2026-11-26")
	var asked int
	records := func(yield func(Record, error) bool) {
		asked++
		yield(Record{ID: "d1", Kind: HRDisciplinary, Closed: iso("2022-05-20")}, nil)
	}
	for _, tc := range []struct {
		name    string
		s       *Schedule
		ctx     context.Context
		records iter.Seq2[Record, error]
		field   string
	}{
		{"nil context", Default(), nil, records, "ctx"},
		{"nil records", Default(), context.Background(), nil, "records"},
		{"nil schedule", nil, context.Background(), records, "Schedule"},
		{"zero schedule", &Schedule{}, context.Background(), records, "Schedule"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			asked = 0
			errs, dues := collectDue(t, tc.s.Due(tc.ctx, tc.records, asOf))
			require.Len(t, errs, 1)
			assert.Zero(t, dues)
			assert.Zero(t, asked, "the stream is not read")
			assert.ErrorIs(t, errs[0], ErrInvalid)
			var ve *pdata.ValidationError
			require.True(t, errors.As(errs[0], &ve))
			fe, ok := ve.Field(tc.field)
			require.True(t, ok, "field %s in %v", tc.field, errs[0])
			assert.NotEmpty(t, fe.Message)
			assert.NotEmpty(t, fe.MessageRU)
		})
	}
	// The same sweep with everything given works (control).
	errs, dues := collectDue(t, Default().Due(context.Background(), records, asOf))
	assert.Empty(t, errs)
	assert.Equal(t, 1, dues)
}

// A nil or zero Schedule answers every method without panicking: an error
// wrapping ErrInvalid where there is an error to return, a plain answer
// otherwise.
func TestNilAndZeroSchedule(t *testing.T) {
	rec := Record{ID: "r", Kind: ResidentFile, Closed: iso("2019-11-30")}
	for _, tc := range []struct {
		name string
		s    *Schedule
	}{{"nil", nil}, {"zero", &Schedule{}}} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.s.Term(rec)
			assert.ErrorIs(t, err, ErrInvalid)
			n, err := tc.s.With(ResidentFile, 10, "")
			assert.ErrorIs(t, err, ErrInvalid)
			assert.Same(t, tc.s, n, "the receiver is returned unchanged")
			assert.Equal(t, "срок не определён: график сроков хранения не задан", tc.s.Describe(ResidentFile))
		})
	}
	var s *Schedule
	assert.Nil(t, s.Calendar())
	assert.Nil(t, s.WithCalendar(RussianCalendar()))
	// Control: a built schedule describes its terms.
	assert.Equal(t, "5 лет с 1 января года, следующего за годом окончания дела", Default().Describe(ResidentFile))
}

// A nil *RangeError and a nil *Kind do not panic.
func TestNilRangeErrorAndKind(t *testing.T) {
	var re *RangeError
	assert.Equal(t, ErrOutOfRange.Error(), re.Error())
	assert.NotEmpty(t, re.Russian())
	assert.ErrorIs(t, re.Unwrap(), ErrOutOfRange)
	var k *Kind
	assert.ErrorIs(t, k.UnmarshalText([]byte("site_data")), ErrInvalid)
}
