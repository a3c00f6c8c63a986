package meta

import (
	"context"
	"fmt"
	"io/fs"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lexicon"
)

// maxDatelineParagraph bounds how far into a document the dateline is
// looked for.
const maxDatelineParagraph = 4

// Stage fills Doc.Dateline and Doc.Agencies. It needs the token layer for
// agency credits. It holds only immutable tables, so one Stage may serve
// every worker.
type Stage struct {
	places   Places
	agencies *agencyTable
	// labels are the words that label a story rather than name its
	// dateline city: the heading words of data/cues/labels.tsv
	// ("BREAKING", "UPDATE", "ANALYSIS"), which the quote stage reads
	// as transcript headings.
	labels map[string]bool
}

// New loads the embedded agency table. places may be nil.
func New(places Places) (*Stage, error) {
	return NewFromFS(data.FS, places)
}

// NewFromFS is New over another data tree, for tests and user data.
func NewFromFS(fsys fs.FS, places Places) (*Stage, error) {
	t, err := loadAgencies(fsys, "meta/agencies.tsv")
	if err != nil {
		return nil, err
	}
	labels := map[string]bool{}
	err = lexicon.ReadFile(fsys, labelsFile, []string{"word", "kind"}, func(r lexicon.Record) error {
		if r.Get("kind") == "heading" {
			labels[r.Get("word")] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load story labels: %w", err)
	}
	return &Stage{places: places, agencies: t, labels: labels}, nil
}

// labelsFile holds the words of transcript labels and story headings.
const labelsFile = "cues/labels.tsv"

// storyLabel reports a heading word that labels a story.
func (s *Stage) storyLabel(w string) bool { return s.labels[w] }

// Name implements pipeline.Stage.
func (s *Stage) Name() string { return "meta" }

// Requires implements pipeline.Stage.
func (s *Stage) Requires() []doc.Layer { return []doc.Layer{doc.LayerText} }

// Provides implements pipeline.Stage.
func (s *Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerMeta} }

// Process implements pipeline.Stage.
func (s *Stage) Process(ctx context.Context, d *doc.Doc) error {
	d.Dateline = nil
	// Web pages keep a section label, a byline or a photo caption above
	// the dateline, so it may open any of the first few paragraphs.
	for pi := 0; pi < len(d.Paragraphs) && pi < maxDatelineParagraph; pi++ {
		p := d.Paragraphs[pi]
		if dl := parseDateline(d.Text[p.Start:p.End], d.Published, s.places, s.storyLabel, pi == 0); dl != nil {
			dl.Start += p.Start
			dl.End += p.Start
			d.Dateline = dl
			break
		}
	}
	if d.Dateline == nil && len(d.Paragraphs) == 0 {
		d.Dateline = parseDateline(d.Text, d.Published, s.places, s.storyLabel, true)
	}
	d.Agencies = s.agencies.findAgencies(d)
	return nil
}
