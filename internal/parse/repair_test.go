package parse

import (
	"slices"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

// tree is a hand-written parse: "word/TAG/head/rel" per token, heads
// counting from 0 and -1 for the root. The words come back in the plain
// lower-case form the repairs read (plainForm).
func tree(t *testing.T, spec string) (words, tags []string, heads []int32, deps []doc.DepRel) {
	t.Helper()
	names := map[string]doc.DepRel{}
	for r := doc.NoDep + 1; r < doc.DepXcomp+1; r++ {
		names[r.String()] = r
	}
	for _, f := range strings.Fields(spec) {
		p := strings.Split(f, "/")
		if len(p) != 4 {
			t.Fatalf("bad token %q", f)
		}
		var h int32
		if p[2] != "-1" {
			for _, c := range p[2] {
				h = h*10 + int32(c-'0')
			}
		} else {
			h = -1
		}
		rel, ok := names[p[3]]
		if !ok {
			t.Fatalf("bad relation %q", p[3])
		}
		words, tags, heads, deps = append(words, plainForm(p[0])), append(tags, p[1]), append(heads, h), append(deps, rel)
	}
	return
}

func TestRepairPredicates(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		root     int        // the root after the repair
		heads    []int32    // all heads after it, nil when unchanged
		retagged string     // the new root's tag, when the repair changed it
		oldRoot  doc.DepRel // the old root's relation after it, nsubj when unset
	}{
		{
			name:  "a finite verb read as a clause on its subject",
			in:    "Crowds/NNS/-1/root of/IN/2/case marchers/NNS/0/nmod assembled/VBD/2/acl downtown/RB/3/advmod ././0/punct",
			root:  3,
			heads: []int32{3, 2, 0, -1, 3, 3},
		},
		{
			name:  "a past-tense verb read as an open complement of a reduced relative",
			in:    "Jets/NNS/-1/root using/VBG/0/acl bombs/NNS/1/obj hit/VBD/1/xcomp depots/NNS/3/obj",
			root:  3,
			heads: []int32{3, 0, 1, -1, 3},
		},
		{
			name:  "an adjective left as it was does not stop the other repairs",
			in:    "Jets/NNS/-1/root using/VBG/0/acl precision/NN/4/compound guided/VBD/4/amod bombs/NNS/1/obj hit/VBD/1/xcomp depots/NNS/5/obj ././0/punct",
			root:  5,
			heads: []int32{5, 0, 4, 4, 1, -1, 5, 5},
		},
		{
			name: "a present-tense form under xcomp may be a base form",
			in:   "Tell/VB/-1/root friends/NNS/0/obj know/VBP/0/xcomp",
			root: 0,
		},
		{
			name:  "a quantifier the parser took for the head",
			in:    "Most/JJS/-1/root of/IN/3/case the/DT/3/det deaths/NNS/0/obl occurred/VBD/3/acl early/RB/4/advmod",
			root:  4,
			heads: []int32{4, 3, 3, 0, -1, 4},
		},
		{
			name: "a participle stays a reduced relative",
			in:   "Villagers/NNS/-1/root displaced/VBN/0/acl by/IN/3/case floods/NNS/1/obl ././0/punct",
			root: 0,
		},
		{
			name: "a copular root is a predicate already",
			in:   "Losses/NNS/2/nsubj are/VBP/2/cop heavy/JJ/-1/root since/IN/5/mark prices/NNS/5/nsubj fell/VBD/2/advcl",
			root: 2,
		},
		{
			name: "a nominal root with a copula keeps its clause",
			in:   "It/PRP/2/nsubj is/VBZ/2/cop day/NN/-1/root the/DT/4/det ferry/NN/2/nmod sailed/VBD/4/acl",
			root: 2,
		},
		{
			name: "a verb with its own subject on the left is a relative clause",
			in:   "Talks/NNS/-1/root rebels/NNS/2/nsubj wanted/VBD/0/acl ././0/punct",
			root: 0,
		},
		{
			name:     "the only -ed form of a full sentence is its preterite",
			in:       "Some/DT/2/det 400/CD/2/nummod farmers/NNS/-1/root rallied/VBN/2/acl on/IN/5/case Tuesday/NNP/3/obl ././2/punct",
			root:     3,
			heads:    []int32{2, 2, 3, -1, 5, 3, 3},
			retagged: "VBD",
		},
		{
			name: "a headline keeps its reduced passive",
			in:   "Four/CD/1/nummod miners/NNS/-1/root trapped/VBN/1/acl underground/RB/2/advmod",
			root: 1,
		},
		{
			name: "a by phrase marks a passive",
			in:   "Two/CD/1/nummod villages/NNS/-1/root flooded/VBN/1/acl by/IN/4/case rains/NNS/2/obl ././1/punct",
			root: 1,
		},
		{
			name: "a sentence with a finite verb elsewhere keeps its participle",
			in:   "Goods/NNS/-1/root seized/VBN/0/acl were/VBD/3/cop lost/JJ/0/amod ././0/punct",
			root: 0,
		},
		{
			name: "an irregular participle is no preterite",
			in:   "Six/CD/1/nummod hostages/NNS/-1/root taken/VBN/1/acl overnight/RB/2/advmod ././1/punct",
			root: 1,
		},
		{
			name:    "a finite verb read as an adjective of its object",
			in:      "Riot/NN/1/compound police/NNS/4/nsubj fired/VBD/4/amod rubber/NN/4/compound bullets/NNS/-1/root ././4/punct",
			root:    2,
			heads:   []int32{1, 2, -1, 4, 2, 2},
			oldRoot: doc.DepObj,
		},
		{
			name:  "a place after a preposition is no subject of the verb read as an adjective",
			in:    "Scores/NNS/-1/root of/IN/2/case nurses/NNS/0/nmod across/IN/4/case Peru/NNP/6/compound began/VBD/6/amod strikes/NNS/0/nmod ././0/punct",
			root:  5,
			heads: []int32{5, 2, 0, 4, 2, -1, 5, 5},
		},
		{
			name:    "an opening phrase is the new predicate's oblique",
			in:      "In/IN/1/case interviews/NNS/-1/root ,/,/1/punct Smith/NNP/5/nsubj repeated/VBD/5/amod claims/NNS/1/nmod ././1/punct",
			root:    4,
			heads:   []int32{1, 4, 1, 4, -1, 4, 4},
			oldRoot: doc.DepObl,
		},
		{
			name: "a second phrase that would stay a root keeps the parse",
			in:   "Losses/NNS/-1/root ,/,/0/punct Smith/NNP/4/nsubj repeated/VBD/4/amod claims/NNS/0/appos",
			root: 0,
		},
		{
			name:  "a finite adjective after a nominal root and its conjunct",
			in:    "Unions/NNS/-1/root and/CC/2/cc employers/NNS/0/conj signed/VBD/4/amod pacts/NNS/2/nmod ././0/punct",
			root:  3,
			heads: []int32{3, 2, 0, -1, 3, 3},
		},
		{
			name:  "a finite verb read as a conjunct of the first subject",
			in:    "The/DT/1/det minister/NN/-1/root and/CC/5/cc his/PRP$/4/nmod:poss counterpart/NN/5/compound spoke/VBD/1/conj ././1/punct",
			root:  5,
			heads: []int32{1, 5, 4, 4, 1, -1, 5},
		},
		{
			name:  "punctuation before an attributive finite verb",
			in:    "Kenya/NNP/-1/root ,/,/2/punct urged/VBD/3/amod restraint/NN/0/obj ././0/punct",
			root:  2,
			heads: []int32{2, 2, -1, 2, 2},
		},
		{
			name: "a possessor of the object is no subject",
			in:   "Rival/NN/-1/root of/IN/2/case Kenya/NNP/5/nmod:poss 's/POS/2/case ,/,/5/punct expressed/VBD/6/amod concern/NN/0/nmod",
			root: 0,
		},
		{
			name:     "an -ed word between two nouns of a verbless sentence",
			in:       "The/DT/3/det EU/NNP/3/compound imposed/JJ/3/amod sanctions/NNS/-1/root on/IN/5/case Russia/NNP/3/nmod ././3/punct",
			root:     2,
			heads:    []int32{1, 2, -1, 2, 5, 3, 2},
			retagged: "VBD",
			oldRoot:  doc.DepObj,
		},
		{
			name: "an -ed word after a determiner stays an adjective",
			in:   "The/DT/3/det newly/RB/2/advmod imposed/VBN/3/amod sanctions/NNS/-1/root ././3/punct",
			root: 3,
		},
		{
			name:    "a finite verb read as the subject of its object",
			in:      "Union/NN/1/compound officials/NNS/2/nsubj demanded/VBD/3/nsubj talks/NNS/-1/root ././3/punct",
			root:    2,
			heads:   []int32{1, 2, -1, 2, 2},
			oldRoot: doc.DepObj,
		},
		{
			name:    "a finite adjective with its own subject",
			in:      "The/DT/1/det army/NN/2/nsubj denied/VBD/3/amod claims/NNS/-1/root ././3/punct",
			root:    2,
			heads:   []int32{1, 2, -1, 2, 2},
			oldRoot: doc.DepObj,
		},
		{
			name: "a participle as an adjective is one",
			in:   "Rebels/NNS/1/nsubj freed/VBD/-1/root detained/VBN/3/amod aides/NNS/1/obj ././1/punct",
			root: 1,
		},
		{
			name: "below an apposition the subject is unclear",
			in:   "NAIROBI/NNP/-1/root -/:/3/punct The/DT/3/det truce/NN/0/appos collapsed/VBD/3/acl ././0/punct",
			root: 0,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words, tags, heads, deps := tree(t, tc.in)
			before, tagsBefore := slices.Clone(heads), slices.Clone(tags)
			repairPredicates(words, tags, heads, deps)
			want := tc.heads
			if want == nil {
				want = before
			}
			if !slices.Equal(heads, want) {
				t.Errorf("heads %v, want %v", heads, want)
			}
			if heads[tc.root] != -1 || deps[tc.root] != doc.DepRoot {
				t.Errorf("root is not token %d: heads %v deps %v", tc.root, heads, deps)
			}
			wantRel := tc.oldRoot
			if wantRel == doc.NoDep {
				wantRel = doc.DepNsubj
			}
			if old := slices.Index(before, -1); tc.heads != nil && deps[old] != wantRel {
				t.Errorf("old root's relation %v, want %v", deps[old], wantRel)
			}
			wantTags := tagsBefore
			if tc.retagged != "" {
				wantTags[tc.root] = tc.retagged
			}
			if !slices.Equal(tags, wantTags) {
				t.Errorf("tags %v, want %v", tags, wantTags)
			}
		})
	}
}

