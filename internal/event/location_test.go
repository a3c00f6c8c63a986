package event_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/actor"
	"github.com/dateline-project/dateline/internal/actor/actortest"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/event"
	"github.com/dateline-project/dateline/internal/text"
)

// testPlace is a place the geoparser would have found: its first
// occurrence in the text, with a GeoNames feature code. kind and
// embedded are the geoparser's marks for demonyms and places inside an
// organisation's name.
type testPlace struct {
	name, feature, country string
	kind                   string
	embedded               bool
}

// TestLocation checks where an event is located: the place its clause
// attaches to it, else one in its sentence, then its paragraph, and only
// then the dateline; and the precision each place gets.
func TestLocation(t *testing.T) {
	kyiv := testPlace{"KYIV", "PPLC", "UKR", "", false}
	goma := testPlace{"GOMA", "PPLA", "COD", "", false}
	tests := []struct {
		name     string
		text     string
		dateline string // the dateline's place, opening the text; "" for none
		places   []testPlace
		trigger  string
		want     string // the location's name, "-" for an unresolved dateline, "" for none
		source   doc.LocationSource
		prec     int
	}{
		{"the shelled city, not the dateline", "KYIV — Russian forces shelled the city of Kharkiv overnight.", "KYIV",
			[]testPlace{kyiv, {"Kharkiv", "PPLA", "UKR", "", false}}, "shelled", "Kharkiv", doc.LocationAttached, 1},
		{"a locative phrase of the verb", "Police detained eleven students in Batumi on Friday.", "",
			[]testPlace{{"Batumi", "PPLA", "GEO", "", false}}, "detained", "Batumi", doc.LocationAttached, 1},
		{"near a town is a coarser place", "Gunmen attacked a bus near Bunia late on Tuesday.", "",
			[]testPlace{{"Bunia", "PPLA", "COD", "", false}}, "attacked", "Bunia", doc.LocationAttached, 2},
		{"a place in the sentence but in another clause", "Witnesses in Nakuru said gunmen attacked a bus.", "",
			[]testPlace{{"Nakuru", "PPLA", "KEN", "", false}}, "attacked", "Nakuru", doc.LocationSentence, 1},
		{"a place earlier in the paragraph", "GOMA — Fighting resumed around Rutshuru on Sunday. Gunmen attacked a bus.\n\nThe army gave no figures.", "GOMA",
			[]testPlace{goma, {"Rutshuru", "PPL", "COD", "", false}}, "attacked", "Rutshuru", doc.LocationParagraph, 1},
		{"a place in another paragraph does not count", "GOMA — Gunmen attacked a bus on Sunday.\n\nThe army later withdrew to Rutshuru.", "GOMA",
			[]testPlace{goma, {"Rutshuru", "PPL", "COD", "", false}}, "attacked", "GOMA", doc.LocationDateline, 1},
		{"an actor country is not the location", "KYIV — Russia shelled power plants overnight.", "KYIV",
			[]testPlace{kyiv, {"Russia", "PCLI", "RUS", "", false}}, "shelled", "KYIV", doc.LocationDateline, 1},
		{"an unresolved dateline", "KIBERA — Gunmen attacked a bus on Sunday.", "KIBERA",
			nil, "attacked", "-", doc.LocationDateline, 1},
		{"no place at all", "Gunmen attacked a bus on Sunday.", "", nil, "attacked", "", "", 0},
		{"a second-level division", "Police detained eleven students in Kilifi on Friday.", "",
			[]testPlace{{"Kilifi", "ADM2", "KEN", "", false}}, "detained", "Kilifi", doc.LocationAttached, 2},
		{"a first-level division", "Police detained eleven students in Ituri on Friday.", "",
			[]testPlace{{"Ituri", "ADM1", "COD", "", false}}, "detained", "Ituri", doc.LocationAttached, 3},
		{"a country", "Police detained eleven students in Georgia on Friday.", "",
			[]testPlace{{"Georgia", "PCLI", "GEO", "", false}}, "detained", "Georgia", doc.LocationAttached, 3},
		{"a demonym names who acts, not where", "KYIV — Hungarian officials detained two reporters.", "KYIV",
			[]testPlace{kyiv, {"Hungarian", "PCLI", "HUN", doc.PlaceDemonym, false}}, "detained", "KYIV", doc.LocationDateline, 1},
		{"a country owning the target is no scene beside its own place", "Gunmen attacked a Kenyan camp in Bunia on Sunday.", "",
			[]testPlace{{"Kenyan", "PCLI", "KEN", "", false}, {"Bunia", "PPLA", "COD", "", false}}, "attacked", "Bunia", doc.LocationAttached, 1},
		{"a place inside an organisation's name is no scene", "KYIV — The Lviv Regional Police detained two reporters.", "KYIV",
			[]testPlace{kyiv, {"Lviv", "PPLA", "UKR", "", true}}, "detained", "KYIV", doc.LocationDateline, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := locateDoc(t, tt.text, tt.dateline, tt.places)
			var ev *doc.Event
			for i := range d.Events {
				if d.SpanText(d.Events[i].Evidence.Trigger) == tt.trigger {
					ev = &d.Events[i]
				}
			}
			if ev == nil {
				t.Fatalf("no event triggered by %q in %d events", tt.trigger, len(d.Events))
			}
			got := ""
			switch {
			case ev.Location >= 0:
				got = d.Places[ev.Location].Name
			case ev.LocationSource != "":
				got = "-"
			}
			if got != tt.want || ev.LocationSource != tt.source || ev.LocationPrecision != tt.prec {
				t.Errorf("location = %q (%q, precision %d), want %q (%q, precision %d)",
					got, ev.LocationSource, ev.LocationPrecision, tt.want, tt.source, tt.prec)
			}
		})
	}
}

