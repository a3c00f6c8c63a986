// Package web holds dateline's browser app: sources in src/, the bundle
// built from them in dist/. The bundle is committed and embedded here, so
// building the dateline binary never needs npm or the network; build.sh
// regenerates it after a change to src/.
//
// The app loads nothing from other origins (the world basemap is bundled
// from npm's world-atlas) and has no inline scripts or styles, so it runs
// under the server's Content-Security-Policy of default-src 'self'.
package web

import (
	"embed"
	"io/fs"
)

//go:generate sh build.sh

//go:embed dist
var dist embed.FS

// Assets returns the built app, rooted so that "index.html" is at the top.
// The server serves it at "/".
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		// fs.Sub fails only on an invalid path, and "dist" is a constant.
		panic("web: " + err.Error())
	}
	return sub
}
