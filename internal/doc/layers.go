package doc

import (
	"time"

	"github.com/dateline-project/dateline/internal/plover"
)

// EntityType is the kind of an actor mention.
type EntityType string

// Entity types.
const (
	Person EntityType = "PERSON"
	Org    EntityType = "ORG"
	GPE    EntityType = "GPE" // a country or place used as an actor
	Role   EntityType = "ROLE"
)

// Actor is the PLOVER coding of an actor: who it is, its country (ISO 3166-1
// alpha-3, or IGO, UNO, EUR, NGO, ISM, IMG, MNC) and its sector.
type Actor struct {
	Name             string   `json:"entity_name"`
	CountryCode      string   `json:"country_code"`
	SectorCode       string   `json:"sector_code"`
	OtherSectorCodes []string `json:"other_sector_codes,omitempty"`
}

// Entity is one actor mention.
type Entity struct {
	Span
	Type EntityType
	Actor
	// Antecedent indexes Doc.Entities: the earlier mention this one refers
	// to (for "he", "the official", "Hajiyev"); -1 when it stands alone.
	Antecedent int
	// Cluster indexes Doc.Entities: the first mention of the actor this
	// mention names, the root of its coreference chain. A mention that
	// stands alone, or that others refer to, is its own cluster; every
	// mention of one person or organisation ("Ana Ruiz", "Ruiz", "she")
	// shares it.
	Cluster int
	// Rule names the rule or dictionary entry that found and coded it.
	Rule string
	// NoPlaceCountry says the country of a place around the mention (the
	// dateline's, the event's) is not the actor's: it names several
	// states taken together ("western countries").
	NoPlaceCountry bool `json:"-"`
}

// QuoteKind distinguishes statements from distancing marks and names.
type QuoteKind string

// Quote kinds.
const (
	DirectQuote   QuoteKind = "direct"
	IndirectQuote QuoteKind = "indirect"
	ScareQuote    QuoteKind = "scare"
	// TitleQuote is a name in quotation marks: a show's, film's, book's,
	// song's or operation's title (the series "Night Shift,"), or a
	// nickname (Eddie "The Hammer" Kowal). It is no statement and has no
	// speaker.
	TitleQuote QuoteKind = "title"
)

// Statement reports whether a quote of kind k says something someone
// said: false for scare quotes and titles, whose words are neither
// attributed nor coded as events.
func (k QuoteKind) Statement() bool { return k != ScareQuote && k != TitleQuote }

// Quote is a statement attributed (or attributable) to a speaker.
type Quote struct {
	Span
	Kind QuoteKind
	// Cue is the verb or phrase that attributes the quote; zero when none.
	Cue Span
	// SpeakerMention is the span of the speaker's mention ("he", "the
	// official"); zero when unresolved.
	SpeakerMention Span
	// Speaker indexes Doc.Entities; -1 when the speaker is unresolved or
	// is a description with no entity ("the announcer said"), in which
	// case SpeakerMention still holds the description.
	Speaker   int
	Paragraph int
	Rule      string
	// Continues indexes Doc.Quotes: the earlier quote whose statement
	// this one carries on ('"A," she said. "B."'), with its speaker and
	// mention; -1 for none.
	Continues int
}

// Layer names a part of a Doc that a pipeline stage fills, so that stages
// can declare what they read and write (see pipeline.Stage).
type Layer string

// The layers of a Doc.
const (
	// LayerText is Tokens with their tags, Sentences, Paragraphs and Lower.
	LayerText Layer = "text"
	// LayerParse is the tokens' dependency heads and relations.
	LayerParse Layer = "parse"
	// LayerChunks is Chunks, the noun and verb groups.
	LayerChunks Layer = "chunks"
	// LayerMeta is Dateline, Agencies and the Published date the text gives.
	LayerMeta     Layer = "meta"
	LayerEntities Layer = "entities"
	LayerQuotes   Layer = "quotes"
	LayerTimes    Layer = "times"
	LayerPlaces   Layer = "places"
	LayerEvents   Layer = "events"
	// LayerStory is TitleDoc, the title coded on its own, and Main, the
	// event the story is about.
	LayerStory Layer = "story"
)

// Precision says how exactly a date is known.
type Precision string

// Date precisions. Published means the date is the document's own date,
// because the text gave none. Historical marks an event the text dates
// to before the year preceding the document's (see internal/event): it is
// background, and its date is left empty.
const (
	PrecisionDay        Precision = "day"
	PrecisionMonth      Precision = "month"
	PrecisionYear       Precision = "year"
	PrecisionPublished  Precision = "published"
	PrecisionDuration   Precision = "duration"
	PrecisionHistorical Precision = "historical"
)

// TimeExpr is a temporal expression and what it resolves to.
type TimeExpr struct {
	Span
	// Value is the resolved start of the period (zero for durations).
	Value     time.Time
	Precision Precision
	Rule      string
	// Bound marks an expression that bounds an event's time rather than
	// giving it: it follows a "bound" cue of data/time/cues.tsv ("since
	// 1991", "until 2025", "before Tuesday"; TimeML's BEGUN_BY,
	// ENDED_BY, BEFORE and AFTER).
	Bound bool
}

