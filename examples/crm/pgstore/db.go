package pgstore

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Sentinel errors, pdata's: every store maps its database errors onto them.
var (
	ErrInvalid  = pdata.ErrInvalid
	ErrNotFound = pdata.ErrNotFound
	ErrConflict = pdata.ErrConflict
)

// Config says how to reach the database.
type Config struct {
	// DSN is a PostgreSQL connection string, URL ("postgres://user@host:5432/db")
	// or key=value form.
	DSN string
	// Schema, when set, is the schema the tables live in: it is created if
	// missing and put first on every connection's search_path. Tests give
	// each run a schema of its own. Lower-case letters, digits and
	// underscores only.
	Schema string
	// MaxConns caps the connections open at once; 0 means 16.
	MaxConns int
}

// DB is a PostgreSQL database holding every store of the reference CRM.
// It is safe for concurrent use. Open it with Open, which applies the
// embedded migrations; Close it when done.
type DB struct {
	pool   *pgxpool.Pool
	h      handle
	schema string
}

var schemaName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// Open connects to the database, creates cfg.Schema if it is set and
// missing, applies the migrations not yet applied (see Migrate) and returns
// the handle.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	poolCfg, err := pgxpool.ParseConfig(cfg.DSN)
	if err != nil {
		return nil, fmt.Errorf("pgstore: the DSN does not parse: %w", errors.Join(ErrInvalid, err))
	}
	pc := poolCfg.ConnConfig
	if cfg.Schema != "" {
		if !schemaName.MatchString(cfg.Schema) {
			return nil, fmt.Errorf("pgstore: schema %q: use lower-case letters, digits and underscores: %w", cfg.Schema, ErrInvalid)
		}
		c, err := pgx.ConnectConfig(ctx, pc.Copy())
		if err != nil {
			return nil, fmt.Errorf("pgstore: connect: %w", err)
		}
		_, err = c.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+cfg.Schema)
		closeConn(c)
		if err != nil && !isCode(err, "23505", "42P06") { // a concurrent creator won
			return nil, fmt.Errorf("pgstore: create schema %s: %w", cfg.Schema, err)
		}
		pc.RuntimeParams["search_path"] = cfg.Schema
	}
	pc.RuntimeParams["application_name"] = "pdnkit-crm"
	// Legal dates and moments are stored as date and timestamptz; the
	// session zone only affects how the server prints them.
	pc.RuntimeParams["timezone"] = "UTC"
	max := cfg.MaxConns
	if max <= 0 {
		max = 16
	}
	poolCfg.MaxConns = int32(max)
	p, err := pgxpool.NewWithConfig(ctx, poolCfg)
	if err != nil {
		return nil, fmt.Errorf("pgstore: connect: %w", err)
	}
	db := &DB{pool: p, schema: cfg.Schema}
	db.h = handle{pool: db.pool}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Schema returns the schema the tables live in ("" when Config.Schema was
// not set: the first schema on the server's search_path).
func (db *DB) Schema() string { return db.schema }

// Close closes the database handle: it waits for connections in use to be
// given back and closes them all.
func (db *DB) Close() { db.pool.Close() }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	return db.h.do(ctx, func(c conn) error {
		_, err := c.Exec(ctx, "SELECT 1")
		return err
	})
}

// The migrations, applied in the order of their numbers. A migration is never
// edited once released: a change to the schema is a new file.
//
//go:embed migrations/*.sql
var migrations embed.FS

// Migration is one embedded schema migration.
type Migration struct {
	Version int    // the number the file name starts with
	Name    string // the file name, as recorded in schema_migrations
	SQL     string // the statements
}

// Migrations returns the embedded migrations in order.
func Migrations() ([]Migration, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("pgstore: migration %s: the name must start with its number, as in 0001_schema.sql", base)
		}
		b, err := migrations.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: base, SQL: string(b)})
	}
	slices.SortFunc(out, func(a, b Migration) int { return a.Version - b.Version })
	for i := 1; i < len(out); i++ {
		if out[i].Version == out[i-1].Version {
			return nil, fmt.Errorf("pgstore: two migrations numbered %d", out[i].Version)
		}
	}
	return out, nil
}

