package story_test

import (
	"context"
	"testing"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/synth"
)

// BenchmarkStoryStage measures the story stage alone (coding the title
// and choosing the main event) over synthetic articles of about 600
// words that the coding stages have annotated.
func BenchmarkStoryStage(b *testing.B) {
	c, err := coder.Load(coder.Options{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	st, err := c.NewStages()
	if err != nil {
		b.Fatal(err)
	}
	story := st[len(st)-1]
	if story.Name() != "story" {
		b.Fatalf("stage %q where the story stage was expected", story.Name())
	}
	ctx := context.Background()
	gen := synth.New(1, 600)
	docs := make([]*doc.Doc, 64)
	for i := range docs {
		a := gen.Next()
		docs[i] = &doc.Doc{ID: a.ID, Text: a.Text, Title: a.Title, Published: a.Published}
		for _, s := range st[:len(st)-1] {
			if err := s.Process(ctx, docs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := story.Process(ctx, docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
}
