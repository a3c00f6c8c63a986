package incident_test

import (
	"math/rand/v2"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/incident"
	"github.com/dateline-project/dateline/internal/incident/incidenttest"
)

// BenchmarkAdd adds reports to a Clusterer that already holds 100,000
// incidents (1,000,000 with DATELINE_BIG_BENCH=1): half are further
// reports of stored incidents, half first reports of new ones. It
// reports the time per Add in µs, wall and CPU, and the heap per stored
// report. The Clusterer is built once per size and reused by the
// benchmark's runs, since building it is most of the time.
func BenchmarkAdd(b *testing.B) {
	var small, big *benchState
	b.Run("100k", func(b *testing.B) { benchAdd(b, &small, 100_000) })
	b.Run("1M", func(b *testing.B) {
		if os.Getenv("DATELINE_BIG_BENCH") != "1" {
			b.Skip("set DATELINE_BIG_BENCH=1 to add to a Clusterer of 1M incidents (about 1.5 GB, some minutes to build)")
		}
		benchAdd(b, &big, 1_000_000)
	})
}

// benchState is a preloaded Clusterer shared by the runs of one size.
type benchState struct {
	c             *incident.Clusterer
	generated     int // incidents generated so far
	heapPerReport float64
	next          int // further reports' numbers, so that none repeats
}

// benchAdd times Adds to *stp, preloading it with n incidents first if
// it is nil.
func benchAdd(b *testing.B, stp **benchState, n int) {
	w := incidenttest.World{Seed: 18}
	if *stp == nil {
		*stp = preload(b, w, n)
	}
	st := *stp
	c := st.c
	// The reports to add are generated before the clock starts, so that
	// only Add is timed.
	reps := make([]incident.Report, b.N)
	rng := rand.New(rand.NewPCG(99, uint64(st.next)))
	for k := range reps {
		st.next++
		if k%2 == 0 {
			reps[k] = w.Report(rng.IntN(st.generated), 2+st.next)
		} else {
			reps[k] = w.Report(st.generated, 0)
			st.generated++
		}
	}
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	for k := range reps {
		if _, err := c.Add(reps[k]); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e3/float64(b.N), "µs/add")
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/1e3/float64(b.N), "cpu-µs/add")
	b.ReportMetric(float64(n), "incidents")
	b.ReportMetric(st.heapPerReport, "heap-B/report")
}

// preload builds a Clusterer of n incidents: incidents' first reports,
// with a second for a third of them, interleaved as an archive would
// arrive, until n incidents are stored (generated incidents that happen
// to match merge, so a few more are generated than stored).
func preload(b *testing.B, w incidenttest.World, n int) *benchState {
	b.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c, err := incident.New(incident.Options{})
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for ; c.Len() < n; i++ {
		if _, err := c.Add(w.Report(i, 0)); err != nil {
			b.Fatal(err)
		}
		if i%3 == 0 {
			if _, err := c.Add(w.Report(i, 1)); err != nil {
				b.Fatal(err)
			}
		}
	}
	c.TakeChanges()
	runtime.GC()
	runtime.ReadMemStats(&after)
	return &benchState{c: c, generated: i, heapPerReport: (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / float64(c.Reports())}
}

// cpuTime returns the user and system CPU time of the process so far:
// the benchmarks report CPU time beside wall time because the machines
// they run on are shared, and wall time then measures the neighbours too.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
