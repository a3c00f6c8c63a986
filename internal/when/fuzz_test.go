package when_test

import (
	"context"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/when"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"",
		"on September 12",
		"Sept. 12, 2023 and 12 September 2023 and 2023-09-12",
		"attacked on Tuesday; will meet on Tuesday",
		"two days ago, twenty-five years ago, a month ago",
		"the 30-year conflict, a decade-long war, for two weeks",
		"30,000 citizens, Resolution 2334, at 2023 hours",
		"in 2019–21 and 2019-2021, mid-September 2023",
		"Tues. Sept.",
		"last",
		"the day before",
		"2023-",
		"99999999999999999999999999 days ago",
		"twenty-twenty-twenty-twenty years",
		"Sept.\xff12",
		"we’ll meet Tuesday’s",
		"-a -- -- 12-",
	} {
		f.Add(s)
	}
	r, err := when.NewResolver()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Rune boundaries as a decoder sees them: an invalid byte is a
		// rune of its own.
		boundary := make([]bool, len(s)+1)
		for i := 0; i < len(s); {
			boundary[i] = true
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
		boundary[len(s)] = true
		check := func(xs []doc.TimeExpr) {
			prev := 0
			for _, x := range xs {
				if x.Start < prev || x.Start >= x.End || x.End > len(s) {
					t.Fatalf("bad span %v (prev end %d) in %q", x.Span, prev, s)
				}
				if !boundary[x.Start] || !boundary[x.End] {
					t.Fatalf("span %v not on rune boundaries in %q", x.Span, s)
				}
				if (x.Precision == doc.PrecisionDuration) != x.Value.IsZero() {
					t.Fatalf("value %v with precision %s in %q", x.Value, x.Precision, s)
				}
				if x.Rule == "" {
					t.Fatalf("no rule in %q", s)
				}
				prev = x.End
			}
		}
		check(r.Find(s, time.Date(2023, 9, 16, 0, 0, 0, 0, time.UTC)))
		check(r.Find(s, time.Time{}))
		d := &doc.Doc{Text: s, Published: time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)}
		d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(s)}}}
		if err := r.NewStage().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		check(d.TimeExprs)
		if len(s) > 0 {
			when.ForSpan(d, doc.Span{Start: 0, End: len(s)}, doc.Span{Start: len(s) / 2, End: len(s)/2 + 1})
		}
	})
}
