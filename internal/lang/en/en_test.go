package en

import (
	"slices"
	"testing"
	"time"
)

func TestMonth(t *testing.T) {
	for _, tc := range []struct {
		w    string
		m    time.Month
		abbr bool
		ok   bool
	}{
		{"January", time.January, false, true},
		{"SEPT", time.September, true, true},
		{"sep", time.September, true, true},
		{"may", time.May, false, true},
		{"Ma", 0, false, false},
		{"Mayday", 0, false, false},
		{"Monday", 0, false, false},
		{"", 0, false, false},
	} {
		m, abbr, ok := Month(tc.w)
		if m != tc.m || abbr != tc.abbr || ok != tc.ok {
			t.Errorf("Month(%q) = %v, %v, %v; want %v, %v, %v", tc.w, m, abbr, ok, tc.m, tc.abbr, tc.ok)
		}
	}
}

func TestWeekday(t *testing.T) {
	for _, tc := range []struct {
		w    string
		d    time.Weekday
		abbr bool
		ok   bool
	}{
		{"Sunday", time.Sunday, false, true},
		{"THURS", time.Thursday, true, true},
		{"tue", time.Tuesday, true, true},
		{"Sundays", 0, false, false},
		{"June", 0, false, false},
	} {
		d, abbr, ok := Weekday(tc.w)
		if d != tc.d || abbr != tc.abbr || ok != tc.ok {
			t.Errorf("Weekday(%q) = %v, %v, %v; want %v, %v, %v", tc.w, d, abbr, ok, tc.d, tc.abbr, tc.ok)
		}
	}
	if !IsWeekdayName("friday") || IsWeekdayName("fri") || !IsMonthName("October") || IsMonthName("Oct") {
		t.Error("IsWeekdayName/IsMonthName disagree with the tables")
	}
}

// TestEveryDayAndMonthOnce checks the tables cover each month and weekday
// by its full name exactly once.
func TestEveryDayAndMonthOnce(t *testing.T) {
	full := map[time.Month]int{}
	for name, m := range Months() {
		if _, abbr, _ := Month(name); !abbr {
			full[m]++
		}
	}
	for m := time.January; m <= time.December; m++ {
		if full[m] != 1 {
			t.Errorf("%v has %d full names", m, full[m])
		}
	}
	days := map[time.Weekday]int{}
	for name, d := range Weekdays() {
		if _, abbr, _ := Weekday(name); !abbr {
			days[d]++
		}
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if days[d] != 1 {
			t.Errorf("%v has %d full names", d, days[d])
		}
	}
}

func BenchmarkWeekdayMiss(b *testing.B) {
	for range b.N {
		Weekday("government")
	}
}

func TestTagClasses(t *testing.T) {
	for _, tc := range []struct {
		tag                  string
		noun, proper, finite bool
	}{
		{"NN", true, false, false},
		{"NNPS", true, true, false},
		{"VBD", false, false, true},
		{"MD", false, false, true},
		{"VBG", false, false, false},
		{"N", false, false, false},
		{"", false, false, false},
	} {
		if IsNounTag(tc.tag) != tc.noun || IsProperNounTag(tc.tag) != tc.proper || IsFiniteTag(tc.tag) != tc.finite {
			t.Errorf("%q: noun %v proper %v finite %v", tc.tag, IsNounTag(tc.tag), IsProperNounTag(tc.tag), IsFiniteTag(tc.tag))
		}
	}
}

