// Package coder assembles dateline's standard pipeline: it loads the shared,
// immutable resources once (tagger model, dictionaries, gazetteer, trigger
// lexicon) and builds each worker's stages in the fixed order
//
//	text -> meta -> actor -> quote -> when -> geo -> event -> story
//
// The story stage codes a document's title through a second set of the
// stages before it and chooses the story's main event.
//
// Package pipeline knows how to run stages; this package knows which
// stages make dateline. Keeping the two apart lets library users run their
// own stage lists on the same runner, and lets every stage package stay
// free of the runner.
package coder

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/actor"
	"github.com/dateline-project/dateline/internal/actor/dict"
	"github.com/dateline-project/dateline/internal/actor/gender"
	"github.com/dateline-project/dateline/internal/actor/petrarch"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/event"
	"github.com/dateline-project/dateline/internal/event/lexicon"
	"github.com/dateline-project/dateline/internal/geo"
	"github.com/dateline-project/dateline/internal/geo/gazetteer"
	"github.com/dateline-project/dateline/internal/meta"
	"github.com/dateline-project/dateline/internal/pipeline"
	"github.com/dateline-project/dateline/internal/plover"
	"github.com/dateline-project/dateline/internal/quote"
	"github.com/dateline-project/dateline/internal/story"
	"github.com/dateline-project/dateline/internal/text"
	"github.com/dateline-project/dateline/internal/when"
)

// Options configure the coder's resources.
type Options struct {
	// Workers is the number of concurrent workers; 0 means all cores.
	Workers int
	// Dicts are user dictionaries in dateline's TSV formats (--dict).
	Dicts []string
	// PetrarchActors and PetrarchAgents are dictionaries in PETRARCH
	// formats (--petrarch-actors, --petrarch-agents).
	PetrarchActors []string
	PetrarchAgents []string
	// Logger receives warnings about the resources, such as dictionary
	// lines skipped as malformed; nil means slog.Default().
	Logger *slog.Logger
}

// Coder holds the loaded resources. It is immutable and safe to share.
type Coder struct {
	opts   Options
	tagger *text.Model
	gaz    *gazetteer.Gazetteer
	meta   *meta.Stage
	actors *actor.Recognizer
	cues   *quote.Cues
	when   *when.Resolver
	events *event.Coder
	dict   actor.Dictionary
	// codes are the country and sector codes the dictionaries can give;
	// see Codes.
	countryCodes map[string]string
	sectorCodes  []string
	abbrev       *geo.Abbreviations
	eponyms      *geo.EponymHeads
	lex          *lexicon.Lexicon
}

var zeroTime time.Time

func (o Options) logger() *slog.Logger {
	if o.Logger != nil {
		return o.Logger
	}
	return slog.Default()
}

// Load reads every resource the pipeline needs.
func Load(opts Options) (*Coder, error) {
	// The tagger weights and the gazetteer are the two slow loads (about
	// 0.2 s each); they share nothing, so they load side by side.
	var (
		m      *text.Model
		gaz    *gazetteer.Gazetteer
		gazErr error
		wg     sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		gaz, gazErr = gazetteer.Load()
	}()
	m, err := text.LoadModel()
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	if gazErr != nil {
		return nil, fmt.Errorf("load gazetteer: %w", gazErr)
	}
	abbrev, err := geo.LoadAbbreviations(data.FS, gaz)
	if err != nil {
		return nil, err
	}
	eponyms, err := geo.LoadEponymHeads(data.FS)
	if err != nil {
		return nil, err
	}
	ms, err := meta.New(gazetteerPlaces{gaz})
	if err != nil {
		return nil, fmt.Errorf("load metadata tables: %w", err)
	}
	d, err := dict.Load(data.FS, opts.Dicts...)
	if err != nil {
		return nil, err
	}
	var dictionary actor.Dictionary = d
	countryCodes, sectorCodes := d.Codes()
	if len(opts.PetrarchActors)+len(opts.PetrarchAgents) > 0 {
		// CAMEO codes former states dateline's dictionaries do not, and
		// its agent codes (ethnic, religious and others) are open-ended.
		for _, code := range petrarch.StateCodes() {
			if _, ok := countryCodes[code]; !ok {
				countryCodes[code] = ""
			}
		}
		sectorCodes = nil
		p, err := loadPetrarch(opts.PetrarchActors, opts.PetrarchAgents, opts.logger())
		if err != nil {
			return nil, err
		}
		// dateline's own dictionaries first: they carry the sector and
		// coreference details the PETRARCH formats do not.
		dictionary = chainDict{d, p}
	}
	genders, err := gender.Load(data.FS)
	if err != nil {
		return nil, err
	}
	cues, err := quote.LoadCues()
	if err != nil {
		return nil, err
	}
	wr, err := when.NewResolver()
	if err != nil {
		return nil, fmt.Errorf("load time words: %w", err)
	}
	lex, err := lexicon.Load(data.FS)
	if err != nil {
		return nil, fmt.Errorf("load trigger lexicon: %w", err)
	}
	disapproval, err := event.LoadDisapproval(data.FS, "cues/disapproval.tsv")
	if err != nil {
		return nil, err
	}
	governors, err := event.LoadGovernors(data.FS, event.GovernorsFile)
	if err != nil {
		return nil, err
	}
	background, err := event.LoadBackground(data.FS, event.BackgroundFile)
	if err != nil {
		return nil, err
	}
	nonActors, err := event.LoadNonActors(data.FS, event.NonActorsFile)
	if err != nil {
		return nil, err
	}
	cyber, err := event.LoadCyberWords(data.FS, event.CyberFile)
	if err != nil {
		return nil, err
	}
	return &Coder{opts: opts, tagger: m, gaz: gaz, meta: ms, actors: actor.New(dictionary).WithPlaceCheck(func(name string) bool {
		return gaz.Has(gazetteer.Fold(nil, name)) || gaz.NamesPlaceKind(name)
	}).WithGender(genders).WithSpeechVerbs(cues.SpeechVerb), cues: cues, when: wr, dict: dictionary, abbrev: abbrev, eponyms: eponyms, lex: lex,
		countryCodes: countryCodes, sectorCodes: sectorCodes,
		events: event.New(lex, plover.Ontology{}, when.ForSpan, governors).WithStatements(disapproval).WithBackground(background).WithNonActors(nonActors).WithCyber(cyber)}, nil
}

