package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/dedup"
)

// wireStory is an invented agency report, long enough (about 190 words)
// for its shingles to tell a copy from a rewrite.
const wireStory = `MAPUTO, Oct 14 - Floodwater from two days of rain cut the main road between Maputo and the port of Beira on Monday, leaving hundreds of lorries stranded and villages along the Save river without fresh supplies, officials said.

The national roads agency said a bridge near the town of Inchope had partly collapsed and that repairs would take at least a week. "We are sending engineers and temporary spans, but the water has to go down first," agency director Helena Matsinhe told reporters in the capital.

Aid groups said about 4,000 families had left their homes since Saturday. The Red Cross opened three shelters in schools near Chimoio and asked for donations of blankets, water tablets and cooking fuel.

Farmers in the valley said the rain came weeks earlier than usual and washed away maize that had been left to dry in the fields. The weather service warned that more storms were expected later in the week and told residents of low-lying areas to move to higher ground. The government said it would meet donors on Thursday to discuss emergency funding.`

// syndicate copies a story the way an outlet republishing it might: its
// own headline on top, typographic quotes, and the last sentence cut to
// fit the page.
func syndicate(story, headline string) string {
	body := strings.TrimSpace(story)
	if last := strings.LastIndex(strings.TrimSuffix(body, "."), ". "); last > 0 {
		body = body[:last+1]
	}
	return retype(headline + "\n\n" + body + "\n")
}

// retype turns straight double quotes into typographic ones, opening and
// closing in turn.
func retype(text string) string {
	var b strings.Builder
	opening := true
	for _, r := range text {
		if r != '"' {
			b.WriteRune(r)
			continue
		}
		if opening {
			b.WriteString("“")
		} else {
			b.WriteString("”")
		}
		opening = !opening
	}
	return b.String()
}

// unrelatedStory shares the topic and much of the vocabulary of
// wireStory, but is another report.
const unrelatedStory = `BEIRA, Oct 15 - The port of Beira reopened its container terminal on Tuesday after floodwater drained from the access road, the port operator said, but lorries bound for Maputo still faced long detours because the Inchope bridge remained closed. Shipping agents said about forty vessels were waiting offshore and that the backlog would take ten days to clear. The operator said it had hired extra crane crews and would keep the terminal open through the night until the queue was gone.`

