package requests

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

// Config is what a Service works with. Store, Journal, Audit, Directory,
// Notifier, Destroyer and Access are required; the rest have defaults.
type Config struct {
	// Operator names the operator in notices and reports, and its time
	// zone decides the day a request is received.
	Operator pdata.Operator
	// Calendar counts working days; nil means retention.RussianCalendar().
	Calendar *retention.Calendar
	// Schedule gives storage terms for the access report; nil means
	// retention.NewSchedule(Calendar).
	Schedule *retention.Schedule
	// Policy checks corrected data (policy 2.1, 2.3); the zero value means
	// pdata.DefaultPolicy().
	Policy pdata.Policy
	// Report is what the access report says about the processing; nil
	// means DefaultReportSettings().
	Report *ReportSettings

	Store     Store      // requests and their history
	Journal   Journal    // the journal of disclosures (policy 5.3)
	Audit     AuditLog   // refused attempts (policy 3.8, 4.3)
	Directory Directory  // the host's register of subjects
	Notifier  Notifier   // sends notices to requesters, subjects, the authority
	Destroyer Destroyer  // receives data handed to the destruction commission
	Access    AccessList // the access list approved by the head (policy 3.8)
	// Consents is the consent register (optional; see Consents).
	Consents Consents
	// Acts is the archive of destruction acts (optional; see ActReader and
	// ConfirmDestruction). When nil and the Destroyer is also an
	// ActReader, the Destroyer is used.
	Acts ActReader
}

// Service runs the requests workflow over the host's stores, directory and
// notifier. It is safe for concurrent use when they are; two operations on
// the same request at once end with one of them getting ErrConflict.
type Service struct {
	op        pdata.Operator
	cal       *retention.Calendar
	sched     *retention.Schedule
	policy    pdata.Policy
	report    ReportSettings
	store     Store
	journal   Journal
	audit     AuditLog
	dir       Directory
	notifier  Notifier
	destroyer Destroyer
	acts      ActReader
	access    AccessList
	consents  Consents
}

// New returns a Service, or a *pdata.ValidationError naming each missing
// part of cfg.
func New(cfg Config) (*Service, error) {
	var p pdata.Problems
	b := pdata.Cite("", "3.8, 5.3")
	need := func(ok bool, field, ru string) {
		if !ok {
			p.Add(field, "required", b, field+" is required", "не задан "+ru)
		}
	}
	need(cfg.Store != nil, "Store", "журнал обращений (Store)")
	need(cfg.Journal != nil, "Journal", "журнал учёта передачи персональных данных (Journal)")
	need(cfg.Audit != nil, "Audit", "журнал отказов в доступе (Audit)")
	need(cfg.Directory != nil, "Directory", "реестр субъектов (Directory)")
	need(cfg.Notifier != nil, "Notifier", "способ направления уведомлений (Notifier)")
	need(cfg.Destroyer != nil, "Destroyer", "передача на уничтожение (Destroyer)")
	need(cfg.Access != nil, "Access", "перечень допущенных сотрудников (Access)")
	if err := p.Err(); err != nil {
		return nil, err
	}
	s := &Service{op: cfg.Operator, cal: cfg.Calendar, sched: cfg.Schedule, policy: cfg.Policy,
		store: cfg.Store, journal: cfg.Journal, audit: cfg.Audit, dir: cfg.Directory,
		notifier: cfg.Notifier, destroyer: cfg.Destroyer, access: cfg.Access, consents: cfg.Consents, acts: cfg.Acts}
	if ar, ok := cfg.Destroyer.(ActReader); ok && s.acts == nil {
		s.acts = ar
	}
	if s.cal == nil {
		s.cal = retention.RussianCalendar()
	}
	if s.sched == nil {
		s.sched = retention.NewSchedule(s.cal)
	}
	if s.policy.Rules == nil {
		s.policy = pdata.DefaultPolicy()
	}
	if cfg.Report != nil {
		s.report = *cfg.Report
	} else {
		s.report = DefaultReportSettings()
	}
	return s, nil
}

// Calendar returns the production calendar the service counts with; nil for
// a Service not built by New.
func (s *Service) Calendar() *retention.Calendar {
	if s == nil {
		return nil
	}
	return s.cal
}

// ready refuses to work with a Service not built by New (the zero value, or
// a nil *Service) and with a nil context: an error wrapping ErrInvalid
// instead of a nil dereference.
func (s *Service) ready(ctx context.Context) error {
	if s == nil || s.store == nil || s.journal == nil || s.audit == nil || s.dir == nil ||
		s.notifier == nil || s.destroyer == nil || s.access == nil || s.cal == nil || s.sched == nil {
		return invalid("Service", "not_configured", pdata.Cite("", "3.8, 5.3"),
			"the requests service is not set up: build it with requests.New",
			"сервис обращений не настроен: его нужно создать функцией requests.New")
	}
	if ctx == nil {
		return invalid("ctx", "required", pdata.Cite("", "3.8, 5.3"),
			"the context is nil: pass context.Background() or the request's context",
			"не передан контекст выполнения операции")
	}
	return nil
}

// Actor is who performs an operation and when: a staff member's ID (on the
// access list, policy 3.8) and the moment, which the caller passes (the
// library never reads the clock).
type Actor struct {
	ID string    // the staff member's ID on the access list
	At time.Time // the moment of the operation
}

// ForbiddenError is returned when the actor is not on the access list
// approved by the head (policy 3.8, 4.3) or may not sign a resolution
// (policy 5.2). It matches ErrForbidden; the attempt is in the audit log.
type ForbiddenError struct {
	Actor     string // who tried
	Op        Op     // what they tried
	RequestID string // on which request, if any
	Reason    string // why not, in English
	ReasonRU  string // why not, in Russian
}

// Error returns the English explanation.
func (e *ForbiddenError) Error() string {
	return fmt.Sprintf("requests: %s by %q refused: %s", e.Op, e.Actor, e.Reason)
}

// Russian returns the explanation for a staff member.
func (e *ForbiddenError) Russian() string { return e.ReasonRU }

// Unwrap makes errors.Is(err, ErrForbidden) true.
func (e *ForbiddenError) Unwrap() error { return ErrForbidden }

var basisAccessList = pdata.Cite("152-ФЗ ст. 18.1, 19", "3.8, 4.3")

// authorize checks the actor against the access list; a refusal is logged.
func (s *Service) authorize(ctx context.Context, by Actor, op Op, requestID string) (StaffMember, error) {
	if err := s.ready(ctx); err != nil {
		return StaffMember{}, err
	}
	if by.At.IsZero() {
		return StaffMember{}, invalid("Actor.At", "required", basisAccessList,
			"the moment of the operation is not set", "не указан момент выполнения действия")
	}
	m, err := s.access.Member(ctx, by.ID)
	switch {
	case errors.Is(err, ErrNotFound):
		return StaffMember{}, s.deny(ctx, by, op, requestID,
			"not on the access list approved by the head (policy 3.8, 4.3)",
			"сотрудник не включён в перечень лиц, допущенных к персональным данным, утверждённый руководителем (п. 3.8, 4.3 Положения)")
	case err != nil:
		return StaffMember{}, fmt.Errorf("requests: access list: %w", err)
	}
	return m, nil
}

