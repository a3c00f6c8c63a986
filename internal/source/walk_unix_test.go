//go:build unix

package source_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dateline-project/dateline/internal/source"
)

// fifoWriter makes a named pipe at path and opens it for writing in the
// background, which blocks until a reader opens it. A reader that does
// open it gets data and then end of file instead of waiting forever, so a
// walk that wrongly opens the pipe fails the test rather than hanging it.
// opened reports (after release) whether anything opened the pipe before
// release was called.
func fifoWriter(t *testing.T, path, data string) (release func() (opened bool)) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	connected := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		close(connected)
		if err != nil {
			return
		}
		f.WriteString(data)
		f.Close()
	}()
	return func() bool {
		opened := false
		select {
		case <-connected:
			opened = true
		default:
			// Nothing opened the pipe: open it without blocking so that
			// the writer's open returns and its goroutine ends.
			r, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
			if err == nil {
				<-connected
				r.Close()
			}
		}
		<-done
		return opened
	}
}

// TestRead_WalkSkipsFIFO checks that a named pipe inside a walked
// directory is reported and skipped without being opened, and that the
// files before and after it are still read.
func TestRead_WalkSkipsFIFO(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("A story before the pipe."), 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("A story after the pipe."), 0o644)
	fifo := filepath.Join(dir, "b.jsonl")
	release := fifoWriter(t, fifo, `{"text":"Must not be read."}`+"\n")

	docs, errs := collect(t, source.Options{}, dir)
	if release() {
		t.Error("the walk opened the named pipe")
	}
	var texts []string
	for _, d := range docs {
		texts = append(texts, d.Text)
	}
	if strings.Join(texts, "|") != "A story before the pipe.|A story after the pipe." {
		t.Errorf("docs = %q", texts)
	}
	checkErrs(t, errs, []wantErr{{0, source.ErrNotRegular}})
	if len(errs) == 1 && (errs[0].Path != fifo || !strings.Contains(errs[0].Error(), "named pipe")) {
		t.Errorf("error %q does not name the pipe %s", errs[0], fifo)
	}
}

// TestRead_WalkSkipsSymlinkToFIFO checks that a symbolic link in a walk is
// judged by what it points at.
func TestRead_WalkSkipsSymlinkToFIFO(t *testing.T) {
	dir := t.TempDir()
	elsewhere := t.TempDir()
	fifo := filepath.Join(elsewhere, "pipe")
	release := fifoWriter(t, fifo, "Must not be read.")
	if err := os.Symlink(fifo, filepath.Join(dir, "link.txt")); err != nil {
		release()
		t.Skipf("symlink: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "z.txt"), []byte("A regular file."), 0o644)

	docs, errs := collect(t, source.Options{}, dir)
	if release() {
		t.Error("the walk opened the named pipe behind a symlink")
	}
	if len(docs) != 1 {
		t.Errorf("got %d docs, want 1", len(docs))
	}
	checkErrs(t, errs, []wantErr{{0, source.ErrNotRegular}})
}

// TestRead_NamedFIFO checks that a named pipe given explicitly is read:
// that is how process substitution (dateline code <(zcat x.gz)) reaches
// dateline, so the user's naming it is taken as intent.
func TestRead_NamedFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	release := fifoWriter(t, fifo, `{"id":"p","text":"Read through a pipe."}`+"\n")
	docs, errs := collect(t, source.Options{Format: source.FormatJSONL}, fifo)
	if !release() {
		t.Error("the named pipe was not opened")
	}
	checkErrs(t, errs, nil)
	checkDocs(t, docs, []wantDoc{{id: "p", line: 1, textPrefix: "Read through a pipe."}})
}

// TestRead_WalkSkipsDevice checks that a character device in a walk (here
// a symlink to /dev/null, since making device nodes needs privileges) is
// skipped: /dev/zero or a terminal would never end.
func TestRead_WalkSkipsDevice(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	dir := t.TempDir()
	if err := os.Symlink("/dev/null", filepath.Join(dir, "null.txt")); err != nil {
		t.Skipf("symlink: %v", err)
	}
	docs, errs := collect(t, source.Options{}, dir)
	if len(docs) != 0 {
		t.Errorf("got %d docs", len(docs))
	}
	checkErrs(t, errs, []wantErr{{0, source.ErrNotRegular}})
	if len(errs) == 1 && !errors.Is(errs[0], source.ErrUnsupported) {
		t.Errorf("error %v is not also ErrUnsupported", errs[0])
	}
}
