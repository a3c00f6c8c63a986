package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/queue"
	"github.com/dateline-project/dateline/internal/queue/queuetest"
	"github.com/dateline-project/dateline/internal/store/postgres/pgtest"
)

// TestQueueScaling measures, in one run, what the queue path costs next to
// plain `ingest` into SQLite, and how throughput grows from one worker to
// two. It is a benchmark, not a test: it asserts only that every document
// was stored, and runs only with DATELINE_QUEUE_BENCH=1
// (DATELINE_QUEUE_BENCH_DOCS sets the corpus size, default 800).
//
// Costs are process CPU time (user + system, from the kernel's rusage of
// each process), never wall time, so that a loaded machine changes them
// little. Throughput is documents over wall time, the one figure that
// must be wall time; the ratio of two such runs side by side is what is
// reported. Each coding process runs one coding goroutine (--workers 1),
// so that two workers on two cores are two units of the same size. The
// coder's load (a few CPU seconds per process, paid once) is left out of
// the per-document costs: it is read from each worker when it logs
// "working", and for ingest it is taken to be the same as the worker's.
func TestQueueScaling(t *testing.T) {
	if os.Getenv("DATELINE_QUEUE_BENCH") == "" {
		t.Skip("a benchmark: set DATELINE_QUEUE_BENCH=1 to run it")
	}
	n := 800
	if s := os.Getenv("DATELINE_QUEUE_BENCH_DOCS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	writeSyndicatedCorpus(t, corpus, n, 400, 0)

	// Plain ingest, near-duplicate detection off as in the workers.
	ing := exec.Command(bin, "ingest", "--dedup=false", "--workers", "1", "--db", filepath.Join(dir, "plain.db"), corpus)
	start := time.Now()
	if out, err := ing.CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	ingestWall := time.Since(start)
	ingestCPU := procCPU(ing.ProcessState)

	type result struct {
		wall, load, workCPU, pubCPU, natsCPU, pgCPU time.Duration
	}
	// sqliteStore is a fresh SQLite file; postgresStore a fresh schema
	// in DATELINE_TEST_POSTGRES's database, whose server's CPU is read
	// from /proc (the processes named postgres: a private cluster, such
	// as .ci/postgres.sh starts, for a clean figure).
	sqliteStore := func() (string, func() (int, error)) {
		db := filepath.Join(t.TempDir(), "q.db")
		return db, func() (int, error) { return countDocs(db) }
	}
	postgresStore := func() (string, func() (int, error)) {
		dsn, _ := pgtest.Schema(t)
		return dsn, storeCounter(t, dsn)
	}
	runQueue := func(workers int, newStore func() (string, func() (int, error))) result {
		srv := queuetest.Start(t)
		db, count := newStore()
		var r result
		var procs []*exec.Cmd
		var exits []chan struct{}
		for i := 0; i < workers; i++ {
			cmd, errb, exited := startWorkerProc(t, bin, srv.URL(), db)
			select {
			case <-errb.await(regexp.MustCompile(`msg=working`)):
			case <-exited:
				t.Fatalf("worker exited: %s", errb.String())
			}
			r.load += pidCPU(t, cmd.Process.Pid)
			procs = append(procs, cmd)
			exits = append(exits, exited)
		}
		cons := workersConsumer(t, srv)
		pgStart := postgresCPU()
		selfStart := processCPU()
		start := time.Now()
		pub := exec.Command(bin, "ingest", "--nats", srv.URL(), corpus)
		if out, err := pub.CombinedOutput(); err != nil {
			t.Fatalf("ingest --nats: %v\n%s", err, out)
		}
		r.pubCPU = procCPU(pub.ProcessState)
		// Poll the queue, not the database, so that the test process's
		// CPU is mostly the NATS server's.
		for {
			left, err := queue.Pending(context.Background(), cons)
			if err == nil && left == 0 {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		r.wall = time.Since(start)
		r.natsCPU = processCPU() - selfStart
		r.pgCPU = postgresCPU() - pgStart
		for i, cmd := range procs {
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			<-exits[i]
			r.workCPU += procCPU(cmd.ProcessState)
		}
		r.workCPU -= r.load
		if got, err := count(); err != nil || got != n {
			t.Fatalf("%d documents stored (%v), want %d", got, err, n)
		}
		return r
	}
	// One and two workers alternate, twice, so that a change in the
	// machine's load during the run falls on both alike.
	var runs [2][]result
	for _, w := range []int{1, 2, 1, 2} {
		runs[w-1] = append(runs[w-1], runQueue(w, sqliteStore))
	}
	// The same into PostgreSQL, when the tests have one.
	var pgRuns [2][]result
	if os.Getenv(pgtest.Env) != "" {
		for _, w := range []int{1, 2, 1, 2} {
			pgRuns[w-1] = append(pgRuns[w-1], runQueue(w, postgresStore))
		}
	}

	per := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(n) }
	ingestWork := ingestCPU - runs[0][0].load
	var b strings.Builder
	fmt.Fprintf(&b, "%d documents of about 400 words; CPU ms per document (coder load excluded)\n", n)
	fmt.Fprintf(&b, "ingest into SQLite:  %.2f ms/doc CPU, %.1f docs/s wall (coder load %.1fs CPU)\n", per(ingestWork), float64(n)/ingestWall.Seconds(), runs[0][0].load.Seconds())
	for i, rs := range runs {
		for _, r := range rs {
			total := r.workCPU + r.pubCPU + r.natsCPU
			fmt.Fprintf(&b, "queue, %d worker(s): %.2f ms/doc CPU (workers %.2f, publisher %.2f, nats-server %.2f) = %.2fx ingest; %.1f docs/s wall\n",
				i+1, per(total), per(r.workCPU), per(r.pubCPU), per(r.natsCPU), float64(total)/float64(ingestWork), float64(n)/r.wall.Seconds())
		}
	}
	for i := range runs[0] {
		fmt.Fprintf(&b, "throughput 2 workers / 1 worker, pair %d: %.2f\n", i+1, runs[0][i].wall.Seconds()/runs[1][i].wall.Seconds())
	}
	for i, rs := range pgRuns {
		for _, r := range rs {
			total := r.workCPU + r.pubCPU + r.natsCPU + r.pgCPU
			fmt.Fprintf(&b, "queue into PostgreSQL, %d worker(s): %.2f ms/doc CPU (workers %.2f, publisher %.2f, nats-server %.2f, postgres %.2f) = %.2fx ingest; %.1f docs/s wall\n",
				i+1, per(total), per(r.workCPU), per(r.pubCPU), per(r.natsCPU), per(r.pgCPU), float64(total)/float64(ingestWork), float64(n)/r.wall.Seconds())
		}
	}
	for i := range pgRuns[0] {
		fmt.Fprintf(&b, "PostgreSQL throughput 2 workers / 1 worker, pair %d: %.2f\n", i+1, pgRuns[0][i].wall.Seconds()/pgRuns[1][i].wall.Seconds())
	}
	t.Log("\n" + b.String())
}

// postgresCPU is the CPU time of the processes named postgres that are
// running (a PostgreSQL server's postmaster and backends): summed before
// and after a run, the difference is the server's share, less what
// backends that ended in between used.
func postgresCPU() time.Duration {
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	var total time.Duration
	for _, p := range procs {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		open, end := strings.IndexByte(string(b), '('), strings.LastIndexByte(string(b), ')')
		if open < 0 || end < open || string(b[open+1:end]) != "postgres" {
			continue
		}
		f := strings.Fields(string(b[end+2:]))
		utime, _ := strconv.Atoi(f[11])
		stime, _ := strconv.Atoi(f[12])
		total += time.Duration(utime+stime) * 10 * time.Millisecond
	}
	return total
}

// procCPU is a finished process's CPU time.
func procCPU(ps *os.ProcessState) time.Duration { return ps.UserTime() + ps.SystemTime() }

// pidCPU reads a running process's CPU time from /proc (in the kernel's
// clock ticks, 100 a second on Linux).
func pidCPU(t *testing.T, pid int) time.Duration {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Skipf("no /proc to read a running process's CPU time: %v", err)
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	return time.Duration(utime+stime) * 10 * time.Millisecond
}
