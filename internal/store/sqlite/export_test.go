package sqlite

// SetProbeCap lets tests force the selective plan (a large cap) or the
// ordered walk (0).
func SetProbeCap(db *DB, n int) { db.probeCap = n }
