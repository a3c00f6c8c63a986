package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/nfc"
)

// Item is one unit on its way through the pipeline: a document to annotate,
// or an error from the reader (a skipped record) that must reach the output
// in its place so that nothing is silently lost.
type Item struct {
	Doc *doc.Doc
	Err error
}

// StageError reports a stage that failed or panicked on a document.
type StageError struct {
	Stage string
	DocID string
	Path  string
	Line  int
	Err   error
}

func (e *StageError) Error() string {
	loc := e.Path
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	return fmt.Sprintf("%s: document %s: stage %s: %v", loc, e.DocID, e.Stage, e.Err)
}

func (e *StageError) Unwrap() error { return e.Err }

// NewStages builds one worker's stages. It is called once per worker, so
// per-worker scratch state belongs in the stages it returns.
type NewStages func() ([]Stage, error)

// Runner annotates documents on a pool of workers.
type Runner struct {
	Workers   int // 0 means runtime.GOMAXPROCS(0)
	NewStages NewStages
}

// Apply runs stages over d in order, turning a panic into a StageError so
// that one pathological document cannot take down a run.
//
// The stages see d.Text in Unicode NFC, the form their lexicons, gazetteer
// and models were built from, while offsets must index the text as the
// user gave it (see package nfc for why the text is normalised here rather
// than each lookup key). So when d.Text is not NFC, Apply codes its NFC
// form and then puts the text back and maps every offset to it, whether
// the stages succeeded or not.
func Apply(ctx context.Context, stages []Stage, d *doc.Doc) (err error) {
	current := ""
	if normal, m := nfc.Normalize(d.Text); m != nil {
		given := d.Text
		d.Text = normal
		defer func() {
			d.Text = given
			// Lower lines up with the NFC text; it is the stages'
			// scratch, so it is dropped rather than kept wrong.
			d.Lower = ""
			d.MapOffsets(m.Start, m.End)
		}()
	}
	defer func() {
		if r := recover(); r != nil {
			err = &StageError{Stage: current, DocID: d.ID, Path: d.Source.Path, Line: d.Source.Line,
				Err: fmt.Errorf("panic: %v\n%s", r, debug.Stack())}
		}
	}()
	for _, s := range stages {
		current = s.Name()
		if e := ctx.Err(); e != nil {
			return &StageError{Stage: current, DocID: d.ID, Path: d.Source.Path, Line: d.Source.Line, Err: e}
		}
		if e := s.Process(ctx, d); e != nil {
			return &StageError{Stage: current, DocID: d.ID, Path: d.Source.Path, Line: d.Source.Line, Err: e}
		}
	}
	return nil
}

// Run pulls items from produce, annotates documents on the worker pool and
// passes every item to consume in the order produce emitted them. At most
// a few items per worker are in flight at once, so memory stays bounded
// however long the input. A stage failure is passed on as the item's Err
// (with the Doc kept), not returned; Run returns the first error from
// produce or consume, or ctx's error.
func (r *Runner) Run(ctx context.Context, produce func(emit func(Item) error) error, consume func(Item) error) error {
	workers := r.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq  int
		item Item
	}
	window := 4 * workers
	slots := make(chan struct{}, window)
	jobs := make(chan job, workers)
	results := make(chan job, window)

	stageSets := make([][]Stage, workers)
	for w := range stageSets {
		st, err := r.NewStages()
		if err != nil {
			return fmt.Errorf("build stages: %w", err)
		}
		if err := Check(st); err != nil {
			return fmt.Errorf("build stages: %w", err)
		}
		stageSets[w] = st
	}

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(stages []Stage) {
			defer wg.Done()
			for j := range jobs {
				if j.item.Err == nil && j.item.Doc != nil {
					j.item.Err = Apply(ctx, stages, j.item.Doc)
				}
				results <- j
			}
		}(stageSets[w])
	}

	produceErr := make(chan error, 1)
	go func() {
		seq := 0
		err := produce(func(it Item) error {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{seq: seq, item: it}:
			case <-ctx.Done():
				return ctx.Err()
			}
			seq++
			return nil
		})
		close(jobs)
		produceErr <- err
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	// Reorder: hold results that arrive early until their turn. The slot
	// window bounds how many can be held.
	pending := make(map[int]Item, window)
	next := 0
	var consumeErr error
	for j := range results {
		pending[j.seq] = j.item
		for {
			it, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if consumeErr == nil {
				if err := consume(it); err != nil {
					consumeErr = err
					cancel()
				}
			}
		}
	}
	perr := <-produceErr
	if consumeErr != nil {
		return consumeErr
	}
	if perr != nil && !errors.Is(perr, context.Canceled) {
		return perr
	}
	if perr != nil {
		return perr
	}
	return ctx.Err()
}
