package demo

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	h := Handler()
	tests := []struct {
		method, path string
		status       int
		contentType  string
		contains     string
	}{
		{"GET", "/", http.StatusOK, "text/html; charset=utf-8", `<script type="module" src="app.js">`},
		{"HEAD", "/", http.StatusOK, "text/html; charset=utf-8", ""},
		{"GET", "/index.html", http.StatusOK, "text/html; charset=utf-8", "belner"},
		{"GET", "/app.js", http.StatusOK, "text/javascript; charset=utf-8", "/v1/analyze"},
		{"GET", "/style.css", http.StatusOK, "text/css; charset=utf-8", "mark.ent"},
		{"GET", "/favicon.svg", http.StatusOK, "image/svg+xml", "<svg"},
		{"GET", "/samples/nl.txt", http.StatusOK, "text/plain; charset=utf-8", "BE71 0961 2345 6769"},
		{"GET", "/samples/fr.txt", http.StatusOK, "text/plain; charset=utf-8", "+++202/4031/50113+++"},
		{"GET", "/samples/de.txt", http.StatusOK, "text/plain; charset=utf-8", "14. März 2024"},
		{"GET", "/nope.js", http.StatusNotFound, "", ""},
		{"GET", "/samples/", http.StatusNotFound, "", ""},
		{"GET", "/samples", http.StatusNotFound, "", ""},
		{"GET", "/../demo.go", http.StatusNotFound, "", ""},
		{"GET", "/static/index.html", http.StatusNotFound, "", ""},
		{"POST", "/", http.StatusMethodNotAllowed, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(tt.method, tt.path, nil))
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d", w.Code, tt.status)
			}
			if got := w.Header().Get("Content-Security-Policy"); got != ContentSecurityPolicy {
				t.Errorf("Content-Security-Policy %q, want %q", got, ContentSecurityPolicy)
			}
			if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			if tt.status != http.StatusOK {
				return
			}
			if got := w.Header().Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type %q, want %q", got, tt.contentType)
			}
			if got := w.Header().Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control %q, want no-cache", got)
			}
			if w.Header().Get("ETag") == "" {
				t.Error("no ETag")
			}
			if !strings.Contains(w.Body.String(), tt.contains) {
				t.Errorf("body does not contain %q", tt.contains)
			}
		})
	}
}

func TestCSPAllowsThisOriginOnly(t *testing.T) {
	for _, d := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
		"img-src 'self' data:", "object-src 'none'", "frame-ancestors 'none'"} {
		if !strings.Contains(ContentSecurityPolicy, d) {
			t.Errorf("Content-Security-Policy lacks %q", d)
		}
	}
	if strings.Contains(ContentSecurityPolicy, "unsafe") || strings.Contains(ContentSecurityPolicy, "*") {
		t.Errorf("Content-Security-Policy allows too much: %q", ContentSecurityPolicy)
	}
}

func TestETagRevalidates(t *testing.T) {
	h := Handler()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/app.js", nil))
	r := httptest.NewRequest("GET", "/app.js", nil)
	r.Header.Set("If-None-Match", w.Header().Get("ETag"))
	w = httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusNotModified {
		t.Errorf("status %d with a matching If-None-Match, want 304", w.Code)
	}
}

// The page must work offline and send documents nowhere else: no file may
// load anything from another origin. Sample documents are text, where a URL
// is an entity to find, and the SVG namespace names no resource.
func TestNoRemoteResources(t *testing.T) {
	root, err := fs.Sub(static, "static")
	if err != nil {
		t.Fatal(err)
	}
	remote := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}`)
	n := 0
	err = fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(name, "samples/") {
			return err
		}
		n++
		b, err := fs.ReadFile(root, name)
		if err != nil {
			return err
		}
		s := strings.ReplaceAll(string(b), `xmlns="http://www.w3.org/2000/svg"`, "")
		for _, scheme := range []string{"http://", "https://"} {
			if i := strings.Index(s, scheme); i >= 0 {
				t.Errorf("%s references %q", name, s[i:min(len(s), i+60)])
			}
		}
		if m := remote.FindString(s); m != "" && strings.HasPrefix(m, "//") {
			t.Errorf("%s has a protocol-relative reference %q", name, m)
		}
		for _, bad := range []string{"@import", "fonts.googleapis", "cdn.", "unpkg", "jsdelivr"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s mentions %q", name, bad)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 4 {
		t.Errorf("checked %d files; index.html, app.js, style.css and favicon.svg at least were expected", n)
	}
}

// The page must never parse document text as HTML.
func TestNoHTMLInjectionSinks(t *testing.T) {
	b, err := static.ReadFile("static/app.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, sink := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"} {
		if strings.Contains(string(b), sink) {
			t.Errorf("app.js uses %s", sink)
		}
	}
}

// The samples are what the e2e tests and the first look of an institution
// rely on: each has identifiers of several types.
func TestSamples(t *testing.T) {
	for _, lang := range []string{"nl", "fr", "de"} {
		b, err := static.ReadFile("static/samples/" + lang + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for _, want := range []string{"IBAN BE", "+++", "@example.be", "https://"} {
			if !strings.Contains(s, want) {
				t.Errorf("samples/%s.txt lacks %q", lang, want)
			}
		}
	}
}
