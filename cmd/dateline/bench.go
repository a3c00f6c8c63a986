package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"syscall"
	"time"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/dedup"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/incident"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/pipeline"
	"github.com/dateline-project/dateline/internal/synth"
)

// stageClock accumulates the time each stage spends, across workers.
type stageClock struct {
	mu    sync.Mutex
	total map[string]time.Duration
	order []string
}

func (c *stageClock) add(name string, d time.Duration) {
	c.mu.Lock()
	if _, ok := c.total[name]; !ok {
		c.order = append(c.order, name)
	}
	c.total[name] += d
	c.mu.Unlock()
}

type timedStage struct {
	pipeline.Stage
	clock *stageClock
}

// Process times the stage in CPU time of the worker's OS thread, which
// the goroutine holds for the call: wall time would count the time other
// processes on a shared machine take from it.
func (t timedStage) Process(ctx context.Context, d *doc.Doc) error {
	runtime.LockOSThread()
	start := threadCPU()
	err := t.Stage.Process(ctx, d)
	t.clock.add(t.Name(), threadCPU()-start)
	runtime.UnlockOSThread()
	return err
}

// benchReport is what bench prints; --json writes it as is.
type benchReport struct {
	Articles      int     `json:"articles"`
	Workers       int     `json:"workers"`
	Seconds       float64 `json:"seconds"`
	ArticlesPerS  float64 `json:"articles_per_s"`
	MBPerS        float64 `json:"mb_per_s"`
	TokensPerS    float64 `json:"tokens_per_s"`
	TokensPerCore float64 `json:"tokens_per_s_per_core"`
	PeakRSSMB     float64 `json:"peak_rss_mb"`
	Events        int     `json:"events"`
	// CPUSeconds is the process's CPU time over the coding run, and
	// ArticlesPerCPUS the articles coded per CPU second: the figure to
	// compare between builds on a shared machine.
	CPUSeconds      float64            `json:"cpu_seconds"`
	ArticlesPerCPUS float64            `json:"articles_per_cpu_s"`
	StageSeconds    map[string]float64 `json:"stage_cpu_seconds"`
	StageShare      map[string]float64 `json:"stage_share_of_text"`
	// Dedup is the cost of near-duplicate detection as ingest runs it
	// (signing each body and looking it up), absent with --dedup=false.
	Dedup *dedupReport `json:"dedup,omitempty"`
	// Incidents is the cost of grouping the coded events into incidents
	// as the store does (converting each event to a report and adding it
	// to one Clusterer, taking the changes after each article), and
	// DedupAndIncidents the two steps' CPU over coding's: what they add
	// to the pipeline. Absent with --dedup=false.
	Incidents         *incidentReport `json:"incidents,omitempty"`
	DedupAndIncidents float64         `json:"dedup_and_incidents_share_of_coding_cpu,omitempty"`
}

// incidentReport is what incident clustering cost in a bench run.
type incidentReport struct {
	CPUSeconds    float64 `json:"cpu_seconds"`
	NsPerArticle  float64 `json:"cpu_ns_per_article"`
	NsPerReport   float64 `json:"cpu_ns_per_report"`
	ShareOfCoding float64 `json:"share_of_coding_cpu"`
	Reports       int     `json:"reports"`
	Incidents     int     `json:"incidents"`
	// AllocPerArticle is what the pass allocated, per article: the pass
	// starts on a collected heap (see runBench), so the collections its
	// garbage calls for later are not in CPUSeconds.
	AllocPerArticle float64 `json:"alloc_bytes_per_article"`
}

// dedupReport is what near-duplicate detection cost in a bench run.
type dedupReport struct {
	// CPUSeconds is the process CPU time of signing every article and
	// looking it up, in a pass of its own after coding.
	CPUSeconds float64 `json:"cpu_seconds"`
	// NsPerArticle and NsPerByte are CPUSeconds per article and per
	// byte of text.
	NsPerArticle float64 `json:"cpu_ns_per_article"`
	NsPerByte    float64 `json:"cpu_ns_per_byte"`
	// ShareOfCoding is CPUSeconds over the coding run's CPUSeconds: what
	// detection adds to a document's cost.
	ShareOfCoding float64 `json:"share_of_coding_cpu"`
	Duplicates    int     `json:"duplicates"`
}

