package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store/sqlite"
)

// storedRecord reads one stored record, resolving aliases.
func storedRecord(t *testing.T, dbPath, id string) (output.Record, string) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), dbPath, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d, err := db.Document(context.Background(), id)
	if err != nil {
		t.Fatalf("document %s: %v", id, err)
	}
	return d.Record, d.Text
}

// hasEntity reports an entity coded as the user dictionary codes the
// league: Peruvian labour.
func hasEntity(r output.Record, name string) bool {
	for _, e := range r.Entities {
		if e.EntityName == name && e.CountryCode == "PER" && e.SectorCode == "LAB" {
			return true
		}
	}
	return false
}

// TestIngest_UpdateRecodeAlias: issue #16 bug 7. New text under a stored
// id replaces the document; `ingest --recode` with a new dictionary
// recodes the stored documents from their own text; the same text under a
// new id resolves to the stored document; and every stored record carries
// the provenance `dateline version` prints for the same flags.
func TestIngest_UpdateRecodeAlias(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "d.db")
	const first = "LIMA, Oct. 14 - Members of the Orsolan Weavers League marched to the ministry on Monday, organisers said."
	in := writeJSONL(t, filepath.Join(dir, "a.jsonl"),
		[2]string{"w1", first},
		[2]string{"w2", "QUITO, Oct. 14 - The Orsolan Weavers League met the labour minister on Monday."})
	if _, errOut, code := runCmd(t, "", "ingest", "--db", dbPath, in); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}
	rec, _ := storedRecord(t, dbPath, "w1")
	if rec.Provenance == nil || hasEntity(rec, "Orsolan Weavers League") {
		t.Fatalf("first coding: provenance %v, entities %+v", rec.Provenance, rec.Entities)
	}
	out, _, code := runCmd(t, "", "version", "--json")
	var v output.Provenance
	if err := json.Unmarshal([]byte(out), &v); code != exitOK || err != nil || v != *rec.Provenance {
		t.Errorf("version prints %s (%v), the record has %+v", out, err, *rec.Provenance)
	}

	// An update of w1's text replaces it.
	upd := writeJSONL(t, filepath.Join(dir, "b.jsonl"), [2]string{"w1", first + " Police later dispersed them."})
	_, errOut, code := runCmd(t, "", "ingest", "--db", dbPath, upd)
	if code != exitOK || !strings.Contains(errOut, "new=0 replaced=1") {
		t.Errorf("update: exit %d: %s", code, errOut)
	}
	if _, text := storedRecord(t, dbPath, "w1"); !strings.HasSuffix(text, "dispersed them.") {
		t.Errorf("w1 text after the update: %q", text)
	}

	// A dictionary that knows the league, and --recode alone: both
	// stored documents are recoded from their stored text.
	dict := filepath.Join(dir, "orgs.tsv")
	if err := os.WriteFile(dict, []byte("name\taliases\tcountry_code\tsector_code\nOrsolan Weavers League\t\tPER\tLAB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = runCmd(t, "", "ingest", "--db", dbPath, "--recode", "--dict", dict)
	if code != exitOK || !strings.Contains(errOut, "new=0 replaced=2") {
		t.Errorf("recode: exit %d: %s", code, errOut)
	}
	rec, text := storedRecord(t, dbPath, "w1")
	if !hasEntity(rec, "Orsolan Weavers League") || !strings.HasSuffix(text, "dispersed them.") {
		t.Errorf("recoded w1: entities %+v, text %q", rec.Entities, text)
	}
	if rec.Provenance == nil || !strings.Contains(rec.Provenance.Options, "--dict=orgs.tsv") {
		t.Errorf("recoded provenance %+v", rec.Provenance)
	}
	// Recoding again with the same flags finds nothing to do; without
	// --recode, the inputs are unchanged whatever the provenance.
	_, errOut, _ = runCmd(t, "", "ingest", "--db", dbPath, "--recode", "--dict", dict)
	if !strings.Contains(errOut, "new=0 replaced=0 aliased=0 unchanged=0") {
		t.Errorf("second recode: %s", errOut)
	}
	_, errOut, _ = runCmd(t, "", "ingest", "--db", dbPath, in)
	if !strings.Contains(errOut, "replaced=1 aliased=0 unchanged=1") {
		t.Errorf("re-ingest of the first inputs (w1's old text is an update): %s", errOut)
	}

	// The same text under a new id is an alias that resolves.
	copyIn := writeJSONL(t, filepath.Join(dir, "c.jsonl"), [2]string{"copy-of-w2", "QUITO, Oct. 14 - The Orsolan Weavers League met the labour minister on Monday."})
	_, errOut, code = runCmd(t, "", "ingest", "--db", dbPath, copyIn)
	if code != exitOK || !strings.Contains(errOut, "aliased=1") {
		t.Errorf("alias: exit %d: %s", code, errOut)
	}
	if rec, _ := storedRecord(t, dbPath, "copy-of-w2"); rec.DocID != "w2" {
		t.Errorf("copy-of-w2 resolves to %q, want w2", rec.DocID)
	}
}

// TestIngest_ProgressTotal: with the inputs counted first, ingest's
// progress lines (stderr not a terminal) carry the total and the time
// left; from stdin, which cannot be read twice, they carry neither.
func TestIngest_ProgressTotal(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	writeCorpus(t, corpus, 12, 40)
	_, errOut, code := runCmd(t, "", "ingest", "--db", filepath.Join(dir, "a.db"), "--batch", "1", "--log-every", "1ns", corpus)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// The inputs are counted before coding starts: every line has the
	// total, and the last the time left.
	var last string
	for _, l := range strings.Split(errOut, "\n") {
		if strings.Contains(l, "msg=progress") {
			last = l
			if !strings.Contains(l, "total=12") {
				t.Errorf("progress line without the total: %q", l)
			}
		}
	}
	if !strings.Contains(last, "done=12") || !strings.Contains(last, "total=12") || !strings.Contains(last, "eta=0s") {
		t.Errorf("last progress line %q, want done=12 total=12 eta=0s", last)
	}
	data, err := os.ReadFile(corpus)
	if err != nil {
		t.Fatal(err)
	}
	_, errOut, _ = runCmd(t, string(data), "ingest", "--db", filepath.Join(dir, "b.db"), "--batch", "1", "--log-every", "1ns", "-")
	if strings.Contains(errOut, "total=") || !strings.Contains(errOut, "msg=progress") {
		t.Errorf("stdin run: %s", errOut)
	}
}

// TestVersion: `dateline --version` and `dateline version` print the
// same, and a user dictionary changes the resources hash and the options.
func TestVersion(t *testing.T) {
	a, _, code := runCmd(t, "", "version")
	b, _, code2 := runCmd(t, "", "--version")
	if code != exitOK || code2 != exitOK || a != b || !strings.Contains(a, "resources: sha256:") {
		t.Fatalf("version %q (%d), --version %q (%d)", a, code, b, code2)
	}
	dict := filepath.Join(t.TempDir(), "mine.tsv")
	if err := os.WriteFile(dict, []byte("name\taliases\tcountry_code\tsector_code\nHarbour Board\t\tCHL\tGOV\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _, _ := runCmd(t, "", "version", "--dict", dict)
	line := func(s, key string) string {
		for _, l := range strings.Split(s, "\n") {
			if strings.HasPrefix(l, key) {
				return l
			}
		}
		return ""
	}
	if line(a, "resources:") == line(c, "resources:") || line(c, "options:") != "options: --dict=mine.tsv" {
		t.Errorf("with --dict: %q", c)
	}
	if _, errOut, code := runCmd(t, "", "version", "--dict", dict+".missing"); code == exitOK {
		t.Errorf("a missing dictionary: exit 0: %s", errOut)
	}
}
