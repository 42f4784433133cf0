package pgstore

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// pool is a small connection pool over pgx.Conn: at most max connections,
// idle ones reused, broken ones (closed, busy, or left inside a transaction)
// discarded on release, and an idle connection pinged before reuse after a
// quiet spell.
//
// pgx's own pool, pgxpool, needs github.com/jackc/puddle/v2, which this
// module does not require; the example keeps to pgx's core packages and this
// page of code. The stores reach connections only through handle.do, so a
// host that prefers pgxpool changes this file and Open, nothing else.
type pool struct {
	cfg  *pgx.ConnConfig
	sem  chan struct{}  // one token per connection handed out
	idle chan idleConn  // connections ready for reuse
	mu   sync.Mutex     // guards closed
	shut bool           // Close was called
	wg   sync.WaitGroup // connections handed out
}

type idleConn struct {
	c     *pgx.Conn
	since time.Time
}

// pingAfter is how long a connection may sit idle before it is checked.
const pingAfter = 30 * time.Second

var errPoolClosed = errors.New("pgstore: the database handle is closed")

func newPool(cfg *pgx.ConnConfig, max int) *pool {
	return &pool{cfg: cfg, sem: make(chan struct{}, max), idle: make(chan idleConn, max)}
}

// acquire returns a connection for the caller's exclusive use; give it back
// with release.
func (p *pool) acquire(ctx context.Context) (*pgx.Conn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p.mu.Lock()
	if p.shut {
		p.mu.Unlock()
		return nil, errPoolClosed
	}
	p.wg.Add(1) // under mu, so that close cannot start waiting in between
	p.mu.Unlock()
	select {
	case p.sem <- struct{}{}:
	case <-ctx.Done():
		p.wg.Done()
		return nil, ctx.Err()
	}
	for {
		var ic idleConn
		select {
		case ic = <-p.idle:
		default:
			c, err := pgx.ConnectConfig(ctx, p.cfg.Copy())
			if err != nil {
				p.drop(nil)
				return nil, err
			}
			return c, nil
		}
		if ic.c.IsClosed() {
			continue
		}
		if time.Since(ic.since) > pingAfter {
			if err := ic.c.Ping(ctx); err != nil {
				closeConn(ic.c)
				if ctx.Err() != nil {
					p.drop(nil)
					return nil, ctx.Err()
				}
				continue
			}
		}
		return ic.c, nil
	}
}

// release gives a connection back. A connection that is closed, still busy
// with a query, or inside a transaction is closed instead of reused.
func (p *pool) release(c *pgx.Conn) {
	pc := c.PgConn()
	if c.IsClosed() || pc.IsBusy() || pc.TxStatus() != 'I' || p.closed() {
		p.drop(c)
		return
	}
	select {
	case p.idle <- idleConn{c: c, since: time.Now()}:
		<-p.sem
		p.wg.Done()
	default:
		p.drop(c)
	}
}

// drop closes c (if any) and frees its slot.
func (p *pool) drop(c *pgx.Conn) {
	if c != nil {
		closeConn(c)
	}
	<-p.sem
	p.wg.Done()
}

func (p *pool) closed() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.shut
}

// close closes the idle connections, waits for those handed out to come
// back (each is closed on release), and refuses new acquisitions.
func (p *pool) close() {
	p.mu.Lock()
	p.shut = true
	p.mu.Unlock()
	p.wg.Wait()
	for {
		select {
		case ic := <-p.idle:
			closeConn(ic.c)
		default:
			return
		}
	}
}

func closeConn(c *pgx.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = c.Close(ctx)
}
