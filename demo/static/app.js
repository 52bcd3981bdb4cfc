// belner demo page: sends a document to POST /v1/analyze on this server and
// shows what comes back. Document text is only ever put into the page as
// text nodes (never as HTML), and goes nowhere but the local API.

const TYPES = [
  'PERSON', 'ADDRESS', 'ORGANIZATION', 'LOCATION',
  'INSZ', 'KBO', 'KBO_UNIT', 'IBAN', 'BIC', 'DATE', 'PHONE', 'EMAIL', 'URL',
  'OGM', 'EID_CARD', 'LICENSE_PLATE',
];

const DESCRIPTIONS = {
  PERSON: 'Person name',
  ADDRESS: 'Postal address',
  ORGANIZATION: 'Organisation',
  LOCATION: 'Place',
  INSZ: 'National number (INSZ/NISS)',
  KBO: 'Enterprise number (KBO/BCE)',
  KBO_UNIT: 'Establishment unit number',
  IBAN: 'Bank account (IBAN)',
  BIC: 'Bank code (BIC)',
  DATE: 'Date',
  PHONE: 'Phone number',
  EMAIL: 'E-mail address',
  URL: 'Web address',
  OGM: 'Structured payment reference (OGM/VCS)',
  EID_CARD: 'eID card number',
  LICENSE_PLATE: 'Licence plate',
};

const ERROR_TITLES = {
  400: 'The request was refused',
  404: 'The API was not found on this server',
  413: 'The document is too large',
  415: 'This is not a plain-text document',
  500: 'belner could not analyse the document',
  503: 'belner is not available right now',
};

const $ = (sel) => document.querySelector(sel);

const el = {
  form: $('#analyze-form'),
  text: $('#text-input'),
  dropzone: $('#dropzone'),
  fileInput: $('#file-input'),
  fileChip: $('#file-chip'),
  fileName: $('#file-name'),
  fileClear: $('#file-clear'),
  typeBoxes: $('#type-checkboxes'),
  threshold: $('#threshold'),
  thresholdValue: $('#threshold-value'),
  language: $('#language'),
  analyzeBtn: $('#analyze-btn'),
  cancelBtn: $('#cancel-btn'),
  status: $('#status'),
  error: $('#error'),
  warning: $('#warning'),
  results: $('#results'),
  summary: $('#summary'),
  legend: $('#legend'),
  doc: $('#doc'),
  tableBody: $('#entity-table tbody'),
  tableCount: $('#table-count'),
  json: $('#json'),
  jsonCopy: $('#json-copy'),
  jsonDownload: $('#json-download'),
  jsonStatus: $('#json-status'),
  tooltip: $('#tooltip'),
};

const state = {
  file: null, // the File to upload, or null to send the textarea
  response: null, // the last successful response
  text: '', // the decoded text the last response's offsets index
  source: '', // a name for the last analysed document
  hidden: new Set(), // types hidden in the legend
  unavailable: new Set(), // types the server said it cannot find
  sort: { key: 'start', dir: 1 },
  controller: null, // AbortController of the request in flight
  timer: 0,
};

// ---------- small helpers ----------

