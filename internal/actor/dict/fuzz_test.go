package dict_test

import (
	"testing"

	"github.com/dateline-project/dateline/internal/actor/dict"
)

// FuzzNew feeds arbitrary user dictionaries to the loader: it must return
// an entry set or an error, never panic, and what it loads must be
// reachable by its own keys.
func FuzzNew(f *testing.F) {
	for _, s := range []string{
		"# dateline-dict: roles\nrole\tplural\tsector_code\tperson\ttitle\nhetman\thetmans\tMIL\tyes\tyes\n",
		"name\taliases\tcountry_code\tsector_code\tfrom\tto\trole\nJane Roe\tRoe\tAZE\tGOV\t2030-01-01\t\tminister\n",
		"name\taliases\tcountry_code\tsector_code\nFoo\t=FOO|Foo Org\tIGO\tGOV\n",
		"name\taliases\tcountry_code\tsector_code\tplace_names\nX Republic\tXR\tAZE\tPRE\tX City\n",
		"code\talpha2\tname\taliases\tdemonyms\tcapitals\tmetonyms\nAAA\tAA\tAland\t\tAlandic\tAcity\tthe Hall=LEG|the Gate\n",
		"phrase\nMonday\n",
		"\ufeff# x\r\nphrase\r\nfoo\r\n",
		"role\tplural\tsector_code\tperson\n\t\tGOV\tyes\n",
		"# dateline-dict: countries\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := dict.New(
			dict.Source{Name: "countries.tsv", Kind: dict.Countries, Data: []byte("code\talpha2\tname\taliases\tdemonyms\tcapitals\nAZE\tAZ\tAzerbaijan\t\tAzerbaijani\tBaku\n")},
			dict.Source{Name: "user.tsv", Data: b, User: true},
		)
		if err != nil {
			return
		}
		for _, k := range []string{"azerbaijan", "baku", "monday", ""} {
			for _, e := range d.LookupName(k) {
				if e.Rule == "" {
					t.Errorf("entry for %q has no rule", k)
				}
			}
		}
		_ = d.MaxPhraseWords()
	})
}
