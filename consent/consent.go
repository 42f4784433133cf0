package consent

import (
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/gregorian"
	"github.com/rickb777/period"
)

// Consent is a written consent (согласие) of a data subject, with every
// element 152-FZ art. 9 part 4 requires (items 1–9, marked below), what the
// rules of this package need to judge it (kind, subject category, the
// document it was given in, the date), the extra content of its kind
// (recipients for a Transfer consent, the third party for a ThirdPartySource
// consent, the RKN order No. 18 fields for a Distribution consent), and its
// withdrawal once withdrawn.
//
// A Consent holds personal data. Printed through fmt (any verb) or logged
// with log/slog it shows only its ID, kind and subject ID; Render prints it
// in full as the form the subject signs; encoding/json gives every value for
// storage.
type Consent struct {
	// ID is the host's identifier of the consent (its registration number).
	ID string `json:"id"`
	// SubjectID is the host's identifier of the data subject (pdata.Subject.ID).
	SubjectID string `json:"subject_id"`
	// SubjectCategory is the subject's category (policy 2.3); Validate checks
	// Categories against what the policy allows for it.
	SubjectCategory pdata.SubjectCategory `json:"subject_category"`
	// Kind is what the consent is given for.
	Kind Kind `json:"kind"`

	// Subject is the subject: full name, address, identity document
	// (item 1).
	Subject Person `json:"subject"`
	// Representative is the representative who signs for the subject, with
	// the proof of authority; nil when the subject signs (item 2).
	Representative *Representative `json:"representative,omitempty"`
	// Operator is the operator receiving the consent: name and address
	// (item 3); INN and OGRN too for a Distribution consent (RKN order 18).
	Operator Party `json:"operator"`
	// Purposes are the purposes of processing (item 4). Decide matches an
	// operation's purpose against them, so hosts use fixed wordings.
	Purposes []string `json:"purposes"`
	// Categories is the list of personal data covered (item 5).
	Categories []pdata.DataCategory `json:"categories"`
	// Processor is the person processing the data on the operator's behalf
	// (лицо, осуществляющее обработку по поручению оператора), nil when
	// there is none (item 6).
	Processor *Party `json:"processor,omitempty"`
	// Actions is the list of actions consented to (item 7).
	Actions []Action `json:"actions"`
	// Method is the general description of the processing methods (item 7;
	// policy 3.2: mixed).
	Method Method `json:"method"`
	// MethodNote adds to the description of methods, in Russian; optional.
	MethodNote string `json:"method_note,omitempty"`
	// Validity is the term of the consent (item 8).
	Validity Validity `json:"validity"`
	// HowToWithdraw is the way to withdraw the consent, in Russian (item 8).
	HowToWithdraw string `json:"how_to_withdraw"`
	// Signature is the subject's or representative's signature (item 9).
	Signature Signature `json:"signature"`

	// Recipients are the third parties the data may be given to, each by
	// name and address (policy 5.3). Required for a Transfer consent; a
	// Processing consent that lists Provide may name them too.
	Recipients []Party `json:"recipients,omitempty"`
	// ThirdParty is the notice and source of a ThirdPartySource consent
	// (policy 6.1.2); nil for other kinds.
	ThirdParty *ThirdPartyTerms `json:"third_party,omitempty"`
	// Distribution holds the content RKN order No. 18 requires of a
	// Distribution consent; nil for other kinds.
	Distribution *DistributionTerms `json:"distribution,omitempty"`

	// Document is the document the consent was given in.
	Document Document `json:"document"`
	// Given is the date the consent was signed (date.Zero: unknown, which
	// Validate refuses).
	Given date.Date `json:"given"`
	// Withdrawn is the withdrawal, nil while the consent stands. A
	// withdrawal is recorded, never erased, and never erases the consent.
	Withdrawn *Withdrawal `json:"withdrawn,omitempty"`
}

