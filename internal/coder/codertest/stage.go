// Package codertest gives benchmarks of a single pipeline stage their
// input: synthetic articles that the shipped stages before it have
// annotated, so that a stage's cost is measured apart from the rest.
package codertest

import (
	"context"
	"testing"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/pipeline"
	"github.com/dateline-project/dateline/internal/synth"
)

// StageInput returns the shipped stage called name and n synthetic
// articles of about 600 words (with titles) that every stage before it
// has processed. It fails b when there is no such stage.
func StageInput(b testing.TB, name string, n int) (pipeline.Stage, []*doc.Doc) {
	b.Helper()
	c, err := coder.Load(coder.Options{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	st, err := c.NewStages()
	if err != nil {
		b.Fatal(err)
	}
	at := -1
	for i, s := range st {
		if s.Name() == name {
			at = i
		}
	}
	if at < 0 {
		b.Fatalf("no stage %q", name)
	}
	ctx := context.Background()
	gen := synth.New(1, 600)
	docs := make([]*doc.Doc, n)
	for i := range docs {
		a := gen.Next()
		docs[i] = &doc.Doc{ID: a.ID, Text: a.Text, Title: a.Title, Published: a.Published}
		for _, s := range st[:at] {
			if err := s.Process(ctx, docs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	return st[at], docs
}

// BenchStage measures the shipped stage called name alone, over 64 of
// StageInput's articles in turn. reset, when not nil, undoes what the
// stage added to an article before the stage processes it again.
func BenchStage(b *testing.B, name string, reset func(*doc.Doc)) {
	st, docs := StageInput(b, name, 64)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		if reset != nil {
			reset(d)
		}
		if err := st.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}
