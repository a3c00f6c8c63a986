package coder_test

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/doc"
)

// FuzzCode runs the whole pipeline over arbitrary text: no stage may fail
// or panic, and every span it reports must lie inside the text on rune
// boundaries, since evidence offsets are the product.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"",
		"BAKU, Azerbaijan, Sept. 16 (Trend) - Armenia's prime minister said: \"We refuse.\"",
		"\"Why?\" Leyla Karimova said.",
		"a senior South Korean official, Park Ji-hoon, said",
		"Kurdistan Workers' Party ' ' Party",
		"at least",
		"in the Bekaa Valley in, witnesses said",
		"The Seychelles Coast Guard’s chief, Ruth Akinyi, said, \u201cat most",
		"Germany's Federal Foreign Office said, «\u00a0»",
		"said Lt. Col.",
		"al-",
		"Hungary offered its troops to",
		"Kenya sent troops to fight Uganda's",
		"According to",
	} {
		f.Add(s)
	}
	w, err := load(f).NewWorker()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 4096 {
			return
		}
		d := &doc.Doc{ID: "fuzz", Text: text}
		if err := w.Code(context.Background(), d); err != nil {
			t.Fatalf("Code(%q): %v", text, err)
		}
		check := func(what string, s doc.Span) {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End ||
				(s.Start < len(text) && !utf8.RuneStart(text[s.Start])) ||
				(s.End < len(text) && !utf8.RuneStart(text[s.End])) {
				t.Fatalf("%s span %v out of %q", what, s, text)
			}
		}
		for _, e := range d.Entities {
			check("entity", e.Span)
		}
		for _, q := range d.Quotes {
			check("quote", q.Span)
		}
		for _, ev := range d.Events {
			check("trigger", ev.Evidence.Trigger)
		}
	})
}
