package text

import (
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

// treeDoc builds a document with a hand-written parse: heads are
// sentence-relative, -1 for the root.
func treeDoc(words []string, heads []int, rels []doc.DepRel) *doc.Doc {
	d := &doc.Doc{}
	off := 0
	for i, w := range words {
		d.Text += w + " "
		d.Tokens = append(d.Tokens, doc.Token{Span: doc.Span{Start: off, End: off + len(w)}, Head: int32(heads[i]), Dep: rels[i]})
		off += len(w) + 1
	}
	return d
}

func TestTree(t *testing.T) {
	// "Rebels attacked the town" with "attacked" as root.
	d := treeDoc([]string{"Rebels", "attacked", "the", "town"},
		[]int{1, -1, 3, 1},
		[]doc.DepRel{doc.DepNsubj, doc.DepRoot, doc.DepDet, doc.DepObj})
	var tr Tree
	tr.Reset(d)
	var deps []int
	for c := tr.First(1); c >= 0; c = tr.Next(c) {
		deps = append(deps, c)
	}
	if len(deps) != 2 || deps[0] != 0 || deps[1] != 3 {
		t.Errorf("dependents of the root = %v; want [0 3]", deps)
	}
	tests := []struct {
		name string
		got  int
		want int
	}{
		{"subject", tr.Dependent(1, doc.DepNsubj), 0},
		{"object", tr.Dependent(1, doc.DepObj), 3},
		{"no iobj", tr.Dependent(1, doc.DepIobj), -1},
		{"top of 'attacked the town'", tr.Top(1, 3), 1},
		{"top of 'the town'", tr.Top(2, 3), 3},
		{"depth of 'the'", tr.Depth(2), 2},
		{"depth of the root", tr.Depth(1), 0},
		{"leftmost of the root", tr.Leftmost(1), 0},
		{"rightmost of the root", tr.Rightmost(1), 3},
		{"leftmost of 'the town'", tr.Leftmost(3), 2},
		{"rightmost of 'the town'", tr.Rightmost(3), 3},
		{"a leaf is its own subtree", tr.Leftmost(0), 0},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %d; want %d", tt.name, tt.got, tt.want)
		}
	}
	if !tr.Dominates(1, 2) || tr.Dominates(3, 0) {
		t.Error("Dominates is wrong")
	}
}

// A cyclic or out-of-range parse (from a corrupt layer) must not hang or
// panic the walkers.
func TestTreeMalformed(t *testing.T) {
	d := treeDoc([]string{"a", "b"}, []int{1, 0}, []doc.DepRel{doc.DepDet, doc.DepNsubj})
	var tr Tree
	tr.Reset(d)
	_ = tr.Depth(0)
	_ = tr.Dominates(5, 0)
	_ = tr.Leftmost(0)
	_ = tr.Rightmost(1)
	d = treeDoc([]string{"a"}, []int{7}, []doc.DepRel{doc.DepDet})
	tr.Reset(d)
	if tr.First(0) != -1 {
		t.Error("an out-of-range head must be ignored")
	}
}
