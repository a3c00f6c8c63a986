package text

import (
	"math"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/lang/en"
)

// tagger holds the scratch state of one worker's tagging.
type tagger struct {
	m      *Model
	ctxH   []uint64 // hash of each padded context word (normalised)
	ctxSuf []uint64 // hash of its last three bytes
	low    []byte   // scratch for lower-casing
	touch  uint64   // sink of predict's cache-warming loads
}

// tagSentence assigns a tag index to each form, as prose's perceptronTagger.tag
// does for one sentence: tag-dictionary words take their tag, others are
// predicted from the padded context and the two previous tags. URLs and
// e-mail addresses are tagged NN without asking the model, which is prose's
// rule too. One rule is dateline's own: "US" in mixed-case text is the
// United States (NNP), never the pronoun, which is written "us" or, first
// in a sentence, "Us"; prose's WSJ model, which saw "U.S.", often takes it
// for the pronoun after a number ("three US soldiers").
func (tg *tagger) tagSentence(toks []tok, out []uint8) {
	m := tg.m
	n := len(toks)
	if cap(tg.ctxH) < n+4 {
		tg.ctxH = make([]uint64, n+4, 2*n+8)
		tg.ctxSuf = make([]uint64, n+4, 2*n+8)
	}
	tg.ctxH, tg.ctxSuf = tg.ctxH[:n+4], tg.ctxSuf[:n+4]
	ctxH, ctxSuf := tg.ctxH, tg.ctxSuf
	ctxH[0], ctxSuf[0] = m.start1Hash, m.start1Suf
	ctxH[1], ctxSuf[1] = m.start2Hash, m.start2Suf
	for i := range toks {
		ctxH[i+2], ctxSuf[i+2] = tg.normHash(toks[i].form)
	}
	ctxH[n+2], ctxSuf[n+2] = m.end1Hash, m.end1Suf
	ctxH[n+3], ctxSuf[n+3] = m.end2Hash, m.end2Suf

	p1, p2 := m.startIdx, m.startIdx+1
	for i := range toks {
		w := toks[i].form
		var tag uint8
		if toks[i].flags&fURL != 0 {
			tag = m.tagNN
		} else if w == "US" && tg.mixedCase(toks) {
			tag = m.tagNNP
		} else if t, ok := m.tagdict[w]; ok {
			tag = t
		} else {
			tag = tg.predict(i, w, p1, p2)
		}
		out[i] = tag
		p2, p1 = p1, tag
	}
	// A gerund that opens a sentence and is followed at once by a verb
	// is that verb's subject, a noun ("Fighting resumed overnight",
	// "Looting broke out"): a participle that opens a sentence is an
	// adverbial clause, and one of those is followed by its own
	// complement, not by a finite verb. The WSJ model tags it VBG, and
	// a parser that reads a participle there makes it the root. A form
	// of "be", "have" or "get" is left alone ("Having won, ...").
	for i := 0; i+1 < n; i++ {
		if out[i] != m.tagVBG || !m.verbAfterGerund[out[i+1]] {
			continue
		}
		// So is one that opens a subordinate clause after its
		// subordinator ("after fighting broke out", "as shelling
		// continued").
		if i > 0 && !en.IsSubordinator(strings.ToLower(toks[i-1].form)) {
			continue
		}
		if !en.IsParticipleAuxiliary(strings.ToLower(toks[i].form)) {
			out[i] = m.tagNN
		}
	}
}

// mixedCase reports whether a sentence has a lower-case letter, so that an
// all-capitals headline ("LET US PRAY") keeps its pronouns.
func (tg *tagger) mixedCase(toks []tok) bool {
	for i := range toks {
		for _, r := range toks[i].form {
			if unicode.IsLower(r) {
				return true
			}
		}
	}
	return false
}

