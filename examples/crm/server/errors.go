package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/retention"
)

// apiError is the body of every error response, under "error":
//
//	{"error": {"status": 422, "code": "invalid",
//	           "message": "…", "message_ru": "…",
//	           "fields": [{"field": "…", "rule": "…", "basis": {…}, "message": "…", "message_ru": "…"}],
//	           "request_id": "…"}}
//
// message is for the developer, message_ru for the staff member; fields lists
// every problem of a *pdata.ValidationError.
type apiError struct {
	Status    int                `json:"status"`
	Code      string             `json:"code"`
	Message   string             `json:"message"`
	MessageRU string             `json:"message_ru"`
	Basis     pdata.Basis        `json:"basis,omitzero"`
	Fields    []pdata.FieldError `json:"fields,omitempty"`
	RequestID string             `json:"request_id,omitempty"`
}

func (e *apiError) Error() string { return e.Message }

func badRequest(field, rule, en, ru string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "bad_request", Message: en, MessageRU: ru,
		Fields: []pdata.FieldError{{Field: field, Rule: rule, Message: en, MessageRU: ru}}}
}

func notFound(what, whatRU, id string) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: "not_found",
		Message: what + " " + id + " not found", MessageRU: whatRU + " " + id + " не найден(о)"}
}

// russianer is an error with a Russian explanation for staff.
type russianer interface{ Russian() string }

// toAPIError maps an error from pdnkit, a store or the decoder onto a status
// and a body. Every sentinel of pdata has its status; lifecycle errors of
// requests and acts are 409 Conflict with the library's Russian reason.
func toAPIError(err error) *apiError {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &apiError{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
			Message:   fmt.Sprintf("the request body is larger than %d bytes", mbe.Limit),
			MessageRU: fmt.Sprintf("тело запроса больше допустимых %d байт", mbe.Limit)}
	}
	var ve *pdata.ValidationError
	if errors.As(err, &ve) {
		return &apiError{Status: http.StatusUnprocessableEntity, Code: "invalid", Message: ve.Error(), MessageRU: ve.Russian(), Fields: ve.Errors}
	}
	var pe *pdata.ParseError
	if errors.As(err, &pe) {
		return &apiError{Status: http.StatusUnprocessableEntity, Code: "invalid", Message: pe.Error(), MessageRU: pe.ReasonRU,
			Fields: []pdata.FieldError{{Field: pe.What, Rule: pe.Rule, Message: pe.Reason, MessageRU: pe.ReasonRU}}}
	}
	var rse *requests.StateError
	if errors.As(err, &rse) {
		return &apiError{Status: http.StatusConflict, Code: "state", Message: rse.Error(), MessageRU: rse.Russian()}
	}
	var dse *destruction.StateError
	if errors.As(err, &dse) {
		return &apiError{Status: http.StatusConflict, Code: "state", Message: dse.Error(), MessageRU: dse.Russian()}
	}
	var te *destruction.TamperError
	if errors.As(err, &te) {
		return &apiError{Status: http.StatusInternalServerError, Code: "tampered", Message: te.Error(), MessageRU: te.Russian()}
	}
	var re *retention.RangeError
	if errors.As(err, &re) {
		return &apiError{Status: http.StatusUnprocessableEntity, Code: "out_of_calendar", Message: re.Error(), MessageRU: re.Russian()}
	}
	var ru russianer
	hasRU := errors.As(err, &ru)
	ruOr := func(s string) string {
		if hasRU {
			return ru.Russian()
		}
		return s
	}
	switch {
	case errors.Is(err, pdata.ErrForbidden):
		return &apiError{Status: http.StatusForbidden, Code: "forbidden", Message: err.Error(), MessageRU: ruOr("действие не разрешено")}
	case errors.Is(err, pdata.ErrNotFound):
		return &apiError{Status: http.StatusNotFound, Code: "not_found", Message: err.Error(), MessageRU: ruOr("запись не найдена")}
	case errors.Is(err, pdata.ErrConflict):
		return &apiError{Status: http.StatusConflict, Code: "conflict", Message: err.Error(),
			MessageRU: ruOr("запись уже существует или была изменена другим сотрудником: обновите данные и повторите")}
	case errors.Is(err, destruction.ErrState), errors.Is(err, requests.ErrState):
		return &apiError{Status: http.StatusConflict, Code: "state", Message: err.Error(), MessageRU: ruOr("действие недопустимо на этой стадии")}
	case errors.Is(err, pdata.ErrInvalid):
		return &apiError{Status: http.StatusUnprocessableEntity, Code: "invalid", Message: err.Error(), MessageRU: ruOr("недопустимые данные")}
	case errors.Is(err, context.Canceled):
		// The client hung up (or the server is shutting down): nobody reads
		// this answer, but the log must not call it an internal error.
		return &apiError{Status: http.StatusServiceUnavailable, Code: "cancelled", Message: "the request was cancelled before it finished; nothing was changed",
			MessageRU: "запрос отменён до завершения; изменения не внесены"}
	case errors.Is(err, context.DeadlineExceeded):
		return &apiError{Status: http.StatusServiceUnavailable, Code: "timeout", Message: "the operation took too long and was abandoned; nothing was changed",
			MessageRU: "операция выполнялась слишком долго и прервана; изменения не внесены"}
	}
	return &apiError{Status: http.StatusInternalServerError, Code: "internal", Message: "internal error",
		MessageRU: "внутренняя ошибка сервера; обратитесь к администратору"}
}

