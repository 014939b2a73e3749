/** A login of one tenant, as it leaves the users repository (see toUser). */
export interface User {
  id: number;
  tenantId: number;
  username: string;
  passwordHash: string;
  active: boolean;
  timezone: string | null;
  /** The TOTP secret from the last `prepare2FA`; kept when 2FA is disabled, as upstream does. */
  twofaSecret: string | null;
  /** Whether 2FA is in force for `login`. */
  twofaStatus: boolean;
  /** The last TOTP code used to log in; refused when sent again (docs/protocol/authentication.md#login). */
  twofaLastToken: string | null;
  /** Raised by `logout`: login tokens issued before no longer work (see loginTokenFingerprint). */
  loginTokenVersion: number;
  createdAt: Date;
}
