package dedup

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const lead = `GENEVA, March 3 - The World Health Organization said on Tuesday that "the outbreak is not yet under control" -- and urged neighbouring countries to step up screening at border crossings.`

// TestSignNormalises checks that the variants syndication and publishing
// systems make of one text sign identically, and that changes of wording
// do not.
func TestSignNormalises(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b string
		same bool
	}{
		{"identical", lead, lead, true},
		{"curly quotes", lead, strings.NewReplacer(`"the`, "“the", `control"`, "control”").Replace(lead), true},
		{"em dash for double hyphen", lead, strings.ReplaceAll(lead, " -- ", "—"), true},
		{"en dash", lead, strings.ReplaceAll(lead, " - ", " – "), true},
		{"double spaces and line breaks", lead, strings.ReplaceAll(strings.ReplaceAll(lead, ". ", ".  "), " and ", "\nand\n"), true},
		{"case", lead, strings.ToUpper(lead), true},
		{"non-breaking spaces", lead, strings.ReplaceAll(lead, " ", "\u00a0"), true},
		{"apostrophes", "the country's border didn't close", "the country’s border didn’t close", true},
		{"full-width letters (NFKC)", "WHO said", "ＷＨＯ said", true},
		{"ligature (NFKC)", "the final figures", "the ﬁnal ﬁgures", true},
		{"decomposed accent (NFKC)", "café in Bogotá", "cafe\u0301 in Bogota\u0301", true},
		{"soft hyphen inside a word", "an international appeal", "an inter\u00adnational appeal", true},
		{"accented and plain letters differ", "café in Bogotá", "cafe in Bogota", false},
		{"one word changed", lead, strings.Replace(lead, "Tuesday", "Wednesday", 1), false},
		{"word order", "dog bites man", "man bites dog", false},
		{"hyphen splits words", "a ceasefire deal", "a cease-fire deal", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sa, sb := Sign(tc.a), Sign(tc.b)
			if got := sa == sb; got != tc.same {
				t.Errorf("Sign(a) == Sign(b) is %v, want %v (similarity %.3f)", got, tc.same, Similarity(sa, sb))
			}
		})
	}
}

// TestSignWords checks the word count and the treatment of texts too
// short to make a full shingle.
func TestSignWords(t *testing.T) {
	for _, tc := range []struct {
		text  string
		words uint32
	}{
		{"", 0},
		{" \t\n—“”...", 0},
		{"Ebola", 1},
		{"Ebola outbreak", 2},
		{"Ebola outbreak declared", 3},
		{"U.S.-led talks, 30,000 people", 7}, // u s led talks 30 000 people
		{"ＷＨＯ", 1},
		{"don’t", 2},
	} {
		if got := Sign(tc.text).Words; got != tc.words {
			t.Errorf("Sign(%q).Words = %d, want %d", tc.text, got, tc.words)
		}
	}
	if s := Similarity(Sign(""), Sign("")); s != 0 {
		t.Errorf("two empty texts have similarity %v, want 0", s)
	}
	if s := Similarity(Sign("Ebola"), Sign("Ebola")); s != 1 {
		t.Errorf("a one-word text has similarity %v with itself, want 1", s)
	}
	if s := Similarity(Sign("Ebola outbreak"), Sign("outbreak Ebola")); s > 0.1 {
		t.Errorf("two-word texts in another order have similarity %v, want about 0", s)
	}
}

// TestEstimateAccuracy checks Similarity against exact Jaccard on random
// shingle sets: the estimate must be unbiased, and its spread near the
// binomial sqrt(J(1-J)/NumHashes) when the sets fill the bins. Sets of
// fewer shingles than bins are densified, whose copied bins agree or
// disagree together: the estimate stays unbiased but spreads wider, and
// the bound for them only guards against a broken densification.
func TestEstimateAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const trials = 400
	for _, tc := range []struct {
		size   int
		spread float64 // allowed spread, as a multiple of the binomial one
	}{{200, 1.2}, {1000, 1.2}, {60, 1.5}, {15, 1.5}} {
		for _, j := range []float64{0.1, 0.5, 0.8, 0.95} {
			// |A∩B| = c, |A\B| = |B\A| = d gives J = c/(c+2d).
			size := tc.size
			c := int(math.Round(j * 2 * float64(size) / (1 + j)))
			d := size - c
			exact := float64(c) / float64(c+2*d)
			var sum, sq float64
			for range trials {
				a, b := newSketch(), newSketch()
				for range c {
					x := rng.Uint64()
					a.add(x)
					b.add(x)
				}
				for range d {
					a.add(rng.Uint64())
					b.add(rng.Uint64())
				}
				e := Similarity(a.signature(size), b.signature(size)) - exact
				sum += e
				sq += e * e
			}
			bias := sum / trials
			sd := math.Sqrt(sq / trials)
			want := math.Sqrt(exact * (1 - exact) / NumHashes)
			t.Logf("%d shingles, J = %.3f: bias %+.4f, spread %.4f (binomial %.4f)", size, exact, bias, sd, want)
			if math.Abs(bias) > 3*tc.spread*want/math.Sqrt(trials)+0.002 || sd > tc.spread*want+0.002 {
				t.Errorf("%d shingles, J = %.3f: bias %+.4f, error spread %.4f, want about 0 and at most %.4f",
					size, exact, bias, sd, tc.spread*want)
			}
		}
	}
}

