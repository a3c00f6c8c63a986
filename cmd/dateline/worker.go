package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/dateline-project/dateline/internal/metrics"
	"github.com/dateline-project/dateline/internal/queue"
	"github.com/dateline-project/dateline/internal/store/open"
)

// queueFlags are the flags that name the NATS server and the JetStream
// objects, shared by `ingest --nats` and `worker`.
type queueFlags struct {
	url     *string
	ackWait *time.Duration
}

func addQueueFlags(fs *flag.FlagSet, urlDefault string) *queueFlags {
	return &queueFlags{
		url:     fs.String("nats", urlDefault, "NATS server `URL` (nats://host:4222) with JetStream enabled"),
		ackWait: fs.Duration("ack-wait", 30*time.Second, "how long a document delivered to a worker may go unacknowledged before another worker gets it"),
	}
}

func (q *queueFlags) config() queue.Config { return queue.Config{AckWait: *q.ackWait} }

// connect dials NATS and makes the streams and the consumer.
func (q *queueFlags) connect(ctx context.Context, name string) (*nats.Conn, jetstream.JetStream, jetstream.Consumer, error) {
	nc, err := queue.Connect(*q.url, name)
	if err != nil {
		return nil, nil, nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, nil, fmt.Errorf("jetstream: %w", err)
	}
	cons, err := queue.Setup(ctx, js, q.config())
	if err != nil {
		nc.Close()
		return nil, nil, nil, err
	}
	return nc, js, cons, nil
}

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline worker --nats URL [flags]\n\nCodes the documents that 'dateline ingest --nats' queued, in batches, and stores\neach batch in one transaction before acknowledging it. Run as many as the\nmachines have cores to spare; they share the queue. A document that fails\n--max-deliver times goes to the dead-letter subject with its error. Stops\ncleanly on SIGINT or SIGTERM, finishing the batch in hand.\n\nflags:")
		fs.PrintDefaults()
	}
	var (
		dbPath      = fs.String("db", "dateline.db", "database: a SQLite `FILE` or a postgres:// URL")
		batch       = fs.Int("batch", 64, "fetch and commit up to `N` documents at once")
		maxWait     = fs.Duration("max-wait", time.Second, "how long a fetch waits to fill a batch")
		maxDeliver  = fs.Int("max-deliver", 3, "send a document to the dead-letter subject after it failed on this many deliveries")
		metricsAddr = fs.String("metrics-addr", "127.0.0.1:9464", "serve Prometheus /metrics on `host:port` (\"\" for none)")
		qf          = addQueueFlags(fs, nats.DefaultURL)
		coderFl     = addCoderFlags(fs)
	)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "dateline worker: unexpected argument %q\n", rest[0])
		return errUsage
	}
	if *coderFl.workers < 0 || *batch <= 0 || *maxWait <= 0 || *maxDeliver <= 0 || *qf.ackWait <= 0 {
		fmt.Fprintln(e.stderr, "dateline worker: --workers, --batch, --max-wait, --max-deliver and --ack-wait must be positive")
		return errUsage
	}
	// Like ingest, a worker creates the database (or, in PostgreSQL, its
	// tables) when there is none: it is the writer.
	db, err := open.Open(ctx, *dbPath, open.Options{Create: true})
	if err != nil {
		return fmt.Errorf("database: %w", err)
	}
	defer db.Close()
	nc, js, cons, err := qf.connect(ctx, "dateline worker")
	if err != nil {
		return err
	}
	defer nc.Close()
	reg := metrics.NewRegistry()
	m := metrics.NewCoding(reg)
	if *metricsAddr != "" {
		stop, err := serveMetrics(*metricsAddr, reg, e)
		if err != nil {
			return err
		}
		defer stop()
	}
	c, err := coderFl.load(e.log)
	if err != nil {
		return err
	}
	w := &queue.Worker{JS: js, Consumer: cons, Config: qf.config(), Store: db, NewStages: c.NewStages, Workers: *coderFl.workers,
		Batch: *batch, MaxWait: *maxWait, MaxDeliver: *maxDeliver, Log: e.log, Metrics: m}
	e.log.Info("working", "nats", *qf.url, "db", open.Name(*dbPath))
	start := time.Now()
	counts, err := w.Run(ctx)
	// Drain sends the acks still buffered and waits for them, so that a
	// clean stop leaves nothing to be redelivered.
	if derr := drain(nc); err == nil && derr != nil {
		e.log.Warn("drain", "err", derr)
	}
	e.log.Info("done", "new", counts.New, "unchanged", counts.Unchanged, "retried", counts.Retried, "dead", counts.Dead,
		"store_retries", counts.StoreRetries, "seconds", fmt.Sprintf("%.1f", time.Since(start).Seconds()))
	if err != nil {
		return err
	}
	return db.Close()
}

// drain drains nc and waits until it is closed.
func drain(nc *nats.Conn) error {
	closed := make(chan struct{})
	nc.SetClosedHandler(func(*nats.Conn) { close(closed) })
	if err := nc.Drain(); err != nil {
		return err
	}
	<-closed
	return nil
}

// serveMetrics serves reg at http://addr/metrics until stop is called.
func serveMetrics(addr string, reg *prometheus.Registry, e *env) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("metrics: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics.Handler(reg))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			e.log.Warn("metrics server", "err", err)
		}
	}()
	e.log.Info("metrics", "url", "http://"+ln.Addr().String()+"/metrics")
	return func() { _ = srv.Close() }, nil
}
