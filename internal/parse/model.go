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
	// tagdict gives the tag class of frequent words that always have the
	// same tag in training, by normalised form hash; the tagger skips
	// them, as prose's does.
	tagdict map[uint64]uint8
	labels  []doc.DepRel // label class → relation
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
	if id, ok := m.tagID[t]; ok {
		return id
	}
	return uint8(len(m.tags) + 2)
}

// Labels returns the relations the model assigns besides DepRoot. Callers
// must not modify the result.
func (m *Model) Labels() []doc.DepRel { return m.labels }

// Model file format, little-endian:
//
//	magic "DLPARSE3"
//	u8 transition bits, u8 label bits, u8 tagger bits
//	u8 label classes L, L × u8 doc.DepRel
//	u8 input tags T, T × (u8 length, bytes)
//	u8 tagger classes X, X × (u8 length, bytes)
//	f32 scale of each of the three tables
//	transition table: uvarint row count, then per non-zero row the
//	  uvarint gap from the previous row index (the first counts from -1)
//	  and numActs × i16
//	label table, tagger table: the same, with per row a uvarint bit set
//	  of its non-zero classes followed by their i16 weights
//	tag dictionary: uvarint count, then (u64 form hash, u8 class) in
//	  increasing order of hash
//
// A weight is its i16 times the table's scale (see denseTab).
const magic = "DLPARSE3"

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
	keys := make([]uint64, 0, len(m.tagdict))
	for k := range m.tagdict {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	tmp := binary.AppendUvarint(nil, uint64(len(keys)))
	for _, k := range keys {
		tmp = binary.LittleEndian.AppendUint64(tmp, k)
		tmp = append(tmp, m.tagdict[k])
	}
	b.Write(tmp)
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
			tmp = binary.LittleEndian.AppendUint16(tmp, uint16(w))
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
	if tBits < 4 || tBits > 28 || lBits < 4 || lBits > 28 || xBits < 4 || xBits > 28 {
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
	m.trans = denseTab{bits: tBits, scale: ts, w: make([]int16, rowWidth<<tBits)}
	if err := r.dense(m.trans.w); err != nil {
		return nil, fmt.Errorf("load parse model: transition table: %w", err)
	}
	var err error
	if m.lab, err = r.sparse(lBits, len(v.labels), ls); err != nil {
		return nil, fmt.Errorf("load parse model: label table: %w", err)
	}
	if m.tagw, err = r.sparse(xBits, len(v.xtags), xs); err != nil {
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
	if len(r.b) != 0 {
		return nil, fmt.Errorf("load parse model: %d bytes after the tables", len(r.b))
	}
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

func (r *reader) i16() int16 {
	if b := r.bytes(2); b != nil {
		return int16(binary.LittleEndian.Uint16(b))
	}
	return 0
}

func (r *reader) dense(tab []int16) error {
	return r.rows(len(tab)/rowWidth, func(row int) error {
		if len(r.b) < 2*numActs {
			return errShort
		}
		for j := 0; j < numActs; j++ {
			tab[row*rowWidth+j] = int16(binary.LittleEndian.Uint16(r.b[2*j:]))
		}
		r.b = r.b[2*numActs:]
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
			if w == 0 {
				return fmt.Errorf("row %d: zero weight listed", row)
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
	return t, err
}
