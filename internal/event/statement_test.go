package event_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/event"
)

// TestStatements checks the two rules that code events from what a
// statement says rather than from a trigger (statement.go): words of
// disapproval about a named actor are the speaker accusing it, and "must"
// or "should" put on another actor is the speaker's demand. Every sentence
// was written for this test; the word list is the test's own.
func TestStatements(t *testing.T) {
	fsys := fstest.MapFS{"disapproval.tsv": &fstest.MapFile{Data: []byte("word\tmode\nreckless\tdisapprove\nfabricated\tallege\n")}}
	dis, err := event.LoadDisapproval(fsys, "disapproval.tsv")
	if err != nil {
		t.Fatal(err)
	}
	ec := event.New(newTestLexicon(t), testOntology{}, nil, testGovernors(t)).WithBackground(testBackground(t)).WithStatements(dis)
	tests := []struct {
		name, text string
		want       string // "TYPE/mode actor>recipient" of each statement event, joined by " | "
	}{
		{"disapproval of a named actor is an accusation",
			`"The reckless conduct of Russia must stop," Kenya said.`, "ACCUSE/disapprove KEN>RUS | REQUEST/ KEN>RUS"},
		{"a word that alleges is an allegation",
			"Kenya said the report by Russia was fabricated.", "ACCUSE/allege KEN>RUS"},
		{"a government's own country named bare is no target",
			`"This reckless breach of Kenyan airspace will not be tolerated," Kenya said.`, ""},
		{"no named actor, no accusation",
			`"The plan is reckless," Kenya said.`, ""},
		{"a demand on another actor",
			"Kenya said Russia should withdraw its ships.", "REQUEST/ KEN>RUS"},
		{"a conclusion about another actor is no demand",
			"Kenya said Russia must be the country behind the plot.", ""},
		{"a modal perfect infers",
			"Kenya said Russia must have known about the plot.", ""},
		{"a demand to be careful is a demand",
			"Kenya said Russia must be more careful.", "REQUEST/ KEN>RUS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := codeDocWithCoder(t, &doc.Doc{ID: "t", Text: tt.text, Published: time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC)}, ec)
			var got []string
			for _, ev := range d.Events {
				if !strings.Contains(ev.Rule, "statement") && !strings.Contains(ev.Rule, "obligation") {
					continue
				}
				got = append(got, string(ev.Type)+"/"+ev.Mode+" "+codes(ev.Actors)+">"+codes(ev.Recipients))
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
				for _, ev := range d.Events {
					t.Logf("  %s %s %s", ev.Type, d.SpanText(ev.Evidence.Trigger), ev.Rule)
				}
			}
		})
	}
}
