package gazetteer

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps a Latin letter with diacritics (U+00C0 to U+02FF, U+1E00 to
// U+1EFF) to its lower-case ASCII base letters. It is built once from the
// Unicode decompositions plus the letters that have none (ø, ł, ß, ə...), so
// that folding at lookup time is a table read, not a normalisation pass.
var foldTable = buildFoldTable()

const (
	foldLo1, foldHi1 = 0x00C0, 0x0300
	foldLo2, foldHi2 = 0x1E00, 0x1F00
)

type foldTables struct {
	a [foldHi1 - foldLo1]string
	b [foldHi2 - foldLo2]string
}

func buildFoldTable() *foldTables {
	special := map[rune]string{
		'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d",
		'þ': "th", 'ł': "l", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŋ': "n",
		'ĸ': "k", 'ŀ': "l", 'ƒ': "f", 'ɨ': "i", 'ʉ': "u", 'ǝ': "e",
		// Azerbaijani schwa: GeoNames' ASCII names write it "a" (Xankəndi,
		// Xankandi), so folding agrees with them.
		'ə': "a",
		'ɛ': "e", 'ɔ': "o", 'ƴ': "y", 'ɓ': "b", 'ɗ': "d",
	}
	t := &foldTables{}
	set := func(r rune, s string) {
		switch {
		case r >= foldLo1 && r < foldHi1:
			t.a[r-foldLo1] = s
		case r >= foldLo2 && r < foldHi2:
			t.b[r-foldLo2] = s
		}
	}
	fill := func(lo, hi rune) {
		for r := lo; r < hi; r++ {
			l := unicode.ToLower(r)
			if s, ok := special[l]; ok {
				set(r, s)
				continue
			}
			d := norm.NFD.String(string(l))
			base, _ := utf8.DecodeRuneInString(d)
			if base < utf8.RuneSelf && unicode.IsLetter(base) {
				set(r, string(unicode.ToLower(base)))
			}
		}
	}
	fill(foldLo1, foldHi1)
	fill(foldLo2, foldHi2)
	// Modifier-letter apostrophes (Agʻdam, Ṣanʿāʾ) spell the same names as
	// the ASCII apostrophe.
	for _, r := range []rune{'\u02BB', '\u02BC', '\u02BE', '\u02BF'} {
		set(r, "'")
	}
	return t
}

// Fold appends the lookup key of s to dst and returns the extended buffer.
// The key is lower-case, has Latin diacritics removed (Laçın → lacin), maps
// every apostrophe-like mark to ' and every dash to -, drops dots and
// combining marks, and collapses runs of white space to one space, so that
// a name written in a news text and the same name in GeoNames meet on one
// key. Folding a key again leaves it unchanged. It does not allocate when
// dst has room.
func Fold(dst []byte, s string) []byte {
	space := false
	start := len(dst)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				space = true
				continue
			case c == '.':
				continue
			case c == '`':
				c = '\''
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		var rep string
		switch {
		case r >= foldLo1 && r < foldHi1:
			rep = foldTable.a[r-foldLo1]
		case r >= foldLo2 && r < foldHi2:
			rep = foldTable.b[r-foldLo2]
		case r == '\u2019' || r == '\u2018':
			rep = "'"
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2014':
			rep = "-"
		case r == '\u00A0' || unicode.IsSpace(r):
			space = true
			continue
		case unicode.Is(unicode.Mn, r):
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		if rep != "" {
			dst = append(dst, rep...)
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// FoldString returns the lookup key of s. It allocates; hot paths use Fold
// with a reused buffer.
func FoldString(s string) string { return string(Fold(nil, s)) }

// isASCIIKey reports whether s is already its own key, so loaders can use
// it as is.
func isASCIIKey(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '.' || c == '`' || c == '\t' || c == '\n' || c == '\r' {
			return false
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	return !prevSpace || len(s) == 0
}
