//go:build !ORT

package ner

import (
	"errors"

	"github.com/knights-analytics/hugot"
	"github.com/knights-analytics/hugot/backends"
)

// ORTAvailable reports whether this binary was built with ONNX Runtime.
const ORTAvailable = false

var errNoORT = errors.New("belner was built without ONNX Runtime; rebuild with -tags ORT (and run scripts/ort.sh for the library)")

func newORTSession(HugotOptions) (*hugot.Session, error) { return nil, errNoORT }

func runORT(*backends.PipelineBatch, *backends.Model, int) ([][][]float32, error) {
	return nil, errNoORT
}
