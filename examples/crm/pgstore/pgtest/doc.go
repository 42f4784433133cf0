// Package pgtest gives tests a fresh PostgreSQL schema of the reference
// CRM's database, named by PDNKIT_DSN.
//
// DB opens a schema of its own for each test (t_ and random hex), applies the
// embedded migrations and drops the schema when the test ends, so tests are
// independent of each other and of earlier runs. Require is the gate: on a
// developer's machine without PDNKIT_DSN it skips the test with a message
// naming the variable; with CI=true it fails instead, so that CI never passes
// by skipping the PostgreSQL tests. .ci/postgres.sh starts a throw-away
// cluster and sets the variable.
package pgtest
