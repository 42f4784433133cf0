package server

import (
	"errors"
	"fmt"
	"iter"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/rickb777/date/v2"
)

// service returns the requests workflow over the given stores. The server
// builds one per transaction (see atomically), so that everything an
// operation writes — the request and its history, the block on the subject's
// data, the notices, the journal entry — commits together.
func (s *Server) service(st host.Stores) (*requests.Service, error) {
	return requests.New(requests.Config{
		Operator: s.op, Calendar: s.cal, Schedule: s.sched, Report: &s.report,
		Store: st.Requests, Journal: st.Journal, Audit: st.Audit, Directory: st.Directory,
		Notifier: st.Outbox, Destroyer: st.Queue, Access: st.Staff,
		Acts: destruction.NewArchive(st.Acts),
	})
}

// atomically runs fn with a requests service inside one transaction.
func (s *Server) atomically(c *call, fn func(*requests.Service, host.Stores) error) error {
	return s.b.Atomic(c.r.Context(), func(st host.Stores) error {
		svc, err := s.service(st)
		if err != nil {
			return err
		}
		return fn(svc, st)
	})
}

// channelName is a requests.Channel in JSON by its machine name
// ("in_person", "post", "electronic").
type channelName requests.Channel

func (n *channelName) UnmarshalText(b []byte) error {
	for c := requests.InPerson; c.Valid(); c++ {
		if c.String() == strings.TrimSpace(string(b)) {
			*n = channelName(c)
			return nil
		}
	}
	return &pdata.ParseError{What: "channel", Rule: "channel", Reason: "unknown channel: use in_person, post or electronic",
		ReasonRU: "неизвестный способ поступления: in_person (лично), post (почтой) или electronic (электронный документ)"}
}

// signatureName is a requests.Signature in JSON: "none", "handwritten",
// "electronic".
type signatureName requests.Signature

var signatureNames = map[string]requests.Signature{
	"none": requests.Unsigned, "handwritten": requests.Handwritten, "electronic": requests.ElectronicSignature,
}

func (n *signatureName) UnmarshalText(b []byte) error {
	v, ok := signatureNames[strings.TrimSpace(string(b))]
	if !ok {
		return &pdata.ParseError{What: "signature", Rule: "signature", Reason: "unknown signature: use none, handwritten or electronic",
			ReasonRU: "неизвестный вид подписи: none (нет), handwritten (собственноручная) или electronic (электронная)"}
	}
	*n = signatureName(v)
	return nil
}

// requestView is a request as the API shows it: requests.Request with the
// channel and signature by name, as registerBody takes them.
type requestView struct {
	requests.Request
	Channel   string `json:"channel"`
	Signature string `json:"signature"`
}

func viewRequest(r requests.Request) requestView {
	v := requestView{Request: r, Channel: r.Channel.String(), Signature: "unknown"}
	for name, sig := range signatureNames {
		if sig == r.Signature {
			v.Signature = name
		}
	}
	return v
}

// registerBody is the JSON of POST /requests: requests.NewRequest with the
// channel and signature by name.
type registerBody struct {
	ID                string                `json:"id"`
	Kind              requests.Kind         `json:"kind"`
	SubjectID         string                `json:"subject_id"`
	Requester         requests.Requester    `json:"requester"`
	Received          time.Time             `json:"received"`
	Channel           channelName           `json:"channel"`
	Signature         signatureName         `json:"signature"`
	Relationship      requests.Relationship `json:"relationship"`
	Matter            string                `json:"matter"`
	DocumentsReceived date.Date             `json:"documents_received"`
	RepeatReason      string                `json:"repeat_reason"`
}

