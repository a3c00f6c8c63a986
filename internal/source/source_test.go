package source_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/testref"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/source"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// wantDoc describes an expected document; zero fields are not checked,
// except Published, which is always compared.
type wantDoc struct {
	id, title, url, source string
	line                   int
	textPrefix             string
	published              time.Time
}

type wantErr struct {
	line int
	is   error
}

func checkDocs(t *testing.T, got []*doc.Doc, want []wantDoc) {
	t.Helper()
	if len(got) != len(want) {
		for _, d := range got {
			t.Logf("got %s:%d %q", d.Source.Path, d.Source.Line, d.Text)
		}
		t.Fatalf("got %d docs, want %d", len(got), len(want))
	}
	for i, w := range want {
		d := got[i]
		if w.id != "" && d.ID != w.id {
			t.Errorf("doc %d: ID = %q, want %q", i, d.ID, w.id)
		}
		if d.ID == "" {
			t.Errorf("doc %d: empty ID", i)
		}
		if w.title != "" && d.Title != w.title {
			t.Errorf("doc %d: Title = %q, want %q", i, d.Title, w.title)
		}
		if w.url != "" && d.Source.URL != w.url {
			t.Errorf("doc %d: URL = %q, want %q", i, d.Source.URL, w.url)
		}
		if w.source != "" && d.SourceName != w.source {
			t.Errorf("doc %d: SourceName = %q, want %q", i, d.SourceName, w.source)
		}
		if w.line != 0 && d.Source.Line != w.line {
			t.Errorf("doc %d: Line = %d, want %d", i, d.Source.Line, w.line)
		}
		if !strings.HasPrefix(d.Text, w.textPrefix) {
			t.Errorf("doc %d: Text = %q, want prefix %q", i, d.Text, w.textPrefix)
		}
		if !d.Published.Equal(w.published) {
			t.Errorf("doc %d: Published = %v, want %v", i, d.Published, w.published)
		}
		if !utf8.ValidString(d.Text) {
			t.Errorf("doc %d: invalid UTF-8 text", i)
		}
	}
}

func checkErrs(t *testing.T, got []*source.RecordError, want []wantErr) {
	t.Helper()
	if len(got) != len(want) {
		for _, e := range got {
			t.Logf("got error %v", e)
		}
		t.Fatalf("got %d errors, want %d", len(got), len(want))
	}
	for i, w := range want {
		e := got[i]
		if e.Line != w.line {
			t.Errorf("error %d (%v): Line = %d, want %d", i, e, e.Line, w.line)
		}
		if w.is != nil && !errors.Is(e, w.is) {
			t.Errorf("error %d (%v): want errors.Is %v", i, e, w.is)
		}
		if e.Path == "" {
			t.Errorf("error %d (%v): empty Path", i, e)
		}
	}
}

