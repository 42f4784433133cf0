package requests_test

import (
	"context"
	"errors"
	"iter"
	"sync"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/consent/consenttest"
	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Invented people; identifiers pass their checksums.

var samara = pdata.SampleOperator().Zone()

// at returns a moment in the operator's zone (Samara, UTC+4).
func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, samara)
}

func day(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

func passport(t testing.TB, s string, issued date.Date) *pdata.Passport {
	t.Helper()
	p, err := pdata.ParsePassport(s)
	require.NoError(t, err)
	p.IssueDate = issued
	p.Issuer = "Отделением УФМС России по Самарской области в Кошкинском районе"
	p.DivisionCode = "630-045"
	return &p
}

// owner is a resident owner; spouse and lodger live in her flat.
func owner(t testing.TB) pdata.Subject {
	t.Helper()
	s := pdata.Subject{ID: "res-1", Category: pdata.Resident, LastName: "Кузнецова", FirstName: "Анна", Patronymic: "Петровна",
		Sex: pdata.Female, BirthDate: day(1978, 4, 12), BirthPlace: "с. Кошки Самарской обл.",
		RegistrationAddress: "446800, Самарская обл., Кошкинский р-н, с. Кошки, ул. Садовая, д. 3, кв. 7",
		Passport:            passport(t, "36 10 123456", day(2010, 6, 15))}
	var err error
	s.SNILS, err = pdata.ParseSNILS("112-233-445 95")
	require.NoError(t, err)
	s.INN, err = pdata.ParseINN("638100012391")
	require.NoError(t, err)
	s.Phone, err = pdata.ParsePhone("+7 927 123-45-67")
	require.NoError(t, err)
	cad, err := pdata.ParseCadastral("63:24:0502003:123")
	require.NoError(t, err)
	s.Property = []pdata.PropertyRight{{Kind: pdata.Ownership, Premises: "с. Кошки, ул. Садовая, д. 3, кв. 7", Cadastral: cad,
		Registration: "63:24:0502003:123-63/001/2015-1", RegisteredOn: day(2015, 3, 2),
		Area: decimal.RequireFromString("54.3"), Share: decimal.NewFromInt(1), Residents: 3, Registered: 3}}
	s.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataSex, pdata.DataBirthDate, pdata.DataBirthPlace,
		pdata.DataRegistrationAddress, pdata.DataIdentityDocument, pdata.DataSNILS, pdata.DataINN, pdata.DataPhone)
	s.SetSource(pdata.FromRosreestr, pdata.DataPropertyRights)
	return s
}

// spouse lives in the owner's flat (a member of her household).
func spouse(t testing.TB) pdata.Subject {
	t.Helper()
	s := pdata.Subject{ID: "res-2", Category: pdata.Resident, HouseholdOf: "res-1", LastName: "Кузнецов", FirstName: "Игорь", Patronymic: "Владимирович",
		BirthDate: day(1975, 11, 3), RegistrationAddress: "446800, Самарская обл., Кошкинский р-н, с. Кошки, ул. Садовая, д. 3, кв. 7",
		Passport: passport(t, "36 05 654321", day(2005, 2, 1))}
	var err error
	s.SNILS, err = pdata.ParseSNILS("123-456-789 64")
	require.NoError(t, err)
	s.INN, err = pdata.ParseINN("770708389324")
	require.NoError(t, err)
	s.Phone, err = pdata.ParsePhone("+7 927 765-43-21")
	require.NoError(t, err)
	s.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataBirthDate, pdata.DataRegistrationAddress,
		pdata.DataIdentityDocument, pdata.DataSNILS, pdata.DataINN, pdata.DataPhone)
	return s
}

// lodger is a co-resident, not family.
func lodger(t testing.TB) pdata.Subject {
	t.Helper()
	s := pdata.Subject{ID: "res-3", Category: pdata.Resident, HouseholdOf: "res-1", LastName: "Зайцев", FirstName: "Олег",
		RegistrationAddress: "446800, Самарская обл., Кошкинский р-н, с. Кошки, ул. Садовая, д. 3, кв. 7"}
	var err error
	s.SNILS, err = pdata.ParseSNILS("987-654-321 83")
	require.NoError(t, err)
	s.INN, err = pdata.ParseINN("500301234503")
	require.NoError(t, err)
	s.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataSNILS, pdata.DataINN)
	return s
}

