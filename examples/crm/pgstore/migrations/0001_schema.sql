-- pdnkit reference CRM: the schema of every store, PostgreSQL 13 or later.
--
-- What a host keeps to meet 152-FZ with pdnkit, table by table. Trails the
-- law wants (requests and their history, the journal of disclosures, the
-- audit log of refused attempts, every version of every act) are append-only:
-- a trigger refuses UPDATE and DELETE on them. Rows that change carry a
-- version or a one-way state, checked in the UPDATE's WHERE clause.
--
-- Enumerations are stored by their machine names (MarshalText), dates as
-- date (the legal date in the operator's zone), moments as timestamptz, and
-- the full record as jsonb beside the columns that are queried.

CREATE FUNCTION pd_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

-- ─── package consent: consent.Store ────────────────────────────────────────
-- A consent is never deleted (the operator must prove it, 152-FZ art. 9
-- part 3); a withdrawal is added once and never changed.
CREATE TABLE consents (
    seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE, -- order added
    id           text PRIMARY KEY,
    subject_id   text NOT NULL,
    kind         text NOT NULL,            -- consent.Kind: processing, distribution, …
    given        date,                     -- Consent.Given
    expires      date,                     -- Consent.Expires(), NULL when no calendar end
    data         jsonb NOT NULL,           -- the consent as given, without its withdrawal
    withdrawal   jsonb,                    -- consent.Withdrawal, set once
    withdrawn_on date,                     -- Withdrawal.Date: the art. 21 part 5 term runs from it
    added_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consents_subject ON consents (subject_id, seq);
-- Consents withdrawn, for the 30-day destruction term of art. 21 part 5.
CREATE INDEX consents_withdrawn ON consents (withdrawn_on) WHERE withdrawn_on IS NOT NULL;

CREATE FUNCTION pd_consent_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a consent is never deleted (152-FZ art. 9 part 3: the operator proves it)'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.data IS DISTINCT FROM OLD.data OR NEW.id <> OLD.id OR NEW.subject_id <> OLD.subject_id
       OR OLD.withdrawal IS NOT NULL THEN
        RAISE EXCEPTION 'a consent is never changed, only withdrawn once'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER consents_guard BEFORE UPDATE OR DELETE ON consents
    FOR EACH ROW EXECUTE FUNCTION pd_consent_guard();

-- ─── package destruction: CommissionStore, ActStore ────────────────────────
-- A commission never changes: a new order appoints a new one (policy 9.2).
CREATE TABLE commissions (
    seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id           text PRIMARY KEY,
    order_number text NOT NULL,
    order_date   date,
    data         jsonb NOT NULL,           -- destruction.Commission
    added_at     timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER commissions_append_only BEFORE UPDATE OR DELETE ON commissions
    FOR EACH ROW EXECUTE FUNCTION pd_append_only();

-- One row per act: its latest version (the optimistic lock) and the order
-- acts were first saved in. Acts are kept 3 years from the destruction (RKN
-- order 179 п. 8; policy 9.14): the records table below holds their terms.
CREATE TABLE acts (
    seq      bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id       text PRIMARY KEY,
    latest   integer NOT NULL CHECK (latest >= 1),
    added_at timestamptz NOT NULL DEFAULT now()
);

-- Every version of every act (destruction.ActRecord), appended.
CREATE TABLE act_versions (
    act_id    text    NOT NULL REFERENCES acts (id),
    version   integer NOT NULL CHECK (version >= 1),
    kind      text    NOT NULL,            -- selection | destruction
    state     text    NOT NULL,            -- draft … approved
    number    text    NOT NULL,
    act_date  date,
    replaces  text,                        -- the act this one supersedes
    selection text,                        -- a destruction act's selection act
    digest    text,                        -- SHA-256 once sealed
    data      jsonb   NOT NULL,            -- the act (Act.MarshalJSON)
    saved_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (act_id, version)
);
CREATE INDEX act_versions_selection ON act_versions (selection) WHERE selection IS NOT NULL;
CREATE INDEX act_versions_replaces ON act_versions (replaces) WHERE replaces IS NOT NULL;
CREATE TRIGGER act_versions_append_only BEFORE UPDATE OR DELETE ON act_versions
    FOR EACH ROW EXECUTE FUNCTION pd_append_only();

-- ─── package requests: Store, Journal, AuditLog, Directory, Notifier … ─────
-- A request's current state; its history is in request_events.
CREATE TABLE requests (
    seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id          text PRIMARY KEY,          -- the registration number
    subject_id  text NOT NULL,
    kind        text NOT NULL,             -- access, clarify, unlawful, destroy, withdraw, stop
    party       text NOT NULL,             -- subject, representative, authority, third_party
    status      text NOT NULL,
    is_open     boolean NOT NULL,          -- Status.Open()
    received    timestamptz NOT NULL,
    received_on date NOT NULL,             -- the day of receipt in the operator's zone
    deadline_on date,                      -- Deadline.Date; NULL when no term runs
    deadline    jsonb NOT NULL,            -- requests.Deadline with its basis
    version     bigint NOT NULL CHECK (version >= 1),
    data        jsonb NOT NULL,            -- requests.Request without History
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX requests_subject ON requests (subject_id, received, seq);
-- The dashboard: open requests by deadline (overdue, due soon) …
CREATE INDEX requests_open_deadline ON requests (deadline_on) WHERE is_open;
-- … and the Store.Open stream, page by page.
CREATE INDEX requests_open_seq ON requests (seq) WHERE is_open;

-- A request's history, one row per event, never rewritten.
CREATE TABLE request_events (
    request_id text    NOT NULL REFERENCES requests (id),
    n          integer NOT NULL CHECK (n >= 0), -- position in History
    at         timestamptz NOT NULL,
    actor      text NOT NULL,
    action     text NOT NULL,
    event      jsonb NOT NULL,             -- requests.Event
    PRIMARY KEY (request_id, n)
);
CREATE TRIGGER request_events_append_only BEFORE UPDATE OR DELETE ON request_events
    FOR EACH ROW EXECUTE FUNCTION pd_append_only();

-- The journal of disclosures (policy 5.3), appended.
CREATE TABLE disclosures (
    seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id           text PRIMARY KEY,
    request_id   text NOT NULL,
    subject_id   text NOT NULL,
    recipient    text NOT NULL,
    disclosed_on date,
    at           timestamptz,
    data         jsonb NOT NULL            -- requests.Disclosure
);
CREATE INDEX disclosures_subject ON disclosures (subject_id, seq);
CREATE INDEX disclosures_recipient ON disclosures (recipient, seq);
CREATE TRIGGER disclosures_append_only BEFORE UPDATE OR DELETE ON disclosures
    FOR EACH ROW EXECUTE FUNCTION pd_append_only();

-- Attempts refused by the access list (policy 3.8, 4.3), appended.
CREATE TABLE audit_entries (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor      text NOT NULL,
    op         text NOT NULL,
    request_id text,
    data       jsonb NOT NULL              -- requests.AuditEntry
);
CREATE INDEX audit_entries_at ON audit_entries (at);
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION pd_append_only();

-- The subject directory: the host's own register of data subjects.
CREATE TABLE subjects (
    id         text PRIMARY KEY,
    category   text NOT NULL,              -- employee, resident, contractor, site_user
    data       jsonb NOT NULL,             -- pdata.Subject, identifiers in full
    version    bigint NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Blocks on a subject's data, one per request (policy 6.1.7).
CREATE TABLE subject_holds (
    seq        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    subject_id text NOT NULL,
    request_id text NOT NULL,
    since      timestamptz NOT NULL,
    reason     text NOT NULL,
    basis      jsonb NOT NULL,
    PRIMARY KEY (subject_id, request_id)
);

-- What was done to a subject's record and on which request: the data
-- themselves are not copied here (an erased category must stay erased).
CREATE TABLE subject_changes (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id text NOT NULL,
    request_id text,
    change     text NOT NULL,              -- put, correct, erase, delete
    categories text[] NOT NULL DEFAULT '{}',
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subject_changes_subject ON subject_changes (subject_id, seq);
CREATE TRIGGER subject_changes_append_only BEFORE UPDATE OR DELETE ON subject_changes
    FOR EACH ROW EXECUTE FUNCTION pd_append_only();

-- Notices waiting to be sent (requests.Notifier): an outbox that a sender
-- process drains, setting sent_at.
CREATE TABLE notices (
    seq        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id         text PRIMARY KEY,           -- stable across retries: a repeat is dropped
    request_id text NOT NULL,
    kind       integer NOT NULL,
    at         timestamptz NOT NULL,
    data       jsonb NOT NULL,             -- requests.Notice
    sent_at    timestamptz
);
CREATE INDEX notices_request ON notices (request_id, seq);
CREATE INDEX notices_unsent ON notices (seq) WHERE sent_at IS NULL;

-- The access list approved by the head (policy 3.8).
CREATE TABLE staff (
    id         text PRIMARY KEY,
    official   jsonb NOT NULL,             -- pdata.Official: position and name
    resolves   boolean NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- ─── the host's records, for retention and destruction ─────────────────────
-- Every record the operator keeps, with its term stored beside it so that the
-- database answers "what is due" with an index (package retention, Storage).
CREATE TABLE records (
    seq              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id               text PRIMARY KEY,
    subject_id       text NOT NULL,
    kind             text NOT NULL,        -- retention.Kind: resident_file, hr_personnel, …
    closed           date,
    hazardous        boolean NOT NULL DEFAULT false,
    purpose_achieved date,
    title            text NOT NULL DEFAULT '',
    categories       text[] NOT NULL,      -- pdata.DataCategory machine names
    medium           jsonb NOT NULL,       -- destruction.Medium
    destroy_from     date,                 -- retention.Term.DestroyFrom; NULL while no term runs
    destroy_by       date,                 -- retention.Term.DestroyBy
    selected_in      text,                 -- the selection act that took the record
    destroyed_on     date,                 -- set with the approval of the destruction act
    destroyed_by     text,                 -- that act's ID
    added_at         timestamptz NOT NULL DEFAULT now()
);
-- The sweep: records not yet selected or destroyed, by the day they fall due.
CREATE INDEX records_due ON records (destroy_from, id) WHERE destroyed_on IS NULL AND selected_in IS NULL;
CREATE INDEX records_subject ON records (subject_id);

-- Items handed to the destruction commission by requests (requests.Destroyer)
-- until a selection act takes them.
CREATE TABLE selection_queue (
    seq       bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    record_id text PRIMARY KEY,
    item      jsonb NOT NULL,              -- destruction.Item
    queued_at timestamptz NOT NULL DEFAULT now(),
    act_id    text                         -- the selection act that took it
);
CREATE INDEX selection_queue_pending ON selection_queue (seq) WHERE act_id IS NULL;
