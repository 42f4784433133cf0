package destruction

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"sync"
)

// MemStore is an in-memory Store for tests, examples and training. It is
// safe for concurrent use and copies what goes in and out, so callers
// cannot change what it holds. The zero MemStore is empty and ready to use;
// a nil *MemStore, or a nil context, gets an error wrapping ErrInvalid.
type MemStore struct {
	mu          sync.RWMutex
	commissions map[string]Commission
	acts        map[string][]ActRecord
	order       []string
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{commissions: map[string]Commission{}, acts: map[string][]ActRecord{}}
}

var _ Store = (*MemStore)(nil)

// ready refuses a nil store or a nil context, then reports ctx's error.
func (m *MemStore) ready(ctx context.Context) error {
	if m == nil {
		return nilArg("MemStore", "the store is nil: build it with NewMemStore",
			"хранилище не создано: используйте NewMemStore")
	}
	if ctx == nil {
		return errNilContext()
	}
	return ctx.Err()
}

// maps makes the maps of a zero MemStore; m.mu must be held for writing.
func (m *MemStore) maps() {
	if m.commissions == nil {
		m.commissions = map[string]Commission{}
	}
	if m.acts == nil {
		m.acts = map[string][]ActRecord{}
	}
}

// AddCommission implements CommissionStore.
func (m *MemStore) AddCommission(ctx context.Context, c Commission) error {
	if err := m.ready(ctx); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.maps()
	if _, ok := m.commissions[c.ID]; ok {
		return fmt.Errorf("%w: commission %q exists", ErrConflict, c.ID)
	}
	m.commissions[c.ID] = c.clone()
	return nil
}

// Commission implements CommissionStore.
func (m *MemStore) Commission(ctx context.Context, id string) (Commission, error) {
	if err := m.ready(ctx); err != nil {
		return Commission{}, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	c, ok := m.commissions[id]
	if !ok {
		return Commission{}, fmt.Errorf("%w: commission %q", ErrNotFound, id)
	}
	return c.clone(), nil
}

func copyRecord(r ActRecord) ActRecord {
	r.Data = slices.Clone(r.Data)
	return r
}

// AppendAct implements ActStore.
func (m *MemStore) AppendAct(ctx context.Context, r ActRecord) error {
	if err := m.ready(ctx); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.maps()
	versions := m.acts[r.ID]
	if r.Version != len(versions)+1 {
		return fmt.Errorf("%w: act %q: version %d, the store holds %d", ErrConflict, r.ID, r.Version, len(versions))
	}
	if len(versions) == 0 {
		m.order = append(m.order, r.ID)
	}
	m.acts[r.ID] = append(versions, copyRecord(r))
	return nil
}

// LatestAct implements ActStore.
func (m *MemStore) LatestAct(ctx context.Context, id string) (ActRecord, error) {
	if err := m.ready(ctx); err != nil {
		return ActRecord{}, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	versions := m.acts[id]
	if len(versions) == 0 {
		return ActRecord{}, fmt.Errorf("%w: act %q", ErrNotFound, id)
	}
	return copyRecord(versions[len(versions)-1]), nil
}

// ActVersions implements ActStore. It streams a snapshot taken when
// iteration starts.
func (m *MemStore) ActVersions(ctx context.Context, id string) iter.Seq2[ActRecord, error] {
	return func(yield func(ActRecord, error) bool) {
		if err := m.ready(ctx); err != nil {
			yield(ActRecord{}, err)
			return
		}
		m.mu.RLock()
		versions := slices.Clone(m.acts[id])
		m.mu.RUnlock()
		if len(versions) == 0 {
			yield(ActRecord{}, fmt.Errorf("%w: act %q", ErrNotFound, id))
			return
		}
		for _, r := range versions {
			if err := ctx.Err(); err != nil {
				yield(ActRecord{}, err)
				return
			}
			if !yield(copyRecord(r), nil) {
				return
			}
		}
	}
}

// Acts implements ActStore. It streams a snapshot taken when iteration
// starts.
func (m *MemStore) Acts(ctx context.Context) iter.Seq2[ActRecord, error] {
	return func(yield func(ActRecord, error) bool) {
		if err := m.ready(ctx); err != nil {
			yield(ActRecord{}, err)
			return
		}
		m.mu.RLock()
		latest := make([]ActRecord, len(m.order))
		for i, id := range m.order {
			v := m.acts[id]
			latest[i] = v[len(v)-1]
		}
		m.mu.RUnlock()
		for _, r := range latest {
			if err := ctx.Err(); err != nil {
				yield(ActRecord{}, err)
				return
			}
			if !yield(copyRecord(r), nil) {
				return
			}
		}
	}
}
