package requests

import (
	"context"
	"iter"
	"maps"
	"net/netip"
	"slices"
	"sync"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// MemoryStore is an in-memory Store, safe for concurrent use: the reference
// implementation that requeststest.TestStore checks, for tests, examples and
// training. It keeps every request for the life of the value. The zero value
// is an empty store ready to use, like NewMemoryStore's.
type MemoryStore struct {
	mu        sync.RWMutex
	recs      []Request // in creation order; never removed
	byID      map[string]int
	bySubject map[string][]int
}

// NewMemoryStore returns an empty store.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{byID: map[string]int{}, bySubject: map[string][]int{}}
}

// Create implements Store.
func (m *MemoryStore) Create(ctx context.Context, r Request) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.byID == nil {
		m.byID, m.bySubject = map[string]int{}, map[string][]int{}
	}
	if _, ok := m.byID[r.ID]; ok {
		return ErrConflict
	}
	i := len(m.recs)
	m.recs = append(m.recs, r.clone())
	m.byID[r.ID] = i
	m.bySubject[r.SubjectID] = append(m.bySubject[r.SubjectID], i)
	return nil
}

// Get implements Store.
func (m *MemoryStore) Get(ctx context.Context, id string) (Request, error) {
	if err := ctx.Err(); err != nil {
		return Request{}, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	i, ok := m.byID[id]
	if !ok {
		return Request{}, ErrNotFound
	}
	return m.recs[i].clone(), nil
}

// Update implements Store.
func (m *MemoryStore) Update(ctx context.Context, r Request) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	i, ok := m.byID[r.ID]
	if !ok {
		return ErrNotFound
	}
	old := m.recs[i]
	if old.Version != r.Version-1 || len(r.History) < len(old.History) {
		return ErrConflict
	}
	next := r.clone()
	// The stored entries stay as stored; only the new ones are appended.
	next.History = append(slices.Clip(old.History), r.History[len(old.History):]...)
	if next.SubjectID != old.SubjectID {
		m.bySubject[old.SubjectID] = slices.DeleteFunc(m.bySubject[old.SubjectID], func(j int) bool { return j == i })
		m.bySubject[next.SubjectID] = append(m.bySubject[next.SubjectID], i)
	}
	m.recs[i] = next
	return nil
}

// BySubject implements Store.
func (m *MemoryStore) BySubject(ctx context.Context, subjectID string) iter.Seq2[Request, error] {
	return func(yield func(Request, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(Request{}, err)
			return
		}
		m.mu.RLock()
		idx := slices.Clone(m.bySubject[subjectID])
		slices.SortStableFunc(idx, func(a, b int) int { return m.recs[a].Received.Compare(m.recs[b].Received) })
		m.mu.RUnlock()
		for _, i := range idx {
			m.mu.RLock()
			r := m.recs[i].clone()
			m.mu.RUnlock()
			if !yield(r, nil) {
				return
			}
		}
	}
}

// openChunk is how many records Open reads under one lock.
const openChunk = 256

// Open implements Store. It reads the records in chunks under a read lock and
// yields outside the lock, so a consumer may call the store while ranging;
// it allocates one chunk buffer per call, whatever the number of requests.
func (m *MemoryStore) Open(ctx context.Context) iter.Seq2[Summary, error] {
	return func(yield func(Summary, error) bool) {
		buf := make([]Summary, 0, openChunk)
		for next := 0; ; {
			if err := ctx.Err(); err != nil {
				yield(Summary{}, err)
				return
			}
			buf = buf[:0]
			m.mu.RLock()
			n := len(m.recs)
			for ; next < n && len(buf) < openChunk; next++ {
				if r := &m.recs[next]; r.Status.Open() {
					buf = append(buf, r.Summary())
				}
			}
			m.mu.RUnlock()
			for _, s := range buf {
				if !yield(s, nil) {
					return
				}
			}
			if next >= n {
				return
			}
		}
	}
}

// Len returns the number of requests stored.
func (m *MemoryStore) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.recs)
}

// MemoryJournal is an in-memory Journal, safe for concurrent use. The zero
// value is an empty journal ready to use.
type MemoryJournal struct {
	mu      sync.RWMutex
	entries []Disclosure
	ids     map[string]struct{}
}

// NewMemoryJournal returns an empty journal.
func NewMemoryJournal() *MemoryJournal { return &MemoryJournal{ids: map[string]struct{}{}} }

// Append implements Journal.
func (j *MemoryJournal) Append(ctx context.Context, d Disclosure) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.ids == nil {
		j.ids = map[string]struct{}{}
	}
	if _, ok := j.ids[d.ID]; ok {
		return ErrConflict
	}
	j.ids[d.ID] = struct{}{}
	j.entries = append(j.entries, d)
	return nil
}

