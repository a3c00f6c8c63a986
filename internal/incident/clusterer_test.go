package incident

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestMatchesReference checks the incremental Clusterer against the
// definition, computed from scratch by reference, on crowded random sets
// added in several orders: the same incidents whatever the order, and
// the ones the definition gives, however the index files them.
func TestMatchesReference(t *testing.T) {
	for seed := range uint64(30) {
		rng := rand.New(rand.NewPCG(seed, 7))
		reps := randomReports(rng, 60+rng.IntN(120))
		want, err := reference(Options{}, reps)
		if err != nil {
			t.Fatal(err)
		}
		for k := range 4 {
			rng.Shuffle(len(reps), func(i, j int) { reps[i], reps[j] = reps[j], reps[i] })
			// Every other order files the index buckets by place from
			// their first entry (see placeIndex).
			c, got := clusterAllMin(t, reps, placeIndexMin*(k%2))
			for _, r := range reps {
				if got[r.EventID] != want[r.EventID] {
					t.Fatalf("seed %d order %d: %s in %s, want %s", seed, k, r.EventID, got[r.EventID], want[r.EventID])
				}
				if id, _ := c.IncidentOf(r.EventID); id != want[r.EventID] {
					t.Fatalf("seed %d order %d: IncidentOf(%s) = %s, want %s", seed, k, r.EventID, id, want[r.EventID])
				}
			}
			checkInvariants(t, c)
		}
	}
}

// checkInvariants checks the Clusterer's bookkeeping: every report in
// exactly one live cluster, each cluster's canonical report its best,
// the live count right.
func checkInvariants(t *testing.T, c *Clusterer) {
	t.Helper()
	clusters := map[*cluster]bool{}
	for i := range int32(c.nodes.len()) {
		cl := c.nodes.at(i).cl
		if cl.dead || !slices.Contains(cl.members, int32(i)) {
			t.Fatalf("%s: its cluster is dead or lacks it", c.nodes.at(i).rep.EventID)
		}
		clusters[cl] = true
	}
	if len(clusters) != c.Len() {
		t.Fatalf("%d live clusters, Len says %d", len(clusters), c.Len())
	}
	for cl := range clusters {
		for _, m := range cl.members {
			if c.nodes.at(m).cl != cl {
				t.Fatalf("%s is listed in a cluster it is not in", c.nodes.at(m).rep.EventID)
			}
			if canonicalCmp(c.nodes.at(m), c.nodes.at(cl.canon)) < 0 {
				t.Fatalf("%s beats canonical %s", c.nodes.at(m).rep.EventID, c.nodes.at(cl.canon).rep.EventID)
			}
		}
	}
}

// report builds a test report: type ASSAULT, one actor and recipient, a
// day-precision date and a town unless the options change them.
func report(id string, opts ...func(*Report)) Report {
	r := Report{
		EventID: id, DocID: "doc-" + id, Source: "outlet-" + id, Type: "ASSAULT",
		Actors: []Actor{{"SOM", "REB"}}, Recipients: []Actor{{"SOM", "CVL"}},
		Date: "2025-03-14", DatePrecision: PrecisionDay,
		Place:      &Place{GeonameID: 53654, CountryCode: "SOM", Lat: 2.03711, Lon: 45.34375, Precision: 1},
		Published:  time.Date(2025, 3, 14, 12, 0, 0, 0, time.UTC),
		Confidence: 0.8,
	}
	for _, o := range opts {
		o(&r)
	}
	return r
}

func on(date, prec string) func(*Report) {
	return func(r *Report) { r.Date, r.DatePrecision = date, prec }
}

// at moves the place north of Mogadishu by km kilometres, as another
// feature, at precision p; p 0 removes the place.
func at(km float64, p int) func(*Report) {
	return func(r *Report) {
		if p == 0 {
			r.Place = nil
			return
		}
		r.Place = &Place{GeonameID: 1000 + int(km), CountryCode: "SOM", Lat: 2.03711 + km/111.195, Lon: 45.34375, Precision: p}
	}
}

