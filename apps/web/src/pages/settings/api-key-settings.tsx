import { useState, type FormEvent } from 'react';
import type { ApiKeyJson } from '@watchpost/core';
import { Button } from '../../components/button.js';
import { CopyButton } from '../../components/copy-button.js';
import { FormError } from '../../components/form-error.js';
import { CheckboxField, SelectField, TextField } from '../../components/field.js';
import { ConfirmDialog, Modal } from '../../components/modal.js';
import { Row } from '../../components/layout.js';
import { request, useDashboard } from '../../lib/dashboard-client.js';
import { useAction } from '../../lib/use-action.js';
import { useSubmit } from '../../lib/use-submit.js';
import { strings } from '../../strings.js';
import { toWireDate } from '../maintenance/maintenance-form.js';
import { SettingsSection } from './settings-section.js';

const s = strings.settings.apiKeys;
const KEY_STATUS_CLASS = {
  active: 'status-up',
  inactive: 'status-paused',
  expired: 'status-down',
} as const;

/** API keys: create (the clear key shown once), disable, enable, delete, last used. */
export function ApiKeySettings() {
  const keys = useDashboard((state) => state.apiKeys);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <SettingsSection
      title={strings.settings.sections['api-keys']}
      actions={
        <Button variant="primary" onClick={() => setAdding(true)}>
          {s.add}
        </Button>
      }
    >
      <p className="field-hint">{s.intro}</p>
      {keys === null ? (
        <p className="loading">{strings.common.loading}</p>
      ) : keys.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        <ul className="item-list">
          {keys.map((key) => (
            <ApiKeyRow key={key.id} apiKey={key} />
          ))}
        </ul>
      )}
      {adding && (
        <AddApiKeyDialog
          onClose={() => setAdding(false)}
          onCreated={(key) => {
            setAdding(false);
            setCreated(key);
          }}
        />
      )}
      {created !== null && (
        <Modal title={s.createdTitle} open onClose={() => setCreated(null)}>
          <p>{s.createdNote}</p>
          <TextField label={s.key} readOnly value={created} onFocus={(e) => e.target.select()} />
          <CopyButton text={created} label={s.copyKey} />
        </Modal>
      )}
    </SettingsSection>
  );
}

function ApiKeyRow({ apiKey }: { apiKey: ApiKeyJson }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, act } = useAction();
  return (
    <li className="item">
      <div className="item-main">
        <strong>{apiKey.name}</strong>
        <span className={`status-pill ${KEY_STATUS_CLASS[apiKey.status]}`}>
          {s.status[apiKey.status]}
        </span>
        <span className="tag-chip">{s.scope[apiKey.scope]}</span>
      </div>
      <dl className="item-facts">
        <dt>{s.expires}</dt>
        <dd>{apiKey.expires ?? s.never}</dd>
        <dt>{s.lastUsed}</dt>
        <dd>{apiKey.lastUsedDate ? s.utc(apiKey.lastUsedDate) : s.neverUsed}</dd>
        <dt>{s.created}</dt>
        <dd>{s.utc(apiKey.createdDate)}</dd>
      </dl>
      <Row>
        {apiKey.active ? (
          <Button busy={busy} onClick={() => void act(() => request('disableAPIKey', apiKey.id))}>
            {s.disable}
          </Button>
        ) : (
          <Button busy={busy} onClick={() => void act(() => request('enableAPIKey', apiKey.id))}>
            {s.enable}
          </Button>
        )}
        <Button variant="danger" onClick={() => setConfirming(true)}>
          {strings.common.delete}
        </Button>
      </Row>
      {confirming && (
        <ConfirmDialog
          open
          title={s.deleteTitle}
          message={s.deleteMessage(apiKey.name)}
          confirmLabel={strings.common.delete}
          danger
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void act(() => request('deleteAPIKey', apiKey.id));
          }}
        />
      )}
    </li>
  );
}

type KeyField = 'name' | 'expires';
const KEY_MESSAGES = [
  [/name/i, 'name'],
  [/expir/i, 'expires'],
] as const;

function AddApiKeyDialog(props: { onClose: () => void; onCreated: (key: string) => void }) {
  const [form, setForm] = useState({
    name: '',
    expires: '',
    neverExpires: true,
    scope: 'write' as 'read' | 'write',
  });
  const submit = useSubmit<KeyField>(KEY_MESSAGES);

  async function save(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const answer = await request('addAPIKey', {
        name: form.name,
        expires: form.neverExpires ? null : toWireDate(form.expires),
        active: 1,
        scope: form.scope,
      });
      props.onCreated(String(answer.key));
    });
  }

  return (
    <Modal
      title={s.add}
      open
      onClose={props.onClose}
      actions={
        <>
          <Button onClick={props.onClose}>{strings.common.cancel}</Button>
          <Button type="submit" form="add-api-key" variant="primary" busy={submit.busy}>
            {s.generate}
          </Button>
        </>
      }
    >
      <form id="add-api-key" className="stack" onSubmit={(e) => void save(e)}>
        <TextField
          label={s.name}
          required
          value={form.name}
          error={submit.errorOf('name')}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <CheckboxField
          label={s.neverExpires}
          checked={form.neverExpires}
          onChange={(e) => setForm({ ...form, neverExpires: e.target.checked })}
        />
        {!form.neverExpires && (
          <TextField
            label={s.expiresAt}
            type="datetime-local"
            required
            hint={s.expiresHint}
            value={form.expires}
            error={submit.errorOf('expires')}
            onChange={(e) => setForm({ ...form, expires: e.target.value })}
          />
        )}
        <SelectField
          label={s.scopeLabel}
          value={form.scope}
          hint={s.scopeHint}
          options={[
            { value: 'write', label: s.scope.write },
            { value: 'read', label: s.scope.read },
          ]}
          onChange={(e) => setForm({ ...form, scope: e.target.value as 'read' | 'write' })}
        />
        <FormError message={submit.errorOf('form')} />
      </form>
    </Modal>
  );
}
