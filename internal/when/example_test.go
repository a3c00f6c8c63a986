package when_test

import (
	"context"
	"fmt"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/pipeline"
	"github.com/dateline-project/dateline/internal/when"
)

var _ pipeline.Stage = (*when.Stage)(nil)

func Example() {
	r, err := when.NewResolver() // once per process
	if err != nil {
		panic(err)
	}
	s := r.NewStage() // once per worker
	d := &doc.Doc{
		Text:      "Rebels shelled the town on Tuesday. Talks will resume next month, ending a 30-year conflict.",
		Published: time.Date(2023, 9, 16, 0, 0, 0, 0, time.UTC),
	}
	if err := s.Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, x := range d.TimeExprs {
		fmt.Printf("%-11q %-10s %-8s %s\n", d.SpanText(x.Span), x.Value.Format("2006-01-02"), x.Precision, x.Rule)
	}
	// The event "shelled" is dated by the expression that governs it.
	x, _ := when.ForSpan(d, doc.Span{Start: 0, End: 35}, doc.Span{Start: 7, End: 14})
	fmt.Println("shelled:", x.Value.Format("2006-01-02"))
	// Output:
	// "Tuesday"   2023-09-12 day      weekday_past
	// "next month" 2023-10-01 month    next_month
	// "30-year"   0001-01-01 duration duration_compound
	// shelled: 2023-09-12
}
