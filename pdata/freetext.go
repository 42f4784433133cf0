package pdata

import "unicode"

// HasIdentifier reports whether free text s holds what looks like a
// person's identifier in full: a run of 10 to 12 digits, spaces, hyphens,
// brackets, a plus sign or no-break spaces allowed between them. Those are
// the lengths of a passport's series and number (10), an INN (10 or 12), a
// SNILS (11) and a phone number (10 or 11). A shorter run (a flat number, a
// date written 02.03.2026, a 9-digit number) or a longer one (an OGRN of 13
// digits, a host's 13-digit registration number, a 20-digit account) is not
// taken for one.
//
// It is the one rule pdnkit applies to text that staff or a requester type
// and that is stored or printed (a request's matter, a destruction act's
// references): an identifier there would escape the masking of the
// identifier types (SNILS, INN, Passport, Phone) and is more data than the
// text is for (152-FZ art. 5 part 5; policy 2.1). It errs on the side of
// refusing: any 10-digit run counts, as a passport has no checksum.
func HasIdentifier(s string) bool {
	run := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			run++
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '+' || r == '\u00a0':
			// separators inside a number keep the run going
		default:
			if isIdentifierRun(run) {
				return true
			}
			run = 0
		}
	}
	return isIdentifierRun(run)
}

func isIdentifierRun(n int) bool { return n >= 10 && n <= 12 }
