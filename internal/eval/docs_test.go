package eval_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/eval"
)

// TestScoreDocs checks that the document scorer reads the story stage's
// main event, with the title and, with NoTitles, without it. The stories
// are written for this test: each title names one event and its body
// another, so the two ways of scoring must disagree.
func TestScoreDocs(t *testing.T) {
	const csv = "id,title,text,label\n" +
		"s1,Kenya and Uganda Sign Trade Agreement,\"Troops from Kenya attacked rebels near the border with Uganda on Monday.\",SUPPORT\n" +
		"s2,Kenya Arrests Opposition Leader,\"Uganda strongly condemned the government of Kenya on Tuesday.\",COERCE\n"
	docs, err := eval.ReadLabelledCSV(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		opts    eval.DocsOptions
		correct int
		preds   []string // the predicted type of each miss, in order
	}{
		{"the title decides", eval.DocsOptions{}, 2, nil},
		{"without titles the body decides", eval.DocsOptions{NoTitles: true}, 0, []string{"ASSAULT", "ACCUSE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := eval.ScoreDocs(context.Background(), load(t), docs, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Accuracy.Correct != tt.correct || rep.Titles == tt.opts.NoTitles {
				t.Errorf("correct %d (titles %v), want %d", rep.Accuracy.Correct, rep.Titles, tt.correct)
			}
			var preds []string
			for _, m := range rep.Misses {
				preds = append(preds, m.Pred...)
			}
			if strings.Join(preds, " ") != strings.Join(tt.preds, " ") {
				t.Errorf("missed with %v, want %v", preds, tt.preds)
			}
		})
	}
}
