// Package story is dateline's last stage: it reads a document as a story
// rather than as a list of sentences. It codes the title, which the other
// stages never see, and chooses the story's main event: the one event a
// reader would say the story is about.
//
// Sentence-level coding says what each sentence reports; a consumer who
// counts stories (how many protests this week?) needs one event per story,
// and the title and the lede say which. The choice lives in the product,
// not in the evaluation code, so that `dateline code`, the store and the
// scorer all see the same main event, and it rests on the event stage's
// own salience (doc.Event.Salience, internal/event/salience.go): one
// account of which events a sentence only mentions serves both the
// principal event of each sentence and the main event of the story.
//
// The title is coded as a document of its own (doc.Doc.TitleDoc) by a
// second set of the coding stages, after it is put into sentence case
// (SentenceCase), since title case hides verbs and nouns from the tagger.
// Sentence casing keeps byte offsets, so the title's events address the
// title string. See main.go for how the main event is chosen.
package story

import (
	"context"
	"fmt"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/pipeline"
)

// Name is the stage name.
const Name = "story"

// NameCheck reports whether a capitalised word names something the
// coder knows (a country, a place, an organisation, an acronym), which
// sentence casing must keep capitalised.
type NameCheck func(word string) bool

// Stage codes a document's title and chooses its main event. It holds
// the stages that code the title, so, like them, it belongs to one
// worker.
type Stage struct {
	title []pipeline.Stage
	known NameCheck
}

// New returns a story stage that codes titles with the given stages (a
// worker's own set of the coding stages, text to event) and keeps the
// words known names capitalised. With no title stages, titles are left
// uncoded.
func New(title []pipeline.Stage, known NameCheck) *Stage {
	return &Stage{title: title, known: known}
}

// Name implements pipeline.Stage.
func (s *Stage) Name() string { return Name }

// Requires implements pipeline.Stage.
func (s *Stage) Requires() []doc.Layer { return []doc.Layer{doc.LayerText, doc.LayerEvents} }

// Provides implements pipeline.Stage.
func (s *Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerStory} }

// Process implements pipeline.Stage.
func (s *Stage) Process(ctx context.Context, d *doc.Doc) error {
	d.TitleDoc, d.Main = nil, nil
	if d.Title != "" && len(s.title) > 0 {
		td, err := s.codeTitle(ctx, d)
		if err != nil {
			return err
		}
		d.TitleDoc = td
	}
	d.Main = Main(d)
	return nil
}

// codeTitle codes d.Title on its own. The title takes the body's date, so
// that its events are dated as the story's are.
func (s *Stage) codeTitle(ctx context.Context, d *doc.Doc) (*doc.Doc, error) {
	td := &doc.Doc{
		ID:       d.ID + "-title",
		Text:     SentenceCase(d.Title, s.known),
		Headline: true,
		Source:   d.Source,
	}
	if t, ok := d.AnchorDate(); ok {
		td.Published = t
	}
	if err := pipeline.Apply(ctx, s.title, td); err != nil {
		return nil, fmt.Errorf("code the title: %w", err)
	}
	return td, nil
}
