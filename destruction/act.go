package destruction

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

// ActKind tells the two acts of the procedure apart.
type ActKind uint8

// The kinds of act.
const (
	// SelectionAct is the act on the media selected for destruction (акт
	// об отборе носителей, policy 9.4–9.9): drawn up by the commission,
	// checked, signed by every member and approved by the operator before
	// anything is destroyed.
	SelectionAct ActKind = iota + 1
	// DestructionAct is the act of destruction (акт об уничтожении
	// персональных данных, policy 9.10–9.14; RKN order 179 п. 3): drawn up
	// from an approved selection act once the media are destroyed in the
	// presence of every member, signed by them and approved by the operator.
	DestructionAct
)

// Valid reports whether k is a defined kind.
func (k ActKind) Valid() bool { return k == SelectionAct || k == DestructionAct }

// String returns the machine name ("selection", "destruction").
func (k ActKind) String() string {
	switch k {
	case SelectionAct:
		return "selection"
	case DestructionAct:
		return "destruction"
	}
	return fmt.Sprintf("act_kind(%d)", uint8(k))
}

// Title returns the Russian title of the act, after «Акт № N».
func (k ActKind) Title() string {
	switch k {
	case SelectionAct:
		return "об отборе носителей персональных данных, подлежащих уничтожению"
	case DestructionAct:
		return "об уничтожении персональных данных"
	}
	return ""
}

// MarshalText encodes the machine name; the zero value encodes as "" so
// that an incomplete value can still be stored and reported by validation.
func (k ActKind) MarshalText() ([]byte, error) { return marshalName(k), nil }

// UnmarshalText decodes a machine name; "" is the zero value, an unknown
// name an error wrapping ErrInvalid.
func (k *ActKind) UnmarshalText(b []byte) error {
	return unmarshalName(k, []ActKind{SelectionAct, DestructionAct}, "act kind", b)
}

// State is where an act stands in its lifecycle. The states follow one
// another in the order they are declared; a selection act skips
// StateDestroyed and a destruction act skips StateMediaSealed.
type State uint8

// The states of an act.
const (
	// StateDraft: items may be added and removed; not every item has been
	// checked yet.
	StateDraft State = iota + 1
	// StateChecked: the commission has checked that every medium in the
	// act is present (policy 9.7).
	StateChecked
	// StateMediaSealed (selection act): the chair has packed and sealed the
	// checked media (9.9).
	StateMediaSealed
	// StateDestroyed (destruction act): the destruction, its date, time and
	// place and the members present, is recorded (9.10, 9.13).
	StateDestroyed
	// StateSigning: at least one member has signed; the act is sealed and
	// cannot be corrected (9.6).
	StateSigning
	// StateSigned: every member of the commission has signed (9.8, 9.12).
	StateSigned
	// StateApproved: the head of the operator has approved the act (9.8,
	// 9.12). Final.
	StateApproved
)

var stateInfo = [...]struct{ id, title string }{
	StateDraft:       {"draft", "проект"},
	StateChecked:     {"checked", "наличие носителей проверено"},
	StateMediaSealed: {"media_sealed", "носители опечатаны"},
	StateDestroyed:   {"destroyed", "уничтожение проведено"},
	StateSigning:     {"signing", "подписывается"},
	StateSigned:      {"signed", "подписан всеми членами комиссии"},
	StateApproved:    {"approved", "утверждён"},
}

// String returns the machine name ("draft", "signed", …).
func (s State) String() string {
	if s < StateDraft || s > StateApproved {
		return fmt.Sprintf("state(%d)", uint8(s))
	}
	return stateInfo[s].id
}

// Title returns the Russian name of the state.
func (s State) Title() string {
	if s < StateDraft || s > StateApproved {
		return "неизвестно"
	}
	return stateInfo[s].title
}

// MarshalText encodes the machine name.
func (s State) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a machine name.
func (s *State) UnmarshalText(b []byte) error {
	if s == nil {
		return nilArg("State", "UnmarshalText on a nil *State", "не передано, куда записать состояние акта")
	}
	for k := StateDraft; k <= StateApproved; k++ {
		if k.String() == string(b) {
			*s = k
			return nil
		}
	}
	return fmt.Errorf("%w: unknown act state %q", ErrInvalid, b)
}

// stepWindowYears is how long after its date an act's steps may be dated
// (see Act).
const stepWindowYears = 1

// lateStep records a problem on field prefix+name when at falls more than
// stepWindowYears after the act's date (in the operator's zone).
func (a *Act) lateStep(p *pdata.Problems, prefix, name string, basis pdata.Basis, at time.Time) {
	if at.IsZero() || a.c.Date == date.Zero {
		return
	}
	limit := retention.AddYears(a.c.Date, stepWindowYears)
	if day := a.dateOf(at); day > limit {
		p.Add(prefix+name, "too_late", basis,
			fmt.Sprintf("the moment %s is more than a year after the act's date %s (no later than %s): pass the real time of the step",
				day.FormatISO(4), a.c.Date.FormatISO(4), limit.FormatISO(4)),
			fmt.Sprintf("Дата действия %s отстоит от даты акта %s более чем на год (не позднее %s): укажите фактические дату и время",
				formatDate(day), formatDate(a.c.Date), formatDate(limit)))
	}
}

