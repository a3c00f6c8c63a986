package dedup

import (
	"cmp"
	"fmt"
	"slices"
)

// Options configure an Index. The zero value means the defaults.
type Options struct {
	// Threshold is the estimated Jaccard similarity at or above which a
	// stored document matches (default 0.8). The banding catches pairs
	// down to about 0.6 reliably (see the package documentation), so a
	// threshold much below that loses matches to the LSH step.
	Threshold float64
	// MinWords is the length in words below which a text never counts as
	// a near-duplicate: it is not stored and matches nothing (default
	// MinWords). One changed word moves the similarity of two texts of n
	// words by about 2K/n, so under ten words "the same report" cannot be
	// told from "the same template with another place or number".
	MinWords int
	// BucketCap bounds how many documents one LSH bucket holds (default
	// 64). A bucket fills only with many texts sharing a run of minima,
	// such as one boilerplate posted again and again; later documents are
	// then left out of that bucket, which keeps the earliest (the one a
	// duplicate is reported against) and keeps a lookup's cost bounded.
	BucketCap int
}

func (o Options) withDefaults() (Options, error) {
	if o.Threshold == 0 {
		o.Threshold = 0.8
	}
	if o.MinWords == 0 {
		o.MinWords = MinWords
	}
	if o.BucketCap == 0 {
		o.BucketCap = 64
	}
	switch {
	case !(o.Threshold > 0 && o.Threshold <= 1):
		return o, fmt.Errorf("dedup: threshold %v is outside (0, 1]", o.Threshold)
	case o.MinWords < 1:
		return o, fmt.Errorf("dedup: minimum words %d is below 1", o.MinWords)
	case o.BucketCap < 1:
		return o, fmt.Errorf("dedup: bucket capacity %d is below 1", o.BucketCap)
	}
	return o, nil
}

// Match is a stored document similar to a query.
type Match struct {
	ID         string
	Similarity float64 // estimated Jaccard similarity to the query
}

// Index holds signatures in memory for near-duplicate lookup by LSH
// banding: each stored signature is filed under one bucket per band, a
// bucket being keyed by the hash of the band's Rows minima, and a query
// examines only the documents filed under its own buckets. Lookup cost
// thus depends on how many stored documents resemble the query, not on how
// many are stored.
//
// An Index is not safe for concurrent use by writers; concurrent Query
// calls without Add are safe.
type Index struct {
	opt  Options
	ids  []string
	sigs []Signature
	// buckets maps a band key to the bucket's newest entry + 1 (high 32
	// bits) and its size (low 32 bits); next[e*Bands+band] is the entry
	// + 1 filed before e in the same bucket, 0 ending the chain. A
	// chain in one flat slice costs 4 bytes per entry and band instead
	// of a slice header and an allocation per bucket.
	buckets map[uint64]uint64
	next    []uint32
}

// NewIndex returns an empty index.
func NewIndex(opt Options) (*Index, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	return &Index{opt: opt, buckets: make(map[uint64]uint64)}, nil
}

// Len returns the number of stored signatures.
func (ix *Index) Len() int { return len(ix.sigs) }

// Options returns the index's options with defaults filled in.
func (ix *Index) Options() Options { return ix.opt }

// bandKey hashes band b of sig together with b, so equal minima in
// different bands never share a bucket.
func bandKey(sig *Signature, b int) uint64 {
	h := uint64(b+1) * 0x9e3779b97f4a7c15
	for _, v := range sig.Mins[b*Rows : (b+1)*Rows] {
		h = fmix64(h ^ uint64(v))
	}
	return h
}

// Add stores sig under id. A signature of a text shorter than
// Options.MinWords is not stored, since it may match nothing. Add does not
// look for an earlier copy of id: adding an id twice stores it twice.
func (ix *Index) Add(id string, sig Signature) {
	if int64(sig.Words) < int64(ix.opt.MinWords) {
		return
	}
	if len(ix.sigs) == 1<<32-2 {
		// The chain links are 32-bit; an index this large (2 TB of
		// signatures) is outside anything dateline runs.
		panic("dedup: index full")
	}
	e := uint32(len(ix.sigs))
	ix.ids = append(ix.ids, id)
	ix.sigs = append(ix.sigs, sig)
	ix.next = slices.Grow(ix.next, Bands)
	for b := range Bands {
		k := bandKey(&sig, b)
		v := ix.buckets[k]
		head, size := uint32(v>>32), uint32(v)
		if int(size) >= ix.opt.BucketCap {
			ix.next = append(ix.next, 0)
			continue
		}
		ix.next = append(ix.next, head)
		ix.buckets[k] = uint64(e+1)<<32 | uint64(size+1)
	}
}

// candidate is a stored entry and its agreement with the query.
type candidate struct {
	entry uint32
	agree int
}

// matches returns the stored entries whose estimated similarity to sig
// reaches the threshold, in insertion order.
func (ix *Index) matches(sig *Signature) []candidate {
	if int64(sig.Words) < int64(ix.opt.MinWords) || len(ix.sigs) == 0 {
		return nil
	}
	var seen []uint32
	for b := range Bands {
		v, ok := ix.buckets[bandKey(sig, b)]
		if !ok {
			continue
		}
		for e := uint32(v >> 32); e != 0; e = ix.next[int(e-1)*Bands+b] {
			seen = append(seen, e-1)
		}
	}
	if len(seen) == 0 {
		return nil
	}
	slices.Sort(seen)
	seen = slices.Compact(seen)
	// agree/NumHashes >= Threshold, in integers so that an exact copy at
	// threshold 1 is never lost to rounding.
	need := ceilAgree(ix.opt.Threshold)
	var out []candidate
	for _, e := range seen {
		if n := agree(&sig.Mins, &ix.sigs[e].Mins); n >= need {
			out = append(out, candidate{e, n})
		}
	}
	return out
}

// ceilAgree is the least number of agreeing minima whose fraction reaches
// t.
func ceilAgree(t float64) int {
	for n := 0; n <= NumHashes; n++ {
		if float64(n)/NumHashes >= t {
			return n
		}
	}
	return NumHashes + 1
}

// Query returns the stored documents whose estimated similarity to sig
// reaches the threshold, most similar first and, among equals, earliest
// added first. A signature shorter than Options.MinWords matches nothing.
func (ix *Index) Query(sig Signature) []Match {
	cs := ix.matches(&sig)
	slices.SortStableFunc(cs, func(a, b candidate) int { return cmp.Compare(b.agree, a.agree) })
	out := make([]Match, len(cs))
	for i, c := range cs {
		out[i] = Match{ID: ix.ids[c.entry], Similarity: float64(c.agree) / NumHashes}
	}
	return out
}

// Dedup decides whether the document id with signature sig repeats one
// already stored, and then stores it. The first document wins: when
// stored documents match, the result is the earliest added of them, with
// its similarity, and ok is true. The new document is stored either way,
// so a later copy closer to it than to the first still finds a match.
func (ix *Index) Dedup(id string, sig Signature) (of Match, ok bool) {
	cs := ix.matches(&sig)
	if len(cs) > 0 {
		// matches lists entries in insertion order.
		of = Match{ID: ix.ids[cs[0].entry], Similarity: float64(cs[0].agree) / NumHashes}
		ok = true
	}
	ix.Add(id, sig)
	return of, ok
}
