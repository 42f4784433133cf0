package requests_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/requests/requeststest"
)

type textCodec interface {
	MarshalText() ([]byte, error)
}

// FuzzParseNames feeds the name parsers (Kind, Party, Status, Action,
// RefusalReason): they never panic, refuse with ErrInvalid, and what they
// accept encodes back to the canonical lower-case name.
func FuzzParseNames(f *testing.F) {
	for _, s := range []string{"access", " Clarify ", "STOP", "third_party", "awaiting_destruction", "others_rights",
		"hand_over", "registered", "", "доступ", "access\x00", "Ѕtop"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var k requests.Kind
		var p requests.Party
		var st requests.Status
		var a requests.Action
		var r requests.RefusalReason
		for _, v := range []struct {
			name string
			dec  func([]byte) error
			enc  textCodec
		}{
			{"Kind", k.UnmarshalText, &k}, {"Party", p.UnmarshalText, &p}, {"Status", st.UnmarshalText, &st},
			{"Action", a.UnmarshalText, &a}, {"RefusalReason", r.UnmarshalText, &r},
		} {
			err := v.dec([]byte(s))
			if err != nil {
				if !errors.Is(err, requests.ErrInvalid) {
					t.Errorf("%s(%q): error %v does not wrap ErrInvalid", v.name, s, err)
				}
				if ref := v.dec([]byte("\x01")); ref == nil || err.Error() != ref.Error() {
					t.Errorf("%s(%q): the error %q depends on the input (it must not repeat it)", v.name, s, err)
				}
				continue
			}
			out, err := v.enc.MarshalText()
			if err != nil {
				t.Fatalf("%s(%q) accepted but does not encode: %v", v.name, s, err)
			}
			if string(out) != strings.ToLower(strings.TrimSpace(s)) {
				t.Errorf("%s(%q) encodes as %q", v.name, s, out)
			}
		}
	})
}

// FuzzRequestJSON decodes arbitrary JSON as a stored request: no panic, and
// what decodes survives a round trip unchanged.
func FuzzRequestJSON(f *testing.F) {
	good, err := json.Marshal(requeststest.Sample("17", "res-1", at(2026, 2, 20, 10, 0)))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(`{"id":"1","kind":"unlawful","status":"received","requester":{"party":"authority"}}`))
	f.Add([]byte(`{"kind":"nonsense"}`))
	f.Add([]byte(`{"requester":{"identity":{"series":"0000"}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var r requests.Request
		if json.Unmarshal(b, &r) != nil {
			return
		}
		once, err := json.Marshal(r)
		if err != nil {
			return // an undefined enum value decoded from a number cannot be written back: refused, not stored wrong
		}
		var r2 requests.Request
		if err := json.Unmarshal(once, &r2); err != nil {
			t.Fatalf("a request that encoded does not decode: %v\n%s", err, once)
		}
		twice, err := json.Marshal(r2)
		if err != nil {
			t.Fatal(err)
		}
		if string(once) != string(twice) {
			t.Errorf("round trip changed the request:\n%s\n%s", once, twice)
		}
	})
}

func TestRequestJSONRoundTrip(t *testing.T) {
	r := requeststest.Sample("17", "res-1", at(2026, 2, 20, 10, 0))
	r.Refusal = &requests.Refusal{Reason: requests.RefuseRepeat, Details: "повтор", Basis: requests.RefuseRepeat.Basis()}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"kind":"access"`, `"party":"representative"`, `"status":"received"`, `"reason":"repeat"`, `"action":"registered"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s:\n%s", want, b)
		}
	}
	var back requests.Request
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	b2, err := json.Marshal(back)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(b2) {
		t.Errorf("round trip changed the request:\n%s\n%s", b, b2)
	}
	if back.Requester.Identity.Digits() != "3610123456" {
		t.Errorf("the identity document did not survive storage")
	}
}
