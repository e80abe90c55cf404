extension DocsPage {
    /// The page's script: fetches the OpenAPI document beside the page (`…/docs` for `…/docs/ui`),
    /// renders it, and sends "try it" requests to the same origin and prefix the page came from.
    /// Every text from the document goes through `textContent`, never `innerHTML`. Stable hooks for
    /// tests: `body[data-state]` (`loading`, `ready`, `failed`), `[data-op="GET /me"]` per
    /// operation, `[data-group]`, `#search`, `#api-key`, `#auth-mode`, and inside an operation
    /// `[data-send]`, `[data-result-status]`, `[data-result-body]`, `[data-result-headers]`.
    static let script = #"""
'use strict';
(function () {
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const KEY_STORE = 'calapi-docs-key';
const prefix = location.pathname.replace(/\/+$/, '').replace(/\/docs\/ui$/, '');
const docURL = prefix + '/docs';
const apiBase = /\/v\d+$/.test(prefix) ? prefix : prefix + '/v1';
let doc = {};
let operations = [];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}
const $ = (selector) => document.querySelector(selector);

/* Text with `code` spans and blank-line paragraphs: the only markup descriptions get. */
const inline = (text) => String(text).split('`').map((part, i) => (i % 2 ? el('code', { text: part }) : part));
function prose(text, cls) {
  if (!text) return null;
  return String(text).split(/\n\s*\n/).map((para) => el('p', { class: cls }, inline(para)));
}

function resolve(ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
  return ref.slice(2).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => (node == null ? undefined : node[key]), doc);
}
function deref(value) {
  for (let hops = 0; value && value.$ref && hops < 32; hops++) value = resolve(value.$ref) || {};
  return value || {};
}
const refName = (ref) => ref.split('/').pop();

/* ---------- schemas ---------- */
function typeText(s) {
  if (!s || typeof s !== 'object') return 'any';
  if (s.$ref) return refName(s.$ref) + (s.nullable ? ' | null' : '');
  const union = s.oneOf || s.anyOf;
  if (union) return union.map(typeText).join(' | ') + (s.nullable ? ' | null' : '');
  if (s.allOf) return s.allOf.map(typeText).join(' & ');
  let text = s.type || (s.properties ? 'object' : s.enum ? 'enum' : 'any');
  if (text === 'array') {
    const item = typeText(s.items);
    text = (/[|& ]/.test(item) ? '(' + item + ')' : item) + '[]';
  }
  if (s.format) text += ' <' + s.format + '>';
  if (s.nullable) text += ' | null';
  return text;
}
function typeNode(s) {
  if (s && s.$ref && resolve(s.$ref)) {
    return el('a', { class: 'type', href: '#schema-' + refName(s.$ref), text: typeText(s) });
  }
  return el('span', { class: 'type', text: typeText(s) });
}
function rules(s) {
  const list = [];
  const show = (v) => JSON.stringify(v);
  if (!s || typeof s !== 'object') return list;
  if (s.enum) list.push('one of ' + (s.enum.length > 24 ? s.enum.slice(0, 8).map(show).join(', ') + ', … (' + s.enum.length + ' values)' : s.enum.map(show).join(', ')));
  if (s.const !== undefined) list.push('= ' + show(s.const));
  if (s.minimum !== undefined) list.push((s.exclusiveMinimum === true ? '> ' : '≥ ') + s.minimum);
  if (typeof s.exclusiveMinimum === 'number') list.push('> ' + s.exclusiveMinimum);
  if (s.maximum !== undefined) list.push((s.exclusiveMaximum === true ? '< ' : '≤ ') + s.maximum);
  if (typeof s.exclusiveMaximum === 'number') list.push('< ' + s.exclusiveMaximum);
  if (s.minLength !== undefined) list.push('length ≥ ' + s.minLength);
  if (s.maxLength !== undefined) list.push('length ≤ ' + s.maxLength);
  if (s.minItems !== undefined) list.push('items ≥ ' + s.minItems);
  if (s.maxItems !== undefined) list.push('items ≤ ' + s.maxItems);
  if (s.pattern) list.push('pattern ' + s.pattern);
  if (s.default !== undefined) list.push('default ' + show(s.default));
  if (s.additionalProperties === false) list.push('no other properties');
  if (s.readOnly) list.push('read-only');
  if (s.deprecated) list.push('deprecated');
  return list.map((text) => el('span', { class: 'rule', text }));
}
/* What a schema holds below its type line: properties, items or variants; null for a leaf. */
function members(schema, seen) {
  if (!schema || typeof schema !== 'object') return null;
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return null;
    seen = new Set(seen).add(schema.$ref);
    schema = deref(schema);
  }
  if (schema.items) {
    const item = schema.items;
    const inner = members(item, seen);
    return inner ? el('div', { class: 'desc' }, 'each item: ', typeNode(item), inner) : null;
  }
  const variants = schema.oneOf || schema.anyOf || schema.allOf;
  if (variants) {
    const word = schema.allOf ? 'all of' : schema.oneOf ? 'one of' : 'any of';
    return el('div', { class: 'desc' }, word + ':',
      el('ul', null, variants.map((v) => el('li', null, typeNode(v), rules(deref(v)), members(v, seen)))));
  }
  const rows = [];
  const required = new Set(schema.required || []);
  for (const [name, prop] of Object.entries(schema.properties || {})) {
    const target = deref(prop);
    const head = [el('code', { class: 'name', text: name }), required.has(name) ? el('span', { class: 'req', text: 'required' }) : null,
      ' ', typeNode(prop), ' ', rules(prop.$ref ? target : prop)];
    const description = prop.description || (prop.$ref ? null : target.description);
    const inner = members(prop, seen);
    rows.push(el('li', { 'data-prop': name }, inner
      ? el('details', null, el('summary', null, head), prose(description, 'desc'), inner)
      : [head, prose(description, 'desc')]));
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    rows.push(el('li', null, el('code', { class: 'name', text: '*' }), ' ', typeNode(schema.additionalProperties),
      el('span', { class: 'desc', text: ' (any other property)' })));
  }
  return rows.length ? el('ul', null, rows) : null;
}
/* A schema's type line (left out where a heading already shows it) and what it holds. */
function schemaView(schema, typeShown) {
  return el('div', { class: 'schema' },
    typeShown ? null : el('div', null, typeNode(schema), ' ', rules(schema.$ref ? deref(schema) : schema)),
    members(schema, new Set()));
}

