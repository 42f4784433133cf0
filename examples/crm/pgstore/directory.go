package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
)

// Directory is the subject directory (requests.Directory, requests.HoldLister
// and host.Directory) on the subjects, subject_holds and subject_changes
// tables. Each change to a subject's record is logged in subject_changes with
// the request that asked for it and the categories touched, never the data.
type Directory struct{ h handle }

var _ host.Directory = (*Directory)(nil)

// Subject implements requests.Directory.
func (d *Directory) Subject(ctx context.Context, id string) (pdata.Subject, error) {
	var s pdata.Subject
	err := d.h.do(ctx, func(q conn) error {
		var data []byte
		if err := q.QueryRow(ctx, `SELECT data FROM subjects WHERE id = $1`, id).Scan(&data); err != nil {
			return err
		}
		return json.Unmarshal(data, &s)
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return pdata.Subject{}, fmt.Errorf("pgstore: subject %q: %w", id, ErrNotFound)
	}
	return s, mapErr("subject "+id, err)
}

// Put implements host.Directory: it adds the subject or replaces it whole.
func (d *Directory) Put(ctx context.Context, s pdata.Subject) error {
	if s.ID == "" {
		return fmt.Errorf("pgstore: a subject needs an ID: %w", ErrInvalid)
	}
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("pgstore: encode subject %q: %w", s.ID, err)
	}
	return d.h.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO subjects (id, category, data) VALUES ($1, $2, $3)
			ON CONFLICT (id) DO UPDATE SET category = excluded.category, data = excluded.data,
				version = subjects.version + 1, updated_at = now()`, s.ID, s.Category.String(), data); err != nil {
			return mapErr("put subject "+s.ID, err)
		}
		return logChange(ctx, tx, s.ID, "", "put", s.Held())
	})
}

// Create implements host.Directory: a plain INSERT, so that the primary key
// refuses an ID already taken (ErrConflict) in the same statement.
func (d *Directory) Create(ctx context.Context, s pdata.Subject) error {
	if s.ID == "" {
		return fmt.Errorf("pgstore: a subject needs an ID: %w", ErrInvalid)
	}
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("pgstore: encode subject %q: %w", s.ID, err)
	}
	return d.h.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO subjects (id, category, data) VALUES ($1, $2, $3)`,
			s.ID, s.Category.String(), data); err != nil {
			return mapErr("create subject "+s.ID, err)
		}
		return logChange(ctx, tx, s.ID, "", "put", s.Held())
	})
}

func logChange(ctx context.Context, tx pgx.Tx, subjectID, requestID, change string, cats pdata.CategorySet) error {
	names := make([]string, 0, cats.Len())
	for _, c := range cats.Slice() {
		names = append(names, c.String())
	}
	_, err := tx.Exec(ctx, `INSERT INTO subject_changes (subject_id, request_id, change, categories) VALUES ($1, $2, $3, $4)`,
		subjectID, nullText(requestID), change, names)
	return mapErr("log change of "+subjectID, err)
}

// Block implements requests.Directory.
func (d *Directory) Block(ctx context.Context, subjectID string, h requests.Hold) error {
	basis, err := json.Marshal(h.Basis)
	if err != nil {
		return err
	}
	return d.h.inTx(ctx, func(tx pgx.Tx) error {
		var exists bool
		// FOR SHARE keeps the subject from being erased while the hold is placed.
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM subjects WHERE id = $1 FOR SHARE)`, subjectID).Scan(&exists); err != nil {
			return mapErr("block "+subjectID, err)
		}
		if !exists {
			return fmt.Errorf("pgstore: subject %q: %w", subjectID, ErrNotFound)
		}
		_, err := tx.Exec(ctx, `INSERT INTO subject_holds (subject_id, request_id, since, reason, basis) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (subject_id, request_id) DO NOTHING`, subjectID, h.RequestID, h.Since, h.Reason, basis)
		return mapErr("block "+subjectID, err)
	})
}

// Unblock implements requests.Directory.
func (d *Directory) Unblock(ctx context.Context, subjectID, requestID string) error {
	err := d.h.write(ctx, func(q conn) error {
		_, err := q.Exec(ctx, `DELETE FROM subject_holds WHERE subject_id = $1 AND request_id = $2`, subjectID, requestID)
		return err
	})
	return mapErr("unblock "+subjectID, err)
}

// Holds implements requests.HoldLister.
func (d *Directory) Holds(ctx context.Context, subjectID string) ([]requests.Hold, error) {
	var out []requests.Hold
	err := d.h.do(ctx, func(q conn) error {
		rows, err := q.Query(ctx, `SELECT request_id, since, reason, basis FROM subject_holds WHERE subject_id = $1 ORDER BY seq`, subjectID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h requests.Hold
			var basis []byte
			if err := rows.Scan(&h.RequestID, &h.Since, &h.Reason, &basis); err != nil {
				return err
			}
			if err := json.Unmarshal(basis, &h.Basis); err != nil {
				return err
			}
			out = append(out, h)
		}
		return rows.Err()
	})
	return out, mapErr("holds of "+subjectID, err)
}

// Correct implements requests.Directory.
func (d *Directory) Correct(ctx context.Context, s pdata.Subject, requestID string) error {
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("pgstore: encode subject %q: %w", s.ID, err)
	}
	return d.h.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE subjects SET category = $2, data = $3, version = version + 1, updated_at = now() WHERE id = $1`,
			s.ID, s.Category.String(), data)
		if err != nil {
			return mapErr("correct "+s.ID, err)
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("pgstore: subject %q: %w", s.ID, ErrNotFound)
		}
		return logChange(ctx, tx, s.ID, requestID, "correct", s.Held())
	})
}

