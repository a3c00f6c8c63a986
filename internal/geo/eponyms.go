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
// into the name of something else ("Marburg virus", "Lyme disease"), and
// places of worship, whose saints are patrons rather than towns ("St.
// Mark's Cathedral"). It is immutable once loaded.
type EponymHeads struct {
	words       map[string]bool
	dedications map[string]bool
}

// LoadEponymHeads reads the list from fsys (laid out as below data/).
func LoadEponymHeads(fsys fs.FS) (*EponymHeads, error) {
	h := &EponymHeads{words: map[string]bool{}, dedications: map[string]bool{}}
	err := lexicon.ReadFile(fsys, EponymHeadsFile, []string{"word", "kind"}, func(r lexicon.Record) error {
		w := r.Get("word")
		if w == "" || w != strings.ToLower(w) {
			return r.Errorf("word %q is not one lower-case word", w)
		}
		switch r.Get("kind") {
		case "", "eponym":
			h.words[w] = true
		case "dedication":
			h.dedications[w] = true
		default:
			return r.Errorf("kind %q is neither eponym nor dedication", r.Get("kind"))
		}
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

// dedication reports whether w, case-folded, names a place of worship.
func (h *EponymHeads) dedication(w string) bool {
	return h != nil && h.dedications[strings.ToLower(w)]
}
