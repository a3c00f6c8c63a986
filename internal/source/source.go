// Package source turns input paths into a stream of documents.
//
// Read walks files, directories (recursively, in name order, skipping hidden
// entries silently and reporting every other file it does not read: special
// files, and file types that are never text, such as images, archives and
// programs) and "-" for standard input,
// detects each file's format, decodes it and calls back once per document
// or per skipped record, in input order.
// Memory stays bounded: line-oriented formats (JSON Lines, CSV, TSV) are read
// one record at a time through a bufio.Reader, and a record longer than
// Options.MaxRecordBytes is discarded up to the next newline without being
// buffered. Whole-file formats (plain text, HTML, RSS/Atom) are read into
// memory only up to the same limit, and a compressed file only up to
// Options.MaxDecompressedBytes. A document whose text is over
// Options.MaxDocBytes is skipped, so that one giant "article" cannot hold
// up the coding that follows.
//
// Bad input never stops a run: an unreadable path, an empty or binary file,
// a malformed record or a truncated gzip stream becomes an Item carrying a
// *RecordError that names the file and the line (or byte), and reading goes
// on with the next record. Records before and after a bad one are kept.
//
// Text handling: UTF-16 is decoded, a byte order mark is stripped and
// invalid UTF-8 is replaced with U+FFFD, leaving a warning on the document
// that names the input byte offset. Nothing else is changed: not white
// space around the text, not CRLF line ends, not the Unicode form (the
// pipeline normalises to NFC for matching and maps offsets back). Doc.Text
// is the text as the user gave it: the file after its date header for
// plain text, the text field's value for JSON Lines, CSV and TSV, and the
// extracted article for HTML and feeds; offsets index it.
package source

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
)

// DefaultMaxRecordBytes is the record size limit used when
// Options.MaxRecordBytes is zero.
const DefaultMaxRecordBytes = 32 << 20

// DefaultMaxDecompressedBytes is the decompressed size limit used when
// Options.MaxDecompressedBytes is zero. A gibibyte is far more than any
// one news archive file holds uncompressed, and reading it takes seconds.
const DefaultMaxDecompressedBytes = 1 << 30

// DefaultMaxDocBytes is the document text budget used when
// Options.MaxDocBytes is zero. The longest real news articles (long-form
// features, full speech transcripts, rulings printed whole) run to about
// 60,000 words, some 400 KB of text; a mebibyte leaves room for two and a
// half of those. Coding time grows a little faster than the text (on one
// core about 2 s for 400 KB and 12 s for 1.6 MB), so a bigger "document",
// which is nearly always a concatenated dump rather than an article, would
// hold a worker for minutes.
const DefaultMaxDocBytes = 1 << 20

// StdinPath is the path reported for documents and errors read from "-".
const StdinPath = "<stdin>"

// Format names accepted in Options.Format and reported in doc.SourceRef.Format.
const (
	FormatText  = "txt"
	FormatJSONL = "jsonl"
	FormatCSV   = "csv"
	FormatTSV   = "tsv"
	FormatHTML  = "html"
	FormatRSS   = "rss"
)

// Formats lists the accepted format names, for flag help and validation.
var Formats = []string{FormatText, FormatJSONL, FormatCSV, FormatTSV, FormatHTML, FormatRSS}

// Errors wrapped by RecordError.Err, for errors.Is.
var (
	ErrEmpty       = errors.New("empty input")
	ErrBinary      = errors.New("binary content")
	ErrTooLarge    = errors.New("record larger than the size limit")
	ErrMalformed   = errors.New("malformed record")
	ErrNoText      = errors.New("no text")
	ErrNoArticle   = errors.New("no article found in HTML")
	ErrTruncated   = errors.New("truncated or corrupt compressed stream")
	ErrUnsupported = errors.New("unsupported input")
	// ErrNotRegular marks a named pipe, socket or device met in a
	// directory walk; it is also ErrUnsupported.
	ErrNotRegular = fmt.Errorf("%w: not a regular file", ErrUnsupported)
	// ErrNotText marks a file met in a directory walk whose type is never
	// text (an image, an archive, a program; see checkType); it is also
	// ErrUnsupported.
	ErrNotText = fmt.Errorf("%w: not a text file", ErrUnsupported)
)

