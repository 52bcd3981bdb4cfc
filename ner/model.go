// Package ner runs belner's token-classification model over documents of
// any length and returns its PERSON, ADDRESS, ORGANIZATION and LOCATION
// entities with exact code-point offsets.
//
// The document is tokenized here, on code points (Tokenizer), so that every
// piece maps back to the document exactly whatever the text: accents,
// CRLF, a BOM, symbols. The pieces are cut into overlapping,
// sentence-aligned windows the model can take (Windows); a Pool batches the
// windows of concurrent documents together for the Model (hugot, on the
// pure-Go or the ONNX Runtime backend); each word takes its label from the
// window where it is farthest from an edge, and the words' first-piece
// labels are decoded as BIO into entities (Recognizer).
package ner

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/belner/belner/entity"
)

// A Model scores the pieces of a batch of sequences. Each sequence is a
// window of piece ids framed by [CLS] and [SEP]; the result holds, for
// each sequence, the logits of every label for every one of its pieces
// ([CLS] and [SEP] included), in the order of Labels.
//
// Logits is never called with an empty batch.
type Model interface {
	Logits(ctx context.Context, batch [][]int32) ([][][]float32, error)
}

// A Label is one output class of the model: a BIO prefix and an entity
// type. O has an empty Type.
type Label struct {
	Begin bool
	Type  entity.Type
}

// A modelConfig is what belner reads from a model's config.json.
type modelConfig struct {
	ID2Label map[string]string `json:"id2label"`
	// MinScore is the lowest entity score chosen for these weights on the
	// recipe's dev sets (models/train/min_score.py).
	MinScore *float64 `json:"belner_min_score"`
}

func readModelConfig(dir string) (modelConfig, error) {
	var cfg modelConfig
	b, err := os.ReadFile(filepath.Join(dir, "config.json"))
	if err != nil {
		return cfg, err
	}
	if err := json.Unmarshal(b, &cfg); err != nil {
		return cfg, fmt.Errorf("config.json: %w", err)
	}
	return cfg, nil
}

// Labels reads the model's labels from dir/config.json (id2label), in id
// order. A label whose type belner does not know is read as O.
func Labels(dir string) ([]Label, error) {
	cfg, err := readModelConfig(dir)
	if err != nil {
		return nil, err
	}
	if len(cfg.ID2Label) == 0 {
		return nil, fmt.Errorf("config.json: no id2label")
	}
	names := make([]string, len(cfg.ID2Label))
	for k, v := range cfg.ID2Label {
		i, err := strconv.Atoi(k)
		if err != nil || i < 0 || i >= len(names) {
			return nil, fmt.Errorf("config.json: bad label id %q", k)
		}
		names[i] = v
	}
	return ParseLabels(names), nil
}

// MinScore reads the lowest entity score chosen for the model in dir
// (config.json belner_min_score); a model without one gets
// DefaultMinScore.
func MinScore(dir string) (float64, error) {
	cfg, err := readModelConfig(dir)
	if err != nil {
		return 0, err
	}
	if cfg.MinScore == nil {
		return DefaultMinScore, nil
	}
	if s := *cfg.MinScore; s < 0 || s >= 1 {
		return 0, fmt.Errorf("config.json: belner_min_score %v is not in [0, 1)", s)
	}
	return *cfg.MinScore, nil
}

// ParseLabels turns BIO label names ("O", "B-PERSON", "I-ADDRESS") into
// Labels.
func ParseLabels(names []string) []Label {
	labels := make([]Label, len(names))
	for i, n := range names {
		prefix, typ, ok := strings.Cut(n, "-")
		if !ok || (prefix != "B" && prefix != "I") {
			continue
		}
		switch t := entity.Type(typ); t {
		case entity.Person, entity.Address, entity.Organization, entity.Location:
			labels[i] = Label{Begin: prefix == "B", Type: t}
		}
	}
	return labels
}
