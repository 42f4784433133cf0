package destruction_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests of the operator's policy, section 9 (Положение, пп. 9.1–9.14), one
// per clause the package enforces. Dates are worked out in the comments.

func text(t testing.TB, a *destruction.Act) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, a.RenderText(&b))
	return b.String()
}

func validation(t testing.TB, err error) *pdata.ValidationError {
	t.Helper()
	var ve *pdata.ValidationError
	require.ErrorAs(t, err, &ve)
	require.ErrorIs(t, err, destruction.ErrInvalid)
	return ve
}

// Policy 9.1: data is destroyed no earlier than its retention term ends.
// The act is dated 20.01.2025: an item whose DestroyFrom is 21.01.2025 is
// refused, one whose DestroyFrom is 20.01.2025 (the boundary) is accepted.
func TestPolicy9_1_NotBeforeRetentionEnds(t *testing.T) {
	a, err := destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission())
	require.NoError(t, err)

	early := withdrawnItem()
	early.RecordID = "early"
	early.DestroyFrom = jan(21)
	onTime := withdrawnItem()
	onTime.RecordID = "on-time"
	onTime.DestroyFrom = jan(20)

	err = a.Add(onTime, early)
	ve := validation(t, err)
	fe, ok := ve.Field("Items[1].DestroyFrom")
	require.True(t, ok, "the early item is named: %v", err)
	assert.Equal(t, "not_yet_due", fe.Rule)
	assert.Equal(t, "9.1", fe.Basis.Policy)
	assert.Contains(t, fe.MessageRU, "21.01.2025")
	assert.Empty(t, a.Content().Items, "a refused call adds nothing, not even the valid item")

	require.NoError(t, a.Add(onTime))
	assert.Len(t, a.Content().Items, 1)

	// Item.Validate lets requests check an item before handing it over.
	require.Error(t, early.Validate(jan(20)))
	require.NoError(t, early.Validate(jan(21)))
	missing := withdrawnItem()
	missing.DestroyFrom = date.Zero
	assert.True(t, validation(t, missing.Validate(jan(20))).Has("required"))
}

// Policy 9.2: the commission is appointed by the operator's order; its
// number and date are required, and the order cannot postdate the act.
func TestPolicy9_2_CommissionAppointedByOrder(t *testing.T) {
	require.NoError(t, sampleCommission().Validate())

	tests := []struct {
		name  string
		edit  func(*destruction.Commission)
		field string
		rule  string
	}{
		{"no order number", func(c *destruction.Commission) { c.Order.Number = "" }, "Order.Number", "required"},
		{"no order date", func(c *destruction.Commission) { c.Order.Date = date.Zero }, "Order.Date", "required"},
		{"chair without position", func(c *destruction.Commission) { c.Chair.Position = "" }, "Chair.Position", "required"},
		{"no members besides the chair", func(c *destruction.Commission) { c.Members = nil }, "Members", "commission_too_small"},
		{"member named twice", func(c *destruction.Commission) { c.Members = append(c.Members, member1) }, "Members[2]", "duplicate_member"},
		{"chair also a member", func(c *destruction.Commission) { c.Members[0] = chair }, "Members[0]", "duplicate_member"},
		{"member without surname", func(c *destruction.Commission) { c.Members[1].LastName = "" }, "Members[1].LastName", "required"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := sampleCommission()
			tc.edit(&c)
			ve := validation(t, c.Validate())
			fe, ok := ve.Field(tc.field)
			require.True(t, ok, "want a problem with %s, got %v", tc.field, ve)
			assert.Equal(t, tc.rule, fe.Rule)
			assert.NotEmpty(t, fe.MessageRU)
		})
	}

	// The order of 10.01.2025 appoints the commission; an act of 09.01.2025
	// predates it.
	h := selHeader()
	h.Date = jan(9)
	_, err := destruction.NewSelectionAct(h, pdata.SampleOperator(), sampleCommission())
	fe, ok := validation(t, err).Field("Commission.Order.Date")
	require.True(t, ok)
	assert.Equal(t, "order_after_act", fe.Rule)

	// Members print with their positions and full names (RKN order 179
	// п. 3 «г» asks for the Ф.И.О., stricter than policy 9.13's initials).
	out := text(t, draftSelection(t))
	assert.Contains(t, out, "Председатель комиссии: Главный инженер Петров Андрей Сергеевич")
	assert.Contains(t, out, "назначена приказом от 10.01.2025 № 3-од")
}

