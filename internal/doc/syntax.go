package doc

// DepRel is a Universal Dependencies relation, with the subtypes that the
// English treebanks use. The zero value, NoDep, marks a token that has not
// been parsed. Stages compare relations as constants (tok.Dep == DepNsubj) and
// never by string; String gives the UD name for output.
type DepRel uint8

// Universal Dependencies relations (https://universaldependencies.org/u/dep/)
// and the English subtypes of UD English EWT.
const (
	NoDep DepRel = iota
	DepAcl
	DepAclRelcl
	DepAdvcl
	DepAdvclRelcl
	DepAdvmod
	DepAmod
	DepAppos
	DepAux
	DepAuxPass
	DepCase
	DepCc
	DepCcPreconj
	DepCcomp
	DepCompound
	DepCompoundPrt
	DepConj
	DepCop
	DepCsubj
	DepCsubjOuter
	DepCsubjPass
	DepUnspecified
	DepDet
	DepDetPredet
	DepDiscourse
	DepDislocated
	DepExpl
	DepFixed
	DepFlat
	DepGoeswith
	DepIobj
	DepList
	DepMark
	DepNmod
	DepNmodDesc
	DepNmodPoss
	DepNmodUnmarked
	DepNsubj
	DepNsubjOuter
	DepNsubjPass
	DepNummod
	DepObj
	DepObl
	DepOblAgent
	DepOblUnmarked
	DepOrphan
	DepParataxis
	DepPunct
	DepReparandum
	DepRoot
	DepVocative
	DepXcomp
	numDepRels
)

var depRelNames = [numDepRels]string{
	NoDep: "", DepAcl: "acl", DepAclRelcl: "acl:relcl", DepAdvcl: "advcl",
	DepAdvclRelcl: "advcl:relcl", DepAdvmod: "advmod", DepAmod: "amod", DepAppos: "appos",
	DepAux: "aux", DepAuxPass: "aux:pass", DepCase: "case", DepCc: "cc",
	DepCcPreconj: "cc:preconj", DepCcomp: "ccomp", DepCompound: "compound",
	DepCompoundPrt: "compound:prt", DepConj: "conj", DepCop: "cop", DepCsubj: "csubj",
	DepCsubjOuter: "csubj:outer", DepCsubjPass: "csubj:pass", DepUnspecified: "dep", DepDet: "det",
	DepDetPredet: "det:predet", DepDiscourse: "discourse", DepDislocated: "dislocated",
	DepExpl: "expl", DepFixed: "fixed", DepFlat: "flat", DepGoeswith: "goeswith",
	DepIobj: "iobj", DepList: "list", DepMark: "mark", DepNmod: "nmod", DepNmodDesc: "nmod:desc",
	DepNmodPoss: "nmod:poss", DepNmodUnmarked: "nmod:unmarked", DepNsubj: "nsubj",
	DepNsubjOuter: "nsubj:outer", DepNsubjPass: "nsubj:pass", DepNummod: "nummod",
	DepObj: "obj", DepObl: "obl", DepOblAgent: "obl:agent", DepOblUnmarked: "obl:unmarked",
	DepOrphan: "orphan", DepParataxis: "parataxis", DepPunct: "punct",
	DepReparandum: "reparandum", DepRoot: "root", DepVocative: "vocative", DepXcomp: "xcomp",
}

// NumDepRels is the number of relations, NoDep included; a DepRel is always
// below it.
const NumDepRels = int(numDepRels)

// String returns the UD name of the relation ("nsubj:pass"); "" for NoDep.
func (r DepRel) String() string {
	if r >= numDepRels {
		return ""
	}
	return depRelNames[r]
}

// Base returns the universal relation without its subtype: DepNsubj for
// DepNsubjPass, DepObl for DepOblAgent, DepNmod for DepNmodPoss.
func (r DepRel) Base() DepRel {
	switch r {
	case DepAclRelcl:
		return DepAcl
	case DepAdvclRelcl:
		return DepAdvcl
	case DepAuxPass:
		return DepAux
	case DepCcPreconj:
		return DepCc
	case DepCompoundPrt:
		return DepCompound
	case DepCsubjOuter, DepCsubjPass:
		return DepCsubj
	case DepDetPredet:
		return DepDet
	case DepNmodDesc, DepNmodPoss, DepNmodUnmarked:
		return DepNmod
	case DepNsubjOuter, DepNsubjPass:
		return DepNsubj
	case DepOblAgent, DepOblUnmarked:
		return DepObl
	}
	return r
}

// ParseDepRel returns the relation named s. Relations the table does not
// know fall back to their universal part ("obl:tmod" is DepObl, "nmod:npmod"
// is DepNmod), so that treebanks of other UD releases still read; ok is false
// only when neither is known.
func ParseDepRel(s string) (r DepRel, ok bool) {
	for i, n := range depRelNames {
		if n == s && i != 0 {
			return DepRel(i), true
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			return ParseDepRel(s[:i])
		}
	}
	return NoDep, false
}