// Place is a toponym mention resolved against the gazetteer.
type Place struct {
	Span
	Name        string
	GeonameID   int
	Feature     string
	CountryCode string
	Admin1      string
	Lat, Lon    float64
	Confidence  float64
	Rule        string
	// Embedded marks a place named inside an organisation's name ("the
	// Fargo Police", "Kentucky State Police"): a place all the same, which
	// consumers counting where things happen may want to leave out.
	Embedded bool
	// Kind is PlaceDemonym for a demonym or country adjective ("Turkish
	// troops"), which names the country without being a toponym, and ""
	// for a toponym.
	Kind string
}

// PlaceDemonym is Place.Kind for a demonym or country adjective.
const PlaceDemonym = "demonym"

// LocationSource says where an event's location was found, from the most
// to the least specific.
type LocationSource string

// Location sources, in the order they are tried.
const (
	// LocationAttached: a place the parse attaches to the event: a
	// locative phrase of its trigger or of the clause it is in, or the
	// place it acts on.
	LocationAttached LocationSource = "attached"
	// LocationSentence: another place named in the event's sentence.
	LocationSentence LocationSource = "sentence"
	// LocationParagraph: a place named in the event's paragraph.
	LocationParagraph LocationSource = "paragraph"
	// LocationDateline: the dispatch's dateline.
	LocationDateline LocationSource = "dateline"
)

// EventActor is an actor of an event: the coding plus the mention that
// supports it.
type EventActor struct {
	Span
	RawText string
	Actor
	// Entity indexes Doc.Entities; -1 when the actor has no entity.
	Entity int
}

// Evidence ties an event to the words that support it.
type Evidence struct {
	Sentence Span
	Trigger  Span
}

// Aux is a set of grammatical flags of an event: its modality and whether
// it is another event's complement (what was agreed, threatened or
// demanded, not an event that happened). It is a set of bits rather than
// strings, so that a rule tests a flag rather than spells one.
type Aux uint8

// The flags of Aux, in the order Names lists them.
const (
	// AuxFuture: "will withdraw", "is going to".
	AuxFuture Aux = 1 << iota
	// AuxHypothetical: "could strike", "would meet".
	AuxHypothetical
	// AuxObligation: "must release", "should resign".
	AuxObligation
	// AuxConditional: "if the talks fail".
	AuxConditional
	// AuxComplement: the event is the content of another (the object of
	// "agreed to", "threatened to", "demanded").
	AuxComplement
	// AuxSpeculative: the text says the event may have happened, a modal
	// with a perfect ("may have been killed", "could have fled", "must
	// have known"): a past possibility, neither a fact nor a threat.
	AuxSpeculative
	// AuxAlleged: the text reports the event at second hand, by a word
	// of hearsay on it ("allegedly killed", "reportedly arrested", "the
	// alleged abuses"): an allegation, not a fact the text vouches for.
	AuxAlleged
)

// auxNames are the flags' names in output records, by bit.
var auxNames = [...]string{"future", "hypothetical", "obligation", "conditional", "complement", "speculative", "alleged"}

// Has reports whether every flag of f is set.
func (a Aux) Has(f Aux) bool { return a&f == f }

// Names returns the set flags' names in a fixed order; never nil, so that
// a record writes [] rather than null.
func (a Aux) Names() []string {
	out := []string{}
	for i, n := range auxNames {
		if a&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// Event is one coded PLOVER event.
type Event struct {
	ID            string
	Date          time.Time
	DatePrecision Precision
	Type          plover.EventType // e.g. plover.Accuse
	Mode          string
	Context       []string
	Actors        []EventActor
	Recipients    []EventActor
	// Location indexes Doc.Places; -1 means none, or a dateline whose
	// place the geoparser did not resolve (LocationSource says which).
	Location int
	// LocationSource says how the location was found; "" when the event
	// has none.
	LocationSource LocationSource
	// LocationPrecision is ACLED's geo-precision of the location: 1 a
	// town, 2 a second-level division or the surroundings of a town, 3 a
	// first-level division, a country or a larger region; 0 when the
	// event has no location.
	LocationPrecision int
	// ClaimedBy indexes Doc.Entities: the speaker who asserts the event;
	// -1 when the text states it as fact.
	ClaimedBy int
	// Quote indexes Doc.Quotes: the statement whose words hold the
	// event's trigger; -1 when the event is told outside any quote.
	Quote   int
	Negated bool
	Aux     Aux
	// Principal marks the one event its sentence is about; the others
	// are its background, purpose or content (see internal/event).
	Principal bool
	// Salience says how much the event is what its sentence reports:
	// 1 for the principal event and for any event ranked with it, less
	// the further the grammar sets the event below it (a nominal object,
	// a prepositional phrase, a subordinate clause, a cause given after
	// "after" or "amid"), near 0 for negated events and complements. The
	// event stage sets it from the same ranking that picks the principal
	// event; the story stage weighs events by it.
	Salience float64
	// IntendedType is the type of the event an intention, promise or
	// threat is about ("will withdraw troops" is a CONCEDE about a
	// RETREAT); "" when the event was not recoded.
	IntendedType plover.EventType
	Quad         string
	CameoRoot    string
	Intensity    float64
	Evidence     Evidence
	Rule         string
	Confidence   float64
}
