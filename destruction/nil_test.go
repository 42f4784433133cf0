package destruction_test

import (
	"context"
	"errors"
	"io"
	"iter"
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noPanic runs f and fails the test if it panics.
func noPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s panicked: %v", what, r)
		}
	}()
	f()
}

// invalid checks that err wraps ErrInvalid and explains itself in English
// and Russian.
func invalid(t *testing.T, what string, err error) {
	t.Helper()
	if !assert.ErrorIs(t, err, destruction.ErrInvalid, what) {
		return
	}
	var ve *pdata.ValidationError
	if assert.True(t, errors.As(err, &ve), "%s: %v is a *pdata.ValidationError", what, err) {
		assert.NotEmpty(t, ve.Errors[0].Message, what)
		assert.NotEmpty(t, ve.Errors[0].MessageRU, what)
	}
}

// firstErr ranges over a stream and returns how many values it gave and
// its errors.
func firstErr[T any](seq iter.Seq2[T, error]) (n int, errs []error) {
	for _, err := range seq {
		n++
		if err != nil {
			errs = append(errs, err)
		}
	}
	return n, errs
}

// Every method of a nil *Act answers without panicking: an error wrapping
// ErrInvalid, or the zero value for the accessors.
func TestNilActDoesNotPanic(t *testing.T) {
	var a *destruction.Act
	now := at(24, 10, 0)
	errs := map[string]func() error{
		"Add":               func() error { return a.Add(withdrawnItem()) },
		"Remove":            func() error { return a.Remove("x") },
		"Check":             func() error { return a.Check("x", now) },
		"CheckAll":          func() error { return a.CheckAll(now) },
		"SealMedia":         func() error { return a.SealMedia(chair, now) },
		"RecordDestruction": func() error { return a.RecordDestruction(presence()) },
		"Sign":              func() error { return a.Sign(chair, now) },
		"Approve":           func() error { return a.Approve(head, now) },
		"Verify":            func() error { return a.Verify() },
		"UnmarshalJSON":     func() error { return a.UnmarshalJSON([]byte(`{}`)) },
		"WriteJSON":         func() error { return a.WriteJSON(io.Discard) },
		"RenderText":        func() error { return a.RenderText(io.Discard) },
		"RenderHTML":        func() error { return a.RenderHTML(io.Discard) },
		"RenderDOCX":        func() error { return a.RenderDOCX(io.Discard) },
		"MarshalJSON":       func() error { _, err := a.MarshalJSON(); return err },
		"CanonicalContent":  func() error { _, err := a.CanonicalContent(); return err },
		"Extract":           func() error { _, err := a.Extract(); return err },
		"RetentionRecords":  func() error { _, err := a.RetentionRecords(); return err },
		"Supersede":         func() error { _, err := a.Supersede(destHeader(), "ошибка в дате"); return err },
		"NewDestructionAct": func() error { _, err := destruction.NewDestructionAct(destHeader(), a); return err },
	}
	for name, f := range errs {
		noPanic(t, name, func() { invalid(t, name, f()) })
	}
	noPanic(t, "accessors", func() {
		assert.Empty(t, a.ID())
		assert.Empty(t, a.Number())
		assert.Zero(t, a.Kind())
		assert.Zero(t, a.Version())
		assert.Zero(t, a.State())
		assert.Empty(t, a.Digest())
		assert.False(t, a.Sealed())
		assert.Nil(t, a.Signatures())
		assert.Nil(t, a.Overdue())
		assert.Equal(t, destruction.ActRef{}, a.Ref())
		assert.Equal(t, destruction.Content{}, a.Content())
		_, ok := a.Approval()
		assert.False(t, ok)
	})
}

// The renderers and writers given a nil io.Writer return an error wrapping
// ErrInvalid; so do the writers of a nil *Extract, whose Required is false.
func TestNilWriterAndExtract(t *testing.T) {
	_, d := approvedDestruction(t)
	e, err := d.Extract()
	require.NoError(t, err)
	for name, f := range map[string]func() error{
		"RenderText":        func() error { return d.RenderText(nil) },
		"RenderHTML":        func() error { return d.RenderHTML(nil) },
		"RenderDOCX":        func() error { return d.RenderDOCX(nil) },
		"Act.WriteJSON":     func() error { return d.WriteJSON(nil) },
		"Extract.WriteCSV":  func() error { return e.WriteCSV(nil) },
		"Extract.WriteJSON": func() error { return e.WriteJSON(nil) },
	} {
		noPanic(t, name, func() { invalid(t, name, f()) })
	}
	var ne *destruction.Extract
	noPanic(t, "nil extract", func() {
		assert.False(t, ne.Required())
		invalid(t, "nil Extract.WriteCSV", ne.WriteCSV(io.Discard))
		invalid(t, "nil Extract.WriteJSON", ne.WriteJSON(io.Discard))
	})
}

