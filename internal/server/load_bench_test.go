package server_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/server"
	"github.com/dateline-project/dateline/internal/store/sqlite"
	"github.com/dateline-project/dateline/internal/testref"
)

// loadedStore opens a store in a temporary directory, with opts, and
// fills it with 10,000 generated events, as TestLoadMix does.
func loadedStore(b *testing.B, opts sqlite.Options) *sqlite.DB {
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	bulkLoad(b, db, 10_000, 10)
	return db
}

// BenchmarkExport streams the load mix's two exports (and the JSON Lines
// one) from a store of 10,000 generated events, as TestLoadMix fills it,
// through the handler, and reports the cost per exported row in process
// CPU time (cpu-ns/row, which other processes on a shared machine do not
// inflate) beside the wall time (ns/row). A GeoJSON row is an event read,
// located or not (the export reads them all and writes the located ones).
//
// The "after-write" cases commit a document before each export, as the
// load mix's ingest does all the time: a commit empties every reader's
// page cache, so those exports read their pages afresh. Their figures
// count the export alone, not the write.
func BenchmarkExport(b *testing.B) {
	s := server.New(loadedStore(b, sqlite.Options{NoSync: true}), server.Options{Coder: fakeCoder{}})
	posted := 0
	for _, c := range []struct {
		name, target string
		rows         func(body []byte) int
		write        bool
	}{
		{"csv", "/api/export/events.csv?type=PROTEST", func(body []byte) int { return bytes.Count(body, []byte("\n")) - 1 }, false},
		{"geojson", "/api/export/events.geojson?actor_country=UKR", nil, false},
		{"jsonl", "/api/export/events.jsonl?type=PROTEST", func(body []byte) int { return bytes.Count(body, []byte("\n")) }, false},
		{"csv-after-write", "/api/export/events.csv?type=PROTEST", func(body []byte) int { return bytes.Count(body, []byte("\n")) - 1 }, true},
		{"geojson-after-write", "/api/export/events.geojson?actor_country=UKR", nil, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			rows := 0
			if c.rows == nil {
				// Every event the filter matches, whether written or
				// omitted: count them through the JSON Lines export.
				rows = bytes.Count(get(b, s, "/api/export/events.jsonl?actor_country=UKR").body, []byte("\n"))
			}
			var cpu time.Duration
			for b.Loop() {
				if c.write {
					posted++
					body := fmt.Sprintf(`{"id":"export-bench-%d","text":"Filler report %d."}`, posted, posted)
					if r := do(b, s, http.MethodPost, "/api/documents", strings.NewReader(body), "Content-Type", "application/json"); r.status != http.StatusCreated {
						b.Fatalf("post: %d %s", r.status, r.body)
					}
				}
				req := httptest.NewRequest(http.MethodGet, c.target, nil)
				rec := httptest.NewRecorder()
				c0 := testref.ProcessCPU()
				s.ServeHTTP(rec, req)
				cpu += testref.ProcessCPU() - c0
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", c.target, rec.Code, rec.Body.Bytes())
				}
				if c.rows != nil {
					rows = c.rows(rec.Body.Bytes())
				}
			}
			n := float64(b.N) * float64(rows)
			b.ReportMetric(float64(rows), "rows")
			if !c.write {
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/row")
			}
			b.ReportMetric(float64(cpu.Nanoseconds())/n, "cpu-ns/row")
		})
	}
}

// BenchmarkPostDocument posts one short document at a time, as the load
// mix's ingest does, into a store of 10,000 generated events with the
// default durability (synchronous=FULL), and reports process CPU time
// per POST beside the wall time, which includes waiting for fsync.
func BenchmarkPostDocument(b *testing.B) {
	s := server.New(loadedStore(b, sqlite.Options{}), server.Options{Coder: fakeCoder{}})
	n := 0
	cpu := testref.ProcessCPU()
	for b.Loop() {
		n++
		body := fmt.Sprintf(`{"id":"bench-%d","text":"KYIV, May 2 - Ukraine said talks would resume, report %d."}`, n, n)
		r := do(b, s, http.MethodPost, "/api/documents", strings.NewReader(body), "Content-Type", "application/json")
		if r.status != http.StatusCreated {
			b.Fatalf("post: %d %s", r.status, r.body)
		}
	}
	b.ReportMetric(float64((testref.ProcessCPU()-cpu).Nanoseconds())/float64(n), "cpu-ns/op")
}

// BenchmarkReads requests each of the load mix's reads but the exports
// (see BenchmarkExport) from a store of 10,000 generated events, and
// reports process CPU time per request.
func BenchmarkReads(b *testing.B) {
	s := server.New(loadedStore(b, sqlite.Options{NoSync: true}), server.Options{})
	for i, target := range loadEndpoints {
		if strings.HasPrefix(target, "POST ") || strings.Contains(target, "/export/") {
			continue
		}
		b.Run(fmt.Sprint(i), func(b *testing.B) {
			cpu := testref.ProcessCPU()
			for b.Loop() {
				if r := get(b, s, target); r.status != http.StatusOK {
					b.Fatalf("%s: %d %s", target, r.status, r.body)
				}
			}
			b.ReportMetric(float64((testref.ProcessCPU()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}
