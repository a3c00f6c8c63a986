package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// The write path's statements are prepared once, on the writer's
// connection, and bound to each write transaction (tx.Stmt reuses a
// statement already prepared on the transaction's connection). Preparing
// them in every transaction cost more than half of the CPU of a
// one-document POST: an INSERT into events or event_actors compiles the
// aggregates' triggers into its program, and the incident statements
// theirs.

const (
	lookupByID    = `SELECT id, hash, provenance FROM documents WHERE doc_id = ?`
	lookupByHash  = `SELECT id FROM documents WHERE hash = ?`
	lookupAlias   = `SELECT doc FROM doc_aliases WHERE alias = ?`
	memberTopSQL  = `SELECT coalesce(max(event), 0) FROM incident_members`
	memberCount   = `SELECT count(*) FROM incident_members`
	membersSince  = `SELECT report FROM incident_members WHERE event > ? ORDER BY event`
	insertAliasOf = `INSERT INTO doc_aliases (alias, doc) VALUES (?, ?) ON CONFLICT (alias) DO UPDATE SET doc = excluded.doc`
)

// writeQueries are the statements every write may run; incidentQueries
// those of a schema with incidents (incidentsVersion and later).
var (
	writeQueries = []string{insertDocument, insertDocumentFTS, insertMinHash, insertEvent, insertActor, insertQuote, insertQuoteFTS,
		insertPlace, lookupByID, lookupByHash, lookupAlias, insertAliasOf}
	incidentQueries = []string{insertMember, insertClustered, memberTaken, updateIncident, renameIncident, updateAnchor, parkCanonical, setCanonical, insertIncident, markCanonical, unmarkCanonical, deleteIncident, updateMember,
		memberTopSQL, memberCount, membersSince}
)

// prepareWrites prepares the write statements on the writer's connection,
// once; the caller holds db.mu and no transaction (the writer has one
// connection, which a transaction would hold).
func (db *DB) prepareWrites(ctx context.Context) (map[string]*sql.Stmt, error) {
	if db.stmts != nil {
		return db.stmts, nil
	}
	qs := writeQueries
	if db.incidents {
		qs = append(qs[:len(qs):len(qs)], incidentQueries...)
	}
	m := make(map[string]*sql.Stmt, len(qs))
	for _, q := range qs {
		st, err := db.wr.PrepareContext(ctx, q)
		if err != nil {
			for _, st := range m {
				st.Close()
			}
			return nil, fmt.Errorf("prepare: %w", err)
		}
		m[q] = st
	}
	db.stmts = m
	return m, nil
}

// closeStmts closes the prepared write statements; the caller holds
// db.mu.
func (db *DB) closeStmts() error {
	var errs []error
	for _, st := range db.stmts {
		errs = append(errs, st.Close())
	}
	db.stmts = nil
	return errors.Join(errs...)
}

// txStmts hands out one transaction's statements: the writer's prepared
// ones bound to it, others prepared in it, each once per transaction.
// The transaction closes them when it ends.
type txStmts struct {
	tx       *sql.Tx
	prepared map[string]*sql.Stmt // nil: prepare every statement in tx
	bound    map[string]*sql.Stmt
	// pending are the member rows of the events this transaction stored,
	// by report id, not yet written: incTx.Apply writes each with the
	// membership the clustering gave it (see deferMember).
	pending map[string]pendingMember
}

func newTxStmts(tx *sql.Tx, prepared map[string]*sql.Stmt) *txStmts {
	return &txStmts{tx: tx, prepared: prepared, bound: map[string]*sql.Stmt{}}
}

// get returns q's statement in the transaction.
func (t *txStmts) get(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := t.bound[q]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if p, ok := t.prepared[q]; ok {
		st = t.tx.StmtContext(ctx, p)
	} else {
		var err error
		if st, err = t.tx.PrepareContext(ctx, q); err != nil {
			return nil, fmt.Errorf("prepare: %w", err)
		}
	}
	t.bound[q] = st
	return st, nil
}

// exec runs q with args in the transaction.
func (t *txStmts) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := t.get(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// queryRow runs q with args in the transaction and scans its one row
// into dst (sql.ErrNoRows when there is none).
func (t *txStmts) queryRow(ctx context.Context, q string, args []any, dst ...any) error {
	st, err := t.get(ctx, q)
	if err != nil {
		return err
	}
	return st.QueryRowContext(ctx, args...).Scan(dst...)
}

// maxReadStmts bounds the readers' statement cache. The API's filters
// combine into many query texts, but a dashboard asks the same few again
// and again; past the bound, a text not yet cached runs unprepared. (The
// cache never closes a statement before Close: another reader may have
// just taken it from the map.)
const maxReadStmts = 256

// readPool is the readers' pool with its statements prepared once per
// query text (and, by database/sql, once per connection) instead of for
// every query: parsing and planning a query cost a large share of a
// small request, such as a page of 50 events, its probes and its count.
type readPool struct {
	*sql.DB
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

func newReadPool(db *sql.DB) *readPool {
	return &readPool{DB: db, stmts: map[string]*sql.Stmt{}}
}

// errCacheFull says that q is not cached and the cache is full.
var errCacheFull = errors.New("statement cache full")

// stmt returns q prepared on the pool.
func (p *readPool) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	p.mu.Lock()
	st, ok := p.stmts[q]
	full := len(p.stmts) >= maxReadStmts
	p.mu.Unlock()
	switch {
	case ok:
		return st, nil
	case full:
		return nil, errCacheFull
	}
	st, err := p.DB.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if have, ok := p.stmts[q]; ok {
		// Another reader prepared it meanwhile; keep one.
		st.Close()
		return have, nil
	}
	p.stmts[q] = st
	return st, nil
}

// QueryContext runs q through its prepared statement. Where q is not
// cached (the cache is full, or q cannot be prepared), it runs
// unprepared, which reports any error in q.
func (p *readPool) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := p.stmt(ctx, q)
	if err != nil {
		return p.DB.QueryContext(ctx, q, args...)
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext is QueryContext for one row.
func (p *readPool) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	st, err := p.stmt(ctx, q)
	if err != nil {
		return p.DB.QueryRowContext(ctx, q, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// Close closes the statements and the pool.
func (p *readPool) Close() error {
	p.mu.Lock()
	var errs []error
	for k, st := range p.stmts {
		errs = append(errs, st.Close())
		delete(p.stmts, k)
	}
	p.mu.Unlock()
	return errors.Join(append(errs, p.DB.Close())...)
}
