package when_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/text"
)

// TestArticle checks the whole benchmark article: every expression it
// should yield, in order, and nothing else.
func TestArticle(t *testing.T) {
	r := testResolver(t)
	text := readArticle(t)
	d := &doc.Doc{Text: text, Published: anchor}
	d.Dateline = &doc.Dateline{Span: doc.Span{Start: 0, End: strings.Index(text, ".")}, Date: anchor}
	if err := r.NewStage().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range d.TimeExprs {
		got = append(got, text[x.Start:x.End]+" "+x.Value.Format("2006-01-02")+" "+string(x.Precision))
	}
	want := []string{
		"Friday 2023-09-15 day",
		"next week 2023-09-01 month",
		"three months 0001-01-01 duration",
		"Tuesday 2023-09-12 day",
		"Monday 2023-09-18 day",
		"two weeks 0001-01-01 duration",
		"June 21 2023-06-21 day",
		"decade-long 0001-01-01 duration",
		"1994 1994-01-01 year",
		"years 0001-01-01 duration",
		"July 2023-07-01 month",
		"mid-June 2023-06-01 month",
		"August 2023-08-01 month",
		"84 days 0001-01-01 duration",
		"last month 2023-08-01 month",
		"August 2022 2022-08-01 month",
		"Sept. 14 2023-09-14 day",
		"three months 0001-01-01 duration",
		"yesterday 2023-09-15 day",
		"October 3 2023-10-03 day",
		"2019 2019-01-01 year",
		"12 March 2019 2019-03-12 day",
		"January 2021 2021-01-01 month",
		"earlier this year 2023-01-01 year",
		"November 8-9 2023-11-08 day",
		"30-year-old 0001-01-01 duration",
		"Thursday 2023-09-14 day",
		"Wednesday 2023-09-20 day",
		"30 days 0001-01-01 duration",
		"a year ago 2022-01-01 year",
		"this month 2023-09-01 month",
		"next month 2023-10-01 month",
		"Friday 2023-09-22 day",
		"2022 2022-01-01 year",
		"2008 2008-01-01 year",
		"11 weeks 0001-01-01 duration",
		"Dec. 2, 2008 2008-12-02 day",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("article expressions:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestArticleWithTextLayers runs the stage after the text stage, as the
// pipeline does, and expects the same expressions: sentences and tags may
// only confirm what the word cues already decide on this article.
func TestArticleWithTextLayers(t *testing.T) {
	m, err := text.LoadModel()
	if err != nil {
		t.Fatalf("load tagger: %v", err)
	}
	r := testResolver(t)
	txt := readArticle(t)
	plain := r.Find(txt, anchor)
	d := &doc.Doc{Text: txt, Published: anchor}
	if err := text.NewAnnotator(m).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := r.NewStage().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got, want := show(txt, d.TimeExprs), show(txt, plain); got != want {
		t.Errorf("with text layers:\n%s\nwithout:\n%s", got, want)
	}
}
