package parse

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"

	"github.com/dateline-project/dateline/internal/doc"
)

// Model is a trained parser: its tagger, the transition and label weight
// tables and the vocabularies. It is immutable once built and safe for
// concurrent use; each goroutine parses with its own Parser.
type Model struct {
	// trans is the transition table: a feature key's top bits index it,
	// and each row holds rowWidth weights.
	trans denseTab
	// lab scores label classes, tagw the tagger's classes.
	lab, tagw sparseTab
	// tagdict gives the tag class of (word, input tag) pairs and of
	// input tags that have one tag in training (see dictKey); the tagger
	// skips them.
	tagdict map[uint64]uint8
	// vocab classes the training set's words by normalised form hash: 1
	// seen at least vocabMin times, 2 at least pairMin times (see
	// wordFeats); absent words are unknown.
	vocab map[uint64]uint8
	// vkeys and vvals are vocab as an open-addressing table (vkeys[i]
	// 0 for an empty slot), faster than the map.
	vkeys []uint64
	vvals []uint8
	// tagOnly gives, by input tag id, 1 + the tag class of input tags
	// that the tag dictionary maps whatever the word; 0 for the others.
	tagOnly [256]uint8
	// tagIdx finds an input tag's id without a map: tagSlot(t) indexes
	// it, and the id found is checked against tags.
	tagIdx [tagSlots]uint8
	labels []doc.DepRel // label class → relation
	// tags are the input tags (the text layer's), id = index + 2; xtags
	// the tagger's classes (EWT XPOS), id = index + 2.
	tags  []string
	tagID map[string]uint8
	xtags []string
}

// vocab is what a model is built over.
type vocab struct {
	labels []doc.DepRel
	tags   []string
	xtags  []string
}

func (v *vocab) check() error {
	if len(v.labels) == 0 || len(v.labels) > 63 {
		return fmt.Errorf("%d label classes, want 1..63", len(v.labels))
	}
	if len(v.xtags) == 0 || len(v.xtags) > 63 {
		return fmt.Errorf("%d tagger classes, want 1..63", len(v.xtags))
	}
	if len(v.tags) > 250 {
		return fmt.Errorf("%d input tags, want at most 250", len(v.tags))
	}
	if !slices.IsSorted(v.labels) {
		return errors.New("label classes out of order")
	}
	for _, l := range v.labels {
		if l == doc.NoDep || l == doc.DepRoot || int(l) >= doc.NumDepRels {
			return fmt.Errorf("label %d cannot be a class", l)
		}
	}
	return nil
}

func (m *Model) setVocab(v vocab) error {
	if err := v.check(); err != nil {
		return err
	}
	m.labels, m.tags, m.xtags = v.labels, v.tags, v.xtags
	m.tagID = make(map[string]uint8, len(v.tags))
	for i, t := range v.tags {
		if _, dup := m.tagID[t]; dup {
			return fmt.Errorf("tag %q listed twice", t)
		}
		m.tagID[t] = uint8(i + 2)
	}
	return nil
}

// tagOf returns the id of an input tag; tags the model has not seen share
// the last id.
func (m *Model) tagOf(t string) uint8 {
	if id := m.tagIdx[tagSlot(t)]; id != 0 && m.tags[id-2] == t {
		return id
	}
	if id, ok := m.tagID[t]; ok {
		return id
	}
	return uint8(len(m.tags) + 2)
}

const tagSlots = 1 << 12

// tagSlot hashes a tag's length and first, second and last bytes.
func tagSlot(t string) int {
	if len(t) == 0 {
		return 0
	}
	h := uint32(len(t))*0x9e3779b1 ^ uint32(t[0])*0x85ebca6b ^ uint32(t[len(t)-1])*0xc2b2ae35
	if len(t) > 1 {
		h ^= uint32(t[1]) * 0x27d4eb2f
	}
	return int(h>>20) & (tagSlots - 1)
}

// vocabOf returns a word form's vocabulary class, 0 for unknown words.
func (m *Model) vocabOf(form uint64) uint8 {
	if form == 0 || len(m.vkeys) == 0 {
		return m.vocab[form]
	}
	mask := uint64(len(m.vkeys) - 1)
	for i := form >> 40 & mask; ; i = (i + 1) & mask {
		switch m.vkeys[i] {
		case form:
			return m.vvals[i]
		case 0:
			return 0
		}
	}
}

