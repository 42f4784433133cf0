// Package pgstore keeps every store of pdnkit's reference CRM in PostgreSQL,
// with github.com/jackc/pgx/v5: consent.Store, destruction.Store,
// requests.Store, requests.Journal, requests.AuditLog, requests.Directory
// (with requests.HoldLister), requests.Notifier, requests.Destroyer and
// requests.AccessList, and the host's own register of records (host.Records).
// It is the worked example of what a host keeps to meet 152-FZ with pdnkit:
// read migrations/0001_schema.sql first.
//
// # Opening
//
//	db, err := pgstore.Open(ctx, pgstore.Config{DSN: os.Getenv("PDNKIT_DSN")})
//	defer db.Close()
//	decider, err := consent.NewDecider(db.Consents(), rules)
//
// Open applies the embedded migrations (migrations/*.sql, compiled in with
// go:embed) that the schema_migrations table does not list yet, each in its
// own transaction, under an advisory lock so that several processes starting
// at once apply each exactly once. Running it again changes nothing.
//
// # The schema
//
// Each store keeps the full record as jsonb beside the columns it queries,
// enumerations by their machine names, legal dates as date and moments as
// timestamptz. The indexes are the ones the library's questions need:
//
//   - records_due on records (destroy_from, id) where nothing is selected or
//     destroyed yet: the retention sweep reads only rows that may be due
//     (package retention, "Storage");
//   - requests_open_deadline on requests (deadline_on) where the request is
//     open: the overdue and due-soon dashboard; requests_open_seq for the
//     Store.Open stream;
//   - consents_subject, requests_subject, disclosures_subject and
//     records_subject by subject_id: everything about one subject, for an
//     access report or a demand to destroy;
//   - disclosures_recipient: the journal by recipient (policy 5.3);
//   - act_versions_one_destruction (migrations/0002): a unique index that
//     lets one destruction act name a selection act — a second is
//     ErrConflict, however the two requests interleave — while a chain of
//     acts superseding one another (policy 9.6) stays possible.
//
// The trails the law wants — a request's history (request_events), the
// journal of disclosures, the audit log of refused attempts, every version of
// every act, the log of changes to subjects' records — are append-only: a
// trigger refuses UPDATE and DELETE. A consent is never changed; its
// withdrawal is written once beside it.
//
// # Versions, conflicts, transactions
//
// A request carries a version: Update locks the row, checks that the stored
// version is the one before and that the history only grows, and appends the
// new events in the same transaction; a stale write gets ErrConflict. An act's
// row in acts carries its latest version and moves forward only from the one
// before. Records.MarkDestroyed refuses, all or nothing, a record destroyed
// already. A unique violation (SQLSTATE 23505) is ErrConflict, a missing row
// ErrNotFound, so errors.Is works as with the in-memory stores.
//
// DB.Atomic runs several writes as one transaction: the reference CRM saves an
// approved destruction act, marks the records it destroyed and takes them off
// the queue together, and runs each request operation — the request, its
// history, the block on the subject's data, the notice in the outbox, the
// journal entry — as one unit. Inside Atomic each store call is a savepoint,
// so a step that fails in a way the caller handles (a duplicate the journal
// refuses) leaves the transaction usable; the audit log alone writes outside
// it, so that a refused attempt stays on record.
//
// # Streams
//
// Every iter.Seq2 reads page by page (keyset pagination, 256 rows), holding
// no connection while the consumer handles a row: a consumer may stop early
// or call the store while ranging, and memory stays constant whatever the
// table's size.
//
// # Tests
//
// The tests run each conformance suite of the library against these stores
// on a real server: set PDNKIT_DSN to a postgres:// URL of a database where
// the test may create schemas (each test gets its own and drops it). Without
// it the tests skip, saying so; with CI=true they fail instead.
package pgstore