func TestRepairRelations(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		token    int
		want     doc.DepRel
	}{
		{
			name:  "the subject of an active perfect",
			in:    "Rebels/NNS/2/nsubj:pass have/VBP/2/aux seized/VBN/-1/root the/DT/4/det port/NN/2/obj",
			token: 0, want: doc.DepNsubj,
		},
		{
			name:  "a bare noun phrase read as an unmarked oblique before a subjectless verb",
			in:    "The/DT/1/det rebels/NNS/5/obl:unmarked ,/,/3/punct backed/VBN/1/acl ,/,/1/punct captured/VBD/-1/root Goma/NNP/5/obj",
			token: 1, want: doc.DepNsubj,
		},
		{
			name:  "a true passive keeps its subject",
			in:    "Rebels/NNS/3/nsubj:pass have/VBP/3/aux been/VBN/3/aux:pass seized/VBN/-1/root",
			token: 0, want: doc.DepNsubjPass,
		},
		{
			name:  "a passive whose be the parse took for a plain auxiliary",
			in:    "Rebels/NNS/3/nsubj:pass have/VBP/3/aux been/VBN/3/aux seized/VBN/-1/root",
			token: 0, want: doc.DepNsubjPass,
		},
		{
			name:  "a passive with only a form of be",
			in:    "Rebels/NNS/2/nsubj:pass were/VBD/2/aux:pass seized/VBN/-1/root",
			token: 0, want: doc.DepNsubjPass,
		},
		{
			name:  "a noun inside the premodifiers of a subject noun",
			in:    "Kenyan/NNP/2/nsubj army/NN/2/compound raids/NNS/3/nsubj hit/VBD/-1/root farms/NNS/3/obj",
			token: 0, want: doc.DepCompound,
		},
		{
			name:  "a name inside the premodifiers of a subject noun, with its flat part",
			in:    "Recent/JJ/3/amod Kenya/NNP/3/nsubj Defence/NNP/1/flat raids/NNS/4/nsubj hit/VBD/-1/root farms/NNS/4/obj",
			token: 1, want: doc.DepCompound,
		},
		{
			name:  "a bare noun phrase before a subjectless finite verb is its subject",
			in:    "The/DT/2/det Kenyan/JJ/2/amod navy/NN/3/obl backed/VBD/-1/root Uganda/NNP/3/obj",
			token: 2, want: doc.DepNsubj,
		},
		{
			name:  "a phrase with a preposition stays an oblique",
			in:    "In/IN/1/case Nairobi/NNP/2/obl rained/VBD/-1/root",
			token: 1, want: doc.DepObl,
		},
		{
			name:  "a verb with a subject keeps its obliques",
			in:    "Monday/NNP/2/obl police/NNS/2/nsubj arrested/VBD/-1/root",
			token: 0, want: doc.DepObl,
		},
		{
			name:  "a fronted adverb does not count",
			in:    "Then/RB/2/advmod Kenya/NNP/2/obl backed/VBD/-1/root",
			token: 1, want: doc.DepNsubj,
		},
		{
			name:  "only the clause's first phrase",
			in:    "Monday/NNP/2/obl:unmarked Kenya/NNP/2/obl backed/VBD/-1/root",
			token: 1, want: doc.DepObl,
		},
		{
			name:  "a copular noun keeps its subject",
			in:    "Nairobi/NNP/2/nsubj is/VBZ/2/cop capital/NN/-1/root",
			token: 0, want: doc.DepNsubj,
		},
		{
			name:  "a nominal root keeps its subject",
			in:    "Kenya/NNP/1/nsubj raids/NNS/-1/root",
			token: 0, want: doc.DepNsubj,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words, tags, heads, deps := tree(t, tc.in)
			before := slices.Clone(heads)
			repairRelations(words, tags, heads, deps)
			if deps[tc.token] != tc.want {
				t.Errorf("token %d is %v, want %v", tc.token, deps[tc.token], tc.want)
			}
			if !slices.Equal(heads, before) {
				t.Errorf("heads moved: %v, want %v", heads, before)
			}
		})
	}
}

