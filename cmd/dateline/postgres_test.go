package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/store/postgres/pgtest"
)

// TestPostgres_IngestServe runs ingest and serve on a PostgreSQL --db as
// on a SQLite one: serve refuses a database without tables unless
// --create, ingest creates them and is idempotent, and serve answers from
// what ingest stored.
func TestPostgres_IngestServe(t *testing.T) {
	dsn, _ := pgtest.Schema(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	writeCorpus(t, corpus, 12, 60)

	if _, errOut, code := runCmd(t, "", "serve", "--db", dsn, "--addr", "127.0.0.1:0"); code != exitUsage || !strings.Contains(errOut, "--create") {
		t.Errorf("serve of a database without tables: exit %d, want %d: %s", code, exitUsage, errOut)
	}
	_, errOut, code := runCmd(t, "", "ingest", corpus, "--db", dsn, "--batch", "5")
	if code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}
	if n, u, s := parseDone(t, errOut); n != 12 || u != 0 || s != 0 {
		t.Errorf("first run new/unchanged/skipped = %d/%d/%d", n, u, s)
	}
	_, errOut, code = runCmd(t, "", "ingest", corpus, "--db", dsn)
	if n, u, _ := parseDone(t, errOut); code != exitOK || n != 0 || u != 12 {
		t.Errorf("second run exit %d new/unchanged = %d/%d: %s", code, n, u, errOut)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--db", dsn, "--addr", "127.0.0.1:0", "--workers", "1"},
			&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errb})
	}()
	var base string
	select {
	case base = <-errb.await(regexp.MustCompile(`url=(http://\S+/)`)):
	case code := <-done:
		t.Fatalf("serve exited with %d before it reported its address: %s", code, errb.String())
	}
	resp, err := http.Get(base + "api/stats")
	if err != nil {
		t.Fatal(err)
	}
	var st struct{ Documents, Events int }
	err = json.NewDecoder(resp.Body).Decode(&st)
	resp.Body.Close()
	if err != nil || st.Documents != 12 || st.Events == 0 {
		t.Errorf("stats %+v, %v; want the 12 documents and their events", st, err)
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("serve exit %d: %s", code, errb.String())
	}
}
