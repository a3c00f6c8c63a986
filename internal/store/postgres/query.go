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
	w := &where{}
	if err := db.eventWhereInto(ctx, w, f); err != nil {
		return nil, err
	}
	return w, nil
}

// eventWhereInto adds f's conditions to w, after the parameters w has.
func (db *DB) eventWhereInto(ctx context.Context, w *where, f *store.EventFilter) error {
	if err := f.Validate(); err != nil {
		return err
	}
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
		actorConds(sub, a)
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
			return fmt.Errorf("text query: %w", err)
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return fmt.Errorf("text query: %w", err)
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
	return nil
}

// actorConds adds a's conditions on one actor row x to w.
func actorConds(w *where, a store.ActorFilter) {
	w.in("x.country", a.Countries)
	if len(a.Sectors) > 0 {
		w.add("x.sectors && " + w.arg(cleanAll(append([]string(nil), a.Sectors...))))
	}
	if a.Name != "" {
		p := w.arg(contains(a.Name))
		w.add("(x.name ILIKE " + p + " OR x.raw ILIKE " + p + ")")
	}
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

// defaultNameCap is the most distinct actor strings an actor name filter
// may match for Events to walk their events (see nameWalk).
const defaultNameCap = 64

// walk is a way through an index that lists a filter's events in page
// order (day, then id), so that a page costs the events of that filter
// it passes over rather than a walk of the day index testing every event:
// from joins the walked rows w to events e, cond and args select the
// filter's rows, and day is w's own day column, which a date range bounds.
type walk struct {
	from, cond string
	args       []any
	// slack is how many rows beyond a page to read: an index that lists
	// an event once per matching actor repeats it (see page).
	slack bool
}

// actorWalk returns the walk for f's actor and recipient countries, and
// clears the parts of f the walk is the whole of: the dyad index when
// both sides name one country, else one country's actors (the
// event_actors_country index: role, country, day, event). ok is false
// when neither side names exactly one country. A side's sectors or name
// stay eventWhere's EXISTS, which tests that one actor has them all.
func (db *DB) actorWalk(f *store.EventFilter) (w walk, ok bool) {
	sides := [2]*store.ActorFilter{&f.Actor, &f.Recipient}
	onlyCountry := func(a *store.ActorFilter) bool { return len(a.Sectors) == 0 && a.Name == "" }
	if db.dyads && len(f.Actor.Countries) == 1 && len(f.Recipient.Countries) == 1 {
		w = walk{from: "event_dyads w JOIN events e ON e.id = w.event", cond: "w.actor_country = $1 AND w.recipient_country = $2",
			args: []any{clean(f.Actor.Countries[0]), clean(f.Recipient.Countries[0])}}
		for _, a := range sides {
			if onlyCountry(a) {
				*a = store.ActorFilter{}
			}
		}
		return w, true
	}
	for role, a := range sides {
		if len(a.Countries) == 1 {
			w = walk{from: "event_actors w JOIN events e ON e.id = w.event", cond: "w.role = " + strconv.Itoa(role) + " AND w.country = $1",
				args: []any{clean(a.Countries[0])}, slack: true}
			if onlyCountry(a) {
				*a = store.ActorFilter{}
			}
			return w, true
		}
	}
	return walk{}, false
}

// nameWalk returns the walk for the side of f that has an actor name, a
// substring of any case of an actor's name or raw text. A substring has
// no ordered index: the planner could only walk the day index testing
// each event (35,000 probes at 1M events for a name on one actor in
// 160), or read every matching actor row through the trigram index and
// sort them (10,000 scattered pages). So the substring is looked for
// among the distinct strings (actor_strings, through its own trigram
// index), and the events of the few that match are walked in page order
// in event_actor_strings, merged across the strings. Beyond db.nameCap
// strings (a short or common substring) ok is false, and the day walk,
// which then finds a page soon, is left to the planner.
//
// A side with only a name is cleared from f, as the walk is the whole of
// it; with a country or a sector too, its EXISTS stays, to test that one
// actor has them all.
func (db *DB) nameWalk(ctx context.Context, f *store.EventFilter) (w walk, ok bool, err error) {
	if !db.dyads {
		return walk{}, false, nil
	}
	for role, a := range [2]*store.ActorFilter{&f.Actor, &f.Recipient} {
		if a.Name == "" {
			continue
		}
		rows, err := db.pool.Query(ctx, `SELECT id FROM actor_strings WHERE s ILIKE $1 LIMIT `+strconv.Itoa(db.nameCap+1), contains(a.Name))
		if err != nil {
			return walk{}, false, fmt.Errorf("actor name: %w", err)
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return walk{}, false, fmt.Errorf("actor name: %w", err)
		}
		if len(ids) > db.nameCap {
			return walk{}, false, nil
		}
		if len(a.Countries) == 0 && len(a.Sectors) == 0 {
			*a = store.ActorFilter{}
		}
		if len(ids) == 0 {
			return walk{from: "event_actor_strings w JOIN events e ON e.id = w.event", cond: "false"}, true, nil
		}
		// One ordered index range per string, which the planner merges
		// in page order (a MergeAppend); an event with two matching
		// strings is listed twice (see page).
		var branches []string
		w = walk{slack: true}
		for i, id := range ids {
			w.args = append(w.args, id)
			branches = append(branches, "SELECT event, day FROM event_actor_strings WHERE role = "+strconv.Itoa(role)+" AND string = $"+strconv.Itoa(i+1))
		}
		w.from = "(" + strings.Join(branches, " UNION ALL ") + ") w JOIN events e ON e.id = w.event"
		return w, true, nil
	}
	return walk{}, false, nil
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
	// A walk takes the first parameters: it is chosen, and the parts of f
	// it covers cleared, before eventWhere numbers the rest.
	wk, walked, err := db.nameWalk(ctx, &f)
	if err != nil {
		return nil, "", fmt.Errorf("events: %w", err)
	}
	if !walked && !o.Conf {
		// The actor indexes list events by day: a confidence order
		// cannot walk them.
		wk, walked = db.actorWalk(&f)
	}
	w := &where{args: wk.args}
	if err := db.eventWhereInto(ctx, w, &f); err != nil {
		return nil, "", err
	}
	from, order, sortCol, n := "events e", "e.day, e.id", "e.day", limit+1
	var at any = c.Day
	if o.Conf {
		order, sortCol, at = "e.confidence, e.id", "e.confidence", c.Conf
	}
	if walked {
		from = wk.from
		if wk.cond != "" {
			w.add(wk.cond)
		}
		if !o.Conf {
			order = "w.day, w.event"
			// The walked rows have their own copy of the day: bounding
			// it there starts the walk at the first day instead of
			// passing over every earlier match.
			if f.From != "" || f.To != "" {
				to := f.To
				if to == "" {
					to = "9999-12-31"
				}
				w.add("w.day BETWEEN " + w.arg(f.From) + " AND " + w.arg(to))
			}
		}
		if wk.slack {
			n += limit/4 + 4 // slack for the events listed twice (see page)
		}
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
