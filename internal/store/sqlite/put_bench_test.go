package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dateline-project/dateline/internal/store/sqlite"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// BenchmarkPutDocuments measures writes without fsync, so that what it
// measures is the cost of the rows, their indexes and the aggregates'
// triggers (see storetest.BenchmarkPut).
func BenchmarkPutDocuments(b *testing.B) {
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), sqlite.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	storetest.BenchmarkPut(b, db)
}
