package requests

import (
	"github.com/pdnkit/pdnkit/pdata"
)

// Kind is what a request asks for (вид обращения или запроса). The names of
// the constants are a contract: hosts store them (as their machine names, see
// MarshalText) and call them.
type Kind uint8

// The kinds of request.
const (
	// Access asks for the information about one's own data listed in
	// 152-FZ art. 14 part 7 (запрос о предоставлении сведений); policy
	// 6.1.4, 7.1. From the authority it is a request for information under
	// art. 20 part 4.
	Access Kind = iota + 1
	// Clarify says the data are incomplete, outdated or inaccurate and asks
	// for them to be corrected (требование об уточнении); policy 6.1.7,
	// 6.1.8; 152-FZ art. 21 parts 1–2.
	Clarify
	// Unlawful reports unlawful processing (обращение о неправомерной
	// обработке); policy 6.1.7, 6.1.9; 152-FZ art. 21 parts 1, 3.
	Unlawful
	// Destroy demands that data unlawfully obtained or no longer needed be
	// destroyed (требование об уничтожении); policy 7.1; 152-FZ art. 14
	// part 1, art. 20 part 3.
	Destroy
	// Withdraw withdraws a consent (отзыв согласия); 152-FZ art. 9 part 2,
	// art. 21 part 5.
	Withdraw
	// Stop demands that processing stop (требование о прекращении
	// обработки); 152-FZ art. 21 part 5.1; policy 7.1.
	Stop
)

var kindNames = names[Kind]{unknown: "неизвестный вид обращения", err: errKind, info: []named{
	Access:   {"access", "запрос сведений об обработке персональных данных"},
	Clarify:  {"clarify", "требование об уточнении персональных данных"},
	Unlawful: {"unlawful", "обращение о неправомерной обработке персональных данных"},
	Destroy:  {"destroy", "требование об уничтожении персональных данных"},
	Withdraw: {"withdraw", "отзыв согласия на обработку персональных данных"},
	Stop:     {"stop", "требование о прекращении обработки персональных данных"},
}}

// Kinds lists every kind of request.
func Kinds() []Kind { return []Kind{Access, Clarify, Unlawful, Destroy, Withdraw, Stop} }

// Valid reports whether k is a defined kind.
func (k Kind) Valid() bool { return k >= Access && k <= Stop }

// String returns the machine name ("access").
func (k Kind) String() string { return kindNames.id(k) }

// Title returns the Russian name used in notices and registers.
func (k Kind) Title() string { return kindNames.title(k) }

// MarshalText encodes the machine name; an undefined kind is an error that
// wraps ErrInvalid.
func (k Kind) MarshalText() ([]byte, error) { return kindNames.marshal(k) }

// UnmarshalText decodes a machine name (case and surrounding spaces are
// ignored); an unknown name is an error that wraps ErrInvalid.
func (k *Kind) UnmarshalText(b []byte) error { return kindNames.unmarshal(k, b) }

// ParseKind parses a machine name ("access", "clarify", "unlawful",
// "destroy", "withdraw", "stop"), ignoring case and surrounding spaces.
func ParseKind(s string) (Kind, error) { return kindNames.parse(s) }

var errKind = &pdata.ParseError{What: "request kind", Rule: "kind",
	Reason:   "unknown request kind: want access, clarify, unlawful, destroy, withdraw or stop",
	ReasonRU: "неизвестный вид обращения"}

// Party is who sent a request (заявитель).
type Party uint8

// The parties who may send a request.
const (
	// BySubject: the data subject in person (субъект персональных данных).
	BySubject Party = iota + 1
	// ByRepresentative: the subject's representative, acting under a power of
	// attorney or as a legal representative (представитель субъекта);
	// 152-FZ art. 14 part 3, policy 5.1, 6.1.4.
	ByRepresentative
	// ByAuthority: the authority for the protection of subjects' rights,
	// Roskomnadzor (уполномоченный орган по защите прав субъектов
	// персональных данных); 152-FZ art. 20 part 4, art. 21; policy 6.1.7–6.1.10.
	ByAuthority
	// ByThirdParty: another organisation asking for a subject's data
	// (сторонняя организация); policy 5.2, 5.3.
	ByThirdParty
)

