package pgstore_test

import (
	"context"
	"testing"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/consent/consenttest"
	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/destruction/destructiontest"
	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/examples/crm/host/hosttest"
	"github.com/pdnkit/pdnkit/examples/crm/pgstore"
	"github.com/pdnkit/pdnkit/examples/crm/pgstore/pgtest"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/requests/requeststest"
)

// Each conformance suite of the library runs against the PostgreSQL stores,
// every subtest on a fresh schema (pgtest.DB).

// fresh returns a maker of fresh databases for a suite's subtests. The
// subtests run one after another, so each new database closes the one
// before: a suite holds the connections of one database at a time.
func fresh(t *testing.T) func() *pgstore.DB {
	pgtest.Require(t)
	var prev *pgstore.DB
	return func() *pgstore.DB {
		if prev != nil {
			prev.Close()
		}
		prev = pgtest.DB(t)
		return prev
	}
}

func TestConsentStore(t *testing.T) {
	db := fresh(t)
	consenttest.TestStore(t, func() consent.Store { return db().Consents() })
}

func TestDestructionStore(t *testing.T) {
	db := fresh(t)
	destructiontest.TestStore(t, func() destruction.Store { return db().Acts() })
}

func TestRequestStore(t *testing.T) {
	db := fresh(t)
	requeststest.TestStore(t, func() requests.Store { return db().Requests() })
}

func TestJournal(t *testing.T) {
	db := fresh(t)
	requeststest.TestJournal(t, func() requests.Journal { return db().Journal() })
}

func TestAuditLog(t *testing.T) {
	db := fresh(t)
	requeststest.TestAuditLog(t, func() requests.AuditLog { return db().AuditLog() })
}

func TestDirectory(t *testing.T) {
	db := fresh(t)
	requeststest.TestDirectory(t, func(subjects ...pdata.Subject) requests.Directory {
		d := db().Directory()
		for _, s := range subjects {
			if err := d.Put(context.Background(), s); err != nil {
				t.Fatalf("Put %s: %v", s.ID, err)
			}
		}
		return d
	})
}

func TestRecords(t *testing.T) {
	db := fresh(t)
	hosttest.TestRecords(t, func() host.Records { return db().Records() })
}

// TestActs checks the host's rule on the act store: one destruction act per
// selection act (the unique index act_versions_one_destruction).
func TestActs(t *testing.T) {
	db := fresh(t)
	hosttest.TestActs(t, func() destruction.Store { return db().Acts() })
}

func TestQueue(t *testing.T) {
	db := fresh(t)
	hosttest.TestQueue(t, func() host.Queue { return db().Queue() })
}

func TestStaff(t *testing.T) {
	db := fresh(t)
	hosttest.TestStaff(t, func() host.Staff { return db().Staff() })
}

func TestOutbox(t *testing.T) {
	db := fresh(t)
	hosttest.TestOutbox(t, func() host.Outbox { return db().Outbox() })
}
