package event

import (
	"sort"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lang/en"
)

// clauseIndex maps tokens to what the argument finder needs: the entity
// that starts or covers each token, and the chunk each token is in.
type clauseIndex struct {
	d        *doc.Doc
	lower    string
	entStart []int // token -> longest entity starting there, or -1
	entEnd   []int // entity -> token after its last token
	entOf    []int // token -> the longest entity covering it, or -1
	chunkOf  []int // token -> chunk index, or -1
	// atOffset maps each byte offset of the text to the first token
	// starting at or after it, so that finding the token of an entity,
	// place, quote or trigger takes no search; empty when the tokens are
	// not in text order, which tokenAt then searches as before.
	atOffset []int32
}

func (ci *clauseIndex) reset(d *doc.Doc) {
	ci.d = d
	ci.lower = d.Lower
	n := len(d.Tokens)
	ci.entStart = grow(ci.entStart, n)
	ci.chunkOf = grow(ci.chunkOf, n)
	ci.entOf = grow(ci.entOf, n)
	for i := range ci.entStart {
		ci.entStart[i] = -1
		ci.chunkOf[i] = -1
		ci.entOf[i] = -1
	}
	ci.indexOffsets()
	ci.entEnd = grow(ci.entEnd, len(d.Entities))
	for ei, e := range d.Entities {
		k := ci.tokenAt(e.Start, 0)
		if k >= n {
			ci.entEnd[ei] = n
			continue
		}
		end := ci.tokenAt(e.End, k)
		ci.entEnd[ei] = end
		if cur := ci.entStart[k]; cur < 0 || d.Entities[cur].End < e.End {
			ci.entStart[k] = ei
		}
		for j := k; j < end && j < n; j++ {
			if cur := ci.entOf[j]; cur < 0 || d.Entities[cur].Len() < e.Len() {
				ci.entOf[j] = ei
			}
		}
	}
	for c, ch := range d.Chunks {
		for k := ch.FirstToken; k < ch.EndToken && k < n; k++ {
			ci.chunkOf[k] = c
		}
	}
}

func grow(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// indexOffsets fills ci.atOffset for the tokens of ci.d.
func (ci *clauseIndex) indexOffsets() {
	toks := ci.d.Tokens
	n := len(ci.d.Text) + 1
	if cap(ci.atOffset) < n {
		ci.atOffset = make([]int32, n)
	}
	ci.atOffset = ci.atOffset[:n]
	off, prev := 0, 0
	for k := range toks {
		start := toks[k].Start
		if start < prev {
			ci.atOffset = ci.atOffset[:0]
			return
		}
		prev = start
		if end := min(start+1, n); off < end {
			fill(ci.atOffset[off:end], int32(k))
			off = end
		}
	}
	fill(ci.atOffset[off:], int32(len(toks)))
}

// fill sets every element of s to v.
func fill(s []int32, v int32) {
	for i := range s {
		s[i] = v
	}
}

// tokenAt is tokenAtOrAfter(ci.d, off, lo), read from the offset index.
func (ci *clauseIndex) tokenAt(off, lo int) int {
	if off < 0 || off >= len(ci.atOffset) {
		return tokenAtOrAfter(ci.d, off, lo)
	}
	return max(lo, int(ci.atOffset[off]))
}

// tokenAtOrAfter returns the first token whose start is >= off.
func tokenAtOrAfter(d *doc.Doc, off, lo int) int {
	if lo >= len(d.Tokens) {
		return lo
	}
	return lo + sort.Search(len(d.Tokens)-lo, func(i int) bool { return d.Tokens[lo+i].Start >= off })
}

func (ci *clauseIndex) tok(k int) string {
	t := ci.d.Tokens[k]
	return ci.lower[t.Start:t.End]
}

func (ci *clauseIndex) tag(k int) string { return ci.d.Tokens[k].Tag }

// triggerTagAt is the tag trigger matching reads for token t: its own,
// except that a capitalised first word of a sentence the tagger calls a
// proper noun, and no actor starts at, is read as a common noun. Taggers
// take a sentence-initial capital for a name ("Riots break out across
// the north", "Curfew lifted in the capital"), which headlines and short
// sentences start with.
func (ci *clauseIndex) triggerTagAt(s doc.Sentence, t int) string {
	tg := ci.tag(t)
	if tg == "IN" && !en.IsFunctionWord(ci.tok(t)) && !en.IsSubordinator(ci.tok(t)) {
		// Prepositions are a closed class: a word tagged IN that is
		// none of the common ones is the tagger's guess on a word it
		// rarely saw ("tear" in "tear gas"), read as the adjective it
		// more likely is, which may open a noun-phrase expression.
		return "JJ"
	}
	if t == s.FirstToken && ci.entStart[t] < 0 {
		switch tg {
		case "NNP":
			return "NN"
		case "NNPS":
			return "NNS"
		}
	}
	return tg
}

// headlineVerb reports whether token t, tagged as a noun, is the verb of
// a headline-style clause: the sentence has no finite verb (an infinitive
// may follow: "government declines to end curfew") and an actor ends right
// before t ("Norway and Chile sign landmark peace
// agreement"). Headlines drop the articles and auxiliaries that tell the
// tagger a present-tense verb from a noun, so the word after the subject
// is read as the verb it has to be.
func (ci *clauseIndex) headlineVerb(s doc.Sentence, t int) bool {
	if tg := ci.tag(t); tg != "NN" && tg != "NNS" {
		return false
	}
	for k := s.FirstToken; k < s.EndToken; k++ {
		if en.IsFiniteTag(ci.tag(k)) {
			return false
		}
	}
	for j := t - 1; j >= s.FirstToken && j >= t-8; j-- {
		if e := ci.entStart[j]; e >= 0 && ci.entEnd[e] == t {
			return true
		}
	}
	return false
}

func appendOnce(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// verblessPredicate reports whether token k, a past participle, is the
// verb of a prose sentence that the tagger left without a finite verb:
// English past tense and past participle share their form for regular
// verbs ("protested", "demonstrated"), and a tagger that reads the
// participle hangs it on the subject as a reduced relative ("Dozens of
// nurses demonstrated outside the hospital" parsed as "nurses [who were]
// demonstrated"). A sentence of prose has a finite verb, so when it has
// none, its first participle with no auxiliary of its own, no by-phrase
// of an agent and a noun before it is the past-tense verb it has to be.
// A headline drops its auxiliaries ("Opposition leader beaten"), so
// there a participle stays a passive.
func (s *Stage) verblessPredicate(sent doc.Sentence, k int) bool {
	d := s.ci.d
	if d.Headline || k < sent.FirstToken || k >= sent.EndToken || s.ci.tag(k) != "VBN" {
		return false
	}
	noun := false
	for j := sent.FirstToken; j < sent.EndToken; j++ {
		tg := s.ci.tag(j)
		switch {
		case en.IsFiniteTag(tg):
			return false
		case j < k && en.IsNounTag(tg):
			noun = true
		case j < k && tg == "VBN" && !s.tr.Has(j, doc.DepAux) && !s.tr.Has(j, doc.DepAuxPass):
			// An earlier bare participle is the candidate, not k.
			return false
		}
	}
	if !noun {
		return false
	}
	for c := s.tr.First(k); c >= 0; c = s.tr.Next(c) {
		switch s.tr.Rel(c) {
		case doc.DepAux, doc.DepAuxPass, doc.DepOblAgent:
			return false
		case doc.DepObl:
			if mk := s.tr.Marker(c); mk >= 0 && s.ci.tok(mk) == "by" {
				return false
			}
		}
	}
	return true
}
