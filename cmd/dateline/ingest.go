package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/dedup"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/pipeline"
	"github.com/dateline-project/dateline/internal/source"
	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/open"
)

// coderFlags are the flags that choose the coder's resources, shared by the
// commands that code documents into the store.
type coderFlags struct {
	workers *int
	dicts   listFlag
	pActors listFlag
	pAgents listFlag
}

func addCoderFlags(fs *flag.FlagSet) *coderFlags {
	c := &coderFlags{workers: fs.Int("workers", 0, "number of coding workers (default: all cores)")}
	fs.Var(&c.dicts, "dict", "load a user dictionary `FILE` (repeatable)")
	fs.Var(&c.pActors, "petrarch-actors", "load a PETRARCH actor dictionary `FILE` (repeatable)")
	fs.Var(&c.pAgents, "petrarch-agents", "load a PETRARCH agent dictionary `FILE` (repeatable)")
	return c
}

func (c *coderFlags) options(log *slog.Logger) coder.Options {
	return coder.Options{Workers: *c.workers, Dicts: c.dicts, PetrarchActors: c.pActors, PetrarchAgents: c.pAgents, Logger: log}
}

func (c *coderFlags) load(log *slog.Logger) (*coder.Coder, error) {
	return coder.Load(c.options(log))
}

// defaultBatch is how many documents ingest commits at once; the store
// applies the incident changes of each commit together, and bench takes
// them as often.
const defaultBatch = 64

// errKnown marks a document that is already stored; it travels through the
// pipeline as an item error so that the document is not coded again, and
// keeps its place in the input order.
var errKnown = errors.New("already stored")

// ingestCounts are what ingest reports. A document is counted only once
// its transaction has committed (or it was found already stored), so after
// a crash a re-run's counts add up to the input exactly.
type ingestCounts struct {
	New int `json:"new"`
	// Replaced counts stored documents written again: new text under
	// their id, or recoded (--recode).
	Replaced int `json:"replaced"`
	// Aliased counts new ids whose text was stored under another id.
	Aliased   int `json:"aliased"`
	Unchanged int `json:"unchanged"`
	Skipped   int `json:"skipped"`
	// Duplicates counts the new documents that repeat an earlier one.
	Duplicates int `json:"duplicates"`
}

func (c ingestCounts) done() int { return c.New + c.Replaced + c.Aliased + c.Unchanged + c.Skipped }

// pendingDoc is a coded document waiting for its commit, with what the
// store held for it when it was read, which tells how to count it.
type pendingDoc struct {
	store.Document
	// storedID: the store had a document under this id (so a write is a
	// replace, no write leaves it unchanged); else a write is new and no
	// write an alias.
	storedID bool
}

// seen is what the store held for one input document when ingest read it.
type seen struct {
	storedID  bool // its id (or an alias with it) is stored
	textKnown bool // its text is stored (under its id or another)
}

// ingester codes documents and commits them to a store in small
// transactions, in input order. Commits run on a writer goroutine of their
// own so that coding goes on while a batch is written; batches queue one
// deep, which bounds memory and keeps the commit order the input order.
type ingester struct {
	st     store.Store
	runner *pipeline.Runner
	log    *slog.Logger
	// batch and maxDelay bound how much coded work a crash can lose: a
	// transaction commits every batch documents or every maxDelay,
	// whichever comes first.
	batch    int
	maxDelay time.Duration
	// progress is called after every commit, from the writer goroutine.
	progress func(ingestCounts)
	// dedup, when set, holds the signatures of every stored document and
	// of every new one this run, in input order (see loadIndex); nil
	// turns near-duplicate detection off. Only consume touches it.
	dedup *dedup.Index
	// filed records the ids and content hashes of the documents consume
	// filed in dedup this run. A later document with one of them is
	// refused by PutDocuments (the first wins), so it must not be filed:
	// the index must hold what the store will, or a resumed run, whose
	// index is rebuilt from the store, could decide duplicates otherwise.
	filed map[string]struct{}

	// prov is the provenance stamped on every record written; recode
	// makes a stored document with the same text but another provenance
	// be coded and replaced instead of skipped.
	prov   output.Provenance
	recode bool
	// seen holds, per doc_id between the check before coding and
	// consume, what the store held (guarded by mu).
	seen map[string]seen

	pending   []pendingDoc
	lastFlush time.Time
	batches   chan []pendingDoc
	writeErr  chan error // the writer's first error, sent once

	mu     sync.Mutex
	counts ingestCounts
}

