package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/examples/crm/pgstore/pgtest"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The program starts with the generated data set, prints its address,
// serves, and shuts down gracefully when its context ends (as on SIGINT).
func TestRunServesAndShutsDown(t *testing.T) {
	t.Run("memory", func(t *testing.T) { runOnce(t, "-dsn", "") })
	t.Run("postgres", func(t *testing.T) {
		db := pgtest.DB(t) // a fresh schema, dropped afterwards
		runOnce(t, "-dsn", pgtest.Require(t), "-schema", db.Schema())
	})
}

func runOnce(t *testing.T, args ...string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	go io.Copy(io.Discard, pr)
	i := strings.Index(line, "http://")
	require.GreaterOrEqual(t, i, 0, "the address is printed: %q", line)
	base := strings.TrimSpace(line[i:])

	req, err := http.NewRequest("GET", base+"/dashboard/overdue", nil)
	require.NoError(t, err)
	req.Header.Set("X-Staff-ID", "clerk")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	var body struct {
		Count int `json:"count"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	if retention.RussianCalendar().Covers(date.Today()) {
		assert.Equal(t, 1, body.Count, "the generated data set has one overdue request")
	}

	cancel()
	select {
	case err := <-done:
		require.NoError(t, err, "graceful shutdown")
	case <-time.After(20 * time.Second):
		t.Fatal("the server did not shut down")
	}
}

// SIGTERM (as from systemd or Kubernetes) and SIGINT (Ctrl-C) stop the
// server gracefully: run returns nil, and the port is closed afterwards.
func TestRunStopsOnSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			pr, pw := io.Pipe()
			done := make(chan error, 1)
			go func() {
				done <- run(context.Background(), []string{"-addr", "127.0.0.1:0", "-dsn", ""}, pw, io.Discard)
				pw.Close()
			}()
			line, err := bufio.NewReader(pr).ReadString('\n')
			require.NoError(t, err)
			go io.Copy(io.Discard, pr)
			i := strings.Index(line, "http://")
			require.GreaterOrEqual(t, i, 0, "the address is printed: %q", line)
			base := strings.TrimSpace(line[i:])
			req, err := http.NewRequest("GET", base+"/dashboard/overdue", nil)
			require.NoError(t, err)
			req.Header.Set("X-Staff-ID", "clerk")
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			require.Equal(t, http.StatusOK, resp.StatusCode)

			// run registered its signal handler before printing the
			// address, so the signal reaches it, not the test process.
			require.NoError(t, syscall.Kill(os.Getpid(), sig))
			select {
			case err := <-done:
				require.NoError(t, err, "graceful shutdown on %v", sig)
			case <-time.After(20 * time.Second):
				t.Fatalf("the server did not stop on %v", sig)
			}
			c := http.Client{Timeout: 2 * time.Second}
			_, err = c.Get(base + "/dashboard/overdue")
			assert.Error(t, err, "the listener is closed")
		})
	}
}