func TestRepairAccordingTo(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		heads    []int32
		source   int
		want     doc.DepRel
	}{
		{
			name:   "a source the parse made a second subject",
			in:     "According/VBG/5/advcl to/TO/0/fixed the/DT/3/det UN/NNP/5/nsubj troops/NNS/5/nsubj shelled/VBD/-1/root",
			heads:  []int32{3, 0, 3, 5, 5, -1},
			source: 3, want: doc.DepObl,
		},
		{
			name:   "a source the parse made a clause",
			in:     "Troops/NNS/1/nsubj fired/VBD/-1/root according/VBG/5/case to/TO/2/fixed the/DT/5/det ministry/NN/1/ccomp 's/POS/5/case figures/NNS/1/obl",
			heads:  []int32{1, -1, 5, 2, 5, 1, 5, 1},
			source: 5, want: doc.DepObl,
		},
		{
			name:   "a sound tree is left alone",
			in:     "According/VBG/2/case to/TO/0/fixed police/NN/4/obl troops/NNS/4/nsubj fired/VBD/-1/root",
			heads:  []int32{2, 0, 4, 4, -1},
			source: 2, want: doc.DepObl,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words, tags, heads, deps := tree(t, tc.in)
			repairAccordingTo(words, tags, heads, deps)
			if !slices.Equal(heads, tc.heads) {
				t.Errorf("heads %v, want %v", heads, tc.heads)
			}
			if deps[tc.source] != tc.want {
				t.Errorf("source is %v, want %v", deps[tc.source], tc.want)
			}
		})
	}
}

