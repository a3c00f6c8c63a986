package text

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/parse"
	"github.com/jdkato/prose/v2"
)

// Feature templates of prose's averaged perceptron, in the order prose's
// featurize builds them. A feature key in the weights file is the template
// name followed by its parts, each separated by one space.
const (
	tBias = iota
	tISuffix
	tIPref1
	tIm1Tag
	tIm2Tag
	tITagIm2Tag
	tIWord
	tIm1TagIWord
	tIm1Word
	tIm1Suffix
	tIm2Word
	tIp1Word
	tIp1Suffix
	tIp2Word
	numTemplates
)

// templates names each template and says how many parts follow it. Templates
// whose name is a prefix of another ("i-1 tag" and "i-1 tag+i word") are
// told apart because the parser tries the longer names first.
var templates = [numTemplates]struct {
	name  string
	parts int
}{
	tBias:        {"bias", 0},
	tISuffix:     {"i suffix", 1},
	tIPref1:      {"i pref1", 1},
	tIm1Tag:      {"i-1 tag", 1},
	tIm2Tag:      {"i-2 tag", 1},
	tITagIm2Tag:  {"i tag+i-2 tag", 2},
	tIWord:       {"i word", 1},
	tIm1TagIWord: {"i-1 tag+i word", 2},
	tIm1Word:     {"i-1 word", 1},
	tIm1Suffix:   {"i-1 suffix", 1},
	tIm2Word:     {"i-2 word", 1},
	tIp1Word:     {"i+1 word", 1},
	tIp1Suffix:   {"i+1 suffix", 1},
	tIp2Word:     {"i+2 word", 1},
}

// The context words prose pads every sentence with.
const (
	start1 = "-START-"
	start2 = "-START2-"
	end1   = "-END-"
	end2   = "-END2-"
)

// Model is prose's averaged-perceptron POS tagger, re-packed for fast
// inference. Feature keys are never built as strings: each part (a word, a
// suffix, a tag) is hashed once, and a feature is the mix of its template
// number and its parts' hashes, looked up in an open-addressing table. The
// weights are stored per feature as a run of (class, weight) pairs.
//
// A Model is immutable after LoadModel and safe for concurrent use.
type Model struct {
	seed maphash.Seed

	// tagNames holds every tag the model can output (the classes first),
	// then the two START pseudo-tags; tagHash holds the hash of each name.
	tagNames []string
	tagHash  []uint64
	tagCls   []uint16 // chunker class of each tag
	nClasses int
	startIdx uint8 // index of "-START-" in tagNames; "-START2-" follows

	// tagdict maps frequent unambiguous words to their tag index, as
	// prose's tagMap does.
	tagdict map[string]uint8

	// Feature table: open addressing over slots, each holding a feature
	// hash (0 means empty) and where its weights sit: the weights are
	// wts[off:off+n], the classes they vote for cls[off:off+n].
	slots []featSlot
	mask  uint64
	wts   []float64
	cls   []uint8

	// The features of the previous tags, looked up once: biasFeat is the
	// bias, prevTagFeat[t] is "i-1 tag t", prev2TagFeat[t] is "i-2 tag t"
	// and tagPairFeat[t1*len(tagNames)+t2] is "i tag+i-2 tag t1 t2".
	biasFeat                  featSlot
	prevTagFeat, prev2TagFeat []featSlot
	tagPairFeat               []featSlot

	// pref1Hash[b] is the hash of string(rune(b)): prose builds the
	// "i pref1" feature from the word's first byte converted to a rune.
	pref1Hash [256]uint64
	// Hashes of the padding words and of their suffixes.
	start1Hash, start2Hash, end1Hash, end2Hash uint64
	start1Suf, start2Suf, end1Suf, end2Suf     uint64
	hyphenHash, yearHash, digitsHash           uint64
	hyphenSuf, yearSuf, digitsSuf              uint64
	tagNN, tagNNP                              uint8
	// tagVBG is the gerund's tag, and verbAfterGerund[t] reports a
	// tag of the verb that makes a sentence-initial gerund its subject
	// (see tagSentence).
	tagVBG          uint8
	verbAfterGerund []bool

	// parser is the dependency parser (see package parse), nil for a
	// Model from LoadTagger.
	parser *parse.Model
}

