package server

import (
	"bufio"
	"encoding/json"
	"errors"
	"iter"
	"net/http"
	"strings"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

// recordBody is the JSON of POST /records.
type recordBody struct {
	ID              string               `json:"id"`
	SubjectID       string               `json:"subject_id"`
	Kind            retention.Kind       `json:"kind"`
	Closed          date.Date            `json:"closed"`
	Hazardous       bool                 `json:"hazardous"`
	PurposeAchieved date.Date            `json:"purpose_achieved"`
	Title           string               `json:"title"`
	Categories      []pdata.DataCategory `json:"categories"`
	Medium          destruction.Medium   `json:"medium"`
}

// addRecord registers a record the operator keeps, computing its retention
// term (retention.Schedule.Term) so that its DestroyFrom is stored and
// indexed. A purpose-bound record whose purpose is not reached yet has no
// term until it is. What the selection act would refuse is refused now (see
// probeRecord).
func (s *Server) addRecord(c *call) error {
	var b recordBody
	if err := c.decode(&b); err != nil {
		return err
	}
	var p pdata.Problems
	checkID(&p, "id", b.ID)
	checkID(&p, "subject_id", b.SubjectID)
	if strings.TrimSpace(b.Title) == "" {
		p.Add("title", "required", pdata.Cite("", "9.13"), "name the record (the file, the register)", "укажите наименование дела или носителя")
	}
	// The record is checked now as the selection act will check it, so
	// that a record that could never go into an act is refused here, naming
	// the field, instead of failing every selection act later.
	if err := s.probeRecord(c, &p, b); err != nil {
		return err
	}
	rec := host.Record{ID: b.ID, SubjectID: b.SubjectID, Kind: b.Kind, Closed: b.Closed, Hazardous: b.Hazardous,
		PurposeAchieved: b.PurposeAchieved, Title: b.Title, Categories: b.Categories, Medium: b.Medium}
	if !(b.Kind == retention.PurposeBound && b.PurposeAchieved == date.Zero) {
		term, err := s.sched.Term(rec.Retention())
		if err != nil {
			p.AddError("", pdata.Basis{}, err)
		} else {
			rec.DestroyFrom, rec.DestroyBy = term.DestroyFrom, term.DestroyBy
		}
	}
	if err := p.Err(); err != nil {
		return err
	}
	if err := s.b.Stores().Records.Add(c.r.Context(), rec); err != nil {
		return err
	}
	c.w.Header().Set("Location", "/records/"+rec.ID)
	return c.json(http.StatusCreated, rec)
}

var (
	// basisActSubjects: the act names each subject, or gives other
	// information that identifies them — never an identifier in full.
	basisActSubjects = pdata.Cite("Приказ РКН № 179 п. 3 «в»", "9.13")
)

// probeRecord adds to p what the selection act would refuse in record b,
// under the body's field names: a subject the directory does not hold
// (subject_id), an identifier in full in the title, which the act prints
// when it identifies the subject by it (title), in the ID, which the act
// and the event-log extract print (id), or in the subject's description the
// act would print (subject_id), and an incomplete medium or no categories
// (the library's field names, Medium.… and Categories).
func (s *Server) probeRecord(c *call, p *pdata.Problems, b recordBody) error {
	subj, known, err := actSubject(c, s.b.Stores().Directory, b.SubjectID, b.Title)
	if err != nil {
		return err
	}
	if !known && idPattern.MatchString(b.SubjectID) {
		p.Add("subject_id", "unknown_subject", basisActSubjects,
			"subject_id names no subject in the directory: register the subject first (POST /subjects), so that the destruction act can name them",
			"субъект с указанным идентификатором не зарегистрирован: сначала внесите его в перечень (POST /subjects), чтобы акт об уничтожении мог его назвать")
	}
	// The title is refused when it holds an identifier in full, even for a
	// subject the act names by the directory's name: the act prints the
	// title once the name is gone (erased on a request, or the subject
	// removed), and the register shows it to every clerk.
	titleBad := false
	for _, fe := range probeItem("x", destruction.Subject{Info: b.Title}, b).Errors {
		if strings.HasPrefix(fe.Field, "Subjects") && fe.Rule == "identifier_in_full" && !titleBad {
			titleBad = true
			fe.Field = "title"
			fe.Message = "the title must not hold an identifier (SNILS, INN, passport, phone) in full: the destruction act prints it to identify the subject"
			fe.MessageRU = "Наименование не должно содержать полный номер документа или идентификатора (СНИЛС, ИНН, паспорт, телефон): акт об уничтожении приводит его для идентификации субъекта"
			p.AddError("", fe.Basis, &pdata.ValidationError{Errors: []pdata.FieldError{fe}})
		}
	}
	for _, fe := range probeItem(b.ID, subj, b).Errors {
		switch {
		case strings.HasPrefix(fe.Field, "RecordID"):
			if fe.Rule == "required" {
				continue // checkID has said it
			}
			fe.Field = "id"
		case strings.HasPrefix(fe.Field, "Subjects"):
			switch {
			case fe.Rule == "required", titleBad:
				continue // an empty title or one with an identifier is refused already
			case known:
				fe.Field = "subject_id"
			default:
				continue // an unknown subject is refused already
			}
		case strings.HasPrefix(fe.Field, "Medium"), strings.HasPrefix(fe.Field, "Categories"):
		default:
			continue // the ground and the dates are the probe's own
		}
		p.AddError("", fe.Basis, &pdata.ValidationError{Errors: []pdata.FieldError{fe}})
	}
	return nil
}

// probeItem validates the item a selection act would hold for record b with
// subject subj; it returns the problems (none: an empty list).
func probeItem(id string, subj destruction.Subject, b recordBody) *pdata.ValidationError {
	due := date.New(2000, 1, 1)
	probe := destruction.Item{RecordID: id, Subjects: []destruction.Subject{subj},
		Categories: pdata.SetOf(b.Categories...), Medium: b.Medium, Ground: destruction.GroundRetentionExpired, DestroyFrom: due}
	var ve *pdata.ValidationError
	if errors.As(probe.Validate(due), &ve) && ve != nil {
		return ve
	}
	return &pdata.ValidationError{}
}

// actSubject is how a record's subject appears in a destruction act: by the
// full name the directory holds; for a subject without a name (a site
// user), by category, the host's key and the record's title (never an
// identifier in full); for a subject the directory does not hold
// (known=false), by the record's title.
func actSubject(c *call, dir host.Directory, subjectID, title string) (subj destruction.Subject, known bool, err error) {
	ps, err := dir.Subject(c.r.Context(), subjectID)
	if errors.Is(err, pdata.ErrNotFound) {
		return destruction.Subject{ID: subjectID, Info: title}, false, nil
	} else if err != nil {
		return destruction.Subject{}, false, err
	}
	subj = destruction.SubjectOf(ps)
	if subj.Name == "" {
		subj.Info = ps.Category.Title() + ", " + ps.ID + " (" + title + ")"
	}
	return subj, true, nil
}

func (s *Server) getRecord(c *call) error {
	id, err := c.pathID("id")
	if err != nil {
		return err
	}
	rec, err := s.b.Stores().Records.Get(c.r.Context(), id)
	if errors.Is(err, pdata.ErrNotFound) {
		return notFound("record", "запись", id)
	}
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, rec)
}

