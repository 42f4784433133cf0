package pdata_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A nil *ValidationError or *ParseError (a typed nil that reached an error
// interface, or a variable never set) must not panic: no panics on input.
func TestNilErrorsDoNotPanic(t *testing.T) {
	var ve *pdata.ValidationError
	assert.NotPanics(t, func() {
		assert.Equal(t, "pdnkit: invalid input", ve.Error())
		assert.Equal(t, "Неверные данные", ve.Russian())
		assert.False(t, ve.Has("required"))
		_, ok := ve.Field("ID")
		assert.False(t, ok)
		assert.ErrorIs(t, ve, pdata.ErrInvalid)
	})
	empty := &pdata.ValidationError{}
	assert.Equal(t, "pdnkit: invalid input", empty.Error())
	assert.Equal(t, "Неверные данные", empty.Russian())

	var pe *pdata.ParseError
	assert.NotPanics(t, func() {
		assert.Equal(t, "pdnkit: invalid input", pe.Error())
		assert.True(t, errors.Is(pe, pdata.ErrInvalid))
	})
}

// errOutOfRange and rangeError stand in for another package's sentinel and
// typed error with a Russian text (retention.ErrOutOfRange and
// *retention.RangeError, which pdata cannot import).
var errOutOfRange = errors.New("calendar: date outside the production calendar")

type rangeError struct{ year int }

func (e *rangeError) Error() string { return "calendar: 2031-01-01 is outside the production calendar" }
func (e *rangeError) Russian() string {
	return "Дата 01.01.2031 вне производственного календаря"
}
func (e *rangeError) Unwrap() error { return errOutOfRange }

func TestAddErrorRussianAndWrappedSentinels(t *testing.T) {
	b := pdata.Cite("152-ФЗ ст. 21 ч. 5", "9.1")

	t.Run("an error with a Russian method gives its Russian text", func(t *testing.T) {
		var pr pdata.Problems
		cause := fmt.Errorf("retention: DestroyBy of record 7: %w", &rangeError{year: 2031})
		pr.AddError("DestroyBy", b, cause)
		err := pr.Err()
		ve := requireProblems(t, err)
		require.Len(t, ve.Errors, 1)
		fe := ve.Errors[0]
		assert.Equal(t, "DestroyBy", fe.Field)
		assert.Equal(t, b, fe.Basis)
		assert.Equal(t, cause.Error(), fe.Message, "the developer gets the English text")
		assert.Equal(t, "Дата 01.01.2031 вне производственного календаря", fe.MessageRU)
		assert.NotContains(t, ve.Russian(), "retention", "no English in the staff text")

		assert.ErrorIs(t, err, pdata.ErrInvalid)
		assert.ErrorIs(t, err, errOutOfRange, "the wrapped sentinel stays reachable")
		var re *rangeError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, 2031, re.year)
		assert.NotErrorIs(t, err, pdata.ErrNotFound)
	})

	t.Run("an English-only error gives a general Russian message", func(t *testing.T) {
		var pr pdata.Problems
		pr.AddError("Years[0]", b, fmt.Errorf("bad calendar year: %w", errOutOfRange))
		err := pr.Err()
		ve := requireProblems(t, err)
		require.Len(t, ve.Errors, 1)
		assert.Equal(t, "bad calendar year: "+errOutOfRange.Error(), ve.Errors[0].Message)
		assert.Equal(t, "Неверные данные", ve.Errors[0].MessageRU)
		assert.NotContains(t, ve.Russian(), "calendar")
		assert.ErrorIs(t, err, errOutOfRange)
		assert.ErrorIs(t, err, pdata.ErrInvalid)
	})

	t.Run("causes survive nesting and wrapping", func(t *testing.T) {
		var inner pdata.Problems
		inner.Add("Name", "required", b, "name is required", "не указано имя")
		inner.AddError("Due", b, &rangeError{year: 2031})
		var outer pdata.Problems
		outer.AddError("Item", pdata.Basis{}, inner.Err())
		outer.AddError("Other", pdata.Basis{}, fmt.Errorf("other: %w", inner.Err()))
		err := outer.Err()
		ve := requireProblems(t, err)
		fields := make([]string, 0, len(ve.Errors))
		for _, fe := range ve.Errors {
			fields = append(fields, fe.Field)
		}
		assert.Equal(t, []string{"Item.Name", "Item.Due", "Other.Name", "Other.Due"}, fields)
		assert.ErrorIs(t, err, errOutOfRange)
		assert.ErrorIs(t, err, pdata.ErrInvalid)
	})

	t.Run("a parse error keeps its messages and stays reachable", func(t *testing.T) {
		_, perr := pdata.ParseSNILS("1")
		var pr pdata.Problems
		pr.AddError("SNILS", b, fmt.Errorf("import row 3: %w", perr))
		err := pr.Err()
		ve := requireProblems(t, err)
		assert.Equal(t, "snils", ve.Errors[0].Rule)
		var pe *pdata.ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "snils", pe.Rule)
	})

	t.Run("an empty or nil validation error is not dropped", func(t *testing.T) {
		var pr pdata.Problems
		pr.AddError("A", b, &pdata.ValidationError{})
		var nilVE *pdata.ValidationError
		pr.AddError("B", b, nilVE)
		var nilPE *pdata.ParseError
		pr.AddError("C", b, nilPE)
		ve := requireProblems(t, pr.Err())
		require.Len(t, ve.Errors, 3)
		for _, fe := range ve.Errors {
			assert.Equal(t, "invalid", fe.Rule)
			assert.Equal(t, "Неверные данные", fe.MessageRU)
		}
	})
}
