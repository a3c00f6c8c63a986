package story_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/story"
)

var loaded *coder.Coder

func load(t *testing.T) *coder.Coder {
	t.Helper()
	if loaded == nil {
		c, err := coder.Load(coder.Options{Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		loaded = c
	}
	return loaded
}

// codeStory codes a story through the whole pipeline, story stage
// included.
func codeStory(t *testing.T, title, body string) *doc.Doc {
	t.Helper()
	w, err := load(t).NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Doc{ID: "s", Title: title, Text: body}
	if err := w.Code(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSentenceCase(t *testing.T) {
	c := load(t)
	for _, tt := range []struct{ in, want string }{
		{"Rebels in Norway Announce Suspension of Attacks", "Rebels in Norway announce suspension of attacks"},
		{"Kenya and Peru Sign Trade Agreement", "Kenya and Peru sign trade agreement"},
		{"UN Envoy Meets Armenian Officials", "UN envoy meets Armenian officials"},
		{"already in sentence case", "already in sentence case"},
	} {
		got := story.SentenceCase(tt.in, c.KnownName)
		if got != tt.want {
			t.Errorf("SentenceCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) != len(tt.in) {
			t.Errorf("SentenceCase(%q) changed the length", tt.in)
		}
	}
	if got := story.SentenceCase("NATO Troops Leave Kabul", nil); got != "NATO troops leave kabul" {
		t.Errorf("with no name check only acronyms keep their capitals: got %q", got)
	}
}

// TestTitleOffsets: the title's events address the title string, which
// the story stage codes in sentence case without moving a byte.
func TestTitleOffsets(t *testing.T) {
	d := codeStory(t, "Kenya and Uganda Sign Landmark Trade Agreement", "Officials from both countries met in Nairobi on Monday.")
	if d.TitleDoc == nil || len(d.TitleDoc.Events) == 0 {
		t.Fatalf("the title coded no event (title doc %+v)", d.TitleDoc)
	}
	for _, ev := range d.TitleDoc.Events {
		tr := ev.Evidence.Trigger
		if tr.Start < 0 || tr.End > len(d.Title) || tr.Start >= tr.End {
			t.Fatalf("trigger %v lies outside the title", tr)
		}
		if !strings.EqualFold(d.Title[tr.Start:tr.End], d.TitleDoc.SpanText(tr)) {
			t.Errorf("trigger %q in the title, %q in the coded title", d.Title[tr.Start:tr.End], d.TitleDoc.SpanText(tr))
		}
	}
	m := d.Main
	if m == nil || m.Source != doc.MainTitle || m.Type != "SUPPORT" {
		t.Fatalf("main event %+v, want the title's SUPPORT", m)
	}
	if ev := d.MainEventRef(); ev == nil || !strings.HasPrefix(ev.ID, "s-title-") {
		t.Errorf("main event %+v should be a title event", ev)
	}
}

// TestMain checks the choice of a story's main event with short stories
// written for this test.
func TestMain(t *testing.T) {
	tests := []struct {
		name, title, body string
		want              string // type/mode, or "none"
		source            doc.MainSource
	}{
		{"no event, no main event",
			"", "The weather in Nairobi was mild on Monday.", "none", ""},
		{"the lede states the news",
			"", "Kenya expelled two Russian diplomats on Monday.\n\nThe ministry gave no reason.", "SANCTION/expel", doc.MainLede},
		{"a later sentence when the lede has no event",
			"", "It was a quiet morning in Nairobi.\n\nLater, police in Kenya arrested dozens of protesters.", "COERCE/arrest", doc.MainBody},
		{"a promise to withdraw is a concession with its mode",
			"", "Russia agreed to pull its soldiers back from the border with Ukraine.", "CONCEDE/withdraw", doc.MainLede},
		{"a future withdrawal is a concession",
			"", "Russia will withdraw its troops from the border with Ukraine, the ministry said.", "CONCEDE/withdraw", doc.MainLede},
		{"a promise of force is a threat",
			"", "Rebels in Kenya promised to attack government forces if talks fail.", "THREATEN/", doc.MainLede},
		{"a promise to talk is an agreement",
			"", "Kenya agreed to hold talks with Uganda next month.", "AGREE/", doc.MainLede},
		{"an agreement to yield is a concession",
			"", "Protest leaders in Kenya agreed to suspend the demonstrations on Monday.", "CONCEDE/", doc.MainLede},
		{"a refused concession is a refusal",
			"", "The government of Kenya refused to lift the curfew in Nairobi.", "REJECT/", doc.MainLede},
		{"an event after 'following' is background",
			"", "Police in Kenya detained a student following protests and riots by students in Nairobi.", "COERCE/arrest", doc.MainLede},
		{"a fronted phrase ends at its comma",
			"", "After weeks of talks, Kenya lifted the sanctions on Uganda.", "CONCEDE/", doc.MainLede},
		{"a condemned attack is a condemnation",
			"", "Uganda strongly condemned the attack on the embassy of Kenya.", "ACCUSE/disapprove", doc.MainLede},
		{"the headline decides over the body",
			"Kenya and Uganda Sign Landmark Trade Agreement",
			"Troops from Kenya attacked rebels near the border with Uganda.", "SUPPORT/", doc.MainTitle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := codeStory(t, tt.title, tt.body)
			got := "none"
			var src doc.MainSource
			if d.Main != nil {
				got, src = string(d.Main.Type)+"/"+d.Main.Mode, d.Main.Source
				if ev := d.MainEventRef(); ev == nil || ev.Type != d.Main.Type {
					t.Errorf("main event %+v does not point at an event of its type (%+v)", d.Main, ev)
				}
				if d.Main.Confidence <= 0 || d.Main.Confidence > 1 {
					t.Errorf("confidence %v out of (0, 1]", d.Main.Confidence)
				}
			}
			if got != tt.want || src != tt.source {
				var evs []string
				for _, ev := range d.Events {
					evs = append(evs, string(ev.Type)+":"+d.SpanText(ev.Evidence.Trigger))
				}
				t.Errorf("main event %s from %q, want %s from %q (events %v)", got, src, tt.want, tt.source, evs)
			}
		})
	}
}
