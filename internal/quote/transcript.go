package quote

import (
	"strings"
	"unicode"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/text"
)

// Transcript labels: interview and broadcast transcripts use no quotation
// marks but name each speaker in capitals before a colon
// ('HOLLIS: We filled every bed.', 'Q: And this year?').

// maxLabelWords bounds a transcript label's name ("DANA HOLLIS"); label
// names have 2 to 20 letters a word.
const (
	maxLabelWords   = 3
	minLabelLetters = 2
	maxLabelLetters = 20
)

// transcript is a transcript line found before attribution, emitted with
// its sentence.
type transcript struct {
	si int
	q  doc.Quote
}

// label is a transcript label read at a line's start.
type label struct {
	name  doc.Span // the name or speaker word, without an honorific
	colon int      // the colon's token
	rule  string   // the labels.tsv entry of a speaker word, or ""
	last  string   // the name's last word, in capitals
}

// labelAt reads a transcript label from token k on, within a paragraph
// whose tokens end before end: an optional honorific ("MS."), one to
// maxLabelWords words in capitals of 2 to 20 letters that are no heading
// words, or one speaker word of labels.tsv ("Q", "HOST"); then a colon
// against it, white space and the words.
func (a *attributor) labelAt(k, end int) (label, bool) {
	d := a.d
	lw := a.s.cues.labels
	j := k
	if w, ok := lw[upperWord(d, j)]; ok && w.kind == labelHonorific && j+1 < end {
		j++
		if a.tok(j) == "." {
			j++
		}
	}
	first := j
	colonAt := func(j int) bool {
		return j > first && j+1 < end && a.tok(j) == ":" && d.Tokens[j].Start == d.Tokens[j-1].End && isSpace(d.Text[d.Tokens[j].End])
	}
	if w, ok := lw[upperWord(d, j)]; ok && w.kind == labelSpeaker && j == k && colonAt(j+1) {
		return label{name: d.Tokens[j].Span, colon: j + 1, rule: w.rule, last: upperWord(d, j)}, true
	}
	for j < end && j-first < maxLabelWords && nameLabelWord(d, j) {
		if w, ok := lw[upperWord(d, j)]; ok && w.kind == labelHeading {
			return label{}, false // "UPDATE:", "EDITOR'S NOTE:"
		}
		j++
	}
	if !colonAt(j) {
		return label{}, false
	}
	return label{name: doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[j-1].End}, colon: j, last: upperWord(d, j-1)}, true
}

// upperWord returns token k's text in capitals when it is a word, or "".
func upperWord(d *doc.Doc, k int) string {
	if k >= len(d.Tokens) || d.Tokens[k].Kind != doc.Word {
		return ""
	}
	return strings.ToUpper(d.SpanText(d.Tokens[k].Span))
}

// nameLabelWord reports whether token k is a word in capitals of 2 to 20
// letters, with at most inner hyphens and apostrophes ("O'NEILL",
// "JEAN-PAUL").
func nameLabelWord(d *doc.Doc, k int) bool {
	t := d.Tokens[k]
	if t.Kind != doc.Word {
		return false
	}
	w := d.Text[t.Start:t.End]
	letters := 0
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case (r == '-' || r == '\'' || r == '’') && i > 0 && i < len(w)-1:
		default:
			return false
		}
	}
	return letters >= minLabelLetters && letters <= maxLabelLetters
}

// lineStart reports whether token k starts a line of its paragraph.
func (a *attributor) lineStart(k, paraFirst int) bool {
	if k == paraFirst {
		return true
	}
	return strings.ContainsRune(a.d.Text[a.d.Tokens[k-1].End:a.d.Tokens[k].Start], '\n')
}

