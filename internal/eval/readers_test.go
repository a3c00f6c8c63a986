package eval_test

import (
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/eval"
)

func TestReadGold_ErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name, in, want string
		read           func(string) error
	}{
		{"quote not in passage", `{"id":"a","text":"He spoke.","quotes":[]}` + "\n" + `{"id":"b","text":"x","quotes":[{"kind":"direct","text":"nope","speaker":null}]}`,
			"q.jsonl:2: quote \"nope\"", func(s string) error { _, err := eval.ReadQuoteGold(strings.NewReader(s), "q.jsonl"); return err }},
		{"bad JSON", "\n{oops\n", "q.jsonl:2:", func(s string) error { _, err := eval.ReadQuoteGold(strings.NewReader(s), "q.jsonl"); return err }},
		{"place offsets", `{"id":"p","text":"In Paris.","places":[{"text":"Paris","start":0,"end":5}]}`, "p.jsonl:1: place \"Paris\"",
			func(s string) error { _, err := eval.ReadPlaceGold(strings.NewReader(s), "p.jsonl"); return err }},
		{"GSR without type", `[{"id":"g","text":"x"}]`, "missing text or plover_type",
			func(s string) error { _, err := eval.ReadGSR(strings.NewReader(s)); return err }},
		{"labelled CSV without label", "id,text\n1,x\n", `lacks column "label"`,
			func(s string) error { _, err := eval.ReadLabelledCSV(strings.NewReader(s)); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.read(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func FuzzReadGold(f *testing.F) {
	f.Add(`{"id":"a","text":"He said \"no\".","quotes":[{"kind":"direct","text":"no","speaker":"He"}]}`)
	f.Add(`{"id":"p","text":"In Paris.","places":[{"text":"Paris","start":3,"end":8}]}`)
	f.Add(`[{"id":"g","text":"x","plover_type":"AGREE","source":"str","target":null}]`)
	f.Fuzz(func(t *testing.T, s string) {
		// Readers must fail cleanly, never panic, on any input.
		_, _ = eval.ReadQuoteGold(strings.NewReader(s), "f")
		_, _ = eval.ReadPlaceGold(strings.NewReader(s), "f")
		_, _ = eval.ReadGSR(strings.NewReader(s))
		_, _ = eval.ReadLabelledCSV(strings.NewReader(s))
	})
}
