package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Records is host.Records on the records table: every record the operator
// keeps, with its retention term stored beside it and indexed (records_due),
// so that the sweep reads only the rows that may be due.
type Records struct{ h handle }

var _ host.Records = (*Records)(nil)

// Add implements host.Records.
func (s *Records) Add(ctx context.Context, r host.Record) error {
	if r.ID == "" {
		return fmt.Errorf("pgstore: a record needs an ID: %w", ErrInvalid)
	}
	kind, err := r.Kind.MarshalText()
	if err != nil {
		return fmt.Errorf("pgstore: record %q: %w", r.ID, err)
	}
	cats := make([]string, len(r.Categories))
	for i, c := range r.Categories {
		b, err := c.MarshalText()
		if err != nil {
			return fmt.Errorf("pgstore: record %q: %w", r.ID, err)
		}
		cats[i] = string(b)
	}
	medium, err := json.Marshal(r.Medium)
	if err != nil {
		return err
	}
	err = s.h.write(ctx, func(q conn) error {
		_, err := q.Exec(ctx, `INSERT INTO records (id, subject_id, kind, closed, hazardous, purpose_achieved, title, categories, medium,
				destroy_from, destroy_by, selected_in, destroyed_on, destroyed_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
			r.ID, r.SubjectID, string(kind), sqlDate(r.Closed), r.Hazardous, sqlDate(r.PurposeAchieved), r.Title, cats, medium,
			sqlDate(r.DestroyFrom), sqlDate(r.DestroyBy), nullText(r.SelectedIn), sqlDate(r.Destroyed), nullText(r.DestroyedBy))
		return err
	})
	return mapErr("add record "+r.ID, err)
}

const recordColumns = `id, subject_id, kind, closed, hazardous, purpose_achieved, title, categories, medium,
	destroy_from, destroy_by, selected_in, destroyed_on, destroyed_by`

func scanRecord(row pgx.Row) (host.Record, error) {
	var (
		r                                    host.Record
		kind                                 string
		closed, purpose, from, by, destroyed pgtype.Date
		cats                                 []string
		medium                               []byte
		selected, destroyedBy                pgtype.Text
	)
	if err := row.Scan(&r.ID, &r.SubjectID, &kind, &closed, &r.Hazardous, &purpose, &r.Title, &cats, &medium,
		&from, &by, &selected, &destroyed, &destroyedBy); err != nil {
		return host.Record{}, err
	}
	if err := r.Kind.UnmarshalText([]byte(kind)); err != nil {
		return host.Record{}, fmt.Errorf("record %s: %w", r.ID, err)
	}
	r.Categories = make([]pdata.DataCategory, len(cats))
	for i, c := range cats {
		if err := r.Categories[i].UnmarshalText([]byte(c)); err != nil {
			return host.Record{}, fmt.Errorf("record %s: %w", r.ID, err)
		}
	}
	if err := json.Unmarshal(medium, &r.Medium); err != nil {
		return host.Record{}, fmt.Errorf("record %s: medium: %w", r.ID, err)
	}
	r.Closed, r.PurposeAchieved, r.DestroyFrom, r.DestroyBy, r.Destroyed = fromDate(closed), fromDate(purpose), fromDate(from), fromDate(by), fromDate(destroyed)
	r.SelectedIn, r.DestroyedBy = selected.String, destroyedBy.String
	return r, nil
}

// Get implements host.Records.
func (s *Records) Get(ctx context.Context, id string) (host.Record, error) {
	var r host.Record
	err := s.h.do(ctx, func(q conn) error {
		var err error
		r, err = scanRecord(q.QueryRow(ctx, `SELECT `+recordColumns+` FROM records WHERE id = $1`, id))
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return host.Record{}, fmt.Errorf("pgstore: record %q: %w", id, ErrNotFound)
	}
	return r, mapErr("record "+id, err)
}

// Candidates implements host.Records with the query package retention
// recommends, page by page through the records_due index.
func (s *Records) Candidates(ctx context.Context, asOf date.Date) iter.Seq2[host.Record, error] {
	return func(yield func(host.Record, error) bool) {
		if asOf == date.Zero {
			return
		}
		lastFrom, lastID := date.Zero, ""
		for {
			page := make([]host.Record, 0, pageSize)
			err := s.h.do(ctx, func(q conn) error {
				rows, err := q.Query(ctx, `SELECT `+recordColumns+` FROM records
					WHERE destroyed_on IS NULL AND selected_in IS NULL AND destroy_from <= $1
					  AND ($2::date IS NULL OR (destroy_from, id) > ($2, $3))
					ORDER BY destroy_from, id LIMIT $4`,
					sqlDate(asOf), sqlDate(lastFrom), lastID, pageSize)
				if err != nil {
					return err
				}
				defer rows.Close()
				for rows.Next() {
					r, err := scanRecord(rows)
					if err != nil {
						return err
					}
					page = append(page, r)
				}
				return rows.Err()
			})
			if err != nil {
				yield(host.Record{}, mapErr("due records", err))
				return
			}
			for _, r := range page {
				if !yield(r, nil) {
					return
				}
			}
			if len(page) < pageSize {
				return
			}
			lastFrom, lastID = page[len(page)-1].DestroyFrom, page[len(page)-1].ID
		}
	}
}

// MarkSelected implements host.Records.
func (s *Records) MarkSelected(ctx context.Context, ids []string, actID string) error {
	if len(ids) == 0 {
		return nil
	}
	return s.h.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE records SET selected_in = $2 WHERE id = ANY($1) AND selected_in IS NULL AND destroyed_on IS NULL`, ids, actID)
		if err != nil {
			return mapErr("select records", err)
		}
		if int(tag.RowsAffected()) == len(ids) {
			return nil
		}
		var known int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM records WHERE id = ANY($1)`, ids).Scan(&known); err != nil {
			return mapErr("select records", err)
		}
		if known < len(ids) {
			return fmt.Errorf("pgstore: %d of %d records are not in the register: %w", len(ids)-known, len(ids), ErrNotFound)
		}
		return fmt.Errorf("pgstore: some records are already selected or destroyed: %w", ErrConflict)
	})
}

// MarkDestroyed implements host.Records.
func (s *Records) MarkDestroyed(ctx context.Context, ids []string, on date.Date, actID string) error {
	if len(ids) == 0 {
		return nil
	}
	return s.h.inTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `UPDATE records SET destroyed_on = $2, destroyed_by = $3 WHERE id = ANY($1) AND destroyed_on IS NULL RETURNING id`,
			ids, sqlDate(on), actID)
		if err != nil {
			return mapErr("mark records destroyed", err)
		}
		updated, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return mapErr("mark records destroyed", err)
		}
		if updated == nil {
			updated = []string{}
		}
		// A listed record this update did not mark is not in the register
		// (skipped) or was destroyed before (refused; the transaction rolls
		// back). A concurrent marker's update is waited for by ours, and
		// its result is seen by this statement.
		var id string
		var was pgtype.Date
		var by pgtype.Text
		err = tx.QueryRow(ctx, `SELECT id, destroyed_on, destroyed_by FROM records
			WHERE id = ANY($1) AND NOT id = ANY($2) AND destroyed_on IS NOT NULL ORDER BY id LIMIT 1`, ids, updated).Scan(&id, &was, &by)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		if err != nil {
			return mapErr("mark records destroyed", err)
		}
		return fmt.Errorf("pgstore: record %q was destroyed on %s by act %q: %w", id, fromDate(was), by.String, ErrConflict)
	})
}

// Queue is host.Queue (requests.Destroyer) on the selection_queue table.
type Queue struct{ h handle }

var _ host.Queue = (*Queue)(nil)

// Select implements requests.Destroyer: an item already queued (same
// RecordID) changes nothing.
func (s *Queue) Select(ctx context.Context, items []destruction.Item) error {
	for _, it := range items {
		if it.RecordID == "" {
			return fmt.Errorf("pgstore: an item needs a record ID: %w", ErrInvalid)
		}
	}
	return s.h.inTx(ctx, func(tx pgx.Tx) error {
		for _, it := range items {
			data, err := json.Marshal(it)
			if err != nil {
				return fmt.Errorf("pgstore: encode item %q: %w", it.RecordID, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO selection_queue (record_id, item) VALUES ($1, $2) ON CONFLICT (record_id) DO NOTHING`,
				it.RecordID, data); err != nil {
				return mapErr("queue "+it.RecordID, err)
			}
		}
		return nil
	})
}

// Pending implements host.Queue.
func (s *Queue) Pending(ctx context.Context) iter.Seq2[destruction.Item, error] {
	return streamSeq(ctx, s.h, "selection queue",
		`SELECT item, seq FROM selection_queue WHERE act_id IS NULL AND seq > $1 ORDER BY seq LIMIT $2`,
		nil, scanJSON[destruction.Item])
}

// Take implements host.Queue.
func (s *Queue) Take(ctx context.Context, recordIDs []string, actID string) error {
	if len(recordIDs) == 0 {
		return nil
	}
	return s.h.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE selection_queue SET act_id = $2 WHERE record_id = ANY($1) AND act_id IS NULL`, recordIDs, actID)
		if err != nil {
			return mapErr("take queued items", err)
		}
		if int(tag.RowsAffected()) != len(recordIDs) {
			return fmt.Errorf("pgstore: some items are not pending: %w", ErrConflict)
		}
		return nil
	})
}
