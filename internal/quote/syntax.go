package quote

import (
	"sort"

	"github.com/dateline-project/dateline/internal/doc"
)

// Reading attribution from the dependency parse. A quote's speaker is the
// subject of the verb of saying that governs it: the quoted words hang
// below that verb as its complement ("said the city 'owes us a
// hearing'"), or the verb hangs off them ('"...," she said' parses
// "said" as parataxis of the quote). These functions find that verb and
// its subject; the word-order rules in attribute.go remain for sentences
// the parser gets wrong.

// maxClimb bounds the walk up from a quote to its verb of saying: a
// complement clause, a participle ("saying") and a conjunct are at most a
// few arcs apart, and a longer walk reaches verbs that govern something
// else.
const maxClimb = 4

// governingCue returns the verb of saying that governs tokens [first,
// last] of sentence si: an ancestor of the span's top token within
// maxClimb arcs, or a speech verb attached to the top as parataxis or a
// conjunct of it. ok is false when none does.
func (a *attributor) governingCue(si, first, last int) (verb, n int, c cue, ok bool) {
	d := a.d
	s := d.Sentences[si]
	tok := a.sentTok(si)
	top := a.tr.Top(first, last)
	if !a.tr.Parsed(top) {
		return -1, 0, cue{}, false
	}
	k := top
	for range maxClimb {
		if r := a.tr.Rel(k); (r == doc.DepConj || r == doc.DepParataxis) && a.tr.Has(k, doc.DepNsubj) && a.isCue(si, a.tr.Head(k)) {
			// A clause coordinated with the reporting verb itself, with
			// a subject of its own ("the ministry said X, and Japan
			// expressed 'concern'"), is not what that verb reports; a
			// second reported clause ("said that A and that B") is.
			break
		}
		h := a.tr.Head(k)
		if h < s.FirstToken || h >= s.EndToken {
			break
		}
		if h < first || h > last {
			if cu, n, ok := a.s.cues.match(tok, h); ok && !cu.phrase && !a.s.inDirect[h] {
				return h, n, cu, true
			}
		}
		k = h
	}
	// '"We will stay," she said': parsers also hang the reporting
	// clause off the quote's verb.
	for dep := a.tr.First(top); dep >= 0; dep = a.tr.Next(dep) {
		if dep >= first && dep <= last {
			continue
		}
		switch a.tr.Rel(dep) {
		case doc.DepParataxis, doc.DepConj, doc.DepCcomp, doc.DepAdvcl:
			if cu, n, ok := a.s.cues.match(tok, dep); ok && !cu.phrase && !a.s.inDirect[dep] {
				return dep, n, cu, true
			}
		}
	}
	return -1, 0, cue{}, false
}

// subjectOf returns the subject token of verb v: its nsubj, or for a
// participle or conjunct without one ("..., saying", "and added") the
// subject of the clause it hangs from. -1 when there is none.
func (a *attributor) subjectOf(v int) int {
	for range maxClimb {
		if s := a.tr.Dependent(v, doc.DepNsubj); s >= 0 {
			return s
		}
		if s := a.tr.Dependent(v, doc.DepNsubjOuter); s >= 0 {
			return s
		}
		switch a.tr.Rel(v) {
		case doc.DepConj, doc.DepAdvcl, doc.DepXcomp:
			v = a.tr.Head(v)
			if v < 0 {
				return -1
			}
		default:
			return -1
		}
	}
	return -1
}

// speakerOfToken returns the speaker that token k, a subject, names: a
// person in apposition to it or inside its phrase ("the report's lead
// author, Dr. Samuel Ito"; "Union leader Grace Oduya"), else the entity
// whose mention covers k, resolved to its root; failing both, the noun
// phrase that k heads, as a description speaker with no entity ("the
// announcer", "a police spokesman", "Fire Chief Nadine Cole" when the
// name was not recognised).
func (a *attributor) speakerOfToken(k int) (ent int, mention doc.Span, ok bool) {
	d := a.d
	if k < 0 || k >= len(d.Tokens) {
		return -1, doc.Span{}, false
	}
	t := d.Tokens[k]
	var lo, hi int
	if e := a.s.entOfTok[k]; e >= 0 {
		lo, hi = a.tokenAfter(d.Entities[e].Start), a.tokenAfter(d.Entities[e].End)-1
	} else {
		if t.Kind != doc.Word || !isNominal(t.Tag) {
			return -1, doc.Span{}, false
		}
		lo, hi = a.phraseBounds(k)
		// Capitalised words straight after the head are a name the
		// phrase ends with.
		for hi+1 < len(d.Tokens) && (d.Tokens[hi+1].Tag == "NNP" || d.Tokens[hi+1].Tag == "NNPS") {
			hi++
		}
	}
	if p := a.personIn(lo, hi, k); p >= 0 {
		return a.rooted(p)
	}
	if e := a.s.entOfTok[k]; e >= 0 {
		return a.rooted(int(e))
	}
	return -1, doc.Span{Start: d.Tokens[lo].Start, End: d.Tokens[hi].End}, true
}

