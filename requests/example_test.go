package requests_test

import (
	"context"
	"fmt"
	"time"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/requests"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

// The deadline of an access request received on Friday 20 February 2026,
// before the Defender of the Fatherland Day holiday on Monday the 23rd.
func ExampleDue() {
	cal := retention.RussianCalendar()
	from := date.New(2026, time.February, 20)
	first, _ := requests.Due(cal, requests.Access, from, false)
	extended, _ := requests.Due(cal, requests.Access, from, true)
	withdraw, _ := requests.Due(cal, requests.Withdraw, date.New(2025, time.December, 2), false)
	fmt.Println("access:", first)
	fmt.Println("extended:", extended)
	fmt.Println("consent withdrawn on 2025-12-02:", withdraw, "(a holiday; not moved)")
	// Output:
	// access: 2026-03-10
	// extended: 2026-03-17
	// consent withdrawn on 2025-12-02: 2026-01-01 (a holiday; not moved)
}

// Every deadline carries its basis.
//
// Depends on the provisional 2027 calendar (retention.RussianCalendar().Provisional(2027)): re-check against the signed decree.
func ExampleDueFor() {
	r := requests.Request{Kind: requests.Unlawful, Requester: requests.Requester{Party: requests.ByAuthority},
		ReceivedOn: date.New(2026, time.December, 29)}
	d, _ := requests.DueFor(retention.RussianCalendar(), r)
	fmt.Println(d)
	// Output:
	// до 12.01.2027 включительно (3 рабочих дня с 29.12.2026; 152-ФЗ ст. 21 ч. 3; Положение п. 6.1.9)
}

// What a request lacks, in Russian for the reply to the requester.
func ExampleCheckIntake() {
	in := requests.NewRequest{
		Kind: requests.Access, Channel: requests.Electronic, Signature: requests.Handwritten,
		Requester:    requests.Requester{Party: requests.BySubject},
		Relationship: requests.Relationship{Account: "0012345"},
	}
	for _, m := range requests.CheckIntake(in, date.New(2026, time.March, 2)) {
		fmt.Printf("%s: %s\n", m.Rule, m.MessageRU)
	}
	// Output:
	// identity: не указаны номер основного документа, удостоверяющего личность субъекта, дата его выдачи и выдавший орган
	// electronic_signature: запрос в форме электронного документа должен быть подписан электронной подписью
}

func exampleService() (*requests.Service, *requests.MemoryDirectory, *requests.Outbox) {
	snils, _ := pdata.ParseSNILS("112-233-445 95")
	subject := pdata.Subject{ID: "res-1", Category: pdata.Resident, LastName: "Кузнецова", FirstName: "Анна", Patronymic: "Петровна", SNILS: snils}
	subject.SetSource(pdata.FromSubject, pdata.DataFullName, pdata.DataSNILS)
	dir := requests.NewMemoryDirectory(subject)
	out := &requests.Outbox{}
	svc, err := requests.New(requests.Config{
		Operator: pdata.SampleOperator(),
		Store:    requests.NewMemoryStore(), Journal: requests.NewMemoryJournal(), Audit: requests.NewMemoryAuditLog(),
		Directory: dir, Notifier: out, Destroyer: &requests.SelectionQueue{},
		Access: requests.StaffList{Members: []requests.StaffMember{{ID: "clerk"}}},
	})
	if err != nil {
		panic(err)
	}
	return svc, dir, out
}

// An unsigned clarification request is registered all the same, the data
// are blocked at once, and the requester is told what is missing.
func ExampleService_Register() {
	svc, dir, out := exampleService()
	samara := pdata.SampleOperator().Zone()
	r, err := svc.Register(context.Background(), requests.Actor{ID: "clerk", At: time.Date(2026, 3, 2, 10, 0, 0, 0, samara)},
		requests.NewRequest{
			ID: "17", Kind: requests.Clarify, SubjectID: "res-1", Received: time.Date(2026, 3, 2, 9, 0, 0, 0, samara),
			Channel: requests.Post, Signature: requests.Unsigned,
			Requester:    requests.Requester{Party: requests.BySubject},
			Relationship: requests.Relationship{Account: "0012345"},
		})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("status:", r.Status.Title())
	fmt.Println("deadline:", r.Deadline.Date)
	fmt.Println("blocked:", dir.Blocked("res-1"))
	fmt.Println("missing:", len(r.Missing))
	fmt.Println("notice:", out.Sent()[0].Title)
	// Output:
	// status: принят к исполнению
	// deadline: 2026-03-12
	// blocked: true
	// missing: 2
	// notice: О недостающих сведениях в запросе
}

// Staff not on the access list get ErrForbidden, and the attempt is logged.
func ExampleService_Get() {
	svc, _, _ := exampleService()
	_, err := svc.Get(context.Background(), requests.Actor{ID: "visitor", At: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}, "17")
	fmt.Println(err)
	// Output:
	// requests: read by "visitor" refused: not on the access list approved by the head (policy 3.8, 4.3)
}

// A dashboard of overdue requests. Received on Monday 2 March 2026: the
// unlawful-processing report was due on Thursday the 5th (3 working days),
// the access request and the demand to stop on Tuesday the 17th (10 working
// days; Monday the 9th is a holiday).
func ExampleService_Overdue() {
	svc, _, _ := exampleService()
	samara := pdata.SampleOperator().Zone()
	for i, k := range []requests.Kind{requests.Access, requests.Unlawful, requests.Stop} {
		_, _ = svc.Register(context.Background(), requests.Actor{ID: "clerk", At: time.Date(2026, 3, 2, 10, 0, 0, 0, samara)},
			requests.NewRequest{ID: fmt.Sprint(i + 1), Kind: k, SubjectID: "res-1", Received: time.Date(2026, 3, 2, 9, 0, 0, 0, samara),
				Channel: requests.InPerson, Signature: requests.Handwritten, Requester: requests.Requester{Party: requests.BySubject}})
	}
	for s, err := range svc.Overdue(context.Background(), date.New(2026, time.March, 18)) {
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(s.ID, s.Kind, "due", s.Deadline.Date)
	}
	// Output:
	// 1 access due 2026-03-17
	// 2 unlawful due 2026-03-05
	// 3 stop due 2026-03-17
}

// Data handed to the destruction commission go as items with their ground.
func ExampleService_HandOver() {
	svc, _, _ := exampleService()
	ctx := context.Background()
	samara := pdata.SampleOperator().Zone()
	clerk := func(d, h int) requests.Actor {
		return requests.Actor{ID: "clerk", At: time.Date(2026, 3, d, h, 0, 0, 0, samara)}
	}
	_, _ = svc.Register(ctx, clerk(2, 10), requests.NewRequest{ID: "21", Kind: requests.Destroy, SubjectID: "res-1",
		Received: time.Date(2026, 3, 2, 9, 0, 0, 0, samara), Channel: requests.InPerson, Signature: requests.Handwritten,
		Requester: requests.Requester{Party: requests.BySubject}})
	r, err := svc.HandOver(ctx, clerk(3, 10), "21", []destruction.Item{{RecordID: "crm/res-1/snils",
		Categories: pdata.SetOf(pdata.DataSNILS), Medium: destruction.DBRecords("ИС «Жилищный учёт»", 1)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Status.Title(), "—", r.Handover.Ground.Title())
	fmt.Println(r.Handover.Basis)
	// Output:
	// передан на уничтожение — требование субъекта персональных данных
	// 152-ФЗ ст. 14 ч. 1; 152-ФЗ ст. 20 ч. 3; Положение п. 7.1
}
