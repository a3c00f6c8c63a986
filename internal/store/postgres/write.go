package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/dateline-project/dateline/internal/incident"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

// A batch is written in four round trips whatever its size: the
// documents' inserts pipelined in one pgx.Batch (each reports whether it
// inserted, the idempotence test), one query for the events' ids, then
// the events, actors and places by COPY and the quotes and signatures in
// a second pipelined batch. Row-at-a-time statements cost a round trip
// each, which at ten events and twenty actors a document was most of the
// time of a load.

const insertDocument = `INSERT INTO documents
	(doc_id, hash, title, day, published, source_path, source_line, source_url, source_name, text, record, ingested,
	 duplicate_of, similarity, fts, provenance)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, to_tsvector('simple', $15), $16)
	ON CONFLICT DO NOTHING RETURNING id`

// maxAttempts bounds PutDocuments' retries of a transaction that
// PostgreSQL aborted for a deadlock or a serialisation failure: two
// workers storing the same new documents in different orders each wait
// for the other's uncommitted unique key, and one of them is chosen to
// fail; run again, it finds the documents stored. (A replacing write and
// another's clustering can lock each other's rows the same way.)
const maxAttempts = 8

// PutDocuments stores docs in one transaction; see store.Store.
func (db *DB) PutDocuments(ctx context.Context, docs []store.Document) ([]bool, error) {
	written := make([]bool, len(docs))
	if len(docs) == 0 {
		return written, nil
	}
	for _, d := range docs {
		if d.Record.DocID == "" {
			return nil, fmt.Errorf("put documents: %w: document has no doc_id", store.ErrBadFilter)
		}
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	if err := db.fileActorStrings(ctx, docs); err != nil {
		return nil, fmt.Errorf("put documents: %w", err)
	}
	var err error
	var mark int64
	for attempt := 1; ; attempt++ {
		err = pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
			var err error
			mark, err = db.put(ctx, tx, docs, written)
			return err
		})
		if err != nil {
			// The Clusterer may hold reports that did not commit: the
			// next write restores it from the rows.
			db.inc.Drop()
		}
		var pe *pgconn.PgError
		if err == nil || attempt == maxAttempts || !errors.As(err, &pe) || (pe.Code != "40P01" && pe.Code != "40001") {
			break
		}
		clear(written)
		// A random pause, growing with the attempts, so that the writers
		// that collided do not collide again in step.
		pause := time.Duration(rand.Int64N(int64(attempt) * int64(20*time.Millisecond)))
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("put documents: %w", ctx.Err())
		case <-time.After(pause):
		}
	}
	if err != nil {
		return nil, fmt.Errorf("put documents: %w", err)
	}
	if db.incidents {
		db.inc.Committed(mark)
	}
	return written, nil
}

// writer is one write transaction's state.
type writer struct {
	tx  pgx.Tx
	now string
	// reports are the new events' reports, for clustering once the
	// documents are written; removed says that the write deleted events
	// (replaced a document), whose reports the incidents must forget.
	reports []incident.Report
	removed bool
	// incidents says whether the schema has incident_members to write,
	// dyads whether it has event_dyads.
	incidents, dyads bool
}

