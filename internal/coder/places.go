package coder

import (
	"strings"

	"github.com/dateline-project/dateline/internal/geo/gazetteer"
)

// gazetteerPlaces answers the dateline parser's questions from the
// gazetteer: which country a name is, and which country a city is in.
type gazetteerPlaces struct{ g *gazetteer.Gazetteer }

func (p gazetteerPlaces) CountryCode(name string) (string, bool) {
	for _, e := range p.g.Lookup(name) {
		if strings.HasPrefix(e.Feature, "PCL") && e.CountryCode != "" {
			return e.CountryCode, true
		}
	}
	return "", false
}

// PlaceCountry prefers a capital, then an administrative seat, then the
// most populous place of that name: a dateline names a city newsworthy
// enough to file from.
func (p gazetteerPlaces) PlaceCountry(name string) (string, bool) {
	best, rank := "", 0
	for _, e := range p.g.Lookup(name) {
		r := 0
		switch {
		case e.Feature == "PPLC":
			r = 4
		case strings.HasPrefix(e.Feature, "PPLA"):
			r = 3
		case e.IsPopulated():
			r = 2
		case strings.HasPrefix(e.Feature, "PCL"):
			r = 1
		}
		if r > rank && e.CountryCode != "" {
			best, rank = e.CountryCode, r
		}
	}
	return best, rank > 0
}

// SeatCountry returns the country of a national capital, or of the seat of
// a first- or second-level division with at least 100,000 people, of that
// name: the kind of city a bare dateline names ("DETROIT"), and few words
// in capitals besides.
func (p gazetteerPlaces) SeatCountry(name string) (string, bool) {
	for _, e := range p.g.Lookup(name) {
		seat := e.Feature == "PPLA" || e.Feature == "PPLA2"
		if (e.Feature == "PPLC" || seat && e.Population >= 100_000) && e.CountryCode != "" {
			return e.CountryCode, true
		}
	}
	return "", false
}
