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
		{"speaker_mention not in passage", `{"id":"a","text":"\"No,\" he said.","quotes":[{"kind":"direct","text":"No,","speaker":"Ivo Marr","speaker_mention":"she"}]}`,
			`q.jsonl:1: quote "No,": speaker_mention "she" not in the passage`, readQuotes},
		{"speaker_mention only inside the quote", `{"id":"a","text":"\"Ask Marr,\" she said.","quotes":[{"kind":"direct","text":"Ask Marr,","speaker":"Ivo Marr","speaker_mention":"Marr"}]}`,
			`speaker_mention "Marr" not in the passage`, readQuotes},
		{"speaker_mention without speaker", `{"id":"a","text":"\"No,\" he said.","quotes":[{"kind":"direct","text":"No,","speaker":null,"speaker_mention":"he"}]}`,
			`speaker_mention "he" without a speaker`, readQuotes},
		{"continues out of range", "\n\n" + `{"id":"a","text":"\"A,\" he said. \"B.\"","quotes":[{"kind":"direct","text":"A,","speaker":"X","speaker_mention":"he"},{"kind":"direct","text":"B.","speaker":"X","speaker_mention":"he","continues":1}]}`,
			"q.jsonl:3: quote \"B.\": continues 1 out of range", readQuotes},
		{"continues negative", `{"id":"a","text":"\"A,\" he said.","quotes":[{"kind":"direct","text":"A,","speaker":"X","continues":-1}]}`,
			"continues -1 out of range", readQuotes},
		{"unknown kind", `{"id":"a","text":"\"A,\" he said.","quotes":[{"kind":"rumour","text":"A,","speaker":null}]}`,
			`unknown kind "rumour"`, readQuotes},
		{"second occurrence missing", `{"id":"a","text":"\"Yes.\" Then silence.","quotes":[{"kind":"direct","text":"Yes.","speaker":null},{"kind":"direct","text":"Yes.","speaker":null}]}`,
			`quote "Yes." not found`, readQuotes},
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

func readQuotes(s string) error {
	_, err := eval.ReadQuoteGold(strings.NewReader(s), "q.jsonl")
	return err
}

func TestReadQuoteGold_AttributionFields(t *testing.T) {
	in := `{"id":"an","class":"continuation","text":"\"A,\" she said. \"B.\" The ''Hex,'' a show.","quotes":[` +
		`{"kind":"direct","text":"A,","speaker":"Ana Ruiz","speaker_mention":"she","saying_verb":true},` +
		`{"kind":"direct","text":"B.","speaker":"Ana Ruiz","speaker_mention":"she","saying_verb":true,"continues":0},` +
		`{"kind":"title","text":"Hex,","speaker":null}]}`
	gold, err := eval.ReadQuoteGold(strings.NewReader(in), "a.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	q := gold[0].Quotes
	if got, want := gold[0].Class, "continuation"; got != want {
		t.Errorf("class = %q, want %q", got, want)
	}
	if q[1].Continues == nil || *q[1].Continues != 0 || q[1].SayingVerb == nil || !*q[1].SayingVerb || q[1].SpeakerMention != "she" {
		t.Errorf("second quote = %+v, want continues 0, saying_verb true, mention she", q[1])
	}
	if q[0].Continues != nil || q[2].SayingVerb != nil {
		t.Errorf("absent fields must stay nil: %+v, %+v", q[0], q[2])
	}
}

func FuzzReadGold(f *testing.F) {
	f.Add(`{"id":"a","text":"He said \"no\".","quotes":[{"kind":"direct","text":"no","speaker":"He"}]}`)
	f.Add(`{"id":"b","text":"\"A,\" she said. \"B.\"","quotes":[{"kind":"direct","text":"A,","speaker":"X","speaker_mention":"she","saying_verb":true},{"kind":"direct","text":"B.","speaker":"X","speaker_mention":"she","continues":0}]}`)
	f.Add(`{"id":"c","text":"The show \"Hex,\" ended.","quotes":[{"kind":"title","text":"Hex,","speaker":null,"continues":7}]}`)
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
