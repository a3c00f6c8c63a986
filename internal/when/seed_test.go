package when_test

import (
	"os"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/testref"

	"github.com/dateline-project/dateline/internal/doc"
)

// TestSeedDocument reads the shared seed article (not copied into the
// repository) and checks its one event date and its one large count.
func TestSeedDocument(t *testing.T) {
	path := testref.Shared(t, testref.Seed)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed document not available (%v); skipping", err)
	}
	text := strings.TrimLeft(string(raw), " \t\r\n")
	if strings.HasPrefix(text, "date ") {
		// Strip the "date YYYY-MM-DD" header.
		text = strings.TrimLeft(text[len("date 2023-09-16"):], " \t\r\n")
	}
	r := testResolver(t)
	got := r.Find(text, anchor)
	found := false
	for _, x := range got {
		s := text[x.Start:x.End]
		if strings.Contains(s, "30,000") || strings.Contains(s, "30") && x.Precision != doc.PrecisionDay {
			t.Errorf("count read as a time expression: %s", show(text, []doc.TimeExpr{x}))
		}
		if s == "September 12" {
			found = true
			if !x.Value.Equal(date(2023, 9, 12)) || x.Precision != doc.PrecisionDay {
				t.Errorf("September 12 = %s, want 2023-09-12 day", show(text, []doc.TimeExpr{x}))
			}
		}
	}
	if !found {
		t.Errorf("September 12 not found; got %s", show(text, got))
	}
	t.Logf("seed expressions: %s", show(text, got))
}
