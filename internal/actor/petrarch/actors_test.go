package petrarch_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/actor/petrarch"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The fixtures below are invented: places and people that do not exist.
const actorFixture = "\ufeff# invented actors for tests\r\n" +
	`<!-- a block comment
# that spans lines
-->
FREEDONIA_  [FRD]   # a country
+FREEDONIAN_
+GRAND_FENWICK
	[FRDGOV 20010101-20051231]

SYLVANIA [---]
SYLVANIA_CITY [SYLGOV]
RUFUS_T._FIREFLY_
+PRESIDENT FIREFLY
	[FRDGOV 330101-351231]
	[FRDELI <321231]
	[FRDOPP >360101] [FRDELI]
TRENTINO_  [SYLGOV 19200101-19301231] [SYLELI]
MARX_ONE
MARX_TWO
+MARX_THREE
	[FRD/SYL]
LONELY_NAME_
<! -- skipped whole -->
	[frdmil]
---STOP---
IGNORED_AFTER_STOP [XXX]
`

func TestReadActors(t *testing.T) {
	actors, errs, err := petrarch.ReadActors(strings.NewReader(actorFixture), "dir/fixture.actors.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 0 {
		t.Errorf("unexpected parse errors: %v", errs)
	}
	want := []petrarch.Actor{
		{Names: []string{"freedonia", "freedonian", "grand fenwick"}, NameLines: []int{5, 6, 7},
			Codes: []petrarch.Code{{Code: "FRD"}, {Code: "FRDGOV", From: date(2001, 1, 1), To: date(2005, 12, 31)}}, Line: 5},
		{Names: []string{"sylvania"}, NameLines: []int{10}, Codes: []petrarch.Code{{Code: "---"}}, Line: 10},
		{Names: []string{"sylvania city"}, NameLines: []int{11}, Codes: []petrarch.Code{{Code: "SYLGOV"}}, Line: 11},
		{Names: []string{"rufus t. firefly", "president firefly"}, NameLines: []int{12, 13}, Codes: []petrarch.Code{
			{Code: "FRDGOV", From: date(1933, 1, 1), To: date(1935, 12, 31)},
			{Code: "FRDELI", To: date(1932, 12, 31)},
			{Code: "FRDOPP", From: date(1936, 1, 1)},
			{Code: "FRDELI"},
		}, Line: 12},
		{Names: []string{"trentino"}, NameLines: []int{17}, Codes: []petrarch.Code{
			{Code: "SYLGOV", From: date(1920, 1, 1), To: date(1930, 12, 31)}, {Code: "SYLELI"}}, Line: 17},
		{Names: []string{"marx one", "marx two", "marx three"}, NameLines: []int{18, 19, 20},
			Codes: []petrarch.Code{{Code: "FRD/SYL"}}, Line: 18},
		{Names: []string{"lonely name"}, NameLines: []int{22}, Codes: []petrarch.Code{{Code: "FRDMIL"}}, Line: 22},
	}
	for i := range want {
		want[i].File = "fixture.actors.txt"
	}
	if !reflect.DeepEqual(actors, want) {
		t.Errorf("actors:\n got %+v\nwant %+v", actors, want)
	}
}

func TestReadActors_Errors(t *testing.T) {
	const in = `[AAA]
+ORPHAN
GOOD_ONE [GGG]
+BAD]_NAME
	[GGGGOV 1234567-991231]
	[GGGGOV 20121204]
	[GGGGOV 991231-990101]
	[GGGGOV 990230-991231]
	[GG G]
	[G*G]
	[]
	[GGG] trailing words
	[GGG
SPLIT_ONE+_SPLIT_TWO [SSS]
NO_CODE_AT_ALL
`
	actors, errs, err := petrarch.ReadActors(strings.NewReader(in), "bad.txt")
	if err != nil {
		t.Fatal(err)
	}
	wantLines := []int{1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	var gotLines []int
	for _, e := range errs {
		gotLines = append(gotLines, e.Line)
		if e.File != "bad.txt" || e.Msg == "" || !strings.HasPrefix(e.Error(), "bad.txt:") {
			t.Errorf("malformed error %#v", e)
		}
	}
	if !reflect.DeepEqual(gotLines, wantLines) {
		t.Errorf("error lines = %v, want %v\n%v", gotLines, wantLines, errs)
	}
	if len(actors) != 2 {
		t.Fatalf("got %d actors, want 2: %+v", len(actors), actors)
	}
	// "[GG G]" reads as code GG with a bad date; "[GGG] trailing words" keeps its code.
	if got := len(actors[0].Codes); got != 2 {
		t.Errorf("GOOD_ONE kept %d codes, want 2: %+v", got, actors[0].Codes)
	}
	if got, want := actors[1].Names, []string{"split one", "split two"}; !reflect.DeepEqual(got, want) {
		t.Errorf("split names = %q, want %q", got, want)
	}
}

func TestActor_CodeAt(t *testing.T) {
	a := petrarch.Actor{Codes: []petrarch.Code{
		{Code: "AAAGOV", From: date(2001, 1, 1), To: date(2001, 12, 31)},
		{Code: "AAAMIL", From: date(2001, 6, 1), To: date(2002, 12, 31)}, // overlaps: first listed wins
		{Code: "AAAELI", To: date(2000, 12, 31)},
		{Code: "AAA"},
	}}
	restricted := petrarch.Actor{Codes: []petrarch.Code{
		{Code: "BBBOLD", To: date(1990, 1, 1)},
		{Code: "BBBNEW", From: date(1995, 1, 1)},
	}}
	closed := petrarch.Actor{Codes: []petrarch.Code{
		{Code: "CCCA", From: date(1980, 1, 1), To: date(1985, 1, 1)},
		{Code: "CCCB", From: date(1970, 1, 1), To: date(1989, 1, 1)},
	}}
	for _, tc := range []struct {
		name  string
		a     petrarch.Actor
		at    time.Time
		want  string
		found bool
	}{
		{"first day inclusive", a, date(2001, 1, 1), "AAAGOV", true},
		{"overlap first wins", a, date(2001, 7, 1), "AAAGOV", true},
		{"second range", a, date(2002, 12, 31), "AAAMIL", true},
		{"before", a, date(1999, 5, 5), "AAAELI", true},
		{"default", a, date(2010, 1, 1), "AAA", true},
		{"time of day ignored", a, time.Date(2001, 12, 31, 23, 59, 0, 0, time.UTC), "AAAGOV", true},
		{"zero date uses default", a, time.Time{}, "AAA", true},
		{"gap has no code", restricted, date(1992, 1, 1), "", false},
		{"open end", restricted, date(2030, 1, 1), "BBBNEW", true},
		{"zero date latest open range", restricted, time.Time{}, "BBBNEW", true},
		{"zero date latest closed range", closed, time.Time{}, "CCCB", true},
		{"no codes", petrarch.Actor{}, date(2000, 1, 1), "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.a.CodeAt(tc.at)
			if got != tc.want || ok != tc.found {
				t.Errorf("CodeAt(%v) = %q, %v; want %q, %v", tc.at, got, ok, tc.want, tc.found)
			}
		})
	}
}