// Policy 9.3: media are destroyed within thirty days of the date of 9.1.
// The disciplinary order, the resident's file and the site log may be
// destroyed from 01.01.2025 and must be by 31.01.2025 (the thirty days run
// from 02.01, Civil Code art. 191); destroyed on 03.02.2025 the act marks
// them overdue. The consent withdrawn on 15.01.2025 is due by 14.02.2025
// and is not marked.
func TestPolicy9_3_OverdueMarked(t *testing.T) {
	sel := approvedSelection(t)
	h := destHeader()
	h.Date = date.New(2025, time.February, 3)
	d, err := destruction.NewDestructionAct(h, sel)
	require.NoError(t, err)
	late := time.Date(2025, time.February, 3, 10, 0, 0, 0, samara)
	require.NoError(t, d.CheckAll(late))
	p := presence()
	p.At = late.Add(time.Hour)
	require.NoError(t, d.RecordDestruction(p), "an overdue item is still destroyed, never refused")

	assert.Equal(t, []string{"hr-2021-017", "res-2019-0042", "site-2023-logs"}, d.Overdue())
	out := text(t, d)
	assert.Equal(t, 3, strings.Count(out, "срок уничтожения истёк 31.01.2025 (Положение п. 9.3)"))
	assert.Contains(t, out, "по 3 носителям срок уничтожения истёк")

	_, onTime := approvedDestruction(t)
	assert.Empty(t, onTime.Overdue(), "destroyed on 24.01.2025, before every DestroyBy")
	assert.NotContains(t, text(t, onTime), "срок уничтожения истёк")
}

// Policy 9.4: the commission selects media with the grounds for
// destruction; every ground carries its legal basis.
func TestPolicy9_4_SelectionWithGrounds(t *testing.T) {
	for _, g := range destruction.Grounds() {
		assert.True(t, g.Valid())
		assert.NotEmpty(t, g.Title(), g.String())
		assert.NotEmpty(t, g.Basis().Law, "ground %s cites a law", g)
		b, err := g.MarshalText()
		require.NoError(t, err)
		var back destruction.Ground
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, g, back)
	}
	assert.Equal(t, "152-ФЗ ст. 21 ч. 5", destruction.GroundConsentWithdrawn.Basis().String())
	assert.Equal(t, "152-ФЗ ст. 21 ч. 3; Положение п. 6.1.9", destruction.GroundUnlawful.Basis().String())

	a, err := destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission())
	require.NoError(t, err)
	it := withdrawnItem()
	it.Ground = 0
	fe, ok := validation(t, a.Add(it)).Field("Items[0].Ground")
	require.True(t, ok)
	assert.Equal(t, "required", fe.Rule)

	// A zero Basis is filled from the ground; the sweep's term basis is
	// joined to it.
	require.NoError(t, a.Add(withdrawnItem(), sampleItems()[0]))
	items := a.Content().Items
	assert.Equal(t, destruction.GroundConsentWithdrawn.Basis(), items[0].Item.Basis)
	assert.Equal(t, "Перечень (Приказ Росархива № 236) ст. 434; 152-ФЗ ст. 5 ч. 7; Положение п. 3.6.1, 9.3, 9.1", items[1].Item.Basis.String())
}

