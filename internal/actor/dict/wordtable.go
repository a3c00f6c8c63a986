package dict

import "github.com/dateline-project/dateline/internal/actor"

// wordTable maps single words to what the dictionaries say of them. The
// recognizer asks it about most tokens of every document, right after the
// tagger has filled the caches with its own weights, so its cost is
// cache misses, not hashing. A Go map reaches a key through its slot and
// then the key's bytes elsewhere on the heap; this open-addressing table
// keeps short keys inline in 16-byte slots, so a probe touches one cache
// line, and the whole table is about a quarter of the map's size. Words
// too long to inline go to a map.
type wordTable struct {
	slots []wordSlot // length a power of two, at most half full
	long  map[string]actor.WordInfo
}

const inlineWord = 12

type wordSlot struct {
	key       [inlineWord]byte
	n         uint8 // key length; 0 marks an empty slot
	flags     actor.WordFlags
	nameWords uint8
	roleWords uint8
}

func newWordTable(words map[string]actor.WordInfo) *wordTable {
	size := 16
	for size < 2*len(words) {
		size *= 2
	}
	t := &wordTable{slots: make([]wordSlot, size), long: map[string]actor.WordInfo{}}
	for w, wi := range words {
		if len(w) == 0 || len(w) > inlineWord {
			t.long[w] = wi
			continue
		}
		i := wordHash(w) & uint64(size-1)
		for t.slots[i].n != 0 {
			i = (i + 1) & uint64(size-1)
		}
		sl := &t.slots[i]
		copy(sl.key[:], w)
		sl.n = uint8(len(w))
		sl.flags, sl.nameWords, sl.roleWords = wi.Flags, wi.NameWords, wi.RoleWords
	}
	return t
}

func (t *wordTable) get(w string) actor.WordInfo {
	if len(w) == 0 || len(w) > inlineWord {
		return t.long[w]
	}
	mask := uint64(len(t.slots) - 1)
	for i := wordHash(w) & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.n == 0 {
			return actor.WordInfo{}
		}
		if int(sl.n) == len(w) && string(sl.key[:sl.n]) == w {
			return actor.WordInfo{Flags: sl.flags, NameWords: sl.nameWords, RoleWords: sl.roleWords}
		}
	}
}

// wordHash hashes a key eight bytes at a time with a multiply-xorshift
// mix: keys are short, a call into a general-purpose hash costs more
// than hashing them inline, and a byte-at-a-time loop was a tenth of the
// recognizer's time. Both halves of the result are used (slot and
// fingerprint), so it ends with a full avalanche.
func wordHash(w string) uint64 {
	const m = 0x9e3779b97f4a7c15
	h := uint64(len(w)) * m
	for len(w) >= 8 {
		v := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		h = (h ^ v) * m
		h ^= h >> 32
		w = w[8:]
	}
	var v uint64
	for i := 0; i < len(w); i++ {
		v |= uint64(w[i]) << (8 * i)
	}
	h = (h ^ v) * m
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// keyTable is a read-only string-keyed table for the phrase and role
// lookups on the recognizer's hot path, for the reason wordTable gives:
// 8-byte slots of a 32-bit fingerprint and an index make a miss touch
// one cache line, where a Go map with these large values spreads over
// many. The key itself is compared only on a fingerprint match.
type keyTable[V any] struct {
	slots []keySlot // length a power of two, at most half full
	keys  []string
	vals  []V
}

type keySlot struct {
	fp  uint32
	idx uint32 // index into keys and vals plus one; 0 marks an empty slot
}

func newKeyTable[V any](m map[string]V) *keyTable[V] {
	size := 16
	for size < 2*len(m) {
		size *= 2
	}
	t := &keyTable[V]{slots: make([]keySlot, size), keys: make([]string, 0, len(m)), vals: make([]V, 0, len(m))}
	for k, v := range m {
		t.keys = append(t.keys, k)
		t.vals = append(t.vals, v)
		h := wordHash(k)
		i := h & uint64(size-1)
		for t.slots[i].idx != 0 {
			i = (i + 1) & uint64(size-1)
		}
		t.slots[i] = keySlot{fp: uint32(h >> 32), idx: uint32(len(t.keys))}
	}
	return t
}

// get returns the value of k, or nil.
func (t *keyTable[V]) get(k string) *V {
	h := wordHash(k)
	fp := uint32(h >> 32)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := t.slots[i]
		if sl.idx == 0 {
			return nil
		}
		if sl.fp == fp && t.keys[sl.idx-1] == k {
			return &t.vals[sl.idx-1]
		}
	}
}
