package coder_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/testref"
)

// Offsets index the text as the user gave it, which is neither trimmed nor
// normalised (see internal/source). These tests hold the coder to what
// that promise needs: white space before the text and text in decomposed
// form (NFD, as macOS file names and some CMS exports are) get the same
// coding as the trimmed NFC text, with every offset moved to where the
// same words stand.

// invarianceTexts returns the demo corpus and, when ../shared is there,
// the places passages, many of which have accented names.
func invarianceTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	root := testref.RepoRoot(t)
	for _, d := range codeFiles(t, exampleDirs(t, root)...) {
		texts[d.ID] = strings.TrimSpace(norm.NFC.String(d.Text))
	}
	if p := filepath.Join(root, "..", "shared", "eval", "places-news-dev.jsonl"); fileExists(p) {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var rec struct{ ID, Text string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatal(err)
			}
			texts[rec.ID] = strings.TrimSpace(norm.NFC.String(rec.Text))
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return texts
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// decompose rewrites each precomposed character of s in its canonical
// decomposition and returns the new text with a map from every byte
// offset of s (and len(s)) to the matching offset of the new text.
func decompose(s string) (string, []int) {
	var b strings.Builder
	m := make([]int, len(s)+1)
	for i, r := range s {
		m[i] = b.Len()
		d := norm.NFD.String(string(r))
		for k := 1; k < len(string(r)); k++ {
			m[i+k] = b.Len() + k // never a rune start; kept monotone
		}
		b.WriteString(d)
	}
	m[len(s)] = b.Len()
	return b.String(), m
}

// codeRecord codes text and returns its record as generic JSON.
func codeRecord(t *testing.T, w *coder.Worker, id, text string) map[string]any {
	t.Helper()
	d := &doc.Doc{ID: id, Text: text}
	if err := w.Code(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(output.FromDoc(d, output.Options{Annotate: true}))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

var offsetKeys = map[string]bool{"start": true, "end": true, "offset": true, "sentence_start": true,
	"sentence_end": true, "trigger_start": true, "trigger_end": true}

// remap applies f to every offset in a record and NFC-normalises every
// string with CRLF line ends made LF, so that records of equivalent texts
// compare equal.
func remap(v any, f func(int) int) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if n, ok := x.(float64); ok && offsetKeys[k] && n >= 0 {
				v[k] = float64(f(int(n)))
				continue
			}
			v[k] = remap(x, f)
		}
		return v
	case []any:
		for i := range v {
			v[i] = remap(v[i], f)
		}
		return v
	case string:
		return strings.ReplaceAll(norm.NFC.String(v), "\r\n", "\n")
	}
	return v
}

// diffRecords lists the top-level fields that differ.
func diffRecords(a, b map[string]any) []string {
	var out []string
	for k := range a {
		if !reflect.DeepEqual(a[k], b[k]) {
			ja, _ := json.Marshal(a[k])
			jb, _ := json.Marshal(b[k])
			out = append(out, fmt.Sprintf("%s:\n  want %.600s\n   got %.600s", k, firstDiff(string(ja), string(jb)), firstDiff(string(jb), string(ja))))
		}
	}
	sort.Strings(out)
	return out
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	if i > 200 {
		return "..." + a[i-200:]
	}
	return a
}

// sortedIDs returns the ids of texts in order, every step-th of them.
func sortedIDs(texts map[string]string, step int) []string {
	ids := make([]string, 0, len(texts))
	for id := range texts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []string
	for i := 0; i < len(ids); i += step {
		out = append(out, ids[i])
	}
	return out
}

func TestCode_LeadingSpaceShiftsOffsetsOnly(t *testing.T) {
	texts := invarianceTexts(t)
	// Every third text keeps the test quick under -race; the others
	// are like them.
	ids := sortedIDs(texts, 3)
	w := newWorker(t)
	bad := 0
	for _, id := range ids {
		text := texts[id]
		const pad = " \r\n\t \n"
		want := codeRecord(t, w, id, text)
		got := remap(codeRecord(t, w, id, pad+text), func(o int) int { return o - len(pad) }).(map[string]any)
		want = remap(want, func(o int) int { return o }).(map[string]any)
		if d := diffRecords(want, got); len(d) > 0 {
			bad++
			t.Errorf("%s: leading white space changes the coding:\n%s", id, strings.Join(d, "\n"))
		}
	}
	t.Logf("%d of %d texts differ", bad, len(ids))
}

func TestCode_DecomposedTextCodesAlike(t *testing.T) {
	texts := invarianceTexts(t)
	ids := sortedIDs(texts, 1)
	w := newWorker(t)
	bad, tried := 0, 0
	for _, id := range ids {
		text := texts[id]
		nfd, m := decompose(text)
		if nfd == text {
			continue
		}
		tried++
		inv := map[int]int{}
		for i, o := range m {
			if _, ok := inv[o]; !ok {
				inv[o] = i
			}
		}
		want := remap(codeRecord(t, w, id, text), func(o int) int { return o }).(map[string]any)
		got := remap(codeRecord(t, w, id, nfd), func(o int) int {
			if i, ok := inv[o]; ok {
				return i
			}
			return -1000000 - o
		}).(map[string]any)
		if d := diffRecords(want, got); len(d) > 0 {
			bad++
			t.Errorf("%s: decomposed text codes differently:\n%s", id, strings.Join(d, "\n"))
		}
	}
	t.Logf("%d of %d texts differ", bad, tried)
}

// TestCode_CRLFCodesAlike: Windows line ends are kept in the text (offsets
// count their bytes) and code as LF ones do.
func TestCode_CRLFCodesAlike(t *testing.T) {
	texts := invarianceTexts(t)
	ids := sortedIDs(texts, 3)
	w := newWorker(t)
	bad, tried := 0, 0
	for _, id := range ids {
		text := texts[id]
		if !strings.Contains(text, "\n") {
			continue
		}
		tried++
		crlf := strings.ReplaceAll(text, "\n", "\r\n")
		// m maps each offset of crlf to text; a CR maps to its LF.
		m := make([]int, 0, len(crlf)+1)
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' {
				m = append(m, i)
			}
			m = append(m, i)
		}
		m = append(m, len(text))
		want := remap(codeRecord(t, w, id, text), func(o int) int { return o }).(map[string]any)
		got := remap(codeRecord(t, w, id, crlf), func(o int) int { return m[o] }).(map[string]any)
		if d := diffRecords(want, got); len(d) > 0 {
			bad++
			t.Errorf("%s: CRLF text codes differently:\n%s", id, strings.Join(d, "\n"))
		}
	}
	t.Logf("%d of %d texts differ", bad, tried)
}
