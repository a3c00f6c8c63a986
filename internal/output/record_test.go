package output_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/output"
)

func TestFromDoc_EmptyLayersAreArrays(t *testing.T) {
	b, err := json.Marshal(output.FromDoc(&doc.Doc{ID: "x", Text: "Nothing."}, output.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"entities":[]`, `"quotes":[]`, `"places":[]`, `"events":[]`, `"title_events":[]`, `"main_event":null`, `"warnings":[]`, `"dateline":null`, `"published":null`,
		`"duplicate_of":null`, `"similarity":null`, `"schema":"dateline/2"`} {
		if !strings.Contains(s, want) {
			t.Errorf("record lacks %s: %s", want, s)
		}
	}
	if strings.Contains(s, `"tokens":[`) {
		t.Error("tokens written without --annotate")
	}
}

func TestFromDoc_EventViewsOfTheDoc(t *testing.T) {
	text := "BAKU, May 2. Leyla Karimova said Armenia attacked posts."
	d := &doc.Doc{ID: "d", Text: text, Published: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)}
	d.Dateline = &doc.Dateline{Span: doc.Span{Start: 0, End: 11}, Place: "Baku", CountryCode: "AZE", Date: d.Published}
	d.Places = []doc.Place{{Span: doc.Span{Start: 0, End: 4}, Name: "Baku", GeonameID: 587084, CountryCode: "AZE", Lat: 40.4, Lon: 49.9}}
	d.Entities = []doc.Entity{
		{Span: doc.Span{Start: 13, End: 27}, Type: doc.Person, Actor: doc.Actor{Name: "Leyla Karimova", CountryCode: "AZE", SectorCode: "GOV"}, Antecedent: -1},
		{Span: doc.Span{Start: 33, End: 40}, Type: doc.GPE, Actor: doc.Actor{Name: "Armenia", CountryCode: "ARM", SectorCode: "GOV"}, Antecedent: -1},
	}
	d.Events = []doc.Event{{ID: "d-e1", Type: "ASSAULT", Date: d.Published, DatePrecision: doc.PrecisionPublished,
		Actors:   []doc.EventActor{{Span: d.Entities[1].Span, RawText: "Armenia", Actor: d.Entities[1].Actor, Entity: 1}},
		Location: 0, LocationSource: doc.LocationDateline, LocationPrecision: 1, ClaimedBy: 0, Evidence: doc.Evidence{Sentence: doc.Span{Start: 13, End: 57}, Trigger: doc.Span{Start: 41, End: 49}}}}
	rec := output.FromDoc(d, output.Options{Annotate: true})
	ev := rec.Events[0]
	if got, want := ev.Evidence.TriggerText, "attacked"; got != want {
		t.Errorf("trigger text = %q, want %q", got, want)
	}
	if ev.ClaimedBy == nil || ev.ClaimedBy.EntityName != "Leyla Karimova" {
		t.Errorf("claimed_by = %+v", ev.ClaimedBy)
	}
	if ev.Location == nil || ev.Location.Source != "dateline" || ev.Location.GeonameID != 587084 || ev.Location.Lat == 0 || ev.Location.Precision != 1 {
		t.Errorf("location = %+v, want the geocoded dateline place", ev.Location)
	}
	if ev.Actor[0].CountryCode != "ARM" || len(ev.Recipient) != 0 || ev.Recipient == nil {
		t.Errorf("actor/recipient = %+v / %+v", ev.Actor, ev.Recipient)
	}
	if rec.Dateline == nil || *rec.Dateline.Date != "2024-05-02" {
		t.Errorf("dateline = %+v", rec.Dateline)
	}
}

func TestFromDoc_AnnotatePrintsTheParse(t *testing.T) {
	d := &doc.Doc{ID: "p", Text: "Troops left."}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: 12}, FirstToken: 0, EndToken: 3}}
	d.Tokens = []doc.Token{
		{Span: doc.Span{Start: 0, End: 6}, Tag: "NNS", Head: 1, Dep: doc.DepNsubj},
		{Span: doc.Span{Start: 7, End: 11}, Tag: "VBD", Head: -1, Dep: doc.DepRoot},
		{Span: doc.Span{Start: 11, End: 12}, Tag: ".", Head: 1, Dep: doc.DepPunct},
	}
	b, err := json.Marshal(output.FromDoc(d, output.Options{Annotate: true}))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`{"text":"Troops","start":0,"end":6,"tag":"NNS","head":1,"dep":"nsubj"}`,
		`{"text":"left","start":7,"end":11,"tag":"VBD","head":-1,"dep":"root"}`,
		`{"text":".","start":11,"end":12,"tag":".","head":1,"dep":"punct"}`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("record lacks %s: %s", want, b)
		}
	}
}

// TestFromDoc_Location checks how the event's location source reaches
// the record: a place by its index, an unresolved dateline by its name,
// and no location at all when the coder found none.
func TestFromDoc_Location(t *testing.T) {
	text := "TBILISI, June 3. Police detained activists in Batumi."
	d := &doc.Doc{ID: "l", Text: text}
	d.Dateline = &doc.Dateline{Span: doc.Span{Start: 0, End: 15}, Place: "Tbilisi", CountryCode: "GEO"}
	at := strings.Index(text, "Batumi")
	d.Places = []doc.Place{{Span: doc.Span{Start: at, End: at + 6}, Name: "Batumi", GeonameID: 615532, Feature: "PPLA", CountryCode: "GEO"}}
	tests := []struct {
		name      string
		loc       int
		src       doc.LocationSource
		prec      int
		want      string // name, or "" for no location
		wantSrc   string
		wantStart int
	}{
		{"attached place", 0, doc.LocationAttached, 1, "Batumi", "attached", at},
		{"unresolved dateline", -1, doc.LocationDateline, 1, "Tbilisi", "dateline", 0},
		{"none", -1, "", 0, "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d.Events = []doc.Event{{ID: "l-e1", Type: "COERCE", Location: tt.loc, LocationSource: tt.src, LocationPrecision: tt.prec, ClaimedBy: -1}}
			loc := output.FromDoc(d, output.Options{}).Events[0].Location
			if tt.want == "" {
				if loc != nil {
					t.Fatalf("location = %+v, want none", loc)
				}
				return
			}
			if loc == nil {
				t.Fatalf("no location, want %s", tt.want)
			}
			if loc.Name != tt.want || loc.Source != tt.wantSrc || loc.Precision != tt.prec || loc.Start != tt.wantStart {
				t.Errorf("location = %+v, want %s from %s at %d, precision %d", loc, tt.want, tt.wantSrc, tt.wantStart, tt.prec)
			}
		})
	}
}

func TestFromDoc_QuotesListTheirEvents(t *testing.T) {
	text := `"Rebels shelled the bridge," Omar Haddad said. "Troops withdrew," a police spokesman said.`
	d := &doc.Doc{ID: "d", Text: text}
	d.Entities = []doc.Entity{{Span: doc.Span{Start: 29, End: 40}, Type: doc.Person, Actor: doc.Actor{Name: "Omar Haddad"}, Antecedent: -1}}
	d.Quotes = []doc.Quote{
		{Span: doc.Span{Start: 1, End: 27}, Kind: doc.DirectQuote, Speaker: 0, SpeakerMention: doc.Span{Start: 29, End: 40}, Continues: -1},
		{Span: doc.Span{Start: 48, End: 64}, Kind: doc.DirectQuote, Speaker: -1, SpeakerMention: doc.Span{Start: 66, End: 84}, Continues: -1},
	}
	d.Events = []doc.Event{
		{ID: "d-e1", Type: "ASSAULT", Location: -1, ClaimedBy: 0, Quote: 0},
		{ID: "d-e2", Type: "RETREAT", Location: -1, ClaimedBy: -1, Quote: 1},
		{ID: "d-e3", Type: "CONSULT", Location: -1, ClaimedBy: -1, Quote: -1},
	}
	rec := output.FromDoc(d, output.Options{})
	for i, want := range [][]string{{"d-e1"}, {"d-e2"}} {
		if got := rec.Quotes[i].Events; strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("quote %d events = %v, want %v", i, got, want)
		}
	}
	if c := rec.Events[1].ClaimedBy; c == nil || c.RawText != "a police spokesman" || c.Start != 66 {
		t.Errorf("a description speaker's claim = %+v, want the description", c)
	}
	if q := rec.Events[1].Quote; q == nil || *q != 1 {
		t.Errorf("event quote = %v, want 1", q)
	}
	if e := rec.Events[2]; e.Quote != nil || e.ClaimedBy != nil {
		t.Errorf("an event outside quotes has quote %v, claimed_by %+v", e.Quote, e.ClaimedBy)
	}
}

func TestLineEncoder_EscapesLineSeparators(t *testing.T) {
	var b strings.Builder
	enc := output.NewLineEncoder(&b)
	in := map[string]string{"text": "one\u0085two\u2028three\u2029four <b>&"}
	if err := enc.Encode(in); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, r := range []string{"\u0085", "\u2028", "\u2029"} {
		if strings.Contains(got, r) {
			t.Errorf("raw %U in %q", []rune(r)[0], got)
		}
	}
	if !strings.Contains(got, "<b>&") {
		t.Errorf("HTML characters escaped: %q", got)
	}
	var back map[string]string
	if err := json.Unmarshal([]byte(got), &back); err != nil || back["text"] != in["text"] {
		t.Errorf("round trip = %q, %v", back["text"], err)
	}
	if strings.Count(got, "\n") != 1 || !strings.HasSuffix(got, "\n") {
		t.Errorf("not one line: %q", got)
	}
}

// TestFromDoc_Clusters checks that entities carry their cluster and that
// a quote's speaker carries its entity's, and none without an entity.
func TestFromDoc_Clusters(t *testing.T) {
	text := `Ruth Okonjo arrived. "Late," she said. "Wet," a porter said.`
	d := &doc.Doc{ID: "c", Text: text}
	she := strings.Index(text, "she")
	porter := strings.Index(text, "a porter")
	d.Entities = []doc.Entity{
		{Span: doc.Span{Start: 0, End: 11}, Type: doc.Person, Actor: doc.Actor{Name: "Ruth Okonjo"}, Antecedent: -1, Cluster: 0},
		{Span: doc.Span{Start: she, End: she + 3}, Type: doc.Person, Actor: doc.Actor{Name: "Ruth Okonjo"}, Antecedent: 0, Cluster: 0},
	}
	d.Quotes = []doc.Quote{
		{Span: doc.Span{Start: 22, End: 26}, Kind: doc.DirectQuote, Speaker: 1, SpeakerMention: d.Entities[1].Span, Continues: -1},
		{Span: doc.Span{Start: 40, End: 43}, Kind: doc.DirectQuote, Speaker: -1, SpeakerMention: doc.Span{Start: porter, End: porter + 8}, Continues: -1},
	}
	d.Events = []doc.Event{{ID: "c-e1", Type: "RETREAT", Location: -1, ClaimedBy: -1, Quote: -1,
		Actors:     []doc.EventActor{{Span: d.Entities[1].Span, RawText: "she", Actor: d.Entities[1].Actor, Entity: 1}},
		Recipients: []doc.EventActor{{Span: doc.Span{Start: porter, End: porter + 8}, RawText: "a porter", Entity: -1}}}}
	rec := output.FromDoc(d, output.Options{})
	tests := []struct {
		name      string
		got, want *int
	}{
		{"event actor through its pronoun", rec.Events[0].Actor[0].Cluster, ptr(0)},
		{"event recipient with no entity", rec.Events[0].Recipient[0].Cluster, nil},
		{"root entity", &rec.Entities[0].Cluster, ptr(0)},
		{"pronoun", &rec.Entities[1].Cluster, ptr(0)},
		{"speaker through its pronoun", rec.Quotes[0].SpeakerCluster, ptr(0)},
		{"description speaker has none", rec.Quotes[1].SpeakerCluster, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if (tt.got == nil) != (tt.want == nil) || (tt.got != nil && *tt.got != *tt.want) {
				t.Errorf("got %v, want %v", deref(tt.got), deref(tt.want))
			}
		})
	}
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"refers_to":0,"cluster":0`, `"speaker_id":1,"speaker_cluster":0`, `"speaker_id":null,"speaker_cluster":null`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("record lacks %s: %s", want, b)
		}
	}
}

func ptr(i int) *int { return &i }

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestFromDoc_TextOnlyWhenAsked(t *testing.T) {
	d := &doc.Doc{ID: "x", Text: " Officials in Bogota\u0301 said.\r\n"}
	for _, tc := range []struct {
		opts output.Options
		want string
	}{
		{output.Options{}, ""},
		{output.Options{Text: true}, `"text":" Officials in Bogota` + "\u0301" + ` said.\r\n"`},
	} {
		b, err := json.Marshal(output.FromDoc(d, tc.opts))
		if err != nil {
			t.Fatal(err)
		}
		has := strings.Contains(string(b), `"text":" Officials`)
		if tc.want == "" && has || tc.want != "" && !strings.Contains(string(b), tc.want) {
			t.Errorf("FromDoc(%+v) = %s, want text %q", tc.opts, b, tc.want)
		}
	}
}

// TestFromDoc_MainEventAndTitleEvents: title events are listed apart from
// the text's, flagged in_title, with offsets into the title and words as
// the title gives them; main_event names the event that states it.
func TestFromDoc_MainEventAndTitleEvents(t *testing.T) {
	title := "Kenya Expels Envoys"
	td := &doc.Doc{ID: "m-title", Text: "Kenya expels envoys", Headline: true}
	td.Events = []doc.Event{{ID: "m-title-e1", Type: "SANCTION", Mode: "expel", Location: -1, ClaimedBy: -1, Quote: 0, Principal: true,
		Evidence: doc.Evidence{Sentence: doc.Span{Start: 0, End: 19}, Trigger: doc.Span{Start: 6, End: 12}}, Confidence: 0.8}}
	d := &doc.Doc{ID: "m", Title: title, Text: "Kenya expelled two envoys.", TitleDoc: td}
	d.Events = []doc.Event{{ID: "m-e1", Type: "SANCTION", Mode: "expel", Location: -1, ClaimedBy: -1, Quote: -1,
		Evidence: doc.Evidence{Sentence: doc.Span{Start: 0, End: 26}, Trigger: doc.Span{Start: 6, End: 14}}, Confidence: 0.8}}
	d.Main = &doc.MainEvent{Type: "SANCTION", Mode: "expel", Event: 0, Source: doc.MainTitle, Confidence: 0.8}
	rec := output.FromDoc(d, output.Options{})
	if len(rec.Events) != 1 || rec.Events[0].InTitle {
		t.Errorf("events = %+v, want the text's one event, not in the title", rec.Events)
	}
	if len(rec.TitleEvents) != 1 {
		t.Fatalf("title_events = %+v, want one", rec.TitleEvents)
	}
	te := rec.TitleEvents[0]
	if !te.InTitle || te.Evidence.TriggerText != "Expels" || te.Evidence.Text != title || te.Quote != nil {
		t.Errorf("title event = %+v, want in_title, the title's own words and no quote index", te)
	}
	want := output.MainEvent{Event: "SANCTION", Mode: "expel", EventID: "m-title-e1", Source: "title", Confidence: 0.8}
	if rec.MainEvent == nil || *rec.MainEvent != want {
		t.Errorf("main_event = %+v, want %+v", rec.MainEvent, want)
	}
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"in_title":true`) || strings.Count(string(b), `"in_title"`) != 1 {
		t.Errorf("in_title should appear once, on the title event: %s", b)
	}
}
