package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/doc"
)

// tok is a token under construction: the doc.Token fields plus what the
// sentence splitter and the tagger need to know about it.
type tok struct {
	start, end int
	kind       doc.TokenKind
	flags      tokFlags
	ab         abbrevClass
	// form is the string the tagger sees: the token text, or the Penn
	// Treebank spelling of it (“ → ``, ” → '', — → --, ’s → 's).
	form string
}

type tokFlags uint16

const (
	fOpen     tokFlags = 1 << iota // opening quote or bracket
	fClose                         // closing quote or bracket
	fTerm                          // . ! ?
	fEllipsis                      // ... or …
	fURL                           // URL, e-mail address or domain name: tagged NN
	fUpper                         // word whose first letter is upper case
	fLower                         // word whose first letter is lower case
	fComma                         // , ; :
)

// tokenizer splits one paragraph at a time into toks. Quote direction is
// tracked per paragraph: news style reopens a quote that runs on into the
// next paragraph.
type tokenizer struct {
	text     string
	pe       int // end of the paragraph being tokenized
	toks     []tok
	openD    int // open double quotes
	openS    int // open single quotes
	lastEnd  int // end of the previous token in this paragraph, -1 if none
	lastKind doc.TokenKind
	// noEmail is the end of a run of characters already known not to
	// start an e-mail address.
	noEmail int
	// noDomain is the end of a run already known not to be a domain name.
	noDomain int
}

func (z *tokenizer) emit(start, end int, kind doc.TokenKind, flags tokFlags, form string) {
	z.toks = append(z.toks, tok{start: start, end: end, kind: kind, flags: flags, form: form})
	z.lastEnd, z.lastKind = end, kind
}

// paragraph appends the tokens of text[ps:pe].
func (z *tokenizer) paragraph(ps, pe int) {
	text := z.text
	z.pe = pe
	z.openD, z.openS = 0, 0
	z.lastEnd = -1
	z.noEmail, z.noDomain = 0, 0
	i := ps
	for i < pe {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c <= ' ' || c == 0x7f:
				i++
			case asciiClass[c]&cAlnum != 0:
				i = z.word(i)
			case c == '"':
				z.doubleQuote(i, 1)
				i++
			case c == '\'':
				i = z.apostrophe(i, 1)
			case c == '`':
				n := 1
				if i+1 < pe && text[i+1] == '`' {
					n = 2
				}
				z.openD++
				z.emit(i, i+n, doc.QuoteMark, fOpen, "``")
				i += n
			case c == '.':
				i = z.dots(i)
			case c == '-':
				n := 1
				for i+n < pe && text[i+n] == '-' {
					n++
				}
				z.emit(i, i+n, doc.Punct, 0, "--")
				i += n
			case c == '!' || c == '?':
				z.emit(i, i+1, doc.Punct, fTerm, text[i:i+1])
				i++
			case c == '(' || c == '[' || c == '{':
				z.emit(i, i+1, doc.Punct, fOpen, "(")
				i++
			case c == ')' || c == ']' || c == '}':
				z.emit(i, i+1, doc.Punct, fClose, ")")
				i++
			case c == ',' || c == ';' || c == ':':
				z.emit(i, i+1, doc.Punct, fComma, text[i:i+1])
				i++
			case asciiClass[c]&cSymbol != 0:
				z.emit(i, i+1, doc.Symbol, 0, text[i:i+1])
				i++
			default:
				z.emit(i, i+1, doc.Punct, 0, text[i:i+1])
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:pe])
		switch {
		case r == utf8.RuneError && size == 1:
			z.emit(i, i+1, doc.Symbol, 0, text[i:i+1])
		case isWordStart(r):
			i = z.word(i)
			continue
		case r == '’':
			i = z.apostrophe(i, size)
			continue
		case r == '“' || r == '„' || r == '‟' || r == '«' || r == '‹':
			z.openD++
			z.emit(i, i+size, doc.QuoteMark, fOpen, "``")
		case r == '”' || r == '»' || r == '›':
			if z.openD > 0 {
				z.openD--
			}
			z.emit(i, i+size, doc.QuoteMark, fClose, "''")
		case r == '‘' || r == '‚' || r == '‛':
			z.openS++
			z.emit(i, i+size, doc.QuoteMark, fOpen, "``")
		case r == '…':
			z.emit(i, i+size, doc.Punct, fEllipsis, "...")
		case r == '—' || r == '–' || r == '―' || r == '‒' || r == '−' || r == '‐' || r == '‑':
			z.emit(i, i+size, doc.Punct, 0, "--")
		case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
			// White space, and invisible format characters (zero-width
			// space, BOM) that only separate words.
		case unicode.Is(unicode.Sc, r):
			z.emit(i, i+size, doc.Symbol, 0, "$")
		case unicode.IsSymbol(r):
			z.emit(i, i+size, doc.Symbol, 0, text[i:i+size])
		case r == '¿' || r == '¡':
			z.emit(i, i+size, doc.Punct, 0, text[i:i+size])
		case unicode.IsPunct(r):
			z.emit(i, i+size, doc.Punct, 0, text[i:i+size])
		default:
			z.emit(i, i+size, doc.Symbol, 0, text[i:i+size])
		}
		i += size
	}
}

