package destruction_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Policy 9.6 (no corrections): change one byte of a sealed act's content
// and Verify reports it, clearly, naming both digests.
func TestTamperOneByte(t *testing.T) {
	_, d := approvedDestruction(t)
	data, err := d.MarshalJSON()
	require.NoError(t, err)

	// Replace one byte of the sheet count "14" → "15" inside the content.
	i := bytes.Index(data, []byte(`"sheets":14`))
	require.Positive(t, i)
	tampered := bytes.Clone(data)
	tampered[i+len(`"sheets":1`)] = '5'

	var a destruction.Act
	require.NoError(t, json.Unmarshal(tampered, &a), "the altered document still parses")
	err = a.Verify()
	require.ErrorIs(t, err, destruction.ErrTampered)
	var te *destruction.TamperError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, d.Digest(), te.Sealed)
	assert.NotEqual(t, te.Sealed, te.Computed)
	assert.Contains(t, err.Error(), "act № 1-У was altered after sealing: the content does not hash to the sealed digest (sealed SHA-256 "+d.Digest())
	assert.Contains(t, te.Russian(), "изменён после подписания")

	_, err = destruction.DecodeAct(tampered)
	assert.ErrorIs(t, err, destruction.ErrTampered)

	back, err := destruction.DecodeAct(data)
	require.NoError(t, err, "the untouched document verifies")
	assert.Equal(t, d.Digest(), back.Digest())
}

// Every single-byte change of any letter of the place, anywhere in the
// content, is caught (property over positions).
func TestTamperAnyContentByte(t *testing.T) {
	_, d := approvedDestruction(t)
	data, err := d.MarshalJSON()
	require.NoError(t, err)
	start := bytes.Index(data, []byte(`"content":`))
	end := bytes.Index(data, []byte(`"digest":`))
	require.True(t, start > 0 && end > start)
	checked, rejected := 0, 0
	for i := start; i < end; i++ {
		c := data[i]
		if c < 'a' || c > 'z' { // letters in keys and ASCII values; changing them keeps JSON valid
			continue
		}
		tampered := bytes.Clone(data)
		tampered[i] = 'a' + (c-'a'+1)%26
		var a destruction.Act
		if err := json.Unmarshal(tampered, &a); err != nil {
			// A renamed key, in the act or in an item, is rejected as
			// malformed: also detected.
			require.ErrorIs(t, err, destruction.ErrInvalid)
			rejected++
			continue
		}
		checked++
		if a.Verify() == nil {
			t.Fatalf("changing byte %d (%q in %q) went unnoticed", i, c, data[max(i-20, 0):min(i+20, len(data))])
		}
	}
	assert.Greater(t, checked, 50, "changes that still decode, caught by Verify")
	assert.Greater(t, checked+rejected, 100)
}

func TestVerifyChecksSignaturesAndApproval(t *testing.T) {
	_, d := approvedDestruction(t)
	data, err := d.MarshalJSON()
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))

	tests := []struct {
		name string
		edit func(map[string]any)
		want string
	}{
		{"signature on another digest", func(m map[string]any) {
			m["signatures"].([]any)[1].(map[string]any)["digest"] = "00"
		}, "signature 2 (Кузнецова О. В.) was given on another digest"},
		{"signature by an outsider", func(m map[string]any) {
			m["signatures"].([]any)[0].(map[string]any)["member"].(map[string]any)["last_name"] = "Чужой"
		}, "not on the commission"},
		{"signature repeated", func(m map[string]any) {
			s := m["signatures"].([]any)
			s[2] = s[0]
		}, "signed twice"},
		{"approval without every signature", func(m map[string]any) {
			m["signatures"] = m["signatures"].([]any)[:2]
		}, "approved without every member's signature"},
		{"approval by someone else", func(m map[string]any) {
			m["approval"].(map[string]any)["by"].(map[string]any)["last_name"] = "Другой"
		}, "not by the head of the operator"},
		{"signatures without a seal", func(m map[string]any) {
			delete(m, "digest")
		}, "no seal"},
		{"seal without signatures", func(m map[string]any) {
			delete(m, "signatures")
			delete(m, "approval")
		}, "carries no signature"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]any
			require.NoError(t, json.Unmarshal(data, &m))
			tc.edit(m)
			b, err := json.Marshal(m)
			require.NoError(t, err)
			_, err = destruction.DecodeAct(b)
			require.ErrorIs(t, err, destruction.ErrTampered)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestDecodeRejectsMalformed(t *testing.T) {
	_, d := approvedDestruction(t)
	good, err := d.MarshalJSON()
	require.NoError(t, err)
	for name, doc := range map[string]string{
		"not JSON":      "{",
		"empty":         "",
		"other format":  `{"format":"other","content":{}}`,
		"unknown field": `{"format":"pdnkit/destruction-act/v1","extra":1}`,
		"unknown kind":  `{"format":"pdnkit/destruction-act/v1","content":{"kind":"other"}}`,
		"no zone":       `{"format":"pdnkit/destruction-act/v1","content":{"kind":"selection"}}`,
		"bad zone":      `{"format":"pdnkit/destruction-act/v1","content":{"kind":"selection","zone":"Mars/Olympus"}}`,
		"trailing data": string(good) + "{}",
	} {
		_, err := destruction.DecodeAct([]byte(doc))
		assert.ErrorIs(t, err, destruction.ErrInvalid, name)
	}
}

// The JSON round trip keeps everything: the same digest, state,
// signatures and renderings.
func TestJSONRoundTrip(t *testing.T) {
	sel, d := approvedDestruction(t)
	for _, a := range []*destruction.Act{sel, d, draftSelection(t)} {
		var b bytes.Buffer
		require.NoError(t, a.WriteJSON(&b))
		back, err := destruction.DecodeAct(b.Bytes())
		require.NoError(t, err)
		assert.Equal(t, a.Digest(), back.Digest())
		assert.Equal(t, a.State(), back.State())
		assert.Equal(t, a.Sealed(), back.Sealed())
		assert.Equal(t, len(a.Signatures()), len(back.Signatures()))
		for _, r := range renderers {
			assert.Equal(t, render(t, a, r), render(t, back, r), "%s renders the same after a round trip", r.ext)
		}
	}
}

// The digest is a function of the content: equal content, equal digest;
// any change to an item, a different digest (property over items).
func TestDigestFollowsContent(t *testing.T) {
	base := draftSelection(t).Digest()
	assert.Equal(t, base, draftSelection(t).Digest())
	assert.Len(t, base, 64)
	seen := map[string]string{"base": base}
	edits := map[string]func(*destruction.Item){
		"sheets":   func(it *destruction.Item) { it.Medium.Sheets++ },
		"name":     func(it *destruction.Item) { it.Subjects[0].Name += "а" },
		"ground":   func(it *destruction.Item) { it.Ground = destruction.GroundSubjectDemand; it.Basis = it.Ground.Basis() },
		"category": func(it *destruction.Item) { it.Categories = it.Categories.With(pdata.DataSNILS) },
		"record":   func(it *destruction.Item) { it.RecordID += "x" },
	}
	for name, edit := range edits {
		a, err := destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission())
		require.NoError(t, err)
		items := sampleItems()
		edit(&items[0])
		require.NoError(t, a.Add(items...))
		dg := a.Digest()
		for other, od := range seen {
			assert.NotEqual(t, od, dg, "%s and %s give the same digest", name, other)
		}
		seen[name] = dg
	}
}