var partyNames = names[Party]{unknown: "неизвестный заявитель", err: errParty, info: []named{
	BySubject:        {"subject", "субъект персональных данных"},
	ByRepresentative: {"representative", "представитель субъекта персональных данных"},
	ByAuthority:      {"authority", "уполномоченный орган по защите прав субъектов персональных данных"},
	ByThirdParty:     {"third_party", "сторонняя организация"},
}}

// Parties lists every party.
func Parties() []Party { return []Party{BySubject, ByRepresentative, ByAuthority, ByThirdParty} }

// Valid reports whether p is a defined party.
func (p Party) Valid() bool { return p >= BySubject && p <= ByThirdParty }

// String returns the machine name ("representative").
func (p Party) String() string { return partyNames.id(p) }

// Title returns the Russian name.
func (p Party) Title() string { return partyNames.title(p) }

// MarshalText encodes the machine name; an undefined party is an error that
// wraps ErrInvalid.
func (p Party) MarshalText() ([]byte, error) { return partyNames.marshal(p) }

// UnmarshalText decodes a machine name (case and surrounding spaces are
// ignored); an unknown name is an error that wraps ErrInvalid.
func (p *Party) UnmarshalText(b []byte) error { return partyNames.unmarshal(p, b) }

// ParseParty parses a machine name ("subject", "representative",
// "authority", "third_party"), ignoring case and surrounding spaces.
func ParseParty(s string) (Party, error) { return partyNames.parse(s) }

var errParty = &pdata.ParseError{What: "party", Rule: "party",
	Reason:   "unknown party: want subject, representative, authority or third_party",
	ReasonRU: "неизвестный вид заявителя"}

// mayAsk reports whether party p may send a request of kind k. Only the
// subject or a representative can withdraw a consent or demand that
// processing stop (152-FZ art. 9 part 2, art. 21 part 5.1); the authority
// asks for information, corrections, an end to unlawful processing and
// destruction (art. 20 part 4, art. 21 parts 1–3; policy 6.1.7–6.1.9); a
// third party only asks for data (policy 5.2).
func mayAsk(p Party, k Kind) bool {
	switch p {
	case BySubject, ByRepresentative:
		return k.Valid()
	case ByAuthority:
		return k == Access || k == Clarify || k == Unlawful || k == Destroy
	case ByThirdParty:
		return k == Access
	}
	return false
}

// Channel is how a request arrived.
type Channel uint8

// The channels a request may arrive by.
const (
	// InPerson: the subject or representative came to the office (обращение).
	InPerson Channel = iota + 1
	// Post: a paper letter (запрос на бумажном носителе).
	Post
	// Electronic: an electronic document; it must carry an electronic
	// signature (152-FZ art. 14 part 3; policy 6.1.4).
	Electronic
)

var channelNames = names[Channel]{unknown: "неизвестный способ", err: nil, info: []named{
	InPerson:   {"in_person", "личное обращение"},
	Post:       {"post", "почтовое отправление"},
	Electronic: {"electronic", "электронный документ"},
}}

// Valid reports whether c is a defined channel.
func (c Channel) Valid() bool { return c >= InPerson && c <= Electronic }

// String returns the machine name ("post").
func (c Channel) String() string { return channelNames.id(c) }

// Title returns the Russian name.
func (c Channel) Title() string { return channelNames.title(c) }

// Signature is how a request is signed.
type Signature uint8

// The ways a request may be signed.
const (
	// Unsigned: no signature (the request is incomplete, art. 14 part 3).
	Unsigned Signature = iota
	// Handwritten: signed by hand (собственноручная подпись).
	Handwritten
	// ElectronicSignature: signed with an electronic signature under federal
	// law (электронная подпись, 63-FZ).
	ElectronicSignature
)

// Title returns the Russian name.
func (s Signature) Title() string {
	switch s {
	case Unsigned:
		return "без подписи"
	case Handwritten:
		return "собственноручная подпись"
	case ElectronicSignature:
		return "электронная подпись"
	}
	return "неизвестная подпись"
}
