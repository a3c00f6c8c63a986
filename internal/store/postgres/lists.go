package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/dateline-project/dateline/internal/store"
)

// Documents pages through documents; see store.Store.
func (db *DB) Documents(ctx context.Context, f store.DocumentFilter, cursor string, limit int) ([]store.DocumentRow, string, error) {
	if err := f.Validate(); err != nil {
		return nil, "", err
	}
	limit = store.ClampLimit(limit, store.MaxLimit)
	c, hasCursor, err := store.CursorFor(cursor, f.Sort)
	if err != nil {
		return nil, "", err
	}
	o := store.OrderOf(f.Sort)
	w := &where{}
	if q := tsQuery(f.Q); q != "" {
		w.add("d.fts @@ to_tsquery('simple', " + w.arg(q) + ")")
	} else if strings.TrimSpace(f.Q) != "" {
		w.add("false")
	}
	if f.From != "" || f.To != "" {
		to := f.To
		if to == "" {
			to = "9999-12-31"
		}
		w.add("d.day BETWEEN " + w.arg(f.From) + " AND " + w.arg(to))
	}
	if f.Source != "" {
		p := w.arg(contains(f.Source))
		w.add("(d.source_name ILIKE " + p + " OR d.source_url ILIKE " + p + ")")
	}
	if f.HasEvents != nil {
		not := ""
		if !*f.HasEvents {
			not = "NOT "
		}
		w.add(not + "EXISTS (SELECT 1 FROM events x WHERE x.doc = d.id)")
	}
	if f.Distinct {
		w.add("d.duplicate_of IS NULL")
	}
	if hasCursor {
		w.add("(d.day, d.id) " + o.After() + " (" + w.arg(c.Day) + ", " + w.arg(c.Key) + ")")
	}
	// The counts are read through events' and quotes' (doc, seq) keys,
	// for the page's rows only.
	rows, err := db.pool.Query(ctx, `SELECT d.id, d.doc_id, d.title, d.day, d.published, d.source_path, d.source_line, d.source_url,
		d.source_name, d.duplicate_of, d.ingested,
		(SELECT count(*) FROM events x WHERE x.doc = d.id), (SELECT count(*) FROM quotes x WHERE x.doc = d.id)
		FROM documents d`+w.sql()+` ORDER BY `+o.By("d.day, d.id")+` LIMIT `+strconv.Itoa(limit+1), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("documents: %w", err)
	}
	out := make([]store.DocumentRow, 0, min(limit, 64))
	next, err := page(rows, limit, f.Sort, func() (store.Cursor, func() error, error) {
		var r store.DocumentRow
		var at store.Cursor
		if err := rows.Scan(&at.Key, &r.DocID, &r.Title, &r.Day, &r.Published, &r.Source.Path, &r.Source.Line, &r.Source.URL,
			&r.Source.Name, &r.DuplicateOf, &r.Ingested, &r.Events, &r.Quotes); err != nil {
			return at, nil, err
		}
		at.Day = r.Day
		return at, func() error { out = append(out, r); return nil }, nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("documents: %w", err)
	}
	return out, next, nil
}

// Actors counts events per actor; see store.Store. The ranking is
// recomputed for each page, which is paged by offset.
func (db *DB) Actors(ctx context.Context, q store.ActorQuery, cursor string, limit int) ([]store.ActorCount, string, error) {
	if err := q.Validate(); err != nil {
		return nil, "", err
	}
	limit = store.ClampLimit(limit, store.MaxLimit)
	offset, err := store.DecodeOffset(cursor)
	if err != nil {
		return nil, "", err
	}
	w, err := db.eventWhere(ctx, &q.Events)
	if err != nil {
		return nil, "", err
	}
	switch q.Role {
	case store.RoleActor:
		w.add("x.role = 0")
	case store.RoleRecipient:
		w.add("x.role = 1")
	}
	if q.Name != "" {
		w.add("x.name ILIKE " + w.arg(contains(q.Name)))
	}
	// Names and countries order byte-wise (COLLATE "C"), as SQLite's
	// BINARY collation does, so that both stores rank ties alike.
	rows, err := db.pool.Query(ctx, `SELECT x.name, x.country, count(DISTINCT e.id) AS n,
		count(DISTINCT e.id) FILTER (WHERE x.role = 0), count(DISTINCT e.id) FILTER (WHERE x.role = 1)
		FROM event_actors x JOIN events e ON e.id = x.event`+w.sql()+`
		GROUP BY x.name, x.country ORDER BY n DESC, x.name COLLATE "C", x.country COLLATE "C"
		LIMIT `+strconv.Itoa(limit+1)+` OFFSET `+strconv.Itoa(offset), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("actors: %w", err)
	}
	defer rows.Close()
	out, next, err := store.ReadActors(rows, limit, offset)
	if err != nil {
		return nil, "", fmt.Errorf("actors: %w", err)
	}
	return out, next, nil
}
