// Command retention-sweep shows the retention sweep on a small invented
// archive: it generates a few thousand records of every kind (HR orders,
// residents' and contractors' files, site data, data kept for a purpose,
// destruction acts) with a fixed pseudo-random seed, runs
// retention.Schedule.Due on the date given, and prints in Russian, for the
// staff of the destruction commission, what is due for destruction, grouped by
// kind, with each term and its legal basis.
//
//	go run ./examples/retention-sweep
//	go run ./examples/retention-sweep -asof 2027-01-15
//	go run ./examples/retention-sweep -asof today -n 10000 -show 5
//
// -asof defaults to 2026-11-26, a fixed date so that the output is the same on
// every run; "today" means today's date in the operator's time zone
// (pdata.Operator.DateOf). The library itself never reads the clock: the
// date is always a parameter of the sweep.
//
// The archive models an operator whose destruction commission last met two
// weeks before the date (and who destroys purpose-bound data daily): what was
// due then is gone, except a few records that were missed. Two records are broken on purpose (no closing date, no date the purpose was
// reached) to show how the sweep reports what it cannot judge.
package main
