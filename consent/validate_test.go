package consent_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/period"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidate_FixturesAreValid(t *testing.T) {
	for name, c := range map[string]consent.Consent{
		"processing": processing(), "distribution": distribution(), "transfer": transfer(),
		"third party": thirdParty(), "representative, qualified e-signature": withRepresentative(),
	} {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, consent.Validate(c))
		})
	}
}

// problem is one expected field error.
type problem struct {
	name   string                 // the rule and the item it checks
	base   func() consent.Consent // nil: processing()
	mutate func(*consent.Consent)
	field  string
	rule   string
	law    string // expected Basis.Law
	en, ru string // the item as the messages must name it
}

func (p problem) run(t *testing.T) {
	t.Helper()
	base := p.base
	if base == nil {
		base = processing
	}
	c := base()
	p.mutate(&c)
	err := consent.Validate(c)
	require.Error(t, err)
	assert.ErrorIs(t, err, pdata.ErrInvalid)
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	fe, ok := find(ve, p.field, p.rule)
	require.Truef(t, ok, "no %s error for field %s; got %v", p.rule, p.field, err)
	assert.Equal(t, p.law, fe.Basis.Law)
	assert.Contains(t, fe.Message, p.en, "the English message names the item")
	assert.Contains(t, fe.MessageRU, p.ru, "the Russian message names the item")
}

// find returns the field error with the given path and rule.
func find(ve *pdata.ValidationError, field, rule string) (pdata.FieldError, bool) {
	for _, fe := range ve.Errors {
		if fe.Field == field && fe.Rule == rule {
			return fe, true
		}
	}
	return pdata.FieldError{}, false
}

const (
	en1, ru1 = "152-FZ art. 9 part 4 item 1", "п. 1 ч. 4 ст. 9 152-ФЗ"
	en2, ru2 = "152-FZ art. 9 part 4 item 2", "п. 2 ч. 4 ст. 9 152-ФЗ"
	en3, ru3 = "152-FZ art. 9 part 4 item 3", "п. 3 ч. 4 ст. 9 152-ФЗ"
	en4, ru4 = "152-FZ art. 9 part 4 item 4", "п. 4 ч. 4 ст. 9 152-ФЗ"
	en5, ru5 = "152-FZ art. 9 part 4 item 5", "п. 5 ч. 4 ст. 9 152-ФЗ"
	en6, ru6 = "152-FZ art. 9 part 4 item 6", "п. 6 ч. 4 ст. 9 152-ФЗ"
	en7, ru7 = "152-FZ art. 9 part 4 item 7", "п. 7 ч. 4 ст. 9 152-ФЗ"
	en8, ru8 = "152-FZ art. 9 part 4 item 8", "п. 8 ч. 4 ст. 9 152-ФЗ"
	en9, ru9 = "152-FZ art. 9 part 4 item 9", "п. 9 ч. 4 ст. 9 152-ФЗ"
)

