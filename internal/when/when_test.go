package when_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/when"
)

var (
	resolverOnce sync.Once
	resolver     *when.Resolver
	resolverErr  error
)

func testResolver(tb testing.TB) *when.Resolver {
	tb.Helper()
	resolverOnce.Do(func() { resolver, resolverErr = when.NewResolver() })
	if resolverErr != nil {
		tb.Fatalf("NewResolver: %v", resolverErr)
	}
	return resolver
}

// anchor is a Saturday.
var anchor = time.Date(2023, 9, 16, 0, 0, 0, 0, time.UTC)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// want describes one expected expression: its text, value and precision;
// a zero value with PrecisionDuration for durations.
type want struct {
	text string
	v    time.Time
	p    doc.Precision
}

func show(text string, xs []doc.TimeExpr) string {
	var b strings.Builder
	for _, x := range xs {
		fmt.Fprintf(&b, "[%q %s %s %s] ", text[x.Start:x.End], x.Value.Format("2006-01-02"), x.Precision, x.Rule)
	}
	return b.String()
}

func TestFind(t *testing.T) {
	r := testResolver(t)
	tests := []struct {
		name string
		text string
		want []want
	}{
		// Explicit dates.
		{"month day", "The convoy crossed on September 12.", []want{{"September 12", date(2023, 9, 12), doc.PrecisionDay}}},
		{"abbr period year", "The memo is dated Sept. 12, 2023, officials said.", []want{{"Sept. 12, 2023", date(2023, 9, 12), doc.PrecisionDay}}},
		{"full year", "Talks opened September 12, 2023 in Geneva.", []want{{"September 12, 2023", date(2023, 9, 12), doc.PrecisionDay}}},
		{"day month year", "The ceasefire began 12 September 2023.", []want{{"12 September 2023", date(2023, 9, 12), doc.PrecisionDay}}},
		{"iso", "Filed 2023-09-12 by the clerk.", []want{{"2023-09-12", date(2023, 9, 12), doc.PrecisionDay}}},
		{"on abbr", "Crowds gathered on Sept. 12 outside the hall.", []want{{"Sept. 12", date(2023, 9, 12), doc.PrecisionDay}}},
		{"abbr no period", "Crowds gathered on Sep 12 outside the hall.", []want{{"Sep 12", date(2023, 9, 12), doc.PrecisionDay}}},
		{"jan.", "The vote took place Jan. 5.", []want{{"Jan. 5", date(2023, 1, 5), doc.PrecisionDay}}},
		{"feb. year", "Troops withdrew on Feb. 24, 2022.", []want{{"Feb. 24, 2022", date(2022, 2, 24), doc.PrecisionDay}}},
		{"aug.", "The rally was held Aug. 30.", []want{{"Aug. 30", date(2023, 8, 30), doc.PrecisionDay}}},
		{"oct. future", "Elections will be held Oct. 2.", []want{{"Oct. 2", date(2023, 10, 2), doc.PrecisionDay}}},
		{"nov. dec.", "The envoy visited on Nov. 3 and returned Dec. 1.", []want{
			{"Nov. 3", date(2022, 11, 3), doc.PrecisionDay}, {"Dec. 1", date(2022, 12, 1), doc.PrecisionDay}}},
		{"ordinal", "It happened on the 12th of September.", []want{{"12th of September", date(2023, 9, 12), doc.PrecisionDay}}},
		{"weekday and date", "The summit opened Tuesday, Sept. 12, in Baku.", []want{{"Tuesday, Sept. 12", date(2023, 9, 12), doc.PrecisionDay}}},
		{"invalid day", "They met on February 30.", nil},

		// Relative to the anchor.
		{"yesterday", "Rebels shelled the town yesterday.", []want{{"yesterday", date(2023, 9, 15), doc.PrecisionDay}}},
		{"today", "The minister arrives today.", []want{{"today", anchor, doc.PrecisionDay}}},
		{"tomorrow", "Voting starts tomorrow.", []want{{"tomorrow", date(2023, 9, 17), doc.PrecisionDay}}},
		{"possessive", "Today's talks collapsed.", []want{{"Today", anchor, doc.PrecisionDay}}},
		{"past weekday", "Militants attacked the post on Tuesday.", []want{{"Tuesday", date(2023, 9, 12), doc.PrecisionDay}}},
		{"future weekday", "The two leaders will meet on Tuesday.", []want{{"Tuesday", date(2023, 9, 19), doc.PrecisionDay}}},
		{"expected to", "The cabinet is expected to vote on Thursday.", []want{{"Thursday", date(2023, 9, 21), doc.PrecisionDay}}},
		{"will be held", "The funeral will be held on Monday.", []want{{"Monday", date(2023, 9, 18), doc.PrecisionDay}}},
		{"no cue weekday", "Tuesday: a new round of shelling.", []want{{"Tuesday", date(2023, 9, 12), doc.PrecisionDay}}},
		{"same weekday", "Protesters marched on Saturday.", []want{{"Saturday", anchor, doc.PrecisionDay}}},
		{"last weekday", "Police arrested him last Saturday.", []want{{"last Saturday", date(2023, 9, 9), doc.PrecisionDay}}},
		{"next weekday", "Ministers meet next Friday.", []want{{"next Friday", date(2023, 9, 22), doc.PrecisionDay}}},
		{"last week", "Clashes erupted last week.", []want{{"last week", date(2023, 9, 1), doc.PrecisionMonth}}},
		{"this week", "Officials met earlier this week.", []want{{"earlier this week", date(2023, 9, 1), doc.PrecisionMonth}}},
		{"earlier this month", "Fighting resumed earlier this month.", []want{{"earlier this month", date(2023, 9, 1), doc.PrecisionMonth}}},
		{"last month", "Prices rose last month.", []want{{"last month", date(2023, 8, 1), doc.PrecisionMonth}}},
		{"next month", "The law takes effect next month.", []want{{"next month", date(2023, 10, 1), doc.PrecisionMonth}}},
		{"this year", "Exports fell this year.", []want{{"this year", date(2023, 1, 1), doc.PrecisionYear}}},
		{"last year", "The deal was signed last year.", []want{{"last year", date(2022, 1, 1), doc.PrecisionYear}}},
		{"last night", "Sirens sounded last night.", []want{{"last night", date(2023, 9, 15), doc.PrecisionDay}}},
		{"two days ago", "The bridge collapsed two days ago.", []want{{"two days ago", date(2023, 9, 14), doc.PrecisionDay}}},
		{"3 weeks ago", "He vanished 3 weeks ago.", []want{{"3 weeks ago", date(2023, 8, 1), doc.PrecisionMonth}}},
		{"a month ago", "The plan was announced a month ago.", []want{{"a month ago", date(2023, 8, 1), doc.PrecisionMonth}}},
		{"a year ago", "The dam broke a year ago.", []want{{"a year ago", date(2022, 1, 1), doc.PrecisionYear}}},
		{"twenty-five years ago", "The treaty was signed twenty-five years ago.", []want{{"twenty-five years ago", date(1998, 1, 1), doc.PrecisionYear}}},
		{"days later", "Two days later the army withdrew.", nil},
		{"a few days ago", "A few days ago the army withdrew.", nil},

		// Months and years.
		{"in year", "The war began in 2020.", []want{{"2020", date(2020, 1, 1), doc.PrecisionYear}}},
		{"since year", "Borders have been shut since 2014.", []want{{"2014", date(2014, 1, 1), doc.PrecisionYear}}},
		{"year join", "Riots broke out in 2019 and 2020.", []want{
			{"2019", date(2019, 1, 1), doc.PrecisionYear}, {"2020", date(2020, 1, 1), doc.PrecisionYear}}},
		{"the 2020 election", "Observers disputed the 2020 election results.", []want{{"2020", date(2020, 1, 1), doc.PrecisionYear}}},
		{"year range", "Drought hit the region in 2019-2021.", []want{{"2019-2021", date(2019, 1, 1), doc.PrecisionYear}}},
		{"in March past", "The offensive started in March.", []want{{"March", date(2023, 3, 1), doc.PrecisionMonth}}},
		{"in November past", "The offensive started in November.", []want{{"November", date(2022, 11, 1), doc.PrecisionMonth}}},
		{"in March future", "Parliament will vote in March.", []want{{"March", date(2024, 3, 1), doc.PrecisionMonth}}},
		{"in November future", "Parliament will vote in November.", []want{{"November", date(2023, 11, 1), doc.PrecisionMonth}}},
		{"month year", "The accord collapsed in March 2021.", []want{{"March 2021", date(2021, 3, 1), doc.PrecisionMonth}}},
		{"mid-month", "Shelling intensified in mid-August.", []want{{"mid-August", date(2023, 8, 1), doc.PrecisionMonth}}},
		{"last March", "Prices peaked last March.", []want{{"last March", date(2023, 3, 1), doc.PrecisionMonth}}},
		{"last September", "Prices peaked last September.", []want{{"last September", date(2022, 9, 1), doc.PrecisionMonth}}},
		{"may verb", "Talks may resume soon.", nil},
		{"march verb", "Veterans march to the square.", nil},
		{"bare month no cue", "March was cold.", nil},

		// Durations.
		{"30-year", "The 30-year conflict left scars.", []want{{"30-year", time.Time{}, doc.PrecisionDuration}}},
		{"decade-long", "A decade-long war ended.", []want{{"decade-long", time.Time{}, doc.PrecisionDuration}}},
		{"for two weeks", "The road was closed for two weeks.", []want{{"two weeks", time.Time{}, doc.PrecisionDuration}}},
		{"30 years", "He served 30 years in prison.", []want{{"30 years", time.Time{}, doc.PrecisionDuration}}},
		{"for years", "The dispute has simmered for years.", []want{{"years", time.Time{}, doc.PrecisionDuration}}},
		{"for a month", "Schools shut for a month.", []want{{"a month", time.Time{}, doc.PrecisionDuration}}},
		{"once a week", "Convoys pass once a week.", nil},

		// Numbers that are no dates.
		{"count", "Some 30,000 citizens fled.", nil},
		{"resolution", "The council adopted Resolution 2334 unanimously.", nil},
		{"troops", "About 1,000 troops arrived.", nil},
		{"hours", "The curfew starts at 2023 hours.", nil},
		{"bare year count", "Nearly 2000 people fled.", nil},
		{"total of", "A total of 2000 homes burned.", nil},
		{"of year", "The elections of 2020 were disputed.", []want{{"2020", date(2020, 1, 1), doc.PrecisionYear}}},
		{"score", "The vote was 2000 to 15.", nil},
		{"by votes", "The bill passed by 2000 votes.", nil},
		{"from troops", "The force grew from 1800 soldiers to 2000 soldiers.", nil},
		{"by year the", "Emissions must halve by 2030, the report said.", []want{{"2030", date(2030, 1, 1), doc.PrecisionYear}}},
		{"from to", "Rates rose from 2019 to 2021.", []want{
			{"2019", date(2019, 1, 1), doc.PrecisionYear}, {"2021", date(2021, 1, 1), doc.PrecisionYear}}},
		{"decade", "Prices peaked in the 1990s.", nil},
		{"month last year", "Talks stalled in June last year.", []want{{"June last year", date(2022, 6, 1), doc.PrecisionMonth}}},
		{"month day last year", "Talks stalled on June 3 last year.", []want{{"June 3 last year", date(2022, 6, 3), doc.PrecisionDay}}},
		{"month this year", "Talks resume in December this year.", []want{{"December this year", date(2023, 12, 1), doc.PrecisionMonth}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := r.Find(tc.text, anchor)
			if len(got) != len(tc.want) {
				t.Fatalf("Find(%q) = %s, want %d expressions", tc.text, show(tc.text, got), len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if gt := tc.text[g.Start:g.End]; gt != w.text || !g.Value.Equal(w.v) || g.Precision != w.p {
					t.Errorf("Find(%q)[%d] = %s, want [%q %s %s]", tc.text, i, show(tc.text, got[i:i+1]), w.text, w.v.Format("2006-01-02"), w.p)
				}
				if g.Rule == "" {
					t.Errorf("Find(%q)[%d] has no rule", tc.text, i)
				}
			}
		})
	}
}

func TestFindNoAnchor(t *testing.T) {
	r := testResolver(t)
	text := "On Tuesday, yesterday's talks of September 12, 2023 lasted two weeks."
	got := r.Find(text, time.Time{})
	if len(got) != 2 {
		t.Fatalf("Find without anchor = %s, want the full date and the duration", show(text, got))
	}
	if got[0].Precision != doc.PrecisionDay || got[1].Precision != doc.PrecisionDuration {
		t.Errorf("Find without anchor = %s", show(text, got))
	}
}

func TestYearBoundary(t *testing.T) {
	r := testResolver(t)
	jan := time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want time.Time
	}{
		{"The strike was called on December 28.", date(2023, 12, 28)},
		{"The strike will be called on January 10.", date(2024, 1, 10)},
		{"Another strike is planned for December 20.", date(2023, 12, 20)}, // no tense cue: nearest
	}
	for _, tc := range tests {
		got := r.Find(tc.text, jan)
		if len(got) != 1 || !got[0].Value.Equal(tc.want) {
			t.Errorf("Find(%q) = %s, want %s", tc.text, show(tc.text, got), tc.want.Format("2006-01-02"))
		}
	}
	dec := time.Date(2023, 12, 30, 0, 0, 0, 0, time.UTC)
	text := "Talks will resume on January 5."
	if got := r.Find(text, dec); len(got) != 1 || !got[0].Value.Equal(date(2024, 1, 5)) {
		t.Errorf("Find(%q) = %s, want 2024-01-05", text, show(text, got))
	}
}

