// End-to-end tests of the demo page in headless Chromium, against the real
// `belner serve` that run.sh starts (BELNER_URL). Every test opens the page
// afresh in one browser.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = process.env.BELNER_URL;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SCREENSHOT = process.env.BELNER_SCREENSHOT || '';
const here = dirname(fileURLToPath(import.meta.url));
const samples = join(here, '..', 'static', 'samples');

if (!BASE) throw new Error('BELNER_URL is not set: run the tests through demo/e2e/run.sh');

// What the NL sample must yield: exact texts, with the type of each. Every
// identifier in the sample has a valid checksum, so the pattern recognisers
// find it whatever model is loaded beside them.
const NL_EXPECTED = [
  ['DATE', '12 maart 2024'],
  ['DATE', '4 maart 2024'],
  ['INSZ', '85.07.30-033.28'],
  ['EID_CARD', '591-1917064-58'],
  ['PHONE', '09 225 61 40'],
  ['EMAIL', 'lotte.vermeersch@example.be'],
  ['KBO', 'BE 0428.759.497'],
  ['KBO_UNIT', '2.123.456.197'],
  ['DATE', '1 februari 2024'],
  ['IBAN', 'BE71 0961 2345 6769'],
  ['BIC', 'GKCCBEBB'],
  ['OGM', '+++123/4567/89002+++'],
  ['LICENSE_PLATE', '1-ABC-123'],
  ['URL', 'https://stad.gent/nl/parkeren'],
  ['PHONE', '+32 2 508 85 85'],
  ['INSZ', '79.04.12-215.45'],
];

let context;
let page;
let userDataDir;
const problems = []; // console errors and page errors, CSP violations among them

