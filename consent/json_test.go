package consent_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJSONRoundTrip: the JSON encoding the Storage section recommends keeps
// every value, identifiers included, and decodes back to an equal consent.
func TestJSONRoundTrip(t *testing.T) {
	for name, c := range map[string]consent.Consent{"representative": withRepresentative(), "distribution": distribution(), "third party": thirdParty()} {
		t.Run(name, func(t *testing.T) {
			c.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 11, 3), At: at(2025, 11, 3, 10, 15), Document: "заявление вх. № 41"}
			b, err := json.Marshal(c)
			require.NoError(t, err)
			assert.Contains(t, string(b), `"kind":"`+c.Kind.String()+`"`)
			assert.Contains(t, string(b), "3610123456", "storage needs the full passport number")
			var back consent.Consent
			require.NoError(t, json.Unmarshal(b, &back))
			// Times come back with a fixed zone of the same offset: compare the instants, then the rest.
			assert.True(t, c.Withdrawn.At.Equal(back.Withdrawn.At))
			assert.True(t, c.Signature.SignedAt.Equal(back.Signature.SignedAt))
			back.Withdrawn.At = c.Withdrawn.At
			back.Signature.SignedAt = c.Signature.SignedAt
			assert.Equal(t, c.Expires(), back.Expires())
			assert.Equal(t, c.Validity.For.String(), back.Validity.For.String())
			back.Validity.For = c.Validity.For
			assert.Equal(t, c, back)
			require.NoError(t, consent.ValidateWith(back, samaraRules()))
		})
	}
	var k consent.Kind
	require.ErrorIs(t, json.Unmarshal([]byte(`"consent"`), &k), pdata.ErrInvalid)
}

// TestNoLeaks: a consent printed or logged by accident shows no personal data.
func TestNoLeaks(t *testing.T) {
	c := withRepresentative()
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("consent", "c", c, "subject", c.Subject)
	for _, out := range []string{fmt.Sprint(c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprintf("%v", c.Subject), logged.String()} {
		for _, pd := range []string{"Иванова", "Мария", "Первомайская", "123456", "Петров"} {
			assert.NotContains(t, out, pd)
		}
	}
	assert.Equal(t, "consent C-18 (processing, subject resident-1)", c.String())
	assert.Contains(t, logged.String(), "c.id=C-18")
	assert.Equal(t, "Person(И***)", c.Subject.String())
}

// TestJSONUnknownKeys: consent has no UnmarshalJSON of its own, so a strict
// decoder refuses a misspelt key of the consent itself; the passport inside
// (pdata.Passport, which has one) refuses a misspelt key whatever the
// decoder, with an error matching ErrInvalid.
func TestJSONUnknownKeys(t *testing.T) {
	b, err := json.Marshal(processing())
	require.NoError(t, err)
	misspelt := strings.Replace(string(b), `"issue_date"`, `"isue_date"`, 1)
	require.NotEqual(t, string(b), misspelt)
	var back consent.Consent
	err = json.Unmarshal([]byte(misspelt), &back)
	require.ErrorIs(t, err, consent.ErrInvalid)
	assert.Contains(t, err.Error(), "isue_date")

	dec := json.NewDecoder(strings.NewReader(strings.Replace(string(b), `"subject_id"`, `"subjct_id"`, 1)))
	dec.DisallowUnknownFields()
	require.Error(t, dec.Decode(&back))
}