// index builds the lookup tables that stand in for maps at run time.
func (m *Model) index() {
	clear(m.tagIdx[:])
	seen := map[int]bool{}
	for i, t := range m.tags {
		k := tagSlot(t)
		if seen[k] {
			m.tagIdx[k] = 0 // a collision: both go through the map
			continue
		}
		seen[k] = true
		m.tagIdx[k] = uint8(i + 2)
	}
	clear(m.tagOnly[:])
	for id := 0; id < 256; id++ {
		if x, ok := m.tagdict[dictKey(hashAny, uint8(id))]; ok {
			m.tagOnly[id] = x + 1
		}
	}
	size := 16
	for size < 2*len(m.vocab) {
		size *= 2
	}
	m.vkeys, m.vvals = make([]uint64, size), make([]uint8, size)
	mask := uint64(size - 1)
	for f, v := range m.vocab {
		if f == 0 {
			continue // looked up in the map: 0 marks an empty slot
		}
		i := f >> 40 & mask
		for m.vkeys[i] != 0 {
			i = (i + 1) & mask
		}
		m.vkeys[i], m.vvals[i] = f, v
	}
}

// ownTagger reports whether the model carries its own tagger; without
// one the features read the input tags.
func (m *Model) ownTagger() bool { return m.tagw.bits != 0 }

// Labels returns the relations the model assigns besides DepRoot. Callers
// must not modify the result.
func (m *Model) Labels() []doc.DepRel { return m.labels }

// Model file format, little-endian:
//
//	magic "DLPARSE4"
//	u8 transition bits, u8 label bits, u8 tagger bits (0: no tagger)
//	u8 label classes L, L × u8 doc.DepRel
//	u8 input tags T, T × (u8 length, bytes)
//	u8 tagger classes X, X × (u8 length, bytes)
//	f32 scale of each of the three tables
//	transition table: uvarint row count, then per non-zero row the
//	  uvarint gap from the previous row index (the first counts from -1)
//	  and numActs × i8
//	label table, tagger table (a row count of 0 without a tagger): the
//	  same, with per row a uvarint bit set of its non-zero classes
//	  followed by their i16 weights
//	tag dictionary: uvarint count, then (u64 key, u8 class) in
//	  increasing order of key (see dictKey)
//	vocabulary: the same, with the word's vocab class
//
// A weight is its integer times the table's scale (see denseTab); the
// sparse tables' i16 weights are within ±511, and keep at most sparseK
// classes a row.
const magic = "DLPARSE4"

// WriteTo writes m in the model file format. The output is a function of
// the weights alone, so the same model always gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(magic)
	b.Write([]byte{m.trans.bits, m.lab.bits, m.tagw.bits, byte(len(m.labels))})
	for _, l := range m.labels {
		b.WriteByte(byte(l))
	}
	for _, list := range [][]string{m.tags, m.xtags} {
		b.WriteByte(byte(len(list)))
		for _, t := range list {
			if len(t) > 255 {
				return 0, fmt.Errorf("write parse model: tag %q too long", t)
			}
			b.WriteByte(byte(len(t)))
			b.WriteString(t)
		}
	}
	for _, s := range []float32{m.trans.scale, m.lab.scale, m.tagw.scale} {
		b.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(s)))
	}
	writeDense(&b, &m.trans)
	writeSparse(&b, &m.lab)
	writeSparse(&b, &m.tagw)
	for _, dict := range []map[uint64]uint8{m.tagdict, m.vocab} {
		keys := make([]uint64, 0, len(dict))
		for k := range dict {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		tmp := binary.AppendUvarint(nil, uint64(len(keys)))
		for _, k := range keys {
			tmp = binary.LittleEndian.AppendUint64(tmp, k)
			tmp = append(tmp, dict[k])
		}
		b.Write(tmp)
	}
	n, err := w.Write(b.Bytes())
	if err != nil {
		return int64(n), fmt.Errorf("write parse model: %w", err)
	}
	return int64(n), nil
}