func conf(x float64) func(*Report) { return func(r *Report) { r.Confidence = x } }

// TestScenarios covers the behaviours the rules are there for, each in
// every order of its reports.
func TestScenarios(t *testing.T) {
	tests := []struct {
		name string
		reps []Report
		// want lists the incidents as groups of event ids.
		want [][]string
	}{
		{
			name: "a month report does not bridge two incidents a week apart",
			reps: []Report{
				report("a1"), report("a2"),
				report("b1", on("2025-03-21", PrecisionDay)), report("b2", on("2025-03-21", PrecisionDay)),
				report("m", on("2025-03-01", PrecisionMonth), at(0, 3), conf(0.5)),
			},
			// m is as near to both; the better-evidenced anchor wins,
			// a1 and b1 tie on all but the event id.
			want: [][]string{{"a1", "a2", "m"}, {"b1", "b2"}},
		},
		{
			name: "a district report does not bridge two towns 60 km apart",
			reps: []Report{
				report("a1"), report("a2", at(3, 1)),
				report("b1", at(60, 1)), report("b2", at(62, 1)),
				report("d", at(40, 2)),
			},
			want: [][]string{{"a1", "a2"}, {"b1", "b2", "d"}},
		},
		{
			name: "satellites cluster among themselves until an anchor comes",
			reps: []Report{
				report("s1", at(0, 3)), report("s2", on("2025-03-15", PrecisionPublished), at(0, 3)),
				report("s3", at(10, 2)),
			},
			want: [][]string{{"s1", "s2", "s3"}},
		},
		{
			name: "an anchor takes the satellites it is closest to and splits their group",
			reps: []Report{
				report("s1", at(0, 2)), report("s2", at(70, 2)), report("s3", at(140, 2)),
				report("a", at(140, 1)),
			},
			// Without a, s1-s2-s3 chain at 70 km steps; a takes s2 and
			// s3 (both within 75 km), leaving s1 alone.
			want: [][]string{{"a", "s2", "s3"}, {"s1"}},
		},
		{
			name: "a week apart, different modes, other actors and other types stay apart",
			reps: []Report{
				report("a"),
				report("week", on("2025-03-21", PrecisionDay)),
				report("mode1", func(r *Report) { r.Mode = "explosives" }),
				report("mode2", func(r *Report) { r.Mode = "firearms" }),
				report("actor", func(r *Report) { r.Actors = []Actor{{"KEN", "MIL"}} }),
				report("type", func(r *Report) { r.Type = "PROTEST" }),
			},
			// a has no mode, so it matches both moded reports; they are
			// linked through it, as anchors link transitively.
			want: [][]string{{"a", "mode1", "mode2"}, {"actor"}, {"type"}, {"week"}},
		},
		{
			name: "across the new year",
			reps: []Report{
				report("dec31", on("2024-12-31", PrecisionDay)), report("jan2", on("2025-01-02", PrecisionDay)),
				report("dec", on("2024-12-01", PrecisionMonth), at(0, 3)),
				report("y2024", on("2024-06-01", PrecisionYear), at(0, 3)),
				report("jan", on("2025-01-15", PrecisionMonth), at(0, 3)),
				report("pub", on("2025-01-01", PrecisionPublished), at(0, 3)),
			},
			// The days are two apart and stay apart. "December" and
			// "2024" take the 31st, "January" the 2nd; the report
			// published on the 1st is a day from both, as near in space,
			// and as well evidenced, so the smaller event id decides.
			want: [][]string{{"dec", "dec31", "pub", "y2024"}, {"jan", "jan2"}},
		},
		{
			name: "undated and historical reports never cluster",
			reps: []Report{
				report("a"), report("h", on("", PrecisionHistorical)), report("n", on("", "")),
				report("d", on("", PrecisionDuration)),
			},
			want: [][]string{{"a"}, {"d"}, {"h"}, {"n"}},
		},
		{
			name: "two events of one document are not linked directly",
			reps: []Report{
				report("e1"), report("e2", func(r *Report) { r.DocID = "doc-e1" }),
			},
			want: [][]string{{"e1"}, {"e2"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := map[string]int{}
			for k, g := range tt.want {
				for _, ev := range g {
					want[ev] = k
				}
			}
			for _, perm := range permutations(len(tt.reps)) {
				reps := make([]Report, len(perm))
				for i, p := range perm {
					reps[i] = tt.reps[p]
				}
				_, pred := clusterAll(t, reps)
				if got := groups(pred); !slices.EqualFunc(got, tt.want, slices.Equal) {
					t.Fatalf("order %v: incidents %v, want %v", perm, got, tt.want)
				}
			}
		})
	}
}

// groups turns event → incident into sorted groups of event ids.
func groups(pred map[string]string) [][]string {
	by := map[string][]string{}
	for ev, inc := range pred {
		by[inc] = append(by[inc], ev)
	}
	var out [][]string
	for _, g := range by {
		slices.Sort(g)
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}

// permutations returns every order of n items (n ≤ 6 keeps it at 720).
func permutations(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := slices.Insert(slices.Clone(p), i, n-1)
			out = append(out, q)
		}
	}
	return out
}

