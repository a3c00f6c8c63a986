package dedup

import (
	"math"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	// K is the shingle length in words.
	K = 3
	// NumHashes is the number of MinHash functions, the length of a
	// signature.
	NumHashes = 128
	// Bands and Rows split a signature for LSH: a stored document becomes
	// a candidate when all Rows values of at least one of the Bands agree.
	Bands = 32
	Rows  = NumHashes / Bands
	// MinWords is the default minimum length, in words, of a text that
	// may be a near-duplicate (see Options.MinWords).
	MinWords = 10
	// familySeed fixes the hash family, so a signature means the same
	// thing in every process and every release that keeps the Marshal
	// format's version: "dateline" in ASCII.
	familySeed = 0x646174656c696e65
)

// Signature is the MinHash sketch of a text: the minimum of each of the
// NumHashes hash functions over the text's shingles, and the number of
// words the text had. The word count is kept because a near-duplicate
// decision needs it (short texts never count, see Options.MinWords), and
// because with it an estimated Jaccard can be turned into an estimated
// overlap when a later caller needs containment rather than resemblance.
type Signature struct {
	Mins  [NumHashes]uint32
	Words uint32
}

// family is a multiply-add-shift hash family, h_i(x) = (a_i·x + b_i) >> 32
// mod 2^64 with odd a_i, drawn from familySeed by splitmix64. Shingle
// hashes x are already well mixed 64-bit values, so the high 32 bits of an
// affine map of them behave as independent random permutations for
// MinHash (TestEstimateAccuracy checks the estimator against exact
// Jaccard). The table is filled once at package initialisation and never
// written afterwards.
type family struct {
	a, b [NumHashes]uint64
}

var hashes = newFamily(familySeed)

func newFamily(seed uint64) *family {
	var f family
	s := seed
	for i := range NumHashes {
		f.a[i] = splitmix64(&s) | 1
		f.b[i] = splitmix64(&s)
	}
	return &f
}

// splitmix64 advances *s and returns the next value of Vigna's SplitMix64
// generator: a fixed, documented sequence, so the family never depends on
// a library's random-number implementation.
func splitmix64(s *uint64) uint64 {
	*s += 0x9e3779b97f4a7c15
	return fmix64(*s)
}

// fmix64 is SplitMix64's output mixer (a variant of MurmurHash3's
// finaliser): every input bit affects every output bit.
func fmix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

const (
	fnvOffset = 0xcbf29ce484222325
	fnvPrime  = 0x100000001b3
)

// Sign returns the MinHash signature of text.
//
// Normalisation makes typographic variants of one text sign alike: the
// text is put in Unicode NFKC (so full-width letters, ligatures and
// composed or decomposed accents agree), lower-cased, and read as words
// only — maximal runs of letters, digits and combining marks. Everything
// else separates words and is dropped, so straight and curly quotes,
// hyphens and dashes, and runs of spaces cannot make two copies differ;
// invisible format characters (soft hyphens, zero-width joiners) are
// skipped without separating. Apostrophes separate too, so "don't" and
// "don’t" both read as the words don, t.
//
// The shingles are the runs of K consecutive words. A text of fewer than
// K words has one shingle made of all its words; a text without words has
// none, and its signature is similar to nothing.
func Sign(text string) Signature {
	var sig Signature
	for i := range sig.Mins {
		sig.Mins[i] = math.MaxUint32
	}
	// Shingles are added four at a time (see add4); the last few are
	// added one by one.
	var held [4]uint64
	k := 0
	n := shingles(text, func(x uint64) {
		held[k] = x
		if k++; k == len(held) {
			sig.add4(&held)
			k = 0
		}
	})
	for _, x := range held[:k] {
		sig.add(x)
	}
	if n > math.MaxUint32 {
		n = math.MaxUint32
	}
	sig.Words = uint32(n)
	return sig
}

// shingles normalises text, calls emit with the hash of each shingle in
// order (repeats included) and returns the number of words.
func shingles(text string, emit func(uint64)) int {
	if !isASCII(text) && !norm.NFKC.IsNormalString(text) {
		text = norm.NFKC.String(text)
	}
	var ring [K]uint64 // the last K word hashes, ring[(n-1)%K] the newest
	n := 0             // words read
	for i := 0; i < len(text); {
		h, next, ok := nextWord(text, i)
		if !ok {
			break
		}
		i = next
		ring[n%K] = h
		n++
		if n >= K {
			emit(shingle(&ring, n, K))
		}
	}
	if n > 0 && n < K {
		emit(shingle(&ring, n, n))
	}
	return n
}

// shingle hashes the last m word hashes in ring, oldest first, after n
// words have been read. Order matters: "dog bites man" and "man bites dog"
// are different shingles.
func shingle(ring *[K]uint64, n, m int) uint64 {
	h := uint64(familySeed)
	for j := n - m; j < n; j++ {
		h = (h ^ ring[j%K]) * fnvPrime
		h = bits.RotateLeft64(h, 31)
	}
	return fmix64(h)
}

// add lowers each minimum to the shingle's hash under that function.
func (s *Signature) add(x uint64) {
	f := hashes
	for i := range s.Mins {
		if v := uint32((f.a[i]*x + f.b[i]) >> 32); v < s.Mins[i] {
			s.Mins[i] = v
		}
	}
}

// add4 adds the shingles xs, as add would one by one, in one pass over
// the hash family: each function's coefficients and minimum are read,
// and the minimum written, once for four shingles instead of once for
// each, which was most of what signing cost beside the multiplications.
func (s *Signature) add4(xs *[4]uint64) {
	f := hashes
	x0, x1, x2, x3 := xs[0], xs[1], xs[2], xs[3]
	for i := range s.Mins {
		a, b := f.a[i], f.b[i]
		v := min(uint32((a*x0+b)>>32), uint32((a*x1+b)>>32), uint32((a*x2+b)>>32), uint32((a*x3+b)>>32))
		if v < s.Mins[i] {
			s.Mins[i] = v
		}
	}
}

// nextWord finds the first word at or after byte i of text and returns the
// FNV-1a hash of its lower-cased bytes and the offset just past it; ok is
// false when no word remains.
func nextWord(text string, i int) (h uint64, next int, ok bool) {
	// Skip separators.
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if isASCIIWord(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			break
		}
		i += size
	}
	if i >= len(text) {
		return 0, i, false
	}
	h = fnvOffset
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isASCIIWord(c) {
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			var buf [utf8.UTFMax]byte
			for _, b := range utf8.AppendRune(buf[:0], unicode.ToLower(r)) {
				h = (h ^ uint64(b)) * fnvPrime
			}
		case unicode.Is(unicode.Cf, r):
			// Invisible: neither part of the word nor a break in it.
		default:
			return h, i, true
		}
		i += size
	}
	return h, i, true
}

func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Similarity returns the estimated Jaccard similarity of the shingle sets
// behind a and b: the fraction of hash functions whose minima agree. Its
// standard error is sqrt(J(1-J)/NumHashes), 0.035 at J = 0.8. Identical
// texts score exactly 1; a signature of a text without words scores 0
// against everything, itself included.
func Similarity(a, b Signature) float64 {
	if a.Words == 0 || b.Words == 0 {
		return 0
	}
	return float64(agree(&a.Mins, &b.Mins)) / NumHashes
}

func agree(a, b *[NumHashes]uint32) int {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return n
}