// writeDense writes the rows of the transition table that have a
// non-zero weight.
func writeDense(b *bytes.Buffer, t *denseTab) {
	rows := len(t.w) / rowWidth
	live := func(r int) bool {
		for _, w := range t.w[r*rowWidth : r*rowWidth+numActs] {
			if w != 0 {
				return true
			}
		}
		return false
	}
	count := 0
	for r := 0; r < rows; r++ {
		if live(r) {
			count++
		}
	}
	tmp := binary.AppendUvarint(nil, uint64(count))
	prev := -1
	for r := 0; r < rows; r++ {
		if !live(r) {
			continue
		}
		tmp = binary.AppendUvarint(tmp, uint64(r-prev))
		prev = r
		for _, w := range t.w[r*rowWidth : r*rowWidth+numActs] {
			tmp = append(tmp, byte(w))
		}
	}
	b.Write(tmp)
}

func writeSparse(b *bytes.Buffer, t *sparseTab) {
	rows := len(t.off) - 1
	count := 0
	for r := 0; r < rows; r++ {
		if t.off[r+1] > t.off[r] {
			count++
		}
	}
	tmp := binary.AppendUvarint(nil, uint64(count))
	prev := -1
	for r := 0; r < rows; r++ {
		ents := t.ent[t.off[r]:t.off[r+1]]
		if len(ents) == 0 {
			continue
		}
		var mask uint64
		for _, e := range ents {
			mask |= 1 << (e & 0xff)
		}
		tmp = binary.AppendUvarint(tmp, uint64(r-prev))
		tmp = binary.AppendUvarint(tmp, mask)
		prev = r
		// Entries are in class order, the order of the bit set.
		for _, e := range ents {
			tmp = binary.LittleEndian.AppendUint16(tmp, uint16(e>>16))
		}
	}
	b.Write(tmp)
}

// Load decodes a model written by WriteTo.
func Load(data []byte) (*Model, error) {
	r := reader{b: data}
	if string(r.bytes(len(magic))) != magic {
		return nil, errors.New("load parse model: not a parse model file (bad magic)")
	}
	hdr := r.bytes(4)
	if r.err != nil {
		return nil, fmt.Errorf("load parse model: header: %w", r.err)
	}
	tBits, lBits, xBits, nl := hdr[0], hdr[1], hdr[2], int(hdr[3])
	if tBits < 4 || tBits > 28 || lBits < 4 || lBits > 28 || (xBits != 0 && xBits < 4) || xBits > 28 {
		return nil, fmt.Errorf("load parse model: table bits %d, %d, %d out of range", tBits, lBits, xBits)
	}
	var v vocab
	for _, l := range r.bytes(nl) {
		v.labels = append(v.labels, doc.DepRel(l))
	}
	v.tags = r.strings()
	v.xtags = r.strings()
	ts := math.Float32frombits(r.u32())
	ls := math.Float32frombits(r.u32())
	xs := math.Float32frombits(r.u32())
	if r.err != nil {
		return nil, fmt.Errorf("load parse model: vocabularies: %w", r.err)
	}
	m := &Model{}
	if err := m.setVocab(v); err != nil {
		return nil, fmt.Errorf("load parse model: %w", err)
	}
	m.trans = denseTab{bits: tBits, scale: ts, w: make([]int8, rowWidth<<tBits)}
	if err := r.dense(m.trans.w); err != nil {
		return nil, fmt.Errorf("load parse model: transition table: %w", err)
	}
	var err error
	if m.lab, err = r.sparse(lBits, len(v.labels), ls); err != nil {
		return nil, fmt.Errorf("load parse model: label table: %w", err)
	}
	if xBits == 0 {
		if r.uvarint() != 0 {
			return nil, errors.New("load parse model: tagger table rows without a tagger")
		}
	} else if m.tagw, err = r.sparse(xBits, len(v.xtags), xs); err != nil {
		return nil, fmt.Errorf("load parse model: tagger table: %w", err)
	}
	nd := r.uvarint()
	if nd > uint64(len(r.b)/9) {
		return nil, fmt.Errorf("load parse model: tag dictionary of %d words in %d bytes", nd, len(r.b))
	}
	m.tagdict = make(map[uint64]uint8, nd)
	for i := uint64(0); i < nd && r.err == nil; i++ {
		k := r.u64()
		c := r.byte()
		if int(c) >= len(v.xtags) {
			return nil, fmt.Errorf("load parse model: tag dictionary class %d out of range", c)
		}
		m.tagdict[k] = c
	}
	if r.err != nil {
		return nil, fmt.Errorf("load parse model: tag dictionary: %w", r.err)
	}
	nv := r.uvarint()
	if nv > uint64(len(r.b)/9) {
		return nil, fmt.Errorf("load parse model: vocabulary of %d words in %d bytes", nv, len(r.b))
	}
	m.vocab = make(map[uint64]uint8, nv)
	for i := uint64(0); i < nv && r.err == nil; i++ {
		k := r.u64()
		m.vocab[k] = r.byte()
	}
	if r.err != nil {
		return nil, fmt.Errorf("load parse model: vocabulary: %w", r.err)
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("load parse model: %d bytes after the tables", len(r.b))
	}
	m.index()
	return m, nil
}

