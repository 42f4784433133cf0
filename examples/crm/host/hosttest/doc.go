// Package hosttest checks implementations of the reference CRM's host stores
// (host.Records, host.Queue, host.Staff, host.Outbox) against their
// contracts, and the host's rule on the act store (TestActs: one destruction
// act per selection act), in the style of pdnkit's own conformance suites: run from a test
// with a fresh, empty store per call, standard library only.
package hosttest
