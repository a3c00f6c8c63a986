package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

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
	 duplicate_of, similarity, fts)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, to_tsvector('simple', $15))
	ON CONFLICT DO NOTHING RETURNING id`

// maxAttempts bounds PutDocuments' retries of a transaction that
// PostgreSQL aborted for a deadlock or a serialisation failure: two
// workers storing the same new documents in different orders each wait
// for the other's uncommitted unique key, and one of them is chosen to
// fail; run again, it finds the documents stored.
const maxAttempts = 8

// PutDocuments stores docs in one transaction; see store.Store.
func (db *DB) PutDocuments(ctx context.Context, docs []store.Document) ([]bool, error) {
	inserted := make([]bool, len(docs))
	if len(docs) == 0 {
		return inserted, nil
	}
	for _, d := range docs {
		if d.Record.DocID == "" {
			return nil, fmt.Errorf("put documents: %w: document has no doc_id", store.ErrBadFilter)
		}
	}
	var err error
	for attempt := 1; ; attempt++ {
		err = pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error { return put(ctx, tx, docs, inserted) })
		var pe *pgconn.PgError
		if err == nil || attempt == maxAttempts || !errors.As(err, &pe) || (pe.Code != "40P01" && pe.Code != "40001") {
			break
		}
		clear(inserted)
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
	return inserted, nil
}

// put writes docs in tx and marks inserted.
func put(ctx context.Context, tx pgx.Tx, docs []store.Document, inserted []bool) error {
	now := time.Now().UTC().Format(time.RFC3339)
	b := &pgx.Batch{}
	for i := range docs {
		d := &docs[i]
		rec := &d.Record
		hash := d.Hash
		if hash == "" {
			hash = store.ContentHash(d.Text)
		}
		recJSON, err := json.Marshal(rec)
		if err != nil {
			return fmt.Errorf("document %q: encode record: %w", rec.DocID, err)
		}
		var published *string
		if rec.Published != nil {
			published = new(clean(*rec.Published))
		}
		var dup *string
		if rec.DuplicateOf != nil {
			dup = new(clean(*rec.DuplicateOf))
		}
		b.Queue(insertDocument, clean(rec.DocID), hash, clean(rec.Title), clean(store.DocDay(rec)), published,
			clean(rec.Source.Path), rec.Source.Line, clean(rec.Source.URL), clean(rec.Source.Name), []byte(d.Text),
			string(recJSON), now, dup, rec.Similarity, foldDoc(rec.Title, d.Text))
	}
	keys := make([]int64, len(docs))
	br := tx.SendBatch(ctx, b)
	for i := range docs {
		err := br.QueryRow().Scan(&keys[i])
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			// already stored under this id or text
		case err != nil:
			br.Close()
			return fmt.Errorf("insert document %q: %w", docs[i].Record.DocID, err)
		default:
			inserted[i] = true
		}
	}
	if err := br.Close(); err != nil {
		return fmt.Errorf("insert documents: %w", err)
	}
	return putLayers(ctx, tx, docs, inserted, keys)
}

// putLayers writes the events, actors, quotes, places and signatures of
// the inserted documents, whose keys are their documents rows' ids.
func putLayers(ctx context.Context, tx pgx.Tx, docs []store.Document, inserted []bool, keys []int64) error {
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
	var events, eventJSON, actors, places [][]any
	b := &pgx.Batch{}
	for i := range docs {
		if !inserted[i] {
			continue
		}
		d, key := &docs[i], keys[i]
		rec := &d.Record
		day := store.DocDay(rec)
		// A row even without a signature: Signatures walks this table alone.
		var sig []byte // NULL, not an empty bytea, when there is none
		if d.Signature != nil {
			sig = d.Signature
		}
		b.Queue(`INSERT INTO doc_minhash (doc, doc_id, minhash) VALUES ($1, $2, $3)`, key, clean(rec.DocID), sig)
		for j := range rec.Events {
			ev := &rec.Events[j]
			id := ids[0]
			ids = ids[1:]
			row := eventRow(id, key, j, day, ev)
			js, err := json.Marshal(ev)
			if err != nil {
				return fmt.Errorf("document %q: encode event: %w", rec.DocID, err)
			}
			events = append(events, row)
			eventJSON = append(eventJSON, []any{id, string(js)})
			evDay := store.EventDay(ev, day)
			for role, blocks := range [2][]output.ActorBlock{ev.Actor, ev.Recipient} {
				for k, a := range blocks {
					actors = append(actors, []any{id, int16(role), k, clean(evDay), clean(a.CountryCode),
						cleanAll(store.SectorCodes(a)), clean(a.EntityName), clean(a.RawText)})
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
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"events", []string{"id", "doc", "seq", "day", "type", "mode", "quad", "cameo_root", "intensity", "claimed",
			"place", "place_country", "geonameid", "lat", "lon", "actor_country", "actor_sector", "actor_name",
			"recipient_country", "recipient_sector", "recipient_name"}, events},
		{"event_json", []string{"id", "json"}, eventJSON},
		{"event_actors", []string{"event", "role", "idx", "day", "country", "sectors", "name", "raw"}, actors},
		{"places", []string{"doc", "seq", "name", "country_code", "geonameid", "lat", "lon"}, places},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("insert %s: %w", c.table, err)
		}
	}
	if b.Len() > 0 {
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return fmt.Errorf("insert quotes and signatures: %w", err)
		}
	}
	return nil
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

// eventRow is the events row of ev, in the COPY's column order.
func eventRow(id, docKey int64, seq int, docDay string, ev *output.Event) []any {
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
		clean(r.EntityName)}
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