function node(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function formatBytes(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

function formatScore(s) {
  return typeof s === 'number' ? s.toFixed(2) : '';
}

function plural(n, one, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

// ---------- options ----------

function buildTypeCheckboxes() {
  for (const t of TYPES) {
    const box = node('input', { type: 'checkbox', name: 'entities', value: t, id: `type-${t}` });
    const label = node('label', { for: `type-${t}`, title: DESCRIPTIONS[t] },
      box, node('span', { class: 'swatch', dataset: { type: t }, 'aria-hidden': 'true' }), t);
    el.typeBoxes.append(label);
  }
  $('#types-all').addEventListener('click', () => setAllTypes(true));
  $('#types-none').addEventListener('click', () => setAllTypes(false));
}

function setAllTypes(on) {
  for (const box of el.typeBoxes.querySelectorAll('input')) {
    if (!box.disabled) box.checked = on;
  }
}

function selectedTypes() {
  return [...el.typeBoxes.querySelectorAll('input:checked')]
    .map((b) => b.value)
    .filter((t) => !state.unavailable.has(t));
}

function markUnavailable(types) {
  for (const t of types) {
    state.unavailable.add(t);
    const box = document.getElementById(`type-${t}`);
    if (!box) continue;
    box.checked = false;
    box.disabled = true;
    box.parentElement.classList.add('unavailable');
    box.parentElement.title = `${DESCRIPTIONS[t]}: not available on this server`;
  }
}

// ---------- input: text, file, samples ----------

function setFile(file) {
  if (!file) return;
  state.file = file;
  el.fileName.textContent = `${file.name} (${formatBytes(file.size)})`;
  el.fileChip.hidden = false;
  el.text.disabled = true;
  el.text.setAttribute('aria-disabled', 'true');
}

function clearFile() {
  state.file = null;
  el.fileInput.value = '';
  el.fileChip.hidden = true;
  el.text.disabled = false;
  el.text.removeAttribute('aria-disabled');
}

async function loadSample(lang) {
  clearError();
  try {
    const res = await fetch(`samples/${lang}.txt`, { cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    clearFile();
    el.text.value = text;
    el.language.value = lang;
    await analyze(`${lang.toUpperCase()} sample`);
  } catch (err) {
    showError('The sample could not be loaded', String(err.message || err));
  }
}

function setupInput() {
  el.fileInput.addEventListener('change', () => {
    if (el.fileInput.files.length) {
      setFile(el.fileInput.files[0]);
      analyze();
    }
  });
  el.fileClear.addEventListener('click', () => {
    clearFile();
    el.text.focus();
  });
  for (const b of document.querySelectorAll('[data-sample]')) {
    b.addEventListener('click', () => loadSample(b.dataset.sample));
  }
  // Dropping a file anywhere outside the drop zone must not navigate away.
  for (const ev of ['dragover', 'drop']) {
    window.addEventListener(ev, (e) => e.preventDefault());
  }
  el.dropzone.addEventListener('dragover', (e) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    el.dropzone.classList.add('dragover');
  });
  el.dropzone.addEventListener('dragleave', (e) => {
    if (!el.dropzone.contains(e.relatedTarget)) el.dropzone.classList.remove('dragover');
  });
  el.dropzone.addEventListener('drop', (e) => {
    e.preventDefault();
    el.dropzone.classList.remove('dragover');
    const file = e.dataTransfer.files && e.dataTransfer.files[0];
    if (file) {
      setFile(file);
      analyze();
    }
  });
  el.form.addEventListener('submit', (e) => {
    e.preventDefault();
    analyze();
  });
  el.text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      analyze();
    }
  });
  el.cancelBtn.addEventListener('click', () => {
    if (state.controller) state.controller.abort();
  });
  el.threshold.addEventListener('input', () => {
    el.thresholdValue.textContent = Number(el.threshold.value).toFixed(2);
  });
}

// ---------- the request ----------

function startProgress(what) {
  const started = performance.now();
  const label = node('span', {}, '');
  el.status.replaceChildren(node('span', { class: 'spinner', 'aria-hidden': 'true' }), label);
  const tick = () => {
    const s = (performance.now() - started) / 1000;
    label.textContent = `Analysing ${what}… ${s.toFixed(1)} s`;
  };
  tick();
  clearInterval(state.timer);
  state.timer = setInterval(tick, 100);
  el.results.setAttribute('aria-busy', 'true');
  el.analyzeBtn.disabled = true;
  el.cancelBtn.hidden = false;
  return started;
}

function stopProgress(message) {
  clearInterval(state.timer);
  state.timer = 0;
  el.status.replaceChildren(message ? node('span', {}, message) : '');
  el.results.removeAttribute('aria-busy');
  el.analyzeBtn.disabled = false;
  el.cancelBtn.hidden = true;
}

function clearError() {
  el.error.hidden = true;
  el.error.replaceChildren();
}

function showError(title, message, code) {
  el.error.replaceChildren(
    node('strong', {}, title),
    message ? node('p', {}, message) : null,
    code ? node('p', {}, 'Error code: ', node('code', {}, code)) : null,
  );
  el.error.hidden = false;
  const r = el.error.getBoundingClientRect();
  if (r.top < 0 || r.bottom > window.innerHeight) el.error.scrollIntoView({ block: 'nearest' });
}

// clearResults empties the result views, so that an error is never read as
// belonging to the previous document's entities.
function clearResults(message) {
  state.response = null;
  state.text = '';
  el.summary.textContent = message;
  el.legend.replaceChildren();
  el.doc.classList.add('empty');
  el.doc.replaceChildren(message);
  el.tableBody.replaceChildren();
  el.tableCount.textContent = '';
  el.json.textContent = '';
  el.jsonCopy.disabled = true;
  el.jsonDownload.disabled = true;
  el.jsonStatus.textContent = '';
  showWarning([]);
}

function showWarning(lines) {
  if (!lines.length) {
    el.warning.hidden = true;
    el.warning.replaceChildren();
    return;
  }
  el.warning.replaceChildren(...lines.map((l, i) => (i === 0 ? node('strong', {}, l) : node('p', {}, l))));
  el.warning.hidden = false;
}

// send posts the document once and returns {status, body}; body is the
// parsed JSON, or null when the answer was not JSON.
async function send(types, signal) {
  const params = new URLSearchParams();
  if (types.length) params.set('entities', types.join(','));
  params.set('score_threshold', String(Number(el.threshold.value)));
  if (el.language.value) params.set('language', el.language.value);
  params.set('explain', 'true');
  let body;
  const headers = {};
  if (state.file) {
    body = new FormData();
    body.append('file', state.file, state.file.name);
  } else {
    body = el.text.value;
    headers['Content-Type'] = 'text/plain; charset=utf-8';
  }
  const res = await fetch(`v1/analyze?${params}`, { method: 'POST', body, headers, signal });
  let json = null;
  try {
    json = await res.json();
  } catch {
    json = null;
  }
  return { status: res.status, ok: res.ok, body: json };
}

// unavailableFrom reads the types named in a 400 unavailable_entity_type
// message: "... (available: [INSZ KBO ...])".
function availableFrom(message) {
  const m = /\(available: \[([^\]]*)\]\)/.exec(message || '');
  return m ? m[1].split(/\s+/).filter(Boolean) : null;
}

