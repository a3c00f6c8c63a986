package when

import (
	"context"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
)

// Name is the stage name.
const Name = "when"

// Stage is one worker's temporal tagger. It keeps a token buffer between
// documents, so it is not safe for concurrent use: give each worker its
// own, all made from one Resolver.
type Stage struct {
	m  matcher
	sc scanner
}

// NewStage returns a per-worker stage over the resolver's tables.
func (r *Resolver) NewStage() *Stage {
	s := &Stage{}
	s.sc.r = r
	s.m.r = r
	return s
}

// Name implements pipeline.Stage.
func (s *Stage) Name() string { return Name }

// Requires implements pipeline.Stage.
func (s *Stage) Requires() []doc.Layer { return []doc.Layer{doc.LayerText, doc.LayerMeta} }

// Provides implements pipeline.Stage.
func (s *Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerTimes} }

// Process fills d.TimeExprs, replacing what it held, with the temporal
// expressions of d.Text in text order, resolved against d.AnchorDate().
// Without an anchor, relative expressions ("yesterday", "on Tuesday") are
// recognised but not recorded, because they would resolve to nothing;
// explicit dates and durations still are. Text inside the dateline is
// skipped: its date is the anchor itself, not an event date. It uses the
// sentences and part-of-speech tags of the text stage when they are there
// and works without them. It never fails.
func (s *Stage) Process(ctx context.Context, d *doc.Doc) error {
	anchor, ok := d.AnchorDate()
	m := s.run(d.Text, anchor, ok, d)
	d.TimeExprs = nil
	if len(m.out) > 0 {
		d.TimeExprs = append(make([]doc.TimeExpr, 0, len(m.out)), m.out...)
	}
	return nil
}

func (s *Stage) run(text string, anchor time.Time, hasAnchor bool, d *doc.Doc) *matcher {
	s.sc.scan(text)
	m := &s.m
	*m = matcher{r: m.r, out: m.out[:0], text: text, toks: s.sc.toks, d: d, has: hasAnchor}
	if hasAnchor {
		m.anchor = time.Date(anchor.Year(), anchor.Month(), anchor.Day(), 0, 0, 0, 0, time.UTC)
	}
	if d != nil {
		if d.Dateline != nil {
			m.skip = d.Dateline.Span
		}
		for k := range d.Tokens {
			if d.Tokens[k].Tag != "" {
				m.tags = true
				break
			}
		}
	}
	m.run()
	return m
}

// Find returns the temporal expressions of a raw text resolved against
// anchor (the zero Time for none), with tense taken from the words alone.
// It is Process without a Doc, for tests and tools; spans are byte offsets
// into text.
func (r *Resolver) Find(text string, anchor time.Time) []doc.TimeExpr {
	s := r.NewStage()
	m := s.run(text, anchor, !anchor.IsZero(), nil)
	return m.out
}
