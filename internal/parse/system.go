package parse

// The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez and
// Satta 2011) with the root token at the end of the buffer (Ballesteros
// and Nivre 2013). A configuration is a stack σ, a buffer β whose last
// item is the pseudo-word ROOT (index n), and the arcs built so far:
//
//	SHIFT  σ, b|β        ⇒ σ|b, β             (b ≠ ROOT)
//	LEFT   σ|s0, b|β     ⇒ σ, b|β    + b → s0 (b = ROOT only when σ is empty)
//	RIGHT  σ|s1|s0, β    ⇒ σ|s1, β   + s1 → s0
//
// Both arc transitions pop the dependent, so a word's subtree is complete
// when it is attached and the label scorer can see all of it. Requiring an
// empty σ below s0 for LEFT onto ROOT gives every sentence exactly one
// root. The system builds projective trees only.

// Transitions.
const (
	actShift = iota
	actLeft
	actRight
	numActs
)

// rowWidth is the number of weights a transition feature holds: one per
// transition and one unused, so that rows are 16 bytes and never straddle
// a cache line.
const rowWidth = 4

// state is an arc-hybrid configuration plus the per-word facts that the
// features read: the nearest and second-nearest children on each side,
// the number of children and the set of their labels.
type state struct {
	n     int32
	stack []int32
	b     int32
	head  []int32 // -1 until attached; n for ROOT
	label []uint8 // label class + 1; 0 until attached
	// lc1 is the leftmost left child, lc2 the second leftmost, rc1 the
	// rightmost right child and rc2 the second rightmost; -1 for none.
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []uint8  // numbers of left and right children (saturating)
	lset, rset         []uint64 // bit c set when a left (right) child has label class c
}

// reset prepares s for a sentence of n words, reusing its memory.
func (s *state) reset(n int) {
	s.n = int32(n)
	s.stack = s.stack[:0]
	s.b = 0
	m := n + 1 // ROOT has children too
	s.head = grow(s.head, m)
	s.lc1, s.lc2 = grow(s.lc1, m), grow(s.lc2, m)
	s.rc1, s.rc2 = grow(s.rc1, m), grow(s.rc2, m)
	for i := 0; i < m; i++ {
		s.head[i], s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = -1, -1, -1, -1, -1
	}
	s.label = growZero(s.label, m)
	s.nl, s.nr = growZero(s.nl, m), growZero(s.nr, m)
	s.lset, s.rset = growZero(s.lset, m), growZero(s.rset, m)
}

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/2)
	}
	return b[:n]
}

func growZero[T any](b []T, n int) []T {
	b = grow(b, n)
	clear(b)
	return b
}

func (s *state) terminal() bool { return len(s.stack) == 0 && s.b == s.n }

// valid reports which transitions may apply, as a bit set over act*.
func (s *state) valid() uint8 {
	var v uint8
	if s.b < s.n {
		v |= 1 << actShift
	}
	if len(s.stack) >= 1 && (s.b < s.n || len(s.stack) == 1) {
		v |= 1 << actLeft
	}
	if len(s.stack) >= 2 {
		v |= 1 << actRight
	}
	return v
}

// arc returns the head and dependent of an arc transition.
func (s *state) arc(act int) (h, d int32) {
	d = s.stack[len(s.stack)-1]
	if act == actLeft {
		return s.b, d
	}
	return s.stack[len(s.stack)-2], d
}

// apply performs act; lab is the label class + 1 of the arc it builds
// (ignored for SHIFT).
func (s *state) apply(act int, lab uint8) {
	switch act {
	case actShift:
		s.stack = append(s.stack, s.b)
		s.b++
	case actLeft, actRight:
		h, d := s.arc(act)
		s.stack = s.stack[:len(s.stack)-1]
		s.addArc(h, d, lab)
	}
}

