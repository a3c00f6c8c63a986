// Package pipeline runs documents through dateline's annotation stages on a
// pool of workers and hands the results back in input order.
//
// A Stage is the unit of work, in the manner of bleve's analysis stages and
// spaCy's components: it reads the layers of a doc.Doc that earlier stages
// filled and appends its own. Shared, immutable resources (lexicons, the
// tagger model, the gazetteer) are loaded once and passed to stage
// constructors; per-worker scratch state lives in the Stage value, so each
// worker builds its own stages and no stage needs a lock.
package pipeline

import (
	"context"
	"fmt"

	"github.com/dateline-project/dateline/internal/doc"
)

// Stage annotates a document.
type Stage interface {
	// Name identifies the stage in errors and benchmarks ("text", "actor").
	Name() string
	// Requires lists the layers the stage reads, which stages before it
	// must provide; Provides lists those it fills. Check holds a
	// sequence of stages to them, as spaCy's components declare
	// "requires" and "assigns".
	Requires() []doc.Layer
	Provides() []doc.Layer
	// Process adds the stage's layers to d. It must not modify d.Text or
	// the layers of other stages. An error fails the document, not the
	// run; problems that leave the document usable belong in d.Warn. A
	// stage whose work grows with its sentences checks ctx between them
	// and stops with ctx's error when it is done, so that a client that
	// has gone does not hold a worker; Apply checks it between stages.
	Process(ctx context.Context, d *doc.Doc) error
}

// Check reports a sequence in which a stage reads a layer that no
// earlier stage provides, naming the stage and the layer: such an order
// would leave the stage looking at an empty layer, and fail silently.
func Check(stages []Stage) error {
	have := map[doc.Layer]bool{}
	for _, s := range stages {
		for _, l := range s.Requires() {
			if !have[l] {
				return fmt.Errorf("stage %q requires the %q layer, which no stage before it provides", s.Name(), l)
			}
		}
		for _, l := range s.Provides() {
			have[l] = true
		}
	}
	return nil
}