// TestDensify checks the signature of texts of every length up to beyond
// one shingle per bin: every bin holds the value of a shingle of the text
// (densified bins copy one), two signings agree, a text without words
// keeps every bin empty, and a bin the text filled itself is never
// overwritten.
func TestDensify(t *testing.T) {
	words := strings.Fields(strings.Repeat(lead+" ", 4))
	for n := 0; n <= min(len(words), 3*NumHashes); n++ {
		text := strings.Join(words[:n], " ")
		own := newSketch()
		var values []uint32
		shingles(text, func(x uint64) {
			own.add(x)
			values = append(values, uint32(x))
		})
		sig := Sign(text)
		if sig != Sign(text) {
			t.Fatalf("%d words: two signings differ", n)
		}
		for j, v := range sig.Mins {
			switch {
			case n == 0:
				if v != math.MaxUint32 {
					t.Fatalf("no words: bin %d holds %d", j, v)
				}
			case own.has(j) && v != own.mins[j]:
				t.Fatalf("%d words: bin %d holds %d, its own minimum is %d", n, j, v, own.mins[j])
			case !slices.Contains(values, v):
				t.Fatalf("%d words: bin %d holds %d, no shingle's value", n, j, v)
			}
		}
	}
}

// TestSignatureFixed pins the shingle hash, the bins and the
// densification probes: a change to any of them makes stored signatures
// incomparable, and must come with a new Marshal format byte.
func TestSignatureFixed(t *testing.T) {
	h := fnv.New64a()
	h.Write(Sign(lead).Marshal())
	const want = 0x234ea9829ef992d1
	if got := h.Sum64(); got != want {
		t.Errorf("Sign(lead) encodes with FNV-1a %#x, want %#x; if this change is intended, bump the format byte in marshal.go and update this test", got, want)
	}
}

// TestSCurve checks the figures the package documentation gives for the
// banding: the chance that a pair of Jaccard similarity j shares at least
// one bucket is 1-(1-j^Rows)^Bands.
func TestSCurve(t *testing.T) {
	for _, tc := range []struct{ j, lo, hi float64 }{
		{0.8, 0.9999999, 1},
		{0.6, 0.988, 0.989},
		{0.5, 0.873, 0.874},
		{0.3, 0.229, 0.230},
		{0.1, 0.0031, 0.0033},
	} {
		if p := catch(tc.j); p < tc.lo || p > tc.hi {
			t.Errorf("P(candidate | J=%.1f) = %.7f, documented range [%v, %v]", tc.j, p, tc.lo, tc.hi)
		}
	}
	if th := math.Pow(1.0/Bands, 1.0/Rows); math.Abs(th-0.42) > 0.005 {
		t.Errorf("S-curve threshold (1/b)^(1/r) = %.3f, documented 0.42", th)
	}
}

func catch(j float64) float64 { return 1 - math.Pow(1-math.Pow(j, Rows), Bands) }

// TestBandingCatches checks the banding against the S-curve empirically:
// pairs built at a known Jaccard are found by Query (at a threshold low
// enough that only the LSH step can lose them) at the predicted rate.
func TestBandingCatches(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const pairs = 1000
	for _, j := range []float64{0.3, 0.5, 0.8} {
		ix, err := NewIndex(Options{Threshold: 1.0 / NumHashes, MinWords: 1})
		if err != nil {
			t.Fatal(err)
		}
		queries := make([]Signature, pairs)
		const size = 200
		c := int(math.Round(j * 2 * size / (1 + j)))
		for p := range pairs {
			a, b := newSketch(), newSketch()
			for range c {
				x := rng.Uint64()
				a.add(x)
				b.add(x)
			}
			for range size - c {
				a.add(rng.Uint64())
				b.add(rng.Uint64())
			}
			ix.Add(strconv.Itoa(p), a.signature(size))
			queries[p] = b.signature(size)
		}
		found := 0
		for p, q := range queries {
			for _, m := range ix.Query(q) {
				if m.ID == strconv.Itoa(p) {
					found++
					break
				}
			}
		}
		exact := float64(c) / float64(2*size-c)
		got, want := float64(found)/pairs, catch(exact)
		// The estimate per pair varies, so the rate is compared loosely:
		// four binomial standard errors plus the curve's slope times the
		// spread of the pair's own minima.
		if math.Abs(got-want) > 4*math.Sqrt(want*(1-want)/pairs)+0.05 {
			t.Errorf("J = %.2f: %.3f of pairs found, S-curve predicts %.3f", exact, got, want)
		}
	}
}
