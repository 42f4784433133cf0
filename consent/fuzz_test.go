package consent_test

import (
	"encoding"
	"errors"
	"testing"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/pdata"
)

type textEnum interface {
	encoding.TextMarshaler
	encoding.TextUnmarshaler
}

// FuzzUnmarshalText: every enumeration's parser either refuses the input
// with an error matching pdata.ErrInvalid, or accepts exactly a name that
// MarshalText gives back unchanged. It never panics.
func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"processing", "distribution", "third_party_source", "transfer", "collect", "destroy",
		"mixed", "paper", "electronic", "qualified", "simple", "internal_network", "transfer_abroad", "public_source",
		"", "unknown", "Processing", "\x00", "процессинг"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range []textEnum{new(consent.Kind), new(consent.Action), new(consent.Method), new(consent.Form),
			new(consent.SignatureKind), new(consent.TransferCondition), new(consent.OpKind), new(consent.GroundKind)} {
			err := v.UnmarshalText([]byte(s))
			if err != nil {
				if !errors.Is(err, pdata.ErrInvalid) {
					t.Fatalf("%T: error %v does not match ErrInvalid", v, err)
				}
				continue
			}
			b, _ := v.MarshalText()
			if string(b) != s {
				t.Fatalf("%T: %q parsed, but marshals as %q", v, s, b)
			}
		}
	})
}

// TestEnumsRoundTrip: every defined value has a name that parses back to
// it, and a Russian title.
func TestEnumsRoundTrip(t *testing.T) {
	check := func(name string, valid bool, title string, v encoding.TextMarshaler, back textEnum) {
		t.Helper()
		if !valid {
			t.Fatalf("%s: not valid", name)
		}
		b, _ := v.MarshalText()
		if err := back.UnmarshalText(b); err != nil {
			t.Fatalf("%s: %q does not parse back: %v", name, b, err)
		}
		b2, _ := back.MarshalText()
		if string(b) != string(b2) || title == "" || string(b) == "unknown" {
			t.Fatalf("%s: round trip %q → %q, title %q", name, b, b2, title)
		}
	}
	for k := consent.Processing; k <= consent.Transfer; k++ {
		check(k.String(), k.Valid(), k.Title(), k, new(consent.Kind))
	}
	for a := consent.ActCollect; a <= consent.ActDestroy; a++ {
		check(a.String(), a.Valid(), a.Title(), a, new(consent.Action))
	}
	for m := consent.Automated; m <= consent.Mixed; m++ {
		check(m.String(), m.Valid(), m.Title(), m, new(consent.Method))
	}
	for f := consent.Paper; f <= consent.Electronic; f++ {
		check(f.String(), f.Valid(), f.Title(), f, new(consent.Form))
	}
	for s := consent.Handwritten; s <= consent.QualifiedElectronic; s++ {
		check(s.String(), s.Valid(), s.Title(), s, new(consent.SignatureKind))
	}
	for c := consent.TransferFree; c <= consent.TransferForbidden; c++ {
		check(c.String(), c.Valid(), c.Title(), c, new(consent.TransferCondition))
	}
	for o := consent.OpCollect; o <= consent.OpTransferAbroad; o++ {
		check(o.String(), o.Valid(), o.Title(), o, new(consent.OpKind))
	}
	for g := consent.GroundConsent; g <= consent.GroundVitalInterests; g++ {
		check(g.String(), g.Valid(), g.Title(), g, new(consent.GroundKind))
	}
	if consent.Kind(0).Valid() || consent.Kind(9).String() != "unknown" || consent.OpTransferAbroad.Actions() != nil {
		t.Fatal("out-of-range values must be invalid and print as unknown")
	}
	if got := consent.OpStore.Actions(); len(got) != 2 || got[0] != consent.ActRecord || got[1] != consent.ActStore {
		t.Fatalf("OpStore.Actions() = %v", got)
	}
}
