package main

import (
	"bytes"
	"testing"

	"github.com/pdnkit/pdnkit/examples/crm/pgstore/pgtest"
	"github.com/stretchr/testify/require"
)

// A small run of the load check on each store, so that the program keeps
// working; the full run (10,000 requests, 50 clients) is run by hand.
func TestSmallRun(t *testing.T) {
	t.Run("memory", func(t *testing.T) {
		var out bytes.Buffer
		require.NoError(t, run([]string{"-memory", "-n", "300", "-c", "8"}, &out), out.String())
		require.Contains(t, out.String(), "OK: every request is in the database exactly once")
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := pgtest.Require(t)
		var out bytes.Buffer
		require.NoError(t, run([]string{"-dsn", dsn, "-n", "300", "-c", "8", "-conns", "4"}, &out), out.String())
		require.Contains(t, out.String(), "missing 0, stored twice 0, not sent by us 0")
	})
}
