package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
)

// DefaultMaxBatchDocuments is the most documents one batch may hold
// unless configured.
const DefaultMaxBatchDocuments = 100

// A BatchRequest is the JSON body of POST /v1/analyze/batch: documents
// and the options that apply to all of them.
type BatchRequest struct {
	Documents      []BatchDocument `json:"documents"`
	Entities       []string        `json:"entities"`
	ScoreThreshold *float64        `json:"score_threshold"`
	Language       string          `json:"language"`
	Explain        bool            `json:"explain"`
}

// A BatchDocument is one document of a batch; ID, if given, is echoed in
// its result.
type BatchDocument struct {
	ID   string  `json:"id"`
	Text *string `json:"text"`
}

// A BatchResponse has one result per document of the batch, in order.
type BatchResponse struct {
	Results []BatchResult `json:"results"`
}

// A BatchResult is a document's Response or its Error, with the id it was
// sent with (JSON) or its file name (multipart).
type BatchResult struct {
	ID       string `json:"id,omitempty"`
	Filename string `json:"filename,omitempty"`
	*Response
	Error *Error `json:"error,omitempty"`
}

// batchItem is a document of a batch as read, before analysis; err, if
// set, is its result.
type batchItem struct {
	id, filename string
	body         []byte
	err          *Error
}

func (s *server) analyzeBatch(w http.ResponseWriter, r *http.Request) {
	handle(s, w, r, func() ([]batchItem, *Request, *Error) {
		items, req, apiErr := s.readBatch(w, r)
		if apiErr == nil {
			_, apiErr = req.options(s.analyzer)
		}
		return items, req, apiErr
	}, s.analyzeItems)
}

// analyzeItems analyses the documents of a batch one after another, in the
// one slot the batch holds: a batch costs what a document of its total
// size costs, and cannot crowd out other clients. A timeout fails the
// whole batch, since its later documents were never analysed.
func (s *server) analyzeItems(ctx context.Context, items []batchItem, req *Request) (*BatchResponse, *Error) {
	resp := &BatchResponse{Results: make([]BatchResult, len(items))}
	for i, it := range items {
		res := BatchResult{ID: it.id, Filename: it.filename, Error: it.err}
		if it.err == nil {
			res.Response, res.Error = s.analyzeDocument(ctx, it.body, req)
		}
		if ctx.Err() != nil {
			return nil, contextError(ctx)
		}
		resp.Results[i] = res
	}
	return resp, nil
}

// readBatch reads a batch in either of its forms: JSON {"documents": [...]}
// or multipart with the files in repeated field "file".
func (s *server) readBatch(w http.ResponseWriter, r *http.Request) ([]batchItem, *Request, *Error) {
	ct, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case err != nil && r.Header.Get("Content-Type") != "":
		return nil, nil, errorf(http.StatusBadRequest, "invalid_content_type", "the Content-Type header is malformed: %v", err)
	case ct == "application/json":
		return s.readBatchJSON(w, r)
	case ct == "multipart/form-data":
		return s.readBatchMultipart(w, r, params["boundary"])
	}
	return nil, nil, errorf(http.StatusUnsupportedMediaType, "unsupported_content_type",
		"a batch is sent as application/json or multipart/form-data, not %q", ct)
}

