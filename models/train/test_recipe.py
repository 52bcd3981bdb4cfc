"""Tests of the training recipe.

    cd models/train && python3 -m unittest test_recipe -v

``RecipeSmokeTest`` runs ``train.py --smoke`` into a temporary directory
(about a minute) and checks the model directory the Go side consumes. It
reads ../shared/data (or $BELNER_DATA_DIR) when that exists, else the
hand-written fixture testdata/mini, so that it also runs in CI.
``FixtureTest`` checks that the fixture holds every corpus the smoke run loads.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import wordpiece as W  # noqa: E402

import data as D  # noqa: E402

SMOKE_DATA_DIR = D.smoke_data_dir()


def tiny_vocab():
    words = ["Co", "##ör", "##din", "##atie", "Mü", "##ller", "€", "##25", "##0", "d", "'", "Har",
             "##veng", "van", "de", ",", ".", "Gent", "Straße", "Stra", "##ße"]
    v = list(W.SPECIALS)
    for ch in W.ALWAYS_CHARS:
        v += [ch, "##" + ch]
    for t in words:
        if t not in v:
            v.append(t)
    return W.WordPiece(v)


class WordPieceTest(unittest.TestCase):
    def setUp(self):
        self.wp = tiny_vocab()

    def test_accented_words(self):
        self.assertEqual(self.wp.tokens("Coördinatie"), ["Co", "##ör", "##din", "##atie"])
        self.assertEqual(self.wp.tokens("Müller"), ["Mü", "##ller"])
        self.assertEqual(self.wp.tokens("€250"), ["€", "##25", "##0"])  # € is a symbol, not punctuation
        self.assertEqual(self.wp.tokens("d'Harveng"), ["d", "'", "Har", "##veng"])
        self.assertEqual(self.wp.tokens("Straße"), ["Straße"])

    def test_offsets_are_code_points(self):
        text = "Coördinatie van d'Harveng, Müller €250."
        ids, offs, widx = self.wp.encode(text)
        self.assertEqual(ids[0], W.CLS_ID)
        self.assertEqual(ids[-1], W.SEP_ID)
        pieces = [self.wp.itos[i] for i in ids[1:-1]]
        for p, (s, e) in zip(pieces, offs[1:-1]):
            self.assertEqual(text[s:e], p[2:] if p.startswith("##") else p)

    def test_normalizer(self):
        # controls removed (soft hyphen is Cf), NBSP and tabs are whitespace,
        # punctuation isolated, unknown character -> the whole word is [UNK]
        words = [w for w, _, _ in W.pre_tokenize("Co\u00adördinatie\u00a0van\tde (Gent).")]
        self.assertEqual(words, ["Coördinatie", "van", "de", "(", "Gent", ")", "."])
        ids, offs, _ = self.wp.encode("Co\u00adördinatie", add_special=False)
        self.assertEqual(offs[0], (0, 2))
        self.assertEqual(offs[1], (3, 5))
        self.assertEqual(self.wp.encode("Gent\u4e00x", add_special=False)[0][1], W.UNK_ID)
        self.assertEqual(self.wp.tokens("x\U0001F600y"), ["[UNK]"])

    def test_tokenizer_json(self):
        tj = self.wp.tokenizer_json()
        self.assertEqual(tj["model"]["type"], "WordPiece")
        self.assertEqual(tj["model"]["unk_token"], "[UNK]")
        self.assertEqual(tj["model"]["continuing_subword_prefix"], "##")
        self.assertEqual(tj["model"]["max_input_chars_per_word"], 100)
        self.assertEqual(tj["normalizer"], {"type": "BertNormalizer", "clean_text": True,
                                            "handle_chinese_chars": True, "strip_accents": False,
                                            "lowercase": False})
        self.assertEqual(tj["pre_tokenizer"]["type"], "BertPreTokenizer")
        self.assertEqual(tj["post_processor"]["type"], "TemplateProcessing")
        self.assertEqual([a["content"] for a in tj["added_tokens"]], W.SPECIALS)
        self.assertEqual([a["id"] for a in tj["added_tokens"]], [0, 1, 2, 3, 4])
        self.assertEqual(tj["decoder"]["type"], "WordPiece")


class LabelTest(unittest.TestCase):
    def test_piece_labels_and_decode(self):
        import nerdata as N
        from data import BIO
        wp = tiny_vocab()
        text = "van d'Harveng, Gent."
        spans = [[4, 13, "PERSON"], [15, 19, "LOCATION"]]
        ids, offs, widx = wp.encode(text, add_special=False)
        labs = N.piece_labels(offs, spans)
        self.assertEqual([BIO[x] for x in labs],
                         ["O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "B-LOCATION", "O"])
        self.assertEqual(N.decode_spans(offs, widx, labs), [(4, 13, "PERSON"), (15, 19, "LOCATION")])

    def test_decode_repairs(self):
        """The repairs of decode_spans, word by word (one piece per word)."""
        import nerdata as N
        from data import BIO2ID

        def words(text, tags):
            offs, pos = [], 0
            for w in text.replace("-", " - ").replace(",", " , ").split():
                pos = text.index(w, pos)
                offs.append((pos, pos + len(w)))
                pos += len(w)
            self.assertEqual(len(offs), len(tags), text)
            return offs, list(range(len(offs))), [BIO2ID[t] for t in tags]

        cases = [
            ("B after B on one line", "Jacquet Nathanaël", ["B-PERSON", "B-PERSON"], [(0, 17, "PERSON")]),
            ("B on the next line", "Jacquet\nNathanaël", ["B-PERSON", "B-PERSON"], [(0, 7, "PERSON"), (8, 17, "PERSON")]),
            ("B of another type", "Jan Gent", ["B-PERSON", "B-LOCATION"], [(0, 3, "PERSON"), (4, 8, "LOCATION")]),
            ("I after a column gap", "Inge Moens     Bart Coopmans", ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON"],
             [(0, 10, "PERSON"), (15, 28, "PERSON")]),
            ("I after a tab", "Moens\tBart", ["B-PERSON", "I-PERSON"], [(0, 5, "PERSON"), (6, 10, "PERSON")]),
            ("I after two spaces", "Moens  Bart", ["B-PERSON", "I-PERSON"], [(0, 11, "PERSON")]),
            ("I after an indented line break", "Kerkstraat 5\n      9300 Aalst",
             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS"], [(0, 29, "ADDRESS")]),
            ("person before an organisation", "Bakkerij Janssens BV", ["B-PERSON", "B-ORGANIZATION", "I-ORGANIZATION"],
             [(0, 20, "ORGANIZATION")]),
            ("comma before an organisation", "Jan, OCMW", ["B-PERSON", "O", "B-ORGANIZATION"],
             [(0, 3, "PERSON"), (5, 9, "ORGANIZATION")]),
            ("title", "Mevrouw Jan Peeters", ["B-PERSON", "I-PERSON", "I-PERSON"], [(8, 19, "PERSON")]),
            ("only a salutation", "Madame", ["B-PERSON"], []),
            ("initial, not a title", "M. Dupont", ["B-PERSON", "I-PERSON"], [(0, 9, "PERSON")]),
            ("glued hyphen", "Oost-Vlaanderen", ["B-LOCATION", "O", "I-LOCATION"], [(0, 15, "LOCATION")]),
            ("hyphen before B: one whole word", "Oost-Vlaanderen", ["B-LOCATION", "O", "B-LOCATION"], [(0, 15, "LOCATION")]),
            ("comma with a space", "Gent, Aalst", ["B-LOCATION", "O", "I-LOCATION"], [(0, 4, "LOCATION"), (6, 11, "LOCATION")]),
            ("word labelled O", "Jan en Piet", ["B-PERSON", "O", "B-PERSON"], [(0, 3, "PERSON"), (7, 11, "PERSON")]),
            ("no capital", "de gemeente beslist", ["O", "B-ORGANIZATION", "B-PERSON"], []),
            ("a digit", "rue 12", ["B-ADDRESS", "I-ADDRESS"], [(0, 6, "ADDRESS")]),
            ("one capital", "van de Velde", ["B-PERSON", "I-PERSON", "I-PERSON"], [(0, 12, "PERSON")]),
        ]
        for name, text, tags, want in cases:
            with self.subTest(name):
                offs, widx, labs = words(text, tags)
                self.assertEqual(N.decode_spans(offs, widx, labs, text=text), want)


    def test_decode_min_score(self):
        """A span's score is the mean over its words' first pieces, as the
        service scores it; spans below min_score are dropped."""
        import nerdata as N
        from data import BIO2ID
        text = "Jan Peeters woont in Gent"
        offs = [(0, 3), (4, 7), (7, 11), (12, 17), (18, 20), (21, 25)]
        widx = [0, 1, 1, 2, 3, 4]  # "Peeters" is two pieces
        labs = [BIO2ID[t] for t in ["B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "B-LOCATION"]]
        probs = [0.9, 0.6, 0.1, 0.99, 0.99, 0.7]  # the second piece's 0.1 does not count
        for min_score, want in [(0.0, [(0, 11, "PERSON"), (21, 25, "LOCATION")]),
                                (0.7, [(0, 11, "PERSON"), (21, 25, "LOCATION")]),
                                (0.75, [(0, 11, "PERSON")]),
                                (0.8, [])]:
            with self.subTest(min_score=min_score):
                self.assertEqual(N.decode_spans(offs, widx, labs, text=text, probs=probs, min_score=min_score), want)

    def test_min_score_choice(self):
        import min_score as MS
        table = {0.5: {"mean": 60.0}, 0.6: {"mean": 61.5}, 0.7: {"mean": 61.5}, 0.8: {"mean": 59.0}}
        self.assertEqual(MS.best(table), 0.6, "the lowest of equal means")
        self.assertEqual(MS.best({0.0: {"mean": 1.0}}), 0.0)

    def test_min_score_sets(self):
        """The lowest score is chosen on the checkpoint's dev sets and the
        newspapers' dev splits, unless left out."""
        import min_score as MS
        sets = MS.dev_sets(SMOKE_DATA_DIR, 10, 0, 5)
        self.assertEqual(list(sets), ["conll2002-nl-testa", "icdar-nl-dev", "icdar-fr-dev"])
        self.assertEqual([len(exs) for exs, _, _ in sets.values()], [10, 5, 5])
        self.assertEqual(list(MS.dev_sets(SMOKE_DATA_DIR, 10, 0, -1)), ["conll2002-nl-testa"])

    def test_service_windows(self):
        """The same cases as ner/recognizer_test.go's TestWindowsTable."""
        import nerdata as N
        for name, sizes, ends, max_pieces, overlap, want in [
            ("no sentence ends", [3, 3, 3, 3], [0, 0, 0, 0], 7, 2, [(0, 2), (2, 4)]),
            ("sentence ends", [2] * 8, [0, 0, 1, 0, 0, 0, 1, 0], 8, 4, [(0, 3), (1, 5), (3, 7), (5, 8)]),
            ("a sentence start in the overlap", [5, 1, 1, 1, 5], [1, 0, 0, 1, 0], 6, 3, [(0, 1), (1, 4), (3, 5)]),
            ("a word longer than a window", [1, 9, 1], [0, 0, 0], 4, 2, [(0, 1), (1, 2), (2, 3)]),
            ("one window", [1] * 10, [0, 0, 1, 0, 0, 1, 0, 0, 1, 0], 254, 48, [(0, 10)]),
            ("no overlap", [2] * 5, [0, 1, 0, 0, 1], 4, 0, [(0, 2), (2, 4), (4, 5)]),
        ]:
            with self.subTest(name):
                self.assertEqual(N.service_windows(sizes, [bool(e) for e in ends], max_pieces, overlap), want)
        self.assertEqual(N.service_windows([], []), [])

    def test_predict_pieces_stitches_windows(self):
        """A text longer than a window is labelled word by word from the
        window where the word is farthest from an edge: the same labels
        as the words' own window, cut the way the service cuts it."""
        import torch
        import nerdata as N
        from model import BertModel, Config
        wp = W.WordPiece.load(os.path.join(HERE, "..", "belner-ner", "vocab.txt"))
        text = " ".join(f"Jan Peeters woont in Gent{i}." for i in range(60))
        torch.manual_seed(0)
        model = BertModel(Config(vocab_size=len(wp), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                                 intermediate_size=32))
        [(offs, widx, labs, probs)] = N.predict_pieces(model, wp, [text], max_pieces=40)
        ids, _, _ = wp.encode(text, add_special=False)
        starts = [i for i in range(len(ids)) if i == 0 or widx[i] != widx[i - 1]]
        sizes = [b - a for a, b in zip(starts, starts[1:] + [len(ids)])]
        wins = N.service_windows(sizes, N._sentence_ends(text, offs, starts), 40)
        self.assertGreater(len(wins), 5)
        best = {}
        for a, b in wins:
            for i in range(a, b):
                if min(i - a, b - 1 - i) > best.get(i, (-1,))[0]:
                    best[i] = (min(i - a, b - 1 - i), a, b)
        model.eval()
        out = {}
        for a, b in wins:
            x = torch.tensor([[W.CLS_ID] + ids[starts[a]:starts[b - 1] + sizes[b - 1]] + [W.SEP_ID]])
            with torch.no_grad():
                out[a, b] = torch.softmax(model(x, torch.ones_like(x), torch.zeros_like(x)), -1).max(-1)
        shared = [i for i in best if sum(a <= i < b for a, b in wins) > 1]
        self.assertGreater(len(shared), 10, "consecutive windows share words")
        for i in best:
            _, a, b = best[i]
            p, lab = out[a, b]
            k = 1 + starts[i] - starts[a]
            self.assertEqual(labs[starts[i]], int(lab[0, k]))
            self.assertAlmostEqual(probs[starts[i]], float(p[0, k]), places=4)

    def test_tidy_elision(self):
        """The same cases as ner/tidy_test.go's TestTidyElision."""
        import nerdata as N
        for name, text, span, want in [
            ("an elided article", "Pour l'Administrateur général", "'Administrateur", "Administrateur"),
            ("the apostrophe of a name", "naar 's-Hertogenbosch", "'s-Hertogenbosch", "'s-Hertogenbosch"),
        ]:
            with self.subTest(name):
                a = text.index(span)
                got = N.tidy_span(text, a, a + len(span), "PERSON")
                self.assertEqual(text[got[0]:got[1]] if got else None, want)

    def test_tidy_span(self):
        import nerdata as N
        cases = [
            ("leading comma", ", Rue Neuve 41, 4860 Pepinster", "ADDRESS", "Rue Neuve 41, 4860 Pepinster"),
            ("trailing comma", "8310 Sint-Kruis, Kapellestraat 31,", "ADDRESS", "8310 Sint-Kruis, Kapellestraat 31"),
            ("sentence full stop", "Pierre Hansen.", "PERSON", "Pierre Hansen"),
            ("initial", "Jan P.", "PERSON", "Jan P."),
            ("abbreviation", "Bouw B.V.", "ORGANIZATION", "Bouw B.V."),
            ("person at the line end", "Liesbeth Janssens\r\nBrugsesteenweg", "PERSON", "Liesbeth Janssens"),
            ("address over two lines", "Kerkstraat 1\n9000 Gent", "ADDRESS", "Kerkstraat 1\n9000 Gent"),
            ("address at a blank line", "Kerkstraat 1\n9000 Gent\r\n \r\nGent", "ADDRESS", "Kerkstraat 1\n9000 Gent"),
            ("organisation at the line end", "Freie Krankenkasse\r\nMitgliedsnummer", "ORGANIZATION", "Freie Krankenkasse"),
            ("organisation going on", "Rijksdienst voor\nArbeidsvoorziening\n", "ORGANIZATION",
             "Rijksdienst voor\nArbeidsvoorziening"),
            ("organisation going on after &", "Van Damme &\r\nZonen BV", "ORGANIZATION", "Van Damme &\r\nZonen BV"),
            ("organisation at a blank line", "Rijksdienst voor\n\nArbeid", "ORGANIZATION", "Rijksdienst voor"),
            ("apostrophe first", "'s-Hertogenbosch", "LOCATION", "'s-Hertogenbosch"),
            ("nothing left", " – ", "PERSON", None),
            ("initial, not a title", "M. Dupont", "PERSON", "M. Dupont"),
            ("Monsieur before a full name", "M. Jean-Louis Brüll", "PERSON", "Jean-Louis Brüll"),
            ("initials before a surname", "M. J. Smit", "PERSON", "M. J. Smit"),
            ("initial before a particle", "M. Van Hoof", "PERSON", "M. Van Hoof"),
            ("initial before a particle that is a word", "M. Des Jaumotte", "PERSON", "M. Des Jaumotte"),
            ("a pronoun opening a sentence", "Mon", "PERSON", None),
            ("a preposition opening a line", "Au", "PERSON", None),
            ("a function word of another type", "Mijn", "ORGANIZATION", None),
            ("a function word in capitals", "NOS", "ORGANIZATION", "NOS"),
            ("a function word inside a name", "Van Damme", "PERSON", "Van Damme"),
            ("a first name spelled like none", "An", "PERSON", "An"),
            ("inhabitants", "Palestijnen", "LOCATION", None),
            ("an adjective of a country", "Peruaanse", "LOCATION", None),
            ("a place that ends like inhabitants", "Hoegaarden", "LOCATION", "Hoegaarden"),
            ("a place listed", "Doische", "LOCATION", "Doische"),
            ("a hyphenated place", "Brûly-de-Pesche", "LOCATION", "Brûly-de-Pesche"),
            ("a place ending in -ers", "Verviers", "LOCATION", "Verviers"),
            ("inhabitants taken for a person stay the model's call", "Nederlanders", "PERSON", "Nederlanders"),
            ("a demonym's ending in capitals", "CHINEZEN", "LOCATION", "CHINEZEN"),
            ("a place of several words", "Zaanse Schans", "LOCATION", "Zaanse Schans"),
            ("too short to be a demonym", "Ese", "LOCATION", "Ese"),
        ]
        for name, text, typ, want in cases:
            with self.subTest(name):
                got = N.tidy_span(text, 0, len(text), typ)
                self.assertEqual(got and text[got[0]:got[1]], want)

    def test_span_bounds(self):
        """The same cases as ner/bounds_test.go: spans grown to whole
        hyphenated names and to the bounds of an ADDRESS."""
        import nerdata as N
        A, P, O, L = "ADDRESS", "PERSON", "ORGANIZATION", "LOCATION"
        cases = [
            ("hyphenated end", "Rue Haute 2\n6120 Ham-sur-Heure", [("Rue Haute 2\n6120 Ham-sur", A), ("Heure", L)],
             [("Rue Haute 2\n6120 Ham-sur-Heure", A)]),
            ("hyphenated initials", "Frau F. Blum; H.-J. Zimmermann, Vorsitzender", [("J. Zimmermann", P)],
             [("H.-J. Zimmermann", P)]),
            ("initial before a person", "Frau H. Kühn", [("H", P), ("Kühn", P)], [("H. Kühn", P)]),
            ("two initials", "T.a.v. F. F. Peeters", [("Peeters", P)], [("F. F. Peeters", P)]),
            ("tokenised initials", "tot lid J . A . van der Burgh , lid", [("J", P), ("van der Burgh", P)],
             [("J . A . van der Burgh", P)]),
            ("first name after a surname in capitals", "Name, Vorname: SCHOLZEN Erwin\nSohn", [("SCHOLZEN", P)],
             [("SCHOLZEN Erwin", P)]),
            ("first name taken for an organisation", "JACOBS Noor    06/08/2011", [("JACOBS", P), ("Noor", O)],
             [("JACOBS Noor", P)]),
            ("hyphenated first name", "EL AMRANI Jean-Louis, né", [("EL AMRANI", P)], [("EL AMRANI Jean-Louis", P)]),
            ("no first name over a place", "PEETERS Gent", [("PEETERS", P), ("Gent", L)], [("PEETERS", P), ("Gent", L)]),
            ("no first name after a surname in title case", "Peeters Dirk", [("Peeters", P)], [("Peeters", P)]),
            ("no first name after an initial", "J Peeters", [("J", P)], [("J", P)]),
            ("no first name glued to a digit", "PEETERS Dirk2", [("PEETERS", P)], [("PEETERS", P)]),
            ("M. is Monsieur", "M. Dupont", [("Dupont", P)], [("Dupont", P)]),
            ("particle last", "De heer Dylan Van Gestel.", [("Dylan Van", P)], [("Dylan Van Gestel", P)]),
            ("legal form", "transmise à Rigaux & Bernard SC.", [("Rigaux & Bernard", O)], [("Rigaux & Bernard SC", O)]),
            ("legal form with full stops", "Bouw B.V. te Gent", [("Bouw", O)], [("Bouw B.V.", O)]),
            ("lower-case compound", "het RSZ-nummer van", [("RSZ", O)], [("RSZ", O)]),
            ("country line", "Berlaarbaan 20/7\n3870 Heks\nNederland", [("Berlaarbaan 20/7\n3870 Heks\nNederland", A)],
             [("Berlaarbaan 20/7\n3870 Heks", A), ("Nederland", L)]),
            ("organisation line", "Imprimerie Bos ASBL\r\nChaussée Brunehaut 2\r\n5080 La Bruyère",
             [("Bos ASBL\r\nChaussée Brunehaut 2\r\n5080 La Bruyère", A)], [("Chaussée Brunehaut 2\r\n5080 La Bruyère", A)]),
            ("street name words", "T.a.v. F. Peeters\nVan Langendonckstraat 7\n8340 Hoeke",
             [("F. Peeters", P), ("Langendonckstraat 7\n8340 Hoeke", A)],
             [("F. Peeters", P), ("Van Langendonckstraat 7\n8340 Hoeke", A)]),
            ("initial in a street name", "G.Hockéstraße 280", [("Hockéstraße 280", A)], [("G.Hockéstraße 280", A)]),
            ("after a label", "Adresse: Rue de l'Abattoir 12", [("Abattoir 12", A)], [("Rue de l'Abattoir 12", A)]),
            ("house number after a comma", "nummer 44101903006, Winterslagstraat 22, 3840 Borgloon.",
             [("22, 3840 Borgloon", A)], [("Winterslagstraat 22, 3840 Borgloon", A)]),
            ("street after a comma", "Jan Peeters, Grote Markt 1", [("Markt 1", A)], [("Grote Markt 1", A)]),
            ("street type after its name", "met kantoor te Gistelse Steenweg 280, 8200 Brugge",
             [("Gistelse", L), ("Steenweg 280, 8200 Brugge", A)], [("Gistelse Steenweg 280, 8200 Brugge", A)]),
            ("sentence before", "Die Wohnung in der Handelsstraße 47 in Namur", [("Handelsstraße 47", A)],
             [("Handelsstraße 47", A)]),
            ("postcode first", "WONENDE 1702 GROOT-BIJGAARDEN, BLANKAARTSTRAAT 4",
             [("1702 GROOT-BIJGAARDEN, BLANKAARTSTRAAT 4", A)], [("1702 GROOT-BIJGAARDEN, BLANKAARTSTRAAT 4", A)]),
            ("notarial order", "wonende te 2000 Antwerpen, Mechelsesteenweg 64.", [("Mechelsesteenweg 64", A)],
             [("2000 Antwerpen, Mechelsesteenweg 64", A)]),
            ("municipality after the postcode", "Kretelsweg 3\n3945 Ham\n\nMerelbeke", [("Kretelsweg 3\n3945", A)],
             [("Kretelsweg 3\n3945 Ham", A)]),
            ("two-word municipality", "Rue Neuve 5, 1310 La Hulpe", [("Rue Neuve 5, 1310", A)],
             [("Rue Neuve 5, 1310 La Hulpe", A)]),
            ("municipality found as a location", "Kerkstraat 1, 9000 Gent", [("Kerkstraat 1, 9000", A), ("Gent", L)],
             [("Kerkstraat 1, 9000 Gent", A)]),
            ("up to the next entity", "Kerkstraat 1, 9000 Stad Gent", [("Kerkstraat 1, 9000", A), ("Stad Gent", O)],
             [("Kerkstraat 1, 9000", A), ("Stad Gent", O)]),
            ("box letter", "Bertholfstraße 2 Bus R\nDies", [("Bertholfstraße 2 Bus", A)], [("Bertholfstraße 2 Bus R", A)]),
            ("first part without a number", "Dienst Mobiliteit, Limburgplein 1, 3500 Hasselt",
             [("Mobiliteit, Limburgplein 1, 3500 Hasselt", A)], [("Limburgplein 1, 3500 Hasselt", A)]),
            ("no number", "Mw. Van Den Geluykens Agnes", [("Agnes", A)], []),
            ("only a number", "nummer 021124 872 57, Ahlhornstraat 2", [("57", A), ("Ahlhornstraat 2", A)],
             [("Ahlhornstraat 2", A)]),
            ("country line before a blank line", "Rue Haute 2\n1390 Nethen\nFrance\n\nDate", [("Rue Haute 2\n1390 Nethen\nFrance", A)],
             [("Rue Haute 2\n1390 Nethen", A), ("France", L)]),
            ("place before a notarial address", "met zetel te 1000 Brussel, Keizerslaan 7,", [("Brussel", L), ("Keizerslaan 7", A)],
             [("1000 Brussel, Keizerslaan 7", A)]),
            ("name running onto the address line", "DE ZUSJE BV\r\nKRUISBOOGSCHUTTERSSTRAAT 8, 9170 SAINT-PAUL",
             [("DE ZUSJE BV\r\nKRUISBOOGSCHUTTERSSTRAAT", O), ("8, 9170 SAINT-PAUL", A)],
             [("DE ZUSJE BV", O), ("KRUISBOOGSCHUTTERSSTRAAT 8, 9170 SAINT-PAUL", A)]),
            ("particle and long initial before a person", "bij Ph. Van Hamme, huurder", [("Hamme", P)],
             [("Ph. Van Hamme", P)]),
            ("two particles before a person", "notaris Van der Linden", [("Linden", P)], [("Van der Linden", P)]),
            ("lower-case particle before a person", "zoals in de Vries", [("Vries", P)], [("Vries", P)]),
            ("particle in capitals", "VAN HET GOED", [("GOED", P)], [("GOED", P)]),
            ("name before a legal form", "Résidence Les Hêtres ASBL", [("Hêtres ASBL", O)],
             [("Résidence Les Hêtres ASBL", O)]),
            ("name before a legal form, not the phrase", "Die Firma Tiefbau Meessen & Söhne GmbH",
             [("Meessen & Söhne GmbH", O)], [("Tiefbau Meessen & Söhne GmbH", O)]),
            ("heading before a legal form", "GELET OP HET ATTEST VAN TUINAANLEG AALTER BVBA", [("AALTER BVBA", O)],
             [("AALTER BVBA", O)]),
            ("article before the street", "de woning in de Zandpoortvest 9, 2800 Mechelen",
             [("de Zandpoortvest 9, 2800 Mechelen", A)], [("Zandpoortvest 9, 2800 Mechelen", A)]),
            ("article at the line start", "de Merodelei 12\n2000 Antwerpen", [("de Merodelei 12\n2000 Antwerpen", A)],
             [("de Merodelei 12\n2000 Antwerpen", A)]),
            ("text after the municipality", "in de Kerkstraat 56, 9300 Aalst en van het",
             [("Kerkstraat 56, 9300 Aalst en van het", A)], [("Kerkstraat 56, 9300 Aalst", A)]),
            ("comma after the municipality", "Rue des Alliés 16, 4860 Pepinster, titulaire du",
             [("Rue des Alliés 16, 4860 Pepinster, titulaire", A)], [("Rue des Alliés 16, 4860 Pepinster", A)]),
            ("a second address after the municipality", "Kerkstraat 1, 9000 Gent en 3000 Leuven",
             [("Kerkstraat 1, 9000 Gent en 3000 Leuven", A)], [("Kerkstraat 1, 9000 Gent en 3000 Leuven", A)]),
            ("street as a place", "langs de Brusselsesteenweg en de Avenue Louise in Gent",
             [("Brusselsesteenweg", L), ("Avenue Louise", L), ("Gent", L)], [("Gent", L)]),
            ("nothing to do", "Kerkstraat 1, 9000 Gent", [("Kerkstraat 1, 9000 Gent", A)], [("Kerkstraat 1, 9000 Gent", A)]),
        ]

        def spans(text, subs):
            return [(text.index(sub), text.index(sub) + len(sub), typ) for sub, typ in subs]

        for name, text, given, want in cases:
            with self.subTest(name):
                got = N.bound_addresses(text, N.whole_words(text, spans(text, given)))
                self.assertEqual([(text[a:b], typ) for a, b, typ in got], want)

    def test_tidy_lists_match_go(self):
        """The service decodes with the same lists (ner/tidy.go, ner/bounds.go): a title or
        punctuation mark added on one side only would make the service and
        the measured scores disagree."""
        import re
        import corpora as C
        import nerdata as N
        with open(os.path.join(HERE, "..", "..", "ner", "tidy.go"), encoding="utf-8") as f:
            src = f.read()
        titles = re.search(r"var titles = \[\]string\{(.*?)\}", src, re.S)
        self.assertIsNotNone(titles, "ner/tidy.go declares titles")
        self.assertEqual(tuple(re.findall(r'"([^"]*)"', titles.group(1))), N.TITLES)
        words = re.search(r"var functionWords = \[\]string\{(.*?)\}", src, re.S)
        self.assertIsNotNone(words, "ner/tidy.go declares functionWords")
        self.assertEqual(tuple(re.findall(r'"([^"]*)"', words.group(1))), N.FUNCTION_WORDS)
        for name, want in [("demonymEndings", N.DEMONYM_ENDINGS), ("demonymPlaces", N.DEMONYM_PLACES)]:
            m = re.search(name + r" += \[\]string\{(.*?)\}", src, re.S)
            self.assertIsNotNone(m, "ner/tidy.go declares " + name)
            self.assertEqual(tuple(re.findall(r'"([^"]*)"', m.group(1))), want)
        with open(os.path.join(HERE, "..", "..", "ner", "bounds.go"), encoding="utf-8") as f:
            bounds = f.read()
        for name, want in [("streetParticles", N._STREET_PARTICLES), ("nameParticles", N._NAME_PARTICLES),
                           ("boxWords", set(N._BOX_WORDS)), ("legalForms", set(N.LEGAL_FORMS)),
                           ("streetSuffixes", set(N.STREET_SUFFIXES)), ("streetHeads", set(N.STREET_HEADS)),
                           ("articles", set(N._ARTICLES)), ("longInitials", set(C.LONG_INITIALS)),
                           ("phraseWords", N._PHRASE_WORDS)]:
            with self.subTest(name):
                m = re.search(r"var " + name + r" = \[\]string\{(.*?)\}", bounds, re.S)
                self.assertIsNotNone(m, "ner/bounds.go declares " + name)
                self.assertEqual(set(re.findall(r'"([^"]*)"', m.group(1))), want)
        for name, want in [("neverFirst", N._NEVER_FIRST), ("neverLast", N._NEVER_LAST)]:
            with self.subTest(name):
                m = re.search(name + r'\s*=\s*"((?:[^"\\]|\\.)*)"', src)
                self.assertIsNotNone(m, "ner/tidy.go declares " + name)
                self.assertEqual(set(m.group(1).encode().decode("unicode_escape").encode("latin-1").decode()), want)


    def test_trim_common_words(self):
        """The same cases as ner/common_test.go's TestCommonWordsTrim."""
        import nerdata as N
        words = {"cultuur", "patiente", "dossier", "vis", "des", "op"}
        for name, text, typ, want in [
            ("a heading before a name", "Cultuur Bert Anciaux", "PERSON", "Bert Anciaux"),
            ("in capitals", "PATIENTE SYLVIANE FONTAINE", "PERSON", "SYLVIANE FONTAINE"),
            ("two in front", "Dossier Patiente Frank Hussain", "PERSON", "Frank Hussain"),
            ("a function word", "Maar Jan Peeters", "PERSON", "Jan Peeters"),
            ("one word would be left", "Vis Esmée", "PERSON", "Vis Esmée"),
            ("a particle", "Des Jaumotte Marc", "PERSON", "Des Jaumotte Marc"),
            ("a particle of two words", "Op de Toor Flora", "PERSON", "Op de Toor Flora"),
            ("no common word", "Peeters Jan Karel", "PERSON", "Peeters Jan Karel"),
            ("an organisation", "Cultuur Bert Anciaux", "ORGANIZATION", "Cultuur Bert Anciaux"),
            ("lower case after", "Dossier van Jan Peeters", "PERSON", "Dossier van Jan Peeters"),
            ("two spaces", "Cultuur  Bert Anciaux", "PERSON", "Cultuur  Bert Anciaux"),
        ]:
            with self.subTest(name):
                text_ = "« " + text + " »"
                [(a, b, t)] = N.trim_common_words(text_, [(2, 2 + len(text), typ)], words)
                self.assertEqual((text_[a:b], t), (want, typ))

    def test_drop_common_words(self):
        """The same cases as ner/common_test.go's TestCommonWordsDrop."""
        import nerdata as N
        words = {"feiten", "bail", "l'administration", "cm", "mutualité", "chrétienne", "ex-partner"}
        for name, text, typ, dropped in [
            ("a heading", "Feiten", "PERSON", True),
            ("in capitals", "BAIL", "ORGANIZATION", True),
            ("elided", "L'administration", "ORGANIZATION", True),
            ("hyphenated", "Ex-partner", "LOCATION", True),
            ("a name of common words", "Mutualité chrétienne", "ORGANIZATION", False),
            ("not a common word", "Peeters", "PERSON", False),
            ("an address", "Feiten", "ADDRESS", False),
            ("an acronym", "CM", "ORGANIZATION", False),
            ("with a digit", "Feiten2", "ORGANIZATION", False),
            ("an apostrophe at the end", "Feiten'", "PERSON", False),
            ("a hyphen at the start", "-bail", "PERSON", False),
            ("two hyphens", "Ex--partner", "PERSON", False),
        ]:
            with self.subTest(name):
                text_ = "« " + text + " »"
                got = N.drop_common_words(text_, [(2, 2 + len(text), typ)], words)
                self.assertEqual(got == [], dropped)

    def test_add_places(self):
        """The same cases as ner/places_test.go's TestPlacesAdd."""
        import nerdata as N
        places, common = {"Marokko", "Egypte", "Guinee-Bissau"}, {"volgens"}
        for name, text, org, want in [
            ("in running text", "Hij woont in Marokko.", None, ["LOCATION:Marokko"]),
            ("in the next column", "Jan Peeters      Marokko      Gent", None, ["LOCATION:Marokko"]),
            ("two", "naar Egypte en Marokko", None, ["LOCATION:Egypte", "LOCATION:Marokko"]),
            ("hyphenated", "uit Guinee-Bissau gekomen", None, ["LOCATION:Guinee-Bissau"]),
            ("in brackets", "geboren te Casablanca (Marokko)", None, ["LOCATION:Marokko"]),
            ("after a comma", "Casablanca, Marokko, 2024", None, ["LOCATION:Marokko"]),
            ("first in the text", "Marokko won", None, []),
            ("first on a line", "Hij woont in\r\n  Marokko nu", None, []),
            ("first in a sentence", "Zo is het. Marokko won", None, []),
            ("after a colon", "Land: Marokko", None, []),
            ("a capitalised word before", "Jan Marokko kwam", None, []),
            ("a common word first in a sentence before", "Zo. Volgens Marokko dus", None, ["LOCATION:Marokko"]),
            ("a function word first in a sentence before", "Naar Marokko dus", None, ["LOCATION:Marokko"]),
            ("a title before", "mevrouw Marokko kwam", None, []),
            ("a capitalised word after", "bij Marokko Telecom", None, []),
            ("a capital after a comma", "in Marokko, Egypte en", None, ["LOCATION:Marokko", "LOCATION:Egypte"]),
            ("part of a longer word", "de Marokkaanse markt", None, []),
            ("joined to another word", "een x-Marokko", None, []),
            ("in capitals", "in MAROKKO", None, []),
            ("in an address of the web", "zie www.Marokko.be nu", None, []),
            ("in an e-mail address", "mail Egypte@visit.eg", None, []),
            ("inside a model span", "bij de Ambassade van Marokko in", "Ambassade van Marokko",
             ["ORGANIZATION:Ambassade van Marokko"]),
        ]:
            with self.subTest(name):
                spans = [(text.index(org), text.index(org) + len(org), "ORGANIZATION")] if org else []
                got = N.add_places(text, spans, places, common)
                self.assertEqual([f"{t}:{text[a:b]}" for a, b, t in got], want)

    def test_same_names(self):
        """The same cases as ner/names_test.go's TestSameNames, and a name
        carried from one part of a document to the next."""
        import nerdata as N
        common, places = {"bakker", "volgens"}, {"Marokko"}
        for name, text, given, want in [
            ("a surname again", "Ehud Barak sprak. Later zei Barak dat", ["PERSON:Ehud Barak"],
             ["PERSON:Ehud Barak", "PERSON:Barak"]),
            ("taken for a place", "Ehud Barak sprak. Later won Barak.", ["PERSON:Ehud Barak", "LOCATION:Barak"],
             ["PERSON:Ehud Barak", "PERSON:Barak"]),
            ("a whole name taken for an organisation", "Ehud Barak sprak, en Ehud Barak won.",
             ["PERSON:Ehud Barak", "ORGANIZATION:Ehud Barak won"], ["PERSON:Ehud Barak", "ORGANIZATION:Ehud Barak won"]),
            ("with particles", "Peter Van Gent woont in Gent, naast Van Gent.",
             ["PERSON:Peter Van Gent", "LOCATION:Gent", "ORGANIZATION:Van Gent"],
             ["PERSON:Peter Van Gent", "LOCATION:Gent", "PERSON:Van Gent"]),
            ("a common word", "Jan Bakker kwam. Bakker zei", ["PERSON:Jan Bakker"], ["PERSON:Jan Bakker"]),
            ("a listed place", "Ali Marokko kwam uit Marokko", ["PERSON:Ali Marokko"], ["PERSON:Ali Marokko"]),
            ("a capitalised word beside", "Ehud Barak sprak, Eli Barak ook", ["PERSON:Ehud Barak"], ["PERSON:Ehud Barak"]),
            ("after a sentence's first word", "Ehud Barak sprak. Volgens Barak dus", ["PERSON:Ehud Barak"],
             ["PERSON:Ehud Barak", "PERSON:Barak"]),
            ("one word names no one", "Barak sprak. Later zei Barak dat", ["PERSON:Barak"], ["PERSON:Barak"]),
            ("too short", "Jan Li sprak. Later zei Li dat", ["PERSON:Jan Li"], ["PERSON:Jan Li"]),
            ("part of a longer word", "Ehud Barak sprak over Baraks plan", ["PERSON:Ehud Barak"], ["PERSON:Ehud Barak"]),
            ("in an e-mail address", "Ehud Barak <Ehud.Barak@gov.il>, Barak_E@x.il", ["PERSON:Ehud Barak"],
             ["PERSON:Ehud Barak"]),
            ("a one-word name given twice", "Barak sprak. Barak won. Later zei Barak dat", ["PERSON:Barak", "PERSON:Barak"],
             ["PERSON:Barak", "PERSON:Barak", "PERSON:Barak"]),
            ("given twice, taken for a place", "Barak sprak. Barak won. Later won Barak.",
             ["PERSON:Barak", "PERSON:Barak", "LOCATION:Barak"], ["PERSON:Barak", "PERSON:Barak", "PERSON:Barak"]),
            ("an organisation given twice", "De RVA betaalt. De RVA schreef. Bel de RVA.",
             ["ORGANIZATION:RVA", "ORGANIZATION:RVA"], ["ORGANIZATION:RVA", "ORGANIZATION:RVA", "ORGANIZATION:RVA"]),
            ("an organisation given once", "De RVA betaalt. Bel de RVA.", ["ORGANIZATION:RVA"], ["ORGANIZATION:RVA"]),
            ("a surname of two words after a title", "Hilde Van Hoof kwam. Mevr. Van Hoof zei",
             ["PERSON:Hilde Van Hoof"], ["PERSON:Hilde Van Hoof", "PERSON:Van Hoof"]),
            ("the longest name first", "Peter Van Gent sprak. Later kwam Peter Van Gent.", ["PERSON:Peter Van Gent"],
             ["PERSON:Peter Van Gent", "PERSON:Peter Van Gent"]),
            ("initials before a surname", "Laurent Hick kwam. Later tekende L. Hick het.", ["PERSON:Laurent Hick"],
             ["PERSON:Laurent Hick", "PERSON:L. Hick"]),
            ("the town of an address", "Agence de Charleroi, Boulevard Tirou 163, 6000 Charleroi. Bel Charleroi.", ["ORGANIZATION:Charleroi", "ADDRESS:Boulevard Tirou 163, 6000 Charleroi", "PERSON:Charleroi"],
             ["LOCATION:Charleroi", "ADDRESS:Boulevard Tirou 163, 6000 Charleroi", "LOCATION:Charleroi"]),
            ("a bilingual town", "Rue Haute 5, 1000 Bruxelles / Brussel\nBrussel", ["ADDRESS:Rue Haute 5, 1000 Bruxelles / Brussel", "ORGANIZATION:Brussel"],
             ["ADDRESS:Rue Haute 5, 1000 Bruxelles / Brussel", "LOCATION:Brussel"]),
            ("a surname stays", "Jan Lier kwam uit Kerkstraat 1, 2500 Lier. Toen zei Lier", ["PERSON:Jan Lier", "ADDRESS:Kerkstraat 1, 2500 Lier", "PERSON:Lier"],
             ["PERSON:Jan Lier", "ADDRESS:Kerkstraat 1, 2500 Lier", "PERSON:Lier"]),
            ("signatures in columns", "Laurent Hick en Amandine Collard.\nL. Hick, INPP      A. Collard, INP",
             ["PERSON:Laurent Hick", "PERSON:Amandine Collard"],
             ["PERSON:Laurent Hick", "PERSON:Amandine Collard", "PERSON:L. Hick", "PERSON:A. Collard"]),
        ]:
            with self.subTest(name):
                spans, start = [], 0
                for g in given:
                    typ, sub = g.split(":", 1)
                    i = text.index(sub, start)
                    spans.append((i, i + len(sub), typ))
                    start = i + len(sub)
                [got] = N.same_names([(text, spans)], common, places)
                self.assertEqual([f"{t}:{text[a:b]}" for a, b, t in got], want)
        doc = [("Ehud Barak sprak .", [(0, 10, "PERSON")]), ("Barak won .", [])]
        self.assertEqual(N.same_names(doc), [[(0, 10, "PERSON")], [(0, 5, "PERSON")]])

    def test_common_word_rule_matches_go(self):
        """The shortest word dropped is the same in ner/common.go."""
        import re
        import common_words as CW
        with open(os.path.join(HERE, "..", "..", "ner", "common.go"), encoding="utf-8") as f:
            m = re.search(r"const minCommonWord = (\d+)", f.read())
        self.assertIsNotNone(m, "ner/common.go declares minCommonWord")
        self.assertEqual(int(m.group(1)), CW.MIN_LEN)


