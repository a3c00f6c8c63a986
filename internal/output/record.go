// Package output turns an annotated doc.Doc into dateline's output record:
// one JSON object per document, with PLOVER field names for events and
// actors and byte offsets for every span.
//
// The record is a view of the Doc: this package is the one place that
// decides the output schema, so the schema's version (SchemaVersion) and
// its documentation in the README change together with this file.
// DecodeEvent (decode.go) reads one stored event back, as json.Unmarshal
// would but without its reflection, for the stores' listings.
package output

import (
	"time"

	"github.com/dateline-project/dateline/internal/doc"
)

// SchemaVersion names the shape of Record. Bump it on any change that is
// not a pure addition.
const SchemaVersion = "dateline/2"

// Record is the output for one document.
type Record struct {
	DocID     string  `json:"doc_id"`
	Source    Source  `json:"source"`
	Published *string `json:"published"`
	Title     string  `json:"title"`
	// DuplicateOf is the doc_id of the earliest document whose body this
	// one's repeats (a syndicated copy under its own headline), and
	// Similarity their estimated Jaccard similarity; both are null for a
	// first report and whenever near-duplicate detection is off. The
	// record stays whole, since a copy may still be the one a reader has:
	// consumers counting incidents skip records with a DuplicateOf.
	DuplicateOf *string  `json:"duplicate_of"`
	Similarity  *float64 `json:"similarity"`
	// Text is the document text every offset indexes, with Options.Text
	// only: records stay small by default, and a user who wants to check
	// a span against the text asks for it.
	Text     string     `json:"text,omitempty"`
	Dateline *Dateline  `json:"dateline"`
	Agencies []Agency   `json:"agencies"`
	Stats    Stats      `json:"stats"`
	Entities []Entity   `json:"entities"`
	Quotes   []Quote    `json:"quotes"`
	Times    []TimeExpr `json:"times"`
	Places   []Place    `json:"places"`
	Events   []Event    `json:"events"`
	// TitleEvents are the events coded in the title, whose offsets
	// address Title; they are kept apart from Events, whose offsets
	// address the text, so that a consumer counting events does not
	// count a story's event twice, once in its title and once in its
	// lede.
	TitleEvents []Event `json:"title_events"`
	// MainEvent is the event the story is about (internal/story); null
	// when the document has no event.
	MainEvent *MainEvent `json:"main_event"`
	Warnings  []Warning  `json:"warnings"`
	// Provenance says what coded the record; set on stored records
	// (ingest, POST /api/documents), omitted from `dateline code`.
	Provenance *Provenance `json:"provenance,omitempty"`
	Schema     string      `json:"schema"`
	Sentences  []Sentence  `json:"sentences,omitempty"`
	Tokens     []Token     `json:"tokens,omitempty"`
}

// Source says where the document came from.
type Source struct {
	Path string `json:"path"`
	Line int    `json:"line,omitempty"`
	URL  string `json:"url,omitempty"`
	Name string `json:"name,omitempty"`
}

// Dateline is the dispatch's place and date line.
type Dateline struct {
	Place       string  `json:"place"`
	CountryCode string  `json:"country_code"`
	Date        *string `json:"date"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
}

// Agency is a credited news agency.
type Agency struct {
	Name  string `json:"name"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Rule  string `json:"rule"`
}

// Stats counts the text layer's units.
type Stats struct {
	Paragraphs int `json:"paragraphs"`
	Sentences  int `json:"sentences"`
	Tokens     int `json:"tokens"`
}

// ActorBlock is PLOVER's actor coding plus the mention's offsets.
type ActorBlock struct {
	RawText          string   `json:"raw_text"`
	EntityName       string   `json:"entity_name"`
	CountryCode      string   `json:"country_code"`
	SectorCode       string   `json:"sector_code"`
	OtherSectorCodes []string `json:"other_sector_codes"`
	Start            int      `json:"start"`
	End              int      `json:"end"`
	// Cluster is the document-level id of the actor behind the block (the
	// id of its first mention; see Entity.Cluster), so an event's actor,
	// recipient or claimant can be matched with the entities and quotes
	// of the same person; omitted for a block with no entity.
	Cluster *int `json:"cluster,omitempty"`
}

