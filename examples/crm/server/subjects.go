package server

import (
	"bytes"
	"errors"
	"net/http"
	"strings"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
)

// putSubject registers a new data subject after the minimisation check of
// policy 2.1 (pdata.Policy.Check): data the policy does not allow for the
// subject's category, special categories, a missing source are refused
// with every problem listed, and nothing is stored.
func (s *Server) putSubject(c *call) error {
	var subj pdata.Subject
	if err := c.decode(&subj); err != nil {
		return err
	}
	var p pdata.Problems
	checkID(&p, "id", subj.ID)
	p.AddError("", pdata.Cite("152-ФЗ ст. 5 ч. 5", "2.1"), s.rules.Policy.Check(subj))
	if err := p.Err(); err != nil {
		return err
	}
	if err := s.b.Stores().Directory.Create(c.r.Context(), subj); errors.Is(err, pdata.ErrConflict) {
		return &apiError{Status: http.StatusConflict, Code: "conflict", Message: "subject " + subj.ID + " is registered already",
			MessageRU: "субъект " + subj.ID + " уже зарегистрирован: исправление данных — через требование об уточнении"}
	} else if err != nil {
		return err
	}
	// The subject logs masked: its ID, category and an initial.
	s.log.InfoContext(c.r.Context(), "subject registered", "request_id", c.id, "subject", subj)
	c.w.Header().Set("Location", "/subjects/"+subj.ID)
	return c.json(http.StatusCreated, subj)
}

func (s *Server) subject(c *call) (pdata.Subject, error) {
	id, err := c.pathID("id")
	if err != nil {
		return pdata.Subject{}, err
	}
	subj, err := s.b.Stores().Directory.Subject(c.r.Context(), id)
	if errors.Is(err, pdata.ErrNotFound) {
		return pdata.Subject{}, notFound("subject", "субъект", id)
	}
	return subj, err
}

func (s *Server) getSubject(c *call) error {
	subj, err := s.subject(c)
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, subj)
}

func (s *Server) subjectHolds(c *call) error {
	id, err := c.pathID("id")
	if err != nil {
		return err
	}
	hs, err := s.b.Stores().Directory.Holds(c.r.Context(), id)
	if err != nil {
		return err
	}
	if hs == nil {
		hs = []requests.Hold{}
	}
	return c.json(http.StatusOK, map[string]any{"subject_id": id, "blocked": len(hs) > 0, "holds": hs})
}

func (s *Server) subjectConsents(c *call) error {
	id, err := c.pathID("id")
	if err != nil {
		return err
	}
	list, err := s.b.Stores().Consents.ListBySubject(c.r.Context(), id)
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, map[string]any{"subject_id": id, "consents": list})
}

// subjectReport answers GET /subjects/{id}/report and report.html: the
// access report (152-FZ art. 14 part 7) of a subject as of today, for staff
// preparing an answer. The answer to a request is GET /requests/{id}/report.
func (s *Server) subjectReport(c *call) error {
	subj, err := s.subject(c)
	if err != nil {
		return err
	}
	rep, err := requests.BuildAccessReport("", &subj, s.op, s.sched, s.report, s.op.DateOf(c.at))
	if err != nil {
		return err
	}
	return s.writeReport(c, rep)
}

func (s *Server) decodeConsent(c *call) (consent.Consent, error) {
	var k consent.Consent
	if err := c.decode(&k); err != nil {
		return k, err
	}
	var p pdata.Problems
	checkID(&p, "id", k.ID)
	checkID(&p, "subject_id", k.SubjectID)
	return k, p.Err()
}

// giveConsent validates a consent against every element of 152-FZ art. 9
// part 4 (and art. 10.1 for distribution) and stores it.
func (s *Server) giveConsent(c *call) error {
	k, err := s.decodeConsent(c)
	if err != nil {
		return err
	}
	if err := s.decider.Give(c.r.Context(), k); err != nil {
		return err
	}
	s.log.InfoContext(c.r.Context(), "consent given", "request_id", c.id, "consent", k)
	c.w.Header().Set("Location", "/consents/"+k.ID)
	return c.json(http.StatusCreated, k)
}

// validateConsent checks a consent without storing it: 200 when valid, 422
// with every problem otherwise.
func (s *Server) validateConsent(c *call) error {
	k, err := s.decodeConsent(c)
	if err != nil {
		return err
	}
	if err := consent.ValidateWith(k, s.rules); err != nil {
		return err
	}
	return c.json(http.StatusOK, map[string]any{"valid": true, "expires": k.Expires()})
}

func (s *Server) consentByPath(c *call) (consent.Consent, error) {
	id, err := c.pathID("id")
	if err != nil {
		return consent.Consent{}, err
	}
	k, err := s.b.Stores().Consents.Get(c.r.Context(), id)
	if errors.Is(err, pdata.ErrNotFound) {
		return consent.Consent{}, notFound("consent", "согласие", id)
	}
	return k, err
}

func (s *Server) getConsent(c *call) error {
	k, err := s.consentByPath(c)
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, k)
}

// consentForm renders the consent as the document the subject signs.
func (s *Server) consentForm(c *call) error {
	k, err := s.consentByPath(c)
	if err != nil {
		return err
	}
	f, ct := consent.Text, "text/plain; charset=utf-8"
	if strings.HasSuffix(c.r.URL.Path, ".html") {
		f, ct = consent.HTML, "text/html; charset=utf-8"
	}
	var buf bytes.Buffer
	if err := consent.Render(&buf, k, f); err != nil {
		return err
	}
	c.w.Header().Set("Content-Type", ct)
	c.w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	c.w.WriteHeader(http.StatusOK)
	_, err = c.w.Write(buf.Bytes())
	return err
}

func (s *Server) withdrawConsent(c *call) error {
	id, err := c.pathID("id")
	if err != nil {
		return err
	}
	var w consent.Withdrawal
	if err := c.decode(&w); err != nil {
		return err
	}
	if err := c.notFutureDate(s.op, "date", w.Date); err != nil {
		return err
	}
	if err := c.notFuture("at", w.At); err != nil {
		return err
	}
	term, err := s.decider.Withdraw(c.r.Context(), id, w)
	if errors.Is(err, pdata.ErrNotFound) {
		return notFound("consent", "согласие", id)
	}
	if err != nil {
		return err
	}
	s.log.InfoContext(c.r.Context(), "consent withdrawn", "request_id", c.id, "consent", id, "destroy_by", term.DestroyBy.String())
	return c.json(http.StatusOK, term)
}

// decide answers whether an operation on a subject's data is permitted, and
// on which grounds or why not. An operation without a moment is judged now.
func (s *Server) decide(c *call) error {
	var op consent.Operation
	if err := c.decode(&op); err != nil {
		return err
	}
	if op.At.IsZero() {
		op.At = c.at
	}
	d, err := s.decider.Decide(c.r.Context(), op)
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, map[string]any{"decision": d, "russian": d.Russian()})
}
