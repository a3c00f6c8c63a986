package quote

import (
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lang/en"
	"github.com/dateline-project/dateline/internal/text"
)

// attributor finds cues and speakers for one document.
type attributor struct {
	s     *Stage
	d     *doc.Doc
	lower string
	// The most recent resolved speaker, for quotes with no cue of their
	// own ("a quote with no cue is the previous speaker's").
	lastSpeaker     int
	lastMention     doc.Span
	lastSpeakerPara int
	// lastQuote is the start of the most recent attributed quote, which a
	// quote with no cue of its own continues; -1 when none.
	lastQuote int
	// continues is the start of the quote the next emitted one
	// continues, or -1.
	continues int
	tr        *text.Tree
	// titles are the contents of the document's titles in quotation
	// marks, in order, found by markDirect.
	titles []doc.Span
}

func (a *attributor) tok(k int) string {
	if k < 0 || k >= len(a.d.Tokens) {
		return ""
	}
	t := a.d.Tokens[k]
	return a.lower[t.Start:t.End]
}

// sentTok is tok bounded to sentence si.
func (a *attributor) sentTok(si int) func(int) string {
	s := a.d.Sentences[si]
	return func(k int) string {
		if k < s.FirstToken || k >= s.EndToken {
			return ""
		}
		return a.tok(k)
	}
}

func paragraphOf(d *doc.Doc, si int) int {
	if si < 0 {
		return -1
	}
	return d.Sentences[si].Paragraph
}

// maxScareWords bounds a scare quote: a term or short phrase.
const maxScareWords = 4

// isScare reports whether a quotation is a distancing mark: a few words
// with no sentence punctuation, standing inside a sentence rather than
// opening it, with no verb of saying attached.
func (a *attributor) isScare(q qspan) bool {
	d := a.d
	if q.close < 0 {
		return false
	}
	words := 0
	for k := q.first; k <= q.last; k++ {
		t := d.Tokens[k]
		switch t.Kind {
		case doc.Word, doc.Number:
			words++
			if t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD" {
				return false
			}
		case doc.Punct:
			switch d.Text[t.Start:t.End] {
			case ",", ".", "!", "?", ";", ":":
				return false
			}
		}
	}
	if words == 0 || words > maxScareWords {
		return false
	}
	if t := a.tok(q.open - 1); t == "so-called" || t == "called" && a.tok(q.open-2) == "so" {
		// "so-called" says the writer keeps the words at a distance.
		return true
	}
	if q.depth > 0 {
		return true
	}
	si := text.SentenceOf(d, q.open)
	if si >= 0 && d.Sentences[si].FirstToken == q.open {
		return false // a quote that opens its sentence is a statement
	}
	// '"No," he said' has punctuation; '"Never" he said' does not: a cue
	// right after the mark makes it a statement.
	if si >= 0 {
		if _, n, ok := a.s.cues.match(a.sentTok(si), q.close+1); ok && a.tok(q.close+1+n) != "by" {
			return false
		}
		// A few words a speaker is reported to have said ('he called
		// the bill "dead on arrival"', 'she said it had "saved lives"')
		// are a partial quotation, not the writer's distance.
		if _, _, _, r := a.cueFromParse(si, q.first, q.last); r != "" {
			return false
		}
		if e, ok := a.s.entStart[d.Tokens[min(q.close+1, len(d.Tokens)-1)].Start]; ok {
			end := a.tokenAfter(d.Entities[e].End)
			if _, _, ok := a.s.cues.match(a.sentTok(si), end); ok {
				return false
			}
		}
	}
	return true
}

