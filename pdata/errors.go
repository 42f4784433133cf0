package pdata

import (
	"errors"
	"strings"
)

// Sentinel errors shared by every pdnkit package. The other packages
// re-export them (consent.ErrNotFound == pdata.ErrNotFound), so a host can
// test any error with errors.Is whatever package returned it and whatever
// database stands behind a store.
var (
	// ErrInvalid marks input that breaks a rule: a malformed identifier, a
	// missing element of a consent, data the policy does not allow.
	// Every *ValidationError and *ParseError matches it.
	ErrInvalid = errors.New("pdnkit: invalid input")
	// ErrNotFound is returned by stores when a record does not exist.
	ErrNotFound = errors.New("pdnkit: not found")
	// ErrConflict is returned by stores when a record with the same ID
	// already exists or a write was made against a stale version.
	ErrConflict = errors.New("pdnkit: conflict")
	// ErrForbidden is returned when the acting staff member is not on the
	// access list approved by the head of the operator (policy 3.8, 4.3).
	ErrForbidden = errors.New("pdnkit: forbidden")
)

// FieldError is one broken rule in a record: which field, which rule, which
// provision it breaks, and what is wrong in English (for the developer) and
// Russian (for the staff member).
type FieldError struct {
	// Field is the path of the field ("Passport.DivisionCode",
	// "Property[0].Share"); empty for a problem with the record as a whole.
	Field string `json:"field"`
	// Rule is a short machine name of the rule ("required", "snils",
	// "category_not_allowed").
	Rule string `json:"rule"`
	// Basis is the provision the rule comes from.
	Basis Basis `json:"basis"`
	// Message explains the problem in English.
	Message string `json:"message"`
	// MessageRU explains the problem in Russian.
	MessageRU string `json:"message_ru"`
}

// Error returns the English message prefixed with the field path.
func (e FieldError) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

// ValidationError carries every problem found in a record at once. It matches
// ErrInvalid with errors.Is; get it with errors.As to list the field errors.
//
// A ValidationError built by Problems also keeps the errors that
// Problems.AddError received, so that errors.Is and errors.As reach their
// own sentinels and types (a calendar's out-of-range error, say) besides
// ErrInvalid.
type ValidationError struct {
	// Errors lists each problem, in the order the fields were checked.
	Errors []FieldError `json:"errors"`

	causes []error // errors given to Problems.AddError, for errors.Is/As
}

// Error joins the English messages. A nil or empty *ValidationError says
// only "pdnkit: invalid input".
func (e *ValidationError) Error() string {
	if e == nil || len(e.Errors) == 0 {
		return ErrInvalid.Error()
	}
	var b strings.Builder
	b.WriteString("pdnkit: invalid input: ")
	for i, fe := range e.Errors {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(fe.Error())
		if !fe.Basis.IsZero() {
			b.WriteString(" (" + fe.Basis.String() + ")")
		}
	}
	return b.String()
}

// Russian joins the Russian messages, one per line, each with its citation:
// the text to show a staff member. A nil or empty *ValidationError gives a
// general «Неверные данные».
func (e *ValidationError) Russian() string {
	if e == nil || len(e.Errors) == 0 {
		return russianInvalid
	}
	var b strings.Builder
	for i, fe := range e.Errors {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(fe.MessageRU)
		if !fe.Basis.IsZero() {
			b.WriteString(" (" + fe.Basis.String() + ")")
		}
	}
	return b.String()
}

// russianInvalid is the Russian text of an error that says nothing more
// than that the input is wrong.
const russianInvalid = "Неверные данные"

// Unwrap makes errors.Is(err, ErrInvalid) true, and lets errors.Is and
// errors.As reach the errors that Problems.AddError received.
func (e *ValidationError) Unwrap() error {
	if e == nil || len(e.causes) == 0 {
		return ErrInvalid
	}
	return &causeList{errs: e.causes}
}

// causeList is what a ValidationError with causes unwraps to: ErrInvalid
// first, then each cause.
type causeList struct{ errs []error }

func (c *causeList) Error() string { return ErrInvalid.Error() }

func (c *causeList) Unwrap() []error {
	return append([]error{ErrInvalid}, c.errs...)
}