// BySubject implements Journal.
func (j *MemoryJournal) BySubject(ctx context.Context, subjectID string) iter.Seq2[Disclosure, error] {
	return j.scan(ctx, func(d *Disclosure) bool { return d.SubjectID == subjectID })
}

// ByRecipient implements Journal.
func (j *MemoryJournal) ByRecipient(ctx context.Context, recipient string) iter.Seq2[Disclosure, error] {
	return j.scan(ctx, func(d *Disclosure) bool { return d.Recipient == recipient })
}

func (j *MemoryJournal) scan(ctx context.Context, match func(*Disclosure) bool) iter.Seq2[Disclosure, error] {
	return func(yield func(Disclosure, error) bool) {
		for i := 0; ; i++ {
			if err := ctx.Err(); err != nil {
				yield(Disclosure{}, err)
				return
			}
			j.mu.RLock()
			if i >= len(j.entries) {
				j.mu.RUnlock()
				return
			}
			d := j.entries[i]
			j.mu.RUnlock()
			if match(&d) && !yield(d, nil) {
				return
			}
		}
	}
}

// MemoryAuditLog is an in-memory AuditLog, safe for concurrent use. The zero
// value is an empty log ready to use.
type MemoryAuditLog struct {
	mu      sync.RWMutex
	entries []AuditEntry
}

// NewMemoryAuditLog returns an empty log.
func NewMemoryAuditLog() *MemoryAuditLog { return &MemoryAuditLog{} }

// Append implements AuditLog.
func (a *MemoryAuditLog) Append(ctx context.Context, e AuditEntry) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.entries = append(a.entries, e)
	return nil
}

// Between implements AuditLog.
func (a *MemoryAuditLog) Between(ctx context.Context, from, to time.Time) iter.Seq2[AuditEntry, error] {
	return func(yield func(AuditEntry, error) bool) {
		for i := 0; ; i++ {
			if err := ctx.Err(); err != nil {
				yield(AuditEntry{}, err)
				return
			}
			a.mu.RLock()
			if i >= len(a.entries) {
				a.mu.RUnlock()
				return
			}
			e := a.entries[i]
			a.mu.RUnlock()
			if !e.At.Before(from) && e.At.Before(to) && !yield(e, nil) {
				return
			}
		}
	}
}

// MemoryDirectory is an in-memory Directory, safe for concurrent use, for
// tests, examples and training. The zero value is an empty directory ready to
// use.
type MemoryDirectory struct {
	mu       sync.Mutex
	subjects map[string]pdata.Subject
	holds    map[string][]Hold
}

// NewMemoryDirectory returns a directory holding the given subjects.
func NewMemoryDirectory(subjects ...pdata.Subject) *MemoryDirectory {
	d := &MemoryDirectory{subjects: map[string]pdata.Subject{}, holds: map[string][]Hold{}}
	for _, s := range subjects {
		d.subjects[s.ID] = cloneSubject(s)
	}
	return d
}

// Put adds or replaces a subject.
func (d *MemoryDirectory) Put(s pdata.Subject) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	d.subjects[s.ID] = cloneSubject(s)
}

// init makes the maps of a zero MemoryDirectory; d.mu must be held.
func (d *MemoryDirectory) init() {
	if d.subjects == nil {
		d.subjects = map[string]pdata.Subject{}
	}
	if d.holds == nil {
		d.holds = map[string][]Hold{}
	}
}

// Subject implements Directory.
func (d *MemoryDirectory) Subject(ctx context.Context, id string) (pdata.Subject, error) {
	if err := ctx.Err(); err != nil {
		return pdata.Subject{}, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	s, ok := d.subjects[id]
	if !ok {
		return pdata.Subject{}, ErrNotFound
	}
	return cloneSubject(s), nil
}

// Block implements Directory.
func (d *MemoryDirectory) Block(ctx context.Context, subjectID string, h Hold) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	if _, ok := d.subjects[subjectID]; !ok {
		return ErrNotFound
	}
	for _, x := range d.holds[subjectID] {
		if x.RequestID == h.RequestID {
			return nil
		}
	}
	d.holds[subjectID] = append(d.holds[subjectID], h)
	return nil
}

// Unblock implements Directory.
func (d *MemoryDirectory) Unblock(ctx context.Context, subjectID, requestID string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	hs := slices.DeleteFunc(d.holds[subjectID], func(h Hold) bool { return h.RequestID == requestID })
	if len(hs) == 0 {
		delete(d.holds, subjectID)
	} else {
		d.holds[subjectID] = hs
	}
	return nil
}