// Policy 9.5: an act is drawn up on all selected media; each record once.
// A destruction act destroys only what its selection act lists.
func TestPolicy9_5_ActOnSelectedMedia(t *testing.T) {
	a := draftSelection(t)
	ids := []string{}
	for _, e := range a.Content().Items {
		ids = append(ids, e.Item.RecordID)
	}
	assert.Equal(t, []string{"hr-2021-017", "res-2019-0042", "site-2023-logs", "req-2025-017"}, ids)

	fe, ok := validation(t, a.Add(withdrawnItem())).Field("Items[0].RecordID")
	require.True(t, ok)
	assert.Equal(t, "duplicate_item", fe.Rule)

	twice := []destruction.Item{withdrawnItem(), withdrawnItem()}
	twice[0].RecordID, twice[1].RecordID = "x", "x"
	assert.True(t, validation(t, a.Add(twice...)).Has("duplicate_item"))

	d, err := destruction.NewDestructionAct(destHeader(), approvedSelection(t))
	require.NoError(t, err)
	assert.Len(t, d.Content().Items, 4, "the destruction act takes the selection act's items")
	assert.ErrorIs(t, d.Add(bigItems(1)...), destruction.ErrState)
}

// Policy 9.6: no corrections in an act. From the first signature the act
// is sealed: edits fail with ErrSealed (an ErrState); it can only be
// superseded by a new act naming it, and it stays as it was.
func TestPolicy9_6_NoCorrections(t *testing.T) {
	a := draftSelection(t)
	require.NoError(t, a.CheckAll(at(20, 10, 0)))
	require.NoError(t, a.SealMedia(chair, at(20, 10, 30)))
	require.False(t, a.Sealed())
	require.NoError(t, a.Sign(chair, at(20, 11, 0)))
	require.True(t, a.Sealed())
	sealed := a.Digest()

	for name, err := range map[string]error{
		"Add":       a.Add(bigItems(1)...),
		"Remove":    a.Remove("hr-2021-017"),
		"Check":     a.Check("hr-2021-017", at(20, 12, 0)),
		"CheckAll":  a.CheckAll(at(20, 12, 0)),
		"SealMedia": a.SealMedia(chair, at(20, 12, 0)),
	} {
		assert.ErrorIs(t, err, destruction.ErrSealed, name)
		assert.ErrorIs(t, err, destruction.ErrState, name)
		var se *destruction.StateError
		require.ErrorAs(t, err, &se, name)
		assert.Contains(t, se.Russian(), "исправления в нём не допускаются", name)
	}
	assert.Equal(t, sealed, a.Digest(), "refused edits change nothing")
	require.NoError(t, a.Verify())

	_, err := draftSelection(t).Supersede(destruction.Header{ID: "x", Number: "2-О", Date: jan(22), Place: place}, "ошибка")
	assert.ErrorIs(t, err, destruction.ErrState, "a draft is edited, not superseded")

	h := destruction.Header{ID: "sel-2025-01-bis", Number: "1-О/2", Date: jan(22), Place: place}
	_, err = a.Supersede(h, " ")
	assert.True(t, validation(t, err).Has("required"), "the reason is required")
	_, err = a.Supersede(destruction.Header{ID: a.ID(), Number: "1-О/2", Date: jan(22), Place: place}, "ошибка")
	assert.True(t, validation(t, err).Has("duplicate_id"))

	b, err := a.Supersede(h, "неверно указано количество листов")
	require.NoError(t, err)
	c := b.Content()
	require.NotNil(t, c.Replaces)
	assert.Equal(t, a.ID(), c.Replaces.Act.ID)
	assert.Equal(t, sealed, c.Replaces.Act.Digest)
	assert.False(t, b.Sealed())
	assert.Equal(t, destruction.StateChecked, b.State(), "checks are copied; the media are sealed again")
	require.NoError(t, b.Remove("hr-2021-017"))
	assert.Contains(t, text(t, b), "Настоящий акт составлен взамен (Положение п. 9.6): акт № 1-О от 20.01.2025 (SHA-256 "+sealed+"); причина замены: неверно указано количество листов")

	assert.Len(t, a.Content().Items, 4, "the superseded act keeps its items")
	assert.Equal(t, sealed, a.Digest())
}

