package pdata_test

import (
	"errors"
	"testing"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/stretchr/testify/assert"
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
