package main

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/dateline-project/dateline/internal/source"
)

// progress shows how far a run has got: a bar on stderr when stderr is a
// terminal, else (when logEvery is set) a log line every logEvery, with
// the total and the time left once countInputs has counted the inputs.
type progress struct {
	bar      *progressbar.ProgressBar
	log      *slog.Logger
	logEvery time.Duration
	start    time.Time

	mu      sync.Mutex
	total   int // -1 until counted
	lastLog time.Time
}

// newProgress makes the run's progress display; what names the work
// ("coding", "ingesting"). With stderr not a terminal and logEvery 0 it
// shows nothing.
func newProgress(e *env, what string, logEvery time.Duration) *progress {
	p := &progress{log: e.log, logEvery: logEvery, start: time.Now(), total: -1}
	p.lastLog = p.start
	if isTerminal(e.stderr) {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription(what),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSpinnerType(14),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// countInputs counts the inputs first, when they can be read twice (see
// source.Count), so that the bar and the log lines show a total and the
// time left. Reading costs a small share of coding, which is why the
// count comes first rather than beside the run: the total is there from
// the first line. A count that fails or is interrupted leaves the total
// unknown; the run reports the input's errors itself.
func (p *progress) countInputs(ctx context.Context, inputs []string, opts source.Options) {
	if p.bar == nil && p.logEvery == 0 {
		return // nobody would see the total
	}
	n, ok, err := source.Count(ctx, inputs, opts)
	if err != nil || !ok {
		return
	}
	p.mu.Lock()
	p.total = n
	p.mu.Unlock()
	if p.bar != nil {
		p.bar.ChangeMax(n)
	}
}

// update reports done items, with a description for the bar and fields
// for the log line.
func (p *progress) update(done int, desc string, fields ...any) {
	p.mu.Lock()
	total := p.total
	logNow := p.bar == nil && p.logEvery > 0 && time.Since(p.lastLog) >= p.logEvery
	if logNow {
		p.lastLog = time.Now()
	}
	p.mu.Unlock()
	if p.bar != nil {
		p.bar.Describe(desc)
		_ = p.bar.Set(done)
		return
	}
	if !logNow {
		return
	}
	elapsed := time.Since(p.start)
	fields = append([]any{"done", done}, fields...)
	if total >= 0 {
		fields = append(fields, "total", total)
		if done > 0 && total >= done {
			left := time.Duration(float64(elapsed) * float64(total-done) / float64(done))
			fields = append(fields, "eta", left.Round(time.Second).String())
		}
	}
	fields = append(fields, "docs_per_s", fmt.Sprintf("%.0f", float64(done)/elapsed.Seconds()))
	p.log.Info("progress", fields...)
}

// finish clears the bar.
func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
