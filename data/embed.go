// Package data embeds dateline's lexicons, dictionaries and gazetteer so that
// the binary needs no files at run time.
//
// Every data file is UTF-8 TSV with a header comment (lines starting with
// '#') that says what the file is, its columns, an example line and, where it
// matters, where its facts came from. The first non-comment line names the
// columns. Package lexicon reads and validates these files.
package data

import "embed"

// FS holds every data file, addressed by its path below data/, such as
// "actors/countries.tsv", but the gazetteer's places: their source
// gazetteer/places.tsv.gz is read only by go generate, and their index is
// GazetteerIndex.
//
//go:embed actors triggers cues gazetteer/*.tsv time meta parse tagger
var FS embed.FS

// GazetteerIndex is gazetteer/places.idx, the gazetteer laid out flat by
// go generate ./internal/geo/gazetteer. It is a string, not a file of FS,
// because the linker keeps an embedded string in read-only data that the
// loader can slice in place: reading it from FS would copy its 20-odd
// megabytes to the heap at every start-up.
//
//go:embed gazetteer/places.idx
var GazetteerIndex string
