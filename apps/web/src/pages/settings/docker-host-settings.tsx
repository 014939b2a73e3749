import { useState, type FormEvent } from 'react';
import type { DockerHostJson } from '@watchpost/core';
import { Button } from '../../components/button.js';
import { FormError } from '../../components/form-error.js';
import { SelectField, TextField } from '../../components/field.js';
import { Row } from '../../components/layout.js';
import { ConfirmDialog, Modal } from '../../components/modal.js';
import { showNotice, showRequestError } from '../../components/notices.js';
import { request, useDashboard } from '../../lib/dashboard-client.js';
import { useSubmit } from '../../lib/use-submit.js';
import { strings } from '../../strings.js';
import { SettingsSection } from './settings-section.js';

const s = strings.settings.dockerHosts;

interface DockerHostForm {
  id: number | null;
  name: string;
  dockerType: string;
  dockerDaemon: string;
}

const NEW_HOST: DockerHostForm = {
  id: null,
  name: '',
  dockerType: 'socket',
  dockerDaemon: '/var/run/docker.sock',
};

/** Docker hosts that docker monitors name (docs/protocol/docker-hosts.md). */
export function DockerHostSettings() {
  const hosts = useDashboard((state) => state.dockerHosts) as DockerHostJson[] | null;
  const [editing, setEditing] = useState<DockerHostForm | null>(null);
  const [deleting, setDeleting] = useState<DockerHostJson | null>(null);
  return (
    <SettingsSection
      title={strings.settings.sections['docker-hosts']}
      actions={
        <Button variant="primary" onClick={() => setEditing(NEW_HOST)}>
          {s.add}
        </Button>
      }
    >
      <p className="field-hint">{s.note}</p>
      {hosts === null ? (
        <p className="loading">{strings.common.loading}</p>
      ) : hosts.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        <ul className="item-list">
          {hosts.map((host) => (
            <li key={host.id} className="item">
              <div className="item-main">
                <strong>{host.name}</strong>
                <span>{`${host.dockerType}: ${host.dockerDaemon}`}</span>
              </div>
              <Row>
                <Button onClick={() => setEditing({ ...host })}>{strings.common.edit}</Button>
                <Button variant="danger" onClick={() => setDeleting(host)}>
                  {strings.common.delete}
                </Button>
              </Row>
            </li>
          ))}
        </ul>
      )}
      {editing && <DockerHostDialog initial={editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        title={s.deleteTitle}
        message={s.deleteMessage(deleting?.name ?? '')}
        confirmLabel={strings.common.delete}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) request('deleteDockerHost', deleting.id).catch(showRequestError);
          setDeleting(null);
        }}
      />
    </SettingsSection>
  );
}

type HostField = 'name' | 'dockerType' | 'dockerDaemon';
const HOST_MESSAGES = [
  [/name/i, 'name'],
  [/type/i, 'dockerType'],
  [/daemon/i, 'dockerDaemon'],
] as const;

function DockerHostDialog({ initial, onClose }: { initial: DockerHostForm; onClose: () => void }) {
  const [form, setForm] = useState(initial);
  const submit = useSubmit<HostField>(HOST_MESSAGES);
  const { id, name, dockerType, dockerDaemon } = form;
  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await submit.run(() =>
      request('addDockerHost', { name, dockerType, dockerDaemon }, id),
    );
    if (saved) onClose();
  }
  async function test() {
    await submit.run(async () => {
      const answer = await request('testDockerHost', { name, dockerType, dockerDaemon });
      showNotice('success', answer.msg ?? s.testOk);
    });
  }
  return (
    <Modal
      title={id === null ? s.add : s.edit}
      open
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{strings.common.cancel}</Button>
          <Button busy={submit.busy} onClick={() => void test()}>
            {s.test}
          </Button>
          <Button type="submit" form="docker-host-form" variant="primary" busy={submit.busy}>
            {strings.common.save}
          </Button>
        </>
      }
    >
      <form id="docker-host-form" className="stack" onSubmit={(e) => void save(e)}>
        <TextField
          label={s.name}
          required
          value={name}
          error={submit.errorOf('name')}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <SelectField
          label={s.type}
          value={dockerType}
          options={[
            { value: 'socket', label: s.socket },
            { value: 'tcp', label: s.tcp },
          ]}
          error={submit.errorOf('dockerType')}
          onChange={(e) => setForm({ ...form, dockerType: e.target.value })}
        />
        <TextField
          label={s.daemon}
          required
          value={dockerDaemon}
          hint={s.daemonHint}
          error={submit.errorOf('dockerDaemon')}
          onChange={(e) => setForm({ ...form, dockerDaemon: e.target.value })}
        />
        <FormError message={submit.errorOf('form')} />
      </form>
    </Modal>
  );
}