// Person is a person named in a consent: the subject or a representative,
// with the elements of 152-FZ art. 9 part 4 items 1–2.
type Person struct {
	LastName   string `json:"last_name"`            // фамилия
	FirstName  string `json:"first_name"`           // имя
	Patronymic string `json:"patronymic,omitempty"` // отчество (при наличии)
	// Address is the address (адрес) as the person gives it.
	Address string `json:"address"`
	// Document is the main identity document: series and number, issue
	// date, issuing authority (and division code).
	Document pdata.Passport `json:"document"`
}

// FullName returns «Фамилия Имя Отчество».
func (p Person) FullName() string {
	return strings.TrimSpace(strings.Join([]string{p.LastName, p.FirstName, p.Patronymic}, " "))
}

// ShortName returns «Фамилия И. О.», the form under a signature.
func (p Person) ShortName() string { return pdata.ShortName(p.LastName, p.FirstName, p.Patronymic) }

// String returns a masked form: the initial of the last name only.
func (p Person) String() string {
	if p.LastName == "" {
		return "Person()"
	}
	r := []rune(p.LastName)
	return "Person(" + string(r[0]) + "***)"
}

// Format implements fmt.Formatter: every verb prints the masked form.
func (p Person) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with the masked form.
func (p Person) LogValue() slog.Value { return slog.StringValue(p.String()) }

// Representative is a person who gives consent on the subject's behalf
// (представитель субъекта), 152-FZ art. 9 part 4 item 2. The operator must
// check the authority (art. 9 part 1), so it is part of the record.
type Representative struct {
	Person
	// Authority is the power of attorney or other proof of authority.
	Authority Authority `json:"authority"`
}

// Authority is the document that gives a representative the power to
// consent: a power of attorney (доверенность), or for a legal representative
// a birth certificate or a guardianship decision.
type Authority struct {
	// Document names the document in Russian: «доверенность»,
	// «свидетельство о рождении», «решение органа опеки и попечительства».
	Document string `json:"document"`
	// Number is its number; empty when it has none («б/н»).
	Number string `json:"number,omitempty"`
	// Date is its date of issue.
	Date date.Date `json:"date"`
	// Issuer is who issued or certified it (the notary, the registry office).
	Issuer string `json:"issuer,omitempty"`
	// ValidUntil is its last day of validity; date.Zero when not limited.
	ValidUntil date.Date `json:"valid_until,omitzero"`
}

// IsZero reports whether no authority is recorded.
func (a Authority) IsZero() bool { return a == Authority{} }

// Party is an organisation or person named in a consent: the operator, a
// processor, a recipient, a third-party source.
type Party struct {
	// Name is the full name of an organisation, or the ФИО of a person.
	Name string `json:"name"`
	// Address is the address (for an organisation, as in ЕГРЮЛ).
	Address string `json:"address"`
	// INN is the taxpayer number; required of the operator in a
	// Distribution consent (RKN order 18).
	INN pdata.INN `json:"inn,omitzero"`
	// OGRN is the ОГРН or ОГРНИП; required of the operator in a
	// Distribution consent (RKN order 18).
	OGRN pdata.OGRN `json:"ogrn,omitzero"`
}

// OperatorParty returns the operator's details as a consent names them.
func OperatorParty(op pdata.Operator) Party {
	return Party{Name: op.Name, Address: op.Address, INN: op.INN, OGRN: op.OGRN}
}

// Validity is the term of a consent, 152-FZ art. 9 part 4 item 8: an end
// date, a length counted from the day it was given, an event, or an event
// with a latest date. At least one is required.
type Validity struct {
	// Until is the last day the consent is in force, inclusive; date.Zero
	// when the term is not a calendar date.
	Until date.Date `json:"until,omitzero"`
	// For is the length of the term counted from the day the consent was
	// given, in whole years, months, weeks and days (Civil Code arts.
	// 190–192: a term of years ends on the same day of the last year, or on
	// the last day of that month when it has no such day).
	For period.Period `json:"for,omitzero"`
	// Event is a term that ends on an event, in Russian: «до достижения
	// целей обработки», «на срок действия договора управления». Decide
	// cannot know the event; it relies on the withdrawal or on Until/For.
	Event string `json:"event,omitempty"`
}