// put writes docs in tx, marks written and clusters the new events,
// returning the incident clock's value after the write.
func (db *DB) put(ctx context.Context, tx pgx.Tx, docs []store.Document, written []bool) (int64, error) {
	w := &writer{tx: tx, now: time.Now().UTC().Format(time.RFC3339), incidents: db.incidents, dyads: db.dyads}
	plans, err := w.plan(ctx, docs)
	if err != nil {
		return 0, err
	}
	if plainInserts(docs, plans) {
		// The common case, a batch of new documents: four round trips.
		if err := w.insert(ctx, docs, written); err != nil {
			return 0, err
		}
	} else {
		// A document replaces, aliases or repeats another (perhaps one
		// earlier in docs): one at a time, each seeing the ones before.
		for i := range docs {
			p, err := w.plan(ctx, docs[i:i+1])
			if err != nil {
				return 0, err
			}
			if written[i], err = w.apply(ctx, &docs[i], p[0], docs[i:i+1]); err != nil {
				return 0, fmt.Errorf("document %q: %w", docs[i].Record.DocID, err)
			}
		}
	}
	if !db.incidents {
		return 0, nil
	}
	// Clustering comes last, under incident_clock's row lock, which the
	// writers take in turn: the rows are written by then, so that writers
	// hold the lock only to cluster and commit. The Clusterer restored
	// (when another writer moved the clock) sees this write's members
	// too, unclustered, and adds them; adding them again below changes
	// nothing.
	before, after, err := advanceClock(ctx, tx)
	if err != nil {
		return 0, err
	}
	it := incTx{tx}
	if err := db.inc.Sync(ctx, it, before); err != nil {
		return 0, err
	}
	if err := stamp(ctx, tx, after); err != nil {
		return 0, err
	}
	if w.removed {
		// Other writers' Clusterers hold the removed reports: they must
		// restore rather than catch up (see incTx.Since).
		if _, err := tx.Exec(ctx, `UPDATE incident_clock SET rebuilt = n`); err != nil {
			return 0, fmt.Errorf("incidents: clock: %w", err)
		}
		err = db.inc.Rebuild(ctx, it)
	} else {
		err = db.inc.Add(ctx, it, w.reports)
	}
	return after, err
}

// lookupDocument reads what is stored for a document: see store.PutLookup.
const lookupDocument = `SELECT coalesce(d.id, 0), coalesce(d.hash, ''), coalesce(d.provenance, ''),
	coalesce((SELECT id FROM documents WHERE hash = $2), 0), coalesce((SELECT doc FROM doc_aliases WHERE alias = $1), 0)
	FROM (SELECT 1) AS one LEFT JOIN documents d ON d.doc_id = $1`

// plan looks up what is stored for each of docs, in one round trip, and
// plans each one's write as if it were alone.
func (w *writer) plan(ctx context.Context, docs []store.Document) ([]store.PutPlan, error) {
	b := &pgx.Batch{}
	for i := range docs {
		b.Queue(lookupDocument, clean(docs[i].Record.DocID), hashOf(&docs[i]))
	}
	br := w.tx.SendBatch(ctx, b)
	plans := make([]store.PutPlan, len(docs))
	for i := range docs {
		var l store.PutLookup
		if err := br.QueryRow().Scan(&l.IDKey, &l.IDHash, &l.IDProv, &l.TextKey, &l.AliasOf); err != nil {
			br.Close()
			return nil, fmt.Errorf("look up document %q: %w", docs[i].Record.DocID, err)
		}
		plans[i] = store.PlanPut(l, hashOf(&docs[i]), store.ProvenanceKey(docs[i].Record.Provenance), docs[i].Recode)
	}
	if err := br.Close(); err != nil {
		return nil, fmt.Errorf("look up documents: %w", err)
	}
	return plans, nil
}

// hashOf is d's content hash, computed when the caller left it empty.
func hashOf(d *store.Document) string {
	if d.Hash != "" {
		return d.Hash
	}
	return store.ContentHash(d.Text)
}

// plainInserts reports whether every document is new, and new to the
// others in docs too (no doc_id or text twice), so that planning each
// alone holds for the batch.
func plainInserts(docs []store.Document, plans []store.PutPlan) bool {
	ids := make(map[string]bool, len(docs))
	hashes := make(map[string]bool, len(docs))
	for i := range docs {
		id, h := clean(docs[i].Record.DocID), hashOf(&docs[i])
		if !plans[i].Insert || plans[i].DropAlias || ids[id] || hashes[h] {
			return false
		}
		ids[id], hashes[h] = true, true
	}
	return true
}

