package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

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
	return w, nil
}

// Document returns one stored document; see store.Store.
func (db *DB) Document(ctx context.Context, id string) (*store.Document, error) {
	var d store.Document
	var text, rec []byte
	err := db.pool.QueryRow(ctx, `SELECT text, hash, record, ingested FROM documents WHERE doc_id = $1`, clean(id)).
		Scan(&text, &d.Hash, &rec, &d.Ingested)
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
	return &d, nil
}

// page runs a day-ordered listing query that returns (id, day, json, ...)
// rows and keeps the first limit; scan reads one row's other columns and
// decodes the json. next is the cursor after the last kept row when a
// further row exists.
func page(rows pgx.Rows, limit int, scan func(key *int64, day *string) error) (next string, err error) {
	defer rows.Close()
	var last store.Cursor
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
	c, hasCursor, err := store.DecodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	w, err := eventWhere(&f)
	if err != nil {
		return nil, "", err
	}
	if hasCursor {
		w.add("(e.day, e.id) > (" + w.arg(c.Day) + ", " + w.arg(c.Key) + ")")
	}
	rows, err := db.pool.Query(ctx, `SELECT e.id, e.day, e.json, d.doc_id, d.title, d.source_path, d.source_line, d.source_url, d.source_name
		FROM events e JOIN documents d ON d.id = e.doc`+w.sql()+` ORDER BY e.day, e.id LIMIT `+strconv.Itoa(limit+1), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("events: %w", err)
	}
	out := make([]store.EventRow, 0, min(limit, 64))
	next, err := page(rows, limit, func(key *int64, day *string) error {
		var r store.EventRow
		var js []byte
		if err := rows.Scan(key, &r.Day, &js, &r.DocID, &r.Title, &r.Source.Path, &r.Source.Line, &r.Source.URL, &r.Source.Name); err != nil {
			return err
		}
		if err := json.Unmarshal(js, &r.Event); err != nil {
			return fmt.Errorf("decode event %d: %w", *key, err)
		}
		*day = r.Day
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("events: %w", err)
	}
	return out, next, nil
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
	})
	if err != nil {
		return nil, "", fmt.Errorf("quotes: %w", err)
	}
	return out, next, nil
}
