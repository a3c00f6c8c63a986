package geo_test

import "testing"

// TestGeoparser_FocusDecidesHomonyms checks that the places a document
// names elsewhere decide which of several namesakes a name means: the
// document focus, not the biggest namesake.
func TestGeoparser_FocusDecidesHomonyms(t *testing.T) {
	tests := []struct {
		name, text, place, country, admin1 string
	}{
		{"Alexandria, Virginia", "Commuters from Richmond and Norfolk were delayed. Flooding closed two roads in Alexandria on Friday.",
			"Alexandria", "USA", "US.VA"},
		{"Alexandria, Louisiana", "Storms hit Shreveport and Baton Rouge. Power failed across Alexandria overnight.",
			"Alexandria", "USA", "US.LA"},
		{"Alexandria, Egypt", "Protesters gathered in Cairo and Giza. Police in Alexandria arrested ten people.",
			"Alexandria", "EGY", ""},
		{"Columbus, Ohio", "The governor toured Cleveland and Cincinnati. He ended the week in Columbus.",
			"Columbus", "USA", "US.OH"},
		{"Columbus, Georgia", "The storm crossed Macon and Savannah before it reached Columbus.",
			"Columbus", "USA", "US.GA"},
		{"Springfield, Illinois", "Farmers from Peoria and Champaign drove to Springfield to protest.",
			"Springfield", "USA", "US.IL"},
		{"Springfield, Massachusetts", "Teachers in Worcester and Boston joined the strike that began in Springfield.",
			"Springfield", "USA", "US.MA"},
		{"Paris, Texas", "Tornadoes touched down near Dallas and Tyler. In Paris, a school lost its roof.",
			"Paris", "USA", "US.TX"},
		{"Paris, France", "Strikes spread from Lyon and Marseille. In Paris, trains stopped.",
			"Paris", "FRA", ""},
		{"Georgia the country", "Talks in Tbilisi and Batumi ended. Georgia signed the accord.",
			"Georgia", "GEO", ""},
		{"Georgia the state", "Voters in Atlanta and Savannah lined up early. Georgia counted its ballots by noon.",
			"Georgia", "USA", "US.GA"},
		// A state's name means the state, even in a story whose focus
		// holds a small town of that name.
		{"California the state in a Pennsylvania story", "Growers in Pittsburgh, Harrisburg and Scranton lost their orchards. Farms in California lost theirs too.",
			"California", "USA", "US.CA"},
		{"Florida the state in a New York story", "Officials in Buffalo, Albany and Syracuse closed offices. Storm warnings went out in Florida.",
			"Florida", "USA", "US.FL"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseWith(t, tc.text)
			var found bool
			for _, p := range d.Places {
				if d.SpanText(p.Span) != tc.place {
					continue
				}
				found = true
				if p.CountryCode != tc.country || tc.admin1 != "" && p.Admin1 != tc.admin1 {
					t.Errorf("%s = %s %s %s %s (%s), want %s %s", tc.place, p.Name, p.Feature, p.CountryCode, p.Admin1, p.Rule, tc.country, tc.admin1)
				}
			}
			if !found {
				t.Errorf("no place %q in %+v", tc.place, d.Places)
			}
		})
	}
}
