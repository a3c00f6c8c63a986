// Package queue moves documents from `dateline ingest --nats` to
// `dateline worker` through a NATS JetStream work queue, so that several
// coding workers, on one machine or many, share one feed and any of them,
// or the NATS server, can restart without losing a document.
//
// The design leans on JetStream for everything durable and keeps no state
// of its own:
//
//   - One stream with work-queue retention and file storage holds the
//     documents to code; a message is deleted when a worker acks it. Each
//     message's Nats-Msg-Id is the document id, so that publishing the
//     same input twice within the stream's duplicate window stores it
//     once.
//   - One durable pull consumer, shared by every worker, hands out
//     batches. A worker acks a batch only after the store has committed
//     it, so delivery is at least once; the store's writes are idempotent
//     (a doc_id or content hash already stored is left alone), so the
//     result is exactly once.
//   - A document that cannot be coded goes, after a number of deliveries,
//     to a dead-letter stream with its error, and is removed from the work
//     queue, so that it never blocks it.
//
// Near-duplicate marking (`duplicate_of`) is not done by workers: it
// depends on the order documents are stored in, which parallel workers do
// not fix.
package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Config names the JetStream objects dateline uses. The zero value of a
// field means its default.
type Config struct {
	// Stream is the work-queue stream (default "DATELINE").
	Stream string
	// Subject is where documents are published (default "dateline.docs").
	Subject string
	// DeadStream keeps dead letters (default "DATELINE_DEAD").
	DeadStream string
	// DeadSubject is where documents that failed go (default
	// "dateline.dead").
	DeadSubject string
	// Consumer is the durable consumer every worker shares (default
	// "workers").
	Consumer string
	// AckWait is how long a delivered message may go unacked before the
	// server hands it to another worker (default 30s). A worker that dies
	// mid-batch delays its batch by this much.
	AckWait time.Duration
	// DuplicateWindow is how long the stream remembers message ids for
	// de-duplication (default 2 minutes, JetStream's). Beyond it a
	// republished document is queued again, and the worker finds it
	// already stored and skips coding it.
	DuplicateWindow time.Duration
}

func (c Config) withDefaults() Config {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&c.Stream, "DATELINE")
	def(&c.Subject, "dateline.docs")
	def(&c.DeadStream, "DATELINE_DEAD")
	def(&c.DeadSubject, "dateline.dead")
	def(&c.Consumer, "workers")
	if c.AckWait <= 0 {
		c.AckWait = 30 * time.Second
	}
	if c.DuplicateWindow <= 0 {
		c.DuplicateWindow = 2 * time.Minute
	}
	return c
}

// Header names on dead letters.
const (
	// HeaderError is the error that sent the document to the dead-letter
	// stream.
	HeaderError = "Dateline-Error"
	// HeaderDeliveries is how many times the document had been delivered.
	HeaderDeliveries = "Dateline-Deliveries"
	// HeaderDocID is the document id (also the Nats-Msg-Id).
	HeaderDocID = "Dateline-Doc-Id"
)

// Connect dials url with reconnection that never gives up, so that a NATS
// server restart is a pause rather than the end of a worker or a
// publisher. name identifies the client in the server's monitoring.
func Connect(url, name string) (*nats.Conn, error) {
	nc, err := nats.Connect(url, nats.Name(name), nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond), nats.RetryOnFailedConnect(false))
	if err != nil {
		return nil, fmt.Errorf("connect to nats %s: %w", url, err)
	}
	return nc, nil
}

// SetupStreams creates (or updates) the work-queue stream and the
// dead-letter stream. Publishers call it, so that documents can be queued
// before any worker has started; it is idempotent.
func SetupStreams(ctx context.Context, js jetstream.JetStream, cfg Config) error {
	cfg = cfg.withDefaults()
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        cfg.Stream,
		Description: "dateline documents waiting to be coded",
		Subjects:    []string{cfg.Subject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  cfg.DuplicateWindow,
	}); err != nil {
		return fmt.Errorf("create stream %s: %w", cfg.Stream, err)
	}
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        cfg.DeadStream,
		Description: "dateline documents that could not be coded, with their errors",
		Subjects:    []string{cfg.DeadSubject},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  cfg.DuplicateWindow,
	}); err != nil {
		return fmt.Errorf("create stream %s: %w", cfg.DeadStream, err)
	}
	return nil
}

// Setup makes the streams (see SetupStreams) and the workers' durable
// consumer, and returns the consumer. Every worker calls it; workers must
// agree on cfg, since the last one to start sets the consumer's AckWait.
func Setup(ctx context.Context, js jetstream.JetStream, cfg Config) (jetstream.Consumer, error) {
	cfg = cfg.withDefaults()
	if err := SetupStreams(ctx, js, cfg); err != nil {
		return nil, err
	}
	cons, err := js.CreateOrUpdateConsumer(ctx, cfg.Stream, jetstream.ConsumerConfig{
		Durable:   cfg.Consumer,
		AckPolicy: jetstream.AckExplicitPolicy,
		AckWait:   cfg.AckWait,
		// The worker counts deliveries and dead-letters a document itself,
		// with its error; a server-side limit would leave the message in
		// the stream, undelivered, without saying why.
		MaxDeliver: -1,
		// Bounds what one worker can hold unacked: enough for a few
		// batches per worker of a large deployment.
		MaxAckPending: 10000,
	})
	if err != nil {
		return nil, fmt.Errorf("create consumer %s: %w", cfg.Consumer, err)
	}
	return cons, nil
}

// Pending returns the number of messages the consumer has not delivered
// yet plus those delivered and not acked: the work left.
func Pending(ctx context.Context, cons jetstream.Consumer) (uint64, error) {
	info, err := cons.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("consumer info: %w", err)
	}
	return info.NumPending + uint64(info.NumAckPending), nil
}

// isTimeout reports whether err only says that a fetch found nothing.
func isTimeout(err error) bool {
	return errors.Is(err, nats.ErrTimeout) || errors.Is(err, context.DeadlineExceeded)
}
