package quote

import (
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/text"
)

// Attribution without a verb of saying: a dash byline after a quotation
// ('"…" ― Dana Hollis, county engineer'), the convention of epigraphs,
// pull quotes and quote round-ups.

// isDash reports whether token k is a dash that may introduce a byline:
// an em dash, a horizontal bar, an en dash, a double hyphen, or a single
// hyphen with white space on both sides (a hyphen against a word joins
// words).
func (a *attributor) isDash(k int) bool {
	d := a.d
	t := d.Tokens[k]
	switch d.Text[t.Start:t.End] {
	case "—", "―", "–", "--":
		return true
	case "-":
		return t.Start > 0 && t.End < len(d.Text) && isSpace(d.Text[t.Start-1]) && isSpace(d.Text[t.End])
	}
	return false
}

// paragraphOfToken returns the paragraph of token k, or -1.
func paragraphOfToken(d *doc.Doc, k int) int { return paragraphOf(d, text.SentenceOf(d, k)) }

// paragraphEnd returns the token after paragraph pi's last.
func paragraphEnd(d *doc.Doc, pi int) int {
	p := d.Paragraphs[pi]
	return d.Sentences[p.EndSentence-1].EndToken
}

// bylineAfter reads a dash byline after the closing mark that ends at
// token c: '"…" ― Name', '"…" — Name, title', '"…" - Name', with the dash
// in the quote's paragraph or opening the next. The name is the actor
// stage's entity there (past a title it left out, "Mayor Dana Hollis"),
// else the run of capitalised words, as a mention with no entity. What
// follows the name must be the end of the paragraph or of the sentence,
// or a comma or bracket that starts a description; a verb after the name
// ('"…" — Hollis disagreed') makes the dash a break in the sentence, not
// a byline. cue is the dash.
func (a *attributor) bylineAfter(c int) (cue doc.Span, ent int, mention doc.Span, ok bool) {
	d := a.d
	k := c + 1
	if c < 0 || k+1 >= len(d.Tokens) || d.Tokens[k].Kind != doc.Punct || !a.isDash(k) {
		return doc.Span{}, -1, doc.Span{}, false
	}
	pc, pk := paragraphOfToken(d, c), paragraphOfToken(d, k)
	if pc < 0 || pk < 0 || pk != pc && (pk != pc+1 || d.Sentences[d.Paragraphs[pk].FirstSentence].FirstToken != k) {
		return doc.Span{}, -1, doc.Span{}, false
	}
	end := paragraphEnd(d, pk)
	n := k + 1
	if n >= end || d.Tokens[n].Kind != doc.Word || !d.Tokens[n].Upper {
		return doc.Span{}, -1, doc.Span{}, false
	}
	ent = -1
	if e, m, found := a.speakerAfterCue(n, end); found && d.Entities[e].Type != doc.GPE {
		ent, mention = e, m
	} else if m, found := a.namePhraseAt(n, end); found {
		mention = m
		if x := a.s.entOfTok[a.tokenAfter(m.End)-1]; x >= 0 && d.Entities[x].Type == doc.Person {
			ent, mention, _ = a.rooted(int(x))
		}
	} else {
		return doc.Span{}, -1, doc.Span{}, false
	}
	if j := a.tokenAfter(mention.End); j < end {
		switch a.tok(j) {
		case ".", "(", ";":
		case ",":
			if !a.describes(j+1, end) {
				return doc.Span{}, -1, doc.Span{}, false
			}
		default:
			return doc.Span{}, -1, doc.Span{}, false
		}
	}
	return d.Tokens[k].Span, ent, mention, true
}

// describes reports whether tokens from k to the end of their sentence
// (at most end) describe a name rather than go on with a clause of
// their own: no finite verb, unless after a relative pronoun ('— Dana
// Hollis, who runs the shelter').
func (a *attributor) describes(k, end int) bool {
	si := text.SentenceOf(a.d, k)
	if si < 0 {
		return true
	}
	end = min(end, a.d.Sentences[si].EndToken)
	for x := k; x < end; x++ {
		switch a.d.Tokens[x].Tag {
		case "WP", "WP$", "WDT":
			return true
		case "VBD", "VBZ", "VBP", "MD":
			return false
		}
	}
	return true
}
