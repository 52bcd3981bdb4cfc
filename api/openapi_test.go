package api

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/belner/belner/analyzer"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/go-chi/chi/v5"
)

func loadOpenAPI(t *testing.T) *openapi3.T {
	t.Helper()
	spec, err := openapi3.NewLoader().LoadFromData(openAPI)
	if err != nil {
		t.Fatalf("openapi.json does not load: %v", err)
	}
	if err := spec.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not valid OpenAPI: %v", err)
	}
	return spec
}

// TestOpenAPIListsEveryRoute checks that the router and the description
// name the same operations; the demo page (/*) is static and left out.
func TestOpenAPIListsEveryRoute(t *testing.T) {
	spec := loadOpenAPI(t)
	h := newTestServer(t, Config{Static: http.NotFoundHandler(), APIKeys: []string{"k"}, CORSOrigins: []string{"*"}})
	var inRouter []string
	err := chi.Walk(h.(chi.Routes), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		if route != "/*" {
			inRouter = append(inRouter, method+" "+route)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var inSpec []string
	for path, item := range spec.Paths.Map() {
		for method := range item.Operations() {
			inSpec = append(inSpec, method+" "+path)
		}
	}
	slices.Sort(inRouter)
	slices.Sort(inSpec)
	if !slices.Equal(inRouter, inSpec) {
		t.Errorf("router and openapi.json differ:\nrouter:  %v\nopenapi: %v", inRouter, inSpec)
	}
}

// TestResponsesMatchTheOpenAPI checks real answers, of every route and
// every error status an operation documents, against the description; and
// the requests of the successful ones too.
func TestResponsesMatchTheOpenAPI(t *testing.T) {
	spec := loadOpenAPI(t)
	open := newTestServer(t, Config{MaxBytes: 1024})
	locked := newTestServer(t, Config{APIKeys: []string{"k"}})
	notReady := newTestServer(t, Config{Ready: func() bool { return false }})
	failing := New(analyzer.New(failing{}), Config{})
	b := newBlocking(true)
	slow := New(analyzer.New(b), Config{RequestTimeout: time.Millisecond})
	full := newTestServer(t, Config{MaxInFlight: 1})
	// Hold full's one slot with a request whose body never ends.
	pr, pw := io.Pipe()
	defer pw.Close()
	hold := plainRequest("", "")
	hold.Body = pr
	holding := serveAsync(full, hold)
	pw.Write([]byte("x"))
	defer func() { pw.Close(); receive(t, holding, "the held request") }()

	get := func(path string) func() *http.Request {
		return func() *http.Request { return httptest.NewRequest(http.MethodGet, path, nil) }
	}
	batch := func() *http.Request {
		return batchJSON(`{"documents": [{"id": "1", "text": "` + strings.ReplaceAll(letter, "\r\n", `\r\n`) + `"}, {"id": "2", "text": "a\u0000"}], "explain": true, "language": "fr"}`)
	}
	tests := []struct {
		name   string
		h      http.Handler
		req    func() *http.Request
		status int
	}{
		{"analyze text/plain", open, func() *http.Request { return plainRequest("?explain=true&language=nl", letter) }, 200},
		{"analyze multipart", open, func() *http.Request { return multipartRequest(t, "?entities=INSZ", "file", []byte(letter)) }, 200},
		{"analyze json", open, func() *http.Request {
			return jsonRequest(`{"text": "RRN 85.07.30-033.28", "explain": true, "score_threshold": 0.1, "entities": ["INSZ"]}`)
		}, 200},
		{"batch json", open, batch, 200},
		{"batch multipart", open, func() *http.Request {
			return batchMultipart(t, "?explain=true", file{"a.txt", letter}, file{"b.pdf", "%PDF-1.4"})
		}, 200},
		{"healthz", open, get("/healthz"), 200},
		{"readyz", open, get("/readyz"), 200},
		{"openapi", open, get("/openapi.json"), 200},
		{"metrics", open, get("/metrics"), 200},
		{"analyze 400", open, func() *http.Request { return jsonRequest(`{"text": `) }, 400},
		{"analyze 401", locked, func() *http.Request { return plainRequest("", "x") }, 401},
		{"analyze 413", open, func() *http.Request { return plainRequest("", strings.Repeat("x", 1025)) }, 413},
		{"analyze 415", open, func() *http.Request { return plainRequest("", "a\x00") }, 415},
		{"analyze 500", failing, func() *http.Request { return plainRequest("", "x") }, 500},
		{"analyze 503 not ready", notReady, func() *http.Request { return plainRequest("", "x") }, 503},
		{"analyze 503 overloaded", full, func() *http.Request { return plainRequest("", "x") }, 503},
		{"analyze 504", slow, func() *http.Request { return plainRequest("", "x") }, 504},
		{"batch 400", open, func() *http.Request { return batchJSON(`{"documents": []}`) }, 400},
		{"batch 401", locked, batch, 401},
		{"batch 413", open, func() *http.Request {
			return batchJSON(`{"documents": [{"text": "` + strings.Repeat("x", 1000) + `"}, {"text": "` + strings.Repeat("x", 1000) + `"}]}`)
		}, 413},
		{"batch 415", open, func() *http.Request {
			r := batchJSON("x")
			r.Header.Set("Content-Type", "text/plain")
			return r
		}, 415},
		{"batch 503", notReady, batch, 503},
		{"batch 504", slow, batch, 504},
		{"readyz 503", notReady, get("/readyz"), 503},
		{"metrics 401", locked, get("/metrics"), 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := tt.req()
			rec := httptest.NewRecorder()
			tt.h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			input := requestInput(t, spec, tt.req())
			if tt.status == 200 {
				if err := openapi3filter.ValidateRequest(context.Background(), input); err != nil {
					t.Errorf("the request does not match openapi.json: %v", err)
				}
			}
			err := openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
				RequestValidationInput: input,
				Status:                 rec.Code,
				Header:                 rec.Header(),
				Body:                   io.NopCloser(bytes.NewReader(rec.Body.Bytes())),
				Options:                input.Options,
			})
			if err != nil {
				t.Errorf("the response does not match openapi.json: %v\n%s", err, rec.Body)
			}
		})
	}
}

// requestInput finds req's operation in spec, by its literal path (the API
// has no path parameters).
func requestInput(t *testing.T, spec *openapi3.T, req *http.Request) *openapi3filter.RequestValidationInput {
	t.Helper()
	item := spec.Paths.Value(req.URL.Path)
	if item == nil || item.GetOperation(req.Method) == nil {
		t.Fatalf("openapi.json has no %s %s", req.Method, req.URL.Path)
	}
	return &openapi3filter.RequestValidationInput{
		Request:     req,
		QueryParams: req.URL.Query(),
		Route: &routers.Route{Spec: spec, Path: req.URL.Path, PathItem: item,
			Method: req.Method, Operation: item.GetOperation(req.Method)},
		Options: &openapi3filter.Options{
			AuthenticationFunc:    openapi3filter.NoopAuthenticationFunc,
			IncludeResponseStatus: true,
		},
	}
}
