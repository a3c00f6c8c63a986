package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

// where accumulates SQL conditions and their numbered parameters. Values
// always go through parameters; only fixed column names are written into
// the SQL.
type where struct {
	conds []string
	args  []any
}

// arg adds v as a parameter and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

func (w *where) add(cond string) { w.conds = append(w.conds, cond) }

// in matches col against vals: = for one value, so that the planner sees
// an equality it can walk an index in order for, = ANY for several.
func (w *where) in(col string, vals []string) {
	switch len(vals) {
	case 0:
	case 1:
		w.add(col + " = " + w.arg(clean(vals[0])))
	default:
		w.add(col + " = ANY(" + w.arg(cleanAll(append([]string(nil), vals...))) + ")")
	}
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// contains is an ILIKE pattern matching s anywhere.
func contains(s string) string { return "%" + store.LikeEscape(clean(s)) + "%" }

// eventWhere translates f into conditions on events aliased e. Unlike the
// SQLite store, which chooses among plans itself (plan.go), it leaves the
// choice to PostgreSQL's planner, whose statistics see how selective each
// value is.
func eventWhere(f *store.EventFilter) (*where, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	w := &where{}
	w.in("e.type", f.Type)
	w.in("e.mode", f.Mode)
	w.in("e.quad", f.Quad)
	for role, a := range [2]store.ActorFilter{f.Actor, f.Recipient} {
		if a.Empty() {
			continue
		}
		// All given fields must match the same actor, hence one EXISTS.
		sub := &where{args: w.args}
		sub.add("x.event = e.id")
		sub.add("x.role = " + strconv.Itoa(role))
		sub.in("x.country", a.Countries)
		if len(a.Sectors) > 0 {
			sub.add("x.sectors && " + sub.arg(cleanAll(append([]string(nil), a.Sectors...))))
		}
		if a.Name != "" {
			p := sub.arg(contains(a.Name))
			sub.add("(x.name ILIKE " + p + " OR x.raw ILIKE " + p + ")")
		}
		w.args = sub.args
		w.add("EXISTS (SELECT 1 FROM event_actors x" + sub.sql() + ")")
	}
	if f.Claimed != nil {
		w.add("e.claimed = " + w.arg(*f.Claimed))
	}
	if f.From != "" || f.To != "" {
		to := f.To
		if to == "" {
			to = "9999-12-31"
		}
		w.add("e.day BETWEEN " + w.arg(f.From) + " AND " + w.arg(to))
	}
	if f.Place != "" {
		w.add("lower(e.place) = lower(" + w.arg(clean(f.Place)) + ")")
	}
	if f.GeonameID != 0 {
		w.add("e.geonameid = " + w.arg(int64(f.GeonameID)))
	}
	if b := f.BBox; b != nil {
		w.add("e.lon BETWEEN " + w.arg(b[0]) + " AND " + w.arg(b[2]) + " AND e.lat BETWEEN " + w.arg(b[1]) + " AND " + w.arg(b[3]))
	}
	if q := tsQuery(f.Q); q != "" {
		w.add("e.doc IN (SELECT id FROM documents WHERE fts @@ to_tsquery('simple', " + w.arg(q) + "))")
	} else if strings.TrimSpace(f.Q) != "" {
		w.add("false") // punctuation only: nothing can match
	}
	if f.Distinct {
		// The duplicates are few and have a partial index: PostgreSQL
		// hashes their ids once and tests each event against the set.
		w.add("e.doc NOT IN (SELECT id FROM documents WHERE duplicate_of IS NOT NULL)")
	}
	for _, b := range []struct {
		col string
		v   *bool
	}{{"principal", f.Principal}, {"negated", f.Negated}, {"asserted", f.Asserted}, {"main", f.MainEvent}} {
		if b.v != nil {
			w.add("e." + b.col + " = " + w.arg(*b.v))
		}
	}
	if f.MinConfidence > 0 {
		w.add("e.confidence >= " + w.arg(f.MinConfidence))
	}
	w.in("e.date_precision", f.DatePrecision)
	if f.Incidents {
		w.add("e.canonical")
	}
	return w, nil
}

// Document returns one stored document; see store.Store.
func (db *DB) Document(ctx context.Context, id string) (*store.Document, error) {
	var d store.Document
	var text, rec []byte
	var key int64
	err := db.pool.QueryRow(ctx, `SELECT id, text, hash, record, ingested FROM documents WHERE doc_id = $1
		UNION ALL SELECT d.id, d.text, d.hash, d.record, d.ingested FROM doc_aliases a JOIN documents d ON d.id = a.doc WHERE a.alias = $1
		LIMIT 1`, clean(id)).
		Scan(&key, &text, &d.Hash, &rec, &d.Ingested)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return nil, fmt.Errorf("document %q: %w", id, store.ErrNotFound)
	case err != nil:
		return nil, fmt.Errorf("document %q: %w", id, err)
	}
	d.Text = string(text)
	if err := json.Unmarshal(rec, &d.Record); err != nil {
		return nil, fmt.Errorf("document %q: decode record: %w", id, err)
	}
	if db.incidents {
		if err := db.docIncidents(ctx, key, &d.Record); err != nil {
			return nil, fmt.Errorf("document %q: %w", id, err)
		}
	}
	return &d, nil
}

