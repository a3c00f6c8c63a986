package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/dedup"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/pipeline"
	"github.com/dateline-project/dateline/internal/store/sqlite"
	"github.com/dateline-project/dateline/internal/synth"
)

// writeCorpus writes n synthetic articles of about words words as JSONL.
func writeCorpus(t testing.TB, path string, n, words int) {
	t.Helper()
	writeSyndicatedCorpus(t, path, n, words, 0)
}

// writeSyndicatedCorpus writes a corpus like writeCorpus's in which every
// copyEvery-th document (none when 0) is another outlet's copy of an
// earlier one, under its own id and headline, with the headline on top of
// the body and typographic quotes. Unlike syndicate's copies these keep
// every sentence: the generator's articles repeat their phrases so much
// that cutting one can take a copy below the threshold, and the corpus is
// meant to hold copies that are found for certain.
func writeSyndicatedCorpus(t testing.TB, path string, n, words, copyEvery int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	enc := json.NewEncoder(bw)
	gen := synth.New(7, words)
	var arts []synth.Article
	for i := 0; i < n; i++ {
		var a synth.Article
		if copyEvery > 0 && i%copyEvery == copyEvery-1 {
			// The earlier article is picked by a fixed stride, so the
			// corpus is the same every time.
			a = arts[(i*7919)%len(arts)]
			a.ID = fmt.Sprintf("copy-%d-of-%s", i, a.ID)
			a.Title = fmt.Sprintf("Copy %d: %s", i, a.Title)
			a.Text = retype(a.Title + "\n\n" + a.Text)
		} else {
			a = gen.Next()
			if copyEvery > 0 {
				arts = append(arts, a)
			}
		}
		if err := enc.Encode(map[string]string{"id": a.ID, "date": a.Published.Format("2006-01-02"), "title": a.Title, "text": a.Text}); err != nil {
			t.Fatal(err)
		}
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// dbSnapshot is what two databases must agree on: each document, its
// number of events, quotes and places, and the document it repeats.
func dbSnapshot(t testing.TB, path string) (docs int, perDoc []string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT d.doc_id,
		(SELECT count(*) FROM events e WHERE e.doc = d.id),
		(SELECT count(*) FROM quotes q WHERE q.doc = d.id),
		(SELECT count(*) FROM places p WHERE p.doc = d.id),
		coalesce(d.duplicate_of, '-')
		FROM documents d ORDER BY d.doc_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, dup string
		var e, q, p int
		if err := rows.Scan(&id, &e, &q, &p, &dup); err != nil {
			t.Fatal(err)
		}
		perDoc = append(perDoc, fmt.Sprintf("%s %d %d %d %s", id, e, q, p, dup))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return len(perDoc), perDoc
}

func countDocs(path string) (int, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	err = db.QueryRow("SELECT count(*) FROM documents").Scan(&n)
	return n, err
}

var doneLine = regexp.MustCompile(`msg=done new=(\d+) replaced=\d+ aliased=\d+ unchanged=(\d+) skipped=(\d+)`)

func parseDone(t testing.TB, stderr string) (n, u, s int) {
	t.Helper()
	m := doneLine.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no done line in %q", stderr)
	}
	fmt.Sscan(m[1], &n)
	fmt.Sscan(m[2], &u)
	fmt.Sscan(m[3], &s)
	return
}

func TestIngest_Idempotent(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	writeCorpus(t, corpus, 30, 80)
	dbPath := filepath.Join(dir, "d.db")

	_, errOut, code := runCmd(t, "", "ingest", corpus, "--db", dbPath, "--batch", "7")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n, u, s := parseDone(t, errOut); n != 30 || u != 0 || s != 0 {
		t.Errorf("first run new/unchanged/skipped = %d/%d/%d", n, u, s)
	}
	_, want := dbSnapshot(t, dbPath)

	// Again: nothing changes, everything is unchanged. Then from stdin
	// with the texts under new ids: each new id becomes an alias of the
	// stored document (issue #16), which adds no document or event.
	_, errOut, code = runCmd(t, "", "ingest", "--db", dbPath, corpus)
	if n, u, s := parseDone(t, errOut); code != exitOK || n != 0 || u != 30 || s != 0 {
		t.Errorf("second run exit %d new/unchanged/skipped = %d/%d/%d", code, n, u, s)
	}
	data, _ := os.ReadFile(corpus)
	renamed := strings.ReplaceAll(string(data), `"id":"synth-`, `"id":"other-`)
	_, errOut, code = runCmd(t, renamed, "ingest", "--db", dbPath, "-")
	if n, u, _ := parseDone(t, errOut); code != exitOK || n != 0 || u != 0 || !strings.Contains(errOut, "aliased=30") {
		t.Errorf("renamed run exit %d new/unchanged = %d/%d, want 30 aliased: %s", code, n, u, errOut)
	}
	if _, got := dbSnapshot(t, dbPath); !reflect.DeepEqual(got, want) {
		t.Errorf("database changed on re-ingest")
	}
}

func TestIngest_ExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"b","text":"First record."}`+"\n{not json\n"+`{"id":"c","text":"Third record."}`+"\n"), 0o644)
	dbPath := filepath.Join(dir, "d.db")
	for _, c := range []struct {
		name string
		args []string
		want int
	}{
		{"skipped record", []string{"ingest", "--db", dbPath, bad}, exitSkipped},
		{"unknown flag", []string{"ingest", "--nope"}, exitUsage},
		{"bad batch", []string{"ingest", "--batch", "0", bad}, exitUsage},
		{"unopenable db", []string{"ingest", "--db", filepath.Join(dir, "no", "such", "dir", "d.db"), bad}, exitFatal},
		{"database is a directory", []string{"ingest", "--db", dir, bad}, exitFatal},
		{"unknown format", []string{"ingest", "--db", dbPath, "--format", "pdf", bad}, exitUsage},
		{"zero --max-doc-bytes", []string{"ingest", "--db", dbPath, "--max-doc-bytes", "0", bad}, exitUsage},
	} {
		_, errOut, code := runCmd(t, "", c.args...)
		if code != c.want {
			t.Errorf("%s: exit %d, want %d: %s", c.name, code, c.want, errOut)
		}
	}
	if n, _ := countDocs(dbPath); n != 2 {
		t.Errorf("%d documents stored from bad.jsonl, want 2", n)
	}
}

// syncBuffer is an io.Writer safe to read while a command writes to it.
// Tests wait for what a command writes with await, on a channel rather
// than a clock, so a loaded machine slows them down but never fails them.
type syncBuffer struct {
	mu      sync.Mutex
	b       strings.Builder
	waiters []bufferWaiter
}

type bufferWaiter struct {
	re *regexp.Regexp
	ch chan string
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := s.b.Write(p)
	kept := s.waiters[:0]
	for _, w := range s.waiters {
		if !s.fire(w) {
			kept = append(kept, w)
		}
	}
	s.waiters = kept
	return n, err
}

// await returns a channel that receives the last submatch of re (or the
// whole match) once the buffer's text matches it.
func (s *syncBuffer) await(re *regexp.Regexp) <-chan string {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := bufferWaiter{re: re, ch: make(chan string, 1)}
	if !s.fire(w) {
		s.waiters = append(s.waiters, w)
	}
	return w.ch
}

func (s *syncBuffer) fire(w bufferWaiter) bool {
	m := w.re.FindStringSubmatch(s.b.String())
	if m == nil {
		return false
	}
	w.ch <- m[len(m)-1]
	return true
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServe_InProcess(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	writeCorpus(t, corpus, 5, 60)
	dbPath := filepath.Join(dir, "d.db")
	if _, errOut, code := runCmd(t, "", "ingest", corpus, "--db", dbPath); code != exitOK {
		t.Fatal(errOut)
	}
	if _, errOut, code := runCmd(t, "", "serve", "--db", dbPath, "--addr", "0.0.0.0:0"); code != exitUsage || !strings.Contains(errOut, "token") {
		t.Errorf("non-loopback without token: exit %d %s", code, errOut)
	}
	for _, bad := range [][]string{{"--allowed-host", "http://x.example/"}, {"--allowed-host", "x.example:99999"}, {"--max-client-writes", "-1"}} {
		if _, errOut, code := runCmd(t, "", append([]string{"serve", "--db", dbPath, "--addr", "127.0.0.1:0"}, bad...)...); code != exitUsage || !strings.Contains(errOut, bad[0]) {
			t.Errorf("serve %v: exit %d %s", bad, code, errOut)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--db", dbPath, "--addr", "127.0.0.1:0", "--workers", "1", "--allowed-host", "dateline.test", "--max-client-writes", "2"},
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
	var st struct{ Documents int }
	json.NewDecoder(resp.Body).Decode(&st)
	resp.Body.Close()
	if st.Documents != 5 {
		t.Errorf("stats documents = %d", st.Documents)
	}
	// --allowed-host adds a name; others are refused (DNS rebinding).
	for host, want := range map[string]int{"dateline.test": http.StatusOK, "attacker.example": http.StatusMisdirectedRequest} {
		req, _ := http.NewRequest(http.MethodGet, base+"api/stats", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
	resp, err = http.Post(base+"api/documents", "application/json", strings.NewReader(`{"id":"new","text":"KYIV, May 2 (Reuters) - Ukraine said talks would resume."}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Errorf("POST: %d", resp.StatusCode)
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("serve exit %d: %s", code, errb.String())
	}
	if fi, err := os.Stat(dbPath + "-wal"); err == nil && fi.Size() > 0 {
		t.Errorf("WAL left with %d bytes: the database was not closed cleanly", fi.Size())
	}
	if n, _ := countDocs(dbPath); n != 6 {
		t.Errorf("%d documents after POST, want 6", n)
	}
}

