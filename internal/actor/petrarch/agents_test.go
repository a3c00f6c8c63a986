package petrarch_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/actor/petrarch"
)

// Invented agents; the sets and nouns are made up for the tests.
const agentFixture = `# invented agents
!FOLK! = MAN, MEN, WOMAN
!BUREAU! = BUREAU, BUREAUS

GOATHERD [~AGR]
LAMPLIGHTER_GUILD {} [~LAB]  # no plural
OX_DRIVER {OXEN_DRIVERS} [~AGR]
SKY!FOLK! [~MIL]
!BUREAU!_OF_SILLY_HATS [~GOV]
WEATHER_DEPUTY [~GOV]
TOY_BOX[~BUS]
HAT_RELIEF_BODY [NGO~]
TEA_POLICE {}  [ ~COP]
MOONWALKERS [~CVL]
`

func TestReadAgents(t *testing.T) {
	agents, errs, err := petrarch.ReadAgents(strings.NewReader(agentFixture), "agents.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 0 {
		t.Errorf("unexpected parse errors: %v", errs)
	}
	want := []petrarch.Agent{
		{Names: []string{"goatherd", "goatherds"}, Code: "AGR", Line: 5},
		{Names: []string{"lamplighter guild"}, Code: "LAB", Line: 6},
		{Names: []string{"ox driver", "oxen drivers"}, Code: "AGR", Line: 7},
		{Names: []string{"skyman", "skymen", "skywoman"}, Code: "MIL", Line: 8},
		{Names: []string{"bureau of silly hats", "bureaus of silly hats"}, Code: "GOV", Line: 9},
		{Names: []string{"weather deputy", "weather deputies"}, Code: "GOV", Line: 10},
		{Names: []string{"toy box", "toy boxes"}, Code: "BUS", Line: 11},
		{Names: []string{"hat relief body", "hat relief bodies"}, Code: "NGO", Prefix: true, Line: 12},
		{Names: []string{"tea police"}, Code: "COP", Line: 13},
		{Names: []string{"moonwalkers"}, Code: "CVL", Line: 14},
	}
	for i := range want {
		want[i].File = "agents.txt"
	}
	if !reflect.DeepEqual(agents, want) {
		t.Errorf("agents:\n got %+v\nwant %+v", agents, want)
	}
}

func TestReadAgents_Errors(t *testing.T) {
	const in = `!BAD = A, B
!EMPTY! =
NO_CODE_HERE
UNCLOSED [~GOV}
NO_TILDE [GOV]
UNDEFINED!SET! [~GOV]
OPEN {PLURAL [~GOV]
[~GOV]
TILDE_ONLY [~]
GOOD [~GOV] extra
`
	agents, errs, err := petrarch.ReadAgents(strings.NewReader(in), "bad.txt")
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, e := range errs {
		lines = append(lines, e.Line)
	}
	if want := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}; !reflect.DeepEqual(lines, want) {
		t.Errorf("error lines = %v, want %v\n%v", lines, want, errs)
	}
	if len(agents) != 1 || agents[0].Names[0] != "good" {
		t.Errorf("agents = %+v, want only GOOD (its trailing text is reported, not fatal)", agents)
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"farmer", "farmers"},
		{"deputy", "deputies"},
		{"attorney", "attorneys"},
		{"congress", "congresses"},
		{"bus", "buses"},
		{"box", "boxes"},
		{"church", "churches"},
		{"hussars", ""},
		{"model-1900", ""},
		{"chief of staff", "chief of staffs"},
		{"", ""},
	} {
		if got := petrarch.Plural(tc.in); got != tc.want {
			t.Errorf("Plural(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestReadDiscards(t *testing.T) {
	const in = `# invented discards
MONTHS HENCE
+Moonball League   # story level
[BAD]
`
	ds, errs, err := petrarch.ReadDiscards(strings.NewReader(in), "d.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []petrarch.Discard{
		{Phrase: "months hence", File: "d.txt", Line: 2},
		{Phrase: "moonball league", Story: true, File: "d.txt", Line: 3},
	}
	if !reflect.DeepEqual(ds, want) {
		t.Errorf("got %+v, want %+v", ds, want)
	}
	if len(errs) != 1 || errs[0].Line != 4 {
		t.Errorf("errs = %v, want one at line 4", errs)
	}
}

func TestSplitCode(t *testing.T) {
	for _, tc := range []struct {
		code    string
		country string
		sectors []string
	}{
		{"AZEGOV", "AZE", []string{"GOV"}},
		{"AZE", "AZE", nil},
		{"USAMILSPY", "USA", []string{"MIL", "SPY"}},
		{"IGOUNO", "UNO", []string{"IGO"}},
		{"IGOUNOREFHCR", "UNO", []string{"IGO", "REF", "HCR"}},
		{"IGOEUREEC", "EUR", []string{"IGO", "EEC"}},
		{"IGOBUS", "", []string{"IGO", "BUS"}},
		{"MNCUSA", "USA", []string{"MNC"}},
		{"NGOGBRHRI", "GBR", []string{"NGO", "HRI"}},
		{"NGO", "", []string{"NGO"}},
		{"IMGMUSALQ", "", []string{"IMG", "MUS", "ALQ"}},
		{"MUSGOV", "MUS", []string{"GOV"}},
		{"USRAZE", "SUN", []string{"AZE"}},
		{"TMPGOV", "TLS", []string{"GOV"}},
		{"KSVGOV", "XKX", []string{"GOV"}},
		{"ROMMIL", "ROU", []string{"MIL"}},
		{"YUG", "YUG", nil},
		{"SASREB", "SAS", []string{"REB"}},
		{"ELI", "", []string{"ELI"}},
		{"MED", "", []string{"MED"}},
		{"usagov", "USA", []string{"GOV"}},
		{"NGONLDCHRPRO360", "NLD", []string{"NGO", "CHR", "PRO", "360"}},
		{"GBRGOVAB", "GBR", []string{"GOV", "AB"}},
		{"---", "", nil},
		{"", "", nil},
		{"AAA/BBB", "", nil},
	} {
		country, sectors := petrarch.SplitCode(tc.code)
		if country != tc.country || !reflect.DeepEqual(sectors, tc.sectors) {
			t.Errorf("SplitCode(%q) = %q, %q; want %q, %q", tc.code, country, sectors, tc.country, tc.sectors)
		}
	}
	if !petrarch.IsRegion("SAS") || petrarch.IsRegion("AZE") {
		t.Error("IsRegion: SAS is a region, AZE is not")
	}
}