func (s *Server) registerRequest(c *call) error {
	var b registerBody
	if err := c.decode(&b); err != nil {
		return err
	}
	var p pdata.Problems
	checkID(&p, "id", b.ID)
	checkID(&p, "subject_id", b.SubjectID)
	if err := p.Err(); err != nil {
		return err
	}
	if err := c.notFutureDate(s.op, "documents_received", b.DocumentsReceived); err != nil {
		return err
	}
	in := requests.NewRequest{ID: b.ID, Kind: b.Kind, SubjectID: b.SubjectID, Requester: b.Requester, Received: b.Received,
		Channel: requests.Channel(b.Channel), Signature: requests.Signature(b.Signature), Relationship: b.Relationship,
		Matter: b.Matter, DocumentsReceived: b.DocumentsReceived, RepeatReason: b.RepeatReason}
	var out requests.Request
	err := s.atomically(c, func(svc *requests.Service, _ host.Stores) error {
		var err error
		out, err = svc.Register(c.r.Context(), c.actor(), in)
		return err
	})
	if err != nil {
		return err
	}
	s.log.InfoContext(c.r.Context(), "request registered", "request_id", c.id, "request", out.ID, "kind", out.Kind.String(),
		"party", out.Requester.Party.String(), "subject", out.SubjectID, "deadline", out.Deadline.Date.String(), "incomplete", out.Incomplete())
	c.w.Header().Set("Location", "/requests/"+out.ID)
	return c.json(http.StatusCreated, viewRequest(out))
}

func (s *Server) getRequest(c *call) error {
	id, err := c.pathID("id")
	if err != nil {
		return err
	}
	svc, err := s.service(s.b.Stores())
	if err != nil {
		return err
	}
	r, err := svc.Get(c.r.Context(), c.actor(), id)
	if errors.Is(err, pdata.ErrNotFound) {
		return notFound("request", "обращение", id)
	}
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, viewRequest(r))
}

func (s *Server) requestNotices(c *call) error {
	id, err := c.pathID("id")
	if err != nil {
		return err
	}
	st := s.b.Stores()
	if _, err := st.Requests.Get(c.r.Context(), id); errors.Is(err, pdata.ErrNotFound) {
		return notFound("request", "обращение", id)
	} else if err != nil {
		return err
	}
	out, err := collect(st.Outbox.ByRequest(c.r.Context(), id))
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, map[string]any{"request_id": id, "notices": out})
}

// requestReport answers GET /requests/{id}/report (JSON) and
// /requests/{id}/report.html: the access report Fulfil would send, for review.
func (s *Server) requestReport(c *call) error {
	id, err := c.pathID("id")
	if err != nil {
		return err
	}
	svc, err := s.service(s.b.Stores())
	if err != nil {
		return err
	}
	rep, err := svc.AccessReport(c.r.Context(), c.actor(), id)
	if errors.Is(err, pdata.ErrNotFound) {
		return notFound("request", "обращение", id)
	}
	if err != nil {
		return err
	}
	return s.writeReport(c, rep)
}

func (s *Server) writeReport(c *call, rep requests.AccessReport) error {
	if !strings.HasSuffix(c.r.URL.Path, ".html") {
		return c.json(http.StatusOK, rep)
	}
	page, err := rep.HTML()
	if err != nil {
		return err
	}
	c.w.Header().Set("Content-Type", "text/html; charset=utf-8")
	c.w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	c.w.WriteHeader(http.StatusOK)
	_, err = c.w.Write([]byte(page))
	return err
}

// apply runs one operation of the requests workflow on the request in the path,
// inside a transaction, and answers with the request as stored.
func (s *Server) apply(c *call, body any, what string, fn func(svc *requests.Service, st host.Stores, id string) (requests.Request, error)) error {
	id, err := c.pathID("id")
	if err != nil {
		return err
	}
	if body != nil {
		if err := c.decode(body); err != nil {
			return err
		}
	}
	var out requests.Request
	err = s.atomically(c, func(svc *requests.Service, st host.Stores) error {
		var err error
		out, err = fn(svc, st, id)
		return err
	})
	if errors.Is(err, pdata.ErrNotFound) && !isAPIError(err) {
		if _, gerr := s.b.Stores().Requests.Get(c.r.Context(), id); errors.Is(gerr, pdata.ErrNotFound) {
			return notFound("request", "обращение", id)
		}
	}
	if err != nil {
		return err
	}
	s.log.InfoContext(c.r.Context(), "request "+what, "request_id", c.id, "request", out.ID, "status", out.Status.String(), "version", out.Version)
	return c.json(http.StatusOK, viewRequest(out))
}