// Correct implements Directory.
func (d *MemoryDirectory) Correct(ctx context.Context, s pdata.Subject, _ string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	if _, ok := d.subjects[s.ID]; !ok {
		return ErrNotFound
	}
	d.subjects[s.ID] = cloneSubject(s)
	return nil
}

// Erase implements Directory.
func (d *MemoryDirectory) Erase(ctx context.Context, subjectID string, cats pdata.CategorySet, _ string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	s, ok := d.subjects[subjectID]
	if !ok {
		return nil
	}
	s = cloneSubject(s)
	EraseCategories(&s, cats)
	if s.Held() == 0 {
		delete(d.subjects, subjectID)
		return nil
	}
	d.subjects[subjectID] = s
	return nil
}

// Holds implements HoldLister: the holds on a subject's data, oldest first.
func (d *MemoryDirectory) Holds(ctx context.Context, subjectID string) ([]Hold, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.holds[subjectID]), nil
}

// Blocked reports whether any hold is on the subject's data.
func (d *MemoryDirectory) Blocked(subjectID string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.holds[subjectID]) > 0
}

// EraseCategories clears the fields of s that hold the given categories, and
// their sources. A host's Directory.Erase over a pdata.Subject record can use
// it. A nil s holds nothing to erase and is left alone.
func EraseCategories(s *pdata.Subject, cats pdata.CategorySet) {
	if s == nil {
		return
	}
	for _, c := range cats.Slice() {
		switch c {
		case pdata.DataFullName:
			s.LastName, s.FirstName, s.Patronymic = "", "", ""
		case pdata.DataSex:
			s.Sex = pdata.SexUnknown
		case pdata.DataBirthDate:
			s.BirthDate = date.Zero
		case pdata.DataBirthPlace:
			s.BirthPlace = ""
		case pdata.DataRegistrationAddress:
			s.RegistrationAddress = ""
		case pdata.DataResidenceAddress:
			s.ResidenceAddress = ""
		case pdata.DataIdentityDocument:
			s.Passport = nil
		case pdata.DataFamilyMembers:
			s.Family = nil
		case pdata.DataPropertyRights:
			s.Property = nil
		case pdata.DataINN:
			s.INN = pdata.INN{}
		case pdata.DataSNILS:
			s.SNILS = pdata.SNILS{}
		case pdata.DataPhone:
			s.Phone = pdata.Phone{}
		case pdata.DataEmail:
			s.Email = pdata.Email{}
		case pdata.DataMilitary:
			s.Military = ""
		case pdata.DataIP:
			s.IP = netip.Addr{}
		case pdata.DataCookies:
			s.Cookies = ""
		case pdata.DataBrowser:
			s.Browser = ""
		case pdata.DataAccessTime:
			s.AccessTime = time.Time{}
		case pdata.DataReferrer:
			s.Referrer = ""
		}
		delete(s.Other, c)
		delete(s.Sources, c)
	}
}

func cloneSubject(s pdata.Subject) pdata.Subject {
	c := s
	c.Passport = clonePtr(s.Passport)
	c.Family = slices.Clone(s.Family)
	c.Property = slices.Clone(s.Property)
	c.Other = maps.Clone(s.Other)
	c.Sources = maps.Clone(s.Sources)
	return c
}

// SelectionQueue is an in-memory Destroyer: it keeps the items handed over,
// for tests, examples and training; a host moves them into its selection act.
// The zero value is an empty queue ready to use.
type SelectionQueue struct {
	mu    sync.Mutex
	items []destruction.Item
}

// Select implements Destroyer.
func (q *SelectionQueue) Select(ctx context.Context, items []destruction.Item) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, it := range items {
		if !slices.ContainsFunc(q.items, func(x destruction.Item) bool { return x.RecordID == it.RecordID }) {
			it.Subjects = slices.Clone(it.Subjects)
			q.items = append(q.items, it)
		}
	}
	return nil
}

// Items returns the items handed over so far, in order.
func (q *SelectionQueue) Items() []destruction.Item {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := slices.Clone(q.items)
	for i := range out {
		out[i].Subjects = slices.Clone(out[i].Subjects)
	}
	return out
}

// Outbox is an in-memory Notifier that keeps what was sent and drops a
// notice whose ID it has already seen. The zero value is an empty outbox
// ready to use.
type Outbox struct {
	mu   sync.Mutex
	sent []Notice
}

// Notify implements Notifier.
func (o *Outbox) Notify(ctx context.Context, n Notice) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if slices.ContainsFunc(o.sent, func(x Notice) bool { return x.ID == n.ID }) {
		return nil
	}
	o.sent = append(o.sent, n)
	return nil
}

// Sent returns the notices sent so far, in order.
func (o *Outbox) Sent() []Notice {
	o.mu.Lock()
	defer o.mu.Unlock()
	return slices.Clone(o.sent)
}
