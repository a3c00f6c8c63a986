// Package dedup finds near-duplicate document bodies, so that dateline
// can count incidents rather than reports: one wire story syndicated by
// twenty outlets, each with its own headline, byline and boilerplate, is
// one report of its events, not twenty (issue #18).
//
// # Method
//
// A text is reduced to a MinHash signature over its word shingles, and an
// Index files signatures in LSH buckets. MinHash was chosen over SimHash
// because the fraction of agreeing minima is an unbiased estimate of the
// Jaccard similarity of the two shingle sets, which is the measure the
// duplicate threshold is stated in ("at least 0.8 of the shingles in
// common"); SimHash estimates an angle between weighted feature vectors,
// whose relation to "how much of the text is shared" depends on the
// weighting and has to be calibrated. MinHash's banding also gives the
// sub-linear lookup directly: a query is compared only with the documents
// that share one of its bucket keys.
//
// Normalisation (see Sign) puts the text in Unicode NFKC, lower-cases it
// and keeps words only, so that quote styles, dashes, spacing and case
// never make two copies differ.
//
// Shingles are K = 3 consecutive words. Single words (K = 1) would match
// articles on the same topic, which share their vocabulary; long shingles
// make every edited word remove K shingles from the overlap. On the
// syndication test over the shared dev set (see syndication_test.go) the
// highest Jaccard between two different articles, many on the same
// outbreak, is 0.17 with K = 2 and 0.105 with K = 3, while recall at 0.8
// is 0.975 with K = 2, 0.973 with K = 3 and 0.963 with K = 5: three words
// keep unrelated articles far below the threshold at no cost in recall.
//
// A signature has NumHashes = 128 minima, from the hash family
// h_i(x) = (a_i·x + b_i) >> 32 with a_i, b_i drawn by SplitMix64 from a
// fixed seed. The estimate's standard error is sqrt(J(1-J)/128): 0.035 at
// J = 0.8, so a pair is decided on its measured similarity give or take
// a few hundredths.
//
// # Banding
//
// The 128 minima form Bands = 32 bands of Rows = 4. A pair with Jaccard
// J shares at least one bucket with probability 1-(1-J^4)^32, an S-curve
// whose midpoint (1/32)^(1/4) is 0.42:
//
//	J     P(candidate)
//	0.9   1 - 1.5e-15
//	0.8   1 - 4.7e-8
//	0.7   0.99985
//	0.6   0.988
//	0.5   0.873
//	0.3   0.229
//	0.1   0.0032
//
// So the banding loses essentially no pair at the default threshold 0.8,
// and still catches 99% at 0.6 for a caller who lowers the threshold. The
// price of the low midpoint is more candidates among related articles
// (J of 0.3 to 0.5), each verified by one 128-value comparison; unrelated
// news, at J around 0.05, becomes a candidate with probability 0.0002.
//
// # Cost
//
// Signing is NumHashes multiply-add-shifts per shingle. Shingles are
// added four at a time, so that each function's coefficients and running
// minimum are read once per four (the signature is the same as adding
// them one by one): about 21 ns of CPU per byte of article, 40 µs for
// the dev set's mean article of 1.9 KB (BenchmarkSign, on a shared 2-core
// machine: 20.8 to 21.3 ns in three runs alternating with the build that
// added them one by one, which measured 24.0 to 24.9), some 5% of
// coding's 400 ns per byte; in `dateline bench` on a quiet machine, 20
// to 22 ns a byte against 23 to 25. What is left is the multiplications
// themselves. Halving NumHashes would halve it at the price of a noisier
// estimate near the threshold; one-permutation hashing with
// densification would cut it by an order of magnitude at the price of
// noisier estimates for texts under about 130 words. A Query costs 32 map
// lookups plus one comparison per candidate: 3 to 5 µs of CPU at 100,000
// stored signatures and about 17 µs at 1,000,000 (BenchmarkQuery; the
// growth is cache misses in a larger table, not more candidates, which
// stay under one per query). A stored signature takes 1.5 to 1.9 KB of
// heap, 516 bytes of it the signature itself.
//
// # Decisions
//
// Index.Dedup reports a document as a duplicate of the earliest stored
// document whose estimated similarity reaches the threshold: the first
// document wins, and exact copies have similarity 1. Texts shorter than
// MinWords = 10 words are neither stored nor matched, since in so few
// words one changed name or number moves the similarity by 0.2 or more,
// and "the same report" can no longer be told from "the same template
// about another place". Everything is deterministic: a fixed hash family,
// and results ordered by similarity and then insertion.
package dedup
