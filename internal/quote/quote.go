// Package quote finds who said what: direct quotations (straight, curly,
// single, guillemets, nested, interrupted and running over several
// paragraphs), indirect speech ("X noted that ...", "According to X, ...")
// scare quotes (a short quoted term that distances the writer from a
// word and is no statement) and titles (a name in quotation marks: the
// series "Night Shift," Eddie "The Hammer" Kowal; see title.go). It
// fills Doc.Quotes and resolves each
// speaker to an entity of the actor layer, so the event coder can mark
// events inside a statement as claimed by its speaker.
//
// Quotation marks come from the token layer, which already decides the
// direction of straight quotes; this package pairs them with a stack per
// paragraph, so nesting and unbalanced marks are handled in one linear
// pass. A speaker that cannot be resolved is reported as unresolved
// (Speaker -1), never guessed.
package quote

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/text"
)

// Name is the stage name.
const Name = "quote"

// maxWarnings bounds the unbalanced-mark warnings listed per document.
const maxWarnings = 20

// Stage is one worker's quote finder.
type Stage struct {
	cues     *Cues
	stack    []openMark
	spans    []qspan
	inDirect []bool
	entStart map[int]int
	// entEnd maps an end offset to the longest entity ending there, so
	// that a speaker before a cue is found without scanning every
	// entity (a long document would make that quadratic).
	entEnd map[int]int
	// directCue maps the cue of a direct quote to the earliest end of
	// the quotes it attributes, so that a cue already used by a
	// quotation is recognised without scanning the quotes.
	directCue map[doc.Span]int
	// entOfTok maps a token to the outermost entity covering it, or -1;
	// tree indexes the parse. Both are per document.
	entOfTok []int32
	tree     text.Tree
}

// New returns a per-worker stage over the shared cue lexicon.
func New(c *Cues) *Stage {
	return &Stage{cues: c, entStart: map[int]int{}, entEnd: map[int]int{}, directCue: map[doc.Span]int{}}
}

// Name implements pipeline.Stage.
func (s *Stage) Name() string { return Name }

// Requires implements pipeline.Stage.
func (s *Stage) Requires() []doc.Layer {
	return []doc.Layer{doc.LayerText, doc.LayerParse, doc.LayerMeta, doc.LayerEntities}
}

// Provides implements pipeline.Stage.
func (s *Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerQuotes} }

type openMark struct {
	tok    int // the mark's first token
	n      int // its width in tokens
	single bool
	sent   int // sentence the mark is in
}

// maxQuoteSentences bounds how many sentences a quotation may run inside
// one paragraph before its opening mark is given up as never closed. News
// paragraphs hold a few sentences; text with no paragraph breaks (a page
// flattened to one line) would otherwise let one stray mark open a
// quotation over the whole document, and every stage that walks a
// quotation's words would cost the square of the document.
const maxQuoteSentences = 20

// qspan is a paired quotation. Tokens open and close are the outer
// tokens of its marks (a mark may be two tokens: ’’), first and last the
// first and last token of its content.
type qspan struct {
	open, close int // token indices; close may be -1 when unbalanced
	first, last int
	start, end  int // byte span of the content
	depth       int
	unbalanced  bool
}

func isSingle(d *doc.Doc, i int) bool {
	switch d.Text[d.Tokens[i].Start:d.Tokens[i].End] {
	case "'", "‘", "’", "‹", "›", "`":
		return true
	}
	return false
}

// isApostrophe reports a one-character apostrophe-like mark, two of which
// side by side may stand for a double quotation mark.
func isApostrophe(d *doc.Doc, i int) bool {
	switch d.Text[d.Tokens[i].Start:d.Tokens[i].End] {
	case "'", "‘", "’":
		return true
	}
	return false
}

// mark is one quotation mark as pair reads it.
type mark struct {
	n       int // tokens it spans
	single  bool
	opening bool
}

// markAt reads the quotation mark at token i of a paragraph whose tokens
// end before end. Some newspaper text writes the double quotation mark as
// two apostrophes: two ASCII ones in a row (one token, which the
// tokenizer always calls closing), or two curly ones, ’’ or ‘‘ (two
// tokens); a backtick pair, which the tokenizer reads as opening, often
// opens them. Those are double marks whose direction is read from their
// position, as for the straight ": white space or an opening bracket
// before and a word after opens, a word or punctuation before and white
// space after closes, and otherwise they open unless a double mark is
// open. A possessive's lone apostrophe ("the students' union") is no
// pair and stays as the tokenizer reads it; see elision for "rock 'n'
// roll".
func markAt(d *doc.Doc, i, end int, doubleOpen bool) mark {
	t := d.Tokens[i]
	txt := d.Text[t.Start:t.End]
	switch {
	case txt == "''":
		return mark{n: 1, opening: opensByPosition(d, t.Start, t.End, doubleOpen)}
	case isApostrophe(d, i) && i+1 < end && d.Tokens[i+1].Kind == doc.QuoteMark && d.Tokens[i+1].Start == t.End && isApostrophe(d, i+1):
		return mark{n: 2, opening: opensByPosition(d, t.Start, d.Tokens[i+1].End, doubleOpen)}
	}
	return mark{n: 1, single: isSingle(d, i), opening: t.Tag == text.OpenQuoteTag}
}