class CommonWordsTest(unittest.TestCase):
    def test_build(self):
        """A word is common when the Chamber's questions write it in lower
        case often enough and seldom with a capital inside a sentence; the
        gazetteers' names are never common."""
        import common_words as CW
        import gazlabel
        d = tempfile.mkdtemp(prefix="belner-common-")
        self.addCleanup(shutil.rmtree, d)
        lines = (["Feiten: de feiten zijn bekend, de golf ook."] * 5 + ["Hij zag de Golf van Biskaje."]
                 + ["een bus en een ab."] * 4 + ["zo gaat het, met marie en ernst."] * 5)
        path = os.path.join(d, gazlabel.FILES["nl"])
        os.makedirs(os.path.dirname(path))
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        words = set(CW.build(d))
        self.assertIn("feiten", words)  # a capital first in a sentence does not count
        self.assertIn("ernst", words)  # the fallback gazetteers know no Ernst
        self.assertNotIn("golf", words)  # with a capital inside a sentence once in six
        self.assertNotIn("bus", words)  # four times only
        self.assertNotIn("de", words)  # too short
        self.assertNotIn("marie", words)  # a first name
        CW.write(d, sorted(words))
        self.assertEqual(CW.load(d), frozenset(words))
        self.assertEqual(CW.load(os.path.join(d, "text")), frozenset())

    def test_places(self):
        """The countries of one word, less common words and Statbel names;
        every listed country has its three languages."""
        import common_words as CW
        import places as PL
        self.assertTrue(all(len(row) == 3 for row in PL.COUNTRIES))
        got = set(PL.build(SMOKE_DATA_DIR))
        common, people = set(CW.build(SMOKE_DATA_DIR)), CW.top_names(SMOKE_DATA_DIR)
        want = {n for row in PL.COUNTRIES for n in row
                if n and " " not in n and n.lower() not in common and n.lower() not in people}
        self.assertEqual(got, want)
        for name in ("Marokko", "Égypte", "Guinee-Bissau", "Österreich"):
            self.assertIn(name, got)
        self.assertNotIn("Verenigd Koninkrijk", got)  # several words
        self.assertTrue(all(n[0].isupper() for n in got))  # decoding looks up capitalised words only
        d = tempfile.mkdtemp(prefix="belner-places-")
        self.addCleanup(shutil.rmtree, d)
        CW.write(d, sorted(got), PL.FILE)
        self.assertEqual(PL.load(d), frozenset(got))


