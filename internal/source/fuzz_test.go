package source_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"github.com/dateline-project/dateline/internal/source"
)

// fuzzInputLimit is how long one fuzz input may take. Inputs are small
// (kilobytes), so anything near this is a quadratic path or a hang that a
// large real file would turn into hours. It is generous because fuzzing
// runs instrumented, with a worker per core.
const fuzzInputLimit = 5 * time.Second

// fuzzing reports whether this process runs inputs for "go test -fuzz".
// The testing package has no call for it; cmd/go sets this flag on the
// worker processes that run fuzz inputs, and only on them.
func fuzzing() bool {
	f := flag.Lookup("test.fuzzworker")
	return f != nil && f.Value.String() == "true"
}

// withinLimit runs check and fails t with its error. Under -fuzz, an input
// that runs longer than fuzzInputLimit fails too, so that the engine saves
// it; a plain "go test" run has no timer, since a loaded machine must not
// fail the seed corpus.
func withinLimit(t *testing.T, check func() error) {
	t.Helper()
	if !fuzzing() {
		if err := check(); err != nil {
			t.Fatal(err)
		}
		return
	}
	done := make(chan error, 1)
	go func() { done <- check() }()
	timer := time.NewTimer(fuzzInputLimit)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-timer.C:
		t.Fatalf("input took longer than %v", fuzzInputLimit)
	}
}

// fuzzRead reads in as the given format from standard input and checks the
// invariants every reader keeps whatever it is fed (see checkItems).
func fuzzRead(t *testing.T, format string, in []byte) {
	t.Helper()
	opts := source.Options{Format: format, Stdin: bytes.NewReader(in), MaxRecordBytes: 1 << 16, MaxDecompressedBytes: 1 << 20}
	withinLimit(t, func() error {
		_, err := readChecked(opts, "-")
		return err
	})
}

// readChecked reads inputs and checks the invariants every reader keeps
// whatever it is fed: no panic, exactly one of Doc and Err per item, errors
// are *RecordError with a path, document text is valid UTF-8 and not
// empty, and Read itself returns no error for bad input. It returns the
// items read. It runs off the test goroutine under withinLimit, so it
// reports through its error rather than t.
func readChecked(opts source.Options, inputs ...string) ([]source.Item, error) {
	var items []source.Item
	var bad error
	err := source.Read(context.Background(), inputs, opts, func(it source.Item) error {
		items = append(items, it)
		if (it.Doc == nil) == (it.Err == nil) {
			bad = fmt.Errorf("item has both or neither of Doc and Err: %+v", it)
			return bad
		}
		if it.Err != nil {
			var re *source.RecordError
			if !errors.As(it.Err, &re) {
				bad = fmt.Errorf("Err is %T, want *source.RecordError", it.Err)
				return bad
			}
			if re.Path == "" {
				bad = fmt.Errorf("error without a path: %v", re)
				return bad
			}
			return nil
		}
		d := it.Doc
		if d.Text == "" || !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || d.ID == "" {
			bad = fmt.Errorf("bad doc: id %q text %q title %q", d.ID, d.Text, d.Title)
			return bad
		}
		for _, w := range d.Warnings {
			if w.Offset < -1 || w.Offset > len(d.Text) {
				bad = fmt.Errorf("warning offset %d outside text of %d bytes", w.Offset, len(d.Text))
				return bad
			}
		}
		return nil
	})
	if bad != nil {
		return items, bad
	}
	if err != nil {
		return items, fmt.Errorf("Read returned %v for bad input; want errors reported as items", err)
	}
	return items, nil
}

func addSeeds(f *testing.F, files ...string) {
	for _, name := range files {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, "articles.jsonl", "bad.jsonl")
	f.Add([]byte("{\"text\":\"a\xffb\"}\n[{\"text\":\"x\"}]\n{\"text\":[\"p1\",\"p2\"]}"))
	f.Add([]byte(`{"text":"\ud800"}`))
	f.Add([]byte("[\n{\"text\": \"one\"},\n{\"text\": 2}\n]"))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzRead(t, source.FormatJSONL, in) })
}

func FuzzCSV(f *testing.F) {
	addSeeds(f, "articles.csv", "articles.tsv")
	f.Add([]byte("text,id\n\"a\"\"b\",1\n\"unterminated\n"))
	f.Add([]byte("text\n\"x\"y\n"))
	f.Add([]byte("id,text\n1,\"open\n2,good\n3,\"q\"z\n4,fine\n"))
	f.Add([]byte("id,text\n" + strings.Repeat("x\",\"y\n", 20) + "a\"b\"z\n"))
	f.Add([]byte("\n\n\r\n \ntext\n\n\"a\n\n\nb\"\n\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		fuzzRead(t, source.FormatCSV, in)
		fuzzRead(t, source.FormatTSV, in)
	})
}

