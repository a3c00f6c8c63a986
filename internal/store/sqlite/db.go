// Package sqlite is dateline's embedded store: one SQLite file
// (dateline.db) through modernc.org/sqlite, a pure-Go build of SQLite, so
// that the dateline binary stays a single static file with no C toolchain.
//
// Layout: documents keep the text, metadata and the full output record as
// JSON; events, their actors and recipients, quotes and places are
// flattened into their own tables with the columns the API filters on, and
// indexed for them. FTS5 indexes document text and quote text (external
// content tables, so the text is stored once). The schema is versioned with
// PRAGMA user_version and migrated forward on Open.
//
// Durability: the database runs in WAL mode with synchronous=FULL by
// default, so a committed PutDocuments survives a crash of the process or
// the machine. Writes are serialised by the DB (SQLite allows one writer)
// and taken with BEGIN IMMEDIATE so that concurrent writers queue on the
// busy timeout instead of failing on a lock upgrade. The writer has a
// connection of its own and the readers a pool of theirs (query_only), so
// that reads run concurrently with the writer and never queue behind it
// for a connection. Both keep their statements prepared (stmts.go): the
// writer's are compiled once, triggers and all, and the readers' once per
// query text and connection. All connections of the process cache their
// pages in one shared buffer (pagecache.go), since every commit empties
// the readers' caches and handing their pages back to modernc's
// allocator cost an madvise per 64 KB region.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sync"

	"github.com/dateline-project/dateline/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DB is a Store backed by one SQLite file.
type DB struct {
	// rd is the readers' pool and wr the writer's one connection. Kept
	// apart, reads never wait for a connection behind a write that
	// waits for the lock, nor a write behind eight slow reads; WAL lets
	// the readers run while the writer writes.
	rd *readPool
	wr *sql.DB
	// mu serialises writers inside this process; SQLite would serialise
	// them anyway, but waiting here is cheaper than spinning on SQLITE_BUSY.
	mu     sync.Mutex
	path   string
	closed bool
	// probeCap is the planner's threshold (see plan.go); a field so that
	// tests can force either plan.
	probeCap int
	// noAgg makes the aggregate queries ignore the aggregate tables, so
	// that tests can compare their answers with the full queries'.
	noAgg bool
	// inc clusters events into incidents (see incidents.go), its
	// marker the highest member rowid. Guarded by mu.
	inc *store.Incidents
	log *slog.Logger
	// incidents is false for a database opened below incidentsVersion
	// (tests of older schemas), which has no incident tables to write.
	incidents bool
	// meta is false below metaVersion: Events then reads the documents
	// and incident_members rows themselves.
	meta bool
	// stmts are the write statements prepared on wr (see stmts.go),
	// nil until the first write. Guarded by mu.
	stmts map[string]*sql.Stmt
}

var _ store.Store = (*DB)(nil)

// Options configure Open.
type Options struct {
	// NoSync trades durability for speed (synchronous=OFF): a crash of the
	// machine may lose or corrupt recent commits. Meant for bulk loads of
	// data that can be regenerated, such as benchmarks.
	NoSync bool
	// MaxReaders bounds concurrent read connections; 0 means 8. The
	// writer has a connection of its own besides.
	MaxReaders int
	// Logger receives notes on incident clustering at open; nil means
	// slog.Default().
	Logger *slog.Logger
}

