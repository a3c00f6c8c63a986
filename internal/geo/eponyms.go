package geo

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/dateline-project/dateline/internal/lexicon"
)

// EponymHeadsFile is the list of nouns that make the name before them
// something's name rather than a place (eponym_heads.tsv), below data/.
const EponymHeadsFile = "gazetteer/eponym_heads.tsv"

// EponymHeads are nouns that turn a capitalised name straight before them
// into the name of something else ("Marburg virus", "Lyme disease"). It
// is immutable once loaded.
type EponymHeads struct{ words map[string]bool }

// LoadEponymHeads reads the list from fsys (laid out as below data/).
func LoadEponymHeads(fsys fs.FS) (*EponymHeads, error) {
	h := &EponymHeads{words: map[string]bool{}}
	err := lexicon.ReadFile(fsys, EponymHeadsFile, []string{"word"}, func(r lexicon.Record) error {
		w := r.Get("word")
		if w == "" || w != strings.ToLower(w) {
			return r.Errorf("word %q is not one lower-case word", w)
		}
		h.words[w] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load eponym heads: %w", err)
	}
	return h, nil
}

// has reports whether w, case-folded, is one of the nouns.
func (h *EponymHeads) has(w string) bool {
	return h != nil && h.words[strings.ToLower(w)]
}
