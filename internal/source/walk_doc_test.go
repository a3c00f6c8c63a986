package source_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dateline-project/dateline/internal/source"
)

func TestRead_DirectorySkipsProjectDocs(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"a.txt":      "date 2024-01-02\nA story about a meeting.",
		"README.md":  "# about this corpus",
		"LICENSE":    "license text",
		"notes.md":   "notes",
		"b.jsonl":    `{"id":"b","text":"Another story."}` + "\n",
		"CHANGELOG":  "changes",
		"sub/c.txt":  "A third story.",
		"sub/README": "about sub",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	err := source.Read(context.Background(), []string{dir}, source.Options{}, func(it source.Item) error {
		if it.Err != nil {
			t.Errorf("unexpected error: %v", it.Err)
			return nil
		}
		rel, _ := filepath.Rel(dir, it.Doc.Source.Path)
		got = append(got, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.txt", "b.jsonl", "sub/c.txt"}
	if len(got) != len(want) {
		t.Fatalf("read %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("read %v, want %v", got, want)
		}
	}
	// Named explicitly, a README is read like any file.
	n := 0
	_ = source.Read(context.Background(), []string{filepath.Join(dir, "README.md")}, source.Options{}, func(it source.Item) error {
		if it.Doc != nil {
			n++
		}
		return nil
	})
	if n != 1 {
		t.Errorf("explicit README.md gave %d documents, want 1", n)
	}
}
