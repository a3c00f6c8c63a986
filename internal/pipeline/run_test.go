package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/pipeline"
)

// slowStage sleeps for a time that depends on the document, so that
// workers finish out of order.
type slowStage struct{ inFlight, maxInFlight *atomic.Int64 }

func (slowStage) Name() string          { return "slow" }
func (slowStage) Requires() []doc.Layer { return nil }
func (slowStage) Provides() []doc.Layer { return nil }

func (s slowStage) Process(ctx context.Context, d *doc.Doc) error {
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for {
		m := s.maxInFlight.Load()
		if n <= m || s.maxInFlight.CompareAndSwap(m, n) {
			break
		}
	}
	i, _ := strconv.Atoi(d.ID)
	time.Sleep(time.Duration((i*7)%5) * 100 * time.Microsecond)
	switch {
	case i%17 == 5:
		return errors.New("refused")
	case i%23 == 7:
		var m map[string]int
		m["boom"]++ // a panic the runner must contain
	}
	d.Title = "done " + d.ID
	return nil
}

func TestRunner_KeepsOrderAndContainsFailures(t *testing.T) {
	var inFlight, maxInFlight atomic.Int64
	r := &pipeline.Runner{Workers: 4, NewStages: func() ([]pipeline.Stage, error) {
		return []pipeline.Stage{slowStage{&inFlight, &maxInFlight}}, nil
	}}
	const n = 300
	var got []pipeline.Item
	err := r.Run(context.Background(), func(emit func(pipeline.Item) error) error {
		for i := range n {
			it := pipeline.Item{Doc: &doc.Doc{ID: strconv.Itoa(i)}}
			if i%31 == 3 {
				it = pipeline.Item{Err: fmt.Errorf("reader skipped %d", i)}
			}
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}, func(it pipeline.Item) error {
		got = append(got, it)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("got %d items, want %d", len(got), n)
	}
	for i, it := range got {
		switch {
		case i%31 == 3:
			if it.Err == nil || it.Err.Error() != fmt.Sprintf("reader skipped %d", i) {
				t.Errorf("item %d: err = %v, want the reader's error in place", i, it.Err)
			}
		case i%17 == 5 || i%23 == 7:
			var se *pipeline.StageError
			if !errors.As(it.Err, &se) || se.Stage != "slow" {
				t.Errorf("item %d: err = %v, want a StageError from slow", i, it.Err)
			}
		default:
			if it.Err != nil || it.Doc.ID != strconv.Itoa(i) || it.Doc.Title != "done "+it.Doc.ID {
				t.Errorf("item %d out of order or unprocessed: %+v", i, it)
			}
		}
	}
	if m := maxInFlight.Load(); m > 4 {
		t.Errorf("max in flight = %d, want <= workers", m)
	}
}

func TestRunner_StopsOnConsumeError(t *testing.T) {
	r := &pipeline.Runner{Workers: 2, NewStages: func() ([]pipeline.Stage, error) { return nil, nil }}
	stop := errors.New("disk full")
	produced := 0
	err := r.Run(context.Background(), func(emit func(pipeline.Item) error) error {
		for i := 0; i < 1_000_000; i++ {
			if err := emit(pipeline.Item{Doc: &doc.Doc{}}); err != nil {
				return err
			}
			produced++
		}
		return nil
	}, func(pipeline.Item) error { return stop })
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want %v", err, stop)
	}
	if produced > 100 {
		t.Errorf("producer ran on for %d items after the consumer failed", produced)
	}
}

func TestRunner_Cancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := &pipeline.Runner{Workers: 2, NewStages: func() ([]pipeline.Stage, error) { return nil, nil }}
	n := 0
	err := r.Run(ctx, func(emit func(pipeline.Item) error) error {
		for {
			if err := emit(pipeline.Item{Doc: &doc.Doc{}}); err != nil {
				return err
			}
		}
	}, func(pipeline.Item) error {
		n++
		if n == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// layerStage declares layers and does nothing else.
type layerStage struct {
	name               string
	requires, provides []doc.Layer
	calls              *int
}

func (s layerStage) Name() string          { return s.name }
func (s layerStage) Requires() []doc.Layer { return s.requires }
func (s layerStage) Provides() []doc.Layer { return s.provides }
func (s layerStage) Process(ctx context.Context, d *doc.Doc) error {
	if s.calls != nil {
		*s.calls++
	}
	return nil
}

func TestCheck_RefusesAnOrderThatCannotWork(t *testing.T) {
	text := layerStage{name: "text", provides: []doc.Layer{doc.LayerText}}
	actor := layerStage{name: "actor", requires: []doc.Layer{doc.LayerText}, provides: []doc.Layer{doc.LayerEntities}}
	quote := layerStage{name: "quote", requires: []doc.Layer{doc.LayerText, doc.LayerEntities}, provides: []doc.Layer{doc.LayerQuotes}}
	if err := pipeline.Check([]pipeline.Stage{text, actor, quote}); err != nil {
		t.Errorf("a working order refused: %v", err)
	}
	err := pipeline.Check([]pipeline.Stage{text, quote, actor})
	if err == nil || !strings.Contains(err.Error(), `"quote"`) || !strings.Contains(err.Error(), `"entities"`) {
		t.Errorf("quote before actor: %v, want an error naming the stage and the missing layer", err)
	}
	r := &pipeline.Runner{Workers: 1, NewStages: func() ([]pipeline.Stage, error) {
		return []pipeline.Stage{quote, text}, nil
	}}
	err = r.Run(context.Background(), func(func(pipeline.Item) error) error { return nil }, func(pipeline.Item) error { return nil })
	if err == nil || !strings.Contains(err.Error(), `"text"`) {
		t.Errorf("Runner built a bad order: %v", err)
	}
}

func TestApply_StopsWhenCancelled(t *testing.T) {
	calls := 0
	stages := []pipeline.Stage{layerStage{name: "a", calls: &calls}, layerStage{name: "b", calls: &calls}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := pipeline.Apply(ctx, stages, &doc.Doc{ID: "x"})
	if !errors.Is(err, context.Canceled) || calls != 0 {
		t.Errorf("Apply after cancel: %v with %d stage calls, want context.Canceled and none", err, calls)
	}
}

// placeStage marks the first occurrence of word, as a gazetteer stage
// would, and fails or panics after it when told to.
type placeStage struct {
	word string
	seen *string
	fail string // "", "error" or "panic"
}

func (placeStage) Name() string          { return "place" }
func (placeStage) Requires() []doc.Layer { return nil }
func (placeStage) Provides() []doc.Layer { return nil }
func (s placeStage) Process(_ context.Context, d *doc.Doc) error {
	*s.seen = d.Text
	if i := strings.Index(d.Text, s.word); i >= 0 {
		d.Places = append(d.Places, doc.Place{Span: doc.Span{Start: i, End: i + len(s.word)}, Name: s.word})
	}
	switch s.fail {
	case "error":
		return errors.New("failed")
	case "panic":
		panic("failed")
	}
	return nil
}

func TestApply_CodesNFCAndMapsOffsetsBack(t *testing.T) {
	const given = " Officials in Bogota\u0301 and Paris said"
	for _, fail := range []string{"", "error", "panic"} {
		var seen string
		d := &doc.Doc{Text: given}
		err := pipeline.Apply(context.Background(), []pipeline.Stage{placeStage{word: "Bogotá", seen: &seen, fail: fail}}, d)
		if (err != nil) != (fail != "") {
			t.Errorf("fail=%q: err = %v", fail, err)
		}
		if seen != " Officials in Bogotá and Paris said" {
			t.Errorf("fail=%q: the stage saw %q, want the NFC text", fail, seen)
		}
		if d.Text != given {
			t.Errorf("fail=%q: text after Apply = %q, want it as given", fail, d.Text)
		}
		if len(d.Places) != 1 || d.SpanText(d.Places[0].Span) != "Bogota\u0301" {
			t.Errorf("fail=%q: places = %+v, want the span of the decomposed name in the given text", fail, d.Places)
		}
	}
	// NFC text is left as it is.
	var seen string
	d := &doc.Doc{Text: " Paris said"}
	if err := pipeline.Apply(context.Background(), []pipeline.Stage{placeStage{word: "Paris", seen: &seen}}, d); err != nil {
		t.Fatal(err)
	}
	if d.Places[0].Span != (doc.Span{Start: 1, End: 6}) {
		t.Errorf("place in NFC text at %+v, want {1 6}", d.Places[0].Span)
	}
}
