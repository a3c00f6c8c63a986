package text

import (
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lang/en"
)

// Tag classes the chunker works with.
const (
	tcNoun  uint16 = 1 << iota // NN NNS NNP NNPS
	tcAdj                      // JJ JJR JJS
	tcDet                      // DT PDT PRP$ WP$ WDT
	tcNum                      // CD
	tcPron                     // PRP WP EX
	tcVerb                     // VB VBD VBG VBN VBP VBZ
	tcPart                     // VBN VBG: participles that can modify a noun
	tcModal                    // MD
	tcAdv                      // RB RBR RBS
	tcTo                       // TO
	tcCur                      // $ #
)

func tagClass(tag string) uint16 {
	switch tag {
	case "NN", "NNS", "NNP", "NNPS":
		return tcNoun
	case "JJ", "JJR", "JJS":
		return tcAdj
	case "DT", "PDT", "PRP$", "WP$", "WDT":
		return tcDet
	case "CD":
		return tcNum
	case "PRP", "WP", "EX":
		return tcPron
	case "VB", "VBD", "VBP", "VBZ":
		return tcVerb
	case "VBG", "VBN":
		return tcVerb | tcPart
	case "MD":
		return tcModal
	case "RB", "RBR", "RBS":
		return tcAdv
	case "TO":
		return tcTo
	case "$", "#":
		return tcCur
	}
	return 0
}

// chunkSentence appends the chunks of the sentence whose tokens are
// toks[first:end] (their tag classes in cls) to out.
//
// A base noun phrase is an optional run of determiners and currency signs,
// then adjectives, numbers, nouns and participles that sit before a noun,
// ending at its last noun or number: "the Russian Red Cross Society",
// "30,000", "its sovereign territory", "the ruling party". A possessive 's
// ends the phrase and belongs to no chunk, so "Azerbaijan's territorial
// integrity" gives NP[Azerbaijan] 's NP[territorial integrity]: the
// possessor stays its own phrase, which is what actor matching wants.
// Personal, wh- and existential pronouns are one-word phrases. The head is
// the last noun, else the last number, else the last adjective.
//
// A verb group is a run of modals, verbs and adverbs that contains a verb or
// modal and ends at the last of them, optionally opened by "to":
// "will not discuss", "is currently being hindered", "also emphasized",
// "to interfere". Its head is its last verb (or the modal, if it has no
// verb). Adverbs outside such a run belong to no chunk.
// opensWithParticiple reports a participle at i that the parse made an
// attributive modifier (amod) of a noun after it, in the phrase the words
// after it begin: "armed men", "wounded civilians". The tag alone cannot
// say so, since an -ed form there is as often the verb ("police arrested
// men"), but the parse, which has read the whole sentence, can, where
// the word before allows it (en.AttributiveAfter: "toured the camp and
// met people" is no phrase "met people").
func opensWithParticiple(toks []doc.Token, cls []uint16, lower string, first, i, end int) bool {
	t := &toks[i]
	if cls[i]&tcPart == 0 || i+1 >= end || cls[i+1]&(tcNoun|tcAdj) == 0 ||
		t.Dep.Base() != doc.DepAmod || int(t.Head) <= i || int(t.Head) >= end {
		return false
	}
	k := i - 1
	for k >= first && strings.HasPrefix(toks[k].Tag, "RB") {
		k--
	}
	if k < first {
		return en.AttributiveAfter(t.Tag, "", "")
	}
	return en.AttributiveAfter(t.Tag, toks[k].Tag, lower[toks[k].Start:toks[k].End])
}

