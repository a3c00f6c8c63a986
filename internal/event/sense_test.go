package event_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/event/lexicon"
	"github.com/dateline-project/dateline/internal/plover"
)

// senseLexicon is a trigger directory written for TestOneSensePerDiscourse:
// a bare noun "strike" of one type, nominal patterns that make PROTEST and
// ASSAULT senses of it, a verbal PROTEST pattern ending in it, and a
// CONCEDE pattern that only takes it as an object.
func senseLexicon(t *testing.T) *lexicon.Lexicon {
	t.Helper()
	const head = "pattern\tmode\tcontext\tkind\tframe\tnegated\tconfidence\tnote\n"
	rows := map[plover.EventType]string{
		"ASSAULT": "strike/strikes\t\tmilitary\tnoun\tposs>prep:on\t\t0.55\n" +
			"missile strike/strikes\theavy-weapons\tmilitary\tmwe\tposs>prep:on\t\t0.9\n",
		"PROTEST": "general strike\tstrike\tlabor\tmwe\tposs>none\t\t0.9\n" +
			"go on * strike\tstrike\tlabor\tmwe\tsubj>none\t\t0.95\n",
		"CONCEDE": "call off * strike\t\t\tmwe\tsubj>none\t\t0.8\n",
	}
	fsys := fstest.MapFS{}
	for _, typ := range plover.Types() {
		fsys["triggers/"+strings.ToLower(string(typ))+".tsv"] = &fstest.MapFile{Data: []byte(head + rows[typ])}
	}
	fsys["triggers/"+lexicon.InflectionsFile] = &fstest.MapFile{Data: []byte("form\tlemma\nwent\tgo\n")}
	l, err := lexicon.LoadDir(fsys, "triggers")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestOneSensePerDiscourse checks that a bare ambiguous noun takes the
// sense a longer pattern settles in the same document, and only then.
// Every sentence was written for this test.
func TestOneSensePerDiscourse(t *testing.T) {
	lex := senseLexicon(t)
	if got := lex.NounSenses("strike"); len(got) != 2 {
		t.Fatalf("NounSenses(strike) = %v, want ASSAULT and PROTEST", got)
	}
	tests := []struct {
		name, text string
		want       string // type/mode of the bare noun's event
	}{
		{"a walkout settles a later bare strike",
			"The Highland Farmers' League went on strike on Monday. Officials said Kenya's strike on the capital had closed every market.",
			"PROTEST/strike"},
		{"the settling pattern may come after the bare noun",
			"Officials said Kenya's strike on the capital had closed every market. The Highland Farmers' League went on strike on Monday.",
			"PROTEST/strike"},
		{"a military sense keeps the bare noun's own type",
			"Russia launched a missile strike at the depot. Officials said Kenya's strike on the capital had closed every market.",
			"ASSAULT/"},
		{"two senses in one story settle nothing",
			"The Highland Farmers' League began a general strike. Russia's missile strike on Armenia killed two guards. Officials said Kenya's strike on the capital had closed every market.",
			"ASSAULT/"},
		{"a pattern that only takes the noun as its object settles nothing",
			"The Highland Farmers' League will call off the strike on Friday. Officials said Kenya's strike on the capital had closed every market.",
			"ASSAULT/"},
		{"alone, the bare noun keeps its lexicon type",
			"Officials said Kenya's strike on the capital had closed every market.",
			"ASSAULT/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := codeDocWith(t, &doc.Doc{ID: "t", Text: tt.text, Published: time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC)}, lex)
			var got []string
			for _, ev := range d.Events {
				if tr := tt.text[ev.Evidence.Trigger.Start:ev.Evidence.Trigger.End]; tr != "strike" {
					continue
				}
				got = append(got, string(ev.Type)+"/"+ev.Mode)
				if ev.Type == "PROTEST" && !strings.Contains(ev.Rule, "+one_sense_per_discourse") {
					t.Errorf("rule %q does not name the discourse pass", ev.Rule)
				}
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("bare strike coded %q, want %q", g, tt.want)
			}
		})
	}
}