// apply carries out p for d (one is d alone, for insert); see
// store.PlanPut.
func (w *writer) apply(ctx context.Context, d *store.Document, p store.PutPlan, one []store.Document) (bool, error) {
	id := clean(d.Record.DocID)
	if p.Remove != 0 {
		if err := w.remove(ctx, p.Remove); err != nil {
			return false, err
		}
	}
	if p.DropAlias {
		if _, err := w.tx.Exec(ctx, `DELETE FROM doc_aliases WHERE alias = $1`, id); err != nil {
			return false, fmt.Errorf("delete alias: %w", err)
		}
	}
	switch {
	case p.Replace != 0:
		return true, w.replace(ctx, p.Replace, d)
	case p.AliasTo != 0:
		_, err := w.tx.Exec(ctx, `INSERT INTO doc_aliases (alias, doc) VALUES ($1, $2) ON CONFLICT (alias) DO UPDATE SET doc = excluded.doc`, id, p.AliasTo)
		if err != nil {
			return false, fmt.Errorf("insert alias: %w", err)
		}
		return false, nil
	case p.Insert:
		written := []bool{false}
		err := w.insert(ctx, one, written)
		return written[0], err
	}
	return false, nil
}

// clear deletes what the document key's record was flattened into
// (events, their actors and incident members, quotes, places), leaving
// the document row; the incidents are rebuilt before the write commits.
func (w *writer) clear(ctx context.Context, key int64) error {
	b := &pgx.Batch{}
	if w.incidents {
		b.Queue(`DELETE FROM incident_members WHERE event IN (SELECT id FROM events WHERE doc = $1)`, key)
		w.removed = true
	}
	b.Queue(`DELETE FROM event_actors WHERE event IN (SELECT id FROM events WHERE doc = $1)`, key)
	if w.dyads {
		b.Queue(`DELETE FROM event_dyads WHERE event IN (SELECT id FROM events WHERE doc = $1)`, key)
		b.Queue(`DELETE FROM event_actor_strings WHERE event IN (SELECT id FROM events WHERE doc = $1)`, key)
	}
	b.Queue(`DELETE FROM event_json WHERE id IN (SELECT id FROM events WHERE doc = $1)`, key)
	b.Queue(`DELETE FROM events WHERE doc = $1`, key)
	b.Queue(`DELETE FROM quotes WHERE doc = $1`, key)
	b.Queue(`DELETE FROM places WHERE doc = $1`, key)
	if err := w.tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("clear document: %w", err)
	}
	return nil
}

// remove deletes the document key and everything of it; its aliases go
// with it.
func (w *writer) remove(ctx context.Context, key int64) error {
	if err := w.clear(ctx, key); err != nil {
		return err
	}
	b := &pgx.Batch{}
	b.Queue(`DELETE FROM doc_aliases WHERE doc = $1`, key)
	b.Queue(`DELETE FROM doc_minhash WHERE doc = $1`, key)
	b.Queue(`DELETE FROM documents WHERE id = $1`, key)
	if err := w.tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("remove document: %w", err)
	}
	return nil
}

// replace puts d in place of the document key: same row, so the same
// place in storage order and the same first-ingested time, with d's
// text, record and everything flattened from it.
func (w *writer) replace(ctx context.Context, key int64, d *store.Document) error {
	if err := w.clear(ctx, key); err != nil {
		return err
	}
	v, err := documentValues(d)
	if err != nil {
		return err
	}
	// v is in insertDocument's order; ingested ($12, NULL) stays as it
	// was.
	_, err = w.tx.Exec(ctx, `UPDATE documents SET doc_id = $1, hash = $2, title = $3, day = $4, published = $5,
		source_path = $6, source_line = $7, source_url = $8, source_name = $9, text = $10, record = $11,
		ingested = coalesce($12::text, ingested), duplicate_of = $13, similarity = $14, fts = to_tsvector('simple', $15), provenance = $16 WHERE id = $17`,
		append(v, key)...)
	if err != nil {
		return fmt.Errorf("replace document: %w", err)
	}
	if _, err := w.tx.Exec(ctx, `UPDATE doc_minhash SET minhash = $1 WHERE doc = $2`, signature(d), key); err != nil {
		return fmt.Errorf("replace signature: %w", err)
	}
	return w.putLayers(ctx, []store.Document{*d}, []bool{true}, []int64{key})
}

