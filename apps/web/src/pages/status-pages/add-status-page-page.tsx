import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../components/button.js';
import { FormError } from '../../components/form-error.js';
import { TextField } from '../../components/field.js';
import { Card, Page, Row } from '../../components/layout.js';
import { request } from '../../lib/dashboard-client.js';
import { useSubmit } from '../../lib/use-submit.js';
import { strings } from '../../strings.js';
import '../admin-pages.css';
import { usePublicPathPrefix } from './public-page-url.js';
import { STATUS_PAGE_MESSAGES, type StatusPageField } from './status-page-form.js';

const s = strings.statusPages;

/** `/add-status-page`: a title and a slug, then on to the editor (as in Kuma). */
export function AddStatusPagePage() {
  const [form, setForm] = useState({ title: '', slug: '' });
  const submit = useSubmit<StatusPageField>(STATUS_PAGE_MESSAGES);
  const navigate = useNavigate();
  const prefix = usePublicPathPrefix() ?? '';

  async function save(event: FormEvent) {
    event.preventDefault();
    const added = await submit.run(() => request('addStatusPage', form.title, form.slug));
    if (added) void navigate(`/edit-status-page/${form.slug.trim().toLowerCase()}`);
  }

  return (
    <Page title={s.addTitle}>
      <Card>
        <form className="stack" onSubmit={(e) => void save(e)}>
          <TextField
            label={s.pageTitle}
            required
            value={form.title}
            error={submit.errorOf('title')}
            onChange={(e) => setForm({ ...form, title: e.target.value })}
          />
          <TextField
            label={s.slug}
            required
            value={form.slug}
            hint={s.slugHint(prefix, form.slug || 'my-page')}
            error={submit.errorOf('slug')}
            onChange={(e) => setForm({ ...form, slug: e.target.value })}
          />
          <FormError message={submit.errorOf('form')} />
          <Row>
            <Button type="submit" variant="primary" busy={submit.busy}>
              {s.next}
            </Button>
          </Row>
        </form>
      </Card>
    </Page>
  );
}