func (s *Service) deny(ctx context.Context, by Actor, op Op, requestID, en, ru string) error {
	fe := &ForbiddenError{Actor: by.ID, Op: op, RequestID: requestID, Reason: en, ReasonRU: ru}
	e := AuditEntry{At: by.At, Actor: by.ID, Op: op, RequestID: requestID, Reason: ru, Basis: basisAccessList}
	if err := s.audit.Append(ctx, e); err != nil {
		return errors.Join(fe, fmt.Errorf("requests: the refused attempt could not be logged: %w", err))
	}
	return fe
}

// Register records a request as it arrived and returns it as stored. It
// never drops a request for lacking something: a request without the
// elements of art. 14 part 3 (CheckIntake) is registered with Missing set,
// the requester is sent a notice saying in Russian what is missing, and the
// term runs from receipt all the same. Register:
//
//   - computes the deadline (DueFor) from the day of receipt in the
//     operator's time zone;
//   - flags an access request less than 30 days after an earlier one of the
//     same subject answered in full, unless RepeatReason is given (art. 14
//     parts 4–6): it may then be refused with RefuseRepeat;
//   - blocks the subject's data from receipt for the period of the check
//     when the request reports inaccurate data or unlawful processing
//     (Clarify, Unlawful; policy 6.1.7, 152-FZ art. 21 part 1). A subject the
//     directory does not know has nothing to block; the history says so.
//
// Input the service cannot work with (no ID, an unknown kind, a party that
// may not send this kind, no subject, no moment of receipt) is a
// *pdata.ValidationError and nothing is stored. So is free text holding an
// identifier in full — a SNILS, an INN, a passport's series and number, a
// phone number (rule "identifier_in_full"; 152-FZ art. 5 part 5, policy
// 2.1): Matter, RepeatReason, Requester.Name, Requester.LegalAuthority and
// the power of attorney's IssuedBy are stored and printed, and the
// identifiers have fields of their own (Requester.Identity, Requester.INN).
// The other operations refuse the same in the free text they record (the
// reasons of Extend, Resolve's text, the documents of DocumentsArrived and
// Clarify, Remedy's what, Refuse's details, Fulfil's Text for Stop and
// Withdraw and its Purpose); the message never repeats the text. An ID already registered
// gives ErrConflict. If blocking, the notice or the write fails, the error is
// returned, the block is lifted again and nothing is stored: retry.
func (s *Service) Register(ctx context.Context, by Actor, in NewRequest) (Request, error) {
	if _, err := s.authorize(ctx, by, OpRegister, in.ID); err != nil {
		return Request{}, err
	}
	if err := validateNew(in); err != nil {
		return Request{}, err
	}
	if by.At.Before(in.Received) {
		return Request{}, invalid("Actor.At", "order", basisIntake,
			"a request cannot be registered before it was received", "обращение не может быть зарегистрировано раньше, чем получено")
	}
	if _, err := s.store.Get(ctx, in.ID); err == nil {
		return Request{}, fmt.Errorf("requests: request %q is already registered: %w", in.ID, ErrConflict)
	} else if !errors.Is(err, ErrNotFound) {
		return Request{}, fmt.Errorf("requests: register %q: %w", in.ID, err)
	}
	on := s.op.DateOf(in.Received)
	r := Request{
		ID: in.ID, Kind: in.Kind, SubjectID: in.SubjectID, Requester: in.Requester.clone(),
		Received: in.Received, ReceivedOn: on, Channel: in.Channel, Signature: in.Signature,
		Relationship: in.Relationship, Matter: in.Matter, DocumentsReceived: in.DocumentsReceived,
		RepeatReason: in.RepeatReason, ConsentID: in.ConsentID, Status: StatusReceived, Version: 1,
	}
	r.Missing = CheckIntake(in, on)
	d, err := DueFor(s.cal, r)
	if err != nil {
		return Request{}, err
	}
	r.Deadline = d
	if in.Kind == Access && in.RepeatReason == "" && (in.Requester.Party == BySubject || in.Requester.Party == ByRepresentative) {
		if r.RepeatOf, err = s.repeatOf(ctx, in.SubjectID, on); err != nil {
			return Request{}, err
		}
	}

	reason := r.Kind.Title() + "; заявитель: " + r.Requester.Party.Title() + "; срок: " + r.Deadline.String()
	if r.RepeatOf != "" {
		reason += "; повторный запрос ранее 30 дней после запроса № " + r.RepeatOf + ", на который сведения предоставлены в полном объёме (ч. 4–6 ст. 14 152-ФЗ)"
	}
	r.History = append(r.History, Event{At: by.At, Actor: by.ID, Action: ActRegistered, To: StatusReceived, Reason: reason, Basis: r.Deadline.Basis})

	var notices []Notice
	if r.Incomplete() {
		n := s.notice(r, NoticeIntake, requesterParty(r), "О недостающих сведениях в запросе", intakeBody(r), basisIntake, by.At)
		notices = append(notices, n)
		r.History = append(r.History, Event{At: by.At, Actor: by.ID, Action: ActIntakeReply, From: StatusReceived, To: StatusReceived,
			Reason: "не хватает: " + missingList(r.Missing, "; "), Basis: basisIntake})
	}
	blocked := false
	if in.Kind == Clarify || in.Kind == Unlawful {
		h := Hold{RequestID: r.ID, Since: in.Received, Reason: r.Kind.Title(), Basis: basisBlock}
		switch err := s.dir.Block(ctx, r.SubjectID, h); {
		case errors.Is(err, ErrNotFound):
			r.History = append(r.History, Event{At: by.At, Actor: by.ID, Action: ActBlocked, From: StatusReceived, To: StatusReceived,
				Reason: "данные субъекта в реестре не найдены — блокировать нечего", Basis: basisBlock})
		case err != nil:
			return Request{}, fmt.Errorf("requests: block the data of %s: %w", r.SubjectID, err)
		default:
			blocked, r.Blocked = true, true
			r.History = append(r.History, Event{At: by.At, Actor: by.ID, Action: ActBlocked, From: StatusReceived, To: StatusReceived,
				Reason: "персональные данные субъекта заблокированы с момента получения обращения на период проверки", Basis: basisBlock})
		}
	}
	undo := func(err error) (Request, error) {
		if blocked {
			if uerr := s.dir.Unblock(ctx, r.SubjectID, r.ID); uerr != nil {
				err = errors.Join(err, fmt.Errorf("requests: lifting the block again failed: %w", uerr))
			}
		}
		return Request{}, err
	}
	if r.Kind == Withdraw && r.ConsentID != "" && s.consents != nil {
		if err := s.recordWithdrawal(ctx, by, &r); err != nil {
			return undo(err)
		}
	}
	if err := s.send(ctx, notices); err != nil {
		return undo(err)
	}
	if err := s.store.Create(ctx, r); err != nil {
		return undo(fmt.Errorf("requests: register %q: %w", r.ID, err))
	}
	return r, nil
}

var basisBlock = pdata.Cite("152-ФЗ ст. 21 ч. 1", "6.1.7")

var basisConsentWithdrawn = pdata.Cite("152-ФЗ ст. 9 ч. 2; ст. 21 ч. 5", "")

