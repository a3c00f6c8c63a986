// Package testref locates the reference material that tests may read:
// the repository root, and the ../shared folder beside it that holds the
// seed dispatch, the gold sets and the PETRARCH2 files. A test that needs
// a shared file skips, with a message naming it, when ../shared is absent;
// CI always has it.
package testref

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the directory holding go.mod above the test's working
// directory, skipping the test when there is none.
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("repository root (go.mod) not found above the test directory")
		}
		dir = parent
	}
}

// Shared returns the path of rel inside ../shared, skipping the test when
// the file is absent.
func Shared(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(RepoRoot(tb), "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("reference file shared/%s is absent (../shared is not checked out beside the repository): %v", rel, err)
	}
	return p
}

// Seed is the reference dispatch.
const Seed = "seed/000_9734b823c9ffa713.txt"