// TaggerFile is where the tagger's weights sit in data.FS: prose's
// weights, re-packed by TaggerFileBytes so that start-up reads a flat,
// sorted file instead of gob-decoding nested maps (a few milliseconds
// instead of several hundred). Regenerate it with
//
//	go generate ./internal/text
//
// after upgrading prose; a test fails while it is stale.
const TaggerFile = "tagger/prose.model"

//go:generate go run ./gentagger -o ../../data/tagger/prose.model

// LoadTagger builds the tagger from data/tagger/prose.model, without the
// parser: an Annotator over the result tags but leaves every token
// unparsed. The parser's training command uses it, since the parser is
// trained on this tagger's output.
func LoadTagger() (*Model, error) {
	b, err := data.FS.ReadFile(TaggerFile)
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	src, err := decodeTaggerFile(b)
	if err != nil {
		return nil, fmt.Errorf("load tagger from data/%s: %w", TaggerFile, err)
	}
	return buildModel(src)
}

// taggerSource is prose's tagger as buildModel reads it: the classes, the
// tag dictionary sorted by word, and the features sorted by key, each with
// its weights in class order.
type taggerSource struct {
	classes []string
	dict    []wordTag
	feats   []featWeights
}

type wordTag struct{ word, tag string }

type featWeights struct {
	key string
	cls []uint8
	wts []float64
}

// proseSource decodes the gob files that ship inside prose.
func proseSource() (*taggerSource, error) {
	var classes []string
	var tags map[string]string
	var weights map[string]map[string]float64
	if err := decodeAsset("classes.gob", &classes); err != nil {
		return nil, err
	}
	if err := decodeAsset("tags.gob", &tags); err != nil {
		return nil, err
	}
	if err := decodeAsset("weights.gob", &weights); err != nil {
		return nil, err
	}
	src := &taggerSource{classes: classes}
	for w, t := range tags {
		src.dict = append(src.dict, wordTag{w, t})
	}
	slices.SortFunc(src.dict, func(a, b wordTag) int { return strings.Compare(a.word, b.word) })
	for key, ws := range weights {
		f := featWeights{key: key}
		// Keep the class order of the model so that sums are
		// reproducible.
		for ci, c := range classes {
			if w, ok := ws[c]; ok {
				f.cls = append(f.cls, uint8(ci))
				f.wts = append(f.wts, w)
			}
		}
		if len(f.cls) == 0 && len(ws) > 0 {
			return nil, fmt.Errorf("build tagger: feature %q has weights for unknown classes", key)
		}
		src.feats = append(src.feats, f)
	}
	slices.SortFunc(src.feats, func(a, b featWeights) int { return strings.Compare(a.key, b.key) })
	return src, nil
}

func decodeAsset(name string, v any) error {
	b, err := prose.Asset("model/AveragedPerceptron/" + name)
	if err != nil {
		return fmt.Errorf("load tagger asset %s: %w", name, err)
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		return fmt.Errorf("decode tagger asset %s: %w", name, err)
	}
	return nil
}

// The tagger file, little-endian:
//
//	magic "DLTAGGR1"
//	uvarint class count, then each class as a string
//	uvarint dictionary size, then (word, tag) strings, sorted by word
//	uvarint feature count, then per feature, sorted by key: the key
//	  string, u8 weight count, and (u8 class, f64 weight) pairs in class
//	  order
//
// A string is a uvarint length and its bytes. The weights are prose's
// float64s, bit for bit.
const taggerMagic = "DLTAGGR1"