func TestRepairGerundClauses(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		heads    []int32
	}{
		{
			name:  "a noun phrase and a gerund read as one noun phrase",
			in:    "Kenya/NNP/1/nsubj accused/VBD/-1/root Uganda/NNP/5/amod of/IN/4/mark arming/VBG/5/amod rebels/NNS/1/obj",
			heads: []int32{1, -1, 1, 4, 1, 4},
		},
		{
			name:  "a participle modifying the object of a preposition stays",
			in:    "Envoys/NNS/1/nsubj met/VBD/-1/root leaders/NNS/1/obj of/IN/5/case striking/VBG/5/amod workers/NNS/2/nmod",
			heads: []int32{1, -1, 1, 5, 5, 2},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, tags, heads, deps := tree(t, tc.in)
			repairGerundClauses(tags, heads, deps)
			if !slices.Equal(heads, tc.heads) {
				t.Errorf("heads %v, want %v", heads, tc.heads)
			}
		})
	}
}

func FuzzRepairPredicates(f *testing.F) {
	f.Add([]byte{0xff, 2, 0, 3}, "NNS IN NNS VBD")
	f.Add([]byte{0xff, 0, 1, 0}, "NNS VBN IN .")
	f.Fuzz(func(t *testing.T, hs []byte, tagLine string) {
		tags := strings.Fields(tagLine)
		words := make([]string, len(tags))
		// Words the repairs look for, so that each of them runs.
		vocab := [...]string{"marched", "has", "according", "to", "after", "that", "been", "with", "along", "withdrew", "reject", "if", "and", ".", "(", ")"}
		for i := range words {
			words[i] = vocab[(i+len(hs))%len(vocab)]
		}
		n := min(len(tags), len(hs))
		if n == 0 {
			return
		}
		tags, words = tags[:n], words[:n]
		heads := make([]int32, n)
		deps := make([]doc.DepRel, n)
		for i := range heads {
			heads[i] = int32(hs[i]%byte(n+1)) - 1
			if heads[i] == int32(i) {
				heads[i] = -1
			}
			deps[i] = doc.DepRel(hs[i] % byte(doc.DepXcomp+1))
		}
		wasTree := acyclic(heads)
		repair(words, tags, heads, deps) // must not panic or loop
		for _, h := range heads {
			if h < -1 || h >= int32(n) {
				t.Fatalf("head %d out of range", h)
			}
		}
		if wasTree && !acyclic(heads) {
			t.Fatalf("a repair made a cycle: heads %v", heads)
		}
	})
}

