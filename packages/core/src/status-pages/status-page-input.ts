import { z } from 'zod';

// Validation of the status page events (docs/protocol/status-pages.md), with upstream's literal messages where
// clients may show them.

export const INVALID_SLUG_MSG = 'Invalid Slug';
export const ONLY_PNG_MSG = 'Only allowed PNG logo.';
export const LOGO_TOO_LARGE_MSG = 'The logo must be a PNG image of at most 1 MB.';

// Upstream's slug rule, applied after lower-casing on create.
const SLUG_PATTERN = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const MAX_SLUG = 255;
const MAX_TITLE = 255;
// Generous for real pages, small enough that one page cannot bloat every public response.
const MAX_TEXT = 20_000;
const MAX_CSS = 100_000;
const MAX_ICON_URL = 2_048;
const MAX_DOMAINS = 20;
// Kuma 2.0's `autoRefreshInterval`, in seconds; Kuma 1.23 refreshes every 5 minutes. Public
// answers are cached 30 s, so refreshing more often would only fetch the same bytes again.
const DEFAULT_REFRESH_SECONDS = 300;
const MIN_REFRESH_SECONDS = 30;
const MAX_REFRESH_SECONDS = 86_400;
// Decoded logo bytes. Upstream has no limit; Socket.IO's message cap is the only bound there.
export const MAX_LOGO_BYTES = 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DATA_URL_PREFIX = 'data:image/png;base64,';

export function isValidSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG && SLUG_PATTERN.test(slug);
}

/** `addStatusPage(title, slug)`: both trimmed, slug lower-cased (upstream order of checks). */
export function parseNewStatusPage(
  title: unknown,
  slug: unknown,
): { ok: true; title: string; slug: string } | { ok: false; msg: string } {
  const t = typeof title === 'string' ? title.trim() : '';
  const s = typeof slug === 'string' ? slug.trim().toLowerCase() : '';
  if (!t || !s) return { ok: false, msg: 'Please input all fields' };
  if (t.length > MAX_TITLE) return { ok: false, msg: 'Title is too long' };
  if (!isValidSlug(s)) return { ok: false, msg: INVALID_SLUG_MSG };
  return { ok: true, title: t, slug: s };
}

// The Python client sends back whatever it read (nulls included), so absent and null both
// mean "the default" rather than an error.
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => v ?? null);
const flag = (fallback: boolean) =>
  z
    .boolean()
    .nullish()
    .transform((v) => v ?? fallback);

const configSlugSchema = z
  .unknown()
  .optional()
  .transform((value, ctx) => {
    if (typeof value !== 'string') {
      ctx.addIssue({ code: 'custom', message: 'Slug must be string' });
      return z.NEVER;
    }
    const slug = value.trim();
    if (!slug) ctx.addIssue({ code: 'custom', message: 'Slug cannot be empty' });
    else if (!isValidSlug(slug)) ctx.addIssue({ code: 'custom', message: INVALID_SLUG_MSG });
    return slug;
  });

const domainListSchema = z
  .unknown()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'Invalid array' });
      return z.NEVER;
    }
    const domains: string[] = [];
    for (const item of value) {
      if (typeof item !== 'string' || item.length > 253) {
        ctx.addIssue({ code: 'custom', message: 'Invalid domain' });
        return z.NEVER;
      }
      const domain = item.trim().toLowerCase();
      if (domain && !domains.includes(domain)) domains.push(domain);
    }
    return domains;
  })
  .pipe(z.array(z.string()).max(MAX_DOMAINS, 'Too many domains'));