func runBench(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline bench [flags]\n\nCodes a generated, seeded corpus in-process and reports throughput.\n\nflags:")
		fs.PrintDefaults()
	}
	n := fs.Int("n", 2000, "number of articles")
	words := fs.Int("words", 600, "words per article")
	seed := fs.Uint64("seed", 1, "corpus seed")
	workers := fs.Int("workers", 0, "number of workers (default: all cores)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	dedupOn := fs.Bool("dedup", true, "detect near-duplicates as ingest does, and report what it costs")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the coding run to `FILE`")
	memProfile := fs.String("memprofile", "", "write a heap profile (allocations since start-up) to `FILE` after the coding run")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	if *n <= 0 || *words <= 0 {
		fmt.Fprintln(e.stderr, "dateline bench: -n and -words must be positive")
		return errUsage
	}
	w := *workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}

	c, err := coder.Load(coder.Options{Workers: w})
	if err != nil {
		return err
	}
	clock := &stageClock{total: map[string]time.Duration{}}
	corpus := benchCorpus{seed: *seed, words: *words, n: *n}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("create profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("start profile: %w", err)
		}
	}
	// The timed run streams, as code and ingest do: each record is built
	// and let go. Holding every record for the passes below (about 85 KB
	// an article) made this run a third slower, in collections of the
	// growing heap and first touches of its pages, which is a cost of
	// this benchmark and not of coding.
	run, err := corpus.code(ctx, e, c, w, clock, func(d *doc.Doc) { output.FromDoc(d, output.Options{}) })
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return err
	}
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			return err
		}
	}
	elapsed, cpu, bytes, tokens, events, failed := run.elapsed, run.cpu, run.bytes, run.tokens, run.events, run.failed
	peakRSS := peakRSSMB()
	rep := benchReport{
		Articles: *n, Workers: w, Seconds: elapsed,
		ArticlesPerS: float64(*n) / elapsed, MBPerS: float64(bytes) / 1e6 / elapsed,
		TokensPerS: float64(tokens) / elapsed, TokensPerCore: float64(tokens) / elapsed / float64(min(w, runtime.NumCPU())),
		PeakRSSMB: peakRSS, Events: events, CPUSeconds: cpu, ArticlesPerCPUS: float64(*n) / cpu,
		StageSeconds: map[string]float64{}, StageShare: map[string]float64{},
	}
	if *dedupOn {
		// The passes need every article and record at once: a second,
		// untimed run of the same corpus keeps them.
		var coded []*doc.Doc
		var recs []output.Record
		if _, err := corpus.code(ctx, e, c, w, nil, func(d *doc.Doc) {
			coded = append(coded, &doc.Doc{ID: d.ID, Text: d.Text})
			recs = append(recs, output.FromDoc(d, output.Options{}))
		}); err != nil {
			return err
		}
		// Each pass starts on a collected heap, as a Go benchmark's
		// timer does: the heap then holds every coded article (kept for
		// these passes alone), and a collection that coding left due
		// would otherwise fall into a pass or not by chance, moving
		// the incidents' share between 7% and 12% from run to run.
		runtime.GC()
		if rep.Dedup, err = benchDedup(coded, bytes, cpu); err != nil {
			return err
		}
		runtime.GC()
		if rep.Incidents, err = benchIncidents(recs, cpu); err != nil {
			return err
		}
		rep.DedupAndIncidents = rep.Dedup.ShareOfCoding + rep.Incidents.ShareOfCoding
	}
	textTime := clock.total["text"]
	for name, d := range clock.total {
		rep.StageSeconds[name] = d.Seconds()
		if textTime > 0 {
			rep.StageShare[name] = float64(d) / float64(textTime)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintf(e.stdout, "articles      %d (%d words each, seed %d), %d workers\n", rep.Articles, *words, *seed, w)
	fmt.Fprintf(e.stdout, "elapsed       %.2f s\n", rep.Seconds)
	fmt.Fprintf(e.stdout, "articles/s    %.0f\n", rep.ArticlesPerS)
	fmt.Fprintf(e.stdout, "process CPU   %.2f s (%.0f articles per CPU second)\n", rep.CPUSeconds, rep.ArticlesPerCPUS)
	fmt.Fprintf(e.stdout, "MB/s          %.2f\n", rep.MBPerS)
	fmt.Fprintf(e.stdout, "tokens/s      %.0f (%.0f per core)\n", rep.TokensPerS, rep.TokensPerCore)
	fmt.Fprintf(e.stdout, "events        %d\n", rep.Events)
	fmt.Fprintf(e.stdout, "peak RSS      %.1f MB\n", rep.PeakRSSMB)
	if d := rep.Dedup; d != nil {
		fmt.Fprintf(e.stdout, "dedup         %.3f s CPU, %.0f µs per article (%.0f ns per byte), %.1f%% of coding's CPU; %d duplicates\n",
			d.CPUSeconds, d.NsPerArticle/1e3, d.NsPerByte, 100*d.ShareOfCoding, d.Duplicates)
	}
	if d := rep.Incidents; d != nil {
		fmt.Fprintf(e.stdout, "incidents     %.3f s CPU, %.0f µs per article (%.1f µs per report), %.1f%% of coding's CPU; %d reports in %d incidents; %.1f KB allocated per article\n",
			d.CPUSeconds, d.NsPerArticle/1e3, d.NsPerReport/1e3, 100*d.ShareOfCoding, d.Reports, d.Incidents, d.AllocPerArticle/1e3)
		fmt.Fprintf(e.stdout, "dedup+incidents %.1f%% of coding's CPU (target 10%%)\n", 100*rep.DedupAndIncidents)
	}
	names := append([]string(nil), clock.order...)
	fmt.Fprintln(e.stdout, "stage CPU time (thread rusage, sum over workers), and as a share of the text layer:")
	for _, name := range names {
		fmt.Fprintf(e.stdout, "  %-8s %7.2f s  %6.1f%%\n", name, rep.StageSeconds[name], 100*rep.StageShare[name])
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d documents failed", errSkipped, failed)
	}
	return nil
}

// benchCorpus is bench's generated corpus: the same articles on every
// run with the same settings.
type benchCorpus struct {
	seed     uint64
	words, n int
}

// benchRun is what one run over the corpus measured.
type benchRun struct {
	elapsed, cpu                  float64 // wall and process CPU seconds of coding
	bytes, tokens, events, failed int
}

// code codes the corpus with w workers, handing each coded document to
// sink in input order. It generates the articles first, so that
// generation is not timed. With a clock, every stage's thread CPU time
// goes to it.
func (bc benchCorpus) code(ctx context.Context, e *env, c *coder.Coder, w int, clock *stageClock, sink func(*doc.Doc)) (benchRun, error) {
	var run benchRun
	gen := synth.New(bc.seed, bc.words)
	arts := make([]synth.Article, bc.n)
	for i := range arts {
		arts[i] = gen.Next()
		run.bytes += len(arts[i].Text)
	}
	r := c.Runner()
	r.Workers = w
	if clock != nil {
		r.NewStages = func() ([]pipeline.Stage, error) {
			st, err := c.NewStages()
			for i := range st {
				st[i] = timedStage{st[i], clock}
			}
			return st, err
		}
	}
	start, cpuStart := time.Now(), processCPU()
	err := r.Run(ctx, func(emit func(pipeline.Item) error) error {
		for i := range arts {
			d := &doc.Doc{ID: arts[i].ID, Text: arts[i].Text, Title: arts[i].Title, Published: arts[i].Published,
				Source: doc.SourceRef{Path: "bench"}}
			arts[i] = synth.Article{}
			if err := emit(pipeline.Item{Doc: d}); err != nil {
				return err
			}
		}
		return nil
	}, func(it pipeline.Item) error {
		if it.Err != nil {
			run.failed++
			e.log.Warn("bench document failed", "err", it.Err)
			return nil
		}
		run.tokens += len(it.Doc.Tokens)
		run.events += len(it.Doc.Events)
		sink(it.Doc)
		return nil
	})
	run.elapsed = time.Since(start).Seconds()
	run.cpu = (processCPU() - cpuStart).Seconds()
	return run, err
}

// benchDedup signs docs and looks each up in one index, in order, as
// ingest's consumer does, and reports the cost beside codingCPU, the
// coding run's process CPU seconds. It runs as a pass of its own, timed by
// process CPU over the whole pass, rather than call by call inside the
// coding run: a thread's CPU clock may advance in steps of milliseconds
// (it does on the project's VM), far coarser than one article's tens of
// microseconds, and per-call readings then come out as zero.
func benchDedup(docs []*doc.Doc, bytes int, codingCPU float64) (*dedupReport, error) {
	ix, err := dedup.NewIndex(dedup.Options{})
	if err != nil {
		return nil, err
	}
	dups := 0
	start := processCPU()
	for _, d := range docs {
		if _, ok := ix.Dedup(d.ID, dedup.Sign(d.Text)); ok {
			dups++
		}
	}
	cpu := processCPU() - start
	return &dedupReport{
		CPUSeconds:    cpu.Seconds(),
		NsPerArticle:  float64(cpu.Nanoseconds()) / float64(max(1, len(docs))),
		NsPerByte:     float64(cpu.Nanoseconds()) / float64(max(1, bytes)),
		ShareOfCoding: cpu.Seconds() / codingCPU,
		Duplicates:    dups,
	}, nil
}

// benchIncidents groups the events of recs into incidents, in order, as
// the store does on ingest (converting each event, adding it, taking the
// changes after each commit of defaultBatch documents), and reports the
// cost beside codingCPU. It converts with one incident.Converter, as
// `code --dedup` does, whose arrays each record reuses.
// Timed as a pass of its own, by process CPU, for the reason benchDedup
// gives.
func benchIncidents(recs []output.Record, codingCPU float64) (*incidentReport, error) {
	c, err := incident.New(incident.Options{})
	if err != nil {
		return nil, err
	}
	reports := 0
	var cv incident.Converter
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := processCPU()
	for i := range recs {
		for _, r := range cv.Record(&recs[i]) {
			if _, err := incident.AddOrSingle(c, r); err != nil {
				return nil, err
			}
			reports++
		}
		if (i+1)%defaultBatch == 0 || i == len(recs)-1 {
			c.TakeChanges()
		}
	}
	cpu := processCPU() - start
	runtime.ReadMemStats(&after)
	return &incidentReport{
		CPUSeconds:      cpu.Seconds(),
		NsPerArticle:    float64(cpu.Nanoseconds()) / float64(max(1, len(recs))),
		NsPerReport:     float64(cpu.Nanoseconds()) / float64(max(1, reports)),
		ShareOfCoding:   cpu.Seconds() / codingCPU,
		Reports:         reports,
		Incidents:       c.Len(),
		AllocPerArticle: float64(after.TotalAlloc-before.TotalAlloc) / float64(max(1, len(recs))),
	}, nil
}

// peakRSSMB returns the process's peak resident set size.
func peakRSSMB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // Linux reports KiB
}

// writeHeapProfile writes the heap profile to path; its alloc_space view
// shows where the coding run allocated.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create heap profile: %w", err)
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("write heap profile %s: %w", path, err)
	}
	return f.Close()
}