// Policy 9.7: the commission checks that every medium in the act is
// present; nothing is sealed, signed or destroyed before.
func TestPolicy9_7_EveryMediumChecked(t *testing.T) {
	a := draftSelection(t)
	assert.Equal(t, destruction.StateDraft, a.State())
	assert.ErrorIs(t, a.SealMedia(chair, at(20, 10, 30)), destruction.ErrState)
	assert.ErrorIs(t, a.Sign(chair, at(20, 11, 0)), destruction.ErrState)

	assert.ErrorIs(t, a.Check("no-such-record", at(20, 10, 0)), destruction.ErrNotFound)
	// A check on 19.01.2025 would precede the act of 20.01.2025.
	assert.True(t, validation(t, a.Check("hr-2021-017", at(19, 23, 0))).Has("before_act"))
	assert.True(t, validation(t, a.Check("hr-2021-017", time.Time{})).Has("required"))

	for _, id := range []string{"hr-2021-017", "res-2019-0042", "site-2023-logs"} {
		require.NoError(t, a.Check(id, at(20, 10, 0)))
	}
	assert.Equal(t, destruction.StateDraft, a.State(), "one medium is still unchecked")
	// The flash drive is not found: it is taken out of the act.
	require.NoError(t, a.Remove("req-2025-017"))
	assert.Equal(t, destruction.StateChecked, a.State())
	assert.ErrorIs(t, a.Remove("req-2025-017"), destruction.ErrNotFound)

	// A repeated check keeps the first moment.
	require.NoError(t, a.Check("hr-2021-017", at(20, 10, 5)))
	assert.True(t, a.Content().Items[0].Checked.Equal(at(20, 10, 0)))
	assert.Contains(t, text(t, a), "Наличие проверено: да, 20.01.2025 10:00")

	// The destruction act is checked again before the destruction.
	d, err := destruction.NewDestructionAct(destHeader(), approvedSelection(t))
	require.NoError(t, err)
	assert.Equal(t, destruction.StateDraft, d.State())
	assert.ErrorIs(t, d.RecordDestruction(presence()), destruction.ErrState)
	empty, err := destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission())
	require.NoError(t, err)
	assert.ErrorIs(t, empty.CheckAll(at(20, 10, 0)), destruction.ErrState, "an act with no items cannot be checked")
}

// Policy 9.8: after the check the act is signed by every member of the
// commission and approved by the operator — in that order, by those people.
func TestPolicy9_8_SignedByAllApprovedByOperator(t *testing.T) {
	a := draftSelection(t)
	require.NoError(t, a.CheckAll(at(20, 10, 0)))
	require.NoError(t, a.SealMedia(chair, at(20, 10, 30)))

	outsider := pdata.Official{Position: "Дворник", LastName: "Орлов", FirstName: "Павел"}
	err := a.Sign(outsider, at(20, 11, 0))
	assert.ErrorIs(t, err, destruction.ErrForbidden)
	var fe *destruction.ForbiddenError
	require.ErrorAs(t, err, &fe)
	assert.Contains(t, fe.Russian(), "акт подписывают члены комиссии")
	assert.False(t, a.Sealed(), "a refused signature seals nothing")

	assert.True(t, validation(t, a.Sign(chair, at(20, 10, 29))).Has("before_content"), "a signature cannot predate the media seal")
	require.NoError(t, a.Sign(chair, at(20, 11, 0)))
	assert.Equal(t, destruction.StateSigning, a.State())
	assert.ErrorIs(t, a.Sign(chair, at(20, 11, 5)), destruction.ErrState, "nobody signs twice")
	assert.ErrorIs(t, a.Approve(head, at(20, 12, 0)), destruction.ErrState, "approval waits for every member")

	require.NoError(t, a.Sign(member2, at(20, 11, 1)))
	require.NoError(t, a.Sign(member1, at(20, 11, 2)))
	assert.Equal(t, destruction.StateSigned, a.State())

	assert.ErrorIs(t, a.Approve(chair, at(21, 9, 0)), destruction.ErrForbidden, "the head of the operator approves")
	assert.True(t, validation(t, a.Approve(head, at(20, 11, 1))).Has("before_signatures"))
	require.NoError(t, a.Approve(head, at(21, 9, 0)))
	assert.Equal(t, destruction.StateApproved, a.State())
	assert.ErrorIs(t, a.Approve(head, at(21, 9, 5)), destruction.ErrState)
	assert.ErrorIs(t, a.Sign(member1, at(21, 9, 5)), destruction.ErrState)

	ap, ok := a.Approval()
	require.True(t, ok)
	assert.Equal(t, a.Digest(), ap.Digest)
	sigs := a.Signatures()
	require.Len(t, sigs, 3)
	for _, s := range sigs {
		assert.Equal(t, a.Digest(), s.Digest, "every member signs the same sealed content")
	}
	out := text(t, a)
	assert.Contains(t, out, "утверждено 21.01.2025 09:00")
	assert.Contains(t, out, "Председатель комиссии, Главный инженер  ____________ Петров Андрей Сергеевич  подписано 20.01.2025 11:00")
}

