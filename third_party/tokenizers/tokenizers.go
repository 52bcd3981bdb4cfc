// Package tokenizers is a pure-Go stand-in for github.com/daulet/tokenizers
// (a cgo binding to Hugging Face's Rust tokenizers), implementing the part
// of its API that github.com/knights-analytics/hugot calls, on top of
// github.com/sugarme/tokenizer.
package tokenizers

import (
	"bytes"
	"errors"

	"github.com/sugarme/tokenizer"
	"github.com/sugarme/tokenizer/pretrained"
)

// Offset is the [start, end) UTF-8 byte span of a token in its input.
type Offset [2]uint

// Encoding is the result of encoding one input. Fields the options did not
// ask for are nil.
type Encoding struct {
	IDs               []uint32
	TypeIDs           []uint32
	SpecialTokensMask []uint32
	AttentionMask     []uint32
	Tokens            []string
	Offsets           []Offset
}

// A Tokenizer encodes text into token ids. It is safe for concurrent use.
type Tokenizer struct {
	tk *tokenizer.Tokenizer
}

// FromBytes reads a Hugging Face tokenizer.json.
func FromBytes(data []byte) (*Tokenizer, error) {
	tk, err := pretrained.FromReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return &Tokenizer{tk: tk}, nil
}

// Close releases the tokenizer.
func (t *Tokenizer) Close() error {
	if t == nil || t.tk == nil {
		return errors.New("tokenizers: tokenizer already closed")
	}
	t.tk = nil
	return nil
}

type encodeOpts struct {
	typeIDs, tokens, specialMask, attentionMask, offsets bool
}

// An EncodeOption selects what EncodeWithOptions returns besides the ids.
type EncodeOption func(*encodeOpts)

func WithReturnTypeIDs() EncodeOption           { return func(o *encodeOpts) { o.typeIDs = true } }
func WithReturnTokens() EncodeOption            { return func(o *encodeOpts) { o.tokens = true } }
func WithReturnSpecialTokensMask() EncodeOption { return func(o *encodeOpts) { o.specialMask = true } }
func WithReturnAttentionMask() EncodeOption     { return func(o *encodeOpts) { o.attentionMask = true } }
func WithReturnOffsets() EncodeOption           { return func(o *encodeOpts) { o.offsets = true } }

// WithReturnAllAttributes returns everything.
func WithReturnAllAttributes() EncodeOption {
	return func(o *encodeOpts) { *o = encodeOpts{true, true, true, true, true} }
}

// Encode returns the ids and tokens of str.
func (t *Tokenizer) Encode(str string, addSpecialTokens bool) ([]uint32, []string) {
	e := t.EncodeWithOptions(str, addSpecialTokens, WithReturnTokens())
	return e.IDs, e.Tokens
}

// EncodeWithOptions encodes str. Like daulet's, it cannot fail: an input
// the tokenizer rejects encodes to nothing.
func (t *Tokenizer) EncodeWithOptions(str string, addSpecialTokens bool, opts ...EncodeOption) Encoding {
	var o encodeOpts
	for _, opt := range opts {
		opt(&o)
	}
	e, err := t.tk.EncodeSingle(str, addSpecialTokens)
	if err != nil || e == nil {
		return Encoding{}
	}
	var r Encoding
	r.IDs = u32(e.Ids)
	if o.typeIDs {
		r.TypeIDs = u32(e.TypeIds)
	}
	if o.tokens {
		r.Tokens = e.Tokens
	}
	if o.specialMask {
		r.SpecialTokensMask = u32(e.SpecialTokenMask)
	}
	if o.attentionMask {
		r.AttentionMask = u32(e.AttentionMask)
	}
	if o.offsets {
		r.Offsets = make([]Offset, len(e.Offsets))
		for i, off := range e.Offsets {
			if len(off) == 2 && off[0] >= 0 && off[1] >= off[0] {
				r.Offsets[i] = Offset{uint(off[0]), uint(off[1])}
			}
		}
	}
	return r
}

// Decode turns ids back into text.
func (t *Tokenizer) Decode(ids []uint32, skipSpecialTokens bool) string {
	is := make([]int, len(ids))
	for i, id := range ids {
		is[i] = int(id)
	}
	return t.tk.Decode(is, skipSpecialTokens)
}

// VocabSize returns the size of the vocabulary, added tokens included.
func (t *Tokenizer) VocabSize() uint32 {
	return uint32(t.tk.GetVocabSize(true))
}

func u32(xs []int) []uint32 {
	out := make([]uint32, len(xs))
	for i, x := range xs {
		out[i] = uint32(x)
	}
	return out
}
