// Package storetest holds what every store backend's tests share: a small
// hand-written fixture whose filter results are known, a seeded generator of
// synthetic documents for bulk loads and benchmarks, and a conformance
// suite (Run) that checks a backend against the contracts in package store.
//
// The records are built directly, not by the coder, so that store and API
// tests do not depend on how well the coding stages do.
package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

func str(s string) *string { return &s }

func actor(country, sector, name string, other ...string) output.ActorBlock {
	if other == nil {
		other = []string{}
	}
	return output.ActorBlock{RawText: name, EntityName: name, CountryCode: country, SectorCode: sector, OtherSectorCodes: other}
}

func record(id, published, title string) output.Record {
	return output.Record{
		DocID: id, Source: output.Source{Path: "fixture.jsonl", URL: "https://example.org/" + id}, Published: str(published),
		Title: title, Agencies: []output.Agency{}, Entities: []output.Entity{}, Quotes: []output.Quote{},
		Times: []output.TimeExpr{}, Places: []output.Place{}, Events: []output.Event{}, Warnings: []output.Warning{},
		Schema: output.SchemaVersion,
	}
}

func event(id, typ, mode, quad string, date *string, a, r []output.ActorBlock, loc *output.Location) output.Event {
	return output.Event{ID: id, Date: date, DatePrecision: "day", Event: typ, Mode: mode, Context: []string{},
		Actor: a, Recipient: r, Location: loc, Aux: []string{}, Quad: quad, CameoRoot: "01", Intensity: 1,
		Evidence: output.Evidence{TriggerText: strings.ToLower(typ)}, Rule: "fixture", Confidence: 0.9}
}

// ScriptText is the text of the fixture document that carries markup, so
// that API tests can check it comes back as data.
const ScriptText = "PARIS (AFP) - <script>alert('x')</script> Azerbaijan and Turkey held talks with France on energy. <b>bold</b> & more."

