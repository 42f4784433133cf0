// Command quickstart is pdnkit's first example: it classifies two data
// subjects (a resident and a site user), validates their identifiers, shows
// the minimisation check of policy 2.1 rejecting excess data, and prints a
// subject the way logs see it — masked.
//
//	go run ./examples/quickstart
package main
