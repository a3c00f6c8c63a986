package incident

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestCompatible checks each matching rule on pairs that differ in one
// respect from two reports of one bombing.
func TestCompatible(t *testing.T) {
	tests := []struct {
		name string
		b    Report
		want bool
	}{
		{"identical", report("b"), true},
		{"same document", report("b", func(r *Report) { r.DocID = "doc-a" }), false},
		{"other type", report("b", func(r *Report) { r.Type = "PROTEST" }), false},
		{"mode on one side", report("b", func(r *Report) { r.Mode = "explosives" }), true},

		{"next day", report("b", on("2025-03-15", PrecisionDay)), true},
		{"two days on", report("b", on("2025-03-16", PrecisionDay)), false},
		{"day before", report("b", on("2025-03-13", PrecisionDay)), true},
		{"published next day", report("b", on("2025-03-15", PrecisionPublished)), true},
		{"published from time", report("b", on("", PrecisionPublished), func(r *Report) {
			r.Published = time.Date(2025, 3, 15, 23, 0, 0, 0, time.UTC)
		}), true},
		{"published two days on", report("b", on("2025-03-16", PrecisionPublished)), false},
		{"same month", report("b", on("2025-03-31", PrecisionMonth)), true},
		{"next month", report("b", on("2025-04-01", PrecisionMonth)), false},
		{"same year", report("b", on("2025-12-01", PrecisionYear)), true},
		{"last year", report("b", on("2024-12-31", PrecisionYear)), false},

		{"no actors", report("b", func(r *Report) { r.Actors = nil }), true},
		{"country only", report("b", func(r *Report) { r.Actors = []Actor{{Country: "SOM"}} }), true},
		{"sector only", report("b", func(r *Report) { r.Actors = []Actor{{Sector: "REB"}} }), true},
		{"unknown sector", report("b", func(r *Report) { r.Actors = []Actor{{"SOM", "UNK"}} }), true},
		{"other sector", report("b", func(r *Report) { r.Actors = []Actor{{"SOM", "MIL"}} }), false},
		{"other country", report("b", func(r *Report) { r.Actors = []Actor{{"KEN", "REB"}} }), false},
		{"one shared actor", report("b", func(r *Report) { r.Actors = []Actor{{"SOM", "MIL"}, {"SOM", "REB"}} }), true},
		{"other recipient", report("b", func(r *Report) { r.Recipients = []Actor{{"SOM", "GOV"}} }), false},

		{"no place", report("b", at(0, 0)), true},
		{"towns 24 km apart", report("b", at(24, 1)), true},
		{"towns 26 km apart", report("b", at(26, 1)), false},
		{"district 74 km away", report("b", at(74, 2)), true},
		{"district 76 km away", report("b", at(76, 2)), false},
		{"province 500 km away", report("b", at(500, 3)), true},
		{"province of another country", report("b", at(5, 3), func(r *Report) { r.Place.CountryCode = "KEN" }), false},
		{"province of unknown country", report("b", at(500, 3), func(r *Report) { r.Place.CountryCode = "" }), true},
		{"same feature, other point", report("b", func(r *Report) { r.Place.Lat += 1 }), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range []Report{report("a"), tt.b} {
				if _, err := c.push(r); err != nil {
					t.Fatal(err)
				}
			}
			a, b := c.nodes.at(0), c.nodes.at(1)
			if got := c.opt.compatible(a, b); got != tt.want {
				t.Errorf("compatible = %v, want %v", got, tt.want)
			}
			if got := c.opt.compatible(b, a); got != tt.want {
				t.Errorf("compatible reversed = %v, want %v", got, tt.want)
			}
			// The index's prefilter must never rule out a pair that
			// matches.
			ea, eb := newEntry(0, a), newEntry(1, b)
			if tt.want && (!c.opt.mayMatch(a, &eb) || !c.opt.mayMatch(b, &ea)) {
				t.Errorf("mayMatch rules out a matching pair")
			}
		})
	}
}

