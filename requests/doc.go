// Package requests handles what data subjects, their representatives, the
// authority (Roskomnadzor) and other organisations ask of the operator about
// personal data: who may ask for what, what a request must contain, what must
// be done and by which working day, who is told, and what is logged. It
// follows 152-FZ art. 14, 20 and 21 and the operator's policy («Положение»)
// clauses 3.8, 4.3, 5.1–5.3, 6.1.4–6.1.10 and 7.
//
// # A guide for the newcomer
//
// A request has a Kind — what it asks — and a Party — who asks:
//
//	Access    information about one's own data (art. 14 part 7; policy 6.1.4, 7.1)
//	Clarify   the data are incomplete, outdated or inaccurate (policy 6.1.7, 6.1.8)
//	Unlawful  the data are processed unlawfully (policy 6.1.9)
//	Destroy   a demand to destroy (art. 20 part 3; policy 7.1)
//	Withdraw  a consent withdrawn (art. 21 part 5)
//	Stop      a demand to stop processing (art. 21 part 5.1)
//
//	BySubject, ByRepresentative (with a power of attorney), ByAuthority, ByThirdParty (policy 5.2)
//
// The host builds a Service over its own stores and systems (Config) and
// calls it as staff work on a request. Every call names the Actor — a staff
// member's ID and the moment; the library never reads the clock — and only
// staff on the access list the head approved (policy 3.8, 4.3; AccessList)
// may act: anyone else gets ErrForbidden and the attempt goes to the
// AuditLog.
//
// Register records a request as it came. It is never dropped: a request
// lacking an element of art. 14 part 3 — the identity document's number,
// issue date and issuer; something confirming the relationship with the
// operator (the management contract's number and date, the personal
// account); a handwritten or electronic signature; a representative's power
// of attorney — is registered with Missing set, and the requester is sent a
// notice saying in Russian what is missing (CheckIntake). The term runs from
// receipt all the same. A repeat access request less than 30 days after one
// answered in full is flagged (RepeatOf) and may be refused (art. 14 parts
// 4–6). A Clarify or Unlawful request blocks the subject's data at once, from
// the moment of receipt, for the period of the check (policy 6.1.7).
//
// Deadlines. Due and DueFor count the term from the day of receipt in the
// operator's time zone (pdata.Operator.DateOf), on the production calendar
// of package retention, and every Deadline carries its pdata.Basis:
//
//	Access (subject)      10 working days, +5 by motivated notice   152-ФЗ ст. 14 ч. 3; ст. 20 ч. 1; п. 6.1.4, 7.1
//	Access (authority)    10 working days, +5                        152-ФЗ ст. 20 ч. 4
//	Access (third party)  no 152-FZ term; the one its law sets       п. 5.2
//	Clarify               7 working days from the documents          152-ФЗ ст. 20 ч. 3; ст. 21 ч. 2; п. 6.1.7, 6.1.8
//	Unlawful              3 working days (the law allows 10 to destroy) 152-ФЗ ст. 21 ч. 3; п. 6.1.9
//	Destroy               7 working days                             152-ФЗ ст. 20 ч. 3; п. 7.1
//	Withdraw              30 calendar days, not moved off a day off  152-ФЗ ст. 21 ч. 5
//	Stop                  10 working days, +5                        152-ФЗ ст. 21 ч. 5.1; п. 7.1
//
// Where the policy is stricter than the law the policy wins and both are
// cited (Unlawful: 3 working days to remedy or destroy, where art. 21 part 3
// allows 10 for destruction). A calendar-day term that ends on a day off is
// not moved to the next working day: the operator controls the duty, so the
// stricter reading of Civil Code art. 193 applies.
//
// The workflow. After Register, staff move a request on with one call per
// step; each appends to the request's History (moment, actor, action,
// reason, basis) and nothing earlier is ever rewritten. Allowed is the
// transition table; an operation in the wrong state is a *StateError
// (ErrState) and changes nothing.
//
//	Extend              one extension by 5 working days, motivated notice sent before the first deadline
//	DocumentsArrived    the confirming documents of a Clarify request came: its 7 days run from them
//	Resolve             the head's resolution on a third party's request (policy 5.2)
//	Clarify             correct the data and lift the block (policy 6.1.8)
//	Remedy              the unlawful processing was remedied (policy 6.1.9)
//	HandOver            the data go to the destruction commission as selected items with their ground
//	ConfirmDestruction  the destruction act is approved: erase, unblock, tell the subject
//	Refuse              a motivated refusal with a typed RefusalReason mapped to its article
//	Fulfil              answer an access request (with the AccessReport), or record that processing stopped
//
// Consents (optional, *consent.Decider implements it) links the workflow
// to the consent register: a Withdraw request that names its consent records
// the withdrawal there at registration (152-FZ art. 9 part 2), and a third
// party that relies on an information-exchange agreement rather than a
// provision of law gets only what the subject's written consent allows
// (policy 5.3); without the register such a transfer is refused.
//
// The subject is told of each outcome, and the authority too when it asked
// (policy 6.1.9, 6.1.10). Every transfer of data on a request — to the
// subject, a representative, the authority or a third party — is written to
// the journal of disclosures first (policy 5.3): recipient, legal ground,
// categories, date, and that a third party was warned the data may be used
// only for the stated purpose.
//
// The access report (BuildAccessReport, Service.AccessReport) gives the
// items of art. 14 part 7 in Russian, as text or HTML: confirmation of
// processing, grounds and purposes, methods, the operator, who has access,
// the data held and their sources, the processing and storage terms (from
// retention), how to exercise rights, cross-border transfers (none, policy
// 3.5) and processors. It holds no other subject's data (art. 14 part 2;
// policy 5.1, 6.1.4): family members and co-residents are neither named nor
// identified.
//
// Overdue and DueSoon stream, for a dashboard, the open requests past their
// deadline or due within n working days, in constant memory.
//
// # Failures
//
// An operation computes the request's new state in memory, performs its side
// effects in a fixed order — directory changes first, then the journal, the
// destruction queue and notices — and writes the request once, with a
// version check. If any step fails the error is returned, the steps that can
// be undone are undone (a block lifted is put back, a correction reverted, a
// block placed is lifted), and the stored request is exactly as it was. The
// steps that cannot be undone are safe to repeat: notices carry an ID that is
// the same on a retry (a Notifier drops duplicates), the journal entry's ID
// is fixed per request, Destroyer.Select and Directory.Erase are idempotent.
// So the answer to any error is: fix the cause and call again.
//
// # Storage
//
// The host implements Store (requests with their history), Journal (the
// journal of disclosures), AuditLog (refused attempts), Directory (its
// register of subjects), Notifier and Destroyer; AccessList may be the
// fixed StaffList; Consents is package consent's Decider over the host's
// consent store; Acts, package destruction's Archive over the host's act
// store, lets ConfirmDestruction check the act it is given. MemoryStore, MemoryJournal, MemoryAuditLog,
// MemoryDirectory, Outbox and SelectionQueue are in-memory implementations
// for tests, examples and training. Package requeststest holds the
// conformance suites (TestStore, TestJournal, TestAuditLog, TestDirectory)
// that a host runs against its own implementations; they use only the
// standard library.
//
// A schema that fits the contracts (PostgreSQL):
//
//	CREATE TABLE pd_request (
//	    id          text PRIMARY KEY,          -- входящий номер
//	    subject_id  text NOT NULL,
//	    kind        text NOT NULL,             -- Kind.MarshalText
//	    party       text NOT NULL,
//	    status      text NOT NULL,
//	    received    timestamptz NOT NULL,
//	    deadline    date,                      -- Deadline.Date, NULL when none
//	    version     bigint NOT NULL,
//	    body        jsonb NOT NULL             -- the Request without History, as encoding/json writes it
//	);
//	CREATE INDEX ON pd_request (subject_id, received);
//	CREATE INDEX ON pd_request (deadline) WHERE status IN ('received', 'extended', 'awaiting_destruction');
//
//	CREATE TABLE pd_request_event (            -- append-only: no UPDATE, no DELETE grants
//	    request_id  text NOT NULL REFERENCES pd_request(id),
//	    seq         int  NOT NULL,             -- the index in History
//	    body        jsonb NOT NULL,
//	    PRIMARY KEY (request_id, seq)
//	);
//
//	CREATE TABLE pd_disclosure (                -- append-only (policy 5.3)
//	    id text PRIMARY KEY, subject_id text NOT NULL, recipient text NOT NULL,
//	    at timestamptz NOT NULL, body jsonb NOT NULL
//	);
//	CREATE INDEX ON pd_disclosure (subject_id, at);
//	CREATE INDEX ON pd_disclosure (recipient, at);
//
// Store.Update is then one transaction: UPDATE pd_request … WHERE id = $1
// AND version = $2 - 1 (no row: ErrConflict, or ErrNotFound when the id is
// absent), and INSERT the events from the stored count on (a shorter
// History is ErrConflict). Store.Open selects the summary columns of the
// open requests through the partial index with a cursor, so memory stays
// constant however many requests there are; a dashboard that wants only the
// overdue ones may push "deadline < $asOf" into the query — the Service
// filters again, so a store that streams every open request is also
// correct.
//
// The request body holds the requester's identity document and the journal
// holds whom data went to: both are personal data and belong in the same
// protected database as the subjects' records (policy 3.10, 4.5). Keep
// requests, their history and the journal for as long as the host's policy
// keeps correspondence with subjects; pdnkit does not delete them.
//
// The reference CRM's PostgreSQL schema is the worked example
// (examples/crm/pgstore/migrations/0001_schema.sql): requests holds the
// current state, with a partial index (deadline_on) WHERE is_open for
// Overdue and DueSoon and (subject_id, received) for lookups by subject;
// request_events holds the history, one row per event, append-only; also
// disclosures (the journal, indexed by subject and by recipient),
// audit_entries, subjects with subject_holds and subject_changes (the
// Directory), notices (an outbox for the Notifier), staff (the AccessList)
// and selection_queue (the Destroyer). An update locks the row, checks the
// version and appends the new events in one transaction; the audit log is
// written outside it so refusals survive a rollback. requeststest.TestStore,
// TestJournal, TestAuditLog and TestDirectory run against it on a real server.
package requests
