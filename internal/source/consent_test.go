package source_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/source"
)

// consentPage wraps an article in the cookie and consent banners that
// sites put around it, each with enough text that readability could take
// it for the article. BANNER marks where one more banner goes.
const consentPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour cranes idle as dockers strike</title></head>
<body class="page cookie-consent-open">
BANNER
<div id="onetrust-banner-sdk"><p>We and our 843 partners store and access information on your device, such as cookies, and process personal data such as unique identifiers for personalised advertising and content, measurement and audience insights.</p><button>Accept all</button></div>
<main>
<article class="story">
<h1>Harbour cranes idle as dockers strike</h1>
<p>VALPARAISO, March 3 - Dock workers at the port of Valparaiso walked off the job on Monday, leaving container cranes idle and ships waiting at anchor in the bay.</p>
<p>The union said the strike would continue until the port authority reopened talks on night-shift pay, which stalled last month after three rounds.</p>
<div class="recipe-box"><p>Port officials said perishable cargo had been diverted to San Antonio, about 100 kilometres to the south.</p></div>
</article>
</main>
<div id="sp_message_container_771203"><p>Your privacy matters to us. This site uses tracking technologies to improve your experience, to analyse traffic and to show you relevant advertising from our partners.</p></div>
</body></html>`

// TestReadHTML_ConsentBanners: issue #16 bug 8. Cookie and consent
// banners, marked by id, class or aria-label, never reach the article
// text; the article, whose page is marked "cookie-consent-open", stays
// whole.
func TestReadHTML_ConsentBanners(t *testing.T) {
	for _, c := range []struct {
		name, banner string
	}{
		{"class word", `<div class="cookie-banner"><p>This website uses cookies to ensure you get the best experience on our website. By continuing to browse you agree to our use of cookies and our privacy policy.</p><a href="#">Accept</a></div>`},
		{"aria-label", `<section role="dialog" aria-label="Cookie settings"><p>We use essential and optional technologies to run this site, remember your choices and measure how our journalism is read. Choose which ones you allow.</p></section>`},
		{"id underscore", `<div id="gdpr_notice"><p>Under the General Data Protection Regulation we must ask for your permission before we store identifiers on your device or share them with advertising partners.</p></div>`},
		{"nested in an aside", `<aside><div class="qc-cmp2-container"><p>We value your privacy. We and our partners store or access information on devices, such as cookies, and process personal data for ads and content.</p></div></aside>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "page.html")
			if err := os.WriteFile(path, []byte(strings.Replace(consentPage, "BANNER", c.banner, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			docs, errs := collect(t, source.Options{}, path)
			if len(errs) != 0 || len(docs) != 1 {
				t.Fatalf("docs %d, errs %v", len(docs), errs)
			}
			text := docs[0].Text
			for _, gone := range []string{"cookies", "partners", "privacy", "Accept", "permission", "technologies"} {
				if strings.Contains(text, gone) {
					t.Errorf("banner text %q in the article:\n%s", gone, text)
				}
			}
			for _, kept := range []string{"VALPARAISO, March 3", "night-shift pay", "San Antonio"} {
				if !strings.Contains(text, kept) {
					t.Errorf("article text %q missing:\n%s", kept, text)
				}
			}
		})
	}
}
