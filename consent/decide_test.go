package consent_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/period"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func decide(t *testing.T, consents []consent.Consent, op consent.Operation, r consent.Rules) consent.Decision {
	t.Helper()
	d, err := consent.Decide(consents, op, r)
	require.NoError(t, err)
	if d.Allowed {
		assert.Empty(t, d.Reasons)
		var covered pdata.CategorySet
		for _, g := range d.Grounds {
			covered |= g.Categories
		}
		assert.Equal(t, pdata.SetOf(op.Categories...), covered, "the grounds cover every category")
	} else {
		assert.NotEmpty(t, d.Reasons, "a refusal gives its reasons")
		assert.Empty(t, d.Grounds)
		for _, r := range d.Reasons {
			assert.NotEmpty(t, r.Message)
			assert.NotEmpty(t, r.MessageRU)
			assert.False(t, r.Basis.IsZero(), r.Rule)
		}
	}
	return d
}

func rules(d consent.Decision) []string {
	var out []string
	for _, r := range d.Reasons {
		out = append(out, r.Rule)
	}
	return out
}

// Policy 3.3: processing rests on the subject's consent.
func TestDecide_ConsentCovers(t *testing.T) {
	d := decide(t, []consent.Consent{processing()}, storeOp(at(2025, 11, 2, 12, 0)), samaraRules())
	require.True(t, d.Allowed)
	require.Len(t, d.Grounds, 1)
	g := d.Grounds[0]
	assert.Equal(t, consent.GroundConsent, g.Kind)
	assert.Equal(t, "C-17", g.ConsentID)
	assert.Equal(t, "152-ФЗ ст. 6 ч. 1 п. 1; ст. 9; Положение п. 3.3", d.Basis.String())
	assert.Equal(t, "согласие субъекта № C-17 от 01.10.2025", g.Title())
	assert.Equal(t, date.New(2025, 11, 2), d.Date)
	assert.Contains(t, d.Russian(), "Разрешено")
}

// Art. 9 part 2, art. 21 part 5: a consent withdrawn the day before does not
// count, and the term to destroy follows.
func TestDecide_WithdrawnTheDayBefore(t *testing.T) {
	c := processing()
	// Received 01.11.2025; operation 02.11.2025. Destroy by 01.11 + 30 = 01.12.2025
	// (29 days to 30.11, the 30th is 01.12).
	c.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 11, 1), Document: "заявление вх. № 40"}
	d := decide(t, []consent.Consent{c}, storeOp(at(2025, 11, 2, 9, 0)), samaraRules())
	assert.False(t, d.Allowed)
	assert.Equal(t, []string{"withdrawn", "no_basis"}, rules(d))
	assert.Equal(t, "152-ФЗ ст. 9 ч. 2; ст. 21 ч. 5", d.Reasons[0].Basis.Law)
	assert.Contains(t, d.Reasons[0].MessageRU, "отозвано 01.11.2025")
	require.Len(t, d.Withdrawals, 1)
	w := d.Withdrawals[0]
	assert.Equal(t, "C-17", w.ConsentID)
	assert.Equal(t, date.New(2025, 11, 1), w.Received)
	assert.Equal(t, date.New(2025, 12, 1), w.DestroyBy)
	assert.False(t, w.Retained)
	assert.Contains(t, d.Russian(), "уничтожить данные не позднее 01.12.2025")

	// The day before the withdrawal (31.10.2025) the consent still counts.
	d = decide(t, []consent.Consent{c}, storeOp(at(2025, 10, 31, 23, 59)), samaraRules())
	assert.True(t, d.Allowed)
	assert.Empty(t, d.Withdrawals)
}

// A withdrawal with a moment: earlier the same day still rests on the
// consent; without a moment the whole day counts as withdrawn.
func TestDecide_WithdrawnSameDay(t *testing.T) {
	c := processing()
	c.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 11, 3), At: at(2025, 11, 3, 15, 0)}
	assert.True(t, decide(t, []consent.Consent{c}, storeOp(at(2025, 11, 3, 14, 59)), samaraRules()).Allowed)
	assert.False(t, decide(t, []consent.Consent{c}, storeOp(at(2025, 11, 3, 15, 0)), samaraRules()).Allowed)

	c.Withdrawn.At = time.Time{}
	assert.False(t, decide(t, []consent.Consent{c}, storeOp(at(2025, 11, 3, 0, 1)), samaraRules()).Allowed)
}

