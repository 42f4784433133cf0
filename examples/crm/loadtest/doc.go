// Command loadtest is the reference CRM's load check: it starts the server on
// the PostgreSQL store on a loopback port, registers -n requests from -c
// concurrent clients through the HTTP API, then verifies that every request
// is in the database exactly once, and prints the throughput and the latency
// percentiles.
//
//	PDNKIT_DSN=postgres://… go run ./examples/crm/loadtest            # 10,000 requests, 50 clients
//	go run ./examples/crm/loadtest -n 2000 -c 20 -dsn postgres://…
//
// It is bounded in count (-n, at most 100,000) and in time (-timeout), talks
// to 127.0.0.1 only, and works in a schema of its own that it drops at the end
// (-keep leaves it for inspection). With -memory it runs against the
// in-memory stores instead, for comparison.
package main
