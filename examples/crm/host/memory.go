package host

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"sync"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/rickb777/date/v2"
)

// Memory is the in-memory Backend: pdnkit's own in-memory stores and the
// host stores of this package, for `go run ./examples/crm` without a
// database, for tests and for training. Everything is lost when the process
// ends.
//
// Atomic cannot roll back: it runs fn over the same stores. pdnkit's services
// undo their own side effects when a step fails, which is enough for a
// demonstration; a real host runs on a database (package pgstore).
type Memory struct {
	stores Stores
	// The concrete stores, for tests that read them directly.
	Consents  *consent.MemoryStore     // consent.Store
	Acts      *destruction.MemStore    // destruction.Store
	Requests  *requests.MemoryStore    // requests.Store
	Journal   *requests.MemoryJournal  // requests.Journal
	Audit     *requests.MemoryAuditLog // requests.AuditLog
	Directory *MemoryDirectory         // Directory
	Outbox    *MemoryOutbox            // Outbox
	Queue     *MemoryQueue             // Queue
	Staff     *MemoryStaff             // Staff
	Records   *MemoryRecords           // Records
}

// NewMemory returns an empty in-memory backend.
func NewMemory() *Memory {
	m := &Memory{
		Consents:  consent.NewMemoryStore(),
		Acts:      destruction.NewMemStore(),
		Requests:  requests.NewMemoryStore(),
		Journal:   requests.NewMemoryJournal(),
		Audit:     requests.NewMemoryAuditLog(),
		Directory: NewMemoryDirectory(),
		Outbox:    &MemoryOutbox{},
		Queue:     &MemoryQueue{},
		Staff:     &MemoryStaff{},
		Records:   &MemoryRecords{},
	}
	m.stores = Stores{Consents: m.Consents, Acts: &memActs{MemStore: m.Acts}, Requests: m.Requests, Journal: m.Journal,
		Audit: m.Audit, Directory: m.Directory, Outbox: m.Outbox, Queue: m.Queue, Staff: m.Staff, Records: m.Records}
	return m
}

// Stores implements Backend.
func (m *Memory) Stores() Stores { return m.stores }

// Atomic implements Backend without a transaction: see Memory.
func (m *Memory) Atomic(ctx context.Context, fn func(Stores) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return fn(m.stores)
}

// Close implements Backend; it does nothing.
func (m *Memory) Close() {}

// memActs is destruction's MemStore with the host's rule that a selection
// act is destroyed by one destruction act: a destruction act that replaces
// nothing may not name a selection act another such act names, and two acts
// may not supersede the same one (pgstore's unique index
// act_versions_one_destruction, in memory).
type memActs struct {
	*destruction.MemStore
	mu sync.Mutex // makes the check and the first append one step
}

