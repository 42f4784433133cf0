// Command destruction-act runs the whole destruction procedure of the
// operator's policy (section 9) and RKN order No. 179 on an invented
// archive, and writes the documents a destruction commission signs:
//
//	selection.docx  the act on the media selected for destruction (9.4–9.9)
//	act.docx        the act of destruction (9.10–9.14; order 179 п. 3)
//	act.html        the same act as a page to print on A4
//	act.txt         the same act as plain text
//	extract.csv     the extract from the event log for the records held in
//	                information systems (order 179 п. 5), for Excel or
//	                LibreOffice
//
// It generates a few hundred records of every kind with a fixed
// pseudo-random seed, sweeps them with retention.Default().Due as of the
// date given, turns what is due into items (destruction.ItemFromDue), adds
// one item handed over by a request (a consent withdrawn), and takes both
// acts through every step with a commission of three: check, sealing of the
// media by the chair, signatures, approval, destruction in the presence of
// all, signatures, approval. Each step is saved in an Archive over the
// in-memory store, as a host would save it in its database.
//
//	go run ./examples/destruction-act
//	go run ./examples/destruction-act -out ./acts -asof 2026-01-19
//
// -out is the directory to write to; it is created if needed. It defaults to
// pdnkit-destruction-act in the system's temporary directory (os.TempDir),
// so that a run never leaves files in the source tree. -asof (default
// 2025-01-20, a fixed date so that every run writes the same bytes) is the
// day the commission meets; the act is approved and the media destroyed the
// next day. The
// library never reads the clock: every moment is passed in.
package main
