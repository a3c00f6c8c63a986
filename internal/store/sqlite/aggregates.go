package sqlite

import (
	"reflect"
	"strings"

	"github.com/dateline-project/dateline/internal/store"
)

// Aggregates. The dashboard's aggregate endpoints (Network, Places,
// Timeline, Stats) grouped every event on each request, which at 50,000
// events took seconds under load. The groups are now kept in tables,
// maintained by triggers so that every write path (PutDocuments, a delete,
// an update, a later migration) keeps them in the same transaction as the
// rows themselves and they cannot drift:
//
//   - agg_counts: rows per table, for Stats;
//   - agg_days: events per (day, type, quad), for Timeline;
//   - agg_places: events per place as written (events.place is
//     case-blind; reads regroup case-blind) and its coordinates, or
//     located = 0 and 0, 0 for a place without them;
//   - agg_edges: actor-recipient pairs per quad, with the sum of their
//     intensities in millionths (integers, so that a sum kept by
//     increments equals one taken over the rows in any order, and the
//     full query sums the same way);
//   - agg_pairs: the same pairs over all quads, indexed by weight, so
//     that the heaviest edges are found without reading every pair.
//
// A table answers a request whose filter uses only the dimensions it is
// keyed on (see aggregable); any other filter runs the full query, which
// gives the same answer, only slower.

// aggregatesMigration is the aggregates' schema migration. Its parts
// below are used by nothing else: like every migration it is fixed once
// released, so change the aggregates with a new migration, never by
// editing these.
var aggregatesMigration = aggTables + aggFill + aggTriggers()

// aggTables also defines agg_event_edges, the one definition of an edge
// (an actor and a recipient of one event) that the fill and the triggers
// share.
const aggTables = `
CREATE TABLE agg_counts (
	name TEXT PRIMARY KEY,
	n    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE agg_days (
	day  TEXT NOT NULL,
	type TEXT NOT NULL,
	quad TEXT NOT NULL,
	n    INTEGER NOT NULL,
	PRIMARY KEY (day, type, quad)
) WITHOUT ROWID;
CREATE TABLE agg_places (
	place         TEXT NOT NULL,
	place_country TEXT NOT NULL,
	geonameid     INTEGER NOT NULL,
	located       INTEGER NOT NULL,
	lat           REAL NOT NULL,
	lon           REAL NOT NULL,
	n             INTEGER NOT NULL,
	PRIMARY KEY (place, place_country, geonameid, located, lat, lon)
) WITHOUT ROWID;
CREATE TABLE agg_edges (
	a_name    TEXT NOT NULL,
	a_country TEXT NOT NULL,
	r_name    TEXT NOT NULL,
	r_country TEXT NOT NULL,
	quad      TEXT NOT NULL,
	n         INTEGER NOT NULL,
	intensity INTEGER NOT NULL,
	PRIMARY KEY (a_name, a_country, r_name, r_country, quad)
) WITHOUT ROWID;
CREATE TABLE agg_pairs (
	a_name    TEXT NOT NULL,
	a_country TEXT NOT NULL,
	r_name    TEXT NOT NULL,
	r_country TEXT NOT NULL,
	n         INTEGER NOT NULL,
	PRIMARY KEY (a_name, a_country, r_name, r_country)
) WITHOUT ROWID;
CREATE INDEX agg_pairs_n ON agg_pairs (n);
CREATE VIEW agg_event_edges AS
	SELECT e.id AS event, a.idx AS a_idx, r.idx AS r_idx,
		a.name AS a_name, a.country AS a_country, r.name AS r_name, r.country AS r_country,
		e.quad AS quad, CAST(round(e.intensity * 1000000) AS INTEGER) AS intensity
	FROM events e
	JOIN event_actors a ON a.event = e.id AND a.role = 0
	JOIN event_actors r ON r.event = e.id AND r.role = 1;
`

// aggFill fills the tables from the rows a database already holds.
const aggFill = `
INSERT INTO agg_counts (name, n) VALUES
	('documents', (SELECT count(*) FROM documents)),
	('events', (SELECT count(*) FROM events)),
	('quotes', (SELECT count(*) FROM quotes)),
	('places', (SELECT count(*) FROM places));
INSERT INTO agg_days (day, type, quad, n)
	SELECT day, type, quad, count(*) FROM events GROUP BY day, type, quad;
INSERT INTO agg_places (place, place_country, geonameid, located, lat, lon, n)
	SELECT place, place_country, geonameid, located, lt, ln, count(*) FROM (
		SELECT place COLLATE BINARY AS place, place_country, geonameid,
			lat IS NOT NULL AND lon IS NOT NULL AS located,
			iif(lat IS NOT NULL AND lon IS NOT NULL, lat, 0) AS lt,
			iif(lat IS NOT NULL AND lon IS NOT NULL, lon, 0) AS ln
		FROM events WHERE place != '')
	GROUP BY place, place_country, geonameid, located, lt, ln;
INSERT INTO agg_edges (a_name, a_country, r_name, r_country, quad, n, intensity)
	SELECT a_name, a_country, r_name, r_country, quad, count(*), sum(intensity) FROM agg_event_edges
	GROUP BY a_name, a_country, r_name, r_country, quad;
INSERT INTO agg_pairs (a_name, a_country, r_name, r_country, n)
	SELECT a_name, a_country, r_name, r_country, sum(n) FROM agg_edges
	GROUP BY a_name, a_country, r_name, r_country;
`