// documentValues are d's insertDocument parameters, ingested ($12) left
// for the caller.
func documentValues(d *store.Document) ([]any, error) {
	rec := &d.Record
	recJSON, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	var published *string
	if rec.Published != nil {
		published = new(clean(*rec.Published))
	}
	var dup *string
	if rec.DuplicateOf != nil {
		dup = new(clean(*rec.DuplicateOf))
	}
	return []any{clean(rec.DocID), hashOf(d), clean(rec.Title), clean(store.DocDay(rec)), published,
		clean(rec.Source.Path), rec.Source.Line, clean(rec.Source.URL), clean(rec.Source.Name), []byte(d.Text),
		string(recJSON), nil, dup, rec.Similarity, foldDoc(rec.Title, d.Text), store.ProvenanceKey(rec.Provenance)}, nil
}

// signature is d's signature as a column value: NULL, not an empty
// bytea, when there is none.
func signature(d *store.Document) []byte {
	if d.Signature == nil {
		return nil
	}
	return d.Signature
}

// insert inserts docs and marks written (false for one whose doc_id or
// text is stored, which the caller's plan should have ruled out).
func (w *writer) insert(ctx context.Context, docs []store.Document, written []bool) error {
	b := &pgx.Batch{}
	for i := range docs {
		v, err := documentValues(&docs[i])
		if err != nil {
			return fmt.Errorf("document %q: %w", docs[i].Record.DocID, err)
		}
		v[11] = w.now
		b.Queue(insertDocument, v...)
	}
	keys := make([]int64, len(docs))
	br := w.tx.SendBatch(ctx, b)
	for i := range docs {
		err := br.QueryRow().Scan(&keys[i])
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			// already stored under this id or text
		case err != nil:
			br.Close()
			return fmt.Errorf("insert document %q: %w", docs[i].Record.DocID, err)
		default:
			written[i] = true
		}
	}
	if err := br.Close(); err != nil {
		return fmt.Errorf("insert documents: %w", err)
	}
	return w.putLayers(ctx, docs, written, keys)
}