// TestKinds checks which reports anchor: only a day and a town.
func TestKinds(t *testing.T) {
	tests := []struct {
		name string
		r    Report
		want kind
	}{
		{"day and town", report("a"), anchor},
		{"day and district", report("a", at(0, 2)), satellite},
		{"day and town, recipient only", report("a", func(r *Report) { r.Actors = nil }), anchor},
		{"day and town, no actor coded", report("a", func(r *Report) { r.Actors, r.Recipients = []Actor{{"UNK", ""}}, nil }), satellite},
		{"day and country", report("a", at(0, 3)), satellite},
		{"day, no place", report("a", at(0, 0)), satellite},
		{"precision 0 is no place", report("a", func(r *Report) { r.Place.Precision = 0 }), satellite},
		{"published and town", report("a", on("2025-03-14", PrecisionPublished)), satellite},
		{"month and town", report("a", on("2025-03-14", PrecisionMonth)), satellite},
		{"historical", report("a", on("", PrecisionHistorical)), single},
		{"duration", report("a", on("2025-03-14", PrecisionDuration)), single},
		{"no precision", report("a", on("2025-03-14", "")), single},
	}
	for _, tt := range tests {
		n, err := newNode(tt.r)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if n.kind != tt.want {
			t.Errorf("%s: kind %d, want %d", tt.name, n.kind, tt.want)
		}
	}
}

// TestCanonicalOrder checks the order that picks an incident's canonical
// report: each report beats the next.
func TestCanonicalOrder(t *testing.T) {
	early := time.Date(2025, 3, 14, 8, 0, 0, 0, time.UTC)
	pub := func(tm time.Time) func(*Report) { return func(r *Report) { r.Published = tm } }
	order := []Report{
		report("z", conf(0.9)),                                        // highest confidence wins over all else
		report("y", at(0, 3), conf(0.8)),                              // day date, country
		report("x", on("2025-03-14", PrecisionPublished), pub(early)), // published date, though earlier and a town
		report("w", on("2025-03-01", PrecisionMonth), pub(early)),
		report("v", on("2025-03-01", PrecisionMonth), at(0, 2)),
		report("b", on("2025-03-01", PrecisionMonth), at(0, 3), pub(early)),
		report("c", on("2025-03-01", PrecisionMonth), at(0, 3), pub(early.Add(time.Hour))),
		report("a", on("2025-03-01", PrecisionMonth), at(0, 3), pub(time.Time{})),  // no time: last
		report("a2", on("2025-03-01", PrecisionMonth), at(0, 3), pub(time.Time{})), // then the event id
	}
	nodes := make([]node, len(order))
	for i, r := range order {
		n, err := newNode(r)
		if err != nil {
			t.Fatal(err)
		}
		nodes[i] = n
	}
	for i := range len(nodes) - 1 {
		if canonicalCmp(&nodes[i], &nodes[i+1]) >= 0 || canonicalCmp(&nodes[i+1], &nodes[i]) <= 0 {
			t.Errorf("%s should come before %s", order[i].EventID, order[i+1].EventID)
		}
	}
}

// TestHaversine pins the distance to known city pairs within 1%.
func TestHaversine(t *testing.T) {
	tests := []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		km                     float64
	}{
		{"Nairobi-Machakos", -1.28333, 36.81667, -1.52233, 37.26521, 56.5},
		{"Kaduna-Zaria", 10.52641, 7.43879, 11.11128, 7.7227, 72.2},
		{"Kyiv-Bila Tserkva", 50.45466, 30.5238, 49.8004, 30.12851, 78.0},
		{"a degree of latitude", 0, 0, 1, 0, 111.2},
	}
	for _, tt := range tests {
		got := haversine(tt.lat1, tt.lon1, tt.lat2, tt.lon2)
		if got < tt.km*0.99 || got > tt.km*1.01 {
			t.Errorf("%s: %.1f km, want %.1f", tt.name, got, tt.km)
		}
	}
}

