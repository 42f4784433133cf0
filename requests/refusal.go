package requests

import (
	"github.com/pdnkit/pdnkit/pdata"
)

// RefusalReason is a typed ground for a motivated refusal (мотивированный
// отказ), each mapped to the provision it rests on. A refusal must be
// motivated (152-FZ art. 20 part 2): Service.Refuse takes the reason and the
// details of the case.
type RefusalReason uint8

// The grounds for refusing a request.
const (
	// RefuseIncomplete: the request still lacks the elements of art. 14
	// part 3 (identity document, relationship with the operator, signature,
	// a representative's authority) after the requester was told what was
	// missing; policy 6.1.4. Only for a request registered as incomplete,
	// and not for a withdrawal of consent (recorded in the consent register
	// on receipt: art. 9 part 2 lets the subject withdraw at any time) nor
	// for a report of unlawful processing (checked however it arrives:
	// art. 21 part 1; policy 6.1.7).
	RefuseIncomplete RefusalReason = iota + 1
	// RefuseRepeat: a repeat access request less than 30 days after the
	// first, answered in full, with no reasons given (art. 14 parts 4–6).
	// Only for a request flagged as a repeat; the operator bears the burden
	// of proof (art. 14 part 6).
	RefuseRepeat
	// RefuseOthersRights: access would breach the rights and lawful
	// interests of others (art. 14 part 8 item 4; policy 6.1.5).
	RefuseOthersRights
	// RefuseDefence: processing for defence, state security or law
	// enforcement (art. 14 part 8 item 1).
	RefuseDefence
	// RefuseCriminalProcedure: data processed by bodies that detained the
	// subject or brought charges, or in criminal proceedings (art. 14 part 8
	// item 2).
	RefuseCriminalProcedure
	// RefuseAML: processing under the anti-money-laundering and
	// counter-terrorist-financing law (art. 14 part 8 item 3).
	RefuseAML
	// RefuseTransportSecurity: processing for transport security (art. 14
	// part 8 item 5).
	RefuseTransportSecurity
	// RefuseNotConfirmed: the check did not confirm that the data are
	// inaccurate (art. 21 parts 1–2; policy 6.1.8). The block is lifted.
	RefuseNotConfirmed
	// RefuseLawful: the check found the processing lawful (art. 21 parts 1,
	// 3; policy 6.1.9). The block is lifted.
	RefuseLawful
	// RefuseOtherGround: the data are processed on a ground that does not
	// need consent and must be kept: a federal law (art. 6 part 1 items
	// 2–11; art. 21 parts 4, 5, 5.1), a statutory storage term (policy 9.1,
	// 3.6). For Destroy and Stop.
	RefuseOtherGround
	// RefuseNoAuthority: a third party has neither a legal authority nor an
	// information-exchange agreement, or the head refused (policy 5.2, 5.3).
	RefuseNoAuthority
)

var refusalNames = names[RefusalReason]{unknown: "неизвестное основание отказа", err: errRefusal, info: []named{
	RefuseIncomplete:        {"incomplete", "запрос не содержит сведений, предусмотренных ч. 3 ст. 14 152-ФЗ"},
	RefuseRepeat:            {"repeat", "повторный запрос ранее 30 дней после первоначального, на который сведения были предоставлены в полном объёме"},
	RefuseOthersRights:      {"others_rights", "доступ нарушает права и законные интересы третьих лиц"},
	RefuseDefence:           {"defence", "обработка в целях обороны страны, безопасности государства и охраны правопорядка"},
	RefuseCriminalProcedure: {"criminal_procedure", "обработка органами, осуществившими задержание или уголовное преследование"},
	RefuseAML:               {"aml", "обработка в соответствии с законодательством о противодействии легализации доходов и финансированию терроризма"},
	RefuseTransportSecurity: {"transport_security", "обработка в целях обеспечения транспортной безопасности"},
	RefuseNotConfirmed:      {"not_confirmed", "недостоверность персональных данных не подтверждена"},
	RefuseLawful:            {"lawful", "неправомерная обработка персональных данных не выявлена"},
	RefuseOtherGround:       {"other_ground", "обработка осуществляется на ином законном основании, не требующем согласия, либо установлен срок хранения"},
	RefuseNoAuthority:       {"no_authority", "у организации нет полномочий или соглашения об информационном обмене либо нет резолюции руководителя"},
}}

