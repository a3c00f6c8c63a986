// Package server is dateline's HTTP server: a JSON API over a store.Store
// and the static files of the web app.
//
// Safety rules the handlers keep: article text only ever leaves as JSON
// data (HTML-escaped by encoding/json), never inside markup, and CSV cells
// that a spreadsheet would run as formulas are quoted; every response
// carries a Content-Security-Policy that allows only same-origin resources
// and no inline script; request bodies are bounded (413 beyond the limit);
// filter values are bounded (400); write endpoints require a bearer token
// when one is configured, which ListenAndServe insists on for any address
// that is not loopback. Against other web sites that the user's browser
// visits (guard.go): the Host must be one the server answers to (421,
// against DNS rebinding), and writes must come from no origin or the same
// one (403), declare a JSON body (415), and stay within a per-client bound
// on concurrent writes (429).
package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/metrics"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

// DefaultMaxBodyBytes bounds a request body when Options.MaxBodyBytes is 0.
const DefaultMaxBodyBytes = 10 << 20

// CSP is the Content-Security-Policy sent with every response: same-origin
// resources only, no inline script or style attributes, no plugins, no
// framing.
const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// ErrTokenRequired is returned by ListenAndServe for a non-loopback address
// without a token.
var ErrTokenRequired = errors.New("server: a --token is required to listen on a non-loopback address")

// Coder annotates one document with the coding pipeline. It must be safe
// for concurrent use.
type Coder interface {
	Code(ctx context.Context, d *doc.Doc) error
}

// Options configure a Server.
type Options struct {
	// Assets are the web app's files, served at / with index.html for
	// directories. Nil serves a placeholder page.
	Assets fs.FS
	// Token, when set, is required as "Authorization: Bearer <token>" on
	// every request that can write (POST and other unsafe methods). It also
	// lets writes send Content-Type: text/plain.
	Token string
	// AllowedHosts are Host header values accepted besides the listening
	// address's own names: "host" for any port, "host:port" for one. They
	// are needed behind a reverse proxy or to reach the server by a name.
	// See Handler for which hosts are accepted without them.
	AllowedHosts []string
	// MaxClientWrites bounds the writes one client IP address may have in
	// flight at once (429 beyond); 0 means DefaultMaxClientWrites, and a
	// negative value removes the bound.
	MaxClientWrites int
	// Coder codes documents posted to /api/documents; nil makes that
	// endpoint answer 503.
	Coder Coder
	// MaxBodyBytes bounds request bodies; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Logger receives request errors; nil discards them.
	Logger *slog.Logger
	// Provenance is stamped on the records of posted documents (see
	// output.Provenance); nil stamps none.
	Provenance *output.Provenance
	// Vocabulary lists the country and sector codes the filters may
	// name; nil checks their shape only. Event types, modes, quads and
	// date precisions are always checked.
	Vocabulary *Vocabulary
	// Metrics, when set, counts the documents posted to /api/documents
	// (a POST is one batch) and times their store writes.
	Metrics *metrics.Coding
	// MetricsHandler, when set, is served at GET /metrics (the Prometheus
	// text format), behind the same Host checks as the API.
	MetricsHandler http.Handler
}

// Server is the HTTP handler.
type Server struct {
	st   store.Store
	opts Options
	log  *slog.Logger
	// codes are the values the filters may name.
	codes *codes
	// writes counts writes in flight per client, shared by every handler
	// built for this server; nil when unbounded.
	writes *clientLimiter
	// handler is the server for an unknown listening address (see
	// Handler).
	handler http.Handler
}

// New returns a Server over st.
func New(st store.Store, opts Options) *Server {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{st: st, opts: opts, log: log, codes: newCodes(opts.Vocabulary)}
	switch {
	case opts.MaxClientWrites == 0:
		s.writes = newClientLimiter(DefaultMaxClientWrites)
	case opts.MaxClientWrites > 0:
		s.writes = newClientLimiter(opts.MaxClientWrites)
	}
	s.handler = s.Handler("")
	return s
}

