package pdata

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// unmarshalID decodes a JSON string (or null) through an identifier parser.
func unmarshalID[T any](b []byte, dst *T, parse func(string) (T, error)) error {
	if string(b) == "null" {
		var zero T
		*dst = zero
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	return setParsed(s, dst, parse)
}

// scanID decodes a database value (string, []byte or NULL) through a parser.
func scanID[T any](src any, dst *T, parse func(string) (T, error)) error {
	switch v := src.(type) {
	case nil:
		var zero T
		*dst = zero
		return nil
	case string:
		return setParsed(v, dst, parse)
	case []byte:
		return setParsed(string(v), dst, parse)
	}
	return fmt.Errorf("pdnkit: cannot scan %T into %T", src, dst)
}

func setParsed[T any](s string, dst *T, parse func(string) (T, error)) error {
	if s == "" {
		var zero T
		*dst = zero
		return nil
	}
	v, err := parse(s)
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

func nullable(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}

// refuseUnknownKeys reports every key of the JSON object b that is not one
// of known (compared as encoding/json compares them, ignoring case), as a
// *ValidationError matching ErrInvalid: encoding/json would drop such a key
// silently inside a custom UnmarshalJSON even when the caller's decoder
// disallows unknown fields. what and whatRU name the record ("passport",
// "паспорта"). A key is quoted in the message only when it looks like a
// field name, so that a value put in a key's place is not echoed. A b that
// is not an object is left to the caller's decoding.
func refuseUnknownKeys(b []byte, what, whatRU string, known []string) error {
	var obj map[string]json.RawMessage
	if json.Unmarshal(b, &obj) != nil {
		return nil
	}
	var unknown []string
	for k := range obj {
		if !slices.ContainsFunc(known, func(n string) bool { return strings.EqualFold(n, k) }) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	list := strings.Join(known, ", ")
	var pr Problems
	for _, k := range unknown {
		field := k
		en, ru := "unknown key \""+k+"\"", "неизвестное поле «"+k+"»"
		if !fieldLike(k) {
			field, en, ru = "", "an unknown key (not shown: it is not a field name)", "неизвестный ключ (не показан: это не имя поля)"
		}
		pr.Add(field, "unknown_field", Basis{},
			en+" in a stored "+what+" (known keys: "+list+")",
			ru+" в данных "+whatRU+" (допустимы: "+list+")")
	}
	return pr.Err()
}

// fieldLike reports whether k looks like a field name: 1–40 ASCII letters,
// underscores or hyphens (no digits, so no identifier is echoed).
func fieldLike(k string) bool {
	if k == "" || len(k) > 40 {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c == '-':
		default:
			return false
		}
	}
	return true
}