// acyclic reports whether every token's chain of heads reaches -1.
func acyclic(heads []int32) bool {
	for i := range heads {
		k := int32(i)
		for steps := 0; k >= 0; steps++ {
			if steps > len(heads) {
				return false
			}
			k = heads[k]
		}
	}
	return true
}

func TestRepairCoordinatedSubjects(t *testing.T) {
	runHeadsCases(t, repairRelations, []headsCase{
		{
			name:  "two subjects joined by and are one",
			in:    "The/DT/1/det army/NN/6/nsubj and/CC/6/cc the/DT/4/det militia/NN/6/nsubj have/VBP/6/aux fought/VBN/-1/root",
			heads: []int32{1, 6, 4, 4, 1, 6, -1},
		},
		{
			name: "without a conjunction they stay",
			in:   "Officials/NNS/3/nsubj ,/,/3/punct police/NNS/3/nsubj said/VBD/-1/root",
		},
		{
			name: "a dateline is no conjunct",
			in:   "NAIROBI/NNP/6/nsubj —/:/2/punct Kenya/NNP/0/appos and/CC/5/cc the/DT/5/det rebels/NNS/6/nsubj met/VBD/-1/root",
		},
		{
			name: "but joins clauses",
			in:   "Rebels/NNS/4/nsubj but/CC/4/cc the/DT/3/det army/NN/4/nsubj refused/VBD/-1/root",
		},
		{
			name: "a subject after its verb is left alone",
			in:   "Kenya/NNP/1/nsubj said/VBD/-1/root and/CC/3/cc Uganda/NNP/1/nsubj",
		},
	})
}

func TestRepairSubordinateClauses(t *testing.T) {
	runHeadsCases(t, repairSubordinateClauses, []headsCase{
		{
			name:  "a phrase followed by a finite verb is its clause's subject",
			in:    "Kenya/NNP/1/nsubj protested/VBD/-1/root after/IN/4/case a/DT/4/det ship/NN/1/obl fired/VBD/1/conj shots/NNS/5/obj",
			heads: []int32{1, -1, 5, 4, 5, 1, 5},
		},
		{
			name:  "the verb may open with an auxiliary",
			in:    "Kenya/NNP/1/nsubj protested/VBD/-1/root after/IN/4/case the/DT/4/det ship/NN/1/obl had/VBD/6/aux fired/VBN/1/conj",
			heads: []int32{1, -1, 6, 4, 6, 6, 1},
		},
		{
			name: "a phrase with no verb after it is a preposition's",
			in:   "Kenya/NNP/1/nsubj protested/VBD/-1/root after/IN/3/case talks/NNS/1/obl on/IN/5/case Monday/NNP/1/obl",
		},
		{
			name: "a verb with a subject of its own is another clause",
			in:   "Kenya/NNP/1/nsubj protested/VBD/-1/root after/IN/3/case talks/NNS/1/obl Uganda/NNP/5/nsubj left/VBD/1/parataxis",
		},
		{
			name:  "a main verb's object taken for the clause's subject goes back to it",
			in:    "Nurses/NNS/1/nsubj ended/VBD/-1/root their/PRP$/3/nmod:poss strike/NN/7/nsubj after/IN/6/case the/DT/6/det state/NN/3/nmod agreed/VBD/1/advcl",
			heads: []int32{1, -1, 3, 1, 7, 6, 7, 1},
		},
		{
			name: "a subject after a verb with an object of its own stays",
			in:   "Nurses/NNS/1/nsubj ended/VBD/-1/root it/PRP/1/obj and/CC/7/cc strikes/NNS/7/nsubj after/IN/6/case talks/NNS/4/nmod resumed/VBD/1/conj",
		},
	})
}