// Entity is an actor mention.
type Entity struct {
	ID   int    `json:"id"`
	Type string `json:"type"`
	ActorBlock
	// RefersTo is the id of the entity this mention resolves to.
	RefersTo *int `json:"refers_to"`
	// Cluster is the id of the first mention of the actor this mention
	// names: the same for every mention of one person or organisation,
	// its own id for a mention that stands alone.
	Cluster int    `json:"cluster"`
	Rule    string `json:"rule"`
}

// Span is a bare piece of evidence.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Quote is a statement and its speaker.
type Quote struct {
	Kind      string      `json:"kind"`
	Text      string      `json:"text"`
	Start     int         `json:"start"`
	End       int         `json:"end"`
	Cue       *Span       `json:"cue"`
	Speaker   *ActorBlock `json:"speaker"`
	SpeakerID *int        `json:"speaker_id"`
	// SpeakerCluster is the speaker entity's cluster, so that quotes of
	// one person group together whatever mention names them; null when
	// SpeakerID is.
	SpeakerCluster *int   `json:"speaker_cluster"`
	Paragraph      int    `json:"paragraph"`
	Rule           string `json:"rule"`
	// Continues is the index in quotes of the statement this quote
	// carries on ('"A," she said. "B."'); omitted for none.
	Continues *int `json:"continues,omitempty"`
	// Events lists the ids of the coded events whose trigger lies in the
	// quote's words: what the speaker asserts.
	Events []string `json:"events"`
}

// TimeExpr is a temporal expression and its resolution.
type TimeExpr struct {
	Text      string  `json:"text"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Value     *string `json:"value"`
	Precision string  `json:"precision"`
	Rule      string  `json:"rule"`
}

// Place is a geocoded toponym mention.
type Place struct {
	Text        string  `json:"text"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Name        string  `json:"name"`
	GeonameID   int     `json:"geonameid"`
	Feature     string  `json:"feature"`
	CountryCode string  `json:"country_code"`
	Admin1      string  `json:"admin1"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	Confidence  float64 `json:"confidence"`
	Rule        string  `json:"rule"`
	// Embedded is true for a place inside an organisation's name.
	Embedded bool `json:"embedded,omitempty"`
	// Kind is "demonym" for a demonym or country adjective; omitted for a
	// toponym.
	Kind string `json:"kind,omitempty"`
}

// Location is an event's place.
type Location struct {
	Name        string  `json:"name"`
	GeonameID   int     `json:"geonameid,omitempty"`
	CountryCode string  `json:"country_code"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	// Source says where the place was found, from the most to the least
	// specific: "attached" (the parse ties it to the event), "sentence",
	// "paragraph" or "dateline" (see internal/event, location.go).
	Source string `json:"source"`
	// Precision is ACLED's geo-precision: 1 a town, 2 a second-level
	// division or near a town, 3 a first-level division, a country or
	// larger.
	Precision int `json:"precision"`
	Start     int `json:"start"`
	End       int `json:"end"`
}

// Evidence ties an event to its words.
type Evidence struct {
	SentenceStart int    `json:"sentence_start"`
	SentenceEnd   int    `json:"sentence_end"`
	TriggerStart  int    `json:"trigger_start"`
	TriggerEnd    int    `json:"trigger_end"`
	TriggerText   string `json:"trigger_text"`
	Text          string `json:"text"`
}

// Event is a PLOVER event.
type Event struct {
	ID            string       `json:"id"`
	Date          *string      `json:"date"`
	DatePrecision string       `json:"date_precision"`
	Event         string       `json:"event"`
	Mode          string       `json:"mode"`
	Context       []string     `json:"context"`
	Actor         []ActorBlock `json:"actor"`
	Recipient     []ActorBlock `json:"recipient"`
	Location      *Location    `json:"location"`
	ClaimedBy     *ActorBlock  `json:"claimed_by"`
	// Quote is the index in quotes of the statement that holds the
	// event; omitted when the event is told outside any quote, and for
	// title events, whose quotes are not in quotes.
	Quote *int `json:"quote,omitempty"`
	// InTitle marks an event of title_events: its offsets address the
	// title, not the text. Omitted for the text's events.
	InTitle    bool     `json:"in_title,omitempty"`
	Negated    bool     `json:"negated"`
	Principal  bool     `json:"principal"`
	Aux        []string `json:"aux"`
	Quad       string   `json:"quad"`
	CameoRoot  string   `json:"cameo_root"`
	Intensity  float64  `json:"intensity"`
	Evidence   Evidence `json:"evidence"`
	Rule       string   `json:"rule"`
	Confidence float64  `json:"confidence"`
	// IncidentID is the incident the event is a report of (package
	// incident): set by `dateline code --dedup` over the whole run and by
	// the store, whose incidents change as documents arrive; omitted
	// where events are not clustered.
	IncidentID string `json:"incident_id,omitempty"`
}

