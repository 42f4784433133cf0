// Command consent-check walks through the consent package as a CRM would use
// it: it builds a resident's written consent, shows Validate catching a
// missing element, prints the form the resident signs, and asks Decide about
// four operations — storing the data, passing them to the billing centre,
// publishing the resident on the site's debtor list, and sending them abroad —
// printing each answer with the legal ground it rests on.
//
//	go run ./examples/consent-check
//
// All personal data here are invented.
package main
