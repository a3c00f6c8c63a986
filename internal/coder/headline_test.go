package coder_test

import "testing"

func TestSentenceCase(t *testing.T) {
	c := load(t)
	for _, tt := range []struct{ in, want string }{
		{"Rebels in Norway Announce Suspension of Attacks", "Rebels in Norway announce suspension of attacks"},
		{"Kenya and Peru Sign Trade Agreement", "Kenya and Peru sign trade agreement"},
		{"UN Envoy Meets Armenian Officials", "UN envoy meets Armenian officials"},
		{"already in sentence case", "already in sentence case"},
	} {
		got := c.SentenceCase(tt.in)
		if got != tt.want {
			t.Errorf("SentenceCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) != len(tt.in) {
			t.Errorf("SentenceCase(%q) changed the length", tt.in)
		}
	}
}
