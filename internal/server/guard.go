package server

import (
	"crypto/subtle"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// This file holds the checks that keep other web sites out of a dateline
// server that a browser can reach, above all one on loopback without a
// token:
//
//   - Host: every request must name a host the server answers to, so that
//     DNS rebinding (attacker.example re-resolved to 127.0.0.1) reaches
//     nothing: the browser still sends Host: attacker.example.
//   - Origin and Sec-Fetch-Site: writes from a page on another origin are
//     refused.
//   - Content-Type: writes must be JSON. A page on another origin can send
//     text/plain, form-urlencoded or multipart bodies without a CORS
//     preflight (fetch with mode no-cors, or a plain form), but not JSON;
//     since the server answers no preflight, a cross-site JSON write never
//     leaves the browser.
//   - Per-client concurrency: one client cannot hold every coder worker.

// hostPort is a host name (lower case, IPv6 without brackets, no trailing
// dot) and a port, "" for any.
type hostPort struct{ host, port string }

// splitHost parses a Host header or --allowed-host value: host, host:port,
// [v6]:port, [v6] or a bare IPv6 address.
func splitHost(s string) hostPort {
	s = strings.ToLower(strings.TrimSpace(s))
	h, p, err := net.SplitHostPort(s)
	if err != nil {
		h, p = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]"), ""
	}
	return hostPort{strings.TrimSuffix(h, "."), p}
}

// CheckAllowedHost reports whether s is a usable --allowed-host value: a
// host name or IP address, optionally with a port.
func CheckAllowedHost(s string) error {
	hp := splitHost(s)
	if hp.host == "" || strings.ContainsAny(hp.host, "/?#@ ") {
		return fmt.Errorf("allowed host %q: want a host name or address, optionally with :port", s)
	}
	if hp.port != "" {
		if n, err := strconv.Atoi(hp.port); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("allowed host %q: port %q is not a number from 1 to 65535", s, hp.port)
		}
	}
	return nil
}

// loopbackNames are the names a browser uses for this machine. They are
// never a DNS rebinding attacker's: those come in under the attacker's own
// name.
var loopbackNames = []string{"localhost", "127.0.0.1", "::1"}

// hostPolicy decides which Host headers a server accepts.
type hostPolicy struct {
	// enforce is false when any Host is accepted.
	enforce bool
	// names are accepted on the listening port.
	names map[string]bool
	// port is the listening port; "" when it is not known from the
	// address (port 0), in which case the connection's local port is used.
	port string
	// allowed are the --allowed-host entries.
	allowed []hostPort
}

// newHostPolicy builds the policy for a server listening on addr:
//
//   - on loopback: localhost, 127.0.0.1 and [::1] (and the listening
//     address itself) on the listening port, plus allowed;
//   - on one other address: that address on the listening port, plus
//     allowed;
//   - on every interface (0.0.0.0, [::], empty host) or an unknown address
//     (addr ""): the server cannot know the names it is reached by, so the
//     check applies only when allowed is given, and then accepts allowed
//     and the loopback names.
func newHostPolicy(addr string, allowed []string) hostPolicy {
	p := hostPolicy{names: map[string]bool{}}
	for _, a := range allowed {
		p.allowed = append(p.allowed, splitHost(a))
	}
	host, port, err := net.SplitHostPort(addr)
	if err == nil && port != "0" {
		p.port = port
	}
	listen := splitHost(host).host
	ip := net.ParseIP(listen)
	switch {
	case err != nil || listen == "" || (ip != nil && ip.IsUnspecified()):
		p.enforce = len(allowed) > 0
		for _, n := range loopbackNames {
			p.names[n] = true
		}
	case IsLoopback(addr):
		p.enforce = true
		for _, n := range loopbackNames {
			p.names[n] = true
		}
		p.names[listen] = true
	default:
		p.enforce = true
		p.names[listen] = true
	}
	return p
}

// listed reports whether hp matches an --allowed-host entry.
func (p *hostPolicy) listed(hp hostPort) bool {
	for _, a := range p.allowed {
		if a.host == hp.host && (a.port == "" || a.port == hp.port) {
			return true
		}
	}
	return false
}

// allows reports whether a request with this Host header may be served on
// a connection whose local port is localPort ("" if unknown). A Host
// without a port is accepted for an allowed name: the name is what tells a
// rebinding attacker apart, and some clients and proxies drop the port.
func (p *hostPolicy) allows(host, localPort string) bool {
	if !p.enforce {
		return true
	}
	hp := splitHost(host)
	if p.listed(hp) {
		return true
	}
	if !p.names[hp.host] {
		return false
	}
	want := p.port
	if want == "" {
		want = localPort
	}
	return hp.port == "" || want == "" || hp.port == want
}

func localPort(r *http.Request) string {
	a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok {
		return ""
	}
	_, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return ""
	}
	return port
}

