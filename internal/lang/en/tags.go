package en

import "strings"

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

// AttributiveAfter reports whether a participle or -ed form tagged tag can
// modify a noun after it (Huddleston and Pullum 2002, ch. 7.5 and 14:
// attributive participles), given the word before it, adverbs skipped:
// prevTag and prevWord, both "" at the start of a sentence. Inside a noun
// phrase, after a determiner, possessive, number or adjective, an -ed
// form is a participle whatever its tag ("20 kidnapped/VBD schoolgirls").
// A past participle may also follow a preposition ("from poisoned
// liquor"), a comma (", armed men opened fire") or a verb that is no
// auxiliary ("evacuated wounded civilians"); a gerund after a
// preposition, comma or verb heads a clause ("for occupying roads", ",
// raising concerns"), and anything after an auxiliary or a conjunction
// is a verb ("has banned exports", "toured the camp and met people").
func AttributiveAfter(tag, prevTag, prevWord string) bool {
	switch {
	case prevTag == "":
		return true
	case prevTag == "DT" || prevTag == "PDT" || prevTag == "PRP$" || prevTag == "WP$" || prevTag == "POS" || prevTag == "CD" || strings.HasPrefix(prevTag, "JJ"):
		return true
	case strings.HasPrefix(prevTag, "VB"):
		return tag != "VBG" && !IsParticipleAuxiliary(prevWord)
	case tag == "VBD":
		return false
	case prevTag == "IN" || prevTag == ",":
		return tag == "VBN"
	}
	return false
}
