package pgstore

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"time"

	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/requests"
)

// Journal is requests.Journal, the journal of disclosures (policy 5.3), on
// the disclosures table: appended, never rewritten.
type Journal struct{ h handle }

var _ requests.Journal = (*Journal)(nil)

// Append implements requests.Journal.
func (j *Journal) Append(ctx context.Context, d requests.Disclosure) error {
	data, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("pgstore: encode disclosure %q: %w", d.ID, err)
	}
	err = j.h.write(ctx, func(q conn) error {
		_, err := q.Exec(ctx, `INSERT INTO disclosures (id, request_id, subject_id, recipient, disclosed_on, at, data)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, d.ID, d.RequestID, d.SubjectID, d.Recipient, sqlDate(d.On), sqlTime(d.At), data)
		return err
	})
	return mapErr("journal "+d.ID, err)
}

// BySubject implements requests.Journal.
func (j *Journal) BySubject(ctx context.Context, subjectID string) iter.Seq2[requests.Disclosure, error] {
	return streamSeq(ctx, j.h, "journal of "+subjectID,
		`SELECT data, seq FROM disclosures WHERE subject_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
		[]any{subjectID}, scanJSON[requests.Disclosure])
}

// ByRecipient implements requests.Journal.
func (j *Journal) ByRecipient(ctx context.Context, recipient string) iter.Seq2[requests.Disclosure, error] {
	return streamSeq(ctx, j.h, "journal to "+recipient,
		`SELECT data, seq FROM disclosures WHERE recipient = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
		[]any{recipient}, scanJSON[requests.Disclosure])
}

// AuditLog is requests.AuditLog on the audit_entries table: appended, never
// rewritten. Inside DB.Atomic it still writes on its own connection, so that
// a refusal stays logged when the transaction is rolled back.
type AuditLog struct{ h handle }

var _ requests.AuditLog = (*AuditLog)(nil)

// Append implements requests.AuditLog.
func (a *AuditLog) Append(ctx context.Context, e requests.AuditEntry) error {
	data, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("pgstore: encode audit entry: %w", err)
	}
	err = a.h.write(ctx, func(q conn) error {
		_, err := q.Exec(ctx, `INSERT INTO audit_entries (at, actor, op, request_id, data) VALUES ($1, $2, $3, $4, $5)`,
			e.At, e.Actor, e.Op.String(), nullText(e.RequestID), data)
		return err
	})
	return mapErr("audit log", err)
}

// Between implements requests.AuditLog.
func (a *AuditLog) Between(ctx context.Context, from, to time.Time) iter.Seq2[requests.AuditEntry, error] {
	return streamSeq(ctx, a.h, "audit log",
		`SELECT data, seq FROM audit_entries WHERE at >= $1 AND at < $2 AND seq > $3 ORDER BY seq LIMIT $4`,
		[]any{from, to}, scanJSON[requests.AuditEntry])
}

// Outbox is requests.Notifier and host.Outbox on the notices table: notices
// wait there for a sender process. A notice whose ID is there already is
// dropped, as the Notifier contract asks.
type Outbox struct{ h handle }

var _ host.Outbox = (*Outbox)(nil)

// Notify implements requests.Notifier.
func (o *Outbox) Notify(ctx context.Context, n requests.Notice) error {
	if n.ID == "" {
		return fmt.Errorf("pgstore: a notice needs an ID: %w", ErrInvalid)
	}
	data, err := json.Marshal(n)
	if err != nil {
		return fmt.Errorf("pgstore: encode notice %q: %w", n.ID, err)
	}
	err = o.h.write(ctx, func(q conn) error {
		_, err := q.Exec(ctx, `INSERT INTO notices (id, request_id, kind, at, data) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (id) DO NOTHING`, n.ID, n.RequestID, int(n.Kind), n.At, data)
		return err
	})
	return mapErr("notice "+n.ID, err)
}

// ByRequest implements host.Outbox.
func (o *Outbox) ByRequest(ctx context.Context, requestID string) iter.Seq2[requests.Notice, error] {
	return streamSeq(ctx, o.h, "notices of "+requestID,
		`SELECT data, seq FROM notices WHERE request_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
		[]any{requestID}, scanJSON[requests.Notice])
}