func TestRead_Fixtures(t *testing.T) {
	tests := []struct {
		file string
		opts source.Options
		docs []wantDoc
		errs []wantErr
	}{
		{file: "wire.txt", docs: []wantDoc{{line: 2, textPrefix: "NORTHPORT, Freedonia, March 5.", published: day(2024, 3, 5)}}},
		{file: "sameline.txt", docs: []wantDoc{{line: 1, textPrefix: "HARBOUR CITY, Ruritania", published: day(2024, 3, 6)}}},
		{file: "nodate.txt", docs: []wantDoc{{line: 1, textPrefix: "The prime minister"}}},
		{
			file: "articles.jsonl",
			docs: []wantDoc{
				{id: "a1", line: 1, title: "Talks to resume", url: "https://example.org/a1", source: "Example Wire", textPrefix: "Freedonia said", published: day(2024, 3, 5)},
				{id: "a2", line: 2, textPrefix: "Ruritania recalled", published: time.Date(2024, 3, 6, 10, 30, 0, 0, time.UTC)},
				{line: 4, textPrefix: "The parliament"},
			},
		},
		{
			file: "bad.jsonl",
			docs: []wantDoc{{id: "b1", line: 1}, {id: "b3", line: 3}, {id: "b6", line: 6}},
			errs: []wantErr{{2, source.ErrMalformed}, {4, source.ErrMalformed}, {5, source.ErrNoText}},
		},
		{
			file: "articles.csv",
			docs: []wantDoc{
				{id: "c1", line: 2, title: "Talks", textPrefix: "Freedonia and Sylvania agreed", published: day(2024, 3, 5)},
				{id: "c2", line: 3, textPrefix: "The minister said \"no\" to the plan.\n\nA second", published: day(2024, 3, 6)},
				{id: "c4", line: 7, textPrefix: "A record after", published: day(2024, 3, 8)},
			},
			errs: []wantErr{{6, source.ErrMalformed}},
		},
		{
			file: "articles.tsv",
			docs: []wantDoc{
				{id: "t1", line: 2, title: "Talks", textPrefix: `Freedonia said "maybe" to talks.`, published: day(2024, 3, 5)},
				{id: "t2", line: 3, textPrefix: "A quoted field, with a tab\tinside", published: day(2024, 3, 6)},
				{id: "t4", line: 5, textPrefix: `The 5" screen`, published: day(2024, 3, 8)},
			},
			errs: []wantErr{{4, source.ErrMalformed}},
		},
		{
			file: "article.html",
			docs: []wantDoc{{
				line: 1, title: "Freedonia and Sylvania resume talks", url: "https://example.org/news/talks",
				textPrefix: "NORTHPORT, Freedonia, March 5. The foreign ministers",
				published:  time.Date(2024, 3, 5, 6, 0, 0, 0, time.UTC),
			}},
		},
		{file: "nav-only.html", errs: []wantErr{{0, source.ErrNoArticle}}},
		{
			file: "feed.rss",
			docs: []wantDoc{
				{id: "https://example.org/news/1", line: 7, title: "Talks resume", url: "https://example.org/news/1", source: "Example Wire",
					textPrefix: "Freedonia and Sylvania resumed talks.\n\nA second paragraph.", published: time.Date(2024, 3, 5, 6, 0, 0, 0, time.UTC)},
				{line: 14, textPrefix: "Ruritania recalled", published: time.Date(2024, 3, 6, 9, 15, 0, 0, time.UTC)},
			},
			errs: []wantErr{{20, source.ErrNoText}},
		},
		{
			file: "feed.atom",
			docs: []wantDoc{{id: "urn:example:1", line: 6, title: "Border reopened", url: "https://example.org/atom/1",
				textPrefix: "The border crossing", published: time.Date(2024, 3, 6, 12, 0, 0, 0, time.UTC)}},
		},
		{
			// Forcing a format overrides the extension.
			file: "articles.jsonl", opts: source.Options{Format: "txt"},
			docs: []wantDoc{{line: 1, textPrefix: `{"id":"a1"`}},
		},
		{
			// A mapped field is looked up under its mapped name only.
			file: "articles.csv", opts: source.Options{Fields: map[string]string{"text": "title", "title": "body"}},
			docs: []wantDoc{
				{id: "c1", textPrefix: "Talks", title: "Freedonia and Sylvania agreed to meet, officials said.", published: day(2024, 3, 5)},
				{id: "c2", textPrefix: "Quoted", published: day(2024, 3, 6)},
				{id: "c4", textPrefix: "After", published: day(2024, 3, 8)},
			},
			errs: []wantErr{{6, source.ErrMalformed}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.opts.Format, func(t *testing.T) {
			docs, errs := collect(t, tt.opts, filepath.Join("testdata", tt.file))
			checkDocs(t, docs, tt.docs)
			checkErrs(t, errs, tt.errs)
			for _, d := range docs {
				if d.Source.Path != filepath.Join("testdata", tt.file) {
					t.Errorf("Source.Path = %q", d.Source.Path)
				}
			}
		})
	}
}

// writeFile writes content into a fresh temporary directory.
func writeFile(t testing.TB, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRead_Text(t *testing.T) {
	tests := []struct {
		name, in  string
		line      int
		text      string
		published time.Time
		warn      string
	}{
		// Text is the file after the header, as it is: offsets index it.
		{"header line", "date 2024-01-02\nBody here.\n", 2, "Body here.\n", day(2024, 1, 2), ""},
		{"leading space, same line", " date 2024-01-02 Body here.", 1, "Body here.", day(2024, 1, 2), ""},
		{"spaces after the header", "date 2024-01-02  \t\nBody.", 2, "Body.", day(2024, 1, 2), ""},
		{"colon form, blank lines kept", "date: 2024-01-02\n\n\nBody here.", 2, "\n\nBody here.", day(2024, 1, 2), ""},
		{"RFC3339 header", "date 2024-01-02T23:30:00-02:00\nBody.", 2, "Body.", time.Date(2024, 1, 3, 1, 30, 0, 0, time.UTC), ""},
		{"prose starting with date", "Date palms grow in the oasis.", 1, "Date palms grow in the oasis.", time.Time{}, ""},
		{"bad date warns", "date 2024-13-45\nBody.", 2, "Body.", time.Time{}, "unrecognised date"},
		{"no header, white space kept", "\n\n  Body after blanks.\n\n", 1, "\n\n  Body after blanks.\n\n", time.Time{}, ""},
		{"CRLF kept", "date 2024-01-02\r\nFirst.\r\n\r\nSecond.\r\n", 2, "First.\r\n\r\nSecond.\r\n", day(2024, 1, 2), ""},
		{"BOM stripped", "\uFEFFdate 2024-01-02\nBody.", 2, "Body.", day(2024, 1, 2), ""},
		{"not normalised", "Cafe\u0301 de Flore.", 1, "Cafe\u0301 de Flore.", time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := collect(t, source.Options{}, writeFile(t, "in.txt", []byte(tt.in)))
			checkErrs(t, errs, nil)
			checkDocs(t, docs, []wantDoc{{line: tt.line, textPrefix: tt.text, published: tt.published}})
			if docs[0].Text != tt.text {
				t.Errorf("Text = %q, want %q", docs[0].Text, tt.text)
			}
			gotWarn := ""
			for _, w := range docs[0].Warnings {
				gotWarn += w.Message
			}
			if (tt.warn == "") != (gotWarn == "") || !strings.Contains(gotWarn, tt.warn) {
				t.Errorf("warnings = %q, want %q", gotWarn, tt.warn)
			}
		})
	}
}

// TestRead_Seed reads the project's seed article, when the shared folder
// is present, and checks that its date header (which follows a space and
// shares its line with the body) is parsed.
func TestRead_Seed(t *testing.T) {
	p := testref.Shared(t, testref.Seed)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("seed document not available (%v); it lives in the shared folder beside the repository", err)
	}
	docs, errs := collect(t, source.Options{}, p)
	checkErrs(t, errs, nil)
	if len(docs) != 1 {
		t.Fatalf("got %d docs", len(docs))
	}
	d := docs[0]
	if want := day(2023, 9, 16); !d.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", d.Published, want)
	}
	if strings.HasPrefix(strings.TrimSpace(d.Text), "date") {
		t.Errorf("the header is part of Text: %.40q", d.Text)
	}
	if d.Source.Line != 1 || d.Source.Format != source.FormatText {
		t.Errorf("Source = %+v", d.Source)
	}
}