// Fixture returns three documents with five events, three quotes and
// places. Each event's key (DocID + "/" + event ID) and what it should
// match is listed in the suite's tables.
//
//	d1 2024-03-01 dateline Baku AZE
//	  d1/e1 ASSAULT  mode ""         material-conflict  day 2024-02-28  AZE MIL "Azerbaijani army" -> ARM GOV "Armenia"  Ganja (coords)  claimed
//	  d1/e2 ACCUSE   mode ""         verbal-conflict day 2024-03-01  ARM GOV+ELI "Armenia" -> AZE GOV "Azerbaijan"     Baku (dateline, no coords)
//	d2 2024-03-05
//	  d2/e1 PROTEST  mode "demo" material-conflict day 2024-03-05 KEN CVL "protesters" -> KEN GOV "Kenyan government"  Nairobi
//	  d2/e2 AID      mode ""         material-cooperation  day 2024-03-04  FRA GOV "France" -> KEN GOV "Kenyan government"   Mombasa  claimed
//	d3 2024-03-10 (text with <script>)
//	  d3/e1 CONSULT  mode ""         verbal-cooperation day 2024-03-10  AZE GOV "Azerbaijan" + TUR GOV "Turkey" + AZE MIL "Azerbaijani navy" -> FRA GOV "France"  Paris
//
// The flags the analyst's filters read (issue #16):
//
//	        principal negated aux          confidence date_precision main
//	d1/e1   yes       no      -            0.9        day            yes (lede)
//	d1/e2   no        yes     -            0.5        published      no
//	d2/e1   yes       no      hypothetical 0.7        day            yes (stands for the title's PROTEST)
//	d2/e2   yes       no      -            0.95       month          no
//	d3/e1   yes       no      future       0.6        day            no (d3 has no main event)
func Fixture() []store.Document {
	d1 := record("d1", "2024-03-01", "Shelling near Ganja")
	d1.Dateline = &output.Dateline{Place: "Baku", CountryCode: "AZE", Date: str("2024-03-01"), Start: 0, End: 4}
	claimer := actor("ARM", "GOV", "Armenian defence ministry")
	e1 := event("e1", "ASSAULT", "", "material conflict", str("2024-02-28"),
		[]output.ActorBlock{actor("AZE", "MIL", "Azerbaijani army")}, []output.ActorBlock{actor("ARM", "GOV", "Armenia")},
		&output.Location{Name: "Ganja", CountryCode: "AZE", Lat: 40.68, Lon: 46.36, Source: "attached"})
	e1.ClaimedBy = &claimer
	e1.Intensity = -9
	e2 := event("e2", "ACCUSE", "", "verbal conflict", nil,
		[]output.ActorBlock{actor("ARM", "GOV", "Armenia", "ELI")}, []output.ActorBlock{actor("AZE", "GOV", "Azerbaijan")},
		&output.Location{Name: "Baku", CountryCode: "AZE", Source: "dateline"})
	e1.Principal = true
	e2.Negated, e2.Confidence, e2.DatePrecision = true, 0.5, "published"
	d1.Events = []output.Event{e1, e2}
	d1.MainEvent = &output.MainEvent{Event: "ASSAULT", EventID: "e1", Source: "lede", Confidence: 0.9}
	d1.Quotes = []output.Quote{{Kind: "direct", Text: "We condemn the shelling of the ceasefire line", Speaker: &claimer, Rule: "fixture"}}
	d1.Places = []output.Place{{Text: "Ganja", Name: "Ganja", CountryCode: "AZE", Lat: 40.68, Lon: 46.36}}
	text1 := "BAKU, Azerbaijan, March 1 - The Azerbaijani army shelled positions near Ganja, Armenian officials said. Armenia accused Azerbaijan of breaking the ceasefire."

	d2 := record("d2", "2024-03-05", "Protests in Nairobi")
	kenGov := actor("KEN", "GOV", "Kenyan government")
	france := actor("FRA", "GOV", "France")
	e3 := event("e1", "PROTEST", "demo", "material conflict", str("2024-03-05"),
		[]output.ActorBlock{actor("KEN", "CVL", "protesters")}, []output.ActorBlock{kenGov},
		&output.Location{Name: "Nairobi", CountryCode: "KEN", Lat: -1.28, Lon: 36.82, Source: "attached"})
	e4 := event("e2", "AID", "", "material cooperation", str("2024-03-04"),
		[]output.ActorBlock{france}, []output.ActorBlock{kenGov},
		&output.Location{Name: "Mombasa", CountryCode: "KEN", Lat: -4.04, Lon: 39.67, Source: "attached"})
	e4.ClaimedBy = &france
	e3.Principal, e3.Aux, e3.Confidence = true, []string{"hypothetical"}, 0.7
	e4.Principal, e4.Confidence, e4.DatePrecision = true, 0.95, "month"
	d2.Events = []output.Event{e3, e4}
	d2.MainEvent = &output.MainEvent{Event: "PROTEST", EventID: "m-title-e1", Source: "title", Confidence: 0.7}
	speaker := actor("KEN", "GOV", "Amir Karimov")
	d2.Quotes = []output.Quote{
		{Kind: "direct", Text: "The protesters must go home peacefully", Speaker: &speaker, Rule: "fixture"},
		{Kind: "indirect", Text: "aid would arrive by ship", Speaker: &france, Rule: "fixture"},
	}
	text2 := "Thousands of protesters marched through Nairobi on Tuesday. France sent aid to Mombasa. The protesters must go home peacefully, Amir Karimov said."

	d3 := record("d3", "2024-03-10", "<script>alert('title')</script> Energy talks")
	e5 := event("e1", "CONSULT", "", "verbal cooperation", str("2024-03-10"),
		[]output.ActorBlock{actor("AZE", "GOV", "Azerbaijan"), actor("TUR", "GOV", "Turkey"), actor("AZE", "MIL", "Azerbaijani navy")}, []output.ActorBlock{france},
		&output.Location{Name: "Paris", CountryCode: "FRA", Lat: 48.85, Lon: 2.35, Source: "attached"})
	e5.Principal, e5.Aux, e5.Confidence = true, []string{"future"}, 0.6
	d3.Events = []output.Event{e5}

	return []store.Document{{Record: d1, Text: text1}, {Record: d2, Text: text2}, {Record: d3, Text: ScriptText}}
}

// GeoNames ids of two places that share a name, for Namesakes.
const (
	ParisFrance = 2988507
	ParisTexas  = 4717560
)

