package recognizers

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/belner/belner/entity"
)

// orgScore is the score of a known organisation: the name is certain, but
// a few acronyms ("ONE", "CM") are also ordinary words or units.
const orgScore = 0.85

// orgLegalForms are the legal forms that belong to a company's span when
// they follow its name: "AG Insurance SA", "Securex vzw", "AXA Belgium
// SA/NV". The cooperative's CV and SC are left out: "uw VDAB CV" is a
// résumé.
var orgLegalForms = []string{
	"NV", "N.V.", "SA", "S.A.", "BV", "B.V.", "SRL", "SPRL", "BVBA", "CVBA",
	"SCRL", "SE", "vzw", "VZW", "v.z.w.", "ivzw", "asbl", "ASBL", "a.s.b.l.",
	"aisbl", "VoG", "VOG", "V.o.G.", "GmbH", "AG", "OFP",
}

// orgMunicipalPrefixes, followed by a place's name, name a municipality
// or its welfare centre acting as an administration: "Stad Gent", "CPAS de
// Namur", "Commune d'Aywaille", "ÖSHZ Eupen". Only the capitalised prefix
// counts: "de stad Gent" and "la ville de Liège" are places, "het OCMW"
// alone a generic reference.
var orgMunicipalPrefixes = []string{
	"Stad", "Gemeente", "OCMW", "Stadsbestuur", "Gemeentebestuur",
	"Ville de", "Ville d'", "Commune de", "Commune d'", "CPAS de", "CPAS d'",
	"Administration communale de", "Administration communale d'",
	"Stadt", "Gemeinde", "ÖSHZ", "Stadtverwaltung", "Gemeindeverwaltung",
}

// orgCourtPrefixes, followed by the place where it sits, name a court:
// "arbeidsrechtbank Gent", "Tribunal du travail de Liège", "Arbeitsgericht
// Eupen". Running text writes them in lower case, headings in capitals;
// orgCourtVariants adds those forms. Without its place a court is a
// generic reference ("de arbeidsrechtbank").
var orgCourtPrefixes = []string{
	"arbeidsrechtbank", "Nederlandstalige arbeidsrechtbank", "Franstalige arbeidsrechtbank",
	"rechtbank van eerste aanleg", "Nederlandstalige rechtbank van eerste aanleg",
	"Franstalige rechtbank van eerste aanleg", "ondernemingsrechtbank", "politierechtbank",
	"vredegerecht", "vredegerecht van het kanton", "arbeidshof", "hof van beroep",
	"tribunal du travail de", "tribunal du travail d'", "tribunal du travail francophone de",
	"tribunal du travail néerlandophone de", "tribunal de première instance de",
	"tribunal de première instance d'", "tribunal de première instance francophone de",
	"tribunal de l'entreprise de", "tribunal de l'entreprise d'", "tribunal de police de",
	"tribunal de police d'", "justice de paix de", "justice de paix d'", "justice de paix du canton de",
	"justice de paix du canton d'", "cour du travail de", "cour du travail d'", "cour d'appel de", "cour d'appel d'",
	"Arbeitsgericht", "Gericht Erster Instanz", "Friedensgericht", "Polizeigericht", "Unternehmensgericht",
}

// orgCourtVariants returns the forms in which a court prefix is printed:
// as written, with a capital first, and in capitals.
func orgCourtVariants(p string) []string {
	return []string{p, withFirst(p, unicode.ToUpper), strings.ToUpper(p)}
}

// orgZonePrefixes name a police zone. Zones are named after a region as
// often as after a town, in up to three words: "Politiezone Regio
// Turnhout", "Zone de police Haute Meuse".
var orgZonePrefixes = []string{"Politiezone", "Zone de police", "Polizeizone"}

// orgPlaceStops are capitalised words that follow a prefix or a zone's
// name without being a place: a department, a body, a label ("OCMW
// Sociale Dienst", "CPAS Service social", "Politiezone Gent Wijkpost").
var orgPlaceStops = []string{
	"Dienst", "Afdeling", "Directie", "Sociale", "Sociaal", "Bijzonder",
	"Raad", "Comité", "Commissariaat", "Wijkpost", "Team", "Cel", "Centrum",
	"Service", "Direction", "Conseil", "Centre", "Commissariat", "Cellule",
	"Abteilung", "Dienststelle", "Rat", "Sozialdienst", "Kommissariat",
	"Tel", "Tél", "Fax", "Telefon", "Contact", "Kontakt", "E-mail", "Mail",
}

