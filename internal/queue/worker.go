package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/metrics"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/pipeline"
	"github.com/dateline-project/dateline/internal/store"
)

// Worker pulls documents from the work queue in batches, codes them,
// stores each batch in one PutDocuments call and then acks it.
type Worker struct {
	JS       jetstream.JetStream
	Consumer jetstream.Consumer
	Config   Config
	Store    store.Store
	// NewStages builds one coding goroutine's stages (coder.NewStages);
	// Workers is how many coding goroutines (0: GOMAXPROCS). The stages
	// are built once per Run and reused for every batch.
	NewStages pipeline.NewStages
	Workers   int
	// Batch is the most messages fetched at once (default 64); MaxWait is
	// how long a fetch waits to fill it (default 1s), which also bounds
	// how long a shutdown waits for an idle worker.
	Batch   int
	MaxWait time.Duration
	// MaxDeliver is the delivery at which a document that fails decoding
	// or coding goes to the dead-letter stream (default 3); before it, the
	// message is handed back for another try, since a failure can be the
	// worker's (memory, a crash of its machine) rather than the
	// document's.
	MaxDeliver int
	// MaxBackoff caps the wait between retries of a failed store write
	// or fetch (default 10s); the wait starts at 100ms and doubles.
	MaxBackoff time.Duration
	Log        *slog.Logger
	Metrics    *metrics.Coding

	counts Counts
}

// Counts are what a worker did.
type Counts struct {
	// New and Unchanged count documents committed by this worker, and
	// those the store already held (found before coding, or refused by
	// PutDocuments as a repeat).
	New, Unchanged int
	// Retried counts coding failures handed back for another delivery,
	// Dead the documents sent to the dead-letter stream.
	Retried, Dead int
	// StoreRetries counts failed store writes that were retried.
	StoreRetries int
}

func (w *Worker) defaults() {
	w.Config = w.Config.withDefaults()
	if w.Batch <= 0 {
		w.Batch = 64
	}
	if w.MaxWait <= 0 {
		w.MaxWait = time.Second
	}
	if w.MaxDeliver <= 0 {
		w.MaxDeliver = 3
	}
	if w.MaxBackoff <= 0 {
		w.MaxBackoff = 10 * time.Second
	}
	if w.Workers <= 0 {
		w.Workers = runtime.GOMAXPROCS(0)
	}
	if w.Log == nil {
		w.Log = slog.New(slog.DiscardHandler)
	}
}

// Run works until ctx is cancelled, then finishes (or, when the store is
// down, naks) the batch in hand and returns nil with its counts. The
// caller should then drain the connection, so that the last acks reach
// the server. Run returns an error only when it cannot start.
func (w *Worker) Run(ctx context.Context) (Counts, error) {
	w.defaults()
	sets := make([][]pipeline.Stage, w.Workers)
	for i := range sets {
		st, err := w.NewStages()
		if err == nil {
			err = pipeline.Check(st)
		}
		if err != nil {
			return w.counts, fmt.Errorf("build stages: %w", err)
		}
		sets[i] = st
	}
	fetchBackoff := time.Duration(0)
	for ctx.Err() == nil {
		batch, err := w.Consumer.Fetch(w.Batch, jetstream.FetchMaxWait(w.MaxWait))
		var msgs []jetstream.Msg
		if err == nil {
			for m := range batch.Messages() {
				msgs = append(msgs, m)
			}
			err = batch.Error()
		}
		if err != nil && !isTimeout(err) && len(msgs) == 0 {
			// The server is away (restarting, unreachable): wait, then
			// fetch again; the client reconnects meanwhile.
			w.Metrics.Error(metrics.ErrQueue)
			fetchBackoff = w.next(fetchBackoff)
			w.Log.Warn("fetch failed; retrying", "err", err, "in", fetchBackoff)
			_ = sleep(ctx, fetchBackoff)
			continue
		}
		fetchBackoff = 0
		if len(msgs) == 0 {
			if info, err := w.Consumer.Info(ctx); err == nil {
				w.Metrics.SetLag(info.NumPending)
			}
			continue
		}
		w.process(ctx, sets, msgs)
	}
	return w.counts, nil
}