// dots handles a full stop or a run of periods (an ellipsis) at i.
func (z *tokenizer) dots(i int) int {
	n := 1
	for i+n < z.pe && z.text[i+n] == '.' {
		n++
	}
	if n == 1 {
		z.emit(i, i+1, doc.Punct, fTerm, ".")
	} else {
		z.emit(i, i+n, doc.Punct, fEllipsis, "...")
	}
	return i + n
}

// doubleQuote emits a straight double quote at i, deciding its direction
// from the characters around it and, when they do not tell, from whether a
// quote is open.
func (z *tokenizer) doubleQuote(i, size int) {
	open := z.quoteOpens(i, size, z.openD)
	if open {
		z.openD++
		z.emit(i, i+size, doc.QuoteMark, fOpen, "``")
		return
	}
	if z.openD > 0 {
		z.openD--
	}
	z.emit(i, i+size, doc.QuoteMark, fClose, "''")
}

// quoteOpens decides whether a straight quote at i opens or closes.
func (z *tokenizer) quoteOpens(i, size, open int) bool {
	before := true
	if n := len(z.toks); n > 0 && z.lastEnd == i {
		p := &z.toks[n-1]
		before = p.flags&fOpen != 0 || p.form == "--"
	}
	after := i+size >= z.pe || closesAfter(z.text[i+size])
	switch {
	case before && !after:
		return true
	case !before && after:
		return false
	}
	return open == 0
}

// closesAfter reports whether a quote right before byte c is at the end of
// something: before white space or closing punctuation.
func closesAfter(c byte) bool {
	return c <= ' ' || c == ',' || c == '.' || c == ';' || c == ':' || c == '!' ||
		c == '?' || c == ')' || c == ']' || c == '}' || c == 0xc2 /* NBSP */ || c == 0xe2 /* ” ’ — … */
}

// apostrophe handles ' or ’ at i: a clitic ('s, 're, n't is handled in
// word), a possessive marker (the Smiths'), the start of '90s, the closing
// double quote ” or a single quotation mark.
func (z *tokenizer) apostrophe(i, size int) int {
	text, pe := z.text, z.pe
	adj := z.lastEnd == i && (z.lastKind == doc.Word || z.lastKind == doc.Number)
	k := i + size
	if adj {
		m := k
		for m < pe && isASCIILetter(text[m]) {
			m++
		}
		if m > k && !wordRuneAt(text, m, pe) {
			if form := cliticForm(text[k:m]); form != "" {
				if size == 1 && text[k:m] == form[1:] {
					form = text[i:m]
				}
				z.emit(i, m, doc.Word, fLower, form)
				return m
			}
		}
	}
	if size == 1 && k < pe && text[k] == '\'' {
		if z.openD > 0 {
			z.openD--
		}
		z.emit(i, k+1, doc.QuoteMark, fClose, "''")
		return k + 1
	}
	nextWord := wordRuneAt(text, k, pe)
	if adj && z.openS == 0 && !nextWord {
		if c := text[i-1]; c == 's' || c == 'S' || c == 'z' {
			z.emit(i, k, doc.Punct, 0, "'")
			return k
		}
	}
	if !adj && k < pe && isDigit(text[k]) && (z.lastEnd != i) {
		// '90s, '22: an elided century belongs to the number.
		start := len(z.toks)
		end := z.word(k)
		if len(z.toks) == start+1 {
			t := &z.toks[start]
			t.start = i
			t.form = text[i:end]
		}
		return end
	}
	var open bool
	if z.openS > 0 && (z.lastEnd == i || !nextWord) {
		open = false
	} else {
		open = z.quoteOpens(i, size, z.openS)
	}
	if open {
		z.openS++
		z.emit(i, k, doc.QuoteMark, fOpen, "``")
	} else {
		if z.openS > 0 {
			z.openS--
		}
		z.emit(i, k, doc.QuoteMark, fClose, "''")
	}
	return k
}

