package storetest

import (
	"context"
	"testing"

	"github.com/dateline-project/dateline/internal/store"
)

// BenchmarkPut stores generated documents of ten events each in batches
// of 100 into s and reports events per second: the cost of the rows,
// their indexes and whatever the backend keeps beside them. Each
// backend's benchmark calls it with its own store.
func BenchmarkPut(b *testing.B, s store.Store) {
	gen := NewGenerator(1, 10)
	batch := make([]store.Document, 100)
	events := 0
	b.ResetTimer()
	for b.Loop() {
		for i := range batch {
			batch[i] = gen.Next()
			events += len(batch[i].Record.Events)
		}
		if _, err := s.PutDocuments(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
}
