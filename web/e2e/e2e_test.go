// Package e2e_test drives dateline's web app in headless Chromium against
// the real HTTP server and SQLite store, filled with invented articles.
// It skips when Chromium is not installed; .ci/run installs it.
package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/dateline-project/dateline/internal/server"
	"github.com/dateline-project/dateline/internal/store/sqlite"
	"github.com/dateline-project/dateline/web"
)

// chromium finds the browser: $DATELINE_CHROMIUM, else Debian's.
func chromium(t *testing.T) string {
	t.Helper()
	p := os.Getenv("DATELINE_CHROMIUM")
	if p == "" {
		p = "/usr/bin/chromium"
	}
	if _, err := os.Stat(p); err != nil {
		t.Skipf("browser tests need Chromium at %s (apt-get install chromium; .ci/run installs it): %v", p, err)
	}
	return p
}

// screenshotDir is where the screenshots go: $DATELINE_SCREENSHOTS, else
// a fixed folder under the temp dir so that a person can find them after
// the run.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("DATELINE_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "dateline-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("screenshot dir: %v", err)
	}
	t.Logf("screenshots: %s", dir)
	fmt.Printf("dateline e2e screenshots: %s\n", dir)
	return dir
}

func startServer(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "e2e.db"), sqlite.Options{NoSync: true})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	ins, err := db.PutDocuments(ctx, fixtures(t))
	if err != nil {
		t.Fatalf("store fixtures: %v", err)
	}
	for i, ok := range ins {
		if !ok {
			t.Fatalf("fixture %d was not inserted", i)
		}
	}
	srv := httptest.NewServer(server.New(db, server.Options{Assets: web.Assets()}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// watcher records what must not happen in the page: script errors,
// console errors (CSP violations among them) and dialogs (an alert
// from article text would be one).
type watcher struct {
	mu       sync.Mutex
	problems []string
}

func (w *watcher) add(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
}

func (w *watcher) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	p := w.problems
	w.problems = nil
	return p
}

func browser(t *testing.T, exe string, w *watcher) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1400, 1000),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("enable log domain: %v", err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				w.add("console %s (%s %s:%d)", m, m.Source, m.URL, m.Line+1)
			}
		}
	}()
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			w.add("dialog opened (%s): %q", ev.Type, ev.Message)
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return ctx
}

// markText is a page helper: a mark's own text without its label.
const helpers = `window.__t = {
  markText: (m) => [...m.childNodes].filter((n) => !(n.classList && n.classList.contains("label"))).map((n) => n.textContent).join(""),
  texts: (sel) => [...document.querySelectorAll(sel)].map((m) => window.__t.markText(m)),
  count: (sel) => document.querySelectorAll(sel).length,
};`

