package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

// Paging events by day with arbitrary filters has two good plans and
// SQLite's planner, which cannot see how selective a filter value is,
// often picks the wrong one:
//
//   - selective filters: collect the few matching ids through the filter's
//     index, sort them, take a page (cost ~ matches);
//   - broad filters: walk the day index in order and check each event
//     until a page is full (cost ~ page size / selectivity).
//
// Events measures each indexed filter by counting its matches through a
// covering index, capped at defaultProbeCap. If one has fewer than that
// matches it drives the first plan; otherwise every filter matches at
// least cap/N of the events and the ordered walk stops soon.
const defaultProbeCap = 4000

// cond is one filter condition in its two forms.
type cond struct {
	// check tests one event row e; it is used while walking the day index.
	check string
	args  []any
	// probe, when set, is a "SELECT 1 ..." over a covering index whose
	// row count is the number of events the filter can match.
	probe     string
	probeArgs []any
	// drive, when set, replaces check when this filter drives the
	// selective plan (a set-valued IN rather than a per-row EXISTS).
	drive     string
	driveArgs []any
	// walk, when set, is an index that lists this filter's matches in
	// page order (value, day, id): walking it instead of the day index
	// skips every event the filter rejects. walkFrom is the FROM clause,
	// walkKey the (day, id) columns of its order, walkRank how good a
	// walker it is when no probe could tell (higher is rarer).
	walkFrom string
	walkCond string
	walkArgs []any
	walkKey  string
	walkRank int
	// walkDay, when set, is the walk index's own day column, which a
	// date range can bound.
	walkDay string
	// walkOnly marks a walk whose own condition is the whole filter, so
	// that check need not be tested again on each walked row (the actor
	// walk's check looks up the event's actors once more: a page read per
	// row after every commit).
	walkOnly bool
	// days marks the date range condition, whose args are (from, to).
	days bool
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func anys(vals []string) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = v
	}
	return out
}

