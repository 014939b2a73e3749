import { useState, type FormEvent } from 'react';
import { Navigate } from 'react-router';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/field.js';
import { FormError } from '../../components/form-error.js';
import { setupFirstAdmin, useDashboard } from '../../lib/dashboard-client.js';
import { useSubmit } from '../../lib/use-submit.js';
import { strings } from '../../strings.js';

/** `/setup`: the first admin account (docs/protocol/authentication.md#setup), then logged in. */
export function SetupPage() {
  const phase = useDashboard((s) => s.auth.phase);
  const [form, setForm] = useState({ username: '', password: '', repeat: '' });
  const [passwordsDiffer, setPasswordsDiffer] = useState(false);
  const { busy, run, errorOf } = useSubmit();

  if (phase === 'loggedIn') return <Navigate to="/dashboard" replace />;
  if (phase === 'loggedOut') return <Navigate to="/dashboard" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const differ = form.password !== form.repeat;
    setPasswordsDiffer(differ);
    if (!differ) await run(() => setupFirstAdmin(form.username, form.password));
  }

  return (
    <main className="auth-page" id="main">
      <form
        className="auth-form card"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="setup-title"
      >
        <h1 id="setup-title">{strings.auth.setupTitle}</h1>
        <p>{strings.auth.setupIntro}</p>
        <TextField
          label={strings.auth.username}
          autoComplete="username"
          required
          value={form.username}
          onChange={(e) => setForm({ ...form, username: e.target.value })}
        />
        <TextField
          label={strings.auth.password}
          type="password"
          autoComplete="new-password"
          required
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <TextField
          label={strings.auth.repeatPassword}
          type="password"
          autoComplete="new-password"
          required
          value={form.repeat}
          onChange={(e) => setForm({ ...form, repeat: e.target.value })}
        />
        <FormError message={passwordsDiffer ? strings.auth.passwordsDiffer : errorOf('form')} />
        <Button type="submit" variant="primary" busy={busy}>
          {strings.auth.setupSubmit}
        </Button>
      </form>
    </main>
  );
}
