package coder_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/source"
)

// These tests hold dateline to its promise about offsets (issue #16, bug
// 1): every span's start and end are byte offsets into the document text
// as the user gave it, so the span's own text is exactly those bytes of
// the input. They read generated inputs through the real readers, code
// them and check the records, whatever white space, line ends, Unicode
// form or header the input has.

// spanChecks counts the spans checked, by the record field they came
// from, so that a test can tell it checked something.
type spanChecks map[string]int

// checkRecordOffsets decodes rec and checks every span in it against
// text, the document text as given: each start and end lies in the text
// on rune boundaries, and each span that carries its text (text,
// raw_text, trigger_text) carries exactly text[start:end].
func checkRecordOffsets(t *testing.T, rec output.Record, text string, seen spanChecks) {
	t.Helper()
	if rec.Text != text {
		t.Fatalf("record text = %q, want the text as given %q", rec.Text, text)
	}
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	inText := func(path string, off int) {
		if off < 0 || off > len(text) || off < len(text) && !utf8.RuneStart(text[off]) {
			t.Errorf("%s: offset %d is not a rune boundary of the %d-byte text %q", path, off, len(text), text)
		}
	}
	span := func(path string, m map[string]any, startKey, endKey, textKey string) {
		s, ok1 := m[startKey].(float64)
		e, ok2 := m[endKey].(float64)
		if !ok1 || !ok2 {
			return
		}
		start, end := int(s), int(e)
		inText(path+"."+startKey, start)
		inText(path+"."+endKey, end)
		if start > end || start < 0 || end > len(text) {
			t.Errorf("%s: span [%d, %d) outside the %d-byte text", path, start, end, len(text))
			return
		}
		if got, ok := m[textKey].(string); ok {
			seen[path]++
			if got != text[start:end] {
				t.Errorf("%s: %s = %q but text[%d:%d] = %q\ntext: %q", path, textKey, got, start, end, text[start:end], text)
			}
		}
	}
	var walk func(path string, x any)
	walk = func(path string, x any) {
		switch x := x.(type) {
		case map[string]any:
			if path != "" {
				span(path, x, "start", "end", "text")
				span(path, x, "start", "end", "raw_text")
				span(path, x, "trigger_start", "trigger_end", "trigger_text")
				span(path, x, "sentence_start", "sentence_end", "text")
				if o, ok := x["offset"].(float64); ok && o >= 0 {
					inText(path+".offset", int(o))
				}
			}
			for k, y := range x {
				walk(path+"."+k, y)
			}
		case []any:
			for _, y := range x {
				walk(path+"[]", y)
			}
		}
	}
	walk("", v)
}

// readAndCode reads input in the given format through the real readers,
// codes each document and checks its record against want, the text the
// input gives.
func readAndCode(t *testing.T, w *coder.Worker, format string, input []byte, want string, seen spanChecks) {
	t.Helper()
	n := 0
	err := source.Read(context.Background(), []string{"-"}, source.Options{Format: format, Stdin: bytes.NewReader(input)}, func(it source.Item) error {
		if it.Err != nil {
			return fmt.Errorf("reader skipped the input: %w", it.Err)
		}
		n++
		if err := w.Code(context.Background(), it.Doc); err != nil {
			return err
		}
		checkRecordOffsets(t, output.FromDoc(it.Doc, output.Options{Annotate: true, Text: true}), want, seen)
		return nil
	})
	if err != nil {
		t.Fatalf("%s input %q: %v", format, input, err)
	}
	if n != 1 {
		t.Fatalf("%s input %q gave %d documents, want 1", format, input, n)
	}
}

// Names with accents, each written precomposed (NFC) or decomposed at
// random, so that spans must come out right in either form.
var accented = []string{"Bogotá", "São Paulo", "Zürich", "Türkiye", "Nicolás Maduro", "François Hollande", "Réunion", "Kraków", "Médecins Sans Frontières"}

var plain = []string{"Paris", "Armenia", "Azerbaijan", "Baku", "Hikmet Hajiyev", "the United Nations", "Yerevan", "Kenya", "Nairobi"}

var sentences = []string{
	"{P}, May 2 (Reuters) - {N} said on Tuesday that troops attacked positions near {P}.",
	"“We will not accept this,” {N} told reporters in {P}.",
	"\"We will not accept this,\" {N} said.",
	"Protesters gathered in {P} on Monday, police said.",
	"The foreign minister of {P}, {N}, met his counterpart in {P} last week.",
	"{N} accused {P} of shelling civilians — a charge it denied.",
	"Officials in {P} said the talks had failed\u00a0again.",
	"According to {N}, the ceasefire in {P} collapsed on 3 March 2024.",
	"Caf\u0065\u0301 owners in {P} went on strike.",
}

func pick(r *rand.Rand, xs []string) string { return xs[r.Intn(len(xs))] }

