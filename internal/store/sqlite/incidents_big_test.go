package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/incident"
	"github.com/dateline-project/dateline/internal/incident/incidenttest"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

// BenchmarkIncidentStep1M measures the incident step of storing a
// document into a store that holds 1,000,000 incidents: clustering the
// document's reports with the store's Clusterer and writing what changed
// to SQLite (store.Incidents.Add, as PutDocuments calls it), in the
// write's transaction, the new events' member rows included (they are
// written with their membership, once clustered; before, put wrote them
// untimed and the step updated them). The rest of the write (the
// document's other rows, the commit) is not timed. It runs with
// DATELINE_BIG_BENCH=1.
//
// The store is built once: the reports of incidenttest.World's incidents
// (the world BenchmarkAdd in internal/incident adds to) are stored as
// one-event documents through the store's own row writer, clustered in
// memory and written with one Apply, and the database is reopened, so
// that its Clusterer is restored from the rows as at any start. Each
// measured document then carries the given number of events, half
// further reports of stored incidents and half first reports of new
// ones, and is written alone (a POST) or with others (ingest's batch).
// Its publication time is either that of the first further report, near
// its incident's day (order=random: an archive read in no order, where a
// further report is as likely to be published before an incident's
// stored reports as after, and so to rename it, incidents being named
// after their first report), or a clock that runs on past every stored
// report (order=live: a feed, documents arriving as they are published,
// about incidents of any date).
// DATELINE_BIG_INCIDENTS sets another number of incidents, and
// DATELINE_BIG_INCIDENT_DB names a database file to keep between runs:
// building it took 37 minutes on a loaded 2-core machine, most of it
// storing 1.6M one-event documents.
func BenchmarkIncidentStep1M(b *testing.B) {
	if os.Getenv("DATELINE_BIG_BENCH") != "1" {
		b.Skip("set DATELINE_BIG_BENCH=1 to store into a SQLite store of 1M incidents (some minutes to build, about 3 GB of disk and memory)")
	}
	n := 1_000_000
	if s := os.Getenv("DATELINE_BIG_INCIDENTS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	db, st := bigIncidentStore(b, n, os.Getenv("DATELINE_BIG_INCIDENT_DB"))
	defer func() {
		if err := db.Close(); err != nil {
			b.Error(err)
		}
		st.save(b)
	}()
	for _, c := range []struct {
		events, batch int
		live          bool
	}{{4, 1, true}, {4, 64, true}, {4, 1, false}, {4, 64, false}, {32, 1, false}} {
		order := "random"
		if c.live {
			order = "live"
		}
		b.Run(fmt.Sprintf("events=%d/batch=%d/order=%s", c.events, c.batch, order), func(b *testing.B) {
			benchIncidentStep(b, db, st, c.events, c.batch, c.live)
		})
	}
}

// bigState is what the measured documents draw from.
type bigState struct {
	w         incidenttest.World
	generated int // incidents generated so far
	next      int // further reports' and documents' numbers, so that none repeats
	rng       *rand.Rand
	// path is the file that keeps generated and next beside a kept
	// database, "" for none.
	path string
}

// save writes st's counters to st.path, so that a later run over the
// same database generates no report twice.
func (st *bigState) save(b *testing.B) {
	if st.path == "" {
		return
	}
	if err := os.WriteFile(st.path, fmt.Appendf(nil, "%d %d\n", st.generated, st.next), 0o644); err != nil {
		b.Error(err)
	}
}

// benchIncidentStep stores b.N documents of events events each, batch
// to a transaction, and reports the incident step's process CPU and wall
// time per document.
func benchIncidentStep(b *testing.B, db *DB, st *bigState, events, batch int, live bool) {
	ctx := context.Background()
	docs := make([]store.Document, b.N)
	for k := range docs {
		docs[k] = st.document(events, live)
	}
	var cpu, wall, whole time.Duration
	b.ResetTimer()
	for from := 0; from < len(docs); from += batch {
		start := time.Now()
		c, w := db.putTimed(b, ctx, docs[from:min(from+batch, len(docs))])
		cpu, wall, whole = cpu+c, wall+w, whole+time.Since(start)
	}
	b.StopTimer()
	n := float64(b.N)
	b.ReportMetric(float64(cpu.Microseconds())/n, "cpu-µs/doc")
	b.ReportMetric(float64(wall.Microseconds())/n, "µs/doc")
	b.ReportMetric(float64(whole.Microseconds())/n, "write-µs/doc")
	b.ReportMetric(float64(events), "events/doc")
}

// putTimed stores docs in one transaction as PutDocuments does, and
// returns the process CPU and wall time of the incident step alone.
func (db *DB) putTimed(b *testing.B, ctx context.Context, docs []store.Document) (cpu, wall time.Duration) {
	b.Helper()
	db.mu.Lock()
	defer db.mu.Unlock()
	prepared, err := db.prepareWrites(ctx)
	if err != nil {
		b.Fatal(err)
	}
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	st := newTxStmts(tx, prepared)
	if err := db.syncIncidents(ctx, st); err != nil {
		b.Fatal(err)
	}
	w, err := prepare(ctx, st, true)
	if err != nil {
		b.Fatal(err)
	}
	for i := range docs {
		if ok, err := w.put(ctx, tx, &docs[i]); err != nil || !ok {
			b.Fatalf("put %s: stored %v, %v", docs[i].Record.DocID, ok, err)
		}
	}
	cpu0, start := bigCPU(b), time.Now()
	if err := db.inc.Add(ctx, incTx{tx, st}, w.reports); err != nil {
		b.Fatal(err)
	}
	cpu, wall = bigCPU(b)-cpu0, time.Since(start)
	top, err := memberTop(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	db.inc.Committed(top)
	return cpu, wall
}

// document returns a new document of n events, half of them further
// reports of incidents already generated and half first reports of new
// ones, published with its first report or, live, by the clock (see
// BenchmarkIncidentStep1M).
func (st *bigState) document(n int, live bool) store.Document {
	st.next++
	id := fmt.Sprintf("new-%d", st.next)
	var reps []incident.Report
	for k := range n {
		var r incident.Report
		if k%2 == 0 {
			st.next++
			r = st.w.Report(st.rng.IntN(st.generated), 2+st.next)
		} else {
			r = st.w.Report(st.generated, 0)
			st.generated++
		}
		r.DocID, r.EventID = id, fmt.Sprintf("%s-e%d", id, k+1)
		reps = append(reps, r)
	}
	if live {
		// A minute per document from the end of the world's days.
		reps[0].Published = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).
			AddDate(0, 0, incidenttest.Days+3).Add(time.Duration(st.next) * time.Minute)
	}
	return worldDocument(reps)
}

// worldDocument returns a document whose events give back reps (which
// share a DocID, Source and Published) through incident.FromEvent.
func worldDocument(reps []incident.Report) store.Document {
	r0 := reps[0]
	rec := output.Record{DocID: r0.DocID, Source: output.Source{Name: r0.Source}}
	if !r0.Published.IsZero() {
		p := r0.Published.Format(time.RFC3339)
		rec.Published = &p
	}
	blocks := func(as []incident.Actor) []output.ActorBlock {
		var out []output.ActorBlock
		for _, a := range as {
			out = append(out, output.ActorBlock{CountryCode: a.Country, SectorCode: a.Sector})
		}
		return out
	}
	for _, r := range reps {
		ev := output.Event{ID: r.EventID, Event: r.Type, Mode: r.Mode, DatePrecision: r.DatePrecision,
			Confidence: r.Confidence, Actor: blocks(r.Actors), Recipient: blocks(r.Recipients)}
		if r.Date != "" {
			d := r.Date
			ev.Date = &d
		}
		if p := r.Place; p != nil {
			ev.Location = &output.Location{Name: p.Name, GeonameID: p.GeonameID, CountryCode: p.CountryCode,
				Lat: p.Lat, Lon: p.Lon, Precision: p.Precision}
		}
		rec.Events = append(rec.Events, ev)
	}
	return store.Document{Record: rec, Text: "Synthetic report " + r0.DocID + "."}
}

// bigIncidentStore builds a store of n incidents at path (in a
// temporary directory when "") and opens it again, so that its Clusterer
// is restored; a store kept at path by an earlier run is opened as it is.
func bigIncidentStore(b *testing.B, n int, path string) (*DB, *bigState) {
	b.Helper()
	ctx := context.Background()
	st := &bigState{w: incidenttest.World{Seed: 18}, rng: rand.New(rand.NewPCG(99, 1))}
	if path == "" {
		path = filepath.Join(b.TempDir(), "big.db")
	} else {
		st.path = path + ".state"
		if js, err := os.ReadFile(st.path); err == nil {
			if _, err := fmt.Sscan(string(js), &st.generated, &st.next); err != nil {
				b.Fatalf("%s: %v", st.path, err)
			}
			start := time.Now()
			db, err := Open(ctx, path, Options{NoSync: true})
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("opened the kept store, the Clusterer restored from the rows, in %.0f s", time.Since(start).Seconds())
			st.rng = rand.New(rand.NewPCG(99, uint64(st.next)))
			return db, st
		}
	}
	db, err := Open(ctx, path, Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	clu, err := incident.New(incident.Options{})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	// Rows are written in transactions of rowBatch documents, their
	// reports clustered as they come; the incidents are written at the
	// end, in one Apply. Until then the members have no incident, which
	// no reader sees.
	const rowBatch = 20_000
	prepared, err := db.prepareWrites(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var tx *sql.Tx
	var w *writer
	pending := 0
	flush := func() {
		if tx != nil {
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
			tx = nil
		}
	}
	for clu.Len() < n {
		if tx == nil {
			if tx, err = db.wr.BeginTx(ctx, nil); err != nil {
				b.Fatal(err)
			}
			if w, err = prepare(ctx, newTxStmts(tx, prepared), true); err != nil {
				b.Fatal(err)
			}
			pending = 0
		}
		i := st.generated
		st.generated++
		reps := []incident.Report{st.w.Report(i, 0)}
		if i%3 == 0 {
			reps = append(reps, st.w.Report(i, 1))
		}
		for _, r := range reps {
			d := worldDocument([]incident.Report{r})
			w.reports = w.reports[:0]
			if ok, err := w.put(ctx, tx, &d); err != nil || !ok {
				b.Fatalf("put %s: stored %v, %v", d.Record.DocID, ok, err)
			}
			for _, rep := range w.reports {
				if _, err := incident.AddOrSingle(clu, rep); err != nil {
					b.Fatal(err)
				}
			}
			pending++
		}
		if pending >= rowBatch {
			flush()
		}
	}
	flush()
	b.Logf("stored %d reports of %d incidents in %.0f s", clu.Reports(), clu.Len(), time.Since(start).Seconds())
	start = time.Now()
	t, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	if err := (incTx{t, newTxStmts(t, prepared)}).Apply(ctx, clu.TakeChanges()); err != nil {
		b.Fatal(err)
	}
	if err := t.Commit(); err != nil {
		b.Fatal(err)
	}
	b.Logf("wrote the incidents in %.0f s", time.Since(start).Seconds())
	clu = nil
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	start = time.Now()
	if db, err = Open(ctx, path, Options{NoSync: true}); err != nil {
		b.Fatal(err)
	}
	b.Logf("reopened, the Clusterer restored from the rows, in %.0f s", time.Since(start).Seconds())
	return db, st
}

// bigCPU returns the process's user and system CPU time.
func bigCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
