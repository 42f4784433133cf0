// Package consenttest is the conformance suite for consent.Store
// implementations. A host that keeps consents in its own database runs it
// from a test of its own:
//
//	func TestConsentStore(t *testing.T) {
//		consenttest.TestStore(t, func() consent.Store { return newPostgresStore(t) })
//	}
//
// It uses only the standard library's testing package, so implementers need
// no assertion library. newStore must return an empty store each time it is
// called. Every misbehaviour is reported (as in testing/fstest.TestFS), each
// naming the contract it breaks. Run it with -race: concurrent use is part
// of the contract.
package consenttest
