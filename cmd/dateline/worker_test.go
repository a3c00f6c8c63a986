package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/dateline-project/dateline/internal/queue"
	"github.com/dateline-project/dateline/internal/queue/queuetest"
	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/open"
	"github.com/dateline-project/dateline/internal/store/postgres/pgtest"
)

// queueGuard is the failure guard of the waits below, which poll a
// condition: a run that has not met it after this long is stuck.
const queueGuard = 10 * time.Minute

func pollUntil(t *testing.T, what string, exited <-chan struct{}, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(queueGuard)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-exited:
			t.Fatalf("the worker exited while waiting for %s", what)
		case <-tick.C:
		}
		if time.Now().After(deadline) {
			t.Fatalf("still waiting for %s after %s", what, queueGuard)
		}
	}
}

var (
	queuedLine = regexp.MustCompile(`msg=done queued=(\d+) already_queued=(\d+) skipped=(\d+)`)
	workerDone = regexp.MustCompile(`msg=done new=(\d+) unchanged=(\d+) retried=(\d+) dead=(\d+)`)
)

func atoiAll(t *testing.T, re *regexp.Regexp, s string) []int {
	t.Helper()
	m := re.FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no %s in %q", re, s)
	}
	out := make([]int, len(m)-1)
	for i := range out {
		out[i], _ = strconv.Atoi(m[i+1])
	}
	return out
}

// startWorkerProc runs `dateline worker` as a process of its own, so that
// it can be killed with SIGKILL.
func startWorkerProc(t *testing.T, bin, url, db string, flags ...string) (*exec.Cmd, *syncBuffer, chan struct{}) {
	t.Helper()
	args := append([]string{"worker", "--nats", url, "--db", db, "--batch", "16", "--workers", "1",
		"--ack-wait", "3s", "--max-wait", "200ms", "--metrics-addr", ""}, flags...)
	cmd := exec.Command(bin, args...)
	errb := &syncBuffer{}
	cmd.Stderr = errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})
	return cmd, errb, exited
}

// TestWorker_KillNine queues a corpus with `ingest --nats` (one record of
// it malformed, which must give exit status 1 as ingest does), kills a
// worker with SIGKILL mid-run, starts another, and stops that one with
// SIGTERM once the queue is empty. Every document must be stored once,
// coded exactly as `ingest` codes it into a database of its own.
// It runs on SQLite, and on PostgreSQL when the tests have one
// (DATELINE_TEST_POSTGRES; .ci/run starts it).
func TestWorker_KillNine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and codes a thousand documents")
	}
	bin := buildBinary(t)
	t.Run("sqlite", func(t *testing.T) {
		dir := t.TempDir()
		db := filepath.Join(dir, "queue.db")
		corpus, bad := killNine(t, bin, dir, db, 1000, func() (int, error) { return countDocs(db) })
		clean := filepath.Join(dir, "clean.db")
		if out, err := exec.Command(bin, "ingest", "--dedup=false", "--db", clean, corpus, bad).CombinedOutput(); exitCode(err) != exitSkipped {
			t.Fatalf("clean ingest: %v\n%s", err, out)
		}
		gotN, got := dbSnapshot(t, db)
		_, want := dbSnapshot(t, clean)
		if gotN != 1001 {
			t.Errorf("%d documents stored, want %d", gotN, 1001)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("the workers' database differs from ingest's (per-document event, quote and place counts)")
		}
	})
	t.Run("postgres", func(t *testing.T) {
		dsn, _ := pgtest.Schema(t)
		killNine(t, bin, t.TempDir(), dsn, 400, storeCounter(t, dsn))
	})
}

// storeCounter counts the documents in the store dsn names, opening it on
// the first call that finds it (the first worker creates it) and keeping
// it open: a PostgreSQL pool reconnects by itself after an outage.
func storeCounter(t *testing.T, dsn string) func() (int, error) {
	var db store.Store
	t.Cleanup(func() {
		if db != nil {
			db.Close()
		}
	})
	return func() (int, error) {
		ctx := context.Background()
		if db == nil {
			d, err := open.Open(ctx, dsn, open.Options{})
			if err != nil {
				return 0, err
			}
			db = d
		}
		st, err := db.Stats(ctx)
		return st.Documents, err
	}
}

