package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/examples/crm/pgstore"
	"github.com/pdnkit/pdnkit/examples/crm/server"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "crm:", err)
		os.Exit(1)
	}
}

// run starts the server and serves until SIGINT or SIGTERM, then shuts down
// gracefully: it stops accepting connections and lets requests in flight
// finish (up to 15 seconds).
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("crm", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dsn := fs.String("dsn", os.Getenv("PDNKIT_DSN"), "PostgreSQL URL (postgres://user@host:5432/db); empty: in-memory stores (default $PDNKIT_DSN)")
	schema := fs.String("schema", "", "PostgreSQL schema for the tables, created if missing (default: the server's search_path)")
	seed := fs.Bool("seed", true, "fill an empty database with the generated demonstration data set")
	logJSON := fs.Bool("log-json", false, "log as JSON lines instead of text")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var h slog.Handler = slog.NewTextHandler(stderr, nil)
	if *logJSON {
		h = slog.NewJSONHandler(stderr, nil)
	}
	log := slog.New(h)

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	op := pdata.SampleOperator()
	sched := retention.Default()
	var backend host.Backend
	store := "memory"
	if *dsn == "" {
		backend = host.NewMemory()
	} else {
		octx, cancel := context.WithTimeout(ctx, 30*time.Second)
		db, err := pgstore.Open(octx, pgstore.Config{DSN: *dsn, Schema: *schema})
		cancel()
		if err != nil {
			return err
		}
		backend, store = db, "postgres"
	}
	defer backend.Close()

	now := time.Now()
	if *seed {
		if _, err := backend.Stores().Staff.Member(ctx, server.StaffHead); errors.Is(err, pdata.ErrNotFound) {
			sum, err := server.Seed(ctx, backend, op, sched, now)
			if err != nil {
				return fmt.Errorf("seed: %w", err)
			}
			log.Info("demonstration data set", "staff", sum.Staff, "subjects", sum.Subjects, "records", sum.Records,
				"consents", sum.Consents, "requests", sum.Requests)
		} else if err != nil {
			return err
		}
	}

	srv, err := server.New(server.Config{Backend: backend, Operator: op, Schedule: sched, Logger: log})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(h, slog.LevelWarn),
	}
	fmt.Fprintf(stdout, "pdnkit reference CRM (%s store) listening on http://%s\n", store, ln.Addr())
	fmt.Fprintf(stdout, "try: curl -H '%s: %s' http://%s/dashboard/overdue\n", server.StaffHeader, server.StaffClerk, ln.Addr())

	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
