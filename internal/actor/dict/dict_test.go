package dict_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/actor"
	"github.com/dateline-project/dateline/internal/actor/dict"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lexicon"
	"github.com/dateline-project/dateline/internal/text"
)

var (
	loadOnce sync.Once
	loaded   *dict.Dict
	loadErr  error
)

func load(t testing.TB) *dict.Dict {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = dict.LoadDefault() })
	if loadErr != nil {
		t.Fatalf("LoadDefault: %v", loadErr)
	}
	return loaded
}

func TestLoadDefault_Counts(t *testing.T) {
	c := load(t).Counts()
	for _, tc := range []struct {
		name      string
		got, want int
	}{
		{"countries", c.Countries, 250},
		{"organizations", c.Orgs, 150},
		{"partially recognized", c.PRE, 10},
		{"persons", c.Persons, 60},
		{"roles", c.Roles, 300},
		{"discards", c.Discards, 40},
	} {
		if tc.got < tc.want {
			t.Errorf("%s: %d entries, want at least %d", tc.name, tc.got, tc.want)
		}
	}
	t.Logf("counts: %+v", c)
}

func TestLookupName_SpotChecks(t *testing.T) {
	d := load(t)
	tests := []struct {
		phrase  string
		kind    actor.Kind
		country string
		sector  string
		plural  bool
		file    string
	}{
		{"Azerbaijan", actor.KindCountry, "AZE", "", false, "countries.tsv"},
		{"Azerbaijani", actor.KindDemonym, "AZE", "", false, "countries.tsv"},
		{"Azeris", actor.KindDemonym, "AZE", "", true, "countries.tsv"},
		{"Baku", actor.KindCapital, "AZE", "GOV", false, "countries.tsv"},
		{"official Baku", actor.KindMetonym, "AZE", "GOV", false, "countries.tsv"},
		{"Armenia", actor.KindCountry, "ARM", "", false, "countries.tsv"},
		{"Armenian", actor.KindDemonym, "ARM", "", false, "countries.tsv"},
		{"Armenians", actor.KindDemonym, "ARM", "", true, "countries.tsv"},
		{"Yerevan", actor.KindCapital, "ARM", "GOV", false, "countries.tsv"},
		{"the Kremlin", actor.KindMetonym, "RUS", "GOV", false, "countries.tsv"},
		{"the Pentagon", actor.KindMetonym, "USA", "MIL", false, "countries.tsv"},
		{"Blue House", actor.KindMetonym, "KOR", "GOV", false, "countries.tsv"}, // "the" dropped mid-sentence
		{"Capitol Hill", actor.KindMetonym, "USA", "LEG", false, "countries.tsv"},
		{"Downing Street", actor.KindMetonym, "GBR", "GOV", false, "countries.tsv"},
		{"the Élysée", actor.KindMetonym, "FRA", "GOV", false, "countries.tsv"},
		{"Washington, D.C.", actor.KindCapital, "USA", "GOV", false, "countries.tsv"},
		{"U.S.", actor.KindCountry, "USA", "", false, "countries.tsv"},
		{"Burma", actor.KindCountry, "MMR", "", false, "countries.tsv"},
		{"Zaire", actor.KindCountry, "COD", "", false, "countries.tsv"},
		{"Ivory Coast", actor.KindCountry, "CIV", "", false, "countries.tsv"},
		{"Côte d’Ivoire", actor.KindCountry, "CIV", "", false, "countries.tsv"},
		{"Czech Republic", actor.KindCountry, "CZE", "", false, "countries.tsv"},
		{"Turkey", actor.KindCountry, "TUR", "", false, "countries.tsv"},
		{"Türkiye", actor.KindCountry, "TUR", "", false, "countries.tsv"},
		{"Kosovo", actor.KindCountry, "XKX", "", false, "countries.tsv"},
		{"Taiwan", actor.KindCountry, "TWN", "", false, "countries.tsv"},
		{"Russian Red Cross Society", actor.KindOrg, "RUS", "MED", false, "organizations.tsv"},
		{"Azerbaijan Red Crescent Society", actor.KindOrg, "AZE", "MED", false, "organizations.tsv"},
		{"International Committee of the Red Cross", actor.KindOrg, "NGO", "MED", false, "organizations.tsv"},
		{"ICRC", actor.KindOrg, "NGO", "MED", false, "organizations.tsv"},
		{"Trend", actor.KindOrg, "AZE", "JRN", false, "organizations.tsv"},
		{"UN Security Council", actor.KindOrg, "UNO", "GOV", false, "organizations.tsv"},
		{"UNHCR", actor.KindOrg, "UNO", "REF", false, "organizations.tsv"},
		{"International Criminal Court", actor.KindOrg, "IGO", "JUD", false, "organizations.tsv"},
		{"European Parliament", actor.KindOrg, "EUR", "LEG", false, "organizations.tsv"},
		{"NATO", actor.KindOrg, "IGO", "MIL", false, "organizations.tsv"},
		{"Hezbollah", actor.KindOrg, "LBN", "REB", false, "organizations.tsv"},
		{"al-Qaeda", actor.KindOrg, "IMG", "REB", false, "organizations.tsv"},
		{"Khankendi", actor.KindPRE, "AZE", "PRE", false, "partially_recognized.tsv"},
		{"Stepanakert", actor.KindPRE, "AZE", "PRE", false, "partially_recognized.tsv"},
		{"Sukhumi", actor.KindPRE, "GEO", "PRE", false, "partially_recognized.tsv"},
		{"Tiraspol", actor.KindPRE, "MDA", "PRE", false, "partially_recognized.tsv"},
		{"TRNC", actor.KindPRE, "CYP", "PRE", false, "partially_recognized.tsv"},
		{"Hargeisa", actor.KindPRE, "SOM", "PRE", false, "partially_recognized.tsv"},
		{"Ilham Aliyev", actor.KindPerson, "AZE", "GOV", false, "persons.tsv"},
		{"Nikol Pashinyan", actor.KindPerson, "ARM", "GOV", false, "persons.tsv"},
	}
	for _, tc := range tests {
		t.Run(tc.phrase, func(t *testing.T) {
			es := d.LookupName(dict.Key(tc.phrase))
			if len(es) == 0 {
				t.Fatalf("LookupName(%q): no entry", dict.Key(tc.phrase))
			}
			e := es[0]
			if e.Kind != tc.kind || e.Country != tc.country || e.Sector != tc.sector || e.Plural != tc.plural {
				t.Errorf("got kind %d %s %q plural=%v, want kind %d %s %q plural=%v",
					e.Kind, e.Country, e.Sector, e.Plural, tc.kind, tc.country, tc.sector, tc.plural)
			}
			if !strings.HasPrefix(e.Rule, "actors/"+tc.file+":") {
				t.Errorf("Rule = %q, want actors/%s:LINE", e.Rule, tc.file)
			}
			c, ok := d.Phrase(dict.Key(tc.phrase))
			if !ok || c.Rule != e.Rule {
				t.Errorf("Phrase disagrees with LookupName: %+v", c)
			}
		})
	}
}

