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

import "github.com/dateline-project/dateline/internal/doc"

// Stage annotates a document.
type Stage interface {
	// Name identifies the stage in errors and benchmarks ("text", "actor").
	Name() string
	// Process adds the stage's layers to d. It must not modify d.Text or
	// the layers of other stages. An error fails the document, not the
	// run; problems that leave the document usable belong in d.Warn.
	Process(d *doc.Doc) error
}
