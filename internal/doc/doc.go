// Package doc defines the document that flows through dateline's pipeline:
// the original text, its metadata and the offset-addressed annotation layers
// that the stages add.
//
// A Doc owns its text. Every annotation is a plain struct that addresses the
// text by byte offsets (Start inclusive, End exclusive) into Doc.Text, in the
// manner of spaCy's Doc and go/token's Pos: layers never copy or re-tokenize
// text they can address by span. Offsets are always bytes, never runes;
// conversion to line and column happens only at the edges (errors, output
// for humans).
//
// Layers are filled in pipeline order (paragraphs, sentences, tokens, tags,
// chunks, then entities, quotes, time expressions, places and events, and
// last the story: the title coded on its own and the main event). A stage
// may read the layers filled before it and appends only its own.
//
// Package doc depends on nothing else in the project.
package doc

import (
	"time"

	"github.com/dateline-project/dateline/internal/plover"
)

// Span is a half-open byte range [Start, End) into Doc.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely within s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// SourceRef says where a document came from: the file path, the 1-based line
// (or record number for formats without lines) where its record starts, and
// the article URL when the input carried one.
type SourceRef struct {
	Path string `json:"path"`
	Line int    `json:"line,omitempty"`
	URL  string `json:"url,omitempty"`
	// Format is the reader that produced the document (txt, jsonl, csv,
	// tsv, html, rss).
	Format string `json:"-"`
}

// Doc is one news document with its annotation layers.
type Doc struct {
	// ID is the input's id, or a stable hash of the text when it had none.
	ID string
	// Text is the document body as the user gave it, decoded to UTF-8 (no
	// BOM, invalid bytes replaced) and otherwise unchanged: not trimmed,
	// not normalised. Every offset in every layer points into it. Stages
	// see its NFC form while pipeline.Apply runs them, and Apply puts it
	// back and maps their offsets to it afterwards (see MapOffsets); no
	// one else modifies it after the reader builds the Doc.
	Text string
	// Lower is Text lower-cased with the same byte offsets (see
	// text.LowerText), filled once by the text stage so that later stages
	// can look tokens up in lower-case lexicons without allocating. It is
	// the stages' scratch: pipeline.Apply empties it when it has mapped
	// offsets back to a text that was not NFC.
	Lower string
	// Title is the headline when the input carried one. It is not part of
	// Text, so offsets into Text never address it; the story stage codes
	// it as TitleDoc, whose offsets address Title.
	Title string
	// Headline marks a Doc whose Text is itself a headline, coded on its
	// own (as document-type scoring does). Headlines are telegraphic:
	// they name events by nouns without their participants ("Ceasefire
	// begins in war-torn region"), so the event stage keeps such events.
	Headline bool
	Source   SourceRef
	// Published is the publication date (UTC midnight when only the day is
	// known); the zero Time means unknown.
	Published time.Time
	// SourceName is the outlet or feed named by the input record, if any.
	SourceName string

	Dateline *Dateline
	Agencies []Agency

	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
	Chunks     []Chunk

	Entities  []Entity
	Quotes    []Quote
	TimeExprs []TimeExpr
	Places    []Place
	Events    []Event

	// TitleDoc is Title coded on its own (Headline set), filled by the
	// story stage; nil when the document has no title. Its Text is Title
	// in sentence case with Title's byte offsets, so the offsets of its
	// layers address Title.
	TitleDoc *Doc
	// Main is the event the story is about, chosen by the story stage;
	// nil when neither the title nor the body has an asserted event.
	Main *MainEvent

	Warnings []Warning
}

// MainSource says where a story's main event was found.
type MainSource string

// Main event sources.
const (
	// MainTitle: the title states it; Main.Event indexes TitleDoc.Events.
	MainTitle MainSource = "title"
	// MainLede: the body's first sentence; Main.Event indexes Events.
	MainLede MainSource = "lede"
	// MainBody: a later sentence of the body; Main.Event indexes Events.
	MainBody MainSource = "body"
)

// MainEvent is the event a whole story is about: its PLOVER type and
// mode, and the coded event that best states it.
type MainEvent struct {
	Type plover.EventType
	Mode string
	// Event indexes TitleDoc.Events when Source is MainTitle, else
	// Events.
	Event  int
	Source MainSource
	// Confidence is the share of the story's event weight that the main
	// type holds, times the confidence of the event that states it.
	Confidence float64
}

// MainEventRef returns the event d.Main points at, or nil.
func (d *Doc) MainEventRef() *Event {
	m := d.Main
	if m == nil {
		return nil
	}
	evs := d.Events
	if m.Source == MainTitle {
		if d.TitleDoc == nil {
			return nil
		}
		evs = d.TitleDoc.Events
	}
	if m.Event < 0 || m.Event >= len(evs) {
		return nil
	}
	return &evs[m.Event]
}

// SpanText returns the text that s addresses, clamped to the document.
func (d *Doc) SpanText(s Span) string {
	start, end := s.Start, s.End
	if start < 0 {
		start = 0
	}
	if end > len(d.Text) {
		end = len(d.Text)
	}
	if start >= end {
		return ""
	}
	return d.Text[start:end]
}

// Warn records a non-fatal problem with the document. Offset is a byte
// offset into Text, or -1 when the problem has no position.
func (d *Doc) Warn(stage string, offset int, msg string) {
	d.Warnings = append(d.Warnings, Warning{Stage: stage, Offset: offset, Message: msg})
}

