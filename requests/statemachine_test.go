package requests_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// expect is the transition table written out independently of the code
// (see requests.Allowed): whether op is allowed on a request of kind k from
// party p in status st, and the status it leads to.
func expect(k requests.Kind, p requests.Party, st requests.Status, op requests.Op, resolved bool) (bool, requests.Status) {
	inWork := st == requests.StatusReceived || st == requests.StatusExtended
	received := st == requests.StatusReceived
	switch op {
	case requests.OpExtend: // art. 14 p. 3, art. 20 p. 1, 2, 4, art. 21 p. 5.1: once
		return received && ((k == requests.Access && p != requests.ByThirdParty) || k == requests.Stop), requests.StatusExtended
	case requests.OpDocuments: // 6.1.8
		return received && k == requests.Clarify, requests.StatusReceived
	case requests.OpResolve: // 5.2
		return received && p == requests.ByThirdParty && !resolved, requests.StatusReceived
	case requests.OpClarify: // 6.1.8
		return received && k == requests.Clarify, requests.StatusClarified
	case requests.OpRemedy: // 6.1.9
		return received && k == requests.Unlawful, requests.StatusRemedied
	case requests.OpHandOver: // 6.1.9, 6.1.10, art. 21 p. 5
		return received && (k == requests.Unlawful || k == requests.Destroy || k == requests.Withdraw), requests.StatusAwaitingDestruction
	case requests.OpConfirmDestruction:
		return st == requests.StatusAwaitingDestruction, requests.StatusDestroyed
	case requests.OpRefuse: // art. 20 p. 2
		return inWork, requests.StatusRefused
	case requests.OpFulfil:
		to := requests.StatusAnswered
		if k == requests.Stop || k == requests.Withdraw {
			to = requests.StatusStopped
		}
		return inWork && (k == requests.Access || k == requests.Stop || k == requests.Withdraw) &&
			(p != requests.ByThirdParty || resolved), to
	}
	return false, 0
}

// seed stores a request in the given state directly (as if it had got there
// through the service) and returns it.
func seed(t *testing.T, f *fixture, k requests.Kind, p requests.Party, st requests.Status, resolved bool) requests.Request {
	t.Helper()
	var in requests.NewRequest
	switch p {
	case requests.BySubject:
		in = complete(t, "sm", k, at(2026, 3, 2, 9, 0))
	case requests.ByRepresentative:
		in = complete(t, "sm", k, at(2026, 3, 2, 9, 0))
		in.Requester.Party, in.Requester.Name = requests.ByRepresentative, "Орлова Вера Павловна"
		in.Requester.PowerOfAttorney = &requests.PowerOfAttorney{Number: "63 АА 1", Date: day(2026, 1, 10)}
	case requests.ByAuthority:
		in = fromAuthority("sm", k, at(2026, 3, 2, 9, 0))
	case requests.ByThirdParty:
		in = fromThirdParty("sm", at(2026, 3, 2, 9, 0))
	}
	r, err := f.svc.Register(ctx, clerk(at(2026, 3, 2, 9, 30)), in)
	require.NoError(t, err)
	require.False(t, r.Incomplete(), "seeded requests are complete")
	r.Status = st
	if resolved {
		r.Resolution = &requests.Resolution{By: "head", Name: "Директор Сидоров П. И.", At: at(2026, 3, 2, 9, 40), Text: "Предоставить"}
	}
	if st == requests.StatusExtended {
		r.Extension = &requests.Extension{Reasons: "причины", Sent: at(2026, 3, 2, 9, 40), FirstDeadline: r.Deadline.Date}
	}
	if st == requests.StatusAwaitingDestruction {
		r.Handover = &requests.Handover{Ground: destruction.GroundSubjectDemand, Basis: destruction.GroundSubjectDemand.Basis(),
			Categories: pdata.SetOf(pdata.DataPhone), Records: []string{"crm/res-1/phone"}}
		if !r.Blocked {
			r.Blocked = true
			require.NoError(t, f.dir.Block(ctx, "res-1", requests.Hold{RequestID: r.ID, Since: at(2026, 3, 2, 9, 40)}))
		}
	}
	r.Version++
	require.NoError(t, f.store.Update(ctx, r))
	return r
}

