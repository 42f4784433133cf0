package requests_test

import (
	"testing"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/requests/requeststest"
)

func TestMemoryStore(t *testing.T) {
	requeststest.TestStore(t, func() requests.Store { return requests.NewMemoryStore() })
}

func TestMemoryJournal(t *testing.T) {
	requeststest.TestJournal(t, func() requests.Journal { return requests.NewMemoryJournal() })
}

func TestMemoryAuditLog(t *testing.T) {
	requeststest.TestAuditLog(t, func() requests.AuditLog { return requests.NewMemoryAuditLog() })
}

func TestMemoryDirectory(t *testing.T) {
	requeststest.TestDirectory(t, func(s ...pdata.Subject) requests.Directory { return requests.NewMemoryDirectory(s...) })
}
