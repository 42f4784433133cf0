package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

// StaffHeader is the header that names the acting staff member by the ID
// on the access list. It stands in for authentication: a real host
// authenticates its users (a session, OIDC, mTLS) and derives the staff ID
// from that, never from a header the client chooses.
const StaffHeader = "X-Staff-ID"

// DefaultMaxBody is the largest request body accepted, 1 MiB.
const DefaultMaxBody = 1 << 20

// Config is what a Server needs.
type Config struct {
	// Backend holds the stores.
	Backend host.Backend
	// Operator names the operator in documents; its time zone turns moments
	// into legal dates.
	Operator pdata.Operator
	// Schedule gives retention terms and, through its calendar, working
	// days; nil means retention.Default().
	Schedule *retention.Schedule
	// Rules are the consent rules; the zero value means consent.DefaultRules
	// with Operator.
	Rules consent.Rules
	// Report is what access reports say about the processing; nil means
	// requests.DefaultReportSettings().
	Report *requests.ReportSettings
	// Clock gives the moment of each operation; nil means time.Now. The
	// library never reads the clock: the host passes the moment in.
	Clock func() time.Time
	// Logger receives one line per HTTP request and the notable events;
	// nil discards. Personal data reach it only through pdnkit's types,
	// which mask themselves.
	Logger *slog.Logger
	// MaxBody caps request bodies; 0 means DefaultMaxBody.
	MaxBody int64
	// Timeout bounds the work of one HTTP request; 0 means 30 seconds.
	Timeout time.Duration
}

// Server serves the reference CRM's API. Build it with New.
type Server struct {
	b       host.Backend
	op      pdata.Operator
	sched   *retention.Schedule
	cal     *retention.Calendar
	rules   consent.Rules
	report  requests.ReportSettings
	decider *consent.Decider
	now     func() time.Time
	log     *slog.Logger
	maxBody int64
	timeout time.Duration
	mux     *http.ServeMux
}

// New returns a Server over cfg.Backend.
func New(cfg Config) (*Server, error) {
	if cfg.Backend == nil {
		return nil, fmt.Errorf("server: no backend: %w", pdata.ErrInvalid)
	}
	if err := cfg.Operator.Validate(); err != nil {
		return nil, fmt.Errorf("server: operator: %w", err)
	}
	s := &Server{b: cfg.Backend, op: cfg.Operator, sched: cfg.Schedule, rules: cfg.Rules, now: cfg.Clock,
		log: cfg.Logger, maxBody: cfg.MaxBody, timeout: cfg.Timeout, mux: http.NewServeMux()}
	if s.sched == nil {
		s.sched = retention.Default()
	}
	s.cal = s.sched.Calendar()
	if s.rules.Policy.Rules == nil {
		s.rules = consent.DefaultRules()
		s.rules.Operator = cfg.Operator
	}
	if cfg.Report != nil {
		s.report = *cfg.Report
	} else {
		s.report = requests.DefaultReportSettings()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	if s.timeout <= 0 {
		s.timeout = 30 * time.Second
	}
	d, err := consent.NewDecider(cfg.Backend.Stores().Consents, s.rules)
	if err != nil {
		return nil, fmt.Errorf("server: consent rules: %w", err)
	}
	s.decider = d
	s.routes()
	return s, nil
}

// Handler returns the API's handler.
func (s *Server) Handler() http.Handler { return s.mux }

// call is one HTTP request being served: the acting staff member and the
// moment of the operation. It keeps no context of its own: handlers pass
// c.r.Context() — the HTTP request's context, bounded by Config.Timeout —
// to every store call, so that a client hanging up or the timeout cancels
// the work.
type call struct {
	w     http.ResponseWriter
	r     *http.Request
	staff requests.StaffMember
	at    time.Time
	id    string // the HTTP request's ID, in logs and error bodies
}

// MaxClockSkew is how far ahead of the server's clock a moment the client
// gives (when a request was received, when the media were destroyed) may
// lie: the client's clock may run a little fast, but a step dated in the
// future would make every later step, taken at the real time, look out of
// order.
const MaxClockSkew = 5 * time.Minute

// notFuture refuses a moment the client gives that lies more than
// MaxClockSkew after the server's clock, with 400 naming the field. The
// library never reads the clock; the host does, and this is where it must.
func (c *call) notFuture(field string, t time.Time) error {
	if t.IsZero() || !t.After(c.at.Add(MaxClockSkew)) {
		return nil
	}
	return badRequest(field, "future", fmt.Sprintf("%s lies in the future (the server's clock reads %s): record a step when it has happened",
		field, c.at.UTC().Format(time.RFC3339)),
		fmt.Sprintf("поле %q: момент ещё не наступил (время сервера %s); отметьте действие после того, как оно совершено", field, c.at.UTC().Format(time.RFC3339)))
}

// notFutureDate refuses a legal date the client gives that is later than
// today in the operator's zone (with MaxClockSkew), with 400 naming the field.
func (c *call) notFutureDate(op pdata.Operator, field string, d date.Date) error {
	today := op.DateOf(c.at.Add(MaxClockSkew))
	if d == date.Zero || d <= today {
		return nil
	}
	return badRequest(field, "future", fmt.Sprintf("%s is a day that has not come yet (today is %s in the operator's zone)", field, today),
		fmt.Sprintf("поле %q: дата ещё не наступила (сегодня %s)", field, retention.RussianDate(today)))
}

// actor is the staff member as package requests names them.
func (c *call) actor() requests.Actor { return requests.Actor{ID: c.staff.ID, At: c.at} }

type handlerFunc func(*call) error

// handle registers h for pattern. op is what the audit log records for a
// refused attempt (0 for endpoints outside package requests).
func (s *Server) handle(pattern string, op requests.Op, h handlerFunc) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusWriter{ResponseWriter: w}
		ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
		defer cancel()
		c := &call{w: rec, r: r.WithContext(ctx), at: s.now(), id: requestID(r)}
		rec.Header().Set("X-Request-ID", c.id)
		if r.Body != nil {
			c.r.Body = http.MaxBytesReader(rec, r.Body, s.maxBody)
		}
		err := s.serve(c, op, h)
		if err != nil && !rec.wrote {
			s.writeError(c, err)
		} else if err != nil {
			// The response had begun (a stream): the error can only be logged.
			s.log.ErrorContext(ctx, "response interrupted", "request_id", c.id, "error", err.Error())
		}
		level := slog.LevelInfo
		if rec.status >= 500 {
			level = slog.LevelError
		}
		s.log.Log(ctx, level, "http", "request_id", c.id, "method", r.Method, "pattern", pattern, "path", r.URL.Path,
			"staff", c.staff.ID, "status", rec.status, "bytes", rec.n, "duration_ms", float64(time.Since(start).Microseconds())/1000)
	})
}