func TestWeekStraddlingMonths(t *testing.T) {
	r := testResolver(t)
	// Anchor Wednesday 2023-10-04: last week ran Sept. 25 - Oct. 1.
	a := date(2023, 10, 4)
	text := "Officials met last week."
	got := r.Find(text, a)
	if len(got) != 1 || !got[0].Value.Equal(date(2023, 9, 25)) || got[0].Precision != doc.PrecisionDay || got[0].Rule != "last_week" {
		t.Fatalf("Find(%q) = %s, want the Monday 2023-09-25 at day precision, rule last_week", text, show(text, got))
	}
}

func TestProcess(t *testing.T) {
	r := testResolver(t)
	s := r.NewStage()
	if s.Name() != "when" {
		t.Errorf("Name() = %q", s.Name())
	}
	text := "BAKU, Azerbaijan, September 16. Forces shelled the village on Tuesday, and talks will resume next week."
	d := &doc.Doc{Text: text, Published: date(2023, 9, 17)}
	d.Dateline = &doc.Dateline{Span: doc.Span{Start: 0, End: len("BAKU, Azerbaijan, September 16")}, Date: anchor}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.TimeExprs) != 2 {
		t.Fatalf("TimeExprs = %s, want Tuesday and next week (the dateline skipped)", show(text, d.TimeExprs))
	}
	if got := d.TimeExprs[0]; !got.Value.Equal(date(2023, 9, 12)) {
		t.Errorf("Tuesday = %s, want 2023-09-12 from the dateline anchor", show(text, d.TimeExprs[:1]))
	}
	// Run twice: the layer is replaced, not appended to.
	if err := s.Process(context.Background(), d); err != nil || len(d.TimeExprs) != 2 {
		t.Errorf("second Process: %v, %d expressions", err, len(d.TimeExprs))
	}
	// No anchor at all: relative expressions are dropped.
	d2 := &doc.Doc{Text: "They met yesterday."}
	if err := s.Process(context.Background(), d2); err != nil || len(d2.TimeExprs) != 0 {
		t.Errorf("no anchor: %v, %s", err, show(d2.Text, d2.TimeExprs))
	}
}

