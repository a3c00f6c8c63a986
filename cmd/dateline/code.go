package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/incident"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/pipeline"
	"github.com/dateline-project/dateline/internal/source"
)

func runCode(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("code", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline code [flags] [FILES|DIRS|-]\n\nCodes each document into one JSON object per line (stdin when no input is given).\n\nflags:")
		fs.PrintDefaults()
	}
	var (
		pretty   = fs.Bool("pretty", false, "indent the JSON output")
		outPath  = fs.String("o", "", "write output to `FILE` instead of stdout")
		workers  = fs.Int("workers", 0, "number of workers (default: all cores)")
		annotate = fs.Bool("annotate", false, "add sentences and tokens (with tags) to each record")
		withText = fs.Bool("text", false, "add the document text, which every offset indexes, to each record")
		inputFl  = addInputFlags(fs)
		dedupFl  = addDedupFlags(fs, false)
		dicts    listFlag
		pActors  listFlag
		pAgents  listFlag
	)
	fs.Var(&dicts, "dict", "load a user dictionary `FILE` (repeatable)")
	fs.Var(&pActors, "petrarch-actors", "load a PETRARCH actor dictionary `FILE` (repeatable)")
	fs.Var(&pAgents, "petrarch-agents", "load a PETRARCH agent dictionary `FILE` (repeatable)")
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if *workers < 0 {
		fmt.Fprintln(e.stderr, "dateline code: --workers must be positive")
		return errUsage
	}
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	opts, err := inputFl.options("code", e.stderr, e.stdin)
	if err != nil {
		return err
	}
	// One index per run: every document is compared with those before it
	// in the input, whichever worker coded them.
	ix, err := dedupFl.index("code", fs, e.stderr)
	if err != nil {
		return err
	}

	c, err := coder.Load(coder.Options{Workers: *workers, Dicts: dicts, PetrarchActors: pActors, PetrarchAgents: pAgents, Logger: e.log})
	if err != nil {
		return err
	}

	var w io.Writer = e.stdout
	var file *os.File
	if *outPath != "" {
		file, err = os.Create(*outPath)
		if err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer file.Close()
		w = file
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	enc := output.NewLineEncoder(bw)
	if *pretty {
		enc.SetIndent("", "  ")
	}

	// With --dedup, events are also grouped into incidents over the whole
	// run; an incident's id can change until the last record is read, so
	// the records wait (in a temporary file) and are written at the end.
	var batch *incident.Batch
	if ix != nil {
		if batch, err = incident.NewBatch(incident.Options{}, ""); err != nil {
			return err
		}
		defer batch.Close()
		if *pretty {
			batch.SetIndent("", "  ")
		}
	}
	skipped, coded, dups := 0, 0, 0
	// Progress on a terminal only: stderr that goes to a file or a pipe
	// gets the warnings and the last line, not a line per document.
	prog := newProgress(e, "coding", 0)
	prog.countInputs(ctx, inputs, opts)
	defer prog.finish()
	report := func() {
		prog.update(coded+skipped, fmt.Sprintf("coding: %d coded, %d skipped", coded, skipped))
	}
	err = c.Runner().Run(ctx, func(emit func(pipeline.Item) error) error {
		return source.Read(ctx, inputs, opts, func(it source.Item) error {
			return emit(pipeline.Item{Doc: it.Doc, Err: it.Err})
		})
	}, func(it pipeline.Item) error {
		defer report()
		if it.Err != nil {
			skipped++
			e.log.Warn("skipped", "err", it.Err)
			return nil
		}
		coded++
		rec := output.FromDoc(it.Doc, output.Options{Annotate: *annotate, Text: *withText})
		if ix != nil {
			markDuplicate(ix, &rec, it.Doc.Text)
			if rec.DuplicateOf != nil {
				dups++
			}
		}
		if batch != nil {
			ok, err := batch.Add(&rec)
			if err != nil {
				return err
			}
			if !ok {
				e.log.Warn("doc_id repeats an earlier document's: its events get no incident_id", "doc_id", rec.DocID,
					"path", rec.Source.Path, "line", rec.Source.Line)
			}
			return nil
		}
		if err := enc.Encode(rec); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		return nil
	})
	if batch != nil {
		// Even after an interruption: the records coded so far, with the
		// incidents they form among themselves.
		eerr := batch.Emit(bw)
		if err == nil {
			err = eerr
		}
	}
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("write output: %w", ferr)
	}
	if file != nil {
		if cerr := file.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("close output: %w", cerr)
		}
	}
	if err != nil {
		return err
	}
	done := []any{"coded", coded, "skipped", skipped}
	if ix != nil {
		done = append(done, "duplicates", dups, "incidents", batch.Incidents())
	}
	e.log.Info("done", done...)
	if skipped > 0 {
		return fmt.Errorf("%w: %d of %d", errSkipped, skipped, skipped+coded)
	}
	if coded == 0 && !errors.Is(ctx.Err(), context.Canceled) {
		e.log.Warn("no documents found in the input")
	}
	return nil
}
