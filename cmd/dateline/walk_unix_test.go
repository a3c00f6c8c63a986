//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestCode_WalkWithFIFO runs "dateline code" over a directory holding a
// named pipe between two articles: the run finishes, both articles are in
// the output, the pipe is named on stderr and the exit status says that
// something was skipped. A writer on the pipe makes a wrong open end in
// a test failure instead of a hang.
func TestCode_WalkWithFIFO(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(`{"id":"before","text":"The minister met farmers on Monday."}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.jsonl"), []byte(`{"id":"after","text":"The minister met traders on Tuesday."}`+"\n"), 0o644)
	fifo := filepath.Join(dir, "b.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	opened := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		close(opened)
		if err == nil {
			f.WriteString(`{"id":"pipe","text":"Must not be read."}` + "\n")
			f.Close()
		}
	}()

	out, errOut, code := runCmd(t, "", "code", dir)

	select {
	case <-opened:
		t.Error("the walk opened the named pipe")
	default:
		if r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
			<-opened
			r.Close()
		}
	}
	<-done
	if code != exitSkipped {
		t.Errorf("exit = %d, want %d", code, exitSkipped)
	}
	var ids []string
	for _, r := range records(t, out) {
		ids = append(ids, r["doc_id"].(string))
	}
	if strings.Join(ids, ",") != "before,after" {
		t.Errorf("doc ids = %v, want [before after]", ids)
	}
	if !strings.Contains(errOut, fifo) || !strings.Contains(errOut, "named pipe") {
		t.Errorf("stderr does not name the pipe %s:\n%s", fifo, errOut)
	}
}
