package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/sqlite"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// processCPU is the process's user and system CPU time.
func processCPU(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestIncidentCountingCost compares, side by side in one process, the CPU
// of the dashboard's aggregates counting incidents (the default) with
// counting reports, over a store of DATELINE_LOAD_EVENTS events (50,000
// by default) where a third of the documents are retold by another
// outlet. It prints the ratio, asserts nothing about it, and runs with
// DATELINE_BIG_BENCH=1.
func TestIncidentCountingCost(t *testing.T) {
	if os.Getenv("DATELINE_BIG_BENCH") != "1" {
		t.Skip("set DATELINE_BIG_BENCH=1 to measure what counting incidents costs")
	}
	events := 50_000
	if s := os.Getenv("DATELINE_LOAD_EVENTS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		events = n
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "cost.db"), sqlite.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	gen := storetest.NewGenerator(3, 10)
	gen.Days = 365
	var docs []store.Document
	for n := 0; n < events*3/4; {
		d := gen.Next()
		n += len(d.Record.Events)
		docs = append(docs, d)
	}
	docs = retold(docs)
	for i := 0; i < len(docs); i += 100 {
		put(t, db, docs[i:min(i+100, len(docs))])
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d events in %d incidents", st.Events, st.Incidents)
	ask := func(f store.EventFilter) {
		if _, err := db.Timeline(ctx, f, "type"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Places(ctx, f, 1000); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Network(ctx, f, 200); err != nil {
			t.Fatal(err)
		}
	}
	var cpu [2]time.Duration
	for round := range 40 {
		for k := range 2 {
			// Alternate which goes first, so that neither always
			// finds the caches warmed by the other.
			inc := (round+k)%2 == 0
			start := processCPU(t)
			ask(store.EventFilter{Incidents: inc})
			ask(store.EventFilter{Incidents: inc, Type: []string{"PROTEST"}})
			ask(store.EventFilter{Incidents: inc, Actor: store.ActorFilter{Countries: []string{"RUS"}}})
			i := 0
			if inc {
				i = 1
			}
			cpu[i] += processCPU(t) - start
		}
	}
	t.Logf("aggregates CPU over 40 rounds: reports %v, incidents %v, ratio incidents/reports %.2f",
		cpu[0], cpu[1], float64(cpu[1])/float64(cpu[0]))
}