// Header is what identifies an act: the host's key, the printed number,
// the date it is drawn up and the place (policy 9.13). Place is printed and
// must not hold an identifier (SNILS, INN, passport, phone) in full.
type Header struct {
	// ID is the host's key for the act; unique in the store.
	ID string `json:"id"`
	// Number is the act's number as printed («7-У»).
	Number string `json:"number"`
	// Date is the date the act is drawn up.
	Date date.Date `json:"date"`
	// Place is where it is drawn up (address or premises).
	Place string `json:"place"`
}

// Party is an organisation or person named by name and address: a
// processor acting on the operator's behalf (лицо, осуществляющее
// обработку по поручению оператора; RKN order 179 п. 3 «б»). Neither may
// hold an identifier (SNILS, INN, passport, phone) in full.
type Party struct {
	Name    string `json:"name"`    // name of the organisation, or full name of a person
	Address string `json:"address"` // its address
}

// Entry is an item as the act holds it, with the moment the commission
// checked that the medium is present (policy 9.7).
type Entry struct {
	// Item is the selected item, with Method and Basis filled in.
	Item Item `json:"item"`
	// Checked is when the medium was found present; zero until checked.
	Checked time.Time `json:"checked,omitzero"`
}

// MediaSeal records that the chair packed and sealed the checked media
// (policy 9.9).
type MediaSeal struct {
	By pdata.Official `json:"by"` // the chair
	At time.Time      `json:"at"` // when the media were sealed
}

// Destruction records the destruction itself: when and where it took place
// and who was present (policy 9.10, 9.13; RKN order 179 п. 3 «г», «к»).
type Destruction struct {
	// At is the date and time of destruction.
	At time.Time `json:"at"`
	// Place is where the media were destroyed; it must not hold an
	// identifier in full.
	Place string `json:"place"`
	// Present are the people who destroyed the data: every member of the
	// commission, and nobody else (9.10). They sign the act.
	Present []pdata.Official `json:"present"`
}

// ActRef names another act: a destruction act's selection act, or the act
// a new one supersedes.
type ActRef struct {
	ID     string    `json:"id"`     // the act's key
	Number string    `json:"number"` // its printed number
	Date   date.Date `json:"date"`   // its date
	// Digest is the referenced act's seal (hex SHA-256).
	Digest string `json:"digest"`
	// Approved is when the referenced act was approved (zero if it was not).
	Approved time.Time `json:"approved,omitzero"`
}

// Replacement names the sealed act a new act supersedes, and why (policy
// 9.6: an act is never corrected, only replaced).
type Replacement struct {
	Act    ActRef `json:"act"`    // the superseded act, with its seal
	Reason string `json:"reason"` // why it was superseded, in Russian
}

// Content is everything an act says. It is sealed by the first signature:
// from then on its canonical encoding must hash to the act's digest.
type Content struct {
	ID     string    `json:"id"`     // the act's key
	Kind   ActKind   `json:"kind"`   // selection or destruction act
	Number string    `json:"number"` // the printed number
	Date   date.Date `json:"date"`   // the date it is drawn up (9.13)
	Place  string    `json:"place"`  // the place it is drawn up (9.13)
	// Zone is the IANA name of the operator's time zone, in which moments
	// are printed.
	Zone string `json:"zone"`
	// Operator names the operator (RKN order 179 п. 3 «а») and its head,
	// who approves the act.
	Operator pdata.Operator `json:"operator"`
	// Processors are those who processed the data on the operator's behalf
	// (179 п. 3 «б»); empty when processing was not delegated.
	Processors []Party `json:"processors,omitempty"`
	// Commission is the commission that draws up and signs the act (9.2).
	Commission Commission `json:"commission"`
	// Items are the selected media, in the order they were added.
	Items []Entry `json:"items"`
	// MediaSeal records the sealing of the media (selection act, 9.9).
	MediaSeal *MediaSeal `json:"media_seal,omitempty"`
	// Selection names a destruction act's approved selection act.
	Selection *ActRef `json:"selection,omitempty"`
	// Destruction records the destruction (destruction act, 9.10, 9.13).
	Destruction *Destruction `json:"destruction,omitempty"`
	// Replaces names the sealed act this one supersedes (9.6).
	Replaces *Replacement `json:"replaces,omitempty"`
}

func (c Content) clone() Content {
	c.Processors = slices.Clone(c.Processors)
	c.Commission = c.Commission.clone()
	c.Operator.Sites = slices.Clone(c.Operator.Sites)
	items := make([]Entry, len(c.Items))
	for i, e := range c.Items {
		e.Item.Subjects = slices.Clone(e.Item.Subjects)
		items[i] = e
	}
	c.Items = items
	if c.MediaSeal != nil {
		s := *c.MediaSeal
		c.MediaSeal = &s
	}
	if c.Selection != nil {
		s := *c.Selection
		c.Selection = &s
	}
	if c.Destruction != nil {
		d := *c.Destruction
		d.Present = slices.Clone(d.Present)
		c.Destruction = &d
	}
	if c.Replaces != nil {
		r := *c.Replaces
		c.Replaces = &r
	}
	return c
}

