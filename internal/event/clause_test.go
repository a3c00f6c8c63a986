package event

import (
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

// TestTokenAt checks the offset index against the search it replaces, on
// tokens in text order and on tokens out of order (which it leaves to
// the search).
func TestTokenAt(t *testing.T) {
	text := "Rebels  attacked the town, police said."
	spans := [][2]int{{0, 6}, {8, 16}, {17, 20}, {21, 25}, {25, 26}, {27, 33}, {34, 38}, {38, 39}}
	unordered := [][2]int{{8, 16}, {0, 6}, {17, 20}}
	for _, sp := range [][][2]int{spans, unordered, nil} {
		d := &doc.Doc{Text: text}
		for _, s := range sp {
			d.Tokens = append(d.Tokens, doc.Token{Span: doc.Span{Start: s[0], End: s[1]}})
		}
		var ci clauseIndex
		ci.d = d
		ci.indexOffsets()
		for off := -2; off <= len(text)+2; off++ {
			for lo := 0; lo <= len(d.Tokens)+1; lo++ {
				if got, want := ci.tokenAt(off, lo), tokenAtOrAfter(d, off, lo); got != want {
					t.Errorf("%d tokens: tokenAt(%d, %d) = %d, want %d", len(d.Tokens), off, lo, got, want)
				}
			}
		}
	}
}
