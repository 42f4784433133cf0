package requests_test

import (
	"testing"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rules(fs []pdata.FieldError) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Rule
	}
	return out
}

// 152-FZ art. 14 part 3; policy 6.1.4: CheckIntake's nil means «complete».
// A request that says neither who sent it nor what it asks is not complete:
// it lacks those first, each with its basis and a Russian text for the reply.
func TestCheckIntakeEmptyRequestIsIncomplete(t *testing.T) {
	tests := []struct {
		name string
		in   requests.NewRequest
		want []string
	}{
		{"empty", requests.NewRequest{}, []string{"kind", "party"}},
		{"no party", requests.NewRequest{Kind: requests.Access}, []string{"party"}},
		{"unknown party", requests.NewRequest{Kind: requests.Access, Requester: requests.Requester{Party: 99}}, []string{"party"}},
		{"no kind", requests.NewRequest{Requester: requests.Requester{Party: requests.ByAuthority,
			Letter: requests.Letter{Number: "1", Date: day(2026, 3, 2)}}}, []string{"kind"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := requests.CheckIntake(tt.in, date.Zero)
			require.NotEmpty(t, got, "an empty request must not be reported complete")
			assert.Equal(t, tt.want, rules(got))
			for _, f := range got {
				assert.NotEmpty(t, f.Message)
				assert.NotEmpty(t, f.MessageRU)
				assert.Equal(t, "152-ФЗ ст. 14 ч. 3", f.Basis.Law)
			}
		})
	}
	// A complete request is still complete.
	assert.Empty(t, requests.CheckIntake(complete(t, "1", requests.Access, at(2026, 3, 2, 9, 0)), day(2026, 3, 2)))
}
