package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pdnkit/pdnkit/examples/crm/pgstore"
)

// DSNVar is the environment variable that names the test database.
const DSNVar = "PDNKIT_DSN"

// DB opens a fresh, migrated schema of the database named by PDNKIT_DSN
// for one test, and drops it when the test ends, so that tests are
// independent of each other and of earlier runs. Without PDNKIT_DSN the test
// is skipped with a message naming the variable — unless CI=true, where a
// missing database fails the test. The server's end-to-end tests use it too.
func DB(t testing.TB) *pgstore.DB {
	t.Helper()
	dsn := Require(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	db, err := pgstore.Open(ctx, pgstore.Config{DSN: dsn, Schema: schema, MaxConns: 8})
	if err != nil {
		t.Fatalf("open %s (schema %s): %v", redactDSN(dsn), schema, err)
	}
	t.Cleanup(func() {
		db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer c.Close(context.Background())
		if _, err := c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	return db
}

// Require returns the DSN in PDNKIT_DSN. Without it the test is skipped with
// a message naming the variable, or, when CI=true, fails. Call it at the top
// of a test that runs subtests on fresh databases: a skip must come from the
// test itself, not from a subtest's helper.
func Require(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(DSNVar)
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set and CI=true: the PostgreSQL tests must run in CI (see .ci/postgres.sh)", DSNVar)
		}
		t.Skipf("%s is not set: skipping the PostgreSQL test (set it to a postgres:// URL of a database where the test may create schemas)", DSNVar)
	}
	return dsn
}

// redactDSN hides a password in a DSN for messages.
func redactDSN(dsn string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return "(unparsable DSN)"
	}
	s := cfg.User + "@" + cfg.Host
	if cfg.Database != "" {
		s += "/" + cfg.Database
	}
	return strings.TrimPrefix(s, "@")
}