// Erase implements requests.Directory: the categories are cleared from the
// record (requests.EraseCategories); a record left with nothing is deleted.
func (d *Directory) Erase(ctx context.Context, subjectID string, cats pdata.CategorySet, requestID string) error {
	return d.h.inTx(ctx, func(tx pgx.Tx) error {
		var data []byte
		err := tx.QueryRow(ctx, `SELECT data FROM subjects WHERE id = $1 FOR UPDATE`, subjectID).Scan(&data)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil // erasing what is not there changes nothing
		}
		if err != nil {
			return mapErr("erase "+subjectID, err)
		}
		var s pdata.Subject
		if err := json.Unmarshal(data, &s); err != nil {
			return fmt.Errorf("pgstore: decode subject %q: %w", subjectID, err)
		}
		erased := s.Held() & cats
		requests.EraseCategories(&s, cats)
		if s.Held() == 0 {
			if _, err := tx.Exec(ctx, `DELETE FROM subjects WHERE id = $1`, subjectID); err != nil {
				return mapErr("erase "+subjectID, err)
			}
			return logChange(ctx, tx, subjectID, requestID, "delete", erased)
		}
		if data, err = json.Marshal(s); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE subjects SET data = $2, version = version + 1, updated_at = now() WHERE id = $1`, subjectID, data); err != nil {
			return mapErr("erase "+subjectID, err)
		}
		return logChange(ctx, tx, subjectID, requestID, "erase", erased)
	})
}

// Staff is the access list (requests.AccessList, host.Staff) on the staff
// table.
type Staff struct{ h handle }

var _ host.Staff = (*Staff)(nil)

// Member implements requests.AccessList.
func (s *Staff) Member(ctx context.Context, id string) (requests.StaffMember, error) {
	m := requests.StaffMember{ID: id}
	err := s.h.do(ctx, func(q conn) error {
		var off []byte
		if err := q.QueryRow(ctx, `SELECT official, resolves FROM staff WHERE id = $1`, id).Scan(&off, &m.Resolves); err != nil {
			return err
		}
		return json.Unmarshal(off, &m.Official)
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return requests.StaffMember{}, fmt.Errorf("pgstore: staff member %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return requests.StaffMember{}, mapErr("staff member "+id, err)
	}
	return m, nil
}

// Put implements host.Staff.
func (s *Staff) Put(ctx context.Context, m requests.StaffMember) error {
	if m.ID == "" {
		return fmt.Errorf("pgstore: a staff member needs an ID: %w", ErrInvalid)
	}
	off, err := json.Marshal(m.Official)
	if err != nil {
		return err
	}
	err = s.h.write(ctx, func(q conn) error {
		_, err := q.Exec(ctx, `INSERT INTO staff (id, official, resolves) VALUES ($1, $2, $3)
			ON CONFLICT (id) DO UPDATE SET official = excluded.official, resolves = excluded.resolves, updated_at = now()`,
			m.ID, off, m.Resolves)
		return err
	})
	return mapErr("put staff member "+m.ID, err)
}