func TestIsActorPronoun(t *testing.T) {
	for w, want := range map[string]bool{"he": true, "it": true, "they": true, "you": false, "him": false, "the": false} {
		if got := IsActorPronoun(w); got != want {
			t.Errorf("IsActorPronoun(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestRegularSingulars(t *testing.T) {
	for _, c := range []struct {
		plural, singular string
		want             bool
	}{
		{"attacks", "attack", true},
		{"crashes", "crash", true},
		{"taxes", "tax", true},
		{"heroes", "hero", true},
		{"horses", "horse", true},
		{"buses", "bus", true},
		{"casualties", "casualty", true},
		{"days", "day", true},
		{"aides", "aid", false},
		{"rates", "rat", false},
		{"class", "clas", false},
		{"attack", "attack", false},
		{"s", "", false},
		{"ies", "y", false},
	} {
		if got := slices.Contains(RegularSingulars(c.plural), c.singular); got != c.want {
			t.Errorf("RegularSingulars(%q) = %q: holds %q is %v, want %v", c.plural, RegularSingulars(c.plural), c.singular, got, c.want)
		}
	}
}

func TestIsParticipleAuxiliary(t *testing.T) {
	for w, want := range map[string]bool{"has": true, "were": true, "got": true, "'s": true, "recalling": false, "eat": false, "the": false} {
		if got := IsParticipleAuxiliary(w); got != want {
			t.Errorf("IsParticipleAuxiliary(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestIsCompassWord(t *testing.T) {
	for w, want := range map[string]bool{"north": true, "Western": true, "Centre": true, "central": true, "WEST": false, "Norway": false, "": false} {
		if got := IsCompassWord(w); got != want {
			t.Errorf("IsCompassWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestClosedClasses(t *testing.T) {
	for _, tc := range []struct {
		w                   string
		negator, subordinat bool
		modal               Modal
	}{
		{"not", true, false, NoModal},
		{"never", true, false, NoModal},
		{"although", false, true, NoModal},
		{"if", false, true, NoModal},
		{"will", false, false, ModalFuture},
		{"could", false, false, ModalHypothetical},
		{"must", false, false, ModalObligation},
		{"said", false, false, NoModal},
	} {
		if IsNegator(tc.w) != tc.negator || IsSubordinator(tc.w) != tc.subordinat || ModalOf(tc.w) != tc.modal {
			t.Errorf("%q: negator %v subordinator %v modal %v", tc.w, IsNegator(tc.w), IsSubordinator(tc.w), ModalOf(tc.w))
		}
	}
}

func TestIsFunctionWord(t *testing.T) {
	for w, want := range map[string]bool{"The": true, "because": true, "AMID": true, "its": true, "Kenya": false, "president": false, "": false, "Nevertheless": false} {
		if got := IsFunctionWord(w); got != want {
			t.Errorf("IsFunctionWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestOwnerOfCompound(t *testing.T) {
	for _, tc := range []struct {
		in, owner string
		ok        bool
	}{
		{"French-led", "French", true},
		{"Liberian-flagged", "Liberian", true},
		{"state-owned", "state", true},
		{"Panama-registered", "Panama", true},
		{"US-backed", "", false},
		{"London-based", "", false},
		{"-led", "", false},
		{"led", "", false},
	} {
		owner, ok := OwnerOfCompound(tc.in)
		if owner != tc.owner || ok != tc.ok {
			t.Errorf("OwnerOfCompound(%q) = %q, %v; want %q, %v", tc.in, owner, ok, tc.owner, tc.ok)
		}
	}
}

func TestIsTopicPreposition(t *testing.T) {
	for w, want := range map[string]bool{"about": true, "regarding": true, "concerning": true, "on": false, "with": false, "About": false} {
		if got := IsTopicPreposition(w); got != want {
			t.Errorf("IsTopicPreposition(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestAttributiveAfter(t *testing.T) {
	for _, tc := range []struct {
		tag, prevTag, prevWord string
		want                   bool
	}{
		{"VBN", "", "", true},             // "Armed men opened fire"
		{"VBD", "CD", "20", true},         // "20 kidnapped schoolgirls"
		{"VBN", "IN", "from", true},       // "from poisoned liquor"
		{"VBG", "IN", "for", false},       // "for occupying roads"
		{"VBD", "VBD", "evacuated", true}, // "evacuated wounded civilians"
		{"VBN", "VBZ", "has", false},      // "has banned exports"
		{"VBG", "VBD", "began", false},    // "began shelling towns"
		{"VBN", "CC", "and", false},       // "and met people"
		{"VBD", ",", ",", false},          // ", killed five"
	} {
		if got := AttributiveAfter(tc.tag, tc.prevTag, tc.prevWord); got != tc.want {
			t.Errorf("AttributiveAfter(%q, %q, %q) = %v, want %v", tc.tag, tc.prevTag, tc.prevWord, got, tc.want)
		}
	}
}

func TestIsAuxiliary(t *testing.T) {
	for w, want := range map[string]bool{"has": true, "were": true, "did": true, "can": true, "must": true, "got": true, "'ve": true, "reject": false, "said": false, "used": false} {
		if got := IsAuxiliary(w); got != want {
			t.Errorf("IsAuxiliary(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestIsIrregularPreterite(t *testing.T) {
	for w, want := range map[string]bool{"withdrew": true, "took": true, "fought": false, "withdrawn": false, "rose": false} {
		if got := IsIrregularPreterite(w); got != want {
			t.Errorf("IsIrregularPreterite(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestNeverEndsSentence(t *testing.T) {
	for w, want := range map[string]bool{"the": true, "their": true, "and": true, "of": true, "that": false, "her": false, "into": false, "said": false} {
		if got := NeverEndsSentence(w); got != want {
			t.Errorf("NeverEndsSentence(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestIsLinkingVerb(t *testing.T) {
	for w, want := range map[string]bool{"became": true, "remains": true, "were": true, "urged": false, "force": false} {
		if got := IsLinkingVerb(w); got != want {
			t.Errorf("IsLinkingVerb(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestIsPossessiveClitic(t *testing.T) {
	for w, want := range map[string]bool{"'s": true, "’s": true, "s": false, "'": false, "is": false} {
		if got := IsPossessiveClitic(w); got != want {
			t.Errorf("IsPossessiveClitic(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestIsComplexTransitiveParticiple(t *testing.T) {
	for w, want := range map[string]bool{"called": true, "elected": true, "dubbed": true, "armed": false, "backed": false, "calls": false} {
		if got := IsComplexTransitiveParticiple(w); got != want {
			t.Errorf("IsComplexTransitiveParticiple(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestIsDegreeQuantifier(t *testing.T) {
	for w, want := range map[string]bool{"many": true, "much": true, "few": true, "people": false, "some": false} {
		if got := IsDegreeQuantifier(w); got != want {
			t.Errorf("IsDegreeQuantifier(%q) = %v, want %v", w, got, want)
		}
	}
}