func (s *state) addArc(h, d int32, lab uint8) {
	s.head[d] = h
	s.label[d] = lab
	bit := uint64(1) << ((lab - 1) & 63)
	if d < h {
		if s.nl[h] < 255 {
			s.nl[h]++
		}
		s.lset[h] |= bit
		switch {
		case s.lc1[h] < 0 || d < s.lc1[h]:
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		case s.lc2[h] < 0 || d < s.lc2[h]:
			s.lc2[h] = d
		}
		return
	}
	if s.nr[h] < 255 {
		s.nr[h]++
	}
	s.rset[h] |= bit
	switch {
	case s.rc1[h] < 0 || d > s.rc1[h]:
		s.rc2[h], s.rc1[h] = s.rc1[h], d
	case s.rc2[h] < 0 || d > s.rc2[h]:
		s.rc2[h] = d
	}
}

// costs returns, for each valid transition, the number of gold arcs it
// makes unreachable: the dynamic oracle of Goldberg and Nivre (2013) for
// arc-hybrid, extended to the single-root constraint, exact for projective
// gold trees with one root (a test checks it against exhaustive search). gold[i] is the gold head of
// word i, n for ROOT. Invalid transitions cost maxCost.
func (s *state) costs(gold []int32, valid uint8) (c [numActs]int) {
	const maxCost = 1 << 30
	for a := range c {
		c[a] = maxCost
	}
	n := s.n
	st := s.stack
	if valid&(1<<actShift) != 0 {
		// b loses its head if it is in the stack below s0, and its
		// dependents anywhere in the stack.
		b, k := s.b, 0
		for i, x := range st {
			if gold[x] == b {
				k++
			}
			if gold[b] == x && i < len(st)-1 {
				k++
			}
		}
		// The root's arc needs its dependent alone on the stack when
		// the buffer holds only ROOT: shifted onto other words, it can
		// never get there.
		if gold[b] == n && len(st) > 0 {
			k++
		}
		c[actShift] = k
	}
	if valid&(1<<(actLeft)|1<<actRight) != 0 {
		s0 := st[len(st)-1]
		// s0 loses its dependents still in the buffer either way.
		deps := 0
		for j := s.b; j < n; j++ {
			if gold[j] == s0 {
				deps++
			}
		}
		if valid&(1<<actLeft) != 0 {
			k := deps
			g := gold[s0]
			switch {
			case g == n:
				// Lost unless ROOT is b; unreachable already when
				// other words lie below s0.
				if s.b < n && len(st) == 1 {
					k++
				}
			case g > s.b || (len(st) >= 2 && g == st[len(st)-2]):
				k++
			}
			c[actLeft] = k
		}
		if valid&(1<<actRight) != 0 {
			k := deps
			// s0's head in the buffer is lost; ROOT's arc is lost
			// already, since RIGHT needs a word below s0.
			if g := gold[s0]; g >= s.b && g < n {
				k++
			}
			c[actRight] = k
		}
	}
	return c
}

// projectivize returns heads (with ROOT as n) with every non-projective
// arc lifted to its head's head, shortest arcs first, until the tree is
// projective (Nivre and Nilsson 2005, without encoding the lifts in the
// labels). The parser is trained on the result.
func projectivize(heads []int32, n int32) []int32 {
	h := append([]int32(nil), heads...)
	for {
		best, bestLen := int32(-1), int32(1<<30)
		for d := int32(0); d < n; d++ {
			if l := abs32(h[d] - d); l < bestLen && !projectiveArc(h, n, d) {
				best, bestLen = d, l
			}
		}
		if best < 0 {
			return h
		}
		h[best] = h[h[best]]
	}
}

// projectiveArc reports whether every word strictly between d and its head
// is dominated by the head. Arcs from ROOT (at n, after every word) always
// are.
func projectiveArc(h []int32, n, d int32) bool {
	hd := h[d]
	if hd == n {
		return true
	}
	lo, hi := min(hd, d), max(hd, d)
	for k := lo + 1; k < hi; k++ {
		a := k
		for a != hd && a != n {
			a = h[a]
		}
		if a != hd {
			return false
		}
	}
	return true
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}