// recordWithdrawal records a Withdraw request's withdrawal in the consent
// register. A withdrawal the register already holds (a retry, or an earlier
// request) is not an error; nor is an unknown consent or one the register
// refuses: the request is registered all the same and its history says so.
func (s *Service) recordWithdrawal(ctx context.Context, by Actor, r *Request) error {
	w := consent.Withdrawal{Date: r.ReceivedOn, At: r.Received, Document: requestRefNom(*r)}
	term, err := s.consents.Withdraw(ctx, r.ConsentID, w)
	reason := ""
	var ve *pdata.ValidationError
	switch {
	case err == nil:
		reason = "согласие № " + r.ConsentID + " отозвано с " + ruDate(term.Received)
		if term.DestroyBy != date.Zero {
			reason += "; уничтожить данные, обрабатываемые только на его основании, до " + ruDate(term.DestroyBy)
		}
	case errors.Is(err, ErrConflict):
		reason = "согласие № " + r.ConsentID + " уже отозвано ранее"
	case errors.Is(err, ErrNotFound):
		reason = "согласие № " + r.ConsentID + " в реестре согласий не найдено — проверьте номер"
	case errors.As(err, &ve):
		reason = "реестр согласий не принял отзыв: " + ve.Russian()
	default:
		return fmt.Errorf("requests: record the withdrawal of consent %q: %w", r.ConsentID, err)
	}
	r.History = append(r.History, Event{At: by.At, Actor: by.ID, Action: ActConsentWithdrawn, From: StatusReceived, To: StatusReceived,
		Reason: reason, Basis: basisConsentWithdrawn})
	return nil
}

// repeatOf finds the latest access request of the subject answered in full
// whose receipt is less than 30 days before on (art. 14 part 4).
func (s *Service) repeatOf(ctx context.Context, subjectID string, on date.Date) (string, error) {
	found := ""
	seq := s.store.BySubject(ctx, subjectID)
	if seq == nil {
		return "", fmt.Errorf("requests: earlier requests of %s: the store returned no stream: %w", subjectID, ErrInvalid)
	}
	for prev, err := range seq {
		if err != nil {
			return "", fmt.Errorf("requests: earlier requests of %s: %w", subjectID, err)
		}
		if prev.Kind == Access && prev.Status == StatusAnswered &&
			(prev.Requester.Party == BySubject || prev.Requester.Party == ByRepresentative) &&
			on >= prev.ReceivedOn && on < prev.ReceivedOn+30 {
			found = prev.ID
		}
	}
	return found, nil
}

// change is one operation on a stored request: the request as stored, the
// new state being built, and the side effects to run before the write.
type change struct {
	s      *Service
	by     Actor
	cur    Request
	next   Request
	effect []func(context.Context) error // run in order before the write
	undo   []func(context.Context) error // run in reverse if a later step fails
}

// begin authorises the actor, loads the request and checks the transition.
func (s *Service) begin(ctx context.Context, by Actor, op Op, id string) (*change, StaffMember, error) {
	m, err := s.authorize(ctx, by, op, id)
	if err != nil {
		return nil, m, err
	}
	cur, err := s.store.Get(ctx, id)
	if err != nil {
		return nil, m, fmt.Errorf("requests: %s %q: %w", op, id, err)
	}
	if err := Allowed(cur, op); err != nil {
		return nil, m, err
	}
	if n := len(cur.History); n > 0 && by.At.Before(cur.History[n-1].At) {
		return nil, m, invalid("Actor.At", "order", pdata.Cite("", "5.3"),
			"the moment is before the request's last recorded step", "момент действия раньше последнего записанного шага по обращению")
	}
	next := cur.clone()
	next.Version = cur.Version + 1
	return &change{s: s, by: by, cur: cur, next: next}, m, nil
}

// event appends an entry to the new history.
func (c *change) event(a Action, to Status, reason string, b pdata.Basis) {
	c.next.History = append(c.next.History, Event{At: c.by.At, Actor: c.by.ID, Action: a, From: c.cur.Status, To: to, Reason: reason, Basis: b})
}

// finish sets the final status, runs the side effects in order and writes
// the request once. On any failure it runs the undo steps of the effects
// already done, in reverse, and returns the error: the stored request is as
// it was.
func (c *change) finish(ctx context.Context, to Status) (Request, error) {
	c.next.Status = to
	if !to.Open() {
		c.next.Closed = c.by.At
	}
	fail := func(err error) (Request, error) {
		for i := len(c.undo) - 1; i >= 0; i-- {
			if uerr := c.undo[i](ctx); uerr != nil {
				err = errors.Join(err, fmt.Errorf("requests: undo failed: %w", uerr))
			}
		}
		return Request{}, err
	}
	for _, f := range c.effect {
		if err := f(ctx); err != nil {
			return fail(err)
		}
	}
	if err := c.s.store.Update(ctx, c.next); err != nil {
		return fail(fmt.Errorf("requests: write %q: %w", c.next.ID, err))
	}
	return c.next, nil
}

// unblock schedules lifting the request's block, to be put back on failure.
func (c *change) unblock() {
	if !c.cur.Blocked {
		return
	}
	c.next.Blocked = false
	r := c.cur
	c.effect = append(c.effect, func(ctx context.Context) error {
		if err := c.s.dir.Unblock(ctx, r.SubjectID, r.ID); err != nil {
			return fmt.Errorf("requests: unblock the data of %s: %w", r.SubjectID, err)
		}
		c.undo = append(c.undo, func(ctx context.Context) error { return c.s.dir.Block(ctx, r.SubjectID, holdOf(r)) })
		return nil
	})
}

// holdOf rebuilds the hold a blocked request placed: from receipt for a
// Clarify or Unlawful request (policy 6.1.7), from the handover otherwise.
func holdOf(r Request) Hold {
	if r.Kind == Clarify || r.Kind == Unlawful {
		return Hold{RequestID: r.ID, Since: r.Received, Reason: r.Kind.Title(), Basis: basisBlock}
	}
	h := Hold{RequestID: r.ID, Since: r.Received, Reason: reasonHandoverBlock, Basis: basisHandoverBlock}
	for _, e := range r.History {
		if e.Action == ActBlocked {
			h.Since = e.At
		}
	}
	return h
}

var basisHandoverBlock = pdata.Cite("152-ФЗ ст. 21 ч. 6", "9.1")

const reasonHandoverBlock = "передано на уничтожение"

// notify schedules notices.
func (c *change) notify(ns ...Notice) {
	c.effect = append(c.effect, func(ctx context.Context) error { return c.s.send(ctx, ns) })
}

func (s *Service) send(ctx context.Context, ns []Notice) error {
	for _, n := range ns {
		if err := s.notifier.Notify(ctx, n); err != nil {
			return fmt.Errorf("requests: notice %s: %w", n.ID, err)
		}
	}
	return nil
}