func chunkSentence(toks []doc.Token, cls []uint16, lower string, first, end int, out []doc.Chunk) []doc.Chunk {
	emit := func(kind doc.ChunkKind, s, e, head int) {
		out = append(out, doc.Chunk{
			Span:       doc.Span{Start: toks[s].Start, End: toks[e-1].End},
			Kind:       kind,
			FirstToken: s, EndToken: e, Head: head,
		})
	}
	for i := first; i < end; {
		c := cls[i]
		switch {
		case c&tcPron != 0:
			emit(doc.NounPhrase, i, i+1, i)
			i++
			continue
		case c&(tcNoun|tcAdj|tcDet|tcNum|tcCur) != 0 || opensWithParticiple(toks, cls, lower, first, i, end):
			if c&tcAdj != 0 && i > first && i+1 < end && cls[i+1]&tcNum != 0 && atLeast(toks, lower, i) {
				// "at least 14 young men": the quantifier belongs to the
				// number, not to the phrase, which starts at the number.
				i++
				continue
			}
			if toks[i].Tag == "WDT" && i+1 < end && cls[i+1]&tcDet != 0 {
				// "in which a woman was hurt": a wh-word before a
				// determiner is a relative pronoun, a phrase of its own;
				// one noun phrase has one determiner.
				emit(doc.NounPhrase, i, i+1, i)
				i++
				continue
			}
			j := i
			hasDet := false
			for j < end && cls[j]&(tcDet|tcCur) != 0 {
				hasDet = true
				j++
			}
			lastNoun, lastNum, lastAdj := -1, -1, -1
			for j < end {
				cj := cls[j]
				switch {
				case cj&tcNoun != 0:
					lastNoun = j
				case cj&tcNum != 0:
					lastNum = j
				case cj&tcAdj != 0:
					lastAdj = j
				case j == i && cj&tcPart != 0:
					// "armed men", "wounded civilians": opensWithParticiple.
				case cj&tcPart != 0 && j > i && j+1 < end && cls[j+1]&(tcNoun|tcAdj) != 0 &&
					!(cls[j-1]&tcNoun != 0 && toks[j].Tag == "VBN"):
					// A participle inside the phrase: "the ruling party",
					// "oil producing states". A past participle right
					// after a noun is the verb of its clause, mistagged
					// or reduced ("troops lifted Friday a blockade"),
					// not a modifier of what follows.
				default:
					goto done
				}
				j++
			}
		done:
			head, last := lastNoun, lastNoun
			if lastNum > last {
				last = lastNum
			}
			if head < 0 {
				head = lastNum
			}
			if last < 0 && hasDet && lastAdj >= 0 {
				head, last = lastAdj, lastAdj // "the rich"
			}
			if last < 0 {
				i = max(j, i+1)
				continue
			}
			if head > i && singularDemonstrative(toks, lower, i) && (toks[head].Tag == "NNS" || toks[head].Tag == "NNPS") &&
				!en.IsDegreeQuantifier(lower[toks[i+1].Start:toks[i+1].End]) {
				// "agreed that Russian investigators would": a singular
				// demonstrative before a plural head is no determiner
				// of it (English determiners agree in number) but the
				// complementizer, outside the phrase; unless it is a
				// degree word on a quantifier ("this many people").
				i++
			}
			emit(doc.NounPhrase, i, last+1, head)
			i = last + 1
			continue
		case c&(tcVerb|tcModal|tcAdv|tcTo) != 0:
			j := i
			if c&tcTo != 0 {
				j++
			}
			lastV, lastVerb := -1, -1
			for j < end {
				cj := cls[j]
				if j > i && opensWithParticiple(toks, cls, lower, first, j, end) {
					break // "said armed men": the participle opens the noun phrase
				}
				if cj&(tcVerb|tcModal) != 0 {
					lastV = j
					if cj&tcVerb != 0 {
						lastVerb = j
					}
				} else if cj&tcAdv == 0 {
					break
				}
				j++
			}
			if lastV < 0 || (c&tcTo != 0 && lastVerb < 0) {
				i++
				continue
			}
			if lastVerb < 0 {
				lastVerb = lastV
			}
			emit(doc.VerbGroup, i, lastV+1, lastVerb)
			i = lastV + 1
			continue
		}
		i++
	}
	return out
}

// singularDemonstrative reports "this" or "that" at token i.
func singularDemonstrative(toks []doc.Token, lower string, i int) bool {
	w := lower[toks[i].Start:toks[i].End]
	return w == "that" || w == "this"
}

// atLeast reports "least" or "most" at token i after "at" ("at least 20",
// "at most five").
func atLeast(toks []doc.Token, lower string, i int) bool {
	w := lower[toks[i].Start:toks[i].End]
	p := toks[i-1]
	return (w == "least" || w == "most") && lower[p.Start:p.End] == "at"
}
