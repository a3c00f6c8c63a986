package gazetteer

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/dateline-project/dateline/internal/lexicon"
)

// readRegions appends the hand-written regions of regions.tsv. A row
// carries GeoNames' id where GeoNames has the feature (the continents),
// else a synthetic negative one; a GeoNames id must not already be a
// generated entry's.
func (b *builder) readRegions(fsys fs.FS) error {
	seen := map[int]bool{}
	var geonames []lexicon.Record // rows with a GeoNames id
	err := lexicon.ReadFile(fsys, regionsFile, []string{"id", "code", "name", "feature", "country", "lat", "lon", "aliases"}, func(r lexicon.Record) error {
		id, err := strconv.Atoi(r.Get("id"))
		if err != nil || id == 0 || id <= -100000 {
			return r.Errorf("id %q: want a GeoNames id or a negative integer above -100000", r.Get("id"))
		}
		if id > 0 {
			geonames = append(geonames, r)
		}
		if seen[id] {
			return r.Errorf("id %d used twice", id)
		}
		seen[id] = true
		lat, err1 := strconv.ParseFloat(r.Get("lat"), 64)
		lon, err2 := strconv.ParseFloat(r.Get("lon"), 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return r.Errorf("bad coordinates %q, %q", r.Get("lat"), r.Get("lon"))
		}
		name := r.Get("name")
		if name == "" {
			return r.Errorf("empty name")
		}
		feature := r.Get("feature")
		if !IsRegionFeature(feature) {
			return r.Errorf("feature %q: want RGN, CONT, PEN, SEA, STRT, GULF, OCN, ISL, STM or LK", feature)
		}
		cc := r.Get("country")
		if cc != "" && !isAlpha3(cc) {
			return r.Errorf("country %q: want an ISO alpha-3 code or nothing", cc)
		}
		e := int32(len(b.entries))
		b.entries = append(b.entries, Entry{ID: id, Name: name, Feature: feature, CountryCode: cc, Code: r.Get("code"), Lat: lat, Lon: lon})
		b.addName(name, e)
		for _, a := range r.List("aliases") {
			b.addName(a, e)
		}
		return nil
	})
	if err != nil || len(geonames) == 0 {
		return err
	}
	ids := make(map[int]int, len(geonames))
	for _, r := range geonames {
		id, _ := strconv.Atoi(r.Get("id"))
		ids[id] = 0
	}
	for _, e := range b.entries {
		if _, ok := ids[e.ID]; ok {
			ids[e.ID]++
		}
	}
	for _, r := range geonames {
		id, _ := strconv.Atoi(r.Get("id"))
		if ids[id] > 1 {
			return r.Errorf("id %d is already a generated entry's", id)
		}
	}
	return nil
}

// point is a position in degrees.
type point struct{ lat, lon float64 }

// readCentres reads country_centres.tsv: the centre of each country by
// alpha-3 code. The loader moves each country (PCLI) there from its
// capital's point in the index, as they come from a source under another
// licence (ODbL; see data/gazetteer/SOURCE.md): keeping them out of
// places.idx keeps the CC BY data and the ODbL data in separate files,
// combined only in memory. A country the file lacks keeps its capital's
// point.
func readCentres(fsys fs.FS) (map[string]point, error) {
	centres := map[string]point{}
	// The centres first, then GeoNames' own points over them: a country
	// stands where GeoNames puts it whenever the points table has it.
	for _, name := range []string{centresFile, pointsFile} {
		err := lexicon.ReadFile(fsys, name, []string{"alpha3", "lat", "lon"}, func(r lexicon.Record) error {
			cc := r.Get("alpha3")
			if !isAlpha3(cc) {
				return r.Errorf("alpha3 %q: want an ISO alpha-3 code", cc)
			}
			lat, err1 := strconv.ParseFloat(r.Get("lat"), 64)
			lon, err2 := strconv.ParseFloat(r.Get("lon"), 64)
			if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
				return r.Errorf("bad coordinates %q, %q", r.Get("lat"), r.Get("lon"))
			}
			centres[cc] = point{lat, lon}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return centres, nil
}

// moveToCentre puts a country entry at its centre, if it has one.
func moveToCentre(e *Entry, centres map[string]point) {
	if c, ok := centres[e.CountryCode]; ok && e.Feature == Country {
		e.Lat, e.Lon = c.lat, c.lon
	}
}

// IsRegionFeature reports whether f is a feature code that regions.tsv may
// use: the areas, waters, islands and rivers written by hand, which have
// no population and no administrative level.
func IsRegionFeature(f string) bool {
	switch f {
	case Region, "CONT", "PEN", "SEA", "STRT", "GULF", "OCN", "ISL", "STM", "LK":
		return true
	}
	return false
}

// readAliases adds the names of aliases.tsv to the entries they name: by
// country code (AZE), ISO 3166-2 code (DE-BY), GeoNames admin-1 key of a
// subdivision (DE.02) or id (587084, -3).
func (b *builder) readAliases(fsys fs.FS) error {
	type alias struct {
		rec    lexicon.Record
		target string
		names  []string
	}
	var list []alias
	err := lexicon.ReadFile(fsys, aliasesFile, []string{"target", "names"}, func(r lexicon.Record) error {
		t := r.Get("target")
		if t == "" {
			return r.Errorf("empty target")
		}
		list = append(list, alias{rec: r, target: t, names: r.List("names")})
		return nil
	})
	if err != nil {
		return err
	}
	want := make(map[string]int32, len(list))
	for _, a := range list {
		want[a.target] = -1
	}
	for i, e := range b.entries {
		for _, k := range [...]string{targetKey(e), e.Code, strconv.Itoa(e.ID)} {
			if k == "" {
				continue
			}
			if v, ok := want[k]; ok && v < 0 && k != "" {
				want[k] = int32(i)
			}
		}
	}
	for _, a := range list {
		e := want[a.target]
		if e < 0 {
			return a.rec.Errorf("target %q matches no entry", a.target)
		}
		for _, n := range a.names {
			b.addName(n, e)
		}
	}
	return nil
}

// targetKey is the alias target that names a country or a subdivision by
// its code.
func targetKey(e Entry) string {
	switch e.Feature {
	case Country:
		return e.CountryCode
	case Admin1:
		return e.Admin1
	}
	return ""
}

func isAlpha3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// Describe returns a one-line description of e for logs and tests, such as
// "Baku (PPLC, AZE, 587084)".
func Describe(e Entry) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s (%s, %s, %d)", e.Name, e.Feature, e.CountryCode, e.ID)
	return sb.String()
}

// readFeatureWords reads feature_words.tsv into the sets of words that
// open and that close place names.
func readFeatureWords(fsys fs.FS) (first, last map[string]bool, err error) {
	first, last = map[string]bool{}, map[string]bool{}
	err = lexicon.ReadFile(fsys, featureFile, []string{"word", "position"}, func(r lexicon.Record) error {
		w := strings.ToLower(strings.TrimSpace(r.Get("word")))
		if w == "" || strings.ContainsAny(w, " \t") {
			return r.Errorf("word %q: want one word", r.Get("word"))
		}
		switch r.Get("position") {
		case "first":
			first[w] = true
		case "last":
			last[w] = true
		default:
			return r.Errorf("position %q: want first or last", r.Get("position"))
		}
		return nil
	})
	return first, last, err
}