// Provenance says what produced a record: the coder's version, a hash of
// the resources it read (the embedded lexicons, dictionaries and
// gazetteer, and the user's dictionary files), and the options that
// change coding. Two records with equal provenance were coded alike; a
// stored record whose provenance differs from the running coder's is one
// that recoding would change.
type Provenance struct {
	Coder     string `json:"coder"`
	Resources string `json:"resources"`
	Options   string `json:"options"`
}

// MainEvent is the story's main event: its type and mode, the id of the
// event in events or title_events that states it, where that event is
// ("title", "lede" for the body's first sentence, "body"), and how sure
// the choice is (the main type's share of the story's event weight times
// the event's confidence).
type MainEvent struct {
	Event      string  `json:"event"`
	Mode       string  `json:"mode"`
	EventID    string  `json:"event_id"`
	Source     string  `json:"source"`
	Confidence float64 `json:"confidence"`
}

// Warning is a non-fatal problem.
type Warning struct {
	Stage   string `json:"stage"`
	Offset  int    `json:"offset"`
	Message string `json:"message"`
}

// Sentence is emitted with --annotate.
type Sentence struct {
	Start     int `json:"start"`
	End       int `json:"end"`
	Paragraph int `json:"paragraph"`
}

// Token is emitted with --annotate.
type Token struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Tag   string `json:"tag"`
	// Head is the index in the record's token list of the token this one
	// depends on, -1 for a sentence's root (and for unparsed tokens); Dep
	// is the Universal Dependencies relation ("nsubj", "obl:agent";
	// "root" for the root, "" when unparsed).
	Head int    `json:"head"`
	Dep  string `json:"dep"`
}

// Options select optional parts of the record.
type Options struct {
	// Annotate adds the sentence and token layers, for debugging.
	Annotate bool
	// Text adds the document text (Record.Text), so that offsets can be
	// checked against it.
	Text bool
}

func date(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format("2006-01-02")
	return &s
}