func TestWebApp(t *testing.T) {
	exe := chromium(t)
	base := startServer(t)
	shots := screenshotDir(t)
	w := &watcher{}
	ctx := browser(t, exe, w)

	// step bounds one action: a query for an element that never appears
	// would otherwise wait for ever.
	step := func() (context.Context, context.CancelFunc) { return context.WithTimeout(ctx, 30*time.Second) }
	run := func(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := step()
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// runRetry is run for clicks on elements a view may redraw between
	// finding and clicking them (the map re-renders when its data
	// arrives): a vanished node is looked up again, a few times.
	runRetry := func(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		var err error
		for attempt := 0; attempt < 5; attempt++ {
			sctx, cancel := step()
			err = chromedp.Do(sctx, actions...)
			cancel()
			if err == nil {
				return
			}
			time.Sleep(150 * time.Millisecond)
		}
		t.Fatalf("%s: %v", what, err)
	}
	poll := func(t *testing.T, what, expr string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash + " | " + document.querySelector("main").innerText.slice(0, 600)`))
			t.Fatalf("waiting for %s (%s): %v\npage: %s", what, expr, err, state)
		}
	}
	eval := func(t *testing.T, expr string, out any) {
		t.Helper()
		sctx, cancel := step()
		defer cancel()
		raw, err := chromedp.Run(sctx, chromedp.Evaluate[json.RawMessage](expr, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		if out != nil {
			if err := json.Unmarshal(raw, out); err != nil {
				t.Fatalf("evaluate %s: decode %s: %v", expr, raw, err)
			}
		}
	}
	shot := func(t *testing.T, name string) {
		t.Helper()
		eval(t, `window.scrollTo(0, 0)`, nil)
		sctx, cancel := step()
		defer cancel()
		buf, err := chromedp.Run(sctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		p := filepath.Join(shots, name)
		if err := os.WriteFile(p, buf, 0o644); err != nil {
			t.Fatalf("write screenshot: %v", err)
		}
		t.Logf("screenshot %s", p)
	}
	setHash := func(t *testing.T, hash string) {
		t.Helper()
		eval(t, fmt.Sprintf(`location.hash = %q`, hash), nil)
	}
	rows := `document.querySelectorAll("#events tr.event").length`
	total := 0
	for _, d := range fixtures(t) {
		total += len(d.Record.Events)
	}
	checkClean := func(t *testing.T) {
		t.Helper()
		for _, p := range w.take() {
			t.Errorf("page problem: %s", p)
		}
	}

	t.Run("Dashboard", func(t *testing.T) {
		run(t, "load", chromedp.Navigate(base+"/"))
		eval(t, helpers+"true", nil)
		poll(t, "map, timeline, network and table", `document.querySelectorAll("#map svg path").length > 100 &&
			document.querySelectorAll("#timeline svg rect").length > 2 && document.querySelectorAll("#network .node").length > 0 &&
			`+rows+` > 0`)
		var paths, circles, nodes, n int
		eval(t, `__t.count("#map svg path.country")`, &paths)
		eval(t, `__t.count("#map circle.place")`, &circles)
		eval(t, `__t.count("#network .node")`, &nodes)
		eval(t, rows, &n)
		if paths < 150 {
			t.Errorf("map draws %d countries, want the ~177 of Natural Earth 1:110m", paths)
		}
		if circles < 6 {
			t.Errorf("map shows %d place circles, want at least 6", circles)
		}
		if nodes < 6 {
			t.Errorf("network shows %d actors, want at least 6", nodes)
		}
		if n != total {
			t.Errorf("table shows %d events, want all %d", n, total)
		}
		shot(t, "01-dashboard.png")
		checkClean(t)
	})

	t.Run("CountIncidentsOrReports", func(t *testing.T) {
		setHash(t, "#/")
		// The two Jakarta reports are one incident.
		poll(t, "totals", `/ events in \d+ incidents/.test(document.getElementById("totals").textContent)`)
		var totals string
		eval(t, `document.getElementById("totals").textContent`, &totals)
		if want := fmt.Sprintf("%d events in %d incidents", total, total-1); !strings.Contains(totals, want) {
			t.Errorf("totals %q, want %q", totals, want)
		}
		run(t, "count reports", chromedp.SetValue(chromedp.CSS(`#count`), "reports"))
		eval(t, `document.getElementById("count").dispatchEvent(new Event("change"))`, nil)
		poll(t, "reports counted", `location.hash.includes("count=reports")`)
		setHash(t, "#/")
		poll(t, "incidents again", `document.getElementById("count").value === ""`)
		checkClean(t)
	})

	t.Run("FilterAndEvidence", func(t *testing.T) {
		poll(t, "type options", `!!document.querySelector('select[name=type] option[value="ASSAULT"]')`)
		run(t, "choose ASSAULT", chromedp.SetValue(chromedp.CSS(`select[name=type]`), "ASSAULT"))
		eval(t, `document.querySelector("select[name=type]").dispatchEvent(new Event("change"))`, nil)
		poll(t, "two ASSAULT rows", rows+` === 2 && [...document.querySelectorAll("#events tr.event .etype")].every((e) => e.textContent === "ASSAULT")`)
		poll(t, "map filtered", `__t.count("#map circle.place") === 2`)
		var hash string
		eval(t, `location.hash`, &hash)
		if !strings.Contains(hash, "type=ASSAULT") {
			t.Errorf("hash %q does not record the filter", hash)
		}
		// the first row (by day) is the Kyiv shelling
		run(t, "expand row", chromedp.Click(chromedp.CSS(`#events tr.event`)))
		poll(t, "evidence", `!!document.querySelector("#events tr.detail:not([hidden]) mark.ev-date")`)
		want := map[string]string{
			"ev-trigger": "shelled", "ev-actor": "Ukrainian forces", "ev-recipient": "Russian troops",
			"ev-place": "Kharkiv", "ev-date": "Monday", "ev-claimant": "the defence ministry",
		}
		for cls, text := range want {
			var got []string
			eval(t, fmt.Sprintf(`__t.texts("#events tr.detail:not([hidden]) mark.%s")`, cls), &got)
			if len(got) != 1 || got[0] != text {
				t.Errorf("evidence mark .%s = %q, want [%q]", cls, got, text)
			}
		}
		var facts string
		eval(t, `document.querySelector("#events tr.detail:not([hidden]) dl.facts").textContent`, &facts)
		if !strings.Contains(facts, "Ministry of Defence of Ukraine") {
			t.Errorf("facts do not name the claimant: %q", facts)
		}
		var export struct {
			Href   string
			Status int
			Lines  int
		}
		eval(t, `(async () => { const a = document.getElementById("export-jsonl"); const r = await fetch(a.href);
			const body = await r.text(); return { href: a.href, status: r.status, lines: body.trim().split("\n").length }; })()`, &export)
		if !strings.Contains(export.Href, "type=ASSAULT") || export.Status != 200 || export.Lines != 2 {
			t.Errorf("JSONL export link %q gave status %d and %d lines, want the 2 filtered events", export.Href, export.Status, export.Lines)
		}
		shot(t, "02-filtered-evidence.png")
		checkClean(t)
	})

	t.Run("MapClick", func(t *testing.T) {
		setHash(t, "#/")
		poll(t, "all rows", rows+` === `+fmt.Sprint(total))
		poll(t, "Caracas circle", `!!document.querySelector('#map circle.place[data-place="Caracas"]')`)
		runRetry(t, "click Caracas", chromedp.Click(chromedp.CSS(`#map circle.place[data-place="Caracas"]`)))
		// Caracas has a GeoNames id: the map filters by it, not by name.
		poll(t, "Caracas events", rows+` === 1 && location.hash.includes("geonameid=3646738") && !location.hash.includes("place=")`)
		poll(t, "place chip", `document.getElementById("chips").textContent.includes("place: Caracas")`)
		poll(t, "selected circle", `!!document.querySelector("#map circle.place.selected")`)
		shot(t, "03-map-place.png")
		checkClean(t)
	})

	t.Run("SearchClaimedNetwork", func(t *testing.T) {
		setHash(t, "#/")
		poll(t, "all rows", rows+` === `+fmt.Sprint(total))
		run(t, "search", chromedp.SendKeys(chromedp.CSS(`input[name=q]`), "Caracas"),
			chromedp.Click(chromedp.CSS(`#filters button[type=submit]`)))
		poll(t, "one document's event", rows+` === 1 && location.hash.includes("q=Caracas")`)

		setHash(t, "#/?claimed=true")
		poll(t, "claimed events", rows+` === 3 && document.querySelector("select[name=claimed]").value === "true"`)
		var claimants int
		eval(t, `[...document.querySelectorAll("#events tr.event td:nth-child(6)")].filter((td) => td.textContent.trim() !== "").length`, &claimants)
		if claimants != 3 {
			t.Errorf("%d of the claimed events show a claimant, want 3", claimants)
		}

		setHash(t, "#/")
		poll(t, "Kenya node", `!!document.querySelector('#network .node[data-name="Kenya"] circle')`)
		runRetry(t, "click Kenya", chromedp.Click(chromedp.CSS(`#network .node[data-name="Kenya"] circle`)))
		poll(t, "Kenya's events", rows+` === 2 && location.hash.includes("actor_name=Kenya")`)
		checkClean(t)
	})

	t.Run("TimelineBrush", func(t *testing.T) {
		setHash(t, "#/")
		poll(t, "all rows", rows+` === `+fmt.Sprint(total))
		var box []float64
		eval(t, `(() => { const r = document.querySelector("#timeline .overlay").getBoundingClientRect(); window.scrollTo(0, 0); return [r.left, r.top, r.width, r.height]; })()`, &box)
		if len(box) != 4 || box[2] < 100 {
			t.Fatalf("timeline overlay box %v", box)
		}
		y := box[1] + box[3]/2
		x0, x1 := box[0]+2, box[0]+box[2]*0.45
		run(t, "drag", chromedp.MouseEvent(chromedp.MousePressed, x0, y, chromedp.ButtonLeft),
			chromedp.MouseEvent(chromedp.MouseMoved, (x0+x1)/2, y, chromedp.ButtonLeft),
			chromedp.MouseEvent(chromedp.MouseMoved, x1, y, chromedp.ButtonLeft),
			chromedp.MouseEvent(chromedp.MouseReleased, x1, y, chromedp.ButtonLeft))
		poll(t, "date range", `location.hash.includes("from=") && location.hash.includes("to=")`)
		poll(t, "fewer rows", rows+` > 0 && `+rows+` < `+fmt.Sprint(total))
		var from, to string
		eval(t, `document.querySelector("input[name=from]").value`, &from)
		eval(t, `document.querySelector("input[name=to]").value`, &to)
		if from == "" || from > "2025-03-03" || to < "2025-03-03" || to >= "2025-03-14" {
			t.Errorf("brushed range %s..%s, want it to cover the first day 2025-03-03 but not the last", from, to)
		}
		shot(t, "04-timeline-brush.png")
		checkClean(t)
	})

	t.Run("DocumentEscapesScript", func(t *testing.T) {
		setHash(t, "#/doc/"+scriptDocID)
		poll(t, "document", `__t.count("#article mark.ent") > 0`)
		for _, sel := range []string{"mark.ent", "mark.quote", "mark.place", "mark.time", "mark.trigger", "mark.cue", "mark.dateline"} {
			var n int
			eval(t, fmt.Sprintf(`__t.count("#article %s")`, sel), &n)
			if n == 0 {
				t.Errorf("document view has no %s", sel)
			}
		}
		var text string
		eval(t, `document.getElementById("article").textContent`, &text)
		if !strings.Contains(text, "<script>alert(1)</script>") {
			t.Errorf("article does not show the script tag as text: %q", text)
		}
		var scripts int
		eval(t, `__t.count("#document script") + __t.count("#document h2 b")`, &scripts)
		if scripts != 0 {
			t.Errorf("article or title markup became elements (%d)", scripts)
		}
		var title string
		eval(t, `document.querySelector("#document h2").textContent`, &title)
		if !strings.Contains(title, "<b>markup</b>") {
			t.Errorf("title %q does not show its markup as text", title)
		}
		var legend int
		eval(t, `__t.count("#document .doc-legend input[type=checkbox]")`, &legend)
		if legend < 6 {
			t.Errorf("legend has %d layer toggles", legend)
		}
		shot(t, "05-document-script.png")
		checkClean(t)
	})

	t.Run("DocumentClusterHighlight", func(t *testing.T) {
		setHash(t, "#/doc/"+scriptDocID)
		poll(t, "document", `__t.count("#article mark[data-cluster]") > 0`)
		// Pointing at a mention lights every mention of its cluster and
		// nothing else.
		var lit, same, others int
		eval(t, `(() => {
  const m = document.querySelector("#article mark[data-cluster]");
  m.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
  return document.querySelectorAll("#article mark.cluster-on").length;
})()`, &lit)
		eval(t, `(() => { const c = document.querySelector("#article mark[data-cluster]").dataset.cluster;
  return document.querySelectorAll('#article mark[data-cluster="' + c + '"]').length; })()`, &same)
		eval(t, `(() => { const c = document.querySelector("#article mark[data-cluster]").dataset.cluster;
  return [...document.querySelectorAll("#article mark.cluster-on")].filter((m) => m.dataset.cluster !== c).length; })()`, &others)
		if lit == 0 || lit != same || others != 0 {
			t.Errorf("hovering a mention lit %d marks (%d of other clusters); its cluster has %d", lit, others, same)
		}
		checkClean(t)
	})

	t.Run("DocumentByteOffsets", func(t *testing.T) {
		setHash(t, "#/doc/"+accentDocID)
		poll(t, "document", `__t.count("#article mark.ent") > 0 && document.querySelector("#document h2").textContent.includes("São Paulo")`)
		var ents, places, quotes []string
		eval(t, `__t.texts("#article mark.ent")`, &ents)
		eval(t, `__t.texts("#article mark.place")`, &places)
		eval(t, `__t.texts("#article mark.quote")`, &quotes)
		wantEnts := []string{"Mauro Vieira", "Colombia’s envoy", "Vieira", "federal police", "12 protesters"}
		if strings.Join(ents, "|") != strings.Join(wantEnts, "|") {
			t.Errorf("entity marks %q, want %q (byte offsets mapped wrongly?)", ents, wantEnts)
		}
		wantPlaces := []string{"SÃO PAULO", "São Paulo", "Brasília"}
		if strings.Join(places, "|") != strings.Join(wantPlaces, "|") {
			t.Errorf("place marks %q, want %q", places, wantPlaces)
		}
		if len(quotes) != 1 || quotes[0] != "“Our cooperation is deepening,”" {
			t.Errorf("quote marks %q", quotes)
		}
		run(t, "hide entities", chromedp.Click(chromedp.CSS(`#document .doc-legend input[data-layer="ent"]`)))
		poll(t, "entities hidden", `document.getElementById("article").classList.contains("hide-ent")`)
		run(t, "show entities", chromedp.Click(chromedp.CSS(`#document .doc-legend input[data-layer="ent"]`)))
		shot(t, "06-document-accents.png")
		checkClean(t)
	})

	t.Run("Quotes", func(t *testing.T) {
		setHash(t, "#/?tab=quotes")
		poll(t, "quotes", `__t.count("#quotes .quote-item") === 3`)
		run(t, "pick speaker", chromedp.Click(chromedp.Search(`//button[contains(@class,"speaker")][contains(., "Maria Lindqvist")]`)))
		poll(t, "one speaker", `__t.count("#quotes .quote-item") === 1 && location.hash.includes("speaker=")`)
		var q string
		eval(t, `document.querySelector("#quotes blockquote").textContent`, &q)
		if !strings.Contains(q, "Press freedom") {
			t.Errorf("speaker filter kept %q", q)
		}
		shot(t, "07-quotes.png")
		checkClean(t)
	})

	t.Run("DocumentAlsoReportedBy", func(t *testing.T) {
		setHash(t, "#/doc/jakarta-0312")
		poll(t, "also reported by", `__t.count("#document .also-reported button") === 1`)
		var heading string
		eval(t, `[...document.querySelectorAll("#document .doc-side h3")].map((h) => h.textContent).join("|")`, &heading)
		if !strings.Contains(heading, "Also reported by (1)") {
			t.Errorf("side headings %q", heading)
		}
		run(t, "open the other report", chromedp.Click(chromedp.CSS(`#document .also-reported button`)))
		poll(t, "other report", `location.hash.includes("`+alsoDocID+`") && __t.count("#document .also-reported button[data-doc='jakarta-0312']") === 1`)
		checkClean(t)
	})

	t.Run("EventLinksToDocument", func(t *testing.T) {
		setHash(t, "#/?type=CONSULT")
		poll(t, "one row", rows+` === 1`)
		run(t, "open document", chromedp.Click(chromedp.CSS(`#events td.doc a`)))
		poll(t, "document", `location.hash.startsWith("#/doc/") && __t.count("#article mark.trigger") === 2`)
		run(t, "back", chromedp.Click(chromedp.CSS(`#document button.back`)))
		poll(t, "dashboard again", `!document.getElementById("dashboard").hidden && `+rows+` === 1`)
		checkClean(t)
	})
}
