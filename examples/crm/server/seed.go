package server

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/period"
	"github.com/shopspring/decimal"
)

// The staff IDs of the demonstration data set: send one of them in
// StaffHeader.
const (
	StaffHead    = "head"     // the director: approves acts, signs resolutions (policy 5.2, 9.8)
	StaffChair   = "chair"    // chair of the destruction commission (9.2, 9.9)
	StaffMember1 = "member-1" // member of the commission
	StaffMember2 = "member-2" // member of the commission
	StaffClerk   = "clerk"    // registers and answers requests
)

// CommissionID is the demonstration commission's ID.
const CommissionID = "commission-1"

// DemoStaff returns the demonstration access list (policy 3.8) for the
// operator op: its head, the three members of the destruction commission and
// a clerk. All are invented.
func DemoStaff(op pdata.Operator) []requests.StaffMember {
	return []requests.StaffMember{
		{ID: StaffHead, Official: op.Head, Resolves: true},
		{ID: StaffChair, Official: pdata.Official{Position: "Главный инженер", LastName: "Петров", FirstName: "Андрей", Patronymic: "Сергеевич"}},
		{ID: StaffMember1, Official: pdata.Official{Position: "Главный бухгалтер", LastName: "Кузнецова", FirstName: "Ольга", Patronymic: "Викторовна"}},
		{ID: StaffMember2, Official: pdata.Official{Position: "Специалист по кадрам", LastName: "Смирнова", FirstName: "Елена", Patronymic: "Николаевна"}},
		{ID: StaffClerk, Official: pdata.Official{Position: "Специалист по работе с населением", LastName: "Орлова", FirstName: "Анна", Patronymic: "Викторовна"}},
	}
}

// DemoCommission returns the demonstration commission, appointed by an
// order of 1 December of the year before now.
func DemoCommission(op pdata.Operator, now time.Time) destruction.Commission {
	staff := DemoStaff(op)
	return destruction.Commission{
		ID:      CommissionID,
		Order:   destruction.Order{Number: "41-од", Date: date.New(op.DateOf(now).Year()-1, time.December, 1)},
		Chair:   staff[1].Official,
		Members: []pdata.Official{staff[2].Official, staff[3].Official},
	}
}

