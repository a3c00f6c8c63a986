package parse

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
)

// Example is one training or test sentence: its words, the tags the text
// layer's tagger predicts for them, the gold XPOS tags and the gold tree.
type Example struct {
	Words []string
	Tags  []string
	XPOS  []string
	// Heads indexes Words, -1 for the root; Deps are the gold relations.
	Heads []int32
	Deps  []doc.DepRel
}

// TrainOptions set up Train. The zero value of a field means its default.
type TrainOptions struct {
	Epochs int // passes of the parser over the training set (default 12)
	// TableBits, LabelBits and TagBits are the log2 row counts of the
	// hashed transition, label and tagger tables (defaults 18, 16, 16).
	TableBits, LabelBits, TagBits uint8
	// TagEpochs is the number of passes of the tagger (default 8);
	// TagFolds the number of folds over which the training set is
	// tagged by jackknifing (default 10).
	TagEpochs, TagFolds int
	// NoTagger trains no tagger of the parser's own: the features read
	// the input tags alone.
	NoTagger bool
	// Seed fixes the shuffling and exploration (default 1).
	Seed uint64
	// ExploreFrom is the first epoch (counting from 1) in which the
	// parser follows its own mistakes; ExploreProb is how often it does
	// then (defaults 2 and 0.9).
	ExploreFrom int
	ExploreProb float64
	// Log, when set, gets progress lines; with Dev they include the
	// averaged model's scores on Dev after every epoch.
	Log io.Writer
	Dev []Example
}

func (o *TrainOptions) defaults() {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&o.Epochs, 12)
	def(&o.TagEpochs, 8)
	def(&o.TagFolds, 10)
	def(&o.ExploreFrom, 2)
	for _, b := range []struct {
		v *uint8
		d uint8
	}{{&o.TableBits, 18}, {&o.LabelBits, 16}, {&o.TagBits, 16}} {
		if *b.v == 0 {
			*b.v = b.d
		}
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.ExploreProb == 0 {
		o.ExploreProb = 0.9
	}
}

func (o *TrainOptions) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// perceptron is an averaged perceptron over a dense hashed table of
// width weights per row: next to each weight w it keeps u, the sum of
// step × update, so that the average over all steps is w - u/step (Daumé
// 2006) without touching every weight at every step.
type perceptron struct {
	bits  uint8
	width int
	w     []float32
	u     []float64
	step  *float64 // shared by the tables trained together
}

func newPerceptron(bits uint8, width int, step *float64) *perceptron {
	return &perceptron{bits: bits, width: width, w: make([]float32, width<<bits), u: make([]float64, width<<bits), step: step}
}

func (p *perceptron) row(k uint64) int { return int(k>>(64-uint(p.bits))) * p.width }

func (p *perceptron) score(keys []uint64, sc []float32) {
	clear(sc)
	for _, k := range keys {
		r := p.row(k)
		for j, w := range p.w[r : r+p.width] {
			sc[j] += w
		}
	}
}

func (p *perceptron) update(keys []uint64, good, bad int) {
	for _, k := range keys {
		r := p.row(k)
		p.w[r+good]++
		p.u[r+good] += *p.step
		p.w[r+bad]--
		p.u[r+bad] -= *p.step
	}
}

func (p *perceptron) averaged() []float32 {
	out := make([]float32, len(p.w))
	for i, w := range p.w {
		out[i] = float32(float64(w) - p.u[i]/(*p.step))
	}
	return out
}

