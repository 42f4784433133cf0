package pdata

// PluralRU returns the form of a Russian noun that agrees with the number n:
// one for 1, 21, 101… («1 рабочий день»), few for 2–4, 22–24…
// («3 рабочих дня»), many for 0, 5–20, 25… («10 рабочих дней»). The sign of n
// is ignored. Staff-facing texts in every pdnkit package use it.
func PluralRU(n int, one, few, many string) string {
	if n < 0 {
		n = -n
	}
	n10, n100 := n%10, n%100
	switch {
	case n10 == 1 && n100 != 11:
		return one
	case n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14):
		return few
	}
	return many
}
