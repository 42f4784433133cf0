package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/pdnkit/pdnkit/requests"
)

// RequestStore is requests.Store on the requests and request_events tables:
// the request's current state in one row (with the columns the dashboard
// queries), its history one row per event. Update checks the version and the
// history's length under a row lock and appends only the new events, in one
// transaction.
type RequestStore struct{ h handle }

var _ requests.Store = (*RequestStore)(nil)

type requestRow struct {
	kind, party, status string
	deadline, data      []byte
}

func encodeRequest(r requests.Request) (requestRow, error) {
	var x requestRow
	k, err := r.Kind.MarshalText()
	if err != nil {
		return x, err
	}
	p, err := r.Requester.Party.MarshalText()
	if err != nil {
		return x, err
	}
	st, err := r.Status.MarshalText()
	if err != nil {
		return x, err
	}
	if x.deadline, err = json.Marshal(r.Deadline); err != nil {
		return x, err
	}
	r.History = nil
	if x.data, err = json.Marshal(r); err != nil {
		return x, err
	}
	x.kind, x.party, x.status = string(k), string(p), string(st)
	return x, nil
}

func insertEvents(ctx context.Context, tx pgx.Tx, id string, from int, evs []requests.Event) error {
	for i, e := range evs {
		data, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("pgstore: encode event %d of %q: %w", from+i, id, err)
		}
		act, _ := e.Action.MarshalText()
		if _, err := tx.Exec(ctx, `INSERT INTO request_events (request_id, n, at, actor, action, event) VALUES ($1, $2, $3, $4, $5, $6)`,
			id, from+i, e.At, e.Actor, string(act), data); err != nil {
			return mapErr("history of "+id, err)
		}
	}
	return nil
}

// Create implements requests.Store.
func (s *RequestStore) Create(ctx context.Context, r requests.Request) error {
	if r.ID == "" {
		return fmt.Errorf("pgstore: a request needs an ID: %w", ErrInvalid)
	}
	x, err := encodeRequest(r)
	if err != nil {
		return fmt.Errorf("pgstore: encode request %q: %w", r.ID, errors.Join(ErrInvalid, err))
	}
	return s.h.inTx(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO requests (id, subject_id, kind, party, status, is_open, received, received_on, deadline_on, deadline, version, data)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
			r.ID, r.SubjectID, x.kind, x.party, x.status, r.Status.Open(), r.Received, sqlDate(r.ReceivedOn),
			sqlDate(r.Deadline.Date), x.deadline, r.Version, x.data)
		if err != nil {
			return mapErr("create request "+r.ID, err)
		}
		return insertEvents(ctx, tx, r.ID, 0, r.History)
	})
}

