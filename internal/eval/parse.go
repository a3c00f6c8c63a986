package eval

import (
	"fmt"

	"github.com/dateline-project/dateline/internal/parse"
	"github.com/dateline-project/dateline/internal/text"
)

// ReadCoNLLUFile reads a Universal Dependencies treebank file.
func ReadCoNLLUFile(path string) ([]parse.Sentence, error) { return parse.ReadCoNLLUFile(path) }

// ScoreParse scores the dependency parser of m on gold sentences, with
// the treebank's tokenization and the text layer's tags (see
// parse.Evaluate): UAS and LAS over all words, the accuracy of both
// taggers against the gold XPOS, and the parser's speed.
func ScoreParse(m *text.Model, gold []parse.Sentence) (parse.Report, error) {
	pm := m.Parser()
	if pm == nil {
		return parse.Report{}, fmt.Errorf("score parse: the model has no parser")
	}
	wt := m.NewWordTagger()
	return parse.Evaluate(pm, gold, wt.Tag), nil
}