// TestSources counts independent outlets: copies count as their
// original's outlet even when the original's report is elsewhere or
// absent, outlet names fold case, and an original learnt later updates
// the count in any order.
func TestSources(t *testing.T) {
	src := func(doc, outlet, dupOf string) func(*Report) {
		return func(r *Report) { r.DocID, r.Source, r.DuplicateOf = doc, outlet, dupOf }
	}
	tests := []struct {
		name string
		reps []Report
		want int
	}{
		{"distinct outlets", []Report{report("a", src("d1", "Reuters", "")), report("b", src("d2", "AP", ""))}, 2},
		{"one outlet twice", []Report{report("a", src("d1", "Reuters", "")), report("b", src("d2", " reuters", ""))}, 1},
		{"a copy", []Report{report("a", src("d1", "Reuters", "")), report("b", src("d2", "Daily", "d1"))}, 1},
		{"two copies of an absent original", []Report{report("a", src("d2", "Daily", "d1")), report("b", src("d3", "Weekly", "d1"))}, 1},
		{"a copy of a copy", []Report{report("a", src("d1", "Reuters", "")), report("b", src("d3", "Weekly", "d2")), report("c", src("d2", "Daily", "d1"))}, 1},
		{"an original elsewhere names the outlet", []Report{
			report("a", src("d2", "Daily", "d1")), report("b", src("d3", "Reuters", "")),
			report("x", src("d1", "Reuters", ""), func(r *Report) { r.Type = "PROTEST" }),
		}, 1},
		{"no outlet: each document its own", []Report{report("a", src("d1", "", "")), report("b", src("d2", "", ""))}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, perm := range permutations(len(tt.reps)) {
				c, err := New(Options{})
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range perm {
					if _, err := c.Add(tt.reps[p]); err != nil {
						t.Fatal(err)
					}
				}
				id, _ := c.IncidentOf("a")
				inc, _ := c.Incident(id)
				if inc.NSources != tt.want {
					t.Fatalf("order %v: %d sources, want %d", perm, inc.NSources, tt.want)
				}
				// The changes a store received tell the same count.
				for _, u := range c.TakeChanges().Updated {
					if u.ID == id && u.NSources != tt.want {
						t.Fatalf("order %v: changes say %d sources, want %d", perm, u.NSources, tt.want)
					}
				}
			}
		})
	}
}