func (s *Server) writeError(c *call, err error) {
	ae := toAPIError(err)
	if ae.Status >= 500 {
		s.log.ErrorContext(c.r.Context(), "error", "request_id", c.id, "error", err.Error())
	} else {
		var fields []string
		for _, f := range ae.Fields {
			fields = append(fields, f.Field)
		}
		s.log.InfoContext(c.r.Context(), "refused", "request_id", c.id, "status", ae.Status, "code", ae.Code, "fields", fields)
	}
	out := *ae
	out.RequestID = c.id
	writeJSON(c.w, ae.Status, struct {
		Error apiError `json:"error"`
	}{out})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"error":{"status":500,"code":"internal","message":"encoding failed"}}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func (c *call) json(status int, v any) error {
	writeJSON(c.w, status, v)
	return nil
}

// decode reads the request body as one JSON value into v. Unknown fields,
// malformed JSON, a wrong type, an empty body and trailing data are 400 Bad
// Request naming the field; an identifier that fails its checksum or an
// unknown enumeration name is 422; a body over the limit is 413. No error
// repeats a value the client sent: it may be personal data (a name, an
// identifier typed into the wrong field).
func (c *call) decode(v any) error {
	data, err := io.ReadAll(c.r.Body)
	if err != nil {
		return decodeError(err, nil, v)
	}
	if err := checkDates(data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(err, data, v)
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		return badRequest("", "json", "the body holds more than one JSON value", "тело запроса содержит больше одного значения JSON")
	}
	return nil
}

// dateShape is a string that looks like an ISO 8601 calendar date
// (YYYY-MM-DD, the year possibly signed or longer, as package date reads it).
var dateShape = regexp.MustCompile(`^([+-]?[0-9]{4,9})-([0-9]{2})-([0-9]{2})$`)

// checkDates refuses a body holding a string shaped like a date that is not
// one (2015-02-31, 2024-13-45), with 400 naming the field. Package date
// decodes such a string without error into another day (2015-02-31 becomes
// 2015-03-03), and a legal term counted from a day nobody wrote is wrong; so
// every string of the body is checked before decoding, whatever field it is
// in. Dates written as 20150203 or 2015-034 are not looked at: an 8-digit
// string is as likely an account number.
func checkDates(data []byte) error {
	var bad string
	walkJSON(data, func(path, s string) bool {
		m := dateShape.FindStringSubmatch(s)
		if m == nil {
			return true
		}
		y, yerr := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if yerr != nil || mo < 1 || mo > 12 || d < 1 || d > time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
			bad = path
			return false
		}
		return true
	})
	if bad == "" {
		return nil
	}
	return badRequest(bad, "date", fmt.Sprintf("field %q is not a calendar date: the month must be 01–12 and the day must exist in that month (dates are never shifted to the next valid day)", bad),
		fmt.Sprintf("поле %q: такой даты нет в календаре (месяц от 01 до 12, день — в пределах месяца); дата не может быть исправлена автоматически", bad))
}

// decodeError turns an error of the JSON decoder into an answer that names
// the field at fault and what it should hold, never the value sent. data is
// the body and v what it was decoded into, to find the field when the error
// does not name it.
func decodeError(err error, data []byte, v any) error {
	var (
		mbe *http.MaxBytesError
		se  *json.SyntaxError
		ute *json.UnmarshalTypeError
		ve  *pdata.ValidationError
		pe  *pdata.ParseError
	)
	switch {
	case errors.As(err, &mbe):
		return err
	case errors.Is(err, io.EOF):
		return badRequest("", "json", "the body is empty: send a JSON object", "тело запроса пусто: передайте объект JSON")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("", "json", "the JSON body ends too early", "тело запроса JSON оборвано")
	case errors.As(err, &se):
		return badRequest("", "json", fmt.Sprintf("malformed JSON at byte %d", se.Offset),
			fmt.Sprintf("ошибка синтаксиса JSON (позиция %d)", se.Offset))
	case errors.As(err, &ute):
		field := ute.Field
		// Value is "string", "number", "object"… but "number 300" for a
		// number that does not fit: keep the JSON type only.
		kind, _, _ := strings.Cut(ute.Value, " ")
		return badRequest(field, "type", fmt.Sprintf("field %q: a JSON %s cannot be a %s", field, kind, ute.Type),
			fmt.Sprintf("поле %q: неверный тип значения (%s)", field, kind))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return badRequest(field, "unknown_field", fmt.Sprintf("unknown field %q: the API refuses fields it does not know, so that nothing is silently ignored", field),
			fmt.Sprintf("неизвестное поле %q: сервер не принимает поля, которых не знает, чтобы ничего не потерять молча", field))
	case errors.As(err, &ve):
		return err
	case errors.Is(err, pdata.ErrInvalid):
		// An identifier that fails its check, an unknown enumeration name:
		// pdnkit's errors never hold the value; name the field they came from.
		field := fieldOf(err, data, v)
		if field == "" {
			return err
		}
		rule, ru := "invalid", "недопустимое значение"
		var r russianer
		if errors.As(err, &pe) {
			rule, ru = pe.Rule, pe.ReasonRU
		} else if errors.As(err, &r) {
			ru = r.Russian()
		}
		return &apiError{Status: http.StatusUnprocessableEntity, Code: "invalid",
			Message: fmt.Sprintf("field %q: %v", field, err), MessageRU: fmt.Sprintf("поле %q: %s", field, ru),
			Fields: []pdata.FieldError{{Field: field, Rule: rule, Message: err.Error(), MessageRU: ru}}}
	}
	// A value a type's own decoder refused (a moment, a date, a decimal, an
	// address): its error quotes the value, so it is not passed on.
	field := fieldOf(err, data, v)
	en, ru := expected(err)
	if field == "" {
		return badRequest("", "value", "a value in the JSON body is not "+en+" (the value is not repeated: it may be personal data)",
			"значение в теле запроса JSON имеет неверный формат: ожидается "+ru)
	}
	return badRequest(field, "value", fmt.Sprintf("field %q must be %s (the value is not repeated: it may be personal data)", field, en),
		fmt.Sprintf("поле %q: неверный формат значения, ожидается %s", field, ru))
}

