package quote

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lang/en"
)

// Titles and nicknames in quotation marks. A name set in quotation marks
// (the series "Night Shift," the book "Salt Roads", Operation "Iron
// Gate", Eddie "The Hammer" Kowal) is neither a statement nor a scare
// quote: it has no speaker, and the events its words suggest did not
// happen. American punctuation puts a following comma inside the marks,
// so such a name looks like the first half of a quote; it is told apart
// by its shape, a few capitalised words with no clause of their own, and
// by what stands round it: a word that announces a title
// (data/cues/titles.tsv), or a first name and a surname on either side.

// maxTitleWords bounds a title in quotation marks; maxNicknameWords a
// nickname between a first name and a surname.
const (
	maxTitleWords    = 8
	maxNicknameWords = 4
)

// titleFunctionWords are the words title case leaves in lower case.
var titleFunctionWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "nor": true, "but": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "with": true,
	"from": true, "by": true, "as": true, "into": true, "over": true, "upon": true, "vs": true, "vs.": true,
}

// titleRule returns the rule that makes quotation q a title or a
// nickname, or "" when it is none.
func (a *attributor) titleRule(q qspan) string {
	words, ok := a.titleShaped(q)
	if !ok {
		return ""
	}
	d := a.d
	// 'the series "Night Shift,"', 'his new book, "Salt Roads,"', 'a
	// scheme dubbed "Clean Sweep"'.
	p := q.open - 1
	if a.tok(p) == "," {
		p--
	}
	if p >= 0 && d.Tokens[p].Kind == doc.Word {
		if w, ok := a.s.cues.titles[a.tok(p)]; ok {
			tag := d.Tokens[p].Tag
			// The tagger often calls a noun that stands before a
			// name an adjective ("the documentary", "her new single").
			if w.verb && (tag == "VBN" || tag == "VBD") || !w.verb && (isNominal(tag) && tag != "PRP" || tag == "JJ") && !a.calledBefore(p) {
				return "title_noun " + w.rule
			}
		}
	}
	// 'Eddie "The Hammer" Kowal': a nickname between a first name and a
	// surname, with nothing else between them.
	p, n := q.open-1, q.close+1
	if words <= maxNicknameWords && p >= 0 && n < len(d.Tokens) && a.nameWord(p) && a.nameWord(n) &&
		d.Tokens[p].End < d.Tokens[q.open].Start && d.Tokens[q.close].End < d.Tokens[n].Start &&
		d.Tokens[q.last].Kind == doc.Word {
		return "title_nickname"
	}
	return ""
}

// titleShaped reports whether quotation q is shaped like a name: one to
// maxTitleWords words, the first capitalised and more of the others
// capitalised (or numbers) than not, leaving out the small words title
// case keeps in lower case; no lower-case finite verb, no quotation
// inside, and no punctuation but what names carry (commas, a hyphen, an
// ampersand, a colon before a subtitle) and one mark at the end (the
// full stop American punctuation puts inside, or the name's own question
// or exclamation mark). words is the number of words.
func (a *attributor) titleShaped(q qspan) (words int, ok bool) {
	d := a.d
	if q.close < 0 || q.last < q.first {
		return 0, false
	}
	capital, lower := 0, 0
	for k := q.first; k <= q.last; k++ {
		t := d.Tokens[k]
		switch t.Kind {
		case doc.Word, doc.Number:
			words++
			w := d.Text[t.Start:t.End]
			up := startsUpper(w) || t.Kind == doc.Number
			if words == 1 && (!up || en.IsFiniteTag(t.Tag) || auxiliaries[a.tok(k)]) {
				// "Will Continue," "Is Over,": a title-cased clause,
				// which a name seldom is.
				return 0, false
			}
			if words > 1 && !up && titleFunctionWords[a.tok(k)] {
				continue
			}
			if up {
				capital++
				continue
			}
			lower++
			if en.IsFiniteTag(t.Tag) {
				return 0, false
			}
		case doc.Punct:
			switch d.Text[t.Start:t.End] {
			case "-", "–", "&", ":", ",":
				// "Eat, Pray, Love": a comma is no clause.
				continue
			case ".", "!", "?":
				if k == q.last && words > 0 {
					continue
				}
			}
			return 0, false
		default:
			return 0, false
		}
	}
	return words, words > 0 && words <= maxTitleWords && capital > lower
}

// auxiliaries are finite auxiliaries and modals, which the tagger reads
// as names when capitalised ("Will Continue").
var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
	"does": true, "did": true, "will": true, "would": true, "can": true, "could": true,
	"shall": true, "should": true, "must": true, "might": true,
}

// callingVerbs take a noun phrase and what it is called as two objects:
// in 'critics called the show "Propaganda,"' the quoted word is what
// the show is called, not its name.
var callingVerbs = map[string]bool{
	"call": true, "calls": true, "called": true, "calling": true,
	"label": true, "labels": true, "labelled": true, "labeled": true, "labelling": true, "labeling": true,
	"brand": true, "brands": true, "branded": true, "branding": true,
	"deem": true, "deems": true, "deemed": true, "declare": true, "declares": true, "declared": true,
}

// calledBefore reports a verb of calling before the noun phrase that
// ends at token p: at most three determiners, possessives, adjectives or
// nouns back.
func (a *attributor) calledBefore(p int) bool {
	for k := p - 1; k >= 0 && k >= p-4; k-- {
		if callingVerbs[a.tok(k)] {
			return true
		}
		switch a.d.Tokens[k].Tag {
		case "DT", "PRP$", "POS", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "CD":
			continue
		}
		return false
	}
	return false
}

// nameWord reports whether token k is a capitalised word that may be part
// of a person's name.
func (a *attributor) nameWord(k int) bool {
	t := a.d.Tokens[k]
	return t.Kind == doc.Word && startsUpper(a.d.Text[t.Start:t.End]) && (t.Tag == "NNP" || t.Tag == "NNPS" || a.s.entOfTok[k] >= 0)
}

// startsUpper reports whether w starts with an upper-case letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// inTitle reports whether span m lies inside a title in quotation marks.
func (a *attributor) inTitle(m doc.Span) bool {
	if m.End <= m.Start {
		return false
	}
	i := sort.Search(len(a.titles), func(i int) bool { return a.titles[i].End >= m.End })
	return i < len(a.titles) && a.titles[i].Start <= m.Start
}
