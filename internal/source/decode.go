package source

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dateline-project/dateline/internal/doc"
)

// DocID returns the identifier given to a document whose input had none:
// the first 16 hex digits of the SHA-256 of its text, trimmed of the white
// space around it and in NFC. It is stable across runs, so re-coding the
// same text gives the same id; trimming and normalising here, where
// earlier versions did it to the text itself, keeps the ids they gave.
func DocID(text string) string {
	text = strings.TrimSpace(text)
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// badRun is one run of invalid UTF-8 replaced by a single U+FFFD.
type badRun struct {
	textOff int   // offset of the U+FFFD in the cleaned text
	inOff   int64 // offset of the first invalid byte in the input
}

// maxBadWarnings bounds the warnings for invalid UTF-8 on one document: a
// Latin-1 file would otherwise get one per accented letter.
const maxBadWarnings = 8

// cleanBytes turns raw input into document text: UTF-8 with each run of
// invalid bytes replaced by one U+FFFD, and nothing else changed, since
// offsets index this text and must match the input wherever it was valid
// (the pipeline normalises for matching on its own, see pipeline.Apply).
// The common case (valid input) costs one scan and one copy.
func cleanBytes(b []byte, base int64) (string, []badRun) {
	if utf8.Valid(b) {
		return string(b), nil
	}
	var bad []badRun
	out := make([]byte, 0, len(b)+len(b)/16)
	i := 0
	for i < len(b) {
		j := i
		for j < len(b) {
			if b[j] < utf8.RuneSelf {
				j++
				continue
			}
			r, size := utf8.DecodeRune(b[j:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			j += size
		}
		out = append(out, b[i:j]...)
		if j >= len(b) {
			break
		}
		k := j
		for k < len(b) {
			r, size := utf8.DecodeRune(b[k:])
			if r != utf8.RuneError || size != 1 {
				break
			}
			k++
		}
		bad = append(bad, badRun{textOff: len(out), inOff: base + int64(j)})
		out = append(out, "\uFFFD"...)
		i = k
	}
	return string(out), bad
}

// cleanString repairs a field that may hold invalid UTF-8 (the CSV
// reader's output) the way cleanBytes does.
func cleanString(s string) string {
	if !utf8.ValidString(s) {
		t, _ := cleanBytes([]byte(s), 0)
		return t
	}
	return s
}

// warnBad records the replaced runs that fall within the document text,
// which starts at textStart in the cleaned input. what names the input
// position ("byte", "line 3 byte").
func warnBad(d *doc.Doc, bad []badRun, textStart int) {
	n := 0
	for _, b := range bad {
		off := b.textOff - textStart
		if off < 0 || off >= len(d.Text) {
			continue
		}
		n++
		if n <= maxBadWarnings {
			d.Warn("source", off, fmt.Sprintf("invalid UTF-8 at input byte %d replaced with U+FFFD", b.inOff))
		}
	}
	if n > maxBadWarnings {
		d.Warn("source", -1, fmt.Sprintf("%d more runs of invalid UTF-8 replaced with U+FFFD", n-maxBadWarnings))
	}
}
