package main

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/dateline-project/dateline/internal/queue"
	"github.com/dateline-project/dateline/internal/source"
)

// publishInputs is `ingest --nats`: it reads inputs with the same readers,
// errors and exit status as ingest, and queues each document for the
// workers instead of coding it. A document is counted queued once the
// stream has acknowledged it, so a re-run after a failure queues again
// only what the stream did not already hold (the message id is the
// document id).
func publishInputs(ctx context.Context, e *env, url string, inputs []string, opts source.Options) error {
	nc, err := queue.Connect(url, "dateline ingest")
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return fmt.Errorf("jetstream: %w", err)
	}
	cfg := queue.Config{}
	if err := queue.SetupStreams(ctx, js, cfg); err != nil {
		return err
	}
	pub := queue.NewPublisher(js, cfg)
	start := time.Now()
	skipped := 0
	err = source.Read(ctx, inputs, opts, func(it source.Item) error {
		if it.Err != nil {
			skipped++
			e.log.Warn("skipped", "err", it.Err)
			return nil
		}
		return pub.Publish(ctx, it.Doc)
	})
	if ferr := pub.Flush(ctx); err == nil {
		err = ferr
	}
	e.log.Info("done", "queued", pub.Queued, "already_queued", pub.Duplicates, "skipped", skipped,
		"seconds", fmt.Sprintf("%.1f", time.Since(start).Seconds()), "nats", url)
	if err != nil {
		return err
	}
	if skipped > 0 {
		return fmt.Errorf("%w: %d of %d", errSkipped, skipped, skipped+pub.Queued+pub.Duplicates)
	}
	if pub.Queued+pub.Duplicates == 0 {
		e.log.Warn("no documents found in the input")
	}
	return nil
}
