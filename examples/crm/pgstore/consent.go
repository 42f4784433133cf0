package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/pdnkit/pdnkit/consent"
)

// ConsentStore is consent.Store on the consents table. The consent as given
// is kept in one column and its withdrawal in another, so that recording a
// withdrawal never rewrites the consent (a trigger refuses any other change).
type ConsentStore struct{ h handle }

var _ consent.Store = (*ConsentStore)(nil)

// Add implements consent.Store.
func (s *ConsentStore) Add(ctx context.Context, c consent.Consent) error {
	if c.ID == "" || c.SubjectID == "" {
		return fmt.Errorf("pgstore: a consent needs an ID and a subject ID: %w", ErrInvalid)
	}
	c = c.Clone()
	w := c.Withdrawn
	c.Withdrawn = nil
	data, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("pgstore: encode consent %q: %w", c.ID, err)
	}
	var wdata any
	var won any
	if w != nil {
		b, err := json.Marshal(w)
		if err != nil {
			return fmt.Errorf("pgstore: encode withdrawal of %q: %w", c.ID, err)
		}
		wdata, won = b, sqlDate(w.Date)
	}
	kind, _ := c.Kind.MarshalText()
	err = s.h.write(ctx, func(q conn) error {
		_, err := q.Exec(ctx, `INSERT INTO consents (id, subject_id, kind, given, expires, data, withdrawal, withdrawn_on)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			c.ID, c.SubjectID, string(kind), sqlDate(c.Given), sqlDate(c.Expires()), data, wdata, won)
		return err
	})
	return mapErr("add consent "+c.ID, err)
}

// Get implements consent.Store.
func (s *ConsentStore) Get(ctx context.Context, id string) (consent.Consent, error) {
	var c consent.Consent
	err := s.h.do(ctx, func(q conn) error {
		var data, wdata []byte
		if err := q.QueryRow(ctx, `SELECT data, withdrawal FROM consents WHERE id = $1`, id).Scan(&data, &wdata); err != nil {
			return err
		}
		var err error
		c, err = decodeConsent(data, wdata)
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return consent.Consent{}, fmt.Errorf("pgstore: consent %q: %w", id, ErrNotFound)
	}
	return c, mapErr("get consent "+id, err)
}

// ListBySubject implements consent.Store: a subject has a handful of
// consents, read in one query in the order they were added.
func (s *ConsentStore) ListBySubject(ctx context.Context, subjectID string) ([]consent.Consent, error) {
	out := []consent.Consent{}
	err := s.h.do(ctx, func(q conn) error {
		rows, err := q.Query(ctx, `SELECT data, withdrawal FROM consents WHERE subject_id = $1 ORDER BY seq`, subjectID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var data, wdata []byte
			if err := rows.Scan(&data, &wdata); err != nil {
				return err
			}
			c, err := decodeConsent(data, wdata)
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, mapErr("consents of "+subjectID, err)
	}
	return out, nil
}

// Withdraw implements consent.Store: the withdrawal is written only where
// none is, so two concurrent withdrawals cannot both succeed.
func (s *ConsentStore) Withdraw(ctx context.Context, id string, w consent.Withdrawal) error {
	data, err := json.Marshal(w)
	if err != nil {
		return fmt.Errorf("pgstore: encode withdrawal of %q: %w", id, err)
	}
	return s.h.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE consents SET withdrawal = $2, withdrawn_on = $3 WHERE id = $1 AND withdrawal IS NULL`,
			id, data, sqlDate(w.Date))
		if err != nil {
			return mapErr("withdraw consent "+id, err)
		}
		if tag.RowsAffected() == 1 {
			return nil
		}
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM consents WHERE id = $1)`, id).Scan(&exists); err != nil {
			return mapErr("withdraw consent "+id, err)
		}
		if !exists {
			return fmt.Errorf("pgstore: consent %q: %w", id, ErrNotFound)
		}
		return fmt.Errorf("pgstore: consent %q is already withdrawn: %w", id, ErrConflict)
	})
}

func decodeConsent(data, wdata []byte) (consent.Consent, error) {
	var c consent.Consent
	if err := json.Unmarshal(data, &c); err != nil {
		return consent.Consent{}, fmt.Errorf("decode consent: %w", err)
	}
	if wdata != nil {
		var w consent.Withdrawal
		if err := json.Unmarshal(wdata, &w); err != nil {
			return consent.Consent{}, fmt.Errorf("decode withdrawal: %w", err)
		}
		c.Withdrawn = &w
	}
	return c, nil
}
