package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/belner/belner/analyzer"
	"github.com/belner/belner/entity"
	"github.com/belner/belner/metrics"
	"github.com/belner/belner/recognizers"
)

// letter holds one entity of most pattern types; its national number,
// enterprise number, IBAN and payment reference pass their checksums.
const letter = "Betreft: dossier van Müller 😀\r\n" +
	"Rijksregisternummer: 85.07.30-033.28\r\n" +
	"Ondernemingsnummer: BE 0428.759.497\r\n" +
	"IBAN BE71 0961 2345 6769 — BIC GKCCBEBB\r\n" +
	"Mededeling: +++123/4567/89002+++\r\n" +
	"Gent, 12 maart 2024. Tel. 09 225 61 40, jan.peeters@ocmw-gent.be\r\n"

var letterWant = []struct {
	typ  entity.Type
	text string
}{
	{entity.INSZ, "85.07.30-033.28"},
	{entity.KBO, "BE 0428.759.497"},
	{entity.IBAN, "BE71 0961 2345 6769"},
	{entity.BIC, "GKCCBEBB"},
	{entity.OGM, "+++123/4567/89002+++"},
	{entity.Location, "Gent"}, // the place of a date line
	{entity.Date, "12 maart 2024"},
	{entity.Phone, "09 225 61 40"},
	{entity.Email, "jan.peeters@ocmw-gent.be"},
}

func newTestServer(t *testing.T, cfg Config) http.Handler {
	t.Helper()
	return New(analyzer.New(recognizers.NewSet(0)), cfg)
}

func do(t *testing.T, h http.Handler, req *http.Request) (*httptest.ResponseRecorder, map[string]any) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type = %q, want JSON", ct)
	}
	var body map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, rec.Body)
	}
	return rec, body
}

func decodeResponse(t *testing.T, rec *httptest.ResponseRecorder) Response {
	t.Helper()
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200: %s", rec.Code, rec.Body)
	}
	var r Response
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func plainRequest(query, body string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, "/v1/analyze"+query, strings.NewReader(body))
	req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	return req
}

func multipartRequest(t *testing.T, query, field string, body []byte) *http.Request {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile(field, "brief.txt")
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(body)
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, "/v1/analyze"+query, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}

func jsonRequest(body string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, "/v1/analyze", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return req
}

// checkOffsets checks that every entity's text is the slice its code-point
// and UTF-16 offsets name.
func checkOffsets(t *testing.T, doc string, r Response) {
	t.Helper()
	runes := []rune(doc)
	units := utf16.Encode(runes)
	for _, e := range r.Entities {
		if got := string(runes[e.Start:e.End]); got != e.Text {
			t.Errorf("%s: text %q but [%d,%d) is %q", e.Type, e.Text, e.Start, e.End, got)
		}
		if got := string(utf16.Decode(units[e.StartUTF16:e.EndUTF16])); got != e.Text {
			t.Errorf("%s: text %q but UTF-16 [%d,%d) is %q", e.Type, e.Text, e.StartUTF16, e.EndUTF16, got)
		}
	}
	if r.Length != len(runes) || r.LengthUTF16 != len(units) {
		t.Errorf("length %d/%d, want %d/%d", r.Length, r.LengthUTF16, len(runes), len(units))
	}
}

func checkLetter(t *testing.T, r Response) {
	t.Helper()
	checkOffsets(t, letter, r)
	if len(r.Entities) != len(letterWant) {
		t.Fatalf("found %d entities, want %d: %+v", len(r.Entities), len(letterWant), r.Entities)
	}
	for i, w := range letterWant {
		if e := r.Entities[i]; e.Type != w.typ || e.Text != w.text {
			t.Errorf("entity %d = %s %q, want %s %q", i, e.Type, e.Text, w.typ, w.text)
		}
	}
}

func TestAnalyzeBodyForms(t *testing.T) {
	h := newTestServer(t, Config{})
	js, _ := json.Marshal(map[string]string{"text": letter})
	tests := map[string]*http.Request{
		"text/plain": plainRequest("", letter),
		"multipart":  multipartRequest(t, "", "file", []byte(letter)),
		"json":       jsonRequest(string(js)),
		"curl --data-binary": func() *http.Request {
			r := plainRequest("", letter)
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return r
		}(),
	}
	for name, req := range tests {
		t.Run(name, func(t *testing.T) {
			rec, _ := do(t, h, req)
			r := decodeResponse(t, rec)
			checkLetter(t, r)
			if r.Encoding != "utf-8" {
				t.Errorf("encoding %q, want utf-8", r.Encoding)
			}
		})
	}
}

