package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

const (
	insertDocument = `INSERT INTO documents
	(doc_id, hash, title, day, published, source_path, source_line, source_url, source_name, text, record, ingested,
	 duplicate_of, similarity)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`
	insertMinHash     = `INSERT INTO doc_minhash (doc, doc_id, minhash) VALUES (?, ?, ?)`
	insertDocumentFTS = `INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)`
	insertEvent       = `INSERT INTO events
	(doc, seq, day, type, mode, quad, cameo_root, intensity, claimed, place, place_country, lat, lon,
	 actor_country, actor_sector, actor_name, recipient_country, recipient_sector, recipient_name, json, geonameid)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertActor    = `INSERT INTO event_actors (event, role, idx, day, country, sectors, name, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	insertQuote    = `INSERT INTO quotes (doc, seq, day, kind, text, speaker_name, speaker_raw, speaker_country, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertQuoteFTS = `INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)`
	insertPlace    = `INSERT INTO places (doc, seq, name, country_code, geonameid, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?)`
)

// writer holds one transaction's prepared statements.
type writer struct {
	doc, docFTS, minhash, event, actor, quote, quoteFTS, place *sql.Stmt
	now                                                        string
}

func prepare(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{now: time.Now().UTC().Format(time.RFC3339)}
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.doc, insertDocument}, {&w.docFTS, insertDocumentFTS}, {&w.minhash, insertMinHash}, {&w.event, insertEvent}, {&w.actor, insertActor},
		{&w.quote, insertQuote}, {&w.quoteFTS, insertQuoteFTS}, {&w.place, insertPlace},
	} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*p.dst = st
	}
	return w, nil
}

// PutDocuments stores docs in one transaction; see store.Store.
func (db *DB) PutDocuments(ctx context.Context, docs []store.Document) ([]bool, error) {
	inserted := make([]bool, len(docs))
	if len(docs) == 0 {
		return inserted, nil
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put documents: begin: %w", err)
	}
	defer tx.Rollback()
	w, err := prepare(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("put documents: %w", err)
	}
	for i := range docs {
		ok, err := w.put(ctx, &docs[i])
		if err != nil {
			return nil, fmt.Errorf("put document %q: %w", docs[i].Record.DocID, err)
		}
		inserted[i] = ok
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put documents: commit: %w", err)
	}
	return inserted, nil
}

func (w *writer) put(ctx context.Context, d *store.Document) (bool, error) {
	rec := &d.Record
	if rec.DocID == "" {
		return false, fmt.Errorf("%w: document has no doc_id", store.ErrBadFilter)
	}
	hash := d.Hash
	if hash == "" {
		hash = store.ContentHash(d.Text)
	}
	recJSON, err := json.Marshal(rec)
	if err != nil {
		return false, fmt.Errorf("encode record: %w", err)
	}
	day := store.DocDay(rec)
	res, err := w.doc.ExecContext(ctx, rec.DocID, hash, rec.Title, day, rec.Published, rec.Source.Path, rec.Source.Line,
		rec.Source.URL, rec.Source.Name, d.Text, recJSON, w.now, rec.DuplicateOf, rec.Similarity)
	if err != nil {
		return false, fmt.Errorf("insert document: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil // already stored under this id or text
	}
	docKey, err := res.LastInsertId()
	if err != nil {
		return false, fmt.Errorf("insert document: %w", err)
	}
	if _, err := w.docFTS.ExecContext(ctx, docKey, rec.Title, d.Text); err != nil {
		return false, fmt.Errorf("index document: %w", err)
	}
	// A row even without a signature: Signatures walks this table alone.
	var sig any // NULL, not an empty blob, when there is none
	if d.Signature != nil {
		sig = d.Signature
	}
	if _, err := w.minhash.ExecContext(ctx, docKey, rec.DocID, sig); err != nil {
		return false, fmt.Errorf("insert signature: %w", err)
	}
	for i := range rec.Events {
		if err := w.putEvent(ctx, docKey, i, day, &rec.Events[i]); err != nil {
			return false, err
		}
	}
	for i := range rec.Quotes {
		q := &rec.Quotes[i]
		js, err := json.Marshal(q)
		if err != nil {
			return false, fmt.Errorf("encode quote: %w", err)
		}
		var name, raw, country string
		if s := q.Speaker; s != nil {
			name, raw, country = s.EntityName, s.RawText, s.CountryCode
		}
		res, err := w.quote.ExecContext(ctx, docKey, i, day, q.Kind, q.Text, name, raw, country, js)
		if err != nil {
			return false, fmt.Errorf("insert quote: %w", err)
		}
		qid, _ := res.LastInsertId()
		if _, err := w.quoteFTS.ExecContext(ctx, qid, q.Text); err != nil {
			return false, fmt.Errorf("index quote: %w", err)
		}
	}
	for i, p := range rec.Places {
		if _, err := w.place.ExecContext(ctx, docKey, i, p.Name, p.CountryCode, p.GeonameID, p.Lat, p.Lon); err != nil {
			return false, fmt.Errorf("insert place: %w", err)
		}
	}
	return true, nil
}

func (w *writer) putEvent(ctx context.Context, docKey int64, seq int, docDay string, ev *output.Event) error {
	js, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("encode event: %w", err)
	}
	day := store.EventDay(ev, docDay)
	var place, placeCountry string
	var geonameID int
	var lat, lon any // NULL without coordinates
	if l := ev.Location; l != nil {
		place, placeCountry, geonameID = l.Name, l.CountryCode, l.GeonameID
		if l.Lat != 0 || l.Lon != 0 {
			lat, lon = l.Lat, l.Lon
		}
	}
	a, r := store.FirstActor(ev.Actor), store.FirstActor(ev.Recipient)
	res, err := w.event.ExecContext(ctx, docKey, seq, day, ev.Event, ev.Mode, ev.Quad, ev.CameoRoot, ev.Intensity,
		ev.ClaimedBy != nil, place, placeCountry, lat, lon,
		a.CountryCode, a.SectorCode, a.EntityName, r.CountryCode, r.SectorCode, r.EntityName, js, geonameID)
	if err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	eid, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	for role, blocks := range [2][]output.ActorBlock{ev.Actor, ev.Recipient} {
		for i, b := range blocks {
			if _, err := w.actor.ExecContext(ctx, eid, role, i, day, b.CountryCode, sectors(b), b.EntityName, b.RawText); err != nil {
				return fmt.Errorf("insert actor: %w", err)
			}
		}
	}
	return nil
}

// sectors packs the sector codes as '|A|B|' so that a filter can match any
// one of them with LIKE '%|A|%' without a join.
func sectors(b output.ActorBlock) string {
	if b.SectorCode == "" && len(b.OtherSectorCodes) == 0 {
		return ""
	}
	codes := store.SectorCodes(b)
	if len(codes) == 0 {
		return "|" // as the loop this replaced wrote it
	}
	return "|" + strings.Join(codes, "|") + "|"
}

// Signatures walks the stored signatures; see store.Store.
func (db *DB) Signatures(ctx context.Context, fn func(id string, sig []byte, text string) error) error {
	// The text is read only where there is no signature: a database of
	// signed documents is walked without loading a single article.
	rows, err := db.rd.QueryContext(ctx, `SELECT m.doc_id, m.minhash,
		CASE WHEN m.minhash IS NULL THEN (SELECT d.text FROM documents d WHERE d.id = m.doc) ELSE '' END
		FROM doc_minhash m ORDER BY m.doc`)
	if err != nil {
		return fmt.Errorf("signatures: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, text string
		var sig []byte
		if err := rows.Scan(&id, &sig, &text); err != nil {
			return fmt.Errorf("signatures: %w", err)
		}
		if err := fn(id, sig, text); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("signatures: %w", err)
	}
	return nil
}

// SetSignatures replaces stored signatures; see store.Store.
func (db *DB) SetSignatures(ctx context.Context, sigs map[string][]byte) error {
	if len(sigs) == 0 {
		return nil
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("set signatures: begin: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `UPDATE doc_minhash SET minhash = ? WHERE doc = (SELECT id FROM documents WHERE doc_id = ?)`)
	if err != nil {
		return fmt.Errorf("set signatures: %w", err)
	}
	for id, sig := range sigs {
		var v any
		if sig != nil {
			v = sig
		}
		if _, err := st.ExecContext(ctx, v, id); err != nil {
			return fmt.Errorf("set signature of %q: %w", id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("set signatures: commit: %w", err)
	}
	return nil
}