// Codes returns the country codes the coder can write (alpha-3 mapped to
// alpha-2, "" for codes without one) and its sector codes, sorted; sectors
// is nil when PETRARCH agent dictionaries make them open-ended. The
// caller must not modify them.
func (c *Coder) Codes() (countries map[string]string, sectors []string) {
	return c.countryCodes, c.sectorCodes
}

// demonymCountry is the geoparser's demonym lookup: the actor
// dictionaries' singular demonyms and country adjectives.
func (c *Coder) demonymCountry(key string) (string, bool) {
	cd, ok := c.dict.Phrase(key)
	if !ok || cd.Kind != actor.KindDemonym || cd.Plural || cd.Country == "" {
		return "", false
	}
	return cd.Country, true
}

// personTitle reports a role word that stands before a person's name as
// a title (data/actors/roles.tsv, column title): "Queen", "President".
func (c *Coder) personTitle(word string) bool {
	r, ok := c.dict.Role(strings.ToLower(word))
	return ok && r.Title && r.Person
}

// NewStages builds one worker's stages; it satisfies pipeline.NewStages.
// The story stage codes the title through stages of its own, built the
// same way, so that the body's scratch state is never shared.
func (c *Coder) NewStages() ([]pipeline.Stage, error) {
	return append(c.codingStages(), story.New(c.codingStages(), c.KnownName)), nil
}

// codingStages builds the stages that code one text, from its tokens to
// its events.
func (c *Coder) codingStages() []pipeline.Stage {
	return []pipeline.Stage{
		text.NewAnnotator(c.tagger),
		c.meta,
		c.actors.NewStage(),
		quote.New(c.cues),
		c.when.NewStage(),
		geo.NewGeoparser(c.gaz).WithAbbreviations(c.abbrev).WithEponymHeads(c.eponyms).WithDemonyms(c.demonymCountry).WithTitles(c.personTitle),
		c.events.NewStage(),
	}
}

// KnownName reports whether a capitalised word names something dateline
// knows: a dictionary phrase or demonym, or a gazetteer place that is not
// also the first word of an event trigger. The story stage keeps such
// words (and acronyms) capitalised when it puts a title-case headline into
// sentence case. Thousands of places share a name with an English word;
// in a headline a word that can trigger an event ("Lay Down Arms",
// "Strike", "Talks") is far likelier the word than the place, and left
// capitalised it would read as a name and hide the event.
func (c *Coder) KnownName(word string) bool {
	lower := strings.ToLower(strings.TrimSuffix(word, "'s"))
	if _, ok := c.dict.Phrase(lower); ok {
		return true
	}
	if c.lex != nil && (len(c.lex.Candidates(lower)) > 0 || len(c.lex.Candidates(strings.TrimSuffix(lower, "s"))) > 0) {
		return false
	}
	return c.gaz.Has(gazetteer.Fold(nil, word))
}

// Runner returns a pipeline runner over this coder's stages.
func (c *Coder) Runner() *pipeline.Runner {
	w := c.opts.Workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	return &pipeline.Runner{Workers: w, NewStages: c.NewStages}
}

// Worker codes documents one at a time on the calling goroutine, reusing
// its stages' scratch state. It is meant for library use and evaluation;
// streams should use Runner. A Worker is not safe for concurrent use.
type Worker struct{ stages []pipeline.Stage }

// NewWorker builds a Worker.
func (c *Coder) NewWorker() (*Worker, error) {
	st, err := c.NewStages()
	if err != nil {
		return nil, err
	}
	if err := pipeline.Check(st); err != nil {
		return nil, err
	}
	return &Worker{stages: st}, nil
}

// Code annotates d.
func (w *Worker) Code(ctx context.Context, d *doc.Doc) error {
	return pipeline.Apply(ctx, w.stages, d)
}