func TestRepairPrepositionalSubjects(t *testing.T) {
	runHeadsCases(t, func(_, tags []string, heads []int32, deps []doc.DepRel) {
		repairPrepositionalSubjects(tags, heads, deps)
	}, []headsCase{
		{
			name:  "a phrase with a preposition modifies the noun before it",
			in:    "Scores/NNS/-1/root of/IN/2/case nurses/NNS/0/nmod across/IN/4/case Peru/NNP/5/nsubj struck/VBD/0/acl:relcl ././0/punct",
			heads: []int32{5, 2, 0, 4, 2, -1, 5},
		},
		{
			name: "a bare subject of a relative clause stays",
			in:   "Towns/NNS/-1/root rebels/NNS/2/nsubj held/VBD/0/acl:relcl ././0/punct",
		},
		{
			name: "a modal is no predicate of its own",
			in:   "Scores/NNS/-1/root of/IN/2/case nurses/NNS/0/nmod in/IN/4/case Peru/NNP/5/nsubj will/MD/0/acl:relcl",
		},
	})
}

func TestRepairTrailingReports(t *testing.T) {
	runHeadsCases(t, func(_, tags []string, heads []int32, deps []doc.DepRel) {
		repairTrailingReports(tags, heads, deps)
	}, []headsCase{
		{
			name:  "a reporting verb read as an open complement",
			in:    "Police/NNS/1/nsubj failed/VBD/-1/root to/TO/3/mark act/VB/1/xcomp ,/,/1/punct monitors/NNS/6/nsubj said/VBD/1/xcomp ././1/punct",
			heads: []int32{1, 6, 3, 1, 1, 6, -1, 6},
		},
		{
			name:  "a reporting verb read as an object, with a time after it",
			in:    "Troops/NNS/1/nsubj left/VBD/-1/root ,/,/3/punct aides/NNS/4/nsubj say/VBP/1/obj today/NN/4/obl ././1/punct",
			heads: []int32{1, 4, 3, 4, -1, 4, 4},
		},
		{
			name: "a comma splice stays a conjunct",
			in:   "Prices/NNS/1/nsubj rose/VBD/-1/root ,/,/1/punct wages/NNS/4/nsubj fell/VBD/1/conj ././1/punct",
		},
		{
			name: "a verb with a complement of its own reports nothing before it",
			in:   "Troops/NNS/1/nsubj left/VBD/-1/root ,/,/1/punct aides/NNS/4/nsubj say/VBP/1/obj nothing/NN/4/obj ././1/punct",
		},
		{
			name: "no comma, no trailing report",
			in:   "Troops/NNS/1/nsubj want/VBP/-1/root aides/NNS/3/nsubj say/VBP/1/xcomp ././1/punct",
		},
	})
}

func TestRepairFalseAuxiliaries(t *testing.T) {
	runHeadsCases(t, repairFalseAuxiliaries, []headsCase{
		{
			name:  "a verb read as the auxiliary of an attributive participle",
			in:    "Rebels/NNS/2/nsubj:pass reject/VBP/2/aux proposed/VBN/-1/root changes/NNS/2/obj",
			heads: []int32{1, -1, 3, 1},
		},
		{
			name: "a true auxiliary stays",
			in:   "Rebels/NNS/2/nsubj have/VBP/2/aux seized/VBN/-1/root towns/NNS/2/obj",
		},
		{
			name: "a typographic apostrophe is still an auxiliary",
			in:   "We/PRP/2/nsubj ’ve/VBP/2/aux seized/VBN/-1/root towns/NNS/2/obj",
		},
	})
}

