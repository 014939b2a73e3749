import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button } from '../../components/button.js';
import { CheckboxField, FieldFrame, SelectField, TextField } from '../../components/field.js';
import { Card, Page, Stack } from '../../components/layout.js';
import { showNotice } from '../../components/notices.js';
import { request, useDashboard } from '../../lib/dashboard-client.js';
import { AckError, errorMessage } from '../../lib/emit-with-ack.js';
import { strings } from '../../strings.js';
import {
  AUTH_METHODS,
  BODY_ENCODINGS,
  diffTags,
  DNS_RECORD_TYPES,
  emptyMonitorForm,
  EXTRA_FIELDS_BY_AUTH,
  EXTRA_FIELDS_BY_TYPE,
  formFieldOf,
  HTTP_METHODS,
  HTTP_TYPES,
  isCheckedAuth,
  isCheckedType,
  MONITOR_TYPES,
  monitorFormFrom,
  monitorPayloadFrom,
  targetFieldsOf,
  type FormTag,
  type MonitorForm,
  type MonitorFormField,
} from './monitor-form.js';
import { MonitorTagsEditor, type TagChoice } from './monitor-tags-editor.js';
import './monitor.css';

const t = strings.monitor.form;
type Mode = 'add' | 'edit' | 'clone';
type Errors = Partial<Record<MonitorFormField | 'form', string>>;
type TextKey = {
  [K in MonitorFormField]: MonitorForm[K] extends string ? K : never;
}[MonitorFormField];
type FlagKey = {
  [K in MonitorFormField]: MonitorForm[K] extends boolean ? K : never;
}[MonitorFormField];

const AUTH_LABELS: Record<string, string> = {
  '': t.authNone,
  basic: t.authBasic,
  ntlm: t.authNtlm,
  mtls: t.authMtls,
  'oauth2-cc': t.authOauth,
};

/** `/add`, `/edit/:id` and `/clone/:id`: every field Watchpost runs, by monitor type. */
export function MonitorEditPage({ mode }: { mode: Mode }) {
  const id = Number(useParams().id);
  const title = {
    add: strings.monitor.addTitle,
    edit: strings.monitor.editTitle,
    clone: strings.monitor.cloneTitle,
  }[mode];
  const [loaded, setLoaded] = useState<{ form: MonitorForm; tags: FormTag[] } | null>(
    mode === 'add' ? { form: emptyMonitorForm(), tags: [] } : null,
  );
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (mode === 'add') return;
    let cancelled = false;
    request('getMonitor', id)
      .then((answer) => {
        if (cancelled) return;
        const monitor = answer.monitor as Record<string, unknown>;
        const tags = ((monitor.tags ?? []) as FormTag[]).map((tag) => ({
          tag_id: tag.tag_id,
          name: tag.name,
          color: tag.color,
          value: tag.value ?? '',
        }));
        setLoaded({ form: monitorFormFrom(monitor, mode, strings.monitor.cloneName), tags });
      })
      .catch((error: unknown) => !cancelled && setLoadError(errorMessage(error)));
    return () => {
      cancelled = true;
    };
  }, [id, mode]);

  if (loadError) return <Page title={title}>{loadError}</Page>;
  if (!loaded) return <Page title={title}>{strings.common.loading}</Page>;
  // Keyed so that moving from /edit/1 to /clone/1 starts from the loaded monitor again.
  return (
    <Page title={title}>
      <MonitorEditor
        key={`${mode}:${id}`}
        mode={mode}
        monitorId={mode === 'edit' ? id : undefined}
        initial={loaded.form}
        initialTags={mode === 'clone' ? [] : loaded.tags}
        cloneTags={mode === 'clone' ? loaded.tags : []}
      />
    </Page>
  );
}