func TestRead_BadInputs(t *testing.T) {
	binary := []byte("PK\x03\x04\x00\x00binary\x00content")
	tests := []struct {
		name    string
		file    string
		content []byte
		opts    source.Options
		docs    int
		errs    []wantErr
	}{
		{name: "empty txt", file: "e.txt", content: nil, errs: []wantErr{{0, source.ErrEmpty}}},
		{name: "empty jsonl", file: "e.jsonl", content: nil, errs: []wantErr{{0, source.ErrEmpty}}},
		{name: "blank jsonl", file: "e.jsonl", content: []byte("\n\n  \n"), errs: []wantErr{{0, source.ErrEmpty}}},
		{name: "whitespace txt", file: "e.txt", content: []byte(" \n\n \n"), errs: []wantErr{{1, source.ErrNoText}}},
		{name: "header only csv", file: "e.csv", content: []byte("id,text\n"), errs: []wantErr{{0, source.ErrEmpty}}},
		{name: "csv without text column", file: "e.csv", content: []byte("id,name\n1,x\n"), errs: []wantErr{{1, source.ErrNoText}}},
		{name: "binary txt", file: "b.txt", content: binary, errs: []wantErr{{0, source.ErrBinary}}},
		{name: "binary jsonl", file: "b.jsonl", content: binary, errs: []wantErr{{0, source.ErrBinary}}},
		{name: "control bytes", file: "b.txt", content: bytes.Repeat([]byte("ab\x01\x02\x03"), 100), errs: []wantErr{{0, source.ErrBinary}}},
		{name: "empty feed", file: "f.rss", content: []byte(`<rss version="2.0"><channel><title>x</title></channel></rss>`), errs: []wantErr{{0, source.ErrEmpty}}},
		{name: "broken feed", file: "f.rss", content: []byte(`<rss version="2.0"><channel><item><title>x</ti`), errs: []wantErr{{1, source.ErrMalformed}}},
		{name: "empty html", file: "p.html", content: []byte(`<html><body></body></html>`), errs: []wantErr{{0, source.ErrNoArticle}}},
		{name: "csv unterminated quote", file: "q.csv", content: []byte("id,text\n1,\"open\n2,more\n"), docs: 1, errs: []wantErr{{2, source.ErrMalformed}}},
		{name: "csv bare quote", file: "q.csv", content: []byte("id,text\n1,a \"b\" c\n2,fine\n"), docs: 1, errs: []wantErr{{2, source.ErrMalformed}}},
		{name: "csv too long", file: "q.csv", opts: source.Options{MaxRecordBytes: 64},
			content: []byte("id,text\n1,short\n2,\"" + strings.Repeat("long\n", 40) + "\"\n3,after\n"), docs: 2, errs: []wantErr{{3, source.ErrTooLarge}}},
		{name: "jsonl scalar", file: "s.jsonl", content: []byte("42\n{\"text\":\"ok\"}\n"), docs: 1, errs: []wantErr{{1, source.ErrMalformed}}},
		{name: "jsonl array of objects", file: "s.jsonl", content: []byte(`[{"text":"one"},{"text":"two"},{"id":"3"}]` + "\n"), docs: 2, errs: []wantErr{{1, source.ErrNoText}}},
		{name: "jsonl text not string", file: "s.jsonl", content: []byte(`{"text":{"a":1}}` + "\n"), errs: []wantErr{{1, source.ErrMalformed}}},
		{name: "txt too large", file: "big.txt", opts: source.Options{MaxRecordBytes: 10}, content: []byte("0123456789abc"), errs: []wantErr{{0, source.ErrTooLarge}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := collect(t, tt.opts, writeFile(t, tt.file, tt.content))
			if len(docs) != tt.docs {
				t.Errorf("got %d docs, want %d", len(docs), tt.docs)
			}
			checkErrs(t, errs, tt.errs)
		})
	}
}

