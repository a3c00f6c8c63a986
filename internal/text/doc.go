// Package text is dateline's text layer: it splits a document into
// paragraphs, sentences and tokens, tags every token with its Penn Treebank
// part of speech and finds base noun phrases and verb groups. Every later
// stage reads these layers, so the package is built to run once per
// document at well over 300,000 tokens per second per core.
//
// # Layers
//
// Paragraphs are separated by blank lines; a text with no blank line but
// several lines gets one paragraph per non-blank line, unless a line
// plainly stops mid-sentence (hard-wrapped text: no closing punctuation,
// and a comma, an article or a conjunction at its end or a lower-case
// letter at the next line's start), which goes on in the next. Sentences never
// cross paragraphs. Tokens never cross sentences, and every byte of the
// text that is not white space (or an invisible format character such as a
// zero-width space) belongs to exactly one token. All spans are byte
// offsets into Doc.Text.
//
// Tokenization follows the Penn Treebank where it matters for tagging and
// keeps news-specific units whole:
//
//   - quotation marks of every style (" “ ” ' ‘ ’ « » „ and backquotes) are
//     QuoteMark tokens whose Tag is the Penn opening-quote tag (two
//     backquotes, OpenQuoteTag) or closing-quote tag (two apostrophes,
//     CloseQuoteTag), so later stages can read quote direction from it;
//   - clitics are split off: Azerbaijan|'s, do|n't, ca|n't, they|'re (also
//     with ’); the possessive apostrophe of "the Smiths'" is a Punct token;
//   - hyphenated words (Nagorno-Karabakh, al-Assad, 30-year, U.S.-led),
//     numbers with separators (30,000; 3.5; 10:30; 2023-09-16), URLs,
//     e-mail addresses and domain names (Trend.az) are single tokens;
//   - abbreviations keep their period (U.S., Sept., Dr., J., a.m.); the
//     list is in abbrev.go, and IsAbbrev exposes it;
//   - dashes (— – and a free-standing -), ellipses and other punctuation
//     are separate tokens.
//
// # Tagging
//
// The tagger is the averaged perceptron that ships inside
// github.com/jdkato/prose/v2 (a port of TextBlob's tagger). Its weights
// are converted once, by `go generate ./internal/text`, from prose's gob
// files into a flat, sorted table (data/tagger), which LoadModel reads
// without building maps; a test fails when the table is stale. The text
// layer then parses each sentence (see internal/parse): every token gets a
// head and a Universal Dependencies relation. Inference is reimplemented here
// without building a string per feature: every context word is
// normalised and hashed once, a feature is a mix of its template number
// and its parts' hashes, and weights sit in flat arrays. The features,
// normalisation, tag-dictionary shortcut and START/END padding are prose's
// own, and a test checks the result against a transcription of prose's
// code and against prose's document API. The tagger sees each token in its
// Treebank spelling (curly quotes as Penn quote tokens, ’s as 's, — as --,
// € as $) while the token keeps its original offsets. Three of prose's special cases are left out
// because they produce non-Penn tags or misfire: "-" (tagged "-"), "0"
// (tagged -NONE-) and anything its URL pattern matches, which includes
// decimals such as 2.75 (tagged NN); here only real URLs and addresses are
// forced to NN. Sentences are tagged one at a time, each starting from
// prose's START context.
//
// # Chunks
//
// See chunkSentence for the grammar. A possessive 's belongs to no chunk:
// "Azerbaijan's territorial integrity" is NP[Azerbaijan] 's NP[territorial
// integrity].
//
// # Use
//
// Load the Model once and give each worker its own Annotator:
//
//	m, err := text.LoadModel()
//	...
//	a := text.NewAnnotator(m) // per worker
//	err = a.Process(d)        // fills d.Paragraphs, d.Sentences, d.Tokens, d.Chunks
package text
