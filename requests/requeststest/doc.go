// Package requeststest checks that a host's implementations of the
// interfaces of package requests behave as the package relies on:
//
//   - TestStore: requests are kept and returned as written, writes are
//     versioned (a stale write gets ErrConflict and changes nothing), the
//     history is only ever appended to, missing requests give ErrNotFound,
//     BySubject and Open stream what they should and stop early, concurrent
//     writers cannot both win, a cancelled context is honoured;
//   - TestJournal: the journal of disclosures (policy 5.3) is appended, never
//     rewritten, and queried by subject and by recipient in order;
//   - TestAuditLog: refused attempts are appended and found by time;
//   - TestDirectory: a subject directory reads, blocks (by request, without
//     disturbing other requests' holds), unblocks, corrects and erases.
//
// A host runs them from its own tests with fresh, empty values per call:
//
//	func TestPostgresStore(t *testing.T) {
//		requeststest.TestStore(t, func() requests.Store { return newTestStore(t) })
//	}
//
// A nil constructor, a constructor that returns nil and a method that returns
// a nil stream are reported as failures, never as a panic of the suite.
//
// It uses only the standard library's testing package.
package requeststest
