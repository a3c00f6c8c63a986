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
// "actors/countries.tsv".
//
//go:embed actors triggers cues gazetteer time meta parse tagger
var FS embed.FS
