package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/sqlite"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// BenchmarkPutDocuments stores generated documents of ten events each in
// batches of 100, without fsync, so that what it measures is the cost of
// the rows, their indexes and the aggregates' triggers; it reports
// events per second.
func BenchmarkPutDocuments(b *testing.B) {
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), sqlite.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	gen := storetest.NewGenerator(1, 10)
	batch := make([]store.Document, 100)
	events := 0
	b.ResetTimer()
	for b.Loop() {
		for i := range batch {
			batch[i] = gen.Next()
			events += len(batch[i].Record.Events)
		}
		if _, err := db.PutDocuments(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
}
