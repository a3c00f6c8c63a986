package source_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/source"
)

// BenchmarkReadJSONL reads a file of 2,000 documents of about 600 words,
// the size of a typical news article.
func BenchmarkReadJSONL(b *testing.B) {
	p := filepath.Join(b.TempDir(), "bench.jsonl")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	para := strings.Repeat("The delegation of Freedonia met officials from Sylvania on Tuesday. ", 12)
	body := strings.Repeat(para+"\n\n", 7)
	const n = 2000
	for i := 0; i < n; i++ {
		rec, _ := json.Marshal(map[string]string{
			"id": fmt.Sprint("doc-", i), "date": "2024-03-05", "title": "Talks resume", "text": body, "url": "https://example.org/",
		})
		w.Write(rec)
		w.WriteByte('\n')
	}
	w.Flush()
	f.Close()
	fi, _ := os.Stat(p)

	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		docs := 0
		err := source.Read(context.Background(), []string{p}, source.Options{}, func(it source.Item) error {
			if it.Err != nil {
				return it.Err
			}
			docs++
			return nil
		})
		if err != nil || docs != n {
			b.Fatalf("read %d docs, err %v", docs, err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkReadBlankLines reads 64 MiB of newlines between two records,
// what a small gzip file can expand to; blank lines are skipped a buffer
// at a time, so this runs at memory speed.
func BenchmarkReadBlankLines(b *testing.B) {
	const blank = 64 << 20
	p := filepath.Join(b.TempDir(), "blank.jsonl")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(`{"text":"first"}` + "\n")
	nl := strings.Repeat("\n", 1<<20)
	for i := 0; i < blank>>20; i++ {
		w.WriteString(nl)
	}
	w.WriteString(`{"text":"last"}` + "\n")
	w.Flush()
	f.Close()

	b.SetBytes(blank)
	for b.Loop() {
		docs := 0
		err := source.Read(context.Background(), []string{p}, source.Options{}, func(it source.Item) error {
			if it.Err != nil {
				return it.Err
			}
			docs++
			return nil
		})
		if err != nil || docs != 2 {
			b.Fatalf("read %d docs, err %v", docs, err)
		}
	}
}