// Extend extends the term of an access request, a demand to stop processing,
// or the authority's request by 5 working days (152-FZ art. 14 part 3, art.
// 20 parts 1, 2, 4, art. 21 part 5.1). It sends the motivated notice with
// reasons (required) to the requester and must be done no later than the
// first deadline (the day of by.At in the operator's zone); a term can be
// extended once.
func (s *Service) Extend(ctx context.Context, by Actor, id, reasons string) (Request, error) {
	c, _, err := s.begin(ctx, by, OpExtend, id)
	if err != nil {
		return Request{}, err
	}
	r := c.cur
	if strings.TrimSpace(reasons) == "" {
		return Request{}, invalid("Reasons", "required", r.Deadline.Basis,
			"an extension needs a motivated notice: give the reasons", "продление допускается только с мотивированным уведомлением: укажите причины")
	}
	if err := freeTextErr(freeText{"Reasons", "причины продления", reasons}); err != nil {
		return Request{}, err
	}
	if on := s.op.DateOf(by.At); on > r.Deadline.Date {
		return Request{}, invalid("Actor.At", "extension_late", r.Deadline.Basis,
			"the motivated notice must be sent before the first deadline ("+r.Deadline.Date.String()+")",
			"мотивированное уведомление о продлении должно быть направлено до истечения первоначального срока ("+ruDate(r.Deadline.Date)+")")
	}
	c.next.Extension = &Extension{Reasons: reasons, Sent: by.At, FirstDeadline: r.Deadline.Date}
	d, err := DueFor(s.cal, c.next)
	if err != nil {
		return Request{}, err
	}
	c.next.Deadline = d
	c.event(ActExtended, StatusExtended, "до "+ruDate(d.Date)+"; причины: "+reasons, d.Basis)
	body := "Срок рассмотрения " + requestRefGen(r) + " продлён на 5 рабочих дней — до " + ruDate(d.Date) +
		" включительно (первоначальный срок — " + ruDate(r.Deadline.Date) + ").\nПричины продления: " + reasons + "\nОснование: " + d.Basis.String() + "."
	c.notify(s.notice(c.next, NoticeExtension, requesterParty(r), "Мотивированное уведомление о продлении срока", body, d.Basis, by.At))
	c.event(ActNotified, StatusExtended, "мотивированное уведомление о продлении — адресат: "+requesterParty(r).Title(), d.Basis)
	return c.finish(ctx, StatusExtended)
}

// DocumentsArrived records the day the documents confirming the inaccuracy
// of a subject's data arrived (a Clarify request): the 7 working days run
// from it (152-FZ art. 20 part 3, art. 21 part 2; policy 6.1.8). on may not
// precede receipt nor follow the moment of the operation.
func (s *Service) DocumentsArrived(ctx context.Context, by Actor, id string, on date.Date, what string) (Request, error) {
	c, _, err := s.begin(ctx, by, OpDocuments, id)
	if err != nil {
		return Request{}, err
	}
	if on < c.cur.ReceivedOn || on > s.op.DateOf(by.At) {
		return Request{}, invalid("On", "documents_date", basisClarify,
			"the documents' date must fall between receipt and now", "дата поступления документов должна быть не раньше получения обращения и не позже текущей")
	}
	if err := freeTextErr(freeText{"What", "поступившие документы", what}); err != nil {
		return Request{}, err
	}
	c.next.DocumentsReceived = on
	d, err := DueFor(s.cal, c.next)
	if err != nil {
		return Request{}, err
	}
	c.next.Deadline = d
	c.event(ActDocuments, StatusReceived, "поступили документы, подтверждающие недостоверность данных ("+what+"); срок: "+d.String(), d.Basis)
	return c.finish(ctx, StatusReceived)
}

// Resolve records the head's resolution on a third party's request (policy
// 5.2): without it nothing is disclosed. Only a staff member marked
// Resolves may sign it; anyone else gets ErrForbidden and the attempt is
// logged. A negative resolution is a refusal: use Refuse with
// RefuseNoAuthority.
func (s *Service) Resolve(ctx context.Context, by Actor, id, text string) (Request, error) {
	c, m, err := s.begin(ctx, by, OpResolve, id)
	if err != nil {
		return Request{}, err
	}
	if !m.Resolves {
		return Request{}, s.deny(ctx, by, OpResolve, id, "may not sign the head's resolution (policy 5.2)",
			"сотрудник не уполномочен накладывать резолюцию руководителя на запрос сторонней организации (п. 5.2 Положения)")
	}
	if c.cur.Incomplete() {
		return Request{}, invalid("Missing", "incomplete", basisThirdParty,
			"the third party's request lacks "+missingRules(c.cur.Missing)+": it cannot be resolved, only refused",
			"в запросе организации не хватает сведений ("+missingList(c.cur.Missing, "; ")+"): резолюция о предоставлении невозможна, возможен только отказ")
	}
	if strings.TrimSpace(text) == "" {
		return Request{}, invalid("Text", "required", basisThirdParty, "the resolution's text is empty", "не указан текст резолюции")
	}
	if err := freeTextErr(freeText{"Text", "текст резолюции", text}); err != nil {
		return Request{}, err
	}
	c.next.Resolution = &Resolution{By: by.ID, Name: m.Official.Position + " " + m.Official.ShortName(), At: by.At, Text: text}
	c.event(ActResolved, StatusReceived, "резолюция: «"+text+"» ("+c.next.Resolution.Name+")", pdata.Cite("", "5.2"))
	return c.finish(ctx, StatusReceived)
}

// Clarify corrects the subject's data on a Clarify request once the
// inaccuracy is confirmed by the documents the subject, a representative or
// the authority gave (policy 6.1.8; 152-FZ art. 21 part 2), and lifts the
// block. corrected is the subject's whole corrected record: it must be the
// request's subject and pass the policy check (nothing excessive, policy
// 2.1). documents names the confirming documents. The subject is told, and
// the authority too when it asked.
//
// If a step fails the corrections and the unblocking are undone and the
// request stays as it was.
func (s *Service) Clarify(ctx context.Context, by Actor, id string, corrected pdata.Subject, documents string) (Request, error) {
	c, _, err := s.begin(ctx, by, OpClarify, id)
	if err != nil {
		return Request{}, err
	}
	r := c.cur
	var p pdata.Problems
	if corrected.ID != r.SubjectID {
		p.Add("Corrected.ID", "subject", basisClarify, "the corrected record is not the request's subject", "исправленные данные относятся не к субъекту обращения")
	}
	if strings.TrimSpace(documents) == "" {
		p.Add("Documents", "required", basisClarify, "name the documents confirming the inaccuracy", "укажите документы, подтверждающие недостоверность данных")
	}
	checkFreeText(&p, freeText{"Documents", "подтверждающие документы", documents})
	p.AddError("Corrected", pdata.Cite("152-ФЗ ст. 5", "2.1"), s.policy.Check(corrected))
	if err := p.Err(); err != nil {
		return Request{}, err
	}
	orig, err := s.dir.Subject(ctx, r.SubjectID)
	if err != nil {
		return Request{}, fmt.Errorf("requests: read the data of %s: %w", r.SubjectID, err)
	}
	c.effect = append(c.effect, func(ctx context.Context) error {
		if err := s.dir.Correct(ctx, corrected, r.ID); err != nil {
			return fmt.Errorf("requests: correct the data of %s: %w", r.SubjectID, err)
		}
		c.undo = append(c.undo, func(ctx context.Context) error { return s.dir.Correct(ctx, orig, r.ID) })
		return nil
	})
	c.event(ActCorrected, StatusClarified, "данные уточнены на основании документов: "+documents, basisClarify)
	if r.Blocked {
		c.unblock()
		c.event(ActUnblocked, StatusClarified, "блокирование снято после уточнения", basisClarify)
	}
	body := "По " + requestRef(r) + " персональные данные уточнены на основании представленных документов (" + documents + "), блокирование снято."
	c.outcome(StatusClarified, NoticeOutcome, "Об уточнении персональных данных", body, basisClarify)
	return c.finish(ctx, StatusClarified)
}

