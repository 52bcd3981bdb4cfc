// Package demo is belner's demo web page: paste a document or drop a .txt
// file, and see every entity belner finds highlighted in it, in a table and
// as the raw JSON of the API.
//
// The page is plain HTML, CSS and JavaScript (ES modules, no framework, no
// build step), embedded in the binary and served by `belner serve` at /. It
// calls the same POST /v1/analyze as any other client and loads nothing from
// anywhere else: every response carries a Content-Security-Policy that
// allows this origin only, so the page works offline and a document pasted
// into it is never sent anywhere but the local API.
package demo

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed static
var static embed.FS

// ContentSecurityPolicy is sent with every file of the page: scripts, styles,
// requests and images from this origin only (images also as data: URLs), no
// plugins, no framing, no form posts elsewhere.
const ContentSecurityPolicy = "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; " +
	"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// contentTypes are the types of the page's files, fixed here rather than
// taken from the system's MIME table, which differs between machines.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".json": "application/json; charset=utf-8",
}

type file struct {
	name        string
	contentType string
	etag        string
}

type handler struct {
	root  fs.FS
	files map[string]file // by URL path
}

// Handler returns the handler that serves the page: index.html at /, and
// its scripts, styles and sample documents under their names. Anything else
// is 404; only GET and HEAD are allowed.
func Handler() http.Handler {
	root, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embedded tree always has static/
	}
	h := &handler{root: root, files: map[string]file{}}
	err = fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ct, ok := contentTypes[path.Ext(name)]
		if !ok {
			return nil // not served
		}
		b, err := fs.ReadFile(root, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		f := file{name: name, contentType: ct, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
		h.files["/"+name] = f
		if name == "index.html" {
			h.files["/"] = f
		}
		return nil
	})
	if err != nil {
		panic(err)
	}
	return h
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", ContentSecurityPolicy)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("X-Frame-Options", "DENY")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	f, ok := h.files[r.URL.Path]
	if !ok || strings.Contains(r.URL.Path, "..") {
		http.NotFound(w, r)
		return
	}
	content, err := h.root.Open(f.name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer content.Close()
	rs, ok := content.(io.ReadSeeker)
	if !ok {
		http.Error(w, "500 internal error", http.StatusInternalServerError)
		return
	}
	hdr.Set("Content-Type", f.contentType)
	// Revalidate every time: the ETag makes that a 304 until the binary
	// changes, and a new binary never runs with an old page.
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("ETag", f.etag)
	http.ServeContent(w, r, f.name, time.Time{}, rs)
}
