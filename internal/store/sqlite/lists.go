package sqlite

import (
	"context"
	"fmt"
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
	o := orderOf(f.Sort)
	w := &where{}
	if q := store.FTSQuery(f.Q); q != "" {
		w.add("d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", q)
	} else if strings.TrimSpace(f.Q) != "" {
		w.add("0")
	}
	if f.From != "" || f.To != "" {
		to := f.To
		if to == "" {
			to = "9999-12-31"
		}
		w.add("d.day BETWEEN ? AND ?", f.From, to)
	}
	if f.Source != "" {
		p := "%" + likeEscape(f.Source) + "%"
		w.add(`(d.source_name LIKE ? ESCAPE '\' OR d.source_url LIKE ? ESCAPE '\')`, p, p)
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
		w.add(o.after("d.day, d.id"), c.Day, c.Key)
	}
	// The counts are read through events' and quotes' (doc, seq) keys,
	// for the page's rows only.
	q := `SELECT d.id, d.doc_id, d.title, d.day, d.published, d.source_path, d.source_line, d.source_url, d.source_name,
		d.duplicate_of, d.ingested,
		(SELECT count(*) FROM events x WHERE x.doc = d.id), (SELECT count(*) FROM quotes x WHERE x.doc = d.id)
		FROM documents d INDEXED BY documents_day` + w.sql() + ` ORDER BY ` + o.by("d.day, d.id") + ` LIMIT ?`
	rows, err := db.rd.QueryContext(ctx, q, append(w.args, limit+1)...)
	if err != nil {
		return nil, "", fmt.Errorf("documents: %w", err)
	}
	defer rows.Close()
	out := make([]store.DocumentRow, 0, min(limit, 64))
	last := store.Cursor{Sort: f.Sort}
	more := false
	for rows.Next() {
		if len(out) == limit {
			more = true
			break
		}
		var r store.DocumentRow
		var key int64
		if err := rows.Scan(&key, &r.DocID, &r.Title, &r.Day, &r.Published, &r.Source.Path, &r.Source.Line, &r.Source.URL,
			&r.Source.Name, &r.DuplicateOf, &r.Ingested, &r.Events, &r.Quotes); err != nil {
			return nil, "", fmt.Errorf("documents: %w", err)
		}
		out = append(out, r)
		last.Day, last.Key = r.Day, key
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("documents: %w", err)
	}
	next := ""
	if more {
		next = store.EncodeCursor(last)
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
	w, err := eventWhere(&q.Events)
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
		w.add(`x.name LIKE ? ESCAPE '\'`, "%"+likeEscape(q.Name)+"%")
	}
	rows, err := db.rd.QueryContext(ctx, `SELECT x.name, x.country, count(DISTINCT e.id) AS n,
		count(DISTINCT iif(x.role = 0, e.id, NULL)), count(DISTINCT iif(x.role = 1, e.id, NULL))
		FROM event_actors x JOIN events e ON e.id = x.event`+w.sql()+`
		GROUP BY x.name, x.country ORDER BY n DESC, x.name, x.country LIMIT ? OFFSET ?`, append(w.args, limit+1, offset)...)
	if err != nil {
		return nil, "", fmt.Errorf("actors: %w", err)
	}
	defer rows.Close()
	out := make([]store.ActorCount, 0, min(limit, 64))
	more := false
	for rows.Next() {
		if len(out) == limit {
			more = true
			break
		}
		var a store.ActorCount
		if err := rows.Scan(&a.Name, &a.Country, &a.Events, &a.AsActor, &a.AsRecipient); err != nil {
			return nil, "", fmt.Errorf("actors: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("actors: %w", err)
	}
	next := ""
	if more {
		next = store.EncodeOffset(offset + limit)
	}
	return out, next, nil
}
