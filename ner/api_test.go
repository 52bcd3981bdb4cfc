package ner

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/belner/belner/analyzer"
	"github.com/belner/belner/api"
	"github.com/belner/belner/document"
	"github.com/belner/belner/entity"
	"github.com/belner/belner/recognizers"
)

// Through the API, with the pattern recognisers beside the model, every
// entity's offsets index the decoded document (BOM removed, CRLF kept) and
// its text is the document's slice, in UTF-8 with a BOM and in UTF-16.
func TestAPIOffsetsWithBOMAndCRLF(t *testing.T) {
	r, _ := fakeRecognizer(t, marks, 1, 4)
	a := analyzer.New(recognizers.NewSet(recognizers.DefaultMatchTimeout), r)
	text := "Sehr geehrte Frau Weiß,\r\nHauptstraße 5\r\n4700 Eupen\r\nDe Coördinatie betaalde €250 aan Jan Peeters.\r\n" +
		"Madame Françoise d'Harveng, IBAN BE71 0961 2345 6769, à Liège.\r\n"
	want := []string{"PERSON:Weiß", "ADDRESS:Hauptstraße 5\r\n4700 Eupen", "ORGANIZATION:Coördinatie",
		"PERSON:Jan Peeters", "PERSON:Françoise d'Harveng", "IBAN:BE71 0961 2345 6769", "LOCATION:Liège"}
	for name, body := range map[string][]byte{
		"utf-8 bom": append([]byte("\xEF\xBB\xBF"), text...),
		"utf-16le":  utf16LE(text),
	} {
		resp, apiErr := api.Analyze(context.Background(), a, body, &api.Request{})
		if apiErr != nil {
			t.Fatalf("%s: %v", name, apiErr)
		}
		doc, err := document.Decode(body)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range resp.Entities {
			if string(doc.Runes[e.Start:e.End]) != e.Text || string([]rune(text)[e.Start:e.End]) != e.Text {
				t.Errorf("%s: %s at %d-%d is not the document's slice", name, e.Type, e.Start, e.End)
			}
			if e.Type == entity.Date || e.Type == entity.Phone {
				continue
			}
			got = append(got, string(e.Type)+":"+e.Text)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", name, got, want)
		}
	}
}

func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			b = append(b, byte(0xD800+(r>>10)), byte((0xD800+(r>>10))>>8), byte(0xDC00+(r&0x3FF)), byte((0xDC00+(r&0x3FF))>>8))
			continue
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// A model failure answers 500 with a JSON error; the service stays up and
// answers the next document.
func TestAPIModelFailureIs500(t *testing.T) {
	for _, panics := range []bool{false, true} {
		r, m := fakeRecognizer(t, marks, 1, 4)
		m.fail, m.panic = "Kapot", panics
		srv := httptest.NewServer(api.New(analyzer.New(recognizers.NewSet(0), r), api.Config{}))
		defer srv.Close()
		for _, tc := range []struct {
			doc  string
			code int
		}{{"Jan Kapot", 500}, {"Jan Peeters", 200}, {"Kapot", 500}, {"Jan Peeters", 200}} {
			resp, err := http.Post(srv.URL+"/v1/analyze", "text/plain", strings.NewReader(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			var body map[string]any
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
				t.Errorf("panics=%v %q: body is not JSON: %v", panics, tc.doc, err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.code {
				t.Errorf("panics=%v %q: status %d, want %d", panics, tc.doc, resp.StatusCode, tc.code)
			}
			if _, ok := body["error"]; ok != (tc.code != 200) {
				t.Errorf("panics=%v %q: body %v", panics, tc.doc, body)
			}
		}
	}
}

// The real (smoke) model on the Go backend, end to end: whatever it
// predicts, entities start and end on word boundaries of the decoded text,
// never on whitespace, with CRLF, a BOM and accented NL/FR/DE text.
func TestSmokeModelEndToEnd(t *testing.T) {
	tok := smokeTokenizer(t)
	labels, err := Labels(smokeDir)
	if err != nil {
		t.Fatal(err)
	}
	pool := NewPool(smokeGoModel(t), 1, 4, 16)
	defer pool.Close()
	// Every span, however unsure: the smoke model is never sure.
	r := NewRecognizer(tok, labels, pool).WithMinScore(-1)
	a := analyzer.New(recognizers.NewSet(recognizers.DefaultMatchTimeout), r)
	long, _ := longDocument(3)
	text := "Geachte heer Müller,\r\nDe Coördinatie vraagt €250 aan Jan Peeters, Kerkstraat 12, 9000 Gent.\r\n" +
		"Madame Françoise d'Harveng, rue de l'Église 4 bte 2, 4920 Aywaille (SWDE).\r\n" +
		"Sehr geehrter Herr Weiß, Hauptstraße 5, 4700 Eupen. 📄 Zoë\u00a0Dubois-Müller.\r\n" + long
	body := append([]byte("\xEF\xBB\xBF"), text...)
	resp, apiErr := api.Analyze(context.Background(), a, body, &api.Request{ScoreThreshold: new(float64)})
	if apiErr != nil {
		t.Fatal(apiErr)
	}
	runes := []rune(text)
	model := 0
	boundary := func(i int) bool {
		if i <= 0 || i >= len(runes) {
			return true
		}
		x, y := runes[i-1], runes[i]
		return isWhitespace(x) || isWhitespace(y) || isPunct(x) || isPunct(y) || isControl(x) || isControl(y)
	}
	for _, e := range resp.Entities {
		if e.Text != string(runes[e.Start:e.End]) {
			t.Errorf("%s %d-%d: text %q is not the slice", e.Type, e.Start, e.End, e.Text)
		}
		if e.Recognizer != "model" {
			continue
		}
		model++
		if strings.TrimSpace(e.Text) != e.Text || !boundary(e.Start) || !boundary(e.End) {
			t.Errorf("%s %d-%d: not on word boundaries", e.Type, e.Start, e.End)
		}
	}
	t.Logf("%d entities, %d from the model", len(resp.Entities), model)
	if model == 0 {
		t.Error("the smoke model found nothing to check")
	}
}

// The whole Go pipeline (tokenizer, hugot on the Go backend, first-piece
// BIO decoding) finds the spans that the recipe's Python inference finds
// with the same model, on texts of one window (testdata/smoke_spans.json,
// made by smoke_spans.py).
func TestPipelineMatchesPython(t *testing.T) {
	checkPipelineMatchesPython(t, smokeGoModel(t))
}

func checkPipelineMatchesPython(t *testing.T, m Model) {
	b, err := os.ReadFile(filepath.Join("testdata", "smoke_spans.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Text  string
		Spans [][3]any
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	labels, err := Labels(smokeDir)
	if err != nil {
		t.Fatal(err)
	}
	pool := NewPool(m, 1, 2, 8)
	defer pool.Close()
	r := NewRecognizer(smokeTokenizer(t), labels, pool).WithMinScore(-1)
	spans := 0
	for _, c := range cases {
		var want []string
		for _, s := range c.Spans {
			want = append(want, fmt.Sprintf("%v-%v:%v", s[0], s[1], s[2]))
		}
		es, err := r.Recognize(context.Background(), []rune(c.Text))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range es {
			got = append(got, fmt.Sprintf("%d-%d:%s", e.Start, e.End, e.Type))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%.40q:\n got %v\nwant %v", c.Text, got, want)
		}
		spans += len(want)
	}
	if len(cases) < 20 || spans < 20 {
		t.Errorf("only %d texts, %d spans compared", len(cases), spans)
	}
}
