package parse

import (
	"bytes"
	"maps"
	"slices"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

// toyExamples are a few made-up sentences, enough to train a small model.
func toyExamples() []Example {
	mk := func(words, tags string, heads []int32, deps ...doc.DepRel) Example {
		w, t := splitSpace(words), splitSpace(tags)
		return Example{Words: w, Tags: t, XPOS: t, Heads: heads, Deps: deps}
	}
	D := doc.DepDet
	return []Example{
		mk("the army withdrew its troops .", "DT NN VBD PRP$ NNS .", []int32{1, 2, -1, 4, 2, 2},
			D, doc.DepNsubj, doc.DepRoot, doc.DepNmodPoss, doc.DepObj, doc.DepPunct),
		mk("protesters marched in the capital", "NNS VBD IN DT NN", []int32{1, -1, 4, 4, 1},
			doc.DepNsubj, doc.DepRoot, doc.DepCase, D, doc.DepObl),
		mk("the minister said talks failed", "DT NN VBD NNS VBD", []int32{1, 2, -1, 4, 2},
			D, doc.DepNsubj, doc.DepRoot, doc.DepNsubj, doc.DepCcomp),
		mk("“ we will fight , ” he said", "`` PRP MD VB , '' PRP VBD", []int32{3, 3, 3, 7, 3, 3, 7, -1},
			doc.DepPunct, doc.DepNsubj, doc.DepAux, doc.DepCcomp, doc.DepPunct, doc.DepPunct, doc.DepNsubj, doc.DepRoot),
	}
}

func splitSpace(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func trainToy(t *testing.T) *Model {
	t.Helper()
	m, err := Train(toyExamples(), TrainOptions{Epochs: 20, TableBits: 12, LabelBits: 10, TagBits: 10, TagEpochs: 5, TagFolds: 2})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestModelRoundTrip(t *testing.T) {
	m := trainToy(t)
	var b1 bytes.Buffer
	if _, err := m.WriteTo(&b1); err != nil {
		t.Fatal(err)
	}
	l, err := Load(b1.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var b2 bytes.Buffer
	if _, err := l.WriteTo(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("a loaded model writes different bytes")
	}
	for name, eq := range map[string]bool{
		"transition table": slices.Equal(m.trans.w, l.trans.w) && m.trans.scale == l.trans.scale,
		"label table":      slices.Equal(m.lab.off, l.lab.off) && slices.Equal(m.lab.ent, l.lab.ent),
		"tagger table":     slices.Equal(m.tagw.off, l.tagw.off) && slices.Equal(m.tagw.ent, l.tagw.ent),
		"vocabularies": slices.Equal(m.labels, l.labels) && slices.Equal(m.tags, l.tags) &&
			slices.Equal(m.xtags, l.xtags) && maps.Equal(m.vocab, l.vocab) && maps.Equal(m.tagdict, l.tagdict),
	} {
		if !eq {
			t.Errorf("%s differs after the round trip", name)
		}
	}
	// Both parse alike, and the toy model has learnt most of its
	// sentences (from their tags and shapes mostly: a word seen once in
	// training is an unknown word to the model).
	right, total := 0, 0
	for _, ex := range toyExamples() {
		n := len(ex.Words)
		h1, h2 := make([]int32, n), make([]int32, n)
		d1, d2 := make([]doc.DepRel, n), make([]doc.DepRel, n)
		NewParser(m).Parse(ex.Words, ex.Tags, h1, d1)
		NewParser(l).Parse(ex.Words, ex.Tags, h2, d2)
		if !slices.Equal(h1, h2) || !slices.Equal(d1, d2) {
			t.Errorf("%q: %v %v before, %v %v after", ex.Words, h1, d1, h2, d2)
		}
		for i := range h1 {
			total++
			if h1[i] == ex.Heads[i] {
				right++
			}
		}
	}
	if right < total*7/10 {
		t.Errorf("the toy model gets %d of %d heads of its training sentences", right, total)
	}
}

func TestTrainingIsDeterministic(t *testing.T) {
	var b1, b2 bytes.Buffer
	if _, err := trainToy(t).WriteTo(&b1); err != nil {
		t.Fatal(err)
	}
	if _, err := trainToy(t).WriteTo(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("two trainings on the same examples give different models")
	}
}

func TestLoadRejectsDamagedFiles(t *testing.T) {
	var b bytes.Buffer
	if _, err := trainToy(t).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	good := b.Bytes()
	for name, data := range map[string][]byte{
		"empty":     nil,
		"bad magic": append([]byte("XXXXXXXX"), good[8:]...),
		"truncated": good[:len(good)/2],
		"trailing":  append(slices.Clone(good), 0),
	} {
		if _, err := Load(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// Every word gets a head, exactly one word is the root, and the heads form
// a tree, whatever the input.
func TestParseAlwaysBuildsATree(t *testing.T) {
	m := trainToy(t)
	p := NewParser(m)
	for _, words := range [][]string{
		{"x"},
		{".", ".", "."},
		{"unknown", "words", "with", "UNKNOWNTAGS", "“", "—", "2024", "http://x.org", "a@b.co"},
		splitSpace("the the the the the the the the the the the the the the the the the the the the"),
	} {
		n := len(words)
		tags := make([]string, n)
		for i := range tags {
			tags[i] = []string{"NN", "??", "DT", "VBD"}[i%4]
		}
		heads := make([]int32, n)
		deps := make([]doc.DepRel, n)
		p.Parse(words, tags, heads, deps)
		roots := 0
		for i, h := range heads {
			if h < 0 {
				roots++
				if deps[i] != doc.DepRoot {
					t.Errorf("%q: root %d has relation %v", words, i, deps[i])
				}
				continue
			}
			if h >= int32(n) || h == int32(i) || deps[i] == doc.NoDep || deps[i] == doc.DepRoot {
				t.Errorf("%q: word %d has head %d, relation %v", words, i, h, deps[i])
			}
			// No cycles: walking up reaches the root.
			k, steps := h, 0
			for k >= 0 && steps <= n {
				k, steps = heads[k], steps+1
			}
			if k >= 0 {
				t.Errorf("%q: word %d is on a cycle", words, i)
			}
		}
		if roots != 1 {
			t.Errorf("%q: %d roots", words, roots)
		}
	}
}
