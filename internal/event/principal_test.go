package event_test

import (
	"strings"
	"testing"
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
					got = append(got, ev.Type+" "+d.SpanText(ev.Evidence.Trigger))
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
