package text

import (
	"strings"

	"github.com/dateline-project/dateline/internal/lang/en"
)

// abbrevClass says how an abbreviation behaves at a possible sentence end.
type abbrevClass uint8

const (
	abNone abbrevClass = iota
	// abTitle precedes a name or a place and never ends a sentence
	// before a capitalised word: "Dr. Aliyev", "Lt. Col. Smith", "St. Petersburg".
	abTitle
	// abNumber is an abbreviation only before a number: "No. 5", "Art. 3".
	// Elsewhere ("he said no.") its period is an ordinary full stop.
	abNumber
	// abMonth is usually followed by a day: "Sept. 16".
	abMonth
	// abOther can end a sentence: "Acme Inc.", "and so on, etc."
	abOther
	// abInitialism is a dotted initialism found by shape: "U.S.", "U.N.".
	abInitialism
	// abInitial is a capital letter and a period: "J." in "J. R. Smith".
	abInitial
	// abClock is a.m. or p.m.
	abClock
)

// abbrevs lists the words (without their period) that keep the period as
// part of the token. Matching is case-sensitive: "No." and "no." differ, and
// a sentence that ends with the word "Gen" is rarer than General Smith.
var abbrevs = map[string]abbrevClass{
	// Titles and ranks.
	"Mr": abTitle, "Mrs": abTitle, "Ms": abTitle, "Messrs": abTitle, "Mme": abTitle,
	"Dr": abTitle, "Prof": abTitle, "Rev": abTitle, "Hon": abTitle, "Fr": abTitle,
	"Gen": abTitle, "Lt": abTitle, "Col": abTitle, "Maj": abTitle, "Capt": abTitle,
	"Cpt": abTitle, "Sgt": abTitle, "Cpl": abTitle, "Pvt": abTitle, "Adm": abTitle,
	"Cmdr": abTitle, "Cdr": abTitle, "Brig": abTitle, "Gens": abTitle, "Lieut": abTitle,
	"Rep": abTitle, "Reps": abTitle, "Sen": abTitle, "Sens": abTitle, "Gov": abTitle,
	"Pres": abTitle, "Supt": abTitle, "Insp": abTitle, "Amb": abTitle, "Sec": abTitle,
	"Atty": abTitle,
	// Places that precede a name.
	"St": abTitle, "Ste": abTitle, "Mt": abTitle, "Ft": abTitle, "Pt": abTitle,

	// Only before a number.
	"No": abNumber, "Nos": abNumber, "no": abNumber, "nos": abNumber, "Art": abNumber,
	"art": abNumber, "Vol": abNumber, "vol": abNumber, "Fig": abNumber, "fig": abNumber,
	"pp": abNumber, "p": abNumber, "para": abNumber, "Para": abNumber, "Ch": abNumber,
	"ch": abNumber, "Nr": abNumber,

	// Others: company forms, name suffixes, Latin, street types, US states
	// as wire services write them.
	"Inc": abOther, "Corp": abOther, "Co": abOther, "Ltd": abOther, "Bros": abOther,
	"Jr": abOther, "Sr": abOther, "Esq": abOther, "Dept": abOther, "Univ": abOther,
	"Assn": abOther, "Intl": abOther, "Govt": abOther, "Ave": abOther, "Blvd": abOther,
	"Rd": abOther, "Hwy": abOther, "Sq": abOther,
	"etc": abOther, "vs": abOther, "al": abOther, "cf": abOther, "approx": abOther,
	"est": abOther, "ca": abOther, "viz": abOther, "incl": abOther, "Ph": abOther,
	"Ala": abOther, "Ariz": abOther, "Ark": abOther, "Calif": abOther, "Colo": abOther,
	"Conn": abOther, "Del": abOther, "Fla": abOther, "Ga": abOther, "Ill": abOther,
	"Ind": abOther, "Kan": abOther, "Ky": abOther, "La": abOther, "Md": abOther,
	"Mass": abOther, "Mich": abOther, "Minn": abOther, "Miss": abOther, "Mo": abOther,
	"Mont": abOther, "Neb": abOther, "Nev": abOther, "Okla": abOther, "Ore": abOther,
	"Pa": abOther, "Tenn": abOther, "Tex": abOther, "Va": abOther, "Vt": abOther,
	"Wash": abOther, "Wis": abOther, "Wyo": abOther,
}

