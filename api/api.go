// Package api serves belner over HTTP: POST /v1/analyze takes a document
// and answers with the entities in it, as JSON with exact offsets;
// POST /v1/analyze/batch does the same for many documents at once.
//
// A document flows through Analyze: decode (package document), recognise
// and merge (package analyzer), respond. The command line runs the same
// function, so `belner analyze` prints what the API would answer.
//
// Around it the server bounds what it takes on (documents in flight, body
// size, time per request), optionally asks for an API key, logs one line
// per request without any document text, and counts for Prometheus.
package api

import (
	"context"
	_ "embed"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/belner/belner/analyzer"
	"github.com/belner/belner/document"
	"github.com/belner/belner/entity"
	"github.com/belner/belner/metrics"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/cors"
)

// DefaultMaxBytes is the largest document accepted by default.
const DefaultMaxBytes = 10 << 20

// Config configures the HTTP API. Zero values take the defaults.
type Config struct {
	// MaxBytes is the largest document accepted; DefaultMaxBytes if zero.
	MaxBytes int64
	// MaxInFlight is the most requests reading or analysing documents at
	// once; past it the API answers 503. DefaultMaxInFlight() if zero.
	MaxInFlight int
	// RequestTimeout bounds a request from its body to its answer (504);
	// DefaultRequestTimeout if zero.
	RequestTimeout time.Duration
	// MaxBatchDocuments is the most documents in one batch;
	// DefaultMaxBatchDocuments if zero.
	MaxBatchDocuments int
	// MaxBatchBytes is the most document bytes in one batch, all
	// documents together; MaxBytes if zero.
	MaxBatchBytes int64
	// APIKeys, if any, are required as "Authorization: Bearer <key>" on
	// every route but /healthz, /readyz, /openapi.json and the demo page.
	APIKeys []string
	// CORSOrigins are the origins whose pages may call the API from a
	// browser ("*" for any); none if empty.
	CORSOrigins []string
	// Ready reports whether the service can analyse documents (its model
	// loaded). Nil means always ready.
	Ready func() bool
	// Logger receives one line per request, never any document text.
	Logger *slog.Logger
	// Metrics counts for GET /metrics; a fresh registry if nil. Pass one to
	// time the recognisers too (Metrics.Instrument).
	Metrics *metrics.Metrics
	// Static, if set, serves everything outside the API (the demo page).
	Static http.Handler
}

func (c Config) withDefaults() Config {
	if c.MaxBytes <= 0 {
		c.MaxBytes = DefaultMaxBytes
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = DefaultMaxInFlight()
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.MaxBatchDocuments <= 0 {
		c.MaxBatchDocuments = DefaultMaxBatchDocuments
	}
	if c.MaxBatchBytes <= 0 {
		c.MaxBatchBytes = c.MaxBytes
	}
	if c.Ready == nil {
		c.Ready = func() bool { return true }
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Metrics == nil {
		c.Metrics = metrics.New()
	}
	return c
}

type server struct {
	analyzer *analyzer.Analyzer
	cfg      Config
	slots    slots
	metrics  *metrics.Metrics
}

// openAPI describes the API; it is served as written.
//
//go:embed openapi.json
var openAPI []byte

var errNotReady = errorf(http.StatusServiceUnavailable, "not_ready", "belner is starting: the model is not loaded yet")

// New returns the HTTP handler of the API.
func New(a *analyzer.Analyzer, cfg Config) http.Handler {
	cfg = cfg.withDefaults()
	s := &server{analyzer: a, cfg: cfg, slots: make(slots, cfg.MaxInFlight), metrics: cfg.Metrics}

	r := chi.NewRouter()
	r.Use(middleware.RequestID, s.logRequests, s.recoverPanics)
	if len(cfg.CORSOrigins) > 0 {
		r.Use(cors.Handler(cors.Options{
			AllowedOrigins: cfg.CORSOrigins,
			AllowedMethods: []string{http.MethodGet, http.MethodPost},
			AllowedHeaders: []string{"Authorization", "Content-Type"},
			ExposedHeaders: []string{"Retry-After", "X-Request-Id"},
			MaxAge:         600,
		}))
	}
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, errorf(http.StatusNotFound, "not_found", "no such endpoint: %s %s", r.Method, r.URL.Path))
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, errorf(http.StatusMethodNotAllowed, "method_not_allowed", "%s is not allowed on %s", r.Method, r.URL.Path))
	})
	// Probes and the API's description stay open: they say nothing about
	// documents, and a kubelet or a developer has no key.
	r.Get("/healthz", s.healthz)
	r.Get("/readyz", s.readyz)
	r.Get("/openapi.json", serveOpenAPI)
	r.Group(func(r chi.Router) {
		r.Use(newKeyring(cfg.APIKeys).requireKey)
		r.Post("/v1/analyze", s.analyze)
		r.Post("/v1/analyze/batch", s.analyzeBatch)
		// Metrics name no document, but show traffic and entity counts:
		// they take a key as the API does (Prometheus sends one with
		// authorization.credentials_file).
		r.Method(http.MethodGet, "/metrics", cfg.Metrics.Handler())
	})
	if cfg.Static != nil {
		r.Handle("/*", cfg.Static)
	}
	return r
}

