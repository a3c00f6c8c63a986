package parse

import (
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

// A made-up sentence in CoNLL-U, with a multi-word token and an empty
// node, which the reader skips.
const sample = "# sent_id = made-up-1\n" +
	"# text = Troops didn't leave.\n" +
	"1\tTroops\ttroop\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n" +
	"2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n" +
	"3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
	"4\tleave\tleave\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n" +
	"4.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t4:conj\t_\n" +
	"5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n" +
	"\n" +
	"1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n"

func TestReadCoNLLU(t *testing.T) {
	s, err := ReadCoNLLU(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 2 {
		t.Fatalf("%d sentences, want 2", len(s))
	}
	w := s[0].Words
	if len(w) != 5 || s[0].Line != 3 || s[1].Line != 11 {
		t.Fatalf("first sentence %d words from line %d, second from line %d", len(w), s[0].Line, s[1].Line)
	}
	want := []struct {
		form string
		head int32
		dep  doc.DepRel
	}{{"Troops", 3, doc.DepNsubj}, {"did", 3, doc.DepAux}, {"n't", 3, doc.DepAdvmod}, {"leave", -1, doc.DepRoot}, {".", 3, doc.DepPunct}}
	for i, x := range want {
		if w[i].Form != x.form || w[i].Head != x.head || w[i].Dep != x.dep {
			t.Errorf("word %d = %+v, want %+v", i, w[i], x)
		}
	}
	if w[3].SpaceAfter || !w[4].SpaceAfter || w[0].XPOS != "NNS" {
		t.Errorf("columns misread: %+v", w)
	}
}

func TestReadCoNLLUErrorsNameTheLine(t *testing.T) {
	row := func(id, head, rel string) string {
		return id + "\tw\tw\tX\tNN\t_\t" + head + "\t" + rel + "\t_\t_\n"
	}
	for _, tc := range []struct {
		name, in, want string
	}{
		{"few columns", "# c\n1\tw\tw\n", "line 2: 3 tab-separated columns"},
		{"many columns", row("1", "0", "root")[:len(row("1", "0", "root"))-1] + "\textra\n", "line 1: more than 10"},
		{"bad id", row("x", "0", "root"), "line 1: ID \"x\""},
		{"ids out of order", row("1", "0", "root") + row("3", "1", "obj"), "line 2: ID 3, want 2"},
		{"bad head", row("1", "h", "root"), "line 1: HEAD \"h\""},
		{"unknown relation", row("1", "0", "root") + row("2", "1", "nonsense"), "line 2: unknown DEPREL"},
		{"root not at 0", row("1", "2", "root") + row("2", "0", "root"), "line 1: DEPREL \"root\" with HEAD 2"},
		{"head past the end", row("1", "0", "root") + row("2", "7", "obj"), "line 2: HEAD 7"},
		{"own head", row("1", "0", "root") + row("2", "2", "obj"), "line 2: word 2 is its own head"},
		{"two roots", row("1", "0", "root") + row("2", "0", "root"), "line 1: sentence has 2 roots"},
		{"cycle", row("1", "0", "root") + "\n" + row("1", "2", "obj") + row("2", "3", "obj") + row("3", "1", "obj"), "line 3: sentence has 0 roots"},
		{"cycle beside the root", row("1", "0", "root") + row("2", "3", "obj") + row("3", "2", "obj"), "is on a cycle"},
		{"empty form", "1\t\tw\tX\tNN\t_\t0\troot\t_\t_\n", "line 1: empty FORM"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestReadCoNLLUTakesSubtypesItDoesNotKnow(t *testing.T) {
	in := "1\tOn\ton\tADP\tIN\t_\t2\tcase\t_\t_\n" +
		"2\tMonday\tMonday\tPROPN\tNNP\t_\t3\tobl:tmod\t_\t_\n" +
		"3\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\r\n"
	s, err := ReadCoNLLU(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if w := s[0].Words[1]; w.Dep != doc.DepObl || w.DepName != "obl:tmod" {
		t.Errorf("obl:tmod read as %v (%q)", w.Dep, w.DepName)
	}
}

func FuzzReadCoNLLU(f *testing.F) {
	f.Add(sample)
	f.Add("")
	f.Add("\n\n# only a comment\n")
	f.Add("1\tA\ta\tX\tNN\t_\t0\troot\t_\t_\n2\tB\tb\tX\tNN\t_\t1\tdep\t_\t_")
	f.Add("1\tA\ta\tX\tNN\t_\t2\tobj\t_\t_\n2\tB\tb\tX\tNN\t_\t1\tobj\t_\t_\n")
	f.Add("1-2\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n1.5\tA\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadCoNLLU(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, sent := range s {
			roots := 0
			for _, w := range sent.Words {
				if w.Head < -1 || int(w.Head) >= len(sent.Words) {
					t.Fatalf("head %d out of range", w.Head)
				}
				if w.Head == -1 {
					roots++
				}
			}
			if roots != 1 {
				t.Fatalf("%d roots accepted", roots)
			}
		}
	})
}
