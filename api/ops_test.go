package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/belner/belner/analyzer"
	"github.com/belner/belner/entity"
	"github.com/belner/belner/metrics"
	"github.com/belner/belner/recognizers"
	"go.uber.org/goleak"
)

// waitLimit bounds every wait in these tests, so that a bug fails a test
// instead of hanging it; no assertion depends on it.
const waitLimit = 10 * time.Second

// blocking is a recogniser that waits until the test lets it go or, if
// obeysContext, until its context ends.
type blocking struct {
	obeysContext bool
	started      chan struct{} // one send per Recognize call
	release      chan struct{} // closed to let every call return
	stopped      chan error    // gets the context's error when it ended a call
}

func newBlocking(obeysContext bool) *blocking {
	return &blocking{obeysContext: obeysContext, started: make(chan struct{}, 100),
		release: make(chan struct{}), stopped: make(chan error, 100)}
}

func (b *blocking) Name() string         { return "blocking" }
func (b *blocking) Types() []entity.Type { return []entity.Type{entity.Person} }
func (b *blocking) Recognize(ctx context.Context, _ []rune) ([]entity.Entity, error) {
	b.started <- struct{}{}
	if !b.obeysContext {
		<-b.release
		return nil, nil
	}
	select {
	case <-b.release:
		return nil, nil
	case <-ctx.Done():
		b.stopped <- ctx.Err()
		return nil, ctx.Err()
	}
}

func receive[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(waitLimit):
		t.Fatalf("gave up waiting for %s", what)
		panic("unreachable")
	}
}

// serveAsync runs req through h in a goroutine and returns its recorder
// once it is answered.
func serveAsync(h http.Handler, req *http.Request) <-chan *httptest.ResponseRecorder {
	done := make(chan *httptest.ResponseRecorder, 1)
	go func() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		done <- rec
	}()
	return done
}

func errorCode(t *testing.T, body map[string]any) string {
	t.Helper()
	e, _ := body["error"].(map[string]any)
	code, _ := e["code"].(string)
	if msg, _ := e["message"].(string); msg == "" {
		t.Errorf("error %v has no message", body)
	}
	return code
}

func TestOverloadIs503WithRetryAfter(t *testing.T) {
	b := newBlocking(true)
	h := New(analyzer.New(b), Config{MaxInFlight: 2})
	var answers []<-chan *httptest.ResponseRecorder
	for range 2 {
		answers = append(answers, serveAsync(h, plainRequest("", "Jan Peeters")))
		receive(t, b.started, "an analysis to start")
	}
	for _, req := range []*http.Request{plainRequest("", "Jan Peeters"), batchJSON(`{"documents": [{"text": "x"}]}`)} {
		rec, body := do(t, h, req)
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" || errorCode(t, body) != "overloaded" {
			t.Errorf("with every slot taken: %d, Retry-After %q, %v; want 503 overloaded with Retry-After",
				rec.Code, rec.Header().Get("Retry-After"), body)
		}
	}
	// Probes do not take slots: a full server is alive and ready.
	if rec, _ := do(t, h, httptest.NewRequest(http.MethodGet, "/readyz", nil)); rec.Code != http.StatusOK {
		t.Errorf("readyz on a full server: %d", rec.Code)
	}
	close(b.release)
	for _, a := range answers {
		if rec := receive(t, a, "an answer"); rec.Code != http.StatusOK {
			t.Errorf("a request in flight got %d: %s", rec.Code, rec.Body)
		}
	}
	if rec, _ := do(t, h, plainRequest("", "Jan Peeters")); rec.Code != http.StatusOK {
		t.Errorf("after the slots freed up: %d, want 200", rec.Code)
	}
}