// checkHost refuses requests whose Host the policy does not accept, with
// 421 Misdirected Request: the request reached a server that is not the
// one its URL names.
func checkHost(p hostPolicy) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !p.allows(r.Host, localPort(r)) {
				writeError(w, http.StatusMisdirectedRequest, fmt.Sprintf(
					"host %q is not a name this server answers to (a guard against DNS rebinding); if it should be, start dateline serve with --allowed-host", r.Host))
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// sameOrigin reports whether origin (an Origin header) names the host the
// request was sent to, or an allowed host. Default ports are dropped from
// both sides, since browsers omit them from Origin and proxies from Host.
func (p *hostPolicy) sameOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return false // includes "null": sandboxed frames, file: pages
	}
	o := splitHost(u.Host)
	if (u.Scheme == "http" && o.port == "80") || (u.Scheme == "https" && o.port == "443") {
		o.port = ""
	}
	h := splitHost(host)
	if h.port == "80" || h.port == "443" {
		h.port = ""
	}
	return o == h || p.listed(o)
}

// checkOrigin refuses writes that a browser marks as coming from another
// site (Sec-Fetch-Site: cross-site), or from another origin of the same
// site, or whose Origin names another host. Requests with neither header
// (curl, Go and other non-browser clients) pass: they are not made on a
// user's behalf by some page, and the token guards them where one is set.
func checkOrigin(p hostPolicy) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !safeMethod(r.Method) {
				site := strings.ToLower(r.Header.Get("Sec-Fetch-Site"))
				origin := r.Header.Get("Origin")
				var why string
				switch {
				case site == "cross-site":
					why = "a cross-site request"
				case origin != "" && !p.sameOrigin(origin, r.Host):
					why = fmt.Sprintf("a request from origin %q", origin)
				case site == "same-site" && origin == "":
					why = "a same-site request without an Origin"
				}
				if why != "" {
					writeError(w, http.StatusForbidden, "writes from other web origins are refused; this was "+why)
					return
				}
			}
			next.ServeHTTP(w, r)
		})
	}
}

// bearerToken returns the credentials of an "Authorization: Bearer x"
// header. The scheme is case-insensitive (RFC 7235 section 2.1), and may
// be followed by more than one space.
func bearerToken(h string) (string, bool) {
	scheme, cred, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimLeft(cred, " "), true
}

func (s *Server) requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.opts.Token != "" && !safeMethod(r.Method) {
			got, ok := bearerToken(r.Header.Get("Authorization"))
			if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.opts.Token)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="dateline"`)
				writeError(w, http.StatusUnauthorized, "a valid bearer token is required")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// jsonTypes are the media types accepted on every write. None is one that
// a page on another origin may send without a CORS preflight.
var jsonTypes = map[string]bool{"application/json": true, "application/x-ndjson": true, "application/jsonl": true}

// requireJSON refuses writes whose body is not declared as JSON (415).
// text/plain is accepted when the server has a token: requireToken has
// then already checked it, and a browser never adds one by itself.
func (s *Server) requireJSON(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !safeMethod(r.Method) {
			ct := r.Header.Get("Content-Type")
			mt, _, err := mime.ParseMediaType(ct)
			if err != nil || !(jsonTypes[mt] || (mt == "text/plain" && s.opts.Token != "")) {
				msg := fmt.Sprintf("writes need Content-Type: application/json; got %q", ct)
				if s.opts.Token == "" {
					msg += " (text/plain is accepted only on a server with a --token)"
				} else {
					msg += " or text/plain"
				}
				writeError(w, http.StatusUnsupportedMediaType, msg)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// DefaultMaxClientWrites bounds one client's concurrent writes when
// Options.MaxClientWrites is 0.
const DefaultMaxClientWrites = 4

// clientLimiter counts writes in flight per client IP address.
type clientLimiter struct {
	max      int
	mu       sync.Mutex
	inflight map[string]int // entries are removed at zero, so it stays small
}

func newClientLimiter(max int) *clientLimiter {
	return &clientLimiter{max: max, inflight: map[string]int{}}
}

func (l *clientLimiter) acquire(client string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.inflight[client] >= l.max {
		return false
	}
	l.inflight[client]++
	return true
}

func (l *clientLimiter) release(client string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.inflight[client]--; l.inflight[client] <= 0 {
		delete(l.inflight, client)
	}
}

// clientIP is the remote address without its port. X-Forwarded-For is not
// trusted: any client can set it. Behind a reverse proxy every client is
// the proxy, and shares one bound.
func clientIP(r *http.Request) string {
	if h, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return h
	}
	return r.RemoteAddr
}

// limitWrites answers 429 when the client already has max writes in
// flight. Coding is CPU-bound and the coder's workers are shared, so
// without this one client could queue enough posts to starve every other.
func (s *Server) limitWrites(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if safeMethod(r.Method) || s.writes == nil {
			next.ServeHTTP(w, r)
			return
		}
		ip := clientIP(r)
		if !s.writes.acquire(ip) {
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusTooManyRequests,
				fmt.Sprintf("this client already has %d writes in progress; wait for one to finish", s.writes.max))
			return
		}
		defer s.writes.release(ip)
		next.ServeHTTP(w, r)
	})
}