// The moment becomes a date in the operator's zone: 20:30 UTC on 01.11.2025
// is 00:30 on 02.11 in Samara (UTC+4) but 23:30 on 01.11 in Moscow (UTC+3).
func TestDecide_OperatorTimeZone(t *testing.T) {
	c := processing()
	c.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 11, 2)}
	moment := time.Date(2025, 11, 1, 20, 30, 0, 0, time.UTC)
	d := decide(t, []consent.Consent{c}, storeOp(moment), samaraRules())
	assert.False(t, d.Allowed, "02.11 in Samara: withdrawn")
	assert.Equal(t, date.New(2025, 11, 2), d.Date)
	d = decide(t, []consent.Consent{c}, storeOp(moment), consent.DefaultRules())
	assert.True(t, d.Allowed, "01.11 in Moscow: not yet withdrawn")
	assert.Equal(t, date.New(2025, 11, 1), d.Date)
}

// Art. 9 part 4 item 8, Civil Code art. 192: a consent given 29.02.2024 for
// one year is in force through 28.02.2025 (2025 has no 29 February).
func TestDecide_Expired(t *testing.T) {
	c := processing()
	c.Given = date.New(2024, 2, 29)
	c.Validity = consent.Validity{For: period.NewYMD(1, 0, 0)}
	require.Equal(t, date.New(2025, 2, 28), c.Expires())
	assert.True(t, decide(t, []consent.Consent{c}, storeOp(at(2025, 2, 28, 23, 0)), samaraRules()).Allowed)
	d := decide(t, []consent.Consent{c}, storeOp(at(2025, 3, 1, 0, 0)), samaraRules())
	assert.False(t, d.Allowed)
	assert.Equal(t, []string{"expired", "no_basis"}, rules(d))
	assert.Contains(t, d.Reasons[0].MessageRU, "истёк 28.02.2025")
	assert.Equal(t, "152-ФЗ ст. 9 ч. 4 п. 8", d.Reasons[0].Basis.Law)

	c.Validity = consent.Validity{Until: date.New(2025, 6, 30)}
	assert.True(t, decide(t, []consent.Consent{c}, storeOp(at(2025, 6, 30, 12, 0)), samaraRules()).Allowed)
	assert.False(t, decide(t, []consent.Consent{c}, storeOp(at(2025, 7, 1, 12, 0)), samaraRules()).Allowed)
}

// A consent given after the moment does not count for it.
func TestDecide_NotYetGiven(t *testing.T) {
	d := decide(t, []consent.Consent{processing()}, storeOp(at(2025, 9, 30, 12, 0)), samaraRules())
	assert.False(t, d.Allowed)
	assert.Equal(t, []string{"not_yet_given", "no_basis"}, rules(d))
}

// Policy 3.4: an ownership record collected from Rosreestr needs no consent.
func TestDecide_RosreestrWithoutConsent(t *testing.T) {
	op := consent.Operation{Kind: consent.OpCollect, SubjectID: "resident-1", Subject: pdata.Resident, Purpose: purposeManagement,
		Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataPropertyRights}, Source: pdata.FromRosreestr, At: at(2025, 11, 2, 12, 0)}
	for _, k := range []consent.OpKind{consent.OpCollect, consent.OpStore, consent.OpUse} {
		op.Kind = k
		d := decide(t, nil, op, samaraRules())
		require.True(t, d.Allowed, k.String())
		assert.Equal(t, "152-ФЗ ст. 6 ч. 1; Положение п. 3.4", d.Basis.String())
		assert.Equal(t, consent.GroundPublicSource, d.Grounds[0].Kind)
	}

	// INN is not in Rosreestr's public record (policy 2.3.2, 3.4): refused.
	op.Kind = consent.OpCollect
	op.Categories = []pdata.DataCategory{pdata.DataPropertyRights, pdata.DataINN}
	d := decide(t, nil, op, samaraRules())
	assert.False(t, d.Allowed)
	assert.Equal(t, []string{"source_not_allowed"}, rules(d))

	// 3.4 waives consent to obtain and keep, not to pass data on: a transfer still needs consent.
	op.Kind, op.Recipient = consent.OpTransfer, "ООО «Другая организация»"
	op.Categories = []pdata.DataCategory{pdata.DataPropertyRights}
	assert.False(t, decide(t, nil, op, samaraRules()).Allowed)
}

