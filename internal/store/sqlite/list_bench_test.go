package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/sqlite"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// BenchmarkEvents_Analyst pages and counts 30,000 generated events (60,000
// with DATELINE_BIG_BENCH=1) under the analyst's sorts and filters, so
// that their costs can be read against the default day order's in one
// run: compare the sub-benchmarks' ns/op, not runs.
func BenchmarkEvents_Analyst(b *testing.B) {
	ctx := context.Background()
	docs := 10000
	if os.Getenv("DATELINE_BIG_BENCH") == "1" {
		docs = 20000
	}
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), sqlite.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	gen := storetest.NewGenerator(3, 3)
	batch := make([]store.Document, 500)
	for n := 0; n < docs; n += len(batch) {
		for i := range batch {
			batch[i] = gen.Next()
		}
		if _, err := db.PutDocuments(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	if err := db.Analyze(ctx); err != nil {
		b.Fatal(err)
	}
	t, f := true, false
	for _, c := range []struct {
		name string
		f    store.EventFilter
	}{
		{"date", store.EventFilter{}},
		{"-date", store.EventFilter{Sort: store.SortDateDesc}},
		{"-confidence", store.EventFilter{Sort: store.SortConfidenceDesc}},
		{"principal,asserted", store.EventFilter{Principal: &t, Asserted: &t}},
		{"main_event", store.EventFilter{MainEvent: &t}},
		{"not principal,-confidence", store.EventFilter{Principal: &f, Sort: store.SortConfidenceDesc}},
		{"type,-date", store.EventFilter{Type: []string{"ASSAULT"}, Sort: store.SortDateDesc}},
	} {
		b.Run("page/"+c.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := db.Events(ctx, c.f, "", 100); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, c := range []struct {
		name string
		f    store.EventFilter
	}{
		{"all", store.EventFilter{}},
		{"type", store.EventFilter{Type: []string{"ASSAULT"}}},
		{"principal,asserted", store.EventFilter{Principal: &t, Asserted: &t}},
	} {
		b.Run("count/"+c.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				var err error
				if n, err = db.CountEvents(ctx, c.f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "events")
		})
	}
	b.Run("actors", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := db.Actors(ctx, store.ActorQuery{}, "", 100); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("documents", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := db.Documents(ctx, store.DocumentFilter{Sort: store.SortDateDesc}, "", 100); err != nil {
				b.Fatal(err)
			}
		}
	})
}
