package ner

import (
	"context"
	"errors"
	"fmt"
	"runtime"

	"github.com/knights-analytics/hugot"
	"github.com/knights-analytics/hugot/backends"
	"github.com/knights-analytics/hugot/options"
	"github.com/knights-analytics/hugot/pipelines"
)

// Backends names the model backends, the default first.
var Backends = []string{"go", "ort"}

// HugotOptions configure a HugotModel.
type HugotOptions struct {
	// Backend is "go" (pure Go, GoMLX simplego; the default) or "ort" (ONNX
	// Runtime; needs a binary built with -tags ORT).
	Backend string
	// ORTLibDir is the directory of libonnxruntime.so, for "ort".
	ORTLibDir string
	// Threads is the number of threads ONNX Runtime uses inside one run;
	// zero means GOMAXPROCS (one per CPU, or the container's CPU limit).
	Threads int
	// MaxBatch is the largest batch that will be run; the Go backend
	// compiles one program per batch and sequence size bucket up to it.
	MaxBatch int
	// MaxSequence is the longest sequence, [CLS] and [SEP] included.
	MaxSequence int
}

// A HugotModel runs an ONNX token classifier with hugot. It takes piece
// ids that Tokenizer made: hugot's own tokenization (byte offsets, offset
// drift after a multi-byte character inside a word, inputs silently cut at
// the maximum length) is bypassed, and only its model loading and
// inference are used. It is safe for concurrent use.
type HugotModel struct {
	session  *hugot.Session
	pipeline *pipelines.TokenClassificationPipeline
	labels   int
}

// LoadHugot loads the ONNX model in dir. Close releases it.
func LoadHugot(dir string, o HugotOptions) (*HugotModel, error) {
	if o.MaxBatch <= 0 {
		o.MaxBatch = DefaultMaxBatch
	}
	if o.MaxSequence <= 0 {
		o.MaxSequence = DefaultMaxPieces + 2
	}
	if o.Threads <= 0 {
		o.Threads = runtime.GOMAXPROCS(0)
	}
	var session *hugot.Session
	var err error
	switch o.Backend {
	case "", "go":
		session, err = hugot.NewGoSession(
			options.WithGoMLXBatchBuckets(batchBuckets(o.MaxBatch)),
			options.WithGoMLXSequenceBuckets(sequenceBuckets(o.MaxSequence)),
		)
	case "ort":
		session, err = newORTSession(o)
	default:
		return nil, fmt.Errorf("unknown backend %q (known: %v)", o.Backend, Backends)
	}
	if err != nil {
		return nil, fmt.Errorf("%s backend: %w", o.Backend, err)
	}
	p, err := hugot.NewPipeline(session, hugot.TokenClassificationConfig{ModelPath: dir, Name: "ner"})
	if err != nil {
		return nil, errors.Join(fmt.Errorf("loading the model in %s: %w", dir, err), session.Destroy())
	}
	dims := p.Model.OutputsMeta[0].Dimensions
	return &HugotModel{session: session, pipeline: p, labels: int(dims[len(dims)-1])}, nil
}

// batchBuckets returns 1, 2, 4, ... up to max: the Go backend pads each
// batch to the next bucket and compiles one program per bucket.
func batchBuckets(max int) []int {
	var bs []int
	for b := 1; b < max; b *= 2 {
		bs = append(bs, b)
	}
	return append(bs, max)
}

// sequenceBuckets returns 32, 64, 128, ... up to max.
func sequenceBuckets(max int) []int {
	var bs []int
	for b := 32; b < max; b *= 2 {
		bs = append(bs, b)
	}
	return append(bs, max)
}

// Close releases the model and its hugot session.
func (m *HugotModel) Close() error { return m.session.Destroy() }

// Logits runs the model on a batch of piece-id sequences.
func (m *HugotModel) Logits(_ context.Context, seqs [][]int32) ([][][]float32, error) {
	if len(seqs) == 0 {
		// hugot's Go backend panics in a worker goroutine on an empty
		// batch, which no recover can catch.
		return nil, nil
	}
	batch := backends.NewBatch(len(seqs))
	batch.Input = make([]backends.TokenizedInput, len(seqs))
	for i, s := range seqs {
		if len(s) == 0 {
			return nil, errors.New("empty sequence")
		}
		ids := make([]uint32, len(s))
		ones := make([]uint32, len(s))
		for j, id := range s {
			ids[j], ones[j] = uint32(id), 1
		}
		batch.Input[i] = backends.TokenizedInput{
			TokenIDs:          ids,
			TypeIDs:           make([]uint32, len(s)),
			AttentionMask:     ones,
			SpecialTokensMask: make([]uint32, len(s)),
			MaxAttentionIndex: len(s) - 1,
		}
		batch.MaxSequenceLength = max(batch.MaxSequenceLength, len(s))
	}
	p := m.pipeline
	if err := backends.CreateInputTensors(batch, p.Model, p.Runtime); err != nil {
		return nil, errors.Join(err, batch.Destroy())
	}
	out, err := m.run(batch)
	return out, errors.Join(err, batch.Destroy())
}

// run runs the model on a batch whose input tensors are ready.
func (m *HugotModel) run(batch *backends.PipelineBatch) ([][][]float32, error) {
	if m.pipeline.Runtime == "ORT" {
		return runORT(batch, m.pipeline.Model, m.labels)
	}
	if err := m.pipeline.Forward(batch); err != nil {
		return nil, err
	}
	out, ok := batch.OutputValues[0].([][][]float32)
	if !ok {
		return nil, fmt.Errorf("model output is %T, want [][][]float32", batch.OutputValues[0])
	}
	return out, nil
}
