package parse

import (
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
)

// Parser parses sentences with a Model. It keeps scratch memory between
// sentences, so that parsing allocates nothing once it has seen its longest
// sentence; it is not safe for concurrent use: give each worker its own.
type Parser struct {
	m *Model
	c sentCtx
	s state
	// plain holds the sentence's words as the repairs read them (see
	// cachedPlainForm); folded keeps the forms of words that needed a copy,
	// so that a word seen before costs no allocation.
	plain  []string
	folded map[string]string
	tf     [numTransFeats]uint64
	lf     [numLabelFeats]uint64
	xf     [numTagFeats]uint64
	ls     [64]int32 // label scores
	xs     [64]int32 // tagger scores
}

// NewParser returns a parser that uses m.
func NewParser(m *Model) *Parser {
	return &Parser{m: m}
}

// Parse builds the dependency tree of one sentence. words are its word
// forms as written (the parser normalises them as training did) and tags
// their Penn Treebank tags, as the text layer's tagger assigns them. It
// writes each word's head to heads (an index into words, -1 for the root)
// and its relation to deps. Every word gets a head; exactly one is the
// root, with doc.DepRoot. heads and deps must be at least as long as
// words. A repair after decoding (see repair.go) may correct the tag of
// the verb it makes the predicate, in tags.
func (p *Parser) Parse(words, tags []string, heads []int32, deps []doc.DepRel) {
	n := len(words)
	if n == 0 {
		return
	}
	_ = heads[n-1]
	_ = deps[n-1]
	p.prepare(words, tags)
	p.tag()
	p.parse()
	s := &p.s
	for i := 0; i < n; i++ {
		h := s.head[i]
		if h == s.n {
			heads[i], deps[i] = -1, doc.DepRoot
			continue
		}
		heads[i], deps[i] = h, p.m.labels[s.label[i]-1]
	}
	p.plain = p.plain[:0]
	for _, w := range words {
		p.plain = append(p.plain, p.cachedPlainForm(w))
	}
	repair(p.plain, tags, heads[:n], deps[:n])
}

// plainForm is w in lower case with typographic apostrophes made plain.
func plainForm(w string) string {
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// maxFolded bounds the folded-forms cache; it is emptied when full.
const maxFolded = 1 << 12

// cachedPlainForm returns plainForm(w) ("’ve" is "'ve"), the form of package
// en's word lists. A word that is already plain is returned as it is;
// another is copied once and remembered.
func (p *Parser) cachedPlainForm(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= 0x80 {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	if f, ok := p.folded[w]; ok {
		return f
	}
	f := strings.Clone(plainForm(w))
	if p.folded == nil || len(p.folded) >= maxFolded {
		p.folded = make(map[string]string)
	}
	p.folded[strings.Clone(w)] = f
	return f
}

// prepare computes the per-word features of a sentence once.
func (p *Parser) prepare(words, tags []string) {
	n := len(words)
	c := &p.c
	c.n = int32(n)
	c.wf = grow(c.wf, n+1)
	c.tag = grow(c.tag, n+1)
	c.xtag = grow(c.xtag, n+1)
	for i, w := range words {
		wf := &c.wf[i]
		featurize(w, wf)
		wf.word, wf.pair = wf.form, wf.form
		if p.m.vocab != nil {
			switch p.m.vocabOf(wf.form) {
			case 0:
				wf.word, wf.pair = hashUnk^wf.shape, hashRare
			case 1:
				wf.pair = hashRare
			}
		}
		c.tag[i] = p.m.tagOf(tags[i])
	}
	if !p.m.ownTagger() {
		copy(c.xtag[:n], c.tag[:n])
	}
	c.wf[n] = wordFeats{form: hashRoot, word: hashRoot, pair: hashRoot, suffix: hashRoot, shape: hashRoot}
	c.tag[n] = tagRoot
	c.xtag[n] = tagRoot
}

// tag predicts the EWT tag of each word, left to right.
func (p *Parser) tag() {
	if !p.m.ownTagger() {
		return
	}
	c := &p.c
	for i := int32(0); i < c.n; i++ {
		if x, ok := p.m.dictTag(c, i); ok {
			c.xtag[i] = x + 2
			continue
		}
		tagFeatures(c, i, &p.xf)
		sc := &p.xs
		clear(sc[:])
		p.m.tagw.sum(p.xf[:], sc)
		c.xtag[i] = uint8(argmax(sc[:len(p.m.xtags)])) + 2
	}
}

// dictKey is the tag dictionary's key of a word form hash and an input
// tag id; the form hashAny stands for any word.
func dictKey(form uint64, tag uint8) uint64 {
	if form == hashAny {
		return hashAny | uint64(tag)
	}
	return (form^uint64(tag))*0x9e3779b97f4a7c15 | 1<<8
}

// dictTag returns the tag class the dictionary gives word i, if any.
func (m *Model) dictTag(c *sentCtx, i int32) (uint8, bool) {
	if x, ok := m.tagdict[dictKey(c.wf[i].form, c.tag[i])]; ok {
		return x, true
	}
	if x := m.tagOnly[c.tag[i]]; x != 0 {
		return x - 1, true
	}
	return 0, false
}

// parse runs the transition system to the end.
func (p *Parser) parse() {
	s := &p.s
	s.reset(int(p.c.n))
	for !s.terminal() {
		// A transition that is the only valid one (SHIFT onto an empty
		// stack, every transition once the buffer holds only ROOT)
		// needs no scoring.
		valid := s.valid()
		act := int(forced[valid])
		if act < 0 {
			transFeatures(&p.c, s, &p.tf)
			act = p.m.bestAct(&p.tf, valid)
		}
		s.apply(act, p.label(act))
	}
}

// forced maps a set of valid transitions to its only member, or -1.
var forced = [1 << numActs]int8{-1, actShift, actLeft, -1, actRight, -1, -1, -1}

// label returns the label (class + 1) of the arc that act builds, 0 for
// SHIFT and rootLabel for the arc from ROOT.
func (p *Parser) label(act int) uint8 {
	if act == actShift {
		return 0
	}
	s := &p.s
	h, d := s.arc(act)
	if h == s.n {
		return rootLabel
	}
	labelFeatures(&p.c, s, act, h, d, &p.lf)
	sc := &p.ls
	clear(sc[:])
	p.m.lab.sum(p.lf[:], sc)
	return uint8(argmax(sc[:len(p.m.labels)])) + 1
}

// rootLabel marks the root's arc in state.label; it is never a class.
const rootLabel = 64

// bestAct returns the valid transition with the highest score.
func (m *Model) bestAct(f *[numTransFeats]uint64, valid uint8) int {
	tw := m.trans.w
	shift := 64 - uint(m.trans.bits)
	var a, b, c int32
	for _, k := range f {
		i := (k >> shift) * rowWidth
		row := tw[i : i+rowWidth : i+rowWidth]
		a += int32(row[0])
		b += int32(row[1])
		c += int32(row[2])
	}
	sc := [numActs]int32{actShift: a, actLeft: b, actRight: c}
	return argmaxValid(&sc, valid)
}

func argmaxValid[T int32 | float32](sc *[numActs]T, valid uint8) int {
	best := -1
	for a := 0; a < numActs; a++ {
		if valid&(1<<a) != 0 && (best < 0 || sc[a] > sc[best]) {
			best = a
		}
	}
	return best
}