// Policy 3.5: no cross-border transfer, whatever the subject consented to.
func TestDecide_TransferAbroadRefused(t *testing.T) {
	op := storeOp(at(2025, 11, 2, 12, 0))
	op.Kind, op.Recipient = consent.OpTransferAbroad, "Example GmbH (Germany)"
	r := samaraRules()
	r.Bases = []consent.LegalBasis{{Title: "x", Ops: []consent.OpKind{consent.OpStore}, Categories: op.Categories, Basis: pdata.Cite("152-ФЗ ст. 6 ч. 1 п. 2", "")}}
	d := decide(t, []consent.Consent{processing()}, op, r)
	assert.False(t, d.Allowed)
	assert.Equal(t, []string{"cross_border"}, rules(d))
	assert.Equal(t, "152-ФЗ ст. 12; Положение п. 3.5", d.Basis.String())
	assert.Contains(t, d.Russian(), "трансграничную передачу")
}

// Art. 10, policy 6.1.3: special categories never; policy 2.3.2, 2.1: data
// not listed for residents never.
func TestDecide_ForbiddenAndExcessiveCategories(t *testing.T) {
	op := storeOp(at(2025, 11, 2, 12, 0))
	op.Categories = []pdata.DataCategory{pdata.DataFullName, pdata.DataHealth, pdata.DataIP}
	d := decide(t, []consent.Consent{processing()}, op, samaraRules())
	assert.False(t, d.Allowed)
	assert.ElementsMatch(t, []string{"special_category", "category_not_allowed"}, rules(d))
	for _, r := range d.Reasons {
		if r.Rule == "special_category" {
			assert.Equal(t, pdata.Cite("152-ФЗ ст. 10 ч. 1", "6.1.3"), r.Basis)
		}
	}
}

// Policy 5.3: a transfer needs a written consent naming the recipient and
// the purpose, unless a listed exception applies.
func TestDecide_Transfer(t *testing.T) {
	op := consent.Operation{Kind: consent.OpTransfer, SubjectID: "resident-1", Subject: pdata.Resident, Purpose: purposeManagement,
		Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataPropertyRights},
		Recipient:  `ООО "Расчётный центр  Кошкинского района"`, At: at(2025, 11, 2, 12, 0)}

	t.Run("processing consent naming the recipient (quotes and spaces differ)", func(t *testing.T) {
		d := decide(t, []consent.Consent{processing()}, op, samaraRules())
		require.True(t, d.Allowed, d.String())
		assert.Equal(t, "152-ФЗ ст. 6 ч. 1 п. 1; ст. 9; Положение п. 5.3", d.Basis.String())
	})
	t.Run("transfer consent naming the recipient", func(t *testing.T) {
		o := op
		o.Purpose = "начисление платы и печать платёжных документов"
		d := decide(t, []consent.Consent{transfer()}, o, samaraRules())
		require.True(t, d.Allowed, d.String())
		assert.Equal(t, []string{"T-5"}, d.ConsentIDs())
	})
	t.Run("recipient not named", func(t *testing.T) {
		o := op
		o.Recipient = "ООО «Коллекторское агентство»"
		d := decide(t, []consent.Consent{processing()}, o, samaraRules())
		assert.False(t, d.Allowed)
		assert.Equal(t, []string{"recipient_not_named", "no_basis"}, rules(d))
		assert.Equal(t, "5.3", d.Reasons[1].Basis.Policy)
		assert.Contains(t, d.Reasons[1].MessageRU, "исключения п. 5.3")
	})
	t.Run("consent without provision", func(t *testing.T) {
		c := processing()
		c.Actions = []consent.Action{consent.ActCollect, consent.ActStore}
		d := decide(t, []consent.Consent{c}, op, samaraRules())
		assert.Equal(t, []string{"action_not_covered", "no_basis"}, rules(d))
	})
	t.Run("exception: threat to life or health", func(t *testing.T) {
		o := op
		o.Recipient = "ГБУЗ «Кошкинская ЦРБ»"
		o.Emergency = "житель без сознания в квартире, данные переданы бригаде скорой помощи"
		d := decide(t, []consent.Consent{processing()}, o, samaraRules())
		require.True(t, d.Allowed)
		assert.Equal(t, consent.GroundVitalInterests, d.Grounds[0].Kind)
		assert.Equal(t, "152-ФЗ ст. 6 ч. 1 п. 6; Положение п. 5.3", d.Basis.String())
	})
	t.Run("exception: federal law, configured by the host", func(t *testing.T) {
		r := samaraRules()
		r.Bases = []consent.LegalBasis{{
			Title: "размещение сведений в ГИС ЖКХ", Ops: []consent.OpKind{consent.OpTransfer},
			Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataPropertyRights}, Recipient: "ГИС ЖКХ",
			Basis: pdata.Cite("152-ФЗ ст. 6 ч. 1 п. 2; 209-ФЗ", "5.3"),
		}}
		o := op
		o.Recipient = "ГИС ЖКХ"
		d := decide(t, nil, o, r)
		require.True(t, d.Allowed, d.String())
		assert.Equal(t, consent.GroundLaw, d.Grounds[0].Kind)
		o.Recipient = "ООО «Коллекторское агентство»"
		assert.False(t, decide(t, nil, o, r).Allowed, "the basis is limited to its recipient")
	})
}