func TestTimeoutIs504AndCancelsTheAnalysis(t *testing.T) {
	b := newBlocking(true)
	h := New(analyzer.New(b), Config{RequestTimeout: 20 * time.Millisecond})
	rec, body := do(t, h, plainRequest("", "Jan Peeters"))
	if rec.Code != http.StatusGatewayTimeout || errorCode(t, body) != "timeout" {
		t.Errorf("got %d %v, want 504 timeout", rec.Code, body)
	}
	if err := receive(t, b.stopped, "the analysis to be canceled"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("the recogniser's context ended with %v, want a deadline", err)
	}
}

// Over a real connection the body is read under a deadline: a slow upload
// gets its 504 too, and a deadline left on the connection must not cancel
// the analysis as a client gone would.
func TestTimeoutOverTheNetwork(t *testing.T) {
	b := newBlocking(true)
	srv := httptest.NewServer(New(analyzer.New(b), Config{RequestTimeout: 50 * time.Millisecond}))
	defer srv.Close()
	post := func(body io.Reader) (int, string) {
		t.Helper()
		resp, err := http.Post(srv.URL+"/v1/analyze", "text/plain", body)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var e struct{ Error Error }
		json.NewDecoder(resp.Body).Decode(&e)
		return resp.StatusCode, e.Error.Code
	}
	if status, code := post(strings.NewReader("Jan Peeters")); status != 504 || code != "timeout" {
		t.Errorf("slow analysis: %d %s, want 504 timeout", status, code)
	}
	if err := receive(t, b.stopped, "the analysis to be canceled"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("the recogniser's context ended with %v, want the deadline", err)
	}
	pr, pw := io.Pipe()
	defer pw.Close()
	go pw.Write([]byte("Jan ")) // and then nothing
	if status, code := post(pr); status != 504 || code != "timeout" {
		t.Errorf("slow upload: %d %s, want 504 timeout", status, code)
	}
}

// A recogniser that ignores its context still lets the client have its
// 504 on time, but keeps its slot until it returns: work that has not
// stopped counts against the limit.
func TestWorkIgnoringItsContextKeepsItsSlot(t *testing.T) {
	b := newBlocking(false)
	h := New(analyzer.New(b), Config{MaxInFlight: 1, RequestTimeout: 20 * time.Millisecond})
	if rec, _ := do(t, h, plainRequest("", "Jan Peeters")); rec.Code != http.StatusGatewayTimeout {
		t.Fatalf("got %d, want 504", rec.Code)
	}
	if rec, _ := do(t, h, plainRequest("", "Jan Peeters")); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("while the timed-out work runs on: %d, want 503", rec.Code)
	}
	close(b.release)
	for deadline := time.Now().Add(waitLimit); ; time.Sleep(time.Millisecond) {
		rec, _ := do(t, h, plainRequest("", "Jan Peeters"))
		if rec.Code == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the slot was never given back: %d", rec.Code)
		}
	}
}

func TestClientDisconnectLeavesNoGoroutine(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	b := newBlocking(true)
	srv := httptest.NewServer(New(analyzer.New(b), Config{}))
	client := &http.Client{Transport: &http.Transport{}}
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/v1/analyze", strings.NewReader("Jan Peeters"))
	clientDone := make(chan error, 1)
	go func() {
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		clientDone <- err
	}()
	receive(t, b.started, "the analysis to start")
	cancel()
	if err := receive(t, clientDone, "the client to give up"); err == nil {
		t.Error("the canceled request got an answer")
	}
	if err := receive(t, b.stopped, "the analysis to be canceled"); !errors.Is(err, context.Canceled) {
		t.Errorf("the recogniser's context ended with %v, want canceled", err)
	}
	client.CloseIdleConnections()
	srv.Close()
	goleak.VerifyNone(t, ignore)
}