// next is the retry wait after prev: doubling from 100ms, capped.
func (w *Worker) next(prev time.Duration) time.Duration {
	if prev <= 0 {
		return 100 * time.Millisecond
	}
	return min(2*prev, w.MaxBackoff)
}

// job is one message of a batch on its way through process.
type job struct {
	msg        jetstream.Msg
	deliveries uint64
	doc        *doc.Doc
	err        error
}

// process codes, stores and acks one batch. Coding and the store write run
// on a context that ignores ctx's cancellation: a batch in hand is
// finished rather than thrown away on SIGTERM. Only the waits between
// store retries watch ctx; a shutdown during them naks the batch.
func (w *Worker) process(ctx context.Context, sets [][]pipeline.Stage, msgs []jetstream.Msg) {
	start := time.Now()
	defer w.Metrics.ObserveBatch(start)
	work := context.WithoutCancel(ctx)
	jobs := make([]*job, 0, len(msgs))
	for _, m := range msgs {
		j := &job{msg: m}
		if md, err := m.Metadata(); err == nil {
			j.deliveries = md.NumDelivered
			w.Metrics.SetLag(md.NumPending)
		}
		j.doc, j.err = Decode(m.Data())
		if j.err != nil {
			w.Metrics.Error(metrics.ErrDecode)
			jobs = append(jobs, j)
			continue
		}
		// A document already stored (a redelivery after a crash, or a
		// republished input) is acked without coding it again.
		known, err := w.Store.HasDocument(work, j.doc.ID, store.ContentHash(j.doc.Text))
		if err == nil && known {
			w.ack(j.msg)
			w.counts.Unchanged++
			continue
		}
		jobs = append(jobs, j)
	}
	w.code(work, sets, jobs)

	var docs []store.Document
	var stored []*job
	for _, j := range jobs {
		if j.err != nil {
			if j.doc != nil {
				w.Metrics.Error(metrics.ErrCode)
			}
			if j.deliveries >= uint64(w.MaxDeliver) {
				w.deadLetter(work, j)
				continue
			}
			w.counts.Retried++
			w.Log.Warn("document failed; will retry", "delivery", j.deliveries, "err", j.err)
			if err := j.msg.NakWithDelay(w.next(time.Duration(j.deliveries) * 100 * time.Millisecond)); err != nil {
				w.Metrics.Error(metrics.ErrQueue)
			}
			continue
		}
		docs = append(docs, store.Document{Record: output.FromDoc(j.doc, output.Options{}), Text: j.doc.Text})
		stored = append(stored, j)
	}
	if len(docs) == 0 {
		return
	}
	ins, ok := w.write(ctx, work, docs, stored)
	if !ok {
		return
	}
	for i, j := range stored {
		w.ack(j.msg)
		if ins[i] {
			w.counts.New++
		} else {
			w.counts.Unchanged++
		}
	}
	w.Metrics.AddCoded(len(stored))
}

// code runs the coder over jobs on the stage sets, one goroutine each,
// setting each job's err.
func (w *Worker) code(ctx context.Context, sets [][]pipeline.Stage, jobs []*job) {
	next := make(chan *job)
	var wg sync.WaitGroup
	for _, stages := range sets[:min(len(sets), len(jobs))] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				if j.err == nil {
					j.err = pipeline.Apply(ctx, stages, j.doc)
				}
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
}

// write stores docs, retrying with backoff while the store fails, and
// tells the server the batch is still in progress between tries so that
// it is not handed to another worker. It gives up only when ctx is
// cancelled, naking the batch for another worker (or this one, restarted)
// to take up; ok is false then.
func (w *Worker) write(ctx, work context.Context, docs []store.Document, jobs []*job) (inserted []bool, ok bool) {
	backoff := time.Duration(0)
	for {
		start := time.Now()
		ins, err := w.Store.PutDocuments(work, docs)
		w.Metrics.ObserveWrite(start)
		if err == nil {
			return ins, true
		}
		w.Metrics.Error(metrics.ErrStore)
		w.counts.StoreRetries++
		backoff = w.next(backoff)
		w.Log.Warn("store write failed; retrying", "docs", len(docs), "err", err, "in", backoff)
		for _, j := range jobs {
			_ = j.msg.InProgress()
		}
		if sleep(ctx, backoff) != nil {
			for _, j := range jobs {
				_ = j.msg.Nak()
			}
			return nil, false
		}
	}
}