// dueView is one record the sweep found due.
type dueView struct {
	Record      host.Record `json:"record"`
	DestroyFrom date.Date   `json:"destroy_from"`
	DestroyBy   date.Date   `json:"destroy_by"`
	Overdue     bool        `json:"overdue"`
	Basis       pdata.Basis `json:"basis"`
	Term        string      `json:"term"`
}

// sweep runs the retention sweep (retention.Schedule.Due) over the records
// the store offers as candidates, pairing each Due with the host's record.
// Due judges one record at a time in the order given, so the record last
// pulled from the store is the one a Due reports.
func (s *Server) sweep(c *call, records host.Records, asOf date.Date) iter.Seq2[dueView, error] {
	var last host.Record
	src := func(yield func(retention.Record, error) bool) {
		for r, err := range records.Candidates(c.r.Context(), asOf) {
			last = r
			if !yield(r.Retention(), err) {
				return
			}
		}
	}
	return func(yield func(dueView, error) bool) {
		for d, err := range s.sched.Due(c.r.Context(), src, asOf) {
			if err != nil {
				if !yield(dueView{Record: host.Record{ID: d.Record.ID}}, err) {
					return
				}
				continue
			}
			rec := last
			if rec.ID != d.Record.ID {
				// Not expected; read it rather than pair the wrong record.
				var gerr error
				if rec, gerr = records.Get(c.r.Context(), d.Record.ID); gerr != nil {
					if !yield(dueView{}, gerr) {
						return
					}
					continue
				}
			}
			v := dueView{Record: rec, DestroyFrom: d.Term.DestroyFrom, DestroyBy: d.Term.DestroyBy, Overdue: d.Overdue,
				Basis: d.Term.Basis, Term: s.sched.Describe(rec.Kind)}
			if !yield(v, nil) {
				return
			}
		}
	}
}

// retentionDue answers GET /retention/due?as_of=YYYY-MM-DD: the records due
// for destruction on that day, streamed as they are found, so the answer
// holds constant memory whatever the register's size:
//
//	{"as_of": "…", "due": [ … ], "errors": [ … ], "count": n, "overdue": m, "complete": true}
//
// A record the rules cannot judge is listed under "errors" with its ID; a
// store failure ends the list with "complete": false.
func (s *Server) retentionDue(c *call) error {
	on, err := s.asOf(c)
	if err != nil {
		return err
	}
	c.w.Header().Set("Content-Type", "application/json; charset=utf-8")
	c.w.WriteHeader(http.StatusOK)
	bw := bufio.NewWriter(c.w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	asOf, _ := on.MarshalText()
	bw.WriteString(`{"as_of":"` + string(asOf) + `","due":[`)
	type problem struct {
		RecordID  string `json:"record_id,omitempty"`
		Message   string `json:"message"`
		MessageRU string `json:"message_ru"`
	}
	var problems []problem
	n, overdue, complete := 0, 0, true
	for v, err := range s.sweep(c, s.b.Stores().Records, on) {
		if err != nil {
			ae := toAPIError(err)
			problems = append(problems, problem{RecordID: v.Record.ID, Message: err.Error(), MessageRU: ae.MessageRU})
			if v.Record.ID == "" {
				complete = false
				break
			}
			continue
		}
		if n > 0 {
			bw.WriteByte(',')
		}
		if err := enc.Encode(v); err != nil {
			return err
		}
		n++
		if v.Overdue {
			overdue++
		}
	}
	if problems == nil {
		problems = []problem{}
	}
	bw.WriteString(`],"errors":`)
	if err := enc.Encode(problems); err != nil {
		return err
	}
	tail, _ := json.Marshal(map[string]any{"count": n, "overdue": overdue, "complete": complete})
	bw.WriteByte(',')
	bw.Write(tail[1:])
	bw.WriteByte('\n')
	return bw.Flush()
}
