package dedup

import (
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/testref"
)

// codingNsPerByte is the whole coder's cost per byte of text, the yardstick
// for signing: dedup should add little to a document's cost.
const codingNsPerByte = 400

// BenchmarkSign signs the dev set's articles in turn; ns/op is the cost
// per article, and the share of coding's cost that signing adds is
// reported as %coding.
func BenchmarkSign(b *testing.B) {
	arts := loadArticles(b)
	total := 0
	for _, a := range arts {
		total += len(a.Text)
	}
	b.SetBytes(int64(total / len(arts)))
	b.ReportAllocs()
	i := 0
	cpu0 := testref.ProcessCPU()
	for b.Loop() {
		Sign(arts[i%len(arts)].Text)
		i++
	}
	cpuNsPerByte := float64((testref.ProcessCPU() - cpu0).Nanoseconds()) / float64(i) / (float64(total) / float64(len(arts)))
	b.ReportMetric(cpuNsPerByte, "cpu-ns/byte")
	b.ReportMetric(100*cpuNsPerByte/codingNsPerByte, "%coding")
}

// synthCorpus generates shingle sets standing in for news articles: each
// has 150 to 450 shingles, a fifth drawn from a pool of 50,000 phrases
// shared across articles with Zipf popularity (so that unrelated
// documents overlap a little, as news does: Jaccard 0.014 at the median,
// 0.03 at most in a sample of 2,000 pairs) and the rest its own. One document in ten is a syndicated copy of an
// earlier one, keeping nine tenths of its shingles. Every document is
// derived from the seed and its number alone, so any of a million can be
// regenerated without keeping the sets.
type synthCorpus struct {
	seed uint64
}

func (c synthCorpus) shingles(i int, emit func(uint64)) {
	rng := rand.New(rand.NewPCG(c.seed, uint64(i)))
	if i > 0 && rng.IntN(10) == 0 {
		base := rng.IntN(i)
		c.shingles(base, func(x uint64) {
			if rng.IntN(10) != 0 {
				emit(x)
			}
		})
		for range 10 + rng.IntN(30) {
			emit(rng.Uint64())
		}
		return
	}
	common := rand.NewZipf(rng, 1.1, 1, 50_000-1)
	for range 150 + rng.IntN(300) {
		if rng.IntN(5) == 0 {
			emit(common.Uint64() * 0x9e3779b97f4a7c15)
		} else {
			emit(rng.Uint64())
		}
	}
}

func (c synthCorpus) sign(i int) Signature {
	s := newSketch()
	n := 0
	c.shingles(i, func(x uint64) { s.add(fmix64(x)); n++ })
	return s.signature(n + K - 1)
}

// BenchmarkQuery looks up signatures in an index of 100,000 generated
// ones (1,000,000 with DATELINE_BIG_BENCH=1): half of the queries are
// fresh copies of stored documents, half unrelated documents. It reports
// the heap each stored signature costs and the time to add one.
func BenchmarkQuery(b *testing.B) {
	b.Run("100k", func(b *testing.B) { benchQuery(b, 100_000) })
	b.Run("1M", func(b *testing.B) {
		if os.Getenv("DATELINE_BIG_BENCH") != "1" {
			b.Skip("set DATELINE_BIG_BENCH=1 to query an index of 1M signatures (about 1.5 GB)")
		}
		benchQuery(b, 1_000_000)
	})
}

func benchQuery(b *testing.B, n int) {
	c := synthCorpus{seed: 18}
	sigs := make([]Signature, n)
	for i := range sigs {
		sigs[i] = c.sign(i)
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start, cpuStart := time.Now(), testref.ProcessCPU()
	ix, err := NewIndex(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for i, s := range sigs {
		ix.Add(strconv.Itoa(i), s)
	}
	addNs := float64(time.Since(start).Nanoseconds()) / float64(n)
	addCPUNs := float64((testref.ProcessCPU() - cpuStart).Nanoseconds()) / float64(n)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(sigs)
	heap := float64(after.HeapAlloc) - float64(before.HeapAlloc)
	sigs = nil

	// Queries: copies of stored documents (keeping 95% of the shingles and
	// adding ten, Jaccard about 0.9) and documents from another seed,
	// related to the stored ones only through the shared phrases.
	const nq = 1000
	queries := make([]Signature, nq)
	qc := synthCorpus{seed: 18}
	for q := range queries {
		if q%2 == 0 {
			rng := rand.New(rand.NewPCG(99, uint64(q)))
			base := rng.IntN(n)
			s := newSketch()
			words := 0
			qc.shingles(base, func(x uint64) {
				if rng.IntN(20) != 0 {
					s.add(fmix64(x))
					words++
				}
			})
			for range 10 {
				s.add(fmix64(rng.Uint64()))
				words++
			}
			queries[q] = s.signature(words + K - 1)
		} else {
			queries[q] = synthCorpus{seed: 19}.sign(q)
		}
	}
	// Candidates are the stored documents sharing a bucket with the query,
	// the work beyond the 32 bucket lookups; counted outside the timing.
	candidates := 0
	for _, q := range queries {
		candidates += ix.candidates(&q)
	}
	b.ReportAllocs()
	matches, hits, i := 0, 0, 0
	cpu0 := testref.ProcessCPU()
	for b.Loop() {
		m := ix.Query(queries[i%nq])
		matches += len(m)
		if len(m) > 0 {
			hits++
		}
		i++
	}
	b.ReportMetric(float64((testref.ProcessCPU()-cpu0).Nanoseconds())/float64(i), "cpu-ns/op")
	b.ReportMetric(float64(matches)/float64(i), "matches/op")
	b.ReportMetric(float64(candidates)/nq, "candidates/op")
	b.ReportMetric(float64(hits)/float64(i), "hit-rate")
	b.ReportMetric(heap/float64(n), "heap-B/sig")
	b.ReportMetric(addNs, "add-ns/sig")
	b.ReportMetric(addCPUNs, "add-cpu-ns/sig")
	runtime.KeepAlive(ix)
}

// candidates counts the distinct stored entries sharing a bucket with sig.
func (ix *Index) candidates(sig *Signature) int {
	seen := map[uint32]bool{}
	for b := range Bands {
		v := ix.buckets[bandKey(sig, b)]
		for e := uint32(v >> 32); e != 0; e = ix.next[int(e-1)*Bands+b] {
			seen[e] = true
		}
	}
	return len(seen)
}