// SeedStaff puts the demonstration access list into the backend.
func SeedStaff(ctx context.Context, b host.Backend, op pdata.Operator) error {
	for _, m := range DemoStaff(op) {
		if err := b.Stores().Staff.Put(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// SeedSummary says what Seed put in.
type SeedSummary struct {
	Staff    int // members of the access list
	Subjects int // data subjects in the directory
	Records  int // records in the register
	Consents int // consents given
	Requests int // requests registered
}

// Seed fills an empty backend with a small generated data set of the
// operator: the access list and the commission, residents, employees and
// site users (invented people whose identifiers pass their checksums), the
// records the operator keeps about them — some of them due for destruction
// as of now —, processing consents, and three requests (one overdue, one
// blocking the data under a clarification, one incomplete). Everything is
// generated from a fixed seed relative to now, so two runs on the same day
// give the same data.
func Seed(ctx context.Context, b host.Backend, op pdata.Operator, sched *retention.Schedule, now time.Time) (SeedSummary, error) {
	var sum SeedSummary
	if sched == nil {
		sched = retention.Default()
	}
	st := b.Stores()
	if err := SeedStaff(ctx, b, op); err != nil {
		return sum, err
	}
	sum.Staff = len(DemoStaff(op))
	if err := destruction.NewArchive(st.Acts).AddCommission(ctx, DemoCommission(op, now)); err != nil && !errors.Is(err, pdata.ErrConflict) {
		return sum, err
	}
	g := newGen(op.DateOf(now))
	rules := consent.DefaultRules()
	rules.Operator = op
	decider, err := consent.NewDecider(st.Consents, rules)
	if err != nil {
		return sum, err
	}
	policy := pdata.DefaultPolicy()
	today := op.DateOf(now)
	addRecord := func(r host.Record) error {
		if !(r.Kind == retention.PurposeBound && r.PurposeAchieved == date.Zero) {
			t, err := sched.Term(r.Retention())
			if err != nil {
				return fmt.Errorf("seed: record %s: %w", r.ID, err)
			}
			r.DestroyFrom, r.DestroyBy = t.DestroyFrom, t.DestroyBy
		}
		sum.Records++
		return st.Records.Add(ctx, r)
	}
	for i := 1; i <= 12; i++ {
		s, err := g.resident(i)
		if err != nil {
			return sum, err
		}
		if err := policy.Check(s); err != nil {
			return sum, fmt.Errorf("seed: resident %s: %w", s.ID, err)
		}
		if err := st.Directory.Put(ctx, s); err != nil {
			return sum, err
		}
		sum.Subjects++
		closed := date.New(today.Year()-1, time.December, 31) // kept 5 years from 1 January: not due
		if i%3 == 0 {
			closed = date.New(today.Year()-7, time.June, 30) // ended 31 December, two years ago: due
		}
		medium := destruction.DBRecords("Жилищный учёт", 3+i%4)
		if i%4 == 0 {
			medium = destruction.Paper(fmt.Sprintf("Карточка учёта собственника, кв. %d", s.Property[0].Residents+10*i), 2)
		}
		if err := addRecord(host.Record{ID: s.ID + "-file", SubjectID: s.ID, Kind: retention.ResidentFile, Closed: closed,
			Title: "Дело собственника помещения " + s.ID, Categories: s.Held().Slice(), Medium: medium}); err != nil {
			return sum, err
		}
		if i%2 == 1 {
			c := g.consent(s, op, today)
			if err := decider.Give(ctx, c); err != nil && !errors.Is(err, pdata.ErrConflict) {
				return sum, fmt.Errorf("seed: consent %s: %w", c.ID, err)
			}
			sum.Consents++
		}
	}
	for i := 1; i <= 4; i++ {
		s := g.employee(i)
		if err := policy.Check(s); err != nil {
			return sum, fmt.Errorf("seed: employee %s: %w", s.ID, err)
		}
		if err := st.Directory.Put(ctx, s); err != nil {
			return sum, err
		}
		sum.Subjects++
		if err := addRecord(host.Record{ID: s.ID + "-personnel", SubjectID: s.ID, Kind: retention.HRPersonnel,
			Closed: date.New(today.Year()-2, time.March, 31), Title: fmt.Sprintf("Личное дело № %d", 100+i),
			Categories: s.Held().Slice(), Medium: destruction.Paper(fmt.Sprintf("Личное дело № %d", 100+i), 40+i)}); err != nil {
			return sum, err
		}
		if i%2 == 0 {
			if err := addRecord(host.Record{ID: s.ID + "-discipline", SubjectID: s.ID, Kind: retention.HRDisciplinary,
				Closed: date.New(today.Year()-5, time.December, 31), Title: "Приказы о дисциплинарных взысканиях",
				Categories: []pdata.DataCategory{pdata.DataFullName}, Medium: destruction.Paper("Приказы о дисциплинарных взысканиях, дело 02-07", 3)}); err != nil {
				return sum, err
			}
		}
	}
	for i := 1; i <= 3; i++ {
		s := g.siteUser(i, now)
		if err := policy.Check(s); err != nil {
			return sum, fmt.Errorf("seed: site user %s: %w", s.ID, err)
		}
		if err := st.Directory.Put(ctx, s); err != nil {
			return sum, err
		}
		sum.Subjects++
		if err := addRecord(host.Record{ID: s.ID + "-logs", SubjectID: s.ID, Kind: retention.SiteData,
			Closed: today - date.Date(300+100*i), Title: "Журналы веб-сервера", Categories: s.Held().Slice(),
			Medium: destruction.Files("Сайт Оператора", "журналы веб-сервера", 2)}); err != nil {
			return sum, err
		}
	}
	n, err := seedRequests(ctx, b, op, sched, now, g)
	sum.Requests = n
	if errors.Is(err, retention.ErrOutOfRange) {
		// The production calendar does not cover today: requests cannot get
		// deadlines. The rest of the data set stands.
		return sum, nil
	}
	return sum, err
}

func seedRequests(ctx context.Context, b host.Backend, op pdata.Operator, sched *retention.Schedule, now time.Time, g *gen) (int, error) {
	year := op.DateOf(now).Year()
	n := 0
	err := b.Atomic(ctx, func(st host.Stores) error {
		svc, err := requests.New(requests.Config{Operator: op, Calendar: sched.Calendar(), Schedule: sched, Store: st.Requests,
			Journal: st.Journal, Audit: st.Audit, Directory: st.Directory, Notifier: st.Outbox, Destroyer: st.Queue, Access: st.Staff})
		if err != nil {
			return err
		}
		by := requests.Actor{ID: StaffClerk, At: now}
		for _, in := range []requests.NewRequest{
			g.request(fmt.Sprintf("R-%d-0001", year), requests.Access, "res-001", now.Add(-20*24*time.Hour), true),
			g.request(fmt.Sprintf("R-%d-0002", year), requests.Clarify, "res-002", now.Add(-26*time.Hour), true),
			g.request(fmt.Sprintf("R-%d-0003", year), requests.Access, "res-003", now.Add(-2*time.Hour), false),
		} {
			if _, err := svc.Register(ctx, by, in); err != nil && !errors.Is(err, pdata.ErrConflict) {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// gen generates invented people with identifiers that pass their checksums.
type gen struct {
	r     *rand.Rand
	today date.Date
}

func newGen(today date.Date) *gen { return &gen{r: rand.New(rand.NewPCG(152, 2006)), today: today} }

var (
	maleLast    = []string{"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов"}
	maleFirst   = []string{"Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений", "Иван", "Михаил", "Николай"}
	femaleFirst = []string{"Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Мария", "Анна", "Юлия", "Галина"}
	fatherNames = []string{"Александров", "Сергеев", "Дмитриев", "Андреев", "Алексеев", "Петров", "Иванов", "Николаев", "Михайлов", "Викторов"}
	streets     = []string{"ул. Советская", "ул. Первомайская", "ул. Мира", "ул. Молодёжная", "ул. Школьная", "4 квартал"}
)

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// snils returns a SNILS with a valid check number (Pension Fund rules: the
// weighted sum of the nine digits, weights 9 down to 1, modulo 101, 100 → 00).
func (g *gen) snils() (pdata.SNILS, error) {
	d := make([]int, 9)
	d[0] = 1 + g.r.IntN(9)
	for i := 1; i < 9; i++ {
		d[i] = g.r.IntN(10)
	}
	sum := 0
	for i, v := range d {
		sum += v * (9 - i)
	}
	cs := sum % 101
	if cs == 100 {
		cs = 0
	}
	return pdata.ParseSNILS(fmt.Sprintf("%d%d%d-%d%d%d-%d%d%d %02d", d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], cs))
}

// personINN returns a 12-digit INN of a person in Samara oblast (63) with
// its two check digits (the Federal Tax Service's weights).
func (g *gen) personINN() (pdata.INN, error) {
	d := make([]int, 12)
	d[0], d[1] = 6, 3
	for i := 2; i < 10; i++ {
		d[i] = g.r.IntN(10)
	}
	check := func(w []int) int {
		s := 0
		for i, x := range w {
			s += x * d[i]
		}
		return s % 11 % 10
	}
	d[10] = check([]int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8})
	d[11] = check([]int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8})
	s := ""
	for _, x := range d {
		s += fmt.Sprint(x)
	}
	return pdata.ParseINN(s)
}

func (g *gen) passport(year int) (pdata.Passport, error) {
	p, err := pdata.ParsePassport(fmt.Sprintf("36 %02d %06d", year%100, 100000+g.r.IntN(900000)))
	if err != nil {
		return p, err
	}
	p.IssueDate = date.New(2000+year%25, time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28))
	p.Issuer = "ГУ МВД России по Самарской области"
	p.DivisionCode = "630-045"
	return p, nil
}

func (g *gen) phone() (pdata.Phone, error) {
	return pdata.ParsePhone(fmt.Sprintf("+7 927 %03d-%02d-%02d", g.r.IntN(1000), g.r.IntN(100), g.r.IntN(100)))
}

func (g *gen) person(s *pdata.Subject) {
	if g.r.IntN(2) == 0 {
		s.LastName, s.FirstName, s.Patronymic, s.Sex = g.pick(maleLast), g.pick(maleFirst), g.pick(fatherNames)+"ич", pdata.Male
	} else {
		s.LastName, s.FirstName, s.Patronymic, s.Sex = g.pick(maleLast)+"а", g.pick(femaleFirst), g.pick(fatherNames)+"на", pdata.Female
	}
	s.BirthDate = date.New(1950+g.r.IntN(50), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28))
}

func (g *gen) address(flat int) string {
	return fmt.Sprintf("446800, Самарская область, Кошкинский район, село Кошки, %s, д. %d, кв. %d", g.pick(streets), 1+g.r.IntN(30), flat)
}

func (g *gen) resident(i int) (pdata.Subject, error) {
	s := pdata.Subject{ID: fmt.Sprintf("res-%03d", i), Category: pdata.Resident}
	g.person(&s)
	s.RegistrationAddress = g.address(i)
	pass, err := g.passport(10 + i)
	if err != nil {
		return s, err
	}
	s.Passport = &pass
	if s.Phone, err = g.phone(); err != nil {
		return s, err
	}
	cad, err := pdata.ParseCadastral(fmt.Sprintf("63:24:0502003:%d", 100+i))
	if err != nil {
		return s, err
	}
	s.Property = []pdata.PropertyRight{{Kind: pdata.Ownership, Premises: s.RegistrationAddress, Cadastral: cad,
		Registration: fmt.Sprintf("63:24:0502003:%d-63/001/2015-1", 100+i), RegisteredOn: date.New(2015, time.April, 1+i),
		Area: decimal.New(int64(380+g.r.IntN(500)), -1), Share: decimal.NewFromInt(1), Residents: 1 + g.r.IntN(4), Registered: 1 + g.r.IntN(3)}}
	s.SetSource(pdata.FromSubject, s.Held().Slice()...)
	s.SetSource(pdata.FromRosreestr, pdata.DataPropertyRights)
	return s, nil
}

func (g *gen) employee(i int) pdata.Subject {
	s := pdata.Subject{ID: fmt.Sprintf("emp-%03d", i), Category: pdata.Employee}
	g.person(&s)
	s.BirthPlace = "с. Кошки Самарской области"
	s.RegistrationAddress = g.address(20 + i)
	if p, err := g.passport(i); err == nil {
		s.Passport = &p
	}
	s.SNILS, _ = g.snils()
	s.INN, _ = g.personINN()
	s.Phone, _ = g.phone()
	s.SetSource(pdata.FromSubject, s.Held().Slice()...)
	return s
}

func (g *gen) siteUser(i int, now time.Time) pdata.Subject {
	s := pdata.Subject{ID: fmt.Sprintf("site-%03d", i), Category: pdata.SiteUser,
		IP: netip.AddrFrom4([4]byte{192, 0, 2, byte(10 + i)}), Cookies: fmt.Sprintf("session=%08x", g.r.Uint32()),
		Browser: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", AccessTime: now.Add(-time.Duration(300+100*i) * 24 * time.Hour).UTC().Truncate(time.Second),
		Referrer: "https://pozhkh-koshki.example.ru/"}
	s.SetSource(pdata.FromSubject, s.Held().Slice()...)
	return s
}

// consent returns a processing consent of a resident, given 100 days ago for
// 5 years, with every element of 152-FZ art. 9 part 4.
func (g *gen) consent(s pdata.Subject, op pdata.Operator, today date.Date) consent.Consent {
	return consent.Consent{
		ID: "C-" + s.ID, SubjectID: s.ID, SubjectCategory: s.Category, Kind: consent.Processing,
		Subject:       consent.Person{LastName: s.LastName, FirstName: s.FirstName, Patronymic: s.Patronymic, Address: s.RegistrationAddress, Document: *s.Passport},
		Operator:      consent.OperatorParty(op),
		Purposes:      []string{"управление многоквартирным домом и начисление платы за жилое помещение и коммунальные услуги"},
		Categories:    []pdata.DataCategory{pdata.DataFullName, pdata.DataRegistrationAddress, pdata.DataPropertyRights, pdata.DataPhone},
		Actions:       consent.StandardActions(),
		Method:        consent.Mixed,
		Validity:      consent.Validity{For: period.NewYMD(5, 0, 0)},
		HowToWithdraw: "письменным заявлением, поданным Оператору по адресу: " + op.Address,
		Signature:     consent.Signature{Kind: consent.Handwritten},
		Document:      consent.Document{Title: "Согласие на обработку персональных данных", Form: consent.Paper, Standalone: true},
		Given:         today - 100,
	}
}

// request returns a request from the subject; complete says whether it
// carries every element of art. 14 part 3.
func (g *gen) request(id string, k requests.Kind, subjectID string, received time.Time, complete bool) requests.NewRequest {
	in := requests.NewRequest{ID: id, Kind: k, SubjectID: subjectID, Received: received, Channel: requests.Post,
		Requester: requests.Requester{Party: requests.BySubject, ReplyTo: "446800, Самарская область, село Кошки, до востребования"},
		Matter:    "сведения об обработке моих персональных данных"}
	if k == requests.Clarify {
		in.Matter = "номер телефона указан неверно"
	}
	if complete {
		p, _ := g.passport(30)
		in.Requester.Identity = &p
		in.Signature = requests.Handwritten
		in.Relationship = requests.Relationship{Contract: "17/У", ContractDate: date.New(2019, time.March, 4), Account: "0012345"}
	}
	return in
}
