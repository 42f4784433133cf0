// Package server is the HTTP side of pdnkit's reference CRM: handlers that
// turn JSON requests into calls of pdnkit's public API over a host.Backend
// (in memory or PostgreSQL), check the acting staff member against the access
// list on every endpoint, and answer bad input with a JSON error in English and
// Russian that changes nothing. See the package documentation of
// examples/crm for the endpoints.
//
// # How a request is served
//
// Every route is registered through one wrapper that, in order: bounds the
// work with Config.Timeout (a context derived from the HTTP request's own, so
// a client that hangs up cancels the database work too), caps the body at
// Config.MaxBody, checks the staff member named by StaffHeader against the
// access list (policy 3.8, 4.3; a refusal is written to the audit log), runs
// the handler, turns any error into a JSON body and logs one line.
//
// # Errors
//
// Every error answer has the same shape:
//
//	{"error": {"status": 422, "code": "invalid", "message": "…", "message_ru": "…",
//	           "fields": [{"field": "…", "rule": "…", "message": "…", "message_ru": "…"}],
//	           "request_id": "…"}}
//
// The status comes from the error's type or sentinel (errors.As and
// errors.Is, never the text): *pdata.ValidationError and *pdata.ParseError
// are 422, pdata.ErrNotFound 404, pdata.ErrConflict and state errors of
// requests and acts 409, pdata.ErrForbidden 403, a body over the limit 413,
// malformed JSON or an unknown field 400, a timeout 503, anything else 500
// with no internals in the body.
//
// # Transactions
//
// A step that writes more than one table (registering a request writes the
// request, its history and maybe a notice; approving a destruction act writes
// the act and marks its records destroyed) runs inside host.Backend.Atomic:
// on PostgreSQL all of it commits or none does.
package server
