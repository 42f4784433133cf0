package host_test

import (
	"github.com/pdnkit/pdnkit/destruction"
	"testing"

	"github.com/pdnkit/pdnkit/examples/crm/host"
	"github.com/pdnkit/pdnkit/examples/crm/host/hosttest"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/requests/requeststest"
)

func TestMemoryRecords(t *testing.T) {
	hosttest.TestRecords(t, func() host.Records { return &host.MemoryRecords{} })
}

func TestMemoryQueue(t *testing.T) {
	hosttest.TestQueue(t, func() host.Queue { return &host.MemoryQueue{} })
}

func TestMemoryStaff(t *testing.T) {
	hosttest.TestStaff(t, func() host.Staff { return &host.MemoryStaff{} })
}

func TestMemoryOutbox(t *testing.T) {
	hosttest.TestOutbox(t, func() host.Outbox { return &host.MemoryOutbox{} })
}

func TestMemoryDirectory(t *testing.T) {
	requeststest.TestDirectory(t, func(subjects ...pdata.Subject) requests.Directory {
		d := host.NewMemoryDirectory()
		for _, s := range subjects {
			d.MemoryDirectory.Put(s)
		}
		return d
	})
}

func TestMemoryActs(t *testing.T) {
	hosttest.TestActs(t, func() destruction.Store { return host.NewMemory().Stores().Acts })
}
