package eval_test

import (
	"context"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/eval"
)

// TestMainType checks the document-level salience rules with short
// stories written for this test: a headline (possibly empty) and a body.
func TestMainType(t *testing.T) {
	tests := []struct {
		name, title, body, want string
	}{
		{"an agreement to yield is a concession",
			"", "Protest leaders in Kenya agreed to suspend the demonstrations on Monday.", "CONCEDE"},
		{"a promise to withdraw is a concession, not the withdrawal",
			"", "Russia agreed to pull its soldiers back from the border with Ukraine.", "CONCEDE"},
		{"a refused concession is a refusal",
			"", "The government of Kenya refused to lift the curfew in Nairobi.", "REJECT"},
		{"an event after 'following' is background",
			"", "Police in Kenya detained a student following protests and riots by students in Nairobi.", "COERCE"},
		{"an event after 'after' is background",
			"", "Kenya expelled two Russian diplomats after accusations of spying by Russia.", "SANCTION"},
		{"a fronted phrase ends at its comma",
			"", "After weeks of talks, Kenya lifted the sanctions on Uganda.", "CONCEDE"},
		{"a promise to cooperate is an agreement",
			"", "Kenya agreed to provide military aid to Uganda.", "AGREE"},
		{"a promise of force is a threat",
			"", "Rebels in Kenya promised to attack government forces if talks fail.", "THREATEN"},
		{"a noun in the verb's phrase is its setting, not the story",
			"", "Opposition leaders won important concessions in talks with the government of Kenya.", "CONCEDE"},
		{"a condemned attack is a condemnation",
			"", "Uganda strongly condemned the attack on the embassy of Kenya.", "ACCUSE"},
		{"a plan given up is a concession, not the plan",
			"", "The president of Kenya suspended plans to impose a curfew on Nairobi.", "CONCEDE"},
		{"support for protests is support",
			"", "Opposition parties in Kenya expressed support for the protests by students.", "SUPPORT"},
		{"the headline decides over the body",
			"Kenya and Uganda sign landmark trade agreement",
			"Troops from Kenya attacked rebels near the border with Uganda.", "SUPPORT"},
	}
	c := load(t)
	w, err := c.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := &doc.Doc{ID: "b", Text: tt.body}
			if err := w.Code(context.Background(), body); err != nil {
				t.Fatal(err)
			}
			var title *doc.Doc
			if tt.title != "" {
				title = &doc.Doc{ID: "t", Text: c.SentenceCase(tt.title), Headline: true}
				if err := w.Code(context.Background(), title); err != nil {
					t.Fatal(err)
				}
			}
			if got := eval.MainType(body, title); got != tt.want {
				var evs []string
				for _, ev := range body.Events {
					evs = append(evs, ev.Type+":"+body.SpanText(ev.Evidence.Trigger))
				}
				t.Errorf("MainType = %s, want %s (body events %v)", got, tt.want, evs)
			}
		})
	}
}