func TestAPIKeys(t *testing.T) {
	h := newTestServer(t, Config{APIKeys: []string{"s3cret-one", " s3cret-two ", ""}, Static: http.NotFoundHandler()})
	tests := []struct {
		name, method, path, auth string
		status                   int
	}{
		{"no key", "POST", "/v1/analyze", "", 401},
		{"wrong key", "POST", "/v1/analyze", "Bearer s3cret", 401},
		{"key as basic", "POST", "/v1/analyze", "Basic s3cret-one", 401},
		{"first key", "POST", "/v1/analyze", "Bearer s3cret-one", 200},
		{"second key, trimmed", "POST", "/v1/analyze", "Bearer s3cret-two", 200},
		{"scheme in any case", "POST", "/v1/analyze", "bearer s3cret-one", 200},
		{"batch without key", "POST", "/v1/analyze/batch", "", 401},
		{"metrics without key", "GET", "/metrics", "", 401},
		{"metrics with key", "GET", "/metrics", "Bearer s3cret-two", 200},
		{"healthz is open", "GET", "/healthz", "", 200},
		{"readyz is open", "GET", "/readyz", "", 200},
		{"openapi is open", "GET", "/openapi.json", "", 200},
		{"demo page is open", "GET", "/index.html", "", 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.path, strings.NewReader("RRN 85.07.30-033.28"))
			if tt.path == "/v1/analyze/batch" {
				req = batchJSON(`{"documents": [{"text": "x"}]}`)
			}
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status == 401 && !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without WWW-Authenticate: Bearer: %v", rec.Header())
			}
		})
	}
}

