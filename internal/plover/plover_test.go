package plover_test

import (
	"sort"
	"testing"

	"github.com/dateline-project/dateline/internal/plover"
)

func TestTypes(t *testing.T) {
	types := plover.Types()
	if got, want := len(types), 16; got != want {
		t.Fatalf("len(Types()) = %d, want %d", got, want)
	}
	seen := map[plover.EventType]bool{}
	for _, ty := range types {
		if seen[ty] {
			t.Errorf("type %s listed twice", ty)
		}
		seen[ty] = true
		if !ty.Valid() {
			t.Errorf("%s.Valid() = false", ty)
		}
		if plover.Quad(ty) == "" {
			t.Errorf("Quad(%s) empty", ty)
		}
		if r := plover.CameoRoot(ty, ""); len(r) != 2 || r < "01" || r > "20" {
			t.Errorf("CameoRoot(%s) = %q", ty, r)
		}
		if v := plover.Intensity(ty, ""); v == 0 || v < -10 || v > 10 {
			t.Errorf("Intensity(%s) = %v", ty, v)
		}
		if plover.Describe(ty) == "" {
			t.Errorf("Describe(%s) empty", ty)
		}
		if !plover.ValidMode(ty, "") {
			t.Errorf("empty mode not valid for %s", ty)
		}
		for _, m := range plover.Modes(ty) {
			if !plover.ValidMode(ty, m) {
				t.Errorf("ValidMode(%s, %s) = false", ty, m)
			}
			if r := plover.CameoRoot(ty, m); len(r) != 2 || r < "01" || r > "20" {
				t.Errorf("CameoRoot(%s, %s) = %q", ty, m, r)
			}
			if v := plover.Intensity(ty, m); v < -10 || v > 10 {
				t.Errorf("Intensity(%s, %s) = %v", ty, m, v)
			}
			if plover.DescribeMode(ty, m) == "" {
				t.Errorf("DescribeMode(%s, %s) empty", ty, m)
			}
		}
	}
	for _, bad := range []plover.EventType{"", "assault", "FIGHT", "DEMAND"} {
		if bad.Valid() {
			t.Errorf("%q.Valid() = true", bad)
		}
		if plover.Quad(bad) != "" || plover.CameoRoot(bad, "") != "" || plover.Intensity(bad, "") != 0 || plover.Modes(bad) != nil {
			t.Errorf("invalid type %q has ontology facts", bad)
		}
	}
}

// Quad signs must agree with intensity signs: cooperation is positive,
// conflict negative.
func TestQuadAndIntensity(t *testing.T) {
	tests := []struct {
		ty   plover.EventType
		quad string
		code int
	}{
		{plover.Agree, plover.VerbalCooperation, 1},
		{plover.Consult, plover.VerbalCooperation, 1},
		{plover.Support, plover.VerbalCooperation, 1},
		{plover.Concede, plover.VerbalCooperation, 1},
		{plover.Cooperate, plover.MaterialCooperation, 2},
		{plover.Aid, plover.MaterialCooperation, 2},
		{plover.Retreat, plover.MaterialCooperation, 2},
		{plover.Request, plover.VerbalConflict, 3},
		{plover.Accuse, plover.VerbalConflict, 3},
		{plover.Reject, plover.VerbalConflict, 3},
		{plover.Threaten, plover.VerbalConflict, 3},
		{plover.Protest, plover.MaterialConflict, 4},
		{plover.Sanction, plover.MaterialConflict, 4},
		{plover.Mobilize, plover.MaterialConflict, 4},
		{plover.Coerce, plover.MaterialConflict, 4},
		{plover.Assault, plover.MaterialConflict, 4},
	}
	for _, tt := range tests {
		if got := plover.Quad(tt.ty); got != tt.quad {
			t.Errorf("Quad(%s) = %q, want %q", tt.ty, got, tt.quad)
		}
		if got := plover.QuadCode(tt.ty); got != tt.code {
			t.Errorf("QuadCode(%s) = %d, want %d", tt.ty, got, tt.code)
		}
		coop := tt.code <= 2
		for _, m := range append([]string{""}, plover.Modes(tt.ty)...) {
			v := plover.Intensity(tt.ty, m)
			if coop != (v > 0) {
				t.Errorf("Intensity(%s, %q) = %v: sign disagrees with quad %s", tt.ty, m, v, tt.quad)
			}
		}
	}
}

