package api

import (
	"github.com/belner/belner/document"
	"github.com/belner/belner/entity"
)

// A Response is the result of analysing one document.
type Response struct {
	Entities []Entity `json:"entities"`
	// Encoding is the encoding the document was decoded from.
	Encoding string `json:"encoding"`
	// Length is the decoded document's length in code points, and
	// LengthUTF16 in UTF-16 code units.
	Length      int    `json:"length"`
	LengthUTF16 int    `json:"length_utf16"`
	Language    string `json:"language,omitempty"`
}

// An Entity is an entity as the API reports it. Start and End are code-point
// offsets into the decoded document, End exclusive; StartUTF16 and EndUTF16
// are the same offsets in UTF-16 code units, as JavaScript counts.
type Entity struct {
	Type        entity.Type         `json:"type"`
	Text        string              `json:"text"`
	Start       int                 `json:"start"`
	End         int                 `json:"end"`
	StartUTF16  int                 `json:"start_utf16"`
	EndUTF16    int                 `json:"end_utf16"`
	Score       float64             `json:"score"`
	Recognizer  string              `json:"recognizer"`
	Explanation *entity.Explanation `json:"explanation,omitempty"`
}

func newResponse(doc *document.Document, es []entity.Entity, o options) *Response {
	points := make([]int, 0, 2*len(es)+1)
	for _, e := range es {
		points = append(points, e.Start, e.End)
	}
	points = append(points, len(doc.Runes))
	units := doc.UTF16Offsets(points)
	r := &Response{
		Entities:    make([]Entity, len(es)),
		Encoding:    doc.Encoding,
		Length:      len(doc.Runes),
		LengthUTF16: units[len(units)-1],
		Language:    o.language,
	}
	for i, e := range es {
		r.Entities[i] = Entity{
			Type:       e.Type,
			Text:       string(doc.Runes[e.Start:e.End]),
			Start:      e.Start,
			End:        e.End,
			StartUTF16: units[2*i],
			EndUTF16:   units[2*i+1],
			Score:      e.Score,
			Recognizer: e.Recognizer,
		}
		if o.explain {
			r.Entities[i].Explanation = &e.Explanation
		}
	}
	return r
}
