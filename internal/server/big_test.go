package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/server"
	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/postgres"
	"github.com/dateline-project/dateline/internal/store/postgres/pgtest"
	"github.com/dateline-project/dateline/internal/store/sqlite"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// analyzer is a store that can refresh its planner's statistics, as both
// backends can.
type analyzer interface {
	store.Store
	Analyze(ctx context.Context) error
}

// bulkLoad fills db with synthetic documents until it holds at least
// events events, in large transactions: the fast path for test data, not
// the ingest path.
func bulkLoad(tb testing.TB, db analyzer, events, perDoc int) {
	tb.Helper()
	ctx := context.Background()
	st, err := db.Stats(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	gen := storetest.NewGenerator(1, perDoc)
	// Skip what an earlier, reused load already stored.
	for i := 0; i < st.Documents; i++ {
		gen.Next()
	}
	batch := make([]store.Document, 0, 2000)
	start := time.Now()
	for have := st.Events; have < events; {
		batch = batch[:0]
		for len(batch) < cap(batch) && have < events {
			d := gen.Next()
			batch = append(batch, d)
			have += len(d.Record.Events)
		}
		if _, err := db.PutDocuments(ctx, batch); err != nil {
			tb.Fatal(err)
		}
	}
	if err := db.Analyze(ctx); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("loaded to %d events in %s", events, time.Since(start).Round(time.Millisecond))
}

// bigQueries are the /api/events requests the latency figure is taken
// over: single filters, combinations, full text, and deep pages.
var bigQueries = []string{
	"",
	"type=ASSAULT",
	"type=PROTEST,COERCE",
	"quad=material%20conflict&from=2022-03-01&to=2022-03-28",
	"actor_country=UKR",
	"actor_country=RUS&recipient_country=UKR",
	"recipient_country=KEN&type=AID",
	"actor_sector=MIL&claimed=true",
	"mode=violence",
	"from=2021-06-01&to=2021-06-07",
	"place=Kyiv",
	"bbox=20,40,45,55",
	"actor_name=NGA%20REB",
	"q=00012345",
	"type=ASSAULT&actor_country=RUS&from=2023-01-01",
	"limit=500&quad=verbal%20cooperation",
}

func percentile(d []time.Duration, p float64) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	i := int(p * float64(len(s)-1))
	return s[i]
}

// bigEvents is the number of events the latency tests load: 1,000,000,
// or DATELINE_BIG_EVENTS. They run only with DATELINE_BIG_BENCH=1.
func bigEvents(t *testing.T) int {
	if os.Getenv("DATELINE_BIG_BENCH") != "1" {
		t.Skip("set DATELINE_BIG_BENCH=1 to load 1M events and measure /api/events latency")
	}
	if s := os.Getenv("DATELINE_BIG_EVENTS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	return 1_000_000
}

// TestBigEventsLatency loads 1,000,000 synthetic events (or
// DATELINE_BIG_EVENTS) into SQLite and reports the p50/p95 latency of
// /api/events under a mix of filters, following each first page with the
// next page. It runs only with DATELINE_BIG_BENCH=1; DATELINE_BIG_DB names
// a database file to keep between runs (the load takes minutes).
func TestBigEventsLatency(t *testing.T) {
	events := bigEvents(t)
	path := os.Getenv("DATELINE_BIG_DB")
	if path == "" {
		path = filepath.Join(t.TempDir(), "big.db")
	}
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	bulkLoad(t, db, events, 10)
	eventsLatency(t, "SQLite", db, events)
}

// TestBigEventsLatency_Postgres is TestBigEventsLatency on PostgreSQL,
// in the database DATELINE_TEST_POSTGRES names: in a schema of the
// test's own, or in DATELINE_BIG_PG_SCHEMA's, which is kept between runs.
func TestBigEventsLatency_Postgres(t *testing.T) {
	events := bigEvents(t)
	dsn, schema := pgtest.DSN(t), os.Getenv("DATELINE_BIG_PG_SCHEMA")
	if schema == "" {
		_, schema = pgtest.Schema(t)
	}
	db, err := postgres.Open(context.Background(), dsn, postgres.Options{Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	bulkLoad(t, db, events, 10)
	eventsLatency(t, "PostgreSQL", db, events)
}

// eventsLatency measures /api/events over st with bigQueries.
func eventsLatency(t *testing.T, backend string, st store.Store, events int) {
	s := server.New(st, server.Options{})
	call := func(target string) (time.Duration, *http.Response, []byte) {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		rec := httptest.NewRecorder()
		start := time.Now()
		s.ServeHTTP(rec, req)
		return time.Since(start), rec.Result(), rec.Body.Bytes()
	}
	var all []time.Duration
	const rounds = 20
	for _, q := range bigQueries {
		var lat []time.Duration
		var rows int
		for r := 0; r < rounds; r++ {
			d, resp, body := call("/api/events?" + q)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d %s", q, resp.StatusCode, body)
			}
			lat = append(lat, d)
			var page eventsPage
			mustJSON(t, body, &page)
			rows = len(page.Events)
			if page.Next != nil {
				d, resp, body = call("/api/events?" + q + "&cursor=" + *page.Next)
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("%s page 2: %d %s", q, resp.StatusCode, body)
				}
				lat = append(lat, d)
			}
		}
		all = append(all, lat...)
		t.Logf("%-60s rows %3d  p50 %6.2f ms  p95 %6.2f ms", q, rows, ms(percentile(lat, .5)), ms(percentile(lat, .95)))
	}
	fmt.Printf("BIG %s /api/events over %d events: %d requests, p50 %.2f ms, p95 %.2f ms, max %.2f ms\n",
		backend, events, len(all), ms(percentile(all, .5)), ms(percentile(all, .95)), ms(percentile(all, 1)))
	// The dashboard's aggregates, unfiltered (which SQLite answers from
	// its trigger-kept tables) and filtered (a GROUP BY over the matches
	// in either store).
	for _, target := range []string{"/api/stats", "/api/stats/timeline?by=type", "/api/actors/network", "/api/places",
		"/api/stats/timeline?by=quad&actor_country=RUS", "/api/actors/network?type=ASSAULT", "/api/places?from=2022-01-01&to=2022-12-28"} {
		var lat []time.Duration
		for r := 0; r < 5; r++ {
			d, resp, body := call(target)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d %s", target, resp.StatusCode, body)
			}
			lat = append(lat, d)
		}
		fmt.Printf("BIG %s %-50s p50 %8.2f ms  max %8.2f ms\n", backend, target, ms(percentile(lat, .5)), ms(percentile(lat, 1)))
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func mustJSON(t testing.TB, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decode: %v", err)
	}
}
