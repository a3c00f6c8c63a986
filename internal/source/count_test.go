package source_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/dateline-project/dateline/internal/source"
)

// TestCount: Count gives the number of items Read emits, skipped records
// and files included, and declines inputs that cannot be read twice.
func TestCount(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	txt := write("a.txt", "date 2024-01-02\nLIMA - Farmers blocked a highway.\n")
	jsonl := write("b.jsonl", `{"id":"1","text":"One."}`+"\n{broken\n"+`{"id":"3","text":"Three."}`+"\n")
	tree := filepath.Join(dir, "tree")
	write("tree/c.txt", "Another report.")
	write("tree/photo.png", "\x89PNG")
	write("tree/.hidden.txt", "never read")
	for _, c := range []struct {
		name   string
		inputs []string
		want   int
		ok     bool
	}{
		{"one text file", []string{txt}, 1, true},
		{"records and a bad line", []string{jsonl}, 3, true},
		{"a tree with a skipped file", []string{tree}, 2, true},
		{"all", []string{txt, jsonl, tree}, 6, true},
		{"stdin", []string{txt, "-"}, 0, false},
		{"missing file", []string{filepath.Join(dir, "nope.txt")}, 1, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			n, ok, err := source.Count(context.Background(), c.inputs, source.Options{})
			if err != nil || n != c.want || ok != c.ok {
				t.Errorf("Count = %d, %v, %v; want %d, %v", n, ok, err, c.want, c.ok)
			}
			if !c.ok {
				return
			}
			docs, errs := collect(t, source.Options{}, c.inputs...)
			if len(docs)+len(errs) != n {
				t.Errorf("Read emits %d items, Count says %d", len(docs)+len(errs), n)
			}
		})
	}
	if runtime.GOOS != "windows" {
		fifoDir := filepath.Join(dir, "withfifo")
		if err := os.Mkdir(fifoDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := mkfifo(filepath.Join(fifoDir, "pipe.txt")); err != nil {
			t.Skip("mkfifo:", err)
		}
		if _, ok, err := source.Count(context.Background(), []string{fifoDir}, source.Options{}); ok || err != nil {
			t.Errorf("a tree with a named pipe: ok %v err %v, want a refusal", ok, err)
		}
	}
}