func TestRead_HugeLine(t *testing.T) {
	const max = 1 << 20
	var buf bytes.Buffer
	buf.WriteString(`{"id":"first","text":"before the huge line"}` + "\n")
	buf.WriteString(`{"id":"huge","text":"`)
	for buf.Len() < 3*max {
		buf.WriteString("word ")
	}
	buf.WriteString("\"}\n")
	buf.WriteString(`{"id":"last","text":"after the huge line"}` + "\n")
	p := writeFile(t, "huge.jsonl", buf.Bytes())

	docs, errs := collect(t, source.Options{MaxRecordBytes: max}, p)
	checkDocs(t, docs, []wantDoc{{id: "first", line: 1}, {id: "last", line: 3}})
	checkErrs(t, errs, []wantErr{{2, source.ErrTooLarge}})
}

// TestRead_HugeLineMemory writes a single JSONL line of more than 200 MB and
// checks that reading it allocates far less than the line's size.
func TestRead_HugeLineMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 200 MB file")
	}
	const size = 210 << 20
	p := filepath.Join(t.TempDir(), "huge.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("abcdefgh"), 8192)
	f.WriteString(`{"id":"before","text":"a"}` + "\n" + `{"text":"`)
	for n := 0; n < size; n += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	f.WriteString("\"}\n" + `{"id":"after","text":"b"}` + "\n")
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	var before, after runtimeMem
	before.read()
	docs, errs := collect(t, source.Options{}, p)
	after.read()
	checkDocs(t, docs, []wantDoc{{id: "before", line: 1}, {id: "after", line: 3}})
	checkErrs(t, errs, []wantErr{{2, source.ErrTooLarge}})
	// The default limit is 32 MiB; the line reader holds at most that much
	// (with append's growth) before giving up on the line.
	if got := after.totalAlloc - before.totalAlloc; got > 100<<20 {
		t.Errorf("reading allocated %d MiB for a %d MiB line", got>>20, size>>20)
	}
}

