package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

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

// LowerText returns s lower-cased with every byte offset preserved: a
// letter whose lower-case form has a different UTF-8 length (rare: the
// Kelvin sign, dotted capital I) is left as it is. Slicing the result with
// a token's span gives the token's lower-case text, so a stage that looks
// up many tokens can lower-case a document once (one allocation) instead of
// once per token. It returns s itself when s has no upper-case letters.
func LowerText(s string) string {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			break
		}
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	changed := false
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
				changed = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if l := unicode.ToLower(r); l != r && r != utf8.RuneError && utf8.RuneLen(l) == size {
			utf8.EncodeRune(b[i:], l)
			changed = true
		}
		i += size
	}
	if !changed {
		return s
	}
	return string(b)
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
