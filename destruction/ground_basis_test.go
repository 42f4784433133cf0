package destruction_test

import (
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// RKN order 179 п. 3 «и» (the act states the reason) and policy 9.4 (every
// item is selected with its ground): each ground cites the provision it
// rests on, as printed in the act.
func TestGroundBasisCitesItsClause(t *testing.T) {
	want := map[destruction.Ground]string{
		// 152-FZ art. 5 part 7; policy 9.1: kept no longer than the term.
		destruction.GroundRetentionExpired: "152-ФЗ ст. 5 ч. 7; Положение п. 9.1",
		// 152-FZ art. 21 part 4; policy 6.1.10: purpose reached.
		destruction.GroundPurposeAchieved: "152-ФЗ ст. 21 ч. 4; Положение п. 6.1.10",
		// 152-FZ art. 21 part 5: consent withdrawn (the seed has no clause).
		destruction.GroundConsentWithdrawn: "152-ФЗ ст. 21 ч. 5",
		// 152-FZ art. 21 part 3; policy 6.1.9: unlawful processing.
		destruction.GroundUnlawful: "152-ФЗ ст. 21 ч. 3; Положение п. 6.1.9",
		// 152-FZ art. 14 part 1, art. 20 part 3; policy 7.1: the subject's demand.
		destruction.GroundSubjectDemand: "152-ФЗ ст. 14 ч. 1; 152-ФЗ ст. 20 ч. 3; Положение п. 7.1",
	}
	require.Len(t, destruction.Grounds(), len(want), "a new ground needs its citation here")
	for _, g := range destruction.Grounds() {
		assert.Equal(t, want[g], g.Basis().String(), g.String())
	}
	assert.True(t, destruction.Ground(0).Basis().IsZero())
}

// Policy 6.1.10: data kept only for a purpose is destroyed within three
// working days of the purpose being reached. The sweep's term flows into
// the item unchanged. Purpose reached Thu 26.11.2026: Fri 27 (1), Mon 30
// (2), Tue 01.12.2026 (3), so DestroyFrom 2026-11-26, DestroyBy
// 2026-12-01; the ground is purpose_achieved and the basis joins the
// term's citation with the ground's without repeating ст. 21 ч. 4.
func TestItemFromDuePurposeBound(t *testing.T) {
	rec := retention.Record{ID: "lead-77", SubjectID: "web-9", Kind: retention.PurposeBound, PurposeAchieved: date.New(2026, 11, 26)}
	term, err := retention.Default().Term(rec)
	require.NoError(t, err)
	it := destruction.ItemFromDue(retention.Due{Record: rec, Term: term},
		destruction.Subject{Name: "Пользователь сайта, заявка № 77"},
		pdata.SetOf(pdata.DataPhone, pdata.DataEmail),
		destruction.DBRecords("CRM «Домовой»", 1))
	assert.Equal(t, destruction.GroundPurposeAchieved, it.Ground)
	assert.Equal(t, date.New(2026, 11, 26), it.DestroyFrom)
	assert.Equal(t, date.New(2026, 12, 1), it.DestroyBy)
	assert.Equal(t, "web-9", it.Subjects[0].ID, "the subject's ID defaults to the record's")
	assert.Equal(t, destruction.MethodDBErasure, it.Method, "policy 9.11 / 152-FZ art. 3 item 8 for database records")
	assert.Equal(t, "152-ФЗ ст. 5 ч. 7; 152-ФЗ ст. 21 ч. 4; Положение п. 6.1.10", it.Basis.String())
	require.NoError(t, it.Validate(date.New(2026, 11, 26)), "due on the day the purpose is reached")
	assert.ErrorIs(t, it.Validate(date.New(2026, 11, 25)), destruction.ErrInvalid, "policy 9.1: not before DestroyFrom")
}
