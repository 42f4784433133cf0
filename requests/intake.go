package requests

import (
	"strings"
	"unicode/utf8"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

var (
	basisIntake         = pdata.Cite("152-ФЗ ст. 14 ч. 3", "6.1.4")
	basisRepresentative = pdata.Cite("152-ФЗ ст. 14 ч. 3; ГК РФ ст. 185, 186", "5.1, 6.1.4")
	basisElectronic     = pdata.Cite("152-ФЗ ст. 14 ч. 3; 63-ФЗ ст. 6", "6.1.4")
	basisThirdParty     = pdata.Cite("152-ФЗ ст. 7", "5.2")
	basisWritten        = pdata.Cite("152-ФЗ ст. 7", "5.3")
	basisAuthorityLtr   = pdata.Cite("152-ФЗ ст. 20 ч. 4", "")
)

// maxIDLen bounds IDs so that a runaway value is refused rather than stored.
const maxIDLen = 200

// CheckIntake returns the elements a request lacks, each as a FieldError
// with its rule, its basis and a Russian text fit for the reply to the
// requester; nil means the request is complete. A request that lacks
// something is still registered (Service.Register never drops it) and the
// term runs all the same; the requester is told what is missing.
//
// From the subject or a representative (152-FZ art. 14 part 3; policy
// 6.1.4):
//   - the identity document of the subject or the representative: its
//     number, issue date and issuer ("identity", "identity_number",
//     "identity_issue_date", "identity_issuer");
//   - information confirming the relationship with the operator: the
//     management contract's number and date, the personal account, or other
//     details ("relationship", "relationship_contract_date");
//   - a handwritten signature, or an electronic signature for an electronic
//     request ("signature", "electronic_signature");
//   - for a representative, the name and the power of attorney with its
//     number and date, still valid on the day of receipt
//     ("representative_name", "power_of_attorney", "power_of_attorney_expired").
//
// From the authority: the letter's number and date ("letter").
//
// From a third party (policy 5.2, 5.3): the organisation's name, a written
// request ("letter"), and a legal authority or an information-exchange
// agreement with a non-disclosure clause ("legal_ground",
// "agreement_non_disclosure"). The head's resolution is not an intake
// element: it is given later (Service.Resolve) and needed before anything
// is disclosed.
//
// A request that does not say who sent it (Requester.Party unknown, as in
// the zero NewRequest) or what it asks (Kind unknown) lacks that first
// ("party", "kind"): which other elements it needs depends on them, so they
// are listed once the party is known. An empty request is never complete.
//
// on is the day of receipt in the operator's time zone; it decides whether a
// power of attorney was still valid.
func CheckIntake(in NewRequest, on date.Date) []pdata.FieldError {
	var p pdata.Problems
	if !in.Kind.Valid() {
		p.Add("Kind", "kind", basisIntake,
			"the request does not say what is asked (access, clarification, destruction…)",
			"не указано, о чём обращение (запрос сведений, уточнение, уничтожение данных и т. п.)")
	}
	switch in.Requester.Party {
	case BySubject, ByRepresentative:
		checkIdentity(&p, in)
		checkRelationship(&p, in.Relationship)
		checkSignature(&p, in)
		if in.Requester.Party == ByRepresentative {
			checkRepresentative(&p, in, on)
		}
	case ByAuthority:
		if in.Requester.Letter.Number == "" || in.Requester.Letter.Date == date.Zero {
			p.Add("Requester.Letter", "letter", basisAuthorityLtr,
				"the authority's letter number and date are not recorded",
				"не указаны номер и дата запроса уполномоченного органа")
		}
	case ByThirdParty:
		if strings.TrimSpace(in.Requester.Name) == "" {
			p.Add("Requester.Name", "organisation_name", basisThirdParty,
				"the organisation's name is missing", "не указано наименование организации")
		}
		if in.Requester.Letter.Number == "" || in.Requester.Letter.Date == date.Zero {
			p.Add("Requester.Letter", "letter", basisWritten,
				"a third party must ask in writing: the letter's number and date are missing",
				"сторонняя организация должна направить письменный запрос: не указаны его номер и дата")
		}
		ag := in.Requester.Agreement
		if strings.TrimSpace(in.Requester.LegalAuthority) == "" && ag == nil {
			p.Add("Requester.LegalAuthority", "legal_ground", basisThirdParty,
				"neither a legal authority nor an information-exchange agreement is given",
				"не указаны ни полномочия организации по закону, ни соглашение (договор) об информационном обмене")
		}
		if ag != nil && !ag.NonDisclosure {
			p.Add("Requester.Agreement.NonDisclosure", "agreement_non_disclosure", basisThirdParty,
				"the information-exchange agreement has no non-disclosure clause",
				"соглашение об информационном обмене не содержит условия о неразглашении персональных данных")
		}
		if ag != nil && (ag.Number == "" || ag.Date == date.Zero) {
			p.Add("Requester.Agreement", "agreement", basisThirdParty,
				"the information-exchange agreement's number and date are missing",
				"не указаны номер и дата соглашения об информационном обмене")
		}
	default:
		p.Add("Requester.Party", "party", basisIntake,
			"the request does not say who sent it (the subject, a representative, the authority or an organisation)",
			"не указано, кто направил обращение (субъект персональных данных, его представитель, уполномоченный орган или организация)")
	}
	if err := p.Err(); err != nil {
		return err.(*pdata.ValidationError).Errors
	}
	return nil
}

func checkIdentity(p *pdata.Problems, in NewRequest) {
	whose, whoseRU := "the subject's", "субъекта"
	if in.Requester.Party == ByRepresentative {
		whose, whoseRU = "the representative's", "представителя"
	}
	id := in.Requester.Identity
	if id == nil {
		p.Add("Requester.Identity", "identity", basisIntake,
			"the number, issue date and issuer of "+whose+" identity document are missing",
			"не указаны номер основного документа, удостоверяющего личность "+whoseRU+", дата его выдачи и выдавший орган")
		return
	}
	if id.IsZero() {
		p.Add("Requester.Identity.Number", "identity_number", basisIntake,
			"the number of "+whose+" identity document is missing",
			"не указан номер основного документа, удостоверяющего личность "+whoseRU)
	}
	if id.IssueDate == date.Zero {
		p.Add("Requester.Identity.IssueDate", "identity_issue_date", basisIntake,
			"the issue date of "+whose+" identity document is missing",
			"не указана дата выдачи документа, удостоверяющего личность "+whoseRU)
	}
	if strings.TrimSpace(id.Issuer) == "" {
		p.Add("Requester.Identity.Issuer", "identity_issuer", basisIntake,
			"the issuer of "+whose+" identity document is missing",
			"не указан орган, выдавший документ, удостоверяющий личность "+whoseRU)
	}
}

func checkRelationship(p *pdata.Problems, r Relationship) {
	switch {
	case r.Contract != "" && r.ContractDate == date.Zero && r.Account == "" && r.Other == "":
		p.Add("Relationship.ContractDate", "relationship_contract_date", basisIntake,
			"the contract's date is missing", "не указана дата договора с оператором")
	case r.Contract == "" && r.Account == "" && r.Other == "":
		p.Add("Relationship", "relationship", basisIntake,
			"nothing confirms the relationship with the operator (contract number and date, personal account)",
			"нет сведений, подтверждающих участие в отношениях с оператором (номер и дата договора, номер лицевого счёта)")
	}
}

func checkSignature(p *pdata.Problems, in NewRequest) {
	switch {
	case in.Signature == Unsigned:
		p.Add("Signature", "signature", basisIntake,
			"the request is not signed", "запрос не подписан субъектом или его представителем")
	case in.Channel == Electronic && in.Signature != ElectronicSignature:
		p.Add("Signature", "electronic_signature", basisElectronic,
			"an electronic request must be signed with an electronic signature",
			"запрос в форме электронного документа должен быть подписан электронной подписью")
	}
}

func checkRepresentative(p *pdata.Problems, in NewRequest, on date.Date) {
	if strings.TrimSpace(in.Requester.Name) == "" {
		p.Add("Requester.Name", "representative_name", basisRepresentative,
			"the representative's name is missing", "не указаны фамилия, имя, отчество представителя")
	}
	poa := in.Requester.PowerOfAttorney
	switch {
	case poa == nil || poa.Number == "" || poa.Date == date.Zero:
		p.Add("Requester.PowerOfAttorney", "power_of_attorney", basisRepresentative,
			"the power of attorney (number and date) is missing",
			"не приложена доверенность или иной документ, подтверждающий полномочия представителя (номер и дата)")
	default:
		until := poa.ValidUntil
		if until == date.Zero {
			// Civil Code art. 186 p. 1: one year from the date of issue when
			// no term is stated; art. 192 p. 3: it ends on the same date.
			until = retention.AddYears(poa.Date, 1)
		}
		if on != date.Zero && on > until {
			p.Add("Requester.PowerOfAttorney.ValidUntil", "power_of_attorney_expired", basisRepresentative,
				"the power of attorney had expired when the request was received",
				"срок действия доверенности истёк на дату получения запроса")
		}
	}
}

// validateNew checks what Register cannot do without: these are the
// caller's errors, not the requester's, and nothing is stored.
func validateNew(in NewRequest) error {
	var p pdata.Problems
	b := pdata.Cite("152-ФЗ ст. 14, 20, 21", "5.1")
	if strings.TrimSpace(in.ID) == "" || len(in.ID) > maxIDLen || !utf8.ValidString(in.ID) {
		p.Add("ID", "required", b, "the registration number is missing or longer than 200 bytes",
			"не указан регистрационный номер обращения (или он длиннее 200 символов)")
	}
	if !in.Kind.Valid() {
		p.Add("Kind", "kind", b, "unknown request kind", "неизвестный вид обращения")
	}
	if !in.Requester.Party.Valid() {
		p.Add("Requester.Party", "party", b, "unknown party", "неизвестный вид заявителя")
	} else if in.Kind.Valid() && !mayAsk(in.Requester.Party, in.Kind) {
		p.Add("Kind", "party_kind", pdata.Cite("152-ФЗ ст. 9 ч. 2; ст. 21 ч. 5, 5.1", "5.2"),
			"a "+in.Requester.Party.String()+" may not send a "+in.Kind.String()+" request",
			capitalise(in.Requester.Party.Title())+" не может направить обращение вида «"+in.Kind.Title()+"»")
	}
	if strings.TrimSpace(in.SubjectID) == "" || len(in.SubjectID) > maxIDLen {
		p.Add("SubjectID", "required", b, "the subject the request is about is not identified",
			"не указан субъект, к данным которого относится обращение")
	}
	if in.Received.IsZero() {
		p.Add("Received", "required", b, "the moment of receipt is missing", "не указан момент получения обращения")
	}
	if !in.Channel.Valid() {
		p.Add("Channel", "channel", b, "unknown channel", "неизвестный способ поступления обращения")
	}
	if in.Signature > ElectronicSignature {
		p.Add("Signature", "signature_kind", b, "unknown kind of signature", "неизвестный вид подписи")
	}
	if in.ConsentID != "" && in.Kind != Withdraw {
		p.Add("ConsentID", "consent_kind", basisWithdraw,
			"only a withdrawal names a consent", "номер согласия указывается только при отзыве согласия")
	}
	var poaIssuer string
	if in.Requester.PowerOfAttorney != nil {
		poaIssuer = in.Requester.PowerOfAttorney.IssuedBy
	}
	checkFreeText(&p,
		freeText{"Matter", "суть обращения", in.Matter},
		freeText{"RepeatReason", "причины повторного запроса", in.RepeatReason},
		freeText{"Requester.Name", "заявитель (Ф.И.О. представителя, наименование органа или организации)", in.Requester.Name},
		freeText{"Requester.LegalAuthority", "полномочия организации по закону", in.Requester.LegalAuthority},
		freeText{"Requester.PowerOfAttorney.IssuedBy", "кем удостоверена доверенность", poaIssuer})
	if in.DocumentsReceived != date.Zero && in.Kind != Clarify {
		p.Add("DocumentsReceived", "documents_kind", basisClarify,
			"only a clarification has confirming documents that start its term",
			"дата поступления подтверждающих документов указывается только для требования об уточнении")
	}
	return p.Err()
}
