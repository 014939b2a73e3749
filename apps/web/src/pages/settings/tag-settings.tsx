import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TagJson } from '@watchpost/core';
import { Button } from '../../components/button.js';
import { FormError } from '../../components/form-error.js';
import { TextField } from '../../components/field.js';
import { Row } from '../../components/layout.js';
import { ConfirmDialog, Modal } from '../../components/modal.js';
import { showRequestError } from '../../components/notices.js';
import { request } from '../../lib/dashboard-client.js';
import { useSubmit } from '../../lib/use-submit.js';
import { strings } from '../../strings.js';
import { SettingsSection } from './settings-section.js';

const s = strings.settings.tags;

interface TagForm {
  id: number | null;
  name: string;
  color: string;
}

/** The tenant's tags (docs/protocol/tags.md#tag-events); tags are not pushed, so they are fetched. */
export function TagSettings() {
  const [tags, setTags] = useState<TagJson[] | null>(null);
  const [editing, setEditing] = useState<TagForm | null>(null);
  const [deleting, setDeleting] = useState<TagJson | null>(null);
  const reload = useCallback(() => {
    request('getTags')
      .then((answer) => setTags(answer.tags as TagJson[]))
      .catch(showRequestError);
  }, []);
  useEffect(reload, [reload]);

  return (
    <SettingsSection
      title={strings.settings.sections.tags}
      actions={
        <Button
          variant="primary"
          onClick={() => setEditing({ id: null, name: '', color: '#2563eb' })}
        >
          {s.add}
        </Button>
      }
    >
      {tags === null ? (
        <p className="loading">{strings.common.loading}</p>
      ) : tags.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        <ul className="item-list">
          {tags.map((tag) => (
            <li key={tag.id} className="item">
              <div className="item-main">
                <span className="tag-swatch" style={{ background: tag.color }} aria-hidden />
                <strong>{tag.name}</strong>
                <span className="field-hint">{tag.color}</span>
              </div>
              <Row>
                <Button onClick={() => setEditing({ ...tag })}>{strings.common.edit}</Button>
                <Button variant="danger" onClick={() => setDeleting(tag)}>
                  {strings.common.delete}
                </Button>
              </Row>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <TagDialog
          initial={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) reload();
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={s.deleteTitle}
        message={s.deleteMessage(deleting?.name ?? '')}
        confirmLabel={strings.common.delete}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) request('deleteTag', deleting.id).then(reload, showRequestError);
          setDeleting(null);
        }}
      />
    </SettingsSection>
  );
}

type TagField = 'name' | 'color';
const TAG_MESSAGES = [
  [/name/i, 'name'],
  [/color/i, 'color'],
] as const;

function TagDialog({ initial, onClose }: { initial: TagForm; onClose: (saved: boolean) => void }) {
  const [form, setForm] = useState(initial);
  const submit = useSubmit<TagField>(TAG_MESSAGES);
  async function save(event: FormEvent) {
    event.preventDefault();
    const { id, name, color } = form;
    const saved = await submit.run(() =>
      id === null ? request('addTag', { name, color }) : request('editTag', { id, name, color }),
    );
    if (saved) onClose(true);
  }
  return (
    <Modal
      title={form.id === null ? s.add : s.edit}
      open
      onClose={() => onClose(false)}
      actions={
        <>
          <Button onClick={() => onClose(false)}>{strings.common.cancel}</Button>
          <Button type="submit" form="tag-form" variant="primary" busy={submit.busy}>
            {strings.common.save}
          </Button>
        </>
      }
    >
      <form id="tag-form" className="stack" onSubmit={(e) => void save(e)}>
        <TextField
          label={s.name}
          required
          value={form.name}
          error={submit.errorOf('name')}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <TextField
          label={s.color}
          type="color"
          value={form.color}
          error={submit.errorOf('color')}
          onChange={(e) => setForm({ ...form, color: e.target.value })}
        />
        <FormError message={submit.errorOf('form')} />
      </form>
    </Modal>
  );
}