func TestModesAndCameo(t *testing.T) {
	tests := []struct {
		ty    plover.EventType
		mode  string
		valid bool
		cameo string
	}{
		{plover.Accuse, "investigate", true, "09"},
		{plover.Accuse, "disapprove", true, "11"},
		{plover.Accuse, "allege", true, "11"},
		{plover.Accuse, "", true, "11"},
		{plover.Request, "assist", true, "02"},
		{plover.Consult, "phone", true, "04"},
		{plover.Consult, "host", true, "04"},
		{plover.Retreat, "ceasefire", true, "08"},
		{plover.Retreat, "access", true, "08"},
		{plover.Protest, "hunger", true, "14"},
		{plover.Sanction, "convict", true, "17"},
		{plover.Sanction, "expel", true, "16"},
		{plover.Mobilize, "troops", true, "15"},
		{plover.Coerce, "cyber", true, "17"},
		{plover.Assault, "abduct", true, "18"},
		{plover.Assault, "aerial", true, "19"},
		{plover.Assault, "heavy-weapons", true, "19"},
		{plover.Assault, "crowd-control", true, "17"},
		{plover.Assault, "massacre", true, "20"},
		{plover.Assault, "unconventional", true, "20"},
		{plover.Assault, "", true, "19"},
		{plover.Assault, "arrest", false, "19"},
		{plover.Agree, "visit", false, "03"},
		{plover.Aid, "", true, "07"},
		{plover.Support, "", true, "05"},
		{plover.Cooperate, "", true, "06"},
		{plover.Concede, "", true, "08"},
		{plover.Reject, "meet", true, "12"},
		{plover.Threaten, "violence", true, "13"},
	}
	for _, tt := range tests {
		if got := plover.ValidMode(tt.ty, tt.mode); got != tt.valid {
			t.Errorf("ValidMode(%s, %q) = %v, want %v", tt.ty, tt.mode, got, tt.valid)
		}
		if got := plover.CameoRoot(tt.ty, tt.mode); got != tt.cameo {
			t.Errorf("CameoRoot(%s, %q) = %q, want %q", tt.ty, tt.mode, got, tt.cameo)
		}
	}
	// Modes the manual gives every moded type.
	want := map[plover.EventType][]string{
		plover.Accuse:  {"disapprove", "investigate", "allege"},
		plover.Retreat: {"withdraw", "release", "return", "disarm", "access", "ceasefire", "resign"},
		plover.Protest: {"demo", "riot", "strike", "hunger", "boycott", "obstruct"},
		plover.Consult: {"visit", "third-party", "multilateral", "phone"},
	}
	for ty, modes := range want {
		for _, m := range modes {
			if !plover.ValidMode(ty, m) {
				t.Errorf("%s lacks mode %s", ty, m)
			}
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		in   string
		ty   plover.EventType
		mode string
		ok   bool
	}{
		{"DEMAND", plover.Request, "", true},
		{"DISAPPROVE", plover.Accuse, "disapprove", true},
		{"INVESTIGATE", plover.Accuse, "investigate", true},
		{"FIGHT", plover.Assault, "", true},
		{"fight", plover.Assault, "", true},
		{" Assault ", plover.Assault, "", true},
		{"AGREE", plover.Agree, "", true},
		{"DISSENT", plover.Protest, "", true},
		{"WHATEVER", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		ty, mode, ok := plover.Normalize(tt.in)
		if ty != tt.ty || mode != tt.mode || ok != tt.ok {
			t.Errorf("Normalize(%q) = %s, %q, %v; want %s, %q, %v", tt.in, ty, mode, ok, tt.ty, tt.mode, tt.ok)
		}
	}
	modes := []struct {
		ty     plover.EventType
		in     string
		want   string
		wantOK bool
	}{
		{plover.Protest, "demo-org", "demo", true},
		{plover.Protest, "strike-hun", "strike", true},
		{plover.Protest, "RIOT", "riot", true},
		{plover.Coerce, "detain", "arrest", true},
		{plover.Coerce, "SIEZE", "seize", true},
		{plover.Assault, "PRIMATIVE", "primitive", true},
		{plover.Assault, "other", "", false},
		{plover.Assault, "", "", true},
		{plover.Consult, "host", "host", true},
		{"NOPE", "visit", "", false},
	}
	for _, tt := range modes {
		got, ok := plover.NormalizeMode(tt.ty, tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("NormalizeMode(%s, %q) = %q, %v; want %q, %v", tt.ty, tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestContexts(t *testing.T) {
	cs := plover.Contexts()
	if !sort.StringsAreSorted(cs) {
		t.Fatalf("Contexts() not sorted: %v", cs)
	}
	if len(cs) < 20 {
		t.Errorf("only %d contexts", len(cs))
	}
	for _, c := range cs {
		if !plover.ValidContext(c) || plover.DescribeContext(c) == "" {
			t.Errorf("context %q not valid or undescribed", c)
		}
	}
	for _, c := range []string{"military", "legal", "refugee", "human_rights", "cyber", "health", "terrorism", "election", "diplomatic"} {
		if !plover.ValidContext(c) {
			t.Errorf("ValidContext(%q) = false", c)
		}
	}
	for in, want := range map[string]string{"refugees": "refugee", "Rights": "human_rights", "government": "executive", "military": "military"} {
		if got, ok := plover.NormalizeContext(in); !ok || got != want {
			t.Errorf("NormalizeContext(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := plover.NormalizeContext("sports"); ok {
		t.Error("NormalizeContext(sports) ok")
	}
}

func TestOntologyAdapter(t *testing.T) {
	var o plover.Ontology
	if got := o.Quad("ASSAULT"); got != plover.MaterialConflict {
		t.Errorf("Quad = %q", got)
	}
	if got := o.CameoRoot("ACCUSE", "investigate"); got != "09" {
		t.Errorf("CameoRoot = %q", got)
	}
	if got := o.Intensity("AID", ""); got <= 0 {
		t.Errorf("Intensity = %v", got)
	}
	if o.DefaultMode("REJECT") != "" {
		t.Error("adapter disagrees with package functions")
	}
}

func TestPoliticalSector(t *testing.T) {
	for code, want := range map[string]bool{"GOV": true, "REB": true, "COP": true, "CVL": false, "MED": false, "BUS": false, "": false} {
		if got := plover.PoliticalSector(code); got != want {
			t.Errorf("PoliticalSector(%q) = %v, want %v", code, got, want)
		}
	}
}
