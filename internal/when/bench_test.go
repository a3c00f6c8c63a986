package when_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/when"
)

func readArticle(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// BenchmarkProcess runs the stage over a written article of about 650
// words, without the text stage's layers (the stage's own cost).
func BenchmarkProcess(b *testing.B) {
	r := testResolver(b)
	text := readArticle(b)
	s := r.NewStage()
	d := &doc.Doc{Text: text, Published: anchor}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewResolver(b *testing.B) {
	for b.Loop() {
		if _, err := when.NewResolver(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAdversarial runs the stage over one sentence of 20,000 weekday
// mentions with the text stage's sentence layer covering all of it: the
// cost must stay linear in the text.
func BenchmarkAdversarial(b *testing.B) {
	r := testResolver(b)
	text := strings.Repeat("troops attacked on Tuesday and will meet on Friday ", 10000)
	d := &doc.Doc{Text: text, Published: anchor}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}}}
	s := r.NewStage()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		when.ForSpan(d, d.Sentences[0].Span, doc.Span{Start: 7, End: 15})
	}
}
