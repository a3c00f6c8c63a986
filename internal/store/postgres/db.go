// Package postgres is dateline's shared store: the store.Store interface
// on PostgreSQL through pgx (pgxpool), for deployments where several
// coding workers write and many readers query one database
// (`--db postgres://...`).
//
// It mirrors store/sqlite file by file (migrations, write, query,
// aggregates), so that what one backend learns can be ported to the other:
// documents keep the text, metadata and the full output record; events,
// their actors and recipients, quotes and places are flattened into tables
// with the columns the API filters on, indexed for them. Full-text search
// uses PostgreSQL's own tsvector with GIN indexes where the SQLite store
// uses FTS5 (see fts.go). The schema is versioned in a table of its own
// and migrated forward on Open, under an advisory lock so that workers
// starting together migrate once.
//
// Differences from SQLite that the rows force, each kept out of the
// output: PostgreSQL text cannot hold a NUL byte or invalid UTF-8, so the
// document text is stored as bytea (given back byte for byte) and the
// record as json, whose escapes carry any string; the filter columns
// (names, places, titles) hold a cleaned copy (see clean).
//
// Aggregates (timeline, network, places, stats) are GROUP BY queries over
// indexed columns rather than trigger-kept tables: several workers commit
// concurrently here, and counters that every transaction updates would
// serialise their commits on the counters' row locks. Counting incidents
// is the same queries over the canonical events (events.canonical).
//
// The write rules are the SQLite store's, through what package store
// shares: store.PlanPut decides whether a document is inserted, replaces
// one, becomes an alias or is left alone, and store.Incidents clusters
// the new events in the write's transaction (incidents.go). Clustering
// is the one step the writers take in turn: a write's rows go in side by
// side with other writers', then it takes incident_clock's row lock to
// cluster and commit.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/dateline-project/dateline/internal/store"
)

// DB is a Store backed by one PostgreSQL database (and one schema in it).
type DB struct {
	pool *pgxpool.Pool
	// name is the DSN without its password, for error messages.
	name string
	// mu serialises this process's writes, whose clustering shares inc
	// (other processes take turns through incident_clock's row lock).
	mu  sync.Mutex
	inc *store.Incidents
	// incidents is false for a database opened below incidentsVersion
	// (tests of older schemas), which has no incident tables to write.
	incidents bool
	// dyads is false for a database opened below dyadsVersion, which
	// has no event_dyads to write or walk.
	dyads bool
	// ftsCap is defaultFTSCap, and nameCap defaultNameCap; fields so that
	// tests can force either form of the text and actor name filters.
	ftsCap, nameCap int
}

// incidentsVersion is the schema version that has incidents, and
// dyadsVersion the one that has event_dyads.
const (
	incidentsVersion = 2
	dyadsVersion     = 4
)

var _ store.Store = (*DB)(nil)

// Options configure Open.
type Options struct {
	// Schema, when set, is the PostgreSQL schema the tables live in
	// (created if missing); by default they go to the connection's
	// search_path, normally public. Tests give each test a schema of its
	// own.
	Schema string
	// MaxConns bounds the pool's connections; 0 means pgxpool's default
	// (the larger of 4 and the number of CPUs).
	MaxConns int32
	// NoCreate makes Open fail with store.ErrNoDatabase when the database
	// has no dateline tables yet, instead of creating them, so that
	// `serve` without --create does not serve a mistyped database empty.
	NoCreate bool
	// Logger receives notes on incident clustering; nil means
	// slog.Default().
	Logger *slog.Logger
}

// sessionDefaults are settings for dateline's connections that a DSN may
// override (?jit=on). The queries are short lookups whose plans cost in
// the hundreds of thousands at a million events: JIT compiling them took
// longer than running them. The server's default random_page_cost (4)
// prices an index probe for a spinning disk; on SSD or cached data the
// probes that the selective filters need are near sequential reads' cost,
// and at 4 the planner scanned all events instead. Parallel workers are
// started for each query that uses them: for a page of events that took
// longer than the page (0.5 s of 0.7 s at 1M events on a busy 2-core
// machine), and the server answers many requests at once anyway. pgx
// prepares each statement, and after five runs PostgreSQL may keep a
// generic plan made without the values, which for a bounding box or a
// name took a plan for the average value: always planning with the
// values costs a millisecond and keeps each filter on its best plan.
var sessionDefaults = map[string]string{"jit": "off", "random_page_cost": "1.1", "max_parallel_workers_per_gather": "0",
	"plan_cache_mode": "force_custom_plan"}

