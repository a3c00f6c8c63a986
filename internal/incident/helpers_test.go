package incident

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// incidentKey is an incident in a comparable form: its id, members,
// counts and first report time.
func incidentKey(inc Incident) string {
	return fmt.Sprintf("%s %v n=%d s=%d first=%s", inc.ID, inc.Reports, inc.NReports, inc.NSources, inc.FirstReport.UTC().Format(time.RFC3339Nano))
}

func sameIncidents(a, b []Incident) bool {
	return slices.Equal(mapSlice(a, incidentKey), mapSlice(b, incidentKey))
}

func diffIncidents(got, want []Incident) string {
	g, w := mapSlice(got, incidentKey), mapSlice(want, incidentKey)
	var sb strings.Builder
	for _, k := range g {
		if !slices.Contains(w, k) {
			fmt.Fprintf(&sb, "+ %s\n", k)
		}
	}
	for _, k := range w {
		if !slices.Contains(g, k) {
			fmt.Fprintf(&sb, "- %s\n", k)
		}
	}
	return sb.String()
}

func mapSlice[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// reference clusters reps the slow way, straight from the definition in
// the package documentation: anchors by connected components, each
// satellite with its closest compatible anchor, unanchored satellites by
// connected components, undated reports alone, each incident named after
// its first report. It returns event id → incident id.
func reference(opt Options, reps []Report) (map[string]string, error) {
	// A Clusterer validates and interns the reports; only its nodes are
	// used, none of its clustering.
	c, err := New(opt)
	if err != nil {
		return nil, err
	}
	for _, r := range reps {
		if _, err := c.push(r); err != nil {
			return nil, err
		}
	}
	o, nodes := c.opt, c.nodes.all()
	parent := make([]int, len(nodes))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	union := func(i, j int) { parent[find(i)] = find(j) }
	for i := range nodes {
		for j := range i {
			a, b := &nodes[i], &nodes[j]
			if a.kind == anchor && b.kind == anchor && o.compatible(a, b) {
				union(i, j)
			}
		}
	}
	best := make([]int, len(nodes))
	for i := range nodes {
		best[i] = -1
		s := &nodes[i]
		if s.kind != satellite {
			continue
		}
		for j := range nodes {
			a := &nodes[j]
			if a.kind == anchor && o.compatible(s, a) && (best[i] < 0 || closerAnchor(s, a, &nodes[best[i]])) {
				best[i] = j
			}
		}
		if best[i] >= 0 {
			union(i, best[i])
		}
	}
	for i := range nodes {
		for j := range i {
			a, b := &nodes[i], &nodes[j]
			if a.kind == satellite && b.kind == satellite && best[i] < 0 && best[j] < 0 && o.compatible(a, b) {
				union(i, j)
			}
		}
	}
	first := map[int]int{}
	for i := range nodes {
		r := find(i)
		if f, ok := first[r]; !ok || firstCmp(&nodes[i], &nodes[f]) < 0 {
			first[r] = i
		}
	}
	out := make(map[string]string, len(nodes))
	for i := range nodes {
		out[nodes[i].rep.EventID] = IDPrefix + nodes[first[find(i)]].rep.EventID
	}
	return out, nil
}

// randomReports generates n reports crowded into few types, days, places
// and actors, so that most can match several others and every rule,
// merge and satellite move is exercised. Some documents copy others, and
// some carry two reports.
func randomReports(rng *rand.Rand, n int) []Report {
	types := []string{"ASSAULT", "PROTEST"}
	modes := []string{"", "", "a", "b"}
	countries := []string{"", "AAA", "AAA", "BBB"}
	sectors := []string{"", "X", "X", "Y", "UNK"}
	precs := []string{PrecisionDay, PrecisionDay, PrecisionDay, PrecisionPublished, PrecisionMonth, PrecisionYear, PrecisionHistorical}
	outlets := []string{"", "One", "Two", "two", "Three", "Four"}
	base := time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC)
	actors := func() []Actor {
		var as []Actor
		for range rng.IntN(3) {
			as = append(as, Actor{countries[rng.IntN(len(countries))], sectors[rng.IntN(len(sectors))]})
		}
		return as
	}
	out := make([]Report, 0, n)
	docs := 0
	for i := range n {
		doc := fmt.Sprintf("d%03d", docs)
		if i == 0 || rng.IntN(4) != 0 {
			docs++
		} else {
			doc = fmt.Sprintf("d%03d", docs-1) // a second report of the last document
		}
		r := Report{
			EventID:    fmt.Sprintf("%s-e%d", doc, i),
			DocID:      doc,
			Source:     outlets[rng.IntN(len(outlets))],
			Type:       types[rng.IntN(len(types))],
			Mode:       modes[rng.IntN(len(modes))],
			Actors:     actors(),
			Recipients: actors(),
			Confidence: float64(5+rng.IntN(5)) / 10,
		}
		if docs > 3 && rng.IntN(6) == 0 {
			r.DuplicateOf = fmt.Sprintf("d%03d", rng.IntN(docs-1))
		}
		day := base.AddDate(0, 0, rng.IntN(20))
		if rng.IntN(5) != 0 {
			r.Published = day.Add(time.Duration(rng.IntN(48)) * time.Hour)
		}
		r.DatePrecision = precs[rng.IntN(len(precs))]
		switch {
		case r.DatePrecision == PrecisionPublished && rng.IntN(2) == 0 && !r.Published.IsZero():
			// The date is left to the publication time.
		case r.DatePrecision != PrecisionHistorical:
			r.Date = day.Format("2006-01-02")
		}
		if rng.IntN(6) != 0 {
			// Points within about 60 km of each other, so that both
			// the town and the district radius decide.
			p := &Place{
				Precision:   1 + rng.IntN(3),
				CountryCode: countries[rng.IntN(len(countries))], // "" sometimes: unknown
				Lat:         10 + rng.Float64()*0.5,
				Lon:         20 + rng.Float64()*0.5,
			}
			if rng.IntN(4) == 0 {
				// A GeoNames id names one place, of one country, which
				// two reports may give slightly different points for.
				p.GeonameID = 1 + rng.IntN(3)
				p.CountryCode = countries[1+p.GeonameID%2]
				p.Lat = 10 + 0.1*float64(p.GeonameID) + rng.Float64()*0.001
				p.Lon = 20 + 0.1*float64(p.GeonameID) + rng.Float64()*0.001
			}
			r.Place = p
		}
		out = append(out, r)
	}
	return out
}
