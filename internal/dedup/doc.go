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
// A signature has NumHashes = 128 minima, made by one-permutation
// hashing: each shingle is hashed once, the hash's top seven bits choose
// one of 128 bins and its low 32 bits are its value there, and each bin
// keeps its smallest value. Bins a short text leaves empty are filled by
// optimal densification (Shrivastava 2017), which copies the value of a
// filled bin chosen by a fixed probe sequence. In every bin two texts
// agree with probability equal to their Jaccard similarity, as under 128
// independent permutations, so the fraction of agreeing bins estimates
// it with standard error about sqrt(J(1-J)/128): 0.035 at J = 0.8, so a
// pair is decided on its measured similarity give or take a few
// hundredths. Texts of fewer than about 128 shingles spread somewhat
// wider, since their copied bins agree or disagree together
// (TestEstimateAccuracy measures both).
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
// Signing reads the text once and hashes each word and each shingle once:
// about 7 ns of CPU per byte of article, 13 µs for the dev set's mean
// article of 1.9 KB (BenchmarkSign), under 2% of coding's 400 ns per
// byte. Format 1 of the signature computed 128 multiply-add hash
// functions per shingle (classic MinHash) and cost 21 ns a byte; on the
// syndication test it had the same precision (1.000) and recall 0.973
// against 0.972 now: 46 copies missed, 17 of them with exact Jaccard of
// at least 0.8 to an earlier copy, against 49 and 16 now (the extra
// misses are copies under the threshold, rightly missed). Stored
// signatures of format 1 are re-signed from their text when a store is
// opened (see ErrFormat). A Query costs 32 map lookups plus one comparison per candidate: 3 to 5 µs of CPU at 100,000
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
// about another place". Everything is deterministic: fixed hashes and probes,
// and results ordered by similarity and then insertion.
package dedup
