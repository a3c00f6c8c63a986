// Package metrics holds the Prometheus collectors that `dateline worker`
// and `dateline serve` expose at /metrics, in the Prometheus text format.
//
// Every process (and every server or worker a test builds) gets a registry
// of its own from NewRegistry; nothing is registered on client_golang's
// default registry. A global registry would be mutable state shared by
// every test in a binary, so two workers built by one test would collide
// on the same metric names.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// NewRegistry returns an empty registry with the Go runtime and process
// collectors, which every dateline process exposes.
func NewRegistry() *prometheus.Registry {
	r := prometheus.NewRegistry()
	r.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return r
}

// Handler serves r's metrics in the Prometheus text format.
func Handler(r *prometheus.Registry) http.Handler {
	return promhttp.HandlerFor(r, promhttp.HandlerOpts{Registry: r, ErrorHandling: promhttp.ContinueOnError})
}

// Error kinds, the values of the errors counter's "kind" label.
const (
	// ErrDecode: a queued message that is not a document.
	ErrDecode = "decode"
	// ErrCode: a document the coder failed on.
	ErrCode = "code"
	// ErrStore: a failed store write (retried).
	ErrStore = "store"
	// ErrQueue: a failed fetch, ack or dead-letter publish.
	ErrQueue = "queue"
	// ErrDeadLetter: a document sent to the dead-letter subject.
	ErrDeadLetter = "dead_letter"
)

// Coding are the collectors of a process that codes and stores documents:
// a queue worker, or the server's POST /api/documents.
type Coding struct {
	// Coded counts documents coded and committed to the store (also those
	// the store already held).
	Coded prometheus.Counter
	// Errors counts failures by kind (the Err constants).
	Errors *prometheus.CounterVec
	// QueueLag is the number of messages the worker's consumer has not
	// yet delivered (JetStream's num_pending); a server leaves it at 0.
	QueueLag prometheus.Gauge
	// BatchSeconds is the time from a batch's fetch to its ack: decoding,
	// coding and the store write.
	BatchSeconds prometheus.Histogram
	// StoreWriteSeconds is the time of one PutDocuments call.
	StoreWriteSeconds prometheus.Histogram
}

// latencyBuckets span a one-document write on a fast disk (1 ms) to a
// large batch on a loaded machine (about 40 s).
var latencyBuckets = prometheus.ExponentialBuckets(0.001, 2.5, 13)

// NewCoding registers the coding collectors on r.
func NewCoding(r prometheus.Registerer) *Coding {
	m := &Coding{
		Coded: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "dateline_documents_coded_total",
			Help: "Documents coded and committed to the store.",
		}),
		Errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dateline_errors_total",
			Help: "Failures by kind: decode, code, store, queue, dead_letter.",
		}, []string{"kind"}),
		QueueLag: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "dateline_queue_lag_messages",
			Help: "Messages of the work queue not yet delivered to a worker (the consumer's pending count).",
		}),
		BatchSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "dateline_batch_seconds",
			Help:    "Time to process one batch, from fetch to ack.",
			Buckets: latencyBuckets,
		}),
		StoreWriteSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "dateline_store_write_seconds",
			Help:    "Time of one store write (one transaction).",
			Buckets: latencyBuckets,
		}),
	}
	r.MustRegister(m.Coded, m.Errors, m.QueueLag, m.BatchSeconds, m.StoreWriteSeconds)
	// Create every error series at 0, so that a rate() over them works
	// before the first failure.
	for _, k := range []string{ErrDecode, ErrCode, ErrStore, ErrQueue, ErrDeadLetter} {
		m.Errors.WithLabelValues(k)
	}
	return m
}

// The methods below are nil-safe, so that code built without metrics
// (library use, most tests) needs no branches.

// AddCoded counts n documents committed.
func (m *Coding) AddCoded(n int) {
	if m != nil {
		m.Coded.Add(float64(n))
	}
}

// Error counts one failure of kind.
func (m *Coding) Error(kind string) {
	if m != nil {
		m.Errors.WithLabelValues(kind).Inc()
	}
}

// SetLag sets the queue lag.
func (m *Coding) SetLag(n uint64) {
	if m != nil {
		m.QueueLag.Set(float64(n))
	}
}

// ObserveBatch records a batch that started at start.
func (m *Coding) ObserveBatch(start time.Time) {
	if m != nil {
		m.BatchSeconds.Observe(time.Since(start).Seconds())
	}
}

// ObserveWrite records a store write that started at start.
func (m *Coding) ObserveWrite(start time.Time) {
	if m != nil {
		m.StoreWriteSeconds.Observe(time.Since(start).Seconds())
	}
}