func TestKeyring(t *testing.T) {
	k := newKeyring([]string{"alpha", "beta"})
	for key, want := range map[string]bool{"alpha": true, "beta": true, "alph": false, "alphaa": false, "": false, "ALPHA": false} {
		if got := k.valid(key); got != want {
			t.Errorf("valid(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestCORS(t *testing.T) {
	preflight := func(h http.Handler, origin string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodOptions, "/v1/analyze", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	off := newTestServer(t, Config{})
	if got := preflight(off, "https://intranet.example").Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("CORS off, yet Access-Control-Allow-Origin: %q", got)
	}
	on := newTestServer(t, Config{CORSOrigins: []string{"https://intranet.example"}, APIKeys: []string{"k"}})
	rec := preflight(on, "https://intranet.example")
	if rec.Code >= 300 || rec.Header().Get("Access-Control-Allow-Origin") != "https://intranet.example" {
		t.Errorf("preflight from an allowed origin, with keys on: %d %v", rec.Code, rec.Header())
	}
	if got := preflight(on, "https://elsewhere.example").Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("origin not allowed, yet Access-Control-Allow-Origin: %q", got)
	}
}

func TestMetrics(t *testing.T) {
	m := metrics.New()
	h := New(analyzer.New(m.Instrument(recognizers.NewSet(0))...), Config{Metrics: m})
	decodeResponse(t, first(do(t, h, plainRequest("", letter))))
	do(t, h, plainRequest("", "abc\x00"))
	do(t, h, httptest.NewRequest(http.MethodGet, "/no/such/"+strings.Repeat("x", 10), nil))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	out := rec.Body.String()
	for _, want := range []string{
		`belner_http_requests_total{method="POST",route="/v1/analyze",status="200"} 1`,
		`belner_http_requests_total{method="POST",route="/v1/analyze",status="415"} 1`,
		`belner_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		`belner_http_request_duration_seconds_count{route="/v1/analyze"} 2`,
		`belner_documents_total{outcome="ok"} 1`,
		`belner_documents_total{outcome="not_text"} 1`,
		`belner_document_bytes_total ` + itoa(len(letter)+4),
		`belner_entities_total{type="INSZ"} 1`,
		`belner_entities_total{type="IBAN"} 1`,
		`belner_recognizer_duration_seconds_count{recognizer="` + recognizers.NewSet(0).Name() + `"} 1`,
		`belner_documents_in_flight 0`,
		`belner_requests_rejected_total 0`,
		`go_goroutines `,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
}

// Each server counts for itself: nothing goes to a global registry.
func TestMetricsArePerServer(t *testing.T) {
	a, b := newTestServer(t, Config{}), newTestServer(t, Config{})
	do(t, a, plainRequest("", letter))
	rec := httptest.NewRecorder()
	b.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if strings.Contains(rec.Body.String(), `route="/v1/analyze"`) {
		t.Error("a request to one server shows in another's metrics")
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func batchJSON(body string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, "/v1/analyze/batch", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return req
}

type file struct{ name, body string }

func batchMultipart(t *testing.T, query string, files ...file) *http.Request {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, f := range files {
		fw, err := mw.CreateFormFile("file", f.name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(f.body))
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, "/v1/analyze/batch"+query, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}

func decodeBatch(t *testing.T, rec *httptest.ResponseRecorder) []map[string]any {
	t.Helper()
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200: %s", rec.Code, rec.Body)
	}
	var resp struct{ Results []map[string]any }
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	return resp.Results
}

func TestBatch(t *testing.T) {
	h := newTestServer(t, Config{MaxBytes: 1024})
	js, _ := json.Marshal(map[string]any{
		"documents": []map[string]any{
			{"id": "a", "text": letter},
			{"id": "b", "text": "abc\x00"},
			{"id": "c"},
			{"id": "d", "text": strings.Repeat("x", 1025)},
			{"id": "e", "text": ""},
		},
		"entities": []string{"INSZ", "IBAN"},
	})
	results := decodeBatch(t, first(do(t, h, batchJSON(string(js)))))
	want := []struct{ id, code string }{{"a", ""}, {"b", "not_text"}, {"c", "missing_text"}, {"d", "payload_too_large"}, {"e", ""}}
	checkResults(t, results, "id", want)
	if es := results[0]["entities"].([]any); len(es) != 2 {
		t.Errorf("first document: %d entities, want INSZ and IBAN: %v", len(es), es)
	}

	results = decodeBatch(t, first(do(t, h, batchMultipart(t, "?entities=OGM",
		file{"brief.txt", letter}, file{"scan.pdf", "%PDF-1.4"}, file{"groot.txt", strings.Repeat("x", 1025)}))))
	checkResults(t, results, "filename", []struct{ id, code string }{{"brief.txt", ""}, {"scan.pdf", "not_text"}, {"groot.txt", "payload_too_large"}})
	if es := results[0]["entities"].([]any); len(es) != 1 {
		t.Errorf("first file: %d entities, want the OGM: %v", len(es), es)
	}
}

func checkResults(t *testing.T, results []map[string]any, key string, want []struct{ id, code string }) {
	t.Helper()
	if len(results) != len(want) {
		t.Fatalf("%d results, want %d: %v", len(results), len(want), results)
	}
	for i, w := range want {
		r := results[i]
		if r[key] != w.id {
			t.Errorf("result %d has %s %v, want %q", i, key, r[key], w.id)
		}
		e, hasErr := r["error"].(map[string]any)
		switch {
		case w.code == "" && (hasErr || r["entities"] == nil):
			t.Errorf("result %d: %v, want entities", i, r)
		case w.code != "" && (!hasErr || e["code"] != w.code || r["entities"] != nil):
			t.Errorf("result %d: %v, want only error %s", i, r, w.code)
		}
	}
}

func TestBatchErrors(t *testing.T) {
	h := newTestServer(t, Config{MaxBytes: 1024, MaxBatchBytes: 2048, MaxBatchDocuments: 3})
	doc := func(n int) string { return `{"text": "` + strings.Repeat("x", n) + `"}` }
	many := `{"documents": [` + strings.Repeat(doc(1)+",", 3) + doc(1) + `]}`
	badCT := batchJSON("x")
	badCT.Header.Set("Content-Type", "text/plain")
	tests := []struct {
		name   string
		req    *http.Request
		status int
		code   string
	}{
		{"too many documents", batchJSON(many), 413, "too_many_documents"},
		{"too many files", batchMultipart(t, "", file{"1", "a"}, file{"2", "b"}, file{"3", "c"}, file{"4", "d"}), 413, "too_many_documents"},
		{"too many bytes", batchJSON(`{"documents": [` + doc(1000) + "," + doc(1000) + "," + doc(1000) + `]}`), 413, "payload_too_large"},
		{"too many bytes multipart", batchMultipart(t, "", file{"1", strings.Repeat("x", 1000)}, file{"2", strings.Repeat("x", 1000)}, file{"3", strings.Repeat("x", 1000)}), 413, "payload_too_large"},
		{"no documents", batchJSON(`{"documents": []}`), 400, "missing_documents"},
		{"no files", batchMultipart(t, ""), 400, "missing_file"},
		{"malformed json", batchJSON(`{"documents": [`), 400, "invalid_json"},
		{"unknown field", batchJSON(`{"documents": [{"text": "x"}], "treshold": 1}`), 400, "invalid_json"},
		{"bad option", batchJSON(`{"documents": [{"text": "x"}], "score_threshold": 2}`), 400, "invalid_score_threshold"},
		{"bad query option", batchMultipart(t, "?entities=PASSPORT", file{"1", "a"}), 400, "unknown_entity_type"},
		{"query with json", func() *http.Request {
			r := batchJSON(`{"documents": [{"text": "x"}]}`)
			r.URL.RawQuery = "explain=true"
			return r
		}(), 400, "unknown_parameter"},
		{"text/plain", badCT, 415, "unsupported_content_type"},
		{"wrong method", httptest.NewRequest(http.MethodGet, "/v1/analyze/batch", nil), 405, "method_not_allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, body := do(t, h, tt.req)
			if rec.Code != tt.status || errorCode(t, body) != tt.code {
				t.Errorf("got %d %v, want %d %s", rec.Code, body, tt.status, tt.code)
			}
		})
	}
}

func TestBatchTimeoutFailsTheBatch(t *testing.T) {
	b := newBlocking(true)
	h := New(analyzer.New(b), Config{RequestTimeout: 20 * time.Millisecond})
	rec, body := do(t, h, batchJSON(`{"documents": [{"text": "Jan"}, {"text": "Piet"}]}`))
	if rec.Code != http.StatusGatewayTimeout || errorCode(t, body) != "timeout" {
		t.Errorf("got %d %v, want 504 timeout", rec.Code, body)
	}
	receive(t, b.stopped, "the analysis to be canceled")
}

// TestMemoryStaysFlat sends 10,000 requests and compares the live heap
// after 1,000 with the live heap after 10,000: a leak of even a few
// hundred bytes a request would show as megabytes.
func TestMemoryStaysFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 requests")
	}
	h := newTestServer(t, Config{})
	js, _ := json.Marshal(map[string]any{"documents": []map[string]string{{"id": "1", "text": letter}, {"id": "2", "text": letter}}})
	heap := func() uint64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	var at1k uint64
	for i := 1; i <= 10_000; i++ {
		var req *http.Request
		switch i % 4 {
		case 0:
			req = batchJSON(string(js))
		case 1:
			req = plainRequest("?explain=true", letter)
		case 2:
			req = plainRequest("", "abc\x00")
		default:
			req = multipartRequest(t, "", "file", []byte(letter))
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK && rec.Code != http.StatusUnsupportedMediaType {
			t.Fatalf("request %d: %d %s", i, rec.Code, rec.Body)
		}
		if i == 1000 {
			at1k = heap()
		}
	}
	at10k := heap()
	t.Logf("live heap after 1,000 requests: %d KiB; after 10,000: %d KiB", at1k>>10, at10k>>10)
	if at10k > at1k+at1k/2+(1<<20) {
		t.Errorf("live heap grew from %d KiB to %d KiB over 9,000 requests", at1k>>10, at10k>>10)
	}
}
