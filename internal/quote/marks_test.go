package quote_test

import (
	"strings"
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

// TestTitles: names of works and undertakings, and nicknames, in
// quotation marks are titles with no speaker, whatever punctuation the
// marks take in; statements that merely start with a capital stay
// statements.
func TestTitles(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"a series, comma inside the marks",
			`Viewers loved the series "Harbour Lights," which ran for six seasons.`,
			[]string{"title|Harbour Lights,|"}},
		{"a book in apposition",
			`Her first book, "The Salt Roads," sold forty thousand copies.`,
			[]string{"title|The Salt Roads,|"}},
		{"a documentary, comma outside",
			`The documentary "Cold Water", shot over two winters, opened the festival.`,
			[]string{"title|Cold Water|"}},
		{"a military operation",
			`The army began Operation "Iron Gate" before dawn.`,
			[]string{"title|Iron Gate|"}},
		{"a title with commas of its own",
			`Her podcast, "Rain, Rent and Ruin," has a million listeners.`,
			[]string{"title|Rain, Rent and Ruin,|"}},
		{"a participle of naming",
			`The police ran a sweep dubbed "Clean Streets" across the district.`,
			[]string{"title|Clean Streets|"}},
		{"full stop inside the marks at the sentence's end",
			`The band closed with the song "Paper Moon."`,
			[]string{"title|Paper Moon.|"}},
		{"a nickname between first name and surname",
			`Tomas "The Mountain" Reyes won the final in four rounds.`,
			[]string{"title|The Mountain|"}},
		{"a capitalised statement after said: is a quote",
			`Leyla Karimova said: "Harbour Lights will close in May."`,
			[]string{"direct|Harbour Lights will close in May.|Leyla Karimova"}},
		{"a lower-case clause after a title noun is a quote",
			`"The film shows what the war did," Leyla Karimova said.`,
			[]string{"direct|The film shows what the war did,|Leyla Karimova"}},
		{"a verb before the marks is no title noun",
			`"They show Courage," Leyla Karimova said of the crews.`,
			[]string{"direct|They show Courage,|Leyla Karimova"}},
		{"a title-cased clause after a title noun is a quote",
			`The operation "Will Go On," the ministry said.`,
			[]string{"direct|Will Go On,|the ministry"}},
		{"what a work is called is no title",
			`Critics called the film "Masterful," and the director agreed.`,
			[]string{"direct|Masterful,|"}},
		{"a distanced term is still a scare quote",
			`The ministry called the closures a "realignment" of services.`,
			[]string{"scare|realignment|"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := run(t, tc.text)
			checkQuotes(t, d, tc.want)
			for _, q := range d.Quotes {
				if q.Kind == doc.TitleQuote && (q.Speaker >= 0 || q.Cue.End > q.Cue.Start || q.Rule == "") {
					t.Errorf("title %q has speaker %d, cue %v, rule %q; want none, none and a rule", d.SpanText(q.Span), q.Speaker, q.Cue, q.Rule)
				}
			}
		})
	}
}

