package text

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/synth"
)

// BenchmarkAnnotate runs the whole text layer (paragraphs, tokens,
// sentences, tags, chunks) over the news corpus in testdata and reports
// tokens per second.
func BenchmarkAnnotate(b *testing.B) {
	text, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	a := NewAnnotator(testModel(b))
	d := &doc.Doc{Text: string(text)}
	if err := a.Process(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	perDoc := len(d.Tokens)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d := &doc.Doc{Text: string(text)}
		if err := a.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(perDoc)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkAdversarial runs long runs of characters that once made the
// tokenizer rescan its input (a.b.a.b..., a_a_a_...), so that a return of
// quadratic behaviour shows up as ns/op growing with the size.
func BenchmarkAdversarial(b *testing.B) {
	m := testModel(b)
	for _, unit := range []string{"a.b", "a_", "x@", "1,", `"`, "'", "A. ", "a’"} {
		for _, n := range []int{1 << 12, 1 << 16} {
			text := strings.Repeat(unit, n/len(unit))
			b.Run(fmt.Sprintf("%q/%d", unit, n), func(b *testing.B) {
				a := NewAnnotator(m)
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					if err := a.Process(context.Background(), &doc.Doc{Text: text}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkLoadModel measures the one-off cost of decoding prose's weights
// and building the inference tables.
func BenchmarkLoadModel(b *testing.B) {
	for b.Loop() {
		if _, err := LoadModel(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTagOnly runs the text layer without the parser (tokens,
// sentences, tags, chunks) over generated articles, enough of them that
// the tagger's tables do not all stay in cache, and reports tokens per
// second.
func BenchmarkTagOnly(b *testing.B) {
	m, err := LoadTagger()
	if err != nil {
		b.Fatal(err)
	}
	gen := synth.New(1, 600)
	texts := make([]string, 200)
	for i := range texts {
		texts[i] = gen.Next().Text
	}
	a := NewAnnotator(m)
	ntok := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, text := range texts {
			d := &doc.Doc{Text: text}
			if err := a.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
			ntok += len(d.Tokens)
		}
	}
	b.ReportMetric(float64(ntok)/b.Elapsed().Seconds(), "tokens/s")
}