func TestAnalyzeOptions(t *testing.T) {
	h := newTestServer(t, Config{})
	t.Run("entities filter", func(t *testing.T) {
		rec, _ := do(t, h, plainRequest("?entities=INSZ,iban", letter))
		r := decodeResponse(t, rec)
		if len(r.Entities) != 2 || r.Entities[0].Type != entity.INSZ || r.Entities[1].Type != entity.IBAN {
			t.Errorf("got %+v, want one INSZ and one IBAN", r.Entities)
		}
	})
	t.Run("threshold only removes", func(t *testing.T) {
		low := decodeResponse(t, first(do(t, h, plainRequest("?score_threshold=0", letter))))
		high := decodeResponse(t, first(do(t, h, plainRequest("?score_threshold=0.97", letter))))
		if len(high.Entities) >= len(low.Entities) {
			t.Errorf("threshold 0.9 kept %d entities, threshold 0 %d", len(high.Entities), len(low.Entities))
		}
		for _, e := range high.Entities {
			if e.Score < 0.97 {
				t.Errorf("%s %q scored %v is under the threshold", e.Type, e.Text, e.Score)
			}
		}
	})
	t.Run("explain", func(t *testing.T) {
		r := decodeResponse(t, first(do(t, h, plainRequest("?explain=true&entities=INSZ", letter))))
		if len(r.Entities) != 1 || r.Entities[0].Explanation == nil {
			t.Fatalf("got %+v, want one explained INSZ", r.Entities)
		}
		ex := r.Entities[0].Explanation
		if ex.Checksum == "" || ex.ContextWord == "" || ex.Pattern == "" {
			t.Errorf("explanation %+v lacks checksum, context word or pattern", ex)
		}
		plain := decodeResponse(t, first(do(t, h, plainRequest("?entities=INSZ", letter))))
		if plain.Entities[0].Explanation != nil {
			t.Errorf("explanation given without explain=true")
		}
	})
	t.Run("json options", func(t *testing.T) {
		js, _ := json.Marshal(map[string]any{"text": letter, "entities": []string{"OGM"}, "score_threshold": 0.5, "language": "nl"})
		r := decodeResponse(t, first(do(t, h, jsonRequest(string(js)))))
		if len(r.Entities) != 1 || r.Entities[0].Type != entity.OGM || r.Language != "nl" {
			t.Errorf("got %+v (language %q), want one OGM and language nl", r.Entities, r.Language)
		}
	})
}

func first(rec *httptest.ResponseRecorder, _ map[string]any) *httptest.ResponseRecorder { return rec }

func TestAnalyzeDecoding(t *testing.T) {
	h := newTestServer(t, Config{})
	tests := []struct {
		name     string
		body     []byte
		decoded  string
		encoding string
	}{
		{"BOM removed", []byte("\xEF\xBB\xBFRRN 85.07.30-033.28"), "RRN 85.07.30-033.28", "utf-8"},
		{"windows-1252", []byte("Ren\xe9e M\xfcller \x80 5, RRN 85.07.30-033.28"), "Renée Müller € 5, RRN 85.07.30-033.28", "windows-1252"},
		{"CRLF counts two", []byte("a\r\nb\r\nRRN 85.07.30-033.28"), "a\r\nb\r\nRRN 85.07.30-033.28", "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := decodeResponse(t, first(do(t, h, plainRequest("", string(tt.body)))))
			if r.Encoding != tt.encoding {
				t.Errorf("encoding %q, want %q", r.Encoding, tt.encoding)
			}
			checkOffsets(t, tt.decoded, r)
			if len(r.Entities) != 1 || r.Entities[0].Text != "85.07.30-033.28" {
				t.Errorf("entities %+v, want the national number", r.Entities)
			}
		})
	}
}

func TestAnalyzeEmpty(t *testing.T) {
	h := newTestServer(t, Config{})
	for _, body := range []string{"", "  \r\n\t "} {
		rec, raw := do(t, h, plainRequest("", body))
		if rec.Code != http.StatusOK {
			t.Fatalf("%q: status %d", body, rec.Code)
		}
		if es, ok := raw["entities"].([]any); !ok || len(es) != 0 {
			t.Errorf("%q: entities = %v, want an empty array", body, raw["entities"])
		}
	}
}