// putLayers writes the events (with their incident members), actors,
// quotes, places and signatures of the inserted documents, whose keys
// are their documents rows' ids.
func (w *writer) putLayers(ctx context.Context, docs []store.Document, inserted []bool, keys []int64) error {
	tx := w.tx
	nEvents := 0
	for i := range docs {
		if inserted[i] {
			nEvents += len(docs[i].Record.Events)
		}
	}
	ids, err := eventIDs(ctx, tx, nEvents)
	if err != nil {
		return err
	}
	var events, eventJSON, actors, dyads, places [][]any
	names := &actorStrings{}
	var memberIDs []int64
	var reps []incident.Report
	b := &pgx.Batch{}
	for i := range docs {
		if !inserted[i] {
			continue
		}
		d, key := &docs[i], keys[i]
		rec := &d.Record
		day := store.DocDay(rec)
		mainID := store.MainEventID(rec)
		// A row even without a signature (or a replaced document's,
		// which keeps its row): Signatures walks this table alone.
		b.Queue(`INSERT INTO doc_minhash (doc, doc_id, minhash) VALUES ($1, $2, $3) ON CONFLICT (doc) DO NOTHING`, key, clean(rec.DocID), signature(d))
		for j := range rec.Events {
			ev := &rec.Events[j]
			id := ids[0]
			ids = ids[1:]
			row := eventRow(id, key, j, day, ev, mainID != "" && ev.ID == mainID)
			// The incident id is the store's to give, and changes as
			// reports arrive: it is read from incident_members, never
			// kept in the JSON.
			e := *ev
			e.IncidentID = ""
			js, err := json.Marshal(&e)
			if err != nil {
				return fmt.Errorf("document %q: encode event: %w", rec.DocID, err)
			}
			events = append(events, row)
			eventJSON = append(eventJSON, []any{id, string(js)})
			if w.incidents {
				memberIDs = append(memberIDs, id)
				reps = append(reps, incident.FromEvent(rec, ev))
			}
			evDay := clean(store.EventDay(ev, day))
			for role, blocks := range [2][]output.ActorBlock{ev.Actor, ev.Recipient} {
				for k, a := range blocks {
					name, raw := clean(a.EntityName), clean(a.RawText)
					actors = append(actors, []any{id, int16(role), k, evDay, clean(a.CountryCode),
						cleanAll(store.SectorCodes(a)), name, raw})
					if w.dyads {
						names.add(int16(role), evDay, id, name, raw)
					}
				}
			}
			if w.dyads {
				for _, p := range dyadPairs(ev) {
					dyads = append(dyads, []any{p[0], p[1], evDay, id})
				}
			}
		}
		for j := range rec.Quotes {
			q := &rec.Quotes[j]
			js, err := json.Marshal(q)
			if err != nil {
				return fmt.Errorf("document %q: encode quote: %w", rec.DocID, err)
			}
			var name, raw, country string
			if s := q.Speaker; s != nil {
				name, raw, country = s.EntityName, s.RawText, s.CountryCode
			}
			b.Queue(`INSERT INTO quotes (doc, seq, day, kind, speaker_name, speaker_raw, speaker_country, json, fts)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_tsvector('simple', $9))`,
				key, j, clean(day), clean(q.Kind), clean(name), clean(raw), clean(country), string(js), fold(q.Text))
		}
		for j, p := range rec.Places {
			places = append(places, []any{key, j, clean(p.Name), clean(p.CountryCode), p.GeonameID, p.Lat, p.Lon})
		}
	}
	actorStringRows, err := names.rows(ctx, tx)
	if err != nil {
		return err
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"events", []string{"id", "doc", "seq", "day", "type", "mode", "quad", "cameo_root", "intensity", "claimed",
			"place", "place_country", "geonameid", "lat", "lon", "actor_country", "actor_sector", "actor_name",
			"recipient_country", "recipient_sector", "recipient_name",
			"principal", "negated", "asserted", "confidence", "date_precision", "main"}, events},
		{"event_json", []string{"id", "json"}, eventJSON},
		{"event_actors", []string{"event", "role", "idx", "day", "country", "sectors", "name", "raw"}, actors},
		{"event_dyads", []string{"actor_country", "recipient_country", "day", "event"}, dyads},
		{"event_actor_strings", []string{"role", "string", "day", "event"}, actorStringRows},
		{"places", []string{"doc", "seq", "name", "country_code", "geonameid", "lat", "lon"}, places},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("insert %s: %w", c.table, err)
		}
	}
	if err := fileMembers(ctx, tx, memberIDs, reps); err != nil {
		return err
	}
	w.reports = append(w.reports, reps...)
	if b.Len() > 0 {
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return fmt.Errorf("insert quotes and signatures: %w", err)
		}
	}
	return nil
}