// Art. 10.1: distribution needs a consent to distribution covering every
// category, and the page must be one it lists.
func TestDecide_Distribute(t *testing.T) {
	op := consent.Operation{Kind: consent.OpDistribute, SubjectID: "resident-1", Subject: pdata.Resident, Purpose: purposeDebtors,
		Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataResidenceAddress}, Resource: debtorPage + "/", At: at(2025, 11, 2, 12, 0)}
	t.Run("no distribution consent, only consent to processing", func(t *testing.T) {
		c := processing()
		c.Purposes = append(c.Purposes, purposeDebtors)
		d := decide(t, []consent.Consent{c}, op, samaraRules())
		assert.False(t, d.Allowed)
		assert.Equal(t, []string{"no_basis"}, rules(d))
		assert.Equal(t, "152-ФЗ ст. 10.1; Положение п. 8.2", d.Basis.String())
	})
	t.Run("distribution consent", func(t *testing.T) {
		d := decide(t, []consent.Consent{processing(), distribution()}, op, samaraRules())
		require.True(t, d.Allowed, d.String())
		assert.Equal(t, []string{"D-3"}, d.ConsentIDs())
	})
	t.Run("category not itemized", func(t *testing.T) {
		o := op
		o.Categories = append(o.Categories, pdata.DataPhone)
		d := decide(t, []consent.Consent{distribution()}, o, samaraRules())
		assert.False(t, d.Allowed)
		assert.Contains(t, d.Reasons[len(d.Reasons)-1].Message, "phone")
	})
	t.Run("page not listed", func(t *testing.T) {
		o := op
		o.Resource = "https://pozhkh-koshki.example.ru/novosti"
		d := decide(t, []consent.Consent{distribution()}, o, samaraRules())
		assert.Equal(t, []string{"resource_not_listed", "no_basis"}, rules(d))
	})
	t.Run("demand to stop distribution", func(t *testing.T) {
		c := distribution()
		c.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 11, 1)}
		d := decide(t, []consent.Consent{c}, op, samaraRules())
		assert.False(t, d.Allowed)
		require.Len(t, d.Withdrawals, 1)
		assert.Equal(t, date.Zero, d.Withdrawals[0].DestroyBy, "art. 10.1 part 13 ends the consent; no destruction term follows from it")
		assert.Equal(t, "152-ФЗ ст. 10.1 ч. 12; ст. 10.1 ч. 13", d.Withdrawals[0].Basis.Law)
	})
}