func TestAnalyzeErrors(t *testing.T) {
	h := newTestServer(t, Config{MaxBytes: 1024})
	big := strings.Repeat("a", 1025)
	chunked := plainRequest("", big)
	chunked.ContentLength = -1
	badCT := plainRequest("", "x")
	badCT.Header.Set("Content-Type", "application/pdf")
	tests := []struct {
		name   string
		req    *http.Request
		status int
		code   string
	}{
		{"too large", plainRequest("", big), 413, "payload_too_large"},
		{"too large without length", chunked, 413, "payload_too_large"},
		{"too large multipart", multipartRequest(t, "", "file", []byte(big)), 413, "payload_too_large"},
		{"too large json", jsonRequest(`{"text":"` + big + `"}`), 413, "payload_too_large"},
		{"binary", plainRequest("", "abc\x00def"), 415, "not_text"},
		{"pdf", plainRequest("", "%PDF-1.4\n..."), 415, "not_text"},
		{"unsupported content type", badCT, 415, "unsupported_content_type"},
		{"malformed json", jsonRequest(`{"text": "abc`), 400, "invalid_json"},
		{"json unknown field", jsonRequest(`{"text": "abc", "treshold": 1}`), 400, "invalid_json"},
		{"json without text", jsonRequest(`{"entities": ["INSZ"]}`), 400, "missing_text"},
		{"json trailing data", jsonRequest(`{"text": "a"} {}`), 400, "invalid_json"},
		{"multipart without file", multipartRequest(t, "", "document", []byte("x")), 400, "missing_file"},
		{"malformed multipart", func() *http.Request {
			r := plainRequest("", "--nope\r\ngarbage")
			r.Header.Set("Content-Type", "multipart/form-data; boundary=xyz")
			return r
		}(), 400, "invalid_multipart"},
		{"unknown entity type", plainRequest("?entities=INSZ,PASSPORT", "x"), 400, "unknown_entity_type"},
		{"entity type without recogniser", plainRequest("?entities=PERSON", "x"), 400, "unavailable_entity_type"},
		{"threshold above 1", plainRequest("?score_threshold=1.5", "x"), 400, "invalid_score_threshold"},
		{"threshold not a number", plainRequest("?score_threshold=high", "x"), 400, "invalid_score_threshold"},
		{"threshold NaN", jsonRequest(`{"text": "x", "score_threshold": -0.1}`), 400, "invalid_score_threshold"},
		{"unknown language", plainRequest("?language=en", "x"), 400, "invalid_language"},
		{"unknown parameter", plainRequest("?treshold=0.5", "x"), 400, "unknown_parameter"},
		{"unknown route", httptest.NewRequest(http.MethodGet, "/v2/analyze", nil), 404, "not_found"},
		{"wrong method", httptest.NewRequest(http.MethodGet, "/v1/analyze", nil), 405, "method_not_allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, body := do(t, h, tt.req)
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			e, _ := body["error"].(map[string]any)
			if e["code"] != tt.code || e["message"] == "" {
				t.Errorf("error %v, want code %q and a message", body["error"], tt.code)
			}
		})
	}
}

func TestHealthAndReadiness(t *testing.T) {
	ready := false
	h := newTestServer(t, Config{Ready: func() bool { return ready }})
	if rec, _ := do(t, h, httptest.NewRequest(http.MethodGet, "/healthz", nil)); rec.Code != 200 {
		t.Errorf("healthz %d, want 200", rec.Code)
	}
	if rec, _ := do(t, h, httptest.NewRequest(http.MethodGet, "/readyz", nil)); rec.Code != 503 {
		t.Errorf("readyz before ready %d, want 503", rec.Code)
	}
	if rec, _ := do(t, h, plainRequest("", letter)); rec.Code != 503 {
		t.Errorf("analyze before ready %d, want 503", rec.Code)
	}
	ready = true
	if rec, _ := do(t, h, httptest.NewRequest(http.MethodGet, "/readyz", nil)); rec.Code != 200 {
		t.Errorf("readyz when ready %d, want 200", rec.Code)
	}
}