// FromDoc builds the record for d. Empty layers are written as [] rather
// than null so that consumers can iterate without checks.
func FromDoc(d *doc.Doc, opts Options) Record {
	r := Record{
		DocID:     d.ID,
		Source:    Source{Path: d.Source.Path, Line: d.Source.Line, URL: d.Source.URL, Name: d.SourceName},
		Published: date(d.Published),
		Title:     d.Title,
		Agencies:  make([]Agency, 0, len(d.Agencies)),
		Stats:     Stats{Paragraphs: len(d.Paragraphs), Sentences: len(d.Sentences), Tokens: len(d.Tokens)},
		Entities:  make([]Entity, 0, len(d.Entities)),
		Quotes:    make([]Quote, 0, len(d.Quotes)),
		Times:     make([]TimeExpr, 0, len(d.TimeExprs)),
		Places:    make([]Place, 0, len(d.Places)),
		Events:    make([]Event, 0, len(d.Events)),
		Warnings:  make([]Warning, 0, len(d.Warnings)),
		Schema:    SchemaVersion,
	}
	if opts.Text {
		r.Text = d.Text
	}
	if dl := d.Dateline; dl != nil {
		r.Dateline = &Dateline{Place: dl.Place, CountryCode: dl.CountryCode, Date: date(dl.Date), Start: dl.Start, End: dl.End}
	}
	for _, a := range d.Agencies {
		r.Agencies = append(r.Agencies, Agency{Name: a.Name, Start: a.Start, End: a.End, Rule: a.Rule})
	}
	for i, e := range d.Entities {
		out := Entity{ID: i, Type: string(e.Type), ActorBlock: entityBlock(d, i), Cluster: e.Cluster, Rule: e.Rule}
		if e.Antecedent >= 0 {
			ref := e.Antecedent
			out.RefersTo = &ref
		}
		r.Entities = append(r.Entities, out)
	}
	for _, q := range d.Quotes {
		out := Quote{Kind: string(q.Kind), Text: d.SpanText(q.Span), Start: q.Start, End: q.End, Paragraph: q.Paragraph, Rule: q.Rule,
			Events: []string{}}
		if q.Cue.End > q.Cue.Start {
			out.Cue = &Span{Text: d.SpanText(q.Cue), Start: q.Cue.Start, End: q.Cue.End}
		}
		if q.Speaker >= 0 && q.Speaker < len(d.Entities) {
			b := entityBlock(d, q.Speaker)
			if q.SpeakerMention.End > q.SpeakerMention.Start {
				b.RawText = d.SpanText(q.SpeakerMention)
				b.Start, b.End = q.SpeakerMention.Start, q.SpeakerMention.End
			}
			out.Speaker = &b
			id, cluster := q.Speaker, d.Entities[q.Speaker].Cluster
			out.SpeakerID, out.SpeakerCluster = &id, &cluster
		} else if q.SpeakerMention.End > q.SpeakerMention.Start {
			b := descriptionBlock(d, q.SpeakerMention)
			out.Speaker = &b
		}
		if q.Continues >= 0 && q.Continues < len(d.Quotes) {
			c := q.Continues
			out.Continues = &c
		}
		r.Quotes = append(r.Quotes, out)
	}
	for _, te := range d.TimeExprs {
		r.Times = append(r.Times, TimeExpr{Text: d.SpanText(te.Span), Start: te.Start, End: te.End,
			Value: date(te.Value), Precision: string(te.Precision), Rule: te.Rule})
	}
	for _, p := range d.Places {
		r.Places = append(r.Places, Place{Text: d.SpanText(p.Span), Start: p.Start, End: p.End, Name: p.Name,
			GeonameID: p.GeonameID, Feature: p.Feature, CountryCode: p.CountryCode, Admin1: p.Admin1,
			Lat: p.Lat, Lon: p.Lon, Confidence: p.Confidence, Rule: p.Rule, Embedded: p.Embedded, Kind: p.Kind})
	}
	for _, ev := range d.Events {
		r.Events = append(r.Events, event(d, &ev))
		if ev.Quote >= 0 && ev.Quote < len(r.Quotes) {
			r.Quotes[ev.Quote].Events = append(r.Quotes[ev.Quote].Events, ev.ID)
		}
	}
	r.TitleEvents = make([]Event, 0)
	if td := d.TitleDoc; td != nil {
		// The title was coded in sentence case; its words are quoted as
		// the input gave them, at the same offsets.
		view := *td
		if len(d.Title) == len(td.Text) {
			view.Text = d.Title
		}
		for _, ev := range td.Events {
			out := event(&view, &ev)
			out.InTitle, out.Quote = true, nil
			r.TitleEvents = append(r.TitleEvents, out)
		}
	}
	if m := d.Main; m != nil {
		if ev := d.MainEventRef(); ev != nil {
			r.MainEvent = &MainEvent{Event: string(m.Type), Mode: m.Mode, EventID: ev.ID, Source: string(m.Source), Confidence: m.Confidence}
		}
	}
	for _, w := range d.Warnings {
		r.Warnings = append(r.Warnings, Warning(w))
	}
	if opts.Annotate {
		r.Sentences = make([]Sentence, 0, len(d.Sentences))
		for _, s := range d.Sentences {
			r.Sentences = append(r.Sentences, Sentence{Start: s.Start, End: s.End, Paragraph: s.Paragraph})
		}
		r.Tokens = make([]Token, 0, len(d.Tokens))
		for _, t := range d.Tokens {
			r.Tokens = append(r.Tokens, Token{Text: d.SpanText(t.Span), Start: t.Start, End: t.End, Tag: t.Tag,
				Head: int(t.Head), Dep: t.Dep.String()})
		}
	}
	return r
}

