package parse

import (
	"fmt"
	"io"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
)

// Tagger tags one sentence that is already split into words: it writes
// the Penn Treebank tag of words[i] to tags[i]. spaceAfter[i] reports
// whether white space follows words[i] in the original text (CoNLL-U's
// SpaceAfter=No), so that a tagger working on running text can rebuild it.
type Tagger func(words []string, spaceAfter []bool, tags []string)

// Report is the score of a model on gold sentences. UAS and LAS follow the
// CoNLL 2018 shared task: every word counts, punctuation included, and LAS
// compares universal relations (the part before any colon); LASFull
// compares relations with their subtypes.
type Report struct {
	Sentences int     `json:"sentences"`
	Words     int     `json:"words"`
	UAS       float64 `json:"uas"`
	LAS       float64 `json:"las"`
	LASFull   float64 `json:"las_full"`
	// TagAccuracy is the share of words whose input tag (the text
	// layer's tagger) equals the gold XPOS; 0 when the tags were not
	// predicted here. ParserTagAccuracy is the same for the tags the
	// parser predicts for itself from the words and the input tags.
	TagAccuracy       float64 `json:"tag_accuracy,omitempty"`
	ParserTagAccuracy float64 `json:"parser_tag_accuracy"`
	// SentencesPerSec and WordsPerSec time the parser alone, on one
	// goroutine (tagging excluded).
	SentencesPerSec float64 `json:"sentences_per_s"`
	WordsPerSec     float64 `json:"words_per_s"`
}

// Write prints the report for people; errors is unused (the parse report
// lists no individual misses) and is there for the eval command.
func (r Report) Write(w io.Writer, errors int) {
	fmt.Fprintf(w, "sentences       %d\n", r.Sentences)
	fmt.Fprintf(w, "words           %d\n", r.Words)
	fmt.Fprintf(w, "UAS             %.4f\n", r.UAS)
	fmt.Fprintf(w, "LAS             %.4f  (universal relations, CoNLL 2018; all words, punctuation included)\n", r.LAS)
	fmt.Fprintf(w, "LAS (subtypes)  %.4f\n", r.LASFull)
	if r.TagAccuracy > 0 {
		fmt.Fprintf(w, "text tagger     %.4f  (the text layer's Penn tag = gold XPOS)\n", r.TagAccuracy)
	}
	fmt.Fprintf(w, "parser tagger   %.4f  (the parser's own tag = gold XPOS)\n", r.ParserTagAccuracy)
	fmt.Fprintf(w, "parse speed     %.0f sentences/s, %.0f words/s (one core, tagging excluded)\n", r.SentencesPerSec, r.WordsPerSec)
}

// Examples tags gold sentences with tag and returns them as examples: the
// gold trees with predicted tags. It also returns the share of words whose
// predicted tag equals the gold XPOS. A nil tag takes the gold XPOS tags
// themselves, to measure what tagging errors cost.
func Examples(gold []Sentence, tag Tagger) ([]Example, float64) {
	out := make([]Example, len(gold))
	var words, right int
	var space []bool
	for i, s := range gold {
		n := len(s.Words)
		ex := Example{
			Words: make([]string, n), Tags: make([]string, n), XPOS: make([]string, n),
			Heads: make([]int32, n), Deps: make([]doc.DepRel, n),
		}
		space = space[:0]
		for j, w := range s.Words {
			ex.Words[j] = w.Form
			ex.Heads[j] = w.Head
			ex.Deps[j] = w.Dep
			ex.XPOS[j] = w.XPOS
			space = append(space, w.SpaceAfter)
		}
		if tag != nil {
			tag(ex.Words, space, ex.Tags)
		} else {
			for j, w := range s.Words {
				ex.Tags[j] = w.XPOS
			}
		}
		for j, w := range s.Words {
			words++
			if ex.Tags[j] == w.XPOS {
				right++
			}
		}
		out[i] = ex
	}
	acc := 0.0
	if words > 0 {
		acc = float64(right) / float64(words)
	}
	return out, acc
}

// Evaluate tags the gold sentences with tag, parses them with m and scores
// the trees against the gold ones.
func Evaluate(m *Model, gold []Sentence, tag Tagger) Report {
	ex, acc := Examples(gold, tag)
	r := EvaluateExamples(m, ex)
	r.TagAccuracy = acc
	return r
}

// EvaluateExamples parses examples whose tags are already predicted and
// scores the trees.
func EvaluateExamples(m *Model, examples []Example) Report {
	p := NewParser(m)
	var heads []int32
	var deps []doc.DepRel
	var r Report
	var uas, las, full, xright int
	var elapsed time.Duration
	for _, ex := range examples {
		n := len(ex.Words)
		heads, deps = grow(heads, n), grow(deps, n)
		start := time.Now()
		p.Parse(ex.Words, ex.Tags, heads, deps)
		elapsed += time.Since(start)
		r.Sentences++
		for i, t := range p.c.xtag[:n] {
			names := m.xtags
			if !m.ownTagger() {
				names = m.tags
			}
			if i < len(ex.XPOS) && int(t)-2 < len(names) && names[t-2] == ex.XPOS[i] {
				xright++
			}
		}
		for i := 0; i < n; i++ {
			r.Words++
			if heads[i] != ex.Heads[i] {
				continue
			}
			uas++
			if deps[i].Base() == ex.Deps[i].Base() {
				las++
			}
			if deps[i] == ex.Deps[i] {
				full++
			}
		}
	}
	if r.Words > 0 {
		r.UAS = float64(uas) / float64(r.Words)
		r.LAS = float64(las) / float64(r.Words)
		r.LASFull = float64(full) / float64(r.Words)
		r.ParserTagAccuracy = float64(xright) / float64(r.Words)
	}
	if s := elapsed.Seconds(); s > 0 {
		r.SentencesPerSec = float64(r.Sentences) / s
		r.WordsPerSec = float64(r.Words) / s
	}
	return r
}