// AppendAct implements destruction.ActStore.
func (m *memActs) AppendAct(ctx context.Context, r destruction.ActRecord) error {
	if r.Version != 1 || r.Kind != destruction.DestructionAct || r.Selection == "" {
		return m.MemStore.AppendAct(ctx, r)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for a, err := range m.MemStore.Acts(ctx) {
		if err != nil {
			return err
		}
		if a.ID != r.ID && a.Kind == destruction.DestructionAct && a.Selection == r.Selection && a.Replaces == r.Replaces {
			return secondDestruction(r, a.ID)
		}
	}
	return m.MemStore.AppendAct(ctx, r)
}

// secondDestruction is the ErrConflict of a destruction act r that would be
// the second for its selection act (or the second to supersede one act).
func secondDestruction(r destruction.ActRecord, other string) error {
	if r.Replaces != "" {
		return fmt.Errorf("host: act %q: act %q already supersedes act %q: %w", r.ID, other, r.Replaces, ErrConflict)
	}
	return fmt.Errorf("host: act %q: selection act %q already has destruction act %q: %w", r.ID, r.Selection, other, ErrConflict)
}

// MemoryDirectory is requests.MemoryDirectory with Put taking a context.
type MemoryDirectory struct {
	*requests.MemoryDirectory
	mu sync.Mutex // makes Create's check and write one step
}

// NewMemoryDirectory returns an empty directory.
func NewMemoryDirectory() *MemoryDirectory {
	return &MemoryDirectory{MemoryDirectory: requests.NewMemoryDirectory()}
}

// Put implements Directory.
func (d *MemoryDirectory) Put(ctx context.Context, s pdata.Subject) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.ID == "" {
		return fmt.Errorf("host: a subject needs an ID: %w", ErrInvalid)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.MemoryDirectory.Put(s)
	return nil
}

// Create implements Directory.
func (d *MemoryDirectory) Create(ctx context.Context, s pdata.Subject) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.ID == "" {
		return fmt.Errorf("host: a subject needs an ID: %w", ErrInvalid)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, err := d.MemoryDirectory.Subject(ctx, s.ID); err == nil {
		return fmt.Errorf("host: subject %q is registered already: %w", s.ID, ErrConflict)
	} else if !errors.Is(err, ErrNotFound) {
		return err
	}
	d.MemoryDirectory.Put(s)
	return nil
}

// MemoryStaff is an in-memory Staff.
type MemoryStaff struct {
	mu      sync.RWMutex
	members map[string]requests.StaffMember
}

// Member implements requests.AccessList.
func (s *MemoryStaff) Member(ctx context.Context, id string) (requests.StaffMember, error) {
	if err := ctx.Err(); err != nil {
		return requests.StaffMember{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	m, ok := s.members[id]
	if !ok || id == "" {
		return requests.StaffMember{}, ErrNotFound
	}
	return m, nil
}

// Put implements Staff.
func (s *MemoryStaff) Put(ctx context.Context, m requests.StaffMember) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if m.ID == "" {
		return fmt.Errorf("host: a staff member needs an ID: %w", ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.members == nil {
		s.members = map[string]requests.StaffMember{}
	}
	s.members[m.ID] = m
	return nil
}

// MemoryOutbox is an in-memory Outbox. A notice whose ID was queued before
// is dropped (requests.Notifier's contract).
type MemoryOutbox struct {
	mu   sync.RWMutex
	sent []requests.Notice
	ids  map[string]bool
}

// Notify implements requests.Notifier.
func (o *MemoryOutbox) Notify(ctx context.Context, n requests.Notice) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.ids == nil {
		o.ids = map[string]bool{}
	}
	if o.ids[n.ID] {
		return nil
	}
	o.ids[n.ID] = true
	o.sent = append(o.sent, n)
	return nil
}

// ByRequest implements Outbox.
func (o *MemoryOutbox) ByRequest(ctx context.Context, requestID string) iter.Seq2[requests.Notice, error] {
	return func(yield func(requests.Notice, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(requests.Notice{}, err)
			return
		}
		o.mu.RLock()
		var out []requests.Notice
		for _, n := range o.sent {
			if n.RequestID == requestID {
				out = append(out, n)
			}
		}
		o.mu.RUnlock()
		for _, n := range out {
			if !yield(n, nil) {
				return
			}
		}
	}
}

// Len returns the number of notices queued.
func (o *MemoryOutbox) Len() int {
	o.mu.RLock()
	defer o.mu.RUnlock()
	return len(o.sent)
}

// MemoryQueue is an in-memory Queue.
type MemoryQueue struct {
	mu    sync.Mutex
	items []queued
}

type queued struct {
	item  destruction.Item
	actID string
}

// Select implements requests.Destroyer: an item whose RecordID is queued
// already changes nothing.
func (q *MemoryQueue) Select(ctx context.Context, items []destruction.Item) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, it := range items {
		if it.RecordID == "" {
			return fmt.Errorf("host: an item needs a record ID: %w", ErrInvalid)
		}
	}
	for _, it := range items {
		if !slices.ContainsFunc(q.items, func(x queued) bool { return x.item.RecordID == it.RecordID }) {
			it.Subjects = slices.Clone(it.Subjects)
			q.items = append(q.items, queued{item: it})
		}
	}
	return nil
}

// Pending implements Queue.
func (q *MemoryQueue) Pending(ctx context.Context) iter.Seq2[destruction.Item, error] {
	return func(yield func(destruction.Item, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(destruction.Item{}, err)
			return
		}
		q.mu.Lock()
		var out []destruction.Item
		for _, x := range q.items {
			if x.actID == "" {
				it := x.item
				it.Subjects = slices.Clone(it.Subjects)
				out = append(out, it)
			}
		}
		q.mu.Unlock()
		for _, it := range out {
			if !yield(it, nil) {
				return
			}
		}
	}
}

// Take implements Queue.
func (q *MemoryQueue) Take(ctx context.Context, recordIDs []string, actID string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	idx := make([]int, 0, len(recordIDs))
	for _, id := range recordIDs {
		i := slices.IndexFunc(q.items, func(x queued) bool { return x.item.RecordID == id && x.actID == "" })
		if i < 0 {
			return fmt.Errorf("host: item %q is not pending: %w", id, ErrConflict)
		}
		idx = append(idx, i)
	}
	for _, i := range idx {
		q.items[i].actID = actID
	}
	return nil
}

// MemoryRecords is an in-memory Records.
type MemoryRecords struct {
	mu   sync.RWMutex
	recs []Record
	byID map[string]int
}

// Add implements Records.
func (m *MemoryRecords) Add(ctx context.Context, r Record) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if r.ID == "" {
		return fmt.Errorf("host: a record needs an ID: %w", ErrInvalid)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.byID == nil {
		m.byID = map[string]int{}
	}
	if _, ok := m.byID[r.ID]; ok {
		return fmt.Errorf("host: record %q exists: %w", r.ID, ErrConflict)
	}
	r.Categories = slices.Clone(r.Categories)
	m.byID[r.ID] = len(m.recs)
	m.recs = append(m.recs, r)
	return nil
}

// Get implements Records.
func (m *MemoryRecords) Get(ctx context.Context, id string) (Record, error) {
	if err := ctx.Err(); err != nil {
		return Record{}, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	i, ok := m.byID[id]
	if !ok {
		return Record{}, fmt.Errorf("host: record %q: %w", id, ErrNotFound)
	}
	r := m.recs[i]
	r.Categories = slices.Clone(r.Categories)
	return r, nil
}

// Candidates implements Records.
func (m *MemoryRecords) Candidates(ctx context.Context, asOf date.Date) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(Record{}, err)
			return
		}
		m.mu.RLock()
		var out []Record
		for _, r := range m.recs {
			if r.DestroyFrom != date.Zero && r.DestroyFrom <= asOf && r.SelectedIn == "" && r.Destroyed == date.Zero {
				r.Categories = slices.Clone(r.Categories)
				out = append(out, r)
			}
		}
		m.mu.RUnlock()
		slices.SortStableFunc(out, func(a, b Record) int { return int(a.DestroyFrom - b.DestroyFrom) })
		for _, r := range out {
			if err := ctx.Err(); err != nil {
				yield(Record{}, err)
				return
			}
			if !yield(r, nil) {
				return
			}
		}
	}
}