// IsZero reports whether no term is recorded. An Event of white space only
// names no event and counts as none.
func (v Validity) IsZero() bool { return v.Until == date.Zero && v.For.IsZero() && isBlank(v.Event) }

// Expires returns the last day the consent is in force: Validity.Until, or
// Given plus Validity.For (Civil Code art. 192), whichever is earlier when
// both are set; date.Zero when the term has no calendar end. A consent is in
// force through the whole of that day (Civil Code art. 194). A For that
// AddTerm cannot count (a time part, a fraction, or an end after 31.12.9799)
// is left out; Validate refuses such a term.
func (c Consent) Expires() date.Date {
	end := c.Validity.Until
	if !c.Validity.For.IsZero() && c.Given != date.Zero {
		if e, ok := AddTerm(c.Given, c.Validity.For); ok && (end == date.Zero || e < end) {
			end = e
		}
	}
	return end
}

// AddTerm returns the last day of a term of length p that starts running
// the day after from, by Civil Code arts. 191–192: a term of years or months
// ends on the same-numbered day of its last month, or on the last day of that
// month when it has no such day (29 February + 1 year = 28 February); weeks
// and days are added as calendar days. ok is false when p has a time part, a
// fraction or a negative sign, which a legal term of this kind cannot have,
// and when the term would end after 31 December 9799, the last day pdnkit
// handles (package retention has the same bound). It does not use
// time.AddDate, which rolls 29 February + 1 year over to 1 March.
func AddTerm(from date.Date, p period.Period) (end date.Date, ok bool) {
	end, why := addTerm(from, p)
	return end, why == termOK
}

// Why addTerm could not give a term's end.
const (
	termOK        = iota
	termMalformed // a time part, a fraction or a negative sign
	termTooLong   // ends after lastDay
)

// The dates pdnkit handles: the years 1900–9799, as in package retention
// (which consent does not import).
var (
	firstDay = date.New(1900, 1, 1)
	lastDay  = date.New(9799, 12, 31)
)

// maxTermYears bounds each part of a term before the arithmetic, so that no
// huge value can overflow it: no term longer than this ends by lastDay from
// a day pdnkit handles.
const maxTermYears = 9800 - 1900

func addTerm(from date.Date, p period.Period) (date.Date, int) {
	if p.IsNegative() || !p.HoursDecimal().IsZero() || !p.MinutesDecimal().IsZero() || !p.SecondsDecimal().IsZero() {
		return date.Zero, termMalformed
	}
	yd, md, wd, dd := p.YearsDecimal(), p.MonthsDecimal(), p.WeeksDecimal(), p.DaysDecimal()
	if !yd.IsInt() || !md.IsInt() || !wd.IsInt() || !dd.IsInt() {
		return date.Zero, termMalformed
	}
	y, _, okY := yd.Int64(0)
	m, _, okM := md.Int64(0)
	w, _, okW := wd.Int64(0)
	d, _, okD := dd.Int64(0)
	if !okY || !okM || !okW || !okD || !within(y, maxTermYears) || !within(m, 12*maxTermYears) ||
		!within(w, 53*maxTermYears) || !within(d, 366*maxTermYears) {
		return date.Zero, termTooLong
	}
	end := addYMD(from, int(y), int(m), int(w*7+d))
	if end > lastDay {
		return date.Zero, termTooLong
	}
	return end, termOK
}

// within reports whether -limit <= n <= limit.
func within(n, limit int64) bool { return n >= -limit && n <= limit }