// Art. 5 part 2: a consent covers only its own purposes.
func TestDecide_PurposeNotCovered(t *testing.T) {
	op := storeOp(at(2025, 11, 2, 12, 0))
	op.Purpose = "рассылка рекламы"
	d := decide(t, []consent.Consent{processing()}, op, samaraRules())
	assert.Equal(t, []string{"purpose_not_covered", "no_basis"}, rules(d))
	op.Purpose = "  " + "УПРАВЛЕНИЕ многоквартирным домом и начисление платы за жилое помещение и коммунальные услуги"
	assert.True(t, decide(t, []consent.Consent{processing()}, op, samaraRules()).Allowed, "case and spaces do not matter")
}

// Policy 6.1.2: data from a third party are collected only with a written
// consent to obtain them from it.
func TestDecide_ThirdPartySource(t *testing.T) {
	op := consent.Operation{Kind: consent.OpCollect, SubjectID: "resident-1", Subject: pdata.Resident, Purpose: purposeManagement,
		Categories: []pdata.DataCategory{pdata.DataSNILS}, Source: pdata.FromThirdParty, At: at(2025, 11, 2, 12, 0)}
	d := decide(t, []consent.Consent{processing()}, op, samaraRules())
	assert.False(t, d.Allowed, "a consent to processing is not a consent to obtain from a third party")
	assert.Equal(t, "6.1.2", d.Reasons[len(d.Reasons)-1].Basis.Policy)

	d = decide(t, []consent.Consent{thirdParty()}, op, samaraRules())
	require.True(t, d.Allowed, d.String())
	assert.Equal(t, "152-ФЗ ст. 9; ст. 18 ч. 3; Положение п. 6.1.2", d.Basis.String())

	// Policy 2.3.4: site users' data come from themselves only.
	op.Subject, op.Categories = pdata.SiteUser, []pdata.DataCategory{pdata.DataEmail}
	d = decide(t, nil, op, samaraRules())
	assert.Equal(t, []string{"source_not_allowed"}, rules(d))
}

// Art. 6 part 1 item 2: a basis the host configures, such as the Housing
// Code's duty to show the payer's name on the payment document, holds after
// the consent is withdrawn, and the withdrawal is reported as retained.
func TestDecide_LegalBasis(t *testing.T) {
	r := samaraRules()
	r.Bases = []consent.LegalBasis{{
		Title:      "ФИО плательщика и сведения о помещении в платёжном документе",
		Ops:        []consent.OpKind{consent.OpStore, consent.OpUse},
		Subjects:   []pdata.SubjectCategory{pdata.Resident},
		Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataPropertyRights},
		Purpose:    purposeManagement,
		Basis:      pdata.Cite("152-ФЗ ст. 6 ч. 1 п. 2; ЖК РФ ст. 155 ч. 2", ""),
	}}
	require.NoError(t, r.Validate())
	c := processing()
	c.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 11, 1)}
	d := decide(t, []consent.Consent{c}, storeOp(at(2025, 11, 2, 12, 0)), r)
	require.True(t, d.Allowed, d.String())
	assert.Equal(t, consent.GroundLaw, d.Grounds[0].Kind)
	assert.Equal(t, "152-ФЗ ст. 6 ч. 1 п. 2; ЖК РФ ст. 155 ч. 2", d.Basis.String())
	require.Len(t, d.Withdrawals, 1)
	assert.True(t, d.Withdrawals[0].Retained)
	assert.Contains(t, d.Russian(), "сохраняются на ином основании")

	// The basis covers its own categories only: the phone still needs consent.
	op := storeOp(at(2025, 11, 2, 12, 0))
	op.Categories = append(op.Categories, pdata.DataPhone)
	d = decide(t, []consent.Consent{c}, op, r)
	assert.False(t, d.Allowed)
	assert.Contains(t, d.Reasons[len(d.Reasons)-1].Message, "phone")
	// Nor does it serve another subject category.
	op = storeOp(at(2025, 11, 2, 12, 0))
	op.Subject = pdata.Employee
	assert.False(t, decide(t, nil, op, r).Allowed)
}

