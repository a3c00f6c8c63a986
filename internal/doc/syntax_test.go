package doc

import (
	"testing"
	"unsafe"
)

func TestDepRelNames(t *testing.T) {
	seen := map[string]bool{}
	for r := DepRel(1); int(r) < NumDepRels; r++ {
		name := r.String()
		if name == "" || seen[name] {
			t.Fatalf("relation %d has name %q (empty or repeated)", r, name)
		}
		seen[name] = true
		if got, ok := ParseDepRel(name); !ok || got != r {
			t.Errorf("ParseDepRel(%q) = %v, %v; want %v", name, got, ok, r)
		}
	}
}

func TestParseDepRelFallsBackToUniversal(t *testing.T) {
	tests := []struct {
		in   string
		want DepRel
		ok   bool
	}{
		{"obl:tmod", DepObl, true},
		{"nmod:npmod", DepNmod, true},
		{"nsubj:pass", DepNsubjPass, true},
		{"flat:foreign", DepFlat, true},
		{"bogus", NoDep, false},
		{"", NoDep, false},
	}
	for _, tt := range tests {
		got, ok := ParseDepRel(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseDepRel(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDepRelBase(t *testing.T) {
	for r, want := range map[DepRel]DepRel{DepNsubjPass: DepNsubj, DepOblAgent: DepObl, DepNmodPoss: DepNmod, DepAclRelcl: DepAcl, DepObj: DepObj} {
		if got := r.Base(); got != want {
			t.Errorf("%v.Base() = %v; want %v", r, got, want)
		}
	}
}

// A token is scanned millions of times a second; the parse must not make it
// bigger than it was before (48 bytes).
func TestTokenSize(t *testing.T) {
	if n := unsafe.Sizeof(Token{}); n > 48 {
		t.Errorf("doc.Token is %d bytes; keep it at 48 or less", n)
	}
}
