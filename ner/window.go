package ner

import (
	"math"
	"unicode"

	"github.com/belner/belner/entity"
)

// A Window is a run of consecutive words, [First, Last), that the model
// sees at once.
type Window struct {
	First, Last int
}

// Windows cuts words into windows of at most maxPieces pieces (not
// counting [CLS] and [SEP]) that overlap by about overlap pieces. A window
// ends after a sentence (sentence punctuation or a line break) where one
// ends in its second half, and the next starts at a sentence start inside
// the overlap where there is one, so that the model sees whole sentences.
// Every word is in at least one window; a word longer than maxPieces (the
// tokenizer caps words at 100 pieces) is cut to maxPieces by Sequence.
func Windows(words []Word, maxPieces, overlap int) []Window {
	n := len(words)
	if n == 0 {
		return nil
	}
	overlap = min(overlap, maxPieces/2)
	var ws []Window
	for a, done := 0, 0; ; {
		// The longest run from a that fits.
		b, size := a, 0
		for b < n && (b == a || size+len(words[b].Pieces) <= maxPieces) {
			size += len(words[b].Pieces)
			b++
		}
		if b == n {
			ws = append(ws, Window{a, n})
			return ws
		}
		// End after the last sentence end in the second half, if any, past
		// the end of the previous window.
		for i, s := b, size; i > max(a, done) && 2*s >= size; i-- {
			if words[i-1].SentenceEnd {
				b = i
				break
			}
			s -= len(words[i-1].Pieces)
		}
		ws = append(ws, Window{a, b})
		done = b
		// Start the next one about overlap pieces back, at a sentence start
		// if the overlap holds one, always after a, and leaving room for
		// the next word.
		next, back := b, 0
		for next-1 > a && back+len(words[next-1].Pieces) <= min(overlap, maxPieces-len(words[b].Pieces)) {
			next--
			back += len(words[next].Pieces)
		}
		for i := next; i < b; i++ {
			if i > 0 && words[i-1].SentenceEnd {
				next = i
				break
			}
		}
		a = next
	}
}

// Sequence returns the model input for window w: [CLS], the pieces of its
// words, [SEP], at most maxPieces pieces between them.
func (t *Tokenizer) Sequence(words []Word, w Window, maxPieces int) []int32 {
	seq := []int32{t.cls}
	for _, wd := range words[w.First:w.Last] {
		seq = append(seq, wd.Pieces[:max(0, min(len(wd.Pieces), maxPieces+1-len(seq)))]...)
	}
	return append(seq, t.sep)
}

// A wordLabel is the label the model gave a word and its probability.
type wordLabel struct {
	label  int
	prob   float32
	margin int // distance of the word to the nearer edge of its window
}

// newWordLabels returns a label slot per word, none chosen yet.
func newWordLabels(n int) []wordLabel {
	wl := make([]wordLabel, n)
	for i := range wl {
		wl[i] = wordLabel{label: -1, margin: -1}
	}
	return wl
}

// stitch gives each word the label of its first piece in the window where
// the word is farthest from an edge: logits[k] are the model's logits for
// the sequence of windows[k]. It can run on the windows a few at a time,
// in any order, into the same wl.
func stitch(wl []wordLabel, words []Word, windows []Window, logits [][][]float32) {
	for k, w := range windows {
		piece := 1 // after [CLS]
		for i := w.First; i < w.Last; i++ {
			margin := min(i-w.First, w.Last-1-i)
			if margin > wl[i].margin && piece < len(logits[k]) {
				label, prob := argmaxSoftmax(logits[k][piece])
				wl[i] = wordLabel{label: label, prob: prob, margin: margin}
			}
			piece += len(words[i].Pieces)
		}
	}
}

