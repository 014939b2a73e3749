import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button.js';
import { CheckboxField, TextField } from '../../components/field.js';
import { FormError } from '../../components/form-error.js';
import { login, useDashboard } from '../../lib/dashboard-client.js';
import { useSubmit } from '../../lib/use-submit.js';
import { strings } from '../../strings.js';

/**
 * Login with Kuma's 2FA step: a first `login` answers `tokenRequired` for an account with
 * 2FA, and the form then asks for the code and sends all three again. What was typed stays.
 */
export function LoginPage() {
  const notice = useDashboard((s) => s.auth.notice);
  const [form, setForm] = useState({ username: '', password: '', token: '', remember: true });
  const [needsToken, setNeedsToken] = useState(false);
  const { busy, run, errorOf } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      if ((await login(form)) === 'tokenRequired') setNeedsToken(true);
    });
  }

  return (
    <main className="auth-page" id="main">
      <form
        className="auth-form card"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="login-title"
      >
        <h1 id="login-title">{strings.auth.loginTitle}</h1>
        {notice && (
          <p className="form-notice" role="status">
            {notice}
          </p>
        )}
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
          autoComplete="current-password"
          required
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        {needsToken && (
          <TextField
            label={strings.auth.twoFactorToken}
            hint={strings.auth.twoFactorHint}
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            required
            value={form.token}
            onChange={(e) => setForm({ ...form, token: e.target.value })}
          />
        )}
        <CheckboxField
          label={strings.auth.rememberMe}
          checked={form.remember}
          onChange={(e) => setForm({ ...form, remember: e.target.checked })}
        />
        <FormError message={errorOf('form')} />
        <Button type="submit" variant="primary" busy={busy}>
          {strings.auth.login}
        </Button>
      </form>
    </main>
  );
}
