package destruction_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
)

// Rendering benchmarks for acts of 1,000 and 10,000 items (target: under
// 300 ms per 10,000-item act; bytes per op growing linearly with items).
// Run: go test -run='^$' -bench=Render -benchmem ./destruction

func benchRender(b *testing.B, render func(*destruction.Act, io.Writer) error) {
	for _, n := range []int{1000, 10000} {
		a := bigApprovedDestruction(b, n)
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := render(a, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRenderDOCX(b *testing.B) { benchRender(b, (*destruction.Act).RenderDOCX) }

func BenchmarkRenderHTML(b *testing.B) { benchRender(b, (*destruction.Act).RenderHTML) }

func BenchmarkRenderText(b *testing.B) { benchRender(b, (*destruction.Act).RenderText) }

// BenchmarkVerify measures recomputing the seal and checking the content,
// done on every read from the Archive.
func BenchmarkVerify(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		a := bigApprovedDestruction(b, n)
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := a.Verify(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
