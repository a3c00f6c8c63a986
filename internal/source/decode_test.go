package source_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/source"
)

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRead_DecompressedCap checks that a compressed file stops at the
// decompressed size limit with an error naming the file and where it
// stopped, keeping the records read before it.
func TestRead_DecompressedCap(t *testing.T) {
	var jsonl bytes.Buffer
	for i := 0; jsonl.Len() < 10<<10; i++ {
		fmt.Fprintf(&jsonl, `{"id":"r%d","text":"Record %d of a compressed file."}`+"\n", i, i)
	}
	tests := []struct {
		name  string
		file  string
		plain []byte
		max   int64
		// docs is the least number of documents wanted before the cut;
		// all is whether every record must be read.
		docs int
		all  bool
		line bool // the error names a line
	}{
		{name: "jsonl over the cap", file: "a.jsonl.gz", plain: jsonl.Bytes(), max: 1 << 10, docs: 1, line: true},
		{name: "text over the cap", file: "a.txt.gz", plain: bytes.Repeat([]byte("Some article text. "), 600), max: 1 << 10},
		{name: "newlines over the cap", file: "n.jsonl.gz", plain: bytes.Repeat([]byte("\n"), 4<<20), max: 1 << 20, line: true},
		{name: "jsonl under the cap", file: "a.jsonl.gz", plain: jsonl.Bytes(), max: 1 << 20, all: true},
		{name: "exactly at the cap", file: "a.jsonl.gz", plain: jsonl.Bytes(), max: int64(jsonl.Len()), all: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, tt.file, gzipBytes(t, tt.plain))
			docs, errs := collect(t, source.Options{MaxDecompressedBytes: tt.max}, p)
			if tt.all {
				checkErrs(t, errs, nil)
				if want := bytes.Count(tt.plain, []byte("\n")); len(docs) != want {
					t.Errorf("got %d docs, want %d", len(docs), want)
				}
				return
			}
			if len(docs) < tt.docs {
				t.Errorf("got %d docs, want at least %d before the cut", len(docs), tt.docs)
			}
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1: %v", len(errs), errs)
			}
			e := errs[0]
			if !errors.Is(e, source.ErrTooLarge) || e.Path != p || !strings.Contains(e.Error(), fmt.Sprint(tt.max)) {
				t.Errorf("error = %v, want ErrTooLarge for %s naming the limit %d", e, p, tt.max)
			}
			if tt.line && e.Line == 0 {
				t.Errorf("error %v names no line", e)
			}
		})
	}
}

// TestRead_GzipErrorText checks that a gzip error is described once, not
// as "gzip: gzip: ..." or "gzip header: gzip: ...".
func TestRead_GzipErrorText(t *testing.T) {
	gz := gzipBytes(t, []byte(`{"text":"A record in a file with a bad checksum."}`+"\n"))
	gz[len(gz)-8] ^= 0xFF // the CRC-32 in the trailer
	bad := append([]byte{0x1f, 0x8b, 0xFF}, bytes.Repeat([]byte{0}, 20)...)
	for _, tt := range []struct {
		name string
		in   []byte
	}{
		{"checksum", gz},
		{"header", bad},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := collect(t, source.Options{}, writeFile(t, "c.jsonl.gz", tt.in))
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1: %v", len(errs), errs)
			}
			msg := errs[0].Err.Error()
			if !errors.Is(errs[0], source.ErrTruncated) || strings.Count(msg, "gzip") != 1 {
				t.Errorf("error = %q, want ErrTruncated saying gzip once", msg)
			}
		})
	}
}

