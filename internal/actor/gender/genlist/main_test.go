package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	female, err := readNames(strings.NewReader("Ruth\nAlex\n\nAnn-Marie\n"))
	if err != nil {
		t.Fatal(err)
	}
	male, err := readNames(strings.NewReader("Tom\nALEX\n"))
	if err != nil {
		t.Fatal(err)
	}
	inputs := []input{
		{list: lists[0], version: "1.0.0", sha256: "aa", names: female},
		{list: lists[1], version: "1.0.0", sha256: "bb", names: male},
	}
	var a, b bytes.Buffer
	if err := write(&a, inputs); err != nil {
		t.Fatal(err)
	}
	if err := write(&b, inputs); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs over the same lists differ")
	}
	out := a.String()
	for _, want := range []string{"name\tgender\nalex\teither\nann-marie\tfemale\nruth\tfemale\ntom\tmale\n", "PDDL", "sha256 aa"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestReadNames_RejectsTab(t *testing.T) {
	if _, err := readNames(strings.NewReader("Ruth\tx\n")); err == nil {
		t.Error("a name with a tab was read")
	}
}