func TestRead_Gzip(t *testing.T) {
	var plain bytes.Buffer
	for i := 0; i < 2000; i++ {
		plain.WriteString(`{"text":"Record number ` + strings.Repeat("x", i%50) + ` in a compressed file."}` + "\n")
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(plain.Bytes())
	zw.Close()

	t.Run("whole", func(t *testing.T) {
		docs, errs := collect(t, source.Options{}, writeFile(t, "a.jsonl.gz", gz.Bytes()))
		checkErrs(t, errs, nil)
		if len(docs) != 2000 {
			t.Fatalf("got %d docs, want 2000", len(docs))
		}
	})
	t.Run("magic without .gz", func(t *testing.T) {
		docs, _ := collect(t, source.Options{}, writeFile(t, "a.jsonl", gz.Bytes()))
		if len(docs) != 2000 {
			t.Fatalf("got %d docs, want 2000", len(docs))
		}
	})
	t.Run("truncated", func(t *testing.T) {
		cut := gz.Bytes()[:gz.Len()*2/3]
		docs, errs := collect(t, source.Options{}, writeFile(t, "a.jsonl.gz", cut))
		if len(docs) == 0 || len(docs) >= 2000 {
			t.Errorf("got %d docs, want those before the cut", len(docs))
		}
		if len(errs) != 1 {
			t.Fatalf("got %d errors, want 1: %v", len(errs), errs)
		}
		e := errs[0]
		if !errors.Is(e, source.ErrTruncated) || e.Offset <= 0 || e.Offset > int64(len(cut)) || !strings.Contains(e.Error(), "byte") {
			t.Errorf("error = %v (offset %d), want ErrTruncated at a byte offset within %d", e, e.Offset, len(cut))
		}
	})
	t.Run("truncated txt", func(t *testing.T) {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(bytes.Repeat([]byte("Some article text. "), 5000))
		zw.Close()
		_, errs := collect(t, source.Options{}, writeFile(t, "a.txt.gz", b.Bytes()[:b.Len()/2]))
		checkErrs(t, errs, []wantErr{{0, source.ErrTruncated}})
	})
	t.Run("header only", func(t *testing.T) {
		_, errs := collect(t, source.Options{}, writeFile(t, "a.txt.gz", gz.Bytes()[:5]))
		checkErrs(t, errs, []wantErr{{0, source.ErrTruncated}})
	})
}

func TestRead_UnreadablePaths(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "b-good.txt")
	os.WriteFile(good, []byte("A readable document."), 0o644)
	if err := os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "a-broken.txt")); err != nil {
		t.Skipf("symlinks unsupported: %v", err)
	}
	t.Run("broken symlink in directory", func(t *testing.T) {
		docs, errs := collect(t, source.Options{}, dir)
		if len(docs) != 1 || docs[0].Source.Path != good {
			t.Errorf("docs = %v", docs)
		}
		checkErrs(t, errs, []wantErr{{0, nil}})
		if !errors.Is(errs[0], os.ErrNotExist) {
			t.Errorf("error %v does not wrap ErrNotExist", errs[0])
		}
	})
	t.Run("nonexistent path, reading goes on", func(t *testing.T) {
		docs, errs := collect(t, source.Options{}, filepath.Join(dir, "nope.txt"), good)
		if len(docs) != 1 {
			t.Errorf("got %d docs", len(docs))
		}
		checkErrs(t, errs, []wantErr{{0, os.ErrNotExist}})
	})
	t.Run("permission denied", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("running as root: chmod 000 does not deny reads")
		}
		p := filepath.Join(t.TempDir(), "secret.txt")
		os.WriteFile(p, []byte("hidden"), 0o000)
		_, errs := collect(t, source.Options{}, p)
		checkErrs(t, errs, []wantErr{{0, os.ErrPermission}})
	})
}

