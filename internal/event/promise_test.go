package event_test

import (
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

// TestPromises checks that a promise to yield is a CONCEDE with the mode
// of the yielding, and a promise of anything else an AGREE, however the
// promise is made: by modality, by an intent governor, or by an AGREE
// trigger that takes the yielding as its complement. Every sentence was
// written for this test.
func TestPromises(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // type/mode of each event, joined by " | "
	}{
		{"a future withdrawal is a promise to withdraw",
			"Russia will evacuate its troops from Kenya.", "CONCEDE/withdraw"},
		{"an intent governor makes a withdrawal a promise",
			"Kenya pledged to evacuate its troops from Armenia.", "CONCEDE/withdraw"},
		{"an AGREE whose complement is a withdrawal promises it",
			"Kenya committed to evacuate its troops from Armenia.", "CONCEDE/withdraw | RETREAT/withdraw complement"},
		{"a pledge to meet is an AGREE",
			"Kenya pledged to meet Russia in March.", "AGREE/"},
		{"a withdrawal made conditional is a threat",
			"Russia will evacuate its troops from Kenya unless Armenia pays.", "THREATEN/"},
		{"a withdrawal done is a retreat",
			"Russia evacuated its troops from Kenya.", "RETREAT/withdraw"},
		{"an AGREE whose infinitive is a verb of ceasing promises to yield",
			"Kenya committed to stop the attack on Armenia.", "CONCEDE/ | ASSAULT/ complement"},
		{"an AGREE whose infinitive is a verb of easing promises to yield, whatever its object",
			"Kenya committed to ease the rules for Armenian traders.", "CONCEDE/"},
		{"a negated infinitive of ceasing promises nothing",
			"Kenya committed to not ease the rules for Armenian traders.", "AGREE/"},
		{"a pledge not to detain is a promise to refrain, a concession",
			"Kenya pledged not to detain Armenian traders.", "CONCEDE/"},
		{"a pledge not to meet is no concession",
			"Kenya pledged not to meet Russia in March.", "CONSULT/ negated"},
		{"an AGREE whose complement is negated on its way promises to refrain",
			"Kenya committed to not resume the detention of Armenian traders.", "CONCEDE/ | COERCE/arrest complement negated"},
		{"an AGREE whose infinitive is any other verb stays an AGREE",
			"Kenya committed to build a road for Armenian traders.", "AGREE/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := code(t, tt.text)
			var got []string
			for _, ev := range d.Events {
				g := string(ev.Type) + "/" + ev.Mode
				if ev.Aux.Has(doc.AuxComplement) {
					g += " complement"
				}
				if ev.Negated {
					g += " negated"
				}
				got = append(got, g)
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

// TestEnrichmentFollowsFinalType checks that an event recoded after it was
// built (an AGREE recoded as the CONCEDE it promises) carries the quad of
// its final type, since enrichment runs once after every rule.
func TestEnrichmentFollowsFinalType(t *testing.T) {
	d := code(t, "Kenya committed to evacuate its troops from Armenia. Russia evacuated its troops from Kenya.")
	if len(d.Events) == 0 {
		t.Fatal("no events")
	}
	for _, ev := range d.Events {
		if want := (testOntology{}).Quad(ev.Type); ev.Quad != want {
			t.Errorf("%s/%s has quad %q, want %q", ev.Type, ev.Mode, ev.Quad, want)
		}
	}
}
