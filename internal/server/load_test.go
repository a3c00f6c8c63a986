package server_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/server"
	"github.com/dateline-project/dateline/internal/store/sqlite"
	"github.com/dateline-project/dateline/internal/testref"
)

// loadEndpoints are the twelve endpoints of the load mix: the dashboard's
// reads, a document, the exports and a write.
var loadEndpoints = []string{
	"/api/events?limit=50",
	"/api/events?type=ASSAULT&limit=50",
	"/api/events?actor_country=RUS&from=2022-01-01&limit=50",
	"/api/stats",
	"/api/stats/timeline",
	"/api/actors/network",
	"/api/places",
	"/api/quotes?limit=50",
	"/api/documents/gen-00000042",
	"/api/export/events.csv?type=PROTEST",
	"/api/export/events.geojson?actor_country=UKR",
	"POST /api/documents",
}

// TestLoadMix is the load probe as a benchmark: over loopback, 8
// clients send 3,000 requests across twelve endpoints while an ingest
// posts documents, and it reports errors and p50/p95 latency per
// endpoint. It asserts no errors only; latency is a figure to read, not a
// timed test. It runs with DATELINE_BIG_BENCH=1 (DATELINE_LOAD_EVENTS sets
// the store's size, 200,000 events by default).
func TestLoadMix(t *testing.T) {
	if os.Getenv("DATELINE_BIG_BENCH") != "1" {
		t.Skip("set DATELINE_BIG_BENCH=1 to run the load mix")
	}
	events := 200_000
	if s := os.Getenv("DATELINE_LOAD_EVENTS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		events = n
	}
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "load.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	bulkLoad(t, db, events, 10)
	s := server.New(db, server.Options{Coder: fakeCoder{}, MaxClientWrites: 64})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(s.Handler(ln.Addr().String()))
	srv.Listener = ln
	srv.Start()
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}

	do := func(ep string, n int) (time.Duration, error) {
		method, path := http.MethodGet, ep
		var body io.Reader
		if strings.HasPrefix(ep, "POST ") {
			method, path = http.MethodPost, strings.TrimPrefix(ep, "POST ")
			body = strings.NewReader(fmt.Sprintf(`{"id":"load-%d","text":"KYIV, May 2 - Ukraine said talks would resume, report %d."}`, n, n))
		}
		req, err := http.NewRequest(method, srv.URL+path, body)
		if err != nil {
			return 0, err
		}
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode >= 300 {
			return 0, fmt.Errorf("%s: %d", ep, resp.StatusCode)
		}
		return time.Since(start), nil
	}

	// The ingest: a stream of posted batches for as long as the clients run.
	stop := make(chan struct{})
	ingested := 0
	var ingestWG sync.WaitGroup
	ingestWG.Add(1)
	go func() {
		defer ingestWG.Done()
		for n := 0; ; n++ {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := do("POST /api/documents", 1_000_000+n); err != nil {
				t.Errorf("ingest: %v", err)
				return
			}
			ingested++
		}
	}()

	const clients, requests = 8, 3000
	cpu := testref.ProcessCPU()
	lat := make([][]time.Duration, len(loadEndpoints))
	var mu sync.Mutex
	var errs []error
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := c; i < requests; i += clients {
				ep := i % len(loadEndpoints)
				d, err := do(loadEndpoints[ep], i)
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				} else {
					lat[ep] = append(lat[ep], d)
				}
				mu.Unlock()
			}
		}(c)
	}
	wg.Wait()
	close(stop)
	ingestWG.Wait()
	cpu = testref.ProcessCPU() - cpu
	for _, err := range errs[:min(len(errs), 10)] {
		t.Error(err)
	}
	var all []time.Duration
	for i, ep := range loadEndpoints {
		if len(lat[i]) == 0 {
			continue
		}
		all = append(all, lat[i]...)
		fmt.Printf("LOAD %-48s n %4d  p50 %7.2f ms  p95 %7.2f ms\n", ep, len(lat[i]), ms(percentile(lat[i], .5)), ms(percentile(lat[i], .95)))
	}
	if len(all) == 0 {
		return
	}
	// The process's CPU time over the run (clients and ingest included)
	// compares builds where other processes make latencies noisy.
	fmt.Printf("LOAD all: %d requests, %d errors, p50 %.2f ms, p95 %.2f ms over %d events; process CPU %.1f s, %d documents ingested\n",
		len(all), len(errs), ms(percentile(all, .5)), ms(percentile(all, .95)), events, cpu.Seconds(), ingested)
}