func TestReadActors_TwoDigitYears(t *testing.T) {
	const in = "X_ [XXX 300101-310101]\n"
	actors, errs, err := petrarch.ReadActors(strings.NewReader(in), "y.txt")
	// 2030 > 1931: the TABARI century rule makes this range run backwards,
	// which leaves the actor without a code.
	if err != nil || len(errs) != 2 || !strings.Contains(errs[0].Msg, "ends before") {
		t.Fatalf("want range and no-code errors, got %v %v %+v", err, errs, actors)
	}
	actors, errs, _ = petrarch.ReadActors(strings.NewReader("X_ [XXX 310101-300101]\n"), "y.txt")
	if len(errs) != 0 || len(actors) != 1 {
		t.Fatalf("errs %v actors %+v", errs, actors)
	}
	c := actors[0].Codes[0]
	if !c.From.Equal(date(1931, 1, 1)) || !c.To.Equal(date(2030, 1, 1)) {
		t.Errorf("got %v..%v, want 1931-01-01..2030-01-01", c.From, c.To)
	}
}

func TestCode_Parts(t *testing.T) {
	if got := (petrarch.Code{Code: "AAA/BBB"}).Parts(); !reflect.DeepEqual(got, []string{"AAA", "BBB"}) {
		t.Errorf("Parts = %q", got)
	}
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"already normal", "already normal"},
		{"UPPER_CASE_", "upper case"},
		{"  two  spaces\tand_tab ", "two spaces and tab"},
		{"U.S._ARMY", "u.s. army"},
		{"ÉCOLE_Normale", "école normale"},
		{"trailing ", "trailing"},
		{"___", ""},
	} {
		if got := petrarch.Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	actors, errs, err := petrarch.ReadActorsFile(write("a.txt", "FREEDONIA [FRD]\n+GRAND_FENWICK\n"))
	if err != nil || len(errs) != 0 || len(actors) != 1 || actors[0].File != "a.txt" {
		t.Errorf("ReadActorsFile = %+v, %v, %v", actors, errs, err)
	}
	agents, errs, err := petrarch.ReadAgentsFile(write("g.txt", "GOATHERD [~AGR]\n"))
	if err != nil || len(errs) != 0 || len(agents) != 1 {
		t.Errorf("ReadAgentsFile = %+v, %v, %v", agents, errs, err)
	}
	ds, errs, err := petrarch.ReadDiscardsFile(write("d.txt", "MONTHS HENCE\n"))
	if err != nil || len(errs) != 0 || len(ds) != 1 {
		t.Errorf("ReadDiscardsFile = %+v, %v, %v", ds, errs, err)
	}
	if _, _, err := petrarch.ReadActorsFile(filepath.Join(dir, "missing.txt")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: err = %v, want fs.ErrNotExist", err)
	}
}

// errReader fails after its data, as a broken disk or network would.
type errReader struct{ data string }

func (r *errReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, errors.New("device gone")
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestReadActors_IOError(t *testing.T) {
	actors, _, err := petrarch.ReadActors(&errReader{data: "A [AAA]\nB [BBB]\n"}, "x.txt")
	if err == nil || !strings.Contains(err.Error(), "x.txt") {
		t.Fatalf("err = %v, want a wrapped read error naming the file", err)
	}
	if len(actors) != 1 {
		// The last entry may still gain synonyms or codes, so only
		// finished entries come back with an I/O error.
		t.Errorf("got %d actors before the failure, want 1", len(actors))
	}
}
