package parse

import (
	"fmt"
	"testing"
)

// Hand-made trees, as gold heads per word (-1 for the root).
var projectiveTrees = []struct {
	name  string
	heads []int32
}{
	{"one word", []int32{-1}},
	{"chain right", []int32{-1, 0, 1, 2}},
	{"chain left", []int32{1, 2, 3, -1}},
	{"subject verb object", []int32{1, -1, 1}},
	{"det noun verb det noun", []int32{1, 2, -1, 4, 2}},
	{"root in the middle with both sides", []int32{2, 2, -1, 4, 2, 2}},
	{"nested", []int32{3, 2, 3, -1, 5, 3, 7, 5, 3}},
	{"root last", []int32{4, 4, 3, 4, -1}},
	{"flat", []int32{-1, 0, 0, 0, 0}},
}

// rootAt converts -1 heads to n, as the transition system counts them.
func rootAt(heads []int32) []int32 {
	n := int32(len(heads))
	g := make([]int32, n)
	for i, h := range heads {
		if h < 0 {
			h = n
		}
		g[i] = h
	}
	return g
}

// staticOracle returns a zero-cost transition: the arc-hybrid static
// oracle, written independently of the cost function.
func staticOracle(s *state, gold []int32) int {
	if k := len(s.stack); k > 0 {
		s0 := s.stack[k-1]
		if gold[s0] == s.b && (s.b < s.n || k == 1) && allAttached(s, gold, s0) {
			return actLeft
		}
		if k > 1 && gold[s0] == s.stack[k-2] && allAttached(s, gold, s0) {
			return actRight
		}
	}
	return actShift
}

func allAttached(s *state, gold []int32, h int32) bool {
	for d, g := range gold {
		if g == h && s.head[d] != h {
			return false
		}
	}
	return true
}

func TestStaticOracleReproducesProjectiveTrees(t *testing.T) {
	for _, tc := range projectiveTrees {
		t.Run(tc.name, func(t *testing.T) {
			gold := rootAt(tc.heads)
			var s state
			s.reset(len(gold))
			for steps := 0; !s.terminal(); steps++ {
				if steps > 3*len(gold)+3 {
					t.Fatal("no terminal configuration")
				}
				act := staticOracle(&s, gold)
				if s.valid()&(1<<act) == 0 {
					t.Fatalf("oracle chose invalid transition %d at stack %v, b %d", act, s.stack, s.b)
				}
				if c := s.costs(gold, s.valid()); c[act] != 0 {
					t.Fatalf("cost of the static oracle's transition %d is %d", act, c[act])
				}
				s.apply(act, 1)
			}
			for i, h := range gold {
				if s.head[i] != h {
					t.Errorf("word %d: head %d, want %d", i, s.head[i], h)
				}
			}
		})
	}
}

// bestReachable returns the largest number of gold arcs that any sequence
// of transitions from s can still build, by exhaustive search.
func bestReachable(s *state, gold []int32) int {
	if s.terminal() {
		return 0
	}
	best := -1
	v := s.valid()
	for a := 0; a < numActs; a++ {
		if v&(1<<a) == 0 {
			continue
		}
		c := s.clone()
		gain := 0
		if a != actShift {
			h, d := c.arc(a)
			if gold[d] == h {
				gain = 1
			}
		}
		c.apply(a, 1)
		best = max(best, gain+bestReachable(c, gold))
	}
	return best
}

func (s *state) clone() *state {
	c := &state{n: s.n, b: s.b}
	c.stack = append([]int32(nil), s.stack...)
	c.head = append([]int32(nil), s.head...)
	c.label = append([]uint8(nil), s.label...)
	c.lc1, c.lc2 = append([]int32(nil), s.lc1...), append([]int32(nil), s.lc2...)
	c.rc1, c.rc2 = append([]int32(nil), s.rc1...), append([]int32(nil), s.rc2...)
	c.nl, c.nr = append([]uint8(nil), s.nl...), append([]uint8(nil), s.nr...)
	c.lset, c.rset = append([]uint64(nil), s.lset...), append([]uint64(nil), s.rset...)
	return c
}

// TestDynamicOracleCosts checks the cost of every valid transition in
// every configuration reachable on small trees against an exhaustive
// search: a transition's cost is the number of gold arcs that stop being
// reachable when it is taken.
func TestDynamicOracleCosts(t *testing.T) {
	for _, tc := range projectiveTrees {
		if len(tc.heads) > 7 {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			gold := rootAt(tc.heads)
			var s state
			s.reset(len(gold))
			checked := 0
			var walk func(s *state, built int)
			walk = func(s *state, built int) {
				if s.terminal() {
					return
				}
				now := bestReachable(s, gold)
				v := s.valid()
				c := s.costs(gold, v)
				for a := 0; a < numActs; a++ {
					if v&(1<<a) == 0 {
						continue
					}
					n := s.clone()
					gain := 0
					if a != actShift {
						h, d := n.arc(a)
						if gold[d] == h {
							gain = 1
						}
					}
					n.apply(a, 1)
					want := now - gain - bestReachable(n, gold)
					if c[a] != want {
						t.Fatalf("stack %v b %d heads %v: cost of %d is %d, want %d", s.stack, s.b, s.head, a, c[a], want)
					}
					checked++
					walk(n, built+gain)
				}
			}
			walk(&s, 0)
			if checked == 0 {
				t.Fatal("no transition checked")
			}
		})
	}
}

func TestProjectivize(t *testing.T) {
	for _, tc := range []struct {
		heads, want []int32 // -1 for the root
	}{
		{[]int32{1, -1, 1}, []int32{1, -1, 1}},
		// 0 → 2 crosses 1 → 3: lift the shorter arc.
		// 1 → 3 spans 2, whose head is 0: 3 is lifted to 0.
		{[]int32{-1, 0, 0, 1}, []int32{-1, 0, 0, 0}},
		// 3 → 1 spans 2, whose head is 0: 1 is lifted to 0.
		{[]int32{-1, 3, 0, 0}, []int32{-1, 0, 0, 0}},
		{[]int32{-1, 0, 3, 1, 0}, []int32{-1, 0, 3, 1, 0}},
		// 2 → 0 spans the root word 1, and so does 0 → 3; the shorter
		// is lifted first (0 to 1), then 3 follows 0 up to 1.
		{[]int32{2, -1, 1, 0}, []int32{1, -1, 1, 1}},
		// Arcs from the root word never cross anything.
		{[]int32{-1, 0, 0, 0}, []int32{-1, 0, 0, 0}},
	} {
		t.Run(fmt.Sprint(tc.heads), func(t *testing.T) {
			n := int32(len(tc.heads))
			got := projectivize(rootAt(tc.heads), n)
			want := rootAt(tc.want)
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("got %v, want %v", got, want)
				}
				if !projectiveArc(got, n, int32(i)) {
					t.Fatalf("arc to %d still non-projective in %v", i, got)
				}
			}
		})
	}
}