func TestRead_Directory(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b.txt":          "Second by name.",
		"a.txt":          "First by name.",
		"sub/c.txt":      "In a subdirectory.",
		".hidden.txt":    "Must be skipped.",
		".git/config":    "Must be skipped too.",
		"sub/d.jsonl":    `{"text":"From JSON Lines."}`,
		"sub/e.unknown":  `{"text":"Sniffed as JSON Lines."}`,
		"sub/f.xml":      `<?xml version="1.0"?><rss version="2.0"><channel><item><description>Sniffed as a feed.</description></item></channel></rss>`,
		"sub/g.noextens": "Sniffed as text.",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), 0o644)
	}
	docs, errs := collect(t, source.Options{}, dir)
	checkErrs(t, errs, nil)
	var got []string
	for _, d := range docs {
		got = append(got, d.Source.Format+":"+d.Text)
	}
	want := []string{
		"txt:First by name.", "txt:Second by name.", "txt:In a subdirectory.",
		"jsonl:From JSON Lines.", "jsonl:Sniffed as JSON Lines.", "rss:Sniffed as a feed.", "txt:Sniffed as text.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestRead_Stdin(t *testing.T) {
	html, _ := os.ReadFile(filepath.Join("testdata", "article.html"))
	rss, _ := os.ReadFile(filepath.Join("testdata", "feed.rss"))
	atom, _ := os.ReadFile(filepath.Join("testdata", "feed.atom"))
	tests := []struct {
		name, in, format string
		docs             int
	}{
		{"jsonl", "\n  {\"text\":\"one\"}\n{\"text\":\"two\"}\n", "jsonl", 2},
		{"rss", string(rss), "rss", 2},
		{"atom", string(atom), "rss", 1},
		{"html", string(html), "html", 1},
		{"doctype lower", strings.Replace(string(html), "<!DOCTYPE html>", "<!doctype html>", 1), "html", 1},
		{"txt", "date 2024-01-02\nPlain text from a pipe.", "txt", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, _ := collect(t, source.Options{Stdin: strings.NewReader(tt.in)}, "-")
			if len(docs) != tt.docs {
				t.Fatalf("got %d docs, want %d", len(docs), tt.docs)
			}
			for _, d := range docs {
				if d.Source.Format != tt.format || d.Source.Path != source.StdinPath {
					t.Errorf("Source = %+v, want format %s from %s", d.Source, tt.format, source.StdinPath)
				}
			}
		})
	}
}

func TestRead_InvalidUTF8(t *testing.T) {
	t.Run("txt", func(t *testing.T) {
		docs, errs := collect(t, source.Options{}, writeFile(t, "l.txt", []byte("date 2024-01-02\nCaf\xe9 au lait, na\xefve.")))
		checkErrs(t, errs, nil)
		d := docs[0]
		if d.Text != "Caf\uFFFD au lait, na\uFFFDve." {
			t.Errorf("Text = %q", d.Text)
		}
		if len(d.Warnings) != 2 {
			t.Fatalf("warnings = %v", d.Warnings)
		}
		w := d.Warnings[0]
		if d.Text[w.Offset:w.Offset+3] != "\uFFFD" || !strings.Contains(w.Message, "byte 19") {
			t.Errorf("warning %+v does not point at the replacement (input byte 19)", w)
		}
	})
	for _, tt := range []struct{ name, file, in string }{
		{"jsonl", "l.jsonl", "{\"text\":\"Caf\xe9.\"}\n"},
		{"csv", "l.csv", "text\nCaf\xe9.\n"},
		{"tsv", "l.tsv", "text\nCaf\xe9.\n"},
		{"html", "l.html", "<html><body><article><p>Caf\xe9. " + strings.Repeat("Enough words to make an article here. ", 5) + "</p></article></body></html>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := collect(t, source.Options{}, writeFile(t, tt.file, []byte(tt.in)))
			checkErrs(t, errs, nil)
			if len(docs) != 1 {
				t.Fatalf("got %d docs", len(docs))
			}
			d := docs[0]
			if !strings.HasPrefix(d.Text, "Caf\uFFFD.") || len(d.Warnings) == 0 || !strings.Contains(d.Warnings[0].Message, "byte") {
				t.Errorf("Text = %q, warnings = %v", d.Text, d.Warnings)
			}
		})
	}
	t.Run("latin-1 html with declared charset", func(t *testing.T) {
		in := "<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>Caf\xe9. " + strings.Repeat("Enough words to make an article here. ", 5) + "</p></article></body></html>"
		docs, _ := collect(t, source.Options{}, writeFile(t, "l.html", []byte(in)))
		if len(docs) != 1 || !strings.HasPrefix(docs[0].Text, "Caf\u00e9.") {
			t.Errorf("docs = %v", docs)
		}
	})
}