// predict scores the fourteen features of prose's featurize and returns the
// best class. Ties go to the class listed first in the model, where prose's
// map iteration would pick one at random.
func (tg *tagger) predict(i int, w string, p1, p2 uint8) uint8 {
	m := tg.m
	ctxH, ctxSuf := tg.ctxH, tg.ctxSuf
	c := i + 2
	// Find every feature, and touch both ends of its weights, before
	// reading them all: the cache misses of the fourteen features then
	// overlap instead of queueing behind each feature's summing loop. The
	// features of the previous tags alone were looked up at load time.
	var found [numTemplates]featSlot
	found[tBias] = m.biasFeat
	found[tISuffix] = m.lookup(featKey(tISuffix, m.hashString(suffix3(w)), 0))
	found[tIPref1] = m.lookup(featKey(tIPref1, m.pref1Hash[w[0]], 0))
	found[tIm1Tag] = m.prevTagFeat[p1]
	found[tIm2Tag] = m.prev2TagFeat[p2]
	found[tITagIm2Tag] = m.tagPairFeat[int(p1)*len(m.tagNames)+int(p2)]
	found[tIWord] = m.lookup(featKey(tIWord, ctxH[c], 0))
	found[tIm1TagIWord] = m.lookup(featKey(tIm1TagIWord, m.tagHash[p1], ctxH[c]))
	found[tIm1Word] = m.lookup(featKey(tIm1Word, ctxH[c-1], 0))
	found[tIm1Suffix] = m.lookup(featKey(tIm1Suffix, ctxSuf[c-1], 0))
	found[tIm2Word] = m.lookup(featKey(tIm2Word, ctxH[c-2], 0))
	found[tIp1Word] = m.lookup(featKey(tIp1Word, ctxH[c+1], 0))
	found[tIp1Suffix] = m.lookup(featKey(tIp1Suffix, ctxSuf[c+1], 0))
	found[tIp2Word] = m.lookup(featKey(tIp2Word, ctxH[c+2], 0))
	var touch uint64
	for _, s := range &found {
		touch ^= m.touch(s)
	}
	tg.touch = touch

	var scores [64]float64
	var touched uint64
	for _, s := range &found {
		lo, hi := s.off, s.off+s.n
		wts, cls := m.wts[lo:hi], m.cls[lo:hi]
		for k, ci := range cls {
			scores[ci&63] += wts[k]
			touched |= 1 << (ci & 63)
		}
	}
	best, bestScore := m.tagNN, math.Inf(-1)
	for t := touched; t != 0; t &= t - 1 { // the touched classes, in order
		ci := bits.TrailingZeros64(t)
		if scores[ci] > bestScore {
			best, bestScore = uint8(ci), scores[ci]
		}
	}
	return best
}

// normHash returns the hashes of prose's normalize(w) and of its last three
// bytes. normalize maps hyphenated words to "!HYPHEN", four-character
// integers to "!YEAR", words starting with a digit to "!DIGITS", and
// lower-cases the rest.
func (tg *tagger) normHash(w string) (uint64, uint64) {
	m := tg.m
	if w == "" {
		h := m.hashString("")
		return h, h
	}
	hasHyphen := false
	for i := 0; i < len(w); i++ {
		if w[i] == '-' {
			hasHyphen = true
			break
		}
	}
	switch {
	case hasHyphen && w[0] != '-':
		return m.hyphenHash, m.hyphenSuf
	case len(w) == 4 && isAtoi(w):
		return m.yearHash, m.yearSuf
	case w[0] >= '0' && w[0] <= '9':
		return m.digitsHash, m.digitsSuf
	}
	low, changed := tg.lower(w)
	if !changed {
		return m.hashString(w), m.hashString(suffix3(w))
	}
	s := low
	if len(s) > 3 {
		s = s[len(s)-3:]
	}
	return m.hashBytes(low), m.hashBytes(s)
}

// lower lower-cases w into the scratch buffer exactly as strings.ToLower
// does, reporting whether anything changed.
func (tg *tagger) lower(w string) ([]byte, bool) {
	ascii, upper := true, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	b := tg.low[:0]
	if ascii {
		if !upper {
			return nil, false
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		tg.low = b
		return b, true
	}
	for _, r := range w { // invalid bytes decode to U+FFFD, as in strings.Map
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	tg.low = b
	return b, true
}

// isAtoi reports whether strconv.Atoi would accept s: an optional sign and
// at least one decimal digit (s is short, so it cannot overflow).
func isAtoi(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