// FuzzDecodeAct feeds arbitrary documents to the decoder: it must never
// panic; whatever decodes and verifies must encode and decode again to the
// same digest and state, and render without error. (Rendering to HTML and
// DOCX shares the view RenderText prints and is left out to keep each run
// fast.) Run it with a bound on minimisation, or the fuzzer spends its
// whole budget minimising the first interesting kilobyte of JSON:
//
//	go test -run='^$' -fuzz=FuzzDecodeAct -fuzztime=20s -fuzzminimizetime=200x ./destruction
func FuzzDecodeAct(f *testing.F) {
	// Small seeds keep the fuzzer's minimisation quick: an operator and a
	// commission with short names, one item, at each stage of the lifecycle.
	op := pdata.SampleOperator()
	op.Name, op.Address, op.Sites = "МП «ПОЖКХ»", "с. Кошки", nil
	com := destruction.Commission{ID: "c", Order: destruction.Order{Number: "3", Date: jan(10)},
		Chair: pdata.Official{Position: "Инженер", LastName: "Петров", FirstName: "А"}, Members: []pdata.Official{{Position: "Бухгалтер", LastName: "Ким", FirstName: "О"}}}
	it := destruction.Item{RecordID: "r", Subjects: []destruction.Subject{{Name: "Иванов И"}}, Categories: pdata.SetOf(pdata.DataFullName),
		Medium: destruction.Paper("Дело", 2), Ground: destruction.GroundRetentionExpired, DestroyFrom: jan(1)}
	a, err := destruction.NewSelectionAct(destruction.Header{ID: "s", Number: "1", Date: jan(20), Place: "Кошки"}, op, com)
	require.NoError(f, err)
	require.NoError(f, a.Add(it))
	seed := func() {
		b, err := a.MarshalJSON()
		require.NoError(f, err)
		f.Add(b)
	}
	seed()
	require.NoError(f, a.CheckAll(at(20, 10, 0)))
	require.NoError(f, a.SealMedia(com.Chair, at(20, 10, 5)))
	require.NoError(f, a.Sign(com.Chair, at(20, 11, 0)))
	seed()
	require.NoError(f, a.Sign(com.Members[0], at(20, 11, 1)))
	require.NoError(f, a.Approve(op.Head, at(20, 12, 0)))
	seed()
	d, err := destruction.NewDestructionAct(destruction.Header{ID: "d", Number: "2", Date: jan(24), Place: "Кошки"}, a)
	require.NoError(f, err)
	require.NoError(f, d.CheckAll(at(24, 10, 0)))
	require.NoError(f, d.RecordDestruction(destruction.Destruction{At: at(24, 10, 5), Place: "Кошки", Present: com.All()}))
	require.NoError(f, d.Sign(com.Chair, at(24, 11, 0)))
	b, err := d.MarshalJSON()
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"format":"pdnkit/destruction-act/v1","content":{"kind":"selection","zone":"UTC","items":[{"item":{"categories":["snils"]}}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := destruction.DecodeAct(data)
		if err != nil {
			return
		}
		b, err := a.MarshalJSON()
		if err != nil {
			t.Fatalf("a verified act does not encode: %v", err)
		}
		back, err := destruction.DecodeAct(b)
		if err != nil {
			t.Fatalf("a verified act does not decode after encoding: %v", err)
		}
		if back.Digest() != a.Digest() || back.State() != a.State() {
			t.Fatalf("round trip changed the act: digest %s→%s, state %s→%s", a.Digest(), back.Digest(), a.State(), back.State())
		}
		var sink bytes.Buffer
		if err := a.RenderText(&sink); err != nil {
			t.Fatalf("RenderText: %v", err)
		}
	})
}
