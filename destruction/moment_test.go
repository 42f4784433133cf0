package destruction_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// far is a moment no real step has: a mistyped year.
var far = time.Date(9999, time.December, 31, 12, 0, 0, 0, samara)

// tooLate checks that err refuses field with rule too_late, in English and
// Russian.
func tooLate(t *testing.T, err error, field string) {
	t.Helper()
	fe, ok := validation(t, err).Field(field)
	require.True(t, ok, "no problem for %s in %v", field, err)
	assert.Equal(t, "too_late", fe.Rule)
	assert.Contains(t, fe.Message, "more than a year after the act's date")
	assert.Contains(t, fe.MessageRU, "более чем на год")
}

// Every step takes the moment from the host, and each must follow the one
// before (policy 9.7–9.12). A check dated 31.12.9999 used to be accepted,
// after which no real sealing or signature could follow: the act was stuck.
// A moment more than a year after the act's date is refused, and nothing
// changes; the real moment then goes through.
func TestFarFutureMomentsAreRefused(t *testing.T) {
	a := draftSelection(t)
	tooLate(t, a.CheckAll(far), "Checked")
	tooLate(t, a.Check("res-2019-0042", far), "Checked")
	assert.Equal(t, destruction.StateDraft, a.State())
	for _, e := range a.Content().Items {
		assert.True(t, e.Checked.IsZero(), "nothing is checked")
	}
	require.NoError(t, a.CheckAll(at(20, 10, 0)))

	tooLate(t, a.SealMedia(chair, far), "MediaSeal.At")
	assert.Nil(t, a.Content().MediaSeal)
	require.NoError(t, a.SealMedia(chair, at(20, 10, 30)))

	tooLate(t, a.Sign(chair, far), "Signature.At")
	assert.Empty(t, a.Signatures())
	assert.False(t, a.Sealed())
	for i, m := range sampleCommission().All() {
		require.NoError(t, a.Sign(m, at(20, 11, i)))
	}
	tooLate(t, a.Approve(head, far), "Approval.At")
	_, approved := a.Approval()
	assert.False(t, approved)
	require.NoError(t, a.Approve(head, at(21, 9, 0)))

	d, err := destruction.NewDestructionAct(destHeader(), a)
	require.NoError(t, err)
	require.NoError(t, d.CheckAll(at(24, 10, 0)))
	pr := presence()
	pr.At = far
	tooLate(t, d.RecordDestruction(pr), "Destruction.At")
	assert.Nil(t, d.Content().Destruction)
	require.NoError(t, d.RecordDestruction(presence()))
}

// The bound is one year after the act's date, in the operator's time zone
// (Europe/Samara, UTC+4). The selection act is dated 20.01.2025: one year
// later is 20.01.2026 (Civil Code art. 192), so 20.01.2026 23:59 Samara time
// is accepted and 21.01.2026 00:00 refused; 20.01.2026 20:30 UTC is
// already 21.01.2026 00:30 in Samara, and refused.
func TestStepWindowBoundary(t *testing.T) {
	for _, tc := range []struct {
		name string
		at   time.Time
		ok   bool
	}{
		{"last minute of the year", time.Date(2026, time.January, 20, 23, 59, 0, 0, samara), true},
		{"next day", time.Date(2026, time.January, 21, 0, 0, 0, 0, samara), false},
		{"next day in Samara, not in UTC", time.Date(2026, time.January, 20, 20, 30, 0, 0, time.UTC), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := draftSelection(t).CheckAll(tc.at)
			if tc.ok {
				assert.NoError(t, err)
				return
			}
			tooLate(t, err, "Checked")
			fe, _ := validation(t, err).Field("Checked")
			assert.Contains(t, fe.MessageRU, "20.01.2026", "the last allowed day is named")
		})
	}
}

// An act read back is held to the same bound: a stored draft whose check
// was pushed into 9999 does not verify.
func TestVerifyRefusesFarFutureMoments(t *testing.T) {
	a := draftSelection(t)
	require.NoError(t, a.CheckAll(at(20, 10, 0)))
	data, err := a.MarshalJSON()
	require.NoError(t, err)
	checked := at(20, 10, 0).UTC().Format(time.RFC3339)
	require.Contains(t, string(data), checked)
	bad := strings.Replace(string(data), checked, far.UTC().Format(time.RFC3339), 1)
	_, err = destruction.DecodeAct([]byte(bad))
	tooLate(t, err, "Items[0].Checked")
	_, err = destruction.DecodeAct(data)
	require.NoError(t, err, "control: the real moment verifies")
}

// Check takes no person (policy 9.7 gives the check to the commission as a
// body); every member attests it by signing (9.8), and the act cannot be
// approved until all have.
func TestCheckIsAttestedByEveryMembersSignature(t *testing.T) {
	a := draftSelection(t)
	require.NoError(t, a.CheckAll(at(20, 10, 0)))
	require.NoError(t, a.SealMedia(chair, at(20, 10, 30)))
	require.NoError(t, a.Sign(chair, at(20, 11, 0)))
	require.NoError(t, a.Sign(member1, at(20, 11, 1)))
	err := a.Approve(head, at(21, 9, 0))
	require.ErrorIs(t, err, destruction.ErrState, "one member has not signed the checked act")
	clerk := pdata.Official{Position: "Делопроизводитель", LastName: "Зайцева", FirstName: "Нина"}
	require.ErrorIs(t, a.Sign(clerk, at(20, 11, 3)), destruction.ErrForbidden, "only members attest the check")
	require.NoError(t, a.Sign(member2, at(20, 11, 2)))
	require.NoError(t, a.Approve(head, at(21, 9, 0)))
}
