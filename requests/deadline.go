package requests

import (
	"fmt"
	"strconv"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

// Rule is the legal term for one kind of request from one party: its length,
// whether it counts working or calendar days, how far a motivated notice may
// extend it, and the provisions it rests on.
type Rule struct {
	Kind  Kind  // the kind of request
	Party Party // who sends it
	// Days is the length of the term; 0 means that 152-FZ sets no term
	// (a third party's request, policy 5.2: the term comes from the law the
	// third party relies on).
	Days int
	// Calendar reports a term in calendar days. A calendar-day term that
	// ends on a day off is NOT moved to the next working day: the operator
	// controls the duty (to stop and destroy), so pdnkit applies the stricter
	// reading of Civil Code art. 193. Otherwise the term is in working days
	// of the production calendar.
	Calendar bool
	// Extension is the number of working days a motivated notice, sent
	// before the first deadline, may add; 0 when the term cannot be extended.
	Extension int
	// Basis cites the law and the policy clause.
	Basis pdata.Basis
	// Duty says in Russian what must be done by the deadline.
	Duty string
}

var (
	basisAccess    = pdata.Cite("152-ФЗ ст. 14 ч. 3; ст. 20 ч. 1", "6.1.4, 7.1")
	basisAuthority = pdata.Cite("152-ФЗ ст. 20 ч. 4", "")
	basisClarify   = pdata.Cite("152-ФЗ ст. 20 ч. 3; ст. 21 ч. 2", "6.1.7, 6.1.8")
	basisUnlawful  = pdata.Cite("152-ФЗ ст. 21 ч. 3", "6.1.9")
	basisDestroy   = pdata.Cite("152-ФЗ ст. 20 ч. 3", "7.1")
	basisWithdraw  = pdata.Cite("152-ФЗ ст. 21 ч. 5", "")
	basisStop      = pdata.Cite("152-ФЗ ст. 21 ч. 5.1", "7.1")
	basisThird     = pdata.Cite("", "5.2")
)

// RuleFor returns the term that applies to a request of kind k from party p:
//
//   - Access from the subject or a representative: 10 working days, +5 with a
//     motivated notice (152-FZ art. 14 part 3, art. 20 part 1; policy 6.1.4,
//     7.1).
//   - Access from the authority (Roskomnadzor): 10 working days, +5 with a
//     motivated notice to the authority (art. 20 part 4).
//   - Access from a third party: no term under 152-FZ (policy 5.2); Days is 0.
//   - Clarify: 7 working days from the documents confirming the inaccuracy
//     (art. 20 part 3, art. 21 part 2; policy 6.1.7, 6.1.8).
//   - Unlawful: 3 working days (policy 6.1.9). The law allows 3 working days
//     to stop the unlawful processing and 10 to destroy data that cannot be
//     made lawful (art. 21 part 3); the policy requires both within 3, and
//     the stricter rule wins. Both are cited.
//   - Destroy: 7 working days (art. 20 part 3; policy 7.1).
//   - Withdraw: 30 calendar days, not moved off a day off (art. 21 part 5;
//     see Rule.Calendar).
//   - Stop: 10 working days, +5 with a motivated notice (art. 21 part 5.1).
//
// Clarify, Unlawful and Destroy from the authority run the same terms as
// from the subject (policy 6.1.7–6.1.9 name the authority alongside the
// subject). A party that may not send kind k (only the subject or a
// representative withdraws a consent or demands a stop; a third party only
// asks for data) is an error wrapping ErrInvalid.
func RuleFor(k Kind, p Party) (Rule, error) {
	if !k.Valid() || !p.Valid() {
		return Rule{}, invalid("Kind", "kind", pdata.Cite("152-ФЗ ст. 14", "5.1"),
			"unknown request kind or party", "неизвестный вид обращения или заявителя")
	}
	if !mayAsk(p, k) {
		return Rule{}, invalid("Kind", "party_kind", pdata.Cite("152-ФЗ ст. 9 ч. 2; ст. 21 ч. 5, 5.1", "5.2"),
			fmt.Sprintf("a %s may not send a %s request", p, k),
			fmt.Sprintf("%s не может направить обращение вида «%s»", capitalise(p.Title()), k.Title()))
	}
	r := Rule{Kind: k, Party: p}
	switch {
	case k == Access && p == ByThirdParty:
		r.Basis, r.Duty = basisThird, "рассмотреть запрос при наличии полномочий или соглашения об информационном обмене и резолюции руководителя"
	case k == Access && p == ByAuthority:
		r.Days, r.Extension, r.Basis = 10, 5, basisAuthority
		r.Duty = "сообщить уполномоченному органу запрошенную информацию"
	case k == Access:
		r.Days, r.Extension, r.Basis = 10, 5, basisAccess
		r.Duty = "предоставить сведения, указанные в ч. 7 ст. 14 152-ФЗ, или дать мотивированный отказ"
	case k == Clarify:
		r.Days, r.Basis = 7, basisClarify
		r.Duty = "уточнить персональные данные и снять блокирование"
	case k == Unlawful:
		r.Days, r.Basis = 3, basisUnlawful
		r.Duty = "устранить нарушение, а при невозможности — уничтожить персональные данные"
	case k == Destroy:
		r.Days, r.Basis = 7, basisDestroy
		r.Duty = "уничтожить персональные данные"
	case k == Withdraw:
		r.Days, r.Calendar, r.Basis = 30, true, basisWithdraw
		r.Duty = "прекратить обработку и уничтожить персональные данные, если их хранение более не требуется"
	case k == Stop:
		r.Days, r.Extension, r.Basis = 10, 5, basisStop
		r.Duty = "прекратить обработку персональных данных"
	}
	return r, nil
}

// Deadline is the last day for doing what a request demands, with the
// provisions it rests on.
type Deadline struct {
	// Date is the last day of the term (включительно); date.Zero when no
	// term applies.
	Date date.Date `json:"date"`
	// From is the date the term runs from: the day of receipt, or for
	// Clarify the day the confirming documents arrived.
	From date.Date `json:"from"`
	// Days is the number of days counted, extension included.
	Days int `json:"days"`
	// Calendar reports calendar days rather than working days.
	Calendar bool `json:"calendar,omitempty"`
	// Extended reports that the term was extended by a motivated notice.
	Extended bool `json:"extended,omitempty"`
	// Basis cites the law and the policy clause.
	Basis pdata.Basis `json:"basis"`
}

// IsZero reports whether no term applies.
func (d Deadline) IsZero() bool { return d.Date == date.Zero }

// String renders the deadline in Russian: «до 10.03.2026 включительно
// (10 рабочих дней с 20.02.2026; 152-ФЗ ст. 14 ч. 3; ст. 20 ч. 1; Положение
// п. 6.1.4, 7.1)».
func (d Deadline) String() string {
	if d.IsZero() {
		s := "срок 152-ФЗ не установлен"
		if !d.Basis.IsZero() {
			s += " (" + d.Basis.String() + ")"
		}
		return s
	}
	unit := workdaysRU(d.Days)
	if d.Calendar {
		unit = strconv.Itoa(d.Days) + " " + pdata.PluralRU(d.Days, "календарный день", "календарных дня", "календарных дней")
	}
	s := "до " + ruDate(d.Date) + " включительно (" + unit
	if d.From != date.Zero {
		s += " с " + ruDate(d.From)
	}
	if d.Extended {
		s += ", с продлением"
	}
	if !d.Basis.IsZero() {
		s += "; " + d.Basis.String()
	}
	return s + ")"
}

// Due returns the last day for answering a request of kind k from the
// subject (or a representative) whose term runs from the date from: the day
// of receipt in the operator's time zone (pdata.Operator.DateOf), or for
// Clarify the day the confirming documents arrived. extended asks for the
// term extended by a motivated notice (Access and Stop only).
//
// Working-day terms count working days of cal strictly after from: a request
// received on Friday 20.02.2026 has 10 working days that start on Tuesday
// 24.02.2026 (Monday 23.02 is a holiday) and end on 10.03.2026. Withdraw's 30
// calendar days end on from+30 even on a day off (see Rule.Calendar).
//
// The terms are those of RuleFor(k, BySubject). For the authority's and a
// third party's requests use DueFor. A date outside the calendar's years is
// an error matching retention.ErrOutOfRange; an extension of a term that
// cannot be extended, a nil calendar or a zero date match ErrInvalid.
func Due(cal *retention.Calendar, k Kind, from date.Date, extended bool) (date.Date, error) {
	d, err := deadline(cal, k, BySubject, from, extended)
	return d.Date, err
}

// DueFor returns the current deadline of r with its basis: RuleFor(r.Kind,
// r.Requester.Party) counted from r.TermFrom(), extended when r.Extension is
// set. A third party's request has no 152-FZ term: its deadline is
// r.Requester.DueBy (the term the law it relies on sets, entered by staff)
// cited to r.Requester.LegalAuthority and policy 5.2, or the zero Deadline
// when DueBy is not set.
func DueFor(cal *retention.Calendar, r Request) (Deadline, error) {
	if r.Requester.Party == ByThirdParty && r.Kind == Access {
		d := Deadline{From: r.TermFrom(), Basis: pdata.Cite(r.Requester.LegalAuthority, "5.2")}
		if r.Requester.DueBy != date.Zero {
			d.Date = r.Requester.DueBy
			if r.Requester.DueBy > d.From {
				d.Days, d.Calendar = int(r.Requester.DueBy-d.From), true
			}
		}
		return d, nil
	}
	return deadline(cal, r.Kind, r.Requester.Party, r.TermFrom(), r.Extension != nil)
}

func deadline(cal *retention.Calendar, k Kind, p Party, from date.Date, extended bool) (Deadline, error) {
	rule, err := RuleFor(k, p)
	if err != nil {
		return Deadline{}, err
	}
	if from == date.Zero {
		return Deadline{}, invalid("From", "required", rule.Basis,
			"the date the term runs from is not set", "не указана дата, с которой исчисляется срок")
	}
	if extended && rule.Extension == 0 {
		return Deadline{}, invalid("Extended", "no_extension", rule.Basis,
			fmt.Sprintf("the term of a %s request cannot be extended", k),
			fmt.Sprintf("срок по обращению вида «%s» продлению не подлежит", k.Title()))
	}
	d := Deadline{From: from, Days: rule.Days, Calendar: rule.Calendar, Extended: extended, Basis: rule.Basis}
	if rule.Days == 0 {
		return d, nil
	}
	if rule.Calendar {
		d.Date = from + date.Date(rule.Days)
		return d, nil
	}
	if cal == nil {
		return Deadline{}, invalid("Calendar", "required", rule.Basis,
			"no production calendar: working days cannot be counted",
			"не задан производственный календарь: рабочие дни посчитать нельзя")
	}
	if extended {
		d.Days += rule.Extension
	}
	d.Date, err = cal.AddWorkdays(from, d.Days)
	if err != nil {
		return Deadline{}, fmt.Errorf("requests: deadline of a %s request from %s: %w", k, from, err)
	}
	return d, nil
}

func invalid(field, rule string, b pdata.Basis, en, ru string) error {
	var p pdata.Problems
	p.Add(field, rule, b, en, ru)
	return p.Err()
}

// ruDate renders a date as Russian documents do: 10.03.2026.
func ruDate(d date.Date) string { return retention.RussianDate(d) }

func workdaysRU(n int) string {
	return strconv.Itoa(n) + " " + pdata.PluralRU(n, "рабочий день", "рабочих дня", "рабочих дней")
}

func capitalise(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	if r[0] >= 'а' && r[0] <= 'я' {
		r[0] -= 'а' - 'А'
	}
	return string(r)
}
