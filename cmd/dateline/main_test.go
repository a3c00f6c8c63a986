package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs dateline in-process and returns stdout, stderr and the exit
// code.
func runCmd(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb})
	return out.String(), errb.String(), code
}

func records(t *testing.T, s string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("output line is not JSON: %v: %q", err, sc.Text())
		}
		recs = append(recs, m)
	}
	return recs
}

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCode_ExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.jsonl")
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(good, []byte(`{"id":"a","date":"2024-03-01","text":"LIMA, March 1 (AFP) - Peru's president met farmers."}`+"\n"), 0o644)
	os.WriteFile(bad, []byte(`{"id":"b","text":"First record."}`+"\n{not json\n"+`{"id":"c","text":"Third record."}`+"\n"), 0o644)
	long := filepath.Join(dir, "long.jsonl")
	os.WriteFile(long, []byte(`{"id":"s1","text":"A short record."}`+"\n"+`{"id":"l","text":"`+strings.Repeat("A long sentence about the talks. ", 20)+`"}`+"\n"+`{"id":"s2","text":"Another short record."}`+"\n"), 0o644)
	bomb := filepath.Join(dir, "bomb.jsonl.gz")
	os.WriteFile(bomb, gzipped(t, []byte(`{"id":"g","text":"Before the cut."}`+"\n"+strings.Repeat("\n", 8<<10))), 0o644)

	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantIDs  []string
		wantErr  string
	}{
		{name: "all good", args: []string{"code", good}, wantCode: exitOK, wantIDs: []string{"a"}},
		{name: "a bad line is skipped, the rest coded", args: []string{"code", good, bad}, wantCode: exitSkipped,
			wantIDs: []string{"a", "b", "c"}, wantErr: "bad.jsonl:2"},
		{name: "flags after inputs", args: []string{"code", good, "--workers", "1"}, wantCode: exitOK, wantIDs: []string{"a"}},
		{name: "unknown flag", args: []string{"code", "--nope"}, wantCode: exitUsage},
		{name: "unknown command", args: []string{"frobnicate"}, wantCode: exitUsage},
		{name: "missing file", args: []string{"code", filepath.Join(dir, "missing.txt")}, wantCode: exitSkipped, wantErr: "missing.txt"},
		{name: "document over --max-doc-bytes", args: []string{"code", "--max-doc-bytes", "200", long}, wantCode: exitSkipped,
			wantIDs: []string{"s1", "s2"}, wantErr: "long.jsonl:2"},
		{name: "decompressed over --max-decompressed-bytes", args: []string{"code", "--max-decompressed-bytes", "1024", bomb}, wantCode: exitSkipped,
			wantIDs: []string{"g"}, wantErr: "bomb.jsonl.gz"},
		{name: "unknown format", args: []string{"code", "--format", "pdf", good}, wantCode: exitUsage, wantErr: "pdf"},
		{name: "unknown field", args: []string{"code", "--field", "body=text", good}, wantCode: exitUsage, wantErr: "body"},
		// Issue #16 bug 4: these exited 1, as though records were skipped.
		{name: "unknown dateline field", args: []string{"code", "--field", "bogus=body", good}, wantCode: exitUsage, wantErr: "bogus"},
		{name: "field without =", args: []string{"code", "--field", "text", good}, wantCode: exitUsage, wantErr: "key=value"},
		{name: "ingest unknown format", args: []string{"ingest", "--db", filepath.Join(dir, "fmt.db"), "--format", "pdf", good}, wantCode: exitUsage, wantErr: "pdf"},
		{name: "ingest unknown field", args: []string{"ingest", "--db", filepath.Join(dir, "field.db"), "--field", "bogus=body", good}, wantCode: exitUsage, wantErr: "bogus"},
		{name: "zero --max-doc-bytes", args: []string{"code", "--max-doc-bytes", "0", good}, wantCode: exitUsage},
		{name: "unwritable output is fatal", args: []string{"code", "-o", filepath.Join(dir, "no", "such", "dir", "out.jsonl"), good}, wantCode: exitFatal,
			wantErr: "create output"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCmd(t, "", tt.args...)
			if code != tt.wantCode {
				t.Fatalf("exit = %d, want %d; stderr:\n%s", code, tt.wantCode, errOut)
			}
			var ids []string
			for _, r := range records(t, out) {
				ids = append(ids, r["doc_id"].(string))
			}
			if strings.Join(ids, ",") != strings.Join(tt.wantIDs, ",") {
				t.Errorf("doc ids = %v, want %v", ids, tt.wantIDs)
			}
			if tt.wantErr != "" && !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr does not name %q:\n%s", tt.wantErr, errOut)
			}
		})
	}
}

