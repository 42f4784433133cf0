package pdata_test

import (
	"testing"
	"unicode"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/stretchr/testify/assert"
)

// HasIdentifier: free text must not carry a person's identifier in full
// (152-FZ art. 5 part 5; policy 2.1). The identifiers are invented and pass
// their checksums.
func TestHasIdentifier(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"СНИЛС 112-233-445 95", true},               // 11 digits
		{"ИНН 638100012391, просит", true},           // 12
		{"ИНН организации 6381012349", true},         // 10: also a passport's length
		{"паспорт 36 10 123456 выдан", true},         // 10
		{"тел. +7 (927) 123-45-67", true},            // 11
		{"8 927 123 45 67", true},                    // 11
		{"9271234567", true},                         // 10, at the very end
		{"кв. 12, д. 5, ул. Мира", false},            // short runs
		{"заявление от 02.03.2026", false},           // the dots break the run
		{"договор № 123456789", false},               // 9 digits
		{"ОГРН 1026303456783", false},                // 13: an organisation's register number
		{"вх. № 2026030200001 от 02.03.2026", false}, // a host's 13-digit number
		{"", false},
	} {
		assert.Equal(t, tc.want, pdata.HasIdentifier(tc.text), "%q", tc.text)
	}
}

func FuzzHasIdentifier(f *testing.F) {
	f.Add("СНИЛС 112-233-445 95")
	f.Add("кв. 12")
	f.Fuzz(func(t *testing.T, s string) {
		got := pdata.HasIdentifier(s)
		// Appending a letter never changes the answer: it only ends a run.
		assert.Equal(t, got, pdata.HasIdentifier(s+"я"), "%q", s)
		// Text with fewer than ten digits can hold no identifier.
		digits := 0
		for _, r := range s {
			if unicode.IsDigit(r) {
				digits++
			}
		}
		if digits < 10 && got {
			assert.Failf(t, "identifier with fewer than ten digits", "%q", s)
		}
	})
}
