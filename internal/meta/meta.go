package meta

import (
	"context"
	"io/fs"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/doc"
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
	return &Stage{places: places, agencies: t}, nil
}

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
		if dl := parseDateline(d.Text[p.Start:p.End], d.Published, s.places); dl != nil {
			dl.Start += p.Start
			dl.End += p.Start
			d.Dateline = dl
			break
		}
	}
	if d.Dateline == nil && len(d.Paragraphs) == 0 {
		d.Dateline = parseDateline(d.Text, d.Published, s.places)
	}
	d.Agencies = s.agencies.findAgencies(d)
	return nil
}
