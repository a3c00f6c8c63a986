package quote_test

import (
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

// quoteList renders every quote of a document as kind|text|mention.
func quoteList(d *doc.Doc) []string {
	var out []string
	for _, q := range d.Quotes {
		out = append(out, string(q.Kind)+"|"+d.SpanText(q.Span)+"|"+d.SpanText(q.SpeakerMention))
	}
	return out
}

func checkQuotes(t *testing.T, d *doc.Doc, want []string) {
	t.Helper()
	got := quoteList(d)
	if len(got) != len(want) {
		t.Fatalf("quotes = %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("quote %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestTwoApostrophes: two apostrophes (or two curly ones, or a backtick
// pair and two apostrophes) stand for a double quotation mark, opening or
// closing by where they stand; apostrophes in possessives and elisions
// stay what they are.
func TestTwoApostrophes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"straight apostrophes, cue after",
			"''The ferry will run all winter,'' Leyla Karimova said.",
			[]string{"direct|The ferry will run all winter,|Leyla Karimova"}},
		{"straight apostrophes, cue before",
			"Leyla Karimova said: ''The ferry will run all winter.''",
			[]string{"direct|The ferry will run all winter.|Leyla Karimova"}},
		{"curly apostrophes",
			"’’The ferry will run all winter,’’ Leyla Karimova said.",
			[]string{"direct|The ferry will run all winter,|Leyla Karimova"}},
		{"backticks open, apostrophes close",
			"``The ferry will run all winter,'' Leyla Karimova said.",
			[]string{"direct|The ferry will run all winter,|Leyla Karimova"}},
		{"an interrupted quote",
			"''The ferry runs,'' Leyla Karimova said, ''and the bridge waits.''",
			[]string{"direct|The ferry runs,|Leyla Karimova", "direct|and the bridge waits.|Leyla Karimova"}},
		{"a possessive inside two-apostrophe marks",
			"''The drivers' union agreed,'' Leyla Karimova said.",
			[]string{"direct|The drivers' union agreed,|Leyla Karimova"}},
		{"possessives and contractions are no marks",
			"The students' union won't back the plan, and the farmers’ co-op didn't either.",
			nil},
		{"an elided letter is no quotation",
			"The bar played rock 'n' roll until dawn.",
			nil},
		{"curly elision",
			"The bar played rock ’n’ roll until dawn.",
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := run(t, tc.text)
			checkQuotes(t, d, tc.want)
		})
	}
}