// MarkSelected implements Records.
func (m *MemoryRecords) MarkSelected(ctx context.Context, ids []string, actID string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range ids {
		i, ok := m.byID[id]
		switch {
		case !ok:
			return fmt.Errorf("host: record %q: %w", id, ErrNotFound)
		case m.recs[i].SelectedIn != "" || m.recs[i].Destroyed != date.Zero:
			return fmt.Errorf("host: record %q is already selected or destroyed: %w", id, ErrConflict)
		}
	}
	for _, id := range ids {
		m.recs[m.byID[id]].SelectedIn = actID
	}
	return nil
}

// MarkDestroyed implements Records.
func (m *MemoryRecords) MarkDestroyed(ctx context.Context, ids []string, on date.Date, actID string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range ids {
		if i, ok := m.byID[id]; ok && m.recs[i].Destroyed != date.Zero {
			return fmt.Errorf("host: record %q was destroyed on %s by act %q: %w", id, m.recs[i].Destroyed, m.recs[i].DestroyedBy, ErrConflict)
		}
	}
	for _, id := range ids {
		if i, ok := m.byID[id]; ok {
			m.recs[i].Destroyed, m.recs[i].DestroyedBy = on, actID
		}
	}
	return nil
}

// Len returns the number of records.
func (m *MemoryRecords) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.recs)
}