class PretrainBatchTest(unittest.TestCase):
    """The masked-LM batches: pieces 100..499 start a word, 500..999
    continue one, so every row can be checked against its words."""

    def setUp(self):
        import numpy as np
        rng = np.random.default_rng(1)
        ids, starts = [], []
        for k in range(20000):
            if k % 500 == 499:  # a document ends
                ids.append(W.SEP_ID)
                starts.append(1)
                continue
            ids.append(int(rng.integers(100, 500)))
            starts.append(1)
            for _ in range(int(rng.integers(0, 3))):
                ids.append(int(rng.integers(500, 1000)))
                starts.append(0)
        corpus = {"nl": (np.array(ids, np.uint16), np.array(starts, np.uint8))}
        # 610 pieces, a word of 15 pieces at 90..104: a 512-piece window drawn
        # to start in it moves to 105 and runs out of text before its end
        short_ids = np.full(610, 150, np.uint16)
        short_ids[91:105] = 600
        short = {"de": (short_ids, (short_ids < 500).astype(np.uint8))}
        import pretrain
        self.batcher = pretrain.Batcher(corpus, 1000, seed=3)
        self.batch_shape = pretrain.batch_shape
        self.short = pretrain.Batcher(short, 1000, seed=3)

    def rows(self, batcher, B, T):
        inp, am, labels = (t.numpy() for t in batcher.batch(B, T))
        orig = inp.copy()
        orig[labels != -100] = labels[labels != -100]
        return inp, am, labels, orig

    def test_windows(self):
        for B, T in [(64, 128), (8, 512)]:
            inp, am, labels, orig = self.rows(self.batcher, B, T)
            self.assertEqual(inp.shape, (B, T))
            for r in range(B):
                self.assertEqual(orig[r, 0], W.CLS_ID)
                self.assertEqual(orig[r, T - 1], W.SEP_ID, "a long corpus fills the window")
                self.assertTrue(orig[r, 1] < 500, "a window begins on a word start")
                self.assertTrue((am[r] == 1).all())

    def test_end_of_corpus_is_padded(self):
        inp, am, labels, orig = self.rows(self.short, 200, 512)
        padded = 0
        for r in range(200):
            n = int(am[r].sum())
            self.assertEqual(orig[r, n - 1], W.SEP_ID)
            self.assertTrue((orig[r, n:] == W.PAD_ID).all())
            self.assertTrue((labels[r, n:] == -100).all())
            padded += n < 512
        self.assertGreater(padded, 0)

    def test_whole_word_masking(self):
        import numpy as np
        inp, am, labels, orig = self.rows(self.batcher, 256, 128)
        masked = labels != -100
        special = np.isin(orig, [W.CLS_ID, W.SEP_ID, W.PAD_ID])
        self.assertFalse((masked & special).any(), "specials are never masked")
        self.assertTrue(masked.any(axis=1).all(), "every row has a masked piece")
        self.assertAlmostEqual(masked.sum() / (~special).sum(), 0.15, delta=0.03)
        for r in range(256):
            word = np.cumsum((orig[r] < 500) | special[r])
            for w in np.unique(word[masked[r]]):
                self.assertTrue(masked[r][word == w].all(), f"row {r}: a word masked in part")
        replaced = inp[masked]
        self.assertAlmostEqual((replaced == W.MASK_ID).mean(), 0.8, delta=0.05)
        self.assertAlmostEqual((replaced == orig[masked]).mean(), 0.1, delta=0.05)

    def test_long_steps_keep_the_pieces(self):
        import argparse
        from model import Config
        a = argparse.Namespace(batch=32, seq_len=128, long_every=8)
        shapes = [self.batch_shape(step, Config(), a) for step in range(16)]
        self.assertEqual(shapes.count((8, 512)), 2)
        self.assertEqual(shapes[7], (8, 512))
        self.assertTrue(all(B * T == 32 * 128 for B, T in shapes))
        self.assertEqual(self.batch_shape(7, Config(), argparse.Namespace(batch=32, seq_len=128, long_every=0)),
                         (32, 128))