func TestLookupExact(t *testing.T) {
	d := load(t)
	if es := d.LookupName("who"); len(es) != 0 {
		t.Errorf(`LookupName("who") = %+v, want nothing: the pronoun must not be the WHO`, es)
	}
	es := d.LookupExact("WHO")
	if len(es) == 0 || es[0].Country != "UNO" || es[0].Sector != "MED" {
		t.Errorf(`LookupExact("WHO") = %+v, want UNO MED`, es)
	}
	if es := d.LookupExact("IS"); len(es) == 0 || es[0].Country != "IMG" {
		t.Errorf(`LookupExact("IS") = %+v, want IMG`, es)
	}
}

// TestPopeByDate checks that "the Pope" is the pope of the document's
// date, and a state's (the Holy See's) whatever the date.
func TestPopeByDate(t *testing.T) {
	d := load(t)
	for _, tc := range []struct {
		date time.Time
		want string
	}{
		{time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC), "Pope Francis"},
		{time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC), "Pope Leo XIV"},
	} {
		c, ok := d.PhraseAt("pope", tc.date)
		if !ok || c.Name != tc.want || c.Country != "VAT" {
			t.Errorf("PhraseAt(pope, %s) = %+v, want %s of VAT", tc.date.Format("2006-01-02"), c, tc.want)
		}
	}
}