// Handler returns s for a server listening on addr (host:port), which
// decides the Host headers it accepts besides Options.AllowedHosts, so that
// a DNS rebinding attack, which arrives under the attacker's host name,
// is refused with 421:
//
//   - on a loopback address: localhost, 127.0.0.1 and [::1] on the
//     listening port;
//   - on one other address: that address on the listening port;
//   - on every interface (0.0.0.0, [::], ":port") or for addr "": any
//     Host unless AllowedHosts is set, since the server cannot know every
//     name it is reached by; with AllowedHosts, those and the loopback
//     names.
//
// ServeHTTP is Handler(""); ListenAndServe uses Handler(addr).
func (s *Server) Handler(addr string) http.Handler {
	hosts := newHostPolicy(addr, s.opts.AllowedHosts)
	r := chi.NewRouter()
	// The order sets which refusal a request gets first: wrong server,
	// wrong origin, no token, not JSON, too many at once, too big.
	r.Use(middleware.Recoverer, securityHeaders, checkHost(hosts), checkOrigin(hosts),
		s.requireToken, s.requireJSON, s.limitWrites, s.limitBody)
	r.Route("/api", func(r chi.Router) {
		r.Get("/events", s.handleEvents)
		r.Get("/incidents", s.handleIncidents)
		r.Get("/documents", s.handleDocuments)
		r.Get("/actors", s.handleActors)
		// A wildcard, not {id}: ids may hold slashes (AFP/2024/123).
		r.Get("/documents/*", s.handleDocument)
		r.Post("/documents", s.handlePostDocuments)
		r.Get("/quotes", s.handleQuotes)
		r.Get("/stats", s.handleStats)
		r.Get("/stats/timeline", s.handleTimeline)
		r.Get("/actors/network", s.handleNetwork)
		r.Get("/places", s.handlePlaces)
		r.Get("/export/events.jsonl", s.handleExportJSONL)
		r.Get("/export/events.csv", s.handleExportCSV)
		r.Get("/export/events.geojson", s.handleExportGeoJSON)
		r.Get("/export/incidents.csv", s.handleExportIncidentsCSV)
		r.NotFound(func(w http.ResponseWriter, r *http.Request) {
			writeError(w, http.StatusNotFound, "no such endpoint")
		})
		r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
			writeError(w, http.StatusMethodNotAllowed, "method not allowed")
		})
	})
	if s.opts.MetricsHandler != nil {
		r.Get("/metrics", s.opts.MetricsHandler.ServeHTTP)
	}
	r.Handle("/*", s.assets())
	return r
}

// ServeHTTP implements http.Handler for an unknown listening address; see
// Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > s.opts.MaxBodyBytes {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", s.opts.MaxBodyBytes))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes)
		next.ServeHTTP(w, r)
	})
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// placeholder is served at / until the web app is built. It has no script.
const placeholder = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>dateline</title></head>
<body><h1>dateline</h1>
<p>The web app is not built into this binary. The JSON API is available:</p>
<ul>
<li><a href="/api/events">/api/events</a></li>
<li><a href="/api/incidents">/api/incidents</a></li>
<li><a href="/api/quotes">/api/quotes</a></li>
<li><a href="/api/stats/timeline">/api/stats/timeline</a></li>
<li><a href="/api/actors/network">/api/actors/network</a></li>
<li><a href="/api/places">/api/places</a></li>
<li><a href="/api/stats">/api/stats</a></li>
</ul></body></html>
`

func (s *Server) assets() http.Handler {
	if s.opts.Assets == nil {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(placeholder))
		})
	}
	files := http.FileServerFS(s.opts.Assets)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Client-side routes (no file extension) get the app's index.html.
		p := strings.TrimPrefix(r.URL.Path, "/")
		if p != "" && !strings.Contains(p[strings.LastIndex(p, "/")+1:], ".") {
			if _, err := fs.Stat(s.opts.Assets, p); err != nil {
				r2 := r.Clone(r.Context())
				r2.URL.Path = "/"
				files.ServeHTTP(w, r2)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

// IsLoopback reports whether addr (host:port) binds only to the loopback
// interface. An empty host binds every interface, and a host name other
// than localhost is not trusted to resolve to loopback.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// HTTPServer returns an http.Server for h with the timeouts dateline uses:
// bounded header, body and idle times so that slow clients cannot hold
// connections open. Exports extend their own write deadline as they
// stream.
func HTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

const writeTimeout = 60 * time.Second

// ListenAndServe serves s on addr until ctx is done, then shuts down
// gracefully, waiting up to grace for requests in flight. It refuses a
// non-loopback addr when s has no token. ready, if not nil, is called with
// the bound address once the listener is open (useful with port 0).
func (s *Server) ListenAndServe(ctx context.Context, addr string, grace time.Duration, ready func(net.Addr)) error {
	if !IsLoopback(addr) && s.opts.Token == "" {
		return fmt.Errorf("%w (%s)", ErrTokenRequired, addr)
	}
	for _, h := range s.opts.AllowedHosts {
		if err := CheckAllowedHost(h); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := HTTPServer(addr, s.Handler(addr))
	srv.BaseContext = func(net.Listener) context.Context { return context.WithoutCancel(ctx) }
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