class FixtureTest(unittest.TestCase):
    """The fixture must keep up with the recipe: a corpus it lacks would
    only be skipped (logged) by the smoke build, so its reader would go
    untested without the shared data."""

    def test_smoke_corpora_load(self):
        import evaluate
        names = D.train_sets() + ["conll2002-nl-testa"] + [n for n in evaluate.DEFAULT_SETS
                                                           if not n.startswith("synthetic")]
        for name in names:
            exs = D.load(name, D.fixture_data_dir())
            self.assertTrue(exs, name)
            self.assertTrue(any(ex["spans"] for ex in exs), name)

    def test_text_and_synth(self):
        langs = {lang for lang, _ in D.load_text(D.fixture_data_dir())}
        self.assertEqual(langs, {"nl", "fr", "de"})
        docs = D.generate(60, 1, D.fixture_data_dir())
        self.assertEqual({d["lang"] for d in docs}, {"nl", "fr", "de"})
        self.assertTrue(all(d["spans"] for d in docs))

    def test_build_train_skips_missing_files_only(self):
        import finetune
        wp = tiny_vocab()
        logged = []

        def load(name, data_dir):
            if name == "missing":
                raise FileNotFoundError("no such corpus file")
            if name == "broken":
                raise RuntimeError("frog not found: apt-get install frog frogdata")
            return [{"text": "Gent", "spans": [[0, 4, "LOCATION"]], "lang": "nl"}]

        orig, D.load = D.load, load
        try:
            items = finetune.build_train(wp, "unused", 0, ["missing", "ok"], 0, 1, logged.append)
            self.assertEqual(len(items), 1)
            self.assertTrue(any("skip missing" in line for line in logged), logged)
            with self.assertRaisesRegex(RuntimeError, "frog not found"):
                finetune.build_train(wp, "unused", 0, ["ok", "broken"], 0, 1, logged.append)
        finally:
            D.load = orig