// eventConds translates f into conditions on events aliased e.
func eventConds(f *store.EventFilter) ([]cond, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	var cs []cond
	column := func(col, index string, vals []string, rank int) {
		if len(vals) == 0 {
			return
		}
		in := col + " IN (" + placeholders(len(vals)) + ")"
		c := cond{check: "e." + in, args: anys(vals),
			probe: "SELECT 1 FROM events INDEXED BY " + index + " WHERE " + in, probeArgs: anys(vals)}
		if len(vals) == 1 {
			c.walkFrom, c.walkKey, c.walkRank = "events e INDEXED BY "+index, "e.day, e.id", rank
		}
		cs = append(cs, c)
	}
	column("type", "events_type", f.Type, 3)
	column("mode", "events_mode", f.Mode, 2)
	column("quad", "events_quad", f.Quad, 1)
	for role, a := range [2]store.ActorFilter{f.Actor, f.Recipient} {
		if a.Empty() {
			continue
		}
		sub := &where{}
		sub.add("x.role = ?", role)
		sub.in("x.country", a.Countries)
		if len(a.Sectors) > 0 {
			var ors []string
			var args []any
			for _, s := range a.Sectors {
				ors = append(ors, `x.sectors LIKE ? ESCAPE '\'`)
				args = append(args, "%|"+store.LikeEscape(s)+"|%")
			}
			sub.add("("+strings.Join(ors, " OR ")+")", args...)
		}
		if a.Name != "" {
			p := "%" + store.LikeEscape(a.Name) + "%"
			sub.add(`(x.name LIKE ? ESCAPE '\' OR x.raw LIKE ? ESCAPE '\')`, p, p)
		}
		c := cond{check: "EXISTS (SELECT 1 FROM event_actors x" + sub.sql() + " AND x.event = e.id)", args: sub.args}
		if len(a.Countries) > 0 {
			c.probe = "SELECT DISTINCT x.event FROM event_actors x INDEXED BY event_actors_country" + sub.sql()
			c.probeArgs = sub.args
			c.drive = "e.id IN (SELECT x.event FROM event_actors x" + sub.sql() + ")"
			c.driveArgs = sub.args
			if len(a.Countries) == 1 {
				c.walkFrom = "event_actors w INDEXED BY event_actors_country JOIN events e ON e.id = w.event"
				c.walkCond, c.walkArgs = "w.role = ? AND w.country = ?", []any{role, a.Countries[0]}
				c.walkKey, c.walkRank, c.walkDay = "w.day, w.event", 4, "w.day"
				c.walkOnly = len(a.Sectors) == 0 && a.Name == ""
			}
		}
		cs = append(cs, c)
	}
	if f.Claimed != nil {
		cs = append(cs, cond{check: "e.claimed = ?", args: []any{*f.Claimed}})
	}
	if f.From != "" || f.To != "" {
		from, to := f.From, f.To
		if to == "" {
			to = "9999-12-31"
		}
		cs = append(cs, cond{check: "e.day BETWEEN ? AND ?", args: []any{from, to}, days: true,
			probe: "SELECT 1 FROM events INDEXED BY events_day WHERE day BETWEEN ? AND ?", probeArgs: []any{from, to}})
	}
	if f.Place != "" {
		cs = append(cs, cond{check: "e.place = ?", args: []any{f.Place},
			probe: "SELECT 1 FROM events INDEXED BY events_place WHERE place = ?", probeArgs: []any{f.Place},
			walkFrom: "events e INDEXED BY events_place", walkKey: "e.day, e.id", walkRank: 5})
	}
	if id := f.GeonameID; id != 0 {
		cs = append(cs, cond{check: "e.geonameid = ?", args: []any{id},
			probe: "SELECT 1 FROM events INDEXED BY events_geonameid WHERE geonameid = ?", probeArgs: []any{id},
			walkFrom: "events e INDEXED BY events_geonameid", walkKey: "e.day, e.id", walkRank: 6})
	}
	if b := f.BBox; b != nil {
		args := []any{b[0], b[2], b[1], b[3]}
		cs = append(cs, cond{check: "e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?", args: args,
			probe: "SELECT 1 FROM events INDEXED BY events_geo WHERE lon IS NOT NULL AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?", probeArgs: args})
	}
	if q := store.FTSQuery(f.Q); q != "" {
		in := "e.doc IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
		cs = append(cs, cond{check: in, args: []any{q},
			probe: "SELECT 1 FROM events WHERE doc IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", probeArgs: []any{q}})
	} else if strings.TrimSpace(f.Q) != "" {
		cs = append(cs, cond{check: "0"}) // punctuation only: nothing can match
	}
	for _, b := range []struct {
		col string
		v   *bool
	}{{"principal", f.Principal}, {"negated", f.Negated}, {"asserted", f.Asserted}, {"main", f.MainEvent}} {
		if b.v != nil {
			cs = append(cs, cond{check: "e." + b.col + " = ?", args: []any{*b.v}})
		}
	}
	if f.MinConfidence > 0 {
		cs = append(cs, cond{check: "e.confidence >= ?", args: []any{f.MinConfidence},
			probe: "SELECT 1 FROM events INDEXED BY events_confidence WHERE confidence >= ?", probeArgs: []any{f.MinConfidence}})
	}
	if len(f.DatePrecision) > 0 {
		cs = append(cs, cond{check: "e.date_precision IN (" + placeholders(len(f.DatePrecision)) + ")", args: anys(f.DatePrecision)})
	}
	if f.Distinct {
		// Uncorrelated, so SQLite lists the duplicates once, through
		// their partial index, and tests each row against that list. No
		// probe: the filter keeps most events, so it never drives.
		cs = append(cs, cond{check: "e.doc NOT IN (SELECT id FROM documents WHERE duplicate_of IS NOT NULL)"})
	}
	if f.Incidents {
		// No probe: most events are their incident's canonical one
		// (every incident has one), so the filter never drives.
		cs = append(cs, cond{check: "e.canonical = 1"})
	}
	return cs, nil
}

// eventWhere is the plain conjunction of f's conditions, for aggregates,
// which read every match anyway and leave the plan to SQLite.
func eventWhere(f *store.EventFilter) (*where, error) {
	cs, err := eventConds(f)
	if err != nil {
		return nil, err
	}
	w := &where{}
	for _, c := range cs {
		if c.drive != "" {
			w.add(c.drive, c.driveArgs...)
		} else {
			w.add(c.check, c.args...)
		}
	}
	return w, nil
}