// run codes the items that produce emits and stores them. It returns the
// counts of what was committed, also on error.
func (in *ingester) run(ctx context.Context, produce func(emit func(pipeline.Item) error) error) (ingestCounts, error) {
	in.lastFlush = time.Now()
	in.filed = map[string]struct{}{}
	in.batches = make(chan []pendingDoc, 1)
	in.seen = map[string]seen{}
	in.writeErr = make(chan error, 1)
	writerDone := make(chan struct{})
	// The writer outlives a cancelled ctx: what was coded before an
	// interrupt is complete and in order, so it is kept.
	go in.write(context.WithoutCancel(ctx), writerDone)

	err := in.runner.Run(ctx, func(emit func(pipeline.Item) error) error {
		return produce(func(it pipeline.Item) error {
			if it.Err == nil && it.Doc != nil {
				known, err := in.check(ctx, it.Doc)
				if err != nil {
					return err
				}
				if known {
					it.Err = errKnown
				}
			}
			return emit(it)
		})
	}, in.consume)
	if ferr := in.flush(); err == nil {
		err = ferr
	}
	close(in.batches)
	<-writerDone
	select {
	case werr := <-in.writeErr:
		if err == nil || errors.Is(err, errWriterFailed) {
			err = werr
		}
	default:
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.counts, err
}

// check looks d up in the store before it is coded. A document stored
// with the same text (and, with recode, the same provenance) is known:
// it is not coded again, which makes re-running after a crash cheap.
// Anything else is coded: new, an updated text, a recode, or a text
// stored under another id, which the store files as an alias.
func (in *ingester) check(ctx context.Context, d *doc.Doc) (known bool, err error) {
	hash := store.ContentHash(d.Text)
	var s seen
	st, err := in.st.Stored(ctx, d.ID)
	switch {
	case err == nil:
		if st.Hash == hash && (!in.recode || (st.Provenance != nil && *st.Provenance == in.prov)) {
			return true, nil
		}
		s = seen{storedID: true, textKnown: st.Hash == hash}
	case errors.Is(err, store.ErrNotFound):
		if s.textKnown, err = in.st.HasDocument(ctx, "", hash); err != nil {
			return false, err
		}
	default:
		return false, err
	}
	in.mu.Lock()
	in.seen[d.ID] = s
	in.mu.Unlock()
	return false, nil
}

// errWriterFailed stops the pipeline when the writer has failed; run
// reports the writer's own error instead.
var errWriterFailed = errors.New("store writer failed")

func (in *ingester) write(ctx context.Context, done chan<- struct{}) {
	defer close(done)
	failed := false
	for batch := range in.batches {
		if failed {
			continue // drain, so that flush never blocks
		}
		var ins []bool
		if len(batch) > 0 {
			docs := make([]store.Document, len(batch))
			for i := range batch {
				docs[i] = batch[i].Document
			}
			var err error
			ins, err = in.st.PutDocuments(ctx, docs)
			if err != nil {
				failed = true
				in.writeErr <- err
				continue
			}
		}
		in.mu.Lock()
		for i, ok := range ins {
			switch {
			case ok && batch[i].storedID:
				in.counts.Replaced++
			case ok:
				in.counts.New++
				if batch[i].Record.DuplicateOf != nil {
					in.counts.Duplicates++
				}
			case batch[i].storedID:
				in.counts.Unchanged++
			default:
				in.counts.Aliased++
			}
		}
		n := in.counts
		in.mu.Unlock()
		if in.progress != nil {
			in.progress(n)
		}
	}
}

func (in *ingester) consume(it pipeline.Item) error {
	switch {
	case errors.Is(it.Err, errKnown):
		in.mu.Lock()
		in.counts.Unchanged++
		in.mu.Unlock()
	case it.Err != nil:
		in.mu.Lock()
		in.counts.Skipped++
		in.mu.Unlock()
		in.log.Warn("skipped", "err", it.Err)
	default:
		d := store.Document{Record: output.FromDoc(it.Doc, output.Options{}), Text: it.Doc.Text, Recode: in.recode}
		prov := in.prov
		d.Record.Provenance = &prov
		in.mu.Lock()
		s := in.seen[it.Doc.ID]
		delete(in.seen, it.Doc.ID)
		in.mu.Unlock()
		// A text the store holds already is filed as an alias or left
		// alone, never as a new document: its signature stays out of the
		// index, which must hold what the store does.
		if in.dedup != nil && !s.textKnown {
			// The hash is needed here to know what the store will keep;
			// passing it on saves the writer from hashing again.
			d.Hash = store.ContentHash(d.Text)
			idKey, hashKey := "id:"+d.Record.DocID, "hash:"+d.Hash
			_, seenID := in.filed[idKey]
			_, seenHash := in.filed[hashKey]
			switch {
			case s.storedID || seenID:
				// New text under an id already filed: the store keeps
				// its signature, but the index, which cannot take an
				// entry back, keeps the old one until the next run
				// loads the stored signatures; so this text is neither
				// filed nor marked.
				d.Signature = dedup.Sign(d.Text).Marshal()
			case !seenHash:
				d.Signature = markDuplicate(in.dedup, &d.Record, d.Text).Marshal()
				in.filed[idKey], in.filed[hashKey] = struct{}{}, struct{}{}
			}
		}
		in.pending = append(in.pending, pendingDoc{Document: d, storedID: s.storedID})
	}
	if len(in.pending) >= in.batch || time.Since(in.lastFlush) >= in.maxDelay {
		return in.flush()
	}
	return nil
}

// flush hands the pending documents to the writer (an empty batch just
// reports progress).
func (in *ingester) flush() error {
	in.lastFlush = time.Now()
	select {
	case err := <-in.writeErr:
		in.writeErr <- err // keep it for run
		return errWriterFailed
	default:
	}
	in.batches <- in.pending
	in.pending = make([]pendingDoc, 0, in.batch)
	return nil
}

// isTerminal reports whether w is a terminal, for the progress bar.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline ingest [flags] [FILES|DIRS|-]\n\nCodes documents like 'dateline code' and stores them in a database (stdin when no\ninput is given). A document stored with the same id and text is not coded again,\nso re-running after an interruption picks up where it stopped; new text under a\nstored id replaces that document, and a stored text under a new id is an alias. A document\nwhose body repeats an earlier one's is stored marked with duplicate_of (--dedup).\n\nflags:")
		fs.PrintDefaults()
	}
	var (
		dbPath = fs.String("db", "dateline.db", "database: a SQLite `FILE`, or a postgres:// URL")
		batch  = fs.Int("batch", defaultBatch, "commit every `N` documents")
		every  = fs.Duration("log-every", 5*time.Second, "log progress this often when stderr is not a terminal")
		recode = fs.Bool("recode", false, "code again the stored documents whose provenance (see 'dateline version') differs from this run's,\n"+
			"and replace them: those among the inputs, or with no inputs every such stored document, from its stored text")
		inputFl = addInputFlags(fs)
		coderFl = addCoderFlags(fs)
		dedupFl = addDedupFlags(fs, true)
		natsURL = fs.String("nats", "", "queue the documents on the NATS JetStream server at `URL` for 'dateline worker' instead of coding them here (--db, --batch, the coder and --dedup flags are then unused)")
	)
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if *coderFl.workers < 0 || *batch <= 0 || *every <= 0 {
		fmt.Fprintln(e.stderr, "dateline ingest: --workers, --batch and --log-every must be positive")
		return errUsage
	}
	// --recode alone recodes the store from its own texts; it reads no
	// stdin.
	fromStore := *recode && len(inputs) == 0
	if len(inputs) == 0 && !fromStore {
		inputs = []string{"-"}
	}
	opts, err := inputFl.options("ingest", e.stderr, e.stdin)
	if err != nil {
		return err
	}
	if *natsURL != "" {
		return publishInputs(ctx, e, *natsURL, inputs, opts)
	}
	ix, err := dedupFl.index("ingest", fs, e.stderr)
	if err != nil {
		return err
	}
	// The database first: a bad --db should fail at once, not after the
	// models have loaded.
	db, err := open.Open(ctx, *dbPath, open.Options{Create: true})
	if err != nil {
		return fmt.Errorf("database: %w", err)
	}
	defer db.Close()
	if ix != nil {
		if err := loadIndex(ctx, db, ix, e.log); err != nil {
			return err
		}
	}
	prov, err := coder.Provenance(coderFl.options(e.log))
	if err != nil {
		return err
	}
	c, err := coderFl.load(e.log)
	if err != nil {
		return err
	}

	in := &ingester{st: db, runner: c.Runner(), log: e.log, batch: *batch, maxDelay: 250 * time.Millisecond, dedup: ix,
		prov: prov, recode: *recode}
	start := time.Now()
	prog := newProgress(e, "ingesting", *every)
	if !fromStore {
		prog.countInputs(ctx, inputs, opts)
	}
	in.progress = func(n ingestCounts) {
		prog.update(n.done(), fmt.Sprintf("ingesting: %d new, %d replaced, %d unchanged, %d skipped", n.New, n.Replaced, n.Unchanged, n.Skipped),
			"new", n.New, "replaced", n.Replaced, "unchanged", n.Unchanged, "skipped", n.Skipped)
	}

	counts, err := in.run(ctx, func(emit func(pipeline.Item) error) error {
		if fromStore {
			return storedDocs(ctx, db, prov, emit)
		}
		return source.Read(ctx, inputs, opts, func(it source.Item) error {
			return emit(pipeline.Item{Doc: it.Doc, Err: it.Err})
		})
	})
	prog.finish()
	elapsed := time.Since(start)
	done := []any{"new", counts.New, "replaced", counts.Replaced, "aliased", counts.Aliased, "unchanged", counts.Unchanged, "skipped", counts.Skipped}
	if ix != nil {
		done = append(done, "duplicates", counts.Duplicates)
	}
	e.log.Info("done", append(done, "seconds", fmt.Sprintf("%.1f", elapsed.Seconds()), "db", open.Name(*dbPath))...)
	if err != nil {
		return err
	}
	if cerr := db.Close(); cerr != nil {
		return cerr
	}
	if counts.Skipped > 0 {
		return fmt.Errorf("%w: %d of %d", errSkipped, counts.Skipped, counts.done())
	}
	if counts.done() == 0 {
		e.log.Warn("no documents found in the input")
	}
	return nil
}

// storedDocs emits, in storage order, a Doc for every stored document
// whose provenance differs from prov, rebuilt from its stored text and
// metadata as a reader would have made it, for --recode to code again.
func storedDocs(ctx context.Context, st store.Store, prov output.Provenance, emit func(pipeline.Item) error) error {
	return st.Stale(ctx, prov, func(id string) error {
		d, err := st.Document(ctx, id)
		if err != nil {
			return err
		}
		r := &d.Record
		dd := &doc.Doc{ID: r.DocID, Text: d.Text, Title: r.Title, SourceName: r.Source.Name,
			Source: doc.SourceRef{Path: r.Source.Path, Line: r.Source.Line, URL: r.Source.URL}}
		if r.Published != nil {
			if t, err := time.Parse("2006-01-02", *r.Published); err == nil {
				dd.Published = t
			}
		}
		return emit(pipeline.Item{Doc: dd})
	})
}