// TestTakeChanges replays the changes into maps, as a store would, after
// batches of Adds of random sets: the incidents must equal Incidents and
// the memberships Snapshot after every batch.
func TestTakeChanges(t *testing.T) {
	renamed, anchorOnly := 0, 0
	for seed := range uint64(10) {
		rng := rand.New(rand.NewPCG(seed, 99))
		reps := randomReports(rng, 150)
		c, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		store := map[string]Incident{}
		members := map[string]Membership{}
		for i, r := range reps {
			if _, err := c.Add(r); err != nil {
				t.Fatal(err)
			}
			if i%3 != 0 && i != len(reps)-1 {
				continue // batches of changes, not only single Adds
			}
			ch := c.TakeChanges()
			// A store that renames rows in place (see Incident.Was)
			// keeps each Was among Removed until its incident moves it.
			was := map[string]bool{}
			for _, inc := range ch.Updated {
				if inc.Was != "" {
					if was[inc.Was] || !slices.Contains(ch.Removed, inc.Was) {
						t.Fatalf("seed %d: %s was %s, which is claimed twice or not removed", seed, inc.ID, inc.Was)
					}
					was[inc.Was] = true
				}
			}
			for _, id := range ch.Removed {
				if _, ok := store[id]; !ok {
					t.Fatalf("seed %d: removed %s, which the store never had", seed, id)
				}
				if !was[id] {
					delete(store, id)
				}
			}
			for _, inc := range ch.Updated {
				if inc.Was == "" {
					continue
				}
				renamed++
				if _, ok := store[inc.ID]; ok {
					t.Fatalf("seed %d: %s renamed in place to %s, which the store has", seed, inc.Was, inc.ID)
				}
				if old := store[inc.Was]; old.Canonical.EventID != inc.Canonical.EventID {
					t.Fatalf("seed %d: %s renamed in place to %s with its canonical report changed from %s to %s",
						seed, inc.Was, inc.ID, old.Canonical.EventID, inc.Canonical.EventID)
				}
				store[inc.ID] = store[inc.Was]
				delete(store, inc.Was)
			}
			for _, inc := range ch.Updated {
				// A store rewrites the canonical event of a row it has only
				// when told to.
				if old, ok := store[inc.ID]; ok && !inc.Recanonical && old.Canonical.EventID != inc.Canonical.EventID {
					t.Fatalf("seed %d: %s's canonical report moved from %s to %s without Recanonical",
						seed, inc.ID, old.Canonical.EventID, inc.Canonical.EventID)
				}
				// The Reports array is the Clusterer's: a store keeps a copy.
				inc.Reports = slices.Clone(inc.Reports)
				store[inc.ID] = inc
			}
			for _, m := range ch.Members {
				old, ok := members[m.EventID]
				if ok && old.Incident == m.Incident && old.Anchor == m.Anchor {
					t.Fatalf("seed %d: %s listed in %s anchored to %q, as the store has it", seed, m.EventID, m.Incident, m.Anchor)
				}
				if m.AnchorOnly && (!ok || old.Incident != m.Incident) {
					t.Fatalf("seed %d: %s's anchor alone changed, but the store has it in %q, not %s", seed, m.EventID, old.Incident, m.Incident)
				}
				if m.AnchorOnly {
					anchorOnly++
				}
				m.AnchorOnly = false
				members[m.EventID] = m
			}
			for _, m := range c.Snapshot() {
				if got := members[m.EventID]; got.Incident != m.Incident || got.Anchor != m.Anchor {
					t.Fatalf("seed %d after %d adds: the store has %s in %s anchored to %q, want %s anchored to %q",
						seed, i+1, m.EventID, got.Incident, got.Anchor, m.Incident, m.Anchor)
				}
			}
			var got []Incident
			for _, id := range slices.Sorted(func(yield func(string) bool) {
				for id := range store {
					if !yield(id) {
						return
					}
				}
			}) {
				got = append(got, store[id])
			}
			if want := c.Incidents(); !sameIncidents(got, want) {
				t.Fatalf("seed %d after %d adds: store differs:\n%s", seed, i+1, diffIncidents(got, want))
			}
		}
	}
	// The random reports rename incidents in place and move satellites
	// to nearer anchors of their incident: the paths are tried.
	if renamed == 0 || anchorOnly == 0 {
		t.Errorf("%d incidents renamed in place, %d satellites took another anchor alone; want some of each", renamed, anchorOnly)
	}
	t.Logf("%d incidents renamed in place, %d satellites took another anchor alone", renamed, anchorOnly)
}

