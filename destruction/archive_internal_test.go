package destruction

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
)

var errorsIs = errors.Is

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func day(d int) date.Date { return date.New(2025, time.January, d) }

func moment(d, h int) time.Time {
	return time.Date(2025, time.January, d, h, 0, 0, 0, time.FixedZone("UTC+4", 4*3600))
}

func sampleOp() pdata.Operator { return pdata.SampleOperator() }

func sampleCom() Commission {
	return Commission{ID: "c", Order: Order{Number: "3-од", Date: day(10)},
		Chair:   pdata.Official{Position: "Главный инженер", LastName: "Петров", FirstName: "Андрей"},
		Members: []pdata.Official{{Position: "Бухгалтер", LastName: "Кузнецова", FirstName: "Ольга"}}}
}

func sampleItem() Item {
	return Item{RecordID: "r1", Subjects: []Subject{{Name: "Иванов Иван Иванович"}}, Categories: pdata.SetOf(pdata.DataFullName),
		Medium: Paper("Дело № 1", 3), Ground: GroundRetentionExpired, DestroyFrom: day(1)}
}

// Policy 9.6 in the store: a later version of a sealed act must carry the
// same digest and every signature already given. Such a version cannot be
// built through the API (a sealed act refuses edits, a stale copy gets
// ErrConflict); this test forges one to check the archive's own guard.
func TestArchiveRefusesChangedSealedContent(t *testing.T) {
	ctx := context.Background()
	ar := NewArchive(NewMemStore())
	build := func(place string) *Act {
		a, err := NewSelectionAct(Header{ID: "s", Number: "1", Date: day(20), Place: place}, sampleOp(), sampleCom())
		must(t, err)
		must(t, a.Add(sampleItem()))
		must(t, a.CheckAll(moment(20, 10)))
		must(t, a.SealMedia(sampleCom().Chair, moment(20, 11)))
		must(t, a.Sign(sampleCom().Chair, moment(20, 12)))
		return a
	}
	first := build("Кошки")
	must(t, ar.Save(ctx, first))

	forged := build("Самара") // same ID, different sealed content
	forged.version = first.version
	if err := ar.Save(ctx, forged); !errorsIs(err, ErrSealed) {
		t.Fatalf("saving different sealed content: got %v, want ErrSealed", err)
	}

	// Same content, but signed by the member instead of the chair: the
	// chair's signature would be withdrawn.
	other, err := NewSelectionAct(Header{ID: "s", Number: "1", Date: day(20), Place: "Кошки"}, sampleOp(), sampleCom())
	must(t, err)
	must(t, other.Add(sampleItem()))
	must(t, other.CheckAll(moment(20, 10)))
	must(t, other.SealMedia(sampleCom().Chair, moment(20, 11)))
	must(t, other.Sign(sampleCom().Members[0], moment(20, 12)))
	if other.Digest() != first.Digest() {
		t.Fatal("the same content must give the same digest")
	}
	other.version = first.version
	if err := ar.Save(ctx, other); !errorsIs(err, ErrSealed) {
		t.Fatalf("saving a sealed act with a signature replaced: got %v, want ErrSealed", err)
	}

	next := build("Кошки")
	next.version = first.version
	must(t, next.Sign(sampleCom().Members[0], moment(20, 13)))
	must(t, ar.Save(ctx, next))
	if next.version != 2 {
		t.Fatalf("version %d, want 2", next.version)
	}
}