// AnchorDate is the date that relative expressions resolve against: the
// dateline date, else the publication date. ok is false when neither is
// known.
func (d *Doc) AnchorDate() (t time.Time, ok bool) {
	if d.Dateline != nil && !d.Dateline.Date.IsZero() {
		return d.Dateline.Date, true
	}
	if !d.Published.IsZero() {
		return d.Published, true
	}
	return time.Time{}, false
}

// Warning is a problem found while reading or annotating a document that did
// not stop it from being coded.
type Warning struct {
	Stage   string `json:"stage"`
	Offset  int    `json:"offset"`
	Message string `json:"message"`
}

// Dateline is the place and date line that opens a wire dispatch, such as
// "BAKU, Azerbaijan, September 16".
type Dateline struct {
	Span
	Place       string
	CountryCode string
	// Date is the dispatch date, with the year taken from the publication
	// date when the dateline omits it; zero when the dateline has no date.
	Date time.Time
}

// Agency is a news agency credited in the text ("Trend reports",
// "(Reuters) -").
type Agency struct {
	Span
	Name string
	// Rule names the pattern that found the credit.
	Rule string
}

// Paragraph is a block of text separated from its neighbours by a blank
// line (or, in single-newline inputs, by a newline).
type Paragraph struct {
	Span
	// FirstSentence and EndSentence index Doc.Sentences, half-open.
	FirstSentence, EndSentence int
}

// Sentence is one sentence. Its tokens are Doc.Tokens[FirstToken:EndToken].
type Sentence struct {
	Span
	Paragraph            int
	FirstToken, EndToken int
}

// TokenKind classifies a token by its surface form, independent of its tag.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota
	Number
	Punct
	QuoteMark // a quotation mark of any style: " “ ” ' ‘ ’ « » „
	Symbol    // currency, %, &, @ and the like
)

// Token is one token. Tag is its Penn Treebank part-of-speech tag; Head
// and Dep are its place in the sentence's dependency tree.
type Token struct {
	Span
	Tag string
	// Head indexes Doc.Tokens: the token this one depends on, always in
	// the same sentence; -1 for the sentence's root (and for every token
	// of a document that was not parsed, whose Dep is NoDep).
	Head int32
	Kind TokenKind
	// Dep is the Universal Dependencies relation to Head (DepRoot for the
	// root).
	Dep DepRel
	// Upper reports a word whose first letter is upper or title case.
	// The tokenizer decides it anyway, for sentence bounds; the stages
	// that look for names read it here instead of decoding the rune
	// again.
	Upper bool
	// SpaceBefore reports whether white space separates the token from the
	// previous one; it lets readers rebuild surface strings without
	// guessing.
	SpaceBefore bool
}

// ChunkKind is the kind of a shallow-parse chunk.
type ChunkKind uint8

// Chunk kinds.
const (
	NounPhrase ChunkKind = iota + 1
	VerbGroup
)

func (k ChunkKind) String() string {
	switch k {
	case NounPhrase:
		return "NP"
	case VerbGroup:
		return "VG"
	}
	return "?"
}

// Chunk is a base noun phrase or a verb group. Its tokens are
// Doc.Tokens[FirstToken:EndToken]; Head indexes Doc.Tokens too.
type Chunk struct {
	Span
	Kind                 ChunkKind
	FirstToken, EndToken int
	Head                 int
}

// MapOffsets moves every offset in the document's layers with start (for
// span starts and warning offsets) and end (for span ends). pipeline.Apply
// uses it to take layers computed on the NFC form of Text back to Text as
// given; the coverage test in this package fails when a layer gains a Span
// that this function does not move. Strings copied out of the text
// (EventActor.RawText) are taken again from Text, so call it after Text is
// the text the new offsets index.
func (d *Doc) MapOffsets(start, end func(int) int) {
	span := func(s *Span) {
		if s.Start == s.End {
			// An empty span (an absent cue is {0, 0}) stays empty.
			s.Start = start(s.Start)
			s.End = s.Start
			return
		}
		s.Start, s.End = start(s.Start), end(s.End)
	}
	if d.Dateline != nil {
		span(&d.Dateline.Span)
	}
	for i := range d.Agencies {
		span(&d.Agencies[i].Span)
	}
	for i := range d.Paragraphs {
		span(&d.Paragraphs[i].Span)
	}
	for i := range d.Sentences {
		span(&d.Sentences[i].Span)
	}
	for i := range d.Tokens {
		span(&d.Tokens[i].Span)
	}
	for i := range d.Chunks {
		span(&d.Chunks[i].Span)
	}
	for i := range d.Entities {
		span(&d.Entities[i].Span)
	}
	for i := range d.Quotes {
		q := &d.Quotes[i]
		span(&q.Span)
		span(&q.Cue)
		span(&q.SpeakerMention)
	}
	for i := range d.TimeExprs {
		span(&d.TimeExprs[i].Span)
	}
	for i := range d.Places {
		span(&d.Places[i].Span)
	}
	actors := func(as []EventActor) {
		for i := range as {
			span(&as[i].Span)
			as[i].RawText = d.SpanText(as[i].Span)
		}
	}
	for i := range d.Events {
		ev := &d.Events[i]
		span(&ev.Evidence.Sentence)
		span(&ev.Evidence.Trigger)
		actors(ev.Actors)
		actors(ev.Recipients)
	}
	for i := range d.Warnings {
		if w := &d.Warnings[i]; w.Offset >= 0 {
			w.Offset = start(w.Offset)
		}
	}
}
