package pgstore_test

import (
	"testing"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/pdnkit/pdnkit/consent/consenttest"
	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/destruction/destructiontest"
	"github.com/pdnkit/pdnkit/examples/crm/pgstore"
	"github.com/pdnkit/pdnkit/examples/crm/pgstore/pgtest"
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