// personIn returns a person entity inside tokens [lo, hi], or in
// apposition to token k (a dependent appos, or ", Name," right after the
// phrase); -1 when there is none or k is already a person's.
func (a *attributor) personIn(lo, hi, k int) int {
	d := a.d
	if e := a.s.entOfTok[k]; e >= 0 && d.Entities[e].Type == doc.Person {
		return -1
	}
	for j := lo; j <= hi; j++ {
		if e := a.s.entOfTok[j]; e >= 0 && d.Entities[e].Type == doc.Person {
			return int(e)
		}
	}
	for dep := a.tr.First(k); dep >= 0; dep = a.tr.Next(dep) {
		if a.tr.Rel(dep) == doc.DepAppos {
			if e := a.s.entOfTok[dep]; e >= 0 && d.Entities[e].Type == doc.Person {
				return int(e)
			}
		}
	}
	if c := hi + 1; c+1 < len(d.Tokens) && a.tok(c) == "," {
		x := c + 1
		if a.tok(x) == "dr." || a.tok(x) == "dr" {
			x++
		}
		if e := a.s.entOfTok[x]; e >= 0 && d.Entities[e].Type == doc.Person {
			if after := a.tokenAfter(d.Entities[e].End); after >= len(d.Tokens) || a.tok(after) == "," || a.tok(after) == "." {
				return int(e)
			}
		}
	}
	return -1
}

// rooted returns entity e's root and e's own mention.
func (a *attributor) rooted(e int) (int, doc.Span, bool) {
	m := a.d.Entities[e].Span
	if r := a.d.Entities[e].Antecedent; r >= 0 {
		e = r
	}
	return e, m, true
}

// isNominal reports a noun or pronoun tag.
func isNominal(tag string) bool {
	switch tag {
	case "NN", "NNS", "NNP", "NNPS", "PRP":
		return true
	}
	return false
}

// phraseBounds returns the first and last token of the noun phrase that
// token h heads: its determiner, adjectives, compounds and possessor, and
// prepositional modifiers after it ("a spokesman for the county"), never
// across a comma, a clause or a quotation mark.
func (a *attributor) phraseBounds(h int) (lo, hi int) {
	lo, hi = h, h
	for dep := a.tr.First(h); dep >= 0; dep = a.tr.Next(dep) {
		switch a.tr.Rel(dep) {
		case doc.DepDet, doc.DepAmod, doc.DepCompound, doc.DepNmodPoss, doc.DepNummod, doc.DepFlat, doc.DepNmod:
		default:
			continue
		}
		dlo, dhi := a.subtreeBounds(dep)
		if dlo < lo && a.contiguous(dlo, lo) {
			lo = dlo
		}
		if dhi > hi && a.contiguous(hi, dhi) {
			hi = dhi
		}
	}
	return lo, hi
}

// subtreeBounds returns the first and last token of k's subtree.
func (a *attributor) subtreeBounds(k int) (lo, hi int) {
	lo, hi = k, k
	for dep := a.tr.First(k); dep >= 0; dep = a.tr.Next(dep) {
		dlo, dhi := a.subtreeBounds(dep)
		lo, hi = min(lo, dlo), max(hi, dhi)
	}
	return lo, hi
}

// contiguous reports whether tokens (from, to) hold no comma, quotation
// mark or bracket, so that a phrase spanning them stays one phrase.
func (a *attributor) contiguous(from, to int) bool {
	for k := from; k <= to; k++ {
		t := a.d.Tokens[k]
		if t.Kind == doc.QuoteMark {
			return false
		}
		if t.Kind == doc.Punct {
			switch a.tok(k) {
			case ",", "(", ")", ";", ":", "—", "–":
				return false
			}
		}
	}
	return true
}

// indexEntities fills s.entOfTok: token -> the outermost entity mention
// covering it, or -1.
func (s *Stage) indexEntities(d *doc.Doc) {
	n := len(d.Tokens)
	if cap(s.entOfTok) < n {
		s.entOfTok = make([]int32, n)
	}
	s.entOfTok = s.entOfTok[:n]
	for i := range s.entOfTok {
		s.entOfTok[i] = -1
	}
	for i, e := range d.Entities {
		k := sort.Search(n, func(j int) bool { return d.Tokens[j].End > e.Start })
		for j := k; j < n && d.Tokens[j].Start < e.End; j++ {
			if cur := s.entOfTok[j]; cur < 0 || d.Entities[cur].Len() < e.Len() {
				s.entOfTok[j] = int32(i)
			}
		}
	}
}

// cueFromParse attributes the quotation in tokens [first, last] of
// sentence si by the parse: the subject of the verb of saying that
// governs it. rule is "" when the parse names no speaker.
func (a *attributor) cueFromParse(si, first, last int) (cue doc.Span, ent int, mention doc.Span, rule string) {
	d := a.d
	v, n, cu, ok := a.governingCue(si, first, last)
	if !ok {
		return doc.Span{}, -1, doc.Span{}, ""
	}
	subj := a.subjectOf(v)
	if subj < 0 || (subj >= first && subj <= last) || a.s.inDirect[subj] {
		return doc.Span{}, -1, doc.Span{}, ""
	}
	e, m, ok := a.speakerOfToken(subj)
	if !ok {
		return doc.Span{}, -1, doc.Span{}, ""
	}
	return doc.Span{Start: d.Tokens[v].Start, End: d.Tokens[v+n-1].End}, e, m, "cue_parse " + cu.rule
}

// isCue reports whether token k of sentence si is a verb of saying.
func (a *attributor) isCue(si, k int) bool {
	if k < 0 {
		return false
	}
	cu, _, ok := a.s.cues.match(a.sentTok(si), k)
	return ok && !cu.phrase
}
