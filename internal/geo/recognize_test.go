package geo_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/actor"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/geo"
	"github.com/dateline-project/dateline/internal/text"
)

// demonyms stands in for the actor dictionaries' demonym lookup.
// titles stands in for the actor dictionary's titles.
func titles(word string) bool {
	switch word {
	case "Queen", "King", "President", "Gen.":
		return true
	}
	return false
}

func demonyms(key string) (string, bool) {
	cc, ok := map[string]string{"turkish": "TUR", "canadian": "CAN", "french": "FRA"}[key]
	return cc, ok
}

// parseWith annotates s, adds the organisations named in orgs as the
// actor stage would, and runs the full geoparser.
func parseWith(t *testing.T, s string, orgs ...string) *doc.Doc {
	t.Helper()
	return parseWithActors(t, s, orgs, nil)
}

// parseWithActors is parseWith with the people named in persons too.
func parseWithActors(t *testing.T, s string, orgs, persons []string) *doc.Doc {
	t.Helper()
	return parseWithEntities(t, s, orgs, persons, nil)
}

// parseWithEntities is parseWithActors with further entities, placed at
// the first occurrence of their text, Rule and Type as given.
func parseWithEntities(t *testing.T, s string, orgs, persons []string, more map[string]doc.Entity) *doc.Doc {
	t.Helper()
	g, m := setup(t)
	d := &doc.Doc{Text: s}
	if err := annotate(m, d); err != nil {
		t.Fatal(err)
	}
	if head, _, ok := strings.Cut(s, ":"); ok && head == strings.ToUpper(head) && !strings.Contains(head, " ") {
		// The meta stage reads a capitalised dateline; this test runs
		// the geoparser alone.
		d.Dateline = &doc.Dateline{Span: doc.Span{Start: 0, End: len(head)}, Place: head}
	}
	for _, o := range orgs {
		i := strings.Index(s, o)
		if i < 0 {
			t.Fatalf("organisation %q not in the text", o)
		}
		d.Entities = append(d.Entities, doc.Entity{Span: doc.Span{Start: i, End: i + len(o)}, Type: doc.Org})
	}
	for _, n := range persons {
		i := strings.Index(s, n)
		if i < 0 {
			t.Fatalf("person %q not in the text", n)
		}
		d.Entities = append(d.Entities, doc.Entity{Span: doc.Span{Start: i, End: i + len(n)}, Type: doc.Person})
	}
	for n, e := range more {
		i := strings.Index(s, n)
		if i < 0 {
			t.Fatalf("entity %q not in the text", n)
		}
		e.Span = doc.Span{Start: i, End: i + len(n)}
		d.Entities = append(d.Entities, e)
	}
	abbrev, err := geo.LoadAbbreviations(data.FS, g)
	if err != nil {
		t.Fatal(err)
	}
	eponyms, err := geo.LoadEponymHeads(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	if err := geo.NewGeoparser(g).WithAbbreviations(abbrev).WithEponymHeads(eponyms).WithDemonyms(demonyms).WithTitles(titles).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestGeoparser_Metonyms checks that a seat of government the actor stage
// read as its government ("the White House") is no place, while the
// capital beside it is.
func TestGeoparser_Metonyms(t *testing.T) {
	metonym := doc.Entity{Type: doc.GPE, Rule: actor.KindRulePrefix(actor.KindMetonym) + "actors/countries.tsv:1"}
	d := parseWithEntities(t, "The White House and Downing Street spoke with Nairobi.", nil, nil,
		map[string]doc.Entity{"White House": metonym, "Downing Street": metonym})
	for _, absent := range []string{"White House", "Street", "Downing Street"} {
		if p := placeAt(d, absent); p != nil {
			t.Errorf("%q is a place (%s), want none", absent, p.Name)
		}
	}
	if p := placeAt(d, "Nairobi"); p == nil || p.CountryCode != "KEN" {
		t.Errorf("Nairobi = %+v, want the Kenyan capital", p)
	}
}

// placeAt returns the place whose text is name, or nil.
func placeAt(d *doc.Doc, name string) *doc.Place {
	for i := range d.Places {
		if d.SpanText(d.Places[i].Span) == name {
			return &d.Places[i]
		}
	}
	return nil
}

func TestGeoparser_Recognition(t *testing.T) {
	type want struct {
		text     string // the place's text; "" asserts that absent is absent
		absent   string // a word that must not be a place
		feature  string
		country  string
		admin1   string
		embedded bool
		kind     string
	}
	tests := []struct {
		name string
		text string
		orgs []string
		want []want
	}{
		{"state abbreviation after a town", "A flood reached Tampa, Fla., on Sunday.", nil,
			[]want{{text: "Tampa", country: "USA", admin1: "US.FL"}, {text: "Fla.", feature: "ADM1", admin1: "US.FL"}}},
		{"abbreviation in a capitalised dateline", "SPRINGFIELD, ILL. — The council met on Monday.", nil,
			[]want{{text: "SPRINGFIELD", admin1: "US.IL"}, {text: "ILL.", feature: "ADM1", admin1: "US.IL"}}},
		{"one form, two countries: the town decides", "Fires burned near Perth, WA, and in Seattle, WA, last week.", nil,
			[]want{{text: "Perth", country: "AUS"}, {text: "Seattle", country: "USA", admin1: "US.WA"}}},
		{"a name between a determiner and a town word says where the town is", "Police in the northern Ontario city arrested two men, and a small Texas town flooded.", nil,
			[]want{{text: "Ontario", feature: "ADM1", country: "CAN"}, {text: "Texas", feature: "ADM1", country: "USA"}}},
		{"historical and statistical regions beat their small namesakes", "Floods hit the West Midlands and Yorkshire as storms reached Moravia and Transylvania.", nil,
			[]want{{text: "West Midlands", feature: "RGN", country: "GBR"}, {text: "Yorkshire", country: "GBR"}, {text: "Moravia", country: "CZE"}, {text: "Transylvania", country: "ROU"}}},
		{"an abbreviation elsewhere is a word", "Miss. Okafor said the vote was close.", nil,
			[]want{{absent: "Miss."}}},
		{"an abbreviation news writes on its own", "Floods cut roads across NSW as B.C. sent crews.", nil,
			[]want{{text: "NSW", feature: "ADM1", country: "AUS"}, {text: "B.C.", feature: "ADM1", country: "CAN"}}},
		{"a disease named after a place", "An outbreak of Marburg virus in Uganda killed nine, and West Nile fever reached Texas.", nil,
			[]want{{absent: "Marburg"}, {absent: "West Nile"}, {absent: "Nile"}, {text: "Uganda", feature: "PCLI"}, {text: "Texas", feature: "ADM1"}}},
		{"a saint in a church's name is its patron", "Mourners filled St. Mark's Cathedral in Cairo and the church of St. Peter and St. Paul in Nairobi.", nil,
			[]want{{absent: "St. Mark"}, {absent: "St. Peter"}, {absent: "St. Paul"}, {text: "Cairo", country: "EGY"}, {text: "Nairobi", country: "KEN"}}},
		// An English name GeoNames lists only as an alternate: the
		// canton named after its capital vouches for it, and a village
		// of that main name a hundredth the size does not outweigh it;
		// a city of the main name outweighs a classical alternate.
		{"an exonym vouched for by its division", "The talks in Geneva ended on Monday.", nil,
			[]want{{text: "Geneva", country: "CHE"}}},
		{"an exonym against a village", "The floods reached Cologne on Monday.", nil,
			[]want{{text: "Cologne", country: "DEU"}}},
		{"a main name against a classical alternate", "The rally in Philadelphia drew thousands.", nil,
			[]want{{text: "Philadelphia", country: "USA"}}},
		{"a newspaper named after its city is no place", "The Washington Post said the talks in Nairobi failed.", nil,
			[]want{{absent: "Washington"}, {text: "Nairobi", country: "KEN"}}},
		{"a memorial named after a person is no place", "Crowds gathered at the Lincoln Memorial in Washington.", nil,
			[]want{{absent: "Lincoln"}}},
		{"a great lake is a place of its own", "A ferry sank in Lake Victoria near Mwanza.", nil,
			[]want{{text: "Lake Victoria", feature: "LK"}, {absent: "Victoria"}, {text: "Mwanza", country: "TZA"}}},
		{"the head of an X-of-Y name is no place", "The University of Nairobi and the Port of Mombasa closed, but ships still reached Port of Spain.", nil,
			[]want{{absent: "University"}, {absent: "Port"}, {text: "Nairobi", country: "KEN"}, {text: "Mombasa", country: "KEN"}, {text: "Port of Spain", country: "TTO"}}},
		{"a saint's feast is no place", "Thousands marched in the St. Patrick's Day parade in Dublin.", nil,
			[]want{{absent: "St. Patrick"}, {absent: "Patrick"}, {text: "Dublin", country: "IRL"}}},
		{"a town before a cathedral stays a place", "Crowds gathered outside Canterbury Cathedral in Kent on Sunday.", nil,
			[]want{{text: "Canterbury", country: "GBR"}}},
		{"an era after a number is no place", "The wall was built about 300 B.C. by farmers.", nil,
			[]want{{absent: "B.C."}}},
		{"all-caps dateline", "BEIRUT: Officials met on Tuesday.", nil,
			[]want{{text: "BEIRUT", country: "LBN"}}},
		{"hyphen compound before a lower-case word", "A London-based charity appealed for help.", nil,
			[]want{{text: "London", country: "GBR"}}},
		{"hyphen compound, country", "Police issued a Canada-wide warrant.", nil,
			[]want{{text: "Canada", feature: "PCLI"}}},
		{"joined country names", "The Canada-Mexico talks ended.", nil,
			[]want{{text: "Canada", feature: "PCLI"}, {text: "Mexico", feature: "PCLI"}}},
		{"joined personal names are not places", "Jean-Pierre spoke first.", nil,
			[]want{{absent: "Jean"}, {absent: "Pierre"}}},
		{"a person's name before -led is not a place", "An Okonkwo-led panel met.", nil,
			[]want{{absent: "Okonkwo"}}},
		{"place inside an organisation's name", "Officers of the Kentucky State Police searched the farm.", []string{"Kentucky State Police"},
			[]want{{text: "Kentucky", feature: "ADM1", embedded: true}}},
		{"common word inside an organisation's name", "The Union Hospital Board met.", []string{"Union Hospital Board"},
			[]want{{absent: "Union"}, {absent: "Hospital"}}},
		{"demonyms name their country", "Turkish troops crossed as Canadian officials watched.", nil,
			[]want{{text: "Turkish", feature: "PCLI", country: "TUR", kind: doc.PlaceDemonym},
				{text: "Canadian", feature: "PCLI", country: "CAN", kind: doc.PlaceDemonym}}},
		{"a county is a second-level division", "Deputies searched farms across Suffolk County on Monday.", nil,
			[]want{{text: "Suffolk County", feature: "ADM2", country: "USA", admin1: "US.NY"}}},
		{"a county qualified by its state", "Floods closed schools in Marion County, Ind., and in Peoria.", nil,
			[]want{{text: "Marion County", feature: "ADM2", admin1: "US.IN"}, {text: "Ind.", feature: "ADM1", admin1: "US.IN"}}},
		{"currency prefix", "The deal was worth US$40 million.", nil,
			[]want{{absent: "US"}}},
		{"an acronym is no hamlet or alternate spelling", "Officials at the DOH and the SOS office met UK and UAE envoys.", nil,
			[]want{{absent: "DOH"}, {absent: "SOS"}, {text: "UK", feature: "PCLI", country: "GBR"}, {text: "UAE", feature: "PCLI", country: "ARE"}}},
		{"a division named without its generic words", "Floods reached farms across Nueva Ecija and Pangasinan.", nil,
			[]want{{text: "Nueva Ecija", feature: "ADM2", country: "PHL"}, {text: "Pangasinan", feature: "ADM2", country: "PHL"}, {absent: "Ecija"}}},
		{"a division's bare name stays its seat's", "Protesters marched in Lima on Monday.", nil,
			[]want{{text: "Lima", feature: "PPLC", country: "PER"}}},
		{"another place's alternate spelling inside an organisation's name", "Inspectors from the Food and Drug Administration visited a plant in Ohio.",
			[]string{"Food and Drug Administration"},
			[]want{{absent: "Drug"}, {absent: "Administration"}, {text: "Ohio", feature: "ADM1"}}},
		{"a hamlet inside a longer name", "Volunteers at the Old Mill Heritage Trust counted birds.", nil,
			[]want{{absent: "Mill"}, {absent: "Heritage"}, {absent: "Trust"}}},
		{"a well-known town inside an organisation's name", "Nurses at Glasgow Royal Infirmary walked out.", []string{"Glasgow Royal Infirmary"},
			[]want{{text: "Glasgow", country: "GBR", embedded: true}}},
		{"a word that opens its sentence is no part of a name", "Talks stalled. Now Azerbaijan expects a reply.", nil,
			[]want{{text: "Azerbaijan", feature: "PCLI"}}},
		{"a compass word places what follows", "Riots broke out in North London and Western Kenya.", nil,
			[]want{{text: "London", country: "GBR"}, {text: "Kenya", feature: "PCLI"}}},
		{"a name behind an elided article", "Cocoa prices rose in Côte d'Ivoire and Ghana.", nil,
			[]want{{text: "Côte d'Ivoire", feature: "PCLI", country: "CIV"}, {text: "Ghana", feature: "PCLI"}}},
		{"an elided article with a typographic apostrophe", "Exports from Côte d’Ivoire fell.", nil,
			[]want{{text: "Côte d’Ivoire", feature: "PCLI", country: "CIV"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseWith(t, tc.text, tc.orgs...)
			for _, w := range tc.want {
				if w.absent != "" {
					if p := placeAt(d, w.absent); p != nil {
						t.Errorf("%q is a place (%s %s), want none", w.absent, p.Name, p.Feature)
					}
					continue
				}
				p := placeAt(d, w.text)
				if p == nil {
					t.Errorf("no place %q; places: %+v", w.text, d.Places)
					continue
				}
				if w.feature != "" && p.Feature != w.feature || w.country != "" && p.CountryCode != w.country ||
					w.admin1 != "" && p.Admin1 != w.admin1 || p.Embedded != w.embedded || p.Kind != w.kind {
					t.Errorf("%q = %s %s %s %s embedded=%v kind=%q, want feature %q country %q admin1 %q embedded=%v kind=%q",
						w.text, p.Name, p.Feature, p.CountryCode, p.Admin1, p.Embedded, p.Kind, w.feature, w.country, w.admin1, w.embedded, w.kind)
				}
				if d.SpanText(p.Span) != w.text {
					t.Errorf("offsets %d-%d give %q, want %q", p.Start, p.End, d.SpanText(p.Span), w.text)
				}
			}
		})
	}
}

// TestListsShareALevel checks that the names of a list are read as
// places of one level, and that a place and its qualifier are no list.
func TestListsShareALevel(t *testing.T) {
	for _, tc := range []struct {
		text, place, feature, country string
	}{
		{"Officials in Mexico, China, Japan and Brazil reported cases.", "China", "PCLI", "CHN"},
		{"Storms hit Georgia, Oklahoma and Ohio overnight.", "Georgia", "ADM1", "USA"},
		{"Storms hit Georgia, Oklahoma and Ohio overnight.", "Oklahoma", "ADM1", "USA"},
		{"Talks between Georgia and Armenia resumed.", "Georgia", "PCLI", "GEO"},
		{"Queues grew in Lagos, Abuja and Kano after the price rise.", "Lagos", "PPLA2", "NGA"},
		{"Floods reached New York, Ontario and New Brunswick.", "Ontario", "ADM1", "CAN"},
		{"A fair opened in Paris, Texas, on Friday.", "Paris", "", "USA"},
	} {
		checkResolved(t, tc.text, tc.place, tc.feature, tc.country)
	}
}

// checkResolved fails t unless text, run through the full geoparser,
// has the place place of feature feature (any when "") in country.
func checkResolved(t *testing.T, text, place, feature, country string) {
	t.Helper()
	d := parseWith(t, text)
	p := placeAt(d, place)
	if p == nil {
		t.Errorf("%q: no place %q in %v", text, place, d.Places)
		return
	}
	if feature != "" && p.Feature != feature || p.CountryCode != country {
		t.Errorf("%q: %q resolved to %s %s %q, want %s %q", text, place, p.Feature, p.Name, p.CountryCode, feature, country)
	}
}

// TestTitleAndName checks that a name after a title is a person's, not a
// place, while a place named with a title word is matched whole. Every
// sentence was written for this test.
func TestTitleAndName(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		wantPlace  bool
	}{
		{"Nurses at the Queen Elizabeth Hospital in Nairobi went on strike.", "Elizabeth", false},
		{"A statue of President Lincoln stands in Nairobi.", "Lincoln", false},
		{"Flights to Lincoln resumed on Monday.", "Lincoln", true},
	} {
		if got := placeAt(parseWith(t, tc.text), tc.word) != nil; got != tc.wantPlace {
			t.Errorf("%q: %q a place: %v, want %v", tc.text, tc.word, got, tc.wantPlace)
		}
	}
}

// TestOutsideItsQualifier checks a name that the gazetteer holds only
// elsewhere than its qualifier says ("Kisumu, Ontario"): it is coded as
// the qualifying division, never as the namesake abroad, unless "X, Y"
// is a list or X is itself a division. Every sentence was written for
// this test.
func TestOutsideItsQualifier(t *testing.T) {
	for _, tc := range []struct {
		text, place, feature, country, rule string
	}{
		{"The convoy stopped in Kisumu, Ontario, on Monday.", "Kisumu", "ADM1", "CAN", "qualifier_only"},
		{"The convoy stopped in Kisumu, Ontario, Canada, on Monday.", "Kisumu", "ADM1", "CAN", "qualifier_only"},
		{"The convoy stopped in Kisumu, Kenya, on Monday.", "Kisumu", "", "KEN", "gazetteer+qualifier"},
		{"Flights linked Eldoret, Ontario and Quebec.", "Eldoret", "", "KEN", "gazetteer"},
		{"Storms hit Kenya, Ontario.", "Kenya", "PCLI", "KEN", "gazetteer"},
	} {
		checkResolved(t, tc.text, tc.place, tc.feature, tc.country)
		if p := placeAt(parseWith(t, tc.text), tc.place); p != nil && p.Rule != tc.rule {
			t.Errorf("%q: %q rule %q, want %q", tc.text, tc.place, p.Rule, tc.rule)
		}
	}
}

// TestBesideAPerson checks the capitalised word straight before a person
// the actor stage found: a title or first name, unless it names a
// country or division.
func TestBesideAPerson(t *testing.T) {
	for _, tc := range []struct {
		text, person, word string
		wantPlace          bool
	}{
		{"Crowds greeted King Abdullah in Amman.", "Abdullah", "King", false},
		{"Reporters followed Paris Hilton through the airport.", "Hilton", "Paris", false},
		{"Crowds greeted US President Carter.", "President Carter", "US", true},
		{"Floods in Kenya President Ruto called a disaster.", "President Ruto", "Kenya", true},
	} {
		d := parseWithActors(t, tc.text, nil, []string{tc.person})
		if got := placeAt(d, tc.word) != nil; got != tc.wantPlace {
			t.Errorf("%q: %q a place: %v, want %v", tc.text, tc.word, got, tc.wantPlace)
		}
	}
}

func annotate(m *text.Model, d *doc.Doc) error {
	return text.NewAnnotator(m).Process(context.Background(), d)
}

// TestPhysicalFeatures checks that oceans, islands, rivers and regions the
// news names are found whole and resolved to their hand-written rows, not
// to a small town that shares a word of their name.
func TestPhysicalFeatures(t *testing.T) {
	for _, tc := range []struct {
		text, place, feature, country string
	}{
		{"Fishing fleets left the ports for the Pacific on Tuesday.", "Pacific", "OCN", ""},
		{"Floods swept villages across the Rift Valley after the rains.", "Rift Valley", "RGN", "KEN"},
		{"Ferries between Java and Bali were halted by the storm.", "Java", "ISL", "IDN"},
		{"Barges stopped on the Rhine River as water levels fell.", "Rhine River", "STM", ""},
		{"Boats carrying migrants reached Lampedusa overnight.", "Lampedusa", "ISL", "ITA"},
		// The towns of Atlantic, Iowa, and Pacific, Missouri, lie in the
		// story's country; the ocean lies in none.
		{"Ducks on the Atlantic flyway reached Maine, Ohio and Texas before the Pacific storms.", "Atlantic", "OCN", ""},
		{"Ducks on the Atlantic flyway reached Maine, Ohio and Texas before the Pacific storms.", "Pacific", "OCN", ""},
	} {
		checkResolved(t, tc.text, tc.place, tc.feature, tc.country)
	}
}

// TestCountryOverItsCapitalByFocus checks that a story focused on a
// country's capital region still reads the country's name as the country
// when the capital's alternate names include it.
func TestCountryOverItsCapitalByFocus(t *testing.T) {
	d := parseWith(t, "Doctors in Mexico reported new cases. Hospitals in Mexico City and Ecatepec were full, and clinics in Mexico asked for help.")
	for i := range d.Places {
		p := &d.Places[i]
		if d.SpanText(p.Span) == "Mexico" && p.Feature != "PCLI" {
			t.Errorf("Mexico at %d resolved to %s %s, want the country", p.Start, p.Feature, p.Name)
		}
	}
}

// TestDemonymsVoteInTheFocus checks that a demonym points the story to its
// country as the country's name does: with "Canadian" in the story,
// Vancouver is the Canadian city, not its smaller American namesake.
func TestDemonymsVoteInTheFocus(t *testing.T) {
	d := parseWith(t, "Canadian health officials in Vancouver said the clinic would stay open.")
	p := placeAt(d, "Vancouver")
	if p == nil || p.CountryCode != "CAN" {
		t.Fatalf("Vancouver = %+v, want the city in Canada", p)
	}
}

// TestLoadAbbreviations_Errors checks that a table whose rows do not fit
// the gazetteer is refused with the line.
func TestLoadAbbreviations_Errors(t *testing.T) {
	g, _ := setup(t)
	for _, tc := range []struct{ name, table, want string }{
		{"unknown subdivision", "target\tforms\nXX-ZZ\tZz.\n", "abbreviations.tsv:2"},
		{"anywhere form not among the forms", "target\tforms\tanywhere\nAU-NSW\tNSW\tN.S.W.\n", "N.S.W."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{geo.AbbreviationsFile: {Data: []byte(tc.table)}}
			_, err := geo.LoadAbbreviations(fsys, g)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one naming %q", err, tc.want)
			}
		})
	}
}

// TestLoadEponymHeads_Errors checks that a malformed list is refused with
// its line.
func TestLoadEponymHeads_Errors(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"capitalised word", "word\tnote\tkind\nvirus\tok\t\nFever\tcapitalised\t\n"},
		{"unknown kind", "word\tnote\tkind\nvirus\tok\t\nchurch\tworship\tshrine\n"},
	} {
		fsys := fstest.MapFS{geo.EponymHeadsFile: {Data: []byte(tc.data)}}
		if _, err := geo.LoadEponymHeads(fsys); err == nil || !strings.Contains(err.Error(), "eponym_heads.tsv:3") {
			t.Errorf("%s: err = %v, want one naming line 3", tc.name, err)
		}
	}
}
