package parse

import (
	"unicode"
	"unicode/utf8"
)

// Word forms are normalised before they are hashed, the same way in
// training and at run time, so that the treebank's spelling and the text
// layer's tokens meet: letters are lower-cased, digits become 0 (so that
// 1997 and 2024 share one form and 3.5 and 10:30 keep their shape), curly
// quotes and apostrophes become straight ones, every quotation-mark token
// (" “ ” „ « » `` '') is ", every dash token (- -- – —) is -, an ellipsis
// is ..., and URLs and e-mail addresses are one form each.
//
// The hash is 64-bit FNV-1a over the normalised bytes, computed without
// building the string; it is part of the model format.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Fixed hashes of the pseudo-words.
const (
	hashNone  uint64 = 0x6e6f6e65_00000001 // no word at this position
	hashRoot  uint64 = 0x726f6f74_00000002 // the ROOT pseudo-word
	hashURL   uint64 = 0x75726c00_00000003
	hashEmail uint64 = 0x656d6169_00000004
	hashUnk   uint64 = 0x756e6b00_00000005 // mixed with the shape
	hashRare  uint64 = 0x72617265_00000006 // a word too rare for pairs
	hashAny   uint64 = 0x616e7900_00000000 // any word (tag dictionary)
)

// wordFeats are the hashed views of one word that the features read.
type wordFeats struct {
	form uint64 // normalised form
	// word is form if the word is in the model's vocabulary and an
	// unknown-word hash of its shape if not; pair is form for the
	// frequent words that word-pair features read, a shared hash for the
	// others. Features read word and pair, never form, so that the rows
	// of words never seen in training (zero weights, and a cache miss
	// each) are not fetched.
	word, pair uint64
	suffix     uint64 // last three runes of the normalised form
	shape      uint64 // capitalisation and character classes
}

func fnvByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

func fnvRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		return fnvByte(h, byte(r))
	}
	var b [4]byte
	n := utf8.EncodeRune(b[:], r)
	for i := 0; i < n; i++ {
		h = fnvByte(h, b[i])
	}
	return h
}

// normRune maps one rune of a word to its normalised form.
func normRune(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	case r < utf8.RuneSelf:
		if r >= '0' && r <= '9' {
			return '0'
		}
		return r
	case r == '’' || r == '‘' || r == '‛' || r == '′':
		return '\''
	case r == '“' || r == '”' || r == '„' || r == '‟' || r == '«' || r == '»' || r == '″':
		return '"'
	case r == '–' || r == '—' || r == '―' || r == '‒' || r == '−' || r == '‐' || r == '‑':
		return '-'
	case unicode.IsDigit(r):
		return '0'
	}
	return unicode.ToLower(r)
}

// wordClass tells the special forms apart.
func wordClass(w string) uint64 {
	quotes, dashes, dots, other := 0, 0, 0, 0
	at, dot := -1, false
	for i, r := range w {
		switch r {
		case '"', '“', '”', '„', '‟', '«', '»', '`', '\'', '‘', '’', '‹', '›':
			quotes++
		case '-', '–', '—', '―', '‒', '−', '‐', '‑':
			dashes++
		case '.', '…':
			dots++
			if at >= 0 {
				dot = true
			}
		case '@':
			if at < 0 {
				at = i
			}
			other++
		default:
			other++
		}
	}
	switch {
	case other == 0 && quotes > 0 && dashes == 0 && dots == 0:
		if w == "'" || w == "‘" || w == "’" || w == "`" {
			return hashOf("'")
		}
		return hashOf("\"")
	case other == 0 && dashes > 0 && quotes == 0 && dots == 0:
		return hashOf("-")
	case other == 0 && dots > 0 && quotes == 0 && dashes == 0 && w != ".":
		return hashOf("...")
	case at > 0 && dot && at < len(w)-1:
		return hashEmail
	case hasURLPrefix(w):
		return hashURL
	}
	return 0
}

func hasURLPrefix(w string) bool {
	for i := 0; i+2 < len(w) && i < 8; i++ {
		if w[i] == ':' && w[i+1] == '/' && w[i+2] == '/' {
			return true
		}
	}
	return len(w) > 4 && (w[:4] == "www." || w[:4] == "WWW.")
}

func hashOf(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = fnvByte(h, s[i])
	}
	return h
}

// Shape bits.
const (
	shUpperFirst = 1 << iota
	shAllUpper
	shHasLower
	shHasDigit
	shAllDigit
	shHasHyphen
	shHasPeriod
	shHasOther
	shLen1
	shLen2to3
	shLong
)

// featurize fills f with the hashed views of w.
func featurize(w string, f *wordFeats) {
	if c := wordClass(w); c != 0 {
		*f = wordFeats{form: c, suffix: c, shape: c}
		return
	}
	h := uint64(fnvOffset)
	var shape uint64
	var last [3]rune // last three normalised runes, ring buffer
	n := 0
	upper, letters, digits := 0, 0, 0
	for _, r := range w {
		nr := normRune(r)
		last[n%3] = nr
		n++
		h = fnvRune(h, nr)
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
			if n == 1 {
				shape |= shUpperFirst
			}
		case unicode.IsLetter(r):
			letters++
			shape |= shHasLower
		case nr == '0':
			digits++
		case r == '-':
			shape |= shHasHyphen
		case r == '.':
			shape |= shHasPeriod
		default:
			shape |= shHasOther
		}
	}
	if letters > 0 && upper == letters && letters > 1 {
		shape |= shAllUpper
	}
	if digits > 0 {
		shape |= shHasDigit
		if digits == n {
			shape |= shAllDigit
		}
	}
	switch {
	case n == 1:
		shape |= shLen1
	case n <= 3:
		shape |= shLen2to3
	case n > 12:
		shape |= shLong
	}
	s := uint64(fnvOffset) ^ 0x5f
	k := min(n, 3)
	for i := n - k; i < n; i++ {
		s = fnvRune(s, last[i%3])
	}
	f.form = h
	f.suffix = s
	f.shape = shape + 0x7368617065 // keep small shape values apart from other atoms
}