// transcripts finds transcript lines: a paragraph that opens with a
// label, and each later line of it that opens with one, is a statement of
// the label's speaker running to the next labelled line or the
// paragraph's end (rule transcript_label). A name label is a speaker
// when the actor stage found a person there or named one earlier whose
// surname it is; otherwise only when another paragraph of the document
// opens with a label too, since a transcript alternates speakers and a
// lone capitalised word before a colon is as often a dateline
// ("DUBAI:"), and when it is not the document's dateline. A label the
// actor stage reads as a place or an organisation is none. The content
// tokens are marked as direct speech, so no cue inside them makes a
// statement of its own.
func (a *attributor) transcripts() []transcript {
	d := a.d
	type found struct {
		lb          label
		first, last int // content tokens
	}
	var lines []found
	paras := 0
	for pi, p := range d.Paragraphs {
		if p.FirstSentence >= p.EndSentence {
			continue
		}
		first, end := d.Sentences[p.FirstSentence].FirstToken, paragraphEnd(d, pi)
		lb, ok := a.labelAt(first, end)
		if !ok {
			continue
		}
		paras++
		for {
			// The line runs to the next line that opens with a label.
			next, nextLb := end, label{}
			for k := lb.colon + 1; k < end; k++ {
				if a.lineStart(k, first) {
					if l, ok := a.labelAt(k, end); ok {
						next, nextLb = k, l
						break
					}
				}
			}
			lines = append(lines, found{lb: lb, first: lb.colon + 1, last: next - 1})
			if next == end {
				break
			}
			lb = nextLb
		}
	}
	var out []transcript
	for _, l := range lines {
		words := 0
		for k := l.first; k <= l.last; k++ {
			if d.Tokens[k].Kind == doc.Word || d.Tokens[k].Kind == doc.Number {
				words++
			}
		}
		ent := -1
		if l.lb.rule == "" {
			if words < 2 || a.notPerson(l.lb) {
				continue
			}
			// A person named before, whose surname the label is, outweighs
			// a dateline read from the same word: many surnames are
			// place names too ("HOLLIS:", "JACKSON:").
			ent = a.labelPerson(l.lb)
			if ent < 0 && (paras < 2 || a.isDateline(l.lb)) {
				continue
			}
		} else if words < 1 {
			continue
		}
		span := doc.Span{Start: d.Tokens[l.first].Start, End: d.Tokens[l.last].End}
		trimSpan(d, &span)
		colon := a.tokenAfter(l.lb.name.End)
		for k := a.tokenAfter(l.lb.name.Start); k <= l.last; k++ {
			a.s.inDirect[k] = true
		}
		rule := "transcript_label"
		if l.lb.rule != "" {
			rule += " " + l.lb.rule
		}
		out = append(out, transcript{si: text.SentenceOf(d, colon), q: doc.Quote{Kind: doc.DirectQuote, Span: span,
			Cue: d.Tokens[colon].Span, Speaker: ent, SpeakerMention: l.lb.name, Rule: rule, Continues: -1}})
	}
	return out
}

// isDateline reports whether a name label is the document's dateline
// and the dateline names a known place or a date ("DUBAI:"); a dateline
// of neither is only a capitalised word before a colon.
func (a *attributor) isDateline(lb label) bool {
	dl := a.d.Dateline
	return dl != nil && dl.Start < lb.name.End && lb.name.Start < dl.End && (dl.CountryCode != "" || !dl.Date.IsZero())
}

// notPerson reports a name label that the actor stage reads as a place
// or an organisation.
func (a *attributor) notPerson(lb label) bool {
	d := a.d
	for k := a.tokenAfter(lb.name.Start); k < len(d.Tokens) && d.Tokens[k].End <= lb.name.End; k++ {
		if e := a.s.entOfTok[k]; e >= 0 && d.Entities[e].Type != doc.Person {
			return true
		}
	}
	return false
}

// labelPerson returns the person a name label stands for: the actor
// stage's person mention at the label, else the latest person named
// before it whose last word is the label's last word (HOLLIS for Dana
// Hollis), resolved to its root; -1 when there is none.
func (a *attributor) labelPerson(lb label) int {
	d := a.d
	for k := a.tokenAfter(lb.name.Start); k < len(d.Tokens) && d.Tokens[k].End <= lb.name.End; k++ {
		if e := a.s.entOfTok[k]; e >= 0 && d.Entities[e].Type == doc.Person {
			r, _, _ := a.rooted(int(e))
			return r
		}
	}
	for i := len(d.Entities) - 1; i >= 0; i-- {
		e := d.Entities[i]
		if e.Start >= lb.name.Start || e.Type != doc.Person {
			continue
		}
		words := strings.Fields(d.SpanText(e.Span))
		if len(words) > 0 && strings.EqualFold(words[len(words)-1], lb.last) {
			r, _, _ := a.rooted(i)
			return r
		}
	}
	return -1
}
