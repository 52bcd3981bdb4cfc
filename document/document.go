// Package document decodes the bytes of an uploaded text file into the
// text that belner analyses, and converts between the offsets clients use.
//
// Belgian institutions' .txt exports come as UTF-8 (with or without a byte
// order mark), as Windows-1252 from older Windows software, and sometimes
// as UTF-16 ("Unicode" in Notepad). All three decode; anything that is not
// text (a PDF, an image, a zip) is refused rather than analysed as noise.
// Line endings are left as they are: offsets count CRLF as two.
package document

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// ErrNotText is wrapped by Decode's error for content that is not text.
var ErrNotText = errors.New("not a text document")

// The encodings Decode reports.
const (
	UTF8        = "utf-8"
	Windows1252 = "windows-1252"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
)

// A Document is decoded text.
type Document struct {
	// Text is the decoded text without its byte order mark.
	Text string
	// Runes is Text as code points: entity offsets index it.
	Runes []rune
	// Encoding is the encoding the bytes were decoded from.
	Encoding string
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode decodes b. Valid UTF-8 is taken as UTF-8; a UTF-16 byte order
// mark selects UTF-16; any other bytes are read as Windows-1252, which
// defines nearly every byte, so no document is refused for its encoding.
// Content with NUL bytes, many control characters or the signature of a
// binary format gives an error wrapping ErrNotText.
func Decode(b []byte) (*Document, error) {
	text, enc, err := decode(b)
	if err != nil {
		return nil, err
	}
	if err := checkText(text); err != nil {
		return nil, err
	}
	return &Document{Text: text, Runes: []rune(text), Encoding: enc}, nil
}

func decode(b []byte) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		b = b[len(bomUTF8):]
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), b, UTF16LE)
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), b, UTF16BE)
	}
	if err := sniff(b); err != nil {
		return "", "", err
	}
	if utf8.Valid(b) {
		return string(b), UTF8, nil
	}
	return decodeWith(charmap.Windows1252, b, Windows1252)
}

func decodeWith(e encoding.Encoding, b []byte, name string) (string, string, error) {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return "", "", fmt.Errorf("decoding %s: %w", name, err)
	}
	return string(out), name, nil
}

// signatures are the starts of the binary formats people upload by mistake.
// Most binary files also hold NUL bytes; these are caught even when their
// first kilobytes do not.
var signatures = []struct{ prefix, name string }{
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a zip archive (or a Word, Excel or OpenDocument file)"},
	{"\x89PNG", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\x1F\x8B", "a gzip archive"},
	{"\xD0\xCF\x11\xE0", "an old Word or Excel file"},
}

// sniff refuses binary content before its bytes are taken for
// Windows-1252 text.
func sniff(b []byte) error {
	for _, s := range signatures {
		if bytes.HasPrefix(b, []byte(s.prefix)) {
			return fmt.Errorf("%w: it looks like %s", ErrNotText, s.name)
		}
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return fmt.Errorf("%w: it contains NUL bytes, as binary files do", ErrNotText)
	}
	return nil
}

// checkText refuses text with more control characters than a text file
// has: one stray form feed or escape is text, a run of them is not.
func checkText(s string) error {
	controls, n := 0, 0
	for _, r := range s {
		n++
		if unicode.IsControl(r) && !strings.ContainsRune("\t\n\v\f\r\x1a\x1b\u0085", r) {
			controls++
		}
	}
	if controls > 0 && controls*100 > n {
		return fmt.Errorf("%w: %d of its %d characters are control characters", ErrNotText, controls, n)
	}
	return nil
}

// Blank reports whether the document has nothing but white space.
func (d *Document) Blank() bool {
	return strings.TrimSpace(d.Text) == ""
}

// UTF16Offsets converts code-point offsets into d.Runes to UTF-16 code-unit
// offsets, as JavaScript strings count. points must be ascending; the
// conversion is one pass over the text.
func (d *Document) UTF16Offsets(points []int) []int {
	out := make([]int, len(points))
	cp, u := 0, 0
	for i, p := range points {
		for ; cp < p && cp < len(d.Runes); cp++ {
			u += utf16.RuneLen(d.Runes[cp])
		}
		out[i] = u
	}
	return out
}
