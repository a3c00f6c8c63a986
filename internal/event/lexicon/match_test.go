package lexicon_test

import (
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/event/lexicon"
)

func TestTrigger_Match(t *testing.T) {
	tests := []struct {
		pattern, text string
		last          int // -1: no match
	}{
		{"accuse", "accuse x", 0},
		{"sign * agreement", "sign agreement", 1},
		{"sign * agreement", "sign an agreement today", 2},
		{"sign * agreement", "sign a new agreement", -1},
		{"take ... hostage", "take hostage", 1},
		{"take ... hostage", "take two aid workers hostage", 4},
		{"take ... hostage", "take a b c d e hostage", 6},
		{"take ... hostage", "take a b c d e f hostage", -1},
		{"hold * talks", "hold talks", 1},
		{"open fire", "open", -1},
		{"put ... on alert", "put the army on alert", 4},
		{"put ... on alert", "put on alert", 2},
	}
	for _, tt := range tests {
		exps, err := lexicon.ParsePattern(tt.pattern)
		if err != nil {
			t.Fatal(err)
		}
		tr := &lexicon.Trigger{Words: exps[0]}
		toks := strings.Fields(tt.text)
		has := func(k int, w string) bool {
			if w == lexicon.Opt || w == lexicon.Gap {
				t.Fatalf("has called with gap %q", w)
			}
			return toks[k] == w
		}
		last, ok := tr.Match(0, len(toks), has)
		if !ok {
			last = -1
		}
		if last != tt.last {
			t.Errorf("%q in %q: last = %d, want %d", tt.pattern, tt.text, last, tt.last)
		}
	}
	if _, ok := (&lexicon.Trigger{Words: []string{"x"}}).Match(3, 3, nil); ok {
		t.Error("Match at the limit succeeded")
	}
}
