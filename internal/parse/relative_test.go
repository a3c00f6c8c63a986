package parse

import (
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

func TestRepairReducedRelatives(t *testing.T) {
	runHeadsCases(t, repairReducedRelatives, []headsCase{
		{
			name:  "the predicate read as a clause on the prepositional object",
			in:    "Farmers/NNS/1/nsubj armed/VBD/-1/root with/IN/3/case pitchforks/NNS/1/obl blocked/VBD/3/acl roads/NNS/4/obj ././1/punct",
			heads: []int32{4, 0, 3, 1, -1, 4, 4},
		},
		{
			name:  "the agent read as the predicate's subject under a nominal root",
			in:    "Convoys/NNS/-1/root escorted/VBN/0/acl by/IN/3/case police/NNS/4/nsubj reached/VBD/1/parataxis Goma/NNP/4/obj ././0/punct",
			heads: []int32{4, 0, 3, 1, -1, 4, 4},
		},
		{
			name:  "under a verb of saying the clause is its complement",
			in:    "Officials/NNS/1/nsubj said/VBD/-1/root troops/NNS/1/obj stationed/VBN/2/acl near/IN/5/case Juba/NNP/3/obl shelled/VBD/5/acl villages/NNS/6/obj",
			heads: []int32{1, -1, 6, 2, 5, 3, 1, 6},
		},
		{
			name:  "the subject is the head of an of-phrase",
			in:    "Dozens/NNS/3/nsubj of/IN/2/case youths/NNS/0/nmod armed/VBD/-1/root with/IN/5/case sticks/NNS/3/obl attacked/VBD/5/acl police/NNS/6/obj",
			heads: []int32{6, 2, 0, 2, 5, 3, -1, 6},
		},
		{
			name:  "a phrase before the subject goes with the predicate",
			in:    "On/IN/1/case Monday/NNP/4/obl ,/,/4/punct gunmen/NNS/4/nsubj armed/VBD/-1/root with/IN/6/case rifles/NNS/4/obl stormed/VBD/6/acl banks/NNS/7/obj",
			heads: []int32{1, 7, 7, 7, 3, 6, 4, -1, 7},
		},
		{
			name:  "a premodifier of the subject read as a subject",
			in:    "Kenyan/NNP/2/nsubj soldiers/NNS/0/obj armed/VBD/-1/root with/IN/4/case rifles/NNS/2/obl attacked/VBN/4/acl rebels/NNS/5/obj",
			heads: []int32{1, 5, 1, 4, 2, -1, 5},
		},
		{
			name: "a subordinator opens a clause of its own",
			in:   "Crowds/NNS/1/nsubj gathered/VBD/-1/root after/IN/3/case police/NNS/4/nsubj fired/VBD/1/acl gas/NN/4/obj",
		},
		{
			name: "a date after the second verb is no object",
			in:   "Sales/NNS/1/nsubj rose/VBD/-1/root in/IN/4/case the/DT/4/det quarter/NN/1/obl ended/VBD/4/acl June/NNP/5/obj 30/CD/6/nummod",
		},
		{
			name: "a complex-transitive participle keeps its noun phrase",
			in:   "Delegates/NNS/1/nsubj talked/VBD/-1/root with/IN/4/case a/DT/4/det group/NN/1/obl called/VBN/4/acl the/DT/7/det Forum/NNP/5/obj",
		},
		{
			name: "a second verb with a by-phrase is a passive",
			in:   "Workers/NNS/1/nsubj rallied/VBD/-1/root outside/IN/3/case offices/NNS/1/obl owned/VBN/3/acl by/IN/7/case the/DT/7/det state/NN/4/obl",
		},
		{
			name: "a noun phrase of its own before the second verb is its subject",
			in:   "Officials/NNS/1/nsubj announced/VBD/-1/root on/IN/3/case Monday/NNP/1/obl rebels/NNS/5/nsubj seized/VBD/1/ccomp towns/NNS/5/obj",
		},
		{
			name: "a copula after the prepositional object",
			in:   "Cases/NNS/5/nsubj confirmed/VBN/0/acl on/IN/3/case Monday/NNP/1/obl were/VBD/5/cop mild/JJ/-1/root",
		},
	})
}

func TestRepairReducedRelativesRelations(t *testing.T) {
	words, tags, heads, deps := tree(t, "Convoys/NNS/-1/root escorted/VBN/0/acl by/IN/3/case police/NNS/4/nsubj reached/VBN/1/parataxis Goma/NNP/4/obj")
	repairReducedRelatives(words, tags, heads, deps)
	want := []doc.DepRel{doc.DepNsubj, doc.DepAcl, doc.DepCase, doc.DepOblAgent, doc.DepRoot, doc.DepObj}
	for k, r := range want {
		if deps[k] != r {
			t.Errorf("token %d %q: relation %v, want %v", k, words[k], deps[k], r)
		}
	}
	if tags[1] != "VBN" || tags[4] != "VBD" {
		t.Errorf("tags %v: want the participle VBN and the predicate VBD", tags)
	}
}

func TestRepairReducedRelativesPremodifier(t *testing.T) {
	words, tags, heads, deps := tree(t, "Kenyan/NNP/-1/root soldiers/NNS/0/obj armed/VBD/1/acl with/IN/4/case rifles/NNS/2/obl attacked/VBN/4/acl rebels/NNS/5/obj")
	repairReducedRelatives(words, tags, heads, deps)
	if heads[0] != 1 || deps[0] != doc.DepCompound || heads[5] != -1 || deps[1] != doc.DepNsubj {
		t.Errorf("heads %v deps %v: want Kenyan a compound of soldiers, the subject of attacked", heads, deps)
	}
}

func TestRepairOfPhrases(t *testing.T) {
	runHeadsCases(t, repairOfPhrases, []headsCase{
		{
			name:  "an of-phrase before the verb is the noun's",
			in:    "Thousands/NNS/3/nsubj of/IN/2/case teachers/NNS/3/obl attended/VBD/-1/root rallies/NNS/3/obj",
			heads: []int32{3, 2, 0, -1, 3},
		},
		{
			name: "an of-phrase after the verb is the verb's",
			in:   "Kenya/NNP/1/nsubj accused/VBD/-1/root Uganda/NNP/1/obj of/IN/4/case fraud/NN/1/obl",
		},
		{
			name: "another preposition is left alone",
			in:   "Teachers/NNS/3/nsubj in/IN/2/case Nairobi/NNP/3/obl marched/VBD/-1/root",
		},
	})
}
