package destruction_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The archive keeps every step of both acts, append-only, and reads them
// back verified (RKN order 179 п. 8; policy 9.14).
func TestArchiveKeepsEveryStep(t *testing.T) {
	ctx := context.Background()
	mem := destruction.NewMemStore()
	ar := destruction.NewArchive(mem)

	require.NoError(t, ar.AddCommission(ctx, sampleCommission()))
	c, err := ar.Commission(ctx, "commission-2025")
	require.NoError(t, err)
	assert.Equal(t, sampleCommission(), c)
	bad := sampleCommission()
	bad.ID = "bad"
	bad.Members = nil
	assert.ErrorIs(t, ar.AddCommission(ctx, bad), destruction.ErrInvalid)
	assert.ErrorIs(t, ar.AddCommission(ctx, sampleCommission()), destruction.ErrConflict)

	sel := draftSelection(t)
	require.NoError(t, ar.Save(ctx, sel))
	assert.Equal(t, 1, sel.Version())
	require.NoError(t, sel.CheckAll(at(20, 10, 0)))
	require.NoError(t, sel.SealMedia(chair, at(20, 10, 30)))
	require.NoError(t, ar.Save(ctx, sel))
	for i, m := range sampleCommission().All() {
		require.NoError(t, sel.Sign(m, at(20, 11, i)))
		require.NoError(t, ar.Save(ctx, sel))
	}
	require.NoError(t, sel.Approve(head, at(21, 9, 0)))
	require.NoError(t, ar.Save(ctx, sel))
	assert.Equal(t, 6, sel.Version())

	var states []destruction.State
	for a, err := range ar.History(ctx, sel.ID()) {
		require.NoError(t, err)
		states = append(states, a.State())
	}
	assert.Equal(t, []destruction.State{destruction.StateDraft, destruction.StateMediaSealed, destruction.StateSigning,
		destruction.StateSigning, destruction.StateSigned, destruction.StateApproved}, states)

	loaded, err := ar.Act(ctx, sel.ID())
	require.NoError(t, err)
	assert.Equal(t, sel.Digest(), loaded.Digest())
	assert.Equal(t, 6, loaded.Version())

	d, err := destruction.NewDestructionAct(destHeader(), loaded)
	require.NoError(t, err)
	require.NoError(t, d.CheckAll(at(24, 10, 0)))
	require.NoError(t, d.RecordDestruction(presence()))
	require.NoError(t, ar.Save(ctx, d))
	rec, err := mem.LatestAct(ctx, d.ID())
	require.NoError(t, err)
	assert.Equal(t, sel.ID(), rec.Selection)
	assert.Equal(t, destruction.DestructionAct, rec.Kind)
	assert.Equal(t, destruction.StateDestroyed, rec.State)
	assert.Equal(t, jan(24), rec.Date)
}

// A copy read before another writer saved is stale: ErrConflict.
func TestArchiveStaleCopy(t *testing.T) {
	ctx := context.Background()
	ar := destruction.NewArchive(destruction.NewMemStore())
	require.NoError(t, ar.Save(ctx, draftSelection(t)))
	a1, err := ar.Act(ctx, "sel-2025-01")
	require.NoError(t, err)
	a2, err := ar.Act(ctx, "sel-2025-01")
	require.NoError(t, err)
	require.NoError(t, a1.Check("hr-2021-017", at(20, 10, 0)))
	require.NoError(t, ar.Save(ctx, a1))
	require.NoError(t, a2.Remove("hr-2021-017"))
	assert.ErrorIs(t, ar.Save(ctx, a2), destruction.ErrConflict)
	assert.ErrorIs(t, ar.Save(ctx, draftSelection(t)), destruction.ErrConflict, "a new act with a taken ID")
	_, err = ar.Act(ctx, "missing")
	assert.ErrorIs(t, err, destruction.ErrNotFound)
}

// Policy 9.6 in the store: a superseded act stays, next to the act that
// replaces it; an act naming an act the store does not hold is refused.
func TestArchiveSupersession(t *testing.T) {
	ctx := context.Background()
	ar := destruction.NewArchive(destruction.NewMemStore())
	old := approvedSelection(t)
	h := destruction.Header{ID: "sel-2025-01-bis", Number: "1-О/2", Date: jan(22), Place: place}
	repl, err := old.Supersede(h, "неверно указано количество листов")
	require.NoError(t, err)
	assert.ErrorIs(t, ar.Save(ctx, repl), destruction.ErrNotFound, "the replaced act must be in the store")

	require.NoError(t, ar.Save(ctx, old))
	require.NoError(t, ar.Save(ctx, repl))
	_, err = ar.ReplacedBy(ctx, repl.ID())
	assert.ErrorIs(t, err, destruction.ErrNotFound)
	got, err := ar.ReplacedBy(ctx, old.ID())
	require.NoError(t, err)
	assert.Equal(t, repl.ID(), got.ID())

	var ids []string
	for a, err := range ar.Acts(ctx) {
		require.NoError(t, err)
		ids = append(ids, a.ID())
	}
	assert.Equal(t, []string{"sel-2025-01", "sel-2025-01-bis"}, ids, "the superseded act stays")
	kept, err := ar.Act(ctx, old.ID())
	require.NoError(t, err)
	assert.Equal(t, old.Digest(), kept.Digest())

	// A destruction act whose selection act is not stored is refused.
	ar2 := destruction.NewArchive(destruction.NewMemStore())
	assert.ErrorIs(t, ar2.Save(ctx, destroyedAct(t, approvedSelection(t))), destruction.ErrNotFound)
}

// An act altered in the store is reported when read.
func TestArchiveDetectsTamperedStore(t *testing.T) {
	ctx := context.Background()
	mem := destruction.NewMemStore()
	ar := destruction.NewArchive(mem)
	sel := approvedSelection(t)
	require.NoError(t, ar.Save(ctx, sel))
	rec, err := mem.LatestAct(ctx, sel.ID())
	require.NoError(t, err)
	rec.Version = 2
	i := bytes.Index(rec.Data, []byte(`"sheets":14`))
	require.Positive(t, i)
	rec.Data[i+len(`"sheets":1`)] = '7'
	require.NoError(t, mem.AppendAct(ctx, rec))
	_, err = ar.Act(ctx, sel.ID())
	assert.ErrorIs(t, err, destruction.ErrTampered)
	for _, err := range ar.History(ctx, sel.ID()) {
		if err != nil {
			assert.ErrorIs(t, err, destruction.ErrTampered)
		}
	}
}