// refusalBasis is the provision each reason rests on.
var refusalBasis = [...]pdata.Basis{
	RefuseIncomplete:        pdata.Cite("152-ФЗ ст. 14 ч. 3", "6.1.4"),
	RefuseRepeat:            pdata.Cite("152-ФЗ ст. 14 ч. 4–6", ""),
	RefuseOthersRights:      pdata.Cite("152-ФЗ ст. 14 ч. 8 п. 4", "6.1.5"),
	RefuseDefence:           pdata.Cite("152-ФЗ ст. 14 ч. 8 п. 1", ""),
	RefuseCriminalProcedure: pdata.Cite("152-ФЗ ст. 14 ч. 8 п. 2", ""),
	RefuseAML:               pdata.Cite("152-ФЗ ст. 14 ч. 8 п. 3", ""),
	RefuseTransportSecurity: pdata.Cite("152-ФЗ ст. 14 ч. 8 п. 5", ""),
	RefuseNotConfirmed:      pdata.Cite("152-ФЗ ст. 21 ч. 1, 2", "6.1.8"),
	RefuseLawful:            pdata.Cite("152-ФЗ ст. 21 ч. 1, 3", "6.1.9"),
	RefuseOtherGround:       pdata.Cite("152-ФЗ ст. 6 ч. 1 п. 2–11; ст. 21 ч. 4, 5, 5.1", "9.1"),
	RefuseNoAuthority:       pdata.Cite("152-ФЗ ст. 7", "5.2, 5.3"),
}

// RefusalReasons lists every reason.
func RefusalReasons() []RefusalReason {
	out := make([]RefusalReason, 0, len(refusalNames.info)-1)
	for r := RefuseIncomplete; r <= RefuseNoAuthority; r++ {
		out = append(out, r)
	}
	return out
}

// Valid reports whether r is a defined reason.
func (r RefusalReason) Valid() bool { return r >= RefuseIncomplete && r <= RefuseNoAuthority }

// String returns the machine name ("others_rights").
func (r RefusalReason) String() string { return refusalNames.id(r) }

// Title returns the ground in Russian as a refusal states it.
func (r RefusalReason) Title() string { return refusalNames.title(r) }

// Basis returns the provision the refusal rests on.
func (r RefusalReason) Basis() pdata.Basis {
	if !r.Valid() {
		return pdata.Basis{}
	}
	return refusalBasis[r]
}

// MarshalText encodes the machine name.
func (r RefusalReason) MarshalText() ([]byte, error) { return refusalNames.marshal(r) }

// UnmarshalText decodes a machine name, ignoring case and surrounding
// spaces; an unknown name wraps ErrInvalid.
func (r *RefusalReason) UnmarshalText(b []byte) error { return refusalNames.unmarshal(r, b) }

var errRefusal = &pdata.ParseError{What: "refusal reason", Rule: "refusal",
	Reason: "unknown refusal reason", ReasonRU: "неизвестное основание отказа"}

// AppliesTo reports whether the reason can ground a refusal of req, and if
// not, why (in English and Russian). The grounds of art. 14 part 8 restrict
// the subject's own access; the authority's requests cannot be refused on
// them.
func (r RefusalReason) AppliesTo(req Request) (ok bool, why, whyRU string) {
	subj := req.Requester.Party == BySubject || req.Requester.Party == ByRepresentative
	switch r {
	case RefuseIncomplete:
		switch {
		case req.Kind == Withdraw:
			return false, "a withdrawal of consent takes effect on receipt (art. 9 part 2): it is not refused as incomplete",
				"отзыв согласия действует с момента получения (ч. 2 ст. 9 152-ФЗ): в нём не отказывают из-за неполноты сведений"
		case req.Kind == Unlawful:
			return false, "a report of unlawful processing is checked however it arrives (art. 21 part 1; policy 6.1.7)",
				"сообщение о неправомерной обработке проверяется независимо от полноты сведений (ч. 1 ст. 21 152-ФЗ; п. 6.1.7 Положения)"
		case subj && req.Incomplete():
			return true, "", ""
		}
		return false, "the request was registered complete", "запрос содержал все необходимые сведения"
	case RefuseRepeat:
		if req.Kind == Access && subj && req.RepeatOf != "" {
			return true, "", ""
		}
		return false, "the request is not a repeat access request within 30 days", "запрос не является повторным запросом ранее 30 дней"
	case RefuseOthersRights, RefuseDefence, RefuseCriminalProcedure, RefuseAML, RefuseTransportSecurity:
		if req.Kind == Access && subj {
			return true, "", ""
		}
		return false, "art. 14 part 8 restricts only the subject's access to their data", "ч. 8 ст. 14 152-ФЗ ограничивает только доступ субъекта к своим данным"
	case RefuseNotConfirmed:
		if req.Kind == Clarify {
			return true, "", ""
		}
		return false, "only a clarification can be found unconfirmed", "основание применяется только к требованию об уточнении"
	case RefuseLawful:
		if req.Kind == Unlawful {
			return true, "", ""
		}
		return false, "only a report of unlawful processing can be found unfounded", "основание применяется только к обращению о неправомерной обработке"
	case RefuseOtherGround:
		if req.Kind == Destroy || req.Kind == Stop {
			return true, "", ""
		}
		return false, "another legal ground answers only a demand to destroy or to stop", "основание применяется только к требованию об уничтожении или о прекращении обработки"
	case RefuseNoAuthority:
		if req.Requester.Party == ByThirdParty {
			return true, "", ""
		}
		return false, "only a third party's request lacks authority", "основание применяется только к запросу сторонней организации"
	}
	return false, "unknown refusal reason", "неизвестное основание отказа"
}