// cliticForm returns the Penn Treebank form of the clitic whose letters
// (after the apostrophe) are s, or "" when s is not a clitic.
func cliticForm(s string) string {
	switch len(s) {
	case 1:
		switch s[0] | 0x20 {
		case 's':
			return "'s"
		case 'd':
			return "'d"
		case 'm':
			return "'m"
		}
	case 2:
		switch {
		case equalFoldASCII(s, "re"):
			return "'re"
		case equalFoldASCII(s, "ve"):
			return "'ve"
		case equalFoldASCII(s, "ll"):
			return "'ll"
		}
	}
	return ""
}

// word scans a word, number, abbreviation, clitic n't, URL or e-mail
// address starting at i and returns its end.
func (z *tokenizer) word(i int) int {
	text, pe := z.text, z.pe
	c := text[i]
	if (c == 'n' || c == 'N') && z.lastEnd == i && z.lastKind == doc.Word {
		if n := ntLen(text, i, pe); n > 0 {
			form := "n't"
			if text[i:i+n] == form {
				form = text[i : i+n]
			}
			z.emit(i, i+n, doc.Word, fLower, form)
			return i + n
		}
	}
	if c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f' || c == 'F' {
		if end := urlEnd(text, i, pe); end > i {
			z.emit(i, end, doc.Word, fURL|fLower, text[i:end])
			return end
		}
	}
	j := i
	letters := 0
	flags := tokFlags(0)
	ab := abNone