// call performs op with valid arguments.
func call(t *testing.T, f *fixture, op requests.Op, r requests.Request) (requests.Request, error, bool) {
	t.Helper()
	when := at(2026, 3, 3, 10, 0)
	switch op {
	case requests.OpExtend:
		got, err := f.svc.Extend(ctx, clerk(when), r.ID, "запрошены сведения из архива")
		return got, err, true
	case requests.OpDocuments:
		got, err := f.svc.DocumentsArrived(ctx, clerk(when), r.ID, day(2026, 3, 3), "копия свидетельства")
		return got, err, true
	case requests.OpResolve:
		got, err := f.svc.Resolve(ctx, head(when), r.ID, "Предоставить")
		return got, err, true
	case requests.OpClarify:
		c := owner(t)
		c.LastName = "Смирнова"
		got, err := f.svc.Clarify(ctx, clerk(when), r.ID, c, "копия свидетельства о браке")
		return got, err, true
	case requests.OpRemedy:
		got, err := f.svc.Remedy(ctx, clerk(when), r.ID, "обработка приведена в соответствие")
		return got, err, true
	case requests.OpHandOver:
		got, err := f.svc.HandOver(ctx, clerk(when), r.ID, []destruction.Item{{RecordID: "crm/res-1/phone",
			Categories: pdata.SetOf(pdata.DataPhone), Medium: destruction.DBRecords("ИС «Жилищный учёт»", 1)}})
		return got, err, true
	case requests.OpConfirmDestruction:
		got, err := f.svc.ConfirmDestruction(ctx, clerk(when), r.ID, destruction.ActRef{ID: "a-1", Number: "1-У", Date: day(2026, 3, 3), Digest: actDigest, Approved: at(2026, 3, 3, 9, 0)})
		return got, err, true
	case requests.OpRefuse:
		for _, reason := range requests.RefusalReasons() {
			if ok, _, _ := reason.AppliesTo(r); ok {
				got, err := f.svc.Refuse(ctx, clerk(when), r.ID, reason, "обстоятельства дела")
				return got, err, true
			}
		}
		got, err := f.svc.Refuse(ctx, clerk(when), r.ID, requests.RefuseOthersRights, "обстоятельства дела")
		return got, err, false // no ground fits this request
	case requests.OpFulfil:
		got, err := f.svc.Fulfil(ctx, clerk(when), r.ID, requests.Answer{Text: "обработка прекращена",
			Categories: pdata.SetOf(pdata.DataFullName), Purpose: transferPurpose, Warned: true})
		return got, err, true
	}
	t.Fatalf("no call for %s", op)
	return requests.Request{}, nil, false
}

// Every allowed and every forbidden transition, through the service: an
// allowed one reaches its status, a forbidden one is an ErrState and leaves
// the stored request as it was.
func TestStateMachine(t *testing.T) {
	statuses := requests.Statuses()
	var allowed, forbidden, noGround int
	for _, k := range requests.Kinds() {
		for _, p := range requests.Parties() {
			rule, err := requests.RuleFor(k, p)
			if err != nil {
				continue // this party may not send this kind
			}
			for _, st := range statuses {
				if st == requests.StatusExtended && rule.Extension == 0 {
					continue // unreachable
				}
				if st == requests.StatusAwaitingDestruction && k != requests.Unlawful && k != requests.Destroy && k != requests.Withdraw {
					continue // unreachable
				}
				resolutions := []bool{false}
				if p == requests.ByThirdParty {
					resolutions = []bool{false, true}
				}
				for _, resolved := range resolutions {
					for _, op := range requests.Ops() {
						if op == requests.OpRegister {
							continue
						}
						name := fmt.Sprintf("%s/%s/%s/resolved=%v/%s", k, p, st, resolved, op)
						t.Run(name, func(t *testing.T) {
							f := newFixture(t)
							r := seed(t, f, k, p, st, resolved)
							want, to := expect(k, p, st, op, resolved)
							if ae := requests.Allowed(r, op); want != (ae == nil) {
								t.Errorf("Allowed = %v, want allowed=%v", ae, want)
							}
							got, err, ground := call(t, f, op, r)
							stored, gerr := f.store.Get(ctx, r.ID)
							require.NoError(t, gerr)
							switch {
							case want && !ground:
								noGround++
								assert.ErrorIs(t, err, requests.ErrInvalid, "no refusal ground fits this request")
								assert.Equal(t, r, stored)
							case want:
								allowed++
								require.NoError(t, err)
								assert.Equal(t, to, got.Status)
								assert.Equal(t, to, stored.Status)
								assert.Equal(t, r.Version+1, stored.Version)
								assert.Greater(t, len(stored.History), len(r.History))
								assert.Equal(t, r.History, stored.History[:len(r.History)])
							default:
								forbidden++
								assert.ErrorIs(t, err, requests.ErrState)
								assert.Equal(t, r, stored, "a forbidden operation changes nothing")
							}
						})
					}
				}
			}
		}
	}
	t.Logf("%d allowed, %d forbidden transitions; %d allowed by state with no refusal ground that fits", allowed, forbidden, noGround)
	assert.Positive(t, allowed)
	assert.Positive(t, forbidden)
}