// reader decodes the model file; the first error sticks.
type reader struct {
	b   []byte
	err error
}

var errShort = errors.New("file ends early")

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n > len(r.b) {
		r.err = errShort
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *reader) byte() byte {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) strings() []string {
	n := int(r.byte())
	out := make([]string, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		out = append(out, string(r.bytes(int(r.byte()))))
	}
	return out
}

func (r *reader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) u64() uint64 {
	if b := r.bytes(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errors.New("bad varint")
		return 0
	}
	r.b = r.b[n:]
	return v
}

// rows reads a row count and calls row for each row index in turn.
func (r *reader) rows(total int, row func(int) error) error {
	count := r.uvarint()
	if count > uint64(total) {
		return fmt.Errorf("%d rows, table has %d", count, total)
	}
	at := -1
	for k := uint64(0); k < count && r.err == nil; k++ {
		gap := r.uvarint()
		if gap == 0 || gap > uint64(total-at-1) {
			return fmt.Errorf("row gap %d out of range", gap)
		}
		at += int(gap)
		if err := row(at); err != nil {
			return err
		}
	}
	return r.err
}

func (r *reader) dense(tab []int8) error {
	return r.rows(len(tab)/rowWidth, func(row int) error {
		if len(r.b) < numActs {
			return errShort
		}
		for j := 0; j < numActs; j++ {
			tab[row*rowWidth+j] = int8(r.b[j])
		}
		r.b = r.b[numActs:]
		return nil
	})
}

func (r *reader) sparse(nbits uint8, classes int, scale float32) (sparseTab, error) {
	total := 1 << nbits
	// Every weight takes at least two bytes of what is left, which bounds
	// the entries without a second pass.
	t := sparseTab{bits: nbits, scale: scale, off: make([]uint32, total+1), ent: make([]uint32, 0, len(r.b)/2)}
	last := 0
	err := r.rows(total, func(row int) error {
		for i := last + 1; i <= row; i++ {
			t.off[i] = uint32(len(t.ent))
		}
		mask := r.uvarint()
		if mask>>classes != 0 {
			return fmt.Errorf("row %d: class set %#x names unknown classes", row, mask)
		}
		n := bits.OnesCount64(mask)
		if len(r.b) < 2*n {
			return errShort
		}
		for m := mask; m != 0; m &= m - 1 {
			w := int16(binary.LittleEndian.Uint16(r.b))
			r.b = r.b[2:]
			if w == 0 || w < -sparseMax || w > sparseMax {
				return fmt.Errorf("row %d: weight %d out of range", row, w)
			}
			t.ent = append(t.ent, entry(bits.TrailingZeros64(m), w))
		}
		last = row
		t.off[row+1] = uint32(len(t.ent))
		return nil
	})
	for i := last + 1; i <= total; i++ {
		t.off[i] = uint32(len(t.ent))
	}
	if err == nil {
		// Older files may keep more than sparseK weights a row.
		ent := make([]uint32, 0, len(t.ent))
		off := make([]uint32, len(t.off))
		for r := 0; r+1 < len(t.off); r++ {
			ent = append(ent, topK(slices.Clone(t.ent[t.off[r]:t.off[r+1]]))...)
			off[r+1] = uint32(len(ent))
		}
		t.off, t.ent = off, ent
		t.buildFixed()
	}
	return t, err
}