// Remedy records that the unlawful processing reported by an Unlawful request
// was remedied (policy 6.1.9: within 3 working days; 152-FZ art. 21 part 3),
// lifts the block and tells the subject, and the authority too when it
// asked. what says what was done. When the processing cannot be made lawful,
// use HandOver instead.
func (s *Service) Remedy(ctx context.Context, by Actor, id, what string) (Request, error) {
	c, _, err := s.begin(ctx, by, OpRemedy, id)
	if err != nil {
		return Request{}, err
	}
	if strings.TrimSpace(what) == "" {
		return Request{}, invalid("What", "required", basisUnlawful, "say what was done to remedy the violation", "укажите, какие меры приняты для устранения нарушения")
	}
	if err := freeTextErr(freeText{"What", "принятые меры", what}); err != nil {
		return Request{}, err
	}
	r := c.cur
	c.event(ActRemedied, StatusRemedied, "нарушение устранено: "+what, basisUnlawful)
	if r.Blocked {
		c.unblock()
		c.event(ActUnblocked, StatusRemedied, "блокирование снято после устранения нарушения", basisUnlawful)
	}
	body := "По " + requestRef(r) + " допущенные нарушения при обработке персональных данных устранены: " + what + "."
	c.outcome(StatusRemedied, NoticeOutcome, "Об устранении допущенных нарушений", body, basisUnlawful)
	return c.finish(ctx, StatusRemedied)
}

// HandOver hands the subject's data to the destruction commission as
// selected items with their ground (policy 6.1.9, 6.1.10, 9.4): for an
// Unlawful request whose processing cannot be made lawful
// (destruction.GroundUnlawful), a demand to destroy (GroundSubjectDemand)
// or a withdrawn consent (GroundConsentWithdrawn). Each item needs its
// RecordID, Medium and Categories; the service fills in the subject, the
// ground (an item with another ground is refused), a reference to the
// request, DestroyFrom (the day of the operation) and DestroyBy (the
// request's deadline, or the day of the operation when that deadline has
// already passed: the history then records the missed term), and checks it
// with Item.Validate. The data stay
// blocked until the destruction is confirmed (152-FZ art. 21 part 6).
func (s *Service) HandOver(ctx context.Context, by Actor, id string, items []destruction.Item) (Request, error) {
	c, _, err := s.begin(ctx, by, OpHandOver, id)
	if err != nil {
		return Request{}, err
	}
	r := c.cur
	ground := map[Kind]destruction.Ground{Unlawful: destruction.GroundUnlawful, Destroy: destruction.GroundSubjectDemand, Withdraw: destruction.GroundConsentWithdrawn}[r.Kind]
	on := s.op.DateOf(by.At)
	subj, held := destruction.Subject{ID: r.SubjectID}, false
	if ps, err := s.dir.Subject(ctx, r.SubjectID); err == nil {
		subj, held = destruction.SubjectOf(ps), true
	} else if !errors.Is(err, ErrNotFound) {
		return Request{}, fmt.Errorf("requests: read the data of %s: %w", r.SubjectID, err)
	}
	var p pdata.Problems
	if len(items) == 0 {
		p.Add("Items", "required", ground.Basis(), "nothing to hand over: give the selected items", "не указаны носители, отобранные для уничтожения")
	}
	out := make([]destruction.Item, len(items))
	var cats pdata.CategorySet
	recs := make([]string, 0, len(items))
	for i, it := range items {
		field := fmt.Sprintf("Items[%d]", i)
		if it.Ground != 0 && it.Ground != ground {
			p.Add(field+".Ground", "ground", ground.Basis(), "the item's ground does not match the request", "основание уничтожения не соответствует виду обращения")
		}
		it.Ground = ground
		if len(it.Subjects) == 0 {
			it.Subjects = []destruction.Subject{subj}
		}
		if it.Reference == "" {
			it.Reference = requestRefNom(r)
		}
		if it.DestroyFrom == date.Zero {
			it.DestroyFrom = on
		}
		if it.DestroyBy == date.Zero {
			// The request's term; once it has passed, destroy at once
			// rather than refuse the handover (the lateness is recorded).
			it.DestroyBy = max(r.Deadline.Date, it.DestroyFrom)
		}
		p.AddError(field, ground.Basis(), it.Validate(on))
		out[i] = it
		cats |= it.Categories
		recs = append(recs, it.RecordID)
	}
	if err := p.Err(); err != nil {
		return Request{}, err
	}
	c.next.Handover = &Handover{Ground: ground, Basis: ground.Basis(), Categories: cats, Records: recs}
	if !r.Blocked && held {
		c.next.Blocked = true
		c.effect = append(c.effect, func(ctx context.Context) error {
			h := Hold{RequestID: r.ID, Since: by.At, Reason: reasonHandoverBlock, Basis: basisHandoverBlock}
			if err := s.dir.Block(ctx, r.SubjectID, h); err != nil {
				return fmt.Errorf("requests: block the data of %s: %w", r.SubjectID, err)
			}
			c.undo = append(c.undo, func(ctx context.Context) error { return s.dir.Unblock(ctx, r.SubjectID, r.ID) })
			return nil
		})
		c.event(ActBlocked, StatusAwaitingDestruction, "данные заблокированы до уничтожения", basisHandoverBlock)
	}
	c.effect = append(c.effect, func(ctx context.Context) error {
		if err := s.destroyer.Select(ctx, out); err != nil {
			return fmt.Errorf("requests: hand over for destruction: %w", err)
		}
		return nil
	})
	handed := fmt.Sprintf("передано комиссии для уничтожения: %d носит. (%s); основание: %s", len(out), cats.Titles(), ground.Title())
	if dl := r.Deadline.Date; dl != date.Zero && on > dl {
		handed += "; срок истёк " + ruDate(dl) + " — уничтожить незамедлительно"
	}
	c.event(ActHandedOver, StatusAwaitingDestruction, handed, ground.Basis())
	return c.finish(ctx, StatusAwaitingDestruction)
}

// ConfirmDestruction closes a request whose data were handed over once the
// destruction act is approved (policy 9.8–9.14; 152-FZ art. 21 part 7): it
// erases the handed-over categories from the directory, lifts the request's
// block and tells the subject, and the authority too when it asked (policy
// 6.1.9, 6.1.10). act must name an approved act: pass the approved
// destruction act's Ref (destruction.Act.Ref).
//
// The reference must be complete and well formed: ID, Number, Date, the
// Digest the act was sealed with (64 lower-case hex digits, SHA-256) and
// the Approved moment, which may not fall before the act's Date nor after
// the operation, and an act dated before the data were handed over cannot
// have destroyed them. Otherwise the result is a *pdata.ValidationError
// (rule "approved_act" and others, English and Russian) and nothing changes.
//
// With an archive of acts (Config.Acts, e.g. a *destruction.Archive) the
// act is read back and must exist (else rule "act_not_found"), verify
// against its seal, be an approved destruction act (not a selection act),
// match the reference in every field, and list every record the request
// handed over. Without one the service cannot tell a well-formed reference
// from a real act: the host must pass the Ref of an act it read from its
// archive.
func (s *Service) ConfirmDestruction(ctx context.Context, by Actor, id string, act destruction.ActRef) (Request, error) {
	c, _, err := s.begin(ctx, by, OpConfirmDestruction, id)
	if err != nil {
		return Request{}, err
	}
	r := c.cur
	if err := s.checkActRef(ctx, by, r, act); err != nil {
		return Request{}, err
	}
	cats := r.Handover.Categories
	c.next.Handover.Act = &act
	c.effect = append(c.effect, func(ctx context.Context) error {
		if err := s.dir.Erase(ctx, r.SubjectID, cats, r.ID); err != nil {
			return fmt.Errorf("requests: erase the data of %s: %w", r.SubjectID, err)
		}
		return nil
	})
	c.event(ActDestroyed, StatusDestroyed, "данные уничтожены: "+cats.Titles()+"; акт № "+act.Number+" от "+ruDate(act.Date), r.Handover.Basis)
	if r.Blocked {
		c.unblock()
		c.event(ActUnblocked, StatusDestroyed, "блокирование снято: данные уничтожены", r.Handover.Basis)
	}
	body := "По " + requestRef(r) + " персональные данные (" + cats.Titles() + ") уничтожены; акт об уничтожении № " + act.Number + " от " + ruDate(act.Date) + "."
	c.outcome(StatusDestroyed, NoticeOutcome, "Об уничтожении персональных данных", body, r.Handover.Basis)
	return c.finish(ctx, StatusDestroyed)
}

