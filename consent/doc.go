// Package consent keeps the data subjects' written consents (согласие на
// обработку персональных данных), checks that each holds what the law
// requires, records withdrawals, prints the form the subject signs, and
// answers the question an inspector asks first: "may the operator do this,
// and on what ground?"
//
// # What the law asks of a consent
//
// 152-FZ art. 9 part 4 lists the elements of a written consent, items 1–9:
// the subject (full name, address, identity document number, issue date and
// issuer); a representative with the same data and the power of attorney, if
// one signs; the operator's name and address; the purposes; the list of
// data; the processor acting on the operator's behalf, if any; the actions
// and a general description of the methods; the term and how to withdraw;
// the signature. Consent has each as a field, marked with its item. Since
// 1 September 2025 (156-FZ) a consent must be a document of its own, not a
// clause of a contract or bundled with another consent.
//
// The seed policy (Положение) adds its own rules: processing rests on
// consent except for data from Rosreestr (3.3, 3.4); no cross-border
// transfer (3.5); no transfer to a third party without written consent
// except to avert a threat to the subject's life or health or where a
// federal law requires it (5.3); data from a third party only after notice
// and written consent (6.1.2). A consent to publish data (a debtor list on
// the site) is a separate kind, Distribution, with the content RKN order
// No. 18 requires: the subject's contacts, the operator's INN and OGRN, the
// pages where the data appear, and per category what may be published and on
// which conditions (152-FZ art. 10.1).
//
// The article and item numbers follow the project's legal reference
// (../shared/reference/law-152fz.md); the numbering of art. 9 part 4 items
// 2 and 6–9 is marked there as not confirmed against the official text, and
// RKN order No. 18's fields are cited by their content, not by number.
//
// # Using it
//
// Build a Consent from the form the subject filled in, then check it:
//
//	if err := consent.Validate(c); err != nil {
//		var ve *pdata.ValidationError
//		errors.As(err, &ve)
//		fmt.Println(ve.Russian()) // every problem, each with its citation
//	}
//
// Validate uses the seed policy (DefaultRules); ValidateWith takes a Rules
// value for a host whose policy differs. Every problem comes at once, as a
// *pdata.ValidationError whose FieldErrors name the item of art. 9 part 4
// (or art. 10.1 and RKN order No. 18) in their Basis and in both their
// English and Russian messages.
//
// A Decider is the service a host wires up once:
//
//	rules := consent.DefaultRules()
//	rules.Operator = myOperator // dates fall in its time zone
//	rules.Bases = []consent.LegalBasis{{ // grounds other than consent, if any
//		Title:      "ФИО плательщика в платёжном документе",
//		Ops:        []consent.OpKind{consent.OpStore, consent.OpUse},
//		Subjects:   []pdata.SubjectCategory{pdata.Resident},
//		Categories: []pdata.DataCategory{pdata.DataFullName, pdata.DataPropertyRights},
//		Basis:      pdata.Cite("152-ФЗ ст. 6 ч. 1 п. 2; ЖК РФ ст. 155 ч. 2", ""),
//	}}
//	d, err := consent.NewDecider(store, rules)
//
//	err = d.Give(ctx, c)                        // validates, then stores
//	term, err := d.Withdraw(ctx, id, w)         // records; term.DestroyBy for scheduling
//	dec, err := d.Decide(ctx, consent.Operation{ // may we?
//		Kind: consent.OpTransfer, SubjectID: id, Subject: pdata.Resident,
//		Purpose: "...", Categories: cats, Recipient: "ООО «Расчётный центр»", At: now,
//	})
//
// Decide (the function) is the same judgement without a store: give it the
// subject's consents and it returns a Decision. A Decision says Allowed or
// not; when allowed, the Grounds it rests on (a consent by ID, Rosreestr as a
// public source, a configured LegalBasis, or a threat to life or health) with
// their citations; when refused, every Reason in English and Russian with its
// citation. Decision.Russian prints it for staff.
//
// # Time
//
// Nothing here reads the clock. An Operation carries its moment At; Decide
// turns it into a date in the operator's time zone (pdata.Operator.DateOf),
// and compares dates: a consent counts from the day it was given through the
// last day of its term (Civil Code arts. 190–194; AddTerm does the arithmetic
// without time.AddDate, so 29 February plus one year is 28 February). A
// withdrawal is recorded with the date it was received and, if known, the
// moment; operations from that moment on (from the start of that day when no
// moment is known) no longer rest on the consent.
//
// # Withdrawal
//
// A withdrawal is added to the consent, never in its place: the operator must
// be able to show the consent it relied on before (art. 9 part 3). What
// follows is a WithdrawalTerm: stop processing on that consent from the date
// received and destroy the data within 30 calendar days unless another ground
// remains (art. 21 part 5). Decider.Withdraw returns it, and every Decision
// lists the withdrawals that bear on the operation, marked Retained when the
// operation rests on another ground, so that the requests package can
// schedule destruction. For a Distribution consent the subject's demand to
// stop ends the consent on receipt (art. 10.1 parts 12–13) and no
// destruction term follows from it.
//
// # Publishing the conditions of a distribution consent
//
// A Distribution consent starts a duty of its own: within 3 working days of
// receiving it the operator publishes the conditions of processing and
// whether the subject set prohibitions or conditions (art. 10.1 part 10).
// PublishBy gives that day; it counts working days on the calendar the host
// passes in (retention.RussianCalendar()), since this package does not
// import retention.
//
// # The printed form
//
// Render writes a consent in Russian as plain text or HTML: every element
// above in plain words, a distribution consent as a document of its own.
// Missing elements print as blank lines, so the same call prints a form to
// fill in by hand.
//
// # Storage
//
// The host implements Store (Add, Get, ListBySubject, Withdraw; context
// first) over its database and runs consenttest.TestStore against it; the
// in-memory MemoryStore is the reference. A Store never deletes a consent,
// refuses a duplicate ID with ErrConflict and a second withdrawal with
// ErrConflict, and reports a missing ID with ErrNotFound (the pdata
// sentinels, re-exported here, so errors.Is works across packages).
//
// A recommended table, one row per consent, the rarely queried parts as JSON
// (encoding/json on Consent gives every value in full, identifiers
// included, so the column must be protected like the rest of the personal
// data):
//
//	CREATE TABLE consents (
//	    id               text PRIMARY KEY,          -- Consent.ID
//	    subject_id       text NOT NULL,             -- Consent.SubjectID
//	    kind             text NOT NULL,             -- Kind.String(): processing, distribution, ...
//	    subject_category text NOT NULL,             -- pdata.SubjectCategory.String()
//	    given            date NOT NULL,             -- Consent.Given
//	    expires          date,                      -- Consent.Expires(), NULL when open-ended
//	    standalone       boolean NOT NULL,          -- Document.Standalone
//	    body             jsonb NOT NULL,            -- the whole Consent as JSON
//	    withdrawn_on     date,                      -- Withdrawal.Date, NULL while in force
//	    withdrawn_at     timestamptz,               -- Withdrawal.At, if known
//	    withdrawal_doc   text,                      -- Withdrawal.Document
//	    created_at       timestamptz NOT NULL DEFAULT now()
//	);
//	CREATE INDEX consents_subject ON consents (subject_id, created_at);
//
// ListBySubject orders by created_at (the order added). Withdraw is
// UPDATE consents SET withdrawn_on = $2, ... WHERE id = $1 AND withdrawn_on
// IS NULL: no row updated means ErrNotFound or, if the row exists,
// ErrConflict. Keep the signed original (the scan, or the signed electronic
// document with its signature) alongside, under the same ID: it is what
// proves the consent.
//
// The reference CRM's PostgreSQL schema is the worked example of a Store
// (examples/crm/pgstore/migrations/0001_schema.sql): table consents keeps
// the consent as given (jsonb) and its withdrawal in a separate column written
// once (UPDATE … WHERE withdrawal IS NULL; a second withdrawal is
// ErrConflict), with indexes on subject_id (ListBySubject) and on the
// withdrawal date (the 30-day term of 152-FZ art. 21 part 5). A trigger
// refuses any other change and any delete (art. 9 part 3: the operator must
// be able to prove the consent). consenttest.TestStore runs against it on a
// real server.
package consent