func TestRepairNominalMarks(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		heads    []int32 // nil when unchanged
		deps     string  // the relations after, space-separated; "" when unchanged
	}{
		{
			name:  "a companion with 'along with' is no subject",
			in:    "Kenya/NNP/4/mark along/RB/4/advmod with/IN/3/case allies/NNS/4/nsubj condemned/VBD/-1/root",
			heads: []int32{4, 3, 3, 0, -1},
			deps:  "nsubj case case nmod root",
		},
		{
			name:  "a marked noun with no other subject is the subject",
			in:    "Kenya/NNP/2/mark ,/,/2/punct condemned/VBD/-1/root",
			heads: []int32{2, 2, -1},
			deps:  "nsubj punct root",
		},
		{
			name: "a possessor is left alone",
			in:   "Kenya/NNP/3/mark 's/POS/0/case Office/NNP/3/nsubj denied/VBD/-1/root",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words, tags, heads, deps := tree(t, tc.in)
			want, wantDeps := tc.heads, tc.deps
			if want == nil {
				want = slices.Clone(heads)
			}
			if wantDeps == "" {
				var names []string
				for _, d := range deps {
					names = append(names, d.String())
				}
				wantDeps = strings.Join(names, " ")
			}
			repairNominalMarks(words, tags, heads, deps)
			var got []string
			for _, d := range deps {
				got = append(got, d.String())
			}
			if !slices.Equal(heads, want) || strings.Join(got, " ") != wantDeps {
				t.Errorf("heads %v %q, want %v %q", heads, strings.Join(got, " "), want, wantDeps)
			}
		})
	}
}