var basisDestructionAct = pdata.Cite("152-ФЗ ст. 21 ч. 7", "9.6, 9.8, 9.12")

// checkActRef checks that ref names an approved destruction act of the
// request's handed-over data: its form always, the act itself when the
// service has an archive of acts.
func (s *Service) checkActRef(ctx context.Context, by Actor, r Request, ref destruction.ActRef) error {
	b := basisDestructionAct
	var p pdata.Problems
	if strings.TrimSpace(ref.ID) == "" || len(ref.ID) > maxIDLen {
		p.Add("Act.ID", "approved_act", b, "the destruction act's ID is missing", "не указан идентификатор акта об уничтожении")
	}
	if strings.TrimSpace(ref.Number) == "" {
		p.Add("Act.Number", "approved_act", b, "the destruction act's number is missing", "не указан номер акта об уничтожении")
	}
	if !isDigest(ref.Digest) {
		p.Add("Act.Digest", "act_digest", b,
			"the act's digest must be the SHA-256 it was sealed with, 64 lower-case hex digits (destruction.Act.Ref gives it)",
			"не указана контрольная сумма акта (SHA-256, 64 шестнадцатеричных знака), которой акт заверен при подписании")
	}
	today := s.op.DateOf(by.At)
	switch {
	case ref.Date == date.Zero:
		p.Add("Act.Date", "approved_act", b, "the destruction act's date is missing", "не указана дата акта об уничтожении")
	case ref.Date > today:
		p.Add("Act.Date", "act_date", b, "the destruction act is dated after the operation",
			"акт об уничтожении датирован позднее текущей даты")
	case r.Handover != nil && ref.Date < handedOverOn(s, r):
		p.Add("Act.Date", "act_date", b, "the destruction act is dated before the data were handed over to the commission",
			"акт об уничтожении датирован ранее передачи данных комиссии: он не может подтверждать их уничтожение")
	}
	switch {
	case ref.Approved.IsZero():
		p.Add("Act.Approved", "approved_act", b, "the destruction act is not approved by the head of the operator",
			"акт об уничтожении не утверждён руководителем оператора")
	case ref.Date != date.Zero && s.op.DateOf(ref.Approved) < ref.Date:
		p.Add("Act.Approved", "act_approved", b, "the act is approved before the date it was drawn up",
			"дата утверждения акта раньше даты его составления")
	case ref.Approved.After(by.At):
		p.Add("Act.Approved", "act_approved", b, "the act's approval is later than the operation",
			"момент утверждения акта позднее момента выполнения действия")
	}
	if err := p.Err(); err != nil {
		return err
	}
	if s.acts == nil {
		return nil
	}
	a, err := s.acts.Act(ctx, ref.ID)
	switch {
	case errors.Is(err, ErrNotFound):
		return invalid("Act.ID", "act_not_found", b, "no destruction act with this ID is archived",
			"акт об уничтожении с таким идентификатором в архиве актов не найден")
	case err != nil:
		return fmt.Errorf("requests: read the destruction act %q: %w", ref.ID, err)
	case a == nil:
		return fmt.Errorf("requests: read the destruction act %q: the archive returned no act: %w", ref.ID, ErrInvalid)
	}
	if err := a.Verify(); err != nil {
		return fmt.Errorf("requests: destruction act %q: %w", ref.ID, err)
	}
	switch {
	case a.Kind() != destruction.DestructionAct:
		p.Add("Act", "destruction_act", b, "the act named is not a destruction act (a selection act does not prove destruction)",
			"указанный акт не является актом об уничтожении (акт об отборе не подтверждает уничтожение)")
	case a.State() != destruction.StateApproved:
		p.Add("Act", "approved_act", b, "the destruction act is not approved yet", "акт об уничтожении ещё не утверждён руководителем")
	}
	got := a.Ref()
	if got.Number != ref.Number || got.Date != ref.Date || got.Digest != ref.Digest || !got.Approved.Equal(ref.Approved) {
		p.Add("Act", "act_mismatch", b, "the reference does not match the archived act (number, date, digest or approval)",
			"реквизиты акта (номер, дата, контрольная сумма, утверждение) не совпадают с актом в архиве")
	}
	if r.Handover != nil {
		held := map[string]bool{}
		for _, e := range a.Content().Items {
			held[e.Item.RecordID] = true
		}
		missing := 0
		for _, rec := range r.Handover.Records {
			if !held[rec] {
				missing++
			}
		}
		if missing > 0 {
			p.Add("Act", "act_records", b,
				fmt.Sprintf("the act does not list %d of the records the request handed over", missing),
				fmt.Sprintf("в акте нет %d из носителей, переданных на уничтожение по обращению", missing))
		}
	}
	return p.Err()
}

// handedOverOn returns the day (in the operator's zone) the request's data
// were handed over to the commission.
func handedOverOn(s *Service, r Request) date.Date {
	for i := len(r.History) - 1; i >= 0; i-- {
		if r.History[i].Action == ActHandedOver {
			return s.op.DateOf(r.History[i].At)
		}
	}
	return date.Zero
}

