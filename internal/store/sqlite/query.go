package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/dateline-project/dateline/internal/store"
)

// where accumulates SQL conditions and their arguments. Values always go
// through placeholders; only fixed column names are written into the SQL.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) in(col string, vals []string) {
	if len(vals) == 0 {
		return
	}
	if len(vals) == 1 {
		w.add(col+" = ?", vals[0])
		return
	}
	ph := strings.Repeat("?,", len(vals))
	args := make([]any, len(vals))
	for i, v := range vals {
		args[i] = v
	}
	w.add(col+" IN ("+ph[:len(ph)-1]+")", args...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// Document returns one stored document; see store.Store.
func (db *DB) Document(ctx context.Context, id string) (*store.Document, error) {
	var d store.Document
	var rec []byte
	err := db.rd.QueryRowContext(ctx, `SELECT text, hash, record, ingested FROM documents WHERE doc_id = ?`, id).
		Scan(&d.Text, &d.Hash, &rec, &d.Ingested)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("document %q: %w", id, store.ErrNotFound)
	case err != nil:
		return nil, fmt.Errorf("document %q: %w", id, err)
	}
	if err := json.Unmarshal(rec, &d.Record); err != nil {
		return nil, fmt.Errorf("document %q: decode record: %w", id, err)
	}
	return &d, nil
}