// expected says, in English and Russian, what a value refused with err
// should have been, judging by the type of the error's source.
func expected(err error) (en, ru string) {
	var tpe *time.ParseError
	msg := err.Error()
	switch {
	case errors.As(err, &tpe):
		return "a moment in RFC 3339 form, such as 2026-02-20T10:00:00+04:00",
			"момент времени в формате RFC 3339, например 2026-02-20T10:00:00+04:00"
	case strings.HasPrefix(msg, "date."):
		return "a date YYYY-MM-DD", "дата в виде ГГГГ-ММ-ДД"
	case strings.Contains(msg, "decimal"):
		return "a decimal number such as 54.3", "десятичное число, например 54.3"
	case strings.Contains(msg, "ParseAddr"):
		return "an IP address", "IP-адрес"
	}
	return "of the expected form", "значение допустимого вида"
}

// fieldOf finds the field of the JSON body data that err, from decoding data
// into v, is about. The decoder names the field only for type errors; for
// the others, the field is the string whose value the error quotes (the
// error itself never reaches the client), or else the top-level member that,
// decoded on its own, fails with the same error. "" when neither finds it.
func fieldOf(err error, data []byte, v any) string {
	if len(data) == 0 {
		return ""
	}
	msg := err.Error()
	var tpe *time.ParseError
	isTime := errors.As(err, &tpe)
	field := ""
	walkJSON(data, func(path string, s string) bool {
		if s == "" {
			return true
		}
		if (isTime && s == tpe.Value) || (!isTime && strings.Contains(msg, strconv.Quote(s))) {
			field = path
			return false
		}
		return true
	})
	if field != "" || v == nil {
		return field
	}
	var members map[string]json.RawMessage
	if json.Unmarshal(data, &members) != nil {
		return ""
	}
	t := reflect.TypeOf(v)
	if t.Kind() != reflect.Pointer {
		return ""
	}
	for _, k := range slices.Sorted(maps.Keys(members)) {
		one, _ := json.Marshal(map[string]json.RawMessage{k: members[k]})
		if e := json.Unmarshal(one, reflect.New(t.Elem()).Interface()); e != nil && e.Error() == msg {
			return k
		}
	}
	return ""
}

// walkJSON calls fn with the path ("requester.identity.issue_date",
// "items[0].record_id") and value of every string in the JSON document data,
// in order, until fn returns false. Object keys are not values and are not
// passed. Malformed JSON ends the walk where it breaks: the decoder reports
// it.
func walkJSON(data []byte, fn func(path, s string) bool) {
	type level struct {
		object  bool
		wantKey bool
		key     string
		index   int
	}
	var stack []level
	path := func() string {
		var b strings.Builder
		for _, l := range stack {
			if l.object {
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(l.key)
			} else {
				b.WriteString("[" + strconv.Itoa(l.index) + "]")
			}
		}
		return b.String()
	}
	next := func() { // a value of the innermost container is done
		if n := len(stack); n > 0 {
			if stack[n-1].object {
				stack[n-1].wantKey = true
			} else {
				stack[n-1].index++
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].wantKey {
			if k, ok := tok.(string); ok {
				stack[n-1].key, stack[n-1].wantKey = k, false
				continue
			}
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, level{object: true, wantKey: true})
			case '[':
				stack = append(stack, level{})
			default: // '}' or ']'
				stack = stack[:len(stack)-1]
				next()
			}
			continue
		case string:
			if !fn(path(), t) {
				return
			}
		}
		next()
	}
}