// isDigest reports whether d is a hex SHA-256 as destruction writes it:
// 64 lower-case hex digits.
func isDigest(d string) bool {
	if len(d) != 64 {
		return false
	}
	for i := 0; i < len(d); i++ {
		if c := d[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// Refuse gives a motivated refusal (152-FZ art. 20 part 2): reason is the
// typed ground (RefusalReason.AppliesTo must accept it for this request) and
// details motivate it for the case (required). A block placed for the
// request is lifted. The requester is told, and for the authority's
// Clarify, Unlawful or Destroy request the subject too.
func (s *Service) Refuse(ctx context.Context, by Actor, id string, reason RefusalReason, details string) (Request, error) {
	c, _, err := s.begin(ctx, by, OpRefuse, id)
	if err != nil {
		return Request{}, err
	}
	r := c.cur
	if ok, why, whyRU := reason.AppliesTo(r); !ok {
		return Request{}, invalid("Reason", "refusal_reason", reason.Basis(),
			"refusal ground "+reason.String()+" does not apply: "+why, "основание отказа «"+reason.Title()+"» неприменимо: "+whyRU)
	}
	if strings.TrimSpace(details) == "" {
		return Request{}, invalid("Details", "required", pdata.Cite("152-ФЗ ст. 20 ч. 2", ""),
			"a refusal must be motivated: give the details", "отказ должен быть мотивированным: укажите обстоятельства")
	}
	if err := freeTextErr(freeText{"Details", "обстоятельства отказа", details}); err != nil {
		return Request{}, err
	}
	b := reason.Basis()
	c.next.Refusal = &Refusal{Reason: reason, Details: details, Basis: b}
	c.event(ActRefused, StatusRefused, reason.Title()+": "+details, b)
	if r.Blocked {
		c.unblock()
		c.event(ActUnblocked, StatusRefused, "блокирование снято", b)
	}
	body := "В исполнении " + requestRefGen(r) + " отказано.\nОснование: " + reason.Title() + " (" + b.String() + ").\n" + details +
		"\nОтказ может быть обжалован в уполномоченный орган по защите прав субъектов персональных данных или в суд (ст. 17 152-ФЗ)."
	c.outcome(StatusRefused, NoticeRefusal, "Мотивированный отказ", body, b.Join(pdata.Cite("152-ФЗ ст. 20 ч. 2", "")))
	return c.finish(ctx, StatusRefused)
}

// Answer is what Fulfil gives.
type Answer struct {
	// Text says what was done (Stop, Withdraw), or accompanies the data
	// given to the authority or a third party, in Russian. What was done
	// goes into the history and may not hold an identifier in full; text
	// given to the authority or a third party may, as it carries their data.
	Text string
	// Categories are the data given to the authority or a third party
	// (required for them); a subject's access report covers all data held.
	Categories pdata.CategorySet
	// Purpose is the purpose the data are given for (required for a third
	// party, policy 5.3).
	Purpose string
	// Warned confirms the recipient was warned that the data may be used
	// only for that purpose and confirmed it (policy 5.3; required for a
	// third party).
	Warned bool
}

var (
	basisJournal  = pdata.Cite("", "5.3")
	basisStopDone = pdata.Cite("152-ФЗ ст. 21 ч. 5, 5.1", "7.1")
)

// Fulfil answers an Access request, or records that processing stopped on a
// Stop or Withdraw request.
//
// For the subject or a representative, the access report
// (BuildAccessReport) is sent with the answer. For the authority or a third
// party, the data categories in a.Categories are given; a third party needs
// the head's resolution (Resolve), a purpose and the warning of policy 5.3.
// Every such transfer is written to the journal of disclosures (policy 5.3)
// before the answer goes out. For Stop and Withdraw, a.Text says what was
// stopped (data still kept on another ground are named there; data to
// destroy go through HandOver instead).
func (s *Service) Fulfil(ctx context.Context, by Actor, id string, a Answer) (Request, error) {
	c, _, err := s.begin(ctx, by, OpFulfil, id)
	if err != nil {
		return Request{}, err
	}
	r := c.cur
	if r.Kind == Stop || r.Kind == Withdraw {
		if strings.TrimSpace(a.Text) == "" {
			return Request{}, invalid("Text", "required", basisStopDone, "say what processing was stopped", "укажите, какая обработка прекращена")
		}
		if err := freeTextErr(freeText{"Text", "какая обработка прекращена", a.Text}); err != nil {
			return Request{}, err
		}
		c.event(ActStopped, StatusStopped, a.Text, basisStopDone)
		body := "По " + requestRef(r) + " обработка персональных данных прекращена: " + a.Text + "."
		c.outcome(StatusStopped, NoticeAnswer, "О прекращении обработки персональных данных", body, r.Deadline.Basis)
		return c.finish(ctx, StatusStopped)
	}

	on := s.op.DateOf(by.At)
	d := Disclosure{ID: r.ID + "/disclosure", RequestID: r.ID, SubjectID: r.SubjectID, Party: r.Requester.Party,
		RecipientName: r.Requester.Name, On: on, At: by.At, By: by.ID, Warned: a.Warned}
	n := Notice{}
	switch r.Requester.Party {
	case BySubject, ByRepresentative:
		var subj *pdata.Subject
		ps, err := s.dir.Subject(ctx, r.SubjectID)
		switch {
		case err == nil:
			subj = &ps
		case !errors.Is(err, ErrNotFound):
			return Request{}, fmt.Errorf("requests: read the data of %s: %w", r.SubjectID, err)
		}
		rep, err := BuildAccessReport(r.ID, subj, s.op, s.sched, s.report, on)
		if err != nil {
			return Request{}, err
		}
		d.Categories, d.Basis = 0, r.Deadline.Basis
		if subj != nil {
			d.Categories = subj.Held()
		}
		d.Purpose = "ознакомление субъекта с обрабатываемыми персональными данными"
		d.Recipient = "subject:" + r.SubjectID
		if r.Requester.Party == ByRepresentative {
			d.Recipient = "representative:" + r.Requester.Name
			d.Purpose += " (через представителя)"
		} else {
			d.RecipientName = "субъект персональных данных"
		}
		body := "По " + requestRef(r) + " направляем сведения, предусмотренные ч. 7 ст. 14 Федерального закона № 152-ФЗ (прилагаются)."
		if !rep.Processed {
			body = "По " + requestRef(r) + " сообщаем: Оператор не обрабатывает ваши персональные данные."
		}
		n = s.notice(r, NoticeAnswer, requesterParty(r), "Сведения об обработке персональных данных", body, r.Deadline.Basis, by.At)
		n.Report = &rep
	case ByAuthority, ByThirdParty:
		var p pdata.Problems
		if a.Categories == 0 {
			p.Add("Categories", "required", basisJournal, "name the data categories given", "укажите категории предоставляемых персональных данных")
		}
		if r.Requester.Party == ByThirdParty {
			if strings.TrimSpace(a.Purpose) == "" {
				p.Add("Purpose", "required", basisJournal, "state the purpose the data are given for", "укажите цель, для которой предоставляются данные")
			}
			if !a.Warned {
				p.Add("Warned", "warning", basisJournal,
					"the recipient must be warned that the data may be used only for that purpose, and confirm it",
					"получатель должен быть предупреждён, что данные могут быть использованы лишь в целях, для которых они сообщены, и подтвердить это")
			}
		}
		// Text carries the data given and may hold their identifiers; the
		// purpose is kept in the journal and is staff's free text.
		checkFreeText(&p, freeText{"Purpose", "цель предоставления", a.Purpose})
		if err := p.Err(); err != nil {
			return Request{}, err
		}
		var consentBasis pdata.Basis
		if r.Requester.Party == ByThirdParty && strings.TrimSpace(r.Requester.LegalAuthority) == "" {
			if consentBasis, err = s.transferConsent(ctx, by, r, a); err != nil {
				return Request{}, err
			}
		}
		d.Categories, d.Purpose = a.Categories, a.Purpose
		d.Recipient = r.Requester.Name
		if !r.Requester.INN.IsZero() {
			d.Recipient = r.Requester.INN.Digits()
		}
		if r.Requester.Party == ByAuthority {
			d.Basis = basisAuthority
			if d.Purpose == "" {
				d.Purpose = "исполнение запроса уполномоченного органа"
			}
		} else {
			law := r.Requester.LegalAuthority
			if ag := r.Requester.Agreement; ag != nil {
				law = strings.Trim(law+"; соглашение об информационном обмене № "+ag.Number+" от "+ruDate(ag.Date), "; ")
			}
			d.Basis = pdata.Cite(law, "5.2, 5.3").Join(consentBasis)
		}
		body := "На " + requestRefNom(r) + " предоставлены сведения: " + a.Categories.Titles() + "."
		if a.Text != "" {
			body += "\n" + a.Text
		}
		if r.Requester.Party == ByThirdParty {
			body += "\nПолучатель предупреждён, что персональные данные могут быть использованы лишь в целях, для которых они сообщены (" + a.Purpose + "), и обязан соблюдать их конфиденциальность."
		}
		n = s.notice(r, NoticeAnswer, requesterParty(r), "Ответ на запрос", body, d.Basis, by.At)
	}
	c.effect = append(c.effect, func(ctx context.Context) error {
		// A retried operation finds its entry already written: that is done.
		if err := s.journal.Append(ctx, d); err != nil && !errors.Is(err, ErrConflict) {
			return fmt.Errorf("requests: journal of disclosures: %w", err)
		}
		return nil
	})
	c.event(ActDisclosed, StatusAnswered, "в журнал учёта передачи внесено: получатель — "+d.RecipientName+"; "+d.Categories.Titles(), basisJournal)
	c.event(ActAnswered, StatusAnswered, "ответ направлен — адресат: "+requesterParty(r).Title(), d.Basis)
	c.notify(n)
	return c.finish(ctx, StatusAnswered)
}

var basisNoConsent = pdata.Cite("152-ФЗ ст. 6 ч. 1; ст. 7", "5.3")

// transferConsent asks the consent register whether the subject's written
// consent covers giving a third party data under an agreement (policy 5.3),
// and returns the citation of the consent relied on.
func (s *Service) transferConsent(ctx context.Context, by Actor, r Request, a Answer) (pdata.Basis, error) {
	if s.consents == nil {
		return pdata.Basis{}, invalid("Consents", "consent_register", basisNoConsent,
			"a third party relying on an agreement gets data only with the subject's written consent, and no consent register is configured",
			"организация действует по соглашению, а не по закону: нужна проверка письменного согласия субъекта на передачу, но реестр согласий не подключён")
	}
	subj, err := s.dir.Subject(ctx, r.SubjectID)
	if errors.Is(err, ErrNotFound) {
		return pdata.Basis{}, invalid("SubjectID", "no_data", basisNoConsent,
			"the operator holds no data about the subject", "оператор не обрабатывает данные этого субъекта: передавать нечего")
	} else if err != nil {
		return pdata.Basis{}, fmt.Errorf("requests: read the data of %s: %w", r.SubjectID, err)
	}
	dec, err := s.consents.Decide(ctx, consent.Operation{Kind: consent.OpTransfer, SubjectID: r.SubjectID, Subject: subj.Category,
		Purpose: a.Purpose, Categories: a.Categories.Slice(), Recipient: r.Requester.Name, At: by.At})
	if err != nil {
		return pdata.Basis{}, fmt.Errorf("requests: consent for the transfer: %w", err)
	}
	if !dec.Allowed {
		return pdata.Basis{}, invalid("Categories", "consent", dec.Basis.Join(basisNoConsent),
			"the subject's consent does not cover this transfer: "+dec.String(), dec.Russian())
	}
	return dec.Basis, nil
}

// outcome schedules the notices of an outcome: to the requester, and when
// the authority asked about a subject's data, to the subject as well
// (policy 6.1.9, 6.1.10).
func (c *change) outcome(to Status, k NoticeKind, title, body string, b pdata.Basis) {
	r := c.next
	ns := []Notice{c.s.notice(r, k, requesterParty(r), title, body, b, c.by.At)}
	whom := []string{requesterParty(r).Title()}
	if r.Requester.Party == ByAuthority && r.Kind != Access {
		ns = append(ns, c.s.notice(r, k, BySubject, title, body, b, c.by.At))
		whom = append(whom, BySubject.Title())
	}
	c.notify(ns...)
	c.event(ActNotified, to, "«"+title+"» — адресат: "+strings.Join(whom, ", "), b)
}

// notice builds a notice to party to; its ID is stable across retries (the
// history's length is the same until the write succeeds).
func (s *Service) notice(r Request, k NoticeKind, to Party, title, body string, b pdata.Basis, at time.Time) Notice {
	n := Notice{ID: fmt.Sprintf("%s/%d/%s", r.ID, len(r.History), to), RequestID: r.ID, Kind: k, To: to, SubjectID: r.SubjectID,
		Title: title, Body: body, Basis: b, At: at}
	if to == r.Requester.Party {
		n.Recipient, n.ReplyTo = r.Requester.Name, r.Requester.ReplyTo
	}
	return n
}

// requesterParty is whom answers go to.
func requesterParty(r Request) Party { return r.Requester.Party }

// requestRef names a request in Russian in the dative, as in «по обращению
// вх. № 17 от 20.02.2026».
func requestRef(r Request) string { return "обращению" + refTail(r) }

// requestRefGen names a request in the genitive: «обращения вх. № 17 от …».
func requestRefGen(r Request) string { return "обращения" + refTail(r) }

// requestRefNom names a request in the nominative: «обращение вх. № 17 от …».
func requestRefNom(r Request) string { return "обращение" + refTail(r) }

func refTail(r Request) string { return " вх. № " + r.ID + " от " + ruDate(r.ReceivedOn) }

func intakeBody(r Request) string {
	var b strings.Builder
	b.WriteString("Ваше обращение вх. № " + r.ID + " от " + ruDate(r.ReceivedOn) + " («" + r.Kind.Title() + "») зарегистрировано.\n")
	b.WriteString("Для его исполнения не хватает следующих сведений:\n")
	for _, m := range r.Missing {
		b.WriteString("— " + m.MessageRU)
		if !m.Basis.IsZero() {
			b.WriteString(" (" + m.Basis.String() + ")")
		}
		b.WriteString(";\n")
	}
	b.WriteString("Просим представить их. Срок рассмотрения исчисляется со дня получения обращения: " + r.Deadline.String() + ".")
	return b.String()
}

func missingList(fs []pdata.FieldError, sep string) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.MessageRU
	}
	return strings.Join(parts, sep)
}

func missingRules(fs []pdata.FieldError) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Rule
	}
	return strings.Join(parts, ", ")
}

// Get returns a request with its history, for a staff member on the access
// list (policy 3.8, 4.3).
func (s *Service) Get(ctx context.Context, by Actor, id string) (Request, error) {
	if _, err := s.authorize(ctx, by, OpRead, id); err != nil {
		return Request{}, err
	}
	return s.store.Get(ctx, id)
}

// AccessReport builds, without sending it, the access report that Fulfil
// would send for a request (for a staff member to review).
func (s *Service) AccessReport(ctx context.Context, by Actor, id string) (AccessReport, error) {
	if _, err := s.authorize(ctx, by, OpRead, id); err != nil {
		return AccessReport{}, err
	}
	r, err := s.store.Get(ctx, id)
	if err != nil {
		return AccessReport{}, err
	}
	var subj *pdata.Subject
	ps, err := s.dir.Subject(ctx, r.SubjectID)
	switch {
	case err == nil:
		subj = &ps
	case !errors.Is(err, ErrNotFound):
		return AccessReport{}, err
	}
	return BuildAccessReport(r.ID, subj, s.op, s.sched, s.report, s.op.DateOf(by.At))
}