/* ---------- JSON ---------- */
function jsonView(value, indent) {
  indent = indent || '';
  if (value === null || typeof value === 'boolean') return el('span', { class: 'j-lit', text: String(value) });
  if (typeof value === 'number') return el('span', { class: 'j-num', text: String(value) });
  if (typeof value === 'string') return el('span', { class: 'j-str', text: JSON.stringify(value) });
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return ['[\n', value.map((v, i) => [inner, jsonView(v, inner), i < value.length - 1 ? ',\n' : '\n']), indent + ']'];
  }
  const entries = Object.entries(value);
  if (!entries.length) return '{}';
  return ['{\n', entries.map(([k, v], i) => [inner, el('span', { class: 'j-key', text: JSON.stringify(k) }), ': ',
    jsonView(v, inner), i < entries.length - 1 ? ',\n' : '\n']), indent + '}'];
}
const pre = (value, attrs) => el('pre', attrs, el('code', null, jsonView(value)));

function exampleOf(media, schema) {
  if (media && media.example !== undefined) return media.example;
  if (media && media.examples) {
    const first = Object.values(media.examples)[0];
    if (first && first.value !== undefined) return first.value;
  }
  const target = deref(schema);
  return target.example;
}
/* A starting body for "try it": the example, else the required properties with plain values. */
function sample(schema, depth) {
  const s = deref(schema);
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  if ((s.oneOf || s.anyOf) && depth < 4) return sample((s.oneOf || s.anyOf)[0], depth + 1);
  switch (s.type) {
    case 'integer': case 'number': return s.minimum !== undefined ? s.minimum : 1;
    case 'boolean': return false;
    case 'array': return depth < 4 && s.minItems ? [sample(s.items, depth + 1)] : [];
    case 'string':
      if (s.format === 'date-time') return new Date(Date.now() + 86400000).toISOString().replace(/\.\d+Z$/, 'Z');
      if (s.format === 'date') return new Date().toISOString().slice(0, 10);
      if (s.format === 'email') return 'someone@example.com';
      if (s.format === 'timezone') return 'Europe/London';
      return '';
  }
  if (s.properties || s.type === 'object') {
    const body = {};
    if (depth < 4) for (const name of s.required || []) body[name] = sample((s.properties || {})[name], depth + 1);
    return body;
  }
  return null;
}

/* ---------- operations ---------- */
function collect() {
  const list = [];
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = (op.tags && op.tags[0]) || path.split('/')[1] || 'other';
      const params = [...(item.parameters || []), ...(op.parameters || [])].map(deref);
      const id = 'op-' + method + '-' + path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
      const text = [method, path, tag, op.summary, op.description, op.operationId].join(' ').toLowerCase();
      list.push({ method: method.toUpperCase(), path, op, tag, params, id, text });
    }
  }
  return list;
}

