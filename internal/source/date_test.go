package source

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time // zero: must fail
	}{
		{"2023-09-16", utc(2023, 9, 16, 0, 0)},
		{" 2023-09-16 ", utc(2023, 9, 16, 0, 0)},
		{"2023-09-16T10:00:00Z", utc(2023, 9, 16, 10, 0)},
		{"2023-09-16T10:00:00+04:00", utc(2023, 9, 16, 6, 0)},
		{"2023-09-16T23:30:00-02:00", utc(2023, 9, 17, 1, 30)},
		{"2023-09-16T10:00:00.123Z", time.Date(2023, 9, 16, 10, 0, 0, 123e6, time.UTC)},
		{"2023-09-16 10:00:00", utc(2023, 9, 16, 10, 0)},
		{"2023-09-16T10:00", utc(2023, 9, 16, 10, 0)},
		{"Sat, 16 Sep 2023 10:00:00 GMT", utc(2023, 9, 16, 10, 0)},
		{"Sat, 16 Sep 2023 10:00:00 +0200", utc(2023, 9, 16, 8, 0)},
		{"Sat, 2 Sep 2023 10:00:00 +0000", utc(2023, 9, 2, 10, 0)},
		{"16 September 2023", utc(2023, 9, 16, 0, 0)},
		{"September 16, 2023", utc(2023, 9, 16, 0, 0)},
		{"Sep 16, 2023", utc(2023, 9, 16, 0, 0)},
		{"Sept. 16, 2023", utc(2023, 9, 16, 0, 0)},
		{"Oct. 3, 2023", utc(2023, 10, 3, 0, 0)},
		{"2023/09/16", utc(2023, 9, 16, 0, 0)},
		{"20230916", utc(2023, 9, 16, 0, 0)},
		{"1694822400", utc(2023, 9, 16, 0, 0)},
		{"1694822400000", utc(2023, 9, 16, 0, 0)},
		{"", time.Time{}},
		{"yesterday", time.Time{}},
		{"2023-13-45", time.Time{}},
		{"Septober 5", time.Time{}},
		{"Sept2023", time.Time{}},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if tt.want.IsZero() {
			if err == nil {
				t.Errorf("parseDate(%q) = %v, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestCleanBytes(t *testing.T) {
	tests := []struct {
		in, want string
		bad      []badRun
	}{
		{"plain", "plain", nil},
		// Decomposed text is kept as it is: offsets index it.
		{"e\u0301", "e\u0301", nil},
		{" \r\n", " \r\n", nil},
		{"a\xff\xfeb", "a\uFFFDb", []badRun{{1, 1}}},
		{"e\u0301\xffe\u0301", "e\u0301\uFFFDe\u0301", []badRun{{3, 3}}},
		{"\xc3", "\uFFFD", []badRun{{0, 0}}},
	}
	for _, tt := range tests {
		got, bad := cleanBytes([]byte(tt.in), 0)
		if got != tt.want || len(bad) != len(tt.bad) {
			t.Errorf("cleanBytes(%q) = %q, %v; want %q, %v", tt.in, got, bad, tt.want, tt.bad)
			continue
		}
		for i := range bad {
			if bad[i] != tt.bad[i] {
				t.Errorf("cleanBytes(%q) bad = %v, want %v", tt.in, bad, tt.bad)
			}
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"text":"x"}`, FormatJSONL},
		{"  \n{", FormatJSONL},
		{`<?xml version="1.0"?><rss>`, FormatRSS},
		{`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">`, FormatRSS},
		{`<rdf:RDF>`, FormatRSS},
		{`<!DOCTYPE html><html><head><link rel="alternate" href="/feed"><title>x</title>`, FormatHTML},
		{`<html><body><a href="rss.xml">feed</a>`, FormatHTML},
		{`<p>fragment</p>`, FormatHTML},
		{"date 2024-01-01\nText", FormatText},
		{"id,text\n1,x", FormatText},
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("sniff(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
