package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"os"
	"runtime"
	"time"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/metrics"
	"github.com/dateline-project/dateline/internal/server"
	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/open"
	"github.com/dateline-project/dateline/web"
)

// workerPool lends coder.Workers (which are not safe for concurrent use)
// to concurrent requests; at most len(pool) documents are coded at once,
// which also bounds the CPU one server spends on posted articles.
type workerPool chan *coder.Worker

func newWorkerPool(c *coder.Coder, n int) (workerPool, error) {
	p := make(workerPool, n)
	for i := 0; i < n; i++ {
		w, err := c.NewWorker()
		if err != nil {
			return nil, fmt.Errorf("build coder worker: %w", err)
		}
		p <- w
	}
	return p, nil
}

// Code implements server.Coder.
func (p workerPool) Code(ctx context.Context, d *doc.Doc) error {
	var w *coder.Worker
	select {
	case w = <-p:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { p <- w }()
	return w.Code(ctx, d)
}

func runServe(ctx context.Context, e *env, args []string) error {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(e.stderr)
	flags.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline serve [flags]\n\nServes the JSON API (and the web app) over a database made by 'dateline ingest'.\nStops cleanly on SIGINT or SIGTERM.\n\nflags:")
		flags.PrintDefaults()
	}
	var (
		dbPath  = flags.String("db", "dateline.db", "database: a SQLite `FILE` made by 'dateline ingest' (see --create), or a postgres:// URL")
		create  = flags.Bool("create", false, "create the --db database when it does not exist, to serve it empty (documents come by POST /api/documents)")
		addr    = flags.String("addr", "127.0.0.1:8080", "listen `address`")
		token   = flags.String("token", "", "bearer `token` required for writes (required off loopback; default $DATELINE_TOKEN)")
		maxBody = flags.Int64("max-body", server.DefaultMaxBodyBytes, "request body limit in `bytes`")
		maxPost = flags.Int("max-client-writes", server.DefaultMaxClientWrites,
			"at most `N` POSTs (writes) in flight per client IP address; more get 429 (0: no bound)")
		allowed listFlag
		coderFl = addCoderFlags(flags)
	)
	flags.Var(&allowed, "allowed-host", "also accept requests whose Host header is `host[:port]` (repeatable); needed behind a proxy or to\n"+
		"use a host name, and the only Host check when listening on every interface (0.0.0.0, [::])")
	rest, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "dateline serve: unexpected argument %q\n", rest[0])
		return errUsage
	}
	if *token == "" {
		*token = os.Getenv("DATELINE_TOKEN")
	}
	if *coderFl.workers < 0 || *maxBody <= 0 || *maxPost < 0 {
		fmt.Fprintln(e.stderr, "dateline serve: --workers, --max-body and --max-client-writes must be positive")
		return errUsage
	}
	for _, h := range allowed {
		if err := server.CheckAllowedHost(h); err != nil {
			fmt.Fprintf(e.stderr, "dateline serve: --allowed-host: %v\n", err)
			return errUsage
		}
	}
	if !server.IsLoopback(*addr) && *token == "" {
		fmt.Fprintf(e.stderr, "dateline serve: %v\n", server.ErrTokenRequired)
		return errUsage
	}
	// Opening a database creates it, so "serve --db typo.db" would serve
	// an empty one as though nothing were wrong. Only ingest, which fills
	// it, creates one unasked; serve needs --create to say it is meant.
	// The database first: a bad --db should fail at once, not after the
	// models have loaded.
	db, err := open.Open(ctx, *dbPath, open.Options{Create: *create})
	if errors.Is(err, store.ErrNoDatabase) {
		fmt.Fprintf(e.stderr, "dateline serve: database %s does not exist; make it with 'dateline ingest --db %s FILES', or pass --create to serve it empty\n", open.Name(*dbPath), open.Name(*dbPath))
		return errUsage
	}
	if err != nil {
		return err
	}
	defer db.Close()
	prov, err := coder.Provenance(coderFl.options(e.log))
	if err != nil {
		return err
	}
	c, err := coderFl.load(e.log)
	if err != nil {
		return err
	}
	n := *coderFl.workers
	if n == 0 {
		n = runtime.GOMAXPROCS(0)
	}
	pool, err := newWorkerPool(c, n)
	if err != nil {
		return err
	}
	if *maxPost == 0 {
		*maxPost = -1 // the flag's 0 is the option's "no bound"
	}
	countries, sectors := c.Codes()
	reg := metrics.NewRegistry()
	srv := server.New(db, server.Options{Token: *token, Coder: pool, MaxBodyBytes: *maxBody, Logger: e.log, Assets: webAssets(),
		AllowedHosts: allowed, MaxClientWrites: *maxPost, Vocabulary: &server.Vocabulary{Countries: countries, Sectors: sectors},
		Provenance: &prov, Metrics: metrics.NewCoding(reg), MetricsHandler: metrics.Handler(reg)})
	if everyInterface(*addr) && len(allowed) == 0 {
		e.log.Warn("listening on every interface without --allowed-host: the Host header is not checked, so DNS rebinding is not guarded against", "addr", *addr)
	}
	err = srv.ListenAndServe(ctx, *addr, 10*time.Second, func(a net.Addr) {
		e.log.Info("listening", "url", "http://"+a.String()+"/", "db", open.Name(*dbPath))
	})
	if errors.Is(err, server.ErrTokenRequired) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err == nil {
		e.log.Info("stopped", "db", open.Name(*dbPath))
	}
	return err
}

// everyInterface reports whether addr listens on every interface
// (0.0.0.0, [::] or an empty host), where the server cannot tell which
// names it is reached by.
func everyInterface(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return host == "" || (ip != nil && ip.IsUnspecified())
}

// webAssets returns the embedded web app served at /.
func webAssets() fs.FS { return web.Assets() }