// Policy 9.9: after the check the chair packs and seals the selected media.
func TestPolicy9_9_ChairSealsMedia(t *testing.T) {
	a := draftSelection(t)
	require.NoError(t, a.CheckAll(at(20, 10, 0)))
	assert.ErrorIs(t, a.SealMedia(member1, at(20, 10, 30)), destruction.ErrForbidden)
	assert.ErrorIs(t, a.Sign(chair, at(20, 11, 0)), destruction.ErrState, "signing waits for the media seal")
	assert.True(t, validation(t, a.SealMedia(chair, at(20, 9, 59))).Has("before_check"))
	require.NoError(t, a.SealMedia(chair, at(20, 10, 30)))
	assert.Equal(t, destruction.StateMediaSealed, a.State())
	assert.ErrorIs(t, a.Add(bigItems(1)...), destruction.ErrState, "sealed media: nothing is added")
	assert.Contains(t, text(t, a), "сложены и опечатаны председателем комиссии Петров А. С. 20.01.2025 10:30 (Положение п. 9.9)")

	_, d := approvedDestruction(t)
	assert.ErrorIs(t, d.SealMedia(chair, at(24, 16, 0)), destruction.ErrState, "media are sealed under the selection act")
}

// Policy 9.10: destruction follows the approval of the act, in the
// presence of every member of the commission. The selection act is
// approved at 21.01.2025 09:00.
func TestPolicy9_10_AfterApprovalInPresenceOfAll(t *testing.T) {
	notApproved := draftSelection(t)
	_, err := destruction.NewDestructionAct(destHeader(), notApproved)
	assert.ErrorIs(t, err, destruction.ErrState)

	sel := approvedSelection(t)
	h := destHeader()
	h.Date = jan(20)
	_, err = destruction.NewDestructionAct(h, sel)
	assert.True(t, validation(t, err).Has("before_approval"), "a destruction act of 20.01 predates the approval of 21.01")

	h.Date = jan(21)
	d, err := destruction.NewDestructionAct(h, sel)
	require.NoError(t, err)
	require.NoError(t, d.CheckAll(at(21, 8, 0)))

	early := presence()
	early.At = at(21, 8, 30) // before 09:00 approval
	assert.True(t, validation(t, d.RecordDestruction(early)).Has("before_approval"))

	absent := presence()
	absent.At = at(21, 10, 0)
	absent.Present = []pdata.Official{chair, member1}
	ve := validation(t, d.RecordDestruction(absent))
	fe, ok := ve.Field("Destruction.Present")
	require.True(t, ok)
	assert.Equal(t, "member_absent", fe.Rule)
	assert.Contains(t, fe.MessageRU, "Смирнова Е. Н.")

	outsider := presence()
	outsider.At = at(21, 10, 0)
	outsider.Present = append(outsider.Present, pdata.Official{Position: "Системный администратор", LastName: "Зайцев", FirstName: "Кирилл"})
	assert.True(t, validation(t, d.RecordDestruction(outsider)).Has("not_member"))
	assert.Equal(t, destruction.StateChecked, d.State(), "refused records change nothing")

	ok2 := presence()
	ok2.At = at(21, 10, 0)
	ok2.Present = []pdata.Official{member2, chair, member1} // any order
	require.NoError(t, d.RecordDestruction(ok2))
	assert.Equal(t, destruction.StateDestroyed, d.State())
	assert.Contains(t, text(t, d), "в присутствии всех членов комиссии: Главный инженер Петров Андрей Сергеевич, Главный бухгалтер Кузнецова Ольга Викторовна, Специалист по кадрам Смирнова Елена Николаевна. Члены комиссии несут персональную ответственность")
}