// opensByPosition decides whether a quotation mark at bytes [start, end)
// opens, from the characters on either side of it.
func opensByPosition(d *doc.Doc, start, end int, doubleOpen bool) bool {
	before := true
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(d.Text[:start])
		before = unicode.IsSpace(r) || strings.ContainsRune("([{\u2014\u2013\u2015-\"“‘«", r)
	}
	after := true
	if end < len(d.Text) {
		r, _ := utf8.DecodeRuneInString(d.Text[end:])
		after = unicode.IsSpace(r) || strings.ContainsRune(",.;:!?)]}\u2014\u2013\u2015\u2026-\"”’»", r)
	}
	switch {
	case before && !after:
		return true
	case !before && after:
		return false
	}
	return !doubleOpen
}

// Process implements pipeline.Stage.
func (s *Stage) Process(ctx context.Context, d *doc.Doc) error {
	lower := d.Lower
	if len(lower) != len(d.Text) {
		lower = text.LowerText(d.Text)
	}
	before := len(d.Warnings)
	s.pair(d)
	if n := len(d.Warnings) - before; n > maxWarnings {
		// A text of stray marks would otherwise carry one warning per
		// mark; the first few locate the problem.
		first := d.Warnings[before]
		d.Warnings = d.Warnings[:before+maxWarnings]
		d.Warn(Name, first.Offset, fmt.Sprintf("%d more unbalanced quotation marks not listed", n-maxWarnings))
	}
	clear(s.entStart)
	clear(s.entEnd)
	clear(s.directCue)
	for i, e := range d.Entities {
		if _, ok := s.entStart[e.Start]; !ok {
			s.entStart[e.Start] = i
		}
		if j, ok := s.entEnd[e.End]; !ok || e.Start < d.Entities[j].Start {
			s.entEnd[e.End] = i
		}
	}
	if cap(s.inDirect) < len(d.Tokens) {
		s.inDirect = make([]bool, len(d.Tokens))
	}
	s.inDirect = s.inDirect[:len(d.Tokens)]
	clear(s.inDirect)
	s.tree.Reset(d)
	s.indexEntities(d)
	a := &attributor{s: s, d: d, tr: &s.tree, lower: lower, lastSpeaker: -1, lastSpeakerPara: -10, lastQuote: -1}
	a.markDirect()
	trans := a.transcripts()
	// Sentence by sentence, so that a quote with no cue of its own takes
	// the speaker of whatever statement came just before it, direct or
	// indirect.
	next := 0
	for si := range d.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		for len(trans) > 0 && trans[0].si <= si {
			a.emit(trans[0].q, trans[0].si)
			trans = trans[1:]
		}
		end := d.Sentences[si].End
		for next < len(s.spans) && s.spans[next].start < end {
			a.direct(s.spans[next])
			next++
		}
		a.indirect(si)
	}
	sort.SliceStable(d.Quotes, func(i, j int) bool { return d.Quotes[i].Start < d.Quotes[j].Start })
	// A continuation names the quote it continues by start offset while
	// quotes are still being added (see continuesAt); now that they are
	// in order, it becomes that quote's index.
	for i := range d.Quotes {
		if c := d.Quotes[i].Continues; c <= -2 {
			start := -(c + 2)
			j := sort.Search(len(d.Quotes), func(j int) bool { return d.Quotes[j].Start >= start })
			d.Quotes[i].Continues = -1
			if j < i && d.Quotes[j].Start == start {
				d.Quotes[i].Continues = j
			}
		}
	}
	return nil
}

