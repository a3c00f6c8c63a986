package quote_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/actor"
	"github.com/dateline-project/dateline/internal/actor/actortest"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/quote"
	"github.com/dateline-project/dateline/internal/text"
)

var (
	model *text.Model
	cues  *quote.Cues
)

func setup(t testing.TB) {
	t.Helper()
	if model != nil {
		return
	}
	var err error
	if model, err = text.LoadModel(); err != nil {
		t.Fatal(err)
	}
	if cues, err = quote.LoadCues(); err != nil {
		t.Fatal(err)
	}
}

func run(t testing.TB, body string) *doc.Doc {
	t.Helper()
	setup(t)
	d := &doc.Doc{Text: body}
	if err := text.NewAnnotator(model).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := actor.New(actortest.Dict()).WithSpeechVerbs(cues.SpeechVerb).NewStage().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := quote.New(cues).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// describe renders a quote as kind|text|speaker name.
func describe(d *doc.Doc, q doc.Quote) string {
	sp := "?"
	if q.Speaker >= 0 {
		sp = d.Entities[q.Speaker].Name
	}
	return fmt.Sprintf("%s|%s|%s", q.Kind, d.SpanText(q.Span), sp)
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		want     []string
		warnings int
	}{
		{name: "he said after the quote",
			text: `Leyla Karimova, the foreign minister of Azerbaijan, arrived on Monday. "We came to listen, not to lecture," she said.`,
			want: []string{"direct|We came to listen, not to lecture,|Leyla Karimova"}},
		{name: "said the official",
			text: `Leyla Karimova, the foreign minister of Azerbaijan, spoke briefly. "The border stays open for trucks," said the official.`,
			want: []string{"direct|The border stays open for trucks,|Leyla Karimova"}},
		{name: "name then cue, curly quotes",
			text: "“Nothing was agreed,” Leyla Karimova said.",
			want: []string{"direct|Nothing was agreed,|Leyla Karimova"}},
		{name: "cue before the quote",
			text: `Leyla Karimova, the foreign minister of Azerbaijan, said: "Talks will go on next week."`,
			want: []string{"direct|Talks will go on next week.|Leyla Karimova"}},
		{name: "interrupted quote",
			text: `"This is the first step," Leyla Karimova said, "and more will follow."`,
			want: []string{"direct|This is the first step,|Leyla Karimova", "direct|and more will follow.|Leyla Karimova"}},
		{name: "organisation speaker",
			text: `The Kenyan Interior Ministry issued a note. "Curfews remain in force," the ministry said.`,
			want: []string{"direct|Curfews remain in force,|Kenyan Interior Ministry"}},
		{name: "multi-paragraph quote",
			text: "Leyla Karimova, the foreign minister of Azerbaijan, said: \"We have opened the road for cargo.\n\n\"We expect the other side to do the same.\"\n\nShe left at noon.",
			want: []string{"direct|We have opened the road for cargo.\n\n\"We expect the other side to do the same.|Leyla Karimova"}},
		{name: "no cue: the previous speaker",
			text: "\"The road is open,\" Leyla Karimova said.\n\n\"Trucks passed this morning and more will pass tonight.\"",
			want: []string{"direct|The road is open,|Leyla Karimova", "direct|Trucks passed this morning and more will pass tonight.|Leyla Karimova"}},
		{name: "scare quotes",
			text: `Officials dismissed the "blockade" as a myth and mocked the so-called 'peace plan' of the rebels.`,
			want: []string{"scare|blockade|?", "scare|peace plan|?"}},
		{name: "scare quote nested in a direct quote",
			text: `"Talk of a "humanitarian crisis" is invented," Leyla Karimova said.`,
			want: []string{"direct|Talk of a \"humanitarian crisis\" is invented,|Leyla Karimova", "scare|humanitarian crisis|?"}},
		{name: "indirect: noted that",
			text: "Leyla Karimova noted that the talks had stalled over the border.",
			want: []string{"indirect|the talks had stalled over the border|Leyla Karimova"}},
		{name: "indirect: according to",
			text: "According to Leyla Karimova, the convoy reached the city before dawn.",
			want: []string{"indirect|the convoy reached the city before dawn|Leyla Karimova"}},
		{name: "indirect: content first",
			text: "The convoy will not cross the river this week, Leyla Karimova said on Friday.",
			want: []string{"indirect|The convoy will not cross the river this week|Leyla Karimova"}},
		{name: "indirect via pronoun with adverb",
			text: "Leyla Karimova arrived late. She also emphasized that the deal was final.",
			want: []string{"indirect|the deal was final|Leyla Karimova"}},
		{name: "said, then a title before the name",
			text: `"Exports will recover by spring," said Foreign Minister Leyla Karimova.`,
			want: []string{"direct|Exports will recover by spring,|Leyla Karimova"}},
		{name: "the article outside an organisation's mention",
			text: `The World Food Programme warned of shortages. "Stocks last two weeks," the World Food Programme said.`,
			want: []string{"direct|Stocks last two weeks,|World Food Programme"}},
		{name: "a person of an organisation is the speaker",
			text: "Leyla Karimova of the World Food Programme stressed that stocks were low.",
			want: []string{"indirect|stocks were low|Leyla Karimova"}},
		{name: "a question, then the attribution as its own sentence",
			text: `"Who will pay for the road?" Leyla Karimova, the foreign minister of Azerbaijan, said on Monday.`,
			want: []string{"direct|Who will pay for the road?|Leyla Karimova"}},
		{name: "a question, then a new sentence with its own statement",
			text: `"Who will pay for the road?" Leyla Karimova said the answer was obvious.`,
			want: []string{"direct|Who will pay for the road?|?", "indirect|the answer was obvious|Leyla Karimova"}},
		{name: "a possessive country before the speaker",
			text: `"Prices are stable," Kenya's Alpine Relief League said.`,
			want: []string{"direct|Prices are stable,|Alpine Relief League"}},
		{name: "a name in apposition to a role is the speaker",
			text: `"The road stays open," a senior Azerbaijani official, Leyla Karimova, said.`,
			want: []string{"direct|The road stays open,|Leyla Karimova"}},
		{name: "a colon after the addressee introduces the direct quote only",
			text: `Leyla Karimova told reporters in Baku: "The talks will resume."`,
			want: []string{"direct|The talks will resume.|Leyla Karimova"}},
		{name: "a role before its name is no reported content",
			text: `Azerbaijan's foreign minister, Leyla Karimova, wrote on X: "The talks will resume."`,
			want: []string{"direct|The talks will resume.|Leyla Karimova"}},
		{name: "an adverbial after the cue is no reported clause",
			text: `"Nothing is settled," a Kenyan official said on condition of anonymity before the ministers met in Nairobi.`,
			want: []string{"direct|Nothing is settled,|Kenyan official"}},
		{name: "a participle clause after the cue is no reported clause",
			text: `"We stay," Leyla Karimova said, pointing at the trucks that waited at the border.`,
			want: []string{"direct|We stay,|Leyla Karimova"}},
		{name: "the addressee of told is looked up, not assumed",
			text: "Leyla Karimova met Kenyan officials in Nairobi.\n\n\"Prices will fall,\" the minister told the Daily Courier.",
			want: []string{"direct|Prices will fall,|minister"}},
		{name: "content then a speaker with a possessive owner",
			text: "Grain exports rose by a third in the first half of the year, Kenya's Alpine Relief League said on Thursday.",
			want: []string{"indirect|Grain exports rose by a third in the first half of the year|Alpine Relief League"}},
		{name: "it said refers to the organisation",
			text: "The Alpine Relief League sent trucks on Monday. \"More will follow,\" it said.",
			want: []string{"direct|More will follow,|Alpine Relief League"}},
		{name: "a body of a country speaks, not the country",
			text: "Grain prices will rise by a third this year, the Ministry of Kenya said on Tuesday.",
			want: []string{"indirect|Grain prices will rise by a third this year|Ministry"}},
		{name: "a role word before the name after the quote",
			text: `"The strike goes ahead," union leader Leyla Karimova said in Baku.`,
			want: []string{"direct|The strike goes ahead,|Leyla Karimova"}},
		{name: "a place between the speaker and the cue",
			text: `"The road is shut," an official in Nairobi said.`,
			want: []string{"direct|The road is shut,|official"}},
		{name: "adding that makes a second statement",
			text: "Leyla Karimova said that the tunnel would open in May, adding that its cost had doubled.",
			want: []string{"indirect|the tunnel would open in May|Leyla Karimova", "indirect|its cost had doubled|Leyla Karimova"}},
		{name: "unresolved speaker is reported as such",
			text: `"We will return," a resident said.`,
			want: []string{"direct|We will return,|?"}},
		{name: "unbalanced quote warns",
			text: "\"The gates are shut and nobody answers.\n\nThe crowd waited outside.",
			want: []string{"direct|The gates are shut and nobody answers.|?"}, warnings: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := run(t, tt.text)
			var got []string
			for _, q := range d.Quotes {
				got = append(got, describe(d, q))
			}
			for _, w := range tt.want {
				found := false
				for _, g := range got {
					found = found || g == w
				}
				if !found {
					t.Errorf("missing %q\n got %q", w, got)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %d quotes, want %d: %q", len(got), len(tt.want), got)
			}
			if len(d.Warnings) != tt.warnings {
				t.Errorf("warnings = %v, want %d", d.Warnings, tt.warnings)
			}
		})
	}
}

