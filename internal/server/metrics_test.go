package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/metrics"
	"github.com/dateline-project/dateline/internal/server"
)

// TestMetrics checks that /metrics serves the Prometheus text format and
// counts posted documents, coding failures and store writes, from a
// registry of the server's own.
func TestMetrics(t *testing.T) {
	reg := metrics.NewRegistry()
	s, _ := newServer(t, server.Options{Metrics: metrics.NewCoding(reg), MetricsHandler: metrics.Handler(reg)})
	body := `[{"id":"m1","text":"Officials met in Lima."},{"id":"m2","text":"FAIL here"},{"id":"m3","text":"Talks resumed in Quito."}]`
	if r := do(t, s, http.MethodPost, "/api/documents", strings.NewReader(body), "Content-Type", "application/json"); r.status != http.StatusCreated {
		t.Fatalf("POST: %d %s", r.status, r.body)
	}
	r := get(t, s, "/metrics")
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") {
		t.Fatalf("GET /metrics: %d %s", r.status, r.header.Get("Content-Type"))
	}
	for _, want := range []string{
		"dateline_documents_coded_total 2\n",
		`dateline_errors_total{kind="code"} 1` + "\n",
		`dateline_errors_total{kind="store"} 0` + "\n",
		"dateline_store_write_seconds_count 1\n",
		"dateline_batch_seconds_count 1\n",
		"go_goroutines ",
	} {
		if !strings.Contains(string(r.body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	// A server built without metrics has no /metrics page of its own.
	plain, _ := newServer(t, server.Options{})
	if r := get(t, plain, "/metrics"); strings.Contains(string(r.body), "dateline_documents_coded_total") {
		t.Error("a server without MetricsHandler serves metrics")
	}
}