// TestPhraseAlternatives checks that a name two organisations share
// lists both, the first entry first, and that a name of one lists none.
func TestPhraseAlternatives(t *testing.T) {
	d := load(t)
	alts := d.PhraseAlternatives("rsf")
	if len(alts) != 2 || alts[0].Country != "NGO" || alts[1].Country != "SDN" {
		t.Errorf(`PhraseAlternatives("rsf") = %+v, want the NGO, then Sudan's force`, alts)
	}
	if c, ok := d.Phrase("rsf"); !ok || c.Country != "NGO" {
		t.Errorf(`Phrase("rsf") = %+v, want the first entry`, c)
	}
	if alts := d.PhraseAlternatives("unicef"); alts != nil {
		t.Errorf(`PhraseAlternatives("unicef") = %+v, want none`, alts)
	}
}

func TestRole(t *testing.T) {
	d := load(t)
	tests := []struct {
		key                   string
		sector                string
		person, title, plural bool
	}{
		{"president", "GOV", true, true, false},
		{"presidents", "GOV", true, true, true},
		{"prime minister", "GOV", true, true, false},
		{"foreign minister", "GOV", true, true, false},
		{"ministry", "GOV", false, false, false},
		{"assistant to the president", "GOV", true, false, false},
		{"political leadership", "GOV", false, false, false},
		{"presidential administration", "GOV", false, false, false},
		{"troops", "MIL", false, false, true},
		{"soldiers", "MIL", true, false, true},
		{"gen.", "MIL", true, true, false},
		{"police", "COP", false, false, true},
		{"judge", "JUD", true, true, false},
		{"lawmakers", "LEG", true, false, true},
		{"sen.", "LEG", true, true, false},
		{"rebels", "REB", true, false, true},
		{"spy", "SPY", true, false, false},
		{"farmers", "AGR", true, false, true},
		{"businessman", "BUS", true, false, false},
		{"smugglers", "CRM", true, false, true},
		{"civilians", "CVL", true, false, true},
		{"protesters", "CVL", true, false, true},
		{"students", "EDU", true, false, true},
		{"journalist", "JRN", true, false, false},
		{"workers", "LAB", true, false, true},
		{"doctor", "MED", true, true, false},
		{"refugees", "REF", true, false, true},
		{"opposition", "OPP", false, false, false},
		{"cleric", "REL", true, false, false},
		{"activists", "SOC", true, false, true},
		{"spokespeople", "GOV", true, false, true},
		{"security forces", "COP", false, false, true},
		{"border guards", "MIL", true, false, true},
	}
	for _, tc := range tests {
		r, ok := d.Role(tc.key)
		if !ok {
			t.Errorf("Role(%q): missing", tc.key)
			continue
		}
		if r.Sector != tc.sector || r.Person != tc.person || r.Title != tc.title || r.Plural != tc.plural {
			t.Errorf("Role(%q) = %+v, want sector %s person=%v title=%v plural=%v", tc.key, r, tc.sector, tc.person, tc.title, tc.plural)
		}
		if !strings.HasPrefix(r.Rule, "actors/roles.tsv:") {
			t.Errorf("Role(%q).Rule = %q", tc.key, r.Rule)
		}
	}
}

