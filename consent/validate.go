package consent

import (
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Rules are the rules a consent is checked against and an operation judged
// by: the operator's policy on what may be held about whom, the operator
// (whose time zone turns moments into legal dates), and the legal bases
// other than consent that the host has configured.
//
// DefaultRules reproduces the seed policy. The hard limits hold whatever a
// Rules value says: special categories (152-FZ art. 10, 11; policy 6.1.3)
// are never permitted and cross-border transfer never (policy 3.5).
type Rules struct {
	// Policy says which data categories each subject category may hold and
	// which may come from Rosreestr (policy 2.3, 3.4).
	Policy pdata.Policy
	// Operator supplies the time zone (pdata.Operator.DateOf) in which
	// moments become dates; the zero Operator means Moscow time.
	Operator pdata.Operator
	// Bases are the grounds other than consent the host relies on (152-FZ
	// art. 6 part 1 items 2–11), each with its citation. None by default.
	Bases []LegalBasis
}

// DefaultRules returns the seed policy's rules: pdata.DefaultPolicy, Moscow
// time, and no legal bases beyond consent and Rosreestr. Set Operator to the
// host's operator so that dates fall in its time zone.
func DefaultRules() Rules { return Rules{Policy: pdata.DefaultPolicy()} }

// defaultRules is what Validate uses. It is built once and only read.
var defaultRules = DefaultRules()

// LegalBasis is a ground for processing other than consent that a host
// configures (152-FZ art. 6 part 1 items 2–11): an operation on certain data
// that a federal law requires or allows. Example: the Housing Code requires
// the payer's name on the payment document (ЖК РФ ст. 155 ч. 2), so a host
// adds a LegalBasis for storing and using a resident's name and property data
// for billing, citing «152-ФЗ ст. 6 ч. 1 п. 2; ЖК РФ ст. 155 ч. 2».
//
// A LegalBasis never permits a special category or a cross-border transfer;
// Rules.Validate refuses one that tries.
type LegalBasis struct {
	// Title says in Russian what the law requires or allows, as staff see it
	// («ФИО плательщика в платёжном документе»).
	Title string `json:"title"`
	// Ops are the operations it permits.
	Ops []OpKind `json:"ops"`
	// Subjects limits it to these subject categories; empty means all.
	Subjects []pdata.SubjectCategory `json:"subjects,omitempty"`
	// Categories are the data categories it covers.
	Categories []pdata.DataCategory `json:"categories"`
	// Purpose limits it to operations with this purpose (compared as Decide
	// compares purposes); empty means any purpose.
	Purpose string `json:"purpose,omitempty"`
	// Recipient limits transfers under it to this recipient; empty means
	// any.
	Recipient string `json:"recipient,omitempty"`
	// Basis is the citation: the item of art. 6 part 1 and the law that
	// imposes the duty. Basis.Law is required.
	Basis pdata.Basis `json:"basis"`
}

func (b *LegalBasis) covers(op *Operation) pdata.CategorySet {
	ok := false
	for _, k := range b.Ops {
		if k == op.Kind {
			ok = true
			break
		}
	}
	if !ok {
		return 0
	}
	if len(b.Subjects) > 0 {
		ok = false
		for _, s := range b.Subjects {
			if s == op.Subject {
				ok = true
				break
			}
		}
		if !ok {
			return 0
		}
	}
	if b.Purpose != "" && !samePurpose(b.Purpose, op.Purpose) {
		return 0
	}
	if b.Recipient != "" && !sameName(b.Recipient, op.Recipient) {
		return 0
	}
	return categorySet(b.Categories)
}

// Validate checks the rules themselves: every LegalBasis needs a title, at
// least one operation (never OpTransferAbroad, policy 3.5), at least one data
// category (never a special one, policy 6.1.3) and a citation of law. Every
// problem is reported at once as a *pdata.ValidationError.
func (r Rules) Validate() error {
	var pr pdata.Problems
	if len(r.Policy.Rules) == 0 {
		pr.Add("Policy", "required", pdata.Cite("152-ФЗ ст. 18.1 ч. 1", "2.3"),
			"the rules need a policy (use pdata.DefaultPolicy)", "в правилах не задано Положение (категории субъектов и данных)")
	}
	for i, b := range r.Bases {
		f := "Bases[" + strconv.Itoa(i) + "]"
		if isBlank(b.Title) {
			pr.Add(f+".Title", "required", b.Basis, "a legal basis needs a title", "не указано, что предусматривает правовое основание")
		}
		if isBlank(b.Basis.Law) {
			pr.Add(f+".Basis", "required", basisArt6, "a legal basis must cite the law it rests on (152-FZ art. 6 part 1 items 2–11)",
				"правовое основание должно ссылаться на закон (п. 2–11 ч. 1 ст. 6 152-ФЗ)")
		}
		if len(b.Ops) == 0 {
			pr.Add(f+".Ops", "required", b.Basis, "a legal basis must name the operations it permits", "не указаны операции, которые допускает основание")
		}
		for _, k := range b.Ops {
			switch {
			case k == OpTransferAbroad:
				pr.Add(f+".Ops", "cross_border", basisAbroad, "no legal basis may permit cross-border transfer (policy 3.5)",
					"трансграничная передача не осуществляется (п. 3.5 Положения)")
			case !k.Valid():
				pr.Add(f+".Ops", "operation", b.Basis, "unknown operation", "неизвестная операция")
			}
		}
		if len(b.Categories) == 0 {
			pr.Add(f+".Categories", "required", b.Basis, "a legal basis must name the data categories it covers", "не указаны категории данных")
		}
		for _, c := range b.Categories {
			switch {
			case c.Special():
				pr.Add(f+".Categories", "special_category", c.SpecialBasis(), "no legal basis may permit "+c.String()+" data",
					"данные категории «"+c.Title()+"» не обрабатываются")
			case !c.Valid():
				pr.Add(f+".Categories", "data_category", b.Basis, "unknown data category", "неизвестная категория персональных данных")
			}
		}
		for _, s := range b.Subjects {
			if !s.Valid() {
				pr.Add(f+".Subjects", "subject_category", pdata.Cite("", "2.3"), "unknown subject category", "неизвестная категория субъектов")
			}
		}
	}
	return pr.Err()
}

// ref is a provision a field error names, in the citation and in both
// messages.
type ref struct {
	basis  pdata.Basis
	en, ru string
}

func (r ref) add(pr *pdata.Problems, field, rule, en, ru string) {
	pr.Add(field, rule, r.basis, en+" ("+r.en+")", ru+" ("+r.ru+")")
}

// The provisions Validate checks.
var (
	item1 = ref{pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 1", "3.3"), "152-FZ art. 9 part 4 item 1", "п. 1 ч. 4 ст. 9 152-ФЗ"}
	item2 = ref{pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 2", "3.3"), "152-FZ art. 9 part 4 item 2", "п. 2 ч. 4 ст. 9 152-ФЗ"}
	item3 = ref{pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 3", "3.3"), "152-FZ art. 9 part 4 item 3", "п. 3 ч. 4 ст. 9 152-ФЗ"}
	item4 = ref{pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 4", "3.3"), "152-FZ art. 9 part 4 item 4", "п. 4 ч. 4 ст. 9 152-ФЗ"}
	item5 = ref{pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 5", "3.3"), "152-FZ art. 9 part 4 item 5", "п. 5 ч. 4 ст. 9 152-ФЗ"}
	item6 = ref{pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 6", "3.3"), "152-FZ art. 9 part 4 item 6", "п. 6 ч. 4 ст. 9 152-ФЗ"}
	item7 = ref{pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 7", "3.2"), "152-FZ art. 9 part 4 item 7", "п. 7 ч. 4 ст. 9 152-ФЗ"}
	item8 = ref{pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 8", "3.3"), "152-FZ art. 9 part 4 item 8", "п. 8 ч. 4 ст. 9 152-ФЗ"}
	item9 = ref{pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 9", "3.3"), "152-FZ art. 9 part 4 item 9", "п. 9 ч. 4 ст. 9 152-ФЗ"}

	refAuthority  = ref{pdata.Cite("152-ФЗ ст. 9 ч. 1; ч. 4 п. 2", "3.3"), "152-FZ art. 9 part 1 and part 4 item 2", "ч. 1 и п. 2 ч. 4 ст. 9 152-ФЗ"}
	refProof      = ref{pdata.Cite("152-ФЗ ст. 9 ч. 3", "3.3"), "152-FZ art. 9 part 3", "ч. 3 ст. 9 152-ФЗ"}
	refESign      = ref{pdata.Cite("152-ФЗ ст. 9 ч. 4; 63-ФЗ ст. 6", "3.3"), "152-FZ art. 9 part 4; 63-FZ art. 6", "ч. 4 ст. 9 152-ФЗ; ст. 6 63-ФЗ"}
	refStandalone = ref{pdata.Cite("152-ФЗ ст. 9 ч. 1 (ред. 156-ФЗ)", "3.3"), "152-FZ art. 9 part 1 as amended by 156-FZ", "ч. 1 ст. 9 152-ФЗ в ред. 156-ФЗ"}
	refSeparate   = ref{pdata.Cite("152-ФЗ ст. 10.1 ч. 1", "8.2"), "152-FZ art. 10.1 part 1", "ч. 1 ст. 10.1 152-ФЗ"}
	refPolicy     = ref{pdata.Cite("152-ФЗ ст. 5 ч. 5", "2.1"), "152-FZ art. 5 part 5; policy 2.1", "ч. 5 ст. 5 152-ФЗ; п. 2.1 Положения"}
	refTransfer   = ref{pdata.Cite("152-ФЗ ст. 9 ч. 1", "5.3"), "152-FZ art. 9 part 1; policy 5.3", "ч. 1 ст. 9 152-ФЗ; п. 5.3 Положения"}
	refThirdParty = ref{pdata.Cite("152-ФЗ ст. 18 ч. 3", "6.1.2"), "152-FZ art. 18 part 3; policy 6.1.2", "ч. 3 ст. 18 152-ФЗ; п. 6.1.2 Положения"}
	refWithdrawal = ref{pdata.Cite("152-ФЗ ст. 9 ч. 2", ""), "152-FZ art. 9 part 2", "ч. 2 ст. 9 152-ФЗ"}

	rknContact   = rkn("контактная информация субъекта", "the subject's contact details")
	rknOperator  = rkn("сведения об операторе: наименование, адрес, ИНН, ОГРН", "the operator's name, address, INN and OGRN")
	rknResources = rkn("информационные ресурсы оператора", "the operator's information resources")
	rknItems     = rkn("категории и перечень персональных данных", "the categories and list of data")
	rknRestrict  = rkn("условия и запреты", "the conditions and prohibitions")
	rknTransfer  = rkn("условия передачи", "the transfer conditions")
)

func rkn(ru, en string) ref {
	return ref{pdata.Cite("152-ФЗ ст. 10.1; Приказ РКН № 18 ("+ru+")", "8.2"),
		"152-FZ art. 10.1; RKN order No. 18: " + en, "ст. 10.1 152-ФЗ; Приказ РКН № 18: " + ru}
}

// standaloneFrom is the day 156-FZ's rule took effect: a consent must be a
// document of its own (152-FZ art. 9 part 1).
var standaloneFrom = date.New(2025, 9, 1)

// StandaloneFrom returns 1 September 2025, the day from which a consent must
// be a separate document, not a clause of another (152-FZ art. 9 part 1 as
// amended by 156-FZ of 24.06.2025).
func StandaloneFrom() date.Date { return standaloneFrom }

// Validate checks c against the seed policy's rules (DefaultRules) and
// returns every missing or wrong element at once as a *pdata.ValidationError
// (which matches pdata.ErrInvalid), or nil. Each field error names the item
// of 152-FZ art. 9 part 4 (or art. 10.1 and RKN order No. 18 for a
// distribution consent) in its Basis and in both its English and Russian
// messages. See ValidateWith for the list of checks.
func Validate(c Consent) error { return ValidateWith(c, defaultRules) }

// ValidateWith checks c against r. It checks
//   - the consent's ID, subject ID, kind and subject category;
//   - item 1: the subject's full name, address, identity document number,
//     issue date and issuer (and the document's own form, pdata.Passport);
//   - item 2: a representative's same data and the power of attorney or other
//     proof of authority, which must exist and be in force on the date given;
//   - item 3: the operator's name and address;
//   - item 4: at least one purpose;
//   - item 5: the data categories, each allowed for the subject's category by
//     r.Policy (policy 2.3, 2.1), none special (152-FZ art. 10, 11; policy
//     6.1.3);
//   - item 6: a processor's name and address when there is one;
//   - item 7: the actions and the processing method; distribution only in a
//     Distribution consent (art. 10.1 part 1);
//   - item 8: the term and the way to withdraw;
//   - item 9: the signature: an electronic document needs an electronic
//     signature, with its certificate (enhanced) or key (simple) details;
//   - the date given, and the document: standalone if given on or after
//     1 September 2025 (art. 9 part 1 as amended by 156-FZ), and always for
//     distribution (art. 10.1 part 1);
//   - Transfer: the recipients by name and address (policy 5.3);
//   - ThirdPartySource: the source, the notice and its content (6.1.2);
//   - Distribution (RKN order No. 18): contact details, the operator's INN
//     and OGRN, its resources as full web addresses, per category what may
//     be distributed and the conditions and prohibitions (or that there are
//     none), the transfer conditions;
//   - a withdrawal's date, not before the date given;
//   - every date in the years 1900–9799 (the bounds of package retention
//     too), the term ending by 31.12.9799, and a withdrawal's 30-day
//     destruction term as well; white space alone counts as a missing text.
func ValidateWith(c Consent, r Rules) error {
	var pr pdata.Problems
	if isBlank(c.ID) {
		refProof.add(&pr, "ID", "required", "the consent needs an ID so that it can be shown to an inspector",
			"не указан номер (идентификатор) согласия")
	}
	if isBlank(c.SubjectID) {
		refProof.add(&pr, "SubjectID", "required", "the subject ID is missing", "не указан идентификатор субъекта")
	}
	if !c.Kind.Valid() {
		refProof.add(&pr, "Kind", "consent_kind", "the kind of consent is missing or unknown", "не указан вид согласия")
	}
	rule, ruleOK := r.Policy.Rules[c.SubjectCategory]
	if !c.SubjectCategory.Valid() || !ruleOK {
		refPolicy.add(&pr, "SubjectCategory", "subject_category", "the subject's category is missing or not in the policy",
			"категория субъекта не указана или не предусмотрена Положением")
	}

	// Item 1.
	checkPerson(&pr, "Subject", item1, c.Subject, c.Given, "subject's", "субъекта")
	// Item 2.
	if rep := c.Representative; rep != nil {
		checkPerson(&pr, "Representative", item2, rep.Person, c.Given, "representative's", "представителя")
		checkAuthority(&pr, rep.Authority, c.Given)
	}
	// Item 3.
	if isBlank(c.Operator.Name) {
		item3.add(&pr, "Operator.Name", "required", "the operator's name is missing", "не указано наименование оператора")
	}
	if isBlank(c.Operator.Address) {
		item3.add(&pr, "Operator.Address", "required", "the operator's address is missing", "не указан адрес оператора")
	}
	// Item 4.
	if len(c.Purposes) == 0 {
		item4.add(&pr, "Purposes", "required", "the purpose of processing is missing", "не указана цель обработки персональных данных")
	}
	for i, p := range c.Purposes {
		if isBlank(p) {
			item4.add(&pr, "Purposes["+strconv.Itoa(i)+"]", "required", "a purpose is empty", "цель обработки не заполнена")
		}
	}
	// Item 5.
	checkCategories(&pr, c, rule, ruleOK)
	// Item 6.
	if p := c.Processor; p != nil {
		if isBlank(p.Name) {
			item6.add(&pr, "Processor.Name", "required", "the processor's name is missing", "не указано наименование (ФИО) лица, осуществляющего обработку по поручению оператора")
		}
		if isBlank(p.Address) {
			item6.add(&pr, "Processor.Address", "required", "the processor's address is missing", "не указан адрес лица, осуществляющего обработку по поручению оператора")
		}
	}
	// Item 7.
	checkActions(&pr, c)
	if !c.Method.Valid() {
		item7.add(&pr, "Method", "required", "the general description of processing methods is missing",
			"не указано общее описание способов обработки (автоматизированная, неавтоматизированная, смешанная)")
	}
	// Item 8.
	checkValidity(&pr, c)
	if isBlank(c.HowToWithdraw) {
		item8.add(&pr, "HowToWithdraw", "required", "the way to withdraw the consent is missing", "не указан способ отзыва согласия")
	}
	// Item 9 and the document.
	checkSignature(&pr, c)
	if c.Given == date.Zero {
		refProof.add(&pr, "Given", "required", "the date the consent was given is missing", "не указана дата дачи согласия")
	}
	checkDate(&pr, refProof, "Given", c.Given, "the date the consent was given", "дата дачи согласия")
	if isBlank(c.Document.Title) {
		refProof.add(&pr, "Document.Title", "required", "the document the consent was given in is not named",
			"не указан документ, в котором дано согласие")
	}
	if !c.Document.Standalone {
		switch {
		case c.Kind == Distribution:
			refSeparate.add(&pr, "Document.Standalone", "distribution_separate",
				"a consent to distribution must be a document of its own, apart from other consents",
				"согласие на распространение оформляется отдельно от иных согласий на обработку персональных данных")
		case c.Given != date.Zero && c.Given >= standaloneFrom:
			refStandalone.add(&pr, "Document.Standalone", "standalone_document",
				"from 01.09.2025 a consent must be a separate document, not part of a contract, offer, policy or another consent (given "+c.Given.Format("02.01.2006")+")",
				"с 01.09.2025 согласие оформляется отдельным документом и не может входить в договор, оферту, политику или иное согласие (дано "+c.Given.Format("02.01.2006")+")")
		}
	}

	switch c.Kind {
	case Transfer:
		checkRecipients(&pr, c)
	case ThirdPartySource:
		checkThirdParty(&pr, c, rule, ruleOK)
	case Distribution:
		checkDistribution(&pr, c)
	}
	if c.Kind != Transfer && len(c.Recipients) > 0 {
		checkRecipients(&pr, c)
	}
	if c.Kind != ThirdPartySource && c.ThirdParty != nil {
		refThirdParty.add(&pr, "ThirdParty", "kind_mismatch", "third-party source details belong in a third_party_source consent",
			"сведения о третьей стороне-источнике указываются только в согласии на получение данных у третьей стороны")
	}
	if c.Kind != Distribution && c.Distribution != nil {
		refSeparate.add(&pr, "Distribution", "distribution_separate", "distribution terms belong in a distribution consent of their own",
			"условия распространения указываются только в отдельном согласии на распространение")
	}
	if w := c.Withdrawn; w != nil {
		checkWithdrawal(&pr, c, *w, r)
	}
	return pr.Err()
}

func checkPerson(pr *pdata.Problems, f string, it ref, p Person, given date.Date, en, ru string) {
	if isBlank(p.LastName) || isBlank(p.FirstName) {
		it.add(pr, f+".LastName", "required", "the "+en+" last and first name are missing", "не указаны фамилия, имя, отчество "+ru)
	}
	if isBlank(p.Address) {
		it.add(pr, f+".Address", "required", "the "+en+" address is missing", "не указан адрес "+ru)
	}
	d := p.Document
	if d.IsZero() {
		it.add(pr, f+".Document", "required", "the number of the "+en+" identity document is missing",
			"не указан номер основного документа, удостоверяющего личность "+ru)
	}
	checkDate(pr, it, f+".Document.IssueDate", d.IssueDate, "the issue date of the "+en+" identity document",
		"дата выдачи документа, удостоверяющего личность "+ru+",")
	if d.IssueDate == date.Zero {
		it.add(pr, f+".Document.IssueDate", "required", "the issue date of the "+en+" identity document is missing",
			"не указана дата выдачи документа, удостоверяющего личность "+ru)
	} else if given != date.Zero && d.IssueDate > given {
		it.add(pr, f+".Document.IssueDate", "passport_issue_date", "the "+en+" identity document was issued after the consent was given",
			"документ, удостоверяющий личность "+ru+", выдан позже даты согласия")
	}
	if isBlank(d.Issuer) {
		it.add(pr, f+".Document.Issuer", "required", "the issuer of the "+en+" identity document is missing",
			"не указан орган, выдавший документ, удостоверяющий личность "+ru)
	}
	if !d.IsZero() {
		var ve *pdata.ValidationError
		if err := d.Validate(); errors.As(err, &ve) {
			for _, fe := range ve.Errors {
				if fe.Rule == "required" {
					continue // reported above
				}
				it.add(pr, f+".Document."+fe.Field, fe.Rule, fe.Message, fe.MessageRU)
			}
		}
	}
}

func checkAuthority(pr *pdata.Problems, a Authority, given date.Date) {
	const f = "Representative.Authority"
	if a.IsZero() {
		refAuthority.add(pr, f, "representative_authority",
			"a representative signs but the power of attorney or other proof of authority is missing",
			"согласие подписано представителем, но не указаны реквизиты доверенности или иного документа, подтверждающего полномочия")
		return
	}
	if isBlank(a.Document) {
		refAuthority.add(pr, f+".Document", "required", "the kind of the representative's authority document is missing",
			"не указан вид документа, подтверждающего полномочия представителя")
	}
	if a.Date == date.Zero {
		refAuthority.add(pr, f+".Date", "required", "the date of the representative's authority document is missing",
			"не указана дата документа, подтверждающего полномочия представителя")
	} else if given != date.Zero && a.Date > given {
		refAuthority.add(pr, f+".Date", "authority_not_yet", "the power of attorney is dated after the consent",
			"доверенность выдана позже даты согласия")
	}
	checkDate(pr, refAuthority, f+".Date", a.Date, "the date of the representative's authority document",
		"дата документа, подтверждающего полномочия представителя,")
	checkDate(pr, refAuthority, f+".ValidUntil", a.ValidUntil, "the last day of the representative's authority",
		"срок действия полномочий представителя")
	if a.ValidUntil != date.Zero && given != date.Zero && a.ValidUntil < given {
		refAuthority.add(pr, f+".ValidUntil", "authority_expired",
			"the power of attorney expired on "+a.ValidUntil.Format("02.01.2006")+", before the consent was given",
			"срок действия доверенности истёк "+a.ValidUntil.Format("02.01.2006")+", до даты согласия")
	}
}

func checkCategories(pr *pdata.Problems, c Consent, rule pdata.CategoryRule, ruleOK bool) {
	if len(c.Categories) == 0 {
		item5.add(pr, "Categories", "required", "the list of personal data is missing", "не указан перечень персональных данных")
		return
	}
	var seen pdata.CategorySet
	for i, dc := range c.Categories {
		f := func() string { return "Categories[" + strconv.Itoa(i) + "]" }
		switch {
		case dc.Special():
			sb := dc.SpecialBasis()
			pr.Add(f(), "special_category", sb,
				"the operator does not process "+dc.String()+" data ("+sb.Law+"; policy 6.1.3; listed under 152-FZ art. 9 part 4 item 5)",
				"Оператор не обрабатывает данные категории «"+dc.Title()+"» ("+sb.String()+"; перечень по п. 5 ч. 4 ст. 9 152-ФЗ)")
		case !dc.Valid():
			item5.add(pr, f(), "data_category", "unknown data category", "неизвестная категория персональных данных")
		case seen.Has(dc):
			item5.add(pr, f(), "duplicate", dc.String()+" is listed twice", "категория «"+dc.Title()+"» указана дважды")
		case ruleOK && !rule.Allowed.Has(dc):
			pr.Add(f(), "category_not_allowed", pdata.Cite("152-ФЗ ст. 5 ч. 5; ст. 9 ч. 4 п. 5", rule.Basis.Policy+", 2.1"),
				dc.String()+" is excessive for a "+c.SubjectCategory.String()+" (not in policy "+c.SubjectCategory.Clause()+"; 152-FZ art. 9 part 4 item 5)",
				"«"+dc.Title()+"» — избыточные данные для категории «"+c.SubjectCategory.Title()+"» (нет в п. "+c.SubjectCategory.Clause()+" Положения; п. 5 ч. 4 ст. 9 152-ФЗ)")
		}
		seen = seen.With(dc)
	}
}

func checkActions(pr *pdata.Problems, c Consent) {
	if len(c.Actions) == 0 {
		item7.add(pr, "Actions", "required", "the list of actions with the data is missing", "не указан перечень действий с персональными данными")
	}
	var seen uint32
	hasDistribute, hasProvide := false, false
	for i, a := range c.Actions {
		f := func() string { return "Actions[" + strconv.Itoa(i) + "]" }
		switch {
		case !a.Valid():
			item7.add(pr, f(), "action", "unknown action", "неизвестное действие с персональными данными")
			continue
		case seen&(1<<a) != 0:
			item7.add(pr, f(), "duplicate", a.String()+" is listed twice", "действие «"+a.Title()+"» указано дважды")
		}
		seen |= 1 << a
		hasDistribute = hasDistribute || a == ActDistribute
		hasProvide = hasProvide || a == ActProvide
	}
	switch {
	case c.Kind == Distribution && !hasDistribute:
		item7.add(pr, "Actions", "action_required", "a distribution consent must list distribution among its actions",
			"в согласии на распространение в перечне действий должно быть распространение")
	case c.Kind != Distribution && c.Kind.Valid() && hasDistribute:
		refSeparate.add(pr, "Actions", "distribution_separate",
			"distribution needs a consent of its own (kind distribution), not an action in another consent",
			"на распространение даётся отдельное согласие; в этом согласии распространение указывать нельзя")
	case c.Kind == Transfer && !hasProvide:
		item7.add(pr, "Actions", "action_required", "a transfer consent must list provision (передача, предоставление) among its actions",
			"в согласии на передачу в перечне действий должна быть передача (предоставление)")
	}
}

func checkValidity(pr *pdata.Problems, c Consent) {
	v := c.Validity
	if v.IsZero() {
		item8.add(pr, "Validity", "required", "the term of the consent is missing", "не указан срок, в течение которого действует согласие")
		return
	}
	checkDate(pr, item8, "Validity.Until", v.Until, "the last day of the consent", "дата окончания срока действия согласия")
	if v.Until != date.Zero && c.Given != date.Zero && v.Until < c.Given {
		item8.add(pr, "Validity.Until", "validity_before_given", "the consent ends before the date it was given",
			"срок действия согласия истекает раньше даты его дачи")
	}
	if !v.For.IsZero() {
		// Without a usable date given, count from the first day pdnkit
		// handles: a term too long even from there is too long anyway.
		from := c.Given
		if from < firstDay || from > lastDay {
			from = firstDay
		}
		switch _, why := addTerm(from, v.For); {
		case why == termMalformed || !v.For.IsPositive():
			item8.add(pr, "Validity.For", "validity_term", "the term must be whole years, months, weeks or days, greater than zero",
				"срок действия указывается в целых годах, месяцах, неделях или днях и должен быть больше нуля")
		case why == termTooLong:
			item8.add(pr, "Validity.For", "date_range", "the term would end after 31.12.9799, beyond the dates pdnkit handles",
				"срок действия согласия закончился бы позже 31.12.9799 — за пределами допустимых дат")
		}
	}
}

func checkSignature(pr *pdata.Problems, c Consent) {
	s := c.Signature
	if !s.Kind.Valid() {
		item9.add(pr, "Signature.Kind", "signature_required", "the consent is not signed", "согласие не подписано субъектом (представителем)")
	}
	if !c.Document.Form.Valid() {
		refProof.add(pr, "Document.Form", "required", "the form of the document (paper or electronic) is missing",
			"не указана форма документа (бумажный или электронный)")
	}
	switch {
	case c.Document.Form == Electronic && !s.Kind.Electronic():
		refESign.add(pr, "Signature.Kind", "electronic_signature_required",
			"an electronic consent counts as written only when signed with an electronic signature",
			"согласие в форме электронного документа равнозначно письменному, только если подписано электронной подписью")
	case c.Document.Form == Paper && s.Kind.Electronic():
		item9.add(pr, "Signature.Kind", "signature_form", "a paper consent must be signed by hand",
			"согласие на бумажном носителе подписывается собственноручно")
	}
	switch s.Kind {
	case QualifiedElectronic, UnqualifiedElectronic:
		if isBlank(s.Certificate) || isBlank(s.CertificateIssuer) {
			refESign.add(pr, "Signature.Certificate", "signature_details",
				"an enhanced electronic signature needs the certificate's serial number and the certification centre that issued it",
				"для усиленной электронной подписи укажите серийный номер сертификата ключа проверки и выдавший его удостоверяющий центр")
		}
	case SimpleElectronic:
		if isBlank(s.Key) {
			refESign.add(pr, "Signature.Key", "signature_details",
				"a simple electronic signature needs the key details (account, code or password record) that confirm who signed",
				"для простой электронной подписи укажите ключ (учётную запись, код подтверждения или пароль), подтверждающий, кто подписал")
		}
	}
}

func checkRecipients(pr *pdata.Problems, c Consent) {
	if c.Kind == Transfer && len(c.Recipients) == 0 {
		refTransfer.add(pr, "Recipients", "recipient_required",
			"a transfer consent must name the recipient (policy 5.3)",
			"в согласии на передачу должен быть назван получатель персональных данных (п. 5.3 Положения)")
	}
	for i, p := range c.Recipients {
		f := func() string { return "Recipients[" + strconv.Itoa(i) + "]" }
		if isBlank(p.Name) {
			refTransfer.add(pr, f()+".Name", "required", "the recipient's name is missing", "не указано наименование (ФИО) получателя")
		}
		if isBlank(p.Address) {
			refTransfer.add(pr, f()+".Address", "required", "the recipient's address is missing", "не указан адрес получателя")
		}
	}
}

func checkThirdParty(pr *pdata.Problems, c Consent, rule pdata.CategoryRule, ruleOK bool) {
	if ruleOK && !rule.ThirdParty {
		refThirdParty.add(pr, "Kind", "source_not_allowed",
			"the policy does not allow data about a "+c.SubjectCategory.String()+" to come from a third party",
			"Положение не предусматривает получение данных субъектов категории «"+c.SubjectCategory.Title()+"» у третьих лиц")
	}
	t := c.ThirdParty
	if t == nil {
		refThirdParty.add(pr, "ThirdParty", "required",
			"a third-party source consent must name the source and record the notice given to the subject",
			"в согласии на получение данных у третьей стороны должны быть указаны источник и сведения об уведомлении субъекта")
		return
	}
	if isBlank(t.From.Name) || isBlank(t.From.Address) {
		refThirdParty.add(pr, "ThirdParty.From", "required", "the third party's name and address are missing",
			"не указаны наименование и адрес третьей стороны — источника персональных данных")
	}
	checkDate(pr, refThirdParty, "ThirdParty.NotifiedOn", t.NotifiedOn, "the date the subject was notified",
		"дата уведомления субъекта")
	if t.NotifiedOn == date.Zero {
		refThirdParty.add(pr, "ThirdParty.NotifiedOn", "required", "the date the subject was notified is missing",
			"не указана дата уведомления субъекта о получении данных у третьей стороны")
	} else if c.Given != date.Zero && t.NotifiedOn > c.Given {
		refThirdParty.add(pr, "ThirdParty.NotifiedOn", "notice_after_consent", "the subject must be notified in advance, not after consenting",
			"субъект должен быть уведомлен заранее, а не после дачи согласия")
	}
	if isBlank(t.How) {
		refThirdParty.add(pr, "ThirdParty.How", "required", "the ways of obtaining the data are missing", "не указаны способы получения персональных данных")
	}
	if isBlank(t.RefusalConsequences) {
		refThirdParty.add(pr, "ThirdParty.RefusalConsequences", "required", "the consequences of refusing are missing",
			"не указаны последствия отказа дать письменное согласие")
	}
}

func checkDistribution(pr *pdata.Problems, c Consent) {
	if c.Operator.INN.IsZero() {
		rknOperator.add(pr, "Operator.INN", "required", "the operator's INN is missing", "не указан ИНН оператора")
	}
	if c.Operator.OGRN.IsZero() {
		rknOperator.add(pr, "Operator.OGRN", "required", "the operator's OGRN is missing", "не указан ОГРН оператора")
	}
	d := c.Distribution
	if d == nil {
		rknItems.add(pr, "Distribution", "required", "the distribution terms (contact, resources, data, conditions) are missing",
			"не заполнены сведения для распространения (контакты, ресурсы, данные, условия и запреты)")
		return
	}
	if d.Contact.IsZero() {
		rknContact.add(pr, "Distribution.Contact", "required", "the subject's phone, e-mail or postal address is missing",
			"не указана контактная информация субъекта (телефон, адрес электронной почты или почтовый адрес)")
	}
	if len(d.Resources) == 0 {
		rknResources.add(pr, "Distribution.Resources", "required", "the operator's web pages where the data will be published are missing",
			"не указаны информационные ресурсы оператора, на которых будут размещены данные")
	}
	for i, res := range d.Resources {
		if !fullURL(res) {
			rknResources.add(pr, "Distribution.Resources["+strconv.Itoa(i)+"]", "resource_url",
				"each resource must be a full address: protocol, server, domain, directory and page (https://site.ru/dir/page)",
				"информационный ресурс указывается полным адресом: протокол, сервер, домен, каталог и страница (https://site.ru/dir/page)")
		}
	}
	listed := categorySet(c.Categories)
	var itemized pdata.CategorySet
	for i, it := range d.Items {
		f := func() string { return "Distribution.Items[" + strconv.Itoa(i) + "]" }
		switch {
		case !it.Category.Valid():
			rknItems.add(pr, f()+".Category", "data_category", "unknown data category", "неизвестная категория персональных данных")
		case itemized.Has(it.Category):
			rknItems.add(pr, f()+".Category", "duplicate", it.Category.String()+" is itemized twice", "категория «"+it.Category.Title()+"» указана дважды")
		case !listed.Has(it.Category):
			rknItems.add(pr, f()+".Category", "distribution_item", it.Category.String()+" is itemized but not in the list of data",
				"категория «"+it.Category.Title()+"» расписана, но не входит в перечень данных согласия")
		}
		itemized = itemized.With(it.Category)
		if isBlank(it.Data) {
			rknItems.add(pr, f()+".Data", "required", "which data of "+it.Category.String()+" may be distributed is not said",
				"не указано, какие именно данные категории «"+it.Category.Title()+"» разрешены для распространения")
		}
		hasRestriction := !isBlank(it.Conditions) || !isBlank(it.Prohibitions)
		switch {
		case !hasRestriction && !it.NoRestrictions:
			rknRestrict.add(pr, f()+".Conditions", "distribution_restrictions",
				"for "+it.Category.String()+" the consent must state the conditions and prohibitions, or that the subject sets none",
				"для категории «"+it.Category.Title()+"» укажите условия и запреты или отметку, что субъект их не устанавливает")
		case hasRestriction && it.NoRestrictions:
			rknRestrict.add(pr, f()+".NoRestrictions", "distribution_restrictions",
				"for "+it.Category.String()+" conditions are set and also marked as none",
				"для категории «"+it.Category.Title()+"» одновременно указаны условия (запреты) и отметка об их отсутствии")
		}
	}
	for _, dc := range listed.Minus(itemized).Slice() {
		rknItems.add(pr, "Distribution.Items", "distribution_item",
			"say which data of "+dc.String()+" may be distributed, with its conditions and prohibitions",
			"для категории «"+dc.Title()+"» не указано, какие данные разрешены для распространения, и условия и запреты")
	}
	if !d.Transfer.Valid() {
		rknTransfer.add(pr, "Distribution.Transfer", "transfer_condition",
			"the transfer condition (internal network, networks, no transfer, or none set) is missing",
			"не указаны условия передачи (только по внутренней сети, по сетям, без передачи, или что условия не устанавливаются)")
	}
}

// checkDate records a problem with d, a date of field, when it is outside
// the years pdnkit handles, 1900–9799 (as in package retention), and
// reports whether it is within them; a zero d is left to the checks that
// require it. en and ru name the date.
func checkDate(pr *pdata.Problems, it ref, field string, d date.Date, en, ru string) bool {
	if d == date.Zero || (d >= firstDay && d <= lastDay) {
		return true
	}
	it.add(pr, field, "date_range", en+" is outside the years 1900–9799", ru+" вне допустимых пределов (1900–9799 годы)")
	return false
}

// isBlank reports whether a required text is missing: empty or only white
// space, which names nothing.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// fullURL reports whether s is an http(s) address with a host and a page
// beyond the site's root, as RKN order 18 requires.
func fullURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		return false
	}
	return strings.Trim(u.Path, "/") != ""
}

func checkWithdrawal(pr *pdata.Problems, c Consent, w Withdrawal, r Rules) {
	if w.Date == date.Zero {
		refWithdrawal.add(pr, "Withdrawn.Date", "required", "the date the withdrawal was received is missing", "не указана дата получения отзыва согласия")
		return
	}
	if c.Given != date.Zero && w.Date < c.Given {
		refWithdrawal.add(pr, "Withdrawn.Date", "withdrawal_before_given", "the withdrawal is dated before the consent",
			"отзыв датирован раньше самого согласия")
	}
	switch {
	case !checkDate(pr, refWithdrawal, "Withdrawn.Date", w.Date, "the date the withdrawal was received", "дата получения отзыва согласия"):
	case c.Kind != Distribution && w.Date+DestroyWithinDays > lastDay:
		refWithdrawal.add(pr, "Withdrawn.Date", "date_range",
			"the 30-day term to destroy the data (152-FZ art. 21 part 5) would end after 31.12.9799, beyond the dates pdnkit handles",
			"30-дневный срок уничтожения данных (ч. 5 ст. 21 152-ФЗ) закончился бы позже 31.12.9799 — за пределами допустимых дат")
	}
	if !w.At.IsZero() && r.Operator.DateOf(w.At) != w.Date {
		refWithdrawal.add(pr, "Withdrawn.At", "withdrawal_moment",
			"the moment of withdrawal falls on another date in the operator's time zone",
			"момент получения отзыва приходится на другую дату по времени оператора")
	}
}