func (s *server) readBatchJSON(w http.ResponseWriter, r *http.Request) ([]batchItem, *Request, *Error) {
	if len(r.URL.Query()) > 0 {
		return nil, nil, errorf(http.StatusBadRequest, "unknown_parameter",
			"with a JSON body, options go in the JSON object, not in the query string")
	}
	limit := s.cfg.MaxBatchBytes
	// JSON escapes can double a text; the decoded texts are held to limit.
	raw, apiErr := readLimited(w, r, 2*limit+multipartOverhead, limit)
	if apiErr != nil {
		return nil, nil, batchTooLarge(apiErr, limit)
	}
	var br BatchRequest
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&br); err != nil {
		return nil, nil, errorf(http.StatusBadRequest, "invalid_json", "the JSON body is malformed: %v", err)
	}
	if dec.More() {
		return nil, nil, errorf(http.StatusBadRequest, "invalid_json", "the JSON body has data after its object")
	}
	if apiErr := s.checkCount(len(br.Documents)); apiErr != nil {
		return nil, nil, apiErr
	}
	items := make([]batchItem, len(br.Documents))
	var total int64
	for i, d := range br.Documents {
		items[i] = batchItem{id: d.ID}
		switch {
		case d.Text == nil:
			items[i].err = errorf(http.StatusBadRequest, "missing_text", `document %d has no "text" field`, i)
		case int64(len(*d.Text)) > s.cfg.MaxBytes:
			items[i].err = tooLarge(s.cfg.MaxBytes)
		default:
			items[i].body = []byte(*d.Text)
			total += int64(len(*d.Text))
		}
	}
	if total > limit {
		return nil, nil, batchTooLarge(tooLarge(limit), limit)
	}
	req := &Request{Entities: br.Entities, ScoreThreshold: br.ScoreThreshold, Language: br.Language, Explain: br.Explain}
	return items, req, nil
}

func (s *server) readBatchMultipart(w http.ResponseWriter, r *http.Request, boundary string) ([]batchItem, *Request, *Error) {
	req, apiErr := requestFromQuery(r.URL.Query())
	if apiErr != nil {
		return nil, nil, apiErr
	}
	if boundary == "" {
		return nil, nil, errorf(http.StatusBadRequest, "invalid_multipart", "the multipart Content-Type has no boundary")
	}
	limit := s.cfg.MaxBatchBytes
	if apiErr := checkLength(r, limit+multipartOverhead, limit); apiErr != nil {
		return nil, nil, batchTooLarge(apiErr, limit)
	}
	mr := multipart.NewReader(http.MaxBytesReader(w, r.Body, limit+multipartOverhead), boundary)
	var items []batchItem
	var total int64
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, batchTooLarge(bodyError(err, limit, "multipart"), limit)
		}
		if part.FormName() != "file" {
			continue
		}
		if apiErr := s.checkCount(len(items) + 1); apiErr != nil {
			return nil, nil, apiErr
		}
		it, apiErr := s.readPart(part)
		if apiErr != nil {
			return nil, nil, batchTooLarge(apiErr, limit)
		}
		if total += int64(len(it.body)); total > limit {
			return nil, nil, batchTooLarge(tooLarge(limit), limit)
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		return nil, nil, errorf(http.StatusBadRequest, "missing_file", `the multipart request has no field "file" with a document`)
	}
	return items, req, nil
}

// readPart reads one file of a multipart batch. A file over the document
// limit is that document's error; a body that cannot be read is the
// request's.
func (s *server) readPart(part *multipart.Part) (batchItem, *Error) {
	it := batchItem{filename: part.FileName()}
	body, err := io.ReadAll(io.LimitReader(part, s.cfg.MaxBytes+1))
	if err != nil {
		return it, bodyError(err, s.cfg.MaxBatchBytes, "multipart")
	}
	if int64(len(body)) > s.cfg.MaxBytes {
		it.err = tooLarge(s.cfg.MaxBytes)
		return it, nil
	}
	it.body = body
	return it, nil
}

func (s *server) checkCount(n int) *Error {
	switch {
	case n == 0:
		return errorf(http.StatusBadRequest, "missing_documents", `the batch has no documents`)
	case n > s.cfg.MaxBatchDocuments:
		return errorf(http.StatusRequestEntityTooLarge, "too_many_documents",
			"a batch holds at most %d documents; send the rest in another batch", s.cfg.MaxBatchDocuments)
	}
	return nil
}

// batchTooLarge rewords a 413 from the body limit to name the batch limit.
func batchTooLarge(e *Error, limit int64) *Error {
	if e.Status != http.StatusRequestEntityTooLarge {
		return e
	}
	return errorf(http.StatusRequestEntityTooLarge, "payload_too_large",
		"the batch is larger than the limit of %s in all; send it in several batches", formatBytes(limit))
}