async function analyze(sourceName) {
  if (state.controller) state.controller.abort();
  clearError();
  hideTooltip();
  const file = state.file;
  const text = el.text.value;
  if (!file && !text.trim()) {
    showError('Nothing to analyse', 'Paste a document, choose a .txt file or pick a sample.');
    el.text.focus();
    return;
  }
  const size = file ? file.size : new TextEncoder().encode(text).length;
  const source = file ? file.name : sourceName || 'pasted text';
  const controller = new AbortController();
  state.controller = controller;
  const started = startProgress(`${source} (${formatBytes(size)})`);
  const notes = [];
  try {
    let types = selectedTypes();
    let res = await send(types, controller.signal);
    const err = res.body && res.body.error;
    if (res.status === 400 && err && err.code === 'unavailable_entity_type') {
      const available = availableFrom(err.message);
      if (available) {
        const missing = TYPES.filter((t) => !available.includes(t));
        markUnavailable(missing);
        const asked = types.filter((t) => missing.includes(t));
        types = types.filter((t) => available.includes(t));
        notes.push(`Not available on this server: ${asked.join(', ')} ` +
          `(no loaded recogniser finds ${asked.length === 1 ? 'it' : 'them'}).` +
          (types.length ? ' The other ticked types were analysed.' : ''));
        if (types.length) res = await send(types, controller.signal);
      }
    }
    if (!res.ok) {
      const e = (res.body && res.body.error) || {};
      let title = ERROR_TITLES[res.status] || `The server answered HTTP ${res.status}`;
      let message = e.message ? e.message.charAt(0).toUpperCase() + e.message.slice(1) : `HTTP status ${res.status}.`;
      if (e.code === 'unavailable_entity_type' && notes.length) {
        title = 'None of the ticked entity types is available';
        message = `${notes[0]} Untick them, or tick none to get every available type.`;
      }
      if (res.status === 413) message += '. Split the document, or ask the administrator to raise belner\'s -max-bytes.';
      stopProgress(`Failed after ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      clearResults('No result: the server refused the request.');
      showError(title, message, e.code);
      return;
    }
    const resp = res.body;
    const display = file ? await decodeFile(file, resp.encoding, notes) : stripBOM(text);
    const ms = performance.now() - started;
    stopProgress(`Done in ${(ms / 1000).toFixed(2)} s.`);
    render(resp, display, source, notes, types);
  } catch (err) {
    if (err && err.name === 'AbortError') {
      if (state.controller === controller) stopProgress('Cancelled.');
      return;
    }
    stopProgress('');
    clearResults('No result.');
    showError('Could not reach belner',
      `The request failed before an answer came back (${err && err.message ? err.message : err}). ` +
      'Is the server still running? A document over the size limit can also make the server close the connection.');
  } finally {
    if (state.controller === controller) state.controller = null;
  }
}

function stripBOM(s) {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

// decodeFile decodes the file the way the server did, from the encoding it
// reports, so that the UTF-16 offsets index the string shown. TextDecoder
// drops a byte order mark, as the server does.
async function decodeFile(file, encoding, notes) {
  const buf = await file.arrayBuffer();
  const labels = { 'utf-8': 'utf-8', 'windows-1252': 'windows-1252', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be' };
  let label = labels[String(encoding || '').toLowerCase()];
  if (!label) {
    notes.push(`The server reports the encoding "${encoding}", which this page does not know; the file is shown as UTF-8.`);
    label = 'utf-8';
  }
  return new TextDecoder(label).decode(buf);
}

// ---------- rendering ----------

function render(resp, text, source, notes, types = []) {
  state.response = resp;
  state.text = text;
  state.source = source;
  const entities = Array.isArray(resp.entities) ? resp.entities : [];

  // Every entity's text must be the slice its UTF-16 offsets name in the
  // text shown: otherwise the highlights would be in the wrong places.
  const mismatched = entities.filter((e) => text.slice(e.start_utf16, e.end_utf16) !== e.text);
  if (typeof resp.length_utf16 === 'number' && resp.length_utf16 !== text.length) {
    notes.push(`The server analysed ${plural(resp.length_utf16, 'UTF-16 unit', 'UTF-16 units')} but the page decoded ${text.length}: the text shown may differ from what was analysed.`);
  }
  if (mismatched.length) {
    notes.push(`${plural(mismatched.length, 'entity does', 'entities do')} not match the text shown at ` +
      `${mismatched.length === 1 ? 'its' : 'their'} offsets (first: ${mismatched[0].type} at ${mismatched[0].start_utf16}); ` +
      'the highlighting may be misplaced.');
  }
  const warnings = notes.length ? ['Check the result', ...notes] : [];

  const counts = new Map();
  for (const e of entities) counts.set(e.type, (counts.get(e.type) || 0) + 1);

  renderDocument(entities, text, warnings);
  renderLegend(counts);
  renderTable();
  renderJSON(resp);
  showWarning(warnings);

  const enc = resp.encoding ? `, ${resp.encoding}` : '';
  el.summary.textContent = `${plural(entities.length, 'entity', 'entities')} in ${source} ` +
    `(${plural(resp.length ?? text.length, 'character', 'characters')}${enc})` +
    (types.length ? `; only ${types.join(', ')} asked for.` : '.');
  el.tableCount.textContent = `(${entities.length})`;
  applyHidden();
}

function renderDocument(entities, text, warnings) {
  const frag = document.createDocumentFragment();
  let pos = 0;
  let skipped = 0;
  entities.forEach((e, i) => {
    const s = e.start_utf16;
    const end = e.end_utf16;
    if (!(s >= pos && end > s && end <= text.length)) {
      skipped++;
      return;
    }
    if (s > pos) frag.append(document.createTextNode(text.slice(pos, s)));
    const mark = node('mark', { class: 'ent', tabindex: '0', dataset: { type: e.type, i: String(i) } }, text.slice(s, end));
    frag.append(mark);
    pos = end;
  });
  if (pos < text.length) frag.append(document.createTextNode(text.slice(pos)));
  if (skipped) {
    warnings.push(`${plural(skipped, 'entity overlaps', 'entities overlap')} another or lie outside the text and ${skipped === 1 ? 'is' : 'are'} not highlighted (see the table).`);
    if (warnings[0] !== 'Check the result') warnings.unshift('Check the result');
  }
  el.doc.classList.toggle('empty', text.length === 0);
  el.doc.replaceChildren(text.length ? frag : 'The document is empty.');
}

function renderLegend(counts) {
  const types = [...TYPES, ...[...counts.keys()].filter((t) => !TYPES.includes(t))];
  el.legend.replaceChildren(...types.map((t) => {
    const n = counts.get(t) || 0;
    const shown = !state.hidden.has(t);
    return node('button', {
      type: 'button',
      class: 'legend-item',
      'data-legend': t,
      'aria-pressed': shown ? 'true' : 'false',
      'aria-label': `${t}, ${DESCRIPTIONS[t] || t}: ${plural(n, 'entity', 'entities')}, ${shown ? 'shown' : 'hidden'}`,
      title: `${DESCRIPTIONS[t] || t}: press to ${shown ? 'hide' : 'show'}`,
      disabled: n === 0,
    },
    node('span', { class: 'swatch', dataset: { type: t }, 'aria-hidden': 'true' }),
    node('span', { class: 'type-name' }, t),
    node('span', { class: 'count' }, String(n)));
  }));
}

function toggleType(t) {
  if (state.hidden.has(t)) state.hidden.delete(t);
  else state.hidden.add(t);
  applyHidden();
}

function applyHidden() {
  for (const m of el.doc.querySelectorAll('mark.ent')) {
    const hidden = state.hidden.has(m.dataset.type);
    m.classList.toggle('is-hidden', hidden);
    m.tabIndex = hidden ? -1 : 0;
  }
  for (const r of el.tableBody.rows) r.classList.toggle('is-hidden', state.hidden.has(r.dataset.etype));
  for (const b of el.legend.querySelectorAll('[data-legend]')) {
    const t = b.dataset.legend;
    const shown = !state.hidden.has(t);
    b.setAttribute('aria-pressed', shown ? 'true' : 'false');
    const n = b.querySelector('.count').textContent;
    b.setAttribute('aria-label', `${t}, ${DESCRIPTIONS[t] || t}: ${n} found, ${shown ? 'shown' : 'hidden'}`);
    b.title = `${DESCRIPTIONS[t] || t}: press to ${shown ? 'hide' : 'show'}`;
  }
  if (state.response) {
    const total = state.response.entities.length;
    const visible = state.response.entities.filter((e) => !state.hidden.has(e.type)).length;
    el.tableCount.textContent = visible === total ? `(${total})` : `(${visible} of ${total})`;
  }
}

const SORTERS = {
  start: (a, b) => a.e.start - b.e.start,
  type: (a, b) => a.e.type.localeCompare(b.e.type) || a.e.start - b.e.start,
  text: (a, b) => a.e.text.localeCompare(b.e.text, undefined, { sensitivity: 'base', numeric: true }) || a.e.start - b.e.start,
  score: (a, b) => a.e.score - b.e.score || a.e.start - b.e.start,
  recognizer: (a, b) => String(a.e.recognizer).localeCompare(String(b.e.recognizer)) || a.e.start - b.e.start,
};

function renderTable() {
  if (!state.response) return;
  const { key, dir } = state.sort;
  const rows = state.response.entities.map((e, i) => ({ e, i }));
  rows.sort((a, b) => dir * SORTERS[key](a, b));
  el.tableBody.replaceChildren(...rows.map(({ e, i }) => node('tr', { dataset: { etype: e.type, i: String(i) } },
    node('td', { class: 'num', title: `UTF-16: ${e.start_utf16}–${e.end_utf16}` }, `${e.start}–${e.end}`),
    node('td', {}, node('span', { class: 'type-chip', dataset: { type: e.type } }, e.type)),
    node('td', { class: 'text' }, node('button', { type: 'button', 'data-goto': String(i), title: 'Show in the document' }, e.text)),
    node('td', { class: 'num' }, formatScore(e.score)),
    node('td', {}, e.recognizer || ''))));
  for (const th of document.querySelectorAll('#entity-table th')) {
    const k = th.querySelector('button').dataset.sort;
    th.setAttribute('aria-sort', k === key ? (dir > 0 ? 'ascending' : 'descending') : 'none');
  }
  applyHidden();
}

function renderJSON(resp) {
  el.json.textContent = JSON.stringify(resp, null, 2);
  el.jsonCopy.disabled = false;
  el.jsonDownload.disabled = false;
  el.jsonStatus.textContent = '';
}

function setupResults() {
  el.legend.addEventListener('click', (e) => {
    const b = e.target.closest('[data-legend]');
    if (b) toggleType(b.dataset.legend);
  });
  for (const b of document.querySelectorAll('#entity-table th button')) {
    b.addEventListener('click', () => {
      const key = b.dataset.sort;
      state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : (key === 'score' ? -1 : 1) };
      renderTable();
    });
  }
  el.tableBody.addEventListener('click', (e) => {
    const b = e.target.closest('[data-goto]');
    if (!b) return;
    const mark = el.doc.querySelector(`mark.ent[data-i="${b.dataset.goto}"]`);
    if (!mark) return;
    if (state.hidden.has(mark.dataset.type)) toggleType(mark.dataset.type);
    selectTab($('#tab-doc'));
    mark.scrollIntoView({ block: 'center' });
    mark.focus();
    mark.classList.remove('flash');
    void mark.offsetWidth; // restart the animation
    mark.classList.add('flash');
  });
  el.jsonCopy.addEventListener('click', copyJSON);
  el.jsonDownload.addEventListener('click', downloadJSON);
}

async function copyJSON() {
  const text = el.json.textContent;
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
    } else {
      const range = document.createRange();
      range.selectNodeContents(el.json);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      if (!document.execCommand('copy')) throw new Error('copy refused');
      sel.removeAllRanges();
    }
    el.jsonStatus.textContent = 'Copied to the clipboard.';
  } catch {
    el.jsonStatus.textContent = 'Copying was refused by the browser: select the text and copy it by hand.';
  }
}

function downloadJSON() {
  const blob = new Blob([el.json.textContent], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const base = (state.source || 'document').replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-');
  const a = node('a', { href: url, download: `belner-${base}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  el.jsonStatus.textContent = 'Download started.';
}

// ---------- tabs ----------

function selectTab(tab) {
  for (const t of document.querySelectorAll('[role=tab]')) {
    const on = t === tab;
    t.setAttribute('aria-selected', on ? 'true' : 'false');
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
  }
  hideTooltip();
}

function setupTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  for (const t of tabs) {
    t.addEventListener('click', () => selectTab(t));
    t.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(t);
      let next = null;
      if (e.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
      else if (e.key === 'ArrowLeft') next = tabs[(i - 1 + tabs.length) % tabs.length];
      else if (e.key === 'Home') next = tabs[0];
      else if (e.key === 'End') next = tabs[tabs.length - 1];
      if (next) {
        e.preventDefault();
        selectTab(next);
        next.focus();
      }
    });
  }
}

// ---------- tooltip ----------

let tooltipFor = null;

function showTooltip(mark) {
  const e = state.response && state.response.entities[Number(mark.dataset.i)];
  if (!e || mark.classList.contains('is-hidden')) return;
  const x = e.explanation || {};
  const rows = [
    ['Score', x.base_score && x.base_score !== e.score ? `${formatScore(e.score)} (base ${formatScore(x.base_score)})` : formatScore(e.score)],
    ['Recogniser', e.recognizer],
    x.checksum ? ['Checksum', node('span', { class: 'ok' }, `✓ ${x.checksum}`)] : null,
    x.context_word ? ['Context word', `“${x.context_word}”`] : null,
    x.pattern ? ['Pattern', x.pattern] : null,
    x.notes && x.notes.length ? ['Notes', x.notes.join('; ')] : null,
    ['Position', `${e.start}–${e.end}`],
  ].filter(Boolean);
  const shown = e.text.length > 120 ? `${e.text.slice(0, 120)}…` : e.text;
  el.tooltip.replaceChildren(
    node('span', { class: 'tt-type', dataset: { type: e.type } }, e.type),
    ' ', DESCRIPTIONS[e.type] || '',
    node('div', { class: 'tt-text' }, shown),
    node('dl', {}, ...rows.flatMap(([k, v]) => [node('dt', {}, k), node('dd', {}, v)])),
  );
  el.tooltip.hidden = false;
  if (tooltipFor && tooltipFor !== mark) {
    tooltipFor.classList.remove('active');
    tooltipFor.removeAttribute('aria-describedby');
  }
  tooltipFor = mark;
  mark.classList.add('active');
  mark.setAttribute('aria-describedby', 'tooltip');
  positionTooltip(mark);
}

function positionTooltip(mark) {
  const r = mark.getClientRects()[0] || mark.getBoundingClientRect();
  const tt = el.tooltip.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  let left = Math.min(Math.max(8, r.left), vw - tt.width - 8);
  let top = r.bottom + 6;
  if (top + tt.height > window.innerHeight - 8 && r.top - tt.height - 6 > 8) top = r.top - tt.height - 6;
  left = Math.max(8, left);
  el.tooltip.style.left = `${left + window.scrollX}px`;
  el.tooltip.style.top = `${top + window.scrollY}px`;
}

function hideTooltip() {
  el.tooltip.hidden = true;
  if (tooltipFor) {
    tooltipFor.classList.remove('active');
    tooltipFor.removeAttribute('aria-describedby');
    tooltipFor = null;
  }
}

function setupTooltip() {
  const markOf = (e) => (e.target instanceof Element ? e.target.closest('mark.ent') : null);
  el.doc.addEventListener('mouseover', (e) => {
    const m = markOf(e);
    if (m) showTooltip(m);
  });
  el.doc.addEventListener('mouseout', (e) => {
    const m = markOf(e);
    if (m && m === tooltipFor && !m.contains(e.relatedTarget) && document.activeElement !== m) hideTooltip();
  });
  el.doc.addEventListener('focusin', (e) => {
    const m = markOf(e);
    if (m) showTooltip(m);
  });
  el.doc.addEventListener('focusout', (e) => {
    if (markOf(e) === tooltipFor) hideTooltip();
  });
  // Focusing a mark may scroll the document to it: the tooltip follows its
  // mark, and goes when the mark leaves the visible part of the document.
  el.doc.addEventListener('scroll', () => {
    if (!tooltipFor) return;
    const r = tooltipFor.getBoundingClientRect();
    const box = el.doc.getBoundingClientRect();
    if (r.bottom < box.top || r.top > box.bottom) hideTooltip();
    else positionTooltip(tooltipFor);
  }, { passive: true });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hideTooltip();
  });
  window.addEventListener('resize', hideTooltip);
}

// ---------- start ----------

buildTypeCheckboxes();
setupInput();
setupResults();
setupTabs();
setupTooltip();
document.documentElement.dataset.ready = 'true';
