import { useState } from 'react';
import { CheckboxField, SelectField, TextField } from '../../components/field.js';
import { CopyButton } from '../../components/copy-button.js';
import { strings } from '../../strings.js';
import {
  BADGE_KINDS,
  BADGE_STYLES,
  badgeOptionsOf,
  badgeSnippets,
  badgeUrl,
  DEFAULT_BADGE,
  type BadgeKind,
  type BadgeOptions,
  type BadgeStyle,
} from './badge-url.js';

const t = strings.monitor.badge;

/**
 * Builds a badge URL for this monitor with a live preview (the real badge route,
 * docs/protocol/http.md#badges) and copy buttons. The "Public badge" switch is the monitor's
 * `badgesPublic` field; while it is off, every badge says N/A, and the note says so.
 */
export function BadgeBuilder({
  monitorId,
  monitorName,
  badgesPublic,
  busy,
  onPublicChange,
}: {
  monitorId: number;
  monitorName: string;
  badgesPublic: boolean;
  busy: boolean;
  onPublicChange: (badgesPublic: boolean) => void;
}) {
  const [options, setOptions] = useState<BadgeOptions>(DEFAULT_BADGE);
  const reads = badgeOptionsOf(options.kind);
  const url = badgeUrl(location.origin, monitorId, options);
  const alt = t.previewAlt(monitorName);
  const snippets = badgeSnippets(url, alt);
  const set = (patch: Partial<BadgeOptions>) => setOptions((o) => ({ ...o, ...patch }));
  const colourField = (key: 'color' | 'labelColor' | 'upColor' | 'downColor', label: string) => (
    <TextField
      label={label}
      placeholder={key === 'labelColor' ? '#555' : '#66c20a'}
      value={options[key]}
      onChange={(e) => set({ [key]: e.target.value })}
    />
  );

  return (
    <section aria-labelledby="badge-title" className="stack">
      <h2 id="badge-title" className="card-title">
        {t.title}
      </h2>
      <CheckboxField
        label={t.public}
        checked={badgesPublic}
        disabled={busy}
        hint={badgesPublic ? t.publicOn : t.privateNote}
        onChange={(e) => onPublicChange(e.target.checked)}
      />
      <div className="badge-builder">
        <SelectField
          label={t.kind}
          value={options.kind}
          onChange={(e) => set({ kind: e.target.value as BadgeKind })}
          options={BADGE_KINDS.map((kind) => ({ value: kind, label: t.kinds[kind] ?? kind }))}
        />
        {reads.duration && (
          <TextField
            label={t.duration}
            inputMode="numeric"
            placeholder="24"
            value={options.duration}
            onChange={(e) => set({ duration: e.target.value })}
          />
        )}
        <TextField
          label={t.label}
          hint={t.labelHint}
          value={options.label}
          onChange={(e) => set({ label: e.target.value })}
        />
        {reads.color && colourField('color', t.color)}
        {reads.labelColor && colourField('labelColor', t.labelColor)}
        {reads.upDownColors && colourField('upColor', t.upColor)}
        {reads.upDownColors && colourField('downColor', t.downColor)}
        <SelectField
          label={t.style}
          value={options.style}
          onChange={(e) => set({ style: e.target.value as BadgeStyle })}
          options={BADGE_STYLES.map((style) => ({ value: style, label: style }))}
        />
      </div>
      <div className="badge-preview" aria-live="polite">
        <span className="visually-hidden">{t.preview}</span>
        {/* Keyed by the switch: the badge route answers N/A while private and caches for 30 s. */}
        <img
          key={String(badgesPublic)}
          src={`${url}${url.includes('?') ? '&' : '?'}v=${String(badgesPublic)}`}
          alt={alt}
        />
      </div>
      <p className="visually-hidden" id="badge-url-label">
        {t.url}
      </p>
      <p className="code-line" aria-labelledby="badge-url-label">
        {url}
      </p>
      <div className="monitor-actions">
        <CopyButton text={snippets.img} label={t.copyImg} />
        <CopyButton text={snippets.markdown} label={t.copyMarkdown} />
        <CopyButton text={url} label={t.copyUrl} />
      </div>
    </section>
  );
}