// TestStableIDs checks that an incident keeps its id as later reports
// join, a better-evidenced one included (whose arrival is flagged for
// the store), and takes the id of a report published earlier that
// arrives late: in place (Was) when its canonical report stays.
func TestStableIDs(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	published := func(h int) func(*Report) {
		return func(r *Report) { r.Published = time.Date(2025, 3, 14, h, 0, 0, 0, time.UTC) }
	}
	add := func(r Report) Changes {
		t.Helper()
		if _, err := c.Add(r); err != nil {
			t.Fatal(err)
		}
		return c.TakeChanges()
	}
	add(report("first", published(9), conf(0.6)))
	ch := add(report("better", published(11), conf(0.9)))
	if len(ch.Removed) != 0 || len(ch.Updated) != 1 || ch.Updated[0].ID != "inc-first" {
		t.Fatalf("a better, later report: removed %v, updated %v; want inc-first kept", ch.Removed, ch.Updated)
	}
	if u := ch.Updated[0]; u.Canonical.EventID != "better" || !u.Recanonical {
		t.Errorf("canonical %s (recanonical %v), want better, flagged", u.Canonical.EventID, u.Recanonical)
	}
	ch = add(report("weaker", published(12), conf(0.5)))
	if u := ch.Updated[0]; u.ID != "inc-first" || u.Recanonical || len(ch.Members) != 1 {
		t.Errorf("a weaker, later report: %s, recanonical %v, %d memberships changed; want inc-first, unflagged, 1",
			u.ID, u.Recanonical, len(ch.Members))
	}
	ch = add(report("earlier", published(7), conf(0.5)))
	if !slices.Equal(ch.Removed, []string{"inc-first"}) || ch.Updated[0].ID != "inc-earlier" || len(ch.Members) != 4 {
		t.Errorf("a report published earlier: removed %v, updated %s, %d memberships changed; want inc-first renamed inc-earlier, all 4 moved",
			ch.Removed, ch.Updated[0].ID, len(ch.Members))
	}
	if u := ch.Updated[0]; u.Was != "inc-first" || u.Canonical.EventID != "better" {
		t.Errorf("renamed with its canonical report kept: was %q, canonical %s; want inc-first, better", u.Was, u.Canonical.EventID)
	}
	ch = add(report("best-earliest", published(6), conf(0.95)))
	if u := ch.Updated[0]; u.ID != "inc-best-earliest" || u.Was != "" || !u.Recanonical {
		t.Errorf("renamed with a new canonical report: %s, was %q, recanonical %v; want inc-best-earliest, not in place, flagged",
			u.ID, u.Was, u.Recanonical)
	}
}