// Get implements requests.Store.
func (s *RequestStore) Get(ctx context.Context, id string) (requests.Request, error) {
	var r requests.Request
	err := s.h.do(ctx, func(q conn) error {
		var data []byte
		var version int64
		if err := q.QueryRow(ctx, `SELECT data, version FROM requests WHERE id = $1`, id).Scan(&data, &version); err != nil {
			return err
		}
		var err error
		if r, err = decodeRequest(data, version); err != nil {
			return err
		}
		r.History, err = readHistory(ctx, q, id)
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return requests.Request{}, fmt.Errorf("pgstore: request %q: %w", id, ErrNotFound)
	}
	return r, mapErr("request "+id, err)
}

func decodeRequest(data []byte, version int64) (requests.Request, error) {
	var r requests.Request
	if err := json.Unmarshal(data, &r); err != nil {
		return requests.Request{}, fmt.Errorf("decode request: %w", err)
	}
	r.Version = version
	return r, nil
}

func readHistory(ctx context.Context, q conn, id string) ([]requests.Event, error) {
	rows, err := q.Query(ctx, `SELECT event FROM request_events WHERE request_id = $1 ORDER BY n`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []requests.Event
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		var e requests.Event
		if err := json.Unmarshal(data, &e); err != nil {
			return nil, fmt.Errorf("decode event of %s: %w", id, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Update implements requests.Store.
func (s *RequestStore) Update(ctx context.Context, r requests.Request) error {
	x, err := encodeRequest(r)
	if err != nil {
		return fmt.Errorf("pgstore: encode request %q: %w", r.ID, errors.Join(ErrInvalid, err))
	}
	return s.h.inTx(ctx, func(tx pgx.Tx) error {
		var version int64
		var events int
		err := tx.QueryRow(ctx, `SELECT version, (SELECT count(*) FROM request_events WHERE request_id = r.id)
			FROM requests r WHERE id = $1 FOR UPDATE`, r.ID).Scan(&version, &events)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("pgstore: request %q: %w", r.ID, ErrNotFound)
		}
		if err != nil {
			return mapErr("update request "+r.ID, err)
		}
		if version != r.Version-1 {
			return fmt.Errorf("pgstore: request %q: stored version %d, write of version %d: %w", r.ID, version, r.Version, ErrConflict)
		}
		if len(r.History) < events {
			return fmt.Errorf("pgstore: request %q: the write has %d history entries, %d are stored: %w", r.ID, len(r.History), events, ErrConflict)
		}
		if _, err := tx.Exec(ctx, `UPDATE requests SET subject_id = $2, kind = $3, party = $4, status = $5, is_open = $6, received = $7,
				received_on = $8, deadline_on = $9, deadline = $10, version = $11, data = $12, updated_at = now()
			WHERE id = $1`,
			r.ID, r.SubjectID, x.kind, x.party, x.status, r.Status.Open(), r.Received, sqlDate(r.ReceivedOn),
			sqlDate(r.Deadline.Date), x.deadline, r.Version, x.data); err != nil {
			return mapErr("update request "+r.ID, err)
		}
		return insertEvents(ctx, tx, r.ID, events, r.History[events:])
	})
}

// BySubject implements requests.Store: page by page, oldest receipt first.
func (s *RequestStore) BySubject(ctx context.Context, subjectID string) iter.Seq2[requests.Request, error] {
	return func(yield func(requests.Request, error) bool) {
		var lastAt time.Time
		var lastSeq int64 = -1
		for {
			type row struct {
				r   requests.Request
				at  time.Time
				seq int64
			}
			var page []row
			err := s.h.do(ctx, func(q conn) error {
				rows, err := q.Query(ctx, `SELECT data, version, received, seq FROM requests
					WHERE subject_id = $1 AND (received, seq) > ($2, $3) ORDER BY received, seq LIMIT $4`,
					subjectID, lastAt, lastSeq, pageSize)
				if err != nil {
					return err
				}
				defer rows.Close()
				for rows.Next() {
					var data []byte
					var version int64
					var x row
					if err := rows.Scan(&data, &version, &x.at, &x.seq); err != nil {
						return err
					}
					if x.r, err = decodeRequest(data, version); err != nil {
						return err
					}
					page = append(page, x)
				}
				if err := rows.Err(); err != nil {
					return err
				}
				for i := range page {
					if page[i].r.History, err = readHistory(ctx, q, page[i].r.ID); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				yield(requests.Request{}, mapErr("requests of "+subjectID, err))
				return
			}
			for _, x := range page {
				if !yield(x.r, nil) {
					return
				}
			}
			if len(page) < pageSize {
				return
			}
			lastAt, lastSeq = page[len(page)-1].at, page[len(page)-1].seq
		}
	}
}

// Open implements requests.Store: the open requests' summaries from the
// columns alone, page by page through the partial index requests_open_seq.
func (s *RequestStore) Open(ctx context.Context) iter.Seq2[requests.Summary, error] {
	return streamSeq(ctx, s.h, "open requests",
		`SELECT seq, id, kind, party, subject_id, status, received_on, deadline FROM requests
			WHERE is_open AND seq > $1 ORDER BY seq LIMIT $2`,
		nil, scanSummary)
}

// scanSummary reads a row of Open's query.
func scanSummary(rows pgx.Rows) (requests.Summary, int64, error) {
	var (
		x                   requests.Summary
		seq                 int64
		kind, party, status string
		dl                  []byte
		on                  pgtype.Date
	)
	if err := rows.Scan(&seq, &x.ID, &kind, &party, &x.SubjectID, &status, &on, &dl); err != nil {
		return requests.Summary{}, 0, err
	}
	if err := errors.Join(x.Kind.UnmarshalText([]byte(kind)), x.Party.UnmarshalText([]byte(party)),
		x.Status.UnmarshalText([]byte(status)), json.Unmarshal(dl, &x.Deadline)); err != nil {
		return requests.Summary{}, 0, fmt.Errorf("decode request %s: %w", x.ID, err)
	}
	x.ReceivedOn = fromDate(on)
	return x, seq, nil
}

// Count returns the number of requests stored (for the load check).
func (s *RequestStore) Count(ctx context.Context) (int, error) {
	var n int
	err := s.h.do(ctx, func(q conn) error { return q.QueryRow(ctx, `SELECT count(*) FROM requests`).Scan(&n) })
	return n, mapErr("count requests", err)
}