// probe counts c's matches up to db.probeCap.
func (db *DB) probe(ctx context.Context, c cond) (int, error) {
	var n int
	err := db.rd.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM (%s LIMIT %d)", c.probe, db.probeCap), c.probeArgs...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("probe: %w", err)
	}
	return n, nil
}

// eventColumns are the columns of a listed event, with its document d
// and the incident, read through the narrow indexes of migration 7 from
// a database that has them (meta).
func eventColumns(meta bool) string {
	members := "incident_members"
	if meta {
		members += " INDEXED BY incident_members_event"
	}
	return `e.id, e.day, e.confidence, e.json, d.doc_id, d.title, d.source_path, d.source_line, d.source_url, d.source_name,
	coalesce((SELECT incident FROM ` + members + ` WHERE event = e.id), '')`
}

// docJoin joins each event e to its document d.
func docJoin(meta bool) string {
	if meta {
		return ` JOIN documents d INDEXED BY documents_meta ON d.id = e.doc`
	}
	return ` JOIN documents d ON d.id = e.doc`
}

// incidentColumns are the incident's counts, read with the incidents
// filter, for which e is the canonical event.
const incidentColumns = `, coalesce(i.n_reports, 0), coalesce(i.n_sources, 0), coalesce(i.first_report, ''), coalesce(i.reports, '[]')`

// after is the condition that a row of key (value, id) comes after the
// cursor in o's direction.
func after(o store.Order, key string) string {
	return "(" + key + ") " + o.After() + " (?, ?)"
}