func FuzzQuotes(f *testing.F) {
	for _, s := range []string{`"a," he said, "b."`, `""""""`, `'''`, "«x» „y“", "\"a\n\n\"b\n\n\"c\"", `"x "y "z`, strings.Repeat(`"`, 300),
		`''a,'' he said, ''b.''`, "’’x’’ ‘‘y’’", `'''''`, "``a'' ''", "rock 'n' roll 'n'", "''\n\n''open",
		`"a" — B`, `"x" ― Yan Zee, z`, "\"a\"\n\n— B", `"a" - `, `"a" —`, `""—`, "''a'' – B C", "the series \"X,\" which",
		"Q: a\n\nA: b", "HOLLIS: x y\nREPORTER: y z\n\nMS. A B: c", "A:", "Q: ", "HOLLIS:\nQ: x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		d := run(t, s)
		for _, q := range d.Quotes {
			if q.Start < 0 || q.End > len(s) || q.Start > q.End {
				t.Fatalf("quote span %d-%d outside text of %d bytes", q.Start, q.End, len(s))
			}
			if q.Speaker >= len(d.Entities) {
				t.Fatalf("speaker %d out of range", q.Speaker)
			}
		}
	})
}

// TestOnlyQuoteMarks: a document made of nothing but quotation marks is
// coded with warnings, without a panic, in time linear in its length.
func TestOnlyQuoteMarks(t *testing.T) {
	for _, body := range []string{
		strings.Repeat(`"`, 20000),
		strings.Repeat(`“ `, 5000) + strings.Repeat(`” `, 4000),
		strings.Repeat("'\"«", 3000),
		"\"open\n\n\"again\n\n\"and again",
	} {
		d := run(t, body)
		if len(d.Warnings) == 0 || len(d.Warnings) > 21 {
			t.Errorf("%d warnings for %d bytes of unbalanced quotation marks, want 1 to 21", len(d.Warnings), len(body))
		}
	}
}

// A stray opening mark in text with no paragraph breaks must not open a
// quotation over the rest of the document.
func TestStrayMarkInRunOnText(t *testing.T) {
	var b strings.Builder
	b.WriteString(`The council met on Monday. "The plan is late. `)
	for i := 0; i < 60; i++ {
		b.WriteString("The river rose again near the old mill. ")
	}
	b.WriteString(`Residents left," the mayor said.`)
	d := run(t, b.String())
	for _, q := range d.Quotes {
		if n := strings.Count(d.SpanText(q.Span), "."); n > 25 {
			t.Errorf("a quotation runs over %d sentences: %.60q…", n, d.SpanText(q.Span))
		}
	}
	warned := false
	for _, w := range d.Warnings {
		warned = warned || strings.Contains(w.Message, "not closed within")
	}
	if !warned {
		t.Errorf("the stray mark is not reported: %+v", d.Warnings)
	}
}
