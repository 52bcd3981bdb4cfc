package document

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		text     string
		encoding string
	}{
		{"utf-8", []byte("Müller woont in Liège."), "Müller woont in Liège.", UTF8},
		{"utf-8 with BOM", []byte("\xEF\xBB\xBFGeachte heer"), "Geachte heer", UTF8},
		{"CRLF kept", []byte("lijn 1\r\nlijn 2\r\n"), "lijn 1\r\nlijn 2\r\n", UTF8},
		{"windows-1252", []byte("Co\xf6rdinatie \x80250 \x93Li\xe8ge\x94 \xe9t\xe9"), "Coördinatie €250 “Liège” été", Windows1252},
		{"windows-1252 after BOM", []byte("\xEF\xBB\xBFna\xefef"), "naïef", Windows1252},
		{"utf-16le with BOM", utf16LE("Straße 12\r\n"), "Straße 12\r\n", UTF16LE},
		{"utf-16be with BOM", utf16BE("Gent €"), "Gent €", UTF16BE},
		{"empty", nil, "", UTF8},
		{"one stray control character is text", []byte("a\x01" + strings.Repeat("b", 200)), "a\x01" + strings.Repeat("b", 200), UTF8},
		{"form feed between pages", []byte("pagina 1\fpagina 2"), "pagina 1\fpagina 2", UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode(tt.in)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if d.Text != tt.text || d.Encoding != tt.encoding {
				t.Errorf("Decode = %q (%s), want %q (%s)", d.Text, d.Encoding, tt.text, tt.encoding)
			}
			if string(d.Runes) != d.Text {
				t.Errorf("Runes %q differ from Text %q", string(d.Runes), d.Text)
			}
		})
	}
}

func TestDecodeRefusesBinary(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		says string
	}{
		{"NUL bytes", []byte("abc\x00def"), "NUL"},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "PDF"},
		{"docx", []byte("PK\x03\x04\x14\x00\x06\x00"), "zip"},
		{"PNG", []byte("\x89PNG\r\n\x1a\n"), "PNG"},
		{"control characters", []byte(strings.Repeat("\x01\x02\x03abc", 50)), "control characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(tt.in)
			if !errors.Is(err, ErrNotText) {
				t.Fatalf("Decode error = %v, want ErrNotText", err)
			}
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %q does not say %q", err, tt.says)
			}
		})
	}
}

func TestBlank(t *testing.T) {
	for in, want := range map[string]bool{"": true, " \r\n\t ": true, "\u00a0\u2003": true, " x ": false} {
		d, err := Decode([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if d.Blank() != want {
			t.Errorf("Blank(%q) = %v, want %v", in, d.Blank(), want)
		}
	}
}

func TestUTF16Offsets(t *testing.T) {
	d, err := Decode([]byte("a😀bé😀c"))
	if err != nil {
		t.Fatal(err)
	}
	got := d.UTF16Offsets([]int{0, 1, 2, 3, 4, 5, 6})
	want := []int{0, 1, 3, 4, 5, 7, 8}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("UTF16Offsets = %v, want %v", got, want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"Müller", "\xEF\xBB\xBFabc", "\xFF\xFEa\x00", "caf\xe9", "%PDF-", "a\r\nb"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Decode(b)
		if err != nil {
			if !errors.Is(err, ErrNotText) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if !utf8.ValidString(d.Text) {
			t.Fatalf("decoded text is not valid UTF-8: %q", d.Text)
		}
		if string(d.Runes) != d.Text {
			t.Fatalf("Runes and Text disagree")
		}
		if d.Encoding == UTF8 && len(b) >= 3 && string(b[:3]) != "\xEF\xBB\xBF" && d.Text != string(b) {
			t.Fatalf("UTF-8 input changed by decoding")
		}
		// Nothing is lost: every input byte is in the text as some code point.
		if d.Encoding == Windows1252 && utf8.RuneCountInString(d.Text) < len(b)-3 {
			t.Fatalf("windows-1252 decoding dropped bytes: %d code points from %d bytes", utf8.RuneCountInString(d.Text), len(b))
		}
	})
}

func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16BE(s string) []byte {
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}