// TaggerFileBytes decodes prose's tagger and returns the contents of
// data/tagger/prose.model. The output depends on prose's weights only.
func TaggerFileBytes() ([]byte, error) {
	src, err := proseSource()
	if err != nil {
		return nil, err
	}
	b := []byte(taggerMagic)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(src.classes)))
	for _, c := range src.classes {
		str(c)
	}
	b = binary.AppendUvarint(b, uint64(len(src.dict)))
	for _, d := range src.dict {
		str(d.word)
		str(d.tag)
	}
	b = binary.AppendUvarint(b, uint64(len(src.feats)))
	for _, f := range src.feats {
		if len(f.cls) > 255 {
			return nil, fmt.Errorf("tagger file: feature %q has %d weights", f.key, len(f.cls))
		}
		str(f.key)
		b = append(b, byte(len(f.cls)))
		for j, c := range f.cls {
			b = append(b, c)
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f.wts[j]))
		}
	}
	return b, nil
}

// decodeTaggerFile reads the tagger file. Strings point into one copy of
// data; weights are sub-slices of two shared arrays.
func decodeTaggerFile(data []byte) (*taggerSource, error) {
	text := string(data)
	if !strings.HasPrefix(text, taggerMagic) {
		return nil, errors.New("not a tagger file (bad magic)")
	}
	pos := len(taggerMagic)
	var bad error
	uv := func() int {
		v, n := binary.Uvarint(data[pos:])
		if n <= 0 || v > uint64(len(data)) {
			bad = fmt.Errorf("bad number at byte %d", pos)
			return 0
		}
		pos += n
		return int(v)
	}
	str := func() string {
		n := uv()
		if bad != nil || pos+n > len(data) {
			bad = fmt.Errorf("string past the end at byte %d", pos)
			return ""
		}
		s := text[pos : pos+n]
		pos += n
		return s
	}
	src := &taggerSource{}
	src.classes = make([]string, uv())
	for i := range src.classes {
		src.classes[i] = str()
	}
	src.dict = make([]wordTag, uv())
	for i := range src.dict {
		src.dict[i] = wordTag{strings.Clone(str()), str()}
	}
	nf := uv()
	if bad != nil {
		return nil, bad
	}
	src.feats = make([]featWeights, nf)
	cls := make([]uint8, 0, len(data)/9)
	wts := make([]float64, 0, len(data)/9)
	for i := range src.feats {
		key := str()
		if bad != nil || pos >= len(data) {
			return nil, fmt.Errorf("feature %d: %w", i, cmp.Or(bad, errors.New("file ends early")))
		}
		n := int(data[pos])
		pos++
		if pos+9*n > len(data) {
			return nil, fmt.Errorf("feature %q: weights past the end", key)
		}
		start := len(cls)
		for j := 0; j < n; j++ {
			cls = append(cls, data[pos])
			wts = append(wts, math.Float64frombits(binary.LittleEndian.Uint64(data[pos+1:])))
			pos += 9
		}
		src.feats[i] = featWeights{key: key, cls: cls[start:len(cls):len(cls)], wts: wts[start:len(wts):len(wts)]}
	}
	if bad != nil {
		return nil, bad
	}
	if pos != len(data) {
		return nil, fmt.Errorf("%d bytes after the features", len(data)-pos)
	}
	return src, nil
}

