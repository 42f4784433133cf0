package pdata

import (
	"slices"
	"strings"
)

// Basis is a legal citation: the provision of law and the clause of the
// operator's policy («Положение») that a term, deadline or decision rests on.
// Every rule in pdnkit carries one so that a host can show an inspector why.
//
// Law holds one or more provisions of law separated by "; " (for example
// "152-ФЗ ст. 21 ч. 3"); Policy holds the policy clause without the «п.»
// prefix (for example "6.1.9"). Either may be empty, not both.
type Basis struct {
	// Law is the provision of federal law or of a regulator's order, in
	// Russian ("152-ФЗ ст. 21 ч. 3", "Приказ РКН № 179 п. 8").
	Law string `json:"law,omitempty"`
	// Policy is the clause of the operator's policy ("6.1.9"), or empty.
	Policy string `json:"policy,omitempty"`
}

// Cite returns a Basis for the given provision of law and policy clause.
func Cite(law, policy string) Basis { return Basis{Law: law, Policy: policy} }

// IsZero reports whether b cites nothing.
func (b Basis) IsZero() bool { return b.Law == "" && b.Policy == "" }

// String renders the citation in Russian, the way it is printed in documents:
// "152-ФЗ ст. 21 ч. 3; Положение п. 6.1.9".
func (b Basis) String() string {
	switch {
	case b.Law == "" && b.Policy == "":
		return ""
	case b.Policy == "":
		return b.Law
	case b.Law == "":
		return "Положение п. " + b.Policy
	}
	return b.Law + "; Положение п. " + b.Policy
}

// Join returns a Basis citing both b and o, without repeating a provision
// that both cite: provisions of law are joined with "; ", policy clauses with
// ", " ("6.1.9, 9.1"), each kept once and in order of appearance.
func (b Basis) Join(o Basis) Basis {
	return Basis{Law: joinCitations(b.Law, o.Law, "; "), Policy: joinCitations(b.Policy, o.Policy, ", ")}
}

// joinCitations appends to a every part of b that a does not already hold.
// Parts are separated by sep; policy clauses (sep ", ") may also have been
// written with "; ".
func joinCitations(a, b, sep string) string {
	if a == "" {
		return b
	}
	if b == "" || a == b {
		return a
	}
	have := splitCitations(a, sep)
	out := a
	for _, part := range splitCitations(b, sep) {
		if part != "" && !slices.Contains(have, part) {
			out += sep + part
			have = append(have, part)
		}
	}
	return out
}

func splitCitations(s, sep string) []string {
	var parts []string
	for _, p := range strings.Split(s, "; ") {
		if sep == "; " {
			parts = append(parts, strings.TrimSpace(p))
			continue
		}
		for _, q := range strings.Split(p, sep) {
			parts = append(parts, strings.TrimSpace(q))
		}
	}
	return parts
}