// Options configure Read.
type Options struct {
	// Format forces one reader for every input: txt, jsonl, csv, tsv, html
	// or rss. Empty means detect per file, by extension, then by content.
	Format string
	// Fields maps a dateline field (id, date, title, text, url, source) to
	// the name of the input field that holds it, as given by
	// "--field text=body". Fields not mapped are looked up under their own
	// name and a few common aliases (body, content, headline, published,
	// link, ...); a mapped field is looked up under its mapped name only.
	Fields map[string]string
	// MaxRecordBytes bounds the size of one JSONL line, one CSV/TSV record
	// and one whole text, HTML or feed file (after decompression). Larger
	// ones are skipped with ErrTooLarge. Zero means DefaultMaxRecordBytes.
	MaxRecordBytes int64
	// MaxDocBytes bounds the text of one document, after extraction and
	// decoding. A longer one is skipped with ErrTooLarge, naming its file
	// and line, rather than stalling a coding worker. Zero means
	// DefaultMaxDocBytes. The HTTP server reads with the same option.
	MaxDocBytes int64
	// MaxDecompressedBytes bounds what one compressed file may expand to.
	// Reading stops there with ErrTooLarge, keeping the records before the
	// cut. Zero means DefaultMaxDecompressedBytes.
	MaxDecompressedBytes int64
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
}

// Item is one document or one skipped record; exactly one field is set.
type Item struct {
	Doc *doc.Doc
	// Err is a *RecordError.
	Err error
}

// RecordError reports an input that could not be turned into a document.
// Line is 1-based and zero when unknown; Offset is a byte offset into the
// file (into the compressed file for gzip errors) and zero when unknown.
type RecordError struct {
	Path   string
	Line   int
	Offset int64
	Err    error
}