func TestCode_Stdin(t *testing.T) {
	out, errOut, code := runCmd(t, "date 2023-09-16\nBAKU, Azerbaijan, September 16. The minister spoke.\n", "code", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	recs := records(t, out)
	if len(recs) != 1 {
		t.Fatalf("got %d records", len(recs))
	}
	r := recs[0]
	if r["published"] != "2023-09-16" {
		t.Errorf("published = %v", r["published"])
	}
	dl, _ := r["dateline"].(map[string]any)
	if dl == nil || dl["place"] != "Baku" || dl["date"] != "2023-09-16" {
		t.Errorf("dateline = %v", r["dateline"])
	}
	for _, key := range []string{"doc_id", "source", "title", "agencies", "stats", "entities", "quotes", "places", "events", "warnings"} {
		if _, ok := r[key]; !ok {
			t.Errorf("record lacks %q", key)
		}
	}
}

// TestRun_Interrupted checks that a run stopped by a signal (a cancelled
// context) exits with the fatal status: its output is incomplete, which a
// script must not take for "some records skipped".
func TestRun_Interrupted(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.jsonl")
	os.WriteFile(p, []byte(`{"id":"a","text":"The minister met farmers."}`+"\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"code", p}, &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb})
	if code != exitFatal || !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("exit = %d, want %d with a message saying interrupted; stderr:\n%s", code, exitFatal, errb.String())
	}
}

// TestCode_WalkReportsWhatItSkips is issue #16's bug 3: a walk read
// neither "license-plate-fraud.txt" nor "notice-of-strike.txt" (names
// starting like LICENSE and NOTICE) and said skipped=0. Now both are
// coded, a README.md is read as plain text like them, an image is
// reported with its reason and counted (exit 1), and only hidden files
// are passed over without a word.
func TestCode_WalkReportsWhatItSkips(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"license-plate-fraud.txt": "Police in Lagos arrested five men over a licence plate fraud on Monday.",
		"notice-of-strike.txt":    "Dock workers in Durban served notice of a strike on Tuesday.",
		"README.md":               "Ministers met in Paris on Wednesday.",
		"photo.jpg":               "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01",
		".hidden.txt":             "Hidden notes.",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := runCmd(t, "", "code", "--text", dir)
	if code != exitSkipped {
		t.Errorf("exit = %d, want %d (a file was skipped); stderr:\n%s", code, exitSkipped, errOut)
	}
	var paths []string
	for _, r := range records(t, out) {
		src, _ := r["source"].(map[string]any)
		paths = append(paths, filepath.Base(src["path"].(string)))
	}
	if got, want := strings.Join(paths, " "), "README.md license-plate-fraud.txt notice-of-strike.txt"; got != want {
		t.Errorf("coded %s, want %s", got, want)
	}
	if !strings.Contains(errOut, "photo.jpg") || !strings.Contains(errOut, "image") {
		t.Errorf("stderr does not report photo.jpg as an image:\n%s", errOut)
	}
	if !strings.Contains(errOut, "skipped=1") {
		t.Errorf("stderr does not count one skipped file:\n%s", errOut)
	}
	if strings.Contains(errOut, "hidden") {
		t.Errorf("stderr mentions the hidden file:\n%s", errOut)
	}
}
