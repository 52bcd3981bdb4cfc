package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
)

// multipartOverhead is what a multipart body may add around its file:
// boundaries, part headers, small option fields.
const multipartOverhead = 64 << 10

// readRequest reads the document and its options from r, in any of the
// three forms the API accepts: a raw text body, a multipart upload with the
// file in field "file", or JSON {"text": ...}.
func readRequest(w http.ResponseWriter, r *http.Request, maxBytes int64) ([]byte, *Request, *Error) {
	ct, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil && r.Header.Get("Content-Type") != "" {
		return nil, nil, errorf(http.StatusBadRequest, "invalid_content_type", "the Content-Type header is malformed: %v", err)
	}
	switch ct {
	case "", "text/plain", "application/octet-stream", "application/x-www-form-urlencoded":
		// curl --data-binary sends a form content type; the body is still
		// the document, and is never parsed as a form.
		return readRaw(w, r, maxBytes)
	case "multipart/form-data":
		return readMultipart(w, r, params["boundary"], maxBytes)
	case "application/json":
		return readJSON(w, r, maxBytes)
	default:
		return nil, nil, errorf(http.StatusUnsupportedMediaType, "unsupported_content_type",
			"Content-Type %s is not supported: send text/plain, multipart/form-data or application/json", ct)
	}
}

func readRaw(w http.ResponseWriter, r *http.Request, maxBytes int64) ([]byte, *Request, *Error) {
	req, apiErr := requestFromQuery(r.URL.Query())
	if apiErr != nil {
		return nil, nil, apiErr
	}
	body, apiErr := readLimited(w, r, maxBytes, maxBytes)
	return body, req, apiErr
}

func readMultipart(w http.ResponseWriter, r *http.Request, boundary string, maxBytes int64) ([]byte, *Request, *Error) {
	req, apiErr := requestFromQuery(r.URL.Query())
	if apiErr != nil {
		return nil, nil, apiErr
	}
	if boundary == "" {
		return nil, nil, errorf(http.StatusBadRequest, "invalid_multipart", "the multipart Content-Type has no boundary")
	}
	if apiErr := checkLength(r, maxBytes+multipartOverhead, maxBytes); apiErr != nil {
		return nil, nil, apiErr
	}
	mr := multipart.NewReader(http.MaxBytesReader(w, r.Body, maxBytes+multipartOverhead), boundary)
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return nil, nil, errorf(http.StatusBadRequest, "missing_file", `the multipart request has no field "file" with the document`)
		}
		if err != nil {
			return nil, nil, bodyError(err, maxBytes, "multipart")
		}
		if part.FormName() != "file" {
			continue
		}
		body, err := io.ReadAll(io.LimitReader(part, maxBytes+1))
		if err != nil {
			return nil, nil, bodyError(err, maxBytes, "multipart")
		}
		if int64(len(body)) > maxBytes {
			return nil, nil, tooLarge(maxBytes)
		}
		return body, req, nil
	}
}

func readJSON(w http.ResponseWriter, r *http.Request, maxBytes int64) ([]byte, *Request, *Error) {
	if len(r.URL.Query()) > 0 {
		return nil, nil, errorf(http.StatusBadRequest, "unknown_parameter",
			"with a JSON body, options go in the JSON object, not in the query string")
	}
	// JSON escapes can double a text; the decoded text is held to maxBytes.
	raw, apiErr := readLimited(w, r, 2*maxBytes+multipartOverhead, maxBytes)
	if apiErr != nil {
		return nil, nil, apiErr
	}
	var req Request
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return nil, nil, errorf(http.StatusBadRequest, "invalid_json", "the JSON body is malformed: %v", err)
	}
	if dec.More() {
		return nil, nil, errorf(http.StatusBadRequest, "invalid_json", "the JSON body has data after its object")
	}
	if req.Text == nil {
		return nil, nil, errorf(http.StatusBadRequest, "missing_text", `the JSON body has no "text" field with the document`)
	}
	if int64(len(*req.Text)) > maxBytes {
		return nil, nil, tooLarge(maxBytes)
	}
	return []byte(*req.Text), &req, nil
}

// readLimited reads the whole body, up to limit bytes; maxBytes is the
// document limit that an error names.
func readLimited(w http.ResponseWriter, r *http.Request, limit, maxBytes int64) ([]byte, *Error) {
	if apiErr := checkLength(r, limit, maxBytes); apiErr != nil {
		return nil, apiErr
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		return nil, bodyError(err, maxBytes, "request")
	}
	return body, nil
}

// checkLength refuses a body whose declared length is over limit before
// reading any of it.
func checkLength(r *http.Request, limit, maxBytes int64) *Error {
	if r.ContentLength > limit {
		return tooLarge(maxBytes)
	}
	return nil
}

func bodyError(err error, maxBytes int64, what string) *Error {
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return tooLarge(maxBytes)
	}
	return errorf(http.StatusBadRequest, "invalid_"+what, "the %s body could not be read: %v", what, err)
}

func tooLarge(maxBytes int64) *Error {
	return errorf(http.StatusRequestEntityTooLarge, "payload_too_large",
		"the document is larger than the limit of %s", formatBytes(maxBytes))
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func typeName(v any) string { return fmt.Sprintf("%T", v) }