// fileMembers writes the incident members of the new events ids, whose
// reports are reps (in tx, which it may renumber, see below). A report id
// that a stored event or an earlier one of reps already has (a record
// built elsewhere with an event id used twice) is renumbered, as the
// SQLite store does (store.RenumberReport), so that the write never
// fails on it.
func fileMembers(ctx context.Context, tx pgx.Tx, ids []int64, reps []incident.Report) error {
	if len(reps) == 0 {
		return nil
	}
	keys := make([][]byte, len(reps))
	for i := range reps {
		keys[i] = []byte(reps[i].EventID)
	}
	rows, err := tx.Query(ctx, `SELECT key FROM incident_members WHERE key = ANY($1)`, keys)
	if err != nil {
		return fmt.Errorf("incident members: %w", err)
	}
	stored, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
	if err != nil {
		return fmt.Errorf("incident members: %w", err)
	}
	taken := make(map[string]bool, len(stored)+len(reps))
	for _, k := range stored {
		taken[string(k)] = true
	}
	members := make([][]any, len(reps))
	for i := range reps {
		if taken[reps[i].EventID] {
			store.RenumberReport(&reps[i], ids[i])
		}
		taken[reps[i].EventID] = true
		if members[i], err = memberRow(ids[i], reps[i]); err != nil {
			return err
		}
	}
	return copyMembers(ctx, tx, members)
}

