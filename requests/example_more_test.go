package requests_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/rickb777/date/v2"
)

// The term of each kind of request from the subject, with its basis.
// Policy 6.1.9 is stricter than 152-FZ art. 21 part 3, and both are cited.
func ExampleRuleFor() {
	for _, k := range requests.Kinds() {
		r, err := requests.RuleFor(k, requests.BySubject)
		if err != nil {
			fmt.Println(err)
			continue
		}
		unit := "working"
		if r.Calendar {
			unit = "calendar"
		}
		fmt.Printf("%-8s %2d %s days (+%d): %s\n", k, r.Days, unit, r.Extension, r.Basis)
	}
	_, err := requests.RuleFor(requests.Withdraw, requests.ByAuthority)
	fmt.Println(err != nil)
	// Output:
	// access   10 working days (+5): 152-ФЗ ст. 14 ч. 3; ст. 20 ч. 1; Положение п. 6.1.4, 7.1
	// clarify   7 working days (+0): 152-ФЗ ст. 20 ч. 3; ст. 21 ч. 2; Положение п. 6.1.7, 6.1.8
	// unlawful  3 working days (+0): 152-ФЗ ст. 21 ч. 3; Положение п. 6.1.9
	// destroy   7 working days (+0): 152-ФЗ ст. 20 ч. 3; Положение п. 7.1
	// withdraw 30 calendar days (+0): 152-ФЗ ст. 21 ч. 5
	// stop     10 working days (+5): 152-ФЗ ст. 21 ч. 5.1; Положение п. 7.1
	// true
}

// The access report holds the subject's own data and none of another
// subject's: an employee's family members are counted, never named
// (152-FZ art. 14 part 2, part 7; policy 5.1, 6.1.4).
func ExampleBuildAccessReport() {
	s := pdata.Subject{ID: "emp-1", Category: pdata.Employee, LastName: "Соколов", FirstName: "Денис", Patronymic: "Андреевич",
		Family: []pdata.FamilyMember{{Relation: "сын", LastName: "Соколов", FirstName: "Артём", BirthDate: date.New(2015, time.September, 9)}}}
	s.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataFamilyMembers)
	rep, err := requests.BuildAccessReport("7", &s, pdata.SampleOperator(), nil, requests.DefaultReportSettings(), date.New(2026, time.March, 3))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range rep.Data {
		fmt.Printf("%s: %s\n", d.Title, d.Value)
	}
	fmt.Println("names the son:", strings.Contains(rep.Text(), "Артём"))
	fmt.Println(rep.Basis)
	// Output:
	// фамилия, имя, отчество: Соколов Денис Андреевич
	// сведения о членах семьи: сведения о 1 члене семьи
	// names the son: false
	// 152-ФЗ ст. 14 ч. 2, 7; Положение п. 5.1, 6.1.4, 7.1
}

// An access request answered: the report goes to the subject and the
// transfer is written to the journal of disclosures (policy 5.3).
func ExampleService_Fulfil() {
	svc, _, out := exampleService()
	samara := pdata.SampleOperator().Zone()
	ctx := context.Background()
	_, err := svc.Register(ctx, requests.Actor{ID: "clerk", At: time.Date(2026, 3, 2, 10, 0, 0, 0, samara)},
		requests.NewRequest{ID: "18", Kind: requests.Access, SubjectID: "res-1", Received: time.Date(2026, 3, 2, 9, 0, 0, 0, samara),
			Channel: requests.InPerson, Signature: requests.Handwritten, Requester: requests.Requester{Party: requests.BySubject},
			Relationship: requests.Relationship{Account: "0012345"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := svc.Fulfil(ctx, requests.Actor{ID: "clerk", At: time.Date(2026, 3, 5, 11, 0, 0, 0, samara)}, "18", requests.Answer{})
	if err != nil {
		fmt.Println(err)
		return
	}
	answer := out.Sent()[len(out.Sent())-1]
	fmt.Println("status:", r.Status.Title())
	fmt.Println("notice:", answer.Title)
	fmt.Println("report for:", answer.Report.Addressee)
	// Output:
	// status: сведения предоставлены
	// notice: Сведения об обработке персональных данных
	// report for: Кузнецова Анна Петровна
}

// A motivated notice extends an access request's term once, by 5 working
// days (152-FZ art. 14 part 3). Received Monday 2 March 2026: 10 working days
// end on Tuesday the 17th (the 9th is a holiday); 15: Wed 18 (11), Thu 19
// (12), Fri 20 (13), Mon 23 (14), Tue 24 March (15).
func ExampleService_Extend() {
	svc, _, _ := exampleService()
	samara := pdata.SampleOperator().Zone()
	ctx := context.Background()
	r, err := svc.Register(ctx, requests.Actor{ID: "clerk", At: time.Date(2026, 3, 2, 10, 0, 0, 0, samara)},
		requests.NewRequest{ID: "19", Kind: requests.Access, SubjectID: "res-1", Received: time.Date(2026, 3, 2, 9, 0, 0, 0, samara),
			Channel: requests.InPerson, Signature: requests.Handwritten, Requester: requests.Requester{Party: requests.BySubject},
			Relationship: requests.Relationship{Account: "0012345"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Deadline.Date)
	r, err = svc.Extend(ctx, requests.Actor{ID: "clerk", At: time.Date(2026, 3, 16, 12, 0, 0, 0, samara)}, "19",
		"сведения запрошены из архива расчётного отдела")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Deadline.Date, r.Status.Title())
	_, err = svc.Extend(ctx, requests.Actor{ID: "clerk", At: time.Date(2026, 3, 17, 12, 0, 0, 0, samara)}, "19", "ещё раз")
	fmt.Println(err != nil)
	// Output:
	// 2026-03-17
	// 2026-03-24 срок продлён
	// true
}
