package server

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

func (s *Server) addCommission(c *call) error {
	var cm destruction.Commission
	if err := c.decode(&cm); err != nil {
		return err
	}
	var p pdata.Problems
	checkID(&p, "id", cm.ID)
	if err := p.Err(); err != nil {
		return err
	}
	if err := destruction.NewArchive(s.b.Stores().Acts).AddCommission(c.r.Context(), cm); err != nil {
		return err
	}
	c.w.Header().Set("Location", "/commissions/"+cm.ID)
	return c.json(http.StatusCreated, cm)
}

func (s *Server) getCommission(c *call) error {
	id, err := c.pathID("id")
	if err != nil {
		return err
	}
	cm, err := destruction.NewArchive(s.b.Stores().Acts).Commission(c.r.Context(), id)
	if errors.Is(err, pdata.ErrNotFound) {
		return notFound("commission", "комиссия", id)
	}
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, cm)
}

// actView is an act as the API shows it.
type actView struct {
	ID         string                  `json:"id"`
	Kind       destruction.ActKind     `json:"kind"`
	Number     string                  `json:"number"`
	State      destruction.State       `json:"state"`
	StateRU    string                  `json:"state_ru"`
	Version    int                     `json:"version"`
	Sealed     bool                    `json:"sealed"`
	Digest     string                  `json:"digest,omitempty"`
	Content    destruction.Content     `json:"content"`
	Signatures []destruction.Signature `json:"signatures"`
	Approval   *destruction.Approval   `json:"approval,omitempty"`
	Overdue    []string                `json:"overdue,omitempty"`
	Documents  map[string]string       `json:"documents"`
}

func viewAct(a *destruction.Act) actView {
	v := actView{ID: a.ID(), Kind: a.Kind(), Number: a.Number(), State: a.State(), StateRU: a.State().Title(),
		Version: a.Version(), Sealed: a.Sealed(), Content: a.Content(), Signatures: a.Signatures(), Overdue: a.Overdue()}
	if v.Signatures == nil {
		v.Signatures = []destruction.Signature{}
	}
	if v.Sealed {
		v.Digest = a.Digest()
	}
	if ap, ok := a.Approval(); ok {
		v.Approval = &ap
	}
	base := "/acts/" + url.PathEscape(a.ID())
	v.Documents = map[string]string{"docx": base + "/act.docx", "html": base + "/act.html", "text": base + "/act.txt"}
	if a.Kind() == destruction.DestructionAct && a.State() >= destruction.StateSigning {
		v.Documents["extract_csv"] = base + "/extract.csv"
		v.Documents["extract_json"] = base + "/extract.json"
	}
	return v
}