function parameterTable(params) {
  return el('table', null, el('thead', null, el('tr', null, ['Name', 'In', 'Type', 'Rules'].map((h) => el('th', { text: h })))),
    el('tbody', null, params.map((p) => el('tr', null,
      el('td', null, el('code', { class: 'name', text: p.name }), p.required ? el('span', { class: 'req', text: 'required' }) : null),
      el('td', { text: p.in }), el('td', null, typeNode(p.schema)),
      el('td', null, rules(deref(p.schema)), prose(p.description || deref(p.schema).description, 'desc'))))));
}

/* One line per status (the description's first paragraph and the type); the rest unfolds. */
function responsesView(responses) {
  return Object.entries(responses || {}).map(([status, raw]) => {
    const answer = deref(raw);
    const media = answer.content && (answer.content['application/json'] || Object.values(answer.content)[0]);
    const example = media ? exampleOf(media, media.schema) : undefined;
    const headers = Object.keys(answer.headers || {});
    const [first, ...rest] = String(answer.description || '').split(/\n\s*\n/);
    return el('details', { class: 'resp', 'data-status': status, open: status[0] === '2' },
      el('summary', null, el('span', { class: 'status s' + status[0], text: status }), inline(first), ' ',
        media && media.schema ? typeNode(media.schema) : null),
      rest.length ? prose(rest.join('\n\n'), 'desc') : null,
      headers.length ? el('div', { class: 'desc' }, 'headers: ', headers.map((h) => el('code', { text: h }))) : null,
      media && media.schema ? schemaView(media.schema, true) : null,
      example !== undefined ? [el('div', { class: 'desc', text: 'example' }), pre(example)] : null);
  });
}

function operationBody(o) {
  const body = o.op.requestBody && deref(o.op.requestBody);
  const media = body && body.content && (body.content['application/json'] || Object.values(body.content)[0]);
  const example = media ? exampleOf(media, media.schema) : undefined;
  return [
    prose(o.op.description),
    o.params.length ? [el('h3', { text: 'Parameters' }), parameterTable(o.params)] : null,
    media ? [el('h3', { text: 'Request body' + (body.required ? ' (required, JSON)' : ' (JSON)') }), schemaView(media.schema),
      example !== undefined ? [el('div', { class: 'desc', text: 'example' }), pre(example)] : null] : null,
    el('h3', { text: 'Responses' }), responsesView(o.op.responses),
    el('h3', { text: 'Try it' }), tryForm(o, media, example),
  ];
}

/* ---------- try it ---------- */
function tryForm(o, media, example) {
  const inputs = o.params.filter((p) => p.in === 'path' || p.in === 'query').map((p) => {
    const s = deref(p.schema);
    const attrs = { 'data-param': p.name, 'data-in': p.in, required: p.in === 'path' };
    const field = s.enum
      ? el('select', attrs, el('option', { value: '', text: '' }), s.enum.map((v) => el('option', { value: String(v), text: String(v) })))
      : el('input', Object.assign(attrs, { type: 'text', autocomplete: 'off', spellcheck: 'false',
        placeholder: s.example !== undefined ? String(s.example) : s.default !== undefined ? String(s.default) : typeText(s) }));
    return el('label', null, p.name + ' (' + p.in + (p.required ? ', required' : '') + ')', field);
  });
  const start = media ? (example !== undefined ? example : sample(media.schema, 0)) : undefined;
  const textarea = media ? el('textarea', { 'data-body': '', spellcheck: 'false', 'aria-label': 'Request body (JSON)' }) : null;
  if (textarea) textarea.value = JSON.stringify(start, null, 2);
  const button = el('button', { type: 'submit', 'data-send': '', text: 'Send ' + o.method });
  const result = el('div', { class: 'result', 'data-result': '', hidden: true });
  const form = el('form', { class: 'try' },
    inputs.length ? el('div', { class: 'fields' }, inputs) : null,
    textarea ? el('label', { class: 'hint' }, 'Request body (JSON)', textarea) : null,
    el('div', { class: 'actions' }, button, el('span', { class: 'hint', text: 'Sent from this page to ' + location.host + apiBase + o.path + ' with the API key above.' })),
    result);
  form.addEventListener('submit', (event) => { event.preventDefault(); send(o, form, button, result); });
  return form;
}