// Open opens (creating if needed) the database at path and migrates its
// schema to the current version.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	db, err := openAt(ctx, path, opts, len(migrations))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// openAt opens the database and migrates it to version (tests open at an
// older version to check a migration).
func openAt(ctx context.Context, path string, opts Options, version int) (*DB, error) {
	sync := "FULL"
	if opts.NoSync {
		sync = "OFF"
	}
	dsn := func(q url.Values, pragmas ...string) string {
		for _, p := range append([]string{"busy_timeout(30000)", "cache_size(-32000)", "temp_store(MEMORY)"}, pragmas...) {
			q.Add("_pragma", p)
		}
		return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	if err := configurePageCache(); err != nil {
		// The caches work without it, at the old cost of a commit.
		log.Debug("sqlite: no shared page buffer", "err", err)
	}
	// The writer first: it creates the file and sets WAL mode, which is
	// persistent, so the readers need not ask for it.
	wr, err := sql.Open("sqlite", dsn(url.Values{"_txlock": {"immediate"}},
		"journal_mode(WAL)", "synchronous("+sync+")", "foreign_keys(ON)"))
	if err != nil {
		return nil, err
	}
	wr.SetMaxOpenConns(1)
	wr.SetMaxIdleConns(1)
	db := &DB{wr: wr, path: path, probeCap: defaultProbeCap, log: log, inc: store.NewIncidents(log)}
	if err := db.migrate(ctx, version); err != nil {
		wr.Close()
		return nil, err
	}
	db.meta = version >= metaVersion
	if db.incidents = version >= incidentsVersion; db.incidents {
		if err := db.openIncidents(ctx); err != nil {
			wr.Close()
			return nil, err
		}
	}
	rd, err := sql.Open("sqlite", dsn(url.Values{}, "query_only(1)"))
	if err != nil {
		wr.Close()
		return nil, err
	}
	n := opts.MaxReaders
	if n <= 0 {
		n = 8
	}
	rd.SetMaxOpenConns(n)
	rd.SetMaxIdleConns(n)
	db.rd = newReadPool(rd)
	return db, nil
}

// Close checkpoints the WAL into the main file and closes the database.
// Closing twice is harmless.
func (db *DB) Close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed {
		return nil
	}
	db.closed = true
	// A checkpoint leaves a single self-contained file behind; failing
	// to take one is harmless (the WAL is replayed on the next open).
	rerr := db.rd.Close()
	serr := db.closeStmts()
	_, _ = db.wr.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	if err := errors.Join(rerr, serr, db.wr.Close()); err != nil {
		return fmt.Errorf("close %s: %w", db.path, err)
	}
	return nil
}