// tokenAfter returns the index of the first token starting at or after
// byte offset off.
func (a *attributor) tokenAfter(off int) int {
	toks := a.d.Tokens
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// speakerAt returns the entity whose mention starts at token k, resolved
// to its root.
func (a *attributor) speakerAt(k int) (ent int, mention doc.Span, ok bool) {
	if k < 0 || k >= len(a.d.Tokens) {
		return -1, doc.Span{}, false
	}
	e, ok := a.s.entStart[a.d.Tokens[k].Start]
	if !ok {
		return -1, doc.Span{}, false
	}
	m := a.d.Entities[e].Span
	if r := a.d.Entities[e].Antecedent; r >= 0 {
		e = r
	}
	return e, m, true
}

// speakerAfterCue returns the speaker named from token k on, after an
// inverted cue: "said the official", "said Finance Minister Ana Ruiz",
// "said Lt. Col. Ravi Menon". The recognizer leaves a title out of the
// person's mention, and words a name's dictionary key lacks out of an
// organisation's ("Federal Foreign Office"), so capitalised words and
// abbreviation points before the mention are stepped over.
func (a *attributor) speakerAfterCue(k, end int) (int, doc.Span, bool) {
	if e, m, ok := a.speakerPastArticle(k, end); ok {
		return e, m, true
	}
	if a.tok(k) == "the" {
		k++
	}
	for j := k; j < end && j < k+4; j++ {
		if t := a.d.Tokens[j]; !t.Upper && a.tok(j) != "." {
			break
		}
		if e, m, ok := a.speakerAt(j + 1); ok {
			return e, m, true
		}
	}
	return -1, doc.Span{}, false
}

// speakerPastArticle returns the speaker whose mention starts at token k
// or, after a "the" that the mention leaves out ("the WHO said"), at the
// next token, within a sentence that ends before end.
func (a *attributor) speakerPastArticle(k, end int) (int, doc.Span, bool) {
	if e, m, ok := a.speakerAt(k); ok {
		return e, m, true
	}
	if k+1 < end && a.tok(k) == "the" {
		return a.speakerAt(k + 1)
	}
	return -1, doc.Span{}, false
}

// speakerEndingBefore finds an entity whose mention ends right before
// token k, allowing adverbs between ("Hajiyev also added").
func (a *attributor) speakerEndingBefore(si, k int) (int, doc.Span, bool) {
	d := a.d
	first := d.Sentences[si].FirstToken
	j := k - 1
	for j >= first && (d.Tokens[j].Tag == "RB" || d.Tokens[j].Tag == "RBR") && k-j <= 3 {
		j--
	}
	if j < first {
		return -1, doc.Span{}, false
	}
	// "its director, Halyna Kovalenko, said": a person right before the
	// comma is the speaker. "X, the foreign minister of Y, said": step over
	// the apposition to the name before it.
	if a.tok(j) == "," {
		if e, m, ok := a.entityEndingAt(si, j); ok && d.Entities[e].Type == doc.Person {
			return e, m, true
		}
		for c := j - 1; c > first && c >= j-25; c-- {
			if a.tok(c) == "," {
				j = c - 1
				break
			}
		}
	}
	e, m, ok := a.entityEndingAt(si, j+1)
	if ok && d.Entities[e].Type != doc.Person {
		// "Selamawit Bekele of the African Union Commission said": the
		// speaker is the person the organisation qualifies.
		p := a.tokenAfter(m.Start) - 1
		if a.tok(p) == "the" {
			p--
		}
		switch a.tok(p) {
		case "of", "from", "at", "for":
			if e2, m2, ok := a.entityEndingAt(si, p); ok && d.Entities[e2].Type == doc.Person {
				return e2, m2, true
			}
			// "the Bank of Ghana said": a body of a country speaks,
			// not the country.
			if e2, m2, ok := a.entityEndingAt(si, p); ok && a.tok(p) == "of" && d.Entities[e].Type == doc.GPE &&
				(d.Entities[e2].Type == doc.Role || d.Entities[e2].Type == doc.Org) {
				return e2, doc.Span{Start: m2.Start, End: m.End}, true
			}
			// "a spokesman for the ministry said": a role the
			// body qualifies speaks for it.
			if e2, m2, ok := a.entityEndingAt(si, p); ok && d.Entities[e2].Type == doc.Role && (d.Entities[e].Type != doc.Role || a.tok(p) == "for") {
				return e2, doc.Span{Start: m2.Start, End: m.End}, true
			}
		}
	}
	return e, m, ok
}

// entityEndingAt returns the longest entity of sentence si that ends
// right before token k, resolved to its root.
func (a *attributor) entityEndingAt(si, k int) (int, doc.Span, bool) {
	d := a.d
	if k-1 < d.Sentences[si].FirstToken {
		return -1, doc.Span{}, false
	}
	best, ok := a.s.entEnd[d.Tokens[k-1].End]
	if !ok || d.Entities[best].Start < d.Sentences[si].Start {
		return -1, doc.Span{}, false
	}
	m := d.Entities[best].Span
	if r := d.Entities[best].Antecedent; r >= 0 {
		best = r
	}
	return best, m, true
}

func (a *attributor) emit(q doc.Quote, si int) {
	if q.Speaker >= 0 && a.inTitle(a.d.Entities[q.Speaker].Span) {
		// The actor stage, which runs first, can take a title's
		// capitalised words for a person's name ("Night Shift") and
		// resolve a pronoun to it; a title speaks no words. The
		// speaker is left unresolved rather than guessed.
		q.Speaker = -1
		if a.inTitle(q.SpeakerMention) {
			q.SpeakerMention = doc.Span{}
		}
	}
	q.Paragraph = paragraphOf(a.d, si)
	q.Continues = -1
	if a.continues >= 0 {
		// Held as an offset until the quotes are sorted (see Process).
		q.Continues, a.continues = -(a.continues + 2), -1
	}
	switch {
	case q.Speaker >= 0 || q.SpeakerMention.End > q.SpeakerMention.Start:
		a.lastSpeaker, a.lastMention, a.lastSpeakerPara, a.lastQuote = q.Speaker, q.SpeakerMention, q.Paragraph, q.Start
	case q.Cue.End > q.Cue.Start:
		// A cue whose speaker is not found ends the previous speaker's
		// turn: a later quote with no cue must not go back to them.
		a.lastSpeaker, a.lastMention, a.lastQuote = -1, doc.Span{}, -1
	}
	if q.Kind == doc.DirectQuote && q.Cue.End > q.Cue.Start {
		if end, ok := a.s.directCue[q.Cue]; !ok || q.End < end {
			a.s.directCue[q.Cue] = q.End
		}
	}
	a.d.Quotes = append(a.d.Quotes, q)
}

// markDirect flags the tokens of every statement in quotation marks, so
// that indirect-speech cues inside them are not read as new statements,
// and lists the titles.
func (a *attributor) markDirect() {
	d := a.d
	for _, q := range a.s.spans {
		if a.titleRule(q) != "" {
			a.titles = append(a.titles, doc.Span{Start: q.start, End: q.end})
			continue
		}
		if a.isScare(q) {
			continue
		}
		closeTok := q.close
		if closeTok < 0 {
			closeTok = a.tokenAfter(q.end) - 1
		}
		for k := q.open; k <= closeTok && k < len(d.Tokens); k++ {
			a.s.inDirect[k] = true
		}
	}
}

// direct attributes one paired quotation.
func (a *attributor) direct(q qspan) {
	d := a.d
	si := text.SentenceOf(d, q.open)
	out := doc.Quote{Span: doc.Span{Start: q.start, End: q.end}, Speaker: -1, Continues: -1}
	trimSpan(d, &out.Span)
	if out.End <= out.Start {
		return
	}
	if r := a.titleRule(q); r != "" {
		// A name, not a statement: no speaker, and no part in who
		// spoke last.
		out.Kind = doc.TitleQuote
		out.Rule = r
		out.Paragraph = paragraphOf(d, si)
		d.Quotes = append(d.Quotes, out)
		return
	}
	if a.isScare(q) {
		out.Kind = doc.ScareQuote
		out.Rule = "scare_quote"
		out.Paragraph = paragraphOf(d, si)
		d.Quotes = append(d.Quotes, out)
		return
	}
	out.Kind = doc.DirectQuote
	closeTok := q.close
	if closeTok < 0 {
		closeTok = a.tokenAfter(q.end) - 1
	}
	if q.depth > 0 {
		out.Rule = "nested_quote"
		out.Paragraph = paragraphOf(d, si)
		d.Quotes = append(d.Quotes, out)
		return
	}
	cueSpan, ent, mention, rule := a.cueAfter(closeTok, q.last)
	if rule == "" && q.close >= 0 {
		// '"…" ― Dana Hollis': a dash byline, with no verb of saying.
		if c, e, m, ok := a.bylineAfter(q.close); ok {
			cueSpan, ent, mention, rule = c, e, m, "byline_dash"
		}
	}
	if rule == "" {
		cueSpan, ent, mention, rule = a.cueBefore(q.open)
	}
	if rule == "" || ent < 0 && mention.End <= mention.Start {
		// The parse reaches what word order misses: a quote inside
		// reported speech ('X said the city "owes us a hearing"'), a
		// cue after a long apposition, a speaker that is a description
		// ('said the announcer').
		if c, e, m, r := a.cueFromParse(si, q.first, q.last); r != "" {
			cueSpan, ent, mention, rule = c, e, m, r
		}
	}
	if rule == "" {
		// No cue of its own: the speaker of the previous statement in
		// this paragraph or the one before, with that statement's
		// mention, as its continuation.
		p := paragraphOf(d, si)
		if (a.lastSpeaker >= 0 || a.lastMention.End > a.lastMention.Start) && p-a.lastSpeakerPara <= 1 {
			ent, mention, rule = a.lastSpeaker, a.lastMention, "carry_over"
			a.continues = a.lastQuote
		} else {
			rule = "no_cue"
		}
	}
	out.Cue, out.Speaker, out.SpeakerMention, out.Rule = cueSpan, ent, mention, rule
	a.emit(out, si)
}

// namePhraseAt reads a run of capitalised words from token k on: a name
// with its title that the recognizer did not take ("Deputy Chief Laura
// Simms").
func (a *attributor) namePhraseAt(k, end int) (doc.Span, bool) {
	d := a.d
	j := k
	for j < end && j < k+6 && d.Tokens[j].Upper && d.Tokens[j].Kind == doc.Word {
		j++
	}
	if j == k {
		return doc.Span{}, false
	}
	return doc.Span{Start: d.Tokens[k].Start, End: d.Tokens[j-1].End}, true
}

// descriptionAt reads a speaker described, not named, from token k on,
// after an inverted cue: "said a firefighter", "shouted the
// announcer", "said one resident of the block". The phrase is a
// determiner or possessive, adjectives and nouns, and ends at its last
// noun.
func (a *attributor) descriptionAt(k, end int) (doc.Span, bool) {
	d := a.d
	j := k
	if j < end && (d.Tokens[j].Tag == "DT" || d.Tokens[j].Tag == "PRP$" || d.Tokens[j].Tag == "CD") {
		j++
	}
	head := -1
	for ; j < end && j < k+6; j++ {
		switch d.Tokens[j].Tag {
		case "JJ", "JJR", "JJS", "VBN":
			continue
		case "NN", "NNS":
			head = j
			continue
		}
		break
	}
	if head < 0 {
		return doc.Span{}, false
	}
	// "said state secretary Ana Ruiz": a name the recognizer missed
	// follows the title; it belongs to the speaker's words.
	for j = head + 1; j < end && (d.Tokens[j].Tag == "NNP" || d.Tokens[j].Tag == "NNPS"); j++ {
		head = j
	}
	return doc.Span{Start: d.Tokens[k].Start, End: d.Tokens[head].End}, true
}

// trimSpan drops white space at either end of a quote's content.
func trimSpan(d *doc.Doc, s *doc.Span) {
	for s.Start < s.End && isSpace(d.Text[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && isSpace(d.Text[s.End-1]) {
		s.End--
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// cueAfter reads '"...," he said' and '"...," said the official' after the
// closing mark that ends at token c; token last ends the quote's content.
func (a *attributor) cueAfter(c, last int) (cue doc.Span, ent int, mention doc.Span, rule string) {
	d := a.d
	si := text.SentenceOf(d, c)
	if si < 0 {
		return doc.Span{}, -1, doc.Span{}, ""
	}
	end := d.Sentences[si].EndToken
	k := c + 1
	for k < end && d.Tokens[k].Kind == doc.Punct && a.tok(k) != "." {
		k++
	}
	if k < end {
		return a.cueAt(si, k)
	}
	// The sentence ends with the quote. After a question or an
	// exclamation the splitter cannot tell a name that attributes it
	// ('"Why should we pay?" Haruto Sato said.') from a new sentence; a
	// cue opening the next sentence, with no clause of its own after it,
	// is the quote's.
	ns := si + 1
	if q := a.tok(last); (q != "?" && q != "!") || ns >= len(d.Sentences) ||
		d.Sentences[ns].Paragraph != d.Sentences[si].Paragraph || d.Sentences[ns].FirstToken != c+1 {
		return doc.Span{}, -1, doc.Span{}, ""
	}
	cue, ent, mention, rule = a.cueAt(ns, c+1)
	if rule == "" {
		return doc.Span{}, -1, doc.Span{}, ""
	}
	if after := a.tokenAfter(max(cue.End, mention.End)); a.hasFiniteVerb(after, d.Sentences[ns].EndToken) {
		return doc.Span{}, -1, doc.Span{}, ""
	}
	return cue, ent, mention, rule
}

// maxSpeakerPhrase bounds the noun phrase between a closing quotation mark
// and its cue: a title, a name and a place ("the county's chief medical
// examiner Dr. Ana Ruiz of Tucson said").
const maxSpeakerPhrase = 10

// cueAt reads a cue and its speaker from token k of sentence si on, right
// after a closing quotation mark.
func (a *attributor) cueAt(si, k int) (cue doc.Span, ent int, mention doc.Span, rule string) {
	d := a.d
	tok := a.sentTok(si)
	end := d.Sentences[si].EndToken
	// "said the official" / "said Hajiyev"
	if cu, n, ok := a.s.cues.match(tok, k); ok && !cu.phrase {
		cue = doc.Span{Start: d.Tokens[k].Start, End: d.Tokens[k+n-1].End}
		if e, m, ok := a.speakerAfterCue(k+n, end); ok {
			// "said the farmer, Abdi Warsame": the name after the role.
			j := a.tokenAfter(m.End)
			if j+1 < end && a.tok(j) == "," {
				if e2, m2, ok := a.speakerAt(j + 1); ok && d.Entities[e2].Type == doc.Person {
					return cue, e2, m2, "cue_after_quote_inverted_apposition " + cu.rule
				}
			}
			return cue, e, m, "cue_after_quote_inverted " + cu.rule
		}
		if m, ok := a.descriptionAt(k+n, end); ok {
			// "said the principal, Irene Vasquez": the name in
			// apposition is the speaker.
			j := a.tokenAfter(m.End)
			if j+1 < end && a.tok(j) == "," {
				if e2, m2, ok := a.speakerAt(j + 1); ok && d.Entities[e2].Type == doc.Person {
					return cue, e2, m2, "cue_after_quote_inverted_apposition " + cu.rule
				}
			}
			return cue, -1, m, "cue_after_quote_inverted_description " + cu.rule
		}
		return cue, -1, doc.Span{}, "cue_unresolved_speaker " + cu.rule
	}
	// "he said" / "the ministry said" / "Hajiyev told TASS" / "the WHO
	// said", where the article is outside the name's mention.
	if e, m, ok := a.speakerPastArticle(k, end); ok {
		j := a.tokenAfter(m.End)
		// '"...," Germany's Federal Foreign Office said': the speaker
		// is what the possessive's owner has.
		if t := tok(j); en.IsPossessiveClitic(t) {
			if e2, m2, ok := a.speakerAfterCue(j+1, end); ok {
				e, m, j = e2, m2, a.tokenAfter(m2.End)
			}
		}
		// '"...," a senior official, Park Ji-hoon, said': the name in
		// apposition to a role is the speaker.
		if j+1 < end && tok(j) == "," && d.Entities[e].Type == doc.Role {
			if e2, m2, ok := a.speakerAt(j + 1); ok && d.Entities[e2].Type == doc.Person {
				if j2 := a.tokenAfter(m2.End); j2 < end && tok(j2) == "," {
					e, m, j = e2, m2, j2+1
				}
			}
		}
		// '"...," Ana Brito, Portugal's health minister, said'
		if j < end && a.tok(j) == "," {
			for c := j + 1; c < end && c < j+14; c++ {
				if a.tok(c) == "," {
					j = c + 1
					break
				}
			}
		}
		// "a resident in Kharkiv said": a place after the speaker.
		if t := tok(j); (t == "in" || t == "from" || t == "at") && j+1 < end && d.Tokens[j+1].Upper {
			p := j + 1
			for p < end && p < j+4 && d.Tokens[p].Upper {
				p++
			}
			if cu, _, ok := a.s.cues.match(tok, p); ok && !cu.phrase {
				j = p
			}
		}
		for j < end && (d.Tokens[j].Tag == "RB") && j-k < 6 {
			j++
		}
		if cu, n, ok := a.s.cues.match(tok, j); ok && !cu.phrase {
			return doc.Span{Start: d.Tokens[j].Start, End: d.Tokens[j+n-1].End}, e, m, "cue_after_quote " + cu.rule
		}
	}
	// A cue after a noun phrase: a speaker we did not recognise, or one
	// behind a title ('county press secretary Omar Lindqvist said'). The
	// phrase holds no verb of its own, so the window can be as long as a
	// title and a name are.
	for j := k; j < end && j < k+maxSpeakerPhrase; j++ {
		if d.Tokens[j].Kind == doc.QuoteMark || d.Tokens[j].Tag == "CC" || d.Tokens[j].Tag == "IN" && !(tok(j) == "in" || tok(j) == "from" || tok(j) == "at") {
			// '..., while the paramilitaries said': another clause
			// with its own statement, not this quote's cue.
			break
		}
		cu, n, ok := a.s.cues.match(tok, j)
		if !ok && strings.HasPrefix(d.Tokens[j].Tag, "VB") || d.Tokens[j].Tag == "WDT" || d.Tokens[j].Tag == "WP" {
			break // a verb or a relative clause: no longer the speaker's phrase
		}
		if ok && !cu.phrase {
			cue := doc.Span{Start: d.Tokens[j].Start, End: d.Tokens[j+n-1].End}
			// '"...," union leader Mateus Carvalho said': the name
			// right before the cue, after words the mention leaves out.
			if e, m, ok := a.speakerEndingBefore(si, j); ok && m.Start >= d.Tokens[k].Start {
				return cue, e, m, "cue_after_quote " + cu.rule
			}
			return cue, -1, doc.Span{}, "cue_unresolved_speaker " + cu.rule
		}
	}
	return doc.Span{}, -1, doc.Span{}, ""
}

// cueBefore reads 'X said: "..."' before the opening mark at token o.
func (a *attributor) cueBefore(o int) (cue doc.Span, ent int, mention doc.Span, rule string) {
	d := a.d
	si := text.SentenceOf(d, o)
	if si < 0 {
		return doc.Span{}, -1, doc.Span{}, ""
	}
	tok := a.sentTok(si)
	first := d.Sentences[si].FirstToken
	for j := o - 1; j >= first && j >= o-6; j-- {
		cu, n, ok := a.s.cues.match(tok, j)
		if !ok || cu.phrase {
			continue
		}
		cue = doc.Span{Start: d.Tokens[j].Start, End: d.Tokens[j+n-1].End}
		if e, m, ok := a.speakerEndingBefore(si, j); ok {
			return cue, e, m, "cue_before_quote " + cu.rule
		}
		// '..." said Leyla Karimova, "and ...': the name after the cue.
		// The name must lead straight to the quote: in 'X said the RSF
		// had "used ..."' the RSF is the reported clause's subject.
		if e, m, ok := a.speakerAfterCue(j+n, d.Sentences[si].EndToken); ok && a.leadsToQuote(a.tokenAfter(m.End), o) {
			return cue, e, m, "cue_before_quote_inverted " + cu.rule
		}
		return cue, -1, doc.Span{}, "cue_unresolved_speaker " + cu.rule
	}
	return doc.Span{}, -1, doc.Span{}, ""
}

// indirect finds reported speech outside direct quotations in sentence si.
func (a *attributor) indirect(si int) {
	d := a.d
	s := d.Sentences[si]
	tok := a.sentTok(si)
	sentSpeaker, sentMention := -1, doc.Span{}
	// A statement's content ends where a participle of saying adds
	// another: "said A, adding that B" is two statements.
	contentEnd := func(from int) int {
		for x := from; x+1 < s.EndToken; x++ {
			if tok(x) == "," && d.Tokens[x+1].Tag == "VBG" && x+2 < s.EndToken && tok(x+2) == "that" {
				if cu, _, ok := a.s.cues.match(tok, x+1); ok && !cu.phrase {
					return x
				}
			}
		}
		return s.EndToken
	}
	for k := s.FirstToken; k < s.EndToken; k++ {
		if a.s.inDirect[k] {
			continue
		}
		cu, n, ok := a.s.cues.match(tok, k)
		if !ok {
			continue
		}
		cueSpan := doc.Span{Start: d.Tokens[k].Start, End: d.Tokens[k+n-1].End}
		if a.cuesDirect(cueSpan) {
			// '"...", X told workers gathered outside': the cue is the
			// direct quote's; what follows it reports nothing more.
			k += n - 1
			continue
		}
		if cu.phrase {
			// "According to X, content." / "According to the ministry, ..."
			e, m, ok := a.speakerPastArticle(k+n, s.EndToken)
			if !ok {
				// A person with a title or a description: "according
				// to Deputy Chief Laura Simms", "according to the fire
				// department".
				e = -1
				m, ok = a.descriptionAt(k+n, s.EndToken)
				if !ok {
					m, ok = a.namePhraseAt(k+n, s.EndToken)
				}
				if !ok {
					continue
				}
				if x := a.s.entOfTok[a.tokenAfter(m.End)-1]; x >= 0 {
					e = int(x)
					if r := d.Entities[e].Antecedent; r >= 0 {
						e = r
					}
				}
			}
			if e < 0 {
				// "according to a statement from the army", "a report
				// by the agency": a document speaks for its source.
				if j := a.tokenAfter(m.End); j < s.EndToken && (tok(j) == "from" || tok(j) == "by" || tok(j) == "of") {
					if e2, m2, ok2 := a.speakerPastArticle(j+1, s.EndToken); ok2 {
						e, m = e2, m2
					} else if m2, ok2 := a.descriptionAt(j+1, s.EndToken); ok2 {
						m = m2
					}
				}
			}
			j := a.tokenAfter(m.End)
			start, end, ok := 0, 0, false
			if j < s.EndToken && tok(j) == "," {
				// "According to X, content."
				start, end, ok = a.contentSpan(j+1, s.EndToken)
			}
			if !ok && k-1 > s.FirstToken && tok(k-1) == "," {
				// "Three people were hurt, according to the police."
				start, end, ok = a.contentSpan(s.FirstToken, k-1)
			}
			if ok {
				a.emit(doc.Quote{Kind: doc.IndirectQuote, Span: doc.Span{Start: start, End: end}, Cue: cueSpan,
					Speaker: e, SpeakerMention: m, Rule: "according_to " + cu.rule}, si)
			}
			k += n - 1
			continue
		}
		if a.negated(k) {
			// "did not say", "never told": no statement is reported.
			k += n - 1
			continue
		}
		e, m, ok := a.speakerEndingBefore(si, k)
		if !ok && sentSpeaker >= 0 && k > s.FirstToken && tok(k-1) == "," && d.Tokens[k].Tag == "VBG" {
			// "X said A, adding that B": the participle's subject is
			// the statement's speaker before it.
			e, m, ok = sentSpeaker, sentMention, true
		}
		if !ok {
			// The parse finds a subject that word order misses: after
			// an auxiliary or an adverb ("has long said", "have
			// repeatedly warned"), a pronoun or a description ("health
			// officials in the county told parents").
			if subj := a.subjectOf(k); subj >= 0 && subj < k && !a.s.inDirect[subj] {
				e, m, ok = a.speakerOfToken(subj)
			}
		}
		if ok && m.End <= d.Tokens[k].Start && k+n < s.EndToken && tok(k+n) == "," {
			// "The river, the mayor said, had not crested": a cue set
			// off by commas inside the statement, which runs round it.
			if ms := a.tokenAfter(m.Start); ms-1 > s.FirstToken && tok(ms-1) == "," && a.hasFiniteVerb(k+n+1, s.EndToken) {
				if start, end, ok2 := a.contentSpan(s.FirstToken, s.EndToken); ok2 {
					a.emit(doc.Quote{Kind: doc.IndirectQuote, Span: doc.Span{Start: start, End: end}, Cue: cueSpan,
						Speaker: e, SpeakerMention: m, Rule: "cue_inside_statement " + cu.rule}, si)
					return
				}
			}
		}
		if !ok {
			continue
		}
		// A cue that introduces a direct quotation ('X said: "..."') is
		// that quotation's cue, not a statement of its own.
		if a.introducesQuote(k+n, s.EndToken) {
			continue
		}
		mStart := a.tokenAfter(m.Start)
		if t := tok(mStart - 1); en.IsPossessiveClitic(t) && mStart-2 > s.FirstToken {
			// "..., Argentina's Secretariat of Agriculture said": the
			// speaker's phrase starts at its owner.
			if _, om, ok := a.entityEndingAt(si, mStart-1); ok {
				mStart = a.tokenAfter(om.Start)
			}
		}
		if mStart-1 > s.FirstToken && d.Tokens[mStart-1].Tag == "DT" {
			mStart-- // "..., the Bank of Ghana said"
		}
		// "X noted that ...", "X told TASS that ...".
		j := k + n
		// A comma ends the search: "said, pointing at the trucks that
		// waited" reports nothing.
		for skip := 0; skip < 8 && j < s.EndToken && tok(j) != "that" && tok(j) != "," && !a.hasFiniteVerb(j, j+1); skip++ {
			j++
		}
		// A relative "that" ("attacks on civilians that may amount to
		// war crimes") opens no content clause.
		if j < s.EndToken && tok(j) == "that" && !a.s.inDirect[j] && d.Tokens[j].Tag != "WDT" {
			stop := contentEnd(j + 1)
			if start, end, ok := a.contentSpan(j+1, stop); ok {
				a.emit(doc.Quote{Kind: doc.IndirectQuote, Span: doc.Span{Start: start, End: end}, Cue: cueSpan,
					Speaker: e, SpeakerMention: m, Rule: "cue_that " + cu.rule}, si)
				if stop == s.EndToken {
					return
				}
				sentSpeaker, sentMention, k = e, m, stop
				continue
			}
		}
		// "Content, X said." The content runs from the sentence start
		// to the comma before the speaker.
		if mStart-1 > s.FirstToken && tok(mStart-1) == "," && !a.s.inDirect[s.FirstToken] &&
			a.hasClause(s.FirstToken, mStart-1) {
			if start, end, ok := a.contentSpan(s.FirstToken, mStart-1); ok {
				a.emit(doc.Quote{Kind: doc.IndirectQuote, Span: doc.Span{Start: start, End: end}, Cue: cueSpan,
					Speaker: e, SpeakerMention: m, Rule: "content_then_cue " + cu.rule}, si)
				return
			}
		}
		// "X said the talks failed": a bare clause after a verb of saying
		// (after the addressee of "told"), if it has a finite verb.
		if a.s.cues.bareClause(tok(k)) {
			c := k + n
			if tok(k) == "told" || tok(k) == "tells" {
				if e2, ok := a.s.entStart[d.Tokens[min(c, len(d.Tokens)-1)].Start]; c < s.EndToken && ok {
					c = a.tokenAfter(d.Entities[e2].End)
				} else if c < s.EndToken && (tok(c) == "reporters" || tok(c) == "journalists") {
					c++
				}
			}
			for c < s.EndToken && (tok(c) == "on" && c+1 < s.EndToken && en.IsWeekdayName(tok(c+1)) || d.Tokens[c].Tag == "NNP" && en.IsWeekdayName(tok(c))) {
				c++ // "said on Monday"
			}
			if c < s.EndToken && a.opensClause(c) && a.hasFiniteVerb(c, s.EndToken) && !a.s.inDirect[c] {
				stop := contentEnd(c)
				if start, end, ok := a.contentSpan(c, stop); ok {
					a.emit(doc.Quote{Kind: doc.IndirectQuote, Span: doc.Span{Start: start, End: end}, Cue: cueSpan,
						Speaker: e, SpeakerMention: m, Rule: "cue_clause " + cu.rule}, si)
					if stop == s.EndToken {
						return
					}
					sentSpeaker, sentMention, k = e, m, stop
					continue
				}
			}
		}
	}
}

// leadsToQuote reports whether token k is the opening mark o or a comma
// or colon right before it.
func (a *attributor) leadsToQuote(k, o int) bool {
	return k == o || (k == o-1 && (a.tok(k) == "," || a.tok(k) == ":"))
}

// cuesDirect reports whether a direct quote before cue already has it as
// its cue ('"...", X told workers'). A quotation after the cue ('X said
// Kinshasa would judge it "by what happens"') is part of what is
// reported, and leaves the statement standing.
func (a *attributor) cuesDirect(cue doc.Span) bool {
	end, ok := a.s.directCue[cue]
	return ok && end <= cue.Start
}

// introducesQuote reports a colon or a quotation after a cue, before any
// verb of a clause of its own: 'said: "..."', 'told reporters in
// Stockholm: "..."', 'wrote on X: "..."'.
func (a *attributor) introducesQuote(c, end int) bool {
	for x := c; x < end && x < c+8; x++ {
		if a.tok(x) == ":" || (a.s.inDirect[x] && x < c+2) {
			return true
		}
		if a.hasFiniteVerb(x, x+1) {
			return false
		}
	}
	return false
}

// negated reports a cue verb under negation: a negator (en.IsNegator:
// "not", "never", "cannot") among its dependents in the parse, or just
// before it ("did not say").
func (a *attributor) negated(k int) bool {
	for x := k - 1; x >= 0 && x >= k-2; x-- {
		if en.IsNegator(a.tok(x)) {
			return true
		}
	}
	for dep := a.tr.First(k); dep >= 0; dep = a.tr.Next(dep) {
		if a.tr.Rel(dep) == doc.DepAdvmod && en.IsNegator(a.tok(dep)) {
			return true
		}
	}
	return false
}

// opensClause reports whether token c may open a reported clause: not
// punctuation, a preposition or a participle ("said, pointing at",
// "said on condition of anonymity before ministers met").
func (a *attributor) opensClause(c int) bool {
	t := a.d.Tokens[c]
	if t.Kind == doc.Punct || t.Kind == doc.QuoteMark {
		return false
	}
	if t.Tag == "WRB" || t.Tag == "WP" || t.Tag == "WDT" || a.tok(c) == "whether" || a.tok(c) == "if" {
		// "said how long it would last": an indirect question, which
		// asserts nothing.
		return false
	}
	switch t.Tag {
	case "IN", "TO":
		// "said at least 20 people died", "said about 800 homes":
		// a quantifier before a number opens the subject.
		for k := c + 1; k < len(a.d.Tokens) && k <= c+2; k++ {
			if a.d.Tokens[k].Tag == "CD" {
				return true
			}
		}
		return false
	case "VBG", "VBN":
		return false
	}
	return true
}

func (a *attributor) hasFiniteVerb(i, j int) bool {
	for k := i; k < j; k++ {
		switch a.d.Tokens[k].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// hasClause reports a clause in tokens [i, j): a finite verb, or a past
// participle with an active subject and no auxiliary, which is a
// preterite the tagger misread ("Airstrikes killed/VBN 30 people,
// officials said": a participle of a reduced relative has no subject of
// its own).
func (a *attributor) hasClause(i, j int) bool {
	if a.hasFiniteVerb(i, j) {
		return true
	}
	d := a.d
	for k := i; k < j; k++ {
		if d.Tokens[k].Tag != "VBN" {
			continue
		}
		subject, aux := false, false
		for c := i; c < j; c++ {
			if int(d.Tokens[c].Head) != k {
				continue
			}
			switch d.Tokens[c].Dep {
			case doc.DepNsubj:
				subject = true
			case doc.DepAux, doc.DepAuxPass:
				aux = true
			}
		}
		if subject && !aux {
			return true
		}
	}
	return false
}

// contentSpan returns the byte span of tokens [i, j) without trailing
// sentence punctuation, if it holds at least three words.
func (a *attributor) contentSpan(i, j int) (int, int, bool) {
	d := a.d
	for j > i && d.Tokens[j-1].Kind == doc.Punct {
		j--
	}
	words := 0
	for k := i; k < j; k++ {
		if d.Tokens[k].Kind == doc.Word {
			words++
		}
	}
	if words < 3 {
		return 0, 0, false
	}
	return d.Tokens[i].Start, d.Tokens[j-1].End, true
}
