package postgres_test

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/postgres"
	"github.com/dateline-project/dateline/internal/store/postgres/pgtest"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// TestDB_ConcurrentWriters has four stores (four pools, as four worker
// processes would have) write the same documents at once, each in its own
// order and batching, as redelivered work does: every write succeeds
// (a deadlock between two writers waiting on each other's new keys is
// retried), each document is reported inserted by exactly one writer,
// and the database holds each once.
func TestDB_ConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	dsn, _ := pgtest.Schema(t)
	gen := storetest.NewGenerator(7, 3)
	docs := make([]store.Document, 120)
	for i := range docs {
		docs[i] = gen.Next()
	}
	const writers = 4
	dbs := make([]*postgres.DB, writers)
	for i := range dbs {
		db, err := postgres.Open(ctx, dsn, postgres.Options{MaxConns: 2})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs[i] = db
	}
	var mu sync.Mutex
	inserted := map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w, db := range dbs {
		order := rand.New(rand.NewPCG(uint64(w), 1)).Perm(len(docs))
		batch := 5 + 7*w
		wg.Go(func() {
			for start := 0; start < len(order); start += batch {
				var b []store.Document
				for _, i := range order[start:min(start+batch, len(order))] {
					b = append(b, docs[i])
				}
				ins, err := db.PutDocuments(ctx, b)
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				for i, ok := range ins {
					if ok {
						inserted[b[i].Record.DocID]++
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("writer: %v", err)
	}
	for _, d := range docs {
		if n := inserted[d.Record.DocID]; n != 1 {
			t.Errorf("%s reported inserted %d times, want once", d.Record.DocID, n)
		}
	}
	st, err := dbs[0].Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != len(docs) || st.Events != 3*len(docs) {
		t.Errorf("stats %+v, want %d documents and %d events", st, len(docs), 3*len(docs))
	}
}