func (e *RecordError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	case e.Offset > 0:
		return fmt.Sprintf("%s: byte %d: %v", e.Path, e.Offset, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// Read reads the inputs in order and calls emit once per document or
// skipped record. Directories are walked recursively in lexical order,
// skipping entries whose name starts with a dot without a word; every
// other file is read, or reported: named pipes, sockets and devices with
// ErrNotRegular, and files whose extension says they are never text
// (images, archives, programs...) with ErrNotText, neither opened. A path
// named in inputs is read whatever its type or name. "-" reads
// opts.Stdin.
//
// Read returns only fatal errors: invalid Options (before anything is
// read), the context's error when it is cancelled, or the first error emit
// returns, unchanged. Everything wrong with the input itself is reported
// through emit as an Item with Err set. Read calls emit from the calling
// goroutine, one item at a time.
func Read(ctx context.Context, inputs []string, opts Options, emit func(Item) error) error {
	if err := opts.Validate(); err != nil {
		return err
	}
	if opts.MaxRecordBytes <= 0 {
		opts.MaxRecordBytes = DefaultMaxRecordBytes
	}
	if opts.MaxDecompressedBytes <= 0 {
		opts.MaxDecompressedBytes = DefaultMaxDecompressedBytes
	}
	if opts.MaxDocBytes <= 0 {
		opts.MaxDocBytes = DefaultMaxDocBytes
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	fields, err := newFieldMap(opts.Fields)
	if err != nil {
		return err
	}
	r := &reader{ctx: ctx, opts: opts, emit: emit, fields: fields}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if in == "-" {
			err = r.readStream(StdinPath, io.NopCloser(opts.Stdin), "")
		} else {
			err = r.readPath(in)
		}
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Validate reports the errors in o that Read would return before reading
// anything: an unknown format or a bad field mapping. Commands call it to
// tell a usage error from a failed run.
func (o Options) Validate() error {
	if o.Format != "" && !validFormat(o.Format) {
		return fmt.Errorf("source: unknown format %q (want one of %s)", o.Format, strings.Join(Formats, ", "))
	}
	_, err := newFieldMap(o.Fields)
	return err
}

func validFormat(f string) bool {
	for _, g := range Formats {
		if f == g {
			return true
		}
	}
	return false
}

// reader carries the per-call state of Read. Its methods return only fatal
// errors; input problems go through fail.
type reader struct {
	ctx    context.Context
	opts   Options
	emit   func(Item) error
	fields fieldMap
}

// fail reports a skipped record.
func (r *reader) fail(path string, line int, off int64, err error) error {
	return r.emit(Item{Err: &RecordError{Path: path, Line: line, Offset: off, Err: err}})
}

// send emits a finished document after filling in what every format
// shares, or skips it when its text is over the document budget.
func (r *reader) send(d *doc.Doc) error {
	if n := int64(len(d.Text)); n > r.opts.MaxDocBytes {
		return r.fail(d.Source.Path, d.Source.Line, 0, fmt.Errorf("%w: document text is %d bytes, over the limit of %d; skipped", ErrTooLarge, n, r.opts.MaxDocBytes))
	}
	if d.ID == "" {
		d.ID = DocID(d.Text)
	}
	return r.emit(Item{Doc: d})
}

func (r *reader) readPath(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return r.fail(path, 0, 0, fmt.Errorf("stat: %w", err))
	}
	if !fi.IsDir() {
		return r.readFile(path)
	}
	return r.walkDir(path)
}

// walkEntry is one path found by a walk: a file to read, or a problem to
// report in its place.
type walkEntry struct {
	path string
	skip error
}

// walkDir reads every non-hidden regular file under root in lexical order.
// A subdirectory that cannot be listed, and anything that is not a regular
// file, is reported in its place and skipped.
//
// Only regular files are opened, judged before opening (a symbolic link by
// what it points to): opening a named pipe blocks until something writes
// to it, and a device such as /dev/zero never ends, so one stray special
// file would hang the whole run with the documents read before it still
// unwritten. A special file named on the command line is read: that is
// how process substitution (<(zcat x.gz)) reaches dateline, and naming it
// says it is meant.
func (r *reader) walkDir(root string) error {
	var entries []walkEntry
	// Collect first and then read, so that a long read does not hold a
	// directory handle open; the list is small compared with the documents.
	// Problems are queued with the files rather than reported at once, so
	// that they come out in input order.
	walkErr := filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
		if cerr := r.ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			entries = append(entries, walkEntry{p, fmt.Errorf("walk: %w", err)})
			if de != nil && de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(de.Name(), ".") {
			if de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if de.IsDir() {
			return nil
		}
		skip := checkWalked(p, de.Type())
		if skip == nil {
			skip = checkType(de.Name())
		}
		entries = append(entries, walkEntry{p, skip})
		return nil
	})
	if walkErr != nil {
		return walkErr
	}
	// filepath.WalkDir visits entries in lexical order, which is the order
	// Read promises.
	for _, e := range entries {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		var err error
		if e.skip != nil {
			err = r.fail(e.path, 0, 0, e.skip)
		} else {
			err = r.readFile(e.path)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// checkWalked returns why a file met in a walk must not be opened, or nil.
// typ is its type from the directory listing (an Lstat); a symbolic link
// is judged by its target, without opening it.
func checkWalked(path string, typ fs.FileMode) error {
	if typ&fs.ModeSymlink != 0 {
		fi, err := os.Stat(path)
		if err != nil {
			return fmt.Errorf("stat: %w", err)
		}
		if fi.IsDir() {
			// WalkDir does not follow links to directories, which keeps
			// link loops from hanging a run.
			return fmt.Errorf("%w: is a directory (symlinked directories are not followed)", ErrUnsupported)
		}
		typ = fi.Mode().Type()
	}
	if typ.IsRegular() {
		return nil
	}
	return fmt.Errorf("%w (%s); a directory walk reads only regular files, name it on the command line to read it", ErrNotRegular, fileKind(typ))
}

// fileKind names a non-regular file type for messages.
func fileKind(typ fs.FileMode) string {
	switch {
	case typ&fs.ModeNamedPipe != 0:
		return "named pipe"
	case typ&fs.ModeSocket != 0:
		return "socket"
	case typ&fs.ModeCharDevice != 0:
		return "character device"
	case typ&fs.ModeDevice != 0:
		return "block device"
	}
	return "irregular file"
}

func (r *reader) readFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return r.fail(path, 0, 0, fmt.Errorf("open: %w", err))
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return r.fail(path, 0, 0, fmt.Errorf("stat: %w", err))
	}
	if fi.IsDir() {
		// Replaced by a directory since it was listed.
		f.Close()
		return r.fail(path, 0, 0, fmt.Errorf("%w: is a directory", ErrUnsupported))
	}
	return r.readStream(path, f, formatFromExt(path))
}

// readStream decodes one input stream and dispatches it to its format
// reader. It closes rc.
func (r *reader) readStream(path string, rc io.ReadCloser, extFormat string) error {
	defer rc.Close()
	in, err := openInput(rc, r.opts.MaxDecompressedBytes)
	if err != nil {
		return r.fail(path, 0, 0, err)
	}
	defer in.close()

	head, perr := in.br.Peek(sniffLen)
	if perr != nil && perr != io.EOF && perr != bufio.ErrBufferFull {
		if len(head) == 0 {
			return r.fail(path, 0, in.errOffset(), in.wrapErr(perr))
		}
	}
	if len(head) == 0 {
		return r.fail(path, 0, 0, fmt.Errorf("%w: file is empty", ErrEmpty))
	}
	if looksBinary(head) {
		return r.fail(path, 0, 0, fmt.Errorf("%w: NUL or control bytes in the first %d bytes", ErrBinary, len(head)))
	}

	format := r.opts.Format
	if format == "" {
		format = extFormat
	}
	if format == "" {
		format = sniff(head)
	}
	switch format {
	case FormatJSONL:
		return r.readJSONL(path, in)
	case FormatCSV:
		return r.readCSV(path, in)
	case FormatTSV:
		return r.readTSV(path, in)
	case FormatHTML:
		return r.readHTML(path, in)
	case FormatRSS:
		return r.readFeed(path, in)
	default:
		return r.readText(path, in)
	}
}

// readAll reads a whole-file input up to the size limit. ok is false when
// the problem has been reported (or emit failed, in which case err is set).
func (r *reader) readAll(path string, in *input) (b []byte, ok bool, err error) {
	max := r.opts.MaxRecordBytes
	b, rerr := io.ReadAll(io.LimitReader(in.br, max+1))
	if rerr != nil {
		return nil, false, r.fail(path, 0, in.errOffset(), in.wrapErr(rerr))
	}
	if int64(len(b)) > max {
		return nil, false, r.fail(path, 0, 0, fmt.Errorf("%w: file exceeds %d bytes", ErrTooLarge, max))
	}
	return b, true, nil
}

// binaryTypes maps the extensions of file types that are never text to
// what they are. A directory walk reports such a file as skipped without
// opening it, with a reason a user can act on; content sniffing would
// skip most of them too, but as "binary content", and only after reading
// them. The list is in the README. ".gz" is not here: compressed files
// are read through.
var binaryTypes = func() map[string]string {
	m := map[string]string{}
	for kind, exts := range map[string]string{
		"an image":                  ".jpg .jpeg .png .gif .webp .bmp .tif .tiff .ico .heic .heif .avif .svg .psd .raw",
		"audio or video":            ".mp3 .m4a .aac .wav .flac .ogg .opus .mp4 .m4v .mov .avi .mkv .webm .wmv",
		"an archive":                ".zip .tar .tgz .bz2 .xz .zst .7z .rar .iso .dmg",
		"an office or PDF document": ".pdf .doc .docx .xls .xlsx .ppt .pptx .odt .ods .odp .epub .rtf",
		"a program or library":      ".exe .dll .so .dylib .bin .o .a .class .jar .wasm .pyc",
		"a database":                ".db .sqlite .sqlite3 .db-wal .db-shm .parquet",
		"a font":                    ".ttf .otf .woff .woff2",
	} {
		for _, ext := range strings.Fields(exts) {
			m[ext] = kind
		}
	}
	return m
}()

// checkType returns why a file met in a walk is skipped for its type, or
// nil. The extension is read through a ".gz" suffix, as formatFromExt
// does, so that "photo.jpg.gz" is still an image.
func checkType(name string) error {
	ext := filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz"))
	kind, ok := binaryTypes[ext]
	if !ok {
		return nil
	}
	return fmt.Errorf("%w (%s is %s); a directory walk does not open it, name it on the command line to read it anyway", ErrNotText, ext, kind)
}
