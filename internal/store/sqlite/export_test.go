package sqlite

import "context"

// SetProbeCap lets tests force the selective plan (a large cap) or the
// ordered walk (0).
func SetProbeCap(db *DB, n int) { db.probeCap = n }

// BeginWrite opens a write transaction, as PutDocuments does, and keeps
// it open until the returned function is called.
func BeginWrite(ctx context.Context, db *DB) (end func(), err error) {
	db.mu.Lock()
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		db.mu.Unlock()
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET title = title WHERE 0`); err != nil {
		tx.Rollback()
		db.mu.Unlock()
		return nil, err
	}
	return func() { tx.Rollback(); db.mu.Unlock() }, nil
}