// buildBinary builds dateline once per test that needs a real process.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "dateline")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestIngest_CrashRecovery kills ingest with SIGKILL part-way, re-runs it,
// and checks the database equals that of one clean run: every document
// once, the same events, the same duplicate_of for the copies in the
// corpus (the re-run rebuilds its index from the store), and counts that
// add up.
func TestIngest_CrashRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests a few thousand documents")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	const n = 4000
	writeSyndicatedCorpus(t, corpus, n, 250, 8)
	crashDB, cleanDB := filepath.Join(dir, "crash.db"), filepath.Join(dir, "clean.db")

	cmd := exec.Command(bin, "ingest", "--db", crashDB, "--batch", "16", corpus)
	var errb syncBuffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	// Poll until enough is committed, or until ingest ends by itself; no
	// deadline, since a loaded machine may take any time to get there.
	var atKill int
	poll := time.NewTicker(5 * time.Millisecond)
	defer poll.Stop()
	for atKill == 0 {
		select {
		case <-exited:
			t.Fatalf("ingest ended before it could be killed: %s", errb.String())
		case <-poll.C:
			if got, err := countDocs(crashDB); err == nil && got >= 200 {
				atKill = got
			}
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-exited
	after, err := countDocs(crashDB)
	if err != nil {
		t.Fatalf("database unreadable after kill -9: %v", err)
	}
	if after >= n {
		t.Fatalf("ingest finished (%d docs) before it was killed; the corpus is too small for this machine", after)
	}
	t.Logf("killed with %d of %d documents committed (%d seen before the kill)", after, n, atKill)

	out, err := exec.Command(bin, "ingest", "--db", crashDB, corpus).CombinedOutput()
	if err != nil {
		t.Fatalf("re-run: %v\n%s", err, out)
	}
	newN, unchanged, skipped := parseDone(t, string(out))
	if newN+unchanged != n || skipped != 0 || unchanged != after {
		t.Errorf("re-run new %d + unchanged %d (skipped %d) should be %d with unchanged = %d committed before the kill",
			newN, unchanged, skipped, n, after)
	}
	if out, err := exec.Command(bin, "ingest", "--db", cleanDB, corpus).CombinedOutput(); err != nil {
		t.Fatalf("clean run: %v\n%s", err, out)
	}
	gotN, got := dbSnapshot(t, crashDB)
	_, want := dbSnapshot(t, cleanDB)
	if gotN != n {
		t.Errorf("%d documents after recovery, want %d", gotN, n)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("recovered database differs from a clean run's (per-document event/quote/place counts, duplicate_of)")
	}
	// Every copy, and nothing else, is a duplicate of the article it
	// copies; otherwise the comparison above says little about dedup.
	dups := 0
	for _, line := range want {
		f := strings.Fields(line)
		id, of := f[0], f[len(f)-1]
		_, orig, isCopy := strings.Cut(id, "-of-")
		if (isCopy && of != orig) || (!isCopy && of != "-") {
			t.Errorf("clean run: %s is marked a duplicate of %s", id, of)
		}
		if of != "-" {
			dups++
		}
	}
	if dups != n/8 {
		t.Errorf("clean run: %d duplicates, want the corpus's %d copies", dups, n/8)
	}
	for _, path := range []string{crashDB, cleanDB} {
		db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
		if err != nil {
			t.Fatal(err)
		}
		st, err := db.Stats(context.Background())
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %+v", filepath.Base(path), st)
	}
}

// TestServe_SIGTERM checks that the real binary stops cleanly on SIGTERM.
func TestServe_SIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	dbPath := filepath.Join(t.TempDir(), "d.db")
	cmd := exec.Command(bin, "serve", "--db", dbPath, "--create", "--addr", "127.0.0.1:0")
	var errb syncBuffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case <-errb.await(regexp.MustCompile(`listening`)):
	case err := <-exited:
		t.Fatalf("serve exited before listening: %v\n%s", err, errb.String())
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := <-exited; err != nil {
		t.Errorf("serve after SIGTERM: %v\n%s", err, errb.String())
	}
	if !strings.Contains(errb.String(), "msg=stopped") {
		t.Errorf("no clean stop logged: %s", errb.String())
	}
}