// Stored describes what is stored under id; see store.Store.
func (db *DB) Stored(ctx context.Context, id string) (store.Stored, error) {
	var s store.Stored
	var prov string
	err := db.pool.QueryRow(ctx, `SELECT doc_id, hash, provenance FROM documents WHERE doc_id = $1
		UNION ALL SELECT d.doc_id, d.hash, d.provenance FROM doc_aliases a JOIN documents d ON d.id = a.doc WHERE a.alias = $1
		LIMIT 1`, clean(id)).Scan(&s.DocID, &s.Hash, &prov)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return s, fmt.Errorf("document %q: %w", id, store.ErrNotFound)
	case err != nil:
		return s, fmt.Errorf("document %q: %w", id, err)
	}
	if s.Provenance, err = store.ParseProvenance(prov); err != nil {
		return s, fmt.Errorf("document %q: %w", id, err)
	}
	return s, nil
}

// Stale walks the documents a recode with p would change; see
// store.Store.
func (db *DB) Stale(ctx context.Context, p output.Provenance, fn func(id string) error) error {
	// The ids are read first and the rows closed before fn runs, so that
	// fn may query the store without holding a connection.
	rows, err := db.pool.Query(ctx, `SELECT doc_id FROM documents WHERE provenance != $1 ORDER BY id`, store.ProvenanceKey(&p))
	if err != nil {
		return fmt.Errorf("stale documents: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("stale documents: %w", err)
	}
	for _, id := range ids {
		if err := fn(id); err != nil {
			return err
		}
	}
	return nil
}

// page reads a day-ordered listing query's rows (id, day, ...) in the
// order sort (a day order) and keeps the first limit; scan reads one
// row. next is the cursor after the last kept row when a further row
// exists.
func page(rows pgx.Rows, limit int, scan func(key *int64, day *string) error, sort string) (next string, err error) {
	defer rows.Close()
	last := store.Cursor{Sort: sort}
	n := 0
	for rows.Next() {
		if n == limit {
			return store.EncodeCursor(last), nil
		}
		if err := scan(&last.Key, &last.Day); err != nil {
			return "", err
		}
		n++
	}
	return "", rows.Err()
}

// Events pages through events; see store.Store.
func (db *DB) Events(ctx context.Context, f store.EventFilter, cursor string, limit int) ([]store.EventRow, string, error) {
	limit = store.ClampLimit(limit, store.MaxLimit)
	c, hasCursor, err := store.CursorFor(cursor, f.Sort)
	if err != nil {
		return nil, "", err
	}
	w, err := eventWhere(&f)
	if err != nil {
		return nil, "", err
	}
	o := store.OrderOf(f.Sort)
	sortCol := "e.day"
	var at any = c.Day
	if o.Conf {
		sortCol, at = "e.confidence", c.Conf
	}
	if hasCursor {
		w.add("(" + sortCol + ", e.id) " + o.After() + " (" + w.arg(at) + ", " + w.arg(c.Key) + ")")
	}
	cols, join := "", ""
	if f.Incidents {
		cols = `, coalesce(i.n_reports, 0), coalesce(i.n_sources, 0), coalesce(i.first_report, ''), coalesce(i.reports, '[]')`
		join = ` LEFT JOIN incidents i ON i.canonical = m.id`
	}
	// The page is chosen on the narrow events rows, then its JSON,
	// documents and incidents are read.
	rows, err := db.pool.Query(ctx, `SELECT m.id, m.day, m.confidence, j.json, d.doc_id, d.title, d.source_path, d.source_line, d.source_url, d.source_name,
		coalesce((SELECT incident FROM incident_members WHERE event = m.id), '')`+cols+`
		FROM (SELECT e.id, e.day, e.confidence, e.doc FROM events e`+w.sql()+` ORDER BY `+o.By(sortCol+", e.id")+` LIMIT `+strconv.Itoa(limit+1)+`) m
		JOIN event_json j ON j.id = m.id JOIN documents d ON d.id = m.doc`+join+` ORDER BY `+o.By(strings.Replace(sortCol, "e.", "m.", 1)+", m.id"), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	out := make([]store.EventRow, 0, min(limit, 64))
	last := store.Cursor{Sort: f.Sort}
	if last.Sort == store.SortDate {
		last.Sort = ""
	}
	more := false
	for rows.Next() {
		if len(out) == limit {
			more = true
			break
		}
		var r store.EventRow
		var js, inc, reports []byte
		dst := []any{&last.Key, &r.Day, &last.Conf, &js, &r.DocID, &r.Title, &r.Source.Path, &r.Source.Line, &r.Source.URL, &r.Source.Name, &inc}
		if f.Incidents {
			dst = append(dst, &r.NReports, &r.NSources, &r.FirstReport, &reports)
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, "", fmt.Errorf("events: %w", err)
		}
		if err := json.Unmarshal(js, &r.Event); err != nil {
			return nil, "", fmt.Errorf("events: decode event %d: %w", last.Key, err)
		}
		r.IncidentID = string(inc)
		if f.Incidents {
			if err := json.Unmarshal(reports, &r.Reports); err != nil {
				return nil, "", fmt.Errorf("events: decode reports of incident %s: %w", r.IncidentID, err)
			}
		}
		last.Day = r.Day
		out = append(out, r)
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
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM events e`+w.sql(), w.args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count events: %w", err)
	}
	return n, nil
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
		p := w.arg(contains(f.Speaker))
		w.add("(q.speaker_name ILIKE " + p + " OR q.speaker_raw ILIKE " + p + ")")
	}
	w.in("q.speaker_country", f.Country)
	if tq := tsQuery(f.Q); tq != "" {
		w.add("q.fts @@ to_tsquery('simple', " + w.arg(tq) + ")")
	} else if strings.TrimSpace(f.Q) != "" {
		w.add("false")
	}
	if hasCursor {
		w.add("(q.day, q.id) > (" + w.arg(c.Day) + ", " + w.arg(c.Key) + ")")
	}
	rows, err := db.pool.Query(ctx, `SELECT q.id, q.day, q.json, d.doc_id, d.title
		FROM quotes q JOIN documents d ON d.id = q.doc`+w.sql()+` ORDER BY q.day, q.id LIMIT `+strconv.Itoa(limit+1), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("quotes: %w", err)
	}
	out := make([]store.QuoteRow, 0, min(limit, 64))
	next, err := page(rows, limit, func(key *int64, day *string) error {
		var r store.QuoteRow
		var js []byte
		if err := rows.Scan(key, &r.Day, &js, &r.DocID, &r.Title); err != nil {
			return err
		}
		if err := json.Unmarshal(js, &r.Quote); err != nil {
			return fmt.Errorf("decode quote %d: %w", *key, err)
		}
		*day = r.Day
		out = append(out, r)
		return nil
	}, "")
	if err != nil {
		return nil, "", fmt.Errorf("quotes: %w", err)
	}
	return out, next, nil
}
