// Package host holds what the reference CRM keeps besides the stores pdnkit
// defines: the register of the operator's records (files, orders, database
// rows) that the retention sweep judges, the queue of items handed to the
// destruction commission, the staff access list, the outbox of notices and
// the writable side of the subject directory. It defines them as small
// interfaces, with in-memory implementations (NewMemory) and a PostgreSQL one
// in package pgstore, and the Backend the HTTP server runs on: all the stores
// together, plus a way to run several writes as one transaction.
//
// None of this is pdnkit's API: it is one host's choice, shown so that a CRM
// developer sees where the library's interfaces meet the host's own tables.
package host