// Migrate applies the embedded migrations that the schema_migrations table
// does not list, each in its own transaction with its row in
// schema_migrations. It holds an advisory lock meanwhile, so that several
// processes starting at once apply each migration exactly once. Running it
// again changes nothing.
func (db *DB) Migrate(ctx context.Context) error {
	ms, err := Migrations()
	if err != nil {
		return err
	}
	return db.h.do(ctx, func(c conn) error {
		const lock = `SELECT pg_advisory_lock(hashtext('pdnkit-crm-migrate:' || current_schema()))`
		if _, err := c.Exec(ctx, lock); err != nil {
			return fmt.Errorf("pgstore: migration lock: %w", err)
		}
		defer func() {
			// Released with the session anyway if this fails.
			_, _ = c.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(hashtext('pdnkit-crm-migrate:' || current_schema()))`)
		}()
		if _, err := c.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return fmt.Errorf("pgstore: schema_migrations: %w", err)
		}
		for _, m := range ms {
			err := pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error {
				var done bool
				if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`, m.Version).Scan(&done); err != nil || done {
					return err
				}
				if _, err := tx.Exec(ctx, m.SQL); err != nil {
					return err
				}
				_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name)
				return err
			})
			if err != nil {
				return fmt.Errorf("pgstore: migration %s: %w", m.Name, err)
			}
		}
		return nil
	})
}

// Applied lists the versions recorded in schema_migrations, in order.
func (db *DB) Applied(ctx context.Context) ([]int, error) {
	var out []int
	err := db.h.do(ctx, func(c conn) error {
		rows, err := c.Query(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, pgx.RowTo[int])
		return err
	})
	return out, err
}

// conn is what both a pooled connection and a transaction offer.
type conn interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Begin(ctx context.Context) (pgx.Tx, error)
}

// handle is how a store reaches the database: a pooled connection per call,
// or, inside DB.Atomic, the transaction's connection.
type handle struct {
	pool *pgxpool.Pool
	tx   pgx.Tx // set inside Atomic
}

// do runs f on a connection: the transaction's inside Atomic, else one from
// the pool for the duration of f.
func (h handle) do(ctx context.Context, f func(conn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if h.tx != nil {
		return f(h.tx)
	}
	c, err := h.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	return f(c)
}

// inTx runs f in a transaction that commits when f returns nil. Inside
// Atomic it is a savepoint of the outer transaction: a step that fails (a
// unique violation the caller expects and handles) rolls back to it and
// leaves the outer transaction usable.
func (h handle) inTx(ctx context.Context, f func(pgx.Tx) error) error {
	return h.do(ctx, func(c conn) error { return pgx.BeginFunc(ctx, c, f) })
}

// write runs a single-statement write: on a pooled connection, or inside
// Atomic within a savepoint (see inTx).
func (h handle) write(ctx context.Context, f func(conn) error) error {
	if h.tx != nil {
		return h.inTx(ctx, func(tx pgx.Tx) error { return f(tx) })
	}
	return h.do(ctx, f)
}

// pageSize is how many rows a streaming read fetches per query. Streams read
// page by page (keyset pagination) and hold no connection while the consumer
// handles a row, so a consumer may call the store, or stop, at any point.
const pageSize = 256

// mapErr turns database errors into pdnkit's sentinels: a unique violation or
// a serialization failure is ErrConflict; the original stays in the chain.
func mapErr(what string, err error) error {
	if err == nil {
		return nil
	}
	if isCode(err, "23505", "40001", "40P01") {
		return &conflictError{what: what, cause: err}
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("pgstore: %s: %w", what, ErrNotFound)
	}
	return fmt.Errorf("pgstore: %s: %w", what, err)
}

// conflictError is ErrConflict with the database's error kept in the chain
// (errors.As finds the *pgconn.PgError) but out of the message, which names
// only what conflicted: constraint names are no business of an API client.
type conflictError struct {
	what  string
	cause error
}

func (e *conflictError) Error() string   { return "pgstore: " + e.what + ": " + ErrConflict.Error() }
func (e *conflictError) Unwrap() []error { return []error{ErrConflict, e.cause} }

func isCode(err error, codes ...string) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && slices.Contains(codes, pe.Code)
}

// sqlDate gives a date column's value: NULL for date.Zero.
func sqlDate(d date.Date) any {
	if d == date.Zero {
		return nil
	}
	return pgtype.Date{Time: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), Valid: true}
}

// fromDate reads a date column; NULL is date.Zero.
func fromDate(v pgtype.Date) date.Date {
	if !v.Valid {
		return date.Zero
	}
	return date.New(v.Time.Year(), v.Time.Month(), v.Time.Day())
}