func (s *server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *server) readyz(w http.ResponseWriter, _ *http.Request) {
	if !s.cfg.Ready() {
		writeError(w, errNotReady)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

func serveOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(openAPI)
}

func (s *server) analyze(w http.ResponseWriter, r *http.Request) {
	handle(s, w, r,
		func() ([]byte, *Request, *Error) { return readRequest(w, r, s.cfg.MaxBytes) },
		s.analyzeDocument)
}

// handle is what every analysis endpoint does: refuse while not ready,
// take an in-flight slot, read the body under the request's deadline, run
// the analysis in the slot, and answer.
func handle[T, R any](s *server, w http.ResponseWriter, r *http.Request,
	read func() (T, *Request, *Error), run func(context.Context, T, *Request) (R, *Error)) {
	if !s.cfg.Ready() {
		writeError(w, errNotReady)
		return
	}
	release := s.acquire(w)
	if release == nil {
		return
	}
	ctx, cancel := s.withTimeout(r)
	defer cancel()
	in, req, apiErr := readBody(ctx, w, read)
	if apiErr != nil {
		release()
		writeError(w, apiErr)
		return
	}
	resp, apiErr := work(s, ctx, release, func(ctx context.Context) (R, *Error) { return run(ctx, in, req) })
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// analyzeDocument runs Analyze and counts the document for /metrics.
func (s *server) analyzeDocument(ctx context.Context, body []byte, req *Request) (*Response, *Error) {
	resp, apiErr := Analyze(ctx, s.analyzer, body, req)
	if apiErr != nil {
		s.metrics.ObserveDocument(len(body), apiErr.Code, nil)
		return nil, apiErr
	}
	types := make([]entity.Type, len(resp.Entities))
	for i, e := range resp.Entities {
		types[i] = e.Type
	}
	s.metrics.ObserveDocument(len(body), "ok", types)
	return resp, nil
}

// Analyze decodes the document body and returns its entities as the API
// answers them, or the API error for the document.
func Analyze(ctx context.Context, a *analyzer.Analyzer, body []byte, req *Request) (*Response, *Error) {
	opts, apiErr := req.options(a)
	if apiErr != nil {
		return nil, apiErr
	}
	doc, err := document.Decode(body)
	if errors.Is(err, document.ErrNotText) {
		return nil, errorf(http.StatusUnsupportedMediaType, "not_text",
			"the document is %v; belner reads plain text (.txt) in UTF-8, UTF-16 or Windows-1252", err)
	}
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "undecodable", "the document could not be decoded: %v", err)
	}
	if doc.Blank() {
		return newResponse(doc, nil, opts), nil
	}
	es, err := a.Analyze(ctx, doc.Runes, opts.Options)
	if err != nil {
		if ctx.Err() != nil {
			return nil, contextError(ctx)
		}
		return nil, errorf(http.StatusInternalServerError, "analysis_failed", "the analysis failed: %v", err)
	}
	return newResponse(doc, es, opts), nil
}

// logRequests logs one line per request, and counts it for /metrics: what
// was asked and how it went, never what the document said.
func (s *server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		start := time.Now()
		next.ServeHTTP(ww, r)
		d := time.Since(start)
		route := chi.RouteContext(r.Context()).RoutePattern()
		if route == "" {
			route = "unmatched" // a 404: the path is the client's, unbounded
		}
		s.metrics.ObserveRequest(route, r.Method, ww.Status(), d)
		s.cfg.Logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("route", route),
			slog.Int("status", ww.Status()),
			slog.Duration("duration", d),
			slog.Int64("request_bytes", r.ContentLength),
			slog.Int("response_bytes", ww.BytesWritten()),
			slog.String("request_id", middleware.GetReqID(r.Context())),
		)
	})
}

// recoverPanics turns a panic into a 500 with a JSON error. The log line
// has the request id and the panic but never the document: a panic value
// from a recogniser could quote it, so only its type is logged.
func (s *server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.cfg.Logger.Error("panic", slog.String("request_id", middleware.GetReqID(r.Context())),
					slog.String("panic_type", typeName(v)))
				writeError(w, errorf(http.StatusInternalServerError, "internal", "internal error; the request id is %s", middleware.GetReqID(r.Context())))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