// Namesakes returns two documents whose events happen in places of the
// same name, Paris, France (n1/e1) and Paris, Texas (n2/e1), so that a
// filter by GeoNames id can be told from one by name.
func Namesakes() []store.Document {
	n1 := record("n1", "2024-04-02", "Farmers block a ring road")
	n1.Events = []output.Event{event("e1", "PROTEST", "demo", "material conflict", str("2024-04-02"),
		[]output.ActorBlock{actor("FRA", "AGR", "farmers")}, []output.ActorBlock{actor("FRA", "GOV", "French government")},
		&output.Location{Name: "Paris", GeonameID: ParisFrance, CountryCode: "FRA", Lat: 48.85, Lon: 2.35, Source: "attached", Precision: 1})}
	n2 := record("n2", "2024-04-03", "County sheriff detains two")
	n2.Events = []output.Event{event("e1", "COERCE", "arrest", "material conflict", str("2024-04-03"),
		[]output.ActorBlock{actor("USA", "COP", "sheriff's deputies")}, []output.ActorBlock{actor("USA", "CVL", "two men")},
		&output.Location{Name: "Paris", GeonameID: ParisTexas, CountryCode: "USA", Lat: 33.66, Lon: -95.56, Source: "sentence", Precision: 1})}
	return []store.Document{
		{Record: n1, Text: "Farmers drove tractors onto the ring road around Paris on Tuesday to protest fuel prices."},
		{Record: n2, Text: "Deputies in Paris, Texas, detained two men after a chase on Wednesday, the sheriff said."},
	}
}

// Plover vocabularies used by the generator.
var (
	genTypes     = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
	genQuads     = []string{"verbal cooperation", "verbal cooperation", "verbal cooperation", "material cooperation", "material cooperation", "material cooperation", "material cooperation", "verbal cooperation", "verbal conflict", "verbal conflict", "verbal conflict", "verbal conflict", "material conflict", "material conflict", "material conflict", "material conflict"}
	genModes     = []string{"", "", "", "", "violence", "meet", "withdraw"}
	genCountries = []string{"AZE", "ARM", "KEN", "PER", "FRA", "DEU", "IND", "JPN", "BRA", "NGA", "TUR", "UKR", "POL", "EGY", "COL", "IDN", "USA", "RUS", "CHN", "GBR"}
	genSectors   = []string{"GOV", "MIL", "COP", "REB", "CVL", "BUS", "MED", "OPP"}
	genPlaces    = []struct {
		name, cc string
		lat, lon float64
	}{
		{"Baku", "AZE", 40.41, 49.87}, {"Yerevan", "ARM", 40.18, 44.51}, {"Nairobi", "KEN", -1.29, 36.82}, {"Lima", "PER", -12.05, -77.04},
		{"Paris", "FRA", 48.86, 2.35}, {"Berlin", "DEU", 52.52, 13.41}, {"Mumbai", "IND", 19.08, 72.88}, {"Tokyo", "JPN", 35.69, 139.69},
		{"Lagos", "NGA", 6.52, 3.38}, {"Ankara", "TUR", 39.93, 32.86}, {"Kyiv", "UKR", 50.45, 30.52}, {"Cairo", "EGY", 30.04, 31.24},
		{"Bogota", "COL", 4.71, -74.07}, {"Jakarta", "IDN", -6.21, 106.85}, {"Warsaw", "POL", 52.23, 21.01}, {"Sao Paulo", "BRA", -23.55, -46.63},
	}
)

// Generator yields synthetic documents with a fixed number of events each,
// reproducibly from a seed. Documents are short (the text is filler) so a
// bulk load spends its time on events, not on text.
type Generator struct {
	rng          *rand.Rand
	n            int
	EventsPerDoc int
	// Days is the number of days the events spread over, from 2020-01-01.
	Days int
}

// NewGenerator returns a generator; eventsPerDoc is at least 1.
func NewGenerator(seed uint64, eventsPerDoc int) *Generator {
	return &Generator{rng: rand.New(rand.NewPCG(seed, seed^0xd1b54a32d192ed03)), EventsPerDoc: max(1, eventsPerDoc), Days: 1500}
}

func (g *Generator) day() string {
	// Days counted from 2020-01-01 without time.Time keeps this cheap; a
	// simple 28-day month calendar is enough for synthetic data.
	d := g.rng.IntN(g.Days)
	y, rest := 2020+d/336, d%336
	return fmt.Sprintf("%04d-%02d-%02d", y, rest/28+1, rest%28+1)
}

func (g *Generator) actor() output.ActorBlock {
	c := genCountries[g.rng.IntN(len(genCountries))]
	s := genSectors[g.rng.IntN(len(genSectors))]
	name := c + " " + s
	return output.ActorBlock{RawText: name, EntityName: name, CountryCode: c, SectorCode: s, OtherSectorCodes: []string{}}
}

