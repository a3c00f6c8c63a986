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

// Cues is the speech-cue lexicon, keyed by first word. It is immutable and
// shared by all workers.
type Cues struct {
	byFirst map[string][]cue
}

// LoadCues reads the embedded cue lexicon.
func LoadCues() (*Cues, error) { return LoadCuesFS(data.FS, "cues/speech.tsv") }

// LoadCuesFS reads a cue lexicon from fsys.
func LoadCuesFS(fsys fs.FS, path string) (*Cues, error) {
	c := &Cues{byFirst: map[string][]cue{}}
	err := lexicon.ReadFile(fsys, path, []string{"cue", "kind"}, func(r lexicon.Record) error {
		words := strings.Fields(r.Get("cue"))
		if len(words) == 0 {
			return r.Errorf("empty cue")
		}
		kind := r.Get("kind")
		if kind != "verb" && kind != "phrase" {
			return r.Errorf("kind must be verb or phrase, not %q", kind)
		}
		c.byFirst[words[0]] = append(c.byFirst[words[0]], cue{words: words, phrase: kind == "phrase", rule: fmt.Sprintf("%s:%d", path, r.Line)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load speech cues: %w", err)
	}
	return c, nil
}

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