// locateDoc runs the text and actor stages over body, adds the given
// places and dateline as the geo and meta stages would, and codes it.
func locateDoc(t *testing.T, body, dateline string, places []testPlace) *doc.Doc {
	t.Helper()
	if model == nil {
		m, err := text.LoadModel()
		if err != nil {
			t.Fatal(err)
		}
		model = m
	}
	d := &doc.Doc{ID: "loc", Text: body, Published: time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC)}
	for _, st := range []interface {
		Process(context.Context, *doc.Doc) error
	}{text.NewAnnotator(model), actor.New(actortest.Dict()).NewStage()} {
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if dateline != "" {
		d.Dateline = &doc.Dateline{Span: doc.Span{Start: 0, End: len(dateline)}, Place: dateline}
	}
	for _, p := range places {
		at := strings.Index(body, p.name)
		if at < 0 {
			t.Fatalf("place %q is not in the text", p.name)
		}
		d.Places = append(d.Places, doc.Place{Span: doc.Span{Start: at, End: at + len(p.name)}, Name: p.name, Feature: p.feature, CountryCode: p.country,
			Kind: p.kind, Embedded: p.embedded})
	}
	if err := event.New(newTestLexicon(t), testOntology{}, nil, testGovernors(t)).NewStage().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestPrecision checks ACLED's levels by GeoNames feature code.
func TestPrecision(t *testing.T) {
	tests := []struct {
		feature string
		near    bool
		want    int
	}{
		{"PPL", false, 1}, {"PPLC", false, 1}, {"PPLA2", false, 1}, {"PPL", true, 2},
		{"ADM2", false, 2}, {"ADM3", false, 2}, {"ADM1", false, 3}, {"ADM1", true, 3},
		{"PCLI", false, 3}, {"RGN", false, 3}, {"CONT", false, 3}, {"", false, 3},
	}
	for _, tt := range tests {
		if got := event.Precision(tt.feature, tt.near); got != tt.want {
			t.Errorf("Precision(%q, %v) = %d, want %d", tt.feature, tt.near, got, tt.want)
		}
	}
}

// TestLocalParticipants checks that a participant with a role and no
// country takes the country of the place its own sentence sets the
// event in (ACLED's "Protesters (Country)"), and that a participant with
// a country of its own, one with no role, and a place found only in the
// dateline leave the codes as they are. Every sentence was written for
// this test.
func TestLocalParticipants(t *testing.T) {
	kisumu := testPlace{"Kisumu", "PPLA", "KEN", "", false}
	tests := []struct {
		name, text, dateline string
		places               []testPlace
		trigger, want        string // want: describe's TYPE actor>recipient
	}{
		{"a place in another sentence is too weak", "Riot police detained dozens of students. The town of Kisumu was calm.", "",
			[]testPlace{kisumu}, "detained", "COERCE >"},
		{"police and the people they hold", "Riot police detained dozens of students in Kisumu.", "",
			[]testPlace{kisumu}, "detained", "COERCE KEN>KEN"},
		{"an actor's own country stays", "Russian troops detained dozens of students in Kisumu.", "",
			[]testPlace{kisumu}, "detained", "COERCE RUS>KEN"},
		{"the dateline is too weak", "KISUMU — Riot police detained dozens of students.", "KISUMU",
			[]testPlace{{"KISUMU", "PPLA", "KEN", "", false}}, "detained", "COERCE >"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := locateDoc(t, tt.text, tt.dateline, tt.places)
			for _, ev := range d.Events {
				if d.SpanText(ev.Evidence.Trigger) != tt.trigger {
					continue
				}
				if got := describe(d, ev); got != tt.want {
					t.Errorf("got %q, want %q (rule %s)", got, tt.want, ev.Rule)
				}
				return
			}
			t.Fatalf("no event triggered by %q", tt.trigger)
		})
	}
}