// BenchmarkIngest codes and stores ~600-word synthetic articles and
// reports articles/s for the whole path as ingest runs it by default:
// coding, record building, near-duplicate detection and committed SQLite
// writes.
func BenchmarkIngest(b *testing.B) {
	c, err := coder.Load(coder.Options{})
	if err != nil {
		b.Fatal(err)
	}
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	gen := synth.New(uint64(b.N), 600)
	arts := make([]synth.Article, b.N)
	for i := range arts {
		arts[i] = gen.Next()
		arts[i].ID = fmt.Sprintf("%s-%d", arts[i].ID, b.N)
	}
	ix, err := dedup.NewIndex(dedup.Options{})
	if err != nil {
		b.Fatal(err)
	}
	in := &ingester{st: db, runner: c.Runner(), log: discardLogger(), batch: 64, maxDelay: 250 * time.Millisecond, dedup: ix}
	b.ResetTimer()
	start := time.Now()
	counts, err := in.run(context.Background(), func(emit func(pipeline.Item) error) error {
		for i := range arts {
			d := &doc.Doc{ID: arts[i].ID, Text: arts[i].Text, Title: arts[i].Title, Published: arts[i].Published, Source: doc.SourceRef{Path: "bench"}}
			if err := emit(pipeline.Item{Doc: d}); err != nil {
				return err
			}
		}
		return nil
	})
	elapsed := time.Since(start)
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	if counts.New != b.N {
		b.Fatalf("stored %d of %d", counts.New, b.N)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "articles/s")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// TestServe_MissingDatabase is issue #16's bug 5: "serve --db typo.db"
// created an empty database and served it without a word. A missing
// database is a usage error naming the path and --create; with --create
// the database is made and served; ingest still creates one.
func TestServe_MissingDatabase(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "typo.db")
	_, errOut, code := runCmd(t, "", "serve", "--db", typo, "--addr", "127.0.0.1:0")
	if code != exitUsage {
		t.Errorf("serve of a missing database: exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(errOut, typo) || !strings.Contains(errOut, "--create") {
		t.Errorf("stderr does not name the database and --create:\n%s", errOut)
	}
	if _, err := os.Stat(typo); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("serve left a database file behind: %v", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--db", typo, "--create", "--addr", "127.0.0.1:0", "--workers", "1"},
			&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errb})
	}()
	select {
	case <-errb.await(regexp.MustCompile(`listening`)):
	case code := <-done:
		t.Fatalf("serve --create exited with %d: %s", code, errb.String())
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("serve --create exit %d: %s", code, errb.String())
	}
	if _, err := os.Stat(typo); err != nil {
		t.Errorf("serve --create made no database: %v", err)
	}

	corpus := filepath.Join(dir, "c.jsonl")
	writeCorpus(t, corpus, 1, 30)
	fresh := filepath.Join(dir, "fresh.db")
	if _, errOut, code := runCmd(t, "", "ingest", corpus, "--db", fresh); code != exitOK {
		t.Fatalf("ingest into a new database: exit %d: %s", code, errOut)
	}
	if n, _ := countDocs(fresh); n != 1 {
		t.Errorf("ingest made a database with %d documents, want 1", n)
	}
}