var staff = requests.StaffList{Order: "Приказ № 3 от 12.01.2026", Members: []requests.StaffMember{
	{ID: "clerk", Official: pdata.Official{Position: "Специалист по работе с населением", LastName: "Белова", FirstName: "Ирина", Patronymic: "Сергеевна"}},
	{ID: "head", Official: pdata.Official{Position: "Директор", LastName: "Сидоров", FirstName: "Пётр", Patronymic: "Ильич"}, Resolves: true},
}}

func clerk(t time.Time) requests.Actor    { return requests.Actor{ID: "clerk", At: t} }
func head(t time.Time) requests.Actor     { return requests.Actor{ID: "head", At: t} }
func intruder(t time.Time) requests.Actor { return requests.Actor{ID: "intruder", At: t} }

// faults make the host's parts fail on demand.
type faults struct {
	mu  sync.Mutex
	err map[string]error // by method name: "Store.Update", "Directory.Unblock", …
}

func (f *faults) set(method string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err == nil {
		f.err = map[string]error{}
	}
	f.err[method] = err
}

func (f *faults) get(method string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err[method]
}

var errBoom = errors.New("boom: the database went away")

type faultyStore struct {
	*requests.MemoryStore
	f *faults
}

func (s faultyStore) Create(ctx context.Context, r requests.Request) error {
	if err := s.f.get("Store.Create"); err != nil {
		return err
	}
	return s.MemoryStore.Create(ctx, r)
}

func (s faultyStore) Update(ctx context.Context, r requests.Request) error {
	if err := s.f.get("Store.Update"); err != nil {
		return err
	}
	return s.MemoryStore.Update(ctx, r)
}

func (s faultyStore) Open(ctx context.Context) iter.Seq2[requests.Summary, error] {
	if err := s.f.get("Store.Open"); err != nil {
		return func(yield func(requests.Summary, error) bool) { yield(requests.Summary{}, err) }
	}
	return s.MemoryStore.Open(ctx)
}

type faultyDir struct {
	*requests.MemoryDirectory
	f *faults
}

func (d faultyDir) Block(ctx context.Context, id string, h requests.Hold) error {
	if err := d.f.get("Directory.Block"); err != nil {
		return err
	}
	return d.MemoryDirectory.Block(ctx, id, h)
}

func (d faultyDir) Unblock(ctx context.Context, id, req string) error {
	if err := d.f.get("Directory.Unblock"); err != nil {
		return err
	}
	return d.MemoryDirectory.Unblock(ctx, id, req)
}

func (d faultyDir) Correct(ctx context.Context, s pdata.Subject, req string) error {
	if err := d.f.get("Directory.Correct"); err != nil {
		return err
	}
	return d.MemoryDirectory.Correct(ctx, s, req)
}

func (d faultyDir) Erase(ctx context.Context, id string, cats pdata.CategorySet, req string) error {
	if err := d.f.get("Directory.Erase"); err != nil {
		return err
	}
	return d.MemoryDirectory.Erase(ctx, id, cats, req)
}

type faultyNotifier struct {
	*requests.Outbox
	f *faults
}

func (n faultyNotifier) Notify(ctx context.Context, x requests.Notice) error {
	if err := n.f.get("Notifier.Notify"); err != nil {
		return err
	}
	return n.Outbox.Notify(ctx, x)
}

type faultyJournal struct {
	*requests.MemoryJournal
	f *faults
}

func (j faultyJournal) Append(ctx context.Context, d requests.Disclosure) error {
	if err := j.f.get("Journal.Append"); err != nil {
		return err
	}
	return j.MemoryJournal.Append(ctx, d)
}

type faultyDestroyer struct {
	*requests.SelectionQueue
	f *faults
}

func (q faultyDestroyer) Select(ctx context.Context, items []destruction.Item) error {
	if err := q.f.get("Destroyer.Select"); err != nil {
		return err
	}
	return q.SelectionQueue.Select(ctx, items)
}

type faultyAudit struct {
	*requests.MemoryAuditLog
	f *faults
}

func (a faultyAudit) Append(ctx context.Context, e requests.AuditEntry) error {
	if err := a.f.get("Audit.Append"); err != nil {
		return err
	}
	return a.MemoryAuditLog.Append(ctx, e)
}

// transferPurpose is the purpose the resident's consent names for giving her
// data to the settlement centre.
const transferPurpose = "начисление платы за отопление"