// newSelectionAct draws up a selection act (policy 9.4, 9.5): every record
// the retention sweep finds due on the act's date, and every item requests
// handed over, go into it — a record that is both, once (mergeItems). The act is saved, the records marked as selected
// and the items taken off the queue in one transaction.
func (s *Server) newSelectionAct(c *call) error {
	var b struct {
		Header       destruction.Header  `json:"header"`
		CommissionID string              `json:"commission_id"`
		Processors   []destruction.Party `json:"processors"`
	}
	if err := c.decode(&b); err != nil {
		return err
	}
	var p pdata.Problems
	checkID(&p, "header.id", b.Header.ID)
	checkID(&p, "commission_id", b.CommissionID)
	if err := p.Err(); err != nil {
		return err
	}
	var act *destruction.Act
	err := s.b.Atomic(c.r.Context(), func(st host.Stores) error {
		ar := destruction.NewArchive(st.Acts)
		cm, err := ar.Commission(c.r.Context(), b.CommissionID)
		if errors.Is(err, pdata.ErrNotFound) {
			return notFound("commission", "комиссия", b.CommissionID)
		} else if err != nil {
			return err
		}
		if act, err = destruction.NewSelectionAct(b.Header, s.op, cm, b.Processors...); err != nil {
			return err
		}
		var items []destruction.Item
		var recordIDs, queued []string
		at := map[string]int{} // record ID → its item in items
		var bad pdata.Problems
		for v, err := range s.sweep(c, st.Records, b.Header.Date) {
			if err != nil {
				if v.Record.ID == "" {
					return err
				}
				bad.AddError("records["+v.Record.ID+"]", pdata.Cite("", "9.1"), err)
				continue
			}
			subj, _, err := actSubject(c, st.Directory, v.Record.SubjectID, v.Record.Title)
			if err != nil {
				return err
			}
			d := retention.Due{Record: v.Record.Retention(), Term: retention.Term{DestroyFrom: v.DestroyFrom, DestroyBy: v.DestroyBy, Basis: v.Basis}, Overdue: v.Overdue}
			at[v.Record.ID] = len(items)
			items = append(items, destruction.ItemFromDue(d, subj, pdata.SetOf(v.Record.Categories...), v.Record.Medium))
			recordIDs = append(recordIDs, v.Record.ID)
		}
		if err := bad.Err(); err != nil {
			return err
		}
		for it, err := range st.Queue.Pending(c.r.Context()) {
			if err != nil {
				return err
			}
			queued = append(queued, it.RecordID)
			if i, ok := at[it.RecordID]; ok {
				// Handed over by a request and due in the sweep: one medium,
				// one line (see mergeItems).
				items[i] = mergeItems(it, items[i])
				continue
			}
			// A record of the register handed over before its term ran out
			// is marked selected too, so that a later sweep does not
			// select it again.
			rec, err := st.Records.Get(c.r.Context(), it.RecordID)
			switch {
			case err == nil && rec.SelectedIn == "" && rec.Destroyed == date.Zero:
				recordIDs = append(recordIDs, it.RecordID)
			case err != nil && !errors.Is(err, pdata.ErrNotFound):
				return err
			}
			at[it.RecordID] = len(items)
			items = append(items, it)
		}
		if len(items) == 0 {
			return &apiError{Status: http.StatusUnprocessableEntity, Code: "nothing_due",
				Message:   "nothing is due for destruction on " + b.Header.Date.String() + " and no request handed anything over",
				MessageRU: "на " + retention.RussianDate(b.Header.Date) + " нет носителей, подлежащих уничтожению, и переданных по обращениям"}
		}
		if err := act.Add(items...); err != nil {
			return nameRecords(err, items)
		}
		if err := ar.Save(c.r.Context(), act); err != nil {
			return err
		}
		if err := st.Records.MarkSelected(c.r.Context(), recordIDs, act.ID()); err != nil {
			return err
		}
		return st.Queue.Take(c.r.Context(), queued, act.ID())
	})
	if err != nil {
		return err
	}
	s.log.InfoContext(c.r.Context(), "selection act drawn up", "request_id", c.id, "act", act.ID(), "items", len(act.Content().Items))
	c.w.Header().Set("Location", "/acts/"+url.PathEscape(act.ID()))
	return c.json(http.StatusCreated, viewAct(act))
}

// basisOneDestruction: the commission destroys the media of an approved
// selection act and draws up one act of it (policy 9.10, 9.12); a signed act
// is corrected only by superseding it (9.6).
var basisOneDestruction = pdata.Cite("152-ФЗ ст. 21 ч. 7; Приказ РКН № 179 п. 3", "9.6, 9.10, 9.12")

// itemField is the field name package destruction gives a problem of the
// i-th item added: "Items[2].Subjects[0]".
var itemField = regexp.MustCompile(`^Items\[([0-9]+)\]`)

// nameRecords rewrites the problems of Act.Add, which name an item by its
// position ("Items[2].Subjects[0]"), to name its record
// ("records[rec-7].Subjects[0]"), so that staff can find the record that
// stops the act. Other errors are returned as they are.
func nameRecords(err error, items []destruction.Item) error {
	var ve *pdata.ValidationError
	if !errors.As(err, &ve) || ve == nil {
		return err
	}
	var p pdata.Problems
	for _, fe := range ve.Errors {
		if m := itemField.FindStringSubmatch(fe.Field); m != nil {
			if i, _ := strconv.Atoi(m[1]); i < len(items) {
				fe.Field = "records[" + items[i].RecordID + "]" + strings.TrimPrefix(fe.Field, m[0])
				fe.Message = "record " + items[i].RecordID + ": " + fe.Message
				fe.MessageRU = "запись " + items[i].RecordID + ": " + fe.MessageRU
			}
		}
		p.AddError("", fe.Basis, &pdata.ValidationError{Errors: []pdata.FieldError{fe}})
	}
	return p.Err()
}

