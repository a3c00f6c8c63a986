package postgres_test

import (
	"context"
	"testing"

	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/postgres/pgtest"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// BenchmarkPutDocuments measures writes to PostgreSQL (see
// storetest.BenchmarkPut); most of their CPU is the server's, not this
// process's, so compare it with SQLite's by events/s, side by side.
func BenchmarkPutDocuments(b *testing.B) {
	storetest.BenchmarkPut(b, open(b))
}

// BenchmarkPutAlternating is BenchmarkPutDocuments through two stores on
// one database writing in turn, as two workers do: each write finds the
// other's incidents ahead of its Clusterer and catches up. Compare its
// events/s with BenchmarkPutDocuments' in the same run.
func BenchmarkPutAlternating(b *testing.B) {
	dsn, _ := pgtest.Schema(b)
	dbs := openShared(b, dsn, 2)
	gen := storetest.NewGenerator(1, 10)
	batch := make([]store.Document, 100)
	events, n := 0, 0
	for b.Loop() {
		for i := range batch {
			batch[i] = gen.Next()
			events += len(batch[i].Record.Events)
		}
		if _, err := dbs[n%2].PutDocuments(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
}
