package pdata

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
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