func TestRead_UTF16(t *testing.T) {
	in := []byte{0xFF, 0xFE}
	for _, r := range "date 2024-01-02\nWide text." {
		in = append(in, byte(r), 0)
	}
	docs, errs := collect(t, source.Options{}, writeFile(t, "w.txt", in))
	checkErrs(t, errs, nil)
	checkDocs(t, docs, []wantDoc{{line: 2, textPrefix: "Wide text.", published: day(2024, 1, 2)}})
}

func TestRead_Fatal(t *testing.T) {
	p := filepath.Join("testdata", "articles.jsonl")
	t.Run("emit error stops and is returned", func(t *testing.T) {
		stop := errors.New("stop")
		n := 0
		err := source.Read(context.Background(), []string{p, p}, source.Options{}, func(source.Item) error {
			n++
			return stop
		})
		if err != stop || n != 1 {
			t.Errorf("err = %v after %d items, want %v after 1", err, n, stop)
		}
	})
	t.Run("cancel", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		n := 0
		err := source.Read(ctx, []string{p, p}, source.Options{}, func(source.Item) error {
			n++
			cancel()
			return nil
		})
		if !errors.Is(err, context.Canceled) || n != 1 {
			t.Errorf("err = %v after %d items", err, n)
		}
	})
	t.Run("bad options", func(t *testing.T) {
		for _, o := range []source.Options{{Format: "pdf"}, {Fields: map[string]string{"body": "text"}}, {Fields: map[string]string{"text": ""}}} {
			if err := source.Read(context.Background(), []string{p}, o, func(source.Item) error { return nil }); err == nil {
				t.Errorf("Read with %+v: no error", o)
			}
		}
	})
}

func TestRecordError(t *testing.T) {
	base := errors.New("boom")
	for _, tt := range []struct {
		e    source.RecordError
		want string
	}{
		{source.RecordError{Path: "a.jsonl", Line: 3, Offset: 99, Err: base}, "a.jsonl:3: boom"},
		{source.RecordError{Path: "a.gz", Offset: 1234, Err: base}, "a.gz: byte 1234: boom"},
		{source.RecordError{Path: "a.txt", Err: base}, "a.txt: boom"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if !errors.Is(&tt.e, base) {
			t.Errorf("%v does not unwrap", &tt.e)
		}
	}
}

func TestDocID(t *testing.T) {
	a, b := source.DocID("some text"), source.DocID("some text")
	if a != b || len(a) != 16 || a == source.DocID("other text") {
		t.Errorf("DocID: %q %q", a, b)
	}
}

func TestRead_JSONDocument(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		lines []int
		errs  []wantErr
	}{
		{
			name:  "pretty array",
			in:    "[\n  {\n    \"text\": \"one\"\n  },\n  {\"text\": \"two\"},\n  {\"id\": \"no text\"},\n  {\"text\": \"four\"}\n]\n",
			lines: []int{2, 5, 7},
			errs:  []wantErr{{6, source.ErrNoText}},
		},
		{
			name:  "concatenated objects",
			in:    "{\n \"text\": \"one\"\n}\n{\n \"text\": \"two\"\n}\n",
			lines: []int{1, 4},
		},
		{
			name:  "syntax error keeps what came before",
			in:    "[\n{\"text\": \"one\"},\n{\"text\": oops},\n{\"text\": \"three\"}\n]",
			lines: []int{2},
			errs:  []wantErr{{3, source.ErrMalformed}},
		},
		{
			name:  "array of scalars",
			in:    "[\n1,\n{\"text\": \"two\"}\n]",
			lines: []int{3},
			errs:  []wantErr{{2, source.ErrMalformed}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := collect(t, source.Options{}, writeFile(t, "export.json", []byte(tt.in)))
			var lines []int
			for _, d := range docs {
				lines = append(lines, d.Source.Line)
			}
			if !slices.Equal(lines, tt.lines) {
				t.Errorf("doc lines = %v, want %v", lines, tt.lines)
			}
			checkErrs(t, errs, tt.errs)
		})
	}
}