// migrations[i] takes the schema from version i to i+1. Never edit a
// released entry; append a new one.
var migrations = []string{
	// 1: documents, events, actors, quotes, places and full-text indexes.
	`
CREATE TABLE documents (
	id          INTEGER PRIMARY KEY,
	doc_id      TEXT NOT NULL UNIQUE,
	hash        TEXT NOT NULL UNIQUE,
	title       TEXT NOT NULL,
	day         TEXT NOT NULL,
	published   TEXT,
	source_path TEXT NOT NULL,
	source_line INTEGER NOT NULL,
	source_url  TEXT NOT NULL,
	source_name TEXT NOT NULL,
	text        TEXT NOT NULL,
	record      TEXT NOT NULL,
	ingested    TEXT NOT NULL
);
CREATE VIRTUAL TABLE documents_fts USING fts5(
	title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE events (
	id                INTEGER PRIMARY KEY,
	doc               INTEGER NOT NULL REFERENCES documents(id),
	seq               INTEGER NOT NULL,
	day               TEXT NOT NULL,
	type              TEXT NOT NULL,
	mode              TEXT NOT NULL,
	quad              TEXT NOT NULL,
	cameo_root        TEXT NOT NULL,
	intensity         REAL NOT NULL,
	claimed           INTEGER NOT NULL,
	place             TEXT NOT NULL COLLATE NOCASE,
	place_country     TEXT NOT NULL,
	lat               REAL,
	lon               REAL,
	actor_country     TEXT NOT NULL,
	actor_sector      TEXT NOT NULL,
	actor_name        TEXT NOT NULL,
	recipient_country TEXT NOT NULL,
	recipient_sector  TEXT NOT NULL,
	recipient_name    TEXT NOT NULL,
	json              TEXT NOT NULL,
	UNIQUE (doc, seq)
);
CREATE INDEX events_day ON events (day, id);
CREATE INDEX events_type ON events (type, day, id);
CREATE INDEX events_quad ON events (quad, day, id);
CREATE INDEX events_mode ON events (mode, day, id);
CREATE INDEX events_place ON events (place, day, id);
CREATE INDEX events_geo ON events (lon, lat) WHERE lon IS NOT NULL;
-- Clustered by event, so that checking an event's actors is one seek.
CREATE TABLE event_actors (
	event   INTEGER NOT NULL REFERENCES events(id),
	role    INTEGER NOT NULL, -- 0 actor, 1 recipient
	idx     INTEGER NOT NULL, -- position in the event's list
	day     TEXT NOT NULL,    -- the event's day, so the index below is in page order
	country TEXT NOT NULL,
	sectors TEXT NOT NULL,    -- '|GOV|MIL|': primary then other sector codes
	name    TEXT NOT NULL,
	raw     TEXT NOT NULL,
	PRIMARY KEY (event, role, idx)
) WITHOUT ROWID;
CREATE INDEX event_actors_country ON event_actors (role, country, day, event);
CREATE TABLE quotes (
	id              INTEGER PRIMARY KEY,
	doc             INTEGER NOT NULL REFERENCES documents(id),
	seq             INTEGER NOT NULL,
	day             TEXT NOT NULL,
	kind            TEXT NOT NULL,
	text            TEXT NOT NULL,
	speaker_name    TEXT NOT NULL,
	speaker_raw     TEXT NOT NULL,
	speaker_country TEXT NOT NULL,
	json            TEXT NOT NULL,
	UNIQUE (doc, seq)
);
CREATE INDEX quotes_day ON quotes (day, id);
CREATE INDEX quotes_country ON quotes (speaker_country, day, id);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
	text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE places (
	id           INTEGER PRIMARY KEY,
	doc          INTEGER NOT NULL REFERENCES documents(id),
	seq          INTEGER NOT NULL,
	name         TEXT NOT NULL,
	country_code TEXT NOT NULL,
	geonameid    INTEGER NOT NULL,
	lat          REAL NOT NULL,
	lon          REAL NOT NULL,
	UNIQUE (doc, seq)
);
`,
	// 2: the event location's GeoNames id, so that places of the same
	// name (Paris, France and Paris, Texas) filter apart. Rows written
	// before it take the id from their stored record; 0 means none.
	`
ALTER TABLE events ADD COLUMN geonameid INTEGER NOT NULL DEFAULT 0;
UPDATE events SET geonameid = coalesce(json_extract(json, '$.location.geonameid'), 0);
CREATE INDEX events_geonameid ON events (geonameid, day, id);
`,
	// 3: near-duplicate detection (issue #18). duplicate_of and
	// similarity repeat the record's fields; the partial index lists the
	// few duplicates, which is what the distinct filter looks up.
	// doc_minhash holds one row per document with the body's signature,
	// NULL until signed (rows from before this version are signed by the
	// next ingest), so that ingest rebuilds its index without signing
	// every stored text again. It is a table of its own, with the doc_id
	// beside it, because ingest reads every signature in storage order:
	// as a column of documents, added after text and record, reaching it
	// would follow each row's overflow pages, reading the whole table.
	`
ALTER TABLE documents ADD COLUMN duplicate_of TEXT;
ALTER TABLE documents ADD COLUMN similarity REAL;
CREATE INDEX documents_duplicate_of ON documents (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE TABLE doc_minhash (
	doc     INTEGER PRIMARY KEY REFERENCES documents(id),
	doc_id  TEXT NOT NULL,
	minhash BLOB
);
INSERT INTO doc_minhash (doc, doc_id) SELECT id, doc_id FROM documents;
`,
	// 4: aggregates (issue #17), assembled in aggregates.go.
	aggregatesMigration,
	// 5: incidents (issue #18), in incidents.go.
	incidentsMigration,
	// 6: the event columns the API filters and sorts on beyond PLOVER's
	// own (issue #16), filled for stored events from their records:
	// principal, negated and asserted flags (see store.IsAsserted),
	// confidence, date precision, and main, which marks the event that
	// stands for its story's main event (see store.MainEventID). Only
	// confidence is indexed, for its sort: the flags keep or drop large
	// shares of the events, so a walk in page order stops soon, and
	// main is tested on few rows once another filter has found them.
	// documents_day orders the document list. Documents gain their
	// provenance (the record's, as JSON; '' for records from before it
	// was recorded), which recoding compares with the running coder's,
	// and doc_aliases files the ids under which a stored text came again
	// (issue #16: they resolve to the document).
	`
ALTER TABLE events ADD COLUMN principal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN negated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN asserted INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN date_precision TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN main INTEGER NOT NULL DEFAULT 0;
UPDATE events SET
	principal = coalesce(json_extract(json, '$.principal'), 0),
	negated = coalesce(json_extract(json, '$.negated'), 0),
	asserted = NOT coalesce(json_extract(json, '$.negated'), 0) AND NOT EXISTS (
		SELECT 1 FROM json_each(events.json, '$.aux') WHERE value IN (` + store.UnassertedSQL() + `)),
	confidence = coalesce(json_extract(json, '$.confidence'), 0),
	date_precision = coalesce(json_extract(json, '$.date_precision'), '');
UPDATE events SET main = 1 WHERE id IN (
	SELECT e.id FROM events e JOIN documents d ON d.id = e.doc
	WHERE json_extract(d.record, '$.main_event.source') != 'title'
	AND json_extract(e.json, '$.id') = json_extract(d.record, '$.main_event.event_id'));
UPDATE events SET main = 1 WHERE id IN (
	SELECT (SELECT e.id FROM events e WHERE e.doc = d.id AND e.type = json_extract(d.record, '$.main_event.event')
		AND e.negated = 0 ORDER BY e.confidence DESC, e.seq LIMIT 1)
	FROM documents d WHERE json_extract(d.record, '$.main_event.source') = 'title');
CREATE INDEX events_confidence ON events (confidence, id);
CREATE INDEX documents_day ON documents (day, id);
ALTER TABLE documents ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
UPDATE documents SET provenance = coalesce(json(json_extract(record, '$.provenance')), '');
CREATE TABLE doc_aliases (
	alias TEXT PRIMARY KEY,
	doc   INTEGER NOT NULL REFERENCES documents(id)
) WITHOUT ROWID;
CREATE INDEX doc_aliases_doc ON doc_aliases (doc);
`,
	// 7: narrow copies of what a listed event reads of its document and
	// of its incident membership (issue #17). Every commit empties the
	// readers' page caches, so under a steady ingest an export reads its
	// pages afresh: a documents row, with its text and record, fills a
	// page of its own, and a member row carries its report, so each
	// listed event read a page of each. These indexes hold a few dozen
	// rows a page; Events reads them (see metaVersion) instead.
	`
CREATE INDEX documents_meta ON documents (id, doc_id, title, source_path, source_line, source_url, source_name);
CREATE INDEX incident_members_event ON incident_members (event, incident);
`,
}