// killNine queues n good documents and a malformed one, runs a worker
// into db, kills it with SIGKILL once 100 documents are stored, and runs
// another until the queue is empty. It returns the input files.
func killNine(t *testing.T, bin, dir, db string, n int, count func() (int, error)) (corpus, bad string) {
	srv := queuetest.Start(t)
	corpus = filepath.Join(dir, "corpus.jsonl")
	writeSyndicatedCorpus(t, corpus, n, 200, 0)
	bad = filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"id":"extra-1","text":"Officials met in Lima on Monday to discuss the dispute."}`+"\n"+`{"id":"broken","text":`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "ingest", "--nats", srv.URL(), corpus, bad).CombinedOutput()
	if code := exitCode(err); code != exitSkipped {
		t.Fatalf("ingest --nats exit %d, want %d: %s", code, exitSkipped, out)
	}
	if !regexp.MustCompile(`bad\.jsonl:2`).Match(out) {
		t.Errorf("the skipped record is not named with its file and line: %s", out)
	}
	if got := atoiAll(t, queuedLine, string(out)); got[0] != n+1 || got[2] != 1 {
		t.Fatalf("queued %d (skipped %d), want %d (1)", got[0], got[2], n+1)
	}

	cmd, _, exited := startWorkerProc(t, bin, srv.URL(), db)
	var atKill int
	pollUntil(t, "100 documents stored", exited, func() bool {
		got, err := count()
		atKill = got
		return err == nil && got >= 100
	})
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-exited
	afterKill, err := count()
	if err != nil {
		t.Fatalf("database unreadable after kill -9: %v", err)
	}

	cmd2, errb2, exited2 := startWorkerProc(t, bin, srv.URL(), db, "--metrics-addr", "127.0.0.1:0")
	var metricsURL string
	select {
	case metricsURL = <-errb2.await(regexp.MustCompile(`msg=metrics url=(\S+)`)):
	case <-exited2:
		t.Fatalf("worker exited: %s", errb2.String())
	}
	var scraped string
	drainAndStop(t, srv, cmd2, errb2, exited2, n+1, count, func() {
		resp, err := http.Get(metricsURL)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		scraped = string(b)
	})
	c := atoiAll(t, workerDone, errb2.String())
	t.Logf("kill -9 with %d stored (%d seen before the kill) of %d; the second worker stored %d new, found %d already stored (redelivered)",
		afterKill, atKill, n+1, c[0], c[1])
	// The metrics agree with the log: documents committed (new and found
	// stored after coding, not those found stored before), an empty queue.
	coded := regexp.MustCompile(`(?m)^dateline_documents_coded_total (\d+)$`).FindStringSubmatch(scraped)
	if coded == nil || !strings.Contains(scraped, "dateline_queue_lag_messages 0\n") || !strings.Contains(scraped, "dateline_batch_seconds_count ") {
		t.Errorf("worker /metrics lacks the coded count, a zero lag or the batch histogram:\n%s", scraped)
	} else if got, _ := strconv.Atoi(coded[1]); got < c[0] || got > c[0]+c[1] {
		t.Errorf("dateline_documents_coded_total %d, want between %d and %d", got, c[0], c[0]+c[1])
	}
	if c[0] != n+1-afterKill {
		t.Errorf("second worker stored %d new, want %d = %d - %d stored before the kill", c[0], n+1-afterKill, n+1, afterKill)
	}

	if got, err := count(); err != nil || got != n+1 {
		t.Errorf("%d documents stored (%v), want %d", got, err, n+1)
	}
	return corpus, bad
}

// workersConsumer returns the workers' consumer on srv, to read how much
// work is left.
func workersConsumer(t *testing.T, srv *queuetest.Server) jetstream.Consumer {
	t.Helper()
	_, js := srv.Client(t)
	cons, err := js.Consumer(context.Background(), "DATELINE", "workers")
	if err != nil {
		t.Fatal(err)
	}
	return cons
}

// drainAndStop waits until count reaches want and the queue is empty,
// then stops the worker with SIGTERM, which must end it with status 0.
// Each of beforeStop runs once the queue is empty, before the signal.
func drainAndStop(t *testing.T, srv *queuetest.Server, cmd *exec.Cmd, errb *syncBuffer, exited chan struct{}, want int, count func() (int, error), beforeStop ...func()) {
	t.Helper()
	cons := workersConsumer(t, srv)
	pollUntil(t, "every document stored and the queue empty", exited, func() bool {
		got, err := count()
		if err != nil || got < want {
			return false
		}
		left, err := queue.Pending(context.Background(), cons)
		return err == nil && left == 0
	})
	for _, f := range beforeStop {
		f()
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	<-exited
	if code := cmd.ProcessState.ExitCode(); code != exitOK {
		t.Errorf("worker after SIGTERM: exit %d\n%s", code, errb.String())
	}
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return -1
}