// residentConsent is res-1's written consent, which lets the operator give
// her name and address to the settlement centre for billing (policy 5.3).
func residentConsent(t testing.TB) *consent.Decider {
	t.Helper()
	rules := consent.DefaultRules()
	rules.Operator = pdata.SampleOperator()
	d, err := consent.NewDecider(consent.NewMemoryStore(), rules)
	require.NoError(t, err)
	c := consenttest.Sample("C-1", "res-1")
	c.Purposes = []string{transferPurpose}
	c.Categories = []pdata.DataCategory{pdata.DataFullName, pdata.DataRegistrationAddress}
	c.Recipients = []consent.Party{{Name: "ООО «Расчётный центр»", Address: "446800, Самарская обл., с. Кошки, ул. Советская, д. 1"}}
	require.NoError(t, d.Give(context.Background(), c))
	return d
}

type fixture struct {
	consents *consent.Decider
	svc      *requests.Service
	store    *requests.MemoryStore
	dir      *requests.MemoryDirectory
	out      *requests.Outbox
	journal  *requests.MemoryJournal
	audit    *requests.MemoryAuditLog
	queue    *requests.SelectionQueue
	faults   *faults
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{store: requests.NewMemoryStore(), dir: requests.NewMemoryDirectory(owner(t), spouse(t), lodger(t)),
		out: &requests.Outbox{}, journal: requests.NewMemoryJournal(), audit: requests.NewMemoryAuditLog(),
		queue: &requests.SelectionQueue{}, faults: &faults{}, consents: residentConsent(t)}
	svc, err := requests.New(requests.Config{
		Consents: f.consents,
		Operator: pdata.SampleOperator(),
		Store:    faultyStore{f.store, f.faults}, Journal: faultyJournal{f.journal, f.faults}, Audit: faultyAudit{f.audit, f.faults},
		Directory: faultyDir{f.dir, f.faults}, Notifier: faultyNotifier{f.out, f.faults},
		Destroyer: faultyDestroyer{f.queue, f.faults}, Access: staff,
	})
	require.NoError(t, err)
	f.svc = svc
	return f
}

// complete returns a complete request from the subject herself.
func complete(t testing.TB, id string, k requests.Kind, received time.Time) requests.NewRequest {
	return requests.NewRequest{
		ID: id, Kind: k, SubjectID: "res-1", Received: received, Channel: requests.Post, Signature: requests.Handwritten,
		Requester:    requests.Requester{Party: requests.BySubject, Identity: passport(t, "36 10 123456", day(2010, 6, 15)), ReplyTo: "с. Кошки, ул. Садовая, д. 3, кв. 7"},
		Relationship: requests.Relationship{Contract: "17/У", ContractDate: day(2019, 3, 4)},
		Matter:       "прошу сообщить сведения об обработке моих персональных данных",
	}
}

func fromAuthority(id string, k requests.Kind, received time.Time) requests.NewRequest {
	return requests.NewRequest{
		ID: id, Kind: k, SubjectID: "res-1", Received: received, Channel: requests.Electronic, Signature: requests.ElectronicSignature,
		Requester: requests.Requester{Party: requests.ByAuthority, Name: "Управление Роскомнадзора по Самарской области",
			Letter: requests.Letter{Number: "12345-03/63", Date: day(2026, 3, 2)}},
	}
}

func fromThirdParty(id string, received time.Time) requests.NewRequest {
	inn, _ := pdata.ParseINN("6381012349")
	return requests.NewRequest{
		ID: id, Kind: requests.Access, SubjectID: "res-1", Received: received, Channel: requests.Post, Signature: requests.Handwritten,
		Requester: requests.Requester{Party: requests.ByThirdParty, Name: "ООО «Расчётный центр»", INN: inn,
			Letter:    requests.Letter{Number: "77", Date: day(2026, 3, 2)},
			Agreement: &requests.Agreement{Number: "5-ИО", Date: day(2024, 5, 5), NonDisclosure: true}},
	}
}

// actDigest is a well-formed seal (the SHA-256 of "test") for the tests of
// a Destroyer that cannot look acts up; actArchive tests use real acts.
const actDigest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

func history(t testing.TB, f *fixture, id string) []requests.Event {
	t.Helper()
	r, err := f.store.Get(context.Background(), id)
	require.NoError(t, err)
	return r.History
}