// metaVersion is the schema version with documents_meta and
// incident_members_event.
const metaVersion = 7

// incidentsVersion is the schema version that has incidents.
const incidentsVersion = 5

// SchemaVersion is the schema version this build writes.
var SchemaVersion = len(migrations)

func (db *DB) migrate(ctx context.Context, version int) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("%w: database has version %d, this dateline knows up to %d", store.ErrSchema, v, len(migrations))
	}
	if v >= version {
		return nil
	}
	for i := v; i < version; i++ {
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			return fmt.Errorf("migrate to version %d: %w", i+1, err)
		}
	}
	// PRAGMA takes no parameters; the value is an int we control.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version)); err != nil {
		return fmt.Errorf("migrate: set version: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: commit: %w", err)
	}
	return nil
}

// Analyze refreshes the query planner's statistics; worth running after a
// large load, since the planner chooses between the day and filter indexes
// by how selective each is.
func (db *DB) Analyze(ctx context.Context) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if _, err := db.wr.ExecContext(ctx, "PRAGMA analysis_limit=1000; ANALYZE"); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return nil
}

// Stats counts stored rows. The counts are kept by triggers (see
// aggregates.go): counting the tables walked every row of each.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	err := db.rd.QueryRowContext(ctx, `SELECT
		(SELECT n FROM agg_counts WHERE name = 'documents'), (SELECT n FROM agg_counts WHERE name = 'events'),
		(SELECT n FROM agg_counts WHERE name = 'quotes'), (SELECT n FROM agg_counts WHERE name = 'places'),
		coalesce((SELECT n FROM agg_counts WHERE name = 'incidents'), 0)`).
		Scan(&s.Documents, &s.Events, &s.Quotes, &s.Places, &s.Incidents)
	if err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	return s, nil
}

// HasDocument reports whether a document with this doc_id or hash is
// stored.
func (db *DB) HasDocument(ctx context.Context, id, hash string) (bool, error) {
	if id == "" && hash == "" {
		return false, nil
	}
	var one int
	err := db.rd.QueryRowContext(ctx,
		`SELECT 1 FROM documents WHERE doc_id = ? UNION ALL SELECT 1 FROM documents WHERE hash = ?
		UNION ALL SELECT 1 FROM doc_aliases WHERE alias = ? LIMIT 1`,
		id, hash, id).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("has document: %w", err)
	}
	return true, nil
}
