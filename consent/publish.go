package consent

import (
	"fmt"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

// Workdays is the working-day arithmetic PublishBy needs. The production
// calendar of package retention implements it (retention.RussianCalendar());
// package consent does not import retention, so a host passes it in.
type Workdays interface {
	// AddWorkdays returns the n-th working day strictly after from.
	AddWorkdays(from date.Date, n int) (date.Date, error)
}

// PublishWithinWorkdays is the term of 152-FZ art. 10.1 part 10: the
// operator publishes the conditions of processing, and whether the subject
// set prohibitions and conditions, within 3 working days of receiving a
// Distribution consent.
const PublishWithinWorkdays = 3

var basisPublish = pdata.Cite("152-ФЗ ст. 10.1 ч. 10", "")

// Publication is the duty of 152-FZ art. 10.1 part 10 that a Distribution
// consent starts: by Due the operator must make public the conditions of
// processing the data the subject permitted for distribution and whether
// the subject set prohibitions or conditions on their processing by the
// public (ст. 10.1 ч. 9).
type Publication struct {
	// ConsentID is the Distribution consent.
	ConsentID string `json:"consent_id"`
	// Received is the day the operator received the consent.
	Received date.Date `json:"received"`
	// Due is the last day to publish: the third working day after Received
	// (the term starts the day after receipt, Civil Code art. 191).
	Due date.Date `json:"due"`
	// Restricted reports that the subject set at least one prohibition or
	// condition; the publication must say so (art. 10.1 part 10).
	Restricted bool `json:"restricted"`
	// Basis cites the provision.
	Basis pdata.Basis `json:"basis"`
}

// PublishBy returns the art. 10.1 part 10 duty that Distribution consent c
// starts, received by the operator on received (the day it arrived, in the
// operator's time zone: for a consent signed in the office, c.Given). cal
// counts the working days; pass retention.RussianCalendar().
//
// A consent of another kind, a zero received day, a received day before
// c.Given or a nil calendar is an error wrapping ErrInvalid, in English and
// Russian; a day the calendar does not cover is the calendar's error.
func PublishBy(c Consent, received date.Date, cal Workdays) (Publication, error) {
	var p pdata.Problems
	if c.Kind != Distribution {
		p.Add("Kind", "distribution", basisPublish,
			"only a Distribution consent starts the duty to publish its conditions, not a "+c.Kind.String()+" consent",
			"обязанность опубликовать условия обработки возникает только по согласию на распространение")
	}
	switch {
	case received == date.Zero:
		p.Add("Received", "required", basisPublish,
			"the day the consent was received is required",
			"не указана дата получения согласия")
	case c.Given != date.Zero && received < c.Given:
		p.Add("Received", "after_given", basisPublish,
			fmt.Sprintf("the consent was received on %s, before it was given on %s", received, c.Given),
			fmt.Sprintf("дата получения согласия %s раньше даты его подписания %s", received.Format("02.01.2006"), c.Given.Format("02.01.2006")))
	}
	if cal == nil {
		p.Add("Calendar", "required", basisPublish,
			"a production calendar is required to count working days",
			"не задан производственный календарь для подсчёта рабочих дней")
	}
	if err := p.Err(); err != nil {
		return Publication{}, err
	}
	due, err := cal.AddWorkdays(received, PublishWithinWorkdays)
	if err != nil {
		return Publication{}, fmt.Errorf("consent: the art. 10.1 part 10 term of %s: %w", c.ID, err)
	}
	return Publication{ConsentID: c.ID, Received: received, Due: due, Restricted: restricted(c.Distribution), Basis: basisPublish}, nil
}

// restricted reports whether any category carries a prohibition or a
// condition.
func restricted(d *DistributionTerms) bool {
	if d == nil {
		return false
	}
	for _, it := range d.Items {
		if trimSpace(it.Conditions) != "" || trimSpace(it.Prohibitions) != "" {
			return true
		}
	}
	return false
}
