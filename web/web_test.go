package web_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/dateline-project/dateline/web"
)

// maxBundle keeps the app small enough to load at once on a slow link.
const maxBundle = 1 << 20

func TestAssets(t *testing.T) {
	assets := web.Assets()
	for _, name := range []string{"index.html", "app.js", "app.css", "favicon.svg", "THIRD_PARTY_LICENSES.txt"} {
		fi, err := fs.Stat(assets, name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if fi.Size() == 0 {
			t.Errorf("%s is empty", name)
		}
	}
	var total int64
	_ = fs.WalkDir(assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				total += fi.Size()
			}
		}
		return nil
	})
	if total > maxBundle {
		t.Errorf("built assets are %d bytes, want at most %d", total, maxBundle)
	}
}

// TestIndexIsCSPClean checks what the server's Content-Security-Policy
// (default-src 'self', no inline code) requires of the page: scripts and
// styles come from same-origin files, and no attribute holds code or style.
func TestIndexIsCSPClean(t *testing.T) {
	b, err := fs.ReadFile(web.Assets(), "index.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse index.html: %v", err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				if attr(n, "src") == "" || n.FirstChild != nil {
					t.Errorf("inline <script> in index.html")
				}
			case "style":
				t.Errorf("inline <style> in index.html")
			}
			for _, a := range n.Attr {
				if a.Key == "style" || strings.HasPrefix(a.Key, "on") {
					t.Errorf("<%s %s=...> is inline code or style", n.Data, a.Key)
				}
				if (a.Key == "src" || a.Key == "href") && (strings.Contains(a.Val, "//") || strings.Contains(a.Val, ":")) {
					t.Errorf("<%s %s=%q> does not load from the app's own origin", n.Data, a.Key, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestDistIsUpToDate rebuilds the bundle when the npm packages are
// installed (web/build.sh was run once) and compares it with the
// committed dist/, so that a change to src/ cannot ship unbuilt.
func TestDistIsUpToDate(t *testing.T) {
	for _, name := range []string{"index.html", "favicon.svg"} {
		src, err := os.ReadFile(filepath.Join("src", name))
		if err != nil {
			t.Fatal(err)
		}
		dist, err := fs.ReadFile(web.Assets(), name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(src, dist) {
			t.Errorf("dist/%s differs from src/%s: run web/build.sh", name, name)
		}
	}
	if _, err := os.Stat(filepath.Join("node_modules", ".bin", "esbuild")); err != nil {
		t.Skip("npm packages not installed (run web/build.sh once); not rebuilding the bundle")
	}
	out := t.TempDir()
	cmd := exec.Command("sh", "build.sh")
	cmd.Env = append(os.Environ(), "OUT="+out, "SKIP_INSTALL=1")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build.sh: %v\n%s", err, b)
	}
	for _, name := range []string{"app.js", "app.css"} {
		fresh, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		committed, err := fs.ReadFile(web.Assets(), name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(fresh, committed) {
			t.Errorf("dist/%s is stale: run web/build.sh and commit dist/", name)
		}
	}
}

// TestJavaScriptUnits runs the app's JavaScript unit tests (byte offsets,
// the highlight span tree) with node's test runner when node is installed.
func TestJavaScriptUnits(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed; skipping the JavaScript unit tests")
	}
	files, err := filepath.Glob(filepath.Join("test", "*.test.js"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no JavaScript tests found: %v", err)
	}
	cmd := exec.Command(node, append([]string{"--test"}, files...)...)
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test: %v\n%s", err, b)
	}
}
