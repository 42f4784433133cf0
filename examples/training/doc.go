// Command training walks new staff through the operator's personal data
// policy («Положение об обработке и защите персональных данных») one
// scenario per chapter, narrated in Russian. Each step prints the rule, the
// clause that says so, and what the library decided:
//
//  1. Categories of subjects and data (policy 2.1, 2.3, 6.1.3).
//
//  2. Consent: its elements, what it permits, its withdrawal (policy 3.3–3.5,
//     5.3; 152-FZ art. 9, 21).
//
//  3. A clarification with blocking (policy 3.8, 4.3, 6.1.7, 6.1.8).
//
//  4. A report of unlawful processing from Roskomnadzor ending in
//     destruction by the commission and its act (policy 6.1.9, 9.2–9.14).
//
//     go run ./examples/training
//
// The people and identifiers are invented; the identifiers pass their
// checksums.
package main