// sqlTime gives a timestamptz column's value: NULL for the zero time.
func sqlTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// nullText gives NULL for "".
func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Stores returns the stores outside any transaction.
func (db *DB) Stores() host.Stores { return storesOn(db.h, db.h) }

// Atomic runs fn with stores bound to one transaction: every write fn makes
// through them commits together when fn returns nil, or none does. The
// audit log writes outside the transaction, so a refused attempt stays
// recorded when fn fails. A serialization failure or deadlock comes back as
// ErrConflict: the caller may retry.
func (db *DB) Atomic(ctx context.Context, fn func(host.Stores) error) error {
	return db.h.do(ctx, func(c conn) error {
		err := pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error {
			return fn(storesOn(handle{pool: db.pool, tx: tx}, db.h))
		})
		if isCode(err, "40001", "40P01") {
			return mapErr("transaction", err)
		}
		return err
	})
}

func storesOn(h, audit handle) host.Stores {
	return host.Stores{
		Consents:  &ConsentStore{h},
		Acts:      &ActStore{h},
		Requests:  &RequestStore{h},
		Journal:   &Journal{h},
		Audit:     &AuditLog{audit},
		Directory: &Directory{h},
		Outbox:    &Outbox{h},
		Queue:     &Queue{h},
		Staff:     &Staff{h},
		Records:   &Records{h},
	}
}

// Consents returns the consent.Store.
func (db *DB) Consents() *ConsentStore { return &ConsentStore{db.h} }

// Acts returns the destruction.Store.
func (db *DB) Acts() *ActStore { return &ActStore{db.h} }

// Requests returns the requests.Store.
func (db *DB) Requests() *RequestStore { return &RequestStore{db.h} }

// Journal returns the journal of disclosures (requests.Journal).
func (db *DB) Journal() *Journal { return &Journal{db.h} }

// AuditLog returns the log of refused attempts (requests.AuditLog).
func (db *DB) AuditLog() *AuditLog { return &AuditLog{db.h} }

// Directory returns the subject directory (requests.Directory, host.Directory).
func (db *DB) Directory() *Directory { return &Directory{db.h} }

// Outbox returns the notifier (requests.Notifier, host.Outbox).
func (db *DB) Outbox() *Outbox { return &Outbox{db.h} }

// Queue returns the destruction queue (requests.Destroyer, host.Queue).
func (db *DB) Queue() *Queue { return &Queue{db.h} }

// Staff returns the access list (requests.AccessList, host.Staff).
func (db *DB) Staff() *Staff { return &Staff{db.h} }

// Records returns the register of records (host.Records).
func (db *DB) Records() *Records { return &Records{db.h} }

var _ host.Backend = (*DB)(nil)

// streamSeq streams the rows of query page by page, keyed by a seq column:
// query's last two parameters are the seq to start after and the page size,
// and scan returns each row's value and seq. No connection is held while the
// consumer handles a row.
func streamSeq[T any](ctx context.Context, h handle, what, query string, args []any, scan func(pgx.Rows) (T, int64, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		var last int64
		for {
			page := make([]T, 0, pageSize)
			var lastSeq int64
			err := h.do(ctx, func(q conn) error {
				a := append(slices.Clip(args), last, pageSize)
				rows, err := q.Query(ctx, query, a...)
				if err != nil {
					return err
				}
				defer rows.Close()
				for rows.Next() {
					v, seq, err := scan(rows)
					if err != nil {
						return err
					}
					page, lastSeq = append(page, v), seq
				}
				return rows.Err()
			})
			if err != nil {
				yield(zero, mapErr(what, err))
				return
			}
			for _, v := range page {
				if !yield(v, nil) {
					return
				}
			}
			if len(page) < pageSize {
				return
			}
			last = lastSeq
		}
	}
}

// scanJSON returns a scan function for rows of (data jsonb, seq bigint).
func scanJSON[T any](rows pgx.Rows) (T, int64, error) {
	var v T
	var data []byte
	var seq int64
	if err := rows.Scan(&data, &seq); err != nil {
		return v, 0, err
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return v, 0, fmt.Errorf("decode %T: %w", v, err)
	}
	return v, seq, nil
}

// closeConn closes a single connection opened outside the pool.
func closeConn(c *pgx.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = c.Close(ctx)
}
