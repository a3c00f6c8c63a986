package store_test

import (
	"reflect"
	"testing"

	"github.com/dateline-project/dateline/internal/store"
)

func TestEdgeSet(t *testing.T) {
	n := func(name string) store.Node { return store.Node{Name: name, Country: "X"} }
	for _, c := range []struct {
		name  string
		add   func(s *store.EdgeSet)
		limit int
		want  []string // actor>recipient weight
		mean  float64  // of the first edge
	}{
		{"empty", func(*store.EdgeSet) {}, 10, []string{}, 0},
		{"rows of one pair add up across quads", func(s *store.EdgeSet) {
			s.Add(n("a"), n("b"), "verbal conflict", 2, -3*store.IntensityScale)
			s.Add(n("a"), n("b"), "material conflict", 1, -9*store.IntensityScale)
		}, 10, []string{"a>b 3"}, -4},
		{"heaviest first, ties by name, cut at the limit", func(s *store.EdgeSet) {
			s.Add(n("c"), n("d"), "q", 1, 0)
			s.Add(n("a"), n("b"), "q", 1, 0)
			s.Add(n("e"), n("f"), "q", 5, 5*store.IntensityScale/2)
		}, 2, []string{"e>f 5", "a>b 1"}, 0.5},
	} {
		t.Run(c.name, func(t *testing.T) {
			var s store.EdgeSet
			c.add(&s)
			edges := s.Edges(c.limit)
			got := []string{}
			for _, e := range edges {
				got = append(got, e.Actor.Name+">"+e.Recipient.Name+" "+string(rune('0'+e.Weight)))
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("edges %v, want %v", got, c.want)
			}
			if len(edges) > 0 && edges[0].MeanIntensity != c.mean {
				t.Errorf("mean intensity %v, want %v", edges[0].MeanIntensity, c.mean)
			}
		})
	}
}
