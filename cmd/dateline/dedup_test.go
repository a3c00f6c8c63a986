package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	last := strings.LastIndex(strings.TrimSuffix(body, "."), ". ")
	body = body[:last+1]
	body = strings.Replace(body, `"We`, "“We", 1)
	body = strings.Replace(body, `first,"`, "first,”", 1)
	return headline + "\n\n" + body + "\n"
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