// TestAddErrors checks that bad reports are refused with a reason and
// leave the Clusterer as it was.
func TestAddErrors(t *testing.T) {
	tests := []struct {
		name string
		r    Report
		want string
	}{
		{"no event id", report("", func(r *Report) { r.DocID = "d" }), "no event id"},
		{"no document", report("x", func(r *Report) { r.DocID = "" }), "no document id"},
		{"no type", report("x", func(r *Report) { r.Type = "" }), "no event type"},
		{"bad date", report("x", on("14/03/2025", PrecisionDay)), "date"},
		{"day without date", report("x", on("", PrecisionDay)), "no date"},
		{"unknown precision", report("x", on("2025-03-14", "week")), "unknown date precision"},
		{"bad place precision", report("x", func(r *Report) { r.Place.Precision = 4 }), "place precision"},
		{"off the globe", report("x", func(r *Report) { r.Place.Lat = 91 }), "off the globe"},
		{"published without time", report("x", on("", PrecisionPublished), func(r *Report) { r.Published = time.Time{} }), "publication time"},
		{"an event id again, other content", report("a", conf(0.5)), "other content"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Add(report("a")); err != nil {
				t.Fatal(err)
			}
			_, err = c.Add(tt.r)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one saying %q", err, tt.want)
			}
			if c.Len() != 1 || c.Reports() != 1 {
				t.Fatalf("%d incidents of %d reports after a refused Add, want 1 of 1", c.Len(), c.Reports())
			}
		})
	}
}

// TestAddAgain checks that adding a report again, as a re-run over the
// same input does, changes nothing.
func TestAddAgain(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	reps := []Report{report("a"), report("b", at(5, 1)), report("s", at(0, 3))}
	for _, r := range reps {
		if _, err := c.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	c.TakeChanges()
	want := c.Incidents()
	for _, r := range reps {
		// A place of precision 0 is no place, as when first added.
		r := cloneReport(r)
		id, err := c.Add(r)
		if err != nil || id != "inc-a" {
			t.Fatalf("Add(%s) again = %q, %v; want inc-a", r.EventID, id, err)
		}
	}
	if got := c.Incidents(); !sameIncidents(got, want) || c.Reports() != 3 {
		t.Fatalf("incidents changed on adding again:\n%s", diffIncidents(got, want))
	}
	if ch := c.TakeChanges(); len(ch.Updated)+len(ch.Removed)+len(ch.Members) != 0 {
		t.Fatalf("adding again left changes: %+v", ch)
	}
}

func TestOptions(t *testing.T) {
	tests := []struct {
		opt Options
		ok  bool
	}{
		{Options{}, true},
		{Options{TownKm: 10, DistrictKm: 40}, true},
		{Options{TownKm: -1}, false},
		{Options{TownKm: 80}, false}, // above the default district radius
	}
	for _, tt := range tests {
		if _, err := New(tt.opt); (err == nil) != tt.ok {
			t.Errorf("New(%+v) error %v, want ok %v", tt.opt, err, tt.ok)
		}
	}
}

// ExampleClusterer shows two outlets' reports of one bombing becoming one
// incident.
func ExampleClusterer() {
	c, err := New(Options{})
	if err != nil {
		panic(err)
	}
	mogadishu := &Place{Name: "Mogadishu", GeonameID: 53654, CountryCode: "SOM", Lat: 2.03711, Lon: 45.34375, Precision: 1}
	for _, r := range []Report{
		{EventID: "wire-e1", DocID: "wire", Source: "Wire", Type: "ASSAULT", Mode: "explosives",
			Actors: []Actor{{"SOM", "REB"}}, Date: "2025-03-14", DatePrecision: "day", Place: mogadishu, Confidence: 0.9,
			Published: time.Date(2025, 3, 14, 18, 0, 0, 0, time.UTC)},
		{EventID: "local-e1", DocID: "local", Source: "Local", Type: "ASSAULT",
			Date: "2025-03-15", DatePrecision: "published", Place: mogadishu, Confidence: 0.7,
			Published: time.Date(2025, 3, 15, 7, 0, 0, 0, time.UTC)},
	} {
		id, err := c.Add(r)
		if err != nil {
			panic(err)
		}
		fmt.Println(r.EventID, "->", id)
	}
	inc, _ := c.Incident("inc-wire-e1")
	fmt.Println(inc.NReports, "reports from", inc.NSources, "sources")
	// Output:
	// wire-e1 -> inc-wire-e1
	// local-e1 -> inc-wire-e1
	// 2 reports from 2 sources
}
