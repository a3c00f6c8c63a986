package actor_test

import (
	"context"
	"testing"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/actor"
	"github.com/dateline-project/dateline/internal/actor/dict"
	"github.com/dateline-project/dateline/internal/actor/gender"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/synth"
	"github.com/dateline-project/dateline/internal/text"
)

// BenchmarkRecognize measures the actor stage alone over annotated
// synthetic articles of about 600 words, with the embedded dictionaries
// and gender lexicon.
func BenchmarkRecognize(b *testing.B) {
	m, err := text.LoadModel()
	if err != nil {
		b.Fatal(err)
	}
	dic, err := dict.LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	g, err := gender.Load(data.FS)
	if err != nil {
		b.Fatal(err)
	}
	ann := text.NewAnnotator(m)
	gen := synth.New(1, 600)
	docs := make([]*doc.Doc, 64)
	tokens := 0
	for i := range docs {
		a := gen.Next()
		docs[i] = &doc.Doc{Text: a.Text}
		if err := ann.Process(context.Background(), docs[i]); err != nil {
			b.Fatal(err)
		}
		tokens += len(docs[i].Tokens)
	}
	st := actor.New(dic).WithGender(g).NewStage()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		d.Entities = d.Entities[:0]
		if err := st.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(tokens/len(docs))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
