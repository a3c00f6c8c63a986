package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/dateline-project/dateline/internal/queue/queuetest"
)

// pgCluster is a PostgreSQL cluster of the test's own, which it may stop
// and start: the shared test cluster of .ci/run cannot be stopped under
// the other packages' tests.
type pgCluster struct {
	t      *testing.T
	bin    string
	dir    string
	asUser []string
}

// startCluster initdb's and starts a cluster listening on a Unix socket
// only, or skips the test when PostgreSQL is not installed.
func startCluster(t *testing.T) *pgCluster {
	t.Helper()
	bin := ""
	if p, err := exec.LookPath("initdb"); err == nil {
		bin = filepath.Dir(p)
	} else if m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb"); len(m) > 0 {
		bin = filepath.Dir(m[len(m)-1])
	}
	if bin == "" {
		t.Skip("PostgreSQL is not installed (initdb not found); .ci/run installs Debian's postgresql")
	}
	// Not t.TempDir: its parents are private to root, and PostgreSQL
	// refuses to run as root, so the cluster runs as the postgres user.
	dir, err := os.MkdirTemp("", "dateline-outage-")
	if err != nil {
		t.Fatal(err)
	}
	c := &pgCluster{t: t, bin: bin, dir: dir}
	t.Cleanup(func() {
		c.pgctl("-m", "immediate", "stop")
		os.RemoveAll(dir)
	})
	if os.Geteuid() == 0 {
		if out, err := exec.Command("chown", "postgres", dir).CombinedOutput(); err != nil {
			t.Skipf("cannot hand the cluster directory to the postgres user: %v %s", err, out)
		}
		c.asUser = []string{"runuser", "-u", "postgres", "--"}
	}
	if out, err := c.command(filepath.Join(bin, "initdb"), "-D", filepath.Join(dir, "data"), "-U", "postgres", "--auth=trust",
		"--encoding=UTF8", "--locale=C.UTF-8").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	c.start()
	return c
}

func (c *pgCluster) command(name string, args ...string) *exec.Cmd {
	all := append(append(append([]string{}, c.asUser...), name), args...)
	return exec.Command(all[0], all[1:]...)
}

func (c *pgCluster) pgctl(args ...string) ([]byte, error) {
	base := []string{"-D", filepath.Join(c.dir, "data"), "-l", filepath.Join(c.dir, "server.log"), "-w"}
	return c.command(filepath.Join(c.bin, "pg_ctl"), append(base, args...)...).CombinedOutput()
}

// start starts the server and waits until it accepts connections (pg_ctl
// -w waits for that itself).
func (c *pgCluster) start() {
	c.t.Helper()
	if out, err := c.pgctl("-o", "-c listen_addresses='' -c unix_socket_directories='"+c.dir+"' -c fsync=off", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.dir, "server.log"))
		c.t.Fatalf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
}

// stop stops the server, ending its connections, as a crash or an
// operator's restart would.
func (c *pgCluster) stop() {
	c.t.Helper()
	if out, err := c.pgctl("-m", "fast", "stop"); err != nil {
		c.t.Fatalf("pg_ctl stop: %v\n%s", err, out)
	}
}

func (c *pgCluster) dsn() string { return "postgres://postgres@/postgres?host=" + c.dir }

// TestWorker_StoreOutage stops PostgreSQL under a running worker and
// starts it again: the worker retries its batch with backoff, and every
// document ends in the database exactly once.
func TestWorker_StoreOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs PostgreSQL and NATS")
	}
	pg := startCluster(t)
	bin := buildBinary(t)
	srv := queuetest.Start(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	const n = 600
	writeSyndicatedCorpus(t, corpus, n, 200, 0)
	if out, err := exec.Command(bin, "ingest", "--nats", srv.URL(), corpus).CombinedOutput(); err != nil {
		t.Fatalf("ingest --nats: %v\n%s", err, out)
	}
	count := storeCounter(t, pg.dsn())

	cmd, errb, exited := startWorkerProc(t, bin, srv.URL(), pg.dsn())
	var atStop int
	pollUntil(t, "50 documents stored", exited, func() bool {
		got, err := count()
		atStop = got
		return err == nil && got >= 50
	})
	pg.stop()
	// Wait until the worker has met the outage, on its own log line.
	select {
	case <-errb.await(regexp.MustCompile(`store write failed; retrying`)):
	case <-exited:
		t.Fatalf("the worker exited during the outage:\n%s", errb.String())
	}
	pg.start()

	drainAndStop(t, srv, cmd, errb, exited, n, count)
	got, err := count()
	if err != nil {
		t.Fatal(err)
	}
	c := atoiAll(t, workerDone, errb.String())
	retries := atoiAll(t, regexp.MustCompile(`store_retries=(\d+)`), errb.String())[0]
	t.Logf("PostgreSQL stopped with %d of %d stored; after restart %d stored; worker: new %d, unchanged %d, store retries %d",
		atStop, n, got, c[0], c[1], retries)
	if got != n || c[0] != n {
		t.Errorf("%d documents stored, worker counted %d new; want %d", got, c[0], n)
	}
	if retries == 0 {
		t.Error("the worker never retried a store write, so the outage was not tested")
	}
}