func (w *Worker) ack(m jetstream.Msg) {
	if err := m.Ack(); err != nil {
		// The message comes back after AckWait and is found stored.
		w.Metrics.Error(metrics.ErrQueue)
		w.Log.Warn("ack failed", "err", err)
	}
}

// maxErrorHeader bounds the error text on a dead letter: a panic's stack
// can run to many kilobytes, and NATS headers share the message's size
// limit.
const maxErrorHeader = 2048

// deadLetter publishes j's message, unchanged, on the dead-letter subject
// with its error in headers, and then terminates it on the work queue. If
// the dead-letter publish fails, the message is nak'd instead, to be tried
// again, so that a document is never dropped without a record.
func (w *Worker) deadLetter(ctx context.Context, j *job) {
	id := ""
	if j.doc != nil {
		id = j.doc.ID
	}
	if id == "" {
		// A message that is not a document still has the id its
		// publisher gave it.
		id = j.msg.Headers().Get(jetstream.MsgIDHeader)
	}
	if id == "" {
		if md, err := j.msg.Metadata(); err == nil {
			id = "seq:" + strconv.FormatUint(md.Sequence.Stream, 10)
		}
	}
	reason := strings.Join(strings.Fields(j.err.Error()), " ")
	if len(reason) > maxErrorHeader {
		reason = reason[:maxErrorHeader]
	}
	m := &nats.Msg{Subject: w.Config.DeadSubject, Data: j.msg.Data(), Header: nats.Header{}}
	m.Header.Set(HeaderError, reason)
	m.Header.Set(HeaderDeliveries, strconv.FormatUint(j.deliveries, 10))
	m.Header.Set(HeaderDocID, id)
	m.Header.Set(jetstream.MsgIDHeader, id)
	if _, err := w.JS.PublishMsg(ctx, m); err != nil {
		w.Metrics.Error(metrics.ErrQueue)
		w.Log.Error("dead-letter publish failed; the document will be delivered again", "doc", id, "err", err)
		_ = j.msg.NakWithDelay(w.MaxBackoff)
		return
	}
	if err := j.msg.TermWithReason("dead-lettered"); err != nil {
		w.Metrics.Error(metrics.ErrQueue)
	}
	w.counts.Dead++
	w.Metrics.Error(metrics.ErrDeadLetter)
	w.Log.Warn("document sent to the dead-letter subject", "doc", id, "deliveries", j.deliveries, "err", reason)
}

// DeadLetter is one document from the dead-letter stream.
type DeadLetter struct {
	DocID      string
	Error      string
	Deliveries int
	Data       []byte
}

// ReadDeadLetters returns up to max dead letters, oldest first, without
// consuming them (an ephemeral ordered consumer reads the stream).
func ReadDeadLetters(ctx context.Context, js jetstream.JetStream, cfg Config, max int) ([]DeadLetter, error) {
	cfg = cfg.withDefaults()
	c, err := js.OrderedConsumer(ctx, cfg.DeadStream, jetstream.OrderedConsumerConfig{})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", cfg.DeadStream, err)
	}
	batch, err := c.FetchNoWait(max)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", cfg.DeadStream, err)
	}
	var out []DeadLetter
	for m := range batch.Messages() {
		n, _ := strconv.Atoi(m.Headers().Get(HeaderDeliveries))
		out = append(out, DeadLetter{DocID: m.Headers().Get(HeaderDocID), Error: m.Headers().Get(HeaderError), Deliveries: n, Data: m.Data()})
	}
	if err := batch.Error(); err != nil && !isTimeout(err) && !errors.Is(err, jetstream.ErrNoMessages) {
		return out, fmt.Errorf("read %s: %w", cfg.DeadStream, err)
	}
	return out, nil
}