before(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'belner-e2e-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    offline: false,
  });
  page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(15000);
  page.on('console', (msg) => {
    // Chromium logs every HTTP error status as a console error; the tests
    // that provoke 413 and 415 expect those.
    if (msg.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) {
      problems.push(`console: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // Nothing may leave for another origin.
  await context.route((url) => !url.href.startsWith(BASE), (route) => {
    problems.push(`request to another origin: ${route.request().url()}`);
    return route.abort();
  });
});

after(async () => {
  if (context) await context.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

async function open() {
  await page.goto(`${BASE}/`);
  await page.waitForSelector('html[data-ready="true"]');
}

// analysed waits for the answer to the request the action triggers.
async function analysed(action) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/v1/analyze')),
    action(),
  ]);
  // Rendering follows the response; the status line says when it is done.
  await page.waitForFunction(() => !document.querySelector('#status .spinner'));
  return res;
}

async function marks() {
  return page.$$eval('#doc mark.ent', (ms) => ms.map((m) => ({
    type: m.dataset.type,
    text: m.textContent,
    hidden: m.classList.contains('is-hidden'),
  })));
}

function assertFound(found, expected) {
  for (const [type, text] of expected) {
    const hit = found.find((m) => m.text === text);
    assert.ok(hit, `${type} "${text}" is not highlighted; highlighted: ${JSON.stringify(found)}`);
    assert.equal(hit.type, type, `"${text}" is highlighted as ${hit.type}, not ${type}`);
  }
}

async function uploadFile(name, buffer, mimeType = 'text/plain') {
  return analysed(() => page.setInputFiles('#file-input', { name, mimeType, buffer }));
}

describe('belner demo page', () => {
  test('the page loads with its assets and nothing from elsewhere', async () => {
    await open();
    assert.equal(await page.title(), 'belner demo: named entities in Belgian documents');
    const csp = (await page.request.get(`${BASE}/`)).headers()['content-security-policy'];
    assert.match(csp, /default-src 'self'/);
    // All 16 types are offered as options.
    assert.equal(await page.locator('#type-checkboxes input[type=checkbox]').count(), 16);
    assert.deepEqual(problems, []);
  });

  test('pasting the Dutch sample highlights its entities with the right types', async () => {
    await open();
    const text = await readFile(join(samples, 'nl.txt'), 'utf8');
    await page.fill('#text-input', text);
    const res = await analysed(() => page.click('#analyze-btn'));
    assert.equal(res.status(), 200);
    const body = await res.json();

    // The document is shown exactly as sent: same characters, same breaks.
    assert.equal(await page.$eval('#doc', (d) => d.textContent), text);
    const found = await marks();
    assertFound(found, NL_EXPECTED);
    // The IBAN is a mark with data-type IBAN and exactly the IBAN's text.
    const iban = page.locator('#doc mark.ent[data-type="IBAN"]', { hasText: 'BE71 0961 2345 6769' });
    assert.equal(await iban.count(), 1);
    // Every mark is one entity of the response, in order, with its text.
    assert.deepEqual(found.map((m) => [m.type, m.text]), body.entities.map((e) => [e.type, e.text]));
    assert.equal(await page.locator('#warning').isHidden(), true, 'no offset warning');
    assert.equal(await page.locator('#error').isHidden(), true);

    if (SCREENSHOT) {
      await page.mouse.move(0, 0);
      await page.$eval('#text-input', (t) => { t.scrollTop = 0; t.setSelectionRange(0, 0); });
      const mark = page.locator('#doc mark.ent[data-type="INSZ"]').first();
      await mark.hover();
      await page.screenshot({ path: SCREENSHOT });
    }
    assert.deepEqual(problems, []);
  });

  test('a sample is one click away and the legend hides and shows a type', async () => {
    await open();
    await analysed(() => page.click('button[data-sample="nl"]'));
    const legend = page.locator('#legend [data-legend="IBAN"]');
    assert.equal(await legend.getAttribute('aria-pressed'), 'true');
    assert.equal((await legend.locator('.count').textContent()).trim(), '1');
    const before = (await marks()).filter((m) => m.type === 'INSZ');
    assert.equal(before.length, 2);

    await page.locator('#legend [data-legend="INSZ"]').click();
    assert.equal(await page.locator('#legend [data-legend="INSZ"]').getAttribute('aria-pressed'), 'false');
    assert.equal((await page.locator('#legend [data-legend="INSZ"] .count').textContent()).trim(), '2');
    const after = await marks();
    assert.ok(after.filter((m) => m.type === 'INSZ').every((m) => m.hidden), 'INSZ highlights hidden');
    assert.ok(after.filter((m) => m.type !== 'INSZ').every((m) => !m.hidden), 'other highlights still shown');
    // Hidden marks leave the tab order.
    assert.equal(await page.locator('#doc mark.ent[data-type="INSZ"]').first().getAttribute('tabindex'), '-1');

    await page.locator('#legend [data-legend="INSZ"]').press('Enter');
    assert.ok((await marks()).every((m) => !m.hidden), 'shown again');
  });

  test('the French and German samples are found too', async () => {
    await open();
    await analysed(() => page.click('button[data-sample="fr"]'));
    assert.equal(await page.locator('#language').inputValue(), 'fr');
    assertFound(await marks(), [
      ['DATE', '1er avril 2024'], ['INSZ', '68.10.02-187.87'], ['IBAN', 'BE68 5390 0754 7034'],
      ['OGM', '+++202/4031/50113+++'], ['KBO', 'BE 0851.234.584'], ['LICENSE_PLATE', '2-XYZ-987'],
    ]);
    await analysed(() => page.click('button[data-sample="de"]'));
    assertFound(await marks(), [
      ['DATE', '14. März 2024'], ['INSZ', '91.06.21-342.11'], ['EID_CARD', '600-1234567-58'],
      ['IBAN', 'BE62 5100 0754 7061'], ['EMAIL', 'standesamt@example.be'], ['URL', 'https://www.eupen.be/buergerservice'],
    ]);
    const de = await readFile(join(samples, 'de.txt'), 'utf8');
    assert.equal(await page.$eval('#doc', (d) => d.textContent), de);
  });

  test('focusing or hovering an entity shows its type, score, recogniser and checksum', async () => {
    await open();
    await analysed(() => page.click('button[data-sample="nl"]'));
    const iban = page.locator('#doc mark.ent[data-type="IBAN"]').first();
    await iban.focus();
    const tip = page.locator('#tooltip');
    await tip.waitFor({ state: 'visible' });
    const t = await tip.textContent();
    assert.match(t, /IBAN/);
    assert.match(t, /Score/);
    assert.match(t, /Recogniser/);
    assert.match(t, /Checksum/);
    assert.equal(await iban.getAttribute('aria-describedby'), 'tooltip');
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });

    await page.locator('#doc mark.ent[data-type="INSZ"]').first().hover();
    await tip.waitFor({ state: 'visible' });
    assert.match(await tip.textContent(), /INSZ[\s\S]*Checksum/);
  });

  test('the entity table lists the entities and sorts', async () => {
    await open();
    const res = await analysed(() => page.click('button[data-sample="nl"]'));
    const body = await res.json();
    // Tabs work from the keyboard: arrow right moves to the table.
    await page.locator('#tab-doc').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('#tab-table').getAttribute('aria-selected'), 'true');
    assert.equal(await page.locator('#pane-table').isVisible(), true);
    const rows = page.locator('#entity-table tbody tr');
    assert.equal(await rows.count(), body.entities.length);

    const column = (i) => page.$$eval(`#entity-table tbody tr td:nth-child(${i})`, (tds) => tds.map((td) => td.textContent));
    await page.click('#entity-table th button[data-sort="type"]');
    const types = await column(2);
    assert.deepEqual(types, [...types].sort());
    assert.equal(await page.locator('#entity-table th:nth-child(2)').getAttribute('aria-sort'), 'ascending');
    await page.click('#entity-table th button[data-sort="type"]');
    assert.deepEqual(await column(2), [...types].sort().reverse());
    assert.equal(await page.locator('#entity-table th:nth-child(2)').getAttribute('aria-sort'), 'descending');

    await page.click('#entity-table th button[data-sort="score"]');
    const scores = (await column(4)).map(Number);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  });

  test('the JSON tab has the response, with copy and download', async () => {
    await open();
    const res = await analysed(() => page.click('button[data-sample="fr"]'));
    const body = await res.json();
    await page.click('#tab-json');
    const shown = JSON.parse(await page.locator('#json').textContent());
    assert.deepEqual(shown, body);
    assert.ok(shown.entities.some((e) => e.type === 'IBAN' && e.text === 'BE68 5390 0754 7034'));
    assert.equal(await page.locator('#json-copy').isEnabled(), true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#json-download')]);
    assert.match(download.suggestedFilename(), /^belner-.*\.json$/);
  });

  test('an uploaded Windows-1252 file is shown decoded, with its entities', async () => {
    await open();
    // é = E9, ô = F4, € = 80 in Windows-1252; CRLF line ends are kept.
    const bytes = Buffer.concat([
      Buffer.from('Geachte heer Dupr', 'latin1'), Buffer.from([0xe9]), Buffer.from(',\r\n', 'latin1'),
      Buffer.from('Bedrag: 50 ', 'latin1'), Buffer.from([0x80]), Buffer.from(' op rekening BE68 5390 0754 7034\r\n', 'latin1'),
      Buffer.from('ten name van J', 'latin1'), Buffer.from([0xe9, 0x72, 0xf4]), Buffer.from('me, INSZ 85.07.30-033.28.\r\n', 'latin1'),
    ]);
    const expected = 'Geachte heer Dupré,\r\nBedrag: 50 € op rekening BE68 5390 0754 7034\r\nten name van Jérôme, INSZ 85.07.30-033.28.\r\n';
    const res = await uploadFile('brief-1252.txt', bytes);
    assert.equal(res.status(), 200);
    const body = await res.json();
    assert.equal(body.encoding, 'windows-1252');
    assert.equal(await page.$eval('#doc', (d) => d.textContent), expected);
    assertFound(await marks(), [['IBAN', 'BE68 5390 0754 7034'], ['INSZ', '85.07.30-033.28']]);
    assert.equal(await page.locator('#warning').isHidden(), true, 'offsets match the decoded text');
    assert.match(await page.locator('#summary').textContent(), /windows-1252/);
    assert.match(await page.locator('#file-name').textContent(), /brief-1252\.txt/);
  });

  test('an uploaded UTF-16 file with a byte order mark is shown decoded', async () => {
    await open();
    const text = 'Émilie 😀 – compte : BE68 5390 0754 7034\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const res = await uploadFile('lettre-utf16.txt', bytes);
    assert.equal((await res.json()).encoding, 'utf-16le');
    assert.equal(await page.$eval('#doc', (d) => d.textContent), text);
    assertFound(await marks(), [['IBAN', 'BE68 5390 0754 7034']]);
    assert.equal(await page.locator('#warning').isHidden(), true);
  });

  test('a slow analysis shows progress and can be cancelled', async () => {
    await open();
    // Hold the request back in the browser, so that it is still running.
    await page.route('**/v1/analyze*', async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue().catch(() => {});
    });
    try {
      await page.fill('#text-input', 'Rekening BE71 0961 2345 6769.');
      await page.click('#analyze-btn');
      await page.locator('#status .spinner').waitFor({ state: 'visible' });
      await page.waitForFunction(() => /Analysing .*\d\.\d s/.test(document.querySelector('#status').textContent));
      assert.equal(await page.locator('#analyze-btn').isDisabled(), true);
      assert.equal(await page.locator('#results').getAttribute('aria-busy'), 'true');
      await page.click('#cancel-btn');
      await page.waitForFunction(() => document.querySelector('#status').textContent.includes('Cancelled'));
      assert.equal(await page.locator('#cancel-btn').isHidden(), true);
      assert.equal(await page.locator('#analyze-btn').isEnabled(), true);
      assert.equal(await page.locator('#error').isHidden(), true);
    } finally {
      await page.unroute('**/v1/analyze*');
    }
  });

  test('a file over the limit gives a clear 413 message', async () => {
    await open();
    const big = Buffer.alloc(1100 * 1024, 'Lorem ipsum dolor sit amet. ');
    const res = await uploadFile('groot.txt', big);
    assert.equal(res.status(), 413);
    const error = page.locator('#error');
    await error.waitFor({ state: 'visible' });
    const t = await error.textContent();
    assert.match(t, /too large/i);
    assert.match(t, /1 MiB/);
    assert.match(t, /payload_too_large/);
  });

  test('a file that is not text gives a clear 415 message', async () => {
    await open();
    const res = await uploadFile('scan.txt', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'));
    assert.equal(res.status(), 415);
    await page.locator('#error').waitFor({ state: 'visible' });
    assert.match(await page.locator('#error').textContent(), /not a plain-text document[\s\S]*PDF/);
  });

  test('entity type options: only ticked types are asked for; unavailable ones are explained', async () => {
    await open();
    await page.click('#options summary');
    await page.check('#type-IBAN');
    await page.check('#type-PERSON');
    await page.fill('#text-input', 'Rekening BE71 0961 2345 6769 van Lotte Vermeersch, INSZ 85.07.30-033.28.');
    const res = await analysed(() => page.click('#analyze-btn'));
    assert.match(res.url(), /entities=IBAN%2CPERSON|entities=PERSON%2CIBAN|entities=PERSON,IBAN|entities=IBAN,PERSON/);
    // Whether or not a model for PERSON is loaded, the IBAN is found, the
    // INSZ is not asked for, and nothing is an error.
    await page.waitForFunction(() => !document.querySelector('#status .spinner'));
    assert.equal(await page.locator('#error').isHidden(), true, await page.locator('#error').textContent());
    const found = await marks();
    assertFound(found, [['IBAN', 'BE71 0961 2345 6769']]);
    assert.ok(!found.some((m) => m.type === 'INSZ'));
    if (await page.locator('#type-PERSON').isDisabled()) {
      assert.match(await page.locator('#warning').textContent(), /PERSON/);
    }
  });

  test('no console errors, CSP violations or requests elsewhere', () => {
    assert.deepEqual(problems, []);
  });
});