class ModelCardTest(unittest.TestCase):
    def test_history_survives_a_later_cycle(self):
        """A card written after a cycle run elsewhere keeps what an earlier
        card recorded of the stages before it, and adds the new cycle."""
        import model_card
        run = tempfile.mkdtemp(prefix="belner-card-")
        self.addCleanup(shutil.rmtree, run, ignore_errors=True)
        os.makedirs(os.path.join(run, "ft3"))
        with open(os.path.join(run, "ft3", "finetune_summary.json"), "w") as f:
            json.dump({"best_score": 60.5, "best_step": 900, "steps": 1000, "minutes": 90.0,
                       "history": [{"step": 900, "score": 60.5}]}, f)
        open(os.path.join(run, "ft3", "finetuned.pt"), "w").close()
        info = {"history": {"pre_done": "pretrain: done", "fts": {"best_score": 53.0},
                            "cycles": {"finetune2": {"best_score": 55.4, "used": True},
                                       "finetune3": {"what": "LR 1.5e-4, seed 3"}}}}
        h = model_card.training_history(run, info)
        self.assertEqual(h["pre_done"], "pretrain: done")
        self.assertEqual(h["fts"], {"best_score": 53.0})
        self.assertEqual(h["cycles"]["finetune2"], {"best_score": 55.4, "used": True})
        self.assertEqual(h["cycles"]["finetune3"]["best_score"], 60.5)
        self.assertEqual(h["cycles"]["finetune3"]["what"], "LR 1.5e-4, seed 3")
        self.assertTrue(h["cycles"]["finetune3"]["used"])
        self.assertNotIn("corpora", h["cycles"]["finetune3"])  # no log: nothing to say

    def test_cycle_corpora_from_its_log(self):
        """The corpora a cycle trained on beyond the default ones come from
        its log, so that the card names the data of every cycle."""
        import model_card
        run = tempfile.mkdtemp(prefix="belner-card-")
        self.addCleanup(shutil.rmtree, run, ignore_errors=True)
        os.makedirs(os.path.join(run, "ft7"))
        with open(os.path.join(run, "ft7", "finetune_summary.json"), "w") as f:
            json.dump({"best_score": 72.4, "best_step": 1511, "steps": 5540, "minutes": 38.0, "history": []}, f)
        with open(os.path.join(run, "ft7", "finetune.log"), "w") as f:
            f.write("12:00:00 finetune: icdar-nl-train: 5739 examples, 281680 pieces\n"
                    "12:00:00 finetune: chamber-frog-nl: 49320 examples, 1406938 pieces\n"
                    "12:00:00 finetune: synthetic: 15000 examples, 3085390 pieces\n")
        h = model_card.training_history(run, {})
        self.assertEqual(h["cycles"]["finetune7"]["corpora"], ["chamber-frog-nl"])


class RecipeSmokeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import train
        cls.tmp = tempfile.mkdtemp(prefix="belner-smoke-")
        cls.out = os.path.join(cls.tmp, "model")
        cls.run_dir = os.path.join(cls.tmp, "run")
        train.main(["--smoke", "--data-dir", SMOKE_DATA_DIR, "--out", cls.out, "--run", cls.run_dir])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_soup_cycle(self):
        """The smoke's last cycle runs one fine-tuning per member (a seed,
        or a seed with arguments of its own) and keeps the mean of their
        weights only if it beats the checkpoint before."""
        import torch
        import soup
        cyc = os.path.join(self.run_dir, "ft7")
        members = ["seed1", "seed2", "more1"]
        seeds = [os.path.join(cyc, m, "finetuned.pt") for m in members]
        for p in seeds:
            self.assertTrue(os.path.exists(p), p)
        with open(os.path.join(cyc, "finetune_summary.json")) as f:
            summary = json.load(f)
        self.assertEqual([r["run"] for r in summary["soup"]], members)
        for m, docs in [("seed1", 30), ("more1", 20)]:  # more1's --synth 20 wins over the cycle's 30
            with open(os.path.join(cyc, m, "finetune.log")) as f:
                self.assertIn(f" {docs} synthetic docs generated", f.read(), m)
        with open(os.path.join(self.run_dir, "finetune_summary.json")) as f:
            before = json.load(f)["best_score"]
        self.assertEqual(os.path.exists(os.path.join(cyc, "finetuned.pt")), summary["best_score"] > before)
        a, b = (torch.load(p, map_location="cpu")["model"] for p in seeds[:2])
        self.assertFalse(all(torch.equal(a[k], b[k]) for k in a), "the seeds trained alike")
        # with nothing to beat, the mean is kept (the seeds are not run again)
        import train
        again = os.path.join(self.tmp, "ft7-again")
        shutil.copytree(cyc, again)
        train.soup_cycle(again, os.path.join(self.run_dir, "finetuned.pt"), os.path.join(self.run_dir, "vocab.txt"),
                         SMOKE_DATA_DIR, ["--dev-testa", "100", "--dev-synth", "20"], (1, 2, ("more1", 1, [])), -1.0,
                         lambda msg: None)
        got = torch.load(os.path.join(again, "finetuned.pt"), map_location="cpu")["model"]
        want = soup.soup(seeds)["model"]
        self.assertTrue(all(torch.equal(got[k], want[k]) for k in want))
        self.assertTrue(any(not torch.equal(got[k], a[k]) for k in a))

    def test_files(self):
        for f in ["model.onnx", "tokenizer.json", "config.json", "vocab.txt", "fixture.json",
                  "special_tokens_map.json", "tokenizer_config.json", "eval.json", "eval.md", "min_score.json",
                  "common_words.txt", "places.txt"]:
            self.assertTrue(os.path.exists(os.path.join(self.out, f)), f)

    def test_config(self):
        from data import BIO
        with open(os.path.join(self.out, "config.json")) as f:
            cfg = json.load(f)
        self.assertEqual(cfg["model_type"], "bert")
        self.assertEqual(cfg["architectures"], ["BertForTokenClassification"])
        self.assertEqual([cfg["id2label"][str(i)] for i in range(len(BIO))], BIO)
        self.assertEqual(cfg["label2id"], {l: i for i, l in enumerate(BIO)})
        for k in ["max_position_embeddings", "hidden_size", "num_hidden_layers", "num_attention_heads",
                  "intermediate_size", "vocab_size", "type_vocab_size", "pad_token_id"]:
            self.assertIn(k, cfg)
        # chosen on the dev sets by the min_score stage, applied by evaluate
        self.assertIn(cfg["belner_min_score"], __import__("min_score").THRESHOLDS)
        with open(os.path.join(self.out, "eval.json")) as f:
            self.assertEqual(json.load(f)["min_score"], cfg["belner_min_score"])

    def test_tokenizer_json(self):
        with open(os.path.join(self.out, "tokenizer.json"), encoding="utf-8") as f:
            tj = json.load(f)
        with open(os.path.join(self.out, "config.json")) as f:
            cfg = json.load(f)
        self.assertEqual(tj["model"]["type"], "WordPiece")
        self.assertEqual(len(tj["model"]["vocab"]), cfg["vocab_size"])
        self.assertEqual(tj["model"]["vocab"]["[PAD]"], 0)
        self.assertEqual(tj["model"]["vocab"]["[MASK]"], 4)
        self.assertEqual(tj["normalizer"]["type"], "BertNormalizer")
        self.assertEqual(tj["pre_tokenizer"]["type"], "BertPreTokenizer")

    def test_onnx(self):
        import numpy as np
        import onnx
        import export
        import onnx_check
        m = onnx.load(os.path.join(self.out, "model.onnx"))
        onnx.checker.check_model(m)
        self.assertEqual([i.name for i in m.graph.input], ["input_ids", "attention_mask", "token_type_ids"])
        self.assertEqual([o.name for o in m.graph.output], ["logits"])
        self.assertTrue(set(export.op_types(m)) <= export.ALLOWED_OPS, export.op_types(m))
        self.assertLess(onnx_check.check_dir(self.out), 1e-3)
        ids = np.array([[2, 10, 11, 12, 3]], dtype=np.int64)
        out = onnx_check.run(m, {"input_ids": ids, "attention_mask": np.ones_like(ids),
                                 "token_type_ids": np.zeros_like(ids)})["logits"]
        self.assertEqual(out.shape, (1, 5, 9))

    def test_onnx_weights_roundtrip(self):
        from onnx_weights import load_from_onnx
        m = load_from_onnx(os.path.join(self.out, "model.onnx"), os.path.join(self.out, "config.json"))
        self.assertEqual(m.c.num_labels, 9)

    def test_finetune_without_dev(self):
        """The GPU run's fine-tuning (--eval-minutes 0) evaluates nothing
        and keeps its last step."""
        import finetune
        import torch
        run = os.path.join(self.tmp, "nodev")
        finetune.main(["--run", run, "--data-dir", SMOKE_DATA_DIR, "--init", os.path.join(self.run_dir, "pretrained.pt"),
                       "--vocab", os.path.join(self.run_dir, "vocab.txt"), "--synth", "10", "--max-per-corpus", "20",
                       "--max-steps", "3", "--eval-minutes", "0", "--device", "cpu"])
        with open(os.path.join(run, "finetune_summary.json")) as f:
            summary = json.load(f)
        self.assertEqual((summary["steps"], summary["best_step"], summary["best_score"], summary["history"]),
                         (3, 3, None, []))
        kept = torch.load(os.path.join(run, "finetuned.pt"), map_location="cpu")
        self.assertEqual(kept["step"], 3)
        self.assertNotIn("dev_score", kept)

    def test_finetune_with_masked_lm(self):
        """--mlm-cache trains the masked-LM head beside the labels, at its
        own learning rate."""
        import finetune
        import torch
        run = os.path.join(self.tmp, "mlm")
        init = os.path.join(self.run_dir, "pretrained.pt")
        finetune.main(["--run", run, "--data-dir", SMOKE_DATA_DIR, "--init", init,
                       "--vocab", os.path.join(self.run_dir, "vocab.txt"), "--synth", "10", "--max-per-corpus", "20",
                       "--max-steps", "3", "--eval-minutes", "0", "--device", "cpu",
                       "--mlm-cache", os.path.join(self.run_dir, "pretrain_ids.npz"), "--mlm-batch", "4",
                       "--lr", "1e-4", "--mlm-head-lr", "1e-3", "--log-every", "1"])
        before = torch.load(init, map_location="cpu")["model"]
        after = torch.load(os.path.join(run, "finetuned.pt"), map_location="cpu")["model"]
        for name in ("mlm_dense.weight", "mlm_bias", "classifier.weight"):
            self.assertFalse(torch.equal(before[name], after[name]), name)
        with open(os.path.join(run, "finetune.log")) as f:
            self.assertIn(" mlm ", f.read())

    def test_finetune_with_static(self):
        """--static trains the projection of the piece vectors and the
        checkpoint holds it folded into word_embeddings: the rows of pieces
        with a vector move far, the others only as the encoder's tiny
        learning rate moves them."""
        import finetune
        import numpy as np
        import torch
        run = os.path.join(self.tmp, "static")
        init = os.path.join(self.run_dir, "pretrained.pt")
        before = torch.load(init, map_location="cpu")
        vocab = before["config"]["vocab_size"]
        vectors = np.zeros((vocab, 8), dtype=np.float32)
        vectors[::2] = np.random.default_rng(0).normal(size=(len(vectors[::2]), 8)) / np.sqrt(8)
        path = os.path.join(self.tmp, "static.npy")
        np.save(path, vectors)
        finetune.main(["--run", run, "--data-dir", SMOKE_DATA_DIR, "--init", init,
                       "--vocab", os.path.join(self.run_dir, "vocab.txt"), "--synth", "10", "--max-per-corpus", "20",
                       "--max-steps", "3", "--eval-minutes", "0", "--device", "cpu", "--precision", "fp32",
                       "--lr", "1e-9", "--warmup", "0", "--static", path, "--static-lr", "1e-2"])
        after = torch.load(os.path.join(run, "finetuned.pt"), map_location="cpu")
        self.assertEqual(after["config"]["static_dim"], 0)
        self.assertEqual(set(after["model"]), set(before["model"]))
        moved = (after["model"]["bert.word_embeddings.weight"] - before["model"]["bert.word_embeddings.weight"]).abs()
        self.assertGreater(moved[::2].max().item(), 1e-3)
        self.assertLess(moved[1::2].max().item(), 1e-6)

    def test_pretrain_rtd(self):
        """--objective rtd pre-trains a generator and a discriminator,
        keeps the discriminator as pretrained.pt (which fine-tuning loads as
        any encoder) and resumes as rtd whatever the command line says."""
        import finetune
        import pretrain
        import torch
        run = os.path.join(self.tmp, "rtd")
        os.makedirs(run)
        for f in ("vocab.txt", "pretrain_ids.npz"):
            shutil.copy(os.path.join(self.run_dir, f), run)
        common = ["--run", run, "--layers", "2", "--hidden", "32", "--heads", "2", "--ff", "64", "--batch", "4",
                  "--seq-len", "32", "--long-every", "0", "--log-every", "1", "--device", "cpu"]
        pretrain.main(common + ["--objective", "rtd", "--max-steps", "2"])
        kept = torch.load(os.path.join(run, "pretrained.pt"), map_location="cpu")
        self.assertEqual((kept["objective"], kept["step"]), ("rtd", 2))
        self.assertFalse(any(k.startswith(("gen.", "disc.", "rtd_")) for k in kept["model"]))
        pretrain.main(common + ["--max-steps", "3"])
        with open(os.path.join(run, "pretrain.log")) as f:
            log = f.read()
        self.assertIn("resumed at step 2", log)
        self.assertEqual(log.count(" rtd_acc "), 3, log)
        self.assertEqual(torch.load(os.path.join(run, "ckpt.pt"), map_location="cpu")["objective"], "rtd")
        ft = os.path.join(self.tmp, "rtd-ft")
        finetune.main(["--run", ft, "--data-dir", SMOKE_DATA_DIR, "--init", os.path.join(run, "pretrained.pt"),
                       "--vocab", os.path.join(run, "vocab.txt"), "--synth", "10", "--max-per-corpus", "20",
                       "--max-steps", "2", "--eval-minutes", "0", "--device", "cpu"])
        self.assertTrue(os.path.exists(os.path.join(ft, "finetuned.pt")))

    def test_mlm_score(self):
        """mlm_score reads pre-training's checkpoints: a fresh model scores
        about log(vocabulary), worse than the unigram, the pre-trained one
        better than the fresh one, on the same windows."""
        import math
        import numpy as np
        import torch
        import mlm_score
        from model import BertModel, Config
        from pretrain import load_cache
        corpus = load_cache(os.path.join(self.run_dir, "pretrain_ids.npz"))
        d = torch.load(os.path.join(self.run_dir, "pretrained.pt"), map_location="cpu")
        c = Config.from_json(d["config"])
        log_p = mlm_score.unigram_log_probs(corpus, c.vocab_size)
        self.assertAlmostEqual(float(np.exp(log_p).sum()), 1.0, places=6)
        torch.manual_seed(0)
        fresh = {"config": d["config"], "model": BertModel(c).state_dict()}
        fresh_loss, unigram, _ = mlm_score.score(fresh, corpus, 2, log_p)
        loss, unigram_again, acc = mlm_score.score(d, corpus, 2, log_p)
        self.assertAlmostEqual(fresh_loss, math.log(c.vocab_size), delta=0.5)
        self.assertGreater(fresh_loss, unigram)
        self.assertLess(loss, fresh_loss)
        self.assertEqual(unigram, unigram_again)
        self.assertTrue(0.0 <= acc <= 1.0)


