package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/examples/crm/pgstore"
	"github.com/pdnkit/pdnkit/examples/crm/server"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/retention"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

type result struct {
	id      string
	status  int
	latency time.Duration
	err     error
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	n := fs.Int("n", 10000, "requests to register (at most 100000)")
	c := fs.Int("c", 50, "concurrent clients (at most 500)")
	dsn := fs.String("dsn", os.Getenv("PDNKIT_DSN"), "PostgreSQL URL (default $PDNKIT_DSN)")
	memory := fs.Bool("memory", false, "use the in-memory stores instead of PostgreSQL")
	timeout := fs.Duration("timeout", 5*time.Minute, "give up after this long")
	conns := fs.Int("conns", 32, "database connections of the server")
	keep := fs.Bool("keep", false, "keep the schema the run worked in")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n < 1 || *n > 100000 || *c < 1 || *c > 500 {
		return errors.New("-n must be 1–100000 and -c 1–500")
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()

	var rb [4]byte
	_, _ = rand.Read(rb[:])
	run := hex.EncodeToString(rb[:])
	op := pdata.SampleOperator()
	var backend host.Backend
	var db *pgstore.DB
	store := "memory"
	if !*memory {
		if *dsn == "" {
			return errors.New("set PDNKIT_DSN or -dsn to a PostgreSQL database (or use -memory)")
		}
		schema := "loadtest_" + run
		var err error
		if db, err = pgstore.Open(ctx, pgstore.Config{DSN: *dsn, Schema: schema, MaxConns: *conns}); err != nil {
			return err
		}
		defer func() {
			db.Close()
			if !*keep {
				dropSchema(*dsn, schema)
			}
		}()
		backend, store = db, "postgres, schema "+schema
	} else {
		backend = host.NewMemory()
	}
	if err := server.SeedStaff(ctx, backend, op); err != nil {
		return err
	}
	srv, err := server.New(server.Config{Backend: backend, Operator: op, Schedule: retention.Default()})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = hs.Serve(ln) }()
	defer hs.Close()
	url := "http://" + ln.Addr().String() + "/requests"
	fmt.Fprintf(out, "loadtest: %d requests, %d clients, %s store, server on %s\n", *n, *c, store, ln.Addr())

	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConns: *c, MaxIdleConnsPerHost: *c, IdleConnTimeout: time.Minute}}
	received := time.Now().Add(-time.Minute).Truncate(time.Second)
	jobs := make(chan int)
	results := make(chan result, *n)
	var wg sync.WaitGroup
	var done atomic.Int64
	start := time.Now()
	for range *c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results <- register(ctx, client, url, run, i, received)
				done.Add(1)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range *n {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	wg.Wait()
	elapsed := time.Since(start)
	close(results)

	var lat []time.Duration
	byStatus := map[int]int{}
	var firstErr error
	created := map[string]int{}
	for r := range results {
		byStatus[r.status]++
		if r.err != nil && firstErr == nil {
			firstErr = r.err
		}
		if r.status == http.StatusCreated {
			created[r.id]++
			lat = append(lat, r.latency)
		}
	}
	sent := int(done.Load())
	fmt.Fprintf(out, "sent %d in %.2fs: %.0f requests/s\n", sent, elapsed.Seconds(), float64(sent)/elapsed.Seconds())
	fmt.Fprintf(out, "statuses: %v\n", byStatus)
	if len(lat) > 0 {
		slices.Sort(lat)
		fmt.Fprintf(out, "latency of 201s: p50 %s  p90 %s  p99 %s  max %s\n",
			pct(lat, 50), pct(lat, 90), pct(lat, 99), lat[len(lat)-1])
	}
	if firstErr != nil {
		fmt.Fprintf(out, "first error: %v\n", firstErr)
	}

	// Verify: every request is in the store, none twice, nothing else.
	seen := map[string]int{}
	st := backend.Stores()
	for s, err := range st.Requests.Open(context.Background()) {
		if err != nil {
			return fmt.Errorf("verify: %w", err)
		}
		seen[s.ID]++
	}
	missing, twice, extra := 0, 0, 0
	for i := range *n {
		id := requestID(run, i)
		switch seen[id] {
		case 0:
			missing++
		case 1:
		default:
			twice++
		}
		if created[id] > 1 {
			twice++
		}
	}
	for id := range seen {
		if created[id] == 0 {
			extra++
		}
	}
	stored := len(seen)
	if db != nil {
		if stored, err = db.Requests().Count(context.Background()); err != nil {
			return fmt.Errorf("verify: %w", err)
		}
	}
	histories, err := checkHistories(st.Requests, run, *n)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "verify: %d rows stored, %d distinct IDs; missing %d, stored twice %d, not sent by us %d; %d of %d sampled histories complete\n",
		stored, len(seen), missing, twice, extra, histories, min(*n, 200))
	if sent != *n || missing > 0 || twice > 0 || extra > 0 || stored != *n || byStatus[http.StatusCreated] != *n {
		return fmt.Errorf("FAILED: %d of %d registered, %d missing, %d twice, %d unexpected", byStatus[http.StatusCreated], *n, missing, twice, extra)
	}
	fmt.Fprintln(out, "OK: every request is in the database exactly once")
	return nil
}

func requestID(run string, i int) string { return fmt.Sprintf("L-%s-%05d", run, i) }

// register sends one complete access request from a subject.
func register(ctx context.Context, client *http.Client, url, run string, i int, received time.Time) result {
	id := requestID(run, i)
	body, _ := json.Marshal(map[string]any{
		"id": id, "kind": "access", "subject_id": fmt.Sprintf("load-subject-%04d", i%2000),
		"requester": map[string]any{"party": "subject", "reply_to": "446800, село Кошки, до востребования",
			"identity": map[string]any{"series_number": "3610123456", "issue_date": "2010-06-15", "issuer": "Отделом УФМС России по Самарской области"}},
		"received": received.Format(time.RFC3339), "channel": "post", "signature": "handwritten",
		"relationship": map[string]any{"contract": "17/У", "contract_date": "2019-03-04", "account": fmt.Sprintf("%07d", i)},
		"matter":       "сведения об обработке персональных данных",
	})
	req, err := http.NewRequestWithContext(ctx, "POST", url, bytes.NewReader(body))
	if err != nil {
		return result{id: id, err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(server.StaffHeader, server.StaffClerk)
	t := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return result{id: id, err: err, latency: time.Since(t)}
	}
	msg, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	r := result{id: id, status: resp.StatusCode, latency: time.Since(t)}
	if resp.StatusCode != http.StatusCreated {
		r.err = fmt.Errorf("%s: %d %s", id, resp.StatusCode, msg)
	}
	return r
}

// checkHistories reads back a sample of the requests whole: each must hold
// its registration event.
func checkHistories(s requests.Store, run string, n int) (int, error) {
	ok := 0
	step := max(1, n/200)
	for i := 0; i < n && ok < 200; i += step {
		r, err := s.Get(context.Background(), requestID(run, i))
		if err != nil {
			return ok, fmt.Errorf("verify %s: %w", requestID(run, i), err)
		}
		if len(r.History) > 0 && r.History[0].Action == requests.ActRegistered && r.Version == 1 {
			ok++
		}
	}
	return ok, nil
}

func pct(sorted []time.Duration, p int) time.Duration {
	i := sort.Search(len(sorted), func(i int) bool { return i*100 >= p*len(sorted) })
	if i >= len(sorted) {
		i = len(sorted) - 1
	}
	return sorted[i].Round(10 * time.Microsecond)
}

func dropSchema(dsn, schema string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest: drop schema:", err)
		return
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest: drop schema:", err)
	}
}
