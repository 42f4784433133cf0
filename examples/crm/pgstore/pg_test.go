package pgstore_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/consent/consenttest"
	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/examples/crm/host/hosttest"
	"github.com/pdnkit/pdnkit/examples/crm/pgstore"
	"github.com/pdnkit/pdnkit/examples/crm/pgstore/pgtest"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/requests/requeststest"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Date(2026, time.February, 26, 10, 30, 0, 0, time.UTC)

// Migrations are applied once, whoever runs them and however often.
func TestMigrateIsIdempotent(t *testing.T) {
	db := pgtest.DB(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = db.Migrate(ctx) }()
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	// A second process opening the same schema changes nothing either.
	again, err := pgstore.Open(ctx, pgstore.Config{DSN: os.Getenv(pgtest.DSNVar), Schema: db.Schema(), MaxConns: 2})
	require.NoError(t, err)
	again.Close()
	ms, err := pgstore.Migrations()
	require.NoError(t, err)
	var want []int
	for _, m := range ms {
		want = append(want, m.Version)
	}
	got, err := db.Applied(ctx)
	require.NoError(t, err)
	assert.Equal(t, want, got, "each migration recorded once")
	require.NoError(t, db.Ping(ctx))
}

// actRecord is a version of destruction act id; each act names a selection
// act of its own ("sel-" + id), as one selection act has one destruction act.
func actRecord(id string, version int, state destruction.State) destruction.ActRecord {
	return destruction.ActRecord{ID: id, Version: version, Kind: destruction.DestructionAct, State: state, Number: "1-У",
		Date: date.New(2026, time.February, 26), Selection: "sel-" + id, Digest: fmt.Sprintf("%064x", version),
		Data: []byte(fmt.Sprintf(`{"id":%q,"version":%d}`, id, version))}
}

// An act and the records it marks destroyed commit together or not at all
// (the server approves a destruction act this way).
func TestAtomicActAndRecordsTogether(t *testing.T) {
	db := pgtest.DB(t)
	ctx := context.Background()
	require.NoError(t, db.Records().Add(ctx, hosttest.Record("file-1", 0)))
	require.NoError(t, db.Acts().AppendAct(ctx, actRecord("dest-1", 1, destruction.StateSigned)))
	on := date.New(2026, time.February, 26)
	check := func(t *testing.T, version int, destroyed bool) {
		t.Helper()
		a, err := db.Acts().LatestAct(ctx, "dest-1")
		require.NoError(t, err)
		assert.Equal(t, version, a.Version)
		r, err := db.Records().Get(ctx, "file-1")
		require.NoError(t, err)
		assert.Equal(t, destroyed, r.Destroyed != date.Zero, "record destroyed")
	}

	// The step after both writes fails: neither stays.
	boom := errors.New("boom")
	err := db.Atomic(ctx, func(st host.Stores) error {
		require.NoError(t, st.Acts.AppendAct(ctx, actRecord("dest-1", 2, destruction.StateApproved)))
		require.NoError(t, st.Records.MarkDestroyed(ctx, []string{"file-1"}, on, "dest-1"))
		return boom
	})
	require.ErrorIs(t, err, boom)
	check(t, 1, false)

	// The act's write is stale: the records marked before it are rolled back.
	err = db.Atomic(ctx, func(st host.Stores) error {
		if err := st.Records.MarkDestroyed(ctx, []string{"file-1"}, on, "dest-1"); err != nil {
			return err
		}
		return st.Acts.AppendAct(ctx, actRecord("dest-1", 1, destruction.StateApproved))
	})
	require.ErrorIs(t, err, pdata.ErrConflict)
	check(t, 1, false)

	// Both succeed: both stay.
	require.NoError(t, db.Atomic(ctx, func(st host.Stores) error {
		if err := st.Acts.AppendAct(ctx, actRecord("dest-1", 2, destruction.StateApproved)); err != nil {
			return err
		}
		return st.Records.MarkDestroyed(ctx, []string{"file-1"}, on, "dest-1")
	}))
	check(t, 2, true)
}

// Inside Atomic a refused write (a duplicate the caller tolerates, as
// requests.Service.Fulfil does with the journal) leaves the transaction
// usable, and the audit log is written outside the transaction.
func TestAtomicSavepointsAndAudit(t *testing.T) {
	db := pgtest.DB(t)
	ctx := context.Background()
	d1 := requeststest.SampleDisclosure("d-1", "A", "org", t0)
	d2 := requeststest.SampleDisclosure("d-2", "A", "org", t0)
	require.NoError(t, db.Atomic(ctx, func(st host.Stores) error {
		require.NoError(t, st.Journal.Append(ctx, d1))
		require.ErrorIs(t, st.Journal.Append(ctx, d1), pdata.ErrConflict)
		return st.Journal.Append(ctx, d2)
	}))
	var ids []string
	for d, err := range db.Journal().BySubject(ctx, "A") {
		require.NoError(t, err)
		ids = append(ids, d.ID)
	}
	assert.Equal(t, []string{"d-1", "d-2"}, ids)

	boom := errors.New("boom")
	e := requests.AuditEntry{At: t0, Actor: "intruder", Op: requests.OpRegister, Reason: "нет в перечне"}
	require.ErrorIs(t, db.Atomic(ctx, func(st host.Stores) error {
		require.NoError(t, st.Audit.Append(ctx, e))
		require.NoError(t, st.Journal.Append(ctx, requeststest.SampleDisclosure("d-3", "A", "org", t0)))
		return boom
	}), boom)
	var actors []string
	for a, err := range db.AuditLog().Between(ctx, t0, t0.Add(time.Second)) {
		require.NoError(t, err)
		actors = append(actors, a.Actor)
	}
	assert.Equal(t, []string{"intruder"}, actors, "the refused attempt stays logged")
	for d, err := range db.Journal().BySubject(ctx, "A") {
		require.NoError(t, err)
		assert.NotEqual(t, "d-3", d.ID, "the journal entry was rolled back")
	}
}