// Policy 9.11: each kind of medium has its method: shredding for paper,
// physical damage for machine-readable media, deletion by the operating
// system with the recycle bin emptied for files, and for database records
// deletion that leaves nothing to restore.
func TestPolicy9_11_MethodFitForMedium(t *testing.T) {
	want := map[destruction.MediumKind]destruction.Method{
		destruction.MediumPaper:   destruction.MethodShredding,
		destruction.MediumMachine: destruction.MethodPhysicalDamage,
		destruction.MediumFiles:   destruction.MethodOSDeletion,
		destruction.MediumRecords: destruction.MethodDBErasure,
	}
	for _, k := range destruction.MediumKinds() {
		m := destruction.MethodFor(k)
		assert.Equal(t, want[k], m, k.String())
		for _, other := range destruction.Methods() {
			assert.Equal(t, other == m, other.Fits(k), "%s on %s", other, k)
		}
	}
	assert.Contains(t, destruction.MethodShredding.Title(), "шредер")
	assert.Contains(t, destruction.MethodOSDeletion.Title(), "очищением корзины")
	assert.Contains(t, destruction.MethodPhysicalDamage.Title(), "неустранимого физического повреждения")
	assert.Contains(t, destruction.MethodDBErasure.Title(), "исключающим их последующее восстановление")

	it := withdrawnItem() // a flash drive
	it.Method = destruction.MethodOSDeletion
	fe, ok := validation(t, it.Validate(jan(20))).Field("Method")
	require.True(t, ok)
	assert.Equal(t, "method_unfit", fe.Rule)
	assert.Equal(t, "9.11", fe.Basis.Policy)

	a := draftSelection(t) // items added with Method left zero or set by ItemFromDue
	for _, e := range a.Content().Items {
		assert.Equal(t, destruction.MethodFor(e.Item.Medium.Kind), e.Item.Method, e.Item.RecordID)
	}
}

// Policy 9.12: the commission draws up and signs the destruction act after
// the destruction, and sends it to the operator for approval.
func TestPolicy9_12_DestructionActSignedAndApproved(t *testing.T) {
	sel := approvedSelection(t)
	d, err := destruction.NewDestructionAct(destHeader(), sel)
	require.NoError(t, err)
	require.NoError(t, d.CheckAll(at(24, 10, 0)))
	assert.ErrorIs(t, d.Sign(chair, at(24, 10, 5)), destruction.ErrState, "signed after the destruction is recorded")
	require.NoError(t, d.RecordDestruction(presence()))
	assert.True(t, validation(t, d.Sign(chair, at(24, 10, 29))).Has("before_content"), "a signature cannot predate the destruction")
	for i, m := range sampleCommission().All() {
		require.NoError(t, d.Sign(m, at(24, 11, i)))
	}
	require.NoError(t, d.Approve(head, at(24, 15, 0)))
	assert.Equal(t, destruction.StateApproved, d.State())
	require.NoError(t, d.Verify())
	require.NotNil(t, d.Content().Selection)
	assert.Equal(t, sel.Digest(), d.Content().Selection.Digest, "the destruction act names its selection act's seal")
	assert.ErrorIs(t, sel.RecordDestruction(presence()), destruction.ErrState, "a selection act records no destruction")
}

