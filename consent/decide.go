package consent

import (
	"math/bits"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Operation is what Decide is asked about: an operation on some of one
// subject's data, for a purpose, at a moment.
//
// The moment is a time.Time because withdrawals are received at moments: an
// operation at 10:00 still rests on a consent withdrawn at 15:00 the same
// day. Dates (when a consent was given, when it expires, when a withdrawal
// was received) are calendar dates in the operator's time zone; Decide turns
// At into such a date with Rules.Operator.DateOf, so 23:30 Moscow time is
// already the next day for an operator in Samara (UTC+4).
type Operation struct {
	// Kind is the operation.
	Kind OpKind `json:"kind"`
	// SubjectID is the subject the data are about; only consents with this
	// SubjectID count.
	SubjectID string `json:"subject_id"`
	// Subject is the subject's category (policy 2.3); only consents given in
	// this category count.
	Subject pdata.SubjectCategory `json:"subject"`
	// Purpose is the purpose of the operation, compared with a consent's
	// Purposes ignoring case and surrounding spaces.
	Purpose string `json:"purpose"`
	// Categories are the data categories involved.
	Categories []pdata.DataCategory `json:"categories"`
	// Source is where the data come (or came) from; zero means the subject.
	// Data from Rosreestr need no consent to be collected, stored or used
	// (policy 3.4); data from a third party need a ThirdPartySource consent
	// to be collected (policy 6.1.2).
	Source pdata.Source `json:"source,omitempty"`
	// Recipient names the recipient of an OpTransfer (required for it),
	// compared with a consent's Recipients ignoring case, quotes and spaces.
	Recipient string `json:"recipient,omitempty"`
	// Resource is the page an OpDistribute publishes on; when set, the
	// distribution consent must list it.
	Resource string `json:"resource,omitempty"`
	// Emergency describes, in Russian, the threat to the subject's life or
	// health an OpTransfer averts; non-empty means the policy 5.3 exception
	// is claimed.
	Emergency string `json:"emergency,omitempty"`
	// At is the moment of the operation.
	At time.Time `json:"at"`
}

// Decision is Decide's answer: whether the operation is permitted, on which
// grounds, and if not, every reason why not.
type Decision struct {
	// Allowed reports whether the operation is permitted.
	Allowed bool `json:"allowed"`
	// Date is the date of the operation in the operator's time zone.
	Date date.Date `json:"date"`
	// Basis joins the citations of the grounds when allowed, or of the
	// reasons when refused.
	Basis pdata.Basis `json:"basis"`
	// Grounds are the grounds relied on, each with the categories it
	// covers; together they cover every category of the operation. Empty
	// when refused.
	Grounds []Ground `json:"grounds,omitempty"`
	// Reasons are every reason for a refusal; empty when allowed.
	Reasons []Reason `json:"reasons,omitempty"`
	// Withdrawals are the consents that would bear on this operation but
	// were withdrawn by its moment, each with the time limit that follows
	// (152-FZ art. 21 part 5), for the requests package to schedule.
	Withdrawals []WithdrawalTerm `json:"withdrawals,omitempty"`
}

// Ground is one ground a permitted operation rests on.
type Ground struct {
	// Kind is the kind of ground.
	Kind GroundKind `json:"kind"`
	// ConsentID is the consent relied on, for GroundConsent.
	ConsentID string `json:"consent_id,omitempty"`
	// Given is that consent's date, for GroundConsent.
	Given date.Date `json:"given,omitzero"`
	// Note is the LegalBasis title for GroundLaw, the threat for
	// GroundVitalInterests.
	Note string `json:"note,omitempty"`
	// Basis is the citation.
	Basis pdata.Basis `json:"basis"`
	// Categories are the data categories this ground covers.
	Categories pdata.CategorySet `json:"categories"`
}

// Title describes the ground in Russian, as shown to staff: «согласие
// субъекта № C-17 от 01.10.2025».
func (g Ground) Title() string {
	switch g.Kind {
	case GroundConsent:
		return "согласие субъекта № " + g.ConsentID + " от " + g.Given.Format("02.01.2006")
	case GroundLaw, GroundVitalInterests:
		if g.Note != "" {
			return g.Kind.Title() + ": " + g.Note
		}
	}
	return g.Kind.Title()
}

// Reason is one reason an operation was refused.
type Reason struct {
	// Rule is a short machine name ("withdrawn", "cross_border", "no_basis").
	Rule string `json:"rule"`
	// ConsentID is the consent the reason concerns, if any.
	ConsentID string `json:"consent_id,omitempty"`
	// Basis is the provision the rule comes from.
	Basis pdata.Basis `json:"basis"`
	// Message explains the reason in English.
	Message string `json:"message"`
	// MessageRU explains the reason in Russian.
	MessageRU string `json:"message_ru"`
}

// WithdrawalTerm is what follows the withdrawal of a consent: processing
// that rests on it stops from the date the withdrawal was received, and the
// data are destroyed within 30 calendar days of that date unless another
// ground remains (152-FZ art. 9 part 2, art. 21 part 5). For a Distribution
// consent the demand to stop distribution ends the consent on receipt and no
// destruction term follows from it (art. 10.1 parts 12–13).
type WithdrawalTerm struct {
	// ConsentID is the consent withdrawn.
	ConsentID string `json:"consent_id"`
	// Kind is its kind.
	Kind Kind `json:"kind"`
	// Received is the date the withdrawal was received: processing on this
	// consent stops from it.
	Received date.Date `json:"received"`
	// DestroyBy is the last day to destroy the data that rested only on
	// this consent (Received + 30 calendar days); date.Zero for a
	// Distribution consent.
	DestroyBy date.Date `json:"destroy_by,omitzero"`
	// Retained reports that the operation judged rests on another ground,
	// so the data it concerns are not to be destroyed for this withdrawal.
	Retained bool `json:"retained"`
	// Basis cites the provisions.
	Basis pdata.Basis `json:"basis"`
}

// DestroyWithinDays is the term of 152-FZ art. 21 part 5: data are
// destroyed within 30 calendar days of receiving the withdrawal.
const DestroyWithinDays = 30

// TermOf returns the time limit that follows c's withdrawal, and false when
// c is not withdrawn. The 30 days are calendar days counted from the day
// after receipt (Civil Code art. 191): a withdrawal received on 10.03.2026
// must be acted on by 09.04.2026.
func TermOf(c Consent) (WithdrawalTerm, bool) {
	if c.Withdrawn == nil {
		return WithdrawalTerm{}, false
	}
	return termOf(&c), true
}

func termOf(c *Consent) WithdrawalTerm {
	t := WithdrawalTerm{ConsentID: c.ID, Kind: c.Kind, Received: c.Withdrawn.Date}
	if c.Kind == Distribution {
		t.Basis = basisStopDistribution
	} else {
		t.Basis = basisWithdrawal
		t.DestroyBy = c.Withdrawn.Date + DestroyWithinDays
	}
	return t
}

// Citations used by Decide.
var (
	basisConsent          = pdata.Cite("152-ФЗ ст. 6 ч. 1 п. 1; ст. 9", "3.3")
	basisConsentTransfer  = pdata.Cite("152-ФЗ ст. 6 ч. 1 п. 1; ст. 9", "5.3")
	basisConsentThird     = pdata.Cite("152-ФЗ ст. 9; ст. 18 ч. 3", "6.1.2")
	basisDistribution     = pdata.Cite("152-ФЗ ст. 10.1", "8.2")
	basisPublic           = pdata.Cite("152-ФЗ ст. 6 ч. 1", "3.4")
	basisVital            = pdata.Cite("152-ФЗ ст. 6 ч. 1 п. 6", "5.3")
	basisAbroad           = pdata.Cite("152-ФЗ ст. 12", "3.5")
	basisArt6             = pdata.Cite("152-ФЗ ст. 6 ч. 1", "")
	basisWithdrawal       = pdata.Cite("152-ФЗ ст. 9 ч. 2; ст. 21 ч. 5", "")
	basisStopDistribution = pdata.Cite("152-ФЗ ст. 10.1 ч. 12; ст. 10.1 ч. 13", "")
	basisSources          = pdata.Cite("152-ФЗ ст. 5 ч. 5", "2.1")
	basisPurpose          = pdata.Cite("152-ФЗ ст. 5 ч. 2; ст. 9 ч. 4 п. 4", "2.1")
	basisSubjectCategory  = pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 4, 5", "2.3")
)

// Reasons a consent on file does not count, as bits.
const (
	failSubject uint16 = 1 << iota
	failUnsigned
	failEmbedded
	failNoESign
	failNotYet
	failWithdrawn
	failExpired
	failActions
	failRecipient
	failResource
	failPurpose
)

// Decide judges op against the consents a subject has given and the rules r,
// without touching a store: the pure core of Decider.Decide. It returns an
// error (a *pdata.ValidationError matching pdata.ErrInvalid) only for a
// malformed operation or malformed rules; a refusal is a Decision with
// Allowed false and its reasons.
//
// The rules, after the seed policy:
//   - special categories are never permitted (152-FZ art. 10, 11; policy
//     6.1.3), nor data the policy does not list for the subject's category
//     (policy 2.3, 2.1), nor data from a source the policy does not allow
//     (2.1, 3.4, 6.1.2), nor cross-border transfer (policy 3.5);
//   - data from Rosreestr that the policy lets come from there may be
//     collected, stored and used without consent (policy 3.4);
//   - otherwise every category must be covered by a ground: a consent on
//     file, a LegalBasis of r, or for a transfer the threat to life or
//     health the operation declares (policy 5.3);
//   - a consent counts only for the subject category it was given in
//     (Consent.SubjectCategory equal to Operation.Subject): its purposes and
//     data are those of that category (152-FZ art. 9 part 4 items 4–5;
//     policy 2.3), so a resident's consent does not cover processing the
//     same person's data as an employee;
//   - a consent counts when it is of a kind that serves the operation
//     (Processing for collect/store/use, ThirdPartySource for collecting
//     from a third party and for storing and using what was so collected,
//     Transfer or a Processing consent naming the recipient for a transfer,
//     Distribution for distribution), is signed, is a separate document where
//     the law requires, was given on or before the operation's date, has not
//     expired and was not withdrawn by the operation's moment, lists the
//     operation's actions and purpose, names the recipient (transfer) and
//     the resource (distribution, when the operation names one).
//
// Consents are tried in the order given; several may together cover the
// categories. Decide trusts that consents on file passed ValidateWith (as
// Decider.Give ensures) and rechecks only what makes one void.
func Decide(consents []Consent, op Operation, r Rules) (Decision, error) {
	if err := checkOperation(op, r); err != nil {
		return Decision{}, err
	}
	day := r.Operator.DateOf(op.At)
	d := Decision{Date: day}
	want := categorySet(op.Categories)
	rule := r.Policy.Rules[op.Subject]
	src := op.Source
	if src == 0 {
		src = pdata.FromSubject
	}

	hardLimits(&d, &op, want, rule, src)
	remaining := want
	if len(d.Reasons) == 0 {
		remaining = findGrounds(&d, consents, &op, r, rule, src, day, want)
		if remaining != 0 {
			explain(&d, consents, &op, src, day, remaining)
		}
	}
	d.Allowed = len(d.Reasons) == 0 && remaining == 0
	if d.Allowed {
		for _, g := range d.Grounds {
			d.Basis = d.Basis.Join(g.Basis)
		}
	} else {
		d.Grounds = nil
		for _, rs := range d.Reasons {
			d.Basis = d.Basis.Join(rs.Basis)
		}
	}
	// Withdrawals that bear on the operation: counted first, so that the
	// list is allocated once.
	kinds := acceptedKinds(op.Kind, src)
	bears := func(c *Consent) bool {
		return c.Withdrawn != nil && c.SubjectID == op.SubjectID && c.SubjectCategory == op.Subject && kinds&(1<<c.Kind) != 0 &&
			withdrawnBy(c.Withdrawn, op.At, day) && coverSet(c)&want != 0
	}
	n := 0
	for i := range consents {
		if bears(&consents[i]) {
			n++
		}
	}
	if n > 0 {
		d.Withdrawals = make([]WithdrawalTerm, 0, n)
		for i := range consents {
			if c := &consents[i]; bears(c) {
				t := termOf(c)
				t.Retained = d.Allowed
				d.Withdrawals = append(d.Withdrawals, t)
			}
		}
	}
	return d, nil
}

func checkOperation(op Operation, r Rules) error {
	var pr pdata.Problems
	if !op.Kind.Valid() {
		pr.Add("Kind", "operation", pdata.Basis{}, "the operation is missing or unknown", "не указана операция с персональными данными")
	}
	if isBlank(op.SubjectID) {
		pr.Add("SubjectID", "required", pdata.Basis{}, "the subject ID is missing", "не указан идентификатор субъекта")
	}
	if _, ok := r.Policy.Rules[op.Subject]; !ok || !op.Subject.Valid() {
		pr.Add("Subject", "subject_category", pdata.Cite("", "2.3"), "the subject's category is missing or not in the policy",
			"категория субъекта не указана или не предусмотрена Положением")
	}
	if isBlank(op.Purpose) {
		pr.Add("Purpose", "required", basisPurpose, "the purpose of the operation is missing", "не указана цель операции")
	}
	if len(op.Categories) == 0 {
		pr.Add("Categories", "required", pdata.Basis{}, "the data categories of the operation are missing", "не указаны категории персональных данных")
	}
	for _, c := range op.Categories {
		if !c.Valid() {
			pr.Add("Categories", "data_category", pdata.Basis{}, "unknown data category", "неизвестная категория персональных данных")
			break
		}
	}
	if op.Source != 0 && !op.Source.Valid() {
		pr.Add("Source", "source", basisSources, "unknown source", "неизвестный источник персональных данных")
	}
	if op.Kind == OpTransfer && isBlank(op.Recipient) {
		pr.Add("Recipient", "required", refTransfer.basis, "a transfer must name its recipient", "для передачи нужно указать получателя")
	}
	if op.At.IsZero() {
		pr.Add("At", "required", pdata.Basis{}, "the moment of the operation is missing", "не указан момент операции")
	} else if day := r.Operator.DateOf(op.At); day < firstDay || day > lastDay {
		pr.Add("At", "date_range", pdata.Basis{}, "the moment of the operation is outside the years 1900–9799",
			"момент операции вне допустимых пределов (1900–9799 годы)")
	}
	for i := range r.Bases {
		if b := &r.Bases[i]; isBlank(b.Basis.Law) {
			pr.Add("Rules.Bases", "required", basisArt6, "a configured legal basis has no citation of law (see Rules.Validate)",
				"у настроенного правового основания нет ссылки на закон")
			break
		}
	}
	return pr.Err()
}

// hardLimits records the refusals no ground can lift.
func hardLimits(d *Decision, op *Operation, want pdata.CategorySet, rule pdata.CategoryRule, src pdata.Source) {
	if op.Kind == OpTransferAbroad {
		d.Reasons = append(d.Reasons, Reason{Rule: "cross_border", Basis: basisAbroad,
			Message:   "the operator does not transfer personal data abroad (policy 3.5; 152-FZ art. 12)",
			MessageRU: "Оператор не осуществляет трансграничную передачу персональных данных"})
	}
	for v := uint64(want); v != 0; v &= v - 1 {
		c := pdata.DataCategory(bits.TrailingZeros64(v))
		switch {
		case c.Special():
			d.Reasons = append(d.Reasons, Reason{Rule: "special_category", Basis: c.SpecialBasis(),
				Message:   "the operator does not process " + c.String() + " data (policy 6.1.3)",
				MessageRU: "Оператор не обрабатывает данные категории «" + c.Title() + "»"})
		case !rule.Allowed.Has(c):
			d.Reasons = append(d.Reasons, Reason{Rule: "category_not_allowed", Basis: pdata.Cite(basisSources.Law, rule.Basis.Policy+", 2.1"),
				Message:   c.String() + " is excessive for a " + op.Subject.String() + " (not in policy " + op.Subject.Clause() + ")",
				MessageRU: "«" + c.Title() + "» — избыточные данные для категории «" + op.Subject.Title() + "»: их нет в п. " + op.Subject.Clause() + " Положения"})
		case op.Kind <= OpUse && !sourceAllowed(rule, c, src):
			b := basisSources.Join(pdata.Cite("", "3.4"))
			if src == pdata.FromThirdParty {
				b = refThirdParty.basis
			}
			d.Reasons = append(d.Reasons, Reason{Rule: "source_not_allowed", Basis: b,
				Message:   c.String() + " may not be obtained from " + src.String() + " under the policy",
				MessageRU: "данные «" + c.Title() + "» по Положению нельзя получать из источника: " + src.Title()})
		}
	}
}

// sourceAllowed reports whether the policy lets data of category c about a
// subject under rule come from src (policy 2.1, 3.4, 6.1.2).
func sourceAllowed(rule pdata.CategoryRule, c pdata.DataCategory, src pdata.Source) bool {
	switch src {
	case pdata.FromSubject:
		return true
	case pdata.FromRosreestr:
		return rule.Public.Has(c)
	case pdata.FromThirdParty:
		return rule.ThirdParty
	}
	return false
}

// acceptedKinds returns, as bits, the kinds of consent that can serve op.
func acceptedKinds(k OpKind, src pdata.Source) uint8 {
	switch k {
	case OpCollect:
		if src == pdata.FromThirdParty {
			return 1 << ThirdPartySource
		}
		return 1 << Processing
	case OpStore, OpUse:
		return 1<<Processing | 1<<ThirdPartySource
	case OpTransfer:
		return 1<<Transfer | 1<<Processing
	case OpDistribute:
		return 1 << Distribution
	}
	return 0
}

func consentBasis(k OpKind, src pdata.Source) pdata.Basis {
	switch {
	case k == OpCollect && src == pdata.FromThirdParty:
		return basisConsentThird
	case k == OpTransfer:
		return basisConsentTransfer
	case k == OpDistribute:
		return basisDistribution
	}
	return basisConsent
}

// coverSet is the set of categories a consent can cover: a distribution
// consent covers only the categories it itemizes.
func coverSet(c *Consent) pdata.CategorySet {
	s := categorySet(c.Categories)
	if c.Kind == Distribution {
		if c.Distribution == nil {
			return 0
		}
		var items pdata.CategorySet
		for i := range c.Distribution.Items {
			items = items.With(c.Distribution.Items[i].Category)
		}
		s &= items
	}
	return s
}

// findGrounds covers the categories of op with grounds, recording each in d,
// and returns the categories left uncovered.
func findGrounds(d *Decision, consents []Consent, op *Operation, r Rules, rule pdata.CategoryRule, src pdata.Source, day date.Date, want pdata.CategorySet) pdata.CategorySet {
	remaining := want
	if src == pdata.FromRosreestr && op.Kind <= OpUse {
		if pub := remaining & rule.Public; pub != 0 {
			d.Grounds = append(d.Grounds, Ground{Kind: GroundPublicSource, Basis: basisPublic, Categories: pub,
				Note: "Росреестр"})
			remaining &^= pub
		}
	}
	kinds := acceptedKinds(op.Kind, src)
	for i := range consents {
		if remaining == 0 {
			break
		}
		c := &consents[i]
		if c.SubjectID != op.SubjectID || kinds&(1<<c.Kind) == 0 {
			continue
		}
		cover := coverSet(c) & remaining
		if cover == 0 || check(c, op, day, false) != 0 {
			continue
		}
		d.Grounds = append(d.Grounds, Ground{Kind: GroundConsent, ConsentID: c.ID, Given: c.Given,
			Basis: consentBasis(op.Kind, src), Categories: cover})
		remaining &^= cover
	}
	for i := range r.Bases {
		if remaining == 0 {
			break
		}
		b := &r.Bases[i]
		if cover := b.covers(op) & remaining; cover != 0 {
			d.Grounds = append(d.Grounds, Ground{Kind: GroundLaw, Note: b.Title, Basis: b.Basis, Categories: cover})
			remaining &^= cover
		}
	}
	if remaining != 0 && op.Kind == OpTransfer && strings.TrimSpace(op.Emergency) != "" {
		d.Grounds = append(d.Grounds, Ground{Kind: GroundVitalInterests, Note: op.Emergency, Basis: basisVital, Categories: remaining})
		remaining = 0
	}
	return remaining
}

// check returns the reasons c does not serve op at day, as bits; with all
// false it stops at the first.
func check(c *Consent, op *Operation, day date.Date, all bool) uint16 {
	var fail uint16
	stop := func() bool { return fail != 0 && !all }
	if c.SubjectCategory != op.Subject {
		fail |= failSubject
	}
	if !c.Signature.Kind.Valid() {
		fail |= failUnsigned
	}
	if !c.Document.Standalone && (c.Kind == Distribution || c.Given >= standaloneFrom) {
		fail |= failEmbedded
	}
	if c.Document.Form == Electronic && !c.Signature.Kind.Electronic() {
		fail |= failNoESign
	}
	if c.Given == date.Zero || c.Given > day {
		fail |= failNotYet
	}
	if c.Withdrawn != nil && withdrawnBy(c.Withdrawn, op.At, day) {
		fail |= failWithdrawn
	}
	if stop() {
		return fail
	}
	for _, need := range opActions[op.Kind] {
		found := false
		for _, a := range c.Actions {
			if a == need {
				found = true
				break
			}
		}
		if !found {
			fail |= failActions
			break
		}
	}
	if op.Kind == OpTransfer {
		found := false
		for i := range c.Recipients {
			if sameName(c.Recipients[i].Name, op.Recipient) {
				found = true
				break
			}
		}
		if !found {
			fail |= failRecipient
		}
	}
	if op.Kind == OpDistribute && op.Resource != "" {
		found := false
		if c.Distribution != nil {
			for _, res := range c.Distribution.Resources {
				if sameResource(res, op.Resource) {
					found = true
					break
				}
			}
		}
		if !found {
			fail |= failResource
		}
	}
	if stop() {
		return fail
	}
	found := false
	for _, p := range c.Purposes {
		if samePurpose(p, op.Purpose) {
			found = true
			break
		}
	}
	if !found {
		fail |= failPurpose
	}
	if stop() {
		return fail
	}
	if exp := c.Expires(); exp != date.Zero && day > exp {
		fail |= failExpired
	}
	return fail
}

// withdrawnBy reports whether a withdrawal had been received by the moment
// at (whose date in the operator's zone is day). Without a recorded moment
// the whole day of receipt counts as withdrawn.
func withdrawnBy(w *Withdrawal, at time.Time, day date.Date) bool {
	if !w.At.IsZero() {
		return !at.Before(w.At)
	}
	return day >= w.Date
}

// explain adds the reasons for a refusal: why each consent that could have
// covered the remaining categories does not, then what is left uncovered.
func explain(d *Decision, consents []Consent, op *Operation, src pdata.Source, day date.Date, remaining pdata.CategorySet) {
	kinds := acceptedKinds(op.Kind, src)
	for i := range consents {
		c := &consents[i]
		if c.SubjectID != op.SubjectID || kinds&(1<<c.Kind) == 0 || coverSet(c)&remaining == 0 {
			continue
		}
		fail := check(c, op, day, true)
		for bit := uint16(1); bit <= failPurpose; bit <<= 1 {
			if fail&bit != 0 {
				d.Reasons = append(d.Reasons, consentReason(c, op, bit))
			}
		}
	}
	titles := remaining.Titles()
	var names []string
	for _, c := range remaining.Slice() {
		names = append(names, c.String())
	}
	rs := Reason{Rule: "no_basis"}
	switch {
	case op.Kind == OpDistribute:
		rs.Basis = basisDistribution
		rs.Message = "no consent to distribution (152-FZ art. 10.1) covers " + strings.Join(names, ", ")
		rs.MessageRU = "нет согласия на распространение, охватывающего данные: " + titles
	case op.Kind == OpTransfer:
		rs.Basis = basisConsentTransfer
		rs.Message = "no written consent names " + op.Recipient + " and the purpose for " + strings.Join(names, ", ") +
			", and no exception of policy 5.3 (threat to life or health, federal law) applies"
		rs.MessageRU = "нет письменного согласия субъекта на передачу получателю «" + op.Recipient + "» с этой целью данных: " + titles +
			"; исключения п. 5.3 Положения (угроза жизни и здоровью субъекта, федеральный закон) не применимы"
	case op.Kind == OpCollect && src == pdata.FromThirdParty:
		rs.Basis = basisConsentThird
		rs.Message = "no written consent to obtaining " + strings.Join(names, ", ") + " from a third party (policy 6.1.2)"
		rs.MessageRU = "нет письменного согласия субъекта на получение у третьей стороны данных: " + titles
	default:
		rs.Basis = basisConsent
		rs.Message = "no consent, public source or legal basis covers " + strings.Join(names, ", ") + " for this purpose (policy 3.3)"
		rs.MessageRU = "нет согласия субъекта, общедоступного источника или иного правового основания для данных: " + titles +
			" с этой целью"
	}
	d.Reasons = append(d.Reasons, rs)
}

func consentReason(c *Consent, op *Operation, bit uint16) Reason {
	id := c.ID
	r := Reason{ConsentID: id}
	switch bit {
	case failSubject:
		r.Rule, r.Basis = "subject_category", basisSubjectCategory
		r.Message = "consent " + id + " was given in the subject category " + c.SubjectCategory.String() + " (policy " + c.SubjectCategory.Clause() +
			"), not " + op.Subject.String() + " (policy " + op.Subject.Clause() + "): it covers only the purposes and data of the category it was given in (152-FZ art. 9 part 4)"
		r.MessageRU = "согласие № " + id + " дано субъектом категории «" + c.SubjectCategory.Title() + "» (п. " + c.SubjectCategory.Clause() +
			" Положения), а операция касается категории «" + op.Subject.Title() + "» (п. " + op.Subject.Clause() +
			" Положения): согласие охватывает только цели и данные той категории, в которой оно дано (ч. 4 ст. 9 152-ФЗ)"
	case failUnsigned:
		r.Rule, r.Basis = "unsigned", item9.basis
		r.Message, r.MessageRU = "consent "+id+" is not signed", "согласие № "+id+" не подписано"
	case failEmbedded:
		r.Rule, r.Basis = "standalone_document", refStandalone.basis
		if c.Kind == Distribution {
			r.Basis = refSeparate.basis
		}
		r.Message, r.MessageRU = "consent "+id+" is not a separate document", "согласие № "+id+" не оформлено отдельным документом"
	case failNoESign:
		r.Rule, r.Basis = "electronic_signature_required", refESign.basis
		r.Message, r.MessageRU = "electronic consent "+id+" has no electronic signature", "электронное согласие № "+id+" не подписано электронной подписью"
	case failNotYet:
		r.Rule, r.Basis = "not_yet_given", refProof.basis
		r.Message = "consent " + id + " was given on " + c.Given.Format("02.01.2006") + ", after the operation"
		r.MessageRU = "согласие № " + id + " дано " + c.Given.Format("02.01.2006") + ", позже даты операции"
	case failWithdrawn:
		r.Rule, r.Basis = "withdrawn", basisWithdrawal
		if c.Kind == Distribution {
			r.Basis = basisStopDistribution
		}
		r.Message = "consent " + id + " was withdrawn on " + c.Withdrawn.Date.Format("02.01.2006")
		r.MessageRU = "согласие № " + id + " отозвано " + c.Withdrawn.Date.Format("02.01.2006")
	case failExpired:
		exp := c.Expires().Format("02.01.2006")
		r.Rule, r.Basis = "expired", item8.basis
		r.Message, r.MessageRU = "consent "+id+" expired after "+exp, "срок действия согласия № "+id+" истёк "+exp
	case failActions:
		var en, ru []string
		for _, a := range opActions[op.Kind] {
			en, ru = append(en, a.String()), append(ru, a.Title())
		}
		r.Rule, r.Basis = "action_not_covered", item7.basis
		r.Message = "consent " + id + " does not list " + strings.Join(en, " and ")
		r.MessageRU = "согласие № " + id + " не предусматривает действия: " + strings.Join(ru, ", ")
	case failRecipient:
		r.Rule, r.Basis = "recipient_not_named", refTransfer.basis
		r.Message = "consent " + id + " does not name the recipient " + op.Recipient
		r.MessageRU = "согласие № " + id + " не называет получателя «" + op.Recipient + "»"
	case failResource:
		r.Rule, r.Basis = "resource_not_listed", rknResources.basis
		r.Message = "consent " + id + " does not list the page " + op.Resource
		r.MessageRU = "согласие № " + id + " не называет страницу " + op.Resource
	case failPurpose:
		r.Rule, r.Basis = "purpose_not_covered", basisPurpose
		r.Message = "consent " + id + " does not cover the purpose «" + op.Purpose + "»"
		r.MessageRU = "согласие № " + id + " дано для других целей, не для «" + op.Purpose + "»"
	}
	return r
}

// samePurpose compares two purposes ignoring case and surrounding spaces.
func samePurpose(a, b string) bool {
	if a == b {
		return true
	}
	a, b = trimSpace(a), trimSpace(b)
	// Upper- and lower-case letters of Russian and Latin have encodings of
	// the same length, so strings of different lengths cannot match.
	return a == b || (len(a) == len(b) && strings.EqualFold(a, b))
}

// trimSpace trims ASCII white space and no-break spaces, without the
// Unicode tables strings.TrimSpace consults for a non-ASCII first letter.
func trimSpace(s string) string {
	for len(s) > 0 {
		switch {
		case s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r':
			s = s[1:]
		case strings.HasPrefix(s, "\u00a0"):
			s = s[2:]
		default:
			goto right
		}
	}
right:
	for len(s) > 0 {
		switch c := s[len(s)-1]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "\u00a0"):
			s = s[:len(s)-2]
		default:
			return s
		}
	}
	return s
}

