// Package quote finds who said what: direct quotations (straight, curly,
// single, guillemets, nested, interrupted and running over several
// paragraphs), indirect speech ("X noted that ...", "According to X, ...")
// and scare quotes (a short quoted term that distances the writer from a
// word and is no statement). It fills Doc.Quotes and resolves each
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
	"fmt"
	"sort"

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

type openMark struct {
	tok    int
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

// qspan is a paired quotation: tokens open and close are its marks.
type qspan struct {
	open, close int // token indices; close may be -1 when unbalanced
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

// Process implements pipeline.Stage.
func (s *Stage) Process(d *doc.Doc) error {
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
	// Sentence by sentence, so that a quote with no cue of its own takes
	// the speaker of whatever statement came just before it, direct or
	// indirect.
	next := 0
	for si := range d.Sentences {
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
			single := isSingle(d, i)
			opening := t.Tag == text.OpenQuoteTag
			if i == first && contStart >= 0 && opening && !single {
				// The continuation mark of a multi-paragraph quote.
				s.stack = append(s.stack[:0], openMark{tok: contStart, sent: si})
				contStart = -1
				continue
			}
			if opening {
				if len(s.stack) > 64 {
					continue // pathological input: bound the work
				}
				s.stack = append(s.stack, openMark{tok: i, single: single, sent: si})
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
				continue
			}
			// Marks opened after it and never closed are unbalanced.
			for _, m := range s.stack[k+1:] {
				d.Warn(Name, d.Tokens[m.tok].Start, "opening quotation mark never closed")
			}
			o := s.stack[k].tok
			s.stack = s.stack[:k]
			s.spans = append(s.spans, qspan{open: o, close: i, start: d.Tokens[o].End, end: t.Start, depth: k})
		}
		if len(s.stack) == 0 {
			contStart = -1
			continue
		}
		// Open at the paragraph's end: continue into the next paragraph
		// if it opens with a double quotation mark.
		next := pi + 1
		if len(s.stack) == 1 && !s.stack[0].single && next < len(d.Paragraphs) && opensWithQuote(d, next) {
			contStart = s.stack[0].tok
			s.stack = s.stack[:0]
			continue
		}
		for _, m := range s.stack {
			d.Warn(Name, d.Tokens[m.tok].Start, "quotation mark not closed by the end of its paragraph")
			if !m.single || len(s.stack) == 1 {
				s.spans = append(s.spans, qspan{open: m.tok, close: -1, start: d.Tokens[m.tok].End, end: d.Tokens[end-1].End, unbalanced: true})
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
			s.spans = append(s.spans, qspan{open: m.tok, close: -1, start: d.Tokens[m.tok].End,
				end: d.Tokens[d.Sentences[m.sent].EndToken-1].End, unbalanced: true})
		}
	}
	s.stack = append(s.stack[:0], s.stack[n:]...)
}

func opensWithQuote(d *doc.Doc, pi int) bool {
	p := d.Paragraphs[pi]
	if p.FirstSentence >= p.EndSentence {
		return false
	}
	i := d.Sentences[p.FirstSentence].FirstToken
	return i < len(d.Tokens) && d.Tokens[i].Kind == doc.QuoteMark && d.Tokens[i].Tag == text.OpenQuoteTag && !isSingle(d, i)
}