async function send(o, form, button, result) {
  const query = new URLSearchParams();
  let path = o.path;
  for (const field of form.querySelectorAll('[data-param]')) {
    const value = field.value.trim();
    if (field.dataset.in === 'path') path = path.replace('{' + field.dataset.param + '}', encodeURIComponent(value));
    else if (value !== '') query.append(field.dataset.param, value);
  }
  const key = $('#api-key').value.trim();
  const headers = { Accept: 'application/json' };
  if (key && $('#auth-mode').value === 'query') query.append('apiKey', key);
  else if (key) headers.Authorization = 'Bearer ' + key;
  const init = { method: o.method, headers, cache: 'no-store', credentials: 'omit', redirect: 'manual' };
  const textarea = form.querySelector('[data-body]');
  if (textarea && textarea.value.trim() !== '') { init.body = textarea.value; headers['Content-Type'] = 'application/json'; }
  const search = query.toString();
  const url = apiBase + path + (search ? '?' + search : '');
  const shown = key ? url.split(encodeURIComponent(key)).join('…') : url;
  button.disabled = true;
  result.hidden = false;
  result.replaceChildren(el('div', { class: 'hint', text: 'Sending ' + o.method + ' ' + shown + ' …' }));
  const started = performance.now();
  try {
    const response = await fetch(url, init);
    const text = await response.text();
    const took = Math.round(performance.now() - started);
    let body;
    try { body = pre(JSON.parse(text), { 'data-result-body': '' }); } catch (_) { body = el('pre', { 'data-result-body': '', text }); }
    const headerRows = [];
    response.headers.forEach((value, name) => headerRows.push(el('dt', { text: name }), el('dd', { text: value })));
    result.replaceChildren(
      el('div', null, el('span', { class: 'status s' + String(response.status)[0], 'data-result-status': '', text: String(response.status) }),
        el('code', { text: o.method + ' ' + shown }), el('span', { class: 'hint', text: ' ' + took + ' ms' })),
      el('details', null, el('summary', { class: 'hint', text: 'Response headers' }), el('dl', { 'data-result-headers': '' }, headerRows)),
      body);
  } catch (error) {
    result.replaceChildren(el('div', { class: 'error', 'data-result-status': 'error', text: 'The request failed: ' + error.message }));
  } finally {
    button.disabled = false;
  }
}

/* ---------- page ---------- */
function intro() {
  const info = doc.info || {};
  const schemes = Object.values((doc.components || {}).securitySchemes || {});
  const errors = ['ErrorMessage', 'AuthError'].filter((name) => resolve('#/components/schemas/' + name));
  return el('section', { class: 'intro', id: 'intro' },
    prose(info.description),
    el('h2', { text: 'Authentication' }),
    el('p', null, 'Every operation needs an API key of the user it acts for (an admin key sees every user). Send it either way:'),
    el('ul', null, schemes.map((s) => el('li', null, s.type === 'apiKey'
      ? [el('code', { text: '?' + s.name + '=cal_…' }), ' in the query string']
      : [el('code', { text: 'Authorization: Bearer cal_…' }), ' header'], s.description ? [': ', inline(s.description)] : null))),
    el('p', { class: 'desc' }, 'Type a key above to use "Try it": it is sent only with the requests you make, as a Bearer header unless you choose the query string, and kept only if you tick "keep for this tab" (session storage, gone when the tab closes).'),
    el('h2', { text: 'Errors' }),
    el('p', null, 'Errors answer JSON with a status. Most have the shape ', el('code', { text: '{"message": "…"}' }),
      '; an API key that is missing answers 401 that way, while one that is unknown or expired (401), has no user (404) or belongs to a locked user (403) answers Cal.com\'s ',
      el('code', { text: '{"error": "…"}' }), '. 429 and 503 carry ', el('code', { text: 'Retry-After' }),
      '. A method an operation list does not show answers 405 with ', el('code', { text: 'Allow' }), '.'),
    errors.length ? el('p', null, 'Schemas: ', errors.map((name) => [el('a', { href: '#schema-' + name, text: name }), ' '])) : null,
    el('p', { class: 'desc' }, 'Requests go to ', el('code', { text: location.origin + apiBase }), ' (also reachable without the version prefix). The machine-readable document is at ',
      el('a', { href: docURL, text: docURL }), '.'));
}