// The trails are append-only in the database itself: a trigger refuses
// UPDATE and DELETE, whatever code runs against the tables.
func TestTrailsAreAppendOnly(t *testing.T) {
	db := pgtest.DB(t)
	ctx := context.Background()
	r := requeststest.Sample("R-1", "s-1", t0)
	require.NoError(t, db.Requests().Create(ctx, r))
	require.NoError(t, db.Journal().Append(ctx, requeststest.SampleDisclosure("d-1", "s-1", "org", t0)))
	require.NoError(t, db.AuditLog().Append(ctx, requests.AuditEntry{At: t0, Actor: "x", Op: requests.OpRead}))
	require.NoError(t, db.Acts().AppendAct(ctx, actRecord("a-1", 1, destruction.StateDraft)))
	require.NoError(t, db.Consents().Add(ctx, consentSample()))

	cfg, err := pgx.ParseConfig(os.Getenv(pgtest.DSNVar))
	require.NoError(t, err)
	cfg.RuntimeParams["search_path"] = db.Schema()
	c, err := pgx.ConnectConfig(ctx, cfg)
	require.NoError(t, err)
	defer c.Close(ctx)
	for _, q := range []string{
		`UPDATE request_events SET actor = 'someone else'`,
		`DELETE FROM request_events`,
		`UPDATE disclosures SET recipient = 'x'`,
		`DELETE FROM audit_entries`,
		`UPDATE act_versions SET state = 'approved'`,
		`DELETE FROM act_versions`,
		`UPDATE consents SET data = '{}'::jsonb`,
		`DELETE FROM consents`,
	} {
		_, err := c.Exec(ctx, q)
		if assert.Error(t, err, "%s must be refused", q) {
			assert.Contains(t, err.Error(), "23000", "%s: refused by the trigger, not by accident", q)
			var pe *pgconn.PgError
			if assert.True(t, errors.As(err, &pe), "%s: a PostgreSQL error", q) {
				assert.Equal(t, "23000", pe.Code, "%s: refused by the trigger (integrity_constraint_violation)", q)
			}
		}
	}
	got, err := db.Requests().Get(ctx, "R-1")
	require.NoError(t, err)
	assert.Equal(t, r.History[0].Actor, got.History[0].Actor)
}

// A long stream reads page by page and a consumer may write while ranging.
func TestStreamsPage(t *testing.T) {
	db := pgtest.DB(t)
	ctx := context.Background()
	for i := range 600 {
		require.NoError(t, db.Journal().Append(ctx, requeststest.SampleDisclosure(fmt.Sprintf("d-%03d", i), "A", "org", t0)))
	}
	var ids []string
	for d, err := range db.Journal().BySubject(ctx, "A") {
		require.NoError(t, err)
		ids = append(ids, d.ID)
		if len(ids) == 300 {
			// Writing while ranging neither deadlocks nor disturbs the order.
			require.NoError(t, db.Journal().Append(ctx, requeststest.SampleDisclosure("late", "A", "org", t0)))
		}
	}
	require.Len(t, ids, 601)
	assert.True(t, slices.IsSorted(ids[:600]))
	assert.Equal(t, "late", ids[600])
}

func consentSample() consent.Consent { return consenttest.Sample("C-1", "s-1") }

// The latest versions of all acts and the open requests stream past one page
// (256 rows), in the order they were first saved, each once, and a consumer
// may write while ranging.
func TestActsAndOpenRequestsPage(t *testing.T) {
	db := pgtest.DB(t)
	ctx := context.Background()
	const n = 300
	for i := range n {
		require.NoError(t, db.Acts().AppendAct(ctx, actRecord(fmt.Sprintf("act-%03d", i), 1, destruction.StateDraft)))
		require.NoError(t, db.Requests().Create(ctx, requeststest.Sample(fmt.Sprintf("R-%03d", i), "s-1", t0)))
	}
	require.NoError(t, db.Acts().AppendAct(ctx, actRecord("act-000", 2, destruction.StateSigned)))

	var acts []string
	for a, err := range db.Acts().Acts(ctx) {
		require.NoError(t, err)
		acts = append(acts, a.ID)
		if a.ID == "act-000" {
			assert.Equal(t, 2, a.Version, "the latest version")
		}
		if len(acts) == 200 {
			require.NoError(t, db.Acts().AppendAct(ctx, actRecord("act-late", 1, destruction.StateDraft)))
		}
	}
	require.Len(t, acts, n+1)
	assert.True(t, slices.IsSorted(acts[:n]), "in the order first saved")
	assert.Equal(t, "act-late", acts[n])

	var open []string
	for s, err := range db.Requests().Open(ctx) {
		require.NoError(t, err)
		assert.Equal(t, "s-1", s.SubjectID)
		assert.NotEqual(t, date.Zero, s.ReceivedOn, "%s: the columns decode", s.ID)
		open = append(open, s.ID)
	}
	require.Len(t, open, n)
	assert.True(t, slices.IsSorted(open))
	assert.Equal(t, "R-299", open[n-1])
}
