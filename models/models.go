// Package models ships belner's NER model inside the binary: the files of
// models/belner-ner that inference needs (the training recipe in
// models/train makes them).
package models

import (
	"embed"
	"errors"
	"io/fs"
	"os"
)

// Name is the directory of the shipped model.
const Name = "belner-ner"

//go:embed belner-ner/model.onnx belner-ner/config.json belner-ner/tokenizer.json
//go:embed belner-ner/special_tokens_map.json belner-ner/tokenizer_config.json belner-ner/fixture.json
//go:embed belner-ner/common_words.txt belner-ner/places.txt
var files embed.FS

// Shipped returns the shipped model's files.
func Shipped() fs.FS {
	sub, err := fs.Sub(files, Name)
	if err != nil {
		panic(err) // the directory is embedded: cannot happen
	}
	return sub
}

// Extract writes the shipped model into a new temporary directory, for
// loaders that read files; remove deletes it (the model's loader no longer
// needs it once loaded).
func Extract() (dir string, remove func() error, err error) {
	dir, err = os.MkdirTemp("", "belner-model-")
	if err != nil {
		return "", nil, err
	}
	remove = func() error { return os.RemoveAll(dir) }
	if err := os.CopyFS(dir, Shipped()); err != nil {
		return "", nil, errors.Join(err, remove())
	}
	return dir, remove, nil
}
