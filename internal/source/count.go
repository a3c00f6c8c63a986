package source

import (
	"context"
	"io/fs"
	"os"
)

// Count reads inputs as Read does and returns how many items (documents
// and skipped records) Read would emit, so that a command can show a total
// and an estimate of the time left before it has coded them. Reading is
// far cheaper than coding, so counting first costs a small share of a
// run. ok is false, and nothing is read, when an input cannot be read
// twice: stdin ("-") or a named pipe, walked or named. err is Read's.
func Count(ctx context.Context, inputs []string, opts Options) (n int, ok bool, err error) {
	for _, in := range inputs {
		if in == "-" || !rereadable(in) {
			return 0, false, nil
		}
	}
	err = Read(ctx, inputs, opts, func(Item) error { n++; return nil })
	return n, err == nil, err
}

// rereadable reports whether path, a file or a directory tree, holds no
// named pipe, which a count would drain before Read gets to it.
func rereadable(path string) bool {
	st, err := os.Stat(path)
	if err != nil {
		return true // Read reports it, once per read, as a skipped record
	}
	if !st.IsDir() {
		return st.Mode()&fs.ModeNamedPipe == 0
	}
	ok := true
	_ = fs.WalkDir(os.DirFS(path), ".", func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type()&fs.ModeNamedPipe != 0 {
			ok = false
			return fs.SkipAll
		}
		return nil
	})
	return ok
}
