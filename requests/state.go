package requests

import (
	"errors"
	"fmt"
)

// ErrState marks an operation that the request's kind, party or status does
// not allow (a request already answered, an extension asked twice). Every
// such error is a *StateError.
var ErrState = errors.New("requests: operation not allowed in this state")

// StateError says why an operation is not allowed on a request, in English
// and in Russian. It matches ErrState with errors.Is.
type StateError struct {
	RequestID string // the request
	Op        Op     // the operation refused
	Kind      Kind   // the request's kind
	Party     Party  // who sent it
	Status    Status // its status
	Reason    string // why not, in English
	ReasonRU  string // why not, in Russian
}

// Error returns the English explanation.
func (e *StateError) Error() string {
	return fmt.Sprintf("requests: %s on %s (%s request from %s, status %s): %s",
		e.Op, e.RequestID, e.Kind, e.Party, e.Status, e.Reason)
}

// Russian returns the explanation for a staff member.
func (e *StateError) Russian() string {
	// The status titles agree with «запрос» (masculine): name the status
	// rather than make it an attribute of «обращение».
	return "Обращение № " + e.RequestID + " (состояние: «" + e.Status.Title() + "»): " + e.ReasonRU
}

// Unwrap makes errors.Is(err, ErrState) true.
func (e *StateError) Unwrap() error { return ErrState }

// Allowed reports whether op may be applied to r now, returning nil or a
// *StateError saying why not. It is the transition table of the service:
//
//	op                   kinds                         from status          to status
//	Extend               Access, Stop (not 3rd party)  Received             Extended
//	DocumentsArrived     Clarify                       Received             Received
//	Resolve              Access from a third party     Received             Received
//	Clarify              Clarify                       Received             Clarified
//	Remedy               Unlawful                      Received             Remedied
//	HandOver             Unlawful, Destroy, Withdraw   Received             AwaitingDestruction
//	ConfirmDestruction   Unlawful, Destroy, Withdraw   AwaitingDestruction  Destroyed
//	Refuse               every kind                    Received, Extended   Refused
//	Fulfil               Access, Stop, Withdraw        Received, Extended   Answered / Stopped
//
// A third party's request can be fulfilled only after the head's resolution
// (policy 5.2). Whether a refusal's reason fits the request is checked by
// RefusalReason.AppliesTo.
func Allowed(r Request, op Op) error {
	deny := func(en, ru string) error {
		return &StateError{RequestID: r.ID, Op: op, Kind: r.Kind, Party: r.Requester.Party, Status: r.Status, Reason: en, ReasonRU: ru}
	}
	received := r.Status == StatusReceived
	working := received || r.Status == StatusExtended
	switch op {
	case OpExtend:
		rule, err := RuleFor(r.Kind, r.Requester.Party)
		if err != nil || rule.Extension == 0 {
			return deny("the term of this request cannot be extended", "срок по этому обращению продлению не подлежит")
		}
		if r.Status == StatusExtended {
			return deny("the term was already extended once", "срок уже продлевался: продлить его можно только один раз")
		}
		if !received {
			return deny("the request is no longer in work", "обращение уже не находится в работе")
		}
	case OpDocuments:
		if r.Kind != Clarify {
			return deny("only a clarification has confirming documents", "подтверждающие документы принимаются только по требованию об уточнении")
		}
		if !received {
			return deny("the request is no longer in work", "обращение уже не находится в работе")
		}
	case OpResolve:
		if r.Requester.Party != ByThirdParty {
			return deny("only a third party's request needs the head's resolution", "резолюция руководителя требуется только на запрос сторонней организации")
		}
		if r.Resolution != nil {
			return deny("the head's resolution is already recorded", "резолюция руководителя уже внесена")
		}
		if !received {
			return deny("the request is no longer in work", "обращение уже не находится в работе")
		}
	case OpClarify:
		if r.Kind != Clarify {
			return deny("only a clarification request is clarified", "уточнение выполняется только по требованию об уточнении")
		}
		if !received {
			return deny("the request is no longer in work", "обращение уже не находится в работе")
		}
	case OpRemedy:
		if r.Kind != Unlawful {
			return deny("only unlawful processing is remedied", "устранение нарушений выполняется только по обращению о неправомерной обработке")
		}
		if !received {
			return deny("the request is no longer in work", "обращение уже не находится в работе")
		}
	case OpHandOver:
		if r.Kind != Unlawful && r.Kind != Destroy && r.Kind != Withdraw {
			return deny("this kind of request does not lead to destruction", "обращение этого вида не ведёт к уничтожению данных")
		}
		if !received {
			return deny("the request is no longer in work", "обращение уже не находится в работе")
		}
	case OpConfirmDestruction:
		if r.Status != StatusAwaitingDestruction {
			return deny("nothing was handed over for destruction", "данные по обращению не передавались на уничтожение")
		}
	case OpRefuse:
		if !working {
			return deny("the request is no longer in work", "обращение уже не находится в работе")
		}
	case OpFulfil:
		if r.Kind != Access && r.Kind != Stop && r.Kind != Withdraw {
			return deny("this kind of request is closed by clarify, remedy or destruction", "обращение этого вида исполняется уточнением, устранением нарушения или уничтожением данных")
		}
		if !working {
			return deny("the request is no longer in work", "обращение уже не находится в работе")
		}
		if r.Requester.Party == ByThirdParty && r.Resolution == nil {
			return deny("a third party's request needs the head's resolution before anything is disclosed (policy 5.2)",
				"до предоставления сведений сторонней организации нужна резолюция руководителя (п. 5.2 Положения)")
		}
	default:
		return deny("not an operation on a registered request", "операция не применяется к зарегистрированному обращению")
	}
	return nil
}