func TestRepairThatClauses(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     string // the clause's relation after the repair
	}{
		{"a demanded clause", "They/PRP/1/nsubj demanded/VBD/-1/root that/IN/4/mark Kenya/NNP/4/nsubj leave/VB/1/advcl", "ccomp"},
		{"a purpose clause stays", "They/PRP/1/nsubj left/VBD/-1/root so/RB/4/mark that/IN/4/mark Kenya/NNP/5/nsubj could/MD/5/aux rest/VB/1/advcl", "advcl"},
		{"'now that' stays", "They/PRP/1/nsubj left/VBD/-1/root now/RB/2/advmod that/IN/5/mark Kenya/NNP/5/nsubj won/VBD/1/advcl", "advcl"},
		{"another subordinator stays", "They/PRP/1/nsubj left/VBD/-1/root after/IN/4/mark Kenya/NNP/4/nsubj won/VBD/1/advcl", "advcl"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words, tags, heads, deps := tree(t, tc.in)
			repairThatClauses(words, tags, heads, deps)
			if got := deps[len(deps)-1].String(); got != tc.want {
				t.Errorf("relation %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRepairReportedClauses(t *testing.T) {
	runHeadsCases(t, func(_, tags []string, heads []int32, deps []doc.DepRel) { repairReportedClauses(tags, heads, deps) }, []headsCase{
		{
			name:  "a finite verb joined to the first of two subjects",
			in:    "A/DT/1/det bomb/NN/6/nsubj killed/VBD/1/conj two/CD/2/obj ,/,/6/punct police/NNS/6/nsubj said/VBD/-1/root",
			heads: []int32{1, 2, 6, 2, 6, 6, -1},
		},
		{
			name: "one subject is left alone",
			in:   "A/DT/1/det bomb/NN/3/nsubj and/CC/3/cc killed/VBD/-1/root two/CD/3/obj",
		},
	})
}

func TestRepairMarkedComplements(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     string // the clause's relation after the repair
	}{
		{"a clause after 'after' is adverbial", "Two/CD/1/nummod died/VBD/-1/root after/IN/4/mark rebels/NNS/4/nsubj attacked/VBD/1/xcomp", "advcl"},
		{"a question after 'whether' stays", "They/PRP/1/nsubj asked/VBD/-1/root whether/IN/4/mark rebels/NNS/4/nsubj attacked/VBD/1/ccomp", "ccomp"},
		{"an infinitive stays", "They/PRP/1/nsubj agreed/VBD/-1/root to/TO/3/mark leave/VB/1/xcomp", "xcomp"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words, _, heads, deps := tree(t, tc.in)
			repairMarkedComplements(words, heads, deps)
			if got := deps[len(deps)-1].String(); got != tc.want {
				t.Errorf("relation %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRepairStrandedPerfects(t *testing.T) {
	runHeadsCases(t, repairStrandedPerfects, []headsCase{
		{
			name:  "'have since been' before a participle",
			in:    "Both/DT/1/det sides/NNS/2/nsubj have/VBP/-1/root since/IN/5/mark been/VBN/5/aux:pass accused/VBN/2/advcl",
			heads: []int32{1, 5, 5, 5, 5, -1},
		},
		{
			name: "'had to' makes no perfect",
			in:   "It/PRP/1/nsubj had/VBD/-1/root to/TO/4/mark be/VB/4/aux:pass postponed/VBN/1/xcomp",
		},
		{
			name: "a perfect already built stays",
			in:   "Rebels/NNS/2/nsubj have/VBP/2/aux seized/VBN/-1/root towns/NNS/2/obj",
		},
	})
}

func TestRepairClausalModifiers(t *testing.T) {
	runHeadsCases(t, func(_, tags []string, heads []int32, deps []doc.DepRel) { repairClausalModifiers(tags, heads, deps) }, []headsCase{
		{
			name:  "a participle with a subject and an auxiliary is a verb",
			in:    "reports/NNS/-1/root that/IN/4/mark it/PRP/4/nsubj had/VBD/4/aux sold/VBN/5/amod arms/NNS/0/acl",
			heads: []int32{-1, 4, 4, 4, 0, 4},
		},
		{
			name: "an attributive participle stays",
			in:   "the/DT/2/det banned/VBN/2/amod party/NN/-1/root",
		},
	})
}

func TestRepairVerblessPreterite(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		root     int
		tag      string // the preterite's tag after the repair
	}{
		{"a preterite read as a noun root", "the/DT/1/det army/NN/2/compound withdrew/NN/-1/root from/IN/5/case the/DT/5/det city/NN/2/nmod ././2/punct", 2, "VBD"},
		{"a question is left alone", "have/VB/2/aux you/PRP/2/nsubj ate/NN/-1/root ?/./2/punct", 2, "NN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words, tags, heads, deps := tree(t, tc.in)
			repairPredicates(words, tags, heads, deps)
			if got := slices.Index(heads, -1); got != tc.root || tags[tc.root] != tc.tag {
				t.Errorf("root %d tagged %s, want %d tagged %s (heads %v)", got, tags[got], tc.root, tc.tag, heads)
			}
			if tc.tag == "VBD" && (heads[1] != int32(tc.root) || deps[1] != doc.DepNsubj) {
				t.Errorf("subject: head %d rel %s", heads[1], deps[1])
			}
		})
	}
}

// headsCase is a hand-written parse (see tree) and the heads one repair
// should leave, nil when it should change nothing.
type headsCase struct {
	name, in string
	heads    []int32
}

// runHeadsCases applies fix to each case's tree and checks the heads.
func runHeadsCases(t *testing.T, fix func(words, tags []string, heads []int32, deps []doc.DepRel), cases []headsCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			words, tags, heads, deps := tree(t, tc.in)
			want := tc.heads
			if want == nil {
				want = slices.Clone(heads)
			}
			fix(words, tags, heads, deps)
			if !slices.Equal(heads, want) {
				t.Errorf("heads %v, want %v", heads, want)
			}
		})
	}
}

func TestAttachPunctuation(t *testing.T) {
	runHeadsCases(t, func(words, _ []string, heads []int32, deps []doc.DepRel) {
		attachPunctuation(words, heads, deps)
	}, []headsCase{
		{
			name:  "brackets hang on what they enclose",
			in:    "Kenya/NNP/1/nsubj protested/VBD/-1/root (/-LRB-/1/punct twice/RB/1/advmod )/-RRB-/1/punct ././1/punct",
			heads: []int32{1, -1, 3, 1, 3, 1},
		},
		{
			name: "an unclosed bracket stays",
			in:   "Kenya/NNP/1/nsubj protested/VBD/-1/root (/-LRB-/1/punct twice/RB/1/advmod ././1/punct",
		},
	})
}