function render() {
  operations = collect();
  document.title = (doc.info && doc.info.title) || document.title;
  $('#title').textContent = (doc.info && doc.info.title) || 'API';
  $('#version').textContent = doc.info && doc.info.version ? 'v' + doc.info.version : '';
  const groups = new Map();
  for (const o of operations) {
    if (!groups.has(o.tag)) groups.set(o.tag, []);
    groups.get(o.tag).push(o);
  }
  const sections = [];
  const navItems = [];
  for (const [tag, ops] of groups) {
    const opNodes = ops.map((o) => {
      const body = el('div', { class: 'op-body' });
      const node = el('details', { class: 'op', id: o.id, 'data-op': o.method + ' ' + o.path, 'data-method': o.method },
        el('summary', null, el('span', { class: 'method ' + o.method.toLowerCase(), text: o.method }),
          el('span', { class: 'path', text: o.path }), el('span', { class: 'summary', text: o.op.summary || '' })), body);
      node.addEventListener('toggle', () => { if (node.open && !body.childElementCount) body.append(el('div', null, operationBody(o))); });
      o.node = node;
      o.navNode = el('li', { class: 'nav-op' }, el('a', { href: '#' + o.id },
        el('span', { class: 'method ' + o.method.toLowerCase(), text: o.method }), el('span', { text: o.path })));
      return node;
    });
    const count = el('span', { class: 'count', text: ' ' + ops.length + (ops.length === 1 ? ' operation' : ' operations') });
    const section = el('section', { class: 'group', id: 'group-' + tag, 'data-group': tag }, el('h2', null, tag.replace(/-/g, ' '), count), opNodes);
    const navGroup = el('li', { class: 'nav-group' }, el('a', { href: '#group-' + tag, text: tag.replace(/-/g, ' ') }), el('ul', null, ops.map((o) => o.navNode)));
    sections.push(section);
    navItems.push(navGroup);
    for (const o of ops) { o.section = section; o.navGroup = navGroup; }
  }
  const schemas = Object.entries((doc.components || {}).schemas || {});
  const schemaSection = el('section', { class: 'group', id: 'schemas', 'data-group': 'schemas' },
    el('h2', null, 'Schemas', el('span', { class: 'count', text: ' ' + schemas.length })),
    schemas.map(([name, schema]) => el('details', { class: 'op', id: 'schema-' + name, 'data-schema': name },
      el('summary', null, el('span', { class: 'path', text: name }), el('span', { class: 'summary', text: schema.description || '' })),
      el('div', { class: 'op-body' }, schemaView({ $ref: '#/components/schemas/' + name }),
        schema.example !== undefined ? [el('div', { class: 'desc', text: 'example' }), pre(schema.example)] : null))));
  $('#main').replaceChildren(intro(), el('div', { id: 'ops' }, sections), schemaSection);
  $('#nav-list').replaceChildren(...navItems, el('li', { class: 'nav-group' }, el('a', { href: '#schemas', text: 'Schemas' })));
  filter();
  openFromHash();
  document.body.dataset.state = 'ready';
}

function filter() {
  const words = $('#search').value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const o of operations) {
    const hit = words.every((w) => o.text.includes(w));
    o.node.hidden = !hit;
    o.navNode.hidden = !hit;
    if (hit) shown++;
  }
  for (const o of operations) {
    const any = operations.some((other) => other.section === o.section && !other.node.hidden);
    o.section.hidden = !any;
    o.navGroup.hidden = !any;
  }
  $('#found').textContent = words.length ? shown + ' of ' + operations.length + ' operations' : operations.length + ' operations';
}

function openFromHash() {
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && target.tagName === 'DETAILS') { target.open = true; target.scrollIntoView(); }
}

function keyHandling() {
  const input = $('#api-key');
  const remember = $('#remember');
  try {
    const kept = sessionStorage.getItem(KEY_STORE);
    if (kept) { input.value = kept; remember.checked = true; }
  } catch (_) { remember.disabled = true; }
  const store = () => {
    try {
      if (remember.checked && input.value) sessionStorage.setItem(KEY_STORE, input.value);
      else sessionStorage.removeItem(KEY_STORE);
    } catch (_) { /* storage refused: the key stays in the field only */ }
  };
  input.addEventListener('input', store);
  remember.addEventListener('change', store);
}

keyHandling();
$('#search').addEventListener('input', filter);
window.addEventListener('hashchange', openFromHash);
fetch(docURL, { headers: { Accept: 'application/json' }, cache: 'no-cache', credentials: 'omit' })
  .then((response) => {
    if (!response.ok) throw new Error('GET ' + docURL + ' answered ' + response.status);
    return response.json();
  })
  .then((document_) => { doc = document_; render(); })
  .catch((error) => {
    document.body.dataset.state = 'failed';
    $('#main').replaceChildren(el('p', { class: 'error', id: 'status', text: 'Could not load the API description: ' + error.message }));
  });
})();
"""#
}