loop:
	for j < pe {
		c := text[j]
		r, size := rune(c), 1
		if c < utf8.RuneSelf {
			if asciiClass[c]&cAlnum != 0 {
				if asciiClass[c]&cDigit == 0 {
					letters++
				}
				j++
				continue
			}
		} else {
			r, size = utf8.DecodeRuneInString(text[j:pe])
			if isWordRune(r) {
				letters++
				j += size
				continue
			}
		}
		switch r {
		case '-', '‐', '‑':
			// Hyphenated compounds stay whole: Nagorno-Karabakh,
			// al-Assad, 30-year, 2023-09-16.
			if j > i && alnumAt(text, j+size, pe) {
				j += size
				continue
			}
		case ',':
			if letters == 0 && isDigit(text[j-1]) && digitGroup(text, j+1, pe) {
				j++
				continue
			}
		case ':':
			if letters == 0 && isDigit(text[j-1]) && j+2 < pe && isDigit(text[j+1]) &&
				isDigit(text[j+2]) && (j+3 >= pe || !isDigit(text[j+3])) {
				j++ // clock time 10:30
				continue
			}
		case '.':
			if isDigit(text[j-1]) && j+1 < pe && isDigit(text[j+1]) && (letters == 0 || numberAfterHyphen(text, i, j)) {
				j++ // decimal 3.5, magnitude-7.9
				continue
			}
			if j-i == 1 && isASCIILetter(text[i]) && j+2 < pe && isASCIILetter(text[j+1]) && text[j+2] == '.' {
				k := j
				for k+2 < pe && text[k] == '.' && isASCIILetter(text[k+1]) && text[k+2] == '.' {
					k += 2
				}
				end := k + 1
				if end < pe && text[end] == '-' && alnumAt(text, end+1, pe) {
					j = end // U.S.-led
					letters++
					continue
				}
				ab = abInitialism
				if w := text[i:end]; w == "a.m." || w == "p.m." || w == "A.M." || w == "P.M." {
					ab = abClock
				}
				j = end
				break loop
			}
			if cls := abbrevClassOf(text[i:j]); cls != abNone {
				if cls != abNumber || digitAfter(text, j+1, pe) {
					ab = cls
					j++
					break loop
				}
				break loop
			}
			if letters == 1 && j-i == utf8.RuneLen(firstRune(text[i:j])) && isUpperRune(firstRune(text[i:j])) {
				ab = abInitial // J. in J. R. Smith
				j++
				break loop
			}
			if letters >= 2 && j+2 < pe && isLowerASCII(text[j+1]) && isLowerASCII(text[j+2]) && j >= z.noDomain {
				// A domain name such as example.com stays whole.
				k := j + 1
				for k < pe && (isASCIIAlnum(text[k]) || text[k] == '-' || (text[k] == '.' && k+1 < pe && isASCIIAlnum(text[k+1]))) {
					k++
				}
				if tld := lastLabel(text[j+1 : k]); len(tld) >= 2 && isLowerWord(tld) {
					j = k
					flags |= fURL
					continue
				}
				z.noDomain = k // keeps runs such as a.b.c.d linear

			}
		case '\'', '’':
			if j > i && wordRuneAt(text, j+size, pe) {
				k := j + size
				m := k
				for m < pe && isASCIILetter(text[m]) {
					m++
				}
				if !wordRuneAt(text, m, pe) {
					if cliticForm(text[k:m]) != "" {
						break loop // Azerbaijan|'s, they|'re
					}
					if m == k+1 && (text[k]|0x20) == 't' && j-1 > i && (text[j-1]|0x20) == 'n' {
						j-- // do|n't, ca|n't
						break loop
					}
				}
				j += size // O'Brien, Qur'an
				letters++
				continue
			}
		case '&':
			if j > i && isUpperASCII(text[j-1]) && j+1 < pe && isUpperASCII(text[j+1]) {
				j++ // AT&T
				continue
			}
		}
		if (r == '@' || r == '.' || r == '_' || r == '+' || r == '%' || r == '-') && i >= z.noEmail {
			end, run := emailEnd(text, i, pe)
			if end < 0 {
				// Every start inside the same run of address
				// characters fails alike: remember, so that long
				// runs stay linear.
				z.noEmail = run
			} else if end > j {
				z.emit(i, end, doc.Word, fURL|fLower, text[i:end])
				return end
			}
		}
		break
	}
	if j == i {
		// Not reachable for callers that start on a word rune; keep the
		// scanner moving anyway.
		_, size := utf8.DecodeRuneInString(text[i:pe])
		j = i + size
	}
	kind := doc.Word
	if letters == 0 && isDigit(text[i]) {
		kind = doc.Number
	} else if r := firstRune(text[i:j]); isUpperRune(r) {
		flags |= fUpper
	} else if unicode.IsLower(r) {
		flags |= fLower
	}
	z.toks = append(z.toks, tok{start: i, end: j, kind: kind, flags: flags, ab: ab, form: text[i:j]})
	z.lastEnd, z.lastKind = j, kind
	return j
}

// ntLen returns the length of n't (or n’t) at i when it ends a word, else 0.
func ntLen(text string, i, pe int) int {
	k := i + 1
	switch {
	case k < pe && text[k] == '\'':
		k++
	case k+2 < pe && text[k:k+3] == "’":
		k += 3
	default:
		return 0
	}
	if k < pe && (text[k]|0x20) == 't' && !wordRuneAt(text, k+1, pe) {
		return k + 1 - i
	}
	return 0
}

// urlEnd returns the end of a URL starting at i (http://, https://, ftp://,
// www.), or -1. Trailing punctuation is left out.
func urlEnd(text string, i, pe int) int {
	rest := text[i:pe]
	if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") ||
		hasPrefixFold(rest, "ftp://") || (hasPrefixFold(rest, "www.") && len(rest) > 5 && isASCIIAlnum(rest[4]))) {
		return -1
	}
	j := i
	for j < pe {
		c := text[j]
		if c <= ' ' || c == '"' || c == '<' || c == '>' {
			break
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(text[j:pe])
			if unicode.IsSpace(r) || r == '”' || r == '“' || r == '’' || r == '»' || r == '«' {
				break
			}
			j += size
			continue
		}
		j++
	}
	for j > i {
		switch text[j-1] {
		case '.', ',', ';', ':', '!', '?', '\'', ')', ']', '}':
			j--
			continue
		}
		break
	}
	return j
}

