package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

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
// unknown enumeration name is 422; a body over the limit is 413.
func (c *call) decode(v any) error {
	dec := json.NewDecoder(c.r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(err)
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return badRequest("", "json", "the body holds more than one JSON value", "тело запроса содержит больше одного значения JSON")
	}
	return nil
}

func decodeError(err error) error {
	var (
		mbe *http.MaxBytesError
		se  *json.SyntaxError
		ute *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &mbe):
		return err
	case errors.Is(err, io.EOF):
		return badRequest("", "json", "the body is empty: send a JSON object", "тело запроса пусто: передайте объект JSON")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("", "json", "the JSON body ends too early", "тело запроса JSON оборвано")
	case errors.As(err, &se):
		return badRequest("", "json", fmt.Sprintf("malformed JSON at byte %d: %v", se.Offset, se),
			fmt.Sprintf("ошибка синтаксиса JSON (позиция %d)", se.Offset))
	case errors.As(err, &ute):
		field := ute.Field
		return badRequest(field, "type", fmt.Sprintf("field %q: a JSON %s cannot be a %s", field, ute.Value, ute.Type),
			fmt.Sprintf("поле %q: неверный тип значения (%s)", field, ute.Value))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return badRequest(field, "unknown_field", fmt.Sprintf("unknown field %q: the API refuses fields it does not know, so that nothing is silently ignored", field),
			fmt.Sprintf("неизвестное поле %q: сервер не принимает поля, которых не знает, чтобы ничего не потерять молча", field))
	case errors.Is(err, pdata.ErrInvalid):
		// An identifier that fails its check, an unknown enumeration name.
		return err
	}
	return badRequest("", "json", "the JSON body cannot be read: "+err.Error(), "тело запроса JSON не читается")
}