// Several consents may together cover an operation; another subject's
// consent never counts.
func TestDecide_UnionAndOtherSubjects(t *testing.T) {
	a := processing()
	a.Categories = []pdata.DataCategory{pdata.DataFullName}
	b := processing()
	b.ID, b.Categories = "C-20", []pdata.DataCategory{pdata.DataPropertyRights}
	d := decide(t, []consent.Consent{a, b}, storeOp(at(2025, 11, 2, 12, 0)), samaraRules())
	require.True(t, d.Allowed)
	assert.Equal(t, []string{"C-17", "C-20"}, d.ConsentIDs())

	other := processing()
	other.SubjectID = "resident-2"
	assert.False(t, decide(t, []consent.Consent{other}, storeOp(at(2025, 11, 2, 12, 0)), samaraRules()).Allowed)
}

// 152-FZ art. 9 part 4 items 4–5: a consent names its purposes and data,
// and policy 2.3 sets the data per subject category, so a consent covers
// only the subject category it was given in. Resident-1's consent C-17 was
// given as a resident (2.3.2, 01.10.2025 for 5 years); storing the same
// person's name on 02.11.2025 as an employee (2.3.1) does not rest on it,
// and its withdrawal is not reported against the employee operation.
func TestDecide_SubjectCategoryMismatch(t *testing.T) {
	op := storeOp(at(2025, 11, 2, 12, 0))
	op.Subject = pdata.Employee
	op.Categories = []pdata.DataCategory{pdata.DataFullName} // held by both 2.3.1 and 2.3.2
	c := processing()
	d := decide(t, []consent.Consent{c}, op, samaraRules())
	require.False(t, d.Allowed)
	assert.Equal(t, []string{"subject_category", "no_basis"}, rules(d))
	rs := d.Reasons[0]
	assert.Equal(t, "C-17", rs.ConsentID)
	assert.Equal(t, "152-ФЗ ст. 9 ч. 4 п. 4, 5", rs.Basis.Law)
	assert.Equal(t, "2.3", rs.Basis.Policy)
	assert.Contains(t, rs.Message, "consent C-17 was given in the subject category resident (policy 2.3.2), not employee (policy 2.3.1)")
	assert.Contains(t, rs.MessageRU, "согласие № C-17 дано субъектом категории «собственник или пользователь помещения")
	assert.Contains(t, rs.MessageRU, "а операция касается категории «работник Оператора (в штате)» (п. 2.3.1 Положения)")
	assert.Contains(t, d.Russian(), "ч. 4 ст. 9 152-ФЗ")

	// The same consent, recorded for the employee category, covers it.
	c.SubjectCategory = pdata.Employee
	assert.True(t, decide(t, []consent.Consent{c}, op, samaraRules()).Allowed)

	// A withdrawn resident consent does not bear on the employee operation.
	w := processing()
	w.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 10, 20)}
	d = decide(t, []consent.Consent{w}, op, samaraRules())
	assert.Empty(t, d.Withdrawals)
	op.Subject = pdata.Resident
	d = decide(t, []consent.Consent{w}, op, samaraRules())
	require.Len(t, d.Withdrawals, 1)
	assert.Equal(t, "C-17", d.Withdrawals[0].ConsentID)
}

// A consent on file that is void does not count: not a separate document
// after 01.09.2025, unsigned, or electronic without an e-signature.
func TestDecide_VoidConsents(t *testing.T) {
	op := storeOp(at(2025, 11, 2, 12, 0))
	embedded := processing()
	embedded.Document.Standalone = false
	unsigned := processing()
	unsigned.Signature = consent.Signature{}
	noESign := processing()
	noESign.Document.Form = consent.Electronic
	for name, tc := range map[string]struct {
		c    consent.Consent
		rule string
	}{
		"embedded":  {embedded, "standalone_document"},
		"unsigned":  {unsigned, "unsigned"},
		"no e-sign": {noESign, "electronic_signature_required"},
	} {
		d := decide(t, []consent.Consent{tc.c}, op, samaraRules())
		assert.False(t, d.Allowed, name)
		assert.Equal(t, []string{tc.rule, "no_basis"}, rules(d), name)
	}
	// Before 01.09.2025 a clause of a contract was a valid form (given 01.06.2025).
	embedded.Given = date.New(2025, 6, 1)
	assert.True(t, decide(t, []consent.Consent{embedded}, op, samaraRules()).Allowed)
}

