package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffLen is how much of an input is examined to detect binary content and
// the format.
const sniffLen = 8 << 10

const bufSize = 64 << 10

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// countingReader counts the bytes read from the raw file, so that errors in
// a compressed stream can name the file offset where they were found.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// errDecompressedCap is returned by capReader past its budget; wrapErr
// turns it into ErrTooLarge with the limit.
var errDecompressedCap = errors.New("decompressed size limit reached")

// capReader passes through at most left bytes of a decompressed stream and
// then fails, if there is more. Without it a small file could expand
// without end: a megabyte of gzip holds a gigabyte of newlines.
type capReader struct {
	r    io.Reader
	left int64
	err  error
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	if c.left <= 0 {
		// At the limit: a stream that ends exactly here is fine.
		var one [1]byte
		if n, err := io.ReadFull(c.r, one[:]); n == 0 {
			return 0, err
		}
		c.err = errDecompressedCap
		return 0, c.err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// input is one opened input: the decoded byte stream plus what is needed to
// describe errors in it.
type input struct {
	br  *bufio.Reader
	raw *countingReader
	gz  *gzip.Reader
	// maxDecompressed is the decompressed size limit, for messages.
	maxDecompressed int64
	// base is the number of decoded bytes dropped before br (a byte order
	// mark), added to offsets so that they count from the start of the file.
	base int64
}

// openInput undoes gzip (detected by its magic number, whatever the file is
// called), UTF-16 with a byte order mark, and a UTF-8 byte order mark.
// Decompressed data is cut off after maxDecompressed bytes.
func openInput(r io.Reader, maxDecompressed int64) (*input, error) {
	in := &input{raw: &countingReader{r: r}, maxDecompressed: maxDecompressed}
	rb := bufio.NewReaderSize(in.raw, bufSize)
	in.br = rb
	if magic, _ := rb.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(rb)
		if err != nil {
			return nil, fmt.Errorf("%w: gzip: %s", ErrTruncated, gzipMessage(err))
		}
		in.gz = zr
		in.br = bufio.NewReaderSize(&capReader{r: zr, left: maxDecompressed}, bufSize)
	}
	if b, _ := in.br.Peek(2); len(b) == 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) {
		// UTF-16 text is common from Windows tools; decoding it here keeps
		// it from being rejected as binary for its NUL bytes.
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		in.br = bufio.NewReaderSize(transform.NewReader(in.br, dec), bufSize)
	}
	if b, _ := in.br.Peek(3); bytes.Equal(b, utf8BOM) {
		_, _ = in.br.Discard(3)
		in.base = 3
	}
	return in, nil
}

func (in *input) close() {
	if in.gz != nil {
		in.gz.Close()
	}
}

// errOffset is the raw-file offset to report with a read error. For a
// compressed stream this is how far the file had been read when decoding
// failed, which for a truncated file is its length.
func (in *input) errOffset() int64 { return in.raw.n }

// wrapErr classifies a read error from the decoded stream.
func (in *input) wrapErr(err error) error {
	if in.gz != nil {
		if errors.Is(err, errDecompressedCap) {
			return fmt.Errorf("%w: decompressed data exceeds the limit of %d bytes (at compressed byte %d); the rest of the file is skipped",
				ErrTooLarge, in.maxDecompressed, in.raw.n)
		}
		var ce flate.CorruptInputError
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) ||
			errors.Is(err, gzip.ErrHeader) || errors.As(err, &ce) {
			return fmt.Errorf("%w: gzip: %s after compressed byte %d", ErrTruncated, gzipMessage(err), in.raw.n)
		}
	}
	return fmt.Errorf("read: %w", err)
}

// gzipMessage describes a gzip error without the "gzip: " that the
// package's own errors start with, so that callers can add it once.
func gzipMessage(err error) string {
	return strings.TrimPrefix(err.Error(), "gzip: ")
}

// looksBinary reports whether head is not text: it holds a NUL byte or more
// than one control byte in ten. Invalid UTF-8 alone does not make a file
// binary; it is replaced and warned about instead.
func looksBinary(head []byte) bool {
	ctrl := 0
	for _, c := range head {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v', c == 0x7F:
			ctrl++
		}
	}
	return ctrl*10 > len(head)
}

// formatFromExt maps a file name to a format, looking through a .gz
// suffix. It returns "" when the extension does not decide (.xml may be a
// feed or XHTML) so that the content is sniffed instead.
func formatFromExt(path string) string {
	name := strings.ToLower(filepath.Base(path))
	name = strings.TrimSuffix(name, ".gz")
	switch filepath.Ext(name) {
	case ".txt", ".text", ".md":
		return FormatText
	case ".jsonl", ".ndjson", ".jsonlines", ".json":
		return FormatJSONL
	case ".csv":
		return FormatCSV
	case ".tsv", ".tab":
		return FormatTSV
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".rss", ".atom":
		return FormatRSS
	}
	return ""
}

// sniff guesses the format from the first bytes: a JSON object means JSON
// Lines, a feed root element means RSS/Atom, other markup means HTML, and
// anything else is plain text. CSV is never guessed: commas are too common
// in prose.
func sniff(head []byte) string {
	s := bytes.TrimLeft(head, " \t\r\n")
	if len(s) == 0 {
		return FormatText
	}
	switch s[0] {
	case '{':
		return FormatJSONL
	case '<':
	default:
		return FormatText
	}
	if len(s) > 2048 {
		s = s[:2048]
	}
	low := bytes.ToLower(s)
	best, kind := -1, FormatHTML
	for _, m := range []struct {
		tag, format string
	}{
		{"<rss", FormatRSS}, {"<feed", FormatRSS}, {"<rdf:rdf", FormatRSS},
		{"<html", FormatHTML}, {"<!doctype html", FormatHTML}, {"<head", FormatHTML}, {"<body", FormatHTML},
	} {
		if i := bytes.Index(low, []byte(m.tag)); i >= 0 && (best < 0 || i < best) {
			best, kind = i, m.format
		}
	}
	return kind
}