// addYMD adds whole years and months by the Civil Code's rule (clamping to
// the month's last day), then calendar days.
func addYMD(from date.Date, years, months, days int) date.Date {
	y, mo, d := from.Date()
	total := y*12 + int(mo-1) + years*12 + months
	ny, nm := total/12, time.Month(total%12+1)
	if last := gregorian.DaysIn(ny, nm); d > last {
		d = last
	}
	return date.New(ny, nm, d) + date.Date(days)
}

// Signature is the signature under a consent, 152-FZ art. 9 part 4 item 9.
// An electronic signature needs the details that let the operator prove it:
// the certificate for an enhanced signature, the key for a simple one.
type Signature struct {
	// Kind is how the consent was signed.
	Kind SignatureKind `json:"kind"`
	// Certificate is the serial number of the signature key certificate
	// (enhanced signatures).
	Certificate string `json:"certificate,omitempty"`
	// CertificateIssuer is the certification centre that issued it
	// (удостоверяющий центр).
	CertificateIssuer string `json:"certificate_issuer,omitempty"`
	// Key identifies the key of a simple electronic signature: the account
	// and the one-time code or password record that confirm who signed
	// (63-FZ art. 9), for example «личный кабинет жителя, код из SMS,
	// журнал подтверждений № 5521».
	Key string `json:"key,omitempty"`
	// SignedAt is the moment an electronic signature was made; zero for a
	// handwritten one.
	SignedAt time.Time `json:"signed_at,omitzero"`
}

// Document is the document a consent was given in.
type Document struct {
	// Title is the document's title: «Согласие на обработку персональных
	// данных», or the contract a pre-2025 consent is a clause of.
	Title string `json:"title"`
	// Number is its registration number, if any.
	Number string `json:"number,omitempty"`
	// Form is paper or electronic.
	Form Form `json:"form"`
	// Standalone reports that the document holds this consent and nothing
	// else: not a clause of a contract, offer, policy or user agreement, and
	// not bundled with another consent. Required from 1 September 2025
	// (152-FZ art. 9 part 1 as amended by 156-FZ), and always for a
	// Distribution consent (art. 10.1 part 1).
	Standalone bool `json:"standalone"`
}

// ThirdPartyTerms is what a ThirdPartySource consent records beyond art. 9
// part 4: the subject was told in advance that the data can be obtained only
// from a third party, of the purposes, the source, the ways of obtaining,
// the data, and what follows from refusing (policy 6.1.2).
type ThirdPartyTerms struct {
	// From is the third party the data will be obtained from.
	From Party `json:"from"`
	// NotifiedOn is the date the subject was notified.
	NotifiedOn date.Date `json:"notified_on"`
	// How describes the ways the data will be obtained, in Russian.
	How string `json:"how"`
	// RefusalConsequences says what follows if the subject refuses, in
	// Russian.
	RefusalConsequences string `json:"refusal_consequences"`
}

// DistributionTerms is the content of a Distribution consent that RKN order
// No. 18 adds to art. 9 part 4.
type DistributionTerms struct {
	// Contact is the subject's contact information: a phone, an e-mail or a
	// postal address, at least one.
	Contact Contact `json:"contact"`
	// Resources are the operator's information resources where the data
	// will be made public, each a full address: protocol, server, domain,
	// directory and page ("https://uk.example.ru/dolzhniki/spisok").
	Resources []string `json:"resources"`
	// Items lists, for each category in Consent.Categories, what exactly
	// may be distributed and the conditions and prohibitions the subject
	// sets (art. 10.1 parts 1 and 9).
	Items []DistributionItem `json:"items"`
	// Transfer is the condition on how the operator passes the data on.
	Transfer TransferCondition `json:"transfer"`
}

// Contact is a subject's contact information for a distribution consent.
type Contact struct {
	Phone  pdata.Phone `json:"phone,omitzero"`   // телефон
	Email  pdata.Email `json:"email,omitzero"`   // адрес электронной почты
	Postal string      `json:"postal,omitempty"` // почтовый адрес
}

