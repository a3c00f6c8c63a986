package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A made-up treebank of two sentences.
const madeUpTreebank = "# text = Troops left the city.\n" +
	"1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n" +
	"2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
	"3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n" +
	"4\tcity\tcity\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n" +
	"5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n" +
	"\n" +
	"# text = Talks failed.\n" +
	"1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n" +
	"2\tfailed\tfail\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n" +
	"3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"

func TestEvalParse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "made-up.conllu")
	if err := os.WriteFile(path, []byte(madeUpTreebank), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCmd(t, "", "eval", "parse", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"sentences       2", "words           8", "UAS", "LAS", "parser tagger", "sentences/s"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	out, errOut, code = runCmd(t, "", "eval", "--json", "parse", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Sentences int     `json:"sentences"`
		Words     int     `json:"words"`
		UAS       float64 `json:"uas"`
		LAS       float64 `json:"las"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out)
	}
	if rep.Sentences != 2 || rep.Words != 8 || rep.UAS < 0.75 || rep.LAS > rep.UAS {
		t.Errorf("report %+v", rep)
	}
	bad := filepath.Join(t.TempDir(), "bad.conllu")
	os.WriteFile(bad, []byte("1\tA\ta\tX\tNN\t_\t5\tobj\t_\t_\n"), 0o644)
	if _, errOut, code := runCmd(t, "", "eval", "parse", bad); code == exitOK || !strings.Contains(errOut, "line 1") {
		t.Errorf("bad treebank: exit %d, stderr %q", code, errOut)
	}
}

func TestCode_AnnotatePrintsHeads(t *testing.T) {
	out, errOut, code := runCmd(t, "The army withdrew its troops.", "code", "--annotate", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	recs := records(t, out)
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	toks := recs[0]["tokens"].([]any)
	roots := 0
	for _, x := range toks {
		tok := x.(map[string]any)
		head, dep := tok["head"].(float64), tok["dep"].(string)
		if head == -1 {
			roots++
			if dep != "root" {
				t.Errorf("root %v has dep %q", tok["text"], dep)
			}
		} else if head < 0 || int(head) >= len(toks) || dep == "" {
			t.Errorf("token %v: head %v dep %q", tok["text"], head, dep)
		}
		if tok["text"] == "army" && (dep != "nsubj" || toks[int(head)].(map[string]any)["text"] != "withdrew") {
			t.Errorf("army: head %v dep %q", head, dep)
		}
	}
	if roots != 1 {
		t.Errorf("%d roots", roots)
	}
}