func TestCode_Dedup(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a-original.txt":  wireStory,
		"b-copy.txt":      syndicate(wireStory, "Mozambique floods strand lorries on Beira road"),
		"c-unrelated.txt": unrelatedStory,
		"d-short.txt":     "Floods cut the Beira road.",
		"e-short.txt":     "Floods cut the Beira road!",
	}
	if c := files["b-copy.txt"]; !strings.Contains(c, "“We") || strings.Contains(c, "donors") || c == wireStory {
		t.Fatalf("syndicate did not alter the story as the test needs: %q", c)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	type dup struct {
		of  string // the original's file, "" for a first report
		sim float64
	}
	tests := []struct {
		name string
		args []string
		want map[string]dup // by file name
	}{
		{"off by default", nil, map[string]dup{}},
		{"on", []string{"--dedup"}, map[string]dup{"b-copy.txt": {of: "a-original.txt", sim: 0.8}}},
		{"on, one worker", []string{"--dedup", "--workers", "1"}, map[string]dup{"b-copy.txt": {of: "a-original.txt", sim: 0.8}}},
		// Below ten words nothing is a duplicate, not even an exact
		// copy; with the bound lowered, short texts match too.
		{"short bodies counted", []string{"--dedup", "--dedup-min-words", "3"},
			map[string]dup{"b-copy.txt": {of: "a-original.txt", sim: 0.8}, "e-short.txt": {of: "d-short.txt", sim: 1}}},
		{"threshold above the copy", []string{"--dedup", "--dedup-threshold", "1"}, map[string]dup{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCmd(t, "", append([]string{"code", dir}, tt.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			recs := records(t, out)
			if len(recs) != len(files) {
				t.Fatalf("%d records, want %d", len(recs), len(files))
			}
			idOf := map[string]string{}
			for _, r := range recs {
				idOf[filepath.Base(r["source"].(map[string]any)["path"].(string))] = r["doc_id"].(string)
			}
			for _, r := range recs {
				file := filepath.Base(r["source"].(map[string]any)["path"].(string))
				of, hasOf := r["duplicate_of"]
				sim, hasSim := r["similarity"]
				if !hasOf || !hasSim {
					t.Errorf("%s: duplicate_of or similarity missing; both must be present, null when not a duplicate", file)
					continue
				}
				want, isDup := tt.want[file]
				if !isDup {
					if of != nil || sim != nil {
						t.Errorf("%s: duplicate_of %v similarity %v, want null", file, of, sim)
					}
					continue
				}
				if of != idOf[want.of] {
					t.Errorf("%s: duplicate_of %v, want %s's id %s", file, of, want.of, idOf[want.of])
				}
				if s, ok := sim.(float64); !ok || s < want.sim || s > 1 {
					t.Errorf("%s: similarity %v, want %v to 1", file, sim, want.sim)
				}
			}
		})
	}
}

func TestDedupFlags_Usage(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(in, []byte(wireStory), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "d.db")
	for _, tt := range []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"threshold above 1", []string{"code", "--dedup", "--dedup-threshold", "1.5", in}, "--dedup-threshold"},
		{"threshold 0", []string{"code", "--dedup", "--dedup-threshold", "0", in}, "--dedup-threshold"},
		{"threshold NaN", []string{"code", "--dedup", "--dedup-threshold", "NaN", in}, "--dedup-threshold"},
		{"min words 0", []string{"code", "--dedup", "--dedup-min-words", "0", in}, "--dedup-min-words"},
		{"threshold without --dedup", []string{"code", "--dedup-threshold", "0.9", in}, "without --dedup"},
		{"ingest threshold above 1", []string{"ingest", "--db", db, "--dedup-threshold", "2", in}, "--dedup-threshold"},
		{"ingest min words with --dedup=false", []string{"ingest", "--db", db, "--dedup=false", "--dedup-min-words", "5", in}, "without --dedup"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCmd(t, "", tt.args...)
			if code != exitUsage || !strings.Contains(errOut, tt.wantErr) || out != "" {
				t.Errorf("exit %d, stdout %d bytes, stderr %q; want exit %d naming %s and no output", code, len(out), errOut, exitUsage, tt.wantErr)
			}
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("ingest created %s despite a usage error", db)
	}
}

// writeJSONL writes documents given as id, text pairs, one per line.
func writeJSONL(t *testing.T, path string, docs ...[2]string) string {
	t.Helper()
	var b strings.Builder
	for _, d := range docs {
		line, err := json.Marshal(map[string]string{"id": d[0], "date": "2024-10-14", "text": d[1]})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// storedDups reads each stored document's duplicate columns as
// "duplicate_of similarity", "-" for a first report, and checks that the
// record's copy agrees and that the document has a signature.
func storedDups(t *testing.T, path string) map[string]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT doc_id, coalesce(duplicate_of, '-'), coalesce(similarity, 0),
		coalesce(json_extract(record, '$.duplicate_of'), '-'),
		(SELECT m.minhash IS NOT NULL FROM doc_minhash m WHERE m.doc = documents.id) FROM documents`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, of, recOf string
		var sim float64
		var signed bool
		if err := rows.Scan(&id, &of, &sim, &recOf, &signed); err != nil {
			t.Fatal(err)
		}
		if of != recOf {
			t.Errorf("%s: column duplicate_of %s, record's %s", id, of, recOf)
		}
		if !signed {
			t.Errorf("%s: stored without a signature", id)
		}
		out[id] = fmt.Sprintf("%s %.4f", of, sim)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func unsignedDocs(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM doc_minhash WHERE minhash IS NULL").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestIngest_Dedup ingests first reports and copies in two runs, the
// first without detection (as a database from before it was), and checks
// that the second run signs the stored documents and finds the copies,
// that a third changes nothing, and that all agree with one run over
// everything.
func TestIngest_Dedup(t *testing.T) {
	dir := t.TempDir()
	first := writeJSONL(t, filepath.Join(dir, "first.jsonl"), [2]string{"orig", wireStory}, [2]string{"other", unrelatedStory})
	second := writeJSONL(t, filepath.Join(dir, "second.jsonl"),
		[2]string{"copy1", syndicate(wireStory, "Floods cut Mozambique's main road")},
		// Nearer copy1 than orig, but a copy of orig all the same: the
		// earliest report wins.
		[2]string{"copy2", syndicate(wireStory, "Floods cut Mozambique's main road north")})
	staged, oneRun := filepath.Join(dir, "staged.db"), filepath.Join(dir, "one.db")

	ingest := func(db string, args ...string) (string, int) {
		t.Helper()
		_, errOut, code := runCmd(t, "", append([]string{"ingest", "--db", db, "--workers", "2"}, args...)...)
		if code != exitOK {
			t.Fatalf("ingest %v: exit %d: %s", args, code, errOut)
		}
		return errOut, code
	}
	errOut, _ := ingest(staged, "--dedup=false", first)
	if n := unsignedDocs(t, staged); n != 2 {
		t.Fatalf("%d unsigned documents after a run with --dedup=false, want 2", n)
	}
	if strings.Contains(errOut, "duplicates=") {
		t.Errorf("a run without detection reports duplicates: %s", errOut)
	}
	errOut, _ = ingest(staged, second)
	if !strings.Contains(errOut, "documents=2 signed=2") || !strings.Contains(errOut, "duplicates=2") {
		t.Errorf("second run should sign the 2 stored documents and find 2 duplicates: %s", errOut)
	}
	want := storedDups(t, staged)
	for id, of := range map[string]string{"orig": "-", "other": "-", "copy1": "orig", "copy2": "orig"} {
		got, _, _ := strings.Cut(want[id], " ")
		if got != of {
			t.Errorf("%s: duplicate_of %s, want %s", id, got, of)
		}
	}
	errOut, _ = ingest(staged, first, second)
	if n, u, _ := parseDone(t, errOut); n != 0 || u != 4 || !strings.Contains(errOut, "signed=0") {
		t.Errorf("third run: new %d unchanged %d, want 0 and 4 with nothing to sign: %s", n, u, errOut)
	}
	if got := storedDups(t, staged); !reflect.DeepEqual(got, want) {
		t.Errorf("after a third run:\n got %v\nwant %v", got, want)
	}
	ingest(oneRun, first, second)
	if got := storedDups(t, oneRun); !reflect.DeepEqual(got, want) {
		t.Errorf("one run over everything:\n got %v\nwant the staged runs' %v", got, want)
	}

	// Signatures of another format (as an older build wrote them) are
	// re-signed from the stored text, and the decisions stay.
	setOldSignatures(t, staged)
	errOut, _ = ingest(staged, first, second)
	if !strings.Contains(errOut, "documents=4 signed=4") {
		t.Errorf("a run over signatures of an older format should re-sign all 4: %s", errOut)
	}
	if got := storedDups(t, staged); !reflect.DeepEqual(got, want) {
		t.Errorf("after re-signing:\n got %v\nwant %v", got, want)
	}
	errOut, _ = ingest(staged, first, second)
	if !strings.Contains(errOut, "signed=0") {
		t.Errorf("the re-signed signatures were not written back: %s", errOut)
	}
}

// setOldSignatures overwrites every stored signature with one of format
// 1, the classic MinHash that format 2 replaced: same length, other
// meaning.
func setOldSignatures(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	old := make([]byte, dedup.MarshalSize)
	copy(old, "MH\x01")
	if _, err := db.Exec("UPDATE doc_minhash SET minhash = ?", old); err != nil {
		t.Fatal(err)
	}
}

// TestIngest_DedupSameID checks that new text under an id filed earlier
// in the run (which the store takes as an update of that document) is
// stored with its signature but not filed in the run's index, which
// cannot take the id's first text back: a later copy is not marked a
// duplicate of it in this run.
func TestIngest_DedupSameID(t *testing.T) {
	dir := t.TempDir()
	in := writeJSONL(t, filepath.Join(dir, "in.jsonl"),
		[2]string{"a", unrelatedStory},
		[2]string{"a", wireStory},
		[2]string{"z", syndicate(wireStory, "Floods cut Mozambique's main road")})
	db := filepath.Join(dir, "d.db")
	_, errOut, code := runCmd(t, "", "ingest", "--db", db, in)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got, want := storedDups(t, db), map[string]string{"a": "- 0.0000", "z": "- 0.0000"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestBench_DedupCost checks that bench reports what detection costs, and
// nothing about it with --dedup=false.
func TestBench_DedupCost(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want bool
	}{{nil, true}, {[]string{"--dedup=false"}, false}} {
		out, errOut, code := runCmd(t, "", append([]string{"bench", "-n", "20", "-words", "120", "--json", "--workers", "2"}, tt.args...)...)
		if code != exitOK {
			t.Fatalf("bench %v: exit %d: %s", tt.args, code, errOut)
		}
		var rep benchReport
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("bench %v: %v: %s", tt.args, err, out)
		}
		if got := rep.Dedup != nil; got != tt.want {
			t.Fatalf("bench %v: dedup reported %v, want %v", tt.args, got, tt.want)
		}
		if d := rep.Dedup; d != nil && (d.NsPerArticle <= 0 || d.ShareOfCoding <= 0 || d.ShareOfCoding >= 1) {
			t.Errorf("bench: dedup report %+v", *d)
		}
		if got := rep.Incidents != nil; got != tt.want {
			t.Fatalf("bench %v: incidents reported %v, want %v", tt.args, got, tt.want)
		}
		// The CPU clock may not tick over so short a pass, so its time
		// may be 0; the counts must add up.
		if d := rep.Incidents; d != nil && (d.Reports != rep.Events || d.Incidents <= 0 || d.Incidents > d.Reports || d.ShareOfCoding >= 1) {
			t.Errorf("bench: incidents report %+v with %d events", *d, rep.Events)
		}
	}
}

// TestCode_DedupIncidents checks that `code --dedup` gives every event an
// incident_id over the whole run: a copy's events join the original's
// incidents, and the ids are the same whatever order the files come in.
func TestCode_DedupIncidents(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a-original.txt":  "date 2024-10-14\n" + wireStory,
		"b-copy.txt":      "date 2024-10-15\n" + syndicate(wireStory, "Mozambique floods strand lorries on Beira road"),
		"c-unrelated.txt": "date 2024-10-15\n" + unrelatedStory,
	}
	var paths []string
	for _, name := range []string{"a-original.txt", "b-copy.txt", "c-unrelated.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	run := func(args ...string) (map[string]string, map[string]string) {
		t.Helper()
		out, errOut, code := runCmd(t, "", append([]string{"code", "--dedup"}, args...)...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		inc, doc := map[string]string{}, map[string]string{}
		for _, r := range records(t, out) {
			file := filepath.Base(r["source"].(map[string]any)["path"].(string))
			for _, e := range r["events"].([]any) {
				ev := e.(map[string]any)
				id, _ := ev["incident_id"].(string)
				if !strings.HasPrefix(id, "inc-") {
					t.Errorf("%s event %v has incident_id %v", file, ev["id"], ev["incident_id"])
				}
				inc[ev["id"].(string)] = id
				doc[ev["id"].(string)] = file
			}
		}
		return inc, doc
	}
	inc, doc := run(paths...)
	if len(inc) == 0 {
		t.Fatal("no events coded")
	}
	shared := 0
	byIncident := map[string]map[string]bool{}
	for ev, id := range inc {
		if byIncident[id] == nil {
			byIncident[id] = map[string]bool{}
		}
		byIncident[id][doc[ev]] = true
	}
	for _, docs := range byIncident {
		if docs["a-original.txt"] && docs["b-copy.txt"] {
			shared++
		}
	}
	if shared == 0 {
		t.Errorf("no incident holds both the original's and its copy's reports: %v", inc)
	}
	rev, _ := run(paths[2], paths[1], paths[0])
	if !reflect.DeepEqual(rev, inc) {
		t.Errorf("incidents depend on input order:\n%v\n%v", inc, rev)
	}
	// Without --dedup, no incidents.
	out, _, _ := runCmd(t, "", "code", paths[0])
	if strings.Contains(out, "incident_id") {
		t.Error("code without --dedup wrote incident ids")
	}
}