// orgArticles begin some places' names: "De Panne", "La Louvière".
var orgArticles = []string{"De", "Den", "La", "Le", "Les"}

// The notes that explain the two kinds of match.
const (
	orgNameNote  = "a known Belgian institution or company (curated list)"
	orgPlaceNote = "a municipality, welfare centre or police zone acting as an administration"
	orgCourtNote = "a court and the place where it sits"
)

// orgTokenReach bounds how far back from a name orgLeadOK looks for the
// start of an e-mail address or URL, so that a long token with many
// slashes costs linear time.
const orgTokenReach = 256

// newOrganization recognises the organisations that need no model: the
// known Belgian institutions and companies of knownOrganizations and the
// federal departments, with an adjacent legal form; municipalities,
// welfare centres and police zones acting as administrations; and courts
// named with their seat.
//
// The names are a trie, walked in Go from each word that begins with the
// first letter of one. Acronyms match as printed ("ING", not the title
// "Ing."); full names also in capitals and with their later words
// capitalised or not. No name is matched inside a word, a compound
// ("RSZ-nummer"), an e-mail address or a URL.
func newOrganization() *recognizer {
	d := orgDictionaryOnce()
	return &recognizer{
		name:    "organization",
		typ:     entity.Organization,
		score:   orgScore,
		starts:  d.starts,
		matchAt: d.matchAt,
	}
}

// orgDictionaryOnce builds the dictionary, which no one changes, once for
// every Set: it takes milliseconds.
var orgDictionaryOnce = sync.OnceValue(newOrgDictionary)

// An orgDictionary finds known names and municipal administrations.
type orgDictionary struct {
	names *orgTrie // known names and municipal and zone prefixes
	forms *orgTrie // legal forms
	// initials marks the names' first runes below 256, and pairs holds the
	// nodes that names beginning with two ASCII runes reach, or 0: a
	// look-up there is a fraction of a walk from the root.
	initials [256]bool
	pairs    [utf8.RuneSelf * utf8.RuneSelf]int32
}

func newOrgDictionary() *orgDictionary {
	var phrases []orgPhrase
	for _, n := range orgNames() {
		phrases = append(phrases, orgPhrase{n, orgName})
	}
	for _, p := range orgMunicipalPrefixes {
		phrases = append(phrases, orgPhrase{p, orgMunicipal})
	}
	for _, p := range orgZonePrefixes {
		phrases = append(phrases, orgPhrase{p, orgZone})
	}
	for _, p := range orgCourtPrefixes {
		for _, v := range orgCourtVariants(p) {
			phrases = append(phrases, orgPhrase{v, orgCourt})
		}
	}
	var forms []orgPhrase
	for _, f := range orgLegalForms {
		forms = append(forms, orgPhrase{f, orgName})
	}
	d := &orgDictionary{names: newOrgTrie(phrases), forms: newOrgTrie(forms)}
	for _, p := range phrases {
		rs := []rune(orgNormalize(p.name))
		if rs[0] < 256 {
			d.initials[rs[0]] = true
		}
		if len(rs) >= 2 && rs[0] < utf8.RuneSelf && rs[1] < utf8.RuneSelf {
			d.pairs[rs[0]<<7|rs[1]] = d.names.child(d.names.child(0, rs[0]), rs[1])
		}
	}
	return d
}

