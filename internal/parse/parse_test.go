package parse_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/parse"
	"github.com/dateline-project/dateline/internal/testref"
	"github.com/dateline-project/dateline/internal/text"
)

var (
	modelOnce sync.Once
	model     *text.Model
	modelErr  error
)

// shippedModel returns the text model with the embedded parser.
func shippedModel(tb testing.TB) *text.Model {
	tb.Helper()
	modelOnce.Do(func() { model, modelErr = text.LoadModel() })
	if modelErr != nil {
		tb.Fatal(modelErr)
	}
	return model
}

// treebank reads a file of ../shared/ud, skipping when it is absent.
func treebank(tb testing.TB, name string) []parse.Sentence {
	tb.Helper()
	f, err := os.Open(testref.Shared(tb, "ud/"+name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	s, err := parse.ReadCoNLLU(f)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// Floors just under the figures of the shipped model (see the package
// documentation), so that a retrained or broken model that does worse
// fails here.
var floors = []struct {
	file     string
	uas, las float64
}{
	{"en_ewt-ud-test.conllu", 0.805, 0.758},
	{"en_pud-ud-test.conllu", 0.783, 0.740},
}

func TestShippedModelAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("parses two treebanks")
	}
	m := shippedModel(t)
	for _, f := range floors {
		t.Run(f.file, func(t *testing.T) {
			gold := treebank(t, f.file)
			r := parse.Evaluate(m.Parser(), gold, m.NewWordTagger().Tag)
			t.Logf("%s: UAS %.4f LAS %.4f, text tagger %.4f, parser tagger %.4f", f.file, r.UAS, r.LAS, r.TagAccuracy, r.ParserTagAccuracy)
			if r.UAS < f.uas || r.LAS < f.las {
				t.Errorf("UAS %.4f, LAS %.4f; want at least %.3f, %.3f", r.UAS, r.LAS, f.uas, f.las)
			}
		})
	}
}

// BenchmarkParse parses the EWT test sentences with the shipped model,
// tags predicted by the text layer's tagger beforehand (tagging is not
// timed), on one goroutine.
func BenchmarkParse(b *testing.B) {
	m := shippedModel(b)
	gold := treebank(b, "en_ewt-ud-test.conllu")
	ex, _ := parse.Examples(gold, m.NewWordTagger().Tag)
	p := parse.NewParser(m.Parser())
	heads := make([]int32, 1024)
	deps := make([]doc.DepRel, 1024)
	words := 0
	for _, e := range ex {
		words += len(e.Words)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, e := range ex {
			p.Parse(e.Words, e.Tags, heads, deps)
		}
	}
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N*len(ex))/s, "sentences/s")
	b.ReportMetric(float64(b.N*words)/s, "words/s")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkLoad decodes the shipped model file.
func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(testref.RepoRoot(b), "data", "parse", "en_ewt.model"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse.Load(data); err != nil {
			b.Fatal(err)
		}
	}
}

// Parsing allocates nothing once the Parser has seen a sentence as long.
func TestParseAllocatesNothing(t *testing.T) {
	m := shippedModel(t)
	p := parse.NewParser(m.Parser())
	words := []string{"The", "army", "withdrew", "its", "troops", "from", "the", "border", "on", "Tuesday", "."}
	tags := []string{"DT", "NN", "VBD", "PRP$", "NNS", "IN", "DT", "NN", "IN", "NNP", "."}
	heads := make([]int32, len(words))
	deps := make([]doc.DepRel, len(words))
	p.Parse(words, tags, heads, deps)
	if n := testing.AllocsPerRun(100, func() { p.Parse(words, tags, heads, deps) }); n != 0 {
		t.Errorf("%v allocations per sentence", n)
	}
}

// A finite verb after a subject with a PP is the sentence's predicate,
// whatever the greedy parser first made of it (repair.go).
func TestShippedModelFindsThePredicate(t *testing.T) {
	m := shippedModel(t)
	p := parse.NewParser(m.Parser())
	tg := m.NewWordTagger()
	for _, tc := range []struct {
		sentence  string
		predicate string
	}{
		{"Hundreds of demonstrators gathered outside the embassy .", "gathered"},
		{"The talks collapsed on Monday after the rebels walked out .", "collapsed"},
		{"A convoy of trucks reached the town on Friday .", "reached"},
		// A finite verb that the parser read as an adjective of its
		// object.
		{"Thai police used water cannon to disperse the crowd .", "used"},
		// A verb the tagger takes for a participle (VBN) is the
		// predicate of a full sentence with no finite verb ...
		{"Thousands of farmers marched through the capital on Friday .", "marched"},
		// ... and stays a reduced relative in a headline, which has
		// no full stop.
		{"Thousands of farmers marched through the capital on Friday", "Thousands"},
	} {
		words := strings.Fields(tc.sentence)
		tags := make([]string, len(words))
		space := make([]bool, len(words))
		for i := range space {
			space[i] = i+1 < len(words) && words[i+1] != "."
		}
		tg.Tag(words, space, tags)
		heads := make([]int32, len(words))
		deps := make([]doc.DepRel, len(words))
		p.Parse(words, tags, heads, deps)
		root := slices.Index(heads, -1)
		if root < 0 || words[root] != tc.predicate {
			t.Errorf("%q: root %d, want %q (tags %v, heads %v, deps %v)", tc.sentence, root, tc.predicate, tags, heads, deps)
		}
	}
}

// A sentence that opens with a capitalised subordinator, and so needs its
// words' plain forms, allocates nothing once seen either.
func TestParseCapitalisedAllocatesNothing(t *testing.T) {
	m := shippedModel(t)
	p := parse.NewParser(m.Parser())
	words := []string{"After", "the", "talks", "failed", ",", "Kenya", "’s", "army", "withdrew", "."}
	tags := []string{"IN", "DT", "NNS", "VBD", ",", "NNP", "POS", "NN", "VBD", "."}
	heads := make([]int32, len(words))
	deps := make([]doc.DepRel, len(words))
	p.Parse(words, tags, heads, deps)
	if n := testing.AllocsPerRun(100, func() { p.Parse(words, tags, heads, deps) }); n != 0 {
		t.Errorf("%v allocations per sentence", n)
	}
}