func isAPIError(err error) bool {
	var ae *apiError
	return errors.As(err, &ae)
}

func (s *Server) extendRequest(c *call) error {
	var b struct {
		Reasons string `json:"reasons"`
	}
	return s.apply(c, &b, "extended", func(svc *requests.Service, _ host.Stores, id string) (requests.Request, error) {
		return svc.Extend(c.r.Context(), c.actor(), id, b.Reasons)
	})
}

func (s *Server) documentsArrived(c *call) error {
	var b struct {
		On   date.Date `json:"on"`
		What string    `json:"what"`
	}
	return s.apply(c, &b, "documents arrived", func(svc *requests.Service, _ host.Stores, id string) (requests.Request, error) {
		if err := c.notFutureDate(s.op, "on", b.On); err != nil {
			return requests.Request{}, err
		}
		return svc.DocumentsArrived(c.r.Context(), c.actor(), id, b.On, b.What)
	})
}

func (s *Server) resolveRequest(c *call) error {
	var b struct {
		Text string `json:"text"`
	}
	return s.apply(c, &b, "resolved", func(svc *requests.Service, _ host.Stores, id string) (requests.Request, error) {
		return svc.Resolve(c.r.Context(), c.actor(), id, b.Text)
	})
}

func (s *Server) clarifyRequest(c *call) error {
	var b struct {
		Corrected pdata.Subject `json:"corrected"`
		Documents string        `json:"documents"`
	}
	return s.apply(c, &b, "clarified", func(svc *requests.Service, _ host.Stores, id string) (requests.Request, error) {
		return svc.Clarify(c.r.Context(), c.actor(), id, b.Corrected, b.Documents)
	})
}

func (s *Server) remedyRequest(c *call) error {
	var b struct {
		What string `json:"what"`
	}
	return s.apply(c, &b, "remedied", func(svc *requests.Service, _ host.Stores, id string) (requests.Request, error) {
		return svc.Remedy(c.r.Context(), c.actor(), id, b.What)
	})
}

// itemBody is one medium handed over for destruction: the service fills in
// the subject, the ground, the reference and the dates.
type itemBody struct {
	RecordID   string               `json:"record_id"`
	Categories []pdata.DataCategory `json:"categories"`
	Medium     destruction.Medium   `json:"medium"`
	Reference  string               `json:"reference"`
}

func (s *Server) handOver(c *call) error {
	var b struct {
		Items []itemBody `json:"items"`
	}
	return s.apply(c, &b, "handed over", func(svc *requests.Service, _ host.Stores, id string) (requests.Request, error) {
		var p pdata.Problems
		items := make([]destruction.Item, len(b.Items))
		for i, it := range b.Items {
			checkID(&p, fmt.Sprintf("items[%d].record_id", i), it.RecordID)
			items[i] = destruction.Item{RecordID: it.RecordID, Categories: pdata.SetOf(it.Categories...), Medium: it.Medium, Reference: it.Reference}
		}
		if len(items) == 0 {
			p.Add("items", "required", pdata.Cite("", "9.4"), "name at least one medium to destroy", "укажите хотя бы один носитель для уничтожения")
		}
		if err := p.Err(); err != nil {
			return requests.Request{}, err
		}
		return svc.HandOver(c.r.Context(), c.actor(), id, items)
	})
}

// confirmDestruction closes a request whose data were destroyed, naming the
// approved destruction act; the act must hold every record the request
// handed over.
func (s *Server) confirmDestruction(c *call) error {
	var b struct {
		ActID string `json:"act_id"`
	}
	return s.apply(c, &b, "destruction confirmed", func(svc *requests.Service, st host.Stores, id string) (requests.Request, error) {
		var p pdata.Problems
		checkID(&p, "act_id", b.ActID)
		if err := p.Err(); err != nil {
			return requests.Request{}, err
		}
		act, err := destruction.NewArchive(st.Acts).Act(c.r.Context(), b.ActID)
		if errors.Is(err, pdata.ErrNotFound) {
			return requests.Request{}, notFound("act", "акт", b.ActID)
		}
		if err != nil {
			return requests.Request{}, err
		}
		// The service reads the act back (Config.Acts) and refuses one that
		// is not an approved destruction act of every record handed over.
		return svc.ConfirmDestruction(c.r.Context(), c.actor(), id, act.Ref())
	})
}

