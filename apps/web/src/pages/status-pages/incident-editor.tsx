import { useState, type FormEvent } from 'react';
import type { IncidentJson } from '@watchpost/core';
import { Button } from '../../components/button.js';
import { FormError } from '../../components/form-error.js';
import { FieldFrame, SelectField, TextField } from '../../components/field.js';
import { Card, Row } from '../../components/layout.js';
import { showNotice } from '../../components/notices.js';
import { request } from '../../lib/dashboard-client.js';
import { useSubmit } from '../../lib/use-submit.js';
import { strings } from '../../strings.js';

const s = strings.statusPages;
const STYLES = ['info', 'warning', 'danger', 'primary', 'light', 'dark'] as const;

type IncidentField = 'title' | 'content' | 'style';
const INCIDENT_MESSAGES = [
  [/title/i, 'title'],
  [/content/i, 'content'],
  [/style/i, 'style'],
] as const;

/** The pinned incident: post (or update) it, or unpin it (docs/protocol/status-pages.md#postincident). */
export function IncidentEditor({
  slug,
  pinned,
}: {
  slug: string;
  pinned: Pick<IncidentJson, 'id' | 'title' | 'content' | 'style'> | null;
}) {
  const [incident, setIncident] = useState(pinned);
  const [form, setForm] = useState({
    title: pinned?.title ?? '',
    content: pinned?.content ?? '',
    style: pinned?.style ?? 'warning',
  });
  const submit = useSubmit<IncidentField>(INCIDENT_MESSAGES);

  async function post(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const answer = await request('postIncident', slug, {
        ...(incident ? { id: incident.id } : {}),
        ...form,
      });
      setIncident(answer.incident as IncidentJson);
      showNotice('success', s.incidentPosted);
    });
  }
  async function unpin() {
    await submit.run(async () => {
      await request('unpinIncident', slug);
      setIncident(null);
      setForm({ title: '', content: '', style: 'warning' });
      showNotice('success', s.incidentUnpinned);
    });
  }

  return (
    <Card title={s.incident}>
      <form className="stack" onSubmit={(e) => void post(e)}>
        <p className="field-hint">{incident ? s.incidentPinned : s.noIncident}</p>
        <TextField
          label={s.incidentTitle}
          required
          value={form.title}
          error={submit.errorOf('title')}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
        />
        <FieldFrame label={s.incidentContent} error={submit.errorOf('content')}>
          {({ input, describedBy }) => (
            <textarea
              id={input}
              aria-describedby={describedBy}
              required
              rows={4}
              value={form.content}
              onChange={(e) => setForm({ ...form, content: e.target.value })}
            />
          )}
        </FieldFrame>
        <SelectField
          label={s.incidentStyle}
          value={form.style}
          options={STYLES.map((style) => ({ value: style, label: s.incidentStyles[style] }))}
          error={submit.errorOf('style')}
          onChange={(e) => setForm({ ...form, style: e.target.value })}
        />
        <FormError message={submit.errorOf('form')} />
        <Row>
          <Button type="submit" variant="primary" busy={submit.busy}>
            {incident ? s.updateIncident : s.postIncident}
          </Button>
          {incident && (
            <Button busy={submit.busy} onClick={() => void unpin()}>
              {s.unpinIncident}
            </Button>
          )}
        </Row>
      </form>
    </Card>
  );
}