// decode turns word labels into entities: B-X starts an X, I-X continues an
// X that the previous word is part of and starts one otherwise (as the
// training recipe decodes), O ends any. Two repairs, the same as the
// recipe's decode_spans: a B-X one space (or nothing) after an X continues
// it (the small model often starts every word of a name with B), and a lone
// punctuation mark labelled O that is glued to X on both sides stays inside
// when an I-X follows ("Oost-Vlaanderen"). No entity runs across a column
// gap, whatever the labels: two signatures side by side are two names.
func decode(text []rune, words []Word, wl []wordLabel, labels []Label) []entity.Entity {
	label := func(i int) Label {
		if i < len(words) && wl[i].label >= 0 && wl[i].label < len(labels) {
			return labels[wl[i].label]
		}
		return Label{}
	}
	var es []entity.Entity
	var sum float64
	var n int
	open := false
	closeEntity := func() {
		if open {
			e := &es[len(es)-1]
			e.Score = sum / float64(n)
			e.Explanation.BaseScore = e.Score
			open = false
		}
	}
	for i, w := range words {
		l := label(i)
		var cur *entity.Entity
		if open {
			cur = &es[len(es)-1]
		}
		switch {
		case l.Type == "" && cur != nil && gluedPunct(text, words, i) && label(i+1) == Label{Type: cur.Type}:
			cur.End = w.End
		case l.Type == "":
			closeEntity()
		case cur != nil && cur.Type == l.Type && !columnGap(text[cur.End:w.Start]) &&
			(!l.Begin || oneSpaceOrLess(text[cur.End:w.Start])):
			cur.End = w.End
			sum += float64(wl[i].prob)
			n++
		default:
			closeEntity()
			es = append(es, entity.Entity{Type: l.Type, Start: w.Start, End: w.End, Recognizer: "model"})
			sum, n, open = float64(wl[i].prob), 1, true
		}
	}
	closeEntity()
	return es
}

// joinOrganizations makes a PERSON or LOCATION one space before an
// ORGANIZATION the start of its name ("Bakkerij Janssens BV", "Brussels
// Warehouse Solutions NV"): ANNOTATION.md puts names inside organisation
// names in the organisation. The joined span keeps the lower score of its
// parts. Entities are in text order; the recipe's join_organizations does
// the same.
func joinOrganizations(text []rune, es []entity.Entity) []entity.Entity {
	out := es[:0]
	for _, e := range es {
		if n := len(out); n > 0 && e.Type == entity.Organization &&
			(out[n-1].Type == entity.Person || out[n-1].Type == entity.Location) &&
			oneSpace(text[out[n-1].End:e.Start]) {
			e.Start = out[n-1].Start
			e.Score = min(e.Score, out[n-1].Score)
			e.Explanation.BaseScore = e.Score
			out[n-1] = e
			continue
		}
		out = append(out, e)
	}
	return out
}

// oneSpace reports whether gap is one space or one no-break space.
func oneSpace(gap []rune) bool {
	return len(gap) == 1 && (gap[0] == ' ' || gap[0] == '\u00a0')
}

// gluedPunct reports whether word i is one punctuation mark touching the
// words on both sides.
func gluedPunct(text []rune, words []Word, i int) bool {
	w := words[i]
	return w.End-w.Start == 1 && unicode.IsPunct(text[w.Start]) &&
		i > 0 && words[i-1].End == w.Start &&
		i+1 < len(words) && words[i+1].Start == w.End
}

// oneSpaceOrLess reports whether gap is empty or one space: wider gaps
// separate columns (signatures side by side).
func oneSpaceOrLess(gap []rune) bool {
	return len(gap) == 0 || oneSpace(gap)
}

// columnGap reports whether gap, within one line, holds a tab or three
// spaces in a row: the layout of columns. A line break is no column gap,
// since address blocks span lines.
func columnGap(gap []rune) bool {
	spaces := 0
	tab := false
	for _, c := range gap {
		switch c {
		case '\n':
			return false
		case '\t':
			tab = true
		case ' ':
			spaces++
			if spaces == 3 {
				tab = true
			}
			continue
		}
		spaces = 0
	}
	return tab
}

// argmaxSoftmax returns the index of the largest logit and its softmax
// probability.
func argmaxSoftmax(logits []float32) (int, float32) {
	if len(logits) == 0 {
		return -1, 0
	}
	best := 0
	for i, v := range logits {
		if v > logits[best] {
			best = i
		}
	}
	var sum float64
	for _, v := range logits {
		sum += math.Exp(float64(v - logits[best]))
	}
	return best, float32(1 / sum)
}