// Which refusal grounds fit which request (art. 14 part 8, art. 20 part 2,
// art. 21; policy 5.2, 6.1.5).
func TestRefusalGrounds(t *testing.T) {
	subject := requests.Requester{Party: requests.BySubject}
	authority := requests.Requester{Party: requests.ByAuthority}
	third := requests.Requester{Party: requests.ByThirdParty}
	tests := []struct {
		reason requests.RefusalReason
		fits   []requests.Request
		unfit  []requests.Request
	}{
		// Art. 14 part 3, policy 6.1.4: an unsigned request may be refused
		// once the subject was told. Not a withdrawal of consent, which the
		// service records on receipt (art. 9 part 2), nor a report of
		// unlawful processing, which is checked anyway (art. 21 part 1;
		// policy 6.1.7).
		{requests.RefuseIncomplete,
			[]requests.Request{
				{Kind: requests.Stop, Requester: subject, Missing: []pdata.FieldError{{Rule: "signature"}}},
				{Kind: requests.Access, Requester: subject, Missing: []pdata.FieldError{{Rule: "signature"}}},
			},
			[]requests.Request{{Kind: requests.Stop, Requester: subject}, {Kind: requests.Access, Requester: authority, Missing: []pdata.FieldError{{Rule: "letter"}}},
				{Kind: requests.Withdraw, Requester: subject, Missing: []pdata.FieldError{{Rule: "signature"}}},
				{Kind: requests.Unlawful, Requester: subject, Missing: []pdata.FieldError{{Rule: "signature"}}}}},
		{requests.RefuseRepeat,
			[]requests.Request{{Kind: requests.Access, Requester: subject, RepeatOf: "1"}},
			[]requests.Request{{Kind: requests.Access, Requester: subject}}},
		{requests.RefuseOthersRights,
			[]requests.Request{{Kind: requests.Access, Requester: subject}},
			[]requests.Request{{Kind: requests.Access, Requester: authority}, {Kind: requests.Clarify, Requester: subject}}},
		{requests.RefuseNotConfirmed,
			[]requests.Request{{Kind: requests.Clarify, Requester: subject}, {Kind: requests.Clarify, Requester: authority}},
			[]requests.Request{{Kind: requests.Unlawful, Requester: subject}}},
		{requests.RefuseLawful,
			[]requests.Request{{Kind: requests.Unlawful, Requester: authority}},
			[]requests.Request{{Kind: requests.Destroy, Requester: subject}}},
		{requests.RefuseOtherGround,
			[]requests.Request{{Kind: requests.Destroy, Requester: subject}, {Kind: requests.Stop, Requester: subject}},
			[]requests.Request{{Kind: requests.Withdraw, Requester: subject}, {Kind: requests.Access, Requester: subject}}},
		{requests.RefuseNoAuthority,
			[]requests.Request{{Kind: requests.Access, Requester: third}},
			[]requests.Request{{Kind: requests.Access, Requester: subject}}},
	}
	for _, tt := range tests {
		assert.False(t, tt.reason.Basis().IsZero(), "%s carries its basis", tt.reason)
		for _, r := range tt.fits {
			ok, _, _ := tt.reason.AppliesTo(r)
			assert.True(t, ok, "%s should fit a %s request from %s", tt.reason, r.Kind, r.Requester.Party)
		}
		for _, r := range tt.unfit {
			ok, why, whyRU := tt.reason.AppliesTo(r)
			assert.False(t, ok, "%s should not fit a %s request from %s", tt.reason, r.Kind, r.Requester.Party)
			assert.NotEmpty(t, why)
			assert.NotEmpty(t, whyRU)
		}
	}
	assert.Equal(t, pdata.Cite("152-ФЗ ст. 14 ч. 8 п. 4", "6.1.5"), requests.RefuseOthersRights.Basis())
	for _, r := range requests.RefusalReasons() {
		assert.False(t, slices.Contains([]string{"", "unknown"}, r.String()))
	}
}