// Signature is a member's signature on a sealed act (policy 9.8, 9.12;
// RKN order 179 п. 3 «г»). It records the digest it was given on.
type Signature struct {
	Member pdata.Official `json:"member"` // the member who signed
	At     time.Time      `json:"at"`     // when
	Digest string         `json:"digest"` // the seal signed
}

// Approval is the operator's approval (утверждение) of a signed act by its
// head (policy 9.8, 9.12).
type Approval struct {
	By     pdata.Official `json:"by"`     // the head of the operator
	At     time.Time      `json:"at"`     // when
	Digest string         `json:"digest"` // the seal approved
}

// Act is a selection act or a destruction act with its lifecycle. Build one
// with NewSelectionAct or NewDestructionAct and move it through its steps:
//
//	selection act:   Add → Check → SealMedia → Sign (every member) → Approve
//	destruction act: Check → RecordDestruction → Sign (every member) → Approve
//
// A step out of order returns a *StateError (errors.Is(err, ErrState)) and
// changes nothing; so does bad input (a *pdata.ValidationError). The first
// signature seals the content (policy 9.6): later edits fail with ErrSealed
// and the act can only be superseded (Supersede). An Act is not safe for
// concurrent use; read its content through Content, which returns a copy.
//
// Every step takes the moment it happened: the library never reads the
// clock, so the host passes the real time of the check, the sealing, the
// destruction, each signature and the approval. Each step must be dated no
// earlier than the one before it, so a moment given wrongly in the future
// would block every later step; a moment more than a year after the act's
// date is therefore refused as a mistake (rule "too_late"): the whole
// procedure, destruction within 30 days included (policy 9.3), takes far
// less. Verify applies the same bound to an act read back.
type Act struct {
	c          Content
	loc        *time.Location
	digest     string
	signatures []Signature
	approval   *Approval
	version    int
}

// NewSelectionAct starts a selection act (policy 9.4, 9.5) drawn up by the
// commission for the operator. Processors are named when the operator had
// data processed on its behalf (RKN order 179 п. 3 «б»). It checks the
// header (ID, number, date, place: 9.13), the operator's details (179 п. 3
// «а»: name and address), the commission (9.2: appointed by an order dated
// no later than the act) and the processors, and reports every problem at
// once as a *pdata.ValidationError.
func NewSelectionAct(h Header, op pdata.Operator, c Commission, processors ...Party) (*Act, error) {
	var p pdata.Problems
	validateHeader(&p, h)
	if err := op.Validate(); err != nil {
		p.AddError("Operator", basisOperator, err)
	}
	loc, zone := operatorZone(&p, op)
	c.validate(&p, "Commission.")
	if c.Order.Date != date.Zero && h.Date != date.Zero && c.Order.Date > h.Date {
		p.Add("Commission.Order.Date", "order_after_act", basisCommission,
			"the commission was appointed after the act's date",
			"Приказ о создании комиссии датирован позже акта")
	}
	validateProcessors(&p, processors)
	if err := p.Err(); err != nil {
		return nil, err
	}
	op.Location = loc
	return &Act{
		c: Content{
			ID: h.ID, Kind: SelectionAct, Number: h.Number, Date: h.Date, Place: h.Place, Zone: zone,
			Operator: op, Processors: slices.Clone(processors), Commission: c.clone(), Items: []Entry{},
		},
		loc: loc,
	}, nil
}

