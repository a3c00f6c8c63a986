package coder_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/testref"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/pipeline"
	"github.com/dateline-project/dateline/internal/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var loaded *coder.Coder

func load(t testing.TB) *coder.Coder {
	t.Helper()
	if loaded == nil {
		c, err := coder.Load(coder.Options{})
		if err != nil {
			t.Fatal(err)
		}
		loaded = c
	}
	return loaded
}

// newWorker returns a worker of the shared test coder.
func newWorker(t testing.TB) *coder.Worker {
	t.Helper()
	w, err := load(t).NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// codeText codes text as a document of its own with worker w.
func codeText(t testing.TB, w *coder.Worker, text string) *doc.Doc {
	t.Helper()
	d := &doc.Doc{ID: "text", Text: text}
	if err := w.Code(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// codeFiles reads and codes inputs in order, failing on any skipped record.
func codeFiles(t *testing.T, inputs ...string) []*doc.Doc {
	t.Helper()
	c := load(t)
	var docs []*doc.Doc
	err := c.Runner().Run(context.Background(), func(emit func(pipeline.Item) error) error {
		return source.Read(context.Background(), inputs, source.Options{}, func(it source.Item) error {
			return emit(pipeline.Item{Doc: it.Doc, Err: it.Err})
		})
	}, func(it pipeline.Item) error {
		if it.Err != nil {
			t.Errorf("skipped: %v", it.Err)
			return nil
		}
		docs = append(docs, it.Doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestSeedDocument(t *testing.T) {
	path := testref.Shared(t, testref.Seed)
	docs := codeFiles(t, path)
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	d := docs[0]
	if got, want := d.Published.Format("2006-01-02"), "2023-09-16"; got != want {
		t.Errorf("published = %s, want %s", got, want)
	}
	if d.Dateline == nil {
		t.Fatal("no dateline")
	}
	if got, want := d.Dateline.Place, "Baku"; got != want {
		t.Errorf("dateline place = %q, want %q", got, want)
	}
	if got, want := d.Dateline.Date.Format("2006-01-02"), "2023-09-16"; got != want {
		t.Errorf("dateline date = %s, want %s", got, want)
	}
	if got, want := d.Dateline.CountryCode, "AZE"; got != want {
		t.Errorf("dateline country = %q, want %q", got, want)
	}
	var agencies []string
	for _, a := range d.Agencies {
		agencies = append(agencies, a.Name)
	}
	if !strings.Contains(strings.Join(agencies, ","), "Trend") {
		t.Errorf("agencies = %v, want Trend among them", agencies)
	}
	// Counted by hand: nine paragraphs; fifteen sentences, the dateline
	// being its own.
	if got, want := len(d.Paragraphs), 9; got != want {
		t.Errorf("paragraphs = %d, want %d", got, want)
	}
	if got, want := len(d.Sentences), 15; got != want {
		t.Errorf("sentences = %d, want %d", got, want)
	}
}

// exampleDirs lists the demo corpus's directories, in name order.
func exampleDirs(t *testing.T, root string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(root, "examples"))
	if err != nil {
		return nil
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(root, "examples", e.Name()))
		}
	}
	return dirs
}

// TestGolden codes the demo corpus and compares each record with its
// golden file. Run `go test ./internal/coder -update` to rewrite them and
// review the diff. The corpus is examples/'s subdirectories, as the
// README's command (examples/*/) has it: a walk of examples/ itself would
// code its README.md too, as it does any text file.
func TestGolden(t *testing.T) {
	root := testref.RepoRoot(t)
	dirs := exampleDirs(t, root)
	if len(dirs) == 0 {
		t.Skip("no examples/ directory yet")
	}
	docs := codeFiles(t, dirs...)
	if len(docs) == 0 {
		t.Fatal("examples/ yielded no documents")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	for _, d := range docs {
		rec := output.FromDoc(d, output.Options{})
		rec.Source.Path, _ = filepath.Rel(root, rec.Source.Path)
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	golden := filepath.Join("testdata", "golden", "examples.jsonl")
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		gotLines, wantLines := strings.Split(buf.String(), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gotLines) && i < len(wantLines); i++ {
			if gotLines[i] != wantLines[i] {
				t.Fatalf("output differs from %s at line %d:\n got: %s\nwant: %s\n(run with -update and review the diff if the change is intended)", golden, i+1, gotLines[i], wantLines[i])
			}
		}
		t.Fatalf("output differs from %s in length (%d vs %d lines); run with -update and review the diff", golden, len(gotLines), len(wantLines))
	}
}

// TestDatedRoles checks that a person named in a dated dictionary entry is
// resolved by the document's date.
func TestDatedRoles(t *testing.T) {
	w := newWorker(t)
	for _, tt := range []struct{ date, want string }{{"2001-03-05", "Heydar Aliyev"}, {"2019-03-05", "Ilham Aliyev"}} {
		pub, _ := time.Parse("2006-01-02", tt.date)
		d := &doc.Doc{ID: tt.date, Text: "Aliyev said the talks would continue.", Published: pub}
		if err := w.Code(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if len(d.Entities) == 0 || d.Entities[0].Name != tt.want {
			t.Errorf("%s: entities %+v, want %s first", tt.date, d.Entities, tt.want)
		}
	}
}

// TestPlaceRecipient: a trigger that takes a recipient but names no actor
// for it takes the country the clause places the event in.
func TestPlaceRecipient(t *testing.T) {
	w := newWorker(t)
	d := &doc.Doc{ID: "pr", Text: "Iran threatened to begin a fresh offensive in Iraq unless its demands were met."}
	if err := w.Code(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, ev := range d.Events {
		if ev.Type == "THREATEN" && len(ev.Actors) > 0 && ev.Actors[0].CountryCode == "IRN" &&
			len(ev.Recipients) > 0 && ev.Recipients[0].CountryCode == "IRQ" {
			return
		}
	}
	t.Errorf("no THREATEN IRN -> IRQ in %+v", d.Events)
}
