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

// TokenAt returns the index of the token that contains byte offset off, or
// -1 when off falls in white space or outside the text. It is a binary
// search over d.Tokens.
func TokenAt(d *doc.Doc, off int) int {
	toks := d.Tokens
	lo, hi := 0, len(toks)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if toks[mid].End <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(toks) && toks[lo].Start <= off && off < toks[lo].End {
		return lo
	}
	return -1
}

// SentenceOf returns the index of the sentence that holds token i, or -1.
func SentenceOf(d *doc.Doc, i int) int {
	ss := d.Sentences
	lo, hi := 0, len(ss)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if ss[mid].EndToken <= i {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(ss) && ss[lo].FirstToken <= i && i < ss[lo].EndToken {
		return lo
	}
	return -1
}
