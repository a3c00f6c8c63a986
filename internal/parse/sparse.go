package parse

import "math"

// Weights are held as 16-bit integers times a per-table scale, the form
// the model file stores them in, and scores are summed as int32: the
// tables are half the size of float32 ones, so more of them stay in cache,
// and the model in memory is exactly the model on disk. Quantising
// (scale = largest magnitude / 32767) drops the many tiny weights that
// averaging leaves.

// denseTab is the transition table: rowWidth weights per row, a feature
// key's top bits choosing the row.
type denseTab struct {
	bits  uint8
	scale float32
	w     []int16
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
}

// addTo adds the weights of the feature with key k to sc.
func (t *sparseTab) addTo(k uint64, sc []int32) {
	r := k >> (64 - uint(t.bits))
	lo, hi := t.off[r], t.off[r+1]
	for _, e := range t.ent[lo:hi] {
		sc[e&0xff] += int32(e) >> 16
	}
}

func entry(class int, w int16) uint32 { return uint32(class) | uint32(uint16(w))<<16 }

func scaleOf(ws []float32) float32 {
	var mx float64
	for _, w := range ws {
		mx = max(mx, math.Abs(float64(w)))
	}
	if mx == 0 {
		return 1
	}
	return float32(mx / 32767)
}

func quant(w, scale float32) int16 {
	return int16(math.Round(float64(w / scale)))
}

// quantDense quantises a float transition table.
func quantDense(ws []float32, bits uint8) denseTab {
	t := denseTab{bits: bits, scale: scaleOf(ws), w: make([]int16, len(ws))}
	for i, w := range ws {
		t.w[i] = quant(w, t.scale)
	}
	return t
}

// quantSparse packs and quantises a dense float table of 1<<bits rows of
// width weights, keeping the weights that do not quantise to zero.
func quantSparse(ws []float32, width int, bits uint8) sparseTab {
	rows := 1 << bits
	t := sparseTab{bits: bits, scale: scaleOf(ws), off: make([]uint32, rows+1)}
	for r := 0; r < rows; r++ {
		for j, w := range ws[r*width : (r+1)*width] {
			if q := quant(w, t.scale); q != 0 {
				t.ent = append(t.ent, entry(j, q))
			}
		}
		t.off[r+1] = uint32(len(t.ent))
	}
	return t
}

// argmax returns the index of the largest score (the first on ties).
func argmax(sc []int32) int {
	best := 0
	for j, v := range sc {
		if v > sc[best] {
			best = j
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