func (s *Server) refuseRequest(c *call) error {
	var b struct {
		Reason  requests.RefusalReason `json:"reason"`
		Details string                 `json:"details"`
	}
	return s.apply(c, &b, "refused", func(svc *requests.Service, _ host.Stores, id string) (requests.Request, error) {
		return svc.Refuse(c.r.Context(), c.actor(), id, b.Reason, b.Details)
	})
}

func (s *Server) fulfilRequest(c *call) error {
	var b struct {
		Text       string               `json:"text"`
		Categories []pdata.DataCategory `json:"categories"`
		Purpose    string               `json:"purpose"`
		Warned     bool                 `json:"warned"`
	}
	return s.apply(c, &b, "fulfilled", func(svc *requests.Service, _ host.Stores, id string) (requests.Request, error) {
		return svc.Fulfil(c.r.Context(), c.actor(), id, requests.Answer{Text: b.Text, Categories: pdata.SetOf(b.Categories...),
			Purpose: b.Purpose, Warned: b.Warned})
	})
}

// asOf reads the as_of query parameter, by default today in the operator's
// zone. A date that does not exist (2026-02-30) is refused, not shifted.
func (s *Server) asOf(c *call) (date.Date, error) {
	v := c.r.URL.Query().Get("as_of")
	if v == "" {
		return s.op.DateOf(c.at), nil
	}
	// time.Parse checks the day against the month; date.ParseISO would
	// turn 2026-02-30 into 2026-03-02.
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return date.Zero, badRequest("as_of", "date", "as_of must be a calendar date YYYY-MM-DD (month 01–12, a day the month has)",
			"параметр as_of должен быть существующей датой в виде ГГГГ-ММ-ДД")
	}
	return date.New(t.Year(), t.Month(), t.Day()), nil
}

func (s *Server) overdue(c *call) error {
	on, err := s.asOf(c)
	if err != nil {
		return err
	}
	svc, err := s.service(s.b.Stores())
	if err != nil {
		return err
	}
	list, err := collect(svc.Overdue(c.r.Context(), on))
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, map[string]any{"as_of": on, "count": len(list), "requests": list})
}

func (s *Server) dueSoon(c *call) error {
	on, err := s.asOf(c)
	if err != nil {
		return err
	}
	n := 3
	if v := c.r.URL.Query().Get("days"); v != "" {
		if n, err = strconv.Atoi(v); err != nil || n < 0 || n > 60 {
			return badRequest("days", "range", "days must be a whole number of working days from 0 to 60",
				"параметр days — число рабочих дней от 0 до 60")
		}
	}
	svc, err := s.service(s.b.Stores())
	if err != nil {
		return err
	}
	list, err := collect(svc.DueSoon(c.r.Context(), on, n))
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, map[string]any{"as_of": on, "days": n, "count": len(list), "requests": list})
}

// auditLog lists the attempts the access list refused, from (inclusive) to
// (exclusive), by default the last 30 days.
func (s *Server) auditLog(c *call) error {
	q := c.r.URL.Query()
	to, from := c.at.Add(time.Second), c.at.AddDate(0, 0, -30)
	for name, dst := range map[string]*time.Time{"from": &from, "to": &to} {
		if v := q.Get(name); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return badRequest(name, "time", name+" must be an RFC 3339 moment", "параметр "+name+" должен быть моментом времени RFC 3339")
			}
			*dst = t
		}
	}
	list, err := collect(s.b.Stores().Audit.Between(c.r.Context(), from, to))
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, map[string]any{"from": from, "to": to, "entries": list})
}

// collect gathers a stream into a slice: the lists the API returns whole
// are bounded by what one request or one day holds.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	out := []T{}
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
