//go:build ORT

package ner

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/knights-analytics/hugot"
	"github.com/knights-analytics/hugot/backends"
	"github.com/knights-analytics/hugot/options"
	ort "github.com/yalue/onnxruntime_go"
)

// ORTAvailable reports whether this binary was built with ONNX Runtime.
const ORTAvailable = true

// newORTSession starts the process's ONNX Runtime session (there can be
// only one) with the library in o.ORTLibDir.
func newORTSession(o HugotOptions) (*hugot.Session, error) {
	if o.ORTLibDir == "" {
		return nil, fmt.Errorf("no ONNX Runtime library directory given (flag -ort-lib, or BELNER_ORT_LIB); run scripts/ort.sh")
	}
	if _, err := os.Stat(filepath.Join(o.ORTLibDir, "libonnxruntime.so")); err != nil {
		return nil, fmt.Errorf("ONNX Runtime library: %w (run scripts/ort.sh)", err)
	}
	return hugot.NewORTSession(
		options.WithOnnxLibraryPath(o.ORTLibDir),
		options.WithIntraOpNumThreads(o.Threads),
		options.WithInterOpNumThreads(1),
	)
}

// runORT runs the ONNX Runtime session itself rather than through hugot,
// whose run never frees the output tensor that ONNX Runtime allocates.
func runORT(batch *backends.PipelineBatch, model *backends.Model, labels int) ([][][]float32, error) {
	inputs, ok := batch.InputValues.([]ort.Value)
	if !ok {
		return nil, fmt.Errorf("input tensors are %T", batch.InputValues)
	}
	seq := batch.MaxSequenceLength
	out, err := ort.NewEmptyTensor[float32](ort.NewShape(int64(batch.Size), int64(seq), int64(labels)))
	if err != nil {
		return nil, err
	}
	defer out.Destroy()
	if err := model.ORTModel.Session.Run(inputs, []ort.Value{out}); err != nil {
		return nil, err
	}
	data := out.GetData()
	res := make([][][]float32, batch.Size)
	for b, in := range batch.Input {
		n := len(in.TokenIDs)
		flat := make([]float32, n*labels)
		copy(flat, data[b*seq*labels:])
		res[b] = make([][]float32, n)
		for j := range n {
			res[b][j] = flat[j*labels : (j+1)*labels : (j+1)*labels]
		}
	}
	return res, nil
}