// TestValidate_Art9Part4 checks each element of 152-FZ art. 9 part 4, items
// 1–9: removing it gives a field error citing that item.
func TestValidate_Art9Part4(t *testing.T) {
	rep := withRepresentative
	for _, p := range []problem{
		// Item 1: the subject's full name, address, identity document number, issue date, issuer.
		{name: "item 1: subject's full name", mutate: func(c *consent.Consent) { c.Subject.LastName = "" },
			field: "Subject.LastName", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 1", en: en1, ru: ru1},
		{name: "item 1: subject's address", mutate: func(c *consent.Consent) { c.Subject.Address = " " },
			field: "Subject.Address", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 1", en: en1, ru: ru1},
		{name: "item 1: identity document number", mutate: func(c *consent.Consent) { c.Subject.Document = pdata.Passport{} },
			field: "Subject.Document", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 1", en: en1, ru: ru1},
		{name: "item 1: identity document issue date", mutate: func(c *consent.Consent) { c.Subject.Document.IssueDate = date.Zero },
			field: "Subject.Document.IssueDate", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 1", en: en1, ru: ru1},
		{name: "item 1: identity document issuer", mutate: func(c *consent.Consent) { c.Subject.Document.Issuer = "" },
			field: "Subject.Document.Issuer", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 1", en: en1, ru: ru1},
		// Issued 02.10.2025, the day after the consent of 01.10.2025.
		{name: "item 1: document issued after the consent", mutate: func(c *consent.Consent) { c.Subject.Document.IssueDate = date.New(2025, 10, 2) },
			field: "Subject.Document.IssueDate", rule: "passport_issue_date", law: "152-ФЗ ст. 9 ч. 4 п. 1", en: en1, ru: ru1},
		{name: "item 1: malformed division code", mutate: func(c *consent.Consent) { c.Subject.Document.DivisionCode = "630012" },
			field: "Subject.Document.DivisionCode", rule: "division_code", law: "152-ФЗ ст. 9 ч. 4 п. 1", en: en1, ru: ru1},

		// Item 2: the representative's data and the power of attorney.
		{name: "item 2: representative's full name", base: rep, mutate: func(c *consent.Consent) { c.Representative.FirstName = "" },
			field: "Representative.LastName", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 2", en: en2, ru: ru2},
		{name: "item 2: representative's address", base: rep, mutate: func(c *consent.Consent) { c.Representative.Address = "" },
			field: "Representative.Address", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 2", en: en2, ru: ru2},
		{name: "item 2: representative's document number", base: rep, mutate: func(c *consent.Consent) { c.Representative.Document = pdata.Passport{} },
			field: "Representative.Document", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 2", en: en2, ru: ru2},
		{name: "item 2: representative's document issue date", base: rep, mutate: func(c *consent.Consent) { c.Representative.Document.IssueDate = date.Zero },
			field: "Representative.Document.IssueDate", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 2", en: en2, ru: ru2},
		{name: "item 2: representative's document issuer", base: rep, mutate: func(c *consent.Consent) { c.Representative.Document.Issuer = "" },
			field: "Representative.Document.Issuer", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 2", en: en2, ru: ru2},
		{name: "item 2 and part 1: representative without power of attorney", base: rep,
			mutate: func(c *consent.Consent) { c.Representative.Authority = consent.Authority{} },
			field:  "Representative.Authority", rule: "representative_authority", law: "152-ФЗ ст. 9 ч. 1; ч. 4 п. 2",
			en: "152-FZ art. 9 part 1 and part 4 item 2", ru: "ч. 1 и п. 2 ч. 4 ст. 9 152-ФЗ"},
		{name: "item 2: power of attorney without date", base: rep, mutate: func(c *consent.Consent) { c.Representative.Authority.Date = date.Zero },
			field: "Representative.Authority.Date", rule: "required", law: "152-ФЗ ст. 9 ч. 1; ч. 4 п. 2",
			en: "152-FZ art. 9 part 1 and part 4 item 2", ru: "ч. 1 и п. 2 ч. 4 ст. 9 152-ФЗ"},
		{name: "item 2: power of attorney without kind of document", base: rep, mutate: func(c *consent.Consent) { c.Representative.Authority.Document = "" },
			field: "Representative.Authority.Document", rule: "required", law: "152-ФЗ ст. 9 ч. 1; ч. 4 п. 2",
			en: "152-FZ art. 9 part 1 and part 4 item 2", ru: "ч. 1 и п. 2 ч. 4 ст. 9 152-ФЗ"},
		// Valid until 30.09.2025; the consent is of 01.10.2025, one day later.
		{name: "item 2: power of attorney expired before the consent", base: rep,
			mutate: func(c *consent.Consent) { c.Representative.Authority.ValidUntil = date.New(2025, 9, 30) },
			field:  "Representative.Authority.ValidUntil", rule: "authority_expired", law: "152-ФЗ ст. 9 ч. 1; ч. 4 п. 2",
			en: "152-FZ art. 9 part 1 and part 4 item 2", ru: "ч. 1 и п. 2 ч. 4 ст. 9 152-ФЗ"},
		{name: "item 2: power of attorney dated after the consent", base: rep,
			mutate: func(c *consent.Consent) { c.Representative.Authority.Date = date.New(2025, 10, 2) },
			field:  "Representative.Authority.Date", rule: "authority_not_yet", law: "152-ФЗ ст. 9 ч. 1; ч. 4 п. 2",
			en: "152-FZ art. 9 part 1 and part 4 item 2", ru: "ч. 1 и п. 2 ч. 4 ст. 9 152-ФЗ"},

		// Item 3: the operator's name and address.
		{name: "item 3: operator's name", mutate: func(c *consent.Consent) { c.Operator.Name = "" },
			field: "Operator.Name", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 3", en: en3, ru: ru3},
		{name: "item 3: operator's address", mutate: func(c *consent.Consent) { c.Operator.Address = "" },
			field: "Operator.Address", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 3", en: en3, ru: ru3},

		// Item 4: purposes.
		{name: "item 4: no purpose", mutate: func(c *consent.Consent) { c.Purposes = nil },
			field: "Purposes", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 4", en: en4, ru: ru4},
		{name: "item 4: empty purpose", mutate: func(c *consent.Consent) { c.Purposes = append(c.Purposes, "  ") },
			field: "Purposes[1]", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 4", en: en4, ru: ru4},

		// Item 5: the list of data.
		{name: "item 5: no data listed", mutate: func(c *consent.Consent) { c.Categories = nil },
			field: "Categories", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 5", en: en5, ru: ru5},
		{name: "item 5: unknown category", mutate: func(c *consent.Consent) { c.Categories = append(c.Categories, pdata.DataCategory(40)) },
			field: "Categories[7]", rule: "data_category", law: "152-ФЗ ст. 9 ч. 4 п. 5", en: en5, ru: ru5},
		{name: "item 5: category listed twice", mutate: func(c *consent.Consent) { c.Categories = append(c.Categories, pdata.DataPhone) },
			field: "Categories[7]", rule: "duplicate", law: "152-ФЗ ст. 9 ч. 4 п. 5", en: en5, ru: ru5},
		// Policy 2.3.2 does not list IP addresses for residents (they are 2.3.4, site users).
		{name: "item 5 and policy 2.3.2: category not allowed for a resident",
			mutate: func(c *consent.Consent) { c.Categories = append(c.Categories, pdata.DataIP) },
			field:  "Categories[7]", rule: "category_not_allowed", law: "152-ФЗ ст. 5 ч. 5; ст. 9 ч. 4 п. 5", en: en5, ru: ru5},
		// Art. 10 part 1 and policy 6.1.3: health data are never processed.
		{name: "item 5 and art. 10: special category refused",
			mutate: func(c *consent.Consent) { c.Categories = append(c.Categories, pdata.DataHealth) },
			field:  "Categories[7]", rule: "special_category", law: "152-ФЗ ст. 10 ч. 1", en: en5, ru: ru5},
		{name: "item 5 and art. 11: biometrics refused",
			mutate: func(c *consent.Consent) { c.Categories = append(c.Categories, pdata.DataBiometric) },
			field:  "Categories[7]", rule: "special_category", law: "152-ФЗ ст. 11", en: en5, ru: ru5},

		// Item 6: the processor acting on the operator's behalf.
		{name: "item 6: processor without name", mutate: func(c *consent.Consent) { c.Processor = &consent.Party{Address: "адрес"} },
			field: "Processor.Name", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 6", en: en6, ru: ru6},
		{name: "item 6: processor without address", mutate: func(c *consent.Consent) { c.Processor = &consent.Party{Name: billingCentre} },
			field: "Processor.Address", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 6", en: en6, ru: ru6},

		// Item 7: actions and methods.
		{name: "item 7: no actions", mutate: func(c *consent.Consent) { c.Actions = nil },
			field: "Actions", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 7", en: en7, ru: ru7},
		{name: "item 7: unknown action", mutate: func(c *consent.Consent) { c.Actions = append(c.Actions, consent.Action(99)) },
			field: "Actions[14]", rule: "action", law: "152-ФЗ ст. 9 ч. 4 п. 7", en: en7, ru: ru7},
		{name: "item 7: action listed twice", mutate: func(c *consent.Consent) { c.Actions = append(c.Actions, consent.ActUse) },
			field: "Actions[14]", rule: "duplicate", law: "152-ФЗ ст. 9 ч. 4 п. 7", en: en7, ru: ru7},
		{name: "item 7: no description of methods", mutate: func(c *consent.Consent) { c.Method = 0 },
			field: "Method", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 7", en: en7, ru: ru7},

		// Item 8: the term and the way to withdraw.
		{name: "item 8: no term", mutate: func(c *consent.Consent) { c.Validity = consent.Validity{} },
			field: "Validity", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 8", en: en8, ru: ru8},
		// Ends 30.09.2025, before the consent of 01.10.2025.
		{name: "item 8: term ends before the consent", mutate: func(c *consent.Consent) { c.Validity = consent.Validity{Until: date.New(2025, 9, 30)} },
			field: "Validity.Until", rule: "validity_before_given", law: "152-ФЗ ст. 9 ч. 4 п. 8", en: en8, ru: ru8},
		{name: "item 8: term in hours", mutate: func(c *consent.Consent) { c.Validity = consent.Validity{For: period.NewHMS(48, 0, 0)} },
			field: "Validity.For", rule: "validity_term", law: "152-ФЗ ст. 9 ч. 4 п. 8", en: en8, ru: ru8},
		{name: "item 8: negative term", mutate: func(c *consent.Consent) { c.Validity = consent.Validity{For: period.NewYMD(-1, 0, 0)} },
			field: "Validity.For", rule: "validity_term", law: "152-ФЗ ст. 9 ч. 4 п. 8", en: en8, ru: ru8},
		{name: "item 8: no way to withdraw", mutate: func(c *consent.Consent) { c.HowToWithdraw = "" },
			field: "HowToWithdraw", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 8", en: en8, ru: ru8},

		// Item 9: the signature.
		{name: "item 9: not signed", mutate: func(c *consent.Consent) { c.Signature = consent.Signature{} },
			field: "Signature.Kind", rule: "signature_required", law: "152-ФЗ ст. 9 ч. 4 п. 9", en: en9, ru: ru9},
		{name: "item 9: paper consent with an electronic signature",
			mutate: func(c *consent.Consent) {
				c.Signature = consent.Signature{Kind: consent.SimpleElectronic, Key: "код из SMS"}
			},
			field: "Signature.Kind", rule: "signature_form", law: "152-ФЗ ст. 9 ч. 4 п. 9", en: en9, ru: ru9},
	} {
		t.Run(p.name, p.run)
	}
}

// TestValidate_ElectronicSignature checks 152-FZ art. 9 part 4 (an
// electronic document counts as written only with an electronic signature)
// and 63-FZ art. 6.
func TestValidate_ElectronicSignature(t *testing.T) {
	const law, en, ru = "152-ФЗ ст. 9 ч. 4; 63-ФЗ ст. 6", "152-FZ art. 9 part 4; 63-FZ art. 6", "ч. 4 ст. 9 152-ФЗ; ст. 6 63-ФЗ"
	for _, p := range []problem{
		{name: "electronic consent signed by hand", base: withRepresentative,
			mutate: func(c *consent.Consent) { c.Signature = consent.Signature{Kind: consent.Handwritten} },
			field:  "Signature.Kind", rule: "electronic_signature_required", law: law, en: en, ru: ru},
		{name: "electronic consent with no signature at all", base: withRepresentative,
			mutate: func(c *consent.Consent) { c.Signature = consent.Signature{} },
			field:  "Signature.Kind", rule: "electronic_signature_required", law: law, en: en, ru: ru},
		{name: "qualified signature without certificate", base: withRepresentative,
			mutate: func(c *consent.Consent) { c.Signature.Certificate = "" },
			field:  "Signature.Certificate", rule: "signature_details", law: law, en: en, ru: ru},
		{name: "unqualified signature without certification centre", base: withRepresentative,
			mutate: func(c *consent.Consent) {
				c.Signature.Kind, c.Signature.CertificateIssuer = consent.UnqualifiedElectronic, ""
			},
			field: "Signature.Certificate", rule: "signature_details", law: law, en: en, ru: ru},
		{name: "simple signature without key", base: withRepresentative,
			mutate: func(c *consent.Consent) { c.Signature = consent.Signature{Kind: consent.SimpleElectronic} },
			field:  "Signature.Key", rule: "signature_details", law: law, en: en, ru: ru},
	} {
		t.Run(p.name, p.run)
	}
	c := withRepresentative()
	c.Signature = consent.Signature{Kind: consent.SimpleElectronic, Key: "личный кабинет жителя, код из SMS, журнал № 5521"}
	assert.NoError(t, consent.Validate(c), "a simple e-signature with its key is enough")
}

// TestValidate_Standalone checks 152-FZ art. 9 part 1 as amended by 156-FZ:
// from 01.09.2025 a consent must be a separate document.
func TestValidate_Standalone(t *testing.T) {
	embedded := func(given date.Date) consent.Consent {
		c := processing()
		c.Document = consent.Document{Title: "Договор управления многоквартирным домом № 17", Form: consent.Paper, Standalone: false}
		c.Given = given
		return c
	}
	// Given 01.09.2025, the first day of the new rule: refused.
	problem{name: "embedded on 01.09.2025", base: func() consent.Consent { return embedded(date.New(2025, 9, 1)) },
		mutate: func(*consent.Consent) {}, field: "Document.Standalone", rule: "standalone_document",
		law: "152-ФЗ ст. 9 ч. 1 (ред. 156-ФЗ)", en: "152-FZ art. 9 part 1 as amended by 156-FZ", ru: "ч. 1 ст. 9 152-ФЗ в ред. 156-ФЗ"}.run(t)
	// Given 31.08.2025, the day before: the old rule allowed a clause of a contract.
	assert.NoError(t, consent.Validate(embedded(date.New(2025, 8, 31))))
	assert.Equal(t, date.New(2025, 9, 1), consent.StandaloneFrom())
}

// TestValidate_RKN18 checks each field RKN order No. 18 requires of a
// consent to distribution (152-FZ art. 10.1).
func TestValidate_RKN18(t *testing.T) {
	d := distribution
	rknLaw := func(what string) string { return "152-ФЗ ст. 10.1; Приказ РКН № 18 (" + what + ")" }
	const enRKN, ruRKN = "RKN order No. 18", "Приказ РКН № 18"
	for _, p := range []problem{
		{name: "RKN 18: subject's full name (art. 9 part 4 item 1 too)", base: d, mutate: func(c *consent.Consent) { c.Subject.LastName = "" },
			field: "Subject.LastName", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 1", en: en1, ru: ru1},
		{name: "RKN 18: subject's contact details", base: d, mutate: func(c *consent.Consent) { c.Distribution.Contact = consent.Contact{} },
			field: "Distribution.Contact", rule: "required", law: rknLaw("контактная информация субъекта"), en: enRKN, ru: ruRKN},
		{name: "RKN 18: operator's name", base: d, mutate: func(c *consent.Consent) { c.Operator.Name = "" },
			field: "Operator.Name", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 3", en: en3, ru: ru3},
		{name: "RKN 18: operator's address", base: d, mutate: func(c *consent.Consent) { c.Operator.Address = "" },
			field: "Operator.Address", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 3", en: en3, ru: ru3},
		{name: "RKN 18: operator's INN", base: d, mutate: func(c *consent.Consent) { c.Operator.INN = pdata.INN{} },
			field: "Operator.INN", rule: "required", law: rknLaw("сведения об операторе: наименование, адрес, ИНН, ОГРН"), en: enRKN, ru: ruRKN},
		{name: "RKN 18: operator's OGRN", base: d, mutate: func(c *consent.Consent) { c.Operator.OGRN = pdata.OGRN{} },
			field: "Operator.OGRN", rule: "required", law: rknLaw("сведения об операторе: наименование, адрес, ИНН, ОГРН"), en: enRKN, ru: ruRKN},
		{name: "RKN 18: operator's resources missing", base: d, mutate: func(c *consent.Consent) { c.Distribution.Resources = nil },
			field: "Distribution.Resources", rule: "required", law: rknLaw("информационные ресурсы оператора"), en: enRKN, ru: ruRKN},
		{name: "RKN 18: resource is the site root, not a page", base: d,
			mutate: func(c *consent.Consent) { c.Distribution.Resources = []string{"https://pozhkh-koshki.example.ru/"} },
			field:  "Distribution.Resources[0]", rule: "resource_url", law: rknLaw("информационные ресурсы оператора"), en: enRKN, ru: ruRKN},
		{name: "RKN 18: resource without protocol", base: d,
			mutate: func(c *consent.Consent) { c.Distribution.Resources = []string{"pozhkh-koshki.example.ru/dolzhniki"} },
			field:  "Distribution.Resources[0]", rule: "resource_url", law: rknLaw("информационные ресурсы оператора"), en: enRKN, ru: ruRKN},
		{name: "RKN 18: resource on ftp", base: d,
			mutate: func(c *consent.Consent) {
				c.Distribution.Resources = []string{"ftp://pozhkh-koshki.example.ru/dolzhniki"}
			},
			field: "Distribution.Resources[0]", rule: "resource_url", law: rknLaw("информационные ресурсы оператора"), en: enRKN, ru: ruRKN},
		{name: "RKN 18: purpose", base: d, mutate: func(c *consent.Consent) { c.Purposes = nil },
			field: "Purposes", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 4", en: en4, ru: ru4},
		{name: "RKN 18: what may be distributed, per category", base: d, mutate: func(c *consent.Consent) { c.Distribution.Items[0].Data = "" },
			field: "Distribution.Items[0].Data", rule: "required", law: rknLaw("категории и перечень персональных данных"), en: enRKN, ru: ruRKN},
		{name: "RKN 18: category listed but not itemized", base: d,
			mutate: func(c *consent.Consent) { c.Distribution.Items = c.Distribution.Items[:1] },
			field:  "Distribution.Items", rule: "distribution_item", law: rknLaw("категории и перечень персональных данных"), en: enRKN, ru: ruRKN},
		{name: "RKN 18: category itemized but not listed", base: d,
			mutate: func(c *consent.Consent) { c.Categories = c.Categories[:1] },
			field:  "Distribution.Items[1].Category", rule: "distribution_item", law: rknLaw("категории и перечень персональных данных"), en: enRKN, ru: ruRKN},
		{name: "RKN 18: no terms at all", base: d, mutate: func(c *consent.Consent) { c.Distribution = nil },
			field: "Distribution", rule: "required", law: rknLaw("категории и перечень персональных данных"), en: enRKN, ru: ruRKN},
		{name: "RKN 18 and art. 10.1 part 9: conditions and prohibitions not stated", base: d,
			mutate: func(c *consent.Consent) { c.Distribution.Items[1].NoRestrictions = false },
			field:  "Distribution.Items[1].Conditions", rule: "distribution_restrictions", law: rknLaw("условия и запреты"), en: enRKN, ru: ruRKN},
		{name: "RKN 18: conditions set and marked as none", base: d,
			mutate: func(c *consent.Consent) { c.Distribution.Items[0].NoRestrictions = true },
			field:  "Distribution.Items[0].NoRestrictions", rule: "distribution_restrictions", law: rknLaw("условия и запреты"), en: enRKN, ru: ruRKN},
		{name: "RKN 18: transfer conditions", base: d, mutate: func(c *consent.Consent) { c.Distribution.Transfer = 0 },
			field: "Distribution.Transfer", rule: "transfer_condition", law: rknLaw("условия передачи"), en: enRKN, ru: ruRKN},
		{name: "RKN 18: validity period", base: d, mutate: func(c *consent.Consent) { c.Validity = consent.Validity{} },
			field: "Validity", rule: "required", law: "152-ФЗ ст. 9 ч. 4 п. 8", en: en8, ru: ru8},
		{name: "art. 9 part 4 item 7: distribution consent must list distribution", base: d,
			mutate: func(c *consent.Consent) { c.Actions = []consent.Action{consent.ActStore} },
			field:  "Actions", rule: "action_required", law: "152-ФЗ ст. 9 ч. 4 п. 7", en: en7, ru: ru7},
		// Art. 10.1 part 1: separate from other consents, even before 01.09.2025 (here 01.10.2024).
		{name: "art. 10.1 part 1: distribution consent not separate", base: d,
			mutate: func(c *consent.Consent) { c.Document.Standalone, c.Given = false, date.New(2024, 10, 1) },
			field:  "Document.Standalone", rule: "distribution_separate", law: "152-ФЗ ст. 10.1 ч. 1", en: "152-FZ art. 10.1 part 1", ru: "ч. 1 ст. 10.1 152-ФЗ"},
		{name: "art. 10.1 part 1: distribution as an action of a processing consent",
			mutate: func(c *consent.Consent) { c.Actions = append(c.Actions, consent.ActDistribute) },
			field:  "Actions", rule: "distribution_separate", law: "152-ФЗ ст. 10.1 ч. 1", en: "152-FZ art. 10.1 part 1", ru: "ч. 1 ст. 10.1 152-ФЗ"},
		{name: "art. 10.1 part 1: distribution terms in a processing consent",
			mutate: func(c *consent.Consent) { c.Distribution = distribution().Distribution },
			field:  "Distribution", rule: "distribution_separate", law: "152-ФЗ ст. 10.1 ч. 1", en: "152-FZ art. 10.1 part 1", ru: "ч. 1 ст. 10.1 152-ФЗ"},
	} {
		t.Run(p.name, p.run)
	}
}

// TestValidate_KindRules checks policy 5.3 (a transfer consent names its
// recipient) and 6.1.2 (obtaining from a third party after notice).
func TestValidate_KindRules(t *testing.T) {
	const law53, en53, ru53 = "152-ФЗ ст. 9 ч. 1", "policy 5.3", "п. 5.3 Положения"
	const law612, en612, ru612 = "152-ФЗ ст. 18 ч. 3", "policy 6.1.2", "п. 6.1.2 Положения"
	for _, p := range []problem{
		{name: "5.3: transfer consent without recipient", base: transfer, mutate: func(c *consent.Consent) { c.Recipients = nil },
			field: "Recipients", rule: "recipient_required", law: law53, en: en53, ru: ru53},
		{name: "5.3: recipient without address", base: transfer, mutate: func(c *consent.Consent) { c.Recipients[0].Address = "" },
			field: "Recipients[0].Address", rule: "required", law: law53, en: en53, ru: ru53},
		{name: "item 7: transfer consent without provision", base: transfer, mutate: func(c *consent.Consent) { c.Actions = []consent.Action{consent.ActUse} },
			field: "Actions", rule: "action_required", law: "152-ФЗ ст. 9 ч. 4 п. 7", en: en7, ru: ru7},
		{name: "6.1.2: no source or notice", base: thirdParty, mutate: func(c *consent.Consent) { c.ThirdParty = nil },
			field: "ThirdParty", rule: "required", law: law612, en: en612, ru: ru612},
		{name: "6.1.2: source unnamed", base: thirdParty, mutate: func(c *consent.Consent) { c.ThirdParty.From = consent.Party{} },
			field: "ThirdParty.From", rule: "required", law: law612, en: en612, ru: ru612},
		// Notified 02.10.2025, a day after consenting on 01.10.2025: not "in advance".
		{name: "6.1.2: notice after the consent", base: thirdParty, mutate: func(c *consent.Consent) { c.ThirdParty.NotifiedOn = date.New(2025, 10, 2) },
			field: "ThirdParty.NotifiedOn", rule: "notice_after_consent", law: law612, en: en612, ru: ru612},
		{name: "6.1.2: ways of obtaining", base: thirdParty, mutate: func(c *consent.Consent) { c.ThirdParty.How = "" },
			field: "ThirdParty.How", rule: "required", law: law612, en: en612, ru: ru612},
		{name: "6.1.2: consequences of refusal", base: thirdParty, mutate: func(c *consent.Consent) { c.ThirdParty.RefusalConsequences = "" },
			field: "ThirdParty.RefusalConsequences", rule: "required", law: law612, en: en612, ru: ru612},
		{name: "6.1.2 and 2.3.4: site users' data never come from a third party", base: thirdParty,
			mutate: func(c *consent.Consent) {
				c.SubjectCategory = pdata.SiteUser
				c.Categories = []pdata.DataCategory{pdata.DataEmail}
			},
			field: "Kind", rule: "source_not_allowed", law: law612, en: en612, ru: ru612},
	} {
		t.Run(p.name, p.run)
	}
}

// TestValidate_Record checks what makes the consent provable (152-FZ art. 9
// part 3) and the withdrawal (art. 9 part 2).
func TestValidate_Record(t *testing.T) {
	const law3, en3p, ru3p = "152-ФЗ ст. 9 ч. 3", "152-FZ art. 9 part 3", "ч. 3 ст. 9 152-ФЗ"
	const law2, en2p, ru2p = "152-ФЗ ст. 9 ч. 2", "152-FZ art. 9 part 2", "ч. 2 ст. 9 152-ФЗ"
	for _, p := range []problem{
		{name: "art. 9 part 3: consent ID", mutate: func(c *consent.Consent) { c.ID = "" },
			field: "ID", rule: "required", law: law3, en: en3p, ru: ru3p},
		{name: "art. 9 part 3: subject ID", mutate: func(c *consent.Consent) { c.SubjectID = "" },
			field: "SubjectID", rule: "required", law: law3, en: en3p, ru: ru3p},
		{name: "art. 9 part 3: kind", mutate: func(c *consent.Consent) { c.Kind = 0 },
			field: "Kind", rule: "consent_kind", law: law3, en: en3p, ru: ru3p},
		{name: "art. 9 part 3: date given", mutate: func(c *consent.Consent) { c.Given = date.Zero },
			field: "Given", rule: "required", law: law3, en: en3p, ru: ru3p},
		{name: "art. 9 part 3: document", mutate: func(c *consent.Consent) { c.Document.Title = "" },
			field: "Document.Title", rule: "required", law: law3, en: en3p, ru: ru3p},
		{name: "art. 9 part 3: form", mutate: func(c *consent.Consent) { c.Document.Form = 0 },
			field: "Document.Form", rule: "required", law: law3, en: en3p, ru: ru3p},
		{name: "policy 2.3: subject category", mutate: func(c *consent.Consent) { c.SubjectCategory = 0 },
			field: "SubjectCategory", rule: "subject_category", law: "152-ФЗ ст. 5 ч. 5", en: "policy 2.1", ru: "п. 2.1 Положения"},
		{name: "art. 9 part 2: withdrawal without date", mutate: func(c *consent.Consent) { c.Withdrawn = &consent.Withdrawal{} },
			field: "Withdrawn.Date", rule: "required", law: law2, en: en2p, ru: ru2p},
		{name: "art. 9 part 2: withdrawal before the consent",
			mutate: func(c *consent.Consent) { c.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 9, 30)} },
			field:  "Withdrawn.Date", rule: "withdrawal_before_given", law: law2, en: en2p, ru: ru2p},
		// 21:30 UTC on 02.11.2025 is 01:30 on 03.11.2025 in Samara (UTC+4), not 02.11.
		{name: "art. 9 part 2: withdrawal moment on another date in the operator's zone",
			mutate: func(c *consent.Consent) {
				c.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 11, 2), At: time.Date(2025, 11, 2, 21, 30, 0, 0, time.UTC)}
			},
			field: "Withdrawn.At", rule: "withdrawal_moment", law: law2, en: en2p, ru: ru2p},
	} {
		if strings.Contains(p.name, "operator's zone") {
			t.Run(p.name, func(t *testing.T) {
				c := processing()
				p.mutate(&c)
				var ve *pdata.ValidationError
				require.ErrorAs(t, consent.ValidateWith(c, samaraRules()), &ve)
				fe, ok := ve.Field(p.field)
				require.True(t, ok, ve.Error())
				assert.Equal(t, p.rule, fe.Rule)
				assert.Equal(t, p.law, fe.Basis.Law)
				// The same moment is 00:30 on 03.11 in Moscow too, so the default rules agree.
				require.Error(t, consent.Validate(c))
			})
			continue
		}
		t.Run(p.name, p.run)
	}
}

// TestValidate_EveryProblemAtOnce: an empty consent gives one error per
// missing element, all at once, each with a citation and both messages.
func TestValidate_EveryProblemAtOnce(t *testing.T) {
	err := consent.Validate(consent.Consent{})
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	require.ErrorIs(t, err, consent.ErrInvalid)
	for _, f := range []string{"ID", "SubjectID", "Kind", "SubjectCategory", "Subject.LastName", "Subject.Address", "Subject.Document",
		"Subject.Document.IssueDate", "Subject.Document.Issuer", "Operator.Name", "Operator.Address", "Purposes", "Categories",
		"Actions", "Method", "Validity", "HowToWithdraw", "Signature.Kind", "Document.Form", "Given", "Document.Title"} {
		_, ok := ve.Field(f)
		assert.Truef(t, ok, "no error for %s", f)
	}
	for _, fe := range ve.Errors {
		assert.NotEmpty(t, fe.Basis.Law, fe.Field)
		assert.NotEmpty(t, fe.Message, fe.Field)
		assert.NotEmpty(t, fe.MessageRU, fe.Field)
	}
	ru := ve.Russian()
	for _, item := range []string{ru1, ru3, ru4, ru5, ru7, ru8, ru9} {
		assert.Contains(t, ru, item)
	}
}

// TestValidateWith_Policy: the categories are checked against the rules'
// policy, not a fixed list.
func TestValidateWith_Policy(t *testing.T) {
	c := processing()
	c.Categories = append(c.Categories, pdata.DataIP)
	require.Error(t, consent.Validate(c))

	r := consent.DefaultRules()
	rule := r.Policy.Rules[pdata.Resident]
	rule.Allowed = rule.Allowed.With(pdata.DataIP)
	r.Policy.Rules[pdata.Resident] = rule
	assert.NoError(t, consent.ValidateWith(c, r), "a host policy that lists IP addresses for residents")

	// Validate keeps the seed policy whatever a caller did to its own copy.
	require.Error(t, consent.Validate(c))
}

func TestRules_Validate(t *testing.T) {
	require.NoError(t, consent.DefaultRules().Validate())
	r := consent.DefaultRules()
	r.Bases = []consent.LegalBasis{
		{Title: "выгрузка за рубеж", Ops: []consent.OpKind{consent.OpTransferAbroad}, Categories: []pdata.DataCategory{pdata.DataHealth}},
		{},
	}
	var ve *pdata.ValidationError
	require.ErrorAs(t, r.Validate(), &ve)
	for _, rule := range []string{"cross_border", "special_category", "required"} {
		assert.Truef(t, ve.Has(rule), "rule %s", rule)
	}
	fe, ok := ve.Field("Bases[0].Basis")
	require.True(t, ok)
	assert.Contains(t, fe.MessageRU, "п. 2–11 ч. 1 ст. 6")
	_, err := consent.NewDecider(consent.NewMemoryStore(), r)
	require.ErrorIs(t, err, consent.ErrInvalid, "NewDecider refuses bad rules")
	_, err = consent.NewDecider(nil, consent.DefaultRules())
	require.ErrorIs(t, err, consent.ErrInvalid)
	require.ErrorIs(t, consent.Rules{}.Validate(), consent.ErrInvalid, "rules without a policy")
}

func TestValidate_DoesNotChangeInput(t *testing.T) {
	c := distribution()
	before := c.Clone()
	c.Categories = append(c.Categories, pdata.DataHealth)
	c2 := c.Clone()
	_ = consent.Validate(c)
	assert.Equal(t, c2.Categories, c.Categories)
	assert.Equal(t, before.Distribution, c.Distribution)
	assert.True(t, errors.Is(consent.Validate(c), consent.ErrInvalid))
}

// TestValidate_BlankIsMissing: a required text of white space only names
// nothing, so it is missing like an empty one (152-FZ art. 9 part 4: each
// element must be stated; art. 9 part 3: the consent must be provable, which
// a blank ID is not). A blank Event is no term (item 8): without this the
// consent would have no end date and never expire.
func TestValidate_BlankIsMissing(t *testing.T) {
	const ws = "  \t\u00a0 "
	for _, tc := range []struct {
		field, rule string
		base        func() consent.Consent
		mutate      func(*consent.Consent)
	}{
		{"ID", "required", nil, func(c *consent.Consent) { c.ID = ws }},
		{"SubjectID", "required", nil, func(c *consent.Consent) { c.SubjectID = ws }},
		{"Operator.Name", "required", nil, func(c *consent.Consent) { c.Operator.Name = ws }},
		{"Operator.Address", "required", nil, func(c *consent.Consent) { c.Operator.Address = ws }},
		{"Subject.LastName", "required", nil, func(c *consent.Consent) { c.Subject.FirstName = ws }},
		{"Subject.Address", "required", nil, func(c *consent.Consent) { c.Subject.Address = ws }},
		{"Subject.Document.Issuer", "required", nil, func(c *consent.Consent) { c.Subject.Document.Issuer = ws }},
		{"Representative.LastName", "required", withRepresentative, func(c *consent.Consent) { c.Representative.LastName = ws }},
		{"Representative.Authority.Document", "required", withRepresentative, func(c *consent.Consent) { c.Representative.Authority.Document = ws }},
		{"Purposes[0]", "required", nil, func(c *consent.Consent) { c.Purposes = []string{ws} }},
		{"Processor.Name", "required", nil, func(c *consent.Consent) { c.Processor = &consent.Party{Name: ws, Address: "г. Самара"} }},
		{"Processor.Address", "required", nil, func(c *consent.Consent) {
			c.Processor = &consent.Party{Name: "ООО «Обработчик»", Address: ws}
		}},
		{"Validity", "required", nil, func(c *consent.Consent) { c.Validity = consent.Validity{Event: ws} }},
		{"HowToWithdraw", "required", nil, func(c *consent.Consent) { c.HowToWithdraw = ws }},
		{"Document.Title", "required", nil, func(c *consent.Consent) { c.Document.Title = ws }},
		{"Signature.Certificate", "signature_details", withRepresentative, func(c *consent.Consent) { c.Signature.Certificate = ws }},
		{"Signature.Key", "signature_details", nil, func(c *consent.Consent) {
			c.Document.Form = consent.Electronic
			c.Signature = consent.Signature{Kind: consent.SimpleElectronic, Key: ws}
		}},
		{"Recipients[0].Name", "required", nil, func(c *consent.Consent) { c.Recipients[0].Name = ws }},
		{"Recipients[0].Address", "required", transfer, func(c *consent.Consent) { c.Recipients[0].Address = ws }},
		{"ThirdParty.From", "required", thirdParty, func(c *consent.Consent) { c.ThirdParty.From.Address = ws }},
		{"ThirdParty.How", "required", thirdParty, func(c *consent.Consent) { c.ThirdParty.How = ws }},
		{"Distribution.Contact", "required", distribution, func(c *consent.Consent) {
			c.Distribution.Contact = consent.Contact{Postal: ws}
		}},
		{"Distribution.Items[0].Data", "required", distribution, func(c *consent.Consent) { c.Distribution.Items[0].Data = ws }},
	} {
		t.Run(tc.field, func(t *testing.T) {
			base := tc.base
			if base == nil {
				base = processing
			}
			c := base()
			tc.mutate(&c)
			err := consent.ValidateWith(c, samaraRules())
			require.ErrorIs(t, err, consent.ErrInvalid)
			var ve *pdata.ValidationError
			require.ErrorAs(t, err, &ve)
			fe, ok := find(ve, tc.field, tc.rule)
			require.Truef(t, ok, "no %s error for %s; got %v", tc.rule, tc.field, err)
			assert.NotEmpty(t, fe.MessageRU)
		})
	}

	// A blank event is no term: IsZero says so, and the consent has no end.
	v := consent.Validity{Event: ws}
	assert.True(t, v.IsZero())
	assert.True(t, consent.Contact{Postal: ws}.IsZero())

	// A configured legal basis with a blank title or citation is refused.
	r := samaraRules()
	r.Bases = []consent.LegalBasis{{Title: ws, Ops: []consent.OpKind{consent.OpStore},
		Categories: []pdata.DataCategory{pdata.DataFullName}, Basis: pdata.Basis{Law: ws}}}
	var rve *pdata.ValidationError
	require.ErrorAs(t, r.Validate(), &rve)
	_, ok := find(rve, "Bases[0].Title", "required")
	assert.True(t, ok, rve.Error())
	_, ok = find(rve, "Bases[0].Basis", "required")
	assert.True(t, ok, rve.Error())

	// A blank subject ID in an operation is missing too.
	op := storeOp(at(2026, 1, 10, 10, 0))
	op.SubjectID = ws
	_, err := consent.Decide([]consent.Consent{processing()}, op, samaraRules())
	require.ErrorIs(t, err, consent.ErrInvalid)
}