func TestProcessUsesTags(t *testing.T) {
	r := testResolver(t)
	// "put" is a past tense only the tagger can tell; untagged, the
	// sentence has no cue and the weekday falls back to the past anyway,
	// so test the future: the tag must not override "will".
	text := "Guards put up barriers on Monday and will reopen the gate on Friday."
	d := &doc.Doc{Text: text, Published: anchor}
	// Tag "put" as VBD by hand, as the text stage would.
	i := strings.Index(text, "put")
	d.Tokens = []doc.Token{{Span: doc.Span{Start: i, End: i + 3}, Tag: "VBD"}}
	if err := r.NewStage().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.TimeExprs) != 2 || !d.TimeExprs[0].Value.Equal(date(2023, 9, 11)) || !d.TimeExprs[1].Value.Equal(date(2023, 9, 22)) {
		t.Errorf("TimeExprs = %s, want Monday 09-11 and Friday 09-22", show(text, d.TimeExprs))
	}
}

// TestHouseNumbers checks that a number opening a street address is never
// read as a year, while a year before other capitalised words still is.
func TestHouseNumbers(t *testing.T) {
	r := testResolver(t)
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"abbreviated street type", "Firefighters rescued the owner of 1935 Orchard St. before dawn.", nil},
		{"full street type", "The clinic in 1820 Maple Avenue reopened on Monday.", []want{{"Monday", date(2023, 9, 11), doc.PrecisionDay}}},
		{"an initial before the name", "The family moved from 2047 N. Birch Rd. in 2015.", []want{{"2015", date(2015, 1, 1), doc.PrecisionYear}}},
		{"a two-word name", "Residents of 1990 Old Mill Road were evacuated.", nil},
		{"an ordinal street", "The tenants of 1911 5th Ave. left in 2019.", []want{{"2019", date(2019, 1, 1), doc.PrecisionYear}}},
		{"a year before a lower-case word", "In 1935 the street was built by the city.", []want{{"1935", date(1935, 1, 1), doc.PrecisionYear}}},
		{"a year before a name that is no street", "In 1935 Orchard Hall burned down.", []want{{"1935", date(1935, 1, 1), doc.PrecisionYear}}},
		{"a street word after a comma is no address", "Built in 1935, Orchard Street is the town's oldest.", []want{{"1935", date(1935, 1, 1), doc.PrecisionYear}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := r.Find(tc.text, anchor)
			if len(got) != len(tc.want) {
				t.Fatalf("Find(%q) = %s, want %d expressions", tc.text, show(tc.text, got), len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if gt := tc.text[g.Start:g.End]; gt != w.text || !g.Value.Equal(w.v) || g.Precision != w.p {
					t.Errorf("Find(%q)[%d] = %s, want [%q %s %s]", tc.text, i, show(tc.text, got[i:i+1]), w.text, w.v.Format("2006-01-02"), w.p)
				}
			}
		})
	}
}