// TestTitleLeavesTheSpeakerAlone: a title between two quotes of one
// speaker is no statement, so the second quote still carries on the
// first.
func TestTitleLeavesTheSpeakerAlone(t *testing.T) {
	d := run(t, `"We filmed for four winters," Leyla Karimova said. Her film, "Cold Water," opens on Friday. "Nobody expected it to be shown."`)
	var got []string
	for _, q := range d.Quotes {
		got = append(got, attribution(d, q))
	}
	want := []string{
		`direct|We filmed for four winters,|Leyla Karimova|-`,
		`title|Cold Water,||-`,
		`direct|Nobody expected it to be shown.|Leyla Karimova|0`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("quotes =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// quoteRules renders each quote as kind|text|mention|speaker|rule, with
// the rule's data-file reference cut off.
func quoteRules(d *doc.Doc) []string {
	var out []string
	for _, q := range d.Quotes {
		sp := "-"
		if q.Speaker >= 0 {
			sp = d.Entities[q.Speaker].Name
		}
		rule, _, _ := strings.Cut(q.Rule, " ")
		out = append(out, strings.Join([]string{string(q.Kind), d.SpanText(q.Span), d.SpanText(q.SpeakerMention), sp, rule}, "|"))
	}
	return out
}

// TestDashBylines: a quotation followed by a dash and a name is that
// person's, with the dash as its cue; a dash that goes on with a clause
// is no byline.
func TestDashBylines(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"horizontal bar, name and title",
			`"The river does not care about our budget." ― Leyla Karimova, county engineer`,
			[]string{"direct|The river does not care about our budget.|Leyla Karimova|Leyla Karimova|byline_dash"}},
		{"em dash against the name",
			`"We keep the lights on."—Leyla Karimova`,
			[]string{"direct|We keep the lights on.|Leyla Karimova|Leyla Karimova|byline_dash"}},
		{"spaced hyphen",
			`"Never again." - Leyla Karimova, mayor of Elm Creek`,
			[]string{"direct|Never again.|Leyla Karimova|Leyla Karimova|byline_dash"}},
		{"en dash and a title before the name",
			`"Stocks last two weeks." – Finance Director Leyla Karimova, in a letter to staff`,
			// No entity there: the capitalised words are the mention.
			[]string{"direct|Stocks last two weeks.|Finance Director Leyla Karimova|-|byline_dash"}},
		{"a name the recognizer does not know",
			"\"Slow is smooth, and smooth is fast.\" — Marisol Quenby-Tarrant",
			[]string{"direct|Slow is smooth, and smooth is fast.|Marisol Quenby-Tarrant|-|byline_dash"}},
		{"the byline opens the next paragraph",
			"\"We keep the lights on.\"\n\n― Leyla Karimova",
			[]string{"direct|We keep the lights on.|Leyla Karimova|Leyla Karimova|byline_dash"}},
		{"a clause after the dash is no byline",
			`"The dam will hold" — Leyla Karimova doubted it then and doubts it now.`,
			[]string{"direct|The dam will hold||-|no_cue"}},
		{"a verb of saying after the dash is the cue",
			`"The dam will hold" — Leyla Karimova said, and nobody argued.`,
			[]string{"direct|The dam will hold|Leyla Karimova|Leyla Karimova|cue_after_quote"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := run(t, tc.text)
			got := quoteRules(d)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("quotes =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			for _, q := range d.Quotes {
				if q.Rule == "byline_dash" && !strings.ContainsAny(d.SpanText(q.Cue), "—―–-") {
					t.Errorf("byline cue %q is not the dash", d.SpanText(q.Cue))
				}
			}
		})
	}
}

// TestTranscriptLabels: a paragraph (or a line of a paragraph) that opens
// with a speaker's label in capitals and a colon is that speaker's
// statement; datelines, headings and lone capitalised words are not.
func TestTranscriptLabels(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"a surname label finds the person named before",
			"Leyla Karimova runs the county shelter.\n\nKARIMOVA: We filled every bed last winter.\n\nREPORTER: And this year?",
			[]string{"direct|We filled every bed last winter.|KARIMOVA|Leyla Karimova|transcript_label",
				"direct|And this year?|REPORTER|-|transcript_label"}},
		{"question and answer",
			"Q: Will the shelter open in May?\n\nA: Yes.",
			[]string{"direct|Will the shelter open in May?|Q|-|transcript_label", "direct|Yes.|A|-|transcript_label"}},
		{"honorifics and full names",
			"MS. MARISOL QUENBY: We filled every bed.\n\nMR. TOMAS REYNARD: So did we, twice over.",
			// The actor stage reads the capitalised names as persons.
			[]string{"direct|We filled every bed.|MARISOL QUENBY|MARISOL QUENBY|transcript_label",
				"direct|So did we, twice over.|TOMAS REYNARD|TOMAS REYNARD|transcript_label"}},
		{"labelled lines inside one paragraph",
			"Leyla Karimova spoke to the host.\n\nHOST: Welcome back to the show.\nKARIMOVA: Thanks for having me again.",
			[]string{"direct|Welcome back to the show.|HOST|-|transcript_label",
				"direct|Thanks for having me again.|KARIMOVA|Leyla Karimova|transcript_label"}},
		{"a statement reported inside a transcript line is that line's",
			"Leyla Karimova runs the shelter.\n\nKARIMOVA: The mayor said the shelter would close in May.",
			[]string{"direct|The mayor said the shelter would close in May.|KARIMOVA|Leyla Karimova|transcript_label"}},
		{"a wire dateline is no label",
			"BAKU, Sept 16 (Reuters) - The talks resumed on Monday after a week of delays.", nil},
		{"a capitalised dateline before a colon is no label",
			"DUBAI: The ports reopened on Monday after a week of storms.", nil},
		{"heading words are no labels",
			"UPDATE: The road has reopened to traffic.\n\nWARNING: Expect delays on the bridge tonight.", nil},
		{"an editor's note is no label",
			"EDITOR'S NOTE: This story was corrected to fix a date.", nil},
		{"a lone capitalised word with no person behind it",
			"SMALLVILLE: The council voted to close the pool.", nil},
		{"a country is no label",
			"Leyla Karimova met officials.\n\nKENYA: The talks resumed on Monday.\n\nKARIMOVA: We filled every bed.",
			[]string{"direct|We filled every bed.|KARIMOVA|Leyla Karimova|transcript_label"}},
		{"a label inside a sentence is none",
			"The sign on the gate read KARIMOVA: KEEP OUT, and nobody went in.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := run(t, tc.text)
			got := quoteRules(d)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("quotes =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestNoSpeakerInsideATitle: the actor stage may take a title's words
// for a person and resolve a pronoun to it; a title speaks no words, so
// the quote's speaker stays unresolved.
func TestNoSpeakerInsideATitle(t *testing.T) {
	d := run(t, `Viewers loved the series "Harbour Lights," which ran for six seasons. "I want to be on a stage again," she said.`)
	want := []string{"title|Harbour Lights,||-|title_noun", "direct|I want to be on a stage again,|she|-|cue_parse"}
	if got := quoteRules(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("quotes =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