func TestDiscard(t *testing.T) {
	d := load(t)
	for _, k := range []string{"monday", "january", "mr", "prime", "covid-19", "breaking"} {
		if !d.IsDiscard(k) || !d.Discard(k) {
			t.Errorf("IsDiscard(%q) = false", k)
		}
	}
	if d.IsDiscard("azerbaijan") {
		t.Error("a country is discarded")
	}
}

func TestPersonAt(t *testing.T) {
	d := load(t)
	day := func(s string) time.Time {
		tm, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	tests := []struct {
		key, date, wantName, wantOffice string
	}{
		{"aliyev", "2000-05-01", "Heydar Aliyev", "president"},
		{"aliyev", "2003-10-31", "Ilham Aliyev", "president"},
		{"aliyev", "2024-01-01", "Ilham Aliyev", "president"},
		{"putin", "2010-01-01", "Vladimir Putin", "prime minister"},
		{"putin", "2020-01-01", "Vladimir Putin", "president"},
		{"bush", "1990-06-01", "George H. W. Bush", "president"},
		{"bush", "2005-06-01", "George W. Bush", "president"},
	}
	for _, tc := range tests {
		e, ok := d.PersonAt(tc.key, day(tc.date))
		if !ok || e.Name != tc.wantName || e.Office != tc.wantOffice {
			t.Errorf("PersonAt(%q, %s) = %q %q %v, want %q %q", tc.key, tc.date, e.Name, e.Office, ok, tc.wantName, tc.wantOffice)
		}
	}
	if _, ok := d.PersonAt("pashinyan", day("2010-01-01")); ok {
		t.Error("Pashinyan coded as a head of government in 2010")
	}
	// Without a date, the latest role comes first.
	if c, _ := d.Phrase("aliyev"); c.Name != "Ilham Aliyev" {
		t.Errorf(`Phrase("aliyev") = %q, want the current holder`, c.Name)
	}
}

func TestCountry(t *testing.T) {
	d := load(t)
	c, ok := d.Country("AZE")
	if !ok || c.Name != "Azerbaijan" || c.Alpha2 != "AZ" || !slices.Contains(c.Capitals, "Baku") {
		t.Errorf("Country(AZE) = %+v", c)
	}
	if c, _ := d.Country("USA"); !slices.Contains(c.Metonyms, "the Pentagon") {
		t.Errorf("metonyms keep their phrase without the =SECTOR suffix: %q", c.Metonyms)
	}
	if all := d.Countries(); len(all) != 250 || all[0].Code != "ABW" {
		t.Errorf("Countries() = %d countries starting %+v", len(all), all[0])
	}
	if _, ok := d.Country("ZZZ"); ok {
		t.Error("Country(ZZZ) found")
	}
}

// TestISOComplete cross-checks countries.tsv with Debian's iso-codes.
func TestISOComplete(t *testing.T) {
	const path = "/usr/share/iso-codes/json/iso_3166-1.json"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("iso-codes not installed (%v); apt-get install iso-codes to run this check", err)
	}
	var iso struct {
		Entries []struct {
			Alpha2 string `json:"alpha_2"`
			Alpha3 string `json:"alpha_3"`
			Name   string `json:"name"`
		} `json:"3166-1"`
	}
	if err := json.Unmarshal(b, &iso); err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	if len(iso.Entries) < 249 {
		t.Fatalf("%s has %d entries, want 249", path, len(iso.Entries))
	}
	d := load(t)
	for _, e := range iso.Entries {
		c, ok := d.Country(e.Alpha3)
		if !ok {
			t.Errorf("%s (%s) missing from countries.tsv", e.Alpha3, e.Name)
			continue
		}
		if c.Alpha2 != e.Alpha2 {
			t.Errorf("%s: alpha2 %s, iso-codes says %s", e.Alpha3, c.Alpha2, e.Alpha2)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Azerbaijan", "azerbaijan"},
		{"  The   Kremlin ", "the kremlin"},
		{"Côte d’Ivoire", "côte d'ivoire"},
		{"Washington,\tD.C.", "washington, d.c."},
		{"already clean", "already clean"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := dict.Key(tc.in); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMaxPhraseWords(t *testing.T) {
	d := load(t)
	if n := d.MaxPhraseWords(); n < 8 || n != d.MaxWords() {
		t.Errorf("MaxPhraseWords = %d, MaxWords = %d", n, d.MaxWords())
	}
}

func TestNew_Malformed(t *testing.T) {
	tests := []struct {
		name, body, wantLine string
	}{
		{"too many fields", "# dateline-dict: discards\nphrase\tnote\nMonday\tx\ty\n", "bad.tsv:3"},
		{"bad sector", "role\tplural\tsector_code\tperson\nfoo\tfoos\tXYZ\tyes\n", "bad.tsv:2"},
		{"bad person flag", "role\tplural\tsector_code\tperson\nfoo\tfoos\tGOV\tmaybe\n", "bad.tsv:2"},
		{"unknown country", "name\taliases\tcountry_code\tsector_code\nFoo Org\t\tQQQ\tGOV\n", "bad.tsv:2"},
		{"lower-case country", "name\taliases\tcountry_code\tsector_code\nFoo Org\t\taze\tGOV\n", "bad.tsv:2"},
		{"bad date", "name\taliases\tcountry_code\tsector_code\tfrom\tto\trole\nA B\t\tAZE\tGOV\t2020-13-01\t\tminister\n", "bad.tsv:2"},
		{"to before from", "name\taliases\tcountry_code\tsector_code\tfrom\tto\trole\nA B\t\tAZE\tGOV\t2020-01-01\t2019-01-01\tminister\n", "bad.tsv:2"},
		{"missing column", "# dateline-dict: roles\nrole\tsector_code\nfoo\tGOV\n", "bad.tsv:2"},
		{"unknown kind", "# dateline-dict: verbs\nphrase\nfoo\n", "verbs"},
		{"undetectable", "alpha\tbeta\nfoo\tbar\n", "cannot tell"},
		{"bad alpha2", "code\talpha2\tname\taliases\tdemonyms\tcapitals\nAAA\tA1\tA\t\t\t\n", "bad.tsv:2"},
	}
	base := embeddedSources(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srcs := append(slices.Clone(base), dict.Source{Name: "bad.tsv", Data: []byte(tc.body), User: true})
			_, err := dict.New(srcs...)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.wantLine) {
				t.Errorf("error %q does not name %q", err, tc.wantLine)
			}
		})
	}
	// A line error is a lexicon.LineError wrapping ErrMalformed.
	_, err := dict.New(dict.Source{Name: "bad.tsv", Kind: dict.Discards, Data: []byte("phrase\tnote\na\tb\tc\n")})
	var le *lexicon.LineError
	if !errors.As(err, &le) || le.Line != 2 || !errors.Is(err, lexicon.ErrMalformed) {
		t.Errorf("error %v is not a LineError at line 2 wrapping ErrMalformed", err)
	}
}

func embeddedSources(t testing.TB) []dict.Source {
	t.Helper()
	var srcs []dict.Source
	for _, f := range []struct {
		name string
		kind dict.FileKind
	}{
		{"actors/countries.tsv", dict.Countries},
		{"actors/partially_recognized.tsv", dict.PartiallyRecognized},
		{"actors/organizations.tsv", dict.Organizations},
		{"actors/persons.tsv", dict.Persons},
		{"actors/roles.tsv", dict.Roles},
		{"actors/discards.tsv", dict.Discards},
	} {
		b, err := data.FS.ReadFile(f.name)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, dict.Source{Name: f.name, Kind: f.kind, Data: b})
	}
	return srcs
}

