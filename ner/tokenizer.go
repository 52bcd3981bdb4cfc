package ner

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"unicode"
)

// A Word is one pre-tokenizer word of a document and its WordPiece pieces.
// Start and End are code-point offsets into the document, End exclusive.
type Word struct {
	Start, End int
	Pieces     []int32
	// SentenceEnd reports that a sentence ends with this word: it is
	// sentence punctuation, or a line break follows it.
	SentenceEnd bool
}

// A Tokenizer is the model's cased WordPiece tokenizer (BertNormalizer
// without lowercasing or accent stripping, BertPreTokenizer, WordPiece)
// reimplemented on code points, so that every piece maps back to exact
// code-point offsets whatever the text. It reproduces the Python recipe's
// tokenizer (models/train/wordpiece.py) and Hugging Face's for the
// tokenizer.json it loads.
type Tokenizer struct {
	vocab        map[string]int32
	unk          int32
	cls, sep     int32
	prefix       string
	maxWordChars int
	maxTokenLen  int // longest vocabulary entry, in code points
}

type tokenizerJSON struct {
	Normalizer struct {
		Type         string `json:"type"`
		Lowercase    bool   `json:"lowercase"`
		StripAccents *bool  `json:"strip_accents"`
		CleanText    bool   `json:"clean_text"`
		ChineseChars bool   `json:"handle_chinese_chars"`
	} `json:"normalizer"`
	PreTokenizer struct {
		Type string `json:"type"`
	} `json:"pre_tokenizer"`
	Model struct {
		Type                    string           `json:"type"`
		UnkToken                string           `json:"unk_token"`
		ContinuingSubwordPrefix string           `json:"continuing_subword_prefix"`
		MaxInputCharsPerWord    int              `json:"max_input_chars_per_word"`
		Vocab                   map[string]int32 `json:"vocab"`
	} `json:"model"`
}

// LoadTokenizer reads dir/tokenizer.json.
func LoadTokenizer(dir string) (*Tokenizer, error) {
	b, err := os.ReadFile(filepath.Join(dir, "tokenizer.json"))
	if err != nil {
		return nil, err
	}
	return ParseTokenizer(b)
}

// ParseTokenizer reads a Hugging Face tokenizer.json of the kind the
// training recipe writes, refusing any other kind: a tokenizer this code
// does not reproduce exactly would silently degrade the model.
func ParseTokenizer(b []byte) (*Tokenizer, error) {
	var tj tokenizerJSON
	if err := json.Unmarshal(b, &tj); err != nil {
		return nil, fmt.Errorf("tokenizer.json: %w", err)
	}
	n := tj.Normalizer
	switch {
	case n.Type != "BertNormalizer" || n.Lowercase || (n.StripAccents != nil && *n.StripAccents) || !n.CleanText:
		return nil, fmt.Errorf("tokenizer.json: unsupported normalizer (want a cased BertNormalizer without accent stripping)")
	case tj.PreTokenizer.Type != "BertPreTokenizer":
		return nil, fmt.Errorf("tokenizer.json: unsupported pre-tokenizer %q (want BertPreTokenizer)", tj.PreTokenizer.Type)
	case tj.Model.Type != "WordPiece":
		return nil, fmt.Errorf("tokenizer.json: unsupported model %q (want WordPiece)", tj.Model.Type)
	}
	t := &Tokenizer{
		vocab:        tj.Model.Vocab,
		prefix:       tj.Model.ContinuingSubwordPrefix,
		maxWordChars: tj.Model.MaxInputCharsPerWord,
	}
	if t.maxWordChars <= 0 {
		t.maxWordChars = 100
	}
	var ok bool
	for _, sp := range []struct {
		name string
		id   *int32
	}{{tj.Model.UnkToken, &t.unk}, {"[CLS]", &t.cls}, {"[SEP]", &t.sep}} {
		if *sp.id, ok = t.vocab[sp.name]; !ok {
			return nil, fmt.Errorf("tokenizer.json: %s is not in the vocabulary", sp.name)
		}
	}
	for tok := range t.vocab {
		t.maxTokenLen = max(t.maxTokenLen, len([]rune(tok)))
	}
	return t, nil
}

// CLS and SEP return the ids of the special tokens that frame a sequence.
func (t *Tokenizer) CLS() int32 { return t.cls }
func (t *Tokenizer) SEP() int32 { return t.sep }

// Words splits text into words as BertNormalizer + BertPreTokenizer do and
// encodes each into WordPiece pieces. Offsets are code points of text.
func (t *Tokenizer) Words(text []rune) []Word {
	var words []Word
	var cur []rune // the word's kept characters
	var pos []int  // their offsets in text
	flush := func() {
		if len(cur) > 0 {
			words = append(words, Word{Start: pos[0], End: pos[len(pos)-1] + 1, Pieces: t.pieces(cur)})
			cur, pos = cur[:0], pos[:0]
		}
	}
	for i, c := range text {
		switch {
		case c == 0 || c == 0xFFFD || isControl(c):
			// Removed by clean_text; does not break a word.
		case isWhitespace(c):
			flush()
			if c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' {
				if len(words) > 0 {
					words[len(words)-1].SentenceEnd = true
				}
			}
		case isChinese(c) || isPunct(c):
			flush()
			words = append(words, Word{Start: i, End: i + 1, Pieces: t.pieces([]rune{c}),
				SentenceEnd: c == '.' || c == '!' || c == '?' || c == ';' || c == ':'})
		default:
			cur = append(cur, c)
			pos = append(pos, i)
		}
	}
	flush()
	return words
}

// pieces encodes one word greedily, longest match first; a word that cannot
// be covered, or is too long, is one unknown token.
func (t *Tokenizer) pieces(word []rune) []int32 {
	n := len(word)
	if n > t.maxWordChars {
		return []int32{t.unk}
	}
	var ids []int32
	for start := 0; start < n; {
		end := min(n, start+t.maxTokenLen)
		found := int32(-1)
		for ; start < end; end-- {
			sub := string(word[start:end])
			if start > 0 {
				sub = t.prefix + sub
			}
			if id, ok := t.vocab[sub]; ok {
				found = id
				break
			}
		}
		if found < 0 {
			return []int32{t.unk}
		}
		ids = append(ids, found)
		start = end
	}
	return ids
}

// The character classes of Hugging Face's BertNormalizer and
// BertPreTokenizer, as the recipe's wordpiece.py defines them.

func isWhitespace(c rune) bool {
	switch c {
	case '\t', '\n', '\r', ' ', '\u000b', '\u000c', '\u0085', '\u00a0', '\u1680',
		'\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007',
		'\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000':
		return true
	}
	return false
}

func isControl(c rune) bool {
	if c == '\t' || c == '\n' || c == '\r' {
		return false
	}
	// Unicode category C* (Cc, Cf, Cs, Co and unassigned Cn): in no other
	// major category.
	return !unicode.In(c, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z)
}

func isChinese(c rune) bool {
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
		(c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F) ||
		(c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF) ||
		(c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F)
}

func isPunct(c rune) bool {
	if (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126) {
		return true
	}
	return unicode.IsPunct(c)
}