// orgNames returns every form of every name to match.
func orgNames() []string {
	var names []string
	for _, n := range knownOrganizations {
		names = append(names, orgVariants(n)...)
	}
	for _, d := range federalDepartments {
		for _, t := range d.titles {
			for _, n := range d.names {
				names = append(names, orgVariants(t+" "+n)...)
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// orgVariants returns the forms in which name is printed: as written; in
// capitals, as letterheads print it; and for a name of several words, with
// its later words capitalised or not, as both are usual ("SPF Sécurité
// sociale", "SPF Sécurité Sociale"). An acronym or a name in mixed case
// ("LfA", "bpost", "KidsLife") matches only as written.
func orgVariants(name string) []string {
	words := strings.Split(name, " ")
	if len(words) == 1 {
		if isCapitalized(name) {
			return []string{name, strings.ToUpper(name)}
		}
		return []string{name}
	}
	titled, plain := slices.Clone(words), slices.Clone(words)
	for i, w := range words[1:] {
		// Short words are particles ("van", "de", "voor"), never capitalised.
		if isLowerWord(w) && utf8.RuneCountInString(w) >= 5 {
			titled[i+1] = withFirst(w, unicode.ToUpper)
		}
		if isCapitalized(w) {
			plain[i+1] = withFirst(w, unicode.ToLower)
		}
	}
	return []string{name, strings.ToUpper(name), strings.Join(titled, " "), strings.Join(plain, " ")}
}

// isCapitalized reports whether w is a capital followed by lower-case
// letters and hyphens: a word, not an acronym.
func isCapitalized(w string) bool {
	first, size := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(first) && isLowerWord(w[size:])
}

// isLowerWord reports whether w holds only lower-case letters and hyphens.
func isLowerWord(w string) bool {
	for _, c := range w {
		if !unicode.IsLower(c) && c != '-' {
			return false
		}
	}
	return w != ""
}

// withFirst returns w with its first rune mapped by f.
func withFirst(w string, f func(rune) rune) string {
	first, size := utf8.DecodeRuneInString(w)
	return string(f(first)) + w[size:]
}

// starts appends the offsets in line where a word begins with a name or a
// prefix: where matchAt may find a match.
func (d *orgDictionary) starts(line []rune, at []int) []int {
	for i := nextInitial(line, 0, &d.initials); i < len(line); i = nextInitial(line, i+1, &d.initials) {
		if d.begins(line, i) {
			at = append(at, i)
		}
	}
	return at
}

// nextInitial returns the offset of the first rune of line from i on that
// may begin a name: one that initials marks, or one beyond Latin-1. Most
// runes of a text begin no name, and this loop, which calls nothing,
// passes them over at a few instructions each.
func nextInitial(line []rune, i int, initials *[256]bool) int {
	for j, c := range line[i:] {
		if u := uint32(c); u >= 256 || initials[u] {
			return i + j
		}
	}
	return len(line)
}

// begins reports whether a name or a prefix begins at offset i of line, a
// word's start.
func (d *orgDictionary) begins(line []rune, i int) bool {
	if i > 0 && isOrgWordRune(line[i-1]) || i+1 == len(line) {
		return false
	}
	if c, next := line[i], line[i+1]; c < utf8.RuneSelf && next < utf8.RuneSelf && next != '\t' {
		n := d.pairs[c<<7|next]
		return n != 0 && (d.names.nodes[n].kind != orgNone || d.names.reaches(n, line, i+2))
	}
	n := d.names.child(0, line[i])
	return n != 0 && d.names.reaches(n, line, i+1)
}

// matchAt returns the length of the longest name, with its legal form, or
// municipal administration that starts at offset at of text.
func (d *orgDictionary) matchAt(text []rune, at int) (int, verdict) {
	n := d.names.child(0, text[at])
	if n == 0 || !orgLeadOK(text, at) {
		return 0, verdict{}
	}
	var buf [16]orgEnd
	for _, e := range slices.Backward(d.names.walk(n, text, at+1, buf[:0])) {
		if e.kind == orgName {
			if end := d.legalFormEnd(text, e.at); end > 0 {
				return end - at, verdict{notes: []string{orgNameNote}}
			}
			if orgTailOK(text, e.at) {
				return e.at - at, verdict{notes: []string{orgNameNote}}
			}
		} else if end := orgPlaceEnd(text, e.at, e.kind); end > 0 {
			note := orgPlaceNote
			if e.kind == orgCourt {
				note = orgCourtNote
			}
			return end - at, verdict{notes: []string{note}}
		}
	}
	return 0, verdict{}
}

// legalFormEnd returns where the legal form that follows a name ending at
// i ends ("SA", "SA/NV"), or 0.
func (d *orgDictionary) legalFormEnd(text []rune, i int) int {
	j := orgSpaceEnd(text, i)
	if j == i {
		return 0
	}
	var buf, buf2 [4]orgEnd
	for _, e := range slices.Backward(d.forms.walk(0, text, j, buf[:0])) {
		if e.at < len(text) && text[e.at] == '/' {
			for _, f := range slices.Backward(d.forms.walk(0, text, e.at+1, buf2[:0])) {
				if orgTailOK(text, f.at) {
					return f.at
				}
			}
		}
		if orgTailOK(text, e.at) {
			return e.at
		}
	}
	return 0
}

// orgPlaceEnd returns where the place's name that follows a municipal or
// zone prefix ending at i ends, or 0. The name is one word, maybe
// hyphenated ("Sint-Pieters-Leeuw", "Braine-l'Alleud"), maybe after an
// article ("De Panne", "La Louvière"), and not one of orgPlaceStops. A
// zone's name may have two more words, unless they are one of those, or a
// street before its house number.
func orgPlaceEnd(text []rune, i int, kind orgKind) int {
	if !isApostrophe(text[i-1]) {
		j := orgSpaceEnd(text, i)
		if j == i {
			return 0
		}
		i = j
	}
	end := orgPlaceNameEnd(text, i)
	if end == 0 || orgStartsWithWord(text[i:], orgPlaceStops) {
		return 0
	}
	best := 0
	if orgTailOK(text, end) {
		best = end
	}
	for n := 0; kind == orgZone && n < 2; n++ {
		j := orgSpaceEnd(text, end)
		if j == end || orgStartsWithWord(text[j:], orgPlaceStops) {
			break
		}
		k := orgWordEnd(text, j)
		if k == 0 || orgDigitFollows(text, k) {
			break
		}
		if end = k; orgTailOK(text, end) {
			best = end
		}
	}
	return best
}

// orgPlaceNameEnd returns where the place's name that starts at i ends,
// with its article if it has one, or 0.
func orgPlaceNameEnd(text []rune, i int) int {
	if orgStartsWithWord(text[i:], orgArticles) {
		j := i
		for j < len(text) && unicode.IsLetter(text[j]) {
			j++
		}
		if k := orgSpaceEnd(text, j); k > j {
			if end := orgWordEnd(text, k); end > 0 {
				return end
			}
		}
	}
	return orgWordEnd(text, i)
}

// orgWordEnd returns where the word of a place's name that starts at i
// ends, or 0: a capital and letters, then hyphenated parts that may start
// in lower case and hold an apostrophe ("Herk-de-Stad", "Braine-l'Alleud").
func orgWordEnd(text []rune, i int) int {
	if i >= len(text) || !unicode.IsUpper(text[i]) {
		return 0
	}
	for i++; i < len(text) && unicode.IsLetter(text[i]); i++ {
	}
	for i+1 < len(text) && text[i] == '-' && unicode.IsLetter(text[i+1]) {
		for i += 2; i < len(text) && (unicode.IsLetter(text[i]) || isApostrophe(text[i])); i++ {
		}
	}
	return i
}

// orgStartsWithWord reports whether s starts with one of words, as a whole
// word.
func orgStartsWithWord(s []rune, words []string) bool {
	for _, w := range words {
		n := 0
		for _, c := range w {
			if n == len(s) || s[n] != c {
				n = -1
				break
			}
			n++
		}
		if n > 0 && (n == len(s) || !unicode.IsLetter(s[n])) {
			return true
		}
	}
	return false
}

// orgDigitFollows reports whether spaces and a digit follow offset i: a
// house number after a street.
func orgDigitFollows(text []rune, i int) bool {
	j := orgSpaceEnd(text, i)
	return j < len(text) && unicode.IsDigit(text[j])
}

// orgLeadOK reports whether a name may start at offset i: not inside a
// word, a number, a compound ("ex-KBC"), an e-mail address or a URL. An
// apostrophe may precede it (l'ONEM), and so may a slash (ABVV/FGTB), but
// not in a token that has "@", "://" or "www." before it, within
// orgTokenReach runes.
func orgLeadOK(text []rune, i int) bool {
	if i == 0 {
		return true
	}
	switch c := text[i-1]; {
	case isOrgWordRune(c) || strings.ContainsRune("@.=#%~+-", c):
		return false
	case c == '/':
		t := i - 1
		for t > max(0, i-orgTokenReach) && !unicode.IsSpace(text[t-1]) {
			t--
		}
		token := text[t:i]
		return !slices.Contains(token, '@') && !containsFold(token, "://") && !containsFold(token, "www.")
	}
	return true
}

// orgTailOK reports whether a name may end at offset i: not continued by
// a letter, a digit, a hyphen ("RSZ-nummer", "KBC-rekening") or an "@",
// nor followed by a dot and more of a domain name ("Actiris.brussels").
func orgTailOK(text []rune, i int) bool {
	if i == len(text) {
		return true
	}
	switch c := text[i]; {
	case isOrgWordRune(c) || c == '-' || c == '@':
		return false
	case c == '.':
		return i+1 == len(text) || !isOrgWordRune(text[i+1])
	}
	return true
}

// isOrgWordRune reports whether c belongs to a word: a name never
// continues one.
func isOrgWordRune(c rune) bool {
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
	}
	return unicode.IsLetter(c) || unicode.IsNumber(c) || unicode.Is(unicode.Mn, c)
}

// orgSpaceEnd returns the end of the spaces that start at i: spaces and
// tabs, never a line break.
func orgSpaceEnd(text []rune, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\u00a0') {
		i++
	}
	return i
}

func isApostrophe(c rune) bool { return c == '\'' || c == '’' }

// An orgKind says what ends at a node of an orgTrie.
type orgKind uint8

const (
	orgNone      orgKind = iota
	orgName              // a known name or a legal form
	orgMunicipal         // a municipal prefix, which a place's name follows
	orgZone              // a police-zone prefix, which a zone's name follows
	orgCourt             // a court prefix, which the name of its seat follows
)

// An orgPhrase is a name or a prefix and what it is.
type orgPhrase struct {
	name string
	kind orgKind
}

// orgNormalize returns name as the trie holds it: with one apostrophe for
// both.
func orgNormalize(name string) string { return strings.ReplaceAll(name, "’", "'") }

// An orgTrie is a prefix tree of names: a walk from a word reads each rune
// once, whatever the number of names. It is flat and holds no pointers, so
// that the garbage collector, which runs every few documents, need not
// trace its thousands of nodes. A space in a name stands for any run of
// spaces, and an apostrophe for either apostrophe.
type orgTrie struct {
	nodes []orgNode // nodes[0] is the root, and no node's child
	edges []orgEdge
}

// An orgNode says what ends at it and leads by edges[from:to], sorted by
// rune, to its children.
type orgNode struct {
	kind     orgKind
	from, to int32
}

type orgEdge struct {
	c    rune
	node int32
}

func newOrgTrie(phrases []orgPhrase) *orgTrie {
	type entry struct {
		runes []rune
		kind  orgKind
	}
	entries := make([]entry, len(phrases))
	for i, p := range phrases {
		entries[i] = entry{[]rune(orgNormalize(p.name)), p.kind}
	}
	// Sorted, the names that share a prefix are neighbours.
	slices.SortFunc(entries, func(a, b entry) int { return slices.Compare(a.runes, b.runes) })
	t := &orgTrie{}
	var build func(es []entry, depth int) int32
	build = func(es []entry, depth int) int32 {
		id := int32(len(t.nodes))
		t.nodes = append(t.nodes, orgNode{})
		for len(es) > 0 && len(es[0].runes) == depth {
			t.nodes[id].kind, es = es[0].kind, es[1:]
		}
		// The node's edges are reserved first, to be contiguous.
		from := int32(len(t.edges))
		var groups [][]entry
		for i := 0; i < len(es); {
			j := i + 1
			for j < len(es) && es[j].runes[depth] == es[i].runes[depth] {
				j++
			}
			groups = append(groups, es[i:j])
			t.edges = append(t.edges, orgEdge{c: es[i].runes[depth]})
			i = j
		}
		t.nodes[id].from, t.nodes[id].to = from, from+int32(len(groups))
		for k, g := range groups {
			child := build(g, depth+1)
			t.edges[from+int32(k)].node = child
		}
		return id
	}
	build(entries, 0)
	return t
}

// child returns the child of node n at c, or 0.
func (t *orgTrie) child(n int32, c rune) int32 {
	node := t.nodes[n]
	for _, e := range t.edges[node.from:node.to] {
		if e.c >= c {
			if e.c == c {
				return e.node
			}
			break
		}
	}
	return 0
}

// step returns the child of node n for the rune c of a text, or 0.
func (t *orgTrie) step(n int32, c rune) int32 {
	switch c {
	case ' ', '\t', '\u00a0':
		return t.child(n, ' ')
	case '’':
		return t.child(n, '\'')
	}
	return t.child(n, c)
}

// An orgEnd is where a name of some kind ends in a text.
type orgEnd struct {
	at   int
	kind orgKind
}

// reaches reports whether text[i:] continues a name of node n to its end.
func (t *orgTrie) reaches(n int32, text []rune, i int) bool {
	for ; i < len(text); i++ {
		if n = t.step(n, text[i]); n == 0 {
			return false
		}
		if t.nodes[n].kind != orgNone {
			return true
		}
		if text[i] == ' ' || text[i] == '\t' || text[i] == '\u00a0' {
			i = orgSpaceEnd(text, i) - 1
		}
	}
	return false
}

// walk appends to ends where the names of node n that text[i:] continues
// end, shortest first.
func (t *orgTrie) walk(n int32, text []rune, i int, ends []orgEnd) []orgEnd {
	for i < len(text) {
		if n = t.step(n, text[i]); n == 0 {
			return ends
		}
		if text[i] == ' ' || text[i] == '\t' || text[i] == '\u00a0' {
			i = orgSpaceEnd(text, i)
		} else {
			i++
		}
		if kind := t.nodes[n].kind; kind != orgNone {
			ends = append(ends, orgEnd{i, kind})
		}
	}
	return ends
}
