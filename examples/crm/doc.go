// Command crm is pdnkit's reference host: a small back end of a
// housing-management CRM that runs the library's duties under 152-FZ over
// HTTP — requests from subjects and the authority with their deadlines,
// access reports, consents and decisions, the retention sweep, and the
// destruction commission's acts down to the Word document — on PostgreSQL or
// on the in-memory stores. A CRM developer can read it in an afternoon and
// copy from it; it uses only pdnkit's public API.
//
// # Running
//
//	go run ./examples/crm                                   # in-memory stores
//	go run ./examples/crm -dsn postgres://user@localhost:5432/crm
//	PDNKIT_DSN=postgres://user@localhost:5432/crm go run ./examples/crm
//
// It listens on 127.0.0.1:8080 (-addr to change), prints its address, and
// fills an empty store with a small generated data set of the sample operator
// (pdata.SampleOperator): the access list, a destruction commission, 19
// invented subjects whose identifiers pass their checksums, their records
// (some due for destruction today), consents, and three requests — one
// overdue, one blocking a subject's data, one incomplete (-seed=false to
// start empty). With a DSN it applies the schema migrations first
// (examples/crm/pgstore/migrations; -schema puts the tables in a schema of
// their own). SIGINT or SIGTERM shuts it down gracefully: it stops accepting
// connections and lets requests in flight finish.
//
//	curl -H 'X-Staff-ID: clerk' http://127.0.0.1:8080/dashboard/overdue
//
// # Who is acting
//
// Every endpoint reads the acting staff member's ID from the X-Staff-ID
// header and checks it against the access list approved by the head (policy
// 3.8, 4.3; requests.AccessList). Someone not on the list — or no header — gets
// 403 with a JSON error, the attempt is written to the audit log, and nothing
// else happens. The header stands in for authentication in this example: a
// real host authenticates its users (a session, OIDC, client certificates)
// and derives the staff ID from that, never from a header the client picks.
// The generated list: head (the director: approves acts, signs resolutions),
// chair, member-1, member-2 (the destruction commission) and clerk.
//
// # Endpoints
//
// JSON in and out. Moments are RFC 3339, legal dates YYYY-MM-DD, enumerations
// by machine name ("access", "resident_file", "paper") — except four that
// pdnkit's types carry as numbers, in and out (the server passes the
// library's JSON through and does not rename them):
//
//	sex               (pdata.Sex)            0 not recorded, 1 male, 2 female
//	property[].kind   (pdata.RightKind)      1 ownership, 2 use
//	notices[].kind    (requests.NoticeKind)  1 intake, 2 extension, 3 answer, 4 refusal, 5 outcome
//	audit entries[].op (requests.Op)         1 register, 2 extend, 3 documents, 4 resolve, 5 clarify,
//	                                         6 remedy, 7 hand_over, 8 confirm_destruction, 9 refuse,
//	                                         10 fulfil, 11 read; 0 an endpoint outside the requests workflow
//
// "sex": "female" is refused with 400 (a string where a number belongs). The
// moment of every operation is the server's clock: the library never reads one.
//
// Requests (package requests):
//
//	POST /requests                          register (201); incomplete ones too, with a notice
//	GET  /requests/{id}                     the request with its history
//	GET  /requests/{id}/notices             the notices sent for it
//	GET  /requests/{id}/report[.html]       the access report Fulfil would send (JSON or HTML)
//	POST /requests/{id}/extend              {"reasons"}: +5 working days with a motivated notice
//	POST /requests/{id}/documents           {"on", "what"}: confirming documents arrived (clarify)
//	POST /requests/{id}/resolve             {"text"}: the head's resolution (third party)
//	POST /requests/{id}/clarify             {"corrected": subject, "documents"}: correct and unblock
//	POST /requests/{id}/remedy              {"what"}: unlawful processing remedied, unblock
//	POST /requests/{id}/hand-over           {"items": [{"record_id", "categories", "medium"}]}: to the commission
//	POST /requests/{id}/confirm-destruction {"act_id"}: close on an approved destruction act
//	POST /requests/{id}/refuse              {"reason", "details"}: a motivated refusal
//	POST /requests/{id}/fulfil              {"text", "categories", "purpose", "warned"}: answer
//	GET  /dashboard/overdue?as_of=          open requests past their deadline
//	GET  /dashboard/due-soon?as_of=&days=   open requests due within n working days
//	GET  /audit?from=&to=                   attempts the access list refused
//
// Subjects (the host's directory) and consents (package consent):
//
//	POST /subjects                          register a subject after the minimisation check (policy 2.1)
//	GET  /subjects/{id}                     the subject's record (staff only: it is personal data)
//	GET  /subjects/{id}/holds               the blocks on the subject's data
//	GET  /subjects/{id}/consents            the subject's consents, withdrawn ones included
//	GET  /subjects/{id}/report[.html]       the subject's access report as of today
//	POST /consents                          validate (152-FZ art. 9 part 4) and store (201)
//	POST /consents/validate                 validate only: 200, or 422 with every problem
//	GET  /consents/{id}                     a consent
//	GET  /consents/{id}/form.html|form.txt  the consent as the document the subject signs
//	POST /consents/{id}/withdraw            {"date", "at", "document"}: the term that follows
//	POST /decisions                         an operation: allowed or not, on which grounds, why
//
// Retention and destruction (packages retention and destruction):
//
//	POST /records                           register a record the operator keeps; its term is computed;
//	                                        422 for what an act could not take (an unknown subject,
//	                                        an identifier in full in the title or ID, an incomplete medium)
//	GET  /records/{id}                      a record, with its term and whether it was destroyed
//	GET  /retention/due?as_of=              the sweep: records due for destruction, streamed
//	POST /commissions                       a commission appointed by order (201)
//	GET  /commissions/{id}
//	POST /acts/selection                    {"header", "commission_id"}: a selection act of what is due and handed over
//	POST /acts/destruction                  {"header", "selection_id"}: the destruction act
//	GET  /acts/{id}                         the act, its state, signatures and approval
//	GET  /acts/{id}/history                 every stored version
//	POST /acts/{id}/check                   {"record_id"} or {}: the media were found (policy 9.7)
//	POST /acts/{id}/seal-media              the chair seals the media (9.9)
//	POST /acts/{id}/destroyed               {"at", "place", "present"}: the destruction (9.10)
//	POST /acts/{id}/sign                    the acting member signs (9.8, 9.12)
//	POST /acts/{id}/approve                 the head approves; for a destruction act the records
//	                                        are marked destroyed in the same transaction
//	GET  /acts/{id}/act.docx|act.html|act.txt     the act as a document
//	GET  /acts/{id}/extract.csv|extract.json      the event-log extract (RKN order 179 п. 5)
//
// # Errors
//
// Bad input is answered with a JSON error and changes nothing:
//
//	{"error": {"status": 422, "code": "invalid", "message": "…", "message_ru": "…",
//	           "fields": [{"field", "rule", "basis", "message", "message_ru"}], "request_id": "…"}}
//
// 400 for malformed JSON, an unknown field (refused at every level the
// server decodes: nothing is silently ignored), a wrong type, a date that
// does not exist (2026-02-30 is refused, never shifted), a moment or day the
// client gives that is still ahead of the server's clock (beyond 5 minutes
// of skew: a destruction is recorded after it happened), a malformed ID
// in the path; 403 for a staff member not on the access list or not allowed
// the step (only the chair seals, only the head approves); 404 for what does
// not exist; 409 for a duplicate, a stale version (someone saved first) or a
// step out of order; 413 for a body over 1 MiB; 422 for content that breaks
// a rule — an identifier that fails its checksum, a consent missing an
// element of art. 9 part 4, data the policy does not allow — with every
// problem listed in English and Russian (pdata.ValidationError). An error
// names the field and what is wrong with it, never the value sent: that may
// be personal data.
//
// # Storage
//
// host.Backend holds the stores: pdnkit's interfaces plus the host's own
// register of records, queue for the commission, outbox and access list.
// host.NewMemory keeps them in memory; pgstore keeps them in PostgreSQL,
// with the schema in examples/crm/pgstore/migrations/0001_schema.sql — the
// worked example of what a host keeps. Each operation on a request runs in one
// transaction (the request, its history, the block, the notice, the journal
// entry commit together), and approving a destruction act commits the act and
// the records it destroyed together.
//
// # Logs
//
// One line per HTTP request (log/slog; -log-json for JSON lines) and a line per
// notable event. Personal data reach the log only through pdnkit's types,
// which print masked: a pdata.Subject logs as its ID and category.
//
// # Load check
//
// examples/crm/loadtest registers 10,000 requests from 50 concurrent clients
// through the API on the PostgreSQL store and verifies each is stored once.
package main
