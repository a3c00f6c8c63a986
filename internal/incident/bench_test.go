package incident

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// synthWorld generates reports of synthetic incidents standing in for a
// news archive: 60 countries of 80 towns each, incidents spread evenly
// over five years with PLOVER's types in skewed shares (a third ASSAULT,
// a fifth PROTEST), and reports that tell an incident at every date and
// place precision in about the shares dateline's output has them: day
// 65%, published 20%, month 10%, year 4%, historical 1%; a town 60%, a
// district 15%, a province or country 15%, no place 10%. Everything
// derives from the seed and the incident's number, so an incident's
// reports can be regenerated without keeping them.
type synthWorld struct {
	seed uint64
}

const (
	synthCountries = 60
	synthTowns     = 80
	synthDays      = 5 * 365
)

var synthTypes = []struct {
	name  string
	share int
}{
	{"ASSAULT", 33}, {"PROTEST", 20}, {"COERCE", 10}, {"ACCUSE", 9}, {"CONSULT", 8},
	{"REQUEST", 4}, {"MOBILIZE", 3}, {"THREATEN", 3}, {"SANCTION", 2}, {"AID", 2},
	{"AGREE", 2}, {"SUPPORT", 1}, {"REJECT", 1}, {"COOPERATE", 1}, {"RETREAT", 1},
}

var synthSectors = []string{"GOV", "MIL", "COP", "REB", "CVL", "OPP", "JRN", "EDU", "LAB", "BUS"}

// incident returns the attributes every report of incident i shares.
func (w synthWorld) incident(i int) (typ string, country, town, day int, actor, recipient Actor) {
	rng := rand.New(rand.NewPCG(w.seed, uint64(i)))
	k := rng.IntN(100)
	for _, t := range synthTypes {
		if k < t.share {
			typ = t.name
			break
		}
		k -= t.share
	}
	if typ == "" {
		typ = "ASSAULT"
	}
	country, town, day = rng.IntN(synthCountries), rng.IntN(synthTowns), rng.IntN(synthDays)
	cc := fmt.Sprintf("C%02d", country)
	actor = Actor{cc, synthSectors[rng.IntN(len(synthSectors))]}
	recipient = Actor{cc, synthSectors[rng.IntN(len(synthSectors))]}
	return
}

// countryCentre and townPoint place countries on a grid over the land
// between 30°S and 50°N, and towns within 3° of their country's centre.
func countryCentre(c int) (lat, lon float64) {
	return -30 + float64(c/10)*13, -20 + float64(c%10)*15
}

func (w synthWorld) townPoint(c, t int) (lat, lon float64) {
	rng := rand.New(rand.NewPCG(w.seed^0xfeed, uint64(c*synthTowns+t)))
	la, lo := countryCentre(c)
	return la + rng.Float64()*6 - 3, lo + rng.Float64()*6 - 3
}

// report returns report r of incident i.
func (w synthWorld) report(i, r int) Report {
	typ, country, town, day, actor, recipient := w.incident(i)
	rng := rand.New(rand.NewPCG(w.seed+1, uint64(i)<<8|uint64(r)))
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	doc := fmt.Sprintf("doc-%d-%d", i, r)
	rep := Report{
		EventID: doc + "-e1", DocID: doc, Source: fmt.Sprintf("outlet-%d", rng.IntN(500)),
		Type: typ, Actors: []Actor{actor}, Recipients: []Actor{recipient},
		Published:  base.AddDate(0, 0, day+rng.IntN(3)).Add(time.Duration(rng.IntN(24)) * time.Hour),
		Confidence: float64(50+rng.IntN(50)) / 100,
	}
	if rng.IntN(5) == 0 {
		rep.Actors = nil // "gunmen", "protesters": no actor coded
	}
	date := base.AddDate(0, 0, day)
	switch k := rng.IntN(100); {
	case k < 65:
		rep.DatePrecision, rep.Date = PrecisionDay, date.Format("2006-01-02")
	case k < 85:
		rep.DatePrecision, rep.Date = PrecisionPublished, date.AddDate(0, 0, 1).Format("2006-01-02")
	case k < 95:
		rep.DatePrecision, rep.Date = PrecisionMonth, date.Format("2006-01-02")
	case k < 99:
		rep.DatePrecision, rep.Date = PrecisionYear, date.Format("2006-01-02")
	default:
		rep.DatePrecision = PrecisionHistorical
	}
	cc := fmt.Sprintf("C%02d", country)
	lat, lon := w.townPoint(country, town)
	switch k := rng.IntN(100); {
	case k < 60:
		rep.Place = &Place{GeonameID: 1 + country*synthTowns + town, CountryCode: cc, Lat: lat, Lon: lon, Precision: 1}
	case k < 75:
		rep.Place = &Place{CountryCode: cc, Lat: lat + rng.Float64()*0.3 - 0.15, Lon: lon + rng.Float64()*0.3 - 0.15, Precision: 2}
	case k < 90:
		la, lo := countryCentre(country)
		rep.Place = &Place{GeonameID: -1 - country, CountryCode: cc, Lat: la, Lon: lo, Precision: 3}
	}
	return rep
}

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
	c             *Clusterer
	generated     int // incidents generated so far
	heapPerReport float64
	next          int // further reports' numbers, so that none repeats
}

// benchAdd times Adds to *stp, preloading it with n incidents first if
// it is nil.
func benchAdd(b *testing.B, stp **benchState, n int) {
	w := synthWorld{seed: 18}
	if *stp == nil {
		*stp = preload(b, w, n)
	}
	st := *stp
	c := st.c
	// The reports to add are generated before the clock starts, so that
	// only Add is timed.
	reps := make([]Report, b.N)
	rng := rand.New(rand.NewPCG(99, uint64(st.next)))
	for k := range reps {
		st.next++
		if k%2 == 0 {
			reps[k] = w.report(rng.IntN(st.generated), 2+st.next)
		} else {
			reps[k] = w.report(st.generated, 0)
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
func preload(b *testing.B, w synthWorld, n int) *benchState {
	b.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for ; c.Len() < n; i++ {
		if _, err := c.Add(w.report(i, 0)); err != nil {
			b.Fatal(err)
		}
		if i%3 == 0 {
			if _, err := c.Add(w.report(i, 1)); err != nil {
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
