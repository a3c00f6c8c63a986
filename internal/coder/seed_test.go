package coder_test

import (
	"github.com/dateline-project/dateline/internal/testref"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

// These tests check what the issues ask dateline to show on the reference
// dispatch. They name actors, places and trigger words, never the
// document's sentences.

func seedDoc(t *testing.T) *doc.Doc {
	t.Helper()
	docs := codeFiles(t, testref.Shared(t, testref.Seed))
	if len(docs) != 1 {
		t.Fatalf("got %d documents", len(docs))
	}
	return docs[0]
}

func rootEntity(d *doc.Doc, i int) doc.Entity {
	if a := d.Entities[i].Antecedent; a >= 0 {
		return d.Entities[a]
	}
	return d.Entities[i]
}

func TestSeed_Actors(t *testing.T) {
	d := seedDoc(t)
	type want struct{ text, country, sector string }
	for _, w := range []want{
		{"Hikmet Hajiyev", "AZE", "GOV"}, {"Armenia", "ARM", "GOV"}, {"the Armenian political leadership", "ARM", "GOV"},
		{"Yerevan", "ARM", "GOV"}, {"the Armenian Diaspora", "ARM", ""}, {"Russian Red Cross Society", "RUS", ""},
		{"Azerbaijan Red Crescent Society", "AZE", ""}, {"International Committee of the Red Cross", "NGO", ""},
		{"the illegal regime in Khankendi", "AZE", "PRE"}, {"TASS", "RUS", "JRN"}, {"Trend", "AZE", "JRN"},
	} {
		found := false
		for _, e := range d.Entities {
			if d.SpanText(e.Span) == w.text && e.CountryCode == w.country && (w.sector == "" || e.SectorCode == w.sector) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no entity %q coded %s %s", w.text, w.country, w.sector)
		}
	}
	// Later mentions of the official resolve to him.
	refs := map[string]bool{}
	for i, e := range d.Entities {
		if e.Antecedent >= 0 && rootEntity(d, i).Name == "Hikmet Hajiyev" {
			refs[strings.ToLower(d.SpanText(e.Span))] = true
		}
	}
	for _, m := range []string{"he", "the official", "hajiyev"} {
		if !refs[m] {
			t.Errorf("mention %q does not resolve to Hikmet Hajiyev; resolved mentions: %v", m, refs)
		}
	}
}

func TestSeed_Quotes(t *testing.T) {
	d := seedDoc(t)
	direct, scare := 0, map[string]bool{}
	cues := map[string]bool{}
	for _, q := range d.Quotes {
		switch q.Kind {
		case doc.DirectQuote:
			direct++
			if q.Speaker < 0 || d.Entities[q.Speaker].Name != "Hikmet Hajiyev" {
				t.Errorf("direct quote at %d not attributed to Hikmet Hajiyev (rule %s)", q.Start, q.Rule)
			}
		case doc.IndirectQuote:
			if q.Speaker >= 0 && d.Entities[q.Speaker].Name == "Hikmet Hajiyev" {
				cues[strings.ToLower(d.SpanText(q.Cue))] = true
			}
		case doc.ScareQuote:
			scare[d.SpanText(q.Span)] = true
		}
	}
	if direct != 4 {
		t.Errorf("direct quotes = %d, want 4", direct)
	}
	for _, c := range []string{"noted", "emphasized", "according to", "added"} {
		if !cues[c] {
			t.Errorf("no indirect statement by Hajiyev cued by %q; cues: %v", c, cues)
		}
	}
	for _, s := range []string{"blockade", "international mechanisms", "gray zones"} {
		if !scare[s] {
			t.Errorf("%q is not marked as a scare quote; scare quotes: %v", s, scare)
		}
	}
}

func countries(as []doc.EventActor) map[string]bool {
	m := map[string]bool{}
	for _, a := range as {
		m[a.CountryCode] = true
	}
	return m
}

func TestSeed_Events(t *testing.T) {
	d := seedDoc(t)
	has := func(desc string, ok func(ev doc.Event) bool) {
		t.Helper()
		for _, ev := range d.Events {
			if ok(ev) {
				return
			}
		}
		t.Errorf("no event: %s", desc)
	}
	has("REJECT AZE -> ARM (the refusal to discuss)", func(ev doc.Event) bool {
		return ev.Type == "REJECT" && countries(ev.Actors)["AZE"] && countries(ev.Recipients)["ARM"]
	})
	for _, target := range []string{"the Armenian political leadership", "Yerevan", "the Armenian Diaspora"} {
		has("ACCUSE by Hajiyev against "+target, func(ev doc.Event) bool {
			if ev.Type != "ACCUSE" || len(ev.Actors) == 0 || ev.Actors[0].Name != "Hikmet Hajiyev" {
				return false
			}
			for _, r := range ev.Recipients {
				if r.RawText == target {
					return true
				}
			}
			return false
		})
	}
	has("AID or RETREAT/access for Red Cross cargo on 2023-09-12", func(ev doc.Event) bool {
		return (ev.Type == "AID" || ev.Type == "RETREAT" && ev.Mode == "access") && countries(ev.Recipients)["RUS"] &&
			ev.Date.Format("2006-01-02") == "2023-09-12" && ev.DatePrecision == doc.PrecisionDay
	})
	has("REQUEST to the ICRC", func(ev doc.Event) bool { return ev.Type == "REQUEST" && countries(ev.Recipients)["NGO"] })
	has("SUPPORT by the partners", func(ev doc.Event) bool { return ev.Type == "SUPPORT" })
	has("REJECT of food cargo by the regime, claimed by Hajiyev", func(ev doc.Event) bool {
		return ev.Type == "REJECT" && len(ev.Actors) > 0 && ev.Actors[0].SectorCode == "PRE" &&
			ev.ClaimedBy >= 0 && d.Entities[ev.ClaimedBy].Name == "Hikmet Hajiyev"
	})
	for _, ev := range d.Events {
		trig := strings.ToLower(d.SpanText(ev.Evidence.Trigger))
		if trig == "blockade" {
			t.Errorf("event %s from the scare-quoted term %q", ev.Type, trig)
		}
		if ev.DatePrecision == doc.PrecisionPublished && ev.Date.Format("2006-01-02") != "2023-09-16" {
			t.Errorf("undated event %s takes %s, want the dispatch date", ev.Type, ev.Date.Format("2006-01-02"))
		}
	}
}

func TestSeed_Places(t *testing.T) {
	d := seedDoc(t)
	got := map[string]doc.Place{}
	for _, p := range d.Places {
		got[strings.ToLower(d.SpanText(p.Span))] = p
	}
	for name, country := range map[string]string{"baku": "AZE", "yerevan": "ARM", "khankendi": "AZE", "aghdam": "AZE", "lachin": "AZE"} {
		p, ok := got[name]
		if !ok || p.CountryCode != country || p.GeonameID <= 0 || !strings.HasPrefix(p.Feature, "PPL") {
			t.Errorf("%s: got %+v, want a GeoNames place in %s", name, p, country)
		}
	}
	if p := got["karabakh"]; p.Feature != "RGN" || p.CountryCode != "AZE" {
		t.Errorf("Karabakh: got %+v, want the hand-written region", p)
	}
}
