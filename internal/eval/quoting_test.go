package eval

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/dateline-project/dateline/internal/testref"
)

// quoteRun is how many words in a row make a quotation of the dev set.
const quoteRun = 5

// TestNoRuleQuotesDevSentences fails when Go source or a lexicon under
// data/ shares a run of five words with a sentence of the PLOVER GSR dev
// set. A rule justified by a gold sentence is fitted to it and will not
// hold on unseen text: rules cite the grammar or the PLOVER manual, and
// tests use sentences written for them. The name lists (data/actors,
// data/gazetteer) are exempt: long official names are facts.
func TestNoRuleQuotesDevSentences(t *testing.T) {
	recs, err := ReadGSRFile(testref.Shared(t, "eval/plover-gsr-dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	dev := map[string]string{}
	for _, r := range recs {
		ws := quoteWords(r.Text)
		for i := 0; i+quoteRun <= len(ws); i++ {
			dev[strings.Join(ws[i:i+quoteRun], " ")] = r.ID
		}
	}
	root := testref.RepoRoot(t)
	err = filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if e.IsDir() {
			switch rel {
			case ".git", "node_modules", "web/node_modules", "data/actors", "data/gazetteer":
				return filepath.SkipDir
			}
			return nil
		}
		if !quotableFile(rel) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for n, line := range strings.Split(string(b), "\n") {
			ws := quoteWords(line)
			for i := 0; i+quoteRun <= len(ws); i++ {
				if id, ok := dev[strings.Join(ws[i:i+quoteRun], " ")]; ok {
					t.Errorf("%s:%d quotes %s: %q", rel, n+1, id, strings.Join(ws[i:i+quoteRun], " "))
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func quotableFile(rel string) bool {
	rel = filepath.ToSlash(rel)
	switch {
	case strings.HasSuffix(rel, ".go"):
		return true
	case strings.HasPrefix(rel, "data/"):
		return strings.HasSuffix(rel, ".tsv") || strings.HasSuffix(rel, ".yaml") || strings.HasSuffix(rel, ".yml")
	}
	return false
}

// quoteWords lower-cases s and splits it into runs of letters and digits,
// so that case and punctuation do not hide a quotation.
func quoteWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > unicode.MaxASCII && unicode.IsLetter(r))
	})
}
