/**
 * The login token, kept as Kuma's web UI keeps it: `localStorage.token` when "remember me"
 * was ticked, else `sessionStorage.token` (gone with the tab).
 */
const KEY = 'token';

export function readToken(): string | null {
  return localStorage.getItem(KEY) ?? sessionStorage.getItem(KEY);
}

export function storeToken(token: string, remember: boolean): void {
  clearToken();
  (remember ? localStorage : sessionStorage).setItem(KEY, token);
}

export function clearToken(): void {
  localStorage.removeItem(KEY);
  sessionStorage.removeItem(KEY);
}

/** The username inside a login token's payload (docs/protocol/authentication.md#login-tokens); null for API keys or junk. */
export function usernameOfToken(token: string): string | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    const username = (json as { username?: unknown }).username;
    return typeof username === 'string' ? username : null;
  } catch {
    return null;
  }
}
