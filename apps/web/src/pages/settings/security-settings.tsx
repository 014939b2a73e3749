import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '../../components/button.js';
import { FormError } from '../../components/form-error.js';
import { TextField } from '../../components/field.js';
import { Row } from '../../components/layout.js';
import { showNotice, showRequestError } from '../../components/notices.js';
import { request } from '../../lib/dashboard-client.js';
import { useSubmit } from '../../lib/use-submit.js';
import { strings } from '../../strings.js';
import { SettingsSection } from './settings-section.js';

const s = strings.settings.security;

type PasswordField = 'currentPassword' | 'newPassword';
const PASSWORD_MESSAGES = [
  [/current/i, 'currentPassword'],
  [/password/i, 'newPassword'],
] as const;

/** Password change and two-factor authentication (docs/protocol/authentication.md). */
export function SecuritySettings() {
  return (
    <SettingsSection title={strings.settings.sections.security}>
      <ChangePassword />
      <TwoFactor />
    </SettingsSection>
  );
}

function ChangePassword() {
  const empty = { currentPassword: '', newPassword: '', repeatNewPassword: '' };
  const [form, setForm] = useState(empty);
  const [mismatch, setMismatch] = useState(false);
  const submit = useSubmit<PasswordField>(PASSWORD_MESSAGES);
  async function save(event: FormEvent) {
    event.preventDefault();
    setMismatch(form.newPassword !== form.repeatNewPassword);
    if (form.newPassword !== form.repeatNewPassword) return;
    if (await submit.run(() => request('changePassword', form))) {
      setForm(empty);
      showNotice('success', s.passwordChanged);
    }
  }
  return (
    <form className="card stack" onSubmit={(e) => void save(e)} aria-labelledby="password-title">
      <h3 id="password-title">{s.changePassword}</h3>
      <TextField
        label={s.currentPassword}
        type="password"
        autoComplete="current-password"
        required
        value={form.currentPassword}
        error={submit.errorOf('currentPassword')}
        onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
      />
      <TextField
        label={s.newPassword}
        type="password"
        autoComplete="new-password"
        required
        value={form.newPassword}
        error={submit.errorOf('newPassword')}
        onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
      />
      <TextField
        label={s.repeatNewPassword}
        type="password"
        autoComplete="new-password"
        required
        value={form.repeatNewPassword}
        error={mismatch ? strings.auth.passwordsDiffer : null}
        onChange={(e) => setForm({ ...form, repeatNewPassword: e.target.value })}
      />
      <FormError message={submit.errorOf('form')} />
      <Row>
        <Button type="submit" variant="primary" busy={submit.busy}>
          {s.changePassword}
        </Button>
      </Row>
    </form>
  );
}

type TwoFactorField = 'password' | 'token';
const TWO_FACTOR_MESSAGES = [
  [/password/i, 'password'],
  [/token/i, 'token'],
] as const;

/**
 * Turning 2FA on: prepare a secret (password), show its QR code, check one code from the app
 * with verifyToken, then save. The QR is drawn here from the `otpauth://` URI, so the secret
 * never leaves the browser for a third-party service.
 */
function TwoFactor() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [uri, setUri] = useState<string | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const submit = useSubmit<TwoFactorField>(TWO_FACTOR_MESSAGES);

  useEffect(() => {
    request('twoFAStatus')
      .then((answer) => setEnabled(answer.status === true))
      .catch(showRequestError);
  }, []);
  useEffect(() => {
    // Loaded on demand: only this step needs the QR encoder, so the app's bundle stays lean.
    if (uri) {
      import('qrcode')
        .then(({ default: QRCode }) => QRCode.toDataURL(uri, { margin: 1, width: 220 }))
        .then(setQr, showRequestError);
    }
  }, [uri]);

  function finish(message: unknown, nowEnabled: boolean) {
    setEnabled(nowEnabled);
    setUri(null);
    setQr(null);
    setPassword('');
    setToken('');
    showNotice('success', String(message));
  }

  async function prepare(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => setUri(String((await request('prepare2FA', password)).uri)));
  }
  async function confirm(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      await request('verifyToken', token, password);
      finish((await request('save2FA', password)).msg, true);
    });
  }
  async function disable(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => finish((await request('disable2FA', password)).msg, false));
  }

  const passwordField = (
    <TextField
      label={s.currentPassword}
      type="password"
      autoComplete="current-password"
      required
      value={password}
      error={submit.errorOf('password')}
      onChange={(e) => setPassword(e.target.value)}
    />
  );
  return (
    <div className="card stack">
      <h3>{s.twoFactor}</h3>
      <p>{enabled === null ? strings.common.loading : enabled ? s.twoFactorOn : s.twoFactorOff}</p>
      {enabled === true && (
        <form className="stack" onSubmit={(e) => void disable(e)}>
          {passwordField}
          <FormError message={submit.errorOf('form')} />
          <Row>
            <Button type="submit" variant="danger" busy={submit.busy}>
              {s.disable2FA}
            </Button>
          </Row>
        </form>
      )}
      {enabled === false && uri === null && (
        <form className="stack" onSubmit={(e) => void prepare(e)}>
          {passwordField}
          <FormError message={submit.errorOf('form')} />
          <Row>
            <Button type="submit" variant="primary" busy={submit.busy}>
              {s.enable2FA}
            </Button>
          </Row>
        </form>
      )}
      {uri !== null && (
        <form className="stack" onSubmit={(e) => void confirm(e)}>
          <p>{s.scanQr}</p>
          {qr && <img className="qr" src={qr} width={220} height={220} alt={s.qrAlt} />}
          <TextField label={s.secretUri} readOnly value={uri} />
          <TextField
            label={strings.auth.twoFactorToken}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={token}
            error={submit.errorOf('token')}
            onChange={(e) => setToken(e.target.value)}
          />
          <FormError message={submit.errorOf('form')} />
          <Row>
            <Button type="submit" variant="primary" busy={submit.busy}>
              {s.verifyAndEnable}
            </Button>
          </Row>
        </form>
      )}
    </div>
  );
}