function MonitorEditor({
  mode,
  monitorId,
  initial,
  initialTags,
  cloneTags,
}: {
  mode: Mode;
  monitorId: number | undefined;
  initial: MonitorForm;
  /** The links the monitor has on the server now (none for add and clone). */
  initialTags: FormTag[];
  /** A clone starts with the original's tags, added on save. */
  cloneTags: FormTag[];
}) {
  const navigate = useNavigate();
  const [form, setForm] = useState(initial);
  const [tags, setTags] = useState<FormTag[]>([...initialTags, ...cloneTags]);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [tagChoices, setTagChoices] = useState<TagChoice[]>([]);
  const monitors = useDashboard((s) => s.monitors);
  const notifications = useDashboard((s) => s.notifications);
  const proxies = useDashboard((s) => s.proxies) as
    { id: number; protocol: string; host: string; port: number }[] | null;

  useEffect(() => {
    request('getTags')
      .then((answer) => setTagChoices((answer.tags ?? []) as TagChoice[]))
      .catch(() => setTagChoices([]));
  }, []);

  const groups = useMemo(
    () => [...monitors.values()].filter((m) => m.type === 'group' && m.id !== monitorId),
    [monitors, monitorId],
  );
  const fields = targetFieldsOf(form.type);
  const isHttp = HTTP_TYPES.includes(form.type);

  function set<K extends keyof MonitorForm>(key: K, value: MonitorForm[K]) {
    setForm((f) => ({ ...f, [key]: value }));
  }

  /** Props of a text input bound to a form field, with its error slot. */
  function text(
    key: TextKey,
    label: string,
    extra: { hint?: ReactNode; type?: string; required?: boolean } = {},
  ) {
    return (
      <TextField
        label={label}
        hint={extra.hint}
        type={extra.type}
        required={extra.required}
        error={errors[key]}
        value={form[key]}
        onChange={(e) => set(key, e.target.value)}
      />
    );
  }

  function check(key: FlagKey, label: string) {
    return (
      <CheckboxField
        label={label}
        checked={form[key]}
        onChange={(e) => set(key, e.target.checked)}
      />
    );
  }

  /** A long-tail field (stored verbatim, docs/protocol/monitors.md#monitor-object) as plain text. */
  function extraField(key: string) {
    return (
      <TextField
        key={key}
        label={strings.monitor.extraFields[key] ?? key}
        error={errors[key as MonitorFormField]}
        value={extraText(form.extra[key])}
        onChange={(e) => set('extra', { ...form.extra, [key]: e.target.value })}
      />
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    let savedId: number;
    try {
      const payload = monitorPayloadFrom(form, monitorId);
      const answer =
        monitorId === undefined
          ? await request('add', payload)
          : await request('editMonitor', payload);
      savedId = Number(answer.monitorID);
    } catch (error) {
      // The form keeps every value; the message goes next to the field it is about.
      const field = error instanceof AckError ? formFieldOf(error.response?.field, form) : null;
      setErrors({ [field ?? 'form']: errorMessage(error) });
      setBusy(false);
      return;
    }
    try {
      const { added, removed } = diffTags(initialTags, tags);
      for (const tag of removed) await request('deleteMonitorTag', tag.tag_id, savedId, tag.value);
      for (const tag of added) await request('addMonitorTag', tag.tag_id, savedId, tag.value);
      showNotice('success', mode === 'edit' ? t.saved : t.added);
    } catch (error) {
      showNotice('error', t.tagsFailed(errorMessage(error)));
    }
    setBusy(false);
    void navigate(`/dashboard/${savedId}`);
  }

  return (
    <form className="monitor-form" onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <Card title={t.general}>
          <SelectField
            label={t.type}
            value={form.type}
            error={errors.type}
            onChange={(e) => set('type', e.target.value as MonitorForm['type'])}
            options={MONITOR_TYPES.map((type) => ({
              value: type,
              label: isCheckedType(type)
                ? (strings.monitor.typeNames[type] ?? type)
                : t.typeUnchecked(strings.monitor.typeNames[type] ?? type),
            }))}
          />
          {!isCheckedType(form.type) && (
            <p className="form-notice" role="note">
              {t.uncheckedNotice}
            </p>
          )}
          {text('name', t.name, { required: true })}
        </Card>

        <Card title={t.target}>
          {form.type === 'group' && <p>{t.groupNotice}</p>}
          {fields.http && text('url', t.url, { type: 'url', required: true })}
          {form.type === 'keyword' && (
            <>
              {text('keyword', t.keyword, { required: true })}
              {check('invertKeyword', t.invertKeyword)}
            </>
          )}
          {form.type === 'json-query' && (
            <>
              {text('jsonPath', t.jsonPath, { required: true })}
              {text('expectedValue', t.expectedValue, { required: true })}
            </>
          )}
          {fields.hostname && text('hostname', t.hostname, { required: true })}
          {fields.port && text('port', t.port, { type: 'text' })}
          {fields.dns && (
            <>
              {text('dns_resolve_server', t.dnsResolveServer)}
              <SelectField
                label={t.dnsResolveType}
                value={form.dns_resolve_type}
                error={errors.dns_resolve_type}
                onChange={(e) => set('dns_resolve_type', e.target.value)}
                options={DNS_RECORD_TYPES.map((v) => ({ value: v, label: v }))}
              />
            </>
          )}
          {fields.packetSize && text('packetSize', t.packetSize)}
          {fields.push && text('pushToken', t.pushToken, { hint: t.pushTokenHint })}
          {(EXTRA_FIELDS_BY_TYPE[form.type] ?? []).map(extraField)}
        </Card>

        <Card title={t.timing}>
          {text('interval', form.type === 'push' ? t.pushInterval : t.interval, { type: 'text' })}
          {text('maxretries', t.retries)}
          {text('retryInterval', t.retryInterval)}
          {text('resendInterval', t.resendInterval)}
          {isHttp && text('timeout', t.timeout)}
          {check('upsideDown', t.upsideDown)}
        </Card>

        {isHttp && (
          <Card title={t.http}>
            <SelectField
              label={t.method}
              value={form.method}
              error={errors.method}
              onChange={(e) => set('method', e.target.value)}
              options={HTTP_METHODS.map((v) => ({ value: v, label: v }))}
            />
            {text('accepted_statuscodes', t.acceptedStatusCodes, {
              hint: t.acceptedStatusCodesHint,
            })}
            {text('maxredirects', t.maxRedirects)}
            {check('ignoreTls', t.ignoreTls)}
            {check('expiryNotification', t.expiryNotification)}
            <SelectField
              label={t.bodyEncoding}
              value={form.httpBodyEncoding}
              onChange={(e) => set('httpBodyEncoding', e.target.value)}
              options={BODY_ENCODINGS.map((v) => ({ value: v, label: v.toUpperCase() }))}
            />
            <TextArea
              label={t.body}
              value={form.body}
              error={errors.body}
              onChange={(v) => set('body', v)}
            />
            <TextArea
              label={t.headers}
              value={form.headers}
              error={errors.headers}
              onChange={(v) => set('headers', v)}
            />
            <SelectField
              label={t.authMethod}
              value={form.authMethod}
              error={errors.authMethod}
              onChange={(e) => set('authMethod', e.target.value)}
              options={AUTH_METHODS.map((v) => {
                const label = AUTH_LABELS[v] ?? v;
                return { value: v, label: isCheckedAuth(v) ? label : t.authUnsupported(label) };
              })}
            />
            {!isCheckedAuth(form.authMethod) && (
              <p className="form-notice" role="note">
                {t.authUnsupportedNotice}
              </p>
            )}
            {(form.authMethod === 'basic' || form.authMethod === 'ntlm') && (
              <>
                {text('basic_auth_user', t.basicAuthUser)}
                {text('basic_auth_pass', t.basicAuthPass, { type: 'password' })}
              </>
            )}
            {(EXTRA_FIELDS_BY_AUTH[form.authMethod] ?? []).map(extraField)}
            <SelectField
              label={t.proxy}
              value={form.proxyId}
              error={errors.proxyId}
              onChange={(e) => set('proxyId', e.target.value)}
              options={[
                { value: '', label: t.noProxy },
                ...(proxies ?? []).map((p) => ({
                  value: String(p.id),
                  label: `${p.protocol}://${p.host}:${p.port}`,
                })),
              ]}
            />
          </Card>
        )}

        <Card title={t.organisation}>
          <SelectField
            label={t.parent}
            value={form.parent}
            error={errors.parent}
            onChange={(e) => set('parent', e.target.value)}
            options={[
              { value: '', label: t.noParent },
              ...groups.map((g) => ({ value: String(g.id), label: g.name })),
            ]}
          />
          <TextArea
            label={t.description}
            value={form.description}
            error={errors.description}
            onChange={(v) => set('description', v)}
          />
          <fieldset className="fieldset">
            <legend>{t.notifications}</legend>
            {(notifications ?? []).length === 0 && (
              <p className="field-hint">{t.noNotifications}</p>
            )}
            {(notifications ?? []).map((n) => (
              <CheckboxField
                key={n.id}
                label={n.name}
                checked={form.notificationIds.includes(n.id)}
                onChange={(e) =>
                  set(
                    'notificationIds',
                    e.target.checked
                      ? [...form.notificationIds, n.id]
                      : form.notificationIds.filter((nid) => nid !== n.id),
                  )
                }
              />
            ))}
          </fieldset>
          <MonitorTagsEditor tags={tags} choices={tagChoices} onChange={setTags} />
          {check('badgesPublic', t.badgesPublic)}
        </Card>

        {errors.form && (
          <p className="field-error" role="alert">
            {errors.form}
          </p>
        )}
        <div>
          <Button type="submit" variant="primary" busy={busy}>
            {t.save}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function extraText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function TextArea({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <FieldFrame label={label} error={error}>
      {({ input, describedBy }) => (
        <textarea
          id={input}
          aria-describedby={describedBy}
          aria-invalid={Boolean(error)}
          rows={4}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}
