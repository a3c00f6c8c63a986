package coder_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
)

// A user's case-sensitive alias wins over a built-in alias of the same
// letters, as the dictionary README promises.
func TestUserAliasOverridesBuiltIn(t *testing.T) {
	body := "# dateline-dict: organizations\n" +
		"name\taliases\tcountry_code\tsector_code\tother_sector_codes\tnote\n" +
		"Rapid Support Forces\t=RSF\tSDN\tUAF\tMIL\tthe user's reading of RSF\n"
	path := filepath.Join(t.TempDir(), "user.tsv")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := coder.Load(coder.Options{Workers: 1, Dicts: []string{path}})
	if err != nil {
		t.Fatal(err)
	}
	w, err := c.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Doc{ID: "u", Text: "The RSF shelled a market on Monday."}
	if err := w.Code(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		if d.SpanText(e.Span) == "RSF" {
			if e.CountryCode != "SDN" || e.SectorCode != "UAF" {
				t.Errorf("RSF coded %s %s (%s), want the user's SDN UAF", e.CountryCode, e.SectorCode, e.Rule)
			}
			return
		}
	}
	t.Errorf("RSF not recognised: %+v", d.Entities)
}

// A cancelled context stops coding with its error, in the text stage's
// sentence loop or between stages, rather than coding the document.
func TestCode_StopsWhenCancelled(t *testing.T) {
	w := newWorker(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := &doc.Doc{ID: "c", Text: "Troops shelled the town. Talks resumed on Monday."}
	if err := w.Code(ctx, d); !errors.Is(err, context.Canceled) {
		t.Errorf("Code after cancel = %v, want context.Canceled", err)
	}
	if len(d.Events) != 0 {
		t.Errorf("a cancelled document was coded: %d events", len(d.Events))
	}
}