func TestLoad_UserFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := dir + "/" + name
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// Kind from the marker line; the entry overrides the embedded Trend.
	orgs := write("orgs.tsv", "# dateline-dict: organizations\n# my agencies\nname\taliases\tcountry_code\tsector_code\nTrend\tTrend Micro\tJPN\tBUS\n")
	// Kind from the columns.
	roles := write("roles.tsv", "role\tplural\tsector_code\tperson\ttitle\trelation\nhetman\thetmans\tMIL\tyes\tyes\nsworn foe\tsworn foes\tGOV\tno\tno\trelational\n")
	persons := write("persons.tsv", "name\taliases\tcountry_code\tsector_code\tfrom\tto\trole\nJane Roe\tRoe\tAZE\tGOV\t2030-01-01\t\tminister\n")
	discards := write("discards.tsv", "phrase\nBaku Marathon\n")
	d, err := dict.Load(data.FS, orgs, roles, persons, discards)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	es := d.LookupName("trend")
	if len(es) < 2 || es[0].Country != "JPN" || !es[0].User || es[0].Rule != orgs+":4" {
		t.Errorf("user entry should come first: %+v", es)
	}
	if es[1].Country != "AZE" {
		t.Errorf("embedded entry should follow: %+v", es[1])
	}
	if r, ok := d.Role("hetmans"); !ok || r.Sector != "MIL" || !r.Plural || r.Canonical != "hetman" {
		t.Errorf("user role: %+v %v", r, ok)
	}
	if r, ok := d.Role("sworn foes"); !ok || !r.Relational || r.Generic {
		t.Errorf("relational user role: %+v %v", r, ok)
	}
	bad := write("badroles.tsv", "role\tplural\tsector_code\tperson\ttitle\trelation\nhetman\thetmans\tMIL\tyes\tyes\tcousin\n")
	if _, err := dict.Load(data.FS, bad); err == nil || !strings.Contains(err.Error(), "relation") {
		t.Errorf("unknown relation: %v", err)
	}
	if _, ok := d.PersonAt("roe", time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)); !ok {
		t.Error("user person not found")
	}
	if !d.IsDiscard("baku marathon") {
		t.Error("user discard not found")
	}
	if got := d.Counts().UserEntries; got != 5 {
		t.Errorf("UserEntries = %d, want 5", got)
	}
	if _, err := dict.Load(data.FS, dir+"/missing.tsv"); err == nil {
		t.Error("missing user file: no error")
	}
}

