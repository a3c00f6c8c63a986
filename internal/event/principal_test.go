package event_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

func TestPrincipal(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // type and trigger of each sentence's principal event, joined by " | "
	}{
		{"main clause over an adverbial clause",
			"Russia attacked Kenya after Armenia accused Azerbaijan of shelling villages.", "ASSAULT attacked"},
		{"a sentence-initial adverbial clause is background",
			"After Armenia accused Azerbaijan, Russia detained Ugandan officials.", "COERCE detained"},
		{"main clause over a relative clause",
			"Armenia, which attacked Kenya last year, signed a deal with Hungary.", "AGREE signed"},
		{"a restrictive relative clause is background",
			"The troops that attacked Kenya detained Ugandan officials.", "COERCE detained"},
		{"a report under a verb that is no event is principal",
			"Kenya said Russia attacked Uganda, which had detained Russian sailors.", "ASSAULT attacked"},
		{"a speech act outranks what it reports",
			"Armenia denied that Azerbaijan attacked Kenya.", "REJECT denied"},
		{"a participial phrase is background",
			"Russia attacked the border town, detaining dozens of Kenyan officials.", "ASSAULT attacked"},
		{"a purpose infinitive under an event verb is background",
			"Russia shelled the Kenyan border villages to block the road.", "ASSAULT shelled"},
		{"a complement is not principal",
			"Armenia refused to accept the proposal.", "REJECT refused to"},
		{"a nominal is principal when no verb is an event",
			"Kenya held a meeting with Russia.", "CONSULT meeting"},
		{"a nominal in a prepositional phrase is background",
			"Russia attacked Kenya during a meeting with Uganda.", "ASSAULT attacked"},
		{"a negated event yields to an asserted one",
			"Kenya did not attack Uganda, but Russia detained Ugandan sailors.", "COERCE detained"},
		{"one principal event per sentence",
			"Russia attacked Kenya. Uganda signed a deal with Hungary.", "ASSAULT attacked | AGREE signed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := code(t, tt.text)
			perSentence := map[int]int{}
			var got []string
			for _, ev := range d.Events {
				if ev.Principal {
					perSentence[ev.Evidence.Sentence.Start]++
					got = append(got, string(ev.Type)+" "+d.SpanText(ev.Evidence.Trigger))
				}
			}
			for _, ev := range d.Events {
				if perSentence[ev.Evidence.Sentence.Start] != 1 {
					t.Errorf("sentence at %d has %d principal events, want 1", ev.Evidence.Sentence.Start, perSentence[ev.Evidence.Sentence.Start])
				}
			}
			if g := strings.Join(got, " | "); g != tt.want {
				var all []string
				for _, ev := range d.Events {
					all = append(all, describe(d, ev))
				}
				t.Errorf("principal %q, want %q (events %q)", g, tt.want, all)
			}
		})
	}
}

// TestSalience checks the salience the principal ranking gives each
// event: 1 for the principal event and its equals, less for what the
// sentence only mentions. Every sentence was written for this test.
func TestSalience(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // type, trigger and salience of each event, joined by " | "
	}{
		{"a nominal object is one step below its verb",
			"Russia denied the attack on Kenya.", "REJECT denied 1.00 | ASSAULT attack 0.50"},
		{"an event after a background cue is background",
			"Russia detained Kenyan officials after riots by Kenyan students.", "COERCE detained 1.00 | PROTEST riots 0.17"},
		{"a fronted background phrase ends at its comma",
			"After the meeting with Armenia, Russia detained Kenyan officials.", "CONSULT meeting 0.11 | COERCE detained 1.00"},
		{"a cue after a determiner opens no phrase",
			"The following day Russia detained Kenyan officials.", "COERCE detained 1.00"},
		{"coordinated events are equals",
			"Russia shelled Kenya and attacked Armenia.", "ASSAULT shelled 1.00 | ASSAULT attacked 1.00"},
		{"a negated event is background",
			"Kenya did not attack Uganda, but Russia detained Ugandan sailors.", "ASSAULT attack 0.01 | COERCE detained 1.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := code(t, tt.text)
			var got []string
			for _, ev := range d.Events {
				got = append(got, fmt.Sprintf("%s %s %.2f", ev.Type, d.SpanText(ev.Evidence.Trigger), ev.Salience))
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

// TestVerblessPredicate checks that a past tense the tagger read as a
// participle is the verb of a prose sentence with no finite verb: its
// event is principal and its subject acts, while a participle with a
// by-phrase, or in a sentence that has a finite verb, stays a passive.
// Every sentence was written for this test.
func TestVerblessPredicate(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		headline bool
		want     string // type, trigger, salience and "passive" when so coded, of each event
	}{
		{"a participle after a quantified subject is the verb",
			"Hundreds of farmers protested in the capital on Monday to urge lower fuel prices.", false,
			"PROTEST protested 1.00 | REQUEST urge 0.01"},
		{"a participle with a participial adjunct is the verb",
			"Dozens of teachers protested in the capital on Friday, urging higher pay.", false,
			"PROTEST protested 1.00 | REQUEST urging 0.25"},
		{"a participle with a by-phrase is a passive",
			"Dozens of Kenyan villages attacked by Ugandan rebels in March.", false,
			"ASSAULT attacked 1.00 passive"},
		{"a sentence with a finite verb keeps its reduced relative",
			"Farmers detained by the police protested outside the ministry.", false,
			"COERCE detained 0.25 passive | PROTEST protested 1.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := codeDoc(t, &doc.Doc{ID: "t", Text: tt.text, Headline: tt.headline})
			var got []string
			for _, ev := range d.Events {
				g := fmt.Sprintf("%s %s %.2f", ev.Type, d.SpanText(ev.Evidence.Trigger), ev.Salience)
				if strings.Contains(ev.Rule, "+passive") {
					g += " passive"
				}
				got = append(got, g)
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}
