package quote

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/lexicon"
)

// cue is one entry of data/cues/speech.tsv.
type cue struct {
	words  []string
	phrase bool
	rule   string
}

// Cues is the speech-cue lexicon, keyed by first word, with the words that
// announce a title in quotation marks and the words of transcript labels.
// It is immutable and shared by all workers.
type Cues struct {
	byFirst map[string][]cue
	// verbs are the one-word verb cues; bare those of them that take a
	// content clause without "that" (speech.tsv, column clause).
	verbs, bare map[string]bool
	// titles maps a lower-case word to its entry of cues/titles.tsv.
	titles map[string]titleWord
	// labels maps a capitalised word to its entry of cues/labels.tsv.
	labels map[string]labelWord
}

// titleWord is one entry of data/cues/titles.tsv.
type titleWord struct {
	verb bool // a participle of naming ("titled"), not a noun
	rule string
}

// Label kinds of data/cues/labels.tsv.
const (
	labelSpeaker   = "speaker"
	labelHonorific = "honorific"
	labelHeading   = "heading"
)

// labelWord is one entry of data/cues/labels.tsv.
type labelWord struct {
	kind string
	rule string
}

// LoadCues reads the embedded cue lexicons.
func LoadCues() (*Cues, error) { return LoadCuesFS(data.FS, "cues") }

// LoadCuesFS reads the cue lexicons speech.tsv, titles.tsv and labels.tsv
// from folder dir of fsys.
func LoadCuesFS(fsys fs.FS, dir string) (*Cues, error) {
	c := &Cues{byFirst: map[string][]cue{}, verbs: map[string]bool{}, bare: map[string]bool{}, titles: map[string]titleWord{}, labels: map[string]labelWord{}}
	path := dir + "/speech.tsv"
	err := lexicon.ReadFile(fsys, path, []string{"cue", "kind", "clause"}, func(r lexicon.Record) error {
		words := strings.Fields(r.Get("cue"))
		if len(words) == 0 {
			return r.Errorf("empty cue")
		}
		kind := r.Get("kind")
		if kind != "verb" && kind != "phrase" {
			return r.Errorf("kind must be verb or phrase, not %q", kind)
		}
		c.byFirst[words[0]] = append(c.byFirst[words[0]], cue{words: words, phrase: kind == "phrase", rule: fmt.Sprintf("%s:%d", path, r.Line)})
		switch clause := r.Get("clause"); {
		case clause != "" && clause != "bare":
			return r.Errorf("clause must be bare or empty, not %q", clause)
		case clause == "bare" && (kind != "verb" || len(words) != 1):
			return r.Errorf("only a one-word verb takes a bare clause")
		}
		if kind == "verb" && len(words) == 1 {
			c.verbs[words[0]] = true
			c.bare[words[0]] = r.Get("clause") == "bare"
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load speech cues: %w", err)
	}
	path = dir + "/titles.tsv"
	err = lexicon.ReadFile(fsys, path, []string{"word", "kind"}, func(r lexicon.Record) error {
		w, kind := r.Get("word"), r.Get("kind")
		if w == "" || w != strings.ToLower(w) || strings.ContainsAny(w, " \t") {
			return r.Errorf("word must be one lower-case word, not %q", w)
		}
		if kind != "noun" && kind != "verb" {
			return r.Errorf("kind must be noun or verb, not %q", kind)
		}
		if _, dup := c.titles[w]; dup {
			return r.Errorf("%q listed twice", w)
		}
		c.titles[w] = titleWord{verb: kind == "verb", rule: fmt.Sprintf("%s:%d", path, r.Line)}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load title words: %w", err)
	}
	path = dir + "/labels.tsv"
	err = lexicon.ReadFile(fsys, path, []string{"word", "kind"}, func(r lexicon.Record) error {
		w, kind := r.Get("word"), r.Get("kind")
		if w == "" || w != strings.ToUpper(w) || strings.ContainsAny(w, " \t") {
			return r.Errorf("word must be one word in capitals, not %q", w)
		}
		switch kind {
		case labelSpeaker, labelHonorific, labelHeading:
		default:
			return r.Errorf("kind must be speaker, honorific or heading, not %q", kind)
		}
		if _, dup := c.labels[w]; dup {
			return r.Errorf("%q listed twice", w)
		}
		c.labels[w] = labelWord{kind: kind, rule: fmt.Sprintf("%s:%d", path, r.Line)}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load transcript labels: %w", err)
	}
	return c, nil
}

// SpeechVerb reports a one-word verb of saying ("said", "warned"), lower
// case. It is safe for concurrent use.
func (c *Cues) SpeechVerb(w string) bool { return c.verbs[w] }

// bareClause reports a verb of saying that may take its content as a
// clause without "that" ("X said the talks failed").
func (c *Cues) bareClause(w string) bool { return c.bare[w] }

// match returns the longest cue starting at token i, given a function that
// returns the lower-case text of token k (or "" past the sentence).
func (c *Cues) match(tok func(k int) string, i int) (cue, int, bool) {
	var best cue
	n := 0
	for _, cu := range c.byFirst[tok(i)] {
		ok := true
		for j := 1; j < len(cu.words); j++ {
			if tok(i+j) != cu.words[j] {
				ok = false
				break
			}
		}
		if ok && len(cu.words) > n {
			best, n = cu, len(cu.words)
		}
	}
	return best, n, n > 0
}
