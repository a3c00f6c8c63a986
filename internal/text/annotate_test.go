package text

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/testref"

	"github.com/dateline-project/dateline/internal/doc"
)

func annotate(tb testing.TB, text string) *doc.Doc {
	tb.Helper()
	d := &doc.Doc{Text: text}
	if err := NewAnnotator(testModel(tb)).Process(context.Background(), d); err != nil {
		tb.Fatalf("Process: %v", err)
	}
	checkInvariants(tb, d)
	return d
}

func tokenTexts(d *doc.Doc) []string {
	out := make([]string, len(d.Tokens))
	for i, t := range d.Tokens {
		out[i] = d.SpanText(t.Span)
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // tokens joined by |
	}{
		{"straight quotes", `He said "no."`, `He|said|"|no|.|"`},
		{"curly quotes", `“Yes,” she said.`, `“|Yes|,|”|she|said|.`},
		{"guillemets and low quote", `«Non» and „Ja“`, `«|Non|»|and|„|Ja|“`},
		{"single quotes", `the 'gray zones' here`, `the|'|gray|zones|'|here`},
		{"curly single quotes", `a ‘gray zone’ here`, `a|‘|gray|zone|’|here`},
		{"possessive", `Azerbaijan's army`, `Azerbaijan|'s|army`},
		{"curly possessive", `Azerbaijan’s army`, `Azerbaijan|’s|army`},
		{"plural possessive", `the Smiths' house`, `the|Smiths|'|house`},
		{"negation", `don't can't won't isn’t`, `do|n't|ca|n't|wo|n't|is|n’t`},
		{"contractions", `they're we'll I'm you've he'd`, `they|'re|we|'ll|I|'m|you|'ve|he|'d`},
		{"names with apostrophes", `O'Brien and al-Qa'ida`, `O'Brien|and|al-Qa'ida`},
		{"hyphenated", `Nagorno-Karabakh, al-Assad and a 30-year truce`, `Nagorno-Karabakh|,|al-Assad|and|a|30-year|truce`},
		{"dashes", `Baku - the capital — and Yerevan – too`, `Baku|-|the|capital|—|and|Yerevan|–|too`},
		{"double hyphen", `end--start`, `end|--|start`},
		{"numbers", `30,000 people, 3.5 percent, 1,250,000.75 and 10:30`, `30,000|people|,|3.5|percent|,|1,250,000.75|and|10:30`},
		{"a decimal after a hyphen", `a magnitude-7.9 quake, a 6.5-magnitude one, Route-66.`, `a|magnitude-7.9|quake|,|a|6.5-magnitude|one|,|Route-66|.`},
		{"iso date", `on 2023-09-16.`, `on|2023-09-16|.`},
		{"list commas", `1,2 and 3`, `1|,|2|and|3`},
		{"money and percent", `$25 million, 40% and €3`, `$|25|million|,|40|%|and|€|3`},
		{"abbreviations", `U.S. and U.K. envoys met Sept. 12 at 5 p.m.`, `U.S.|and|U.K.|envoys|met|Sept.|12|at|5|p.m.`},
		{"titles", `Dr. Smith, Gen. Jones and Lt. Col. Brown`, `Dr.|Smith|,|Gen.|Jones|and|Lt.|Col.|Brown`},
		{"number abbreviation", `No. 5 but No.`, `No.|5|but|No|.`},
		{"initials", `J. R. Smith and George W. Bush`, `J.|R.|Smith|and|George|W.|Bush`},
		{"company", `Acme Inc. said`, `Acme|Inc.|said`},
		{"url", `see https://example.com/a?b=1.`, `see|https://example.com/a?b=1|.`},
		{"www", `(www.example.org)`, `(|www.example.org|)`},
		{"email", `write to press.office@example.co.uk, now`, `write|to|press.office@example.co.uk|,|now`},
		{"domain", `Trend.az reports`, `Trend.az|reports`},
		{"ellipsis", `wait... and…`, `wait|...|and|…`},
		{"brackets", `(OCHA) [sic] {x}`, `(|OCHA|)|[|sic|]|{|x|}`},
		{"initialism compound", `U.S.-led talks`, `U.S.-led|talks`},
		{"AT&T", `AT&T and R&D`, `AT&T|and|R&D`},
		{"decade", `the '90s`, `the|'90s`},
		{"backticks", "``Hi,'' he said", "``|Hi|,|''|he|said"},
		{"non-latin", `Москва и Київ`, `Москва|и|Київ`},
		{"nbsp", "a\u00a0b", `a|b`},
		{"terminals", `Really?! Yes!`, `Really|?|!|Yes|!`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.in)
			if got := strings.Join(tokenTexts(d), "|"); got != tt.want {
				t.Errorf("tokens of %q:\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenKinds(t *testing.T) {
	d := annotate(t, `“Azerbaijan’s 30,000 troops,” he said - 5% of $1.`)
	want := []doc.TokenKind{doc.QuoteMark, doc.Word, doc.Word, doc.Number, doc.Word, doc.Punct, doc.QuoteMark,
		doc.Word, doc.Word, doc.Punct, doc.Number, doc.Symbol, doc.Word, doc.Symbol, doc.Number, doc.Punct}
	if len(d.Tokens) != len(want) {
		t.Fatalf("got %d tokens %q, want %d", len(d.Tokens), tokenTexts(d), len(want))
	}
	for i, tk := range d.Tokens {
		if tk.Kind != want[i] {
			t.Errorf("token %d %q: kind %d, want %d", i, d.SpanText(tk.Span), tk.Kind, want[i])
		}
	}
	space := []bool{false, false, false, true, true, false, false, true, true, true, true, false, true, true, false, false}
	for i, tk := range d.Tokens {
		if tk.SpaceBefore != space[i] {
			t.Errorf("token %d %q: SpaceBefore %v, want %v", i, d.SpanText(tk.Span), tk.SpaceBefore, space[i])
		}
	}
}

func TestTokenUpper(t *testing.T) {
	for _, tc := range []struct {
		text  string
		upper []bool
	}{
		{"Élodie met the UN envoy in 2024.", []bool{true, false, false, true, false, false, false, false}},
		{"“Kyiv” said 3rd-party ǅemal", []bool{false, true, false, false, false, true}},
	} {
		d := annotate(t, tc.text)
		if len(d.Tokens) != len(tc.upper) {
			t.Fatalf("%q: got tokens %q, want %d", tc.text, tokenTexts(d), len(tc.upper))
		}
		for i, tk := range d.Tokens {
			if tk.Upper != tc.upper[i] {
				t.Errorf("%q token %d %q: Upper %v, want %v", tc.text, i, d.SpanText(tk.Span), tk.Upper, tc.upper[i])
			}
		}
	}
}

func sentenceTexts(d *doc.Doc) []string {
	out := make([]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = d.SpanText(s.Span)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"plain", "Talks resumed. Both sides agreed!", []string{"Talks resumed.", "Both sides agreed!"}},
		{"country abbreviations", "The U.S. and the U.K. signed. The U.N. agreed.",
			[]string{"The U.S. and the U.K. signed.", "The U.N. agreed."}},
		{"abbreviation ends sentence", "Aid came from the U.S. The army left.",
			[]string{"Aid came from the U.S.", "The army left."}},
		{"abbreviation before name", "The U.S. President arrived.", []string{"The U.S. President arrived."}},
		{"month", "It happened on Sept. 16. Nobody saw it.", []string{"It happened on Sept. 16.", "Nobody saw it."}},
		{"titles", "Dr. Aliyev met Gen. Smith and Lt. Col. Brown. Mr. Jones was absent.",
			[]string{"Dr. Aliyev met Gen. Smith and Lt. Col. Brown.", "Mr. Jones was absent."}},
		{"company", "Acme Inc. said profits fell. Shares dropped.", []string{"Acme Inc. said profits fell.", "Shares dropped."}},
		{"company at end", "He works for Acme Inc. The firm is small.", []string{"He works for Acme Inc.", "The firm is small."}},
		{"number abbreviation", "Resolution No. 5 passed. It was late.", []string{"Resolution No. 5 passed.", "It was late."}},
		{"clock", "They met at 10 a.m. and left at 2 p.m. Officials declined to comment.",
			[]string{"They met at 10 a.m. and left at 2 p.m.", "Officials declined to comment."}},
		{"clock with day", "The vote is at 9 a.m. Monday in Baku.", []string{"The vote is at 9 a.m. Monday in Baku."}},
		{"saint", "He lives in St. Petersburg. It is cold.", []string{"He lives in St. Petersburg.", "It is cold."}},
		{"initials", "J. R. Smith and George W. Bush spoke. They agreed.",
			[]string{"J. R. Smith and George W. Bush spoke.", "They agreed."}},
		{"decimal", "Growth was 3.5 percent. Inflation fell.", []string{"Growth was 3.5 percent.", "Inflation fell."}},
		{"decimal after a hyphen", "A magnitude-7.9 quake hit. Towns fell.", []string{"A magnitude-7.9 quake hit.", "Towns fell."}},
		{"thousands", "About 30,000 fled. More followed.", []string{"About 30,000 fled.", "More followed."}},
		{"ellipsis inside", "He paused... and then spoke.", []string{"He paused... and then spoke."}},
		{"ellipsis end", "He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"quote continues", `"Attempts are doomed to failure," he said. Talks went on.`,
			[]string{`"Attempts are doomed to failure," he said.`, "Talks went on."}},
		{"quote ends sentence", `He said "Go." Then he left.`, []string{`He said "Go."`, "Then he left."}},
		{"curly quote ends sentence", `He said “Go.” Then he left.`, []string{`He said “Go.”`, "Then he left."}},
		{"question in quote", `"Will you go?" he asked. She nodded.`, []string{`"Will you go?" he asked.`, "She nodded."}},
		{"two sentences in a quote", `"We agreed. It is done," he said.`, []string{`"We agreed.`, `It is done," he said.`}},
		{"bracket", "(The talks failed.) Both sides left.", []string{"(The talks failed.)", "Both sides left."}},
		{"digit start", "It ended in 2020. 15 people died.", []string{"It ended in 2020.", "15 people died."}},
		{"dateline", "BAKU, Azerbaijan, September 16. Azerbaijan will not discuss it.",
			[]string{"BAKU, Azerbaijan, September 16.", "Azerbaijan will not discuss it."}},
		{"list marker", "Demands:\n1. The army withdraws. 2. Talks resume.", []string{"Demands:", "1. The army withdraws.", "2. Talks resume."}},
		{"no final stop", "Talks resumed", []string{"Talks resumed"}},
		{"initial at end", "He met Plan B. The rest failed.", []string{"He met Plan B.", "The rest failed."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.in)
			got := sentenceTexts(d)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("sentences of %q:\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentencesNeverCrossParagraphs(t *testing.T) {
	d := annotate(t, "The talks, which began in\n\nBaku ended")
	if got := sentenceTexts(d); len(got) != 2 {
		t.Errorf("got %q, want one sentence per paragraph", got)
	}
}

func TestSentencesAreBounded(t *testing.T) {
	tests := []struct {
		name, unit string
		wantComma  bool // each piece should end at a comma
	}{
		{"no punctuation at all", "grain prices rose in the north ", false},
		{"commas only", "grain prices rose in the north, ", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, strings.Repeat(tt.unit, 200))
			next := 0
			for _, s := range d.Sentences {
				if n := s.EndToken - s.FirstToken; n > maxSentenceTokens {
					t.Errorf("a sentence of %d tokens", n)
				}
				if s.FirstToken != next {
					t.Errorf("sentence starts at token %d, want %d", s.FirstToken, next)
				}
				next = s.EndToken
				if last := d.SpanText(d.Tokens[s.EndToken-1].Span); tt.wantComma && s.EndToken < len(d.Tokens) && last != "," {
					t.Errorf("a piece ends at %q, not at a comma", last)
				}
			}
			if next != len(d.Tokens) || len(d.Sentences) < 2 {
				t.Errorf("%d sentences cover %d of %d tokens", len(d.Sentences), next, len(d.Tokens))
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"blank lines", "One.\n\nTwo.\n \t\nThree.", []string{"One.", "Two.", "Three."}},
		{"wrapped lines inside paragraphs", "One line\ncontinues.\n\nTwo.", []string{"One line\ncontinues.", "Two."}},
		{"single newlines", "One.\nTwo.\nThree.\n", []string{"One.", "Two.", "Three."}},
		{"carriage returns", "One.\rTwo.", []string{"One.", "Two."}},
		{"crlf", "One.\r\n\r\nTwo.\r\n", []string{"One.", "Two."}},
		{"trimmed", "  \n\n  One.  \n\n\n", []string{"One."}},
		{"single line", "  Just one.  ", []string{"Just one."}},
		{"paragraph separator", "One.\u2029Two.", []string{"One.", "Two."}},
		// Hard-wrapped text without blank lines: a line that ends
		// mid-sentence goes on in the next.
		{"hard wrap before lower case", "The rebels said they had\n  withdrawn.\nTwo.", []string{"The rebels said they had\n  withdrawn.", "Two."}},
		{"hard wrap after an article", "Talks began in the\nKenyan capital.\nTwo.", []string{"Talks began in the\nKenyan capital.", "Two."}},
		{"hard wrap after a comma", "In Nairobi,\nTalks began.", []string{"In Nairobi,\nTalks began."}},
		{"a heading stays apart", "Kenya Closes Border\nKenya closed its border.", []string{"Kenya Closes Border", "Kenya closed its border."}},
		{"a heading in capitals inside a paragraph", "One.\n\nBORDER TALKS\nKenya closed its border.", []string{"One.", "BORDER TALKS", "Kenya closed its border."}},
		{"a capitalised acronym line wraps on", "One.\n\nThe NATO\nsummit began.", []string{"One.", "The NATO\nsummit began."}},
		{"a quote ends a line", "He said: \"We will go.\"\nthen left.", []string{"He said: \"We will go.\"", "then left."}},
		{"empty", "", nil},
		{"blank", " \n\t\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.in)
			var got []string
			for _, p := range d.Paragraphs {
				got = append(got, d.SpanText(p.Span))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("paragraphs of %q:\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // chunks as KIND[text|head] joined by space
	}{
		{"possessive and verb group", "Azerbaijan will not discuss Azerbaijan's territorial integrity.",
			"NP[Azerbaijan|Azerbaijan] VG[will not discuss|discuss] NP[Azerbaijan|Azerbaijan] NP[territorial integrity|integrity]"},
		{"passive progressive", "The peace process is currently being hindered.",
			"NP[The peace process|process] VG[is currently being hindered|hindered]"},
		{"perfect passive", "A large campaign has been unleashed against Baku.",
			"NP[A large campaign|campaign] VG[has been unleashed|unleashed] NP[Baku|Baku]"},
		{"proper names and pronoun", "He met the Russian Red Cross Society.",
			"NP[He|He] VG[met|met] NP[the Russian Red Cross Society|Society]"},
		{"infinitive", "Armenia continues to maintain illegal control.",
			"NP[Armenia|Armenia] VG[continues|continues] VG[to maintain|maintain] NP[illegal control|control]"},
		{"numbers", "Police detained 27 people on September 12.",
			"NP[Police|Police] VG[detained|detained] NP[27 people|people] NP[September 12|September]"},
		{"participle before a noun", "The ruling party won.",
			"NP[The ruling party|party] VG[won|won]"},
		{"at least a number", "Police detained at least 14 young men.",
			"NP[Police|Police] VG[detained|detained] NP[14 young men|men]"},
		{"a participle opening a phrase", "Police said armed men stormed a church.",
			"NP[Police|Police] VG[said|said] NP[armed men|men] VG[stormed|stormed] NP[a church|church]"},
		{"that before a plural noun is no determiner", "Kenya agreed in a phone call that Ugandan investigators would fly to Nairobi.",
			"NP[Kenya|Kenya] VG[agreed|agreed] NP[a phone call|call] NP[Ugandan investigators|investigators] VG[would fly|fly] NP[Nairobi|Nairobi]"},
		{"a relative pronoun before a determiner", "Police found the house in which a man died.",
			"NP[Police|Police] VG[found|found] NP[the house|house] NP[which|which] NP[a man|man] VG[died|died]"},
		{"a participle after a conjunction is a verb", "The minister toured the camp and met refugees.",
			"NP[The minister|minister] VG[toured|toured] NP[the camp|camp] VG[met|met] NP[refugees|refugees]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.in)
			var parts []string
			for _, c := range d.Chunks {
				parts = append(parts, c.Kind.String()+"["+d.SpanText(c.Span)+"|"+d.SpanText(d.Tokens[c.Head].Span)+"]")
			}
			if got := strings.Join(parts, " "); got != tt.want {
				t.Errorf("chunks of %q:\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

// TestChunkEndsBeforeVerbAfterNoun checks that a past participle after a
// noun ends the noun phrase, whatever tag the tagger gives the word after
// it: the subject must not swallow its verb.
func TestChunkEndsBeforeVerbAfterNoun(t *testing.T) {
	for _, in := range []string{
		// The tagger reads the verbs here as participles (a headline
		// without a stop: in a full sentence with no other finite verb
		// the parser's repair retags the -ed form VBD).
		"The Lebanese army deployed troops and armoured vehicles at the junctions",
		"Turkish forces reopened Sunday the border gate.",
	} {
		d := annotate(t, in)
		seen := false
		for k := 1; k < len(d.Tokens); k++ {
			seen = seen || d.Tokens[k].Tag == "VBN" && strings.HasPrefix(d.Tokens[k-1].Tag, "NN")
		}
		if !seen {
			t.Fatalf("%q: the tagger no longer reads a participle after a noun here; choose another sentence", in)
		}
		for _, c := range d.Chunks {
			if c.Kind != doc.NounPhrase {
				continue
			}
			for k := c.FirstToken + 1; k <= c.Head; k++ {
				if d.Tokens[k].Tag == "VBN" && strings.HasPrefix(d.Tokens[k-1].Tag, "NN") {
					t.Errorf("%q: noun phrase %q holds a participle after a noun", in, d.SpanText(c.Span))
				}
			}
		}
	}
}

// TestChunksReadRepairedTags checks that the chunker reads the tags the
// parser's repairs leave: a verb retagged VBD is no noun phrase's
// premodifier, as it was when the chunker read the tagger's first tags.
func TestChunksReadRepairedTags(t *testing.T) {
	for _, in := range []string{
		"The rebels released forty hostages after talks.",
		"Some 400 farmers rallied on Tuesday.",
	} {
		d := annotate(t, in)
		verb := -1
		for k, tok := range d.Tokens {
			if tok.Tag == "VBD" {
				verb = k
			}
		}
		if verb < 0 {
			t.Fatalf("%q: no finite verb after the parse; choose another sentence", in)
		}
		for _, c := range d.Chunks {
			if c.Kind == doc.NounPhrase && c.FirstToken <= verb && verb < c.EndToken {
				t.Errorf("%q: noun phrase %q holds the verb %q", in, d.SpanText(c.Span), d.SpanText(d.Tokens[verb].Span))
			}
		}
	}
}

// TestSeedDocument counts the paragraphs and sentences of the reference
// dispatch. Read by hand it has 9 paragraphs and 15 sentences: the
// dateline "BAKU, Azerbaijan, September 16." ends with a full stop and
// counts as its own sentence; paragraph 2 has two sentences, the fifth
// paragraph four, the seventh two (its quote is left open at the paragraph
// end), and every other paragraph one.
func TestSeedDocument(t *testing.T) {
	path := testref.Shared(t, testref.Seed)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed document not available (%v); it lives in ../shared beside the repository", err)
	}
	text := regexp.MustCompile(`^\s*date \d{4}-\d\d-\d\d\s*`).ReplaceAllString(string(b), "")
	d := annotate(t, text)
	perPara := make([]int, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		perPara[i] = p.EndSentence - p.FirstSentence
	}
	t.Logf("seed: %d paragraphs, %d sentences %v, %d tokens, %d chunks",
		len(d.Paragraphs), len(d.Sentences), perPara, len(d.Tokens), len(d.Chunks))
	if got, want := len(d.Paragraphs), 9; got != want {
		t.Errorf("paragraphs: got %d, want %d", got, want)
	}
	wantPer := []int{2, 2, 1, 1, 4, 1, 2, 1, 1}
	if fmt.Sprint(perPara) != fmt.Sprint(wantPer) {
		t.Errorf("sentences per paragraph: got %v, want %v", perPara, wantPer)
	}
	if got, want := len(d.Sentences), 15; got != want {
		t.Errorf("sentences: got %d, want %d", got, want)
	}
}

// checkInvariants verifies the structural promises of the text layer.
func checkInvariants(tb testing.TB, d *doc.Doc) {
	tb.Helper()
	text := d.Text
	// Boundaries are where a range loop starts a rune (or an invalid
	// byte), and the end of the text.
	boundary := make(map[int]bool, len(text)+1)
	for i := range text {
		boundary[i] = true
	}
	boundary[len(text)] = true
	onBoundary := func(i int) bool { return boundary[i] }
	prevEnd := 0
	for i, tk := range d.Tokens {
		if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > len(text) {
			tb.Fatalf("token %d %v out of order or bounds (prev end %d, len %d)", i, tk.Span, prevEnd, len(text))
		}
		if !onBoundary(tk.Start) || !onBoundary(tk.End) {
			tb.Fatalf("token %d %v not on rune boundaries", i, tk.Span)
		}
		if tk.Kind == doc.QuoteMark && tk.Tag != OpenQuoteTag && tk.Tag != CloseQuoteTag {
			tb.Fatalf("quote mark %d %q tagged %q", i, d.SpanText(tk.Span), tk.Tag)
		}
		if tk.Tag == "" {
			tb.Fatalf("token %d %q has no tag", i, d.SpanText(tk.Span))
		}
		if tk.SpaceBefore != (tk.Start > prevEnd) {
			tb.Fatalf("token %d SpaceBefore %v wrong", i, tk.SpaceBefore)
		}
		if strings.TrimSpace(text[prevEnd:tk.Start]) != "" && i > 0 {
			// Only white space and invisible format characters may
			// fall between tokens.
			for _, r := range text[prevEnd:tk.Start] {
				if r > ' ' && r != 0x7f && !isIgnorable(r) {
					tb.Fatalf("text %q between tokens %d and %d is not covered", text[prevEnd:tk.Start], i-1, i)
				}
			}
		}
		prevEnd = tk.End
	}
	nextTok := 0
	for si, s := range d.Sentences {
		if s.FirstToken != nextTok || s.EndToken <= s.FirstToken || s.EndToken > len(d.Tokens) {
			tb.Fatalf("sentence %d token range [%d,%d) does not follow %d", si, s.FirstToken, s.EndToken, nextTok)
		}
		nextTok = s.EndToken
		if s.Start != d.Tokens[s.FirstToken].Start || s.End != d.Tokens[s.EndToken-1].End {
			tb.Fatalf("sentence %d span %v does not match its tokens", si, s.Span)
		}
		if s.Paragraph < 0 || s.Paragraph >= len(d.Paragraphs) || !d.Paragraphs[s.Paragraph].Contains(s.Span) {
			tb.Fatalf("sentence %d %v not within its paragraph %d", si, s.Span, s.Paragraph)
		}
	}
	if nextTok != len(d.Tokens) {
		tb.Fatalf("sentences cover %d of %d tokens", nextTok, len(d.Tokens))
	}
	nextSent, prevPara := 0, 0
	for pi, p := range d.Paragraphs {
		if p.Start < prevPara || p.End <= p.Start || p.End > len(text) || !onBoundary(p.Start) || !onBoundary(p.End) {
			tb.Fatalf("paragraph %d %v out of order or bounds", pi, p.Span)
		}
		prevPara = p.End
		if p.FirstSentence != nextSent || p.EndSentence < p.FirstSentence {
			tb.Fatalf("paragraph %d sentences [%d,%d) do not follow %d", pi, p.FirstSentence, p.EndSentence, nextSent)
		}
		for si := p.FirstSentence; si < p.EndSentence; si++ {
			if d.Sentences[si].Paragraph != pi {
				tb.Fatalf("sentence %d claims paragraph %d, listed in %d", si, d.Sentences[si].Paragraph, pi)
			}
		}
		nextSent = p.EndSentence
	}
	if nextSent != len(d.Sentences) {
		tb.Fatalf("paragraphs cover %d of %d sentences", nextSent, len(d.Sentences))
	}
	prevChunkEnd, si := 0, 0
	for ci, c := range d.Chunks {
		if c.FirstToken < prevChunkEnd || c.EndToken <= c.FirstToken || c.EndToken > len(d.Tokens) {
			tb.Fatalf("chunk %d tokens [%d,%d) out of order", ci, c.FirstToken, c.EndToken)
		}
		if c.Head < c.FirstToken || c.Head >= c.EndToken {
			tb.Fatalf("chunk %d head %d outside [%d,%d)", ci, c.Head, c.FirstToken, c.EndToken)
		}
		if c.Start != d.Tokens[c.FirstToken].Start || c.End != d.Tokens[c.EndToken-1].End {
			tb.Fatalf("chunk %d span %v does not match its tokens", ci, c.Span)
		}
		for si < len(d.Sentences) && d.Sentences[si].EndToken <= c.FirstToken {
			si++
		}
		if si == len(d.Sentences) || c.EndToken > d.Sentences[si].EndToken {
			tb.Fatalf("chunk %d crosses a sentence boundary", ci)
		}
		prevChunkEnd = c.EndToken
	}
}

// isIgnorable mirrors what the tokenizer skips: white space, control
// characters and invisible format characters.
func isIgnorable(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || r < ' ' || r == 0x7f
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"", " ", "\n\n", `He said "Go." Then he left.`, "U.S. Sept. 16 a.m. J. R. Smith",
		"don't O'Brien 'gray zones' Smiths' ’s n’t", "30,000 3.5 2023-09-16 https://x.y/z e@x.org",
		"“Yes,” she said…\n\nNo.", "\xff\xfe bad utf8 \xe2\x80", "a\u2029b\u2028c\r\nd", "'''\"\"\"```",
		"Mr. . . . ... U.S.-led AT&T '90s", "\u00ad\u200b\u200dword\u00ad",
	} {
		f.Add(s)
	}
	m := testModel(f)
	f.Fuzz(func(t *testing.T, s string) {
		d := &doc.Doc{Text: s}
		if err := NewAnnotator(m).Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
		low := LowerText(s)
		if len(low) != len(s) {
			t.Fatalf("LowerText changed the length: %d -> %d", len(s), len(low))
		}
		for i, tk := range d.Tokens {
			if w := d.SpanText(tk.Span); utf8.ValidString(w) && strings.ToLower(w) != low[tk.Start:tk.End] &&
				len(strings.ToLower(w)) == len(w) && !strings.ContainsAny(w, "\u212a\u0130") {
				t.Fatalf("token %d: LowerText gives %q, ToLower %q", i, low[tk.Start:tk.End], strings.ToLower(w))
			}
		}
	})
}

func TestLowerText(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "abc": "abc", "U.S. Army": "u.s. army", "Hacıyev": "hacıyev",
		"Москва": "москва", "\u212aelvin": "\u212aelvin",
	} {
		got := LowerText(in)
		if got != want || len(got) != len(in) {
			t.Errorf("LowerText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := LowerText("ƏLİYEV"); got != "əlİyev" {
		t.Errorf("LowerText keeps İ (its lower case is longer): got %q", got)
	}
}

func TestHelpers(t *testing.T) {
	d := annotate(t, "The U.S. Agreed. Azerbaijan's ARMY")
	if got := Lower(d, 1); got != "u.s." {
		t.Errorf("Lower = %q", got)
	}
	if got := Lower(d, 99); got != "" {
		t.Errorf("Lower out of range = %q", got)
	}
	for off, want := range map[int]int{0: 0, 3: -1, 4: 1, 7: 1, 8: -1, 100: -1, -1: -1} {
		if got := TokenAt(d, off); got != want {
			t.Errorf("TokenAt(%d) = %d, want %d", off, got, want)
		}
	}
	for i, want := range map[int]int{0: 0, 3: 0, 4: 1, 6: 1, 7: -1} {
		if got := SentenceOf(d, i); got != want {
			t.Errorf("SentenceOf(%d) = %d, want %d", i, got, want)
		}
	}
	for w, want := range map[string]bool{"U.S.": true, "Sept.": true, "J.": true, "a.m.": true, "said.": false, "No.": true, "x": false} {
		if got := IsAbbrev(w); got != want {
			t.Errorf("IsAbbrev(%q) = %v, want %v", w, got, want)
		}
	}
}
