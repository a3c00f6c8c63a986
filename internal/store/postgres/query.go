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

// defaultFTSCap is the most documents a full-text query may match for
// eventWhere to list their ids (see there).
const defaultFTSCap = 2000

// eventWhere translates f into conditions on events aliased e. Unlike the
// SQLite store, which chooses among plans itself (plan.go), it leaves the
// choice to PostgreSQL's planner, whose statistics see how selective each
// value is, with one exception: the planner cannot tell how many
// documents a text query matches, and guessing many it walked all of a
// million events in day order for the ten events of one matching
// document. So the matches are looked up first, and when they are few
// (DB.ftsCap) their ids go into the query, where the planner sees them.
func (db *DB) eventWhere(ctx context.Context, f *store.EventFilter) (*where, error) {
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
		rows, err := db.pool.Query(ctx, "SELECT id FROM documents WHERE fts @@ to_tsquery('simple', $1) LIMIT "+strconv.Itoa(db.ftsCap+1), q)
		if err != nil {
			return nil, fmt.Errorf("text query: %w", err)
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return nil, fmt.Errorf("text query: %w", err)
		}
		if len(ids) <= db.ftsCap {
			w.add("e.doc = ANY(" + w.arg(ids) + ")")
		} else {
			w.add("e.doc IN (SELECT id FROM documents WHERE fts @@ to_tsquery('simple', " + w.arg(q) + "))")
		}
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

// page reads a listing's rows and keeps the first limit of them; scan
// reads the current row, returning its place in the order (day or
// confidence, and key) and a func that keeps it. next is the cursor
// after the last kept row, in order sort, when a further row exists. A
// row with the key of the row before it is skipped: the walk through an
// actor index lists an event once for each of its actors that match.
func page(rows pgx.Rows, limit int, sort string, scan func() (at store.Cursor, keep func() error, err error)) (next string, err error) {
	defer rows.Close()
	var last store.Cursor
	n := 0
	for rows.Next() {
		at, keep, err := scan()
		if err != nil {
			return "", err
		}
		if n > 0 && at.Key == last.Key {
			continue
		}
		if n == limit {
			last.Sort = sort
			return store.EncodeCursor(last), nil
		}
		if err := keep(); err != nil {
			return "", err
		}
		last = at
		n++
	}
	return "", rows.Err()
}

// actorWalk returns the role and country of an actor or recipient filter
// on one country, whose index (event_actors_country: role, country, day,
// event) lists its events in page order. ok is false when there is none.
func actorWalk(f *store.EventFilter) (role int, country string, ok bool) {
	for role, a := range [2]store.ActorFilter{f.Actor, f.Recipient} {
		if len(a.Countries) == 1 {
			return role, a.Countries[0], true
		}
	}
	return 0, "", false
}

// Events pages through events; see store.Store.
func (db *DB) Events(ctx context.Context, f store.EventFilter, cursor string, limit int) ([]store.EventRow, string, error) {
	limit = store.ClampLimit(limit, store.MaxLimit)
	c, hasCursor, err := store.CursorFor(cursor, f.Sort)
	if err != nil {
		return nil, "", err
	}
	if err := f.Validate(); err != nil {
		return nil, "", err
	}
	o := store.OrderOf(f.Sort)
	// The actor index lists events by day: a confidence order cannot walk
	// it.
	role, country, walked := actorWalk(&f)
	walked = walked && !o.Conf
	if walked {
		// The walk below is the whole of a filter on the country alone;
		// any other part (a sector, a name) stays eventWhere's EXISTS,
		// which tests that one actor has them all.
		if a := [2]*store.ActorFilter{&f.Actor, &f.Recipient}[role]; len(a.Sectors) == 0 && a.Name == "" {
			*a = store.ActorFilter{}
		}
	}
	w, err := db.eventWhere(ctx, &f)
	if err != nil {
		return nil, "", err
	}
	from, order, sortCol, n := "events e", "e.day, e.id", "e.day", limit+1
	var at any = c.Day
	if o.Conf {
		order, sortCol, at = "e.confidence, e.id", "e.confidence", c.Conf
	}
	if walked {
		// A filter on one actor country walks that country's actors in
		// page order, so that a page costs the events of that country it
		// passes over rather than every event: with a second filter as
		// narrow (a recipient country too), the planner's walk of the day
		// index checked 60,000 events for a page of 100 at 1M events.
		from, order = "event_actors w JOIN events e ON e.id = w.event", "w.day, w.event"
		w.add("w.role = " + strconv.Itoa(role) + " AND w.country = " + w.arg(clean(country)))
		if f.From != "" || f.To != "" {
			to := f.To
			if to == "" {
				to = "9999-12-31"
			}
			w.add("w.day BETWEEN " + w.arg(f.From) + " AND " + w.arg(to))
		}
		n += limit/4 + 4 // slack for the events listed twice (see page)
	}
	if hasCursor {
		w.add("(" + order + ") " + o.After() + " (" + w.arg(at) + ", " + w.arg(c.Key) + ")")
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
		FROM (SELECT e.id, e.day, e.confidence, e.doc FROM `+from+w.sql()+` ORDER BY `+o.By(order)+` LIMIT `+strconv.Itoa(n)+`) m
		JOIN event_json j ON j.id = m.id JOIN documents d ON d.id = m.doc`+join+` ORDER BY `+o.By(strings.Replace(sortCol, "e.", "m.", 1)+", m.id"), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	out := make([]store.EventRow, 0, min(limit, 64))
	next, err := page(rows, limit, f.Sort, func() (store.Cursor, func() error, error) {
		var r store.EventRow
		var at store.Cursor
		var js, inc, reports []byte
		dst := []any{&at.Key, &r.Day, &at.Conf, &js, &r.DocID, &r.Title, &r.Source.Path, &r.Source.Line, &r.Source.URL, &r.Source.Name, &inc}
		if f.Incidents {
			dst = append(dst, &r.NReports, &r.NSources, &r.FirstReport, &reports)
		}
		if err := rows.Scan(dst...); err != nil {
			return at, nil, err
		}
		at.Day = r.Day
		return at, func() error {
			if err := output.DecodeEvent(js, &r.Event); err != nil {
				return fmt.Errorf("decode event %d: %w", at.Key, err)
			}
			r.IncidentID = string(inc)
			if f.Incidents {
				if err := json.Unmarshal(reports, &r.Reports); err != nil {
					return fmt.Errorf("decode reports of incident %s: %w", r.IncidentID, err)
				}
			}
			out = append(out, r)
			return nil
		}, nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("events: %w", err)
	}
	return out, next, nil
}

// CountEvents counts the events matching f; see store.Store.
func (db *DB) CountEvents(ctx context.Context, f store.EventFilter) (int, error) {
	w, err := db.eventWhere(ctx, &f)
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
	next, err := page(rows, limit, "", func() (store.Cursor, func() error, error) {
		var r store.QuoteRow
		var key int64
		var js []byte
		if err := rows.Scan(&key, &r.Day, &js, &r.DocID, &r.Title); err != nil {
			return store.Cursor{}, nil, err
		}
		return store.Cursor{Day: r.Day, Key: key}, func() error {
			if err := json.Unmarshal(js, &r.Quote); err != nil {
				return fmt.Errorf("decode quote %d: %w", key, err)
			}
			out = append(out, r)
			return nil
		}, nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("quotes: %w", err)
	}
	return out, next, nil
}