// emailEnd returns the end of an e-mail address starting at i, or -1 and
// the end of the run of local-part characters that starts at i.
func emailEnd(text string, i, pe int) (end, run int) {
	j := i
	for j < pe && (isASCIIAlnum(text[j]) || text[j] == '.' || text[j] == '_' || text[j] == '%' || text[j] == '+' || text[j] == '-') {
		j++
	}
	if j == i || j >= pe || text[j] != '@' {
		return -1, j
	}
	run = j
	j++
	start, dots := j, 0
	for j < pe && (isASCIIAlnum(text[j]) || text[j] == '-' || (text[j] == '.' && j+1 < pe && isASCIIAlnum(text[j+1]))) {
		if text[j] == '.' {
			dots++
		}
		j++
	}
	if dots == 0 || j == start || len(lastLabel(text[start:j])) < 2 {
		return -1, run
	}
	return j, run
}

func lastLabel(s string) string {
	for k := len(s) - 1; k >= 0; k-- {
		if s[k] == '.' {
			return s[k+1:]
		}
	}
	return s
}

// digitGroup reports whether exactly three digits start at i (a thousands
// group: 30,000).
func digitGroup(text string, i, pe int) bool {
	return i+2 < pe && isDigit(text[i]) && isDigit(text[i+1]) && isDigit(text[i+2]) &&
		(i+3 >= pe || !isDigit(text[i+3]))
}

// digitAfter reports whether the next non-blank byte after i is a digit.
func digitAfter(text string, i, pe int) bool {
	for i < pe && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i < pe && isDigit(text[i])
}

// ASCII character classes.
const (
	cAlnum uint8 = 1 << iota
	cDigit
	cUpper
	cLower
	cSymbol
)

var asciiClass = func() (t [128]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = cAlnum | cDigit
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cAlnum | cUpper
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cAlnum | cLower
	}
	for _, c := range "$%&#@+=<>*^|~\\" {
		t[c] = cSymbol
	}
	return t
}()

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// numberAfterHyphen reports whether text[i:j], a word being read, ends in
// a part of digits only after a hyphen ("magnitude-7" before ".9"), so
// that a decimal point there is part of the number.
func numberAfterHyphen(text string, i, j int) bool {
	k := j
	for k > i && isDigit(text[k-1]) {
		k--
	}
	if k == j || k == i {
		return false
	}
	h := text[i:k]
	return strings.HasSuffix(h, "-") || strings.HasSuffix(h, "‐") || strings.HasSuffix(h, "‑")
}
func isUpperASCII(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isLowerASCII(c byte) bool  { return 'a' <= c && c <= 'z' }
func isASCIILetter(c byte) bool { return c < 128 && asciiClass[c]&(cUpper|cLower) != 0 }
func isASCIIAlnum(c byte) bool  { return c < 128 && asciiClass[c]&cAlnum != 0 }

// isWordStart reports whether r can start a word.
func isWordStart(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

// isWordRune reports whether r belongs inside a word: letters, digits,
// combining marks, and the invisible joiners and soft hyphen that
// typesetting leaves inside words.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cAlnum != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.IsNumber(r) ||
		r == 0xad || r == 0x200c || r == 0x200d
}

// wordRuneAt reports whether a word rune starts at i.
func wordRuneAt(text string, i, pe int) bool {
	if i < 0 || i >= pe {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return asciiClass[c]&cAlnum != 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:pe])
	return isWordRune(r)
}

// alnumAt reports whether a letter or digit starts at i.
func alnumAt(text string, i, pe int) bool {
	if i >= pe {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return asciiClass[c]&cAlnum != 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:pe])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func firstRune(s string) rune {
	if s == "" {
		return utf8.RuneError
	}
	if s[0] < utf8.RuneSelf {
		return rune(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isUpperRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isLowerWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLowerASCII(s[i]) {
			return false
		}
	}
	return true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && equalFoldASCII(s[:len(prefix)], prefix)
}

// equalFoldASCII compares s with the lower-case ASCII string lower, ignoring
// ASCII case.
func equalFoldASCII(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUpperASCII(c) {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