// TestRead_BlankLines checks that blank lines are skipped while line
// numbers stay right, in JSON Lines and CSV, including inside a quoted CSV
// field where they are text.
func TestRead_BlankLines(t *testing.T) {
	t.Run("jsonl", func(t *testing.T) {
		in := "\n\n  \r\n" + `{"id":"a","text":"one"}` + "\n\n\n \t\n" + `{"id":"b","text":"two"}` + "\n\n"
		docs, errs := collect(t, source.Options{}, writeFile(t, "b.jsonl", []byte(in)))
		checkErrs(t, errs, nil)
		checkDocs(t, docs, []wantDoc{{id: "a", line: 4, textPrefix: "one"}, {id: "b", line: 8, textPrefix: "two"}})
	})
	t.Run("csv", func(t *testing.T) {
		in := "\n\nid,text\n\n\n1,\"para\n\n\nnext\"\n\n2,two\n"
		docs, errs := collect(t, source.Options{}, writeFile(t, "b.csv", []byte(in)))
		checkErrs(t, errs, nil)
		checkDocs(t, docs, []wantDoc{{id: "1", line: 6, textPrefix: "para\n\n\nnext"}, {id: "2", line: 11, textPrefix: "two"}})
	})
}

// TestRead_MaxDocBytes checks that a document whose text is over the
// per-document budget is skipped with an error naming its file and line,
// in every format, and that the documents around it are kept.
func TestRead_MaxDocBytes(t *testing.T) {
	long := strings.Repeat("A long sentence about the talks. ", 10)
	tests := []struct {
		name, file, in string
		docs           int
		line           int
	}{
		{"jsonl", "d.jsonl", `{"text":"short one"}` + "\n" + `{"text":"` + long + `"}` + "\n" + `{"text":"short two"}` + "\n", 2, 2},
		{"csv", "d.csv", "text\nshort one\n\"" + long + "\"\nshort two\n", 2, 3},
		{"txt", "d.txt", "date 2024-01-02\n" + long, 0, 2},
		{"rss", "d.rss", `<rss version="2.0"><channel>` + "\n<item><description>short</description></item>\n<item><description>" + long + "</description></item>\n</channel></rss>", 1, 3},
		{"html", "d.html", "<html><body><article><p>" + long + long + "</p></article></body></html>", 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, tt.file, []byte(tt.in))
			docs, errs := collect(t, source.Options{MaxDocBytes: 100}, p)
			if len(docs) != tt.docs {
				t.Errorf("got %d docs, want %d", len(docs), tt.docs)
			}
			checkErrs(t, errs, []wantErr{{tt.line, source.ErrTooLarge}})
			if len(errs) == 1 && !strings.Contains(errs[0].Error(), "100") {
				t.Errorf("error %v does not name the limit", errs[0])
			}
			// Within the default budget the same input is read whole.
			docs, errs = collect(t, source.Options{}, p)
			if len(docs) != tt.docs+1 || len(errs) != 0 {
				t.Errorf("default budget: %d docs, errors %v", len(docs), errs)
			}
		})
	}
}

// TestRead_ParseErrorPositions checks that HTML and feed parse errors name
// a line: the parser's own position when it gives one, else the line of
// the record (the root element of a feed, line 1 of a page).
func TestRead_ParseErrorPositions(t *testing.T) {
	tests := []struct {
		name, file, in string
		line           int
	}{
		{"feed syntax error", "f.rss", "<rss version=\"2.0\">\n<channel>\n<item>\n<title>x</ti", 4},
		{"feed syntax error on line 1", "f.rss", `<rss version="2.0"><channel><item><title>x</ti`, 1},
		{"not a feed", "f.rss", "<?xml version=\"1.0\"?>\n\n<catalog><book>x</book></catalog>\n", 3},
		{"no markup", "f.rss", "just some words\n", 1},
		{"html nested too deep", "p.html", "<html><body>\n" + strings.Repeat("<div>", 600) + "text</body></html>", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := collect(t, source.Options{}, writeFile(t, tt.file, []byte(tt.in)))
			if len(docs) != 0 {
				t.Errorf("got %d docs", len(docs))
			}
			checkErrs(t, errs, []wantErr{{tt.line, source.ErrMalformed}})
		})
	}
}