// Next returns the next document.
func (g *Generator) Next() store.Document {
	g.n++
	id := fmt.Sprintf("gen-%08d", g.n)
	day := g.day()
	rec := record(id, day, "Synthetic report "+id)
	for i := 0; i < g.EventsPerDoc; i++ {
		t := g.rng.IntN(len(genTypes))
		p := genPlaces[g.rng.IntN(len(genPlaces))]
		evDay := day
		if g.rng.IntN(3) == 0 {
			evDay = g.day()
		}
		ev := event(fmt.Sprintf("e%d", i+1), genTypes[t], genModes[g.rng.IntN(len(genModes))], genQuads[t], &evDay,
			[]output.ActorBlock{g.actor()}, []output.ActorBlock{g.actor()},
			&output.Location{Name: p.name, CountryCode: p.cc, Lat: p.lat, Lon: p.lon, Source: "attached"})
		ev.Intensity = float64(g.rng.IntN(21)-10) / 2
		if g.rng.IntN(5) == 0 {
			c := g.actor()
			ev.ClaimedBy = &c
		}
		// The analyst's flags vary with the counters, not the random
		// stream, so that documents generated before they existed stay
		// as they were.
		k := g.n + i
		ev.Principal, ev.Negated = i == 0, k%7 == 0
		ev.Confidence = 0.5 + float64(k%5)/10
		ev.DatePrecision = []string{"day", "day", "month", "published"}[k%4]
		if k%5 == 0 {
			ev.Aux = []string{"hypothetical"}
		}
		rec.Events = append(rec.Events, ev)
	}
	if len(rec.Events) > 0 {
		rec.MainEvent = &output.MainEvent{Event: rec.Events[0].Event, EventID: rec.Events[0].ID, Source: "lede", Confidence: 0.5}
	}
	if g.rng.IntN(2) == 0 {
		s := g.actor()
		rec.Quotes = append(rec.Quotes, output.Quote{Kind: "direct", Text: "Synthetic statement number " + id, Speaker: &s, Rule: "synthetic"})
	}
	text := fmt.Sprintf("Synthetic report %s filed on %s. Officials met to discuss the situation.", id, day)
	return store.Document{Record: rec, Text: text}
}

// Syndicated returns three documents, one a near-duplicate of another as
// ingest marks it: s1 a first report (s1/e1 ASSAULT, s1/e2 ACCUSE), s2 a
// copy of s1 under its own headline with the same events (duplicate_of
// s1, similarity 0.875), and s3 a report of its own (s3/e1 ASSAULT).
// Only s1 carries a signature; the store treats signatures as opaque
// bytes, so these are not real ones.
func Syndicated() []store.Document {
	mk := func(id, title string) output.Record {
		r := record(id, "2024-05-06", title)
		r.Events = []output.Event{
			event("e1", "ASSAULT", "", "material conflict", str("2024-05-05"),
				[]output.ActorBlock{actor("SDN", "REB", "RSF fighters")}, []output.ActorBlock{actor("SDN", "CVL", "villagers")},
				&output.Location{Name: "El Fasher", CountryCode: "SDN", Lat: 13.63, Lon: 25.35, Source: "attached"}),
			event("e2", "ACCUSE", "", "verbal conflict", nil,
				[]output.ActorBlock{actor("SDN", "GOV", "Sudanese army")}, []output.ActorBlock{actor("SDN", "REB", "RSF")},
				&output.Location{Name: "Port Sudan", CountryCode: "SDN", Lat: 19.62, Lon: 37.22, Source: "dateline"}),
		}
		return r
	}
	s1 := mk("s1", "Fighters attack villages near El Fasher")
	s2 := mk("s2", "Army blames RSF for raids in Darfur")
	s2.DuplicateOf, s2.Similarity = str("s1"), new(0.875)
	s3 := record("s3", "2024-05-07", "Militia raids market town")
	s3.Events = []output.Event{event("e1", "ASSAULT", "", "material conflict", str("2024-05-07"),
		[]output.ActorBlock{actor("SDN", "REB", "militia")}, []output.ActorBlock{actor("SDN", "CVL", "traders")},
		&output.Location{Name: "Nyala", CountryCode: "SDN", Lat: 12.05, Lon: 24.88, Source: "attached"})}
	body := "Fighters attacked villages near El Fasher on Sunday, residents said, and the army accused the RSF of the raids."
	return []store.Document{
		{Record: s1, Text: body, Signature: []byte("signature of s1")},
		{Record: s2, Text: "PORT SUDAN - " + body},
		{Record: s3, Text: "A militia raided the market in Nyala on Tuesday, traders said."},
	}
}