// NewDestructionAct starts the destruction act (policy 9.10–9.14; RKN order
// 179 п. 3) for the media of an approved selection act: it takes the
// operator, processors, commission and items from it, and names it. Its
// items must be checked again (9.7) before the destruction is recorded.
// The selection act must be approved and must verify; the destruction
// act's date may not precede the approval.
func NewDestructionAct(h Header, sel *Act) (*Act, error) {
	if sel == nil || sel.c.Kind != SelectionAct {
		return nil, nilArg("Selection", "a destruction act needs its selection act",
			"акт об уничтожении составляется на основании утверждённого акта об отборе носителей (Положение п. 9.10)")
	}
	if st := sel.State(); st != StateApproved {
		return nil, &StateError{Act: sel.c.Number, Step: "start a destruction act", State: st,
			Reason:   "the selection act is not approved yet (policy 9.10: destruction follows approval)",
			ReasonRU: "акт об отборе ещё не утверждён: уничтожение проводится после утверждения акта (Положение п. 9.10)"}
	}
	if err := sel.Verify(); err != nil {
		return nil, err
	}
	var p pdata.Problems
	validateHeader(&p, h)
	approved := sel.dateOf(sel.approval.At)
	if h.Date != date.Zero && h.Date < approved {
		p.Add("Date", "before_approval", basisPresence,
			"the destruction act cannot be dated before the selection act was approved",
			"Акт об уничтожении не может быть датирован ранее утверждения акта об отборе")
	}
	if h.ID == sel.c.ID {
		p.Add("ID", "duplicate_id", basisNoCorrect, "the destruction act needs its own ID", "У акта об уничтожении должен быть свой идентификатор")
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	c := sel.c.clone()
	c.ID, c.Kind, c.Number, c.Date, c.Place = h.ID, DestructionAct, h.Number, h.Date, h.Place
	c.MediaSeal, c.Replaces, c.Destruction = nil, nil, nil
	for i := range c.Items {
		c.Items[i].Checked = time.Time{}
	}
	ref := sel.Ref()
	c.Selection = &ref
	return &Act{c: c, loc: sel.loc}, nil
}

func validateHeader(p *pdata.Problems, h Header) {
	if strings.TrimSpace(h.ID) == "" {
		p.Add("ID", "required", basisActFields, "the act needs an ID", "У акта нет идентификатора")
	}
	if strings.TrimSpace(h.Number) == "" {
		p.Add("Number", "required", basisActFields, "the act needs a number", "Не указан номер акта")
	}
	if h.Date == date.Zero {
		p.Add("Date", "required", basisActFields, "the act needs its date", "Не указана дата составления акта")
	}
	if strings.TrimSpace(h.Place) == "" {
		p.Add("Place", "required", basisActFields, "the act needs the place it is drawn up", "Не указано место составления акта")
	}
	noIdentifier(p, "", "Place", h.Place, "the place the act is drawn up", "Место составления акта")
}

// validateProcessors checks the processors named in an act (RKN order 179
// п. 3 «б»): a name and an address each, without an identifier in full.
func validateProcessors(p *pdata.Problems, processors []Party) {
	for i, pr := range processors {
		field := fmt.Sprintf("Processors[%d]", i)
		if strings.TrimSpace(pr.Name) == "" || strings.TrimSpace(pr.Address) == "" {
			p.Add(field, "required", basisProcessor,
				"a processor needs its name and address",
				"Для лица, обрабатывавшего данные по поручению оператора, нужны наименование (ФИО) и адрес")
		}
		noIdentifier(p, field, ".Name", pr.Name, "a processor's name", "Наименование (ФИО) лица, обрабатывавшего данные по поручению")
		noIdentifier(p, field, ".Address", pr.Address, "a processor's address", "Адрес лица, обрабатывавшего данные по поручению")
	}
}

func operatorZone(p *pdata.Problems, op pdata.Operator) (*time.Location, string) {
	name := op.Zone().String()
	loc, err := time.LoadLocation(name)
	if name == "Local" || err != nil {
		p.Add("Operator.Location", "time_zone", basisActFields,
			"the operator's time zone must be a named IANA zone (\"Europe/Samara\")",
			"Часовой пояс оператора должен быть указан по названию (например, Europe/Samara)")
		return time.UTC, "UTC"
	}
	return loc, name
}

// The accessors below answer a nil *Act with zero values; the methods that
// return an error answer it with an error wrapping ErrInvalid.

// ID returns the act's key.
func (a *Act) ID() string {
	if a == nil {
		return ""
	}
	return a.c.ID
}

// Kind returns whether this is a selection or a destruction act.
func (a *Act) Kind() ActKind {
	if a == nil {
		return 0
	}
	return a.c.Kind
}

// Number returns the act's printed number.
func (a *Act) Number() string {
	if a == nil {
		return ""
	}
	return a.c.Number
}

// Version returns the store version this value was loaded or last saved as
// (0: never saved). See Archive.
func (a *Act) Version() int {
	if a == nil {
		return 0
	}
	return a.version
}

// Content returns a copy of what the act says.
func (a *Act) Content() Content {
	if a == nil {
		return Content{}
	}
	return a.c.clone()
}

// Signatures returns the signatures given so far, in order.
func (a *Act) Signatures() []Signature {
	if a == nil {
		return nil
	}
	return slices.Clone(a.signatures)
}

// Approval returns the operator's approval, if given.
func (a *Act) Approval() (Approval, bool) {
	if a == nil || a.approval == nil {
		return Approval{}, false
	}
	return *a.approval, true
}

// Sealed reports whether the act has been sealed by a first signature.
func (a *Act) Sealed() bool { return a != nil && a.digest != "" }

// Digest returns the act's seal: the hex SHA-256 of its canonical content.
// For an act not yet sealed it returns the digest of the content as it is
// now, which changes with every edit.
func (a *Act) Digest() string {
	if a == nil {
		return ""
	}
	if a.digest != "" {
		return a.digest
	}
	return a.computeDigest()
}

// Ref returns a reference to this act, with its digest and approval moment.
func (a *Act) Ref() ActRef {
	if a == nil {
		return ActRef{}
	}
	r := ActRef{ID: a.c.ID, Number: a.c.Number, Date: a.c.Date, Digest: a.Digest()}
	if a.approval != nil {
		r.Approved = a.approval.At
	}
	return r
}

// State returns where the act stands (0, no state, for a nil *Act).
func (a *Act) State() State {
	switch {
	case a == nil:
		return 0
	case a.approval != nil:
		return StateApproved
	case len(a.signatures) > 0 && len(a.signatures) >= len(a.c.Commission.All()):
		return StateSigned
	case len(a.signatures) > 0:
		return StateSigning
	case a.c.Destruction != nil:
		return StateDestroyed
	case a.c.MediaSeal != nil:
		return StateMediaSealed
	case a.allChecked():
		return StateChecked
	}
	return StateDraft
}

func (a *Act) allChecked() bool {
	if len(a.c.Items) == 0 {
		return false
	}
	for _, e := range a.c.Items {
		if e.Checked.IsZero() {
			return false
		}
	}
	return true
}

// dateOf returns the date of a moment in the operator's zone.
func (a *Act) dateOf(t time.Time) date.Date { return date.NewAt(t.In(a.loc)) }

// lastMoment is the latest moment the content records.
func (a *Act) lastMoment() time.Time {
	var last time.Time
	for _, e := range a.c.Items {
		if e.Checked.After(last) {
			last = e.Checked
		}
	}
	if a.c.MediaSeal != nil && a.c.MediaSeal.At.After(last) {
		last = a.c.MediaSeal.At
	}
	if a.c.Destruction != nil && a.c.Destruction.At.After(last) {
		last = a.c.Destruction.At
	}
	return last
}

func (a *Act) stateErr(step, en, ru string) *StateError {
	return &StateError{Act: a.c.Number, Step: step, State: a.State(), Reason: en, ReasonRU: ru}
}

// editable returns an error when the content may no longer be edited.
func (a *Act) editable(step string) error {
	if a.digest != "" {
		e := a.stateErr(step, "the act is signed and sealed; supersede it with a new act (policy 9.6)",
			"акт подписан, исправления в нём не допускаются; составьте новый акт взамен (Положение п. 9.6)")
		e.sealed = true
		return e
	}
	if a.c.MediaSeal != nil {
		return a.stateErr(step, "the media are already packed and sealed by the chair (policy 9.9)",
			"носители уже сложены и опечатаны председателем комиссии (Положение п. 9.9)")
	}
	if a.c.Destruction != nil {
		return a.stateErr(step, "the destruction is already recorded",
			"уничтожение уже проведено и отражено в акте")
	}
	return nil
}

// Add puts items into a draft selection act (policy 9.4, 9.5). Each item is
// validated as of the act's date (Item.Validate): one not yet due (9.1), a
// method unfit for its medium (9.11), a missing ground (9.4) or a record
// already in the act refuses the whole call with a *pdata.ValidationError
// naming every problem ("Items[2].DestroyFrom"), and nothing is added.
// Method and Basis left zero are filled in. Items of a destruction act come
// from its selection act, so Add refuses them.
func (a *Act) Add(items ...Item) error {
	if a == nil {
		return errNilAct()
	}
	if err := a.editable("add items"); err != nil {
		return err
	}
	if a.c.Kind == DestructionAct {
		return a.stateErr("add items", "a destruction act destroys only what its approved selection act lists (policy 9.10)",
			"в акт об уничтожении включаются только носители из утверждённого акта об отборе (Положение п. 9.10)")
	}
	var p pdata.Problems
	seen := make(map[string]bool, len(a.c.Items)+len(items))
	for _, e := range a.c.Items {
		seen[e.Item.RecordID] = true
	}
	norm := make([]Entry, len(items))
	for i, it := range items {
		it = it.normalized()
		prefix := fmt.Sprintf("Items[%d].", i)
		it.validate(&p, prefix, a.c.Date)
		if it.RecordID != "" && seen[it.RecordID] {
			p.Add(prefix+"RecordID", "duplicate_item", basisSelection,
				fmt.Sprintf("record %s is already in the act", recordEN(it.RecordID)),
				fmt.Sprintf("Запись %s уже включена в акт", recordRU(it.RecordID)))
		}
		seen[it.RecordID] = true
		norm[i] = Entry{Item: it}
	}
	if err := p.Err(); err != nil {
		return err
	}
	a.c.Items = append(a.c.Items, norm...)
	return nil
}

// Remove takes an item out of an act that is not yet sealed — for example a
// medium the commission did not find (policy 9.7). It returns an error
// wrapping ErrNotFound when the act has no such record.
func (a *Act) Remove(recordID string) error {
	if a == nil {
		return errNilAct()
	}
	if err := a.editable("remove an item"); err != nil {
		return err
	}
	i := a.find(recordID)
	if i < 0 {
		return fmt.Errorf("%w: act № %s has no record %s", ErrNotFound, a.c.Number, strconv.Quote(recordEN(recordID)))
	}
	a.c.Items = slices.Delete(a.c.Items, i, i+1)
	return nil
}

func (a *Act) find(recordID string) int {
	return slices.IndexFunc(a.c.Items, func(e Entry) bool { return e.Item.RecordID == recordID })
}

// Check records that the commission found the medium of one item present
// at the moment at (policy 9.7). The moment may not fall before the act's
// date, nor more than a year after it (see Act). Checking an item already
// checked keeps the first moment. An unknown record gives an error wrapping
// ErrNotFound.
//
// Check takes no person: policy 9.7 gives the check to the commission as a
// body («Комиссия проверяет наличие всех носителей»), and every member
// attests it by signing the act once the check is over (9.8: «По окончании
// сверки акт подписывается всеми членами комиссии»); the act cannot be
// approved before they all have. Whoever enters the check in the host
// records the commission's finding, which the signatures then confirm.
func (a *Act) Check(recordID string, at time.Time) error {
	if a == nil {
		return errNilAct()
	}
	if err := a.editable("check an item"); err != nil {
		return err
	}
	i := a.find(recordID)
	if i < 0 {
		return fmt.Errorf("%w: act № %s has no record %s", ErrNotFound, a.c.Number, strconv.Quote(recordEN(recordID)))
	}
	if err := a.checkMoment(at); err != nil {
		return err
	}
	if a.c.Items[i].Checked.IsZero() {
		a.c.Items[i].Checked = at.UTC()
	}
	return nil
}

// CheckAll records that every item not yet checked was found present at
// the moment at (policy 9.7), under the rules of Check.
func (a *Act) CheckAll(at time.Time) error {
	if a == nil {
		return errNilAct()
	}
	if err := a.editable("check items"); err != nil {
		return err
	}
	if len(a.c.Items) == 0 {
		return a.stateErr("check items", "the act has no items", "в акте нет ни одного носителя")
	}
	if err := a.checkMoment(at); err != nil {
		return err
	}
	for i := range a.c.Items {
		if a.c.Items[i].Checked.IsZero() {
			a.c.Items[i].Checked = at.UTC()
		}
	}
	return nil
}

func (a *Act) checkMoment(at time.Time) error {
	var p pdata.Problems
	switch {
	case at.IsZero():
		p.Add("Checked", "required", basisCheck, "the moment of the check is missing", "Не указано время проверки наличия носителей")
	case a.dateOf(at) < a.c.Date:
		p.Add("Checked", "before_act", basisCheck,
			"media cannot be checked before the act is drawn up",
			"Проверка наличия носителей не может предшествовать составлению акта")
	}
	a.lateStep(&p, "", "Checked", basisCheck, at)
	return p.Err()
}

// SealMedia records that the chair packed and sealed the checked media
// (policy 9.9). Selection acts only, after every item is checked; by must be
// the chair (ErrForbidden otherwise).
func (a *Act) SealMedia(by pdata.Official, at time.Time) error {
	if a == nil {
		return errNilAct()
	}
	if a.c.Kind != SelectionAct {
		return a.stateErr("seal media", "media are sealed under the selection act (policy 9.9)",
			"носители опечатываются по акту об отборе (Положение п. 9.9)")
	}
	if st := a.State(); st != StateChecked {
		if err := a.editable("seal media"); err != nil {
			return err
		}
		return a.stateErr("seal media", "every item must be checked as present first (policy 9.7)",
			"сначала комиссия проверяет наличие всех носителей, включённых в акт (Положение п. 9.7)")
	}
	if !sameOfficial(by, a.c.Commission.Chair) {
		return &ForbiddenError{Act: a.c.Number, Step: "seal media", Person: by.ShortName(),
			Reason:   "only the chair of the commission seals the selected media (policy 9.9)",
			ReasonRU: "опечатывает носители председатель комиссии (Положение п. 9.9)"}
	}
	var p pdata.Problems
	if at.IsZero() {
		p.Add("MediaSeal.At", "required", basisMediaSealed, "the moment of sealing is missing", "Не указано время опечатывания носителей")
	} else if at.Before(a.lastMoment()) {
		p.Add("MediaSeal.At", "before_check", basisMediaSealed, "media cannot be sealed before they were checked",
			"Носители не могут быть опечатаны до проверки их наличия")
	}
	a.lateStep(&p, "", "MediaSeal.At", basisMediaSealed, at)
	if err := p.Err(); err != nil {
		return err
	}
	a.c.MediaSeal = &MediaSeal{By: a.c.Commission.Chair, At: at.UTC()}
	return nil
}

// RecordDestruction records that the media of a destruction act were
// destroyed (policy 9.10, 9.11, 9.13; RKN order 179 п. 3 «г», «к»): when,
// where, and in whose presence. Every item must be checked first (9.7);
// every member of the commission must be present, and only they (9.10);
// the moment may not precede the selection act's approval (9.10) or fall
// before any item's DestroyFrom (9.1). An item past its DestroyBy is not
// refused — the data must still go — but the act prints that the term of
// policy 9.3 was missed.
func (a *Act) RecordDestruction(d Destruction) error {
	if a == nil {
		return errNilAct()
	}
	if a.c.Kind != DestructionAct {
		return a.stateErr("record the destruction", "the destruction is recorded in the destruction act (policy 9.12)",
			"уничтожение отражается в акте об уничтожении (Положение п. 9.12)")
	}
	if st := a.State(); st != StateChecked {
		if err := a.editable("record the destruction"); err != nil {
			return err
		}
		return a.stateErr("record the destruction", "every item must be checked as present first (policy 9.7)",
			"сначала комиссия проверяет наличие всех носителей, включённых в акт (Положение п. 9.7)")
	}
	var p pdata.Problems
	if strings.TrimSpace(d.Place) == "" {
		p.Add("Destruction.Place", "required", basisActFields, "the place of destruction is missing", "Не указано место уничтожения")
	}
	noIdentifier(&p, "", "Destruction.Place", d.Place, "the place of destruction", "Место уничтожения")
	switch {
	case d.At.IsZero():
		p.Add("Destruction.At", "required", basisActFields, "the date and time of destruction are missing", "Не указаны дата и время уничтожения")
	case a.c.Selection != nil && d.At.Before(a.c.Selection.Approved):
		p.Add("Destruction.At", "before_approval", basisPresence,
			"media may be destroyed only after the selection act is approved",
			"Уничтожение проводится только после утверждения акта об отборе (Положение п. 9.10)")
	case d.At.Before(a.lastMoment()):
		p.Add("Destruction.At", "before_check", basisCheck,
			"media cannot be destroyed before they were checked",
			"Уничтожение не может предшествовать проверке наличия носителей")
	}
	a.lateStep(&p, "", "Destruction.At", basisActFields, d.At)
	for _, m := range a.c.Commission.All() {
		if !slices.ContainsFunc(d.Present, func(o pdata.Official) bool { return sameOfficial(o, m) }) {
			p.Add("Destruction.Present", "member_absent", basisPresence,
				fmt.Sprintf("%s (%s) of the commission was not present: destruction needs every member", m.ShortName(), m.Position),
				fmt.Sprintf("Не присутствовал член комиссии %s (%s): уничтожение проводится в присутствии всех членов комиссии", m.ShortName(), m.Position))
		}
	}
	for i, o := range d.Present {
		if !a.c.Commission.Has(o) {
			p.Add(fmt.Sprintf("Destruction.Present[%d]", i), "not_member", basisPresence,
				fmt.Sprintf("%s is not on the commission: appoint whoever destroys data to the commission", o.ShortName()),
				fmt.Sprintf("%s не входит в комиссию: уничтожение проводят члены комиссии", o.ShortName()))
		}
	}
	if !d.At.IsZero() {
		day := a.dateOf(d.At)
		for i, e := range a.c.Items {
			if e.Item.DestroyFrom > day {
				p.Add(fmt.Sprintf("Items[%d].DestroyFrom", i), "not_yet_due", basisNotYetDue,
					fmt.Sprintf("record %s may not be destroyed before %s", recordEN(e.Item.RecordID), e.Item.DestroyFrom.FormatISO(4)),
					fmt.Sprintf("Запись %s нельзя уничтожать ранее %s", recordRU(e.Item.RecordID), formatDate(e.Item.DestroyFrom)))
			}
		}
	}
	if err := p.Err(); err != nil {
		return err
	}
	// Recorded in the commission's order, whatever order they were given in.
	a.c.Destruction = &Destruction{At: d.At.UTC(), Place: d.Place, Present: a.c.Commission.All()}
	return nil
}

// Sign records a member's signature (policy 9.8 for the selection act,
// 9.12 for the destruction act; RKN order 179 п. 3 «г»). A selection act
// can be signed once its media are sealed (9.9); a destruction act once the
// destruction is recorded. The first signature seals the act: its content
// is hashed and can no longer be changed (9.6). A person outside the
// commission gets ErrForbidden; a second signature by the same member, or
// a signature dated before the last recorded step, is refused.
func (a *Act) Sign(member pdata.Official, at time.Time) error {
	if a == nil {
		return errNilAct()
	}
	st := a.State()
	ready := (a.c.Kind == SelectionAct && st == StateMediaSealed) ||
		(a.c.Kind == DestructionAct && st == StateDestroyed) || st == StateSigning
	if !ready {
		switch {
		case st == StateSigned || st == StateApproved:
			return a.stateErr("sign", "every member has already signed", "акт уже подписан всеми членами комиссии")
		case a.c.Kind == SelectionAct:
			return a.stateErr("sign", "the act is signed after every medium is checked (9.7) and the media are sealed by the chair (9.9)",
				"акт подписывается после проверки наличия всех носителей и их опечатывания председателем комиссии (Положение пп. 9.7–9.9)")
		default:
			return a.stateErr("sign", "the destruction act is signed after the media are checked and destroyed (9.10, 9.12)",
				"акт об уничтожении подписывается после проверки и уничтожения носителей (Положение пп. 9.10, 9.12)")
		}
	}
	if !a.c.Commission.Has(member) {
		return &ForbiddenError{Act: a.c.Number, Step: "sign", Person: member.ShortName(),
			Reason:   "only members of the commission sign the act (policy 9.8)",
			ReasonRU: "акт подписывают члены комиссии (Положение п. 9.8)"}
	}
	for _, s := range a.signatures {
		if sameOfficial(s.Member, member) {
			return a.stateErr("sign", member.ShortName()+" has already signed", member.ShortName()+" уже подписал(а) акт")
		}
	}
	var p pdata.Problems
	if at.IsZero() || at.Before(a.lastMoment()) {
		p.Add("Signature.At", "before_content", basisSigning,
			"a signature needs its moment, no earlier than the last step the act records",
			"Подпись должна быть датирована не ранее последнего действия, отражённого в акте")
	}
	a.lateStep(&p, "", "Signature.At", basisSigning, at)
	if err := p.Err(); err != nil {
		return err
	}
	if a.digest == "" {
		a.digest = a.computeDigest()
	}
	for _, m := range a.c.Commission.All() {
		if sameOfficial(m, member) {
			member = m
		}
	}
	a.signatures = append(a.signatures, Signature{Member: member, At: at.UTC(), Digest: a.digest})
	return nil
}

// Approve records the operator's approval of an act signed by every member
// (policy 9.8, 9.12). by must be the head of the operator named in the act
// (ErrForbidden otherwise); the moment may not precede the last signature.
func (a *Act) Approve(by pdata.Official, at time.Time) error {
	if a == nil {
		return errNilAct()
	}
	if st := a.State(); st != StateSigned {
		if st == StateApproved {
			return a.stateErr("approve", "the act is already approved", "акт уже утверждён")
		}
		return a.stateErr("approve", "every member of the commission must sign first (policy 9.8)",
			"акт утверждается после подписания всеми членами комиссии (Положение п. 9.8)")
	}
	if !sameOfficial(by, a.c.Operator.Head) {
		return &ForbiddenError{Act: a.c.Number, Step: "approve", Person: by.ShortName(),
			Reason:   "the act is approved by the head of the operator named in it (policy 9.8, 9.12)",
			ReasonRU: "акт утверждает руководитель Оператора (Положение пп. 9.8, 9.12)"}
	}
	last := a.signatures[len(a.signatures)-1].At
	for _, s := range a.signatures {
		if s.At.After(last) {
			last = s.At
		}
	}
	var p pdata.Problems
	if at.IsZero() || at.Before(last) {
		p.Add("Approval.At", "before_signatures", basisApproval,
			"the approval needs its moment, no earlier than the last signature",
			"Утверждение должно быть датировано не ранее последней подписи")
	}
	a.lateStep(&p, "", "Approval.At", basisApproval, at)
	if err := p.Err(); err != nil {
		return err
	}
	a.approval = &Approval{By: a.c.Operator.Head, At: at.UTC(), Digest: a.digest}
	return nil
}

// Supersede starts a new act that replaces this sealed one (policy 9.6:
// an act is never corrected). The new act copies the content, names this
// act with its digest and the reason, and starts unsealed: the steps after
// the check (sealing the media, recording the destruction) and every
// signature and the approval are done again. This act stays as it is; keep
// both. The reason is printed and must not hold an identifier in full.
func (a *Act) Supersede(h Header, reason string) (*Act, error) {
	if a == nil {
		return nil, errNilAct()
	}
	if a.digest == "" {
		return nil, a.stateErr("supersede", "only a sealed act is superseded; a draft is simply edited",
			"заменяется только подписанный акт; проект исправляется без замены")
	}
	if err := a.Verify(); err != nil {
		return nil, err
	}
	var p pdata.Problems
	validateHeader(&p, h)
	if strings.TrimSpace(reason) == "" {
		p.Add("Reason", "required", basisNoCorrect, "say why the act is superseded", "Не указана причина замены акта")
	}
	noIdentifier(&p, "", "Reason", reason, "the reason for superseding the act", "Причина замены акта")
	if h.ID == a.c.ID {
		p.Add("ID", "duplicate_id", basisNoCorrect, "the new act needs its own ID", "У нового акта должен быть свой идентификатор")
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	c := a.c.clone()
	c.ID, c.Number, c.Date, c.Place = h.ID, h.Number, h.Date, h.Place
	c.MediaSeal, c.Destruction = nil, nil
	c.Replaces = &Replacement{Act: a.Ref(), Reason: reason}
	return &Act{c: c, loc: a.loc}, nil
}

// ForbiddenError reports a step taken by someone who may not take it. It
// matches ErrForbidden with errors.Is.
type ForbiddenError struct {
	// Act is the act's number, Step the step refused, Person who tried it
	// («Фамилия И. О.»).
	Act, Step, Person string
	// Reason and ReasonRU say who may take the step.
	Reason, ReasonRU string
}

// Error returns the English explanation.
func (e *ForbiddenError) Error() string {
	if e == nil {
		return ErrForbidden.Error()
	}
	return fmt.Sprintf("destruction: act № %s: %s may not %s: %s", e.Act, e.Person, e.Step, e.Reason)
}

// Russian returns the explanation for staff.
func (e *ForbiddenError) Russian() string {
	if e == nil {
		return "Действие не разрешено этому лицу"
	}
	return fmt.Sprintf("Акт № %s: %s — %s", e.Act, e.Person, e.ReasonRU)
}

// Unwrap makes errors.Is(err, ErrForbidden) true.
func (e *ForbiddenError) Unwrap() error { return ErrForbidden }

// Overdue reports, for each item, whether the deadline of policy 9.3 (and
// 152-FZ art. 21) was missed: the destruction (or, before it, the act's
// date) falls after the item's DestroyBy. It returns the record IDs.
func (a *Act) Overdue() []string {
	if a == nil {
		return nil
	}
	day := a.c.Date
	if a.c.Destruction != nil {
		day = a.dateOf(a.c.Destruction.At)
	}
	var out []string
	for _, e := range a.c.Items {
		if e.Item.DestroyBy != date.Zero && day > e.Item.DestroyBy {
			out = append(out, e.Item.RecordID)
		}
	}
	return out
}

// Order179InForce reports whether RKN order No. 179 (the requirements for
// confirming destruction) is in force on d: from 1 March 2023 until
// 1 March 2029 (its п. 2). Acts dated outside that window print a warning
// to check the requirements then in force.
func Order179InForce(d date.Date) bool {
	return d >= date.New(2023, time.March, 1) && d < date.New(2029, time.March, 1)
}