class SoupTest(unittest.TestCase):
    def test_average(self):
        import torch
        import soup
        a = {"w": torch.tensor([1.0, 2.0]), "n": torch.tensor([3])}
        b = {"w": torch.tensor([3.0, 6.0]), "n": torch.tensor([5])}
        for weights, want in [(None, [2.0, 4.0]), ([3.0, 1.0], [1.5, 3.0])]:
            with self.subTest(weights=weights):
                got = soup.average([a, b], weights)
                self.assertEqual(got["w"].tolist(), want)
                self.assertEqual(got["n"].tolist(), [3], "an integer tensor is the first's, not a mean")

    def test_average_refuses_other_models(self):
        import torch
        import soup
        a = {"w": torch.zeros(2)}
        for name, other in [("other tensors", {"v": torch.zeros(2)}), ("other shape", {"w": torch.zeros(3)})]:
            with self.subTest(name), self.assertRaises(ValueError):
                soup.average([a, other])
        with self.assertRaises(ValueError):
            soup.average([a, a], [1.0])


class ElectraTest(unittest.TestCase):
    def setUp(self):
        import torch
        self.torch = torch
        # pieces 10..17 of a window; 12 and 15 are masked (labels hold the originals)
        self.inp = torch.tensor([[2, 10, 11, 4, 13, 14, 4, 16, 3]])
        self.labels = torch.full_like(self.inp, -100)
        self.labels[0, 3], self.labels[0, 6] = 12, 15
        self.original = torch.tensor([[2, 10, 11, 12, 13, 14, 15, 16, 3]])

    def logits_sure_of(self, pieces, V=20):
        logits = self.torch.full((len(pieces), V), -1e4)
        logits[range(len(pieces)), pieces] = 1e4
        return logits

    def test_right_guesses_count_as_original(self):
        import electra
        corrupted, replaced = electra.corrupt(self.inp, self.labels, self.logits_sure_of([12, 15]))
        self.assertTrue(self.torch.equal(corrupted, self.original))
        self.assertEqual(replaced.sum().item(), 0)

    def test_samples_replace_the_masks_only(self):
        import electra
        corrupted, replaced = electra.corrupt(self.inp, self.labels, self.logits_sure_of([7, 15]))
        want = self.original.clone()
        want[0, 3] = 7
        self.assertTrue(self.torch.equal(corrupted, want))
        self.assertEqual(replaced.tolist(), [[0, 0, 0, 1, 0, 0, 0, 0, 0]])

    def test_generator_shares_the_embeddings(self):
        import electra
        from model import Config
        m = electra.Electra(Config(vocab_size=50, hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
                                   intermediate_size=32, max_position_embeddings=16), gen_layers=1)
        self.assertIs(m.gen.bert.word_embeddings.weight, m.disc.bert.word_embeddings.weight)
        self.assertIs(m.gen.bert.position_embeddings.weight, m.disc.bert.position_embeddings.weight)
        self.assertEqual((len(m.gen.bert.layers), len(m.disc.bert.layers)), (1, 2))


