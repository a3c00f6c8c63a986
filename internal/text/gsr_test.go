package text

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/dateline-project/dateline/internal/testref"

	"github.com/dateline-project/dateline/internal/doc"
)

// TestGSRSentencesStayWhole runs the splitter over the PLOVER gold-standard
// records, each of which is a single sentence, and requires nearly all of
// them to stay whole: a split there is a splitter error.
func TestGSRSentencesStayWhole(t *testing.T) {
	path := testref.Shared(t, "eval/plover-gsr-dev.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("PLOVER gold records not available (%v); they live in ../shared beside the repository", err)
	}
	var recs []struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal(b, &recs); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	a := NewAnnotator(testModel(t))
	split := 0
	for i, r := range recs {
		d := &doc.Doc{Text: r.Text}
		if err := a.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if len(d.Sentences) > 1 {
			split++
			t.Logf("record %d split into %d sentences", i, len(d.Sentences))
		}
	}
	t.Logf("%d of %d single-sentence records split", split, len(recs))
	if len(recs) > 0 && float64(split) > 0.02*float64(len(recs)) {
		t.Errorf("%d of %d single-sentence records split", split, len(recs))
	}
}
