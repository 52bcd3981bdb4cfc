package api

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// An Error is an API error: an HTTP status, a stable code for programs and
// a message for people.
type Error struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

func errorf(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// writeError writes e as {"error": {"code": ..., "message": ...}}.
func writeError(w http.ResponseWriter, e *Error) {
	writeJSON(w, e.Status, struct {
		Error *Error `json:"error"`
	}{e})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	// The status is sent; an encoding error now can only be a client that
	// went away, and there is no one left to tell.
	_ = json.NewEncoder(w).Encode(v)
}
