package consent_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/pdnkit/pdnkit/consent"
	"github.com/rickb777/date/v2"
)

func BenchmarkValidate(b *testing.B) {
	c := withRepresentative()
	b.ReportAllocs()
	for b.Loop() {
		if err := consent.Validate(c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateDistribution(b *testing.B) {
	c := distribution()
	b.ReportAllocs()
	for b.Loop() {
		if err := consent.Validate(c); err != nil {
			b.Fatal(err)
		}
	}
}

// twenty returns 20 consents of one subject: the one that covers storeOp is
// last, so Decide looks at every other first: withdrawn, expired, for other
// purposes, of other kinds.
func twenty() []consent.Consent {
	var list []consent.Consent
	for i := range 19 {
		var c consent.Consent
		switch i % 4 {
		case 0:
			c = processing()
			c.Withdrawn = &consent.Withdrawal{Date: date.New(2025, 10, 15)}
		case 1:
			c = processing()
			c.Purposes = []string{fmt.Sprintf("цель обработки № %d, не связанная с управлением домом", i)}
		case 2:
			c = distribution()
		case 3:
			c = transfer()
		}
		c.ID = fmt.Sprintf("C-%02d", i)
		list = append(list, c)
	}
	last := processing()
	last.ID = "C-19"
	return append(list, last)
}

func BenchmarkDecide(b *testing.B) {
	list := twenty()
	op := storeOp(at(2025, 11, 2, 12, 0))
	r := samaraRules()
	b.ReportAllocs()
	for b.Loop() {
		d, err := consent.Decide(list, op, r)
		if err != nil || !d.Allowed || d.Grounds[0].ConsentID != "C-19" {
			b.Fatalf("%v %v", d, err)
		}
	}
}

// BenchmarkDecideRefused measures the slower path that explains a refusal.
func BenchmarkDecideRefused(b *testing.B) {
	list := twenty()
	op := storeOp(at(2025, 11, 2, 12, 0))
	op.Purpose = "рассылка рекламы"
	r := samaraRules()
	b.ReportAllocs()
	for b.Loop() {
		d, err := consent.Decide(list, op, r)
		if err != nil || d.Allowed {
			b.Fatalf("%v %v", d, err)
		}
	}
}

// BenchmarkDeciderDecide includes reading 20 consents from the memory store
// (which copies them).
func BenchmarkDeciderDecide(b *testing.B) {
	ctx := context.Background()
	s := consent.NewMemoryStore()
	for _, c := range twenty() {
		if err := s.Add(ctx, c); err != nil {
			b.Fatal(err)
		}
	}
	d, err := consent.NewDecider(s, samaraRules())
	if err != nil {
		b.Fatal(err)
	}
	op := storeOp(at(2025, 11, 2, 12, 0))
	b.ReportAllocs()
	for b.Loop() {
		if dec, err := d.Decide(ctx, op); err != nil || !dec.Allowed {
			b.Fatal(dec, err)
		}
	}
}

func BenchmarkRenderText(b *testing.B) {
	c := processing()
	b.ReportAllocs()
	for b.Loop() {
		if err := consent.Render(io.Discard, c, consent.Text); err != nil {
			b.Fatal(err)
		}
	}
}