// The trigger bodies are written once, for a row ROW (new or old) and a
// set of edges PAIRS, and instantiated per trigger.
const (
	// aggAddPairs counts the edges PAIRS in; they must exist already.
	aggAddPairs = `
	INSERT INTO agg_edges (a_name, a_country, r_name, r_country, quad, n, intensity)
		SELECT a_name, a_country, r_name, r_country, quad, 1, intensity FROM agg_event_edges WHERE PAIRS
		ON CONFLICT DO UPDATE SET n = n + 1, intensity = intensity + excluded.intensity;
	INSERT INTO agg_pairs (a_name, a_country, r_name, r_country, n)
		SELECT a_name, a_country, r_name, r_country, 1 FROM agg_event_edges WHERE PAIRS
		ON CONFLICT DO UPDATE SET n = n + 1;`
	// aggSubPairs counts the edges PAIRS out; they must exist still.
	aggSubPairs = `
	UPDATE agg_edges SET n = agg_edges.n - d.n, intensity = agg_edges.intensity - d.intensity
		FROM (SELECT a_name, a_country, r_name, r_country, quad, count(*) AS n, sum(intensity) AS intensity
			FROM agg_event_edges WHERE PAIRS GROUP BY a_name, a_country, r_name, r_country, quad) AS d
		WHERE agg_edges.a_name = d.a_name AND agg_edges.a_country = d.a_country
		AND agg_edges.r_name = d.r_name AND agg_edges.r_country = d.r_country AND agg_edges.quad = d.quad;
	DELETE FROM agg_edges WHERE n = 0 AND (a_name, a_country, r_name, r_country, quad) IN
		(SELECT a_name, a_country, r_name, r_country, quad FROM agg_event_edges WHERE PAIRS);
	UPDATE agg_pairs SET n = agg_pairs.n - d.n
		FROM (SELECT a_name, a_country, r_name, r_country, count(*) AS n
			FROM agg_event_edges WHERE PAIRS GROUP BY a_name, a_country, r_name, r_country) AS d
		WHERE agg_pairs.a_name = d.a_name AND agg_pairs.a_country = d.a_country
		AND agg_pairs.r_name = d.r_name AND agg_pairs.r_country = d.r_country;
	DELETE FROM agg_pairs WHERE n = 0 AND (a_name, a_country, r_name, r_country) IN
		(SELECT a_name, a_country, r_name, r_country FROM agg_event_edges WHERE PAIRS);`

	// aggPlaceKey is the agg_places key of the event ROW.
	aggPlaceKey = `place = ROW.place AND place_country = ROW.place_country AND geonameid = ROW.geonameid
		AND located = (ROW.lat IS NOT NULL AND ROW.lon IS NOT NULL)
		AND lat = iif(ROW.lat IS NOT NULL AND ROW.lon IS NOT NULL, ROW.lat, 0)
		AND lon = iif(ROW.lat IS NOT NULL AND ROW.lon IS NOT NULL, ROW.lon, 0)`

	// aggAddEvent counts the event ROW in, but for its edges.
	aggAddEvent = `
	UPDATE agg_counts SET n = n + 1 WHERE name = 'events';
	INSERT INTO agg_days (day, type, quad, n) VALUES (ROW.day, ROW.type, ROW.quad, 1)
		ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO agg_places (place, place_country, geonameid, located, lat, lon, n)
		SELECT ROW.place, ROW.place_country, ROW.geonameid,
			ROW.lat IS NOT NULL AND ROW.lon IS NOT NULL,
			iif(ROW.lat IS NOT NULL AND ROW.lon IS NOT NULL, ROW.lat, 0),
			iif(ROW.lat IS NOT NULL AND ROW.lon IS NOT NULL, ROW.lon, 0), 1
		WHERE ROW.place != ''
		ON CONFLICT DO UPDATE SET n = n + 1;`
	// aggSubEvent counts the event ROW out, but for its edges.
	aggSubEvent = `
	UPDATE agg_counts SET n = n - 1 WHERE name = 'events';
	UPDATE agg_days SET n = n - 1 WHERE day = ROW.day AND type = ROW.type AND quad = ROW.quad;
	DELETE FROM agg_days WHERE day = ROW.day AND type = ROW.type AND quad = ROW.quad AND n = 0;
	UPDATE agg_places SET n = n - 1 WHERE ` + aggPlaceKey + `;
	DELETE FROM agg_places WHERE n = 0 AND ` + aggPlaceKey + `;`

	// The edges of an event, and those of one actor row.
	aggEventPairs = `event = ROW.id`
	aggActorPairs = `event = ROW.event AND ((ROW.role = 0 AND a_idx = ROW.idx) OR (ROW.role = 1 AND r_idx = ROW.idx))`

	// The columns the aggregates read, whose updates the triggers follow.
	aggEventColumns = `id, day, type, quad, intensity, place, place_country, geonameid, lat, lon`
	aggActorColumns = `event, role, idx, name, country`
)

