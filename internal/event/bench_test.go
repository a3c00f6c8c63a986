package event_test

import (
	"context"
	"testing"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/synth"
)

// BenchmarkEventStage measures the event stage alone over synthetic
// articles of about 600 words that the earlier stages have annotated.
func BenchmarkEventStage(b *testing.B) {
	c, err := coder.Load(coder.Options{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	st, err := c.NewStages()
	if err != nil {
		b.Fatal(err)
	}
	// The stages run text, meta, actor, quote, when, geo, event, story.
	ev := st[len(st)-2]
	if ev.Name() != "event" {
		b.Fatalf("stage %q where the event stage was expected", ev.Name())
	}
	ctx := context.Background()
	gen := synth.New(1, 600)
	docs := make([]*doc.Doc, 64)
	for i := range docs {
		a := gen.Next()
		docs[i] = &doc.Doc{ID: a.ID, Text: a.Text, Published: a.Published}
		for _, s := range st[:len(st)-2] {
			if err := s.Process(ctx, docs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		d.Events = nil
		if err := ev.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}
