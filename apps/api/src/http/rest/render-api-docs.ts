import { escapeHtml } from '../status-pages/escape-html.js';

type Json = Record<string, unknown>;

/**
 * `/api/v1/docs`: the OpenAPI document as one self-contained page, rendered on the server with
 * no script and nothing fetched from elsewhere, so it works offline and under a strict CSP.
 */
export function renderApiDocs(document: Json): string {
  const paths = (document['paths'] ?? {}) as Record<string, Record<string, Json>>;
  const components = (document['components'] ?? {}) as Record<string, Record<string, Json>>;
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const tag = ((operation['tags'] as string[] | undefined) ?? ['other'])[0] ?? 'other';
      const sections = byTag.get(tag) ?? [];
      sections.push(renderOperation(method, path, operation, components));
      byTag.set(tag, sections);
    }
  }
  const info = (document['info'] ?? {}) as Json;
  const toc = [...byTag.keys()]
    .map((tag) => `<li><a href="#${escapeHtml(tag)}">${escapeHtml(tag)}</a></li>`)
    .join('');
  const body = [...byTag]
    .map(
      ([tag, sections]) =>
        `<section id="${escapeHtml(tag)}"><h2>${escapeHtml(tag)}</h2>${sections.join('')}</section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(info['title'] ?? 'API'))}</title>
<style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(String(info['title'] ?? 'API'))}</h1>
<p>${escapeHtml(String(info['description'] ?? ''))}</p>
<p>Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI ${escapeHtml(String(document['openapi']))}).</p>
<nav aria-label="Resources"><ul>${toc}</ul></nav>
${body}
${renderSchemas(components['schemas'] ?? {})}
</main></body></html>`;
}

function renderOperation(
  method: string,
  path: string,
  operation: Json,
  components: Record<string, Record<string, Json>>,
): string {
  const parameters = ((operation['parameters'] ?? []) as Json[]).map((p) => resolve(p, components));
  const rows = parameters
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(String(p['name']))}</code></td><td>${escapeHtml(String(p['in']))}</td>` +
        `<td>${p['required'] ? 'yes' : 'no'}</td><td>${escapeHtml(String(p['description'] ?? ''))}</td></tr>`,
    )
    .join('');
  const requestBody = operation['requestBody'] as Json | undefined;
  const responses = (operation['responses'] ?? {}) as Record<string, Json>;
  const success = Object.entries(responses).find(([status]) => status.startsWith('2'));
  return `<article id="${escapeHtml(String(operation['operationId']))}">
<h3><span class="method">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(String(operation['summary'] ?? ''))} <small>Scope: ${escapeHtml(String(operation['x-watchpost-scope'] ?? ''))}</small></p>
${rows && `<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>`}
${requestBody ? schemaBlock('Request body', schemaOf(requestBody)) : ''}
${success ? schemaBlock(`Response ${success[0]}`, schemaOf(success[1])) : ''}
</article>`;
}

const COMPONENT_REF = /^#\/components\/(\w+)\/(.+)$/;

/** A `$ref` into the document's components, followed; anything else as it is. */
function resolve(item: Json, components: Record<string, Record<string, Json>>): Json {
  const match = typeof item['$ref'] === 'string' ? COMPONENT_REF.exec(item['$ref']) : null;
  return (match && components[match[1] as string]?.[match[2] as string]) ?? item;
}

/** The shared schemas operations refer to, each under its own anchor. */
function renderSchemas(schemas: Record<string, Json>): string {
  const blocks = Object.entries(schemas)
    .map(
      ([name, schema]) =>
        `<article id="schema-${escapeHtml(name)}"><h3><code>${escapeHtml(name)}</code></h3>` +
        `${schemaBlock('Schema', schema)}</article>`,
    )
    .join('');
  return blocks && `<section id="schemas"><h2>Schemas</h2>${blocks}</section>`;
}

function schemaOf(withContent: Json): unknown {
  const content = withContent['content'] as Record<string, Json> | undefined;
  return content?.['application/json']?.['schema'];
}

function schemaBlock(title: string, schema: unknown): string {
  if (schema === undefined) return `<p>${escapeHtml(title)}: empty.</p>`;
  return `<details><summary>${escapeHtml(title)}</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:.75rem 0}
.method{display:inline-block;min-width:4.5rem;font-weight:700}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.2rem .4rem;text-align:left}
pre{background:#f3f3f3;padding:.5rem;overflow:auto;font-size:13px}`;