// sameName compares two names ignoring case, quotes and runs of spaces:
// ООО «РИЦ» and ООО "РИЦ" are the same recipient.
func sameName(a, b string) bool {
	if a == b {
		return true
	}
	return strings.EqualFold(normName(a), normName(b))
}

func normName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case '"', '«', '»', '“', '”', '„', '\'':
			continue
		case ' ', '\t', '\n', '\u00a0':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// sameResource compares two web addresses ignoring case and a trailing
// slash.
func sameResource(a, b string) bool {
	return strings.EqualFold(strings.TrimRight(strings.TrimSpace(a), "/"), strings.TrimRight(strings.TrimSpace(b), "/"))
}

// ConsentIDs returns the IDs of the consents the decision rests on.
func (d Decision) ConsentIDs() []string {
	var ids []string
	for _, g := range d.Grounds {
		if g.Kind == GroundConsent {
			ids = append(ids, g.ConsentID)
		}
	}
	return ids
}

// Russian renders the decision for a staff member: «Разрешено» with each
// ground and its citation, or «Запрещено» with each reason and its citation,
// followed by the terms of any withdrawal.
func (d Decision) Russian() string {
	var b strings.Builder
	if d.Allowed {
		b.WriteString("Разрешено. Основание:")
		for _, g := range d.Grounds {
			b.WriteString("\n— " + g.Title() + " (" + g.Basis.String() + ")")
		}
	} else {
		b.WriteString("Запрещено. Причины:")
		for _, r := range d.Reasons {
			b.WriteString("\n— " + r.MessageRU + " (" + r.Basis.String() + ")")
		}
	}
	for _, w := range d.Withdrawals {
		b.WriteString("\nСогласие № " + w.ConsentID + " отозвано " + w.Received.Format("02.01.2006") + ": обработка на его основании прекращена")
		switch {
		case w.Retained:
			b.WriteString("; данные сохраняются на ином основании")
		case w.DestroyBy != date.Zero:
			b.WriteString("; уничтожить данные не позднее " + w.DestroyBy.Format("02.01.2006") + ", если нет иного основания")
		}
		b.WriteString(" (" + w.Basis.String() + ")")
	}
	return b.String()
}

// String renders the decision in English for developers.
func (d Decision) String() string {
	var b strings.Builder
	if d.Allowed {
		b.WriteString("allowed:")
		for _, g := range d.Grounds {
			b.WriteString(" " + g.Kind.String())
			if g.ConsentID != "" {
				b.WriteString(" " + g.ConsentID)
			}
			b.WriteString(" (" + g.Basis.String() + ");")
		}
	} else {
		b.WriteString("refused:")
		for _, r := range d.Reasons {
			b.WriteString(" " + r.Message + ";")
		}
	}
	return strings.TrimSuffix(b.String(), ";")
}
