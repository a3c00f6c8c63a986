package eval_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/eval"
)

// TestScoreQuotes_Titles: a title is no quote on either side. A gold
// title the coder also calls a title is a hit of the title row; one it
// reports as a quote counts as a title taken for a quote and a spurious
// quote; a title the coder finds where the gold has none is a false
// title, never a spurious quote.
func TestScoreQuotes_Titles(t *testing.T) {
	tests := []struct {
		name          string
		line          string
		titleTP       int
		titleFP       int
		titleFN       int
		spanFP        int
		titlesAsQuote int
	}{
		{"a gold title coded as a title",
			`{"id":"t1","text":"Fans loved the series \"Harbour Lights,\" which ran for years.","quotes":[{"kind":"title","text":"Harbour Lights,","speaker":null}]}`,
			1, 0, 0, 0, 0},
		{"a title the gold does not list",
			`{"id":"t2","text":"Her first book, \"The Salt Roads,\" sold well.","quotes":[]}`,
			0, 1, 0, 0, 0},
		{"a gold title coded as a quote",
			`{"id":"t3","text":"Fans loved \"Harbour Lights,\" which ran for years.","quotes":[{"kind":"title","text":"Harbour Lights,","speaker":null}]}`,
			0, 0, 1, 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gold, err := eval.ReadQuoteGold(strings.NewReader(tc.line), "t.jsonl")
			if err != nil {
				t.Fatal(err)
			}
			rep, err := eval.ScoreQuotes(context.Background(), load(t), gold)
			if err != nil {
				t.Fatal(err)
			}
			p := rep.PerKind["title"]
			if p.TP != tc.titleTP || p.FP != tc.titleFP || p.FN != tc.titleFN {
				t.Errorf("title row tp %d fp %d fn %d, want %d %d %d", p.TP, p.FP, p.FN, tc.titleTP, tc.titleFP, tc.titleFN)
			}
			if rep.Spans.FP != tc.spanFP || rep.Spans.TP != 0 || rep.Spans.FN != 0 {
				t.Errorf("quote spans tp %d fp %d fn %d, want 0 %d 0", rep.Spans.TP, rep.Spans.FP, rep.Spans.FN, tc.spanFP)
			}
			if rep.Titles.AsQuotes != tc.titlesAsQuote {
				t.Errorf("titles reported as quotes = %d, want %d", rep.Titles.AsQuotes, tc.titlesAsQuote)
			}
		})
	}
}
