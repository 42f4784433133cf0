package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/pdnkit/pdnkit/destruction"
)

// ActStore is destruction.Store on the commissions, acts and act_versions
// tables. Versions are appended, never rewritten; the acts row carries the
// latest version number, and an append moves it forward only from the version
// before (the optimistic lock), in the same transaction as the new row. A
// second destruction act for one selection act (or a second replacement of
// one act) is ErrConflict: the unique index act_versions_one_destruction
// (see host.Stores).
type ActStore struct{ h handle }

var _ destruction.Store = (*ActStore)(nil)

// AddCommission implements destruction.CommissionStore.
func (s *ActStore) AddCommission(ctx context.Context, c destruction.Commission) error {
	data, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("pgstore: encode commission %q: %w", c.ID, err)
	}
	err = s.h.write(ctx, func(q conn) error {
		_, err := q.Exec(ctx, `INSERT INTO commissions (id, order_number, order_date, data) VALUES ($1, $2, $3, $4)`,
			c.ID, c.Order.Number, sqlDate(c.Order.Date), data)
		return err
	})
	return mapErr("add commission "+c.ID, err)
}

// Commission implements destruction.CommissionStore.
func (s *ActStore) Commission(ctx context.Context, id string) (destruction.Commission, error) {
	var c destruction.Commission
	err := s.h.do(ctx, func(q conn) error {
		var data []byte
		if err := q.QueryRow(ctx, `SELECT data FROM commissions WHERE id = $1`, id).Scan(&data); err != nil {
			return err
		}
		return json.Unmarshal(data, &c)
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return destruction.Commission{}, fmt.Errorf("pgstore: commission %q: %w", id, ErrNotFound)
	}
	return c, mapErr("commission "+id, err)
}

// AppendAct implements destruction.ActStore.
func (s *ActStore) AppendAct(ctx context.Context, r destruction.ActRecord) error {
	if r.Version < 1 {
		return fmt.Errorf("pgstore: act %q: version %d: %w", r.ID, r.Version, ErrConflict)
	}
	kind, err := r.Kind.MarshalText()
	if err != nil {
		return fmt.Errorf("pgstore: act %q: %w", r.ID, err)
	}
	state, err := r.State.MarshalText()
	if err != nil {
		return fmt.Errorf("pgstore: act %q: %w", r.ID, err)
	}
	if !json.Valid(r.Data) {
		return fmt.Errorf("pgstore: act %q: the data is not JSON: %w", r.ID, ErrInvalid)
	}
	return s.h.inTx(ctx, func(tx pgx.Tx) error {
		var tag interface{ RowsAffected() int64 }
		var err error
		if r.Version == 1 {
			tag, err = tx.Exec(ctx, `INSERT INTO acts (id, latest) VALUES ($1, 1) ON CONFLICT (id) DO NOTHING`, r.ID)
		} else {
			tag, err = tx.Exec(ctx, `UPDATE acts SET latest = $2 WHERE id = $1 AND latest = $2 - 1`, r.ID, r.Version)
		}
		if err != nil {
			return mapErr("append act "+r.ID, err)
		}
		if tag.RowsAffected() != 1 {
			return fmt.Errorf("pgstore: act %q: version %d is not the next one: %w", r.ID, r.Version, ErrConflict)
		}
		_, err = tx.Exec(ctx, `INSERT INTO act_versions (act_id, version, kind, state, number, act_date, replaces, selection, digest, data)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			r.ID, r.Version, string(kind), string(state), r.Number, sqlDate(r.Date),
			nullText(r.Replaces), nullText(r.Selection), nullText(r.Digest), r.Data)
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "23505" && pe.ConstraintName == "act_versions_one_destruction" {
			if r.Replaces != "" {
				return &conflictError{what: fmt.Sprintf("act %q: act %q is superseded already", r.ID, r.Replaces), cause: err}
			}
			return &conflictError{what: fmt.Sprintf("act %q: selection act %q already has a destruction act", r.ID, r.Selection), cause: err}
		}
		return mapErr("append act "+r.ID, err)
	})
}

const actColumns = `v.act_id, v.version, v.kind, v.state, v.number, v.act_date, v.replaces, v.selection, v.digest, v.data`

// scanAct reads actColumns, after the columns pre scans into.
func scanAct(row pgx.Row, pre ...any) (destruction.ActRecord, error) {
	var (
		r                         destruction.ActRecord
		kind, state               string
		d                         pgtype.Date
		replaces, selection, dgst pgtype.Text
	)
	dst := append(pre, &r.ID, &r.Version, &kind, &state, &r.Number, &d, &replaces, &selection, &dgst, &r.Data)
	if err := row.Scan(dst...); err != nil {
		return destruction.ActRecord{}, err
	}
	if err := r.Kind.UnmarshalText([]byte(kind)); err != nil && kind != "" {
		return destruction.ActRecord{}, fmt.Errorf("act %s: kind: %w", r.ID, err)
	}
	if err := r.State.UnmarshalText([]byte(state)); err != nil && state != "" {
		return destruction.ActRecord{}, fmt.Errorf("act %s: state: %w", r.ID, err)
	}
	r.Date, r.Replaces, r.Selection, r.Digest = fromDate(d), replaces.String, selection.String, dgst.String
	return r, nil
}

// LatestAct implements destruction.ActStore.
func (s *ActStore) LatestAct(ctx context.Context, id string) (destruction.ActRecord, error) {
	var r destruction.ActRecord
	err := s.h.do(ctx, func(q conn) error {
		var err error
		r, err = scanAct(q.QueryRow(ctx, `SELECT `+actColumns+` FROM acts a JOIN act_versions v ON v.act_id = a.id AND v.version = a.latest
			WHERE a.id = $1`, id))
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return destruction.ActRecord{}, fmt.Errorf("pgstore: act %q: %w", id, ErrNotFound)
	}
	return r, mapErr("act "+id, err)
}

// ActVersions implements destruction.ActStore.
func (s *ActStore) ActVersions(ctx context.Context, id string) iter.Seq2[destruction.ActRecord, error] {
	return func(yield func(destruction.ActRecord, error) bool) {
		last, n := 0, 0
		for {
			var page []destruction.ActRecord
			err := s.h.do(ctx, func(q conn) error {
				rows, err := q.Query(ctx, `SELECT `+actColumns+` FROM act_versions v WHERE v.act_id = $1 AND v.version > $2
					ORDER BY v.version LIMIT $3`, id, last, pageSize)
				if err != nil {
					return err
				}
				page, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (destruction.ActRecord, error) { return scanAct(row) })
				return err
			})
			if err != nil {
				yield(destruction.ActRecord{}, mapErr("versions of act "+id, err))
				return
			}
			if n == 0 && len(page) == 0 {
				yield(destruction.ActRecord{}, fmt.Errorf("pgstore: act %q: %w", id, ErrNotFound))
				return
			}
			for _, r := range page {
				n++
				if !yield(r, nil) {
					return
				}
			}
			if len(page) < pageSize {
				return
			}
			last = page[len(page)-1].Version
		}
	}
}

// Acts implements destruction.ActStore: the latest version of every act, in
// the order the acts were first saved.
func (s *ActStore) Acts(ctx context.Context) iter.Seq2[destruction.ActRecord, error] {
	return streamSeq(ctx, s.h, "acts",
		`SELECT a.seq, `+actColumns+` FROM acts a JOIN act_versions v ON v.act_id = a.id AND v.version = a.latest
			WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`,
		nil, func(rows pgx.Rows) (destruction.ActRecord, int64, error) {
			var seq int64
			r, err := scanAct(rows, &seq)
			return r, seq, err
		})
}
