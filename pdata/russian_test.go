package pdata

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPluralRU(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "дней"}, {1, "день"}, {2, "дня"}, {4, "дня"}, {5, "дней"},
		{11, "дней"}, {12, "дней"}, {14, "дней"}, {20, "дней"},
		{21, "день"}, {22, "дня"}, {25, "дней"}, {101, "день"},
		{111, "дней"}, {112, "дней"}, {122, "дня"}, {-1, "день"}, {-3, "дня"},
	} {
		assert.Equal(t, tc.want, PluralRU(tc.n, "день", "дня", "дней"), "n=%d", tc.n)
	}
}

func ExamplePluralRU() {
	for _, n := range []int{1, 3, 10, 21} {
		fmt.Println(n, PluralRU(n, "рабочий день", "рабочих дня", "рабочих дней"))
	}
	// Output:
	// 1 рабочий день
	// 3 рабочих дня
	// 10 рабочих дней
	// 21 рабочий день
}