// name returns a name, accented or not, in NFC or with its accents
// written as combining marks.
func name(r *rand.Rand) string {
	if r.Intn(2) == 0 {
		return pick(r, plain)
	}
	s := pick(r, accented)
	if r.Intn(2) == 0 {
		var b strings.Builder
		for _, c := range s {
			switch c {
			case 'á':
				b.WriteString("a\u0301")
			case 'ã':
				b.WriteString("a\u0303")
			case 'ü':
				b.WriteString("u\u0308")
			case 'ç':
				b.WriteString("c\u0327")
			case 'é':
				b.WriteString("e\u0301")
			case 'è':
				b.WriteString("e\u0300")
			case 'ó':
				b.WriteString("o\u0301")
			default:
				b.WriteRune(c)
			}
		}
		s = b.String()
	}
	return s
}

// genBody returns a random document text: paragraphs of news sentences
// with LF, CRLF or mixed line ends, white space before and after, and
// now and then a stray combining mark.
func genBody(r *rand.Rand) string {
	nl := pick(r, []string{"\n", "\r\n"})
	var b strings.Builder
	b.WriteString(pick(r, []string{"", " ", "  ", "\n", "\r\n", "\t", " \r\n ", "\u0301 "}))
	for p := r.Intn(4) + 1; p > 0; p-- {
		for s := r.Intn(3) + 1; s > 0; s-- {
			t := pick(r, sentences)
			for strings.Contains(t, "{P}") {
				t = strings.Replace(t, "{P}", name(r), 1)
			}
			for strings.Contains(t, "{N}") {
				t = strings.Replace(t, "{N}", name(r), 1)
			}
			if r.Intn(8) == 0 {
				// A stray mark after a space or inside a word.
				i := r.Intn(len(t))
				for !utf8.RuneStart(t[i]) {
					i--
				}
				t = t[:i] + "\u0301" + t[i:]
			}
			b.WriteString(t)
			b.WriteString(" ")
		}
		b.WriteString(nl)
		if r.Intn(2) == 0 {
			b.WriteString(nl)
		}
	}
	b.WriteString(pick(r, []string{"", " ", "\n", "\r\n", "  \n\n"}))
	return b.String()
}

// Ways to put a date header before a plain-text body; the body starts
// right after each.
var headers = []string{"", "date 2024-05-02\n", "date: 2024-05-02\r\n", " date 2024-05-02 \n", "DATE: 2024-05-02\t\r\n"}

func TestOffsetsIndexTheInput_Property(t *testing.T) {
	w := newWorker(t)
	r := rand.New(rand.NewSource(16))
	seen := spanChecks{}
	n := 150
	if testing.Short() {
		n = 30
	}
	for i := 0; i < n; i++ {
		body := genBody(r)
		switch i % 3 {
		case 0, 1:
			h := pick(r, headers)
			if h == "" && strings.TrimSpace(body) == "" {
				continue
			}
			readAndCode(t, w, source.FormatText, []byte(h+body), body, seen)
		case 2:
			line, err := json.Marshal(map[string]string{"id": fmt.Sprint("g", i), "text": body})
			if err != nil {
				t.Fatal(err)
			}
			readAndCode(t, w, source.FormatJSONL, append(line, '\n'), body, seen)
		}
	}
	// The generated news must have given spans of every kind, or the test
	// checked nothing.
	for _, kind := range []string{".places[]", ".entities[]", ".quotes[]", ".quotes[].cue", ".times[]", ".tokens[]", ".events[].evidence", ".events[].actor[]"} {
		if seen[kind] == 0 {
			t.Errorf("no %s span was checked; seen %v", kind, seen)
		}
	}
}

// FuzzOffsetsIndexTheInput codes arbitrary text read as plain text (after
// a header or not) or as a JSON Lines field, and checks every span
// against the text as given.
func FuzzOffsetsIndexTheInput(f *testing.F) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 8; i++ {
		f.Add(genBody(r), uint8(i))
	}
	f.Add(" Officials in Paris said the talks failed.", uint8(0))
	f.Add("Sa\u0303o Paulo\r\n\r\n\u0301\"We won't,\" she said.", uint8(5))
	w, err := load(f).NewWorker()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string, how uint8) {
		if !utf8.ValidString(body) || len(body) > 2048 || strings.TrimSpace(body) == "" {
			return
		}
		seen := spanChecks{}
		if how%2 == 1 {
			line, err := json.Marshal(map[string]string{"text": body})
			if err != nil {
				t.Fatal(err)
			}
			readAndCode(t, w, source.FormatJSONL, append(line, '\n'), body, seen)
			return
		}
		h := headers[int(how/2)%len(headers)]
		// Where the text as given starts is defined by the header; a body
		// that would read as part of one (or as binary) is another test's
		// business.
		lead := strings.ToLower(strings.TrimLeft(body, " \t"))
		if h == "" && (strings.HasPrefix(lead, "date") || strings.HasPrefix(body, "\uFEFF")) {
			return
		}
		if strings.ContainsAny(body, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f") {
			return
		}
		readAndCode(t, w, source.FormatText, []byte(h+body), body, seen)
	})
}
