package store

import "sort"

// IntensityScale is the unit in which backends sum intensities for the
// network: millionths, finer than any intensity the ontology assigns (one
// decimal), as integers, so that a sum kept by increments equals one
// taken over the rows in any order.
const IntensityScale = 1_000_000

// EdgeSet gathers a backend's network rows (an actor, a recipient, a quad
// class, a count and an intensity sum in IntensityScale units) into
// edges, so that every backend weighs, averages and orders them alike.
// The zero EdgeSet is ready to use.
type EdgeSet struct {
	idx   map[[2]Node]int
	edges []Edge
	sums  []int64
}

// Add counts n events of quad between a and r, whose intensities sum to
// sum (in IntensityScale units).
func (s *EdgeSet) Add(a, r Node, quad string, n int, sum int64) {
	if s.idx == nil {
		s.idx = map[[2]Node]int{}
	}
	k := [2]Node{a, r}
	i, ok := s.idx[k]
	if !ok {
		i = len(s.edges)
		s.idx[k] = i
		s.edges = append(s.edges, Edge{Actor: a, Recipient: r, Quads: map[string]int{}})
		s.sums = append(s.sums, 0)
	}
	s.edges[i].Weight += n
	s.edges[i].Quads[quad] += n
	s.sums[i] += sum
}

// Edges returns the heaviest limit edges, heaviest first, ties in name
// order; never nil.
func (s *EdgeSet) Edges(limit int) []Edge {
	edges := s.edges
	for i := range edges {
		// One division of exact integers: the mean is the same whatever
		// order the events were summed in.
		edges[i].MeanIntensity = float64(s.sums[i]) / (IntensityScale * float64(edges[i].Weight))
	}
	sort.SliceStable(edges, func(i, j int) bool {
		if edges[i].Weight != edges[j].Weight {
			return edges[i].Weight > edges[j].Weight
		}
		a, b := edges[i], edges[j]
		return a.Actor.Name+a.Actor.Country+"\x00"+a.Recipient.Name+a.Recipient.Country <
			b.Actor.Name+b.Actor.Country+"\x00"+b.Recipient.Name+b.Recipient.Country
	})
	if len(edges) > limit {
		edges = edges[:limit]
	}
	if edges == nil {
		edges = []Edge{}
	}
	return edges
}
