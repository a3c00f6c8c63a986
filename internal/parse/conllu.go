package parse

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
)

// Word is one syntactic word of a CoNLL-U sentence (a line whose ID is an
// integer; multi-word token ranges and empty nodes are not words).
type Word struct {
	Form string
	UPOS string
	// XPOS is the language-specific tag: the Penn Treebank tag in the
	// English treebanks.
	XPOS string
	// Head indexes Sentence.Words; -1 for the root.
	Head int32
	// Dep is the relation to Head. DepName keeps the label as written
	// ("obl:tmod"), since Dep falls back to the universal part for
	// subtypes that doc.DepRel does not list.
	Dep     doc.DepRel
	DepName string
	// SpaceAfter is false when the MISC column says SpaceAfter=No.
	SpaceAfter bool
}

// Sentence is one CoNLL-U sentence: its words, in order, and the line of
// the file where it starts.
type Sentence struct {
	Words []Word
	Line  int
}

// maxLine bounds one CoNLL-U line; real lines are a few hundred bytes.
const maxLine = 1 << 20

// ReadCoNLLU reads every sentence of a CoNLL-U file. Comment lines,
// multi-word token lines ("3-4") and empty nodes ("8.1") are skipped.
// Each sentence must be a tree: IDs run 1, 2, 3..., every HEAD names a word
// of the sentence or 0, exactly one word has HEAD 0, and heads have no
// cycle. An error names the line it is about.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	var (
		out   []Sentence
		cur   Sentence
		lines []int // line of each word of cur, for errors
		ln    int
	)
	finish := func() error {
		if len(cur.Words) == 0 {
			cur = Sentence{}
			lines = lines[:0]
			return nil
		}
		if err := checkTree(cur.Words, lines); err != nil {
			return err
		}
		out = append(out, cur)
		cur = Sentence{}
		lines = lines[:0]
		return nil
	}
	for sc.Scan() {
		ln++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if err := finish(); err != nil {
				return nil, err
			}
			continue
		}
		if line[0] == '#' {
			continue
		}
		w, skip, err := parseWordLine(line, len(cur.Words))
		if err != nil {
			return nil, fmt.Errorf("conllu line %d: %w", ln, err)
		}
		if skip {
			continue
		}
		if len(cur.Words) == 0 {
			cur.Line = ln
		}
		cur.Words = append(cur.Words, w)
		lines = append(lines, ln)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("conllu line %d: line longer than %d bytes", ln+1, maxLine)
		}
		return nil, fmt.Errorf("conllu: read after line %d: %w", ln, err)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	return out, nil
}

// parseWordLine parses one token line; skip is true for multi-word token
// ranges and empty nodes. n is the number of words read so far in the
// sentence. Head is left 1-based (0 for the root) for checkTree to resolve.
func parseWordLine(line string, n int) (w Word, skip bool, err error) {
	var cols [10]string
	rest := line
	for i := 0; i < 9; i++ {
		c, r, ok := strings.Cut(rest, "\t")
		if !ok {
			return w, false, fmt.Errorf("%d tab-separated columns, want 10", i+1)
		}
		cols[i], rest = c, r
	}
	if strings.IndexByte(rest, '\t') >= 0 {
		return w, false, errors.New("more than 10 tab-separated columns")
	}
	cols[9] = rest
	id := cols[0]
	if strings.ContainsAny(id, "-.") {
		return w, true, nil
	}
	num, err := strconv.Atoi(id)
	if err != nil {
		return w, false, fmt.Errorf("ID %q is not a number, a range or an empty node", id)
	}
	if num != n+1 {
		return w, false, fmt.Errorf("ID %d, want %d", num, n+1)
	}
	head, err := strconv.Atoi(cols[6])
	if err != nil || head < 0 {
		return w, false, fmt.Errorf("HEAD %q is not a word number", cols[6])
	}
	if head > 1<<20 {
		return w, false, fmt.Errorf("HEAD %d is out of range", head)
	}
	rel, ok := doc.ParseDepRel(cols[7])
	if !ok {
		return w, false, fmt.Errorf("unknown DEPREL %q", cols[7])
	}
	if (head == 0) != (rel == doc.DepRoot) {
		return w, false, fmt.Errorf("DEPREL %q with HEAD %d: root and only root attaches to 0", cols[7], head)
	}
	if cols[1] == "" {
		return w, false, errors.New("empty FORM")
	}
	w = Word{
		Form: cols[1], UPOS: cols[3], XPOS: cols[4],
		Head: int32(head), Dep: rel, DepName: cols[7],
		SpaceAfter: !hasSpaceAfterNo(cols[9]),
	}
	return w, false, nil
}

func hasSpaceAfterNo(misc string) bool {
	for misc != "" {
		var f string
		f, misc, _ = strings.Cut(misc, "|")
		if f == "SpaceAfter=No" {
			return true
		}
	}
	return false
}

// checkTree turns 1-based heads into indexes and checks that they form one
// tree.
func checkTree(ws []Word, lines []int) error {
	n := len(ws)
	roots := 0
	for i := range ws {
		h := ws[i].Head
		if int(h) > n {
			return fmt.Errorf("conllu line %d: HEAD %d, but the sentence has %d words", lines[i], h, n)
		}
		if int(h) == i+1 {
			return fmt.Errorf("conllu line %d: word %d is its own head", lines[i], i+1)
		}
		ws[i].Head = h - 1
		if h == 0 {
			roots++
		}
	}
	if roots != 1 {
		return fmt.Errorf("conllu line %d: sentence has %d roots, want 1", lines[0], roots)
	}
	// Every word must reach the root: walk up from each word, marking the
	// words on the current path, and stop at a word already known to reach
	// it. Linear in the sentence length.
	const (
		unseen = iota
		onPath
		reaches
	)
	mark := make([]uint8, n)
	for i := range ws {
		j := int32(i)
		for j >= 0 && mark[j] == unseen {
			mark[j] = onPath
			j = ws[j].Head
		}
		if j >= 0 && mark[j] == onPath {
			return fmt.Errorf("conllu line %d: word %d is on a cycle of heads", lines[j], j+1)
		}
		for k := int32(i); k >= 0 && mark[k] == onPath; k = ws[k].Head {
			mark[k] = reaches
		}
	}
	return nil
}

// ReadCoNLLUFile reads the treebank file at path; errors name the file.
func ReadCoNLLUFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open treebank: %w", err)
	}
	defer f.Close()
	s, err := ReadCoNLLU(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}
