// Package destruction runs the destruction of personal data the way the
// operator must prove it: a commission appointed by order selects the media
// with grounds, checks them, signs an act that the operator approves,
// destroys them in the presence of every member, and signs the act of
// destruction — the one document an inspector asks for (152-FZ art. 21
// part 7; RKN order No. 179 of 28.10.2022; the operator's policy, section 9).
//
// # Who does what, in which order
//
// The seed policy (Положение, пп. 9.1–9.14) is stricter than order 179, which
// asks only for the people who destroyed the data: here a commission does
// everything, and the head of the operator approves.
//
//  1. The operator appoints the commission by order (9.2): Commission, with
//     the Order's number and date, a Chair and Members (pdata.Official;
//     printed as position and «Фамилия И. О.»).
//  2. The commission selects what is due (9.4, 9.5). Items come from the
//     retention sweep — ItemFromDue turns a retention.Due into an Item with
//     its term and ground — and from package requests, which fills in an
//     Item itself (a consent withdrawn, a subject's demand, unlawful
//     processing, a purpose achieved). Each item names the subjects, the
//     data categories, the Medium (paper with its sheets, a machine-readable
//     medium with its serial number, files or database records with the
//     information system), the Ground with its pdata.Basis and the Method
//     that policy 9.11 prescribes for the medium. An item not yet due on the
//     act's date is refused (9.1). NewSelectionAct, then Act.Add.
//  3. The commission checks that every medium is present (9.7): Act.Check
//     or Act.CheckAll. A medium not found is removed (Act.Remove).
//  4. The chair packs and seals the media (9.9): Act.SealMedia.
//  5. Every member signs (9.8): Act.Sign. The first signature seals the
//     act — see "No corrections" below.
//  6. The head of the operator approves (9.8): Act.Approve.
//  7. The commission draws up the destruction act from the approved
//     selection act (NewDestructionAct), checks the media again (CheckAll),
//     destroys them — all members present, by the method of each item
//     (9.10, 9.11) — and records when, where and who was present
//     (Act.RecordDestruction).
//  8. Every member signs the destruction act (9.12; order 179 п. 3 «г»)
//     and the head approves it (9.12).
//  9. For data held in an information system (automated or mixed
//     processing, policy 3.2) the act is accompanied by the extract from
//     the event log (order 179 п. 5): Act.Extract, written as CSV or JSON.
//  10. The acts and the extract are kept 3 years from the destruction
//     (order 179 п. 8; policy 9.14): Act.RetentionRecords gives the
//     retention.Record values (kind retention.DestructionRecord) to feed to
//     the host's records, so that the retention sweep keeps them.
//
// Every step takes the moment it happens as a parameter (the library never
// reads the clock) and refuses to run out of order with a *StateError
// (errors.Is(err, ErrState)); a person who may not take a step gets a
// *ForbiddenError (ErrForbidden); bad input gets a *pdata.ValidationError
// naming every problem, its clause, and a message in English and in
// Russian. A refused step changes nothing. An item past its deadline (9.3,
// 30 days) is never refused — the data must still go — but the act marks it.
// A step dated more than a year after the act's date is refused as a
// mistyped moment (each step must follow the one before, so a moment in the
// far future would block the rest).
//
// What is printed carries no identifier in full: a SNILS, INN, passport or
// phone number (pdata.HasIdentifier: 10 to 12 digits in a row) is refused in a subject's name
// or information, an item's record ID and reference, a medium's name and
// system, the places, the processors and a superseding reason, with an
// error that names the field and never the value. The CSV extract quotes a
// cell a spreadsheet would take for a formula (=, +, -, @, tab, CR).
//
// # What is printed
//
// Both acts print, in Russian: «Конфиденциально» (9.14), the approval block
// «УТВЕРЖДАЮ» with the head's position and name, the title and number, the
// date and place of the act, the operator's name and address (179 п. 3
// «а»), the processor acting on the operator's behalf or «не привлекалось»
// («б»), the order appointing the commission and its members, then a table
// with one row per item: the medium with its sheets, serial number or
// information system («е», «ж»), the subjects («в»), the categories («д»),
// the ground with its basis («и»), the method («з») and the check mark
// (9.7). A summary gives the kind and number of media (9.13), all
// categories, systems, methods and grounds. The destruction act adds the
// date, time and place of the destruction («к»; 9.13), the members present
// (9.10) and a signature line per member («г»); it names the selection act
// and its digest. Every rendering shows the act's SHA-256 digest; the DOCX
// and the printed HTML also show it in the footer of every page.
//
// Formats: RenderText (plain UTF-8), RenderHTML (html/template, A4 print
// stylesheet, a signature block per member), RenderDOCX (Office Open XML
// written with archive/zip; opens in Word and LibreOffice Writer) and
// WriteJSON (the stored form, read back with DecodeAct). The same act
// always renders to the same bytes.
//
// # No corrections
//
// Policy 9.6 forbids corrections in an act. The first signature seals it:
// its content (Content, encoded canonically by CanonicalContent) is hashed
// with SHA-256, every signature and the approval record that digest, and
// from then on Add, Remove, Check and the other edits fail with ErrSealed.
// Verify recomputes the digest and checks the signatures, so an act changed
// after sealing — in a database, in a JSON file — is reported as a
// *TamperError (ErrTampered). To fix a sealed act, Supersede it: the new act
// copies the content, names the old act with its digest and the reason, and
// goes through the steps again; the old act stays.
//
// The digest proves integrity, not authorship: it is not an electronic
// signature under 63-FZ (order 179 п. 4). Print the act and sign it by hand,
// or have the host sign the DOCX or JSON with a qualified signature.
//
// # What this package does not decide
//
// Policy 9.5 exempts paper media not subject to archival storage from the
// selection act; the package puts every medium in the act, which is always
// allowed. Order 179 accepts destruction without a commission; this package
// follows the stricter seed policy and always has one (two people at least).
// The archival «акт о выделении к уничтожению» of the Rosarchive rules is a
// different document and is not produced here.
//
// # Storage
//
// A host keeps commissions and acts by implementing Store: CommissionStore
// (AddCommission, Commission) and ActStore (AppendAct, LatestAct,
// ActVersions, Acts), every method context-first, ErrNotFound for what is
// missing and ErrConflict for a taken ID or a stale version (these are
// pdata's sentinels, so errors.Is works across pdnkit). Acts are
// append-only: each lifecycle step appends a new ActRecord version holding
// the act's JSON and a few columns to index; nothing is overwritten, and a
// superseded act stays next to its replacement — the trail an inspector
// may ask for during the 3 years of order 179 п. 8.
//
// The store is deliberately simple; Archive wraps it and enforces the rules
// it cannot know: what is saved verifies, a version is saved only over the
// version it was read from (ErrConflict otherwise), a sealed act's content
// and signatures never change between versions (ErrSealed), an act naming a
// replaced act or a selection act finds it stored with the digest it names,
// and every act read back is verified (ErrTampered if the database was
// altered).
//
// A suggested table is on ActRecord; a commissions table needs the
// commission's ID and its JSON. Keep act data in a JSON column (jsonb is
// fine: the seal is computed over the decoded content, not the stored
// bytes). MemStore is the in-memory implementation for tests and examples.
// Run the conformance suite against your implementation:
//
//	func TestStore(t *testing.T) {
//		destructiontest.TestStore(t, func() destruction.Store { return newEmptyStore(t) })
//	}
//
// The reference CRM's PostgreSQL schema is the worked example
// (examples/crm/pgstore/migrations/0001_schema.sql): commissions
// (append-only), acts (one row per act holding its latest version, which is
// the optimistic lock) and act_versions (every ActRecord, primary key
// (act_id, version), append-only by trigger, indexed on the selection act
// and on the act replaced). Appending moves acts.latest forward only from
// the previous version, in the same transaction as the new row, so a stale
// or concurrent append gets ErrConflict. The CRM commits the approval of a
// destruction act and the marking of the records it destroyed in one
// transaction. destructiontest.TestStore runs against it on a real server.
package destruction
