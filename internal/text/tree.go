package text

import "github.com/dateline-project/dateline/internal/doc"

// Tree indexes the dependents of every token of a parsed document, so that
// stages can walk the parse downwards as cheaply as upwards (doc.Token.Head
// points up). It is scratch state: give each worker its own and Reset it
// per document.
type Tree struct {
	d     *doc.Doc
	first []int32 // token -> its first dependent, or -1
	next  []int32 // token -> the next dependent of its head, or -1
}

// Reset indexes d's parse. Dependents are listed in text order.
func (t *Tree) Reset(d *doc.Doc) {
	t.d = d
	n := len(d.Tokens)
	if cap(t.first) < n {
		t.first, t.next = make([]int32, n, n+n/2), make([]int32, n, n+n/2)
	}
	t.first, t.next = t.first[:n], t.next[:n]
	for i := range t.first {
		t.first[i], t.next[i] = -1, -1
	}
	// Walking backwards and pushing each token onto its head's list
	// leaves every list in text order.
	for k := n - 1; k >= 0; k-- {
		if h := d.Tokens[k].Head; h >= 0 && int(h) < n {
			t.next[k] = t.first[h]
			t.first[h] = int32(k)
		}
	}
}

// Parsed reports whether token k has a parse.
func (t *Tree) Parsed(k int) bool { return t.d.Tokens[k].Dep != doc.NoDep }

// Head returns the head of token k, or -1 for a root.
func (t *Tree) Head(k int) int { return int(t.d.Tokens[k].Head) }

// Rel returns the relation of token k to its head.
func (t *Tree) Rel(k int) doc.DepRel { return t.d.Tokens[k].Dep }

// First returns the first dependent of h in text order, or -1; Next
// returns the dependent after k of k's head, or -1:
//
//	for c := tr.First(h); c >= 0; c = tr.Next(c) { ... }
func (t *Tree) First(h int) int { return int(t.first[h]) }

// Next: see First.
func (t *Tree) Next(k int) int { return int(t.next[k]) }

// Dependent returns the first dependent of h with relation rel, or -1.
func (t *Tree) Dependent(h int, rel doc.DepRel) int {
	for c := t.First(h); c >= 0; c = t.Next(c) {
		if t.d.Tokens[c].Dep == rel {
			return c
		}
	}
	return -1
}

// Has reports whether h has a dependent with relation rel.
func (t *Tree) Has(h int, rel doc.DepRel) bool { return t.Dependent(h, rel) >= 0 }

// Marker returns the case or mark dependent of k (the preposition of a
// nominal, the subordinator of a clause), or -1.
func (t *Tree) Marker(k int) int {
	for c := t.First(k); c >= 0; c = t.Next(c) {
		if r := t.d.Tokens[c].Dep; r == doc.DepCase || r == doc.DepMark {
			return c
		}
	}
	return -1
}

// Dominates reports whether a is k or one of k's ancestors.
func (t *Tree) Dominates(a, k int) bool {
	for steps := 0; k >= 0 && steps <= len(t.d.Tokens); steps++ {
		if k == a {
			return true
		}
		k = int(t.d.Tokens[k].Head)
	}
	return false
}

// Leftmost returns the first token of the subtree headed by h (the parse
// is projective, so the subtree is the span between its leftmost and
// rightmost tokens).
func (t *Tree) Leftmost(h int) int {
	for steps := 0; steps <= len(t.d.Tokens); steps++ {
		f := t.First(h)
		if f < 0 || f > h {
			return h
		}
		h = f
	}
	return h
}

// Rightmost returns the last token of the subtree headed by h.
func (t *Tree) Rightmost(h int) int {
	for steps := 0; steps <= len(t.d.Tokens); steps++ {
		last := -1
		for c := t.First(h); c >= 0; c = t.Next(c) {
			last = c
		}
		if last < h {
			return h
		}
		h = last
	}
	return h
}

// Top returns the token of [first, last] that is highest in the tree: the
// first whose head lies outside the range. A multi-word expression is
// headed by it ("carried out a raid" by "carried").
func (t *Tree) Top(first, last int) int {
	for k := first; k <= last; k++ {
		if h := int(t.d.Tokens[k].Head); h < first || h > last {
			return k
		}
	}
	return first
}

// Depth returns the number of arcs from k up to its sentence's root.
func (t *Tree) Depth(k int) int {
	n := 0
	for h := int(t.d.Tokens[k].Head); h >= 0 && n <= len(t.d.Tokens); h = int(t.d.Tokens[h].Head) {
		n++
	}
	return n
}