func TestDetectKind(t *testing.T) {
	tests := []struct {
		body string
		want dict.FileKind
	}{
		{"phrase\tnote\n", dict.Discards},
		{"role\tplural\tsector_code\tperson\n", dict.Roles},
		{"name\taliases\tcountry_code\tsector_code\tfrom\tto\trole\n", dict.Persons},
		{"name\taliases\tcountry_code\tsector_code\tplace_names\n", dict.PartiallyRecognized},
		{"code\talpha2\tname\taliases\tdemonyms\tcapitals\n", dict.Countries},
		{"name\taliases\tcountry_code\tsector_code\n", dict.Organizations},
		{"# dateline-dict: Persons\nname\taliases\tcountry_code\tsector_code\n", dict.Persons},
	}
	for _, tc := range tests {
		got, err := dict.DetectKind("t.tsv", []byte(tc.body))
		if err != nil || got != tc.want {
			t.Errorf("DetectKind(%q) = %v, %v; want %v", tc.body, got, err, tc.want)
		}
	}
}

// TestLookup_NoAllocs keeps the hot path allocation-free; it counts
// allocations, it does not time anything.
func TestLookup_NoAllocs(t *testing.T) {
	d := load(t)
	n := testing.AllocsPerRun(100, func() {
		_ = d.LookupName("the kremlin")
		_, _ = d.Phrase("azerbaijani")
		_, _ = d.Role("foreign minister")
		_ = d.WordInfo("minister")
		_, _ = d.PhraseAt("armenia", time.Date(2023, 9, 16, 0, 0, 0, 0, time.UTC))
		_ = d.IsDiscard("monday")
	})
	if n != 0 {
		t.Errorf("lookups allocate %.1f times per run", n)
	}
}

