package pgstore

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// The pool: at most max connections, a waiter honours its context, a
// connection given back inside a transaction or broken is not reused, and
// close waits for connections in use.
func TestPool(t *testing.T) {
	dsn := os.Getenv("PDNKIT_DSN")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("PDNKIT_DSN is not set and CI=true")
		}
		t.Skip("PDNKIT_DSN is not set: skipping the PostgreSQL test")
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	p := newPool(cfg, 2)
	ctx := context.Background()
	a, err := p.acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := p.acquire(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a third acquire of a pool of 2 while both are out: %v, want the context's deadline", err)
	}

	// a goes back clean and is reused; b goes back inside a transaction and
	// is closed instead.
	pidA := a.PgConn().PID()
	p.release(a)
	if _, err := b.Exec(ctx, "BEGIN"); err != nil {
		t.Fatal(err)
	}
	p.release(b)
	if !b.IsClosed() {
		t.Errorf("a connection given back inside a transaction was kept")
	}
	c, err := p.acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.PgConn().PID() != pidA {
		t.Errorf("the idle connection was not reused")
	}
	d, err := p.acquire(ctx)
	if err != nil {
		t.Fatalf("a slot freed by a dropped connection: %v", err)
	}

	done := make(chan struct{})
	go func() { p.close(); close(done) }()
	select {
	case <-done:
		t.Fatal("close returned while connections were in use")
	case <-time.After(50 * time.Millisecond):
	}
	p.release(c)
	p.release(d)
	<-done
	if !c.IsClosed() || !d.IsClosed() {
		t.Errorf("connections given back after close were kept open")
	}
	if _, err := p.acquire(ctx); !errors.Is(err, errPoolClosed) {
		t.Errorf("acquire after close: %v, want errPoolClosed", err)
	}
}
