// Package queuetest runs a real NATS server with JetStream inside a test
// process, from the nats-server Go module, so that queue tests exercise
// the same server a deployment runs rather than a mock of it. Only tests
// import it; the dateline binary does not carry the server.
package queuetest

import (
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Server is an embedded nats-server with file storage in a directory that
// survives Restart, on a port that stays the same across restarts.
type Server struct {
	t    testing.TB
	dir  string
	port int
	srv  *server.Server
}

// Start starts a server on a free loopback port with JetStream storing in
// a fresh temporary directory. It is shut down when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	s := &Server{t: t, dir: t.TempDir(), port: -1}
	s.start()
	s.port = s.srv.Addr().(*net.TCPAddr).Port
	t.Cleanup(s.Stop)
	return s
}

// readyWait is a failure guard only: a server that is not accepting
// connections after this long is broken, not slow.
const readyWait = 60 * time.Second

func (s *Server) start() {
	s.t.Helper()
	srv, err := server.NewServer(&server.Options{
		Host:      "127.0.0.1",
		Port:      s.port,
		JetStream: true,
		StoreDir:  s.dir,
		NoLog:     true,
		NoSigs:    true,
		// Not the 2s default: a loaded test machine can be slow to
		// answer, and a dropped client would turn into a flaky test.
		WriteDeadline: 30 * time.Second,
	})
	if err != nil {
		s.t.Fatalf("nats-server: %v", err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(readyWait) {
		s.t.Fatalf("nats-server not ready after %s", readyWait)
	}
	s.srv = srv
}

// URL is the client URL, the same across restarts.
func (s *Server) URL() string { return "nats://127.0.0.1:" + strconv.Itoa(s.port) }

// Stop shuts the server down and waits until it has; Stop of a stopped
// server does nothing.
func (s *Server) Stop() {
	if s.srv == nil {
		return
	}
	s.srv.Shutdown()
	s.srv.WaitForShutdown()
	s.srv = nil
}

// Restart stops the server and starts a new one on the same port and
// store directory, as an operator's restart would: streams, consumers and
// unacknowledged messages come back from disk.
func (s *Server) Restart() {
	s.t.Helper()
	s.Stop()
	s.start()
}

// Client connects to the server as a test's client, reconnecting across
// restarts; the connection is closed when the test ends.
func (s *Server) Client(t testing.TB) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	nc, err := nats.Connect(s.URL(), nats.Name(t.Name()), nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return nc, js
}
