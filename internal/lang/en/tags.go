package en

// Penn Treebank tag classes: the tagger (internal/text) writes Penn tags,
// and the stages that read them test the same classes, so the tests live
// here once.

// IsNounTag reports a noun's tag: NN, NNS, NNP or NNPS.
func IsNounTag(tag string) bool { return len(tag) >= 2 && tag[0] == 'N' && tag[1] == 'N' }

// IsProperNounTag reports a proper noun's tag: NNP or NNPS.
func IsProperNounTag(tag string) bool { return tag == "NNP" || tag == "NNPS" }

// IsFiniteTag reports a finite verb's or a modal's tag: VBD, VBZ, VBP or
// MD. A clause with one of them has a tense of its own.
func IsFiniteTag(tag string) bool {
	switch tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// IsWhTag reports a wh-word's tag: WDT, WP, WP$ or WRB ("which", "who",
// "whose", "why").
func IsWhTag(tag string) bool {
	switch tag {
	case "WDT", "WP", "WP$", "WRB":
		return true
	}
	return false
}
