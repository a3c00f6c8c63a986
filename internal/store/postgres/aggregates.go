package postgres

import (
	"context"
	"fmt"
	"strconv"

	"github.com/dateline-project/dateline/internal/store"
)

// The aggregates group the matching events in one query each, on the
// indexed columns the filters use; see the package comment for why there
// are no trigger-kept tables here. The answers match the SQLite store's
// in content and order: intensities are summed as integers in
// millionths (so the mean does not depend on summing order), places
// group case-blind under the least spelling.

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
	w, err := db.eventWhere(ctx, &f)
	if err != nil {
		return nil, err
	}
	rows, err := db.pool.Query(ctx, `SELECT e.day, `+col+`, count(*) FROM events e`+w.sql()+
		` GROUP BY e.day, `+col+` ORDER BY e.day`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	out, err := store.ReadTimeline(rows)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	return out, nil
}

// Network returns weighted actor -> recipient edges; see store.Store.
func (db *DB) Network(ctx context.Context, f store.EventFilter, limit int) ([]store.Edge, error) {
	limit = store.ClampLimit(limit, store.MaxEdges)
	w, err := db.eventWhere(ctx, &f)
	if err != nil {
		return nil, err
	}
	// Weights and intensity sums are taken per pair in SQL, and only the
	// limit heaviest pairs (with every pair tied at the cut, for the sort
	// below to choose among by name) come back, split by quad.
	rows, err := db.pool.Query(ctx, `WITH m AS (
			SELECT a.name AS an, a.country AS ac, r.name AS rn, r.country AS rc, e.quad,
				round((e.intensity * `+strconv.Itoa(store.IntensityScale)+`)::numeric)::bigint AS i
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
	edges, err := store.ReadEdges(rows, limit)
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	return edges, nil
}

// Places counts events per location; see store.Store.
func (db *DB) Places(ctx context.Context, f store.EventFilter, limit int) ([]store.PlaceCount, error) {
	limit = store.ClampLimit(limit, store.MaxPlaces)
	w, err := db.eventWhere(ctx, &f)
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
	out, err := store.ReadPlaces(rows)
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	return out, nil
}
