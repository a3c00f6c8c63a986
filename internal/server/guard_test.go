package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/server"
)

// request builds a request as a server would receive it, with a Host,
// remote address and headers.
func request(method, target, host, remote, body string, hdr ...string) *http.Request {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	req.Host = host
	if remote != "" {
		req.RemoteAddr = remote
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return req
}

func serve(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestWrites_CrossOriginRefused checks that a page on another origin
// cannot write, as the probe did with fetch(..., {mode: "no-cors"}) and a
// text/plain body, while same-origin pages and non-browser clients can.
func TestWrites_CrossOriginRefused(t *testing.T) {
	s, _ := newServer(t, server.Options{AllowedHosts: []string{"dateline.example.org"}})
	h := s.Handler("127.0.0.1:8080")
	const host = "127.0.0.1:8080"
	for i, c := range []struct {
		name   string
		host   string
		hdr    []string
		method string
		want   int
	}{
		{"no-cors fetch from another site", host, []string{"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site", "Content-Type", "text/plain"}, "", http.StatusForbidden},
		{"cross-site JSON", host, []string{"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site", "Content-Type", "application/json"}, "", http.StatusForbidden},
		{"cross-site without Origin", host, []string{"Sec-Fetch-Site", "cross-site", "Content-Type", "application/json"}, "", http.StatusForbidden},
		{"foreign Origin without Sec-Fetch-Site", host, []string{"Origin", "http://evil.example", "Content-Type", "application/json"}, "", http.StatusForbidden},
		{"same site, other port", host, []string{"Origin", "http://127.0.0.1:3000", "Sec-Fetch-Site", "same-site", "Content-Type", "application/json"}, "", http.StatusForbidden},
		{"same site without Origin", host, []string{"Sec-Fetch-Site", "same-site", "Content-Type", "application/json"}, "", http.StatusForbidden},
		{"localhost page writing to 127.0.0.1", host, []string{"Origin", "http://localhost:8080", "Content-Type", "application/json"}, "", http.StatusForbidden},
		{"null Origin", host, []string{"Origin", "null", "Content-Type", "application/json"}, "", http.StatusForbidden},
		{"cross-site PUT", host, []string{"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site", "Content-Type", "application/json"}, http.MethodPut, http.StatusForbidden},
		{"cross-site DELETE", host, []string{"Sec-Fetch-Site", "cross-site"}, http.MethodDelete, http.StatusForbidden},
		{"same origin", host, []string{"Origin", "http://127.0.0.1:8080", "Sec-Fetch-Site", "same-origin", "Content-Type", "application/json"}, "", http.StatusCreated},
		{"same origin, Origin only", host, []string{"Origin", "http://127.0.0.1:8080", "Content-Type", "application/json"}, "", http.StatusCreated},
		{"Sec-Fetch-Site none", host, []string{"Sec-Fetch-Site", "none", "Content-Type", "application/json"}, "", http.StatusCreated},
		{"curl", host, []string{"Content-Type", "application/json"}, "", http.StatusCreated},
		{"allowed host behind a proxy", host, []string{"Origin", "https://dateline.example.org", "Sec-Fetch-Site", "same-origin", "Content-Type", "application/json"}, "", http.StatusCreated},
		{"allowed host as Host", "dateline.example.org", []string{"Origin", "https://dateline.example.org", "Content-Type", "application/json"}, "", http.StatusCreated},
	} {
		t.Run(c.name, func(t *testing.T) {
			method := c.method
			if method == "" {
				method = http.MethodPost
			}
			body := fmt.Sprintf(`{"id":"o%d","text":"Origin test number %d."}`, i, i)
			rec := serve(h, request(method, "/api/documents", c.host, "", body, c.hdr...))
			if rec.Code != c.want {
				t.Errorf("status %d, want %d: %s", rec.Code, c.want, rec.Body)
			}
			if c.want == http.StatusForbidden && !strings.Contains(rec.Body.String(), "other web origins") {
				t.Errorf("403 without a reason: %s", rec.Body)
			}
		})
	}
	// Reads stay open to other origins: the browser keeps their answers
	// from the page (no CORS headers), and the web app's links work.
	rec := serve(h, request(http.MethodGet, "/api/stats", host, "", "", "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"))
	if rec.Code != http.StatusOK {
		t.Errorf("cross-site GET: %d", rec.Code)
	}
	if v := rec.Header().Get("Access-Control-Allow-Origin"); v != "" {
		t.Errorf("Access-Control-Allow-Origin %q", v)
	}
}

// TestWrites_ContentType checks that writes must declare JSON: a page on
// another origin can send text/plain or a form without a CORS preflight,
// but not JSON. text/plain is accepted with a valid token, which a
// browser never adds on its own.
func TestWrites_ContentType(t *testing.T) {
	open, _ := newServer(t, server.Options{})
	withToken, _ := newServer(t, server.Options{Token: "s3cret"})
	auth := []string{"Authorization", "Bearer s3cret"}
	for i, c := range []struct {
		s     *server.Server
		ct    string
		auth  bool
		body  string
		want  int
		names string // in the 415 message
	}{
		{open, "application/json", false, "", http.StatusCreated, ""},
		{open, "application/json; charset=utf-8", false, "", http.StatusCreated, ""},
		{open, "Application/JSON", false, "", http.StatusCreated, ""},
		{open, "application/x-ndjson", false, "", http.StatusCreated, ""},
		{open, "text/plain", false, "", http.StatusUnsupportedMediaType, "--token"},
		{open, "text/plain; charset=utf-8", false, "", http.StatusUnsupportedMediaType, "--token"},
		{open, "", false, "", http.StatusUnsupportedMediaType, "application/json"},
		{open, "application/x-www-form-urlencoded", false, "", http.StatusUnsupportedMediaType, "application/json"},
		{open, "multipart/form-data; boundary=x", false, "", http.StatusUnsupportedMediaType, "application/json"},
		{open, "text/html", false, "", http.StatusUnsupportedMediaType, "application/json"},
		{open, "application/json;;", false, "", http.StatusUnsupportedMediaType, "application/json"},
		{withToken, "text/plain", true, "", http.StatusCreated, ""},
		{withToken, "text/plain; charset=utf-8", true, "", http.StatusCreated, ""},
		{withToken, "application/json", true, "", http.StatusCreated, ""},
		{withToken, "text/plain", false, "", http.StatusUnauthorized, ""},
		{withToken, "text/html", true, "", http.StatusUnsupportedMediaType, "text/plain"},
		{withToken, "application/x-www-form-urlencoded", true, "", http.StatusUnsupportedMediaType, "application/json"},
	} {
		body := c.body
		if body == "" {
			body = fmt.Sprintf(`{"id":"c%d","text":"Content type test number %d."}`, i, i)
			if strings.HasPrefix(c.ct, "text/") {
				body = fmt.Sprintf("Plain text number %d about France.", i)
			}
		}
		hdr := []string{"Content-Type", c.ct}
		if c.ct == "" {
			hdr = nil
		}
		if c.auth {
			hdr = append(hdr, auth...)
		}
		r := do(t, c.s, http.MethodPost, "/api/documents", strings.NewReader(body), hdr...)
		if r.status != c.want {
			t.Errorf("%d: %q (token %v): status %d, want %d: %s", i, c.ct, c.auth, r.status, c.want, r.body)
			continue
		}
		if c.want == http.StatusUnsupportedMediaType && !strings.Contains(string(r.body), c.names) {
			t.Errorf("%d: %q: message %s does not mention %s", i, c.ct, r.body, c.names)
		}
	}
	// text/plain is text even when it looks like JSON: the body is not
	// sniffed.
	r := do(t, withToken, http.MethodPost, "/api/documents", strings.NewReader(`{"id":"sniffed","text":"France accused Kenya."}`),
		append([]string{"Content-Type", "text/plain"}, auth...)...)
	if r.status != http.StatusCreated || strings.Contains(string(r.body), `"doc_id":"sniffed"`) {
		t.Errorf("text/plain JSON-looking body: %d %s", r.status, r.body)
	}
}

// TestHost_DNSRebinding checks that a request naming a host the server
// does not answer to is refused, whatever its method: a DNS rebinding page
// reaches a loopback server under the attacker's name.
func TestHost_DNSRebinding(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	lan, _ := newServer(t, server.Options{AllowedHosts: []string{"dateline.lan", "proxy.example:8443", "[fd00::1]"}})
	for _, c := range []struct {
		s          *server.Server
		addr, host string
		want       int
	}{
		{s, "127.0.0.1:8080", "attacker.example", http.StatusMisdirectedRequest},
		{s, "127.0.0.1:8080", "attacker.example:8080", http.StatusMisdirectedRequest},
		{s, "127.0.0.1:8080", "127.0.0.1.attacker.example:8080", http.StatusMisdirectedRequest},
		{s, "127.0.0.1:8080", "localhost:8080", http.StatusOK},
		{s, "127.0.0.1:8080", "LocalHost:8080", http.StatusOK},
		{s, "127.0.0.1:8080", "localhost.:8080", http.StatusOK},
		{s, "127.0.0.1:8080", "127.0.0.1:8080", http.StatusOK},
		{s, "127.0.0.1:8080", "[::1]:8080", http.StatusOK},
		{s, "127.0.0.1:8080", "localhost", http.StatusOK},
		{s, "127.0.0.1:8080", "localhost:9090", http.StatusMisdirectedRequest},
		{s, "127.0.0.1:8080", "", http.StatusMisdirectedRequest},
		{s, "localhost:8080", "127.0.0.1:8080", http.StatusOK},
		{s, "[::1]:8080", "[::1]:8080", http.StatusOK},
		{s, "127.0.0.2:8080", "127.0.0.2:8080", http.StatusOK},
		{s, "127.0.0.1:0", "localhost:43210", http.StatusOK}, // port unknown to the recorder
		{s, "192.0.2.10:8080", "192.0.2.10:8080", http.StatusOK},
		{s, "192.0.2.10:8080", "attacker.example:8080", http.StatusMisdirectedRequest},
		{s, "192.0.2.10:8080", "localhost:8080", http.StatusMisdirectedRequest},
		// On every interface, any Host unless allowed hosts are given.
		{s, "0.0.0.0:8080", "attacker.example", http.StatusOK},
		{s, ":8080", "attacker.example", http.StatusOK},
		{s, "[::]:8080", "attacker.example", http.StatusOK},
		{lan, "0.0.0.0:8080", "attacker.example", http.StatusMisdirectedRequest},
		{lan, "[::]:8080", "attacker.example:8080", http.StatusMisdirectedRequest},
		{lan, "0.0.0.0:8080", "dateline.lan:8080", http.StatusOK},
		{lan, "0.0.0.0:8080", "DATELINE.LAN", http.StatusOK},
		{lan, "0.0.0.0:8080", "localhost:8080", http.StatusOK},
		{lan, "0.0.0.0:8080", "proxy.example:8443", http.StatusOK},
		{lan, "0.0.0.0:8080", "proxy.example:443", http.StatusMisdirectedRequest},
		{lan, "0.0.0.0:8080", "[fd00::1]:8080", http.StatusOK},
		{lan, "127.0.0.1:8080", "dateline.lan", http.StatusOK},
		{lan, "127.0.0.1:8080", "localhost:8080", http.StatusOK},
		{lan, "127.0.0.1:8080", "attacker.example", http.StatusMisdirectedRequest},
		{lan, "192.0.2.10:8080", "dateline.lan:8080", http.StatusOK},
	} {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			want := c.want
			if want == http.StatusOK && method == http.MethodPost {
				want = http.StatusCreated
			}
			body := fmt.Sprintf(`{"text":"Host test %s %s."}`, c.addr, c.host)
			rec := serve(c.s.Handler(c.addr), request(method, "/api/stats", c.host, "", body, "Content-Type", "application/json"))
			if method == http.MethodPost {
				rec = serve(c.s.Handler(c.addr), request(method, "/api/documents", c.host, "", body, "Content-Type", "application/json"))
			}
			if rec.Code != want && !(method == http.MethodPost && want == http.StatusCreated && rec.Code == http.StatusOK) {
				t.Errorf("%s on %s, Host %q: status %d, want %d: %s", method, c.addr, c.host, rec.Code, want, rec.Body)
				continue
			}
			if want == http.StatusMisdirectedRequest {
				msg := decode[map[string]string](t, response{body: rec.Body.Bytes()})["error"]
				if !strings.Contains(msg, fmt.Sprintf("%q", c.host)) || !strings.Contains(msg, "--allowed-host") {
					t.Errorf("%s on %s: 421 message %q does not name the host and the flag", method, c.addr, msg)
				}
				if rec.Header().Get("Content-Security-Policy") == "" {
					t.Errorf("421 without security headers")
				}
			}
		}
	}
	// ServeHTTP knows no listening address: like every interface.
	if rec := serve(s, request(http.MethodGet, "/api/stats", "attacker.example", "", "")); rec.Code != http.StatusOK {
		t.Errorf("ServeHTTP without allowed hosts: %d", rec.Code)
	}
	if rec := serve(lan, request(http.MethodGet, "/api/stats", "attacker.example", "", "")); rec.Code != http.StatusMisdirectedRequest {
		t.Errorf("ServeHTTP with allowed hosts: %d", rec.Code)
	}
}

func TestCheckAllowedHost(t *testing.T) {
	for s, ok := range map[string]bool{
		"dateline.lan": true, "dateline.lan:8443": true, "192.0.2.1": true, "[::1]:80": true, "::1": true, "[fd00::1]": true,
		"": false, ":80": false, "http://x.example": false, "x.example/path": false, "x.example:0": false, "x.example:http": false, "a b": false,
	} {
		if err := server.CheckAllowedHost(s); (err == nil) != ok {
			t.Errorf("CheckAllowedHost(%q) = %v", s, err)
		}
	}
}

// blockingCoder holds documents whose text contains BLOCK until release
// is closed, telling entered when it starts on one: a test can hold write
// slots open for as long as it needs, without timers.
type blockingCoder struct {
	entered chan struct{}
	release chan struct{}
}

func (c blockingCoder) Code(ctx context.Context, d *doc.Doc) error {
	if strings.Contains(d.Text, "BLOCK") {
		c.entered <- struct{}{}
		select {
		case <-c.release:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return fakeCoder{}.Code(ctx, d)
}

// TestWrites_PerClientBound checks that one client address can have at
// most MaxClientWrites posts in flight (429 beyond), that other clients
// are not affected, and that finished posts free their slots.
func TestWrites_PerClientBound(t *testing.T) {
	for _, c := range []struct {
		opt, bound int
	}{{0, server.DefaultMaxClientWrites}, {1, 1}, {2, 2}} {
		t.Run(fmt.Sprint(c.opt), func(t *testing.T) {
			bc := blockingCoder{entered: make(chan struct{}), release: make(chan struct{})}
			s, _ := newServer(t, server.Options{Coder: bc, MaxClientWrites: c.opt})
			post := func(remote, text string) *httptest.ResponseRecorder {
				return serve(s, request(http.MethodPost, "/api/documents", "127.0.0.1:8080", remote,
					fmt.Sprintf(`{"text":%q}`, text), "Content-Type", "application/json"))
			}
			done := make(chan int, c.bound)
			for i := range c.bound {
				go func() { done <- post(fmt.Sprintf("192.0.2.1:%d", 1000+i), fmt.Sprintf("BLOCK number %d.", i)).Code }()
			}
			for range c.bound {
				<-bc.entered // every slot is now held
			}
			rec := post("192.0.2.1:2000", "One more from the same client.")
			if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
				t.Errorf("post over the bound: %d %v %s", rec.Code, rec.Header(), rec.Body)
			}
			if rec := post("[2001:db8::1]:2000", "Another client is not held up."); rec.Code != http.StatusCreated {
				t.Errorf("other client: %d %s", rec.Code, rec.Body)
			}
			// Reads are not bounded.
			if rec := serve(s, request(http.MethodGet, "/api/stats", "127.0.0.1:8080", "192.0.2.1:2001", "")); rec.Code != http.StatusOK {
				t.Errorf("read while writes are held: %d", rec.Code)
			}
			close(bc.release)
			for range c.bound {
				if code := <-done; code != http.StatusCreated {
					t.Errorf("held post: %d", code)
				}
			}
			if rec := post("192.0.2.1:2002", "After the others finished."); rec.Code != http.StatusCreated {
				t.Errorf("post after slots were freed: %d %s", rec.Code, rec.Body)
			}
		})
	}
}
