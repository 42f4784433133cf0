package destruction_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// unknownKey checks that err refuses the JSON key in English and Russian,
// naming it, and wraps ErrInvalid.
func unknownKey(t *testing.T, err error, key string) {
	t.Helper()
	require.ErrorIs(t, err, destruction.ErrInvalid)
	var ve *pdata.ValidationError
	require.True(t, errors.As(err, &ve), "%v is a *pdata.ValidationError", err)
	fe, ok := ve.Field(key)
	require.True(t, ok, "the error names the key %q: %v", key, err)
	assert.Equal(t, "unknown_field", fe.Rule)
	assert.Contains(t, fe.Message, `"`+key+`"`)
	assert.Contains(t, fe.MessageRU, `"`+key+`"`)
	assert.Contains(t, fe.MessageRU, "Неизвестное поле")
}

// fullItem is withdrawnItem with its method and basis filled in.
func fullItem() destruction.Item {
	it := withdrawnItem()
	it.Method = destruction.MethodFor(it.Medium.Kind)
	it.Basis = it.Ground.Basis()
	return it
}

// itemJSONWith is a valid item's JSON with one key renamed.
func itemJSONWith(t *testing.T, from, to string) []byte {
	t.Helper()
	b, err := json.Marshal(fullItem())
	require.NoError(t, err)
	require.Contains(t, string(b), `"`+from+`"`)
	return []byte(strings.Replace(string(b), `"`+from+`"`, `"`+to+`"`, 1))
}

// A mistyped key is refused, not dropped: "destroy_form" for
// "destroy_from" would otherwise leave DestroyFrom zero without a word,
// even under a decoder that disallows unknown fields (a custom
// UnmarshalJSON does not inherit that setting).
func TestItemJSONRefusesUnknownKeys(t *testing.T) {
	for _, tc := range []struct{ name, from, to string }{
		{"top level", "destroy_from", "destroy_form"},
		{"in a subject", "name", "nmae"},
		{"in the medium", "serial", "serail"},
		{"in the basis", "law", "lwa"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := itemJSONWith(t, tc.from, tc.to)

			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			var it destruction.Item
			unknownKey(t, dec.Decode(&it), tc.to)

			var lax destruction.Item
			unknownKey(t, json.Unmarshal(data, &lax), tc.to)
			assert.Equal(t, destruction.Item{}, lax, "nothing is decoded")
		})
	}
	// Control: the untouched item round-trips.
	b, err := json.Marshal(fullItem())
	require.NoError(t, err)
	var back destruction.Item
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, fullItem(), back)
	// Called directly, trailing data is refused too.
	assert.ErrorIs(t, back.UnmarshalJSON(append(b, []byte(` {}`)...)), destruction.ErrInvalid)
}

// A stored act with an unknown key, in the act or in one of its items, is
// refused on decoding, naming the key in English and Russian.
func TestActJSONRefusesUnknownKeys(t *testing.T) {
	_, d := approvedDestruction(t)
	data, err := d.MarshalJSON()
	require.NoError(t, err)
	for _, tc := range []struct{ name, from, to string }{
		{"in an item", `"destroy_from"`, `"destroy_form"`},
		{"in the act", `"place"`, `"plase"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := []byte(strings.Replace(string(data), tc.from, tc.to, 1))
			_, err := destruction.DecodeAct(bad)
			unknownKey(t, err, strings.Trim(tc.to, `"`))
		})
	}
	_, err = destruction.DecodeAct(data)
	require.NoError(t, err, "control: the untouched act decodes")
	// Data after the act, even a stray "}" (which Decoder.More does not
	// report), is refused.
	for _, tail := range []string{"}", "]", " {}"} {
		_, err = destruction.DecodeAct(append(bytes.Clone(data), tail...))
		assert.ErrorIs(t, err, destruction.ErrInvalid, "tail %q", tail)
	}
}

// FuzzItemJSON: Item.UnmarshalJSON never panics, refuses what it cannot
// decode with an error, and an item it accepts encodes and decodes back to
// the same item.
//
//	go test -run='^$' -fuzz=FuzzItemJSON -fuzztime=20s ./destruction
func FuzzItemJSON(f *testing.F) {
	b, err := json.Marshal(fullItem())
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"record_id":"x","destroy_form":"2025-01-01"}`))
	f.Add([]byte(`{"subjects":[{"nmae":"x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var it destruction.Item
		if err := it.UnmarshalJSON(data); err != nil {
			return
		}
		out, err := json.Marshal(it)
		if err != nil {
			t.Fatalf("a decoded item does not encode: %v", err)
		}
		var back destruction.Item
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("an encoded item does not decode: %v\n%s", err, out)
		}
		if !assert.ObjectsAreEqual(it, back) {
			t.Fatalf("round trip changed the item:\n%+v\n%+v", it, back)
		}
	})
}
