package geo

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

// TestMergeDemonyms checks the merge against the stable sort it stands
// for, ties between a toponym and a demonym included.
func TestMergeDemonyms(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var scratch []doc.Place
	for range 2000 {
		sorted := func(n int, kind string) []doc.Place {
			ps := make([]doc.Place, n)
			start := 0
			for k := range ps {
				start += r.IntN(3)
				ps[k] = doc.Place{Span: doc.Span{Start: start, End: start + 1}, Kind: kind, Name: string(rune('a' + k))}
			}
			return ps
		}
		top, dem := sorted(r.IntN(6), ""), sorted(1+r.IntN(4), doc.PlaceDemonym)
		got := append(slices.Clone(top), dem...)
		want := slices.Clone(got)
		slices.SortStableFunc(want, func(a, b doc.Place) int { return a.Start - b.Start })
		scratch = mergeDemonyms(got, len(top), scratch)
		if !slices.Equal(got, want) {
			t.Fatalf("merge of %v and %v:\n got %v\nwant %v", top, dem, got, want)
		}
	}
}