// eventIDs takes n ids from the events' sequence in one round trip, in
// ascending order, so that the actors can name their events before
// either is written and storage order follows input order.
func eventIDs(ctx context.Context, tx pgx.Tx, n int) ([]int64, error) {
	if n == 0 {
		return nil, nil
	}
	rows, err := tx.Query(ctx, `SELECT nextval('events_id_seq') FROM generate_series(1, $1) ORDER BY 1`, n)
	if err != nil {
		return nil, fmt.Errorf("event ids: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("event ids: %w", err)
	}
	return ids, nil
}

// eventRow is the events row of ev, in the COPY's column order; main
// marks the event that stands for its story's main event.
func eventRow(id, docKey int64, seq int, docDay string, ev *output.Event, main bool) []any {
	var place, placeCountry string
	var geonameID int
	var lat, lon *float64 // NULL without coordinates
	if l := ev.Location; l != nil {
		place, placeCountry, geonameID = l.Name, l.CountryCode, l.GeonameID
		if l.Lat != 0 || l.Lon != 0 {
			lat, lon = &l.Lat, &l.Lon
		}
	}
	a, r := store.FirstActor(ev.Actor), store.FirstActor(ev.Recipient)
	return []any{id, docKey, seq, clean(store.EventDay(ev, docDay)), clean(ev.Event), clean(ev.Mode), clean(ev.Quad),
		clean(ev.CameoRoot), ev.Intensity, ev.ClaimedBy != nil, clean(place), clean(placeCountry), int64(geonameID), lat, lon,
		clean(a.CountryCode), clean(a.SectorCode), clean(a.EntityName), clean(r.CountryCode), clean(r.SectorCode),
		clean(r.EntityName),
		ev.Principal, ev.Negated, store.IsAsserted(ev), ev.Confidence, clean(ev.DatePrecision), main}
}

func cleanAll(ss []string) []string {
	for i, s := range ss {
		ss[i] = clean(s)
	}
	return ss
}

// Signatures walks the stored signatures; see store.Store.
func (db *DB) Signatures(ctx context.Context, fn func(id string, sig []byte, text string) error) error {
	// The text is read only where there is no signature: a database of
	// signed documents is walked without loading a single article.
	rows, err := db.pool.Query(ctx, `SELECT m.doc_id, m.minhash,
		CASE WHEN m.minhash IS NULL THEN (SELECT d.text FROM documents d WHERE d.id = m.doc) ELSE ''::bytea END
		FROM doc_minhash m ORDER BY m.doc`)
	if err != nil {
		return fmt.Errorf("signatures: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var sig, text []byte
		if err := rows.Scan(&id, &sig, &text); err != nil {
			return fmt.Errorf("signatures: %w", err)
		}
		if err := fn(id, sig, string(text)); err != nil {
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
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		for id, sig := range sigs {
			b.Queue(`UPDATE doc_minhash SET minhash = $1 WHERE doc = (SELECT id FROM documents WHERE doc_id = $2)`, sig, clean(id))
		}
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		return fmt.Errorf("set signatures: %w", err)
	}
	return nil
}

// dyadPairs lists the distinct (actor country, recipient country) pairs
// of ev, in order of first appearance: its rows in event_dyads.
func dyadPairs(ev *output.Event) [][2]string {
	var out [][2]string
	for _, a := range ev.Actor {
		for _, r := range ev.Recipient {
			p := [2]string{clean(a.CountryCode), clean(r.CountryCode)}
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// actorStrings collects the rows of event_actor_strings for a write: each
// event once per (role, string) of its actors' names and raw texts.
type actorStrings struct {
	uses    []actorStringUse
	strings []string
	seen    map[string]bool
}

type actorStringUse struct {
	role  int16
	day   string
	event int64
	s     string
}

func (a *actorStrings) add(role int16, day string, event int64, name, raw string) {
	if a.seen == nil {
		a.seen = map[string]bool{}
	}
	for i, s := range []string{name, raw} {
		if i == 1 && s == name {
			break
		}
		a.uses = append(a.uses, actorStringUse{role, day, event, s})
		if !a.seen[s] {
			a.seen[s] = true
			a.strings = append(a.strings, s)
		}
	}
}

// fileActorStrings adds the actor names and raw texts of docs that
// actor_strings lacks, in a statement of its own before the write's
// transaction: committed at once, two writers adding the same new string
// wait for each other only for that statement, never while either holds
// the locks of a write, which would deadlock them; and in the unique
// index's order, so that two such statements wait in one order. A string whose write
// then fails stays filed, unused, which no query can tell.
func (db *DB) fileActorStrings(ctx context.Context, docs []store.Document) error {
	if !db.dyads {
		return nil
	}
	var strs []string
	for i := range docs {
		for _, ev := range docs[i].Record.Events {
			for _, blocks := range [2][]output.ActorBlock{ev.Actor, ev.Recipient} {
				for _, b := range blocks {
					strs = append(strs, clean(b.EntityName), clean(b.RawText))
				}
			}
		}
	}
	if len(strs) == 0 {
		return nil
	}
	// A string given twice is inserted once: DO NOTHING skips the repeat.
	if _, err := db.pool.Exec(ctx, `INSERT INTO actor_strings (s) SELECT x FROM unnest($1::text[]) x ORDER BY md5(x) ON CONFLICT (md5(s)) DO NOTHING`, strs); err != nil {
		return fmt.Errorf("insert actor strings: %w", err)
	}
	return nil
}

// rows returns the rows of event_actor_strings for the strings added,
// which fileActorStrings has filed.
func (a *actorStrings) rows(ctx context.Context, tx pgx.Tx) ([][]any, error) {
	if len(a.uses) == 0 {
		return nil, nil
	}
	ids := map[string]int64{}
	rows, err := tx.Query(ctx, `SELECT id, s FROM actor_strings WHERE md5(s) IN (SELECT md5(x) FROM unnest($1::text[]) x)`, a.strings)
	if err != nil {
		return nil, fmt.Errorf("read actor strings: %w", err)
	}
	var id int64
	var str string
	if _, err := pgx.ForEachRow(rows, []any{&id, &str}, func() error {
		ids[str] = id
		return nil
	}); err != nil {
		return nil, fmt.Errorf("read actor strings: %w", err)
	}
	type key struct {
		role  int16
		id    int64
		event int64
	}
	done := map[key]bool{}
	out := make([][]any, 0, len(a.uses))
	for _, u := range a.uses {
		id, ok := ids[u.s]
		if !ok {
			return nil, fmt.Errorf("read actor strings: %q has no id", u.s)
		}
		if k := (key{u.role, id, u.event}); !done[k] {
			done[k] = true
			out = append(out, []any{u.role, id, u.day, u.event})
		}
	}
	return out, nil
}
