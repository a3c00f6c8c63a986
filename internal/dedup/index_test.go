package dedup

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Texts for the index tests: a report, copies of it, and an unrelated one.
const (
	report = `Health officials confirmed three new cases of the virus in the northern province on Monday, bringing the total this month to 41, and said a vaccination team would arrive by the end of the week.`
	// A syndicated copy: headline and trailer added.
	reportCopy  = "Three new cases confirmed in north\n\n" + report + "\n\nAll rights reserved."
	reportCurly = `Health officials confirmed three new cases of the virus in the northern province on Monday — bringing the total this month to 41 — and said a vaccination team would arrive by the end of the week.`
	unrelated   = `The central bank left its main interest rate unchanged on Thursday, citing slowing inflation and weak demand for credit among small businesses in the capital and the coastal cities.`
)

func TestDedup(t *testing.T) {
	type step struct {
		id, text string
		dupOf    string // "" when the document is new
	}
	for _, tc := range []struct {
		name  string
		opt   Options
		steps []step
	}{
		{"first document wins", Options{}, []step{
			{"a", report, ""},
			{"b", unrelated, ""},
			{"c", reportCurly, "a"},
			{"d", reportCopy, "a"},
			{"e", report, "a"},
		}},
		{"a copy may come first", Options{}, []step{
			{"copy", reportCopy, ""},
			{"orig", report, "copy"},
		}},
		{"short texts never match", Options{}, []step{
			{"a", "Ebola outbreak declared in the east", ""},
			{"b", "Ebola outbreak declared in the east", ""},
		}},
		{"short texts match above a lower minimum", Options{MinWords: 3}, []step{
			{"a", "Ebola outbreak declared in the east", ""},
			{"b", "Ebola outbreak declared in the east", "a"},
		}},
		{"empty texts never match", Options{MinWords: 1}, []step{
			{"a", "", ""},
			{"b", " -- ", ""},
		}},
		{"a strict threshold leaves the longer copy apart", Options{Threshold: 0.95}, []step{
			{"a", report, ""},
			{"b", reportCurly, "a"},
			{"c", reportCopy, ""},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix, err := NewIndex(tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.steps {
				of, ok := ix.Dedup(s.id, Sign(s.text))
				if of.ID != s.dupOf || ok != (s.dupOf != "") {
					t.Errorf("%s: Dedup = %+v, %v; want duplicate of %q", s.id, of, ok, s.dupOf)
				}
				if ok && (of.Similarity < ix.Options().Threshold || of.Similarity > 1) {
					t.Errorf("%s: similarity %v outside [threshold, 1]", s.id, of.Similarity)
				}
			}
		})
	}
}

func TestExactCopyScoresOne(t *testing.T) {
	ix, err := NewIndex(Options{Threshold: 1})
	if err != nil {
		t.Fatal(err)
	}
	ix.Add("a", Sign(report))
	got := ix.Query(Sign(report))
	if want := []Match{{"a", 1}}; !slices.Equal(got, want) {
		t.Errorf("Query(copy) = %v, want %v", got, want)
	}
}

// TestQueryOrder checks that matches come most similar first and, among
// equals, in insertion order, whatever the order of the LSH buckets.
func TestQueryOrder(t *testing.T) {
	ix, err := NewIndex(Options{Threshold: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	q := Sign(report)
	near := Sign(reportCopy)
	ix.Add("near1", near)
	ix.Add("same1", q)
	ix.Add("near2", near)
	ix.Add("other", Sign(unrelated))
	ix.Add("same2", q)
	got := ix.Query(q)
	var ids []string
	for _, m := range got {
		ids = append(ids, m.ID)
	}
	if want := []string{"same1", "same2", "near1", "near2"}; !slices.Equal(ids, want) {
		t.Errorf("Query order = %v, want %v", ids, want)
	}
	if got[0].Similarity != 1 || got[2].Similarity != Similarity(q, near) {
		t.Errorf("similarities %v, want 1 for copies and %v for near copies", got, Similarity(q, near))
	}
}

// TestBucketCap checks that a bucket keeps its earliest documents and no
// more, so that a text repeated without end costs a bounded lookup.
func TestBucketCap(t *testing.T) {
	ix, err := NewIndex(Options{BucketCap: 4})
	if err != nil {
		t.Fatal(err)
	}
	sig := Sign(report)
	for i := range 100 {
		ix.Add(strconv.Itoa(i), sig)
	}
	if ix.Len() != 100 {
		t.Errorf("Len = %d, want 100", ix.Len())
	}
	var ids []string
	for _, m := range ix.Query(sig) {
		ids = append(ids, m.ID)
	}
	if want := []string{"0", "1", "2", "3"}; !slices.Equal(ids, want) {
		t.Errorf("Query = %v, want the first 4", ids)
	}
}

func TestOptions(t *testing.T) {
	for _, tc := range []struct {
		opt Options
		ok  bool
	}{
		{Options{}, true},
		{Options{Threshold: 1}, true},
		{Options{Threshold: 1.5}, false},
		{Options{Threshold: -0.1}, false},
		{Options{Threshold: math.NaN()}, false},
		{Options{MinWords: -1}, false},
		{Options{BucketCap: -1}, false},
	} {
		_, err := NewIndex(tc.opt)
		if (err == nil) != tc.ok {
			t.Errorf("NewIndex(%+v) error = %v, want ok %v", tc.opt, err, tc.ok)
		}
	}
	ix, _ := NewIndex(Options{})
	if o := ix.Options(); o.Threshold != 0.8 || o.MinWords != MinWords || o.BucketCap != 64 {
		t.Errorf("defaults = %+v", o)
	}
}

func TestMarshal(t *testing.T) {
	for _, text := range []string{"", "Ebola", report, strings.Repeat(unrelated+" ", 50)} {
		s := Sign(text)
		b := s.Marshal()
		if len(b) != MarshalSize {
			t.Fatalf("Marshal: %d bytes, want %d", len(b), MarshalSize)
		}
		got, err := Unmarshal(b)
		if err != nil || got != s {
			t.Errorf("Unmarshal(Marshal(Sign(%.20q))) = %v, %v", text, got == s, err)
		}
	}
	good := Sign(report).Marshal()
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"short", good[:MarshalSize-1]},
		{"long", append(slices.Clone(good), 0)},
		{"magic", append([]byte("XH"), good[2:]...)},
		{"format", append([]byte{'M', 'H', format + 1}, good[3:]...)},
	} {
		if _, err := Unmarshal(tc.b); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: Unmarshal error = %v, want ErrFormat", tc.name, err)
		}
	}
}