// IsZero reports whether no contact is recorded; a Postal address of white
// space only counts as none.
func (c Contact) IsZero() bool { return c.Phone.IsZero() && c.Email.IsZero() && isBlank(c.Postal) }

// DistributionItem is one category of data in a distribution consent.
type DistributionItem struct {
	// Category is the data category.
	Category pdata.DataCategory `json:"category"`
	// Data says which data of the category may be distributed, in Russian
	// («фамилия и инициалы», «номер квартиры и сумма задолженности»): the
	// subject picks them (art. 10.1 part 1).
	Data string `json:"data"`
	// Conditions are the conditions the subject sets on processing by the
	// public, in Russian (art. 10.1 part 9).
	Conditions string `json:"conditions,omitempty"`
	// Prohibitions are the prohibitions the subject sets on transfer to the
	// public, in Russian (art. 10.1 part 9).
	Prohibitions string `json:"prohibitions,omitempty"`
	// NoRestrictions records that the subject sets neither conditions nor
	// prohibitions for this category (the form says so; silence is not
	// consent, art. 10.1 part 8).
	NoRestrictions bool `json:"no_restrictions,omitempty"`
}

// Withdrawal is the withdrawal of a consent (отзыв согласия), 152-FZ art. 9
// part 2, or for a Distribution consent the demand to stop distribution
// (art. 10.1 parts 12–13). From it on nothing may rest on the consent.
type Withdrawal struct {
	// Date is the date the operator received the withdrawal, in its time
	// zone. The art. 21 part 5 term runs from it.
	Date date.Date `json:"date"`
	// At is the moment it was received, when known; zero otherwise. With a
	// moment, operations earlier that day still rest on the consent; without
	// one, the whole day counts as withdrawn.
	At time.Time `json:"at,omitzero"`
	// Document identifies the withdrawal: «заявление от 03.03.2026, вх. № 41».
	Document string `json:"document,omitempty"`
}

// Clone returns a deep copy of c: no slice or pointer is shared. Stores use
// it so that a caller cannot change a stored consent through a value it
// holds.
func (c Consent) Clone() Consent {
	c.Purposes = cloneSlice(c.Purposes)
	c.Categories = cloneSlice(c.Categories)
	c.Actions = cloneSlice(c.Actions)
	c.Recipients = cloneSlice(c.Recipients)
	if c.Representative != nil {
		r := *c.Representative
		c.Representative = &r
	}
	if c.Processor != nil {
		p := *c.Processor
		c.Processor = &p
	}
	if c.ThirdParty != nil {
		t := *c.ThirdParty
		c.ThirdParty = &t
	}
	if c.Distribution != nil {
		d := *c.Distribution
		d.Resources = cloneSlice(d.Resources)
		d.Items = cloneSlice(d.Items)
		c.Distribution = &d
	}
	if c.Withdrawn != nil {
		w := *c.Withdrawn
		c.Withdrawn = &w
	}
	return c
}

func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}

// String returns the form safe for logs: ID, kind and subject ID.
func (c Consent) String() string {
	s := "consent " + c.ID + " (" + c.Kind.String() + ", subject " + c.SubjectID
	if c.Withdrawn != nil {
		s += ", withdrawn " + c.Withdrawn.Date.String()
	}
	return s + ")"
}

// Format implements fmt.Formatter: every verb, %+v and %#v included, prints
// the form of String, so a consent never leaks into logs by accident.
func (c Consent) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }

// LogValue implements slog.LogValuer: ID, kind and subject ID only.
func (c Consent) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", c.ID), slog.String("kind", c.Kind.String()),
		slog.String("subject_id", c.SubjectID), slog.Bool("withdrawn", c.Withdrawn != nil))
}

// categorySet returns the categories of c as a set.
func categorySet(cs []pdata.DataCategory) pdata.CategorySet {
	var s pdata.CategorySet
	for _, c := range cs {
		s = s.With(c)
	}
	return s
}