// Open connects to the database named by dsn (a postgres:// URL or a
// key=value string) and migrates its schema to the current version.
func Open(ctx context.Context, dsn string, opts Options) (*DB, error) {
	db, err := openAt(ctx, dsn, opts, len(migrations))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", Redact(dsn), err)
	}
	return db, nil
}

// openAt opens the database and migrates it to version (tests open at an
// older version to check a migration).
func openAt(ctx context.Context, dsn string, opts Options, version int) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	if opts.Schema != "" {
		cfg.ConnConfig.RuntimeParams["search_path"] = opts.Schema
	}
	for k, v := range sessionDefaults {
		if _, set := cfg.ConnConfig.RuntimeParams[k]; !set {
			cfg.ConnConfig.RuntimeParams[k] = v
		}
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	db := &DB{pool: pool, name: Redact(dsn), inc: store.NewIncidents(opts.Logger), incidents: version >= incidentsVersion,
		dyads: version >= dyadsVersion, ftsCap: defaultFTSCap, nameCap: defaultNameCap}
	if opts.Schema != "" {
		if _, err := pool.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+pgx.Identifier{opts.Schema}.Sanitize()); err != nil {
			pool.Close()
			return nil, fmt.Errorf("create schema %s: %w", opts.Schema, err)
		}
	}
	if err := db.migrate(ctx, version, !opts.NoCreate); err != nil {
		pool.Close()
		return nil, err
	}
	if db.incidents {
		if err := db.openIncidents(ctx); err != nil {
			pool.Close()
			return nil, err
		}
	}
	return db, nil
}

// Redact is dsn without its password (and options), so that errors and
// logs can name the database.
func Redact(dsn string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return "a PostgreSQL database (unparsable DSN)"
	}
	if strings.HasPrefix(cfg.Host, "/") { // a Unix socket's directory
		return fmt.Sprintf("postgres://%s@/%s?host=%s", cfg.User, cfg.Database, cfg.Host)
	}
	return fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}

// Close closes the pool; pending writes have committed. Closing twice is
// harmless.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// migrationLock is the advisory lock key that serialises migrations, so
// that workers started together do not race to create the tables.
const migrationLock = 0x646174656c696e65 // "dateline"

func (db *DB) migrate(ctx context.Context, version int, create bool) error {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(migrationLock)); err != nil {
		return fmt.Errorf("migrate: lock: %w", err)
	}
	var exists bool
	if err := tx.QueryRow(ctx, "SELECT to_regclass('dateline_schema') IS NOT NULL").Scan(&exists); err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	v := 0
	if exists {
		if err := tx.QueryRow(ctx, "SELECT version FROM dateline_schema").Scan(&v); err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("migrate: read version: %w", err)
		}
	}
	if v > len(migrations) {
		return fmt.Errorf("%w: database has version %d, this dateline knows up to %d", store.ErrSchema, v, len(migrations))
	}
	if v >= version {
		return nil
	}
	if v == 0 && !create {
		return fmt.Errorf("%w: it has no dateline tables", store.ErrNoDatabase)
	}
	if !exists {
		if _, err := tx.Exec(ctx, "CREATE TABLE dateline_schema (version integer NOT NULL)"); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if _, err := tx.Exec(ctx, "INSERT INTO dateline_schema VALUES (0)"); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	for i := v; i < version; i++ {
		if _, err := tx.Exec(ctx, migrations[i]); err != nil {
			return fmt.Errorf("migrate to version %d: %w", i+1, err)
		}
	}
	if _, err := tx.Exec(ctx, "UPDATE dateline_schema SET version = $1", version); err != nil {
		return fmt.Errorf("migrate: set version: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("migrate: commit: %w", err)
	}
	return nil
}

// Analyze refreshes the query planner's statistics; worth running after a
// large load (autovacuum does it too, later).
func (db *DB) Analyze(ctx context.Context) error {
	if _, err := db.pool.Exec(ctx, "ANALYZE documents, events, event_actors, quotes, places, incident_members, incidents"); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return nil
}

// Stats counts stored rows.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	err := db.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM documents), (SELECT count(*) FROM events),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM places),
		(SELECT count(*) FROM events WHERE canonical)`).
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
	var found bool
	err := db.pool.QueryRow(ctx,
		`SELECT EXISTS (SELECT 1 FROM documents WHERE doc_id = $1) OR EXISTS (SELECT 1 FROM documents WHERE hash = $2)
			OR EXISTS (SELECT 1 FROM doc_aliases WHERE alias = $1)`,
		clean(id), hash).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("has document: %w", err)
	}
	return found, nil
}
