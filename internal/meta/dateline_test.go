package meta

import (
	"strings"
	"testing"
	"time"
)

type fakePlaces map[string]string

func (f fakePlaces) CountryCode(name string) (string, bool) {
	c, ok := f["country:"+strings.ToLower(name)]
	return c, ok
}

func (f fakePlaces) PlaceCountry(name string) (string, bool) {
	c, ok := f["place:"+strings.ToLower(name)]
	return c, ok
}

func (f fakePlaces) SeatCountry(name string) (string, bool) {
	c, ok := f["seat:"+strings.ToLower(name)]
	return c, ok
}

// testLabel knows the story labels the tests use.
func testLabel(w string) bool { return w == "BREAKING" || w == "UPDATE" }

var testPlaces = fakePlaces{
	"country:azerbaijan": "AZE", "country:kenya": "KEN", "country:peru": "PER",
	"place:nairobi": "KEN", "place:lima": "PER", "place:new york": "USA", "place:kyiv": "UKR",
	"seat:nairobi": "KEN", "seat:lima": "PER", "country:us": "USA", "place:mla": "IND",
}

func TestParseDateline(t *testing.T) {
	pub := time.Date(2023, 9, 16, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		text      string
		published time.Time
		wantNil   bool
		place     string
		country   string
		date      string
		spanText  string
		// notOpening: the text is a later paragraph, not the document's
		// opening.
		notOpening bool
	}{
		{name: "city country date", text: "BAKU, Azerbaijan, September 16. The talks went on.", published: pub,
			place: "Baku", country: "AZE", date: "2023-09-16", spanText: "BAKU, Azerbaijan, September 16"},
		{name: "agency paren dash", text: "NAIROBI (Reuters) - Kenyan police said...", published: pub,
			place: "Nairobi", country: "KEN", spanText: "NAIROBI (Reuters)"},
		{name: "date and agency", text: "LIMA, Sept. 3 (AFP) — Protesters marched.", published: pub,
			place: "Lima", country: "PER", date: "2023-09-03", spanText: "LIMA, Sept. 3 (AFP)"},
		{name: "two word city em dash", text: "NEW YORK — The council met.", published: pub,
			place: "New York", country: "USA", spanText: "NEW YORK"},
		{name: "explicit year", text: "KYIV, March 2, 2022 (AP) - Shelling resumed.", published: time.Time{},
			place: "Kyiv", country: "UKR", date: "2022-03-02", spanText: "KYIV, March 2, 2022 (AP)"},
		{name: "year rolls back", text: "NAIROBI, Dec. 31 (Reuters) - A report.", published: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC),
			place: "Nairobi", country: "KEN", date: "2023-12-31", spanText: "NAIROBI, Dec. 31 (Reuters)"},
		{name: "day month order", text: "LIMA, 3 September - Markets fell.", published: pub,
			place: "Lima", country: "PER", date: "2023-09-03", spanText: "LIMA, 3 September"},
		{name: "leading blank lines", text: "\n\n BAKU, Azerbaijan, September 16. Text.", published: pub,
			place: "Baku", country: "AZE", date: "2023-09-16", spanText: "BAKU, Azerbaijan, September 16"},
		{name: "US state abbreviation", text: "CAMBRIDGE, Mass. (AP) — Students walked out.", published: pub,
			place: "Cambridge", country: "USA", spanText: "CAMBRIDGE, Mass. (AP)"},
		{name: "bare capital city", text: "NAIROBI Kenyan police said on Monday.", published: pub,
			place: "Nairobi", country: "KEN", spanText: "NAIROBI"},
		{name: "bare city before an article", text: "LIMA The council met.", published: pub,
			place: "Lima", country: "PER", spanText: "LIMA"},
		{name: "a country in capitals is a subject", text: "US President Joe Biden said.", published: pub, wantNil: true},
		{name: "an abbreviation is no city", text: "MLA Sandra Jansen spoke.", published: pub, wantNil: true},
		{name: "a short word in capitals", text: "AN Edmonton man was charged.", published: pub, wantNil: true},
		{name: "a heading in capitals", text: "NAIROBI TALKS Resume today.", published: pub, wantNil: true},
		{name: "a bare dateline opens the text only", text: "NAIROBI Kenyan police said on Monday.", notOpening: true, wantNil: true},
		{name: "ordinary sentence", text: "Azerbaijan said on Monday it would not attend.", published: pub, wantNil: true},
		{name: "acronym subject", text: "NATO, the alliance, said it would meet.", published: pub, wantNil: true},
		{name: "story label", text: "BREAKING: Ministers resign.", published: pub, wantNil: true},
		{name: "empty", text: "", wantNil: true},
		{name: "lowercase", text: "the ministry said", wantNil: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dl := parseDateline(tt.text, tt.published, testPlaces, testLabel, !tt.notOpening)
			if tt.wantNil {
				if dl != nil {
					t.Fatalf("got dateline %+v, want none", *dl)
				}
				return
			}
			if dl == nil {
				t.Fatal("no dateline found")
			}
			if got, want := dl.Place, tt.place; got != want {
				t.Errorf("place = %q, want %q", got, want)
			}
			if got, want := dl.CountryCode, tt.country; got != want {
				t.Errorf("country = %q, want %q", got, want)
			}
			gotDate := ""
			if !dl.Date.IsZero() {
				gotDate = dl.Date.Format("2006-01-02")
			}
			if gotDate != tt.date {
				t.Errorf("date = %q, want %q", gotDate, tt.date)
			}
			if got := tt.text[dl.Start:dl.End]; got != tt.spanText {
				t.Errorf("span = %q, want %q", got, tt.spanText)
			}
		})
	}
}

func FuzzParseDateline(f *testing.F) {
	for _, s := range []string{"BAKU, Azerbaijan, September 16. X", "NAIROBI (Reuters) - x", "LIMA, Sept. 3 (AFP) — y", "A, 3 May", "X (", "ABC, Dec. 99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		dl := parseDateline(s, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), testPlaces, testLabel, true)
		if dl == nil {
			return
		}
		if dl.Start < 0 || dl.End > len(s) || dl.Start > dl.End {
			t.Fatalf("span %d-%d out of range for %q", dl.Start, dl.End, s)
		}
	})
}