// aggTriggers returns the triggers that keep the aggregates. Edges are
// read through agg_event_edges, which joins events and event_actors: they
// are counted in after their rows exist (AFTER INSERT, AFTER UPDATE) and
// out while their rows still exist (BEFORE DELETE, BEFORE UPDATE), on
// both tables, so an edge is counted once whichever of its three rows
// comes or goes first.
func aggTriggers() string {
	body := func(tmpl, row, pairs string) string {
		// PAIRS first: it names ROW itself.
		return strings.ReplaceAll(strings.ReplaceAll(tmpl, "PAIRS", pairs), "ROW", row)
	}
	var b strings.Builder
	for _, t := range []string{"documents", "quotes", "places"} {
		b.WriteString("CREATE TRIGGER agg_" + t + "_insert AFTER INSERT ON " + t + " BEGIN\n" +
			"\tUPDATE agg_counts SET n = n + 1 WHERE name = '" + t + "';\nEND;\n")
		b.WriteString("CREATE TRIGGER agg_" + t + "_delete AFTER DELETE ON " + t + " BEGIN\n" +
			"\tUPDATE agg_counts SET n = n - 1 WHERE name = '" + t + "';\nEND;\n")
	}
	// An event's edges have their own triggers, which run only when the
	// event has actors: PutDocuments writes an event before its actors,
	// so the edges come from the actors' triggers, and looking for them
	// on every event cost two joins per event for nothing.
	const hasActors = ` WHEN EXISTS (SELECT 1 FROM event_actors WHERE event = ROW.id)`
	for _, t := range []struct{ name, when, row, tmpl, pairs string }{
		{"agg_events_insert", "AFTER INSERT ON events", "new", aggAddEvent, aggEventPairs},
		{"agg_events_delete", "BEFORE DELETE ON events", "old", aggSubEvent, aggEventPairs},
		{"agg_events_update_out", "BEFORE UPDATE OF " + aggEventColumns + " ON events", "old", aggSubEvent, aggEventPairs},
		{"agg_events_update_in", "AFTER UPDATE OF " + aggEventColumns + " ON events", "new", aggAddEvent, aggEventPairs},
		{"agg_events_insert_edges", "AFTER INSERT ON events" + hasActors, "new", aggAddPairs, aggEventPairs},
		{"agg_events_delete_edges", "BEFORE DELETE ON events" + hasActors, "old", aggSubPairs, aggEventPairs},
		{"agg_events_update_edges_out", "BEFORE UPDATE OF " + aggEventColumns + " ON events" + hasActors, "old", aggSubPairs, aggEventPairs},
		{"agg_events_update_edges_in", "AFTER UPDATE OF " + aggEventColumns + " ON events" + hasActors, "new", aggAddPairs, aggEventPairs},
		{"agg_actors_insert", "AFTER INSERT ON event_actors", "new", aggAddPairs, aggActorPairs},
		{"agg_actors_delete", "BEFORE DELETE ON event_actors", "old", aggSubPairs, aggActorPairs},
		{"agg_actors_update_out", "BEFORE UPDATE OF " + aggActorColumns + " ON event_actors", "old", aggSubPairs, aggActorPairs},
		{"agg_actors_update_in", "AFTER UPDATE OF " + aggActorColumns + " ON event_actors", "new", aggAddPairs, aggActorPairs},
	} {
		b.WriteString("CREATE TRIGGER " + t.name + " " + body(t.when, t.row, t.pairs) + " BEGIN" + body(t.tmpl, t.row, t.pairs) + "\nEND;\n")
	}
	return b.String()
}

// aggregable reports whether f filters on nothing but what keep clears
// from it, so that an aggregate keyed on those dimensions can answer it.
// It compares what is left with the zero filter rather than listing the
// other fields, so that a filter field added later sends requests to the
// full query until an aggregate is taught it.
func aggregable(f store.EventFilter, keep func(*store.EventFilter)) bool {
	keep(&f)
	// An empty list filters nothing, like a nil one.
	for _, l := range []*[]string{&f.Type, &f.Mode, &f.Quad, &f.Actor.Countries, &f.Actor.Sectors,
		&f.Recipient.Countries, &f.Recipient.Sectors} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	return reflect.DeepEqual(f, store.EventFilter{})
}