// An Archive without a store (nil, zero, NewArchive(nil)) and an Archive
// given a nil context or a nil act answer with an error wrapping
// ErrInvalid; the streams yield it once.
func TestArchiveNilDoesNotPanic(t *testing.T) {
	ctx := context.Background()
	var nilStore *destruction.MemStore
	for _, tc := range []struct {
		name string
		ar   *destruction.Archive
		ctx  context.Context
	}{
		{"nil archive", nil, ctx},
		{"zero archive", &destruction.Archive{}, ctx},
		{"NewArchive(nil)", destruction.NewArchive(nil), ctx},
		{"typed nil store", destruction.NewArchive(nilStore), ctx},
		{"nil context", destruction.NewArchive(destruction.NewMemStore()), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ar, c := tc.ar, tc.ctx
			noPanic(t, "Save", func() { invalid(t, "Save", ar.Save(c, draftSelection(t))) })
			noPanic(t, "Save nil act", func() { invalid(t, "Save nil act", ar.Save(c, nil)) })
			noPanic(t, "AddCommission", func() { invalid(t, "AddCommission", ar.AddCommission(c, sampleCommission())) })
			noPanic(t, "Commission", func() { _, err := ar.Commission(c, "x"); invalid(t, "Commission", err) })
			noPanic(t, "Act", func() { _, err := ar.Act(c, "x"); invalid(t, "Act", err) })
			noPanic(t, "ReplacedBy", func() { _, err := ar.ReplacedBy(c, "x"); invalid(t, "ReplacedBy", err) })
			noPanic(t, "History", func() {
				n, errs := firstErr(ar.History(c, "x"))
				assert.Equal(t, 1, n)
				require.Len(t, errs, 1)
				invalid(t, "History", errs[0])
			})
			noPanic(t, "Acts", func() {
				n, errs := firstErr(ar.Acts(c))
				assert.Equal(t, 1, n)
				require.Len(t, errs, 1)
				invalid(t, "Acts", errs[0])
			})
		})
	}
	// The reviewer's two cases, and a nil act on a working archive.
	noPanic(t, "zero Archive Save(nil)", func() { invalid(t, "", (&destruction.Archive{}).Save(ctx, nil)) })
	noPanic(t, "NewArchive(nil).Save", func() { invalid(t, "", destruction.NewArchive(nil).Save(ctx, nil)) })
	ar := destruction.NewArchive(destruction.NewMemStore())
	noPanic(t, "Save(nil) on a working archive", func() { invalid(t, "", ar.Save(ctx, nil)) })
	// Control: the working archive saves a real act.
	require.NoError(t, ar.Save(ctx, draftSelection(t)))
}

// A nil *MemStore and a nil context get an error wrapping ErrInvalid; the
// zero MemStore works like NewMemStore.
func TestMemStoreNilAndZero(t *testing.T) {
	ctx := context.Background()
	rec := destruction.ActRecord{ID: "a", Version: 1, Kind: destruction.SelectionAct, State: destruction.StateDraft, Data: []byte(`{}`)}
	var nilStore *destruction.MemStore
	for _, tc := range []struct {
		name string
		m    *destruction.MemStore
		ctx  context.Context
	}{{"nil store", nilStore, ctx}, {"nil context", destruction.NewMemStore(), nil}} {
		t.Run(tc.name, func(t *testing.T) {
			m, c := tc.m, tc.ctx
			noPanic(t, "calls", func() {
				invalid(t, "AddCommission", m.AddCommission(c, sampleCommission()))
				_, err := m.Commission(c, "x")
				invalid(t, "Commission", err)
				invalid(t, "AppendAct", m.AppendAct(c, rec))
				_, err = m.LatestAct(c, "a")
				invalid(t, "LatestAct", err)
				n, errs := firstErr(m.ActVersions(c, "a"))
				assert.Equal(t, 1, n)
				require.Len(t, errs, 1)
				invalid(t, "ActVersions", errs[0])
				n, errs = firstErr(m.Acts(c))
				assert.Equal(t, 1, n)
				require.Len(t, errs, 1)
				invalid(t, "Acts", errs[0])
			})
		})
	}
	var zero destruction.MemStore
	noPanic(t, "zero MemStore", func() {
		require.NoError(t, zero.AddCommission(ctx, sampleCommission()))
		got, err := zero.Commission(ctx, sampleCommission().ID)
		require.NoError(t, err)
		assert.Equal(t, sampleCommission().ID, got.ID)
		require.NoError(t, zero.AppendAct(ctx, rec))
		latest, err := zero.LatestAct(ctx, "a")
		require.NoError(t, err)
		assert.Equal(t, 1, latest.Version)
		n, errs := firstErr(zero.Acts(ctx))
		assert.Equal(t, 1, n)
		assert.Empty(t, errs)
	})
}

// The error types and the decoders answer a nil receiver without
// panicking.
func TestNilErrorsAndDecoders(t *testing.T) {
	noPanic(t, "error types", func() {
		var se *destruction.StateError
		assert.Equal(t, destruction.ErrState.Error(), se.Error())
		assert.NotEmpty(t, se.Russian())
		assert.True(t, se.Is(destruction.ErrState))
		assert.False(t, se.Is(destruction.ErrSealed))
		var fe *destruction.ForbiddenError
		assert.Equal(t, destruction.ErrForbidden.Error(), fe.Error())
		assert.NotEmpty(t, fe.Russian())
		var te *destruction.TamperError
		assert.Equal(t, destruction.ErrTampered.Error(), te.Error())
		assert.NotEmpty(t, te.Russian())
	})
	noPanic(t, "decoders", func() {
		var it *destruction.Item
		invalid(t, "Item", it.UnmarshalJSON([]byte(`{}`)))
		var g *destruction.Ground
		invalid(t, "Ground", g.UnmarshalText([]byte("consent_withdrawn")))
		var k *destruction.MediumKind
		invalid(t, "MediumKind", k.UnmarshalText([]byte("paper")))
		var m *destruction.Method
		invalid(t, "Method", m.UnmarshalText([]byte("shredding")))
		var ak *destruction.ActKind
		invalid(t, "ActKind", ak.UnmarshalText([]byte("selection")))
		var st *destruction.State
		invalid(t, "State", st.UnmarshalText([]byte("draft")))
	})
}