// Policy 9.13: the act gives the date, place and time of destruction; the
// positions, surnames and initials of the members; the kind and number of
// media; the ground; the method.
func TestPolicy9_13_ActFields(t *testing.T) {
	_, d := approvedDestruction(t)
	out := text(t, d)
	for _, want := range []string{
		"Дата уничтожения (п. 3 «к»; Положение п. 9.13): 24.01.2025",
		"Время уничтожения (Положение п. 9.13): 10:30 (время местное, UTC+04:00)",
		"Место уничтожения (Положение п. 9.13): " + place + " (шредер); серверная",
		// Policy 9.13 asks for surnames and initials; the act prints full
		// names, which RKN order 179 п. 3 «г» requires and which include them.
		"Главный инженер Петров Андрей Сергеевич",
		"Главный бухгалтер Кузнецова Ольга Викторовна",
		"Специалист по кадрам Смирнова Елена Николаевна",
		"бумажные носители — 1 шт., всего 14 листов; машиночитаемые носители — 1 шт.; файлы на жёстком диске — 3 файла; записи в базах данных — 12 записей",
		"Основание уничтожения: истечение срока хранения",
		"Способ уничтожения: измельчение (шредер)",
		"Способ уничтожения (п. 3 «з»; Положение п. 9.11): измельчение на мелкие части (шредер)",
	} {
		assert.Contains(t, out, want)
	}

	// The header requires date and place.
	_, err := destruction.NewSelectionAct(destruction.Header{}, pdata.SampleOperator(), sampleCommission())
	ve := validation(t, err)
	for _, f := range []string{"ID", "Number", "Date", "Place"} {
		_, ok := ve.Field(f)
		assert.True(t, ok, "header field %s is required", f)
	}
	// The destruction records its place and moment.
	d2 := destroyedActBefore(t)
	ve = validation(t, d2.RecordDestruction(destruction.Destruction{Present: sampleCommission().All()}))
	for _, f := range []string{"Destruction.Place", "Destruction.At"} {
		_, ok := ve.Field(f)
		assert.True(t, ok, "%s is required", f)
	}
}

// destroyedActBefore is a checked destruction act whose destruction is not
// yet recorded.
func destroyedActBefore(t *testing.T) *destruction.Act {
	t.Helper()
	d, err := destruction.NewDestructionAct(destHeader(), approvedSelection(t))
	require.NoError(t, err)
	require.NoError(t, d.CheckAll(at(24, 10, 0)))
	return d
}

// Policy 9.14: the act is a confidential document kept with the operator's
// papers; RKN order 179 п. 8 keeps it, and the extract, 3 years from the
// destruction.
func TestPolicy9_14_ConfidentialAndKept(t *testing.T) {
	_, d := approvedDestruction(t)
	out := text(t, d)
	assert.Contains(t, out, "Конфиденциально")
	assert.Contains(t, out, "Акт является документом конфиденциального характера и хранится в документации Оператора в течение 3 лет")
	assert.Contains(t, text(t, approvedSelection(t)), "Конфиденциально")
}

func TestStateErrorsExplainInBothLanguages(t *testing.T) {
	a := draftSelection(t)
	err := a.Approve(head, at(21, 9, 0))
	var se *destruction.StateError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, destruction.StateDraft, se.State)
	assert.Contains(t, err.Error(), "act № 1-О: cannot approve in state draft")
	assert.Contains(t, se.Russian(), "Акт № 1-О: акт утверждается после подписания всеми членами комиссии")
	assert.False(t, errors.Is(err, destruction.ErrSealed), "a draft is not sealed")
}