// Train learns a model from the examples: first the tagger, then the
// parser on the tags the tagger predicts for the training set by
// jackknifing (each fold tagged by a tagger trained on the other folds),
// so that the parser learns from tags as good as the ones it gets at run
// time.
//
// The parser learns with the dynamic oracle and exploration of Goldberg
// and Nivre (2012, 2013): at every step the perceptron is updated towards
// the best-scoring transition of least cost when its own choice costs
// more, and from ExploreFrom on the parser goes on from its own choice
// (with probability ExploreProb) rather than the oracle's, so that it
// learns to recover from its mistakes. Non-projective gold trees are
// projectivised by lifting (see projectivize). Labels are learnt on the
// arcs whose head is right. Training is deterministic: the same examples
// and options give the same model, bit for bit.
func Train(examples []Example, opt TrainOptions) (*Model, error) {
	opt.defaults()
	if len(examples) == 0 {
		return nil, errors.New("train parser: no examples")
	}
	var v vocab
	seenTag, seenX := map[string]bool{}, map[string]bool{}
	seenLab := map[doc.DepRel]bool{}
	for i, ex := range examples {
		n := len(ex.Words)
		if len(ex.Tags) != n || len(ex.XPOS) != n || len(ex.Heads) != n || len(ex.Deps) != n {
			return nil, fmt.Errorf("train parser: example %d: %d words, %d tags, %d XPOS, %d heads, %d relations",
				i, n, len(ex.Tags), len(ex.XPOS), len(ex.Heads), len(ex.Deps))
		}
		for j := range ex.Words {
			if t := ex.Tags[j]; !seenTag[t] {
				seenTag[t] = true
				v.tags = append(v.tags, t)
			}
			if t := ex.XPOS[j]; !seenX[t] {
				seenX[t] = true
				v.xtags = append(v.xtags, t)
			}
			if r := ex.Deps[j]; r != doc.DepRoot && !seenLab[r] {
				seenLab[r] = true
				v.labels = append(v.labels, r)
			}
		}
	}
	slices.Sort(v.tags)
	slices.Sort(v.xtags)
	slices.Sort(v.labels)
	m := &Model{}
	if err := m.setVocab(v); err != nil {
		return nil, fmt.Errorf("train parser: %w", err)
	}
	lclass := map[doc.DepRel]uint8{}
	for i, l := range v.labels {
		lclass[l] = uint8(i)
	}
	xclass := map[string]uint8{}
	for i, t := range v.xtags {
		xclass[t] = uint8(i)
	}

	// Gold heads with ROOT as n, projectivised; label and tag classes.
	golds := make([]gold, len(examples))
	lifted := 0
	for i, ex := range examples {
		n := int32(len(ex.Words))
		g := gold{heads: make([]int32, n), labs: make([]uint8, n), xtags: make([]uint8, n), pred: make([]uint8, n)}
		for j, h := range ex.Heads {
			if h < 0 {
				h = n
			}
			g.heads[j] = h
			g.labs[j] = lclass[ex.Deps[j]]
			g.xtags[j] = xclass[ex.XPOS[j]]
		}
		p := projectivize(g.heads, n)
		for j := range p {
			if p[j] != g.heads[j] {
				lifted++
			}
		}
		g.heads = p
		golds[i] = g
	}
	opt.logf("%d examples, %d heads lifted to projectivise", len(examples), lifted)

	p := NewParser(m)
	// The vocabulary, from the training set alone.
	wordCount := map[uint64]int{}
	for _, ex := range examples {
		p.prepare(ex.Words, ex.Tags)
		for j := range ex.Words {
			wordCount[p.c.wf[j].form]++
		}
	}
	m.vocab = map[uint64]uint8{}
	for f, c := range wordCount {
		switch {
		case c >= pairMin:
			m.vocab[f] = 2
		case c >= vocabMin:
			m.vocab[f] = 1
		}
	}
	opt.logf("vocabulary: %d words, %d of them in word pairs", len(m.vocab), countOf(m.vocab, 2))
	m.index()
	if opt.NoTagger {
		m.tagdict = map[uint64]uint8{}
	} else {
		trainOwnTagger(m, p, examples, golds, opt, v)
	}
	return trainParser(m, p, examples, golds, opt, v)
}

// A word is in the vocabulary if it occurs at least vocabMin times in the
// training set, and word-pair features read it if at least pairMin times.
const (
	vocabMin = 2
	pairMin  = 20
)

func countOf(m map[uint64]uint8, v uint8) int {
	n := 0
	for _, x := range m {
		if x == v {
			n++
		}
	}
	return n
}

// gold is a training sentence's gold tree with ROOT as n, projectivised,
// its label and tag classes and its jackknifed tags.
type gold struct {
	heads []int32
	labs  []uint8
	xtags []uint8 // gold tag classes
	pred  []uint8 // jackknifed tag ids
}

