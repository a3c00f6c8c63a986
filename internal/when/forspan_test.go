package when_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/when"
)

func TestForSpan(t *testing.T) {
	r := testResolver(t)
	tests := []struct {
		name    string
		text    string
		trigger string // the first occurrence is the trigger
		want    string // expression text; "" for none
	}{
		{"after in clause", "Troops attacked the village on Tuesday.", "attacked", "Tuesday"},
		{"before", "On Tuesday, troops attacked the village.", "attacked", "Tuesday"},
		{"after beats before", "He said on Monday that troops attacked the town on Sunday.", "attacked", "Sunday"},
		{"reporting verb", "He said on Monday that troops attacked the town on Sunday.", "said", "Monday"},
		{"comma ends clause", "Troops attacked the village, officials said on Wednesday.", "attacked", ""},
		{"relative clause", "Rebels who arrived on Monday attacked the town on Tuesday.", "attacked", "Tuesday"},
		{"before in sentence", "Last week, after days of talks, the sides signed a truce.", "signed", "Last week"},
		{"duration ignored", "The sides fought for two weeks.", "fought", ""},
		{"none", "The sides signed a truce.", "signed", ""},
		{"overlap", "Talks resumed yesterday.", "yesterday", "yesterday"},
		{"a bound yields to a time", "On Monday the rebels, who have held the pass since March, attacked the town.", "attacked", "Monday"},
		{"a bound alone is still found", "Rebels have held the pass since March.", "held", "March"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &doc.Doc{Text: tc.text, Published: anchor}
			if err := r.NewStage().Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			i := strings.Index(tc.text, tc.trigger)
			trig := doc.Span{Start: i, End: i + len(tc.trigger)}
			x, ok := when.ForSpan(d, doc.Span{Start: 0, End: len(tc.text)}, trig)
			got := ""
			if ok {
				got = d.SpanText(x.Span)
			}
			if got != tc.want {
				t.Errorf("ForSpan(%q, %q) = %q, want %q (exprs %s)", tc.text, tc.trigger, got, tc.want, show(tc.text, d.TimeExprs))
			}
		})
	}
}

// TestBound checks which expressions are marked as bounds of an event's
// time rather than its time.
func TestBound(t *testing.T) {
	r := testResolver(t)
	for _, tc := range []struct {
		text, expr string
		bound      bool
	}{
		{"The rebels have held the pass since March.", "March", true},
		{"The curfew stays until 2025.", "2025", true},
		{"The envoy must leave before Friday.", "Friday", true},
		{"The rebels took the pass in March.", "March", false},
		{"The rebels took the pass on Friday.", "Friday", false},
	} {
		d := &doc.Doc{Text: tc.text, Published: anchor}
		if err := r.NewStage().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, x := range d.TimeExprs {
			if d.SpanText(x.Span) == tc.expr {
				found = true
				if x.Bound != tc.bound {
					t.Errorf("%q: %q bound %v, want %v", tc.text, tc.expr, x.Bound, tc.bound)
				}
			}
		}
		if !found {
			t.Errorf("%q: no expression %q in %s", tc.text, tc.expr, show(tc.text, d.TimeExprs))
		}
	}
}

func TestForSpanOtherSentence(t *testing.T) {
	r := testResolver(t)
	text := "Talks failed on Monday. Troops attacked the village."
	d := &doc.Doc{Text: text, Published: anchor}
	if err := r.NewStage().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	s2 := strings.Index(text, "Troops")
	i := strings.Index(text, "attacked")
	if x, ok := when.ForSpan(d, doc.Span{Start: s2, End: len(text)}, doc.Span{Start: i, End: i + 8}); ok {
		t.Errorf("ForSpan took %q from another sentence", d.SpanText(x.Span))
	}
}

func TestForSpanEmpty(t *testing.T) {
	d := &doc.Doc{Text: "Nothing here.", Published: time.Now()}
	if _, ok := when.ForSpan(d, doc.Span{Start: 0, End: 13}, doc.Span{Start: 0, End: 7}); ok {
		t.Error("ForSpan found an expression in a doc without any")
	}
}