// Events pages through events; see store.Store.
func (db *DB) Events(ctx context.Context, f store.EventFilter, cursor string, limit int) ([]store.EventRow, string, error) {
	limit = store.ClampLimit(limit, store.MaxLimit)
	cs, err := eventConds(&f)
	if err != nil {
		return nil, "", err
	}
	c, hasCursor, err := store.CursorFor(cursor, f.Sort)
	if err != nil {
		return nil, "", err
	}
	o := store.OrderOf(f.Sort)
	driver, fewest := -1, db.probeCap
	for i, cd := range cs {
		if cd.probe == "" {
			continue
		}
		n, err := db.probe(ctx, cd)
		if err != nil {
			return nil, "", fmt.Errorf("events: %w", err)
		}
		if n < fewest {
			driver, fewest = i, n
		}
	}
	if driver >= 0 && fewest == 0 {
		return []store.EventRow{}, "", nil
	}
	days := slices.IndexFunc(cs, func(c cond) bool { return c.days })
	walker := -1
	switch {
	case o.Conf:
		// The filters' own indexes list their matches by day, not by
		// confidence: walk the confidence index, or collect through a
		// selective driver.
	case driver >= 0 && cs[driver].walkFrom != "":
		// A selective driver whose own index lists its matches in page
		// order is walked rather than collected: the walk reads from
		// the cursor to the end of one page, where collecting reads
		// every match again for each page, so that an export, which
		// pages through them all, read them pages times over.
		walker, driver = driver, -1
	case driver < 0:
		// Without a selective driver, walk in page order: through the
		// best-ranked filter's own ordered index when one has one, else
		// through the day index.
		for i, cd := range cs {
			if cd.walkFrom != "" && (walker < 0 || cd.walkRank > cs[walker].walkRank) {
				walker = i
			}
		}
	}
	w := &where{}
	from, key, sortCol := "events e INDEXED BY events_day", "e.day, e.id", "e.day"
	if o.Conf {
		from, key, sortCol = "events e INDEXED BY events_confidence", "e.confidence, e.id", "e.confidence"
	}
	if walker >= 0 {
		from, key = cs[walker].walkFrom, cs[walker].walkKey
		if cs[walker].walkCond != "" {
			w.add(cs[walker].walkCond, cs[walker].walkArgs...)
		}
		// The walked index has its own copy of the day (event_actors
		// has): bounding it there starts the walk at the first day
		// instead of skipping every earlier match.
		if cs[walker].walkDay != "" && days >= 0 {
			w.add(cs[walker].walkDay+" BETWEEN ? AND ?", cs[days].args...)
		}
	}
	for i, cd := range cs {
		if i == walker && cd.walkOnly {
			continue
		}
		if i == driver && cd.drive != "" {
			w.add(cd.drive, cd.driveArgs...)
		} else {
			w.add(cd.check, cd.args...)
		}
	}
	if hasCursor {
		var at any = c.Day
		if o.Conf {
			at = c.Conf
		}
		if driver >= 0 {
			w.add(after(o, sortCol+", e.id"), at, c.Key)
		} else {
			w.add(after(o, key), at, c.Key)
		}
	}
	var q string
	cols, incJoin := eventColumns(db.meta), ""
	if f.Incidents {
		cols, incJoin = cols+incidentColumns, ` LEFT JOIN incidents i ON i.canonical = e.id`
	}
	if driver >= 0 {
		// Few matches: find them through the driver's index, sort the
		// (sort value, id) pairs alone, then fetch one page of rows.
		q = `WITH m AS MATERIALIZED (SELECT e.id, ` + sortCol + ` AS s FROM events e` + w.sql() + ` ORDER BY ` + o.By(sortCol+", e.id") + ` LIMIT ?)
			SELECT ` + cols + ` FROM m JOIN events e ON e.id = m.id` + docJoin(db.meta) + incJoin + ` ORDER BY ` + o.By("m.s, m.id")
	} else {
		// An event with two actors from the same country appears twice
		// in the actor walk, next to itself; the loop below skips the
		// repeat, so the page is not cut short by LIMIT here.
		q = `SELECT ` + cols + ` FROM ` + from + docJoin(db.meta) + incJoin + w.sql() +
			` ORDER BY ` + o.By(key) + ` LIMIT ?`
	}
	// The walk may repeat an event (see above); a little slack keeps
	// a page full.
	rows, err := db.rd.QueryContext(ctx, q, append(w.args, limit+1+limit/4+4)...)
	if err != nil {
		return nil, "", fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	out := make([]store.EventRow, 0, limit)
	last := store.Cursor{Sort: f.Sort}
	more := false
	for rows.Next() {
		var r store.EventRow
		var key int64
		var conf float64
		var js, reports []byte
		var inc string
		dst := []any{&key, &r.Day, &conf, &js, &r.DocID, &r.Title, &r.Source.Path, &r.Source.Line, &r.Source.URL, &r.Source.Name, &inc}
		if f.Incidents {
			dst = append(dst, &r.NReports, &r.NSources, &r.FirstReport, &reports)
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, "", fmt.Errorf("events: %w", err)
		}
		if len(out) > 0 && key == last.Key {
			continue
		}
		if len(out) == limit {
			more = true
			break
		}
		if err := output.DecodeEvent(js, &r.Event); err != nil {
			return nil, "", fmt.Errorf("events: decode event %d: %w", key, err)
		}
		r.IncidentID = inc
		if f.Incidents {
			if err := json.Unmarshal(reports, &r.Reports); err != nil {
				return nil, "", fmt.Errorf("events: decode reports of incident %s: %w", inc, err)
			}
		}
		out = append(out, r)
		// The cursor keeps the column's own value, not the record's,
		// so that the next page compares like with like.
		last.Day, last.Conf, last.Key = r.Day, conf, key
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("events: %w", err)
	}
	next := ""
	if more {
		next = store.EncodeCursor(last)
	}
	return out, next, nil
}

// CountEvents counts the events matching f; see store.Store.
func (db *DB) CountEvents(ctx context.Context, f store.EventFilter) (int, error) {
	w, err := eventWhere(&f)
	if err != nil {
		return 0, err
	}
	q := `SELECT count(*) FROM events e` + w.sql()
	if db.useAgg(f, dayKeys) {
		// agg_days has the day, type and quad columns, under the
		// events' names, and one row per (day, type, quad).
		// aggTable chose the incidents' twin for the incidents filter.
		if w, err = aggWhere(f); err != nil {
			return 0, err
		}
		q = `SELECT coalesce(sum(e.n), 0) FROM ` + aggTable(f, "agg_days") + ` e` + w.sql()
	}
	var n int
	if err := db.rd.QueryRowContext(ctx, q, w.args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count events: %w", err)
	}
	return n, nil
}