func TestDecide_InvalidOperation(t *testing.T) {
	_, err := consent.Decide(nil, consent.Operation{Kind: consent.OpTransfer, Categories: []pdata.DataCategory{99}}, consent.DefaultRules())
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	for _, f := range []string{"SubjectID", "Subject", "Purpose", "Categories", "Recipient", "At"} {
		_, ok := ve.Field(f)
		assert.Truef(t, ok, "no error for %s", f)
	}
	r := consent.DefaultRules()
	r.Bases = []consent.LegalBasis{{Title: "без ссылки", Ops: []consent.OpKind{consent.OpStore}, Categories: []pdata.DataCategory{pdata.DataFullName}}}
	_, err = consent.Decide(nil, storeOp(at(2025, 11, 2, 12, 0)), r)
	require.ErrorIs(t, err, consent.ErrInvalid, "a basis without a citation is never applied")
}

// TestDecide_Properties checks invariants over random operations and
// consents: an allowed decision has grounds covering every category and no
// reasons; a refused one has reasons; cross-border transfer and special
// categories are never allowed; a withdrawn consent never appears among the
// grounds once its withdrawal was received.
func TestDecide_Properties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	base := []consent.Consent{processing(), distribution(), transfer(), thirdParty(), withRepresentative()}
	cats := append(pdata.DataCategories(), pdata.SpecialCategories()...)
	purposes := []string{purposeManagement, purposeDebtors, "начисление платы и печать платёжных документов", "другое"}
	r := samaraRules()
	allowed := 0
	for i := range 3000 {
		var list []consent.Consent
		for _, c := range base {
			if rng.IntN(3) == 0 {
				continue
			}
			c = c.Clone()
			if rng.IntN(3) == 0 {
				c.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 10, 1) + date.Date(rng.IntN(90))}
			}
			list = append(list, c)
		}
		op := consent.Operation{
			Kind:      consent.OpKind(1 + rng.IntN(6)),
			SubjectID: "resident-1", Subject: pdata.Resident,
			Purpose:   purposes[rng.IntN(len(purposes))],
			Source:    pdata.Source(rng.IntN(4)),
			Recipient: billingCentre,
			At:        at(2025, 9, 1, 12, 0).AddDate(0, 0, rng.IntN(500)),
		}
		for range 1 + rng.IntN(3) {
			pool := cats
			if rng.IntN(5) > 0 { // mostly the data the fixtures cover, so both outcomes occur
				pool = []pdata.DataCategory{pdata.DataFullName, pdata.DataPropertyRights, pdata.DataResidenceAddress}
			}
			op.Categories = append(op.Categories, pool[rng.IntN(len(pool))])
		}
		d, err := consent.Decide(list, op, r)
		require.NoError(t, err, "case %d", i)
		want := pdata.SetOf(op.Categories...)
		if d.Allowed {
			allowed++
			var covered pdata.CategorySet
			for _, g := range d.Grounds {
				covered |= g.Categories
				if g.Kind == consent.GroundConsent {
					for _, c := range list {
						if c.ID == g.ConsentID && c.Withdrawn != nil {
							assert.Less(t, d.Date, c.Withdrawn.Date, "case %d: withdrawn consent %s used", i, c.ID)
						}
					}
				}
			}
			require.Equal(t, want, covered, "case %d", i)
			require.Empty(t, d.Reasons)
			require.NotEqual(t, consent.OpTransferAbroad, op.Kind)
			for _, c := range op.Categories {
				require.False(t, c.Special(), "case %d", i)
			}
		} else {
			require.NotEmpty(t, d.Reasons, "case %d", i)
		}
	}
	t.Logf("%d of 3000 random operations allowed", allowed)
	assert.Greater(t, allowed, 100, "the cases exercise both outcomes")
	assert.Less(t, allowed, 2900)
}
