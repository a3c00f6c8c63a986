package event

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadGovernors(t *testing.T) {
	for _, tc := range []struct {
		name, body, err string
	}{
		{"well formed", "lemma\trole\tparticle\nlaunch\tsupport\t\ncall\treversal\toff\nmission\tundertaking\t\n", ""},
		{"an unknown role", "lemma\trole\nlaunch\tsupporting\n", "role must be"},
		{"no role column", "lemma\nlaunch\n", "role"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadGovernors(fstest.MapFS{"g.tsv": &fstest.MapFile{Data: []byte(tc.body)}}, "g.tsv")
			switch {
			case tc.err == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Fatalf("error %v, want one with %q", err, tc.err)
			}
		})
	}
}

func TestGovernorRoles(t *testing.T) {
	g, err := LoadGovernors(fstest.MapFS{"g.tsv": &fstest.MapFile{Data: []byte(
		"lemma\trole\tparticle\nlaunch\tsupport\t\ncall\treversal\toff\nattempt\tattempt\t\nattempt\tundertaking\t\nmission\tundertaking\t\n")}}, "g.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lemmas   []string
		particle string
		want     GovernorRole
	}{
		{[]string{"launched", "launch"}, "", GovSupport},
		{[]string{"call"}, "off", GovReversal},
		{[]string{"call"}, "", NoGovernor}, // the particle makes the phrasal verb
		{[]string{"attempt"}, "", GovAttempt},
		{[]string{"mission"}, "", NoGovernor}, // nouns are read by undertaking, not role
	} {
		if got, _ := g.role(tc.lemmas, tc.particle); got != tc.want {
			t.Errorf("role(%v, %q) = %v, want %v", tc.lemmas, tc.particle, got, tc.want)
		}
	}
	for w, want := range map[string]bool{"mission": true, "missions": true, "attempts": true, "launch": false, "missionary": false} {
		if got := g.undertaking(w); got != want {
			t.Errorf("undertaking(%q) = %v, want %v", w, got, want)
		}
	}
	var none *Governors
	if r, _ := none.role([]string{"launch"}, ""); r != NoGovernor || none.undertaking("mission") {
		t.Error("a nil table governs nothing")
	}
}