// TestRecognizer runs the actor stage over the loaded dictionaries, to
// show the two fit together.
func TestRecognizer(t *testing.T) {
	d := load(t)
	m, err := text.LoadModel()
	if err != nil {
		t.Skipf("tagger model: %v", err)
	}
	body := "Azerbaijani Foreign Minister Jeyhun Bayramov met the head of the ICRC delegation in Baku on Monday. The Kremlin said Russian troops would stay."
	dc := &doc.Doc{Text: body}
	if err := text.NewAnnotator(m).Process(context.Background(), dc); err != nil {
		t.Fatal(err)
	}
	if err := actor.New(d).NewStage().Process(context.Background(), dc); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range dc.Entities {
		got[body[e.Start:e.End]] = e.CountryCode + " " + e.SectorCode
		t.Logf("%q %s %s %s", body[e.Start:e.End], e.CountryCode, e.SectorCode, e.Rule)
	}
	if len(dc.Entities) == 0 {
		t.Fatal("no entities")
	}
	for _, e := range dc.Entities {
		if strings.Contains(body[e.Start:e.End], "Monday") {
			t.Errorf("discarded word became an actor: %+v", e)
		}
	}
}

func BenchmarkLookupName(b *testing.B) {
	d := load(b)
	keys := []string{"azerbaijani", "the kremlin", "foreign minister", "said", "international committee of the red cross", "tuesday", "baku", "officials"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = d.LookupName(keys[i%len(keys)])
	}
}

func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := dict.LoadDefault(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPhraseAt_DatedPersons(t *testing.T) {
	d, err := dict.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		date string
		want string
	}{{"2000-06-01", "Heydar Aliyev"}, {"2015-06-01", "Ilham Aliyev"}} {
		at, _ := time.Parse("2006-01-02", tt.date)
		c, ok := d.PhraseAt("aliyev", at)
		if !ok || c.Name != tt.want {
			t.Errorf("PhraseAt(aliyev, %s) = %q, %v; want %q", tt.date, c.Name, ok, tt.want)
		}
	}
}

// TestCodes: the codes the API checks filters against hold every
// country with its alpha-2 code, the international codes, the PLOVER
// sectors and the other codes that entries carry, a user file's included.
func TestCodes(t *testing.T) {
	countries, sectors := load(t).Codes()
	for code, a2 := range map[string]string{"USA": "US", "AZE": "AZ", "XKX": "XK", "IGO": "", "UNO": ""} {
		if got, ok := countries[code]; !ok || got != a2 {
			t.Errorf("countries[%s] = %q, %v; want %q", code, got, ok, a2)
		}
	}
	if _, ok := countries["US"]; ok {
		t.Error("an alpha-2 code is among the country codes")
	}
	for _, s := range []string{"GOV", "MIL", "ELI", "REB"} {
		if !slices.Contains(sectors, s) {
			t.Errorf("sector %s missing from %v", s, sectors)
		}
	}
	if !slices.IsSorted(sectors) {
		t.Errorf("sectors not sorted: %v", sectors)
	}
	dir := t.TempDir()
	orgs := dir + "/orgs.tsv"
	if err := os.WriteFile(orgs, []byte("name\taliases\tcountry_code\tsector_code\tother_sector_codes\nOrder of Saint Test\t\tVAT\tREL\tCTH\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := dict.Load(data.FS, orgs)
	if err != nil {
		t.Fatal(err)
	}
	if _, sectors := d.Codes(); !slices.Contains(sectors, "CTH") {
		t.Errorf("a user entry's other sector code CTH is missing: %v", sectors)
	}
}
