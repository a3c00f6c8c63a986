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
	// NumHashes is the number of one-permutation-hashing bins, the
	// length of a signature. It must be 1<<(64-binShift).
	NumHashes = 128
	// Bands and Rows split a signature for LSH: a stored document becomes
	// a candidate when all Rows values of at least one of the Bands agree.
	Bands = 32
	Rows  = NumHashes / Bands
	// MinWords is the default minimum length, in words, of a text that
	// may be a near-duplicate (see Options.MinWords).
	MinWords = 10
	// familySeed fixes the shingle hash and the densification probes, so
	// a signature means the same thing in every process and every release
	// that keeps the Marshal format's version: "dateline" in ASCII.
	familySeed = 0x646174656c696e65
)

// Signature is the MinHash sketch of a text: for each of NumHashes bins,
// the minimum hash of the text's shingles that fall in that bin (see
// sketch), and the number of words the text had. The word count is kept
// because a near-duplicate decision needs it (short texts never count,
// see Options.MinWords), and because with it an estimated Jaccard can be
// turned into an estimated overlap when a later caller needs containment
// rather than resemblance.
type Signature struct {
	Mins  [NumHashes]uint32
	Words uint32
}

// sketch builds a signature by one-permutation hashing (Li, Owen and
// Zhang 2012): a shingle's 64-bit hash is computed once; its top bits
// pick one of NumHashes bins and its low 32 bits are its value there, and
// each bin keeps its minimum. That is one hash and one comparison per
// shingle, where classic MinHash computes NumHashes hash functions per
// shingle (it was 85% of signing's cost). Two texts agree in a bin that
// both filled with probability equal to their Jaccard similarity, as with
// NumHashes independent permutations; sampling the bins without
// replacement even lowers the estimate's variance slightly.
//
// A text of fewer shingles than bins leaves some bins empty; signature
// fills them by optimal densification (Shrivastava 2017), which keeps the
// agreement probability of every bin at the Jaccard similarity, so that
// LSH banding works on the densified values as on the others.
type sketch struct {
	mins   [NumHashes]uint32
	filled [NumHashes / 64]uint64 // bit j: bin j holds a shingle's value
}

func newSketch() sketch {
	var s sketch
	for i := range s.mins {
		s.mins[i] = math.MaxUint32
	}
	return s
}

// binShift moves a hash's top bits down to a bin number.
const binShift = 64 - 7

// The bins are exactly the values of a hash's top 64-binShift bits.
var _ [NumHashes - 1<<(64-binShift)]struct{}
var _ [1<<(64-binShift) - NumHashes]struct{}

// add files the shingle hash x in its bin.
func (s *sketch) add(x uint64) {
	j := x >> binShift
	if v := uint32(x); v < s.mins[j] {
		s.mins[j] = v
	}
	s.filled[j/64] |= 1 << (j % 64)
}

// signature densifies s and returns it as a signature of a text of the
// given number of words. Each empty bin j probes bins in an order fixed by
// j alone (the same in every text) and copies the value of the first bin
// the text filled itself: two texts then agree in bin j exactly when they
// agree in the bin they both copy from, and the first bin that either
// filled is one both filled with probability equal to their Jaccard
// similarity. A text without shingles stays all-empty.
func (s *sketch) signature(words int) Signature {
	if words > math.MaxUint32 {
		words = math.MaxUint32
	}
	sig := Signature{Mins: s.mins, Words: uint32(words)}
	if s.filled == [NumHashes / 64]uint64{} {
		return sig
	}
	for j := range NumHashes {
		if s.has(j) {
			continue
		}
		for t := uint64(0); ; t++ {
			k := probe(j, t)
			if s.has(k) {
				sig.Mins[j] = s.mins[k]
				break
			}
		}
	}
	return sig
}

func (s *sketch) has(j int) bool { return s.filled[j/64]>>(j%64)&1 == 1 }

// probe returns the t-th bin that empty bin j copies from: a hash of
// (familySeed, j, t), fixed for every text and release of this format.
func probe(j int, t uint64) int {
	return int(fmix64(familySeed^uint64(j)<<32^t) >> binShift)
}

// fmix64 is SplitMix64's output mixer (a variant of MurmurHash3's
// finaliser): every input bit affects every output bit, so the top bits
// of a shingle hash pick its bin uniformly and its low bits order the
// shingles of a bin as a random permutation would.
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
	sk := newSketch()
	n := shingles(text, sk.add)
	return sk.signature(n)
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