/** `saveStatusPage`'s config; `id`, `published` and unknown keys are ignored (docs/protocol/status-pages.md). */
export const statusPageConfigSchema = z.object(
  {
    slug: configSlugSchema,
    title: z.string().trim().min(1, 'Please input all fields').max(MAX_TITLE),
    description: optionalText(MAX_TEXT),
    theme: z
      .enum(['auto', 'light', 'dark'], 'Invalid theme')
      .nullish()
      .transform((v) => v ?? 'auto'),
    showTags: flag(false),
    footerText: optionalText(MAX_TEXT),
    customCSS: optionalText(MAX_CSS),
    showPoweredBy: flag(true),
    showCertificateExpiry: flag(false),
    autoRefreshInterval: z
      .number('Invalid refresh interval')
      .int('Invalid refresh interval')
      .refine(
        (s) => s === 0 || (s >= MIN_REFRESH_SECONDS && s <= MAX_REFRESH_SECONDS),
        `The refresh interval is 0 (off) or ${MIN_REFRESH_SECONDS} to ${MAX_REFRESH_SECONDS} seconds`,
      )
      .nullish()
      .transform((v) => v ?? DEFAULT_REFRESH_SECONDS),
    googleAnalyticsId: optionalText(64),
    domainNameList: domainListSchema,
  },
  'Invalid config',
);
export type StatusPageConfigInput = z.output<typeof statusPageConfigSchema>;

/** What `imgDataUrl` asks for: a new PNG logo, or an icon URL kept as text. */
export type LogoInput = { kind: 'png'; bytes: Buffer } | { kind: 'url'; icon: string | null };

export const logoInputSchema = z
  .unknown()
  .optional()
  .transform((value, ctx): LogoInput => {
    if (value === undefined || value === null || value === '') return { kind: 'url', icon: null };
    if (typeof value !== 'string') {
      ctx.addIssue({ code: 'custom', message: ONLY_PNG_MSG });
      return z.NEVER;
    }
    if (!value.startsWith('data:')) {
      if (value.length > MAX_ICON_URL) {
        ctx.addIssue({ code: 'custom', message: 'Icon URL is too long' });
        return z.NEVER;
      }
      return { kind: 'url', icon: value };
    }
    if (!value.startsWith(PNG_DATA_URL_PREFIX)) {
      ctx.addIssue({ code: 'custom', message: ONLY_PNG_MSG });
      return z.NEVER;
    }
    const base64 = value.slice(PNG_DATA_URL_PREFIX.length);
    // Checked before decoding so an oversized upload costs no allocation of its own size.
    if (base64.length > Math.ceil(MAX_LOGO_BYTES / 3) * 4) {
      ctx.addIssue({ code: 'custom', message: LOGO_TOO_LARGE_MSG });
      return z.NEVER;
    }
    const bytes = Buffer.from(base64, 'base64');
    // The prefix is only a claim; the bytes are served as image/png, so they must be one.
    if (!bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
      ctx.addIssue({ code: 'custom', message: ONLY_PNG_MSG });
      return z.NEVER;
    }
    return { kind: 'png', bytes };
  });

const idSchema = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);

/** One element of `publicGroupList`; other keys (weight, names, types …) are kept, unread. */
export const publicGroupInputSchema = z.looseObject({
  id: idSchema.nullish(),
  name: z.string().max(MAX_TITLE),
  monitorList: z
    .array(
      z.looseObject({
        id: idSchema,
        sendUrl: z
          .union([z.boolean(), z.literal(0), z.literal(1)])
          .nullish()
          .transform((v) => v === true || v === 1),
      }),
    )
    .max(1_000)
    .nullish()
    .transform((v) => v ?? []),
});
export type PublicGroupInput = z.output<typeof publicGroupInputSchema>;

export const publicGroupListSchema = z
  .array(publicGroupInputSchema, 'Invalid publicGroupList')
  .max(100);

/**
 * `saveStatusPage`'s last argument: the groups to store, and the client's array exactly as
 * sent, which the ack echoes back with only the group ids filled in (docs/protocol/status-pages.md).
 */
export const publicGroupListArgSchema = z.unknown().transform((sent, ctx) => {
  const parsed = publicGroupListSchema.safeParse(sent);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom' });
    return z.NEVER;
  }
  return { groups: parsed.data, sent: sent as Record<string, unknown>[] };
});

export const INCIDENT_STYLES = ['info', 'warning', 'danger', 'primary', 'light', 'dark'] as const;

export const incidentInputSchema = z.object(
  {
    id: idSchema.nullish(),
    title: z.string().max(MAX_TITLE),
    content: z.string().max(MAX_TEXT),
    style: z
      .enum(INCIDENT_STYLES, 'Invalid style')
      .nullish()
      .transform((v) => v ?? 'warning'),
  },
  'Invalid incident',
);
export type IncidentInput = z.output<typeof incidentInputSchema>;
