package text

import "github.com/dateline-project/dateline/internal/doc"

// splitSentences appends to out the sentences of the paragraph whose tokens
// are toks[first:end], as token ranges. A sentence ends at a full stop,
// question or exclamation mark, ellipsis or sentence-final abbreviation,
// together with the closing quotes and brackets right after it, when what
// follows starts a new sentence. The rules:
//
//   - after . ! ? a lower-case word or , ; : continues the sentence
//     (`"Go!" he said`), anything else starts a new one;
//   - a number of one or two digits and a full stop that open a sentence
//     are a list marker ("2. The army withdrew."), not a sentence;
//   - after an ellipsis only a capitalised word starts a new sentence;
//   - after an abbreviation ("Dr.", "U.S.", "J.", "Sept.", "a.m.") a
//     number or lower-case word continues; a capitalised word starts a new
//     sentence only if it is a typical sentence opener ("The", "He",
//     "However") and the abbreviation can end a sentence at all (titles
//     such as "Gen." never do; a.m./p.m. do unless a day, month or time
//     zone follows).
func splitSentences(toks []tok, text string, first, end int, out []span) []span {
	s := first
	for i := first; i < end; i++ {
		t := &toks[i]
		if t.flags&(fTerm|fEllipsis) == 0 && t.ab == abNone {
			continue
		}
		if i == s+1 && t.form == "." && toks[s].kind == doc.Number && toks[s].end-toks[s].start <= 2 {
			continue // a list number: "2. The army withdrew."
		}
		j := i + 1
		closers := 0
		for j < end && toks[j].flags&(fTerm|fEllipsis|fClose) != 0 {
			j++
			closers++
		}
		if j >= end {
			break
		}
		if endsSentence(toks, text, i, j, closers) {
			out = appendBounded(toks, out, s, j)
			s = j
		}
		i = j - 1
	}
	if s < end {
		out = appendBounded(toks, out, s, end)
	}
	return out
}

// maxSentenceTokens bounds a sentence's length. Edited news sentences run
// to a few dozen tokens and rarely past a hundred; text with no sentence
// punctuation (a flattened table, a list, a page of keywords) would
// otherwise make one "sentence" of the whole paragraph, and the parse
// and the stages that relate every word of a sentence to every other
// would cost the square of its length.
const maxSentenceTokens = 250

// appendBounded appends the sentence toks[s:e] to out, cut into pieces
// of at most maxSentenceTokens: each piece ends at the last semicolon,
// colon or comma of its second half, or at the bound when there is none.
func appendBounded(toks []tok, out []span, s, e int) []span {
	for e-s > maxSentenceTokens {
		cut := s + maxSentenceTokens
		for k := cut - 1; k > s+maxSentenceTokens/2; k-- {
			if toks[k].flags&fComma != 0 {
				cut = k + 1
				break
			}
		}
		out = append(out, span{s, cut})
		s = cut
	}
	return append(out, span{s, e})
}

// endsSentence decides whether the candidate toks[i] (with closers tokens
// absorbed after it) ends a sentence before toks[j].
func endsSentence(toks []tok, text string, i, j, closers int) bool {
	t, n := &toks[i], &toks[j]
	if n.flags&(fLower|fComma) != 0 {
		return false
	}
	if t.flags&fEllipsis != 0 && closers == 0 {
		return n.flags&fUpper != 0 || (n.flags&fOpen != 0 && j+1 < len(toks) && toks[j+1].flags&fUpper != 0)
	}
	if t.ab == abNone || closers > 0 {
		return true
	}
	switch {
	case n.kind == doc.Number || (n.start < len(text) && isDigit(text[n.start])):
		return false
	case n.flags&fUpper != 0:
		word := text[n.start:n.end]
		switch t.ab {
		case abTitle, abNumber:
			return false
		case abClock:
			return !isClockFollower(word)
		}
		return startsSentence(word)
	case n.flags&fOpen != 0:
		return t.ab != abTitle
	}
	return false
}