func buildModel(src *taggerSource) (*Model, error) {
	classes := src.classes
	if len(classes) == 0 || len(classes) > 62 {
		return nil, fmt.Errorf("build tagger: %d classes, want 1..62", len(classes))
	}
	m := &Model{seed: maphash.MakeSeed(), nClasses: len(classes)}
	index := make(map[string]uint8, len(classes)+8)
	addTag := func(name string) uint8 {
		if i, ok := index[name]; ok {
			return i
		}
		i := uint8(len(m.tagNames))
		index[name] = i
		m.tagNames = append(m.tagNames, name)
		m.tagHash = append(m.tagHash, m.hashString(name))
		return i
	}
	for _, c := range classes {
		addTag(c)
	}
	// Tags from the tag dictionary that are not classes are kept as
	// output names too; they never take part in scoring.
	m.tagdict = make(map[string]uint8, len(src.dict))
	for _, d := range src.dict {
		m.tagdict[d.word] = addTag(d.tag)
	}
	m.startIdx = addTag(start1)
	if addTag(start2) != m.startIdx+1 {
		return nil, fmt.Errorf("build tagger: tag %q is also a class", start2)
	}
	if len(m.tagNames) > 255 {
		return nil, fmt.Errorf("build tagger: %d tags, want at most 255", len(m.tagNames))
	}
	m.tagNN = addTag("NN")
	m.tagNNP = addTag("NNP")
	m.tagVBG = addTag("VBG")
	for _, t := range []string{"VBD", "VBZ", "VBP", "VBN", "MD"} {
		addTag(t)
	}
	m.verbAfterGerund = make([]bool, len(m.tagNames))
	for i, t := range m.tagNames {
		m.verbAfterGerund[i] = t == "VBD" || t == "VBZ" || t == "VBP" || t == "VBN" || t == "MD"
	}
	for _, t := range m.tagNames {
		m.tagCls = append(m.tagCls, tagClass(t))
	}

	for b := 0; b < 256; b++ {
		m.pref1Hash[b] = m.hashString(string(rune(b)))
	}
	m.start1Hash, m.start1Suf = m.hashString(start1), m.hashString(suffix3(start1))
	m.start2Hash, m.start2Suf = m.hashString(start2), m.hashString(suffix3(start2))
	m.end1Hash, m.end1Suf = m.hashString(end1), m.hashString(suffix3(end1))
	m.end2Hash, m.end2Suf = m.hashString(end2), m.hashString(suffix3(end2))
	m.hyphenHash, m.hyphenSuf = m.hashString("!HYPHEN"), m.hashString(suffix3("!HYPHEN"))
	m.yearHash, m.yearSuf = m.hashString("!YEAR"), m.hashString(suffix3("!YEAR"))
	m.digitsHash, m.digitsSuf = m.hashString("!DIGITS"), m.hashString(suffix3("!DIGITS"))

	nw := 0
	for _, f := range src.feats {
		nw += len(f.cls)
	}
	if nw == 0 || uint64(nw) > math.MaxUint32 {
		return nil, fmt.Errorf("build tagger: %d weights, want 1 to 2³²-1", nw)
	}
	size := 1 << bits.Len(uint(len(src.feats)*2))
	m.slots = make([]featSlot, size)
	m.mask = uint64(size - 1)
	m.wts = make([]float64, 0, nw)
	m.cls = make([]uint8, 0, nw)
	for _, fw := range src.feats {
		h, err := m.parseFeature(fw.key)
		if err != nil {
			return nil, err
		}
		// A feature without weights points at the first weight, so that
		// touching it stays in bounds.
		off := uint32(len(m.wts))
		if len(fw.cls) == 0 {
			off = 0
		}
		for j, c := range fw.cls {
			if int(c) >= len(classes) {
				return nil, fmt.Errorf("build tagger: feature %q has a weight for class %d", fw.key, c)
			}
			m.cls = append(m.cls, c)
			m.wts = append(m.wts, fw.wts[j])
		}
		if !m.insert(featSlot{key: h, off: off, n: uint32(len(fw.cls))}) {
			return nil, fmt.Errorf("build tagger: feature %q hashes like another", fw.key)
		}
	}
	m.biasFeat = m.lookup(featKey(tBias, 0, 0))
	nt := len(m.tagNames)
	m.prevTagFeat = make([]featSlot, nt)
	m.prev2TagFeat = make([]featSlot, nt)
	m.tagPairFeat = make([]featSlot, nt*nt)
	for t1, h1 := range m.tagHash {
		m.prevTagFeat[t1] = m.lookup(featKey(tIm1Tag, h1, 0))
		m.prev2TagFeat[t1] = m.lookup(featKey(tIm2Tag, h1, 0))
		for t2, h2 := range m.tagHash {
			m.tagPairFeat[t1*nt+t2] = m.lookup(featKey(tITagIm2Tag, h1, h2))
		}
	}
	return m, nil
}

