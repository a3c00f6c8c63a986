package coder_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/testref"
)

// Layouts of the text BenchmarkLinearGrowth codes.
const (
	layoutParagraphs    = "paragraphs"     // one article per paragraph
	layoutOneParagraph  = "one_paragraph"  // no blank lines: the worst case for stages that look across a paragraph
	layoutNoPunctuation = "no_punctuation" // one paragraph with no sentence punctuation: the worst case for sentences
)

// growthText returns at least n bytes of real news in the given layout:
// the articles of the places dev set, repeated as often as needed.
func growthText(tb testing.TB, n int, layout string) string {
	tb.Helper()
	f, err := os.Open(testref.Shared(tb, "eval/places-news-dev.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, strings.Join(strings.Fields(rec.Text), " "))
	}
	if err := sc.Err(); err != nil || len(texts) == 0 {
		tb.Fatalf("reading the places dev set: %v (%d texts)", err, len(texts))
	}
	sep := "\n\n"
	if layout != layoutParagraphs {
		sep = " "
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(texts[i%len(texts)])
		b.WriteString(sep)
	}
	if layout == layoutNoPunctuation {
		return strings.NewReplacer(".", "", "!", "", "?", "").Replace(b.String())
	}
	return b.String()
}

// BenchmarkLinearGrowth codes single documents of 16 KB to 4 MB and fails
// when the process CPU time per byte at 4 MB is more than 1.5 times that
// at 64 KB: every stage must cost linear time in the document, whatever
// its length. It reports ns/byte per size. Run it with
//
//	go test ./internal/coder -run '^$' -bench LinearGrowth -benchtime 1x
func BenchmarkLinearGrowth(b *testing.B) {
	c := load(b)
	w, err := c.NewWorker()
	if err != nil {
		b.Fatal(err)
	}
	sizes := growthSizes
	for _, layout := range []string{layoutParagraphs, layoutOneParagraph, layoutNoPunctuation} {
		perByte := map[int]float64{}
		for _, n := range sizes {
			text := growthText(b, n, layout)
			b.Run(fmt.Sprintf("%s/%dKB", layout, n>>10), func(b *testing.B) {
				// One unmeasured run first, so that the worker's buffers
				// have grown to the size: a long-running worker codes
				// with warm buffers, and their first growth is not what
				// this measures.
				if err := w.Code(context.Background(), &doc.Doc{ID: "growth", Text: text}); err != nil {
					b.Fatal(err)
				}
				b.ResetTimer()
				var cpu time.Duration
				for i := 0; i < b.N; i++ {
					d := &doc.Doc{ID: "growth", Text: text}
					before := testref.ProcessCPU()
					if err := w.Code(context.Background(), d); err != nil {
						b.Fatal(err)
					}
					cpu += testref.ProcessCPU() - before
				}
				perByte[n] = float64(cpu.Nanoseconds()) / float64(b.N) / float64(len(text))
				b.ReportMetric(perByte[n], "cpu-ns/byte")
			})
		}
		if small, large := perByte[growthSizes[1]], perByte[growthSizes[len(growthSizes)-1]]; small > 0 && large > 1.5*small {
			b.Errorf("%s: %.0f ns/byte at 4 MB against %.0f at 64 KB, more than 1.5 times: some stage grows faster than linearly",
				layout, large, small)
		}
	}
}

// growthSizes are the document sizes BenchmarkLinearGrowth codes; the
// benchmark compares the second and the last.
var growthSizes = []int{16 << 10, 64 << 10, 512 << 10, 4 << 20}
