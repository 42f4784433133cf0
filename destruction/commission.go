package destruction

import (
	"fmt"
	"strings"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Citations used by the rules of this package.
var (
	basisCommission  = pdata.Cite("152-ФЗ ст. 21 ч. 7", "9.2")
	basisSelection   = pdata.Cite("152-ФЗ ст. 21 ч. 7", "9.4")
	basisNotYetDue   = pdata.Cite("152-ФЗ ст. 5 ч. 7", "9.1")
	basisMethod      = pdata.Cite("152-ФЗ ст. 3 п. 8", "9.11")
	basisCheck       = pdata.Cite("", "9.7")
	basisSigning     = pdata.Cite("", "9.8")
	basisMediaSealed = pdata.Cite("", "9.9")
	basisPresence    = pdata.Cite("", "9.10")
	basisDeadline    = pdata.Cite("152-ФЗ ст. 21 ч. 4", "9.3")
	basisNoCorrect   = pdata.Cite("", "9.6")
	basisActFields   = pdata.Cite("Приказ РКН № 179 п. 3", "9.13")
	basisOperator    = pdata.Cite("Приказ РКН № 179 п. 3 «а»", "")
	basisProcessor   = pdata.Cite("Приказ РКН № 179 п. 3 «б»", "")
	basisSubjects    = pdata.Cite("Приказ РКН № 179 п. 3 «в»", "")
	basisCategories  = pdata.Cite("Приказ РКН № 179 п. 3 «д»", "")
	basisMedia       = pdata.Cite("Приказ РКН № 179 п. 3 «е», «ж»", "9.13")
	basisGround      = pdata.Cite("Приказ РКН № 179 п. 3 «и»", "9.4")
	basisKeeping     = pdata.Cite("Приказ РКН № 179 п. 8", "9.14")
	basisApproval    = pdata.Cite("", "9.8, 9.12")
)

// instrumental renders the order after «назначена»: «приказом от
// 10.01.2025 № 12-од».
func (o Order) instrumental() string {
	return "приказом от " + formatDate(o.Date) + " № " + o.Number
}

// Order is the operator's order (приказ) that appoints the commission
// (policy 9.2).
type Order struct {
	// Number is the order's number as registered ("12-од").
	Number string `json:"number"`
	// Date is the date the order was signed.
	Date date.Date `json:"date"`
}

// String renders the order as printed in acts: «приказ от 10.01.2025 № 12-од».
func (o Order) String() string {
	return "приказ от " + formatDate(o.Date) + " № " + o.Number
}

// Commission is the commission for the destruction of personal data
// (комиссия по уничтожению персональных данных) appointed by the operator's
// order (policy 9.2). It selects the media (9.4), checks them (9.7), signs
// the acts (9.8, 9.12) and is present, every member, when the media are
// destroyed (9.10). Its members are named in documents by position and
// «Фамилия И. О.» (9.13).
//
// A commission does not change: a new order appoints a new Commission with
// a new ID. Acts carry a copy of the commission they were drawn up by.
type Commission struct {
	// ID is the host's key for the commission.
	ID string `json:"id"`
	// Order is the order that appointed it.
	Order Order `json:"order"`
	// Chair is the chair (председатель). The chair seals the selected media
	// (9.9) and signs first.
	Chair pdata.Official `json:"chair"`
	// Members are the other members (члены комиссии), not repeating the chair.
	Members []pdata.Official `json:"members"`
}

// All returns the chair followed by the members: everyone who must sign
// (9.8) and be present at the destruction (9.10).
func (c Commission) All() []pdata.Official {
	out := make([]pdata.Official, 0, 1+len(c.Members))
	out = append(out, c.Chair)
	return append(out, c.Members...)
}

// Has reports whether o is the chair or a member. People are matched on
// position and full name, ignoring surrounding spaces.
func (c Commission) Has(o pdata.Official) bool {
	for _, m := range c.All() {
		if sameOfficial(m, o) {
			return true
		}
	}
	return false
}

func sameOfficial(a, b pdata.Official) bool {
	t := strings.TrimSpace
	return t(a.Position) == t(b.Position) && t(a.LastName) == t(b.LastName) &&
		t(a.FirstName) == t(b.FirstName) && t(a.Patronymic) == t(b.Patronymic)
}

// clone returns a deep copy.
func (c Commission) clone() Commission {
	c.Members = append([]pdata.Official(nil), c.Members...)
	return c
}

// Validate checks the commission (policy 9.2): an ID, the appointing
// order's number and date, a chair and at least one other member (a
// commission is more than one person), each with a position, surname and
// first name, and nobody named twice. All problems come at once as a
// *pdata.ValidationError.
func (c Commission) Validate() error {
	var p pdata.Problems
	c.validate(&p, "")
	return p.Err()
}

func (c Commission) validate(p *pdata.Problems, prefix string) {
	f := func(name string) string { return prefix + name }
	if strings.TrimSpace(c.ID) == "" {
		p.Add(f("ID"), "required", basisCommission, "the commission needs an ID", "У комиссии нет идентификатора")
	}
	if strings.TrimSpace(c.Order.Number) == "" {
		p.Add(f("Order.Number"), "required", basisCommission,
			"the number of the order appointing the commission is missing",
			"Не указан номер приказа о создании комиссии")
	}
	if c.Order.Date == date.Zero {
		p.Add(f("Order.Date"), "required", basisCommission,
			"the date of the order appointing the commission is missing",
			"Не указана дата приказа о создании комиссии")
	}
	validateOfficial(p, f("Chair"), c.Chair, "председатель комиссии")
	if len(c.Members) == 0 {
		p.Add(f("Members"), "commission_too_small", basisCommission,
			"the commission needs at least one member besides the chair",
			"В комиссии должен быть хотя бы один член, кроме председателя")
	}
	all := c.All()
	for i, m := range c.Members {
		validateOfficial(p, fmt.Sprintf("%sMembers[%d]", prefix, i), m, "член комиссии")
		for _, earlier := range all[:i+1] {
			if sameOfficial(earlier, m) {
				p.Add(fmt.Sprintf("%sMembers[%d]", prefix, i), "duplicate_member", basisCommission,
					"this person is already on the commission",
					"Этот человек уже включён в комиссию")
				break
			}
		}
	}
}

func validateOfficial(p *pdata.Problems, field string, o pdata.Official, roleRU string) {
	if strings.TrimSpace(o.Position) == "" {
		p.Add(field+".Position", "required", basisActFields, "the position is missing",
			"Не указана должность: "+roleRU)
	}
	if strings.TrimSpace(o.LastName) == "" {
		p.Add(field+".LastName", "required", basisActFields, "the surname is missing",
			"Не указана фамилия: "+roleRU)
	}
	if strings.TrimSpace(o.FirstName) == "" {
		p.Add(field+".FirstName", "required", basisActFields, "the first name is missing",
			"Не указано имя: "+roleRU)
	}
}
