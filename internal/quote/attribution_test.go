package quote_test

import (
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

// attribution renders a quote for these tests: kind|text|speaker words
// (the mention, "" when none)|index of the quote it continues.
func attribution(d *doc.Doc, q doc.Quote) string {
	return string(q.Kind) + "|" + d.SpanText(q.Span) + "|" + d.SpanText(q.SpeakerMention) + "|" + itoa(q.Continues)
}

func itoa(i int) string {
	if i < 0 {
		return "-"
	}
	return string(rune('0' + i))
}

// TestAttributionFromParse covers the attribution issue's causes, one
// construction a case, in sentences written for the test.
func TestAttributionFromParse(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // attribution of each direct quote, in order
	}{
		{"a continuation takes the speaker and the mention",
			`"The pumps failed at noon," she said. "Nobody told us until the evening."`,
			[]string{`direct|The pumps failed at noon,|she|-`, `direct|Nobody told us until the evening.|she|0`}},
		{"a partial quote inside reported speech",
			`Leyla Karimova said the agreement had "run its course" and would lapse.`,
			[]string{`direct|run its course|Leyla Karimova|-`}},
		{"a description speaker with no name",
			`"Back to the dugout he goes," the announcer said.`,
			[]string{`direct|Back to the dugout he goes,|the announcer|-`}},
		{"an inverted description speaker",
			`"Stay behind the tape," shouted a firefighter from the roof.`,
			[]string{`direct|Stay behind the tape,|a firefighter|-`}},
		{"a verb of saying beyond said",
			`"Open the books," Leyla Karimova demanded.`,
			[]string{`direct|Open the books,|Leyla Karimova|-`}},
		{"a title and a bracket around the name",
			`"We will block the bill," Sen. Marta Quill (R-Ohio) said on Tuesday.`,
			[]string{`direct|We will block the bill,|Sen. Marta Quill|-`}},
		{"a long title before the name",
			`"The schedule stands," county press secretary Omar Lindqvist said.`,
			[]string{`direct|The schedule stands,|Omar Lindqvist|-`}},
		{"a title inside the name is the title, and the speaker the person",
			`"The case is closed," Harlow County Circuit Judge Nadia Ferro said.`,
			[]string{`direct|The case is closed,|Harlow County Circuit Judge Nadia Ferro|-`}},
		{"a curly apostrophe in the name",
			`"We rebuilt the pier," Declan O’Rourke said.`,
			[]string{`direct|We rebuilt the pier,|Declan O’Rourke|-`}},
		{"a partial quote after a comma and saying",
			`Leyla Karimova criticised the plan, saying it was "a gift to smugglers."`,
			[]string{`direct|a gift to smugglers.|Leyla Karimova|-`}},
		{"so-called marks distance, not a quote",
			`Leyla Karimova said the so-called "peace dividend" never came.`,
			[]string{`scare|peace dividend||-`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := run(t, tc.text)
			var got []string
			for _, q := range d.Quotes {
				if q.Kind != doc.IndirectQuote {
					got = append(got, attribution(d, q))
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("quotes = %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("quote %d = %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestStaleSpeakerCleared checks that a cue whose speaker is not found
// ends the previous speaker's turn.
func TestStaleSpeakerCleared(t *testing.T) {
	d := run(t, `"We will rebuild," Leyla Karimova said. "The river rose too fast," someone in the crowd said. "It always does."`)
	last := d.Quotes[len(d.Quotes)-1]
	if last.Speaker >= 0 && d.Entities[last.Speaker].Name == "Leyla Karimova" {
		t.Errorf("the last quote went back to Leyla Karimova: %s", attribution(d, last))
	}
}

// TestIndirectSpeech covers reported speech the word-order rules missed,
// and two kinds of clause that report nothing.
func TestIndirectSpeech(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // kind|text|speaker words|continues of each indirect quote
	}{
		{"an auxiliary and an adverb before the verb",
			`Leyla Karimova has long said the ferry loses money every winter.`,
			[]string{`indirect|the ferry loses money every winter|Leyla Karimova|-`}},
		{"a description as the subject",
			`Transport officials in the county told drivers on Monday that the bridge would stay shut.`,
			[]string{`indirect|the bridge would stay shut|Transport officials|-`}},
		{"a cue inside the statement",
			`The convoy, Leyla Karimova said, waited at the border for six hours.`,
			[]string{`indirect|The convoy, Leyla Karimova said, waited at the border for six hours|Leyla Karimova|-`}},
		{"according to, after the statement",
			`Four houses burned down overnight, according to the county fire service.`,
			[]string{`indirect|Four houses burned down overnight|the county fire service|-`}},
		{"according to a document, its source speaks",
			`According to a statement from the county fire service, four houses burned down.`,
			[]string{`indirect|four houses burned down|the county fire service|-`}},
		{"a role for a body speaks, after the statement",
			`The bridge will stay shut until May, a spokesman for the county fire service said.`,
			[]string{`indirect|The bridge will stay shut until May|a spokesman for the county fire service|-`}},
		{"a statement whose verb the tagger read as a participle",
			`Israeli airstrikes killed at least 30 people in Gaza overnight, health officials said.`,
			[]string{`indirect|Israeli airstrikes killed at least 30 people in Gaza overnight|health officials|-`}},
		{"a relative 'that' opens no statement",
			`Leyla Karimova urged the ministry to reopen roads that have been closed since March.`, nil},
		{"an indirect question asserts nothing",
			`Leyla Karimova would not say how long the closure might last.`, nil},
		{"a negated verb reports nothing",
			`Leyla Karimova never said the plant would close.`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := run(t, tc.text)
			var got []string
			for _, q := range d.Quotes {
				if q.Kind == doc.IndirectQuote {
					got = append(got, attribution(d, q))
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("indirect quotes = %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("quote %d = %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}
