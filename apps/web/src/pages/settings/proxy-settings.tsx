import { useState, type FormEvent } from 'react';
import type { ProxyJson } from '@watchpost/core';
import { Button } from '../../components/button.js';
import { FormError } from '../../components/form-error.js';
import { CheckboxField, SelectField, TextField } from '../../components/field.js';
import { Row } from '../../components/layout.js';
import { ConfirmDialog, Modal } from '../../components/modal.js';
import { showRequestError } from '../../components/notices.js';
import { request, useDashboard } from '../../lib/dashboard-client.js';
import { useSubmit } from '../../lib/use-submit.js';
import { strings } from '../../strings.js';
import { SettingsSection } from './settings-section.js';

const s = strings.settings.proxies;
const PROTOCOLS = ['https', 'http', 'socks', 'socks5', 'socks5h', 'socks4'] as const;

interface ProxyForm {
  id: number | null;
  protocol: string;
  host: string;
  port: string;
  auth: boolean;
  username: string;
  password: string;
  default: boolean;
  applyExisting: boolean;
}

const NEW_PROXY: ProxyForm = {
  id: null,
  protocol: 'https',
  host: '',
  port: '',
  auth: false,
  username: '',
  password: '',
  default: false,
  applyExisting: false,
};

function proxyFormOf(proxy: ProxyJson): ProxyForm {
  return {
    id: proxy.id,
    protocol: proxy.protocol,
    host: proxy.host,
    port: String(proxy.port),
    auth: proxy.auth === 1,
    username: proxy.username ?? '',
    password: proxy.password ?? '',
    default: proxy.default === 1,
    applyExisting: false,
  };
}

/** Proxies monitors can check through (docs/protocol/proxies.md). */
export function ProxySettings() {
  const proxies = useDashboard((state) => state.proxies) as ProxyJson[] | null;
  const [editing, setEditing] = useState<ProxyForm | null>(null);
  const [deleting, setDeleting] = useState<ProxyJson | null>(null);
  return (
    <SettingsSection
      title={strings.settings.sections.proxies}
      actions={
        <Button variant="primary" onClick={() => setEditing(NEW_PROXY)}>
          {s.add}
        </Button>
      }
    >
      {proxies === null ? (
        <p className="loading">{strings.common.loading}</p>
      ) : proxies.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        <ul className="item-list">
          {proxies.map((proxy) => (
            <li key={proxy.id} className="item">
              <div className="item-main">
                <strong>{`${proxy.protocol}://${proxy.host}:${proxy.port}`}</strong>
                {proxy.default === 1 && <span className="tag-chip">{s.isDefault}</span>}
              </div>
              <Row>
                <Button onClick={() => setEditing(proxyFormOf(proxy))}>
                  {strings.common.edit}
                </Button>
                <Button variant="danger" onClick={() => setDeleting(proxy)}>
                  {strings.common.delete}
                </Button>
              </Row>
            </li>
          ))}
        </ul>
      )}
      {editing && <ProxyDialog initial={editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        title={s.deleteTitle}
        message={s.deleteMessage}
        confirmLabel={strings.common.delete}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) request('deleteProxy', deleting.id).catch(showRequestError);
          setDeleting(null);
        }}
      />
    </SettingsSection>
  );
}

type ProxyField = 'protocol' | 'host' | 'port';
const PROXY_MESSAGES = [
  [/protocol/i, 'protocol'],
  [/host/i, 'host'],
  [/port/i, 'port'],
] as const;

function ProxyDialog({ initial, onClose }: { initial: ProxyForm; onClose: () => void }) {
  const [form, setForm] = useState(initial);
  const submit = useSubmit<ProxyField>(PROXY_MESSAGES);
  async function save(event: FormEvent) {
    event.preventDefault();
    const { id, ...proxy } = form;
    const saved = await submit.run(() =>
      request('addProxy', { ...proxy, port: Number(proxy.port) }, id),
    );
    if (saved) onClose();
  }
  return (
    <Modal
      title={form.id === null ? s.add : s.edit}
      open
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{strings.common.cancel}</Button>
          <Button type="submit" form="proxy-form" variant="primary" busy={submit.busy}>
            {strings.common.save}
          </Button>
        </>
      }
    >
      <form id="proxy-form" className="stack" onSubmit={(e) => void save(e)}>
        <SelectField
          label={s.protocol}
          value={form.protocol}
          options={PROTOCOLS.map((p) => ({ value: p, label: p }))}
          error={submit.errorOf('protocol')}
          onChange={(e) => setForm({ ...form, protocol: e.target.value })}
        />
        <TextField
          label={s.host}
          required
          value={form.host}
          error={submit.errorOf('host')}
          onChange={(e) => setForm({ ...form, host: e.target.value })}
        />
        <TextField
          label={s.port}
          type="number"
          required
          min={1}
          max={65535}
          value={form.port}
          error={submit.errorOf('port')}
          onChange={(e) => setForm({ ...form, port: e.target.value })}
        />
        <CheckboxField
          label={s.auth}
          checked={form.auth}
          onChange={(e) => setForm({ ...form, auth: e.target.checked })}
        />
        {form.auth && (
          <>
            <TextField
              label={s.username}
              autoComplete="off"
              value={form.username}
              onChange={(e) => setForm({ ...form, username: e.target.value })}
            />
            <TextField
              label={s.password}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          </>
        )}
        <CheckboxField
          label={s.setDefault}
          hint={s.setDefaultHint}
          checked={form.default}
          onChange={(e) => setForm({ ...form, default: e.target.checked })}
        />
        <CheckboxField
          label={s.applyExisting}
          checked={form.applyExisting}
          onChange={(e) => setForm({ ...form, applyExisting: e.target.checked })}
        />
        <FormError message={submit.errorOf('form')} />
      </form>
    </Modal>
  );
}