func (s *Server) serve(c *call, op requests.Op, h handlerFunc) (err error) {
	defer func() {
		if p := recover(); p != nil {
			s.log.ErrorContext(c.r.Context(), "panic", "request_id", c.id, "panic", fmt.Sprint(p))
			err = errors.New("server: internal error")
		}
	}()
	if err := s.authorize(c, op); err != nil {
		return err
	}
	return h(c)
}

var basisAccessList = pdata.Cite("152-ФЗ ст. 18.1, 19", "3.8, 4.3")

// authorize checks the staff member named by StaffHeader against the access
// list (policy 3.8, 4.3). A refusal is written to the audit log and answered
// with 403; the endpoint's work is not done.
func (s *Server) authorize(c *call, op requests.Op) error {
	id := strings.TrimSpace(c.r.Header.Get(StaffHeader))
	m, err := s.b.Stores().Staff.Member(c.r.Context(), id)
	if err == nil && id != "" {
		c.staff = m
		return nil
	}
	if err != nil && !errors.Is(err, pdata.ErrNotFound) {
		return fmt.Errorf("server: access list: %w", err)
	}
	var en, ru string
	if id == "" {
		en = "no staff member named: send the " + StaffHeader + " header with your ID on the access list"
		ru = "не указан сотрудник: передайте заголовок " + StaffHeader + " с вашим идентификатором из перечня допущенных лиц"
	} else {
		en = "staff member " + id + " is not on the access list approved by the head (policy 3.8, 4.3)"
		ru = "сотрудник " + id + " не включён в перечень лиц, допущенных к обработке персональных данных, утверждённый руководителем (п. 3.8, 4.3 Положения)"
	}
	entry := requests.AuditEntry{At: c.at, Actor: id, Op: op, Reason: c.r.Method + " " + c.r.URL.Path + ": " + ru, Basis: basisAccessList}
	if op != 0 {
		entry.RequestID = c.r.PathValue("id")
	}
	if aerr := s.b.Stores().Audit.Append(c.r.Context(), entry); aerr != nil {
		s.log.ErrorContext(c.r.Context(), "audit log", "request_id", c.id, "error", aerr.Error())
	}
	s.log.WarnContext(c.r.Context(), "access refused", "request_id", c.id, "staff", id, "path", c.r.URL.Path)
	return &apiError{Status: http.StatusForbidden, Code: "forbidden", Message: en, MessageRU: ru, Basis: basisAccessList}
}

func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-ID"); id != "" && len(id) <= 64 && idPattern.MatchString(id) {
		return id
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// statusWriter records the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	n      int64
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.status, w.wrote = http.StatusOK, true
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// idPattern is what an ID (of a request, consent, act, subject, record) may
// look like: 1–100 letters (any script), digits and . _ - : characters.
var idPattern = regexp.MustCompile(`^[\p{L}\p{N}._:-]{1,100}$`)

// pathID returns the {id} path value, or a 400 error if it is not an ID.
func (c *call) pathID(name string) (string, error) {
	v := c.r.PathValue(name)
	if !idPattern.MatchString(v) {
		return "", badRequest(name, "id", "the "+name+" in the path is not a valid identifier: 1–100 letters, digits and . _ - :",
			"идентификатор в адресе запроса недопустим: от 1 до 100 букв, цифр и символов . _ - :")
	}
	return v, nil
}

// checkID adds a problem to p when id is not a valid identifier.
func checkID(p *pdata.Problems, field, id string) {
	if !idPattern.MatchString(id) {
		p.Add(field, "id", pdata.Basis{}, field+" must be 1–100 letters, digits and . _ - :",
			"идентификатор должен состоять из 1–100 букв, цифр и символов . _ - :")
	}
}
