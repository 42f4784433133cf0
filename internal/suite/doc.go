// Package suite runs the cases of pdnkit's conformance suites
// (consenttest, destructiontest, requeststest): each named case as a subtest
// on a fresh implementation. It uses the standard library only, so that a host
// running a suite needs nothing else.
package suite
