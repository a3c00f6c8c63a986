package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dateline-project/dateline/internal/doc"
)

// Publisher queues documents on the work stream. Publishing is
// asynchronous, up to a window of unacknowledged messages, because waiting
// for each acknowledgement in turn would make the publisher's rate one
// document per round trip. It is not safe for concurrent use.
type Publisher struct {
	js       jetstream.JetStream
	cfg      Config
	window   int
	inFlight []jetstream.PubAckFuture
	// Queued and Duplicates count the documents the stream accepted, and
	// those it already held under the same id (within its duplicate
	// window).
	Queued, Duplicates int
}

// NewPublisher returns a publisher on js; Setup must have made the stream.
func NewPublisher(js jetstream.JetStream, cfg Config) *Publisher {
	return &Publisher{js: js, cfg: cfg.withDefaults(), window: 256}
}

// Publish queues d, with its id as the message id. It returns once the
// window has room; an error means the stream refused d (or a document
// published before it) even after retries.
func (p *Publisher) Publish(ctx context.Context, d *doc.Doc) error {
	body, err := Encode(d)
	if err != nil {
		return err
	}
	msg := &nats.Msg{Subject: p.cfg.Subject, Data: body, Header: nats.Header{}}
	msg.Header.Set(jetstream.MsgIDHeader, d.ID)
	for len(p.inFlight) >= p.window {
		if err := p.settle(ctx, p.inFlight[0]); err != nil {
			return err
		}
		p.inFlight = p.inFlight[1:]
	}
	f, err := p.js.PublishMsgAsync(msg)
	if err != nil {
		// The async buffer is full or the connection is down: fall back
		// to a synchronous publish with retries.
		return p.retry(ctx, msg, err)
	}
	p.inFlight = append(p.inFlight, f)
	return nil
}

// Flush waits until every published document is acknowledged.
func (p *Publisher) Flush(ctx context.Context) error {
	for len(p.inFlight) > 0 {
		if err := p.settle(ctx, p.inFlight[0]); err != nil {
			return err
		}
		p.inFlight = p.inFlight[1:]
	}
	return nil
}

func (p *Publisher) settle(ctx context.Context, f jetstream.PubAckFuture) error {
	select {
	case ack := <-f.Ok():
		p.count(ack)
		return nil
	case err := <-f.Err():
		return p.retry(ctx, f.Msg(), err)
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *Publisher) count(ack *jetstream.PubAck) {
	if ack.Duplicate {
		p.Duplicates++
	} else {
		p.Queued++
	}
}

// publishAttempts bounds the retries of one message: with the backoff
// below they span about 25 seconds, long enough for a NATS server to
// restart.
const publishAttempts = 12

// retry publishes msg synchronously until the stream acknowledges it. The
// message id makes a retry of a message the stream did store harmless.
func (p *Publisher) retry(ctx context.Context, msg *nats.Msg, cause error) error {
	delay := 100 * time.Millisecond
	for attempt := 1; attempt <= publishAttempts; attempt++ {
		if err := sleep(ctx, delay); err != nil {
			return err
		}
		delay = min(2*delay, 4*time.Second)
		ack, err := p.js.PublishMsg(ctx, msg)
		if err == nil {
			p.count(ack)
			return nil
		}
		cause = err
		if errors.Is(err, context.Canceled) {
			return err
		}
	}
	return fmt.Errorf("publish document %s to %s: %w", msg.Header.Get(jetstream.MsgIDHeader), msg.Subject, cause)
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
