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
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/dateline-project/dateline/internal/server"
	"github.com/dateline-project/dateline/internal/store"
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
	// would otherwise wait for ever. The bound only tells a stuck page
	// from a slow one, so it is far above what a loaded machine needs.
	step := func() (context.Context, context.CancelFunc) { return context.WithTimeout(ctx, 90*time.Second) }
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
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(90*time.Second))); err != nil {
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
	// total counts the events the app shows by default, all of them
	// every stored event, principal the principal ones that are not
	// asserted too.
	total, principal, all := 0, 0, 0
	for _, d := range fixtures(t) {
		for i := range d.Record.Events {
			e := &d.Record.Events[i]
			all++
			if e.Principal {
				principal++
			}
			if shown(e) {
				total++
			}
		}
	}
	if total == principal || principal == all {
		t.Fatalf("fixtures: %d shown, %d principal, %d in all; the toggles need events of each kind", total, principal, all)
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
			t.Errorf("table shows %d events, want the %d principal asserted ones", n, total)
		}
		// Totals say how many match of how many are stored.
		poll(t, "totals", `document.getElementById("totals").textContent.includes(" events")`)
		var totals, status string
		eval(t, `document.getElementById("totals").textContent`, &totals)
		eval(t, `document.querySelector("#events .status").textContent`, &status)
		if want := fmt.Sprintf("%d of %d events", total, all); !strings.HasPrefix(totals, want) {
			t.Errorf("header totals %q, want them to start %q", totals, want)
		}
		if want := fmt.Sprintf("%d of %d events", total, total); status != want {
			t.Errorf("table status %q, want %q", status, want)
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
		if want := fmt.Sprintf("%d events in %d incidents", all, all-1); !strings.Contains(totals, want) {
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
		poll(t, "totals follow the filter", fmt.Sprintf(`document.getElementById("totals").textContent.startsWith("2 of %d events") &&
			document.querySelector("#events .status").textContent === "2 of 2 events"`, all))
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
		poll(t, "all rows again", rows+` === `+fmt.Sprint(total))
		poll(t, "Kenya node", `!!document.querySelector('#network .node[data-name="Kenya"] circle')`)
		// The click is dispatched to the node itself: a click at the
		// circle's screen position may land on a network that a late
		// redraw has just replaced, and then nothing happens (seen once
		// under CI load).
		eval(t, `document.querySelector('#network .node[data-name="Kenya"]').dispatchEvent(new MouseEvent("click", {bubbles: true})), true`, nil)
		poll(t, "Kenya's events", rows+` === 2 && location.hash.includes("actor_name=Kenya")`)
		checkClean(t)
	})

	// timeline reads the timeline's unit, shown span and event count.
	type timelineInfo struct {
		Unit, From, To string
		Total          int
		Starts         []string
	}
	timeline := func(t *testing.T) timelineInfo {
		t.Helper()
		var ti timelineInfo
		eval(t, `(() => { const s = document.querySelector("#timeline svg"); return { unit: s.dataset.unit, from: s.dataset.from, to: s.dataset.to,
			total: +s.dataset.total, starts: [...s.querySelectorAll("g.bar")].map((b) => b.dataset.start) }; })()`, &ti)
		return ti
	}
	// drag presses the left button at x0 and releases it at x1, at height y.
	drag := func(t *testing.T, what string, x0, x1, y float64) {
		t.Helper()
		run(t, what, chromedp.MouseEvent(chromedp.MousePressed, x0, y, chromedp.ButtonLeft),
			chromedp.MouseEvent(chromedp.MouseMoved, (x0+x1)/2, y, chromedp.ButtonLeft),
			chromedp.MouseEvent(chromedp.MouseMoved, x1, y, chromedp.ButtonLeft),
			chromedp.MouseEvent(chromedp.MouseReleased, x1, y, chromedp.ButtonLeft))
	}
	// box is an element's viewport rectangle [left, top, width, height],
	// after scrolling to the top.
	box := func(t *testing.T, sel string) []float64 {
		t.Helper()
		var b []float64
		eval(t, fmt.Sprintf(`(() => { window.scrollTo(0, 0); const r = document.querySelector(%q).getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`, sel), &b)
		if len(b) != 4 || b[2] < 50 {
			t.Fatalf("%s box %v", sel, b)
		}
		return b
	}
	// lastQuery is the query of the latest request to an API path, as
	// sorted key=value pairs, leaving out the keys in omit.
	lastQuery := func(t *testing.T, path string, omit ...string) []string {
		t.Helper()
		var q []string
		om, _ := json.Marshal(omit)
		eval(t, fmt.Sprintf(`(() => { const es = performance.getEntriesByType("resource").map((e) => new URL(e.name)).filter((u) => u.pathname === %q);
			if (!es.length) return [];
			const omit = %s;
			return [...es[es.length - 1].searchParams].filter(([k]) => !omit.includes(k)).map(([k, v]) => k + "=" + v).sort(); })()`, path, om), &q)
		return q
	}

	t.Run("TimelineBins", func(t *testing.T) {
		// The store spans 2019 to 2025: months. The timeline counts
		// reports here, as the table lists them (it counts incidents by
		// default; see CountIncidentsOrReports).
		setHash(t, "#/?count=reports")
		poll(t, "all rows", rows+` === `+fmt.Sprint(total))
		poll(t, "timeline", `!!document.querySelector("#timeline svg[data-unit]")`)
		ti := timeline(t)
		if ti.Unit != "month" || ti.From != "2019-06-01" || ti.To != "2025-03-31" {
			t.Errorf("whole store: %s bins over %s..%s, want month bins over 2019-06-01..2025-03-31", ti.Unit, ti.From, ti.To)
		}
		if ti.Total != total {
			t.Errorf("timeline counts %d events, the table %d", ti.Total, total)
		}
		for _, st := range ti.Starts {
			if !strings.HasSuffix(st, "-01") {
				t.Errorf("month bin starts on %s", st)
			}
		}
		var title string
		eval(t, `document.getElementById("timeline-title").textContent`, &title)
		if title != "Events per month" {
			t.Errorf("timeline title %q", title)
		}
		shot(t, "04-timeline-months.png")

		// The span shown decides the bin, and the timeline follows every
		// filter, dates included: its events are the table's.
		for _, c := range []struct{ hash, unit, from, to string }{
			{"#/?from=2000-01-01&count=reports", "year", "2000-01-01", "2025-12-31"},
			{"#/?from=2024-06-01&to=2025-05-31&count=reports", "week", "2024-05-27", "2025-06-01"},
			{"#/?from=2025-03-01&to=2025-03-31&count=reports", "day", "2025-03-01", "2025-03-31"},
			{"#/?type=AGREE&count=reports", "month", "2019-06-01", "2025-03-31"},
			{"#/?type=AGREE&from=2025-01-01&count=reports", "day", "2025-01-01", "2025-03-12"},
			{"#/?actor_country=UKR&from=2025-03-01&to=2025-03-31&count=reports", "day", "2025-03-01", "2025-03-31"},
		} {
			// The resource timing buffer holds 250 entries by default and
			// then drops new ones: empty it, so that the latest requests
			// are the ones read.
			eval(t, `performance.clearResourceTimings()`, nil)
			setHash(t, c.hash)
			poll(t, c.hash, `!!document.querySelector("#timeline svg[data-unit]") && document.querySelector("#timeline svg").dataset.from === `+fmt.Sprintf("%q", c.from)+
				` && !document.querySelector("#events .status").textContent.startsWith("Loading")`)
			ti := timeline(t)
			var n int
			eval(t, rows, &n)
			if ti.Unit != c.unit || ti.From != c.from || ti.To != c.to || ti.Total != n || n == 0 {
				t.Errorf("%s: %s bins over %s..%s counting %d events; want %s bins over %s..%s counting the table's %d",
					c.hash, ti.Unit, ti.From, ti.To, ti.Total, c.unit, c.from, c.to, n)
			}
			tq, eq := lastQuery(t, "/api/stats/timeline", "by", "count"), lastQuery(t, "/api/events", "cursor", "limit", "total", "sort")
			if strings.Join(tq, "&") != strings.Join(eq, "&") {
				t.Errorf("%s: timeline asked %q, the table %q", c.hash, tq, eq)
			}
		}
		checkClean(t)
	})

	t.Run("TimelineBrush", func(t *testing.T) {
		// By day: the brushed range covers the days under the drag.
		setHash(t, "#/?from=2025-03-01&to=2025-03-16")
		poll(t, "day bins", `document.querySelector("#timeline svg[data-unit=day]") && `+rows+` > 0`)
		var before int
		eval(t, rows, &before)
		b := box(t, "#timeline .overlay")
		drag(t, "drag days", b[0]+2, b[0]+b[2]*0.45, b[1]+b[3]/2)
		poll(t, "date range", `location.hash.includes("from=") && !location.hash.includes("to=2025-03-16")`)
		poll(t, "fewer rows", rows+` > 0 && `+rows+` < `+fmt.Sprint(before))
		var from, to string
		eval(t, `document.querySelector("input[name=from]").value`, &from)
		eval(t, `document.querySelector("input[name=to]").value`, &to)
		if from != "2025-03-01" || to < "2025-03-03" || to >= "2025-03-14" {
			t.Errorf("brushed range %s..%s, want 2025-03-01 to a day before 2025-03-14", from, to)
		}
		// By month: the range snaps to whole months, and the timeline
		// zooms into it with finer bins.
		setHash(t, "#/")
		poll(t, "month bins", `!!document.querySelector("#timeline svg[data-unit=month]")`)
		b = box(t, "#timeline .overlay")
		drag(t, "drag months", b[0]+b[2]*0.05, b[0]+b[2]*0.5, b[1]+b[3]/2)
		// The form follows the hash on hashchange, which may come a task
		// after the hash is set: wait until both agree.
		poll(t, "month range", `(() => { const q = new URLSearchParams(location.hash.split("?")[1] || "");
			return q.has("from") && q.has("to") && document.querySelector("input[name=from]").value === q.get("from")
				&& document.querySelector("input[name=to]").value === q.get("to"); })()`)
		eval(t, `document.querySelector("input[name=from]").value`, &from)
		eval(t, `document.querySelector("input[name=to]").value`, &to)
		last, err := time.Parse("2006-01-02", to)
		if err != nil || !strings.HasSuffix(from, "-01") || last.AddDate(0, 0, 1).Day() != 1 || from < "2019-06-01" || to > "2022-12-31" {
			t.Errorf("brushed months %s..%s, want whole months within 2019-06..2022-12", from, to)
		}
		poll(t, "finer bins", `!!document.querySelector("#timeline svg[data-unit=week], #timeline svg[data-unit=month]") && document.querySelector("#timeline svg").dataset.from === `+fmt.Sprintf("%q", from))
		shot(t, "05-timeline-brush.png")
		// A click without a drag clears the range. The timeline may still
		// be redrawing its brushed view when the click lands, and a click
		// on the old overlay is lost: click again, a few times, until the
		// range is gone, then wait for the rows.
		for attempt := 0; attempt < 5; attempt++ {
			b = box(t, "#timeline .overlay")
			run(t, "click", chromedp.MouseClickXY(b[0]+b[2]/2, b[1]+b[3]/2))
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!location.hash.includes("from=")`, chromedp.WithPollingTimeout(10*time.Second))); err == nil {
				break
			}
		}
		poll(t, "range cleared", `!location.hash.includes("from=") && `+rows+` === `+fmt.Sprint(total))
		checkClean(t)
	})

	t.Run("Toggles", func(t *testing.T) {
		// Reports, so that the timeline counts what the table lists.
		setHash(t, "#/?count=reports")
		poll(t, "default rows", rows+` === `+fmt.Sprint(total))
		var on []bool
		eval(t, `[...document.querySelectorAll("#filters input[type=checkbox]")].map((c) => c.checked)`, &on)
		if len(on) != 2 || !on[0] || !on[1] {
			t.Fatalf("toggles %v, want principal only and asserted only, both on", on)
		}
		// check waits until every view counts n events: the table, the
		// timeline, the header, and the export link's file.
		check := func(t *testing.T, what string, n int, hashHas, hrefHas, hrefLacks string) {
			t.Helper()
			poll(t, what, rows+` === `+fmt.Sprint(n)+` && +document.querySelector("#timeline svg").dataset.total === `+fmt.Sprint(n)+
				fmt.Sprintf(` && document.getElementById("totals").textContent.startsWith("%d of %d events")`, n, all)+
				fmt.Sprintf(` && location.hash.includes(%q)`, hashHas))
			var export struct {
				Href  string
				Lines int
			}
			eval(t, `(async () => { const a = document.getElementById("export-jsonl"); const body = await (await fetch(a.href)).text();
				return { href: a.href, lines: body.trim() ? body.trim().split("\n").length : 0 }; })()`, &export)
			if export.Lines != n || (hrefHas != "" && !strings.Contains(export.Href, hrefHas)) || (hrefLacks != "" && strings.Contains(export.Href, hrefLacks)) {
				t.Errorf("%s: export %q has %d events, want %d", what, export.Href, export.Lines, n)
			}
		}
		check(t, "both on", total, "#/", "principal=true", "")
		run(t, "principal off", chromedp.Click(chromedp.CSS(`#filters input[name=principal]`)))
		// Off, the subordinate ASSAULT joins the table, and its place the map.
		subordinate := 0
		for _, d := range fixtures(t) {
			for i := range d.Record.Events {
				if e := &d.Record.Events[i]; !e.Principal && store.IsAsserted(e) {
					subordinate++
				}
			}
		}
		check(t, "principal off", total+subordinate, "principal=0", "asserted=true", "principal=")
		run(t, "asserted off", chromedp.Click(chromedp.CSS(`#filters input[name=asserted]`)))
		check(t, "both off", all, "asserted=0", "", "asserted=")
		var negated int
		eval(t, `[...document.querySelectorAll("#events tr.event .flag")].filter((f) => f.textContent.includes("negated")).length`, &negated)
		if negated == 0 {
			t.Errorf("with asserted off, no negated event is listed")
		}
		shot(t, "06-toggles-off.png")
		run(t, "principal on", chromedp.Click(chromedp.CSS(`#filters input[name=principal]`)))
		check(t, "asserted off", principal, "asserted=0", "principal=true", "asserted=")
		run(t, "asserted on", chromedp.Click(chromedp.CSS(`#filters input[name=asserted]`)))
		check(t, "both on again", total, "#/", "asserted=true", "")
		checkClean(t)
	})

	t.Run("Sort", func(t *testing.T) {
		setHash(t, "#/")
		poll(t, "rows", rows+` === `+fmt.Sprint(total))
		run(t, "newest first", chromedp.SetValue(chromedp.CSS(`#sort`), "-date"))
		eval(t, `document.getElementById("sort").dispatchEvent(new Event("change"))`, nil)
		poll(t, "newest first", `location.hash.includes("sort=-date") && `+rows+` === `+fmt.Sprint(total)+
			` && document.querySelector("#events tr.event td.date").textContent === "2025-03-18"`)
		var dates []string
		eval(t, `[...document.querySelectorAll("#events tr.event td.date")].map((td) => td.textContent)`, &dates)
		for i := 1; i < len(dates); i++ {
			if dates[i] > dates[i-1] {
				t.Errorf("row %d (%s) is newer than row %d (%s)", i, dates[i], i-1, dates[i-1])
			}
		}
		var href string
		eval(t, `document.getElementById("export-csv").href`, &href)
		if !strings.Contains(href, "sort=-date") {
			t.Errorf("CSV export %q does not keep the sort", href)
		}
		checkClean(t)
	})

	t.Run("MapZoomAndColours", func(t *testing.T) {
		setHash(t, "#/")
		poll(t, "map", `__t.count("#map circle.place") > 6 && !!document.querySelector("#map svg[data-zoom]")`)
		for place, quad := range map[string]string{"Caracas": "vconf", "Moyale": "vcoop", "Kharkiv": "mconf", "Dakar": "mcoop"} {
			var cls string
			eval(t, fmt.Sprintf(`document.querySelector('#map circle.place[data-place=%q]').getAttribute("class")`, place), &cls)
			if !strings.Contains(cls, "q-"+quad) {
				t.Errorf("%s circle has class %q, want q-%s", place, cls, quad)
			}
		}
		var swatches int
		eval(t, `__t.count("#map .legend .swatch")`, &swatches)
		if swatches < 4 {
			t.Errorf("map legend has %d quad swatches", swatches)
		}
		type mapState struct {
			Zoom      float64
			Transform string
			CX, R     float64
		}
		state := func() mapState {
			var ms mapState
			eval(t, `(() => { const s = document.querySelector("#map svg"), c = s.querySelector('circle.place[data-place="Caracas"]');
				return { zoom: +s.dataset.zoom, transform: s.querySelector("g.basemap").getAttribute("transform"), cx: c ? +c.getAttribute("cx") : 0, r: c ? +c.getAttribute("r") : 0 }; })()`, &ms)
			return ms
		}
		z0 := state()
		if z0.Zoom != 1 {
			t.Fatalf("map starts at zoom %v", z0.Zoom)
		}
		b := box(t, "#map svg")
		cx, cy := b[0]+b[2]/2, b[1]+b[3]/2
		// cdproto drops a zero deltaX, which Chromium requires for a wheel
		// event: send a negligible one (the map reads deltaY only).
		run(t, "wheel", chromedp.MouseEvent(chromedp.MouseWheel, cx, cy, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 0.01, -400 }))
		poll(t, "zoomed in", `+document.querySelector("#map svg").dataset.zoom > 1.5`)
		z1 := state()
		if z1.Transform == z0.Transform || z1.CX == z0.CX || z1.R != z0.R {
			t.Errorf("wheel zoom: transform %q -> %q, Caracas x %v -> %v, radius %v -> %v; want a new transform, a moved circle of the same size",
				z0.Transform, z1.Transform, z0.CX, z1.CX, z0.R, z1.R)
		}
		run(t, "zoom in", chromedp.Click(chromedp.CSS(`#map button.zoom-in`)))
		poll(t, "button zoom", fmt.Sprintf(`Math.abs(+document.querySelector("#map svg").dataset.zoom - %v) < 0.01`, 2*z1.Zoom))
		// A drag on the map pans it and sets no filter.
		z2 := state()
		b = box(t, "#map svg")
		drag(t, "pan", b[0]+b[2]*0.5, b[0]+b[2]*0.5+60, b[1]+b[3]*0.9)
		z3 := state()
		if z3.Zoom != z2.Zoom || z3.Transform == z2.Transform {
			t.Errorf("pan: zoom %v -> %v, transform %q -> %q; want the same zoom, moved", z2.Zoom, z3.Zoom, z2.Transform, z3.Transform)
		}
		var hash string
		eval(t, `location.hash`, &hash)
		if strings.Contains(hash, "place") || strings.Contains(hash, "geonameid") {
			t.Errorf("panning set a place filter: %s", hash)
		}
		shot(t, "07-map-zoomed.png")
		// The zoom survives a filter change, and the reset button restores the world.
		setHash(t, "#/?type=AGREE")
		poll(t, "filtered map", `__t.count("#map circle.place") === 2`) // Moyale and Lisbon; Jakarta's promise has only a dateline
		if z := state(); z.Zoom != z3.Zoom {
			t.Errorf("zoom %v after a filter change, was %v", z.Zoom, z3.Zoom)
		}
		run(t, "reset zoom", chromedp.Click(chromedp.CSS(`#map button.zoom-reset`)))
		poll(t, "whole world", `+document.querySelector("#map svg").dataset.zoom === 1`)
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
		shot(t, "08-document-script.png")
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
		shot(t, "09-document-accents.png")
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
		shot(t, "10-quotes.png")
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
		poll(t, "dashboard again", `!document.getElementById("dashboard").hidden && `+rows+` === 1 && !location.hash.includes("event=")`)
		checkClean(t)
	})

	// inView is true when the current event's trigger is marked and lies
	// inside the viewport, below the sticky header.
	const inView = `(() => { const m = document.querySelector("#article mark.trigger.current"); if (!m) return false;
		const r = m.getBoundingClientRect(), top = document.querySelector("header.top").getBoundingClientRect().bottom;
		return r.top >= top && r.bottom <= window.innerHeight && window.scrollY > 0; })()`

	t.Run("EventLinkScrolls", func(t *testing.T) {
		setHash(t, "#/?type=SANCTION")
		poll(t, "one row", rows+` === 1`)
		run(t, "open document at the event", chromedp.Click(chromedp.CSS(`#events td.doc a`)))
		poll(t, "trigger in view", `location.hash.startsWith("#/doc/`+longDocID+`") && location.hash.includes("event=") && `+inView)
		var trig string
		eval(t, `__t.markText(document.querySelector("#article mark.trigger.current"))`, &trig)
		if trig != "imposed" {
			t.Errorf("current trigger %q, want the event's trigger %q", trig, "imposed")
		}
		var listed int
		eval(t, `__t.count("#document .doc-event.current")`, &listed)
		if listed != 1 {
			t.Errorf("%d events marked current in the side list, want 1", listed)
		}
		shot(t, "11-event-in-document.png")
		// From an expanded row's evidence, too; and a bookmarked link
		// scrolls the same way when it is opened afresh.
		setHash(t, "#/?type=SANCTION")
		poll(t, "row again", rows+` === 1 && !document.getElementById("dashboard").hidden`)
		run(t, "expand", chromedp.Click(chromedp.CSS(`#events tr.event td.date`)))
		poll(t, "detail link", `!!document.querySelector("#events tr.detail:not([hidden]) .in-doc a")`)
		var href string
		eval(t, `document.querySelector("#events tr.detail:not([hidden]) .in-doc a").getAttribute("href")`, &href)
		if !strings.Contains(href, "event=") {
			t.Errorf("evidence link %q does not name the event", href)
		}
		run(t, "reload at the event", chromedp.Navigate(base+"/"+href))
		eval(t, helpers+"true", nil)
		poll(t, "trigger in view after load", inView)
		checkClean(t)
	})
}
