package source_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/source"
)

// TestRead_DirectoryReadsEveryTextFile: a walk passes over hidden files
// without a word and reads every other file whatever it is called (issue
// #16, bug 3: README*, LICENSE*, NOTICE*, ... and *.md were dropped
// silently, and with them "license-plate-fraud.txt"). A file whose type
// is never text is reported as skipped, not dropped.
func TestRead_DirectoryReadsEveryTextFile(t *testing.T) {
	dir := t.TempDir()
	jpeg := "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"
	for name, body := range map[string]string{
		"license-plate-fraud.txt": "date 2024-01-02\nPolice broke up a licence plate fraud ring.",
		"notice-of-strike.txt":    "Dock workers served notice of a strike.",
		"README.md":               "Clipped article: ministers met in Paris.",
		"LICENSE":                 "license text",
		"CHANGELOG":               "changes",
		"COPYING.txt":             "copying",
		"photo.jpg":               jpeg,
		"scan.pdf.gz":             "%PDF-1.7",
		".hidden.txt":             "Must be skipped without a word.",
		".git/config":             "Must be skipped too.",
		"sub/NOTICE":              "notice",
		"sub/b.jsonl":             `{"id":"b","text":"Another story."}` + "\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var read, skipped []string
	err := source.Read(context.Background(), []string{dir}, source.Options{}, func(it source.Item) error {
		if it.Err != nil {
			var re *source.RecordError
			if !errors.As(it.Err, &re) || !errors.Is(it.Err, source.ErrNotText) || !errors.Is(it.Err, source.ErrUnsupported) {
				t.Errorf("skip %v is not a RecordError with ErrNotText", it.Err)
				return nil
			}
			rel, _ := filepath.Rel(dir, re.Path)
			skipped = append(skipped, rel+": "+it.Err.Error())
			return nil
		}
		rel, _ := filepath.Rel(dir, it.Doc.Source.Path)
		read = append(read, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(read, " "), "CHANGELOG COPYING.txt LICENSE README.md license-plate-fraud.txt notice-of-strike.txt sub/NOTICE sub/b.jsonl"; got != want {
		t.Errorf("read  %s\nwant %s", got, want)
	}
	if len(skipped) != 2 || !strings.HasPrefix(skipped[0], "photo.jpg: ") || !strings.Contains(skipped[0], ".jpg is an image") ||
		!strings.HasPrefix(skipped[1], "scan.pdf.gz: ") || !strings.Contains(skipped[1], ".pdf is an office or PDF document") {
		t.Errorf("skipped %q, want photo.jpg and scan.pdf.gz with their types", skipped)
	}
	for _, s := range skipped {
		if strings.Contains(s, "hidden") || strings.Contains(s, ".git") {
			t.Errorf("a hidden file was reported: %s", s)
		}
	}
	// Named explicitly, a file is read whatever its name says: the
	// extension only keeps a walk from opening what is never text.
	n := 0
	_ = source.Read(context.Background(), []string{writeFile(t, "text.jpg", []byte("A text file with an odd name."))}, source.Options{}, func(it source.Item) error {
		if it.Doc != nil {
			n++
		}
		return nil
	})
	if n != 1 {
		t.Errorf("a named .jpg holding text gave %d documents, want 1", n)
	}
}
