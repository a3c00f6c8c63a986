package lexicon_test

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/lexicon"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string
		wantErr string
	}{
		{name: "basic", in: "# comment\ncode\tname\nAZE\tAzerbaijan\n\nARM\tArmenia\n", want: []string{"AZE=Azerbaijan", "ARM=Armenia"}},
		{name: "trailing field omitted", in: "code\tname\nAZE\n", want: []string{"AZE="}},
		{name: "too many fields", in: "code\tname\nAZE\tA\tB\n", wantErr: "t.tsv:2:"},
		{name: "missing column", in: "code\nAZE\n", wantErr: "lacks \"name\""},
		{name: "empty", in: "# only comments\n", wantErr: "no column line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := lexicon.Read(strings.NewReader(tt.in), "t.tsv", []string{"code", "name"}, func(r lexicon.Record) error {
				got = append(got, r.Get("code")+"="+r.Get("name"))
				return nil
			})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
				}
				if !errors.Is(err, lexicon.ErrMalformed) {
					t.Errorf("err %v does not wrap ErrMalformed", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRecordList(t *testing.T) {
	var got []string
	err := lexicon.Read(strings.NewReader("k\tv\nx\ta| b ||c\n"), "t.tsv", nil, func(r lexicon.Record) error {
		got = r.List("v")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "a,b,c" {
		t.Errorf("List = %q", got)
	}
}

// TestEmbeddedFilesWellFormed checks every embedded TSV file for a column
// line and consistent field counts, naming the file and line of any fault.
func TestEmbeddedFilesWellFormed(t *testing.T) {
	err := fs.WalkDir(data.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tsv") {
			return err
		}
		if err := lexicon.ReadFile(data.FS, path, nil, func(lexicon.Record) error { return nil }); err != nil {
			t.Error(err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
