package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dateline-project/dateline/internal/incident"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

const (
	insertDocument = `INSERT INTO documents
	(doc_id, hash, title, day, published, source_path, source_line, source_url, source_name, text, record, ingested,
	 duplicate_of, similarity, provenance)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertMinHash     = `INSERT INTO doc_minhash (doc, doc_id, minhash) VALUES (?, ?, ?)`
	insertDocumentFTS = `INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)`
	insertEvent       = `INSERT INTO events
	(doc, seq, day, type, mode, quad, cameo_root, intensity, claimed, place, place_country, lat, lon,
	 actor_country, actor_sector, actor_name, recipient_country, recipient_sector, recipient_name, json, geonameid,
	 principal, negated, asserted, confidence, date_precision, main)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertActor    = `INSERT INTO event_actors (event, role, idx, day, country, sectors, name, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	insertQuote    = `INSERT INTO quotes (doc, seq, day, kind, text, speaker_name, speaker_raw, speaker_country, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertQuoteFTS = `INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)`
	insertPlace    = `INSERT INTO places (doc, seq, name, country_code, geonameid, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?)`
)

// writer holds one transaction's statements.
type writer struct {
	st                                                         *txStmts
	doc, docFTS, minhash, event, actor, quote, quoteFTS, place *sql.Stmt
	now                                                        string
	// incidents says whether the schema has incident_members, whose
	// rows the transaction's statements write (see txStmts.deferMember).
	incidents bool
	// reports are the new events' reports, for clustering after the
	// documents are written; removed says that the write deleted events
	// (replaced a document), whose reports the incidents must forget.
	reports []incident.Report
	removed bool
}

// prepare binds the transaction's statements; incidents says whether
// the schema has incident_members to write.
func prepare(ctx context.Context, st *txStmts, incidents bool) (*writer, error) {
	w := &writer{st: st, now: time.Now().UTC().Format(time.RFC3339), incidents: incidents}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.doc, insertDocument}, {&w.docFTS, insertDocumentFTS}, {&w.minhash, insertMinHash}, {&w.event, insertEvent}, {&w.actor, insertActor},
		{&w.quote, insertQuote}, {&w.quoteFTS, insertQuoteFTS}, {&w.place, insertPlace},
	}
	for _, p := range stmts {
		s, err := st.get(ctx, p.sql)
		if err != nil {
			return nil, err
		}
		*p.dst = s
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
	prepared, err := db.prepareWrites(ctx)
	if err != nil {
		return nil, fmt.Errorf("put documents: %w", err)
	}
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put documents: begin: %w", err)
	}
	defer tx.Rollback()
	st := newTxStmts(tx, prepared)
	// From here on the Clusterer may hold reports the transaction does
	// not commit: any failure drops it, and the next write restores it
	// from the committed rows.
	committed := false
	defer func() {
		if !committed {
			db.inc.Drop()
		}
	}()
	if db.incidents {
		if err := db.syncIncidents(ctx, st); err != nil {
			return nil, fmt.Errorf("put documents: %w", err)
		}
	}
	w, err := prepare(ctx, st, db.incidents)
	if err != nil {
		return nil, fmt.Errorf("put documents: %w", err)
	}
	for i := range docs {
		ok, err := w.put(ctx, tx, &docs[i])
		if err != nil {
			return nil, fmt.Errorf("put document %q: %w", docs[i].Record.DocID, err)
		}
		inserted[i] = ok
	}
	var top int64
	if db.incidents {
		it := incTx{tx, st}
		if w.removed {
			err = db.inc.Rebuild(ctx, it)
		} else {
			err = db.inc.Add(ctx, it, w.reports)
		}
		if err != nil {
			return nil, fmt.Errorf("put documents: %w", err)
		}
		if top, err = memberTop(ctx, st); err != nil {
			return nil, fmt.Errorf("put documents: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put documents: commit: %w", err)
	}
	committed = true
	if db.incidents {
		db.inc.Committed(top)
	}
	return inserted, nil
}

