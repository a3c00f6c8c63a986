package when

import (
	"unicode"
	"unicode/utf8"
)

// token kinds of the package's own light tokenizer.
const (
	kWord uint8 = iota + 1
	kNum
	kPunct
)

// tok is one token of the light tokenizer: a word, a number or one
// punctuation character, with its byte span and the lexicon entry of its
// lower-case form.
//
// The package tokenizes by itself rather than reading d.Tokens so that Find
// works on raw text and gives exactly what Process gives. The grammar needs
// less than the text layer offers: numbers keep their separators ("30,000",
// "2023-09-12") so that a count is never read as a year, hyphenated words
// stay whole ("30-year", "mid-September") and a possessive "'s" is split
// off ("Tuesday's").
type tok struct {
	start, end int32
	kind       uint8
	hyphen     bool  // a word or number with an internal hyphen or dash
	upper      bool  // the first letter is a capital
	paraBefore bool  // a blank line separates it from the previous token
	punct      rune  // the character of a kPunct token
	e          int32 // 1 + index into Resolver.entries, 0 for none; no pointer, so the GC skips toks
}

// scanner holds the token buffer that a Stage reuses between documents.
type scanner struct {
	r    *Resolver
	toks []tok
	buf  [24]byte
}

func isASCIIAlpha(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }
func isDigit(c byte) bool      { return '0' <= c && c <= '9' }

// asciiAlnum marks the ASCII letters and digits, for the tokenizer's inner
// loops.
var asciiAlnum = func() (t [256]bool) {
	for c := 0; c < 128; c++ {
		t[c] = isASCIIAlpha(byte(c)) || isDigit(byte(c))
	}
	return t
}()

// letterAt reports whether a letter or digit starts at s[i], and its size.
func alnumAt(s string, i int) (bool, int) {
	if i >= len(s) {
		return false, 0
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return isASCIIAlpha(c) || isDigit(c), 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)), n
}

// scan tokenizes s into sc.toks.
func (sc *scanner) scan(s string) {
	toks := sc.toks[:0]
	newlines := 0
	for i := 0; i < len(s); {
		c := s[i]
		// White space.
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' {
			if c == '\n' {
				newlines++
			}
			i++
			continue
		}
		var r rune = rune(c)
		size := 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError && unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		t := tok{start: int32(i), paraBefore: newlines >= 2}
		newlines = 0
		switch {
		case isDigit(c):
			t.kind = kNum
			i = sc.number(s, i, &t)
		case isASCIIAlpha(c) || (c >= utf8.RuneSelf && r != utf8.RuneError && unicode.IsLetter(r)):
			t.kind = kWord
			t.upper = ('A' <= c && c <= 'Z') || (c >= utf8.RuneSelf && unicode.IsUpper(r))
			i = sc.word(s, i, &t)
		default:
			t.kind = kPunct
			t.punct = r
			i += size
		}
		t.end = int32(i)
		if t.kind == kWord && !t.hyphen {
			t.e = sc.r.lookupIndex(s[t.start:t.end], sc.buf[:])
		}
		toks = append(toks, t)
	}
	sc.toks = toks
}

// number scans a number starting at s[i]: digits with internal separators
// (, . : between digits, hyphens and en dashes between alphanumerics) and
// letter suffixes ("12th", "30-year").
func (sc *scanner) number(s string, i int, t *tok) int {
	for i < len(s) {
		c := s[i]
		if isDigit(c) || isASCIIAlpha(c) {
			i++
			continue
		}
		if (c == ',' || c == '.' || c == ':' || c == '/') && i > 0 && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1]) {
			i++
			continue
		}
		if c == '-' {
			if ok, _ := alnumAt(s, i+1); ok && i > 0 {
				t.hyphen = true
				i++
				continue
			}
		}
		if c == 0xE2 && len(s) >= i+3 && s[i+1] == 0x80 && s[i+2] == 0x93 && i+3 < len(s) && isDigit(s[i+3]) && isDigit(s[i-1]) {
			// en dash between digits: "2019–21".
			t.hyphen = true
			i += 3
			continue
		}
		break
	}
	return i
}

// word scans a word starting at s[i]: letters and digits, with internal
// hyphens and apostrophes; a final possessive 's is left for the next
// token.
func (sc *scanner) word(s string, i int, t *tok) int {
	for i < len(s) {
		if asciiAlnum[s[i]] {
			i++
			continue
		}
		ok, n := alnumAt(s, i)
		if ok {
			i += n
			continue
		}
		c := s[i]
		if c == '-' {
			if ok, _ := alnumAt(s, i+1); ok {
				t.hyphen = true
				i++
				continue
			}
			break
		}
		alen := 0
		if c == '\'' {
			alen = 1
		} else if c == 0xE2 && len(s) >= i+3 && s[i+1] == 0x80 && s[i+2] == 0x99 {
			alen = 3
		}
		if alen > 0 {
			j := i + alen
			if ok, _ := alnumAt(s, j); !ok {
				break
			}
			// Possessive 's: stop before the apostrophe.
			if j < len(s) && (s[j] == 's' || s[j] == 'S') {
				if ok, _ := alnumAt(s, j+1); !ok {
					break
				}
			}
			i = j
			continue
		}
		break
	}
	return i
}
