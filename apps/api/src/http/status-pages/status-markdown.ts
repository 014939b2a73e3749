import MarkdownIt from 'markdown-it';

// Owners write descriptions, footers, incidents and maintenance notes in Markdown, as in Kuma.
// Raw HTML stays text (`html: false`), so a `<script>` in a footer is shown, never run; and
// markdown-it's link check refuses `javascript:`, `vbscript:` and non-image `data:` URLs.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
// Links leave the page without handing it the visitor's window or the page's address.
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('rel', 'nofollow noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Owner Markdown → HTML safe to place in the page. */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}
