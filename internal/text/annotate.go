package text

import (
	"context"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/parse"
)

// Name is the stage name of the text layer.
const Name = "text"

// Annotator fills the text layers of documents. It keeps scratch buffers
// between documents, so it is not safe for concurrent use: give each worker
// its own, all sharing one Model.
type Annotator struct {
	m      *Model
	z      tokenizer
	tg     tagger
	lines  []line
	paras  []span
	ptoks  []span // token range of each paragraph
	sents  []span // token range of each sentence
	spar   []int  // paragraph of each sentence
	tags   []uint8
	cls    []uint16
	chunks []doc.Chunk

	// The parser and its per-sentence scratch: word strings (slices of
	// the text), tag names, heads and relations.
	p      *parse.Parser
	pwords []string
	ptags  []string
	heads  []int32
	deps   []doc.DepRel
}

// NewAnnotator returns an annotator that tags with m, and parses with it
// when m has a parser.
func NewAnnotator(m *Model) *Annotator {
	a := &Annotator{m: m, tg: tagger{m: m}}
	if m.parser != nil {
		a.p = parse.NewParser(m.parser)
	}
	return a
}

// Name implements pipeline.Stage.
func (a *Annotator) Name() string { return Name }

// Requires implements pipeline.Stage: the annotator reads d.Text only.
func (a *Annotator) Requires() []doc.Layer { return nil }

// Provides implements pipeline.Stage; the parse only when the model has
// a parser.
func (a *Annotator) Provides() []doc.Layer {
	if a.p == nil {
		return []doc.Layer{doc.LayerText, doc.LayerChunks}
	}
	return []doc.Layer{doc.LayerText, doc.LayerChunks, doc.LayerParse}
}

// Process fills d.Paragraphs, d.Sentences, d.Tokens (with tags and, when
// the Model has a parser, dependency heads and relations) and d.Chunks
// from d.Text, replacing whatever they held. The slices it stores
// are fresh for each document; nothing in them aliases the annotator's
// buffers. It never fails: any text, even invalid UTF-8, gets layers whose
// spans lie on rune boundaries of its valid parts.
func (a *Annotator) Process(ctx context.Context, d *doc.Doc) error {
	text := d.Text
	d.Lower = LowerText(text)
	a.paras, a.lines = splitParagraphs(text, a.lines, a.paras[:0])
	z := &a.z
	z.text = text
	z.toks = z.toks[:0]
	a.ptoks, a.sents, a.spar = a.ptoks[:0], a.sents[:0], a.spar[:0]
	for pi, p := range a.paras {
		first := len(z.toks)
		z.paragraph(p.start, p.end)
		a.ptoks = append(a.ptoks, span{first, len(z.toks)})
		before := len(a.sents)
		a.sents = splitSentences(z.toks, text, first, len(z.toks), a.sents)
		for range a.sents[before:] {
			a.spar = append(a.spar, pi)
		}
	}
	toks := z.toks
	n := len(toks)

	if cap(a.tags) < n {
		a.tags = make([]uint8, n, n+n/2)
		a.cls = make([]uint16, n, n+n/2)
	}
	tags, cls := a.tags[:n], a.cls[:n]
	for _, s := range a.sents {
		if err := ctx.Err(); err != nil {
			return err
		}
		a.tg.tagSentence(toks[s.start:s.end], tags[s.start:s.end])
	}

	m := a.m
	d.Tokens = nil
	if n > 0 {
		d.Tokens = make([]doc.Token, n)
	}
	prevEnd := 0
	for i := range toks {
		t := &toks[i]
		d.Tokens[i] = doc.Token{
			Span:        doc.Span{Start: t.start, End: t.end},
			Kind:        t.kind,
			Upper:       t.flags&fUpper != 0,
			Tag:         m.tagNames[tags[i]],
			Head:        -1,
			SpaceBefore: t.start > prevEnd,
		}
		cls[i] = m.tagCls[tags[i]]
		prevEnd = t.end
	}
	if a.p != nil {
		for _, s := range a.sents {
			if err := ctx.Err(); err != nil {
				return err
			}
			a.parseSentence(d, s, cls)
		}
	}

	d.Paragraphs = nil
	if len(a.paras) > 0 {
		d.Paragraphs = make([]doc.Paragraph, len(a.paras))
	}
	for i, p := range a.paras {
		d.Paragraphs[i] = doc.Paragraph{Span: doc.Span{Start: p.start, End: p.end}}
	}
	d.Sentences = nil
	if len(a.sents) > 0 {
		d.Sentences = make([]doc.Sentence, len(a.sents))
	}
	for i, s := range a.sents {
		pi := a.spar[i]
		d.Sentences[i] = doc.Sentence{
			Span:       doc.Span{Start: toks[s.start].start, End: toks[s.end-1].end},
			Paragraph:  pi,
			FirstToken: s.start, EndToken: s.end,
		}
		if p := &d.Paragraphs[pi]; p.EndSentence == 0 {
			p.FirstSentence, p.EndSentence = i, i+1
		} else {
			p.EndSentence = i + 1
		}
	}
	// Paragraphs without sentences (none arise from real text, but keep
	// the indexes consistent) point at an empty range where they stand.
	next := 0
	for i := range d.Paragraphs {
		p := &d.Paragraphs[i]
		if p.EndSentence == 0 {
			p.FirstSentence, p.EndSentence = next, next
		}
		next = p.EndSentence
	}

	a.chunks = a.chunks[:0]
	for _, s := range a.sents {
		a.chunks = chunkSentence(d.Tokens, cls, d.Lower, s.start, s.end, a.chunks)
	}
	d.Chunks = nil
	if len(a.chunks) > 0 {
		d.Chunks = make([]doc.Chunk, len(a.chunks))
		copy(d.Chunks, a.chunks)
	}
	return nil
}

// parseSentence fills Head and Dep of the tokens of one sentence. The
// parser sees each token's text as written (it normalises quotes, dashes
// and digits itself, as it did in training) and its Penn tag. A tag the
// parser's repairs change updates the token's chunk class in cls, so
// that the chunker, which runs after, reads the same tag as every later
// stage ("The rebels released forty hostages", its verb first tagged an
// adjective, had been chunked as one noun phrase).
func (a *Annotator) parseSentence(d *doc.Doc, s span, cls []uint16) {
	n := s.end - s.start
	if n <= 0 {
		return
	}
	a.pwords, a.ptags = grow(a.pwords, n), grow(a.ptags, n)
	a.heads, a.deps = grow(a.heads, n), grow(a.deps, n)
	toks := d.Tokens[s.start:s.end]
	for i := range toks {
		a.pwords[i] = d.Text[toks[i].Start:toks[i].End]
		a.ptags[i] = toks[i].Tag
	}
	a.p.Parse(a.pwords, a.ptags, a.heads, a.deps)
	for i := range toks {
		if toks[i].Tag != a.ptags[i] { // the parser's repair may retag a verb
			toks[i].Tag = a.ptags[i]
			cls[s.start+i] = tagClass(a.ptags[i])
		}
		if h := a.heads[i]; h >= 0 {
			toks[i].Head = h + int32(s.start)
		}
		toks[i].Dep = a.deps[i]
	}
}

// grow returns b with length n, reusing its memory when it can.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/2)
	}
	return b[:n]
}