// Has reports whether any field error has the given rule; false for a nil
// *ValidationError.
func (e *ValidationError) Has(rule string) bool {
	if e == nil {
		return false
	}
	for _, fe := range e.Errors {
		if fe.Rule == rule {
			return true
		}
	}
	return false
}

// Field returns the first field error for the given path, if any; none for
// a nil *ValidationError.
func (e *ValidationError) Field(path string) (FieldError, bool) {
	if e == nil {
		return FieldError{}, false
	}
	for _, fe := range e.Errors {
		if fe.Field == path {
			return fe, true
		}
	}
	return FieldError{}, false
}

// Problems collects field errors; the zero value is ready to use. It is the
// builder the pdnkit packages use for their validators, exported so that a
// host validating its own records produces the same error type.
type Problems struct {
	list   []FieldError
	causes []error
}

// Add records a problem.
func (p *Problems) Add(field, rule string, basis Basis, en, ru string) {
	p.list = append(p.list, FieldError{Field: field, Rule: rule, Basis: basis, Message: en, MessageRU: ru})
}

// AddError records a problem returned by a parser or nested validator under
// the given field path. A *ValidationError contributes each of its field
// errors (its paths prefixed with field); a *ParseError its two messages;
// an error that has (or wraps one that has) a Russian() string method its
// Error text and that Russian text; any other error its Error text in
// English and a general Russian message (its English text is not put in
// front of staff). A nil err adds nothing.
//
// The error built by Err still matches, with errors.Is and errors.As, what
// err matched: an error wrapping, say, retention.ErrOutOfRange stays
// recognisable as one, besides matching ErrInvalid.
func (p *Problems) AddError(field string, basis Basis, err error) {
	if err == nil {
		return
	}
	var ve *ValidationError
	var pe *ParseError
	var ru interface{ Russian() string }
	switch {
	case errors.As(err, &ve):
		if ve == nil { // a typed nil: nothing to list, but still a problem
			ve = &ValidationError{}
		}
		for _, fe := range ve.Errors {
			if field != "" {
				if fe.Field == "" {
					fe.Field = field
				} else {
					fe.Field = field + "." + fe.Field
				}
			}
			if fe.Basis.IsZero() {
				fe.Basis = basis
			}
			p.list = append(p.list, fe)
		}
		if len(ve.Errors) == 0 {
			p.Add(field, "invalid", basis, err.Error(), russianInvalid)
		}
		if v, ok := err.(*ValidationError); ok {
			if v != nil {
				p.causes = append(p.causes, v.causes...)
			}
			return
		}
	case errors.As(err, &pe) && pe != nil:
		p.Add(field, pe.Rule, basis, pe.Reason, pe.ReasonRU)
	case errors.As(err, &ru):
		text := ru.Russian()
		if text == "" {
			text = russianInvalid
		}
		p.Add(field, "invalid", basis, err.Error(), text)
	default:
		p.Add(field, "invalid", basis, err.Error(), russianInvalid)
	}
	p.causes = append(p.causes, err)
}

// Len returns the number of problems recorded.
func (p *Problems) Len() int { return len(p.list) }

// Err returns nil when nothing was recorded, otherwise a *ValidationError
// holding every problem.
func (p *Problems) Err() error {
	if len(p.list) == 0 {
		return nil
	}
	return &ValidationError{Errors: p.list, causes: p.causes}
}

// ParseError is returned by the identifier parsers. It never contains the
// input itself, which may be personal data, only what is wrong with it.
type ParseError struct {
	// What names the identifier ("SNILS", "INN", …).
	What string
	// Rule is the machine name of the rule: the validator tag of the
	// identifier ("snils", "inn", …).
	Rule string
	// Reason says what is wrong, in English.
	Reason string
	// ReasonRU says what is wrong, in Russian.
	ReasonRU string
}

// Error returns the English reason; a nil *ParseError says only
// "pdnkit: invalid input".
func (e *ParseError) Error() string {
	if e == nil {
		return ErrInvalid.Error()
	}
	return "pdnkit: invalid " + e.What + ": " + e.Reason
}

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *ParseError) Unwrap() error { return ErrInvalid }