// put stores d; see store.Store.PutDocuments for when it inserts,
// replaces, aliases or leaves a document alone.
func (w *writer) put(ctx context.Context, tx *sql.Tx, d *store.Document) (bool, error) {
	rec := &d.Record
	if rec.DocID == "" {
		return false, fmt.Errorf("%w: document has no doc_id", store.ErrBadFilter)
	}
	hash := d.Hash
	if hash == "" {
		hash = store.ContentHash(d.Text)
	}
	prov := store.ProvenanceKey(rec.Provenance)
	// The document stored under this id, if any, the one stored with
	// this text, if any (they may be the same), and the one the id is an
	// alias of.
	var l store.PutLookup
	err := w.st.queryRow(ctx, lookupByID, []any{rec.DocID}, &l.IDKey, &l.IDHash, &l.IDProv)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("look up document: %w", err)
	}
	if err := w.st.queryRow(ctx, lookupByHash, []any{hash}, &l.TextKey); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("look up text: %w", err)
	}
	if err := w.st.queryRow(ctx, lookupAlias, []any{rec.DocID}, &l.AliasOf); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("look up alias: %w", err)
	}
	p := store.PlanPut(l, hash, prov, d.Recode)
	if p.Remove != 0 {
		if err := w.remove(ctx, tx, p.Remove); err != nil {
			return false, err
		}
	}
	if p.DropAlias {
		if _, err := tx.ExecContext(ctx, `DELETE FROM doc_aliases WHERE alias = ?`, rec.DocID); err != nil {
			return false, fmt.Errorf("delete alias: %w", err)
		}
	}
	switch {
	case p.Replace != 0:
		return true, w.replace(ctx, tx, p.Replace, d, hash, prov)
	case p.AliasTo != 0:
		return false, w.alias(ctx, tx, rec.DocID, p.AliasTo)
	case !p.Insert:
		return false, nil
	}
	recJSON, err := json.Marshal(rec)
	if err != nil {
		return false, fmt.Errorf("encode record: %w", err)
	}
	day := store.DocDay(rec)
	res, err := w.doc.ExecContext(ctx, rec.DocID, hash, rec.Title, day, rec.Published, rec.Source.Path, rec.Source.Line,
		rec.Source.URL, rec.Source.Name, d.Text, recJSON, w.now, rec.DuplicateOf, rec.Similarity, prov)
	if err != nil {
		return false, fmt.Errorf("insert document: %w", err)
	}
	docKey, err := res.LastInsertId()
	if err != nil {
		return false, fmt.Errorf("insert document: %w", err)
	}
	// A row even without a signature: Signatures walks this table alone.
	if _, err := w.minhash.ExecContext(ctx, docKey, rec.DocID, signature(d)); err != nil {
		return false, fmt.Errorf("insert signature: %w", err)
	}
	return true, w.putRows(ctx, docKey, d)
}

// signature is d's signature as a column value: NULL, not an empty blob,
// when there is none.
func signature(d *store.Document) any {
	if d.Signature == nil {
		return nil
	}
	return d.Signature
}

// alias files id as another name of the document docKey.
func (w *writer) alias(ctx context.Context, tx *sql.Tx, id string, docKey int64) error {
	if _, err := w.st.exec(ctx, insertAliasOf, id, docKey); err != nil {
		return fmt.Errorf("insert alias: %w", err)
	}
	return nil
}