// TestLogsNeverHoldDocumentText sends documents through every route and
// every error path, and checks that neither the log nor the metrics hold
// any of their text, nor the API key.
func TestLogsNeverHoldDocumentText(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	const key = "Kx7-secret-api-key"
	secret := "Zebedeus Quastenbroek 85.07.30-033.28"
	words := []string{"Zebedeus", "Quastenbroek", "033.28", key}
	m := metrics.New()
	h := New(analyzer.New(m.Instrument(recognizers.NewSet(0))...), Config{
		MaxBytes: 4096, Logger: logger, APIKeys: []string{key}, Metrics: m, CORSOrigins: []string{"*"},
	})
	batch := `{"documents": [{"id": "` + secret + `", "text": "` + secret + `"}, {"text": "` + secret + `\u0000"}]}`
	reqs := []*http.Request{
		plainRequest("", secret),
		plainRequest("?entities="+url.QueryEscape(secret), secret),
		jsonRequest(`{"text": "` + secret + `"}`),
		jsonRequest(`{"text": "` + secret),
		jsonRequest(`{"text": "` + secret + `", "` + secret + `": 1}`),
		plainRequest("", secret+"\x00"),
		plainRequest("", strings.Repeat(secret, 200)),
		multipartRequest(t, "", "file", []byte(secret)),
		multipartRequest(t, "", secret, []byte(secret)),
		batchJSON(batch),
		batchJSON(`{"documents": [` + secret),
		batchMultipart(t, "", file{secret, secret}, file{"b.txt", secret + "\x00"}),
		httptest.NewRequest(http.MethodGet, "/v1/"+url.PathEscape(secret), nil),
		httptest.NewRequest(http.MethodGet, "/v1/analyze?"+url.QueryEscape(secret), nil),
		httptest.NewRequest(http.MethodGet, "/healthz", nil),
		httptest.NewRequest(http.MethodGet, "/readyz", nil),
		httptest.NewRequest(http.MethodGet, "/openapi.json", nil),
		httptest.NewRequest(http.MethodGet, "/metrics", nil),
	}
	for _, req := range reqs {
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Origin", "https://"+secret)
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	// Without a key, with a wrong one (the secret itself).
	for _, auth := range []string{"", "Bearer " + secret} {
		req := plainRequest("", secret)
		req.Header.Set("Authorization", auth)
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	// 503 overloaded, 504 timeout, 500 from a failing or panicking recogniser.
	b := newBlocking(true)
	full := New(analyzer.New(b), Config{MaxInFlight: 1, RequestTimeout: time.Hour, Logger: logger})
	answer := serveAsync(full, plainRequest("", secret))
	receive(t, b.started, "the analysis to start")
	full.ServeHTTP(httptest.NewRecorder(), plainRequest("", secret))
	close(b.release)
	receive(t, answer, "the answer")
	slow := New(analyzer.New(newBlocking(true)), Config{RequestTimeout: time.Millisecond, Logger: logger})
	slow.ServeHTTP(httptest.NewRecorder(), batchJSON(batch))
	for _, panics := range []bool{false, true} {
		New(analyzer.New(failing{panics: panics}), Config{Logger: logger}).ServeHTTP(httptest.NewRecorder(), plainRequest("", secret))
	}

	if got := strings.Count(logs.String(), "\n"); got < len(reqs)+6 {
		t.Fatalf("%d log lines for %d requests", got, len(reqs)+6)
	}
	for _, status := range []int{200, 400, 401, 404, 405, 413, 415, 500, 503, 504} {
		if !strings.Contains(logs.String(), `"status":`+strconv.Itoa(status)+",") {
			t.Errorf("no request logged with status %d: a path was not driven", status)
		}
	}
	rec := httptest.NewRecorder()
	mreq := httptest.NewRequest(http.MethodGet, "/metrics", nil)
	mreq.Header.Set("Authorization", "Bearer "+key)
	h.ServeHTTP(rec, mreq)
	for _, word := range words {
		if strings.Contains(logs.String(), word) {
			t.Errorf("log holds %q:\n%s", word, logs.String())
		}
		if strings.Contains(rec.Body.String(), word) {
			t.Errorf("metrics hold %q", word)
		}
	}
}

// failing is a recogniser that fails or panics.
type failing struct{ panics bool }

func (f failing) Name() string         { return "failing" }
func (f failing) Types() []entity.Type { return []entity.Type{entity.Person} }
func (f failing) Recognize(context.Context, []rune) ([]entity.Entity, error) {
	if f.panics {
		panic("model exploded")
	}
	return nil, io.ErrUnexpectedEOF
}

func TestRecognizerFailureIs500AndServiceStaysUp(t *testing.T) {
	for _, panics := range []bool{false, true} {
		h := New(analyzer.New(failing{panics: panics}), Config{})
		for range 2 {
			rec, body := do(t, h, plainRequest("", "Jan Peeters"))
			if rec.Code != http.StatusInternalServerError {
				t.Errorf("panics=%v: status %d, want 500", panics, rec.Code)
			}
			if _, ok := body["error"]; !ok {
				t.Errorf("panics=%v: no error object in %v", panics, body)
			}
		}
	}
}