// entityBlock codes entity i with the coding of the entity it resolves to,
// so that "he" carries the full name and country of its antecedent.
func entityBlock(d *doc.Doc, i int) ActorBlock {
	e := d.Entities[i]
	cluster := e.Cluster
	return ActorBlock{
		RawText: d.SpanText(e.Span), EntityName: e.Name, CountryCode: e.CountryCode, SectorCode: e.SectorCode,
		OtherSectorCodes: nonNil(e.OtherSectorCodes), Start: e.Start, End: e.End, Cluster: &cluster,
	}
}

// descriptionBlock is the block of a speaker given by a description
// ("the announcer"): its words and offsets, with no entity behind them.
func descriptionBlock(d *doc.Doc, mention doc.Span) ActorBlock {
	return ActorBlock{RawText: d.SpanText(mention), EntityName: d.SpanText(mention),
		OtherSectorCodes: []string{}, Start: mention.Start, End: mention.End}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func actorBlock(d *doc.Doc, a doc.EventActor) ActorBlock {
	b := ActorBlock{RawText: a.RawText, EntityName: a.Name, CountryCode: a.CountryCode, SectorCode: a.SectorCode,
		OtherSectorCodes: nonNil(a.OtherSectorCodes), Start: a.Start, End: a.End}
	if a.Entity >= 0 && a.Entity < len(d.Entities) {
		cluster := d.Entities[a.Entity].Cluster
		b.Cluster = &cluster
	}
	return b
}

func event(d *doc.Doc, ev *doc.Event) Event {
	out := Event{
		ID: ev.ID, Date: date(ev.Date), DatePrecision: string(ev.DatePrecision), Event: string(ev.Type), Mode: ev.Mode,
		Context: nonNil(ev.Context), Actor: make([]ActorBlock, 0, len(ev.Actors)), Recipient: make([]ActorBlock, 0, len(ev.Recipients)),
		Negated: ev.Negated, Principal: ev.Principal, Aux: ev.Aux.Names(), Quad: ev.Quad, CameoRoot: ev.CameoRoot, Intensity: ev.Intensity,
		Evidence: Evidence{
			SentenceStart: ev.Evidence.Sentence.Start, SentenceEnd: ev.Evidence.Sentence.End,
			TriggerStart: ev.Evidence.Trigger.Start, TriggerEnd: ev.Evidence.Trigger.End,
			TriggerText: d.SpanText(ev.Evidence.Trigger), Text: d.SpanText(ev.Evidence.Sentence),
		},
		Rule: ev.Rule, Confidence: ev.Confidence,
	}
	for _, a := range ev.Actors {
		out.Actor = append(out.Actor, actorBlock(d, a))
	}
	for _, a := range ev.Recipients {
		out.Recipient = append(out.Recipient, actorBlock(d, a))
	}
	if ev.ClaimedBy >= 0 && ev.ClaimedBy < len(d.Entities) {
		b := entityBlock(d, ev.ClaimedBy)
		out.ClaimedBy = &b
	}
	if ev.Quote >= 0 && ev.Quote < len(d.Quotes) {
		qi := ev.Quote
		out.Quote = &qi
		if q := d.Quotes[qi]; out.ClaimedBy == nil && q.Speaker < 0 && q.SpeakerMention.End > q.SpeakerMention.Start {
			// A description speaker ("a police spokesman said") claims
			// the event as a named one would, with no entity behind it.
			b := descriptionBlock(d, q.SpeakerMention)
			out.ClaimedBy = &b
		}
	}
	switch {
	case ev.Location >= 0 && ev.Location < len(d.Places):
		p := d.Places[ev.Location]
		out.Location = &Location{Name: p.Name, GeonameID: p.GeonameID, CountryCode: p.CountryCode, Lat: p.Lat, Lon: p.Lon,
			Source: string(ev.LocationSource), Precision: ev.LocationPrecision, Start: p.Start, End: p.End}
	case ev.LocationSource == doc.LocationDateline && d.Dateline != nil:
		// A dateline the geoparser did not resolve: its name only.
		out.Location = &Location{Name: d.Dateline.Place, CountryCode: d.Dateline.CountryCode, Source: string(ev.LocationSource),
			Precision: ev.LocationPrecision, Start: d.Dateline.Start, End: d.Dateline.End}
	}
	return out
}
