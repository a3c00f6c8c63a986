package text

import "github.com/dateline-project/dateline/internal/doc"

// WordTagger tags sentences that are already split into words, such as a
// treebank's, with the same forms and inference as the Annotator: the
// words are joined back into running text, run through the tokenizer, and
// every word that comes out as one token is tagged in the form the
// tokenizer gives it (“ as “, ’s as 's, — as --, URLs flagged), so that the
// tags match what the Annotator assigns to the same text. A word the
// tokenizer would split or merge with its neighbour keeps its own spelling.
//
// A WordTagger keeps scratch memory between sentences and is not safe for
// concurrent use; all of them may share one Model.
type WordTagger struct {
	m     *Model
	z     tokenizer
	z1    tokenizer // for words tokenized alone
	tg    tagger
	buf   []byte
	start []int
	toks  []tok
	out   []uint8
}

// NewWordTagger returns a tagger for pre-tokenized sentences.
func (m *Model) NewWordTagger() *WordTagger {
	return &WordTagger{m: m, tg: tagger{m: m}}
}

// TagWords writes the Penn Treebank tag of words[i] to tags[i] (tags must
// be at least as long as words). It allocates a WordTagger per call; use
// NewWordTagger to tag many sentences.
func (m *Model) TagWords(words []string, tags []string) {
	m.NewWordTagger().Tag(words, nil, tags)
}

// Tag writes the tag of words[i] to tags[i]. spaceAfter[i] reports whether
// white space follows words[i] in the original text (CoNLL-U's
// SpaceAfter=No is false); when spaceAfter is nil, words are taken to be
// separated by spaces except before a clitic ('s, n't, 're and the like),
// which the tokenizer only splits off a word it follows directly.
func (t *WordTagger) Tag(words []string, spaceAfter []bool, tags []string) {
	n := len(words)
	if n == 0 {
		return
	}
	_ = tags[n-1]
	t.buf, t.start = t.buf[:0], t.start[:0]
	for i, w := range words {
		if i > 0 {
			space := true
			if spaceAfter != nil {
				space = spaceAfter[i-1]
			} else if isClitic(w) {
				space = false
			}
			if space {
				t.buf = append(t.buf, ' ')
			}
		}
		t.start = append(t.start, len(t.buf))
		t.buf = append(t.buf, w...)
	}
	text := string(t.buf)
	z := &t.z
	z.text = text
	z.toks = z.toks[:0]
	z.paragraph(0, len(text))

	t.toks = t.toks[:0]
	j := 0
	for i, w := range words {
		ws, we := t.start[i], t.start[i]+len(w)
		for j < len(z.toks) && z.toks[j].end <= ws {
			j++
		}
		if j < len(z.toks) && z.toks[j].start == ws && z.toks[j].end == we {
			t.toks = append(t.toks, z.toks[j])
			continue
		}
		t.toks = append(t.toks, t.alone(text, ws, we))
	}
	if cap(t.out) < n {
		t.out = make([]uint8, n, 2*n)
	}
	out := t.out[:n]
	t.tg.tagSentence(t.toks, out)
	for i := range out {
		tags[i] = t.m.tagNames[out[i]]
	}
}

// alone returns the token for text[ws:we] as the tokenizer makes it when
// the word stands alone, or the word as it is when even then it is not one
// token.
func (t *WordTagger) alone(text string, ws, we int) tok {
	z := &t.z1
	z.text = text
	z.toks = z.toks[:0]
	z.paragraph(ws, we)
	if len(z.toks) == 1 && z.toks[0].start == ws && z.toks[0].end == we {
		return z.toks[0]
	}
	w := text[ws:we]
	if isClitic(w) {
		// The tokenizer spells a clitic it splits off in Penn form.
		form := "n't"
		if c := w[len(w)-1] | 0x20; c != 't' || (w[0]|0x20) != 'n' {
			_, rest, _ := cutApostrophe(w)
			form = cliticForm(rest)
		}
		return tok{start: ws, end: we, kind: doc.Word, flags: fLower, form: form}
	}
	return tok{start: ws, end: we, form: w}
}

// cutApostrophe splits a leading ' or ’ off w.
func cutApostrophe(w string) (apos, rest string, ok bool) {
	switch {
	case len(w) > 1 && w[0] == '\'':
		return w[:1], w[1:], true
	case len(w) > 3 && w[:3] == "’":
		return w[:3], w[3:], true
	}
	return "", w, false
}

// isClitic reports whether w is a clitic the tokenizer splits off the
// word before it: 's 'd 'm 're 've 'll n't, with either apostrophe.
func isClitic(w string) bool {
	if _, rest, ok := cutApostrophe(w); ok {
		return cliticForm(rest) != ""
	}
	switch {
	case len(w) == 3 && (w[0]|0x20) == 'n' && w[1] == '\'' && (w[2]|0x20) == 't':
		return true
	case len(w) == 5 && (w[0]|0x20) == 'n' && w[1:4] == "’" && (w[4]|0x20) == 't':
		return true
	}
	return false
}
