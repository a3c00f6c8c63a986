package text

import (
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
)

// Lower returns the lower-cased text of d.Tokens[i], or "" when i is out of
// range. It allocates only when the token has upper-case letters: an
// already lower-case token is returned as a substring of d.Text. Stages
// that look tokens up in lower-case lexicons call it per token instead of
// lower-casing whole sentences.
func Lower(d *doc.Doc, i int) string {
	if i < 0 || i >= len(d.Tokens) {
		return ""
	}
	return strings.ToLower(d.SpanText(d.Tokens[i].Span))
}

// The Penn Treebank tags of opening and closing quotation marks. Every
// QuoteMark token carries one of them.
const (
	OpenQuoteTag  = "``"
	CloseQuoteTag = "''"
)
