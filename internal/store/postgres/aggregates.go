package postgres

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/dateline-project/dateline/internal/store"
)

// The aggregates group the matching events in one query each, on the
// indexed columns the filters use; see the package comment for why there
// are no trigger-kept tables here. The answers match the SQLite store's
// in content and order: intensities are summed as integers in
// millionths (so the mean does not depend on summing order), places
// group case-blind under the least spelling.

// intensityScale is the unit of the intensity sums: millionths, finer
// than any intensity the ontology assigns (one decimal).
const intensityScale = 1_000_000

// Timeline counts events per day; see store.Store.
func (db *DB) Timeline(ctx context.Context, f store.EventFilter, by string) ([]store.TimelinePoint, error) {
	var col string
	switch by {
	case "type", "":
		col = "e.type"
	case "quad":
		col = "e.quad"
	default:
		return nil, fmt.Errorf("%w: timeline by %q: want type or quad", store.ErrBadFilter, by)
	}
	w, err := eventWhere(&f)
	if err != nil {
		return nil, err
	}
	rows, err := db.pool.Query(ctx, `SELECT e.day, `+col+`, count(*) FROM events e`+w.sql()+
		` GROUP BY e.day, `+col+` ORDER BY e.day`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	out := []store.TimelinePoint{}
	for rows.Next() {
		var day, key string
		var n int
		if err := rows.Scan(&day, &key, &n); err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].Date != day {
			out = append(out, store.TimelinePoint{Date: day, Counts: map[string]int{}})
		}
		p := &out[len(out)-1]
		p.Counts[key] += n
		p.Total += n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	return out, nil
}

// Network returns weighted actor -> recipient edges; see store.Store.
func (db *DB) Network(ctx context.Context, f store.EventFilter, limit int) ([]store.Edge, error) {
	limit = store.ClampLimit(limit, store.MaxEdges)
	w, err := eventWhere(&f)
	if err != nil {
		return nil, err
	}
	// Weights and intensity sums are taken per pair in SQL, and only the
	// limit heaviest pairs (with every pair tied at the cut, for the sort
	// below to choose among by name) come back, split by quad.
	rows, err := db.pool.Query(ctx, `WITH m AS (
			SELECT a.name AS an, a.country AS ac, r.name AS rn, r.country AS rc, e.quad,
				round((e.intensity * `+strconv.Itoa(intensityScale)+`)::numeric)::bigint AS i
			FROM events e
			JOIN event_actors a ON a.event = e.id AND a.role = 0
			JOIN event_actors r ON r.event = e.id AND r.role = 1`+w.sql()+`),
		g AS (SELECT an, ac, rn, rc, quad, count(*) AS n, sum(i) AS i FROM m GROUP BY an, ac, rn, rc, quad),
		p AS (SELECT an, ac, rn, rc, sum(n) AS n FROM g GROUP BY an, ac, rn, rc),
		cut AS (SELECT coalesce((SELECT n FROM p ORDER BY n DESC LIMIT 1 OFFSET `+strconv.Itoa(limit-1)+`), 0) AS n)
		SELECT g.an, g.ac, g.rn, g.rc, g.quad, g.n, g.i FROM g JOIN p USING (an, ac, rn, rc)
		WHERE p.n >= (SELECT n FROM cut)`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	defer rows.Close()
	type key struct{ a, r store.Node }
	idx := map[key]int{}
	var edges []store.Edge
	var sums []int64
	for rows.Next() {
		var k key
		var quad string
		var n, sum int64
		if err := rows.Scan(&k.a.Name, &k.a.Country, &k.r.Name, &k.r.Country, &quad, &n, &sum); err != nil {
			return nil, fmt.Errorf("network: %w", err)
		}
		i, ok := idx[k]
		if !ok {
			i = len(edges)
			idx[k] = i
			edges = append(edges, store.Edge{Actor: k.a, Recipient: k.r, Quads: map[string]int{}})
			sums = append(sums, 0)
		}
		edges[i].Weight += int(n)
		edges[i].Quads[quad] += int(n)
		sums[i] += sum
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	for i := range edges {
		edges[i].MeanIntensity = float64(sums[i]) / (intensityScale * float64(edges[i].Weight))
	}
	sort.SliceStable(edges, func(i, j int) bool {
		if edges[i].Weight != edges[j].Weight {
			return edges[i].Weight > edges[j].Weight
		}
		a, b := edges[i], edges[j]
		return a.Actor.Name+a.Actor.Country+"\x00"+a.Recipient.Name+a.Recipient.Country <
			b.Actor.Name+b.Actor.Country+"\x00"+b.Recipient.Name+b.Recipient.Country
	})
	if len(edges) > limit {
		edges = edges[:limit]
	}
	if edges == nil {
		edges = []store.Edge{}
	}
	return edges, nil
}

// Places counts events per location; see store.Store.
func (db *DB) Places(ctx context.Context, f store.EventFilter, limit int) ([]store.PlaceCount, error) {
	limit = store.ClampLimit(limit, store.MaxPlaces)
	w, err := eventWhere(&f)
	if err != nil {
		return nil, err
	}
	w.add("e.place != ''")
	// A place without both coordinates is unlocated, at 0, 0; a place
	// written in several cases is named by the least spelling (in byte
	// order, as SQLite's BINARY collation), and ties in count are broken
	// by the whole key, in the SQLite store's order.
	rows, err := db.pool.Query(ctx, `SELECT min(place COLLATE "C") AS name, place_country, geonameid, located, lat, lon, count(*) AS n
		FROM (SELECT e.place, e.place_country, e.geonameid,
			e.lat IS NOT NULL AND e.lon IS NOT NULL AS located,
			CASE WHEN e.lat IS NOT NULL AND e.lon IS NOT NULL THEN e.lat ELSE 0 END AS lat,
			CASE WHEN e.lat IS NOT NULL AND e.lon IS NOT NULL THEN e.lon ELSE 0 END AS lon
			FROM events e`+w.sql()+`) AS x
		GROUP BY lower(place), place_country, geonameid, located, lat, lon
		ORDER BY n DESC, lower(min(place COLLATE "C")), name, place_country, geonameid, located, lat, lon
		LIMIT `+strconv.Itoa(limit), w.args...)
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	defer rows.Close()
	out := []store.PlaceCount{}
	for rows.Next() {
		var p store.PlaceCount
		var located bool
		var lat, lon float64
		var geonameID int64
		if err := rows.Scan(&p.Name, &p.CountryCode, &geonameID, &located, &lat, &lon, &p.Count); err != nil {
			return nil, fmt.Errorf("places: %w", err)
		}
		p.GeonameID = int(geonameID)
		if located {
			p.Lat, p.Lon = &lat, &lon
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	return out, nil
}
