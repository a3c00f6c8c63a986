package queue_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/metrics"
	"github.com/dateline-project/dateline/internal/queue"
	"github.com/dateline-project/dateline/internal/queue/queuetest"
	"github.com/dateline-project/dateline/internal/store/sqlite"
	"github.com/dateline-project/dateline/internal/synth"
)

var (
	coderOnce sync.Once
	theCoder  *coder.Coder
	coderErr  error
)

// loadCoder loads the real coder once per test binary: it takes seconds,
// and every test codes with the same resources.
func loadCoder(t testing.TB) *coder.Coder {
	t.Helper()
	coderOnce.Do(func() { theCoder, coderErr = coder.Load(coder.Options{Workers: 1}) })
	if coderErr != nil {
		t.Fatal(coderErr)
	}
	return theCoder
}

// overall is the failure guard of every wait below: the waits poll a
// condition, and a run that has not met it after this long is stuck, not
// slow.
const overall = 5 * time.Minute

// waitFor polls cond until it holds, failing the test after overall.
func waitFor(t testing.TB, what string, cond func() (bool, error)) {
	t.Helper()
	deadline := time.Now().Add(overall)
	for {
		ok, err := cond()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("still waiting for %s after %s (last error: %v)", what, overall, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// articles makes n synthetic documents with ids prefix-0, prefix-1...
func articles(n int, prefix string) []*doc.Doc {
	gen := synth.New(11, 120)
	docs := make([]*doc.Doc, n)
	for i := range docs {
		a := gen.Next()
		docs[i] = &doc.Doc{ID: fmt.Sprintf("%s-%d", prefix, i), Text: a.Text, Title: a.Title, Published: a.Published,
			Source: doc.SourceRef{Path: "synth.jsonl", Line: i + 1, Format: "jsonl"}}
	}
	return docs
}

func publish(t testing.TB, js jetstream.JetStream, cfg queue.Config, docs []*doc.Doc) *queue.Publisher {
	t.Helper()
	ctx := context.Background()
	if err := queue.SetupStreams(ctx, js, cfg); err != nil {
		t.Fatal(err)
	}
	p := queue.NewPublisher(js, cfg)
	for _, d := range docs {
		if err := p.Publish(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	return p
}

func openDB(t testing.TB, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func storedDocs(db *sqlite.DB) func() (int, error) {
	return func() (int, error) {
		st, err := db.Stats(context.Background())
		return st.Documents, err
	}
}

// runningWorker is a worker on its own connection and store handle, as a
// separate process would have.
type runningWorker struct {
	cancel  context.CancelFunc
	done    chan queue.Counts
	metrics *metrics.Coding
}

func startWorker(t testing.TB, srv *queuetest.Server, dbPath string, cfg queue.Config) *runningWorker {
	t.Helper()
	_, js := srv.Client(t)
	cons, err := queue.Setup(context.Background(), js, cfg)
	if err != nil {
		t.Fatal(err)
	}
	m := metrics.NewCoding(metrics.NewRegistry())
	w := &queue.Worker{JS: js, Consumer: cons, Config: cfg, Store: openDB(t, dbPath), NewStages: loadCoder(t).NewStages,
		Workers: 1, Batch: 16, MaxWait: 200 * time.Millisecond, MaxBackoff: time.Second, Metrics: m,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	ctx, cancel := context.WithCancel(context.Background())
	rw := &runningWorker{cancel: cancel, done: make(chan queue.Counts, 1), metrics: m}
	go func() {
		c, err := w.Run(ctx)
		if err != nil {
			t.Error(err)
		}
		rw.done <- c
	}()
	return rw
}

func (rw *runningWorker) stop() queue.Counts {
	rw.cancel()
	return <-rw.done
}

// TestWorker_TwoWorkersStoreEachDocumentOnce publishes documents, some
// twice, and runs two workers on one store: every document is stored once
// and the queue ends empty.
func TestWorker_TwoWorkersStoreEachDocumentOnce(t *testing.T) {
	srv := queuetest.Start(t)
	_, js := srv.Client(t)
	cfg := queue.Config{}
	const n = 60
	docs := articles(n, "e2e")
	p := publish(t, js, cfg, docs)
	// Published again within the duplicate window: the stream keeps one.
	p2 := publish(t, js, cfg, docs[:10])
	if p.Queued != n || p2.Duplicates != 10 || p2.Queued != 0 {
		t.Fatalf("queued %d then %d (+%d duplicates), want %d then 0 (+10)", p.Queued, p2.Queued, p2.Duplicates, n)
	}
	dbPath := filepath.Join(t.TempDir(), "q.db")
	db := openDB(t, dbPath)
	w1, w2 := startWorker(t, srv, dbPath, cfg), startWorker(t, srv, dbPath, cfg)
	waitFor(t, "all documents stored", func() (bool, error) { got, err := storedDocs(db)(); return got >= n, err })
	cons, err := queue.Setup(context.Background(), js, cfg)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "queue empty", func() (bool, error) { n, err := queue.Pending(context.Background(), cons); return n == 0, err })
	c1, c2 := w1.stop(), w2.stop()
	t.Logf("worker 1 %+v, worker 2 %+v", c1, c2)
	if got := c1.New + c2.New; got != n {
		t.Errorf("workers stored %d new documents, want %d", got, n)
	}
	if got, _ := storedDocs(db)(); got != n {
		t.Errorf("%d documents stored, want %d", got, n)
	}
	coded := testutil.ToFloat64(w1.metrics.Coded) + testutil.ToFloat64(w2.metrics.Coded)
	if int(coded) != n {
		t.Errorf("documents coded metric %v, want %d", coded, n)
	}
	if testutil.CollectAndCount(w1.metrics.StoreWriteSeconds)+testutil.CollectAndCount(w2.metrics.StoreWriteSeconds) == 0 {
		t.Error("no store write latency observed")
	}
	// Stored as ingest would store it: the record's source and text.
	d, err := db.Document(context.Background(), "e2e-7")
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != docs[7].Text || d.Record.Source.Line != 8 || d.Record.Published == nil || *d.Record.Published != docs[7].Published.Format("2006-01-02") {
		t.Errorf("stored e2e-7: line %d published %v, text equal %v", d.Record.Source.Line, d.Record.Published, d.Text == docs[7].Text)
	}
}

// TestWorker_PoisonGoesToDeadLetter queues messages that are not
// documents among good ones: each is retried up to MaxDeliver times, then
// lands in the dead-letter stream with its error, and the good documents
// are all stored.
func TestWorker_PoisonGoesToDeadLetter(t *testing.T) {
	srv := queuetest.Start(t)
	_, js := srv.Client(t)
	cfg := queue.Config{}
	docs := articles(20, "good")
	publish(t, js, cfg, docs[:10])
	poison := map[string]string{
		"bad-json": `{"id": "bad-json", "text": `,
		"no-text":  `{"id": "no-text", "text": "   "}`,
	}
	for id, body := range poison {
		m := &nats.Msg{Subject: "dateline.docs", Data: []byte(body), Header: nats.Header{}}
		m.Header.Set(jetstream.MsgIDHeader, id)
		if _, err := js.PublishMsg(context.Background(), m); err != nil {
			t.Fatal(err)
		}
	}
	publish(t, js, cfg, docs[10:])
	dbPath := filepath.Join(t.TempDir(), "q.db")
	db := openDB(t, dbPath)
	w := startWorker(t, srv, dbPath, cfg)
	var dead []queue.DeadLetter
	waitFor(t, "two dead letters", func() (bool, error) {
		var err error
		dead, err = queue.ReadDeadLetters(context.Background(), js, cfg, 10)
		return len(dead) >= 2, err
	})
	waitFor(t, "good documents stored", func() (bool, error) { got, err := storedDocs(db)(); return got >= 20, err })
	c := w.stop()
	t.Logf("worker %+v; dead letters %d", c, len(dead))
	if len(dead) != 2 || c.Dead != 2 || c.New != 20 {
		t.Fatalf("%d dead letters, worker counts %+v; want 2 dead and 20 new", len(dead), c)
	}
	for _, d := range dead {
		body, ok := poison[d.DocID]
		if !ok {
			t.Errorf("dead letter for %q, which is not poison", d.DocID)
			continue
		}
		if string(d.Data) != body || d.Deliveries != 3 || !strings.Contains(d.Error, "malformed message") {
			t.Errorf("dead letter %s: deliveries %d, error %q, body %q", d.DocID, d.Deliveries, d.Error, d.Data)
		}
	}
	if got := testutil.ToFloat64(w.metrics.Errors.WithLabelValues(metrics.ErrDeadLetter)); got != 2 {
		t.Errorf("dead_letter errors metric %v, want 2", got)
	}
}

// TestWorker_NATSRestart restarts the NATS server while a worker runs and
// while a publisher goes on: every document is stored exactly once.
func TestWorker_NATSRestart(t *testing.T) {
	srv := queuetest.Start(t)
	_, js := srv.Client(t)
	cfg := queue.Config{AckWait: 5 * time.Second}
	const n = 120
	docs := articles(n, "restart")
	publish(t, js, cfg, docs[:n/2])
	dbPath := filepath.Join(t.TempDir(), "q.db")
	db := openDB(t, dbPath)
	w := startWorker(t, srv, dbPath, cfg)
	waitFor(t, "some documents stored", func() (bool, error) { got, err := storedDocs(db)(); return got >= 10, err })
	srv.Restart()
	atRestart, _ := storedDocs(db)()
	// The publisher's connection reconnects to the new server.
	publish(t, js, cfg, docs[n/2:])
	waitFor(t, "all documents stored", func() (bool, error) { got, err := storedDocs(db)(); return got >= n, err })
	c := w.stop()
	t.Logf("restarted with %d of %d stored; worker %+v", atRestart, n, c)
	if got, _ := storedDocs(db)(); got != n {
		t.Errorf("%d documents stored, want %d", got, n)
	}
	if c.New != n {
		t.Errorf("worker stored %d new, want %d", c.New, n)
	}
}