// pair matches quotation marks paragraph by paragraph. A paragraph that
// ends inside a quote continues it when the next paragraph opens with a
// quotation mark (the newspaper convention for long quotes); otherwise the
// quote is closed at the paragraph's end and a warning is recorded.
func (s *Stage) pair(d *doc.Doc) {
	s.spans = s.spans[:0]
	s.stack = s.stack[:0]
	contStart := -1 // open token of a quote continuing from the previous paragraph
	contN := 0      // and its width
	for pi, p := range d.Paragraphs {
		if p.FirstSentence >= p.EndSentence {
			continue
		}
		first := d.Sentences[p.FirstSentence].FirstToken
		end := d.Sentences[p.EndSentence-1].EndToken
		si := p.FirstSentence
		for i := first; i < end; i++ {
			for si < p.EndSentence-1 && d.Sentences[si].EndToken <= i {
				si++
				s.expire(d, si)
			}
			t := d.Tokens[i]
			if t.Kind != doc.QuoteMark {
				continue
			}
			m := markAt(d, i, end, s.doubleOpen())
			single, opening := m.single, m.opening
			if i == first && contStart >= 0 && opening && !single {
				// The continuation mark of a multi-paragraph quote.
				s.stack = append(s.stack[:0], openMark{tok: contStart, n: contN, sent: si})
				contStart = -1
				i += m.n - 1
				continue
			}
			if opening {
				if len(s.stack) <= 64 { // beyond, pathological input: bound the work
					s.stack = append(s.stack, openMark{tok: i, n: m.n, single: single, sent: si})
				}
				i += m.n - 1
				continue
			}
			// A closing mark closes the nearest open mark of its kind.
			k := len(s.stack) - 1
			for k >= 0 && s.stack[k].single != single {
				k--
			}
			if k < 0 {
				if !single {
					d.Warn(Name, t.Start, "closing quotation mark with no opening mark")
				}
				i += m.n - 1
				continue
			}
			// Marks opened after it and never closed are unbalanced.
			for _, om := range s.stack[k+1:] {
				d.Warn(Name, d.Tokens[om.tok].Start, "opening quotation mark never closed")
			}
			o := s.stack[k]
			s.stack = s.stack[:k]
			last := i + m.n - 1
			if single && elision(d, o.tok, i) {
				// "rock 'n' roll": apostrophes round an elided letter.
				i = last
				continue
			}
			s.spans = append(s.spans, qspan{open: o.tok, close: last, first: o.tok + o.n, last: i - 1,
				start: d.Tokens[o.tok+o.n-1].End, end: t.Start, depth: k})
			i = last
		}
		if len(s.stack) == 0 {
			contStart = -1
			continue
		}
		// Open at the paragraph's end: continue into the next paragraph
		// if it opens with a double quotation mark.
		next := pi + 1
		if len(s.stack) == 1 && !s.stack[0].single && next < len(d.Paragraphs) && opensWithQuote(d, next) {
			contStart, contN = s.stack[0].tok, s.stack[0].n
			s.stack = s.stack[:0]
			continue
		}
		for _, om := range s.stack {
			d.Warn(Name, d.Tokens[om.tok].Start, "quotation mark not closed by the end of its paragraph")
			if !om.single || len(s.stack) == 1 {
				s.spans = append(s.spans, qspan{open: om.tok, close: -1, first: om.tok + om.n, last: end - 1,
					start: d.Tokens[om.tok+om.n-1].End, end: d.Tokens[end-1].End, unbalanced: true})
			}
		}
		s.stack = s.stack[:0]
		contStart = -1
	}
	sort.Slice(s.spans, func(i, j int) bool { return s.spans[i].start < s.spans[j].start })
}

// expire gives up the open marks more than maxQuoteSentences before
// sentence si: each becomes an unbalanced quotation that ends with its own
// sentence, the only extent the text vouches for.
func (s *Stage) expire(d *doc.Doc, si int) {
	n := 0
	for n < len(s.stack) && s.stack[n].sent < si-maxQuoteSentences {
		n++
	}
	if n == 0 {
		return
	}
	for _, m := range s.stack[:n] {
		d.Warn(Name, d.Tokens[m.tok].Start, fmt.Sprintf("quotation mark not closed within %d sentences", maxQuoteSentences))
		if !m.single {
			last := d.Sentences[m.sent].EndToken - 1
			s.spans = append(s.spans, qspan{open: m.tok, close: -1, first: m.tok + m.n, last: last,
				start: d.Tokens[m.tok+m.n-1].End, end: d.Tokens[last].End, unbalanced: true})
		}
	}
	s.stack = append(s.stack[:0], s.stack[n:]...)
}

// elision reports single marks at tokens o and c round one or two
// lower-case letters with no space between, as in "rock 'n' roll": the
// marks stand for letters left out, not a quotation.
func elision(d *doc.Doc, o, c int) bool {
	if c != o+2 {
		return false
	}
	w := d.Tokens[o+1]
	if w.Kind != doc.Word || w.Start != d.Tokens[o].End || w.End != d.Tokens[c].Start || w.End-w.Start > 2 {
		return false
	}
	for _, r := range d.Text[w.Start:w.End] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// doubleOpen reports whether a double quotation mark is open.
func (s *Stage) doubleOpen() bool {
	for _, m := range s.stack {
		if !m.single {
			return true
		}
	}
	return false
}

func opensWithQuote(d *doc.Doc, pi int) bool {
	p := d.Paragraphs[pi]
	if p.FirstSentence >= p.EndSentence {
		return false
	}
	i := d.Sentences[p.FirstSentence].FirstToken
	if i >= len(d.Tokens) || d.Tokens[i].Kind != doc.QuoteMark {
		return false
	}
	m := markAt(d, i, d.Sentences[p.EndSentence-1].EndToken, true)
	return m.opening && !m.single
}
