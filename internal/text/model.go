package text

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"hash/maphash"
	"math/bits"
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

	// Feature table: keys are feature hashes (0 means empty), vals index
	// off, and a feature's weights are cls/wts[off[v]:off[v+1]].
	keys []uint64
	vals []uint32
	mask uint64
	off  []uint32
	cls  []uint8
	wts  []float64

	// pref1Hash[b] is the hash of string(rune(b)): prose builds the
	// "i pref1" feature from the word's first byte converted to a rune.
	pref1Hash [256]uint64
	// Hashes of the padding words and of their suffixes.
	start1Hash, start2Hash, end1Hash, end2Hash uint64
	start1Suf, start2Suf, end1Suf, end2Suf     uint64
	hyphenHash, yearHash, digitsHash           uint64
	hyphenSuf, yearSuf, digitsSuf              uint64
	tagNN                                      uint8

	// parser is the dependency parser (see package parse), nil for a
	// Model from LoadTagger.
	parser *parse.Model
}

// LoadTagger decodes the tagger weights that ship inside prose and builds
// the inference tables, without the parser: an Annotator over the result
// tags but leaves every token unparsed. The parser's training command uses
// it, since the parser is trained on this tagger's output.
func LoadTagger() (*Model, error) {
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
	return buildModel(classes, tags, weights)
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

func buildModel(classes []string, tags map[string]string, weights map[string]map[string]float64) (*Model, error) {
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
	m.tagdict = make(map[string]uint8, len(tags))
	for w, t := range tags {
		m.tagdict[w] = addTag(t)
	}
	m.startIdx = addTag(start1)
	if addTag(start2) != m.startIdx+1 {
		return nil, fmt.Errorf("build tagger: tag %q is also a class", start2)
	}
	if len(m.tagNames) > 255 {
		return nil, fmt.Errorf("build tagger: %d tags, want at most 255", len(m.tagNames))
	}
	m.tagNN = addTag("NN")
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

	size := 1 << bits.Len(uint(len(weights)*2))
	m.keys = make([]uint64, size)
	m.vals = make([]uint32, size)
	m.mask = uint64(size - 1)
	seen := make(map[uint64]string, len(weights))
	m.off = make([]uint32, 1, len(weights)+1)
	for key, ws := range weights {
		h, err := m.parseFeature(key)
		if err != nil {
			return nil, err
		}
		if other, dup := seen[h]; dup {
			return nil, fmt.Errorf("build tagger: features %q and %q hash alike", key, other)
		}
		seen[h] = key
		f := uint32(len(m.off) - 1)
		// Keep the class order of the model so that sums are reproducible.
		for ci, c := range classes {
			if w, ok := ws[c]; ok {
				m.cls = append(m.cls, uint8(ci))
				m.wts = append(m.wts, w)
			}
		}
		if len(m.cls) == int(m.off[f]) && len(ws) > 0 {
			return nil, fmt.Errorf("build tagger: feature %q has weights for unknown classes", key)
		}
		m.off = append(m.off, uint32(len(m.cls)))
		m.insert(h, f)
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
		if tp.parts > 0 && strings.HasPrefix(key, tp.name+" ") {
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

func (m *Model) insert(h uint64, v uint32) {
	i := h & m.mask
	for m.keys[i] != 0 {
		i = (i + 1) & m.mask
	}
	m.keys[i] = h
	m.vals[i] = v
}

// lookup returns the feature index of h, or -1.
func (m *Model) lookup(h uint64) int {
	i := h & m.mask
	for {
		k := m.keys[i]
		if k == h {
			return int(m.vals[i])
		}
		if k == 0 {
			return -1
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
