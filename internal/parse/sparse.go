package parse

import (
	"math"
	"slices"
)

// Weights are held as small integers times a per-table scale, the form
// the model file stores them in, and scores are summed as int32: 8-bit
// transition weights (scale = largest magnitude / 127) and 10-bit tagger
// and label weights (/ 511), so that the tables are a quarter and an
// eighth of the size of float32 ones and more of them stays in cache, and
// the model in memory is exactly the model on disk. Quantising drops the
// many tiny weights that averaging leaves.

// denseTab is the transition table: rowWidth weights per row, a feature
// key's top bits choosing the row.
type denseTab struct {
	bits  uint8
	scale float32
	w     []int8
}

// sparseTab is a hashed table that keeps only non-zero weights: row r (a
// feature key's top bits) holds the entries ent[off[r]:off[r+1]], each a
// class number in the low 8 bits and its weight in the high 16. The tagger
// and the label scorer use it: each of their features has weights for a
// handful of their fifty classes, so a sparse row is both smaller and
// faster to add than a dense one.
type sparseTab struct {
	bits  uint8
	scale float32
	off   []uint32
	ent   []uint32
	// fixed holds the same entries as off and ent, sparseK slots a row
	// (32 bytes, half a cache line), empty slots pointing at the unused
	// class 63 with weight 0: a row is one memory access and a fixed,
	// branch-free sum.
	fixed []uint16
}

// sparseK is the most classes a sparse row keeps: the largest weights.
const sparseK = 8

// emptySlot adds 0 to class 63, which is never a class.
const emptySlot = 63

// addTo adds the weights of the feature with key k to sc.
func (t *sparseTab) addTo(k uint64, sc *[64]int32) {
	r := (k >> (64 - uint(t.bits))) * sparseK
	e := t.fixed[r : r+sparseK : r+sparseK]
	sc[e[0]&63] += int32(int16(e[0]) >> 6)
	sc[e[1]&63] += int32(int16(e[1]) >> 6)
	sc[e[2]&63] += int32(int16(e[2]) >> 6)
	sc[e[3]&63] += int32(int16(e[3]) >> 6)
	sc[e[4]&63] += int32(int16(e[4]) >> 6)
	sc[e[5]&63] += int32(int16(e[5]) >> 6)
	sc[e[6]&63] += int32(int16(e[6]) >> 6)
	sc[e[7]&63] += int32(int16(e[7]) >> 6)
}

// sum adds the weights of the features with keys ks to sc. It first
// reads one slot of every row, so that the rows' cache misses overlap
// rather than queue behind the adds.
func (t *sparseTab) sum(ks []uint64, sc *[64]int32) {
	shift := 64 - uint(t.bits)
	var touch uint16
	for _, k := range ks {
		touch |= t.fixed[(k>>shift)*sparseK]
	}
	if touch == 1<<16-1 { // never: keeps the reads
		sc[emptySlot]++
	}
	for _, k := range ks {
		t.addTo(k, sc)
	}
}

// buildFixed fills t.fixed from t.off and t.ent, which must hold at most
// sparseK entries a row.
func (t *sparseTab) buildFixed() {
	rows := len(t.off) - 1
	t.fixed = make([]uint16, rows*sparseK)
	for r := 0; r < rows; r++ {
		slots := t.fixed[r*sparseK : (r+1)*sparseK]
		n := 0
		for _, e := range t.ent[t.off[r]:t.off[r+1]] {
			slots[n] = uint16(e&63) | uint16(int16(e>>16))<<6
			n++
		}
		for j := n; j < sparseK; j++ {
			slots[j] = emptySlot
		}
	}
}

func entry(class int, w int16) uint32 { return uint32(class) | uint32(uint16(w))<<16 }

// Dense weights are 8-bit, sparse ones 10-bit (a slot is 6 bits of class
// and 10 of weight).
const (
	denseMax  = 127
	sparseMax = 511
)

func scaleOf(ws []float32, lim float64) float32 {
	var mx float64
	for _, w := range ws {
		mx = max(mx, math.Abs(float64(w)))
	}
	if mx == 0 {
		return 1
	}
	return float32(mx / lim)
}

func quant(w, scale float32) int16 {
	return int16(math.Round(float64(w / scale)))
}

// quantDense quantises a float transition table.
func quantDense(ws []float32, bits uint8) denseTab {
	t := denseTab{bits: bits, scale: scaleOf(ws, denseMax), w: make([]int8, len(ws))}
	for i, w := range ws {
		t.w[i] = int8(quant(w, t.scale))
	}
	return t
}

// quantSparse packs and quantises a dense float table of 1<<bits rows of
// width weights, keeping the weights that do not quantise to zero.
func quantSparse(ws []float32, width int, bits uint8) sparseTab {
	rows := 1 << bits
	t := sparseTab{bits: bits, scale: scaleOf(ws, sparseMax), off: make([]uint32, rows+1)}
	var row []uint32
	for r := 0; r < rows; r++ {
		row = row[:0]
		for j, w := range ws[r*width : (r+1)*width] {
			if q := quant(w, t.scale); q != 0 {
				row = append(row, entry(j, q))
			}
		}
		t.ent = append(t.ent, topK(row)...)
		t.off[r+1] = uint32(len(t.ent))
	}
	t.buildFixed()
	return t
}

// topK keeps the sparseK entries of a row (in class order) with the
// largest weights in magnitude, the lower class first on ties.
func topK(row []uint32) []uint32 {
	if len(row) <= sparseK {
		return row
	}
	mag := func(e uint32) int32 {
		w := int32(e) >> 16
		if w < 0 {
			return -w
		}
		return w
	}
	keep := slices.Clone(row)
	slices.SortStableFunc(keep, func(a, b uint32) int { return int(mag(b) - mag(a)) })
	keep = keep[:sparseK]
	slices.SortFunc(keep, func(a, b uint32) int { return int(a&0xff) - int(b&0xff) })
	copy(row, keep)
	return row[:sparseK]
}

// argmax returns the index of the largest score (the first on ties).
func argmax(sc []int32) int {
	if len(sc) == 0 {
		return 0
	}
	best, bv := 0, sc[0]
	for j := 1; j < len(sc); j++ {
		if v := sc[j]; v > bv {
			best, bv = j, v
		}
	}
	return best
}

// argmaxF is argmax over float scores, for training.
func argmaxF(sc []float32) int {
	best := 0
	for j, v := range sc {
		if v > sc[best] {
			best = j
		}
	}
	return best
}