func TestRead_HTMLDates(t *testing.T) {
	body := "<p>" + strings.Repeat("The delegation arrived in the capital for talks on the border. ", 6) + "</p>"
	page := func(head, bodyExtra string) string {
		return "<!doctype html><html><head><title>T</title>" + head + "</head><body><article>" + body + body + bodyExtra + "</article></body></html>"
	}
	tests := []struct {
		name string
		in   string
		want time.Time
		warn bool
	}{
		{"og meta", page(`<meta property="article:published_time" content="2024-02-01T10:00:00Z">`, ""), time.Date(2024, 2, 1, 10, 0, 0, 0, time.UTC), false},
		{"itemprop meta", page(`<meta itemprop="datePublished" content="2024-02-02">`, ""), day(2024, 2, 2), false},
		{"json-ld", page(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"T","datePublished":"2024-02-03T00:00:00Z"}</script>`, ""), day(2024, 2, 3), false},
		{"time element", page("", `<time datetime="2024-02-04">4 February</time>`), day(2024, 2, 4), false},
		{"none", page("", ""), time.Time{}, false},
		{"unparseable", page(`<meta name="pubdate" content="sometime soon">`, ""), time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := collect(t, source.Options{}, writeFile(t, "p.html", []byte(tt.in)))
			checkErrs(t, errs, nil)
			checkDocs(t, docs, []wantDoc{{textPrefix: "The delegation", published: tt.want}})
			if got := len(docs[0].Warnings) > 0; got != tt.warn {
				t.Errorf("warnings = %v, want some: %v", docs[0].Warnings, tt.warn)
			}
			if strings.Contains(docs[0].Text, "schema.org") {
				t.Errorf("script text leaked into Text: %q", docs[0].Text)
			}
		})
	}
}

// TestRead_TextAsGiven: offsets index Doc.Text, so it must be the text as
// the input gives it, with nothing trimmed or normalised, in every format
// whose text the user can see as given.
func TestRead_TextAsGiven(t *testing.T) {
	const body = " Officials in Bogota\u0301 said \u2026\r\n\r\nMore.\n"
	jsonText, _ := json.Marshal(map[string]string{"text": body})
	tests := []struct {
		name, file, in, want string
	}{
		{"txt", "a.txt", body, body},
		{"txt with header", "a.txt", "date 2024-01-02\n" + body, body},
		{"jsonl", "a.jsonl", string(jsonText) + "\n", body},
		{"jsonl array text", "a.jsonl", `{"text":[" One.","Two. "]}` + "\n", " One.\n\nTwo. "},
		{"csv, CRLF in a quoted field", "a.csv", "id,text\r\nx,\" Officials said.\r\n\r\nMore.\"\r\n", " Officials said.\r\n\r\nMore."},
		{"tsv", "a.tsv", "id\ttext\nx\t Officials in Bogota\u0301 said.\n", " Officials in Bogota\u0301 said."},
		// gofeed trims an item's description; the rest is kept.
		{"rss, plain description", "a.rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title><description> Officials in Bogota` + "\u0301" + ` said. </description></item></channel></rss>`,
			"Officials in Bogota\u0301 said."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := collect(t, source.Options{}, writeFile(t, tt.file, []byte(tt.in)))
			checkErrs(t, errs, nil)
			if len(docs) != 1 {
				t.Fatalf("got %d docs", len(docs))
			}
			if docs[0].Text != tt.want {
				t.Errorf("Text = %q, want %q", docs[0].Text, tt.want)
			}
		})
	}
}

// TestDocID_StableAcrossTrimmingAndNormalising: readers used to trim and
// normalise the text before hashing it; ids must not change now that the
// text is kept as given.
func TestDocID_StableAcrossTrimmingAndNormalising(t *testing.T) {
	want := source.DocID("Caf\u00e9 de Flore.")
	for _, s := range []string{"Cafe\u0301 de Flore.", " \nCaf\u00e9 de Flore.\r\n", "\tCafe\u0301 de Flore. "} {
		if got := source.DocID(s); got != want {
			t.Errorf("DocID(%q) = %s, want %s", s, got, want)
		}
	}
	if source.DocID("Caf\u00e9 de Flore") == want {
		t.Error("DocID ignores a change of text")
	}
}
