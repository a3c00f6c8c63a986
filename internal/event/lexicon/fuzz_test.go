package lexicon_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dateline-project/dateline/internal/event/lexicon"
)

func FuzzParsePattern(f *testing.F) {
	for _, s := range []string{"accuse", "sign * agreement/deal", "take ... hostage", "call on/upon", "* x", "a//b", "a/b/c d/e/f g/h/i j/k", "cease-fire", "o'clock ... x", "a ... * b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		exps, err := lexicon.ParsePattern(s)
		if err != nil {
			return
		}
		if len(exps) == 0 || len(exps) > 32 {
			t.Fatalf("ParsePattern(%q): %d expansions", s, len(exps))
		}
		for _, e := range exps {
			if len(e) == 0 || e[0] == lexicon.Opt || e[0] == lexicon.Gap || e[len(e)-1] == lexicon.Opt || e[len(e)-1] == lexicon.Gap {
				t.Fatalf("ParsePattern(%q) = %q: gap at an end", s, e)
			}
			for _, w := range e {
				if w == "" || strings.ContainsAny(w, " /\t") {
					t.Fatalf("ParsePattern(%q) word %q", s, w)
				}
			}
			// An expansion is itself a valid pattern that expands to itself.
			again, err := lexicon.ParsePattern(strings.Join(e, " "))
			if err != nil || len(again) != 1 || strings.Join(again[0], " ") != strings.Join(e, " ") {
				t.Fatalf("expansion %q of %q does not round-trip: %q, %v", e, s, again, err)
			}
		}
	})
}

func FuzzParseFrame(f *testing.F) {
	for _, s := range []string{"subj>obj", "subj>prep:with", "subj>obj+to-inf", "passive", "prep:between>none", ">", "subj>prep:", "poss>iobj+to-inf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fr, err := lexicon.ParseFrame(s)
		if err != nil {
			return
		}
		again, err := lexicon.ParseFrame(fr.String())
		if err != nil || again != fr {
			t.Fatalf("frame %q -> %s does not round-trip: %v, %v", s, fr, again, err)
		}
	})
}

// FuzzLoad feeds arbitrary text as the ASSAULT file: Load must return a
// lexicon or an error, never panic.
func FuzzLoad(f *testing.F) {
	f.Add(header + "attack\t\tmilitary\tverb\tsubj>obj\t\t0.8\tnote\n")
	f.Add(header + "open fire\tfirearms\t\tmwe\tsubj>prep:on|subj>prep:at\tREJECT/yield\n")
	f.Add(header + "x/y/z * a/b\n# comment\n\n")
	f.Add("pattern\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, body string) {
		fsys := minimal(body)
		fsys["triggers/inflections.tsv"] = &fstest.MapFile{Data: []byte("form\tlemma\n" + body)}
		l, err := lexicon.Load(fsys)
		if err != nil {
			return
		}
		for _, tr := range l.Triggers() {
			if len(tr.Frames) == 0 || len(tr.Words) == 0 {
				t.Fatalf("trigger %s without frame or words", tr.Rule)
			}
		}
	})
}

func BenchmarkCandidates(b *testing.B) {
	l := load(b)
	words := []string{"the", "army", "launch", "airstrike", "on", "rebel", "position", "after", "talks", "collapse", "accuse", "hold"}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, w := range words {
			n += len(l.Candidates(w))
		}
	}
	_ = n
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		load(b)
	}
}