// mergeItems makes one item of a record that a request handed over (q) and
// the retention sweep found due (due): an act lists a medium once, and a
// record ID twice is refused by the act. The request's item is kept — its
// ground and reference are what the request is closed on (confirm-destruction
// names this act) and what the subject is told — and completed from the
// sweep's: every category the record holds (the whole medium is destroyed,
// not only what the request named), both bases cited, and the earliest first
// day and deadline of the two grounds (the data could go from the earlier
// day and had to by the earlier deadline; a deadline already missed stays
// visible as overdue).
func mergeItems(q, due destruction.Item) destruction.Item {
	out := q
	out.Subjects = slices.Clone(q.Subjects)
	for _, s := range due.Subjects {
		if !slices.ContainsFunc(out.Subjects, func(o destruction.Subject) bool { return o.ID != "" && o.ID == s.ID }) {
			out.Subjects = append(out.Subjects, s)
		}
	}
	for _, cat := range due.Categories.Slice() {
		out.Categories = out.Categories.With(cat)
	}
	if out.Basis.IsZero() {
		out.Basis = q.Ground.Basis()
	}
	out.Basis = out.Basis.Join(due.Basis)
	if due.DestroyFrom != date.Zero && (out.DestroyFrom == date.Zero || due.DestroyFrom < out.DestroyFrom) {
		out.DestroyFrom = due.DestroyFrom
	}
	if due.DestroyBy != date.Zero && (out.DestroyBy == date.Zero || due.DestroyBy < out.DestroyBy) {
		out.DestroyBy = due.DestroyBy
	}
	return out
}

// newDestructionAct starts the destruction act for an approved selection act
// (policy 9.10–9.14). A selection act that has a destruction act already gets
// 409: two acts approved for one set of media would both claim to have
// destroyed it. The check runs in the transaction, and the store refuses a
// second act too (host.Stores), so two concurrent requests cannot both win.
func (s *Server) newDestructionAct(c *call) error {
	var b struct {
		Header      destruction.Header `json:"header"`
		SelectionID string             `json:"selection_id"`
	}
	if err := c.decode(&b); err != nil {
		return err
	}
	var p pdata.Problems
	checkID(&p, "header.id", b.Header.ID)
	checkID(&p, "selection_id", b.SelectionID)
	if err := p.Err(); err != nil {
		return err
	}
	var act, sel *destruction.Act
	err := s.b.Atomic(c.r.Context(), func(st host.Stores) error {
		ar := destruction.NewArchive(st.Acts)
		var err error
		sel, err = ar.Act(c.r.Context(), b.SelectionID)
		if errors.Is(err, pdata.ErrNotFound) {
			return notFound("act", "акт", b.SelectionID)
		} else if err != nil {
			return err
		}
		other, err := destructionOf(c, st.Acts, sel.ID())
		if err != nil {
			return err
		}
		if other.ID != "" {
			return &apiError{Status: http.StatusConflict, Code: "conflict", Basis: basisOneDestruction,
				Message: "selection act " + sel.ID() + " has destruction act " + other.ID + " already: a selection act is destroyed by one act; " +
					"to correct a signed act, supersede it",
				MessageRU: "по акту об отборе № " + sel.Number() + " уже составлен акт об уничтожении № " + other.Number +
					"; второй акт на те же носители не составляется, подписанный акт исправляется только заменой (п. 9.6 Положения)"}
		}
		if act, err = destruction.NewDestructionAct(b.Header, sel); err != nil {
			return err
		}
		return ar.Save(c.r.Context(), act)
	})
	if err != nil {
		return err
	}
	s.log.InfoContext(c.r.Context(), "destruction act drawn up", "request_id", c.id, "act", act.ID(), "selection", sel.ID())
	c.w.Header().Set("Location", "/acts/"+url.PathEscape(act.ID()))
	return c.json(http.StatusCreated, viewAct(act))
}

// destructionOf returns the destruction act in force for selection act
// selID: the latest of the acts naming it that no other act supersedes (the
// zero ActRecord when there is none).
func destructionOf(c *call, acts destruction.ActStore, selID string) (destruction.ActRecord, error) {
	var named []destruction.ActRecord
	replaced := map[string]bool{}
	for r, err := range acts.Acts(c.r.Context()) {
		if err != nil {
			return destruction.ActRecord{}, err
		}
		if r.Replaces != "" {
			replaced[r.Replaces] = true
		}
		if r.Kind == destruction.DestructionAct && r.Selection == selID {
			named = append(named, r)
		}
	}
	for i := len(named) - 1; i >= 0; i-- {
		if !replaced[named[i].ID] {
			return named[i], nil
		}
	}
	if len(named) > 0 {
		return named[len(named)-1], nil
	}
	return destruction.ActRecord{}, nil
}

func (s *Server) actByPath(c *call) (*destruction.Act, error) {
	id, err := c.pathID("id")
	if err != nil {
		return nil, err
	}
	a, err := destruction.NewArchive(s.b.Stores().Acts).Act(c.r.Context(), id)
	if errors.Is(err, pdata.ErrNotFound) {
		return nil, notFound("act", "акт", id)
	}
	return a, err
}