// parseFeature splits a feature key into its template and parts and returns
// the hash that inference computes for the same feature.
func (m *Model) parseFeature(key string) (uint64, error) {
	best := -1
	for t, tp := range templates {
		if key == tp.name && tp.parts == 0 {
			return featKey(uint64(t), 0, 0), nil
		}
		if tp.parts > 0 && len(key) > len(tp.name) && key[len(tp.name)] == ' ' && strings.HasPrefix(key, tp.name) {
			if best < 0 || len(tp.name) > len(templates[best].name) {
				best = t
			}
		}
	}
	if best < 0 {
		return 0, fmt.Errorf("build tagger: unknown feature %q", key)
	}
	rest := key[len(templates[best].name)+1:]
	if templates[best].parts == 1 {
		return featKey(uint64(best), m.hashString(rest), 0), nil
	}
	a, b, ok := strings.Cut(rest, " ")
	if !ok {
		return 0, fmt.Errorf("build tagger: feature %q lacks its second part", key)
	}
	return featKey(uint64(best), m.hashString(a), m.hashString(b)), nil
}

// featSlot is one slot of the feature table: the feature's hash (0 for
// an empty slot) and where its n weights start.
type featSlot struct {
	key uint64
	off uint32
	n   uint32
}

// touch reads the first and last weight of feature s and the first class,
// so that their cache lines are on their way before the weights are
// summed.
func (m *Model) touch(s featSlot) uint64 {
	last := int(s.off) + max(int(s.n)-1, 0)
	return math.Float64bits(m.wts[s.off]) ^ math.Float64bits(m.wts[last]) ^ uint64(m.cls[s.off])
}

// insert adds feature s; it reports false when s.key is there already
// (two features whose keys hash alike).
func (m *Model) insert(s featSlot) bool {
	i := s.key & m.mask
	for m.slots[i].key != 0 {
		if m.slots[i].key == s.key {
			return false
		}
		i = (i + 1) & m.mask
	}
	m.slots[i] = s
	return true
}

// lookup returns the slot of feature h; its n is 0 when h is absent.
func (m *Model) lookup(h uint64) featSlot {
	i := h & m.mask
	for {
		s := m.slots[i]
		if s.key == h || s.key == 0 {
			return s
		}
		i = (i + 1) & m.mask
	}
}

func (m *Model) hashString(s string) uint64 { return maphash.String(m.seed, s) }
func (m *Model) hashBytes(b []byte) uint64  { return maphash.Bytes(m.seed, b) }

// featKey combines a template number and the hashes of its parts. It never
// returns 0, which marks an empty table slot.
func featKey(t, a, b uint64) uint64 {
	h := mix64(a + (t+1)*0x9e3779b97f4a7c15)
	h = mix64(h ^ b)
	if h == 0 {
		h = 1
	}
	return h
}

func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// suffix3 returns the last three bytes of s, as prose's suffix features do
// (bytes, not runes).
func suffix3(s string) string {
	if len(s) > 3 {
		return s[len(s)-3:]
	}
	return s
}

// TagNames returns the tags the model can assign, for documentation and
// tests. Callers must not modify the result.
func (m *Model) TagNames() []string { return m.tagNames[:m.startIdx] }

// ParseModelPath is where the parser's model sits in data.FS.
const ParseModelPath = "parse/en_ewt.model"

// LoadModel loads the tagger and the dependency parser that data embeds
// (data/parse/en_ewt.model). It takes a few hundred milliseconds; call it
// once per process and share the Model: the Annotators of all workers read
// it without copying it.
func LoadModel() (*Model, error) {
	m, err := LoadTagger()
	if err != nil {
		return nil, err
	}
	b, err := data.FS.ReadFile(ParseModelPath)
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	if m.parser, err = parse.Load(b); err != nil {
		return nil, fmt.Errorf("load parser from data/%s: %w", ParseModelPath, err)
	}
	return m, nil
}

// Parser returns the dependency parser's model, or nil when m was loaded
// without it.
func (m *Model) Parser() *parse.Model { return m.parser }