func trainOwnTagger(m *Model, p *Parser, examples []Example, golds []gold, opt TrainOptions, v vocab) {
	// The tag dictionary: pairs of a word and its input tag seen at
	// least 10 times in training with one tag at least 99% of the time,
	// and input tags that are one tag at least 99.5% of the time on
	// any word.
	type keyTag struct {
		key uint64
		tag uint8
	}
	counts := map[keyTag]int{}
	totals := map[uint64]int{}
	for i, ex := range examples {
		p.prepare(ex.Words, ex.Tags)
		for j := range ex.Words {
			for _, k := range []uint64{dictKey(p.c.wf[j].form, p.c.tag[j]), dictKey(hashAny, p.c.tag[j])} {
				counts[keyTag{k, golds[i].xtags[j]}]++
				totals[k]++
			}
		}
	}
	m.tagdict = map[uint64]uint8{}
	for kt, c := range counts {
		t := totals[kt.key]
		if kt.key>>8 == dictKey(hashAny, 0)>>8 {
			if t >= 1000 && float64(c) >= 0.995*float64(t) {
				m.tagdict[kt.key] = kt.tag
			}
		} else if t >= 10 && float64(c) >= 0.99*float64(t) {
			m.tagdict[kt.key] = kt.tag
		}
	}
	opt.logf("tag dictionary: %d entries", len(m.tagdict))
	m.index()

	// The tagger, jackknifed over the training set, then on all of it.
	start := time.Now()
	all := make([]int, len(examples))
	for i := range all {
		all[i] = i
	}
	trainTagger := func(idx []int, fold int) sparseTab {
		var step float64
		pc := newPerceptron(opt.TagBits, len(v.xtags), &step)
		sc := make([]float32, len(v.xtags))
		idx = slices.Clone(idx)
		for epoch := 1; epoch <= opt.TagEpochs; epoch++ {
			rng := rand.New(rand.NewPCG(opt.Seed, uint64(epoch)<<32|uint64(fold)))
			rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
			for _, ei := range idx {
				ex, g := &examples[ei], &golds[ei]
				p.prepare(ex.Words, ex.Tags)
				c := &p.c
				for i := int32(0); i < c.n; i++ {
					if x, ok := m.dictTag(c, i); ok {
						c.xtag[i] = x + 2
						continue
					}
					tagFeatures(c, i, &p.xf)
					step++
					pc.score(p.xf[:], sc)
					pred := argmaxF(sc)
					if want := int(g.xtags[i]); pred != want {
						pc.update(p.xf[:], want, pred)
					}
					c.xtag[i] = uint8(pred) + 2
				}
			}
		}
		return quantSparse(pc.averaged(), len(v.xtags), opt.TagBits)
	}
	k := opt.TagFolds
	right, total := 0, 0
	for fold := 0; fold < k && k > 1; fold++ {
		// Folds are runs of consecutive sentences, so that a fold's
		// documents are unseen by its tagger, as at run time.
		var in, out []int
		for _, i := range all {
			if i*k/len(all) == fold {
				out = append(out, i)
			} else {
				in = append(in, i)
			}
		}
		m.tagw = trainTagger(in, fold+1)
		for _, ei := range out {
			ex, g := &examples[ei], &golds[ei]
			p.prepare(ex.Words, ex.Tags)
			p.tag()
			for j := range g.pred {
				g.pred[j] = p.c.xtag[j]
				total++
				if g.pred[j] == g.xtags[j]+2 {
					right++
				}
			}
		}
	}
	m.tagw = trainTagger(all, 0)
	if k <= 1 {
		for ei := range examples {
			ex, g := &examples[ei], &golds[ei]
			p.prepare(ex.Words, ex.Tags)
			p.tag()
			copy(g.pred, p.c.xtag)
		}
	} else {
		opt.logf("tagger: %d folds, jackknifed accuracy on train %.4f, %s", k,
			float64(right)/float64(max(total, 1)), time.Since(start).Round(time.Millisecond))
	}

}

func trainParser(m *Model, p *Parser, examples []Example, golds []gold, opt TrainOptions, v vocab) (*Model, error) {
	all := make([]int, len(examples))
	for i := range all {
		all[i] = i
	}
	var step float64
	trans := newPerceptron(opt.TableBits, rowWidth, &step)
	labs := newPerceptron(opt.LabelBits, len(v.labels), &step)
	averaged := func() *Model {
		a := *m
		a.trans = quantDense(trans.averaged(), opt.TableBits)
		a.lab = quantSparse(labs.averaged(), len(v.labels), opt.LabelBits)
		return &a
	}
	lsc := make([]float32, len(v.labels))
	var tsc [rowWidth]float32
	order := slices.Clone(all)
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		start := time.Now()
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(epoch)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := epoch >= opt.ExploreFrom
		var steps, wrong int
		for _, ei := range order {
			ex, g := &examples[ei], &golds[ei]
			p.prepare(ex.Words, ex.Tags)
			if m.ownTagger() {
				copy(p.c.xtag, g.pred)
			}
			s := &p.s
			s.reset(len(ex.Words))
			for !s.terminal() {
				valid := s.valid()
				act := int(forced[valid])
				if act < 0 {
					// Only a choice is learnt from; forced transitions
					// (see Parser.parse) are taken as they come.
					transFeatures(&p.c, s, &p.tf)
					trans.score(p.tf[:], tsc[:])
					sc := [numActs]float32(tsc[:numActs])
					pred := argmaxValid(&sc, valid)
					cost := s.costs(g.heads, valid)
					least := cost[pred]
					for a := range cost {
						least = min(least, cost[a])
					}
					best := -1
					for a := 0; a < numActs; a++ {
						if valid&(1<<a) != 0 && cost[a] == least && (best < 0 || sc[a] > sc[best]) {
							best = a
						}
					}
					step++
					steps++
					act = pred
					if cost[pred] > least {
						wrong++
						trans.update(p.tf[:], best, pred)
						if !explore || rng.Float64() >= opt.ExploreProb {
							act = best
						}
					}
				}
				var lab uint8
				if act != actShift {
					h, d := s.arc(act)
					if h == s.n {
						lab = rootLabel
					} else {
						labelFeatures(&p.c, s, act, h, d, &p.lf)
						labs.score(p.lf[:], lsc)
						lp := uint8(argmaxF(lsc))
						if g.heads[d] == h && lp != g.labs[d] {
							labs.update(p.lf[:], int(g.labs[d]), int(lp))
						}
						lab = lp + 1
					}
				}
				s.apply(act, lab)
			}
		}
		line := fmt.Sprintf("epoch %2d: %.2f%% transitions wrong, %s", epoch,
			100*float64(wrong)/float64(max(steps, 1)), time.Since(start).Round(time.Millisecond))
		if len(opt.Dev) > 0 {
			r := EvaluateExamples(averaged(), opt.Dev)
			line += fmt.Sprintf("; dev UAS %.4f LAS %.4f", r.UAS, r.LAS)
		}
		opt.logf("%s", line)
	}
	return averaged(), nil
}