// globeReports returns random reports whose places cluster around a few
// spots over the globe, poles and the antimeridian included, within
// about 100 km of each; the places of one GeoNames id stay within a few
// hundred metres of each other, as reports of one feature do.
func globeReports(seed uint64, n int) []Report {
	rng := rand.New(rand.NewPCG(seed, seed))
	reps := randomReports(rng, n)
	spots := [][2]float64{{10, 20}, {89.5, 0}, {-89.7, 120}, {0, 179.8}, {0, -179.9}, {60, 30}, {45.3, 179.6}}
	for i := range reps {
		p := reps[i].Place
		if p == nil {
			continue
		}
		s, spread := spots[rng.IntN(len(spots))], 1.6
		if p.GeonameID != 0 {
			s, spread = spots[p.GeonameID%len(spots)], 0.004
		}
		p.Lat = max(-90, min(90, s[0]+(rng.Float64()-0.5)*spread))
		p.Lon = s[1] + (rng.Float64()-0.5)*spread
		if p.Lon > 180 {
			p.Lon -= 360
		} else if p.Lon < -180 {
			p.Lon += 360
		}
	}
	return reps
}

// pushAll validates and appends reps to c without clustering them.
func pushAll(t *testing.T, c *Clusterer, reps []Report) {
	t.Helper()
	for _, r := range reps {
		if _, err := c.push(r); err != nil {
			t.Fatal(err)
		}
	}
}

// TestIndexNeverRulesOut checks the index against the full rules: with
// every report filed, a scan from each report at the level of each
// report compatible with it finds that report, whatever their dates and
// places (day, month and year dates; towns, districts, countries and no
// place; poles and the antimeridian), with buckets filed by place from
// their first entry and as a flat list.
func TestIndexNeverRulesOut(t *testing.T) {
	for seed := range uint64(6) {
		c, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		if seed%2 == 0 {
			c.placeMin = 0
		}
		pushAll(t, c, globeReports(seed+10, 500))
		for i := range int32(c.nodes.len()) {
			c.file(i)
		}
		matches := 0
		for i := range int32(c.nodes.len()) {
			a := c.nodes.at(i)
			if a.kind == single {
				continue
			}
			found := map[uint8]map[int32]bool{}
			for _, lvl := range []uint8{lvlAnchor, lvlSatDay, lvlSatPeriod} {
				found[lvl] = map[int32]bool{}
				c.eachNear(a, lvl, func(j int32) { found[lvl][j] = true })
			}
			for j := range int32(c.nodes.len()) {
				b := c.nodes.at(j)
				if i == j || b.kind == single || !c.opt.compatible(a, b) {
					continue
				}
				matches++
				lvl := lvlSatPeriod
				switch {
				case b.kind == anchor:
					lvl = lvlAnchor
				case b.dayLevel:
					lvl = lvlSatDay
				}
				if !found[lvl][j] {
					t.Fatalf("seed %d: the index never offers %s (%s, %+v) to %s (%s, %+v), which match",
						seed, b.rep.EventID, b.rep.DatePrecision, b.rep.Place, a.rep.EventID, a.rep.DatePrecision, a.rep.Place)
				}
			}
		}
		if matches < 1000 {
			t.Fatalf("seed %d: only %d matching pairs: the test exercises too little", seed, matches)
		}
	}
}

// TestMayMatchNeverRulesOut checks the index's prefilter against the full
// rules on random pairs spread over the globe, poles and the
// antimeridian included: every compatible pair must pass it.
func TestMayMatchNeverRulesOut(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	pushAll(t, c, globeReports(5, 400))
	matches := 0
	for i := range int32(c.nodes.len()) {
		a := c.nodes.at(i)
		if a.kind == single {
			continue
		}
		for j := range int32(c.nodes.len()) {
			b := c.nodes.at(j)
			if i == j || b.kind == single || !c.opt.compatible(a, b) {
				continue
			}
			matches++
			if e := newEntry(int32(j), b); !c.opt.mayMatch(a, &e) {
				t.Fatalf("mayMatch rules out %s against %s, which match", a.rep.EventID, b.rep.EventID)
			}
		}
	}
	if matches < 1000 {
		t.Fatalf("only %d matching pairs: the test exercises too little", matches)
	}
}
