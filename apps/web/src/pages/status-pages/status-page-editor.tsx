import { useState, type FormEvent } from 'react';
import type { DomainVerificationState } from '@watchpost/core';
import { useNavigate } from 'react-router';
import { Button } from '../../components/button.js';
import { FormError } from '../../components/form-error.js';
import { CheckboxField, FieldFrame, SelectField, TextField } from '../../components/field.js';
import { Card, Row } from '../../components/layout.js';
import { ConfirmDialog } from '../../components/modal.js';
import { showNotice } from '../../components/notices.js';
import { request } from '../../lib/dashboard-client.js';
import { useSubmit } from '../../lib/use-submit.js';
import { strings } from '../../strings.js';
import { DomainVerificationList } from './domain-verification-list.js';
import { GroupEditor } from './group-editor.js';
import { publicPageUrl, usePublicPathPrefix } from './public-page-url.js';
import {
  STATUS_PAGE_MESSAGES,
  saveStatusPageArgs,
  type StatusPageField,
  type StatusPageForm,
} from './status-page-form.js';

const s = strings.statusPages;
/** The icon a page without a logo reports (docs/protocol/status-pages.md#statuspageconfig). */
const DEFAULT_ICON = '/icon.svg';

function readFileAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(s.logoUnreadable));
    reader.readAsDataURL(file);
  });
}

interface Props {
  slug: string;
  initial: StatusPageForm;
  icon: string;
  /** What `getStatusPage` said of the page's custom domains. */
  domainVerification: readonly DomainVerificationState[];
}

/** Everything of a page but its incident, saved at once by `saveStatusPage`. */
export function StatusPageEditor({ slug, initial, icon, domainVerification }: Props) {
  const [form, setForm] = useState(initial);
  const [domains, setDomains] = useState(domainVerification);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const submit = useSubmit<StatusPageField>(STATUS_PAGE_MESSAGES);
  const navigate = useNavigate();
  const set = (patch: Partial<StatusPageForm>) => setForm({ ...form, ...patch });
  const prefix = usePublicPathPrefix() ?? '';

  async function save(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const saved = await request('saveStatusPage', slug, ...saveStatusPageArgs(form));
      // Each save re-checks the unverified domains (docs/protocol/status-pages.md#custom-domains).
      setDomains((saved.domainVerification ?? []) as DomainVerificationState[]);
      showNotice('success', s.saved);
      const savedSlug = form.slug.trim();
      if (savedSlug !== slug) void navigate(`/edit-status-page/${savedSlug}`, { replace: true });
    });
  }

  async function remove() {
    setConfirmDelete(false);
    const deleted = await submit.run(() => request('deleteStatusPage', slug));
    if (deleted) void navigate('/manage-status-page');
  }

  return (
    <form className="stack admin-form" onSubmit={(e) => void save(e)} aria-label={s.editTitle}>
      <Card title={s.basics}>
        <div className="stack">
          <TextField
            label={s.pageTitle}
            required
            value={form.title}
            error={submit.errorOf('title')}
            onChange={(e) => set({ title: e.target.value })}
          />
          <TextField
            label={s.slug}
            required
            value={form.slug}
            hint={s.slugHint(prefix, form.slug)}
            error={submit.errorOf('slug')}
            onChange={(e) => set({ slug: e.target.value })}
          />
          <TextArea
            label={s.description}
            value={form.description}
            onChange={(description) => set({ description })}
          />
          <TextArea
            label={s.footer}
            value={form.footerText}
            onChange={(footerText) => set({ footerText })}
          />
          <SelectField
            label={s.theme}
            value={form.theme}
            error={submit.errorOf('theme')}
            options={(['auto', 'light', 'dark'] as const).map((theme) => ({
              value: theme,
              label: strings.theme[theme],
            }))}
            onChange={(e) => set({ theme: e.target.value as StatusPageForm['theme'] })}
          />
          <TextField
            label={s.autoRefresh}
            type="number"
            inputMode="numeric"
            min={0}
            max={86_400}
            hint={s.autoRefreshHint}
            value={form.autoRefreshInterval}
            error={submit.errorOf('autoRefreshInterval')}
            onChange={(e) => set({ autoRefreshInterval: e.target.value })}
          />
          <CheckboxField
            label={s.showTags}
            checked={form.showTags}
            onChange={(e) => set({ showTags: e.target.checked })}
          />
          <CheckboxField
            label={s.showCertificateExpiry}
            checked={form.showCertificateExpiry}
            onChange={(e) => set({ showCertificateExpiry: e.target.checked })}
          />
          <CheckboxField
            label={s.showPoweredBy}
            checked={form.showPoweredBy}
            onChange={(e) => set({ showPoweredBy: e.target.checked })}
          />
          <TextField
            label={s.googleAnalyticsId}
            value={form.googleAnalyticsId}
            onChange={(e) => set({ googleAnalyticsId: e.target.value })}
          />
        </div>
      </Card>
      <Card title={s.logo}>
        <div className="stack">
          {/* The default icon is the public page's own; only a chosen or uploaded logo is shown. */}
          {form.logo || icon !== DEFAULT_ICON ? (
            <img
              className="logo-preview"
              src={form.logo ?? icon}
              alt={s.logoAlt}
              width={64}
              height={64}
            />
          ) : (
            <p className="field-hint">{s.noLogo}</p>
          )}
          <FieldFrame label={s.logoFile} hint={s.logoHint} error={submit.errorOf('logo')}>
            {({ input, describedBy }) => (
              <input
                id={input}
                type="file"
                accept="image/png"
                aria-describedby={describedBy}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void readFileAsDataUrl(file).then((logo) => set({ logo }));
                }}
              />
            )}
          </FieldFrame>
        </div>
      </Card>
      <Card title={s.domains}>
        <TextArea
          label={s.domainList}
          hint={s.domainHint}
          value={form.domains}
          error={submit.errorOf('domains')}
          onChange={(typed) => set({ domains: typed })}
        />
        <DomainVerificationList domains={domains} />
      </Card>
      <Card title={s.groups}>
        <GroupEditor
          groups={form.groups}
          error={submit.errorOf('groups')}
          onChange={(groups) => set({ groups })}
        />
      </Card>
      <Card title={s.customCSS}>
        <TextArea
          label={s.customCSS}
          code
          value={form.customCSS}
          onChange={(customCSS) => set({ customCSS })}
        />
      </Card>
      <FormError message={submit.errorOf('form')} />
      <Row>
        <Button type="submit" variant="primary" busy={submit.busy}>
          {strings.common.save}
        </Button>
        <a
          className="button button-secondary"
          href={publicPageUrl(prefix, slug)}
          target="_blank"
          rel="noreferrer"
        >
          {s.openPublic(form.title)}
        </a>
        <Button variant="danger" onClick={() => setConfirmDelete(true)}>
          {s.deletePage}
        </Button>
      </Row>
      <ConfirmDialog
        open={confirmDelete}
        title={s.deletePage}
        message={s.deleteMessage(form.title)}
        confirmLabel={strings.common.delete}
        danger
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => void remove()}
      />
    </form>
  );
}

function TextArea(props: {
  label: string;
  value: string;
  hint?: string;
  error?: string | null;
  code?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <FieldFrame label={props.label} hint={props.hint} error={props.error}>
      {({ input, describedBy }) => (
        <textarea
          id={input}
          aria-describedby={describedBy}
          aria-invalid={Boolean(props.error)}
          className={props.code ? 'code' : undefined}
          rows={props.code ? 8 : 3}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}
