// Package petrarch reads actor, agent and discard dictionaries written in
// the TABARI/PETRARCH2/Phoenix formats, so that users who maintain large
// CAMEO dictionaries can load them into dateline unchanged
// (--petrarch-actors, --petrarch-agents).
//
// # Common lexical rules
//
// All three formats are line-oriented UTF-8. Everything from '#' to the end
// of a line is a comment. A line that starts with "<!" is skipped whole, and
// "<!-- ... -->" comments may span lines (the validation dictionaries wrap
// '#' comment blocks in them). A line containing ---STOP--- ends the file.
// Blank lines carry no meaning: an entry ends only where the next one
// starts.
//
// A phrase is written with '_' (words must be adjacent) or ' ' (PETRARCH
// lets other words intervene) between words. This package drops that
// distinction and normalizes every phrase to lower-case words separated by
// single spaces ("VICE-MAYOR_OF_ZENDA_" -> "vice-mayor of zenda");
// punctuation stays attached to its word, because the reader
// cannot know how the caller tokenizes. Use Normalize to bring a caller's
// phrase into the same form.
//
// # Actors
//
//	PRIMARY_NAME_ [CODE]            # optional default code on the name line
//	+SYNONYM_ONE_                   # synonyms, one per line
//	+SYNONYM_TWO
//		[CODE 920101-961231]        # indented code lines, any number
//		[CODE <20030320]            # on or before the date
//		[CODE >140608]              # on or after the date
//		[CODE]                      # a default (unrestricted) code
//
// A run of name lines with no code between them forms one entry, whether
// or not the later lines carry '+': the Phoenix files rely on this
// ("RUDOLF_RASSENDYLL_" then "KING_RUDOLF" then the code lines). A
// name line that follows a code line starts the next entry. Several
// bracketed codes may share a line, including the name line. Dates
// are YYMMDD (00-30 mean 2000-2030, 31-99 mean 1931-1999, as in TABARI) or
// YYYYMMDD; every bound is inclusive. "[---]" is the null code: the phrase is
// an actor that must not be coded (it keeps a shorter phrase inside it from
// matching). A code joined with '/' ("[AAA/BBB]") names a compound actor.
//
// # Agents
//
//	!FOLK! = MAN, MEN, WOMAN             # substitution set
//	GOATHERD [~AGR]                      # plural "goatherds" is generated
//	TEA_POLICE {} [~COP]                 # {} : no plural
//	OX_DRIVER {OXEN_DRIVERS} [~AGR]      # irregular plural
//	SKY!FOLK! [~MIL]                     # one noun per set member, no plurals
//	HAT_RELIEF_BODY [NGO~]               # code goes before the actor's code
//
// # Discards
//
// One phrase per line; a leading '+' discards the whole story rather than
// the sentence.
//
// Readers never stop at a bad entry: they skip it, record a ParseError with
// its line, and go on. Only I/O failures are returned as errors.
package petrarch
