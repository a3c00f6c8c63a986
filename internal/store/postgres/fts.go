package postgres

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/dateline-project/dateline/internal/store"
)

// Full-text search. The SQLite store's FTS5 tables tokenise with
// unicode61 and remove_diacritics, without stemming or stop words, so
// that a query word matches that word. Here the tsvector comes from the
// 'simple' configuration (lower-casing, no stemming, no stop words) over
// text folded in Go first (fold: diacritics removed), and queries are
// folded the same way, so that "Bogotá" finds "Bogota" as it does in
// SQLite, without the unaccent extension, which a database user may not
// be allowed to create.

// maxFTSBytes bounds the folded text given to to_tsvector, whose result
// may not exceed 1 MB; half that keeps the longest document the coder
// accepts (1 MiB by default) under the limit with its positions. Words
// past it are not searchable, the rest of the document is stored whole.
const maxFTSBytes = 512 << 10

var stripMarks = runes.Remove(runes.In(unicode.Mn))

// fold removes diacritics and replaces what PostgreSQL text cannot hold
// (see clean), for to_tsvector and to_tsquery.
func fold(s string) string {
	s = clean(s)
	if isASCII(s) {
		return s
	}
	out, _, err := transform.String(transform.Chain(norm.NFD, stripMarks, norm.NFC), s)
	if err != nil {
		return s
	}
	return out
}

// foldDoc is the text a document's tsvector is made of: the title and the
// text, cut at maxFTSBytes on a character boundary.
func foldDoc(title, text string) string {
	s := fold(title + "\n" + text)
	if len(s) > maxFTSBytes {
		cut := maxFTSBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// clean makes s storable as PostgreSQL text, which refuses NUL bytes and
// invalid UTF-8: each becomes U+FFFD. Only filter columns take cleaned
// strings; the record itself is stored as JSON, whose escapes carry them.
func clean(s string) string {
	if strings.IndexByte(s, 0) < 0 && utf8.ValidString(s) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

// tsQuery turns a user's words into a to_tsquery('simple', ...) argument
// that cannot be a syntax error, with store.FTSQuery's meaning: every word
// must occur, a trailing * matches a prefix, operators and punctuation are
// literal. Each word is a quoted lexeme (PostgreSQL splits one with
// punctuation inside into a phrase of its parts, as FTS5 does a quoted
// string), joined with &. It returns "" when q has no words.
func tsQuery(q string) string {
	fq := store.FTSQuery(q) // drops control characters, quotes and bare *s
	if fq == "" {
		return ""
	}
	var b strings.Builder
	for _, w := range strings.Split(fq, " ") {
		prefix := strings.HasSuffix(w, "*")
		w = strings.TrimSuffix(w, "*")
		w = strings.TrimSuffix(strings.TrimPrefix(w, `"`), `"`)
		if b.Len() > 0 {
			b.WriteString(" & ")
		}
		b.WriteByte('\'')
		b.WriteString(strings.NewReplacer(`\`, `\\`, `'`, `''`).Replace(fold(w)))
		b.WriteByte('\'')
		if prefix {
			b.WriteString(":*")
		}
	}
	return b.String()
}