class DeviceTest(unittest.TestCase):
    def test_pick_device(self):
        import torch
        from model import pick_device
        self.assertEqual(pick_device("cpu").type, "cpu")
        self.assertEqual(pick_device("auto").type, "cuda" if torch.cuda.is_available() else "cpu")
        if not torch.cuda.is_available():
            with self.assertRaises(SystemExit):
                pick_device("cuda")

    def test_pick_precision(self):
        import torch
        from model import cpu_has_bf16, pick_precision
        cpu, cuda = torch.device("cpu"), torch.device("cuda")
        self.assertEqual(pick_precision("auto", cuda), "bf16")
        self.assertEqual(pick_precision("auto", cpu), "bf16" if cpu_has_bf16() else "fp32")
        self.assertEqual(pick_precision("fp32", cuda), "fp32")
        with self.assertRaises(SystemExit):
            pick_precision("fp16", cpu)

    def test_train_threads(self):
        import torch
        from model import train_threads
        cpu = torch.device("cpu")
        self.assertEqual(train_threads(0, cpu, "bf16"), os.cpu_count())
        self.assertEqual(train_threads(0, cpu, "fp32"), 1)
        self.assertEqual(train_threads(0, torch.device("cuda"), "bf16"), 1)
        self.assertEqual(train_threads(3, cpu, "fp32"), 3)

    def test_layer_norm_takes_bf16(self):
        """Under torch 1.13's CPU autocast a bf16 activation reaches
        LayerNorm; it must come out as the fp32 norm of the same values."""
        import torch
        from model import LayerNorm
        ln = LayerNorm(8)
        with torch.no_grad():
            ln.weight.uniform_(0.5, 1.5)
            ln.bias.uniform_(-1, 1)
        x = torch.randn(3, 8).to(torch.bfloat16)
        got = ln(x)
        self.assertEqual(got.dtype, torch.float32)
        self.assertTrue(torch.allclose(got, ln(x.float())))

    def test_param_groups(self):
        from model import BertModel, Config, param_groups
        m = BertModel(Config(vocab_size=50, hidden_size=8, num_hidden_layers=1, num_attention_heads=2,
                             intermediate_size=16, max_position_embeddings=16))
        groups = param_groups(m, 1e-4, 1e-3)
        scale = {id(p): (g["scale"], g["weight_decay"]) for g in groups for p in g["params"]}
        named = dict(m.named_parameters())
        self.assertEqual(len(scale), len(named))
        self.assertEqual(scale[id(named["mlm_dense.weight"])], (10.0, 0.01))
        self.assertEqual(scale[id(named["mlm_bias"])], (10.0, 0.0))
        self.assertEqual(scale[id(named["classifier.weight"])], (1.0, 0.01))
        self.assertEqual(scale[id(named["bert.emb_ln.weight"])], (1.0, 0.0))



class StaticTest(unittest.TestCase):
    def model(self):
        import torch
        from model import BertModel, Config
        torch.manual_seed(0)
        return BertModel(Config(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                                intermediate_size=32, max_position_embeddings=16)).eval()

    def test_add_and_fold(self):
        """The model with static vectors starts where the model was, and
        folding its projection into word_embeddings keeps its function."""
        import torch
        from model import add_static, fold_static
        m = self.model()
        ids = torch.randint(5, 50, (2, 7))
        am, tt = torch.ones_like(ids), torch.zeros_like(ids)
        s = add_static(m, torch.randn(50, 8)).eval()
        self.assertTrue(torch.allclose(m(ids, am, tt), s(ids, am, tt)))
        s.bert.static_proj.weight.data.normal_()
        self.assertFalse(torch.allclose(m(ids, am, tt), s(ids, am, tt)))
        f = fold_static(s).eval()
        self.assertEqual(f.c.static_dim, 0)
        self.assertEqual([n for n, _ in f.named_parameters() if "static" in n], [])
        self.assertTrue(torch.allclose(f(ids, am, tt), s(ids, am, tt), atol=1e-5))
        self.assertIs(fold_static(m), m)

    def test_param_groups(self):
        """The projection learns at its own rate; the frozen vectors are
        in no group."""
        import torch
        from model import add_static, param_groups
        s = add_static(self.model(), torch.randn(50, 8))
        scale = {id(p): g["scale"] for g in param_groups(s, 1e-4, 1e-4, 1e-3) for p in g["params"]}
        named = dict(s.named_parameters())
        self.assertEqual(scale[id(named["bert.static_proj.weight"])], 10.0)
        self.assertNotIn(id(named["bert.static_vectors.weight"]), scale)
        self.assertEqual(scale[id(named["bert.word_embeddings.weight"])], 1.0)

    def test_lines_and_vectors(self):
        """The cache's documents become lines of piece ids, and the
        vectors read back land on their pieces, standardised over the
        pieces seen."""
        import numpy as np
        import static
        import wordpiece as W
        sep = W.SEP_ID
        corpus = {"nl": (np.array([7, 8, sep, 9, sep, sep, 10], dtype=np.uint16), None)}
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "pieces.txt")
            self.assertEqual(static.write_lines(corpus, path), 4)
            with open(path) as f:
                self.assertEqual(f.read().splitlines(), ["7 8", "9", "10"])
            vec = os.path.join(tmp, "v.vec")
            with open(vec, "w") as f:
                f.write("3 2\n</s> 1 1\n7 1.0 4.0\n9 3.0 8.0\n")
            v, seen = static.read_vectors(vec, 12, 2)
        self.assertEqual(np.flatnonzero(seen).tolist(), [7, 9])
        out = static.standardise(v, seen)
        self.assertTrue(np.allclose(out[7], [-1 / np.sqrt(2)] * 2, atol=1e-5))
        self.assertTrue(np.allclose(out[9], [1 / np.sqrt(2)] * 2, atol=1e-5))
        self.assertEqual(np.abs(out[~seen]).sum(), 0.0)

if __name__ == "__main__":
    unittest.main()