// sentenceStarters are the capitalised words besides function words
// (en.IsFunctionWord) that, after an abbreviation that could end a
// sentence ("U.S.", "Inc.", an initial), say that a new sentence has
// begun: "... the U.S. Meanwhile, the talks ...". A proper noun after the
// abbreviation ("U.S. President") keeps the sentence going.
var sentenceStarters = map[string]bool{
	"According": true, "However": true,
	"Meanwhile": true, "Moreover": true, "Also": true, "Earlier": true, "Later": true,
	"Now": true, "Then": true, "Today": true, "Yesterday": true, "Tomorrow": true,
	"Last": true, "Next": true,
	"Asked": true, "Still": true, "Instead": true, "Thus": true, "Therefore": true,
	"Furthermore": true, "Nevertheless": true, "Nonetheless": true, "Separately": true,
	"Previously": true, "Currently": true, "Finally": true, "First": true,
	"Second": true, "Third": true, "Not": true, "One": true,
}

// startsSentence reports a capitalised word that opens a new sentence after
// an abbreviation (sentenceStarters).
func startsSentence(word string) bool {
	return sentenceStarters[word] || word != "" && word[0] >= 'A' && word[0] <= 'Z' && en.IsFunctionWord(word)
}

// clockFollowers are capitalised words other than weekdays and months (see
// isClockFollower) that continue a sentence after a.m. or p.m.: "at 9 p.m.
// GMT".
var clockFollowers = map[string]bool{
	"GMT": true, "UTC": true,
	"EST": true, "EDT": true, "CST": true, "CDT": true, "PST": true, "PDT": true,
	"CET": true, "CEST": true, "BST": true, "MSK": true, "IST": true, "ET": true,
	"PT": true, "Baku": true, "Moscow": true, "Eastern": true, "Pacific": true,
	"Central": true, "Mountain": true, "Greenwich": true,
}

// abbrevClassOf returns the class of w, without its period: a listed
// abbreviation, or a capitalised month abbreviation ("Sept"), which
// package en lists.
func abbrevClassOf(w string) abbrevClass {
	if cls := abbrevs[w]; cls != abNone {
		return cls
	}
	if w != "" && 'A' <= w[0] && w[0] <= 'Z' {
		if _, abbr, ok := en.Month(w); ok && abbr {
			return abMonth
		}
	}
	return abNone
}

// isClockFollower reports whether word continues a sentence after a.m.
// or p.m.: a listed zone or place, or a weekday or a month, by name or
// abbreviated with its period ("at 10 a.m. Monday", "at 9 p.m. Sept. 4").
func isClockFollower(word string) bool {
	if clockFollowers[word] || en.IsWeekdayName(word) || en.IsMonthName(word) {
		return true
	}
	if w, ok := strings.CutSuffix(word, "."); ok {
		return abbrevClassOf(w) == abMonth
	}
	return false
}

// IsAbbrev reports whether word, written with its final period (as a token
// of this package shows it: "Sept.", "U.S.", "J."), is an abbreviation
// rather than a word followed by a full stop. Later stages use it to strip
// or keep periods when they match names.
func IsAbbrev(word string) bool {
	n := len(word)
	if n < 2 || word[n-1] != '.' {
		return false
	}
	if abbrevClassOf(word[:n-1]) != abNone {
		return true
	}
	return isInitialism(word) || (n == 2 && word[0] >= 'A' && word[0] <= 'Z')
}

// isInitialism reports whether w has the shape of a dotted initialism:
// letter, period, letter, period, ... ("U.S.", "a.m.", "U.S.A.").
func isInitialism(w string) bool {
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if !isASCIILetter(w[i]) || w[i+1] != '.' {
			return false
		}
	}
	return true
}