func FuzzText(f *testing.F) {
	addSeeds(f, "wire.txt", "sameline.txt", "nodate.txt")
	f.Add([]byte(" date 2024-01-02"))
	f.Add([]byte("date: 9\xff\n\nx"))
	f.Add([]byte("\xef\xbb\xbfe\u0301\xc3"))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzRead(t, source.FormatText, in) })
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, "article.html", "nav-only.html")
	f.Add([]byte("<html><body><p>" + string(bytes.Repeat([]byte("word "), 40)) + "</p><time datetime=\"x\"></time></body></html>"))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzRead(t, source.FormatHTML, in) })
}

func FuzzFeed(f *testing.F) {
	addSeeds(f, "feed.rss", "feed.atom")
	f.Add([]byte(`<rss><channel><item><description><![CDATA[<p>a</p><p>b]]></description></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzRead(t, source.FormatRSS, in) })
}

// itemKey describes an item by what every decoding of the same text must
// agree on: documents by line and text, errors by line. Byte offsets and
// messages may differ, since they count raw (compressed) bytes.
func itemKey(it source.Item) string {
	if it.Doc != nil {
		return fmt.Sprintf("doc %d %q", it.Doc.Source.Line, it.Doc.Text)
	}
	var re *source.RecordError
	errors.As(it.Err, &re)
	return fmt.Sprintf("err %d", re.Line)
}

func itemKeys(items []source.Item) string {
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = itemKey(it)
	}
	return strings.Join(keys, "\n")
}

// fuzzFormats are the formats FuzzDecode and FuzzFields pick from by a
// fuzz byte; "" sniffs.
var fuzzFormats = []string{"", source.FormatText, source.FormatJSONL, source.FormatCSV, source.FormatTSV}

// FuzzDecode feeds the same bytes raw, gzipped, as UTF-16 with a byte
// order mark, gzipped UTF-16, and as a cut-off gzip stream. Beyond the
// invariants of every read, it checks that a complete gzip stream and
// (for valid UTF-8) UTF-16 read exactly like the raw bytes.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("date 2024-01-02\nSome text.\n"), uint8(0), uint8(1))
	f.Add([]byte(`{"text":"one"}`+"\n\n"+`{"text":"two"}`), uint8(1), uint8(2))
	f.Add([]byte("\xef\xbb\xbftext\n\"a\nb\"\n"), uint8(2), uint8(3))
	f.Add([]byte("\n\n\n\n\n\n\n\n"), uint8(3), uint8(2))
	f.Add([]byte("caf\xe9\r\n"), uint8(4), uint8(0))
	f.Add([]byte{0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff}, uint8(0), uint8(0))
	f.Add([]byte{0xff, 0xfe, 'a', 0, '\n', 0, 0xd8}, uint8(0), uint8(1))
	f.Fuzz(func(t *testing.T, in []byte, mode, formatPick uint8) {
		format := fuzzFormats[int(formatPick)%len(fuzzFormats)]
		const maxDecompressed = 1 << 20
		read := func(b []byte) ([]source.Item, error) {
			opts := source.Options{Format: format, Stdin: bytes.NewReader(b), MaxRecordBytes: 1 << 16, MaxDecompressedBytes: maxDecompressed}
			return readChecked(opts, "-")
		}
		var variant []byte
		same := false
		// Raw bytes that are gzip already are undone once, so gzipping
		// them again is not the same input; one layer is all a reader
		// undoes.
		gzipped := bytes.HasPrefix(in, []byte{0x1f, 0x8b})
		switch mode % 5 {
		case 0:
			variant, same = gzipBytes(t, in), len(in) <= maxDecompressed && !gzipped
		case 1:
			if !utf8.Valid(in) {
				return
			}
			variant, same = utf16Bytes(t, in), true
		case 2:
			if !utf8.Valid(in) {
				return
			}
			variant, same = gzipBytes(t, utf16Bytes(t, in)), 2*len(in)+2 <= maxDecompressed
		case 3:
			gz := gzipBytes(t, in)
			variant = gz[:len(gz)*int(mode)/256]
		case 4:
			// Two gzip members, which gzip readers join.
			half := len(in) / 2
			variant, same = append(gzipBytes(t, in[:half]), gzipBytes(t, in[half:])...), len(in) <= maxDecompressed && !gzipped
		}
		withinLimit(t, func() error {
			raw, err := read(in)
			if err != nil {
				return fmt.Errorf("raw: %w", err)
			}
			got, err := read(variant)
			if err != nil {
				return fmt.Errorf("mode %d: %w", mode%5, err)
			}
			if same {
				if a, b := itemKeys(raw), itemKeys(got); a != b {
					return fmt.Errorf("mode %d reads differently from the raw bytes:\nraw:\n%s\nvariant:\n%s", mode%5, a, b)
				}
			}
			return nil
		})
	})
}

// utf16Bytes encodes valid UTF-8 as UTF-16LE with a byte order mark.
func utf16Bytes(t testing.TB, b []byte) []byte {
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(b)
	if err != nil {
		t.Fatalf("encode UTF-16: %v", err)
	}
	return out
}

// FuzzFields maps a dateline field to an input field name, as
// "--field key=value" does. A mapping Read rejects must be rejected before
// anything is read, as Options.Validate says; an accepted one must read
// any input without breaking the invariants, and mapping text to a name
// must find the text under that name in JSON Lines.
func FuzzFields(f *testing.F) {
	f.Add("text", "body", []byte("id,body\n1,hello\n"), uint8(3))
	f.Add("TEXT", "Body", []byte(`{"Body":"hello"}`), uint8(2))
	f.Add("title", "", []byte("x"), uint8(0))
	f.Add("body", "text", []byte("x"), uint8(1))
	f.Add("date", "when", []byte("when\ttext\n2024-01-02\tx\n"), uint8(4))
	f.Fuzz(func(t *testing.T, key, value string, in []byte, formatPick uint8) {
		fields := map[string]string{key: value}
		format := fuzzFormats[int(formatPick)%len(fuzzFormats)]
		opts := source.Options{Format: format, Fields: fields, Stdin: bytes.NewReader(in), MaxRecordBytes: 1 << 16}
		verr := opts.Validate()
		withinLimit(t, func() error {
			if verr != nil {
				n := 0
				err := source.Read(context.Background(), []string{"-"}, opts, func(source.Item) error { n++; return nil })
				if err == nil || n > 0 {
					return fmt.Errorf("Validate says %v, but Read returned %v after %d items", verr, err, n)
				}
				return nil
			}
			if _, err := readChecked(opts, "-"); err != nil {
				return err
			}
			if !strings.EqualFold(key, "text") || !utf8.ValidString(value) {
				return nil
			}
			rec, err := json.Marshal(map[string]string{value: "Some text."})
			if err != nil {
				return nil
			}
			opts = source.Options{Format: source.FormatJSONL, Fields: fields, Stdin: bytes.NewReader(rec)}
			items, err := readChecked(opts, "-")
			if err != nil {
				return err
			}
			if len(items) != 1 || items[0].Doc == nil || items[0].Doc.Text != "Some text." {
				return fmt.Errorf("text mapped to %q: record %s gave %s", value, rec, itemKeys(items))
			}
			return nil
		})
	})
}

// FuzzWalk builds a directory tree from the fuzz input (files of every
// format, gzipped files, hidden files and directories, project documents,
// images and archives, symbolic links and named pipes) and walks it.
// Every visible file must give at least one item under its own path,
// nothing hidden or outside the tree may give any, items come in walk
// order, pipes are reported rather than opened (an open would block,
// which the time limit catches), and so are files of a type that is
// never text.
func FuzzWalk(f *testing.F) {
	f.Add([]byte("\x00\x03abc\x01\x10date 2024-01-02\nx\x02\x01d\x00\x00\x02\x01e\x01\x05hello\x03"))
	f.Add([]byte("\x05\x02ff\x00\x00\x04\x00\x00\x06\x00\x00\x01\x02hh\x00\x03"))
	f.Add([]byte("\x07\x01a\x01\x0a{\"text\":1}\x00\x01b\x02\x05text\n\x02\x03\x00\x00\x00\x01c\x03\x04a,b\n"))
	f.Fuzz(func(t *testing.T, spec []byte) {
		root := t.TempDir()
		want := buildTree(t, root, spec)
		withinLimit(t, func() error {
			items, err := readChecked(source.Options{MaxRecordBytes: 1 << 16, MaxDecompressedBytes: 1 << 20}, root)
			if err != nil {
				return err
			}
			seen := map[string]bool{}
			var last []string
			for _, it := range items {
				var p string
				var re *source.RecordError
				if it.Doc != nil {
					p = it.Doc.Source.Path
				} else if errors.As(it.Err, &re) {
					p = re.Path
				}
				kind, ok := want[p]
				if !ok {
					return fmt.Errorf("item for %s, which the walk should not read: %v", p, it.Err)
				}
				if kind == kindSpecial && (it.Doc != nil || !errors.Is(it.Err, source.ErrNotRegular)) {
					return fmt.Errorf("%s: want ErrNotRegular, got doc %v err %v", p, it.Doc != nil, it.Err)
				}
				if kind == kindNotText && (it.Doc != nil || !errors.Is(it.Err, source.ErrNotText)) {
					return fmt.Errorf("%s: want ErrNotText, got doc %v err %v", p, it.Doc != nil, it.Err)
				}
				seen[p] = true
				parts := strings.Split(p, string(filepath.Separator))
				if slicesCompare(parts, last) < 0 {
					return fmt.Errorf("%s comes after %s: not in walk order", p, strings.Join(last, string(filepath.Separator)))
				}
				last = parts
			}
			for p := range want {
				if !seen[p] {
					return fmt.Errorf("%s gave no item: dropped silently", p)
				}
			}
			return nil
		})
	})
}

func slicesCompare(a, b []string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if c := strings.Compare(a[i], b[i]); c != 0 {
			return c
		}
	}
	return len(a) - len(b)
}

// Kinds of path buildTree expects an item for.
const (
	kindRead    = iota // read: a document or an error
	kindSpecial        // reported with ErrNotRegular
	kindNotText        // reported with ErrNotText, unopened
)

// buildTree makes files under root from spec and returns the paths a walk
// must report, with what it must report for each. spec is a sequence of
// entries: an op byte, then for ops that make a file a name length, name
// bytes (mapped to hex digits, which cannot spell the fixed names op 6
// makes), a content length and the content. Names that exist already are
// skipped.
func buildTree(t *testing.T, root string, spec []byte) map[string]int {
	t.Helper()
	want := map[string]int{}
	exts := []string{".txt", ".jsonl", ".csv", ".tsv", ".html", ".rss", "", ".xml"}
	dir, hidden := root, false
	type level struct {
		dir    string
		hidden bool
	}
	var stack []level
	var made []string // paths made so far, for links to point at
	next := func() (byte, bool) {
		if len(spec) == 0 {
			return 0, false
		}
		b := spec[0]
		spec = spec[1:]
		return b, true
	}
	name := func(prefix string) string {
		n, _ := next()
		var sb strings.Builder
		sb.WriteString(prefix)
		for i := 0; i < int(n%8)+1; i++ {
			c, _ := next()
			sb.WriteByte("0123456789abcdef"[c%16])
		}
		return sb.String()
	}
	content := func() []byte {
		n, _ := next()
		n %= 64
		if int(n) > len(spec) {
			n = byte(len(spec))
		}
		c := spec[:n]
		spec = spec[n:]
		return c
	}
	for steps := 0; steps < 64; steps++ {
		op, ok := next()
		if !ok {
			break
		}
		var p string
		var err error
		kind, expect := kindRead, !hidden
		switch op % 8 {
		case 0, 1, 7: // a file, hidden when op is 1, gzipped when 7
			prefix := ""
			if op%8 == 1 {
				prefix, expect = ".", false
			}
			ext, _ := next()
			p = filepath.Join(dir, name(prefix)+exts[int(ext)%len(exts)])
			body := content()
			if op%8 == 7 {
				p += ".gz"
				body = gzipBytes(t, body)
			}
			if _, serr := os.Lstat(p); serr == nil {
				continue
			}
			err = os.WriteFile(p, body, 0o644)
		case 2: // enter a new directory, hidden when the next byte is odd
			h, _ := next()
			prefix := ""
			if h%2 == 1 {
				prefix = "."
			}
			d := filepath.Join(dir, name(prefix))
			if err := os.Mkdir(d, 0o755); err != nil {
				continue
			}
			stack = append(stack, level{dir, hidden})
			dir, hidden = d, hidden || prefix != ""
			made = append(made, d)
			continue
		case 3: // leave the directory
			if len(stack) > 0 {
				dir, hidden = stack[len(stack)-1].dir, stack[len(stack)-1].hidden
				stack = stack[:len(stack)-1]
			}
			continue
		case 4: // a symbolic link to something made earlier
			i, _ := next()
			if len(made) == 0 {
				continue
			}
			target := made[int(i)%len(made)]
			p = filepath.Join(dir, name(""))
			if _, serr := os.Lstat(p); serr == nil {
				continue
			}
			if err := os.Symlink(target, p); err != nil {
				continue // no symlinks here
			}
			if fi, serr := os.Stat(p); serr == nil && !fi.IsDir() && !fi.Mode().IsRegular() {
				kind = kindSpecial
			}
		case 5: // a named pipe
			p = filepath.Join(dir, name(""))
			if _, serr := os.Lstat(p); serr == nil {
				continue
			}
			if err := mkfifo(p); err != nil {
				continue // no named pipes here
			}
			kind = kindSpecial
		case 6: // a project document, read like any file (issue #16), or a
			// file whose type is never text, reported with its reason
			names := []string{"README.md", "LICENSE", "notes.md", "CHANGELOG.txt", "photo.jpg", "archive.tar.gz"}
			p = filepath.Join(dir, names[int(op/8)%len(names)])
			if _, serr := os.Lstat(p); serr == nil {
				continue
			}
			err = os.WriteFile(p, content(), 0o644)
			if strings.HasSuffix(p, ".jpg") || strings.HasSuffix(p, ".tar.gz") {
				kind = kindNotText
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, p)
		if expect {
			want[p] = kind
		}
	}
	return want
}