func (s *Server) getAct(c *call) error {
	a, err := s.actByPath(c)
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, viewAct(a))
}

// actHistory lists every stored version of an act.
func (s *Server) actHistory(c *call) error {
	id, err := c.pathID("id")
	if err != nil {
		return err
	}
	type version struct {
		Version    int               `json:"version"`
		State      destruction.State `json:"state"`
		Sealed     bool              `json:"sealed"`
		Digest     string            `json:"digest,omitempty"`
		Signatures int               `json:"signatures"`
	}
	out := []version{}
	for a, err := range destruction.NewArchive(s.b.Stores().Acts).History(c.r.Context(), id) {
		if errors.Is(err, pdata.ErrNotFound) {
			return notFound("act", "акт", id)
		}
		if err != nil {
			return err
		}
		v := version{Version: a.Version(), State: a.State(), Sealed: a.Sealed(), Signatures: len(a.Signatures())}
		if v.Sealed {
			v.Digest = a.Digest()
		}
		out = append(out, v)
	}
	return c.json(http.StatusOK, map[string]any{"id": id, "versions": out})
}

// actStep loads the act in the path, applies step and saves the act as its
// next version, then runs after (if any) — all in one transaction. A step out
// of order is 409 and changes nothing; a stale version (someone else saved
// first) is 409 too.
func (s *Server) actStep(c *call, body any, what string, step func(*destruction.Act, host.Stores) error, after func(*destruction.Act, host.Stores) error) error {
	id, err := c.pathID("id")
	if err != nil {
		return err
	}
	if body != nil {
		if err := c.decode(body); err != nil {
			return err
		}
	}
	var act *destruction.Act
	err = s.b.Atomic(c.r.Context(), func(st host.Stores) error {
		ar := destruction.NewArchive(st.Acts)
		var err error
		act, err = ar.Act(c.r.Context(), id)
		if errors.Is(err, pdata.ErrNotFound) {
			return notFound("act", "акт", id)
		} else if err != nil {
			return err
		}
		if err := step(act, st); err != nil {
			return err
		}
		if err := ar.Save(c.r.Context(), act); err != nil {
			return err
		}
		if after != nil {
			return after(act, st)
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.log.InfoContext(c.r.Context(), "act "+what, "request_id", c.id, "act", act.ID(), "state", act.State().String(), "version", act.Version())
	return c.json(http.StatusOK, viewAct(act))
}

// checkAct records that the commission found the media present (policy
// 9.7): one record, or every one not yet checked.
func (s *Server) checkAct(c *call) error {
	var b struct {
		RecordID string `json:"record_id"`
	}
	return s.actStep(c, &b, "checked", func(a *destruction.Act, _ host.Stores) error {
		if b.RecordID == "" {
			return a.CheckAll(c.at)
		}
		return a.Check(b.RecordID, c.at)
	}, nil)
}

// sealMedia: the chair packs and seals the selected media (policy 9.9).
func (s *Server) sealMedia(c *call) error {
	return s.actStep(c, nil, "media sealed", func(a *destruction.Act, _ host.Stores) error {
		return a.SealMedia(c.staff.Official, c.at)
	}, nil)
}

// recordDestruction records the destruction itself (policy 9.10, 9.13):
// when, where, and who was present — staff IDs, each a member of the
// commission; none given means the whole commission. A moment in the future
// is refused (see MaxClockSkew); none given means now.
func (s *Server) recordDestruction(c *call) error {
	var b struct {
		At      time.Time `json:"at"`
		Place   string    `json:"place"`
		Present []string  `json:"present"`
	}
	return s.actStep(c, &b, "destruction recorded", func(a *destruction.Act, st host.Stores) error {
		if err := c.notFuture("at", b.At); err != nil {
			return err
		}
		d := destruction.Destruction{At: b.At, Place: b.Place}
		if d.At.IsZero() {
			d.At = c.at
		}
		if len(b.Present) == 0 {
			d.Present = a.Content().Commission.All()
		}
		var p pdata.Problems
		for i, id := range b.Present {
			m, err := st.Staff.Member(c.r.Context(), id)
			if errors.Is(err, pdata.ErrNotFound) {
				p.Add(fmt.Sprintf("present[%d]", i), "staff", pdata.Cite("", "9.10"), "no staff member "+id, "нет сотрудника "+id)
				continue
			} else if err != nil {
				return err
			}
			d.Present = append(d.Present, m.Official)
		}
		if err := p.Err(); err != nil {
			return err
		}
		return a.RecordDestruction(d)
	}, nil)
}

// signAct: the acting staff member signs as a member of the commission
// (policy 9.8, 9.12). The first signature seals the act.
func (s *Server) signAct(c *call) error {
	return s.actStep(c, nil, "signed", func(a *destruction.Act, _ host.Stores) error {
		return a.Sign(c.staff.Official, c.at)
	}, nil)
}

// approveAct: the head of the operator approves a signed act (policy 9.8,
// 9.12). Approving a destruction act also marks its records destroyed in the
// register and registers the act, its selection act and the event-log
// extract as records to keep 3 years (RKN order 179 п. 8; policy 9.14) — in
// the same transaction as the act's new version: all of it commits, or none.
func (s *Server) approveAct(c *call) error {
	return s.actStep(c, nil, "approved", func(a *destruction.Act, _ host.Stores) error {
		return a.Approve(c.staff.Official, c.at)
	}, func(a *destruction.Act, st host.Stores) error {
		if a.Kind() != destruction.DestructionAct {
			return nil
		}
		cont := a.Content()
		on := s.op.DateOf(cont.Destruction.At)
		ids := make([]string, len(cont.Items))
		for i, e := range cont.Items {
			ids[i] = e.Item.RecordID
		}
		if err := st.Records.MarkDestroyed(c.r.Context(), ids, on, a.ID()); err != nil {
			return err
		}
		keep, err := a.RetentionRecords()
		if err != nil {
			return err
		}
		for _, r := range keep {
			rec := host.Record{ID: r.ID, Kind: r.Kind, Closed: r.Closed, Title: keptTitle(r.ID, a),
				Categories: []pdata.DataCategory{pdata.DataFullName},
				Medium:     destruction.DBRecords("CRM: акты и выгрузки (таблица act_versions)", 1)}
			term, err := s.sched.Term(r)
			if err != nil {
				return err
			}
			rec.DestroyFrom, rec.DestroyBy = term.DestroyFrom, term.DestroyBy
			if err := st.Records.Add(c.r.Context(), rec); err != nil && !errors.Is(err, pdata.ErrConflict) {
				return err
			}
		}
		return nil
	})
}

func keptTitle(id string, a *destruction.Act) string {
	switch {
	case strings.HasPrefix(id, "destruction-act:"):
		return "Акт об уничтожении персональных данных № " + a.Number()
	case strings.HasPrefix(id, "selection-act:"):
		return "Акт об отборе носителей к уничтожению (к акту № " + a.Number() + ")"
	default:
		return "Выгрузка из журнала регистрации событий (к акту № " + a.Number() + ")"
	}
}

// actDocument renders an act: act.docx (Word, Office Open XML), act.html
// (a page to print) or act.txt.
func (s *Server) actDocument(c *call) error {
	a, err := s.actByPath(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	var ct string
	switch ext := path.Ext(c.r.URL.Path); ext {
	case ".docx":
		err, ct = a.RenderDOCX(&buf), destruction.DOCXContentType
	case ".html":
		err, ct = a.RenderHTML(&buf), "text/html; charset=utf-8"
	default:
		err, ct = a.RenderText(&buf), "text/plain; charset=utf-8"
	}
	if err != nil {
		return err
	}
	return download(c, ct, "act-"+a.ID()+path.Ext(c.r.URL.Path), buf.Bytes())
}

// actExtract writes the event-log extract of a sealed destruction act (RKN
// order 179 п. 5) as CSV for spreadsheets or as JSON.
func (s *Server) actExtract(c *call) error {
	a, err := s.actByPath(c)
	if err != nil {
		return err
	}
	x, err := a.Extract()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	ct := "text/csv; charset=utf-8"
	if path.Ext(c.r.URL.Path) == ".json" {
		err, ct = x.WriteJSON(&buf), "application/json; charset=utf-8"
	} else {
		err = x.WriteCSV(&buf)
	}
	if err != nil {
		return err
	}
	return download(c, ct, "extract-"+a.ID()+path.Ext(c.r.URL.Path), buf.Bytes())
}

func download(c *call, contentType, name string, body []byte) error {
	ascii := strings.Map(func(r rune) rune {
		if r < 0x80 && (r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return r
		}
		return '_'
	}, name)
	c.w.Header().Set("Content-Type", contentType)
	c.w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, ascii, url.PathEscape(name)))
	c.w.Header().Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(contentType, "text/html") {
		c.w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	}
	c.w.WriteHeader(http.StatusOK)
	_, err := c.w.Write(body)
	return err
}
