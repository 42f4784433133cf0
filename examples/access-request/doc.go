// Command access-request follows a resident's request for information about
// her personal data (152-FZ art. 14; policy 6.1.4, 7.1) from the day it
// arrives to the answer: received on Friday 20 February 2026, the last
// working day before the Defender of the Fatherland Day holiday on Monday the
// 23rd; registered; shown on the dashboard as its deadline nears; extended by
// a motivated notice; answered with the access report. Every deadline is
// printed with its basis, and the report with the items of art. 14 part 7 —
// without her husband's or her lodger's data (policy 5.1, 6.1.4).
//
//	go run ./examples/access-request
//
// The people and identifiers are invented; the identifiers pass their
// checksums.
package main