// Quotes pages through quotes; see store.Store.
func (db *DB) Quotes(ctx context.Context, f store.QuoteFilter, cursor string, limit int) ([]store.QuoteRow, string, error) {
	if err := f.Validate(); err != nil {
		return nil, "", err
	}
	limit = store.ClampLimit(limit, store.MaxLimit)
	c, hasCursor, err := store.DecodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	w := &where{}
	if f.Speaker != "" {
		p := "%" + store.LikeEscape(f.Speaker) + "%"
		w.add(`(q.speaker_name LIKE ? ESCAPE '\' OR q.speaker_raw LIKE ? ESCAPE '\')`, p, p)
	}
	w.in("q.speaker_country", f.Country)
	if fq := store.FTSQuery(f.Q); fq != "" {
		w.add("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", fq)
	} else if strings.TrimSpace(f.Q) != "" {
		w.add("0")
	}
	if hasCursor {
		w.add("(q.day, q.id) > (?, ?)", c.Day, c.Key)
	}
	rows, err := db.rd.QueryContext(ctx, `SELECT q.id, q.day, q.json, d.doc_id, d.title
		FROM quotes q JOIN documents d ON d.id = q.doc`+w.sql()+` ORDER BY q.day, q.id LIMIT ?`, append(w.args, limit+1)...)
	if err != nil {
		return nil, "", fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	out := make([]store.QuoteRow, 0, min(limit, 64))
	var last store.Cursor
	more := false
	for rows.Next() {
		if len(out) == limit {
			more = true
			break
		}
		var r store.QuoteRow
		var key int64
		var js []byte
		if err := rows.Scan(&key, &r.Day, &js, &r.DocID, &r.Title); err != nil {
			return nil, "", fmt.Errorf("quotes: %w", err)
		}
		if err := json.Unmarshal(js, &r.Quote); err != nil {
			return nil, "", fmt.Errorf("quotes: decode quote %d: %w", key, err)
		}
		out = append(out, r)
		last = store.Cursor{Day: r.Day, Key: key}
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("quotes: %w", err)
	}
	next := ""
	if more {
		next = store.EncodeCursor(last)
	}
	return out, next, nil
}

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
	q := `SELECT e.day, ` + col + `, count(*) FROM events e` + w.sql() + ` GROUP BY e.day, ` + col + ` ORDER BY e.day`
	if db.useAgg(f, func(f *store.EventFilter) { f.Type, f.Quad, f.From, f.To = nil, nil, "", "" }) {
		// agg_days has the columns the day, type and quad filters test,
		// under the same names, so their conditions apply to it
		// unchanged. Its rows come in day order from its key, and the
		// loop below adds up the counts of a day's (type, quad) rows
		// itself: grouping them in SQL sorted all of them first.
		q = `SELECT e.day, ` + col + `, e.n FROM agg_days e` + w.sql() + ` ORDER BY e.day`
	}
	rows, err := db.rd.QueryContext(ctx, q, w.args...)
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

// useAgg reports whether an aggregate table keyed on the dimensions that
// keep clears can answer a query filtered by f (see aggregable).
func (db *DB) useAgg(f store.EventFilter, keep func(*store.EventFilter)) bool {
	return !db.noAgg && aggregable(f, keep)
}

// Network returns weighted actor -> recipient edges; see store.Store.
func (db *DB) Network(ctx context.Context, f store.EventFilter, limit int) ([]store.Edge, error) {
	limit = store.ClampLimit(limit, store.MaxEdges)
	w, err := eventWhere(&f)
	if err != nil {
		return nil, err
	}
	// Every path reads rows of (actor, recipient, quad, count, intensity
	// sum in millionths), grouped by actor and recipient.
	q := `SELECT a.name, a.country, r.name, r.country, e.quad, count(*), sum(CAST(round(e.intensity * 1000000) AS INTEGER))
		FROM events e
		JOIN event_actors a ON a.event = e.id AND a.role = 0
		JOIN event_actors r ON r.event = e.id AND r.role = 1` + w.sql() + `
		GROUP BY a.name, a.country, r.name, r.country, e.quad`
	args := w.args
	switch {
	case db.useAgg(f, func(*store.EventFilter) {}):
		// Only the pairs as heavy as the limit-th heaviest can be in the
		// answer; agg_pairs_n finds that weight, and the pairs at least
		// as heavy, without reading the others. Ties at that weight are
		// all read, for the sort below to choose among as it always has.
		var cut int
		err := db.rd.QueryRowContext(ctx, `SELECT n FROM agg_pairs INDEXED BY agg_pairs_n ORDER BY n DESC LIMIT 1 OFFSET ?`, limit-1).Scan(&cut)
		if err != nil && !errors.Is(err, sql.ErrNoRows) { // no row: fewer pairs than limit, so all
			return nil, fmt.Errorf("network: %w", err)
		}
		q = `SELECT e.a_name, e.a_country, e.r_name, e.r_country, e.quad, e.n, e.intensity
			FROM agg_pairs p INDEXED BY agg_pairs_n
			JOIN agg_edges e ON e.a_name = p.a_name AND e.a_country = p.a_country AND e.r_name = p.r_name AND e.r_country = p.r_country
			WHERE p.n >= ?`
		args = []any{cut}
	case db.useAgg(f, func(f *store.EventFilter) { f.Quad = nil }):
		// agg_edges has the quad column the quad filter tests.
		q = `SELECT e.a_name, e.a_country, e.r_name, e.r_country, e.quad, e.n, e.intensity FROM agg_edges e` + w.sql()
	}
	rows, err := db.rd.QueryContext(ctx, q, args...)
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
	w, err := eventWhere(&f)
	if err != nil {
		return nil, err
	}
	// Both paths group by agg_places' key (a place without both
	// coordinates is unlocated, at 0, 0) in one query over either source,
	// name a place written in several cases by the least of them, and
	// break ties in count by the whole key, so that they give the same
	// answer in the same order.
	const query = `SELECT min(place COLLATE BINARY) AS name, place_country, geonameid, located, lat, lon, %s AS n FROM %s
		GROUP BY place COLLATE NOCASE, place_country, geonameid, located, lat, lon
		ORDER BY n DESC, name COLLATE NOCASE, name, place_country, geonameid, located, lat, lon LIMIT ?`
	var q string
	if db.useAgg(f, func(f *store.EventFilter) { f.Place, f.GeonameID = "", 0 }) {
		// agg_places keeps the place as written, so the place filter,
		// case-blind through events.place's collation, says so here.
		w = &where{}
		if f.Place != "" {
			w.add("place = ? COLLATE NOCASE", f.Place)
		}
		if f.GeonameID != 0 {
			w.add("geonameid = ?", f.GeonameID)
		}
		q = fmt.Sprintf(query, "sum(n)", "agg_places"+w.sql())
	} else {
		w.add("e.place != ''")
		q = fmt.Sprintf(query, "count(*)", `(SELECT e.place AS place, e.place_country AS place_country, e.geonameid AS geonameid,
			e.lat IS NOT NULL AND e.lon IS NOT NULL AS located,
			iif(e.lat IS NOT NULL AND e.lon IS NOT NULL, e.lat, 0) AS lat,
			iif(e.lat IS NOT NULL AND e.lon IS NOT NULL, e.lon, 0) AS lon
			FROM events e`+w.sql()+`)`)
	}
	rows, err := db.rd.QueryContext(ctx, q, append(w.args, limit)...)
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
