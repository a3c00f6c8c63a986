package lexicon

import (
	"errors"
	"fmt"
	"strings"
)

// Gap words inside a pattern.
const (
	// Opt matches one optional word: "sign * agreement" matches "sign
	// agreement" and "sign an agreement".
	Opt = "*"
	// Gap matches zero to MaxGap words that usually hold an argument:
	// "take ... hostage" matches "took two aid workers hostage" and
	// "took hostages".
	Gap = "..."
	// MaxGap is the most words a Gap may span.
	MaxGap = 5
)

// Limits that keep patterns readable and the matcher cheap.
const (
	maxTokens     = 8
	maxExpansions = 32
	maxWordLen    = 40
)

// ErrPattern is wrapped by every pattern syntax error.
var ErrPattern = errors.New("bad pattern")

// ParsePattern parses a trigger pattern and returns its expansions: each is
// the list of words the matcher compares, gaps included as Opt and Gap.
//
// Syntax: words separated by spaces; a word is lower-case letters, digits,
// hyphens and apostrophes ("cease-fire", "o'clock"); "a/b/c" lists
// alternatives for one position and is expanded into separate patterns;
// "*" is an optional single word and "..." a gap of zero to MaxGap words.
// A pattern starts and ends with a word, has no two gaps in a row, at most
// 8 positions and at most 32 expansions.
func ParsePattern(s string) ([][]string, error) {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return nil, fmt.Errorf("%w: empty", ErrPattern)
	}
	if len(fields) > maxTokens {
		return nil, fmt.Errorf("%w: %d positions, at most %d", ErrPattern, len(fields), maxTokens)
	}
	alts := make([][]string, len(fields))
	n := 1
	for i, f := range fields {
		if f == Opt || f == Gap {
			if i == 0 || i == len(fields)-1 {
				return nil, fmt.Errorf("%w: %q: a gap cannot start or end a pattern", ErrPattern, s)
			}
			if prev := fields[i-1]; prev == Opt || prev == Gap {
				return nil, fmt.Errorf("%w: %q: two gaps in a row", ErrPattern, s)
			}
			alts[i] = []string{f}
			continue
		}
		parts := strings.Split(f, "/")
		for _, p := range parts {
			if err := checkWord(p); err != nil {
				return nil, fmt.Errorf("%w: %q: %v", ErrPattern, s, err)
			}
		}
		for j := range parts {
			for k := j + 1; k < len(parts); k++ {
				if parts[j] == parts[k] {
					return nil, fmt.Errorf("%w: %q: alternative %q twice", ErrPattern, s, parts[j])
				}
			}
		}
		alts[i] = parts
		n *= len(parts)
		if n > maxExpansions {
			return nil, fmt.Errorf("%w: %q: more than %d expansions", ErrPattern, s, maxExpansions)
		}
	}
	out := make([][]string, 0, n)
	cur := make([]string, len(alts))
	var expand func(i int)
	expand = func(i int) {
		if i == len(alts) {
			out = append(out, append([]string(nil), cur...))
			return
		}
		for _, a := range alts[i] {
			cur[i] = a
			expand(i + 1)
		}
	}
	expand(0)
	return out, nil
}

func checkWord(w string) error {
	if w == "" {
		return errors.New("empty word or alternative")
	}
	if len(w) > maxWordLen {
		return fmt.Errorf("word %q longer than %d bytes", w, maxWordLen)
	}
	if w[0] == '-' || w[len(w)-1] == '-' {
		return fmt.Errorf("word %q starts or ends with a hyphen", w)
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '\'' {
			continue
		}
		return fmt.Errorf("word %q: character %q is not a lower-case letter, digit, hyphen or apostrophe", w, c)
	}
	return nil
}
