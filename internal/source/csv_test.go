package source_test

import (
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/source"
)

// TestRead_CSVResync checks that a malformed quoted field costs only its own
// record: reading picks up again at the next line, so the good records after
// it are still coded, and every record that is lost has an error of its own
// naming its line.
func TestRead_CSVResync(t *testing.T) {
	tests := []struct {
		name string
		in   string
		// ids are the documents wanted, in order.
		ids  []string
		errs []wantErr
	}{
		{
			name: "text after a closing quote",
			in:   "id,text\n1,\"x\"y\n2,good\n3,\"also good\"\n",
			ids:  []string{"2", "3"},
			errs: []wantErr{{2, source.ErrMalformed}},
		},
		{
			name: "text after a closing quote, then a quote on a later line",
			in:   "id,text\n1,\"x\"y\n2,good\n3,\"q\"\n4,fine\n",
			ids:  []string{"2", "3", "4"},
			errs: []wantErr{{2, source.ErrMalformed}},
		},
		{
			name: "two malformed records in a row are two errors",
			in:   "id,text\n1,\"x\"y\n2,\"z\"w\n3,good\n",
			ids:  []string{"3"},
			errs: []wantErr{{2, source.ErrMalformed}, {3, source.ErrMalformed}},
		},
		{
			// The quote opened on line 2 turns out malformed on line 4: the
			// record on line 2 is lost, and lines 3 and 4 are read again
			// as records of their own.
			name: "malformed on a later line of a quoted field",
			in:   "id,text\n1,\"open\n2,good\n3,\"q\"z\n4,fine\n",
			ids:  []string{"2", "4"},
			errs: []wantErr{{2, source.ErrMalformed}, {4, source.ErrMalformed}},
		},
		{
			name: "unterminated quote at end of input",
			in:   "id,text\n1,\"open\n2,more\n3,fine\n",
			ids:  []string{"2", "3"},
			errs: []wantErr{{2, source.ErrMalformed}},
		},
		{
			// Lines like x","y keep a record open whether or not they
			// start inside a quote; reading them again more than once
			// would make the scan quadratic.
			name: "a line is read again at most once",
			in:   "id,text\n" + strings.Repeat("x\",\"y\n", 5) + "a\"b\"z\n5,after\n",
			ids:  []string{"5"},
			errs: []wantErr{{2, source.ErrMalformed}, {3, source.ErrMalformed}},
		},
		{
			name: "valid quoted newlines are untouched",
			in:   "id,text\n1,\"para one\n\npara \"\"two\"\"\"\n2,good\n",
			ids:  []string{"1", "2"},
		},
		{
			// A record the quote made over-long cannot be read again; the
			// error says which lines went with it.
			name: "unterminated and over the size limit",
			in:   "id,text\n1,short\n2,\"" + strings.Repeat("long line\n", 20) + "3,lost\n",
			ids:  []string{"1"},
			errs: []wantErr{{3, source.ErrTooLarge}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := collect(t, source.Options{MaxRecordBytes: 64}, writeFile(t, "r.csv", []byte(tt.in)))
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.ids, ",") {
				t.Errorf("doc ids = %v, want %v", ids, tt.ids)
			}
			checkErrs(t, errs, tt.errs)
		})
	}
}

// TestRead_CSVResyncLines checks the lines reported for documents read
// again after a malformed record.
func TestRead_CSVResyncLines(t *testing.T) {
	in := "id,text\n1,\"open\n2,good\n3,\"multi\nline\"\n"
	docs, errs := collect(t, source.Options{}, writeFile(t, "r.csv", []byte(in)))
	checkErrs(t, errs, []wantErr{{2, source.ErrMalformed}})
	checkDocs(t, docs, []wantDoc{{id: "2", line: 3}, {id: "3", line: 4, textPrefix: "multi\nline"}})
}