// clear deletes what the document docKey's record was flattened into
// (events and their actors and incident members, quotes, places and the
// full-text entries), leaving the document row. The aggregates follow
// through their triggers; actors go before their events, as the foreign
// key wants. The incidents are rebuilt before the write commits (see
// PutDocuments).
func (w *writer) clear(ctx context.Context, tx *sql.Tx, docKey int64) error {
	if w.incidents {
		// The document may be one this write stored, its members pending.
		if err := w.st.flushMembers(ctx); err != nil {
			return fmt.Errorf("clear document: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM incident_members WHERE event IN (SELECT id FROM events WHERE doc = ?)`, docKey); err != nil {
			return fmt.Errorf("clear document: %w", err)
		}
		w.removed = true
	}
	for _, q := range []string{
		`DELETE FROM event_actors WHERE event IN (SELECT id FROM events WHERE doc = ?)`,
		`DELETE FROM events WHERE doc = ?`,
		`INSERT INTO quotes_fts (quotes_fts, rowid, text) SELECT 'delete', id, text FROM quotes WHERE doc = ?`,
		`DELETE FROM quotes WHERE doc = ?`,
		`DELETE FROM places WHERE doc = ?`,
		`INSERT INTO documents_fts (documents_fts, rowid, title, text) SELECT 'delete', id, title, text FROM documents WHERE id = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, docKey); err != nil {
			return fmt.Errorf("clear document: %w", err)
		}
	}
	return nil
}

// remove deletes the document docKey and everything of it; its aliases
// go with it.
func (w *writer) remove(ctx context.Context, tx *sql.Tx, docKey int64) error {
	if err := w.clear(ctx, tx, docKey); err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM doc_aliases WHERE doc = ?`, `DELETE FROM doc_minhash WHERE doc = ?`, `DELETE FROM documents WHERE id = ?`} {
		if _, err := tx.ExecContext(ctx, q, docKey); err != nil {
			return fmt.Errorf("remove document: %w", err)
		}
	}
	return nil
}

// replace puts d in place of the document docKey: same row, so the same
// place in storage order and the same first-ingested time, with d's text,
// record and everything flattened from it.
func (w *writer) replace(ctx context.Context, tx *sql.Tx, docKey int64, d *store.Document, hash, prov string) error {
	if err := w.clear(ctx, tx, docKey); err != nil {
		return err
	}
	rec := &d.Record
	recJSON, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encode record: %w", err)
	}
	_, err = tx.ExecContext(ctx, `UPDATE documents SET hash = ?, title = ?, day = ?, published = ?, source_path = ?, source_line = ?,
		source_url = ?, source_name = ?, text = ?, record = ?, duplicate_of = ?, similarity = ?, provenance = ? WHERE id = ?`,
		hash, rec.Title, store.DocDay(rec), rec.Published, rec.Source.Path, rec.Source.Line, rec.Source.URL, rec.Source.Name,
		d.Text, recJSON, rec.DuplicateOf, rec.Similarity, prov, docKey)
	if err != nil {
		return fmt.Errorf("replace document: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE doc_minhash SET minhash = ? WHERE doc = ?`, signature(d), docKey); err != nil {
		return fmt.Errorf("replace signature: %w", err)
	}
	return w.putRows(ctx, docKey, d)
}

// putRows indexes the document docKey's text and flattens its record
// into events, actors, quotes and places.
func (w *writer) putRows(ctx context.Context, docKey int64, d *store.Document) error {
	rec := &d.Record
	day := store.DocDay(rec)
	if _, err := w.docFTS.ExecContext(ctx, docKey, rec.Title, d.Text); err != nil {
		return fmt.Errorf("index document: %w", err)
	}
	mainID := store.MainEventID(rec)
	for i := range rec.Events {
		ev := &rec.Events[i]
		eid, err := w.putEvent(ctx, docKey, i, day, ev, mainID != "" && ev.ID == mainID)
		if err != nil {
			return err
		}
		if !w.incidents {
			continue
		}
		rep := incident.FromEvent(rec, ev)
		if err := w.st.deferMember(ctx, eid, &rep); err != nil {
			return err
		}
		w.reports = append(w.reports, rep)
	}
	for i := range rec.Quotes {
		q := &rec.Quotes[i]
		js, err := json.Marshal(q)
		if err != nil {
			return fmt.Errorf("encode quote: %w", err)
		}
		var name, raw, country string
		if s := q.Speaker; s != nil {
			name, raw, country = s.EntityName, s.RawText, s.CountryCode
		}
		res, err := w.quote.ExecContext(ctx, docKey, i, day, q.Kind, q.Text, name, raw, country, js)
		if err != nil {
			return fmt.Errorf("insert quote: %w", err)
		}
		qid, _ := res.LastInsertId()
		if _, err := w.quoteFTS.ExecContext(ctx, qid, q.Text); err != nil {
			return fmt.Errorf("index quote: %w", err)
		}
	}
	for i, p := range rec.Places {
		if _, err := w.place.ExecContext(ctx, docKey, i, p.Name, p.CountryCode, p.GeonameID, p.Lat, p.Lon); err != nil {
			return fmt.Errorf("insert place: %w", err)
		}
	}
	return nil
}

func (w *writer) putEvent(ctx context.Context, docKey int64, seq int, docDay string, ev *output.Event, main bool) (int64, error) {
	// The incident id is the store's to give, and changes as reports
	// arrive: it is read from incident_members, never kept in the JSON.
	e := *ev
	e.IncidentID = ""
	js, err := json.Marshal(&e)
	if err != nil {
		return 0, fmt.Errorf("encode event: %w", err)
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
		a.CountryCode, a.SectorCode, a.EntityName, r.CountryCode, r.SectorCode, r.EntityName, js, geonameID,
		ev.Principal, ev.Negated, store.IsAsserted(ev), ev.Confidence, ev.DatePrecision, main)
	if err != nil {
		return 0, fmt.Errorf("insert event: %w", err)
	}
	eid, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("insert event: %w", err)
	}
	for role, blocks := range [2][]output.ActorBlock{ev.Actor, ev.Recipient} {
		for i, b := range blocks {
			if _, err := w.actor.ExecContext(ctx, eid, role, i, day, b.CountryCode, sectors(b), b.EntityName, b.RawText); err != nil {
				return 0, fmt.Errorf("insert actor: %w", err)
			}
		}
	}
	return eid, nil
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
