package source_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/source"
)

// fuzzRead reads in as the given format from standard input and checks the
// invariants every reader keeps whatever it is fed: no panic, exactly one
// of Doc and Err per item, errors are *RecordError, and document text is
// valid UTF-8 and not empty.
func fuzzRead(t *testing.T, format string, in []byte) {
	opts := source.Options{Format: format, Stdin: bytes.NewReader(in), MaxRecordBytes: 1 << 16}
	err := source.Read(context.Background(), []string{"-"}, opts, func(it source.Item) error {
		if (it.Doc == nil) == (it.Err == nil) {
			t.Fatalf("item has both or neither of Doc and Err: %+v", it)
		}
		if it.Err != nil {
			var re *source.RecordError
			if !errors.As(it.Err, &re) {
				t.Fatalf("Err is %T, want *source.RecordError", it.Err)
			}
			return nil
		}
		d := it.Doc
		if d.Text == "" || !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || d.ID == "" {
			t.Fatalf("bad doc: id %q text %q title %q", d.ID, d.Text, d.Title)
		}
		for _, w := range d.Warnings {
			if w.Offset < -1 || w.Offset > len(d.Text) {
				t.Fatalf("warning offset %d outside text of %d bytes", w.Offset, len(d.Text))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Read returned %v for bad input; want errors reported as items", err)
	}
}

func addSeeds(f *testing.F, files ...string) {
	for _, name := range files {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, "articles.jsonl", "bad.jsonl")
	f.Add([]byte("{\"text\":\"a\xffb\"}\n[{\"text\":\"x\"}]\n{\"text\":[\"p1\",\"p2\"]}"))
	f.Add([]byte(`{"text":"\ud800"}`))
	f.Add([]byte("[\n{\"text\": \"one\"},\n{\"text\": 2}\n]"))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzRead(t, source.FormatJSONL, in) })
}

func FuzzCSV(f *testing.F) {
	addSeeds(f, "articles.csv", "articles.tsv")
	f.Add([]byte("text,id\n\"a\"\"b\",1\n\"unterminated\n"))
	f.Add([]byte("text\n\"x\"y\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		fuzzRead(t, source.FormatCSV, in)
		fuzzRead(t, source.FormatTSV, in)
	})
}

func FuzzText(f *testing.F) {
	addSeeds(f, "wire.txt", "sameline.txt", "nodate.txt")
	f.Add([]byte(" date 2024-01-02"))
	f.Add([]byte("date: 9\xff\n\nx"))
	f.Add([]byte("\xef\xbb\xbfe\u0301\xc3"))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzRead(t, source.FormatText, in) })
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, "article.html", "nav-only.html")
	f.Add([]byte("<html><body><p>" + string(bytes.Repeat([]byte("word "), 40)) + "</p><time datetime=\"x\"></time></body></html>"))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzRead(t, source.FormatHTML, in) })
}

func FuzzFeed(f *testing.F) {
	addSeeds(f, "feed.rss", "feed.atom")
	f.Add([]byte(`<rss><channel><item><description><![CDATA[<p>a</p><p>b]]></description></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzRead(t, source.FormatRSS, in) })
}
