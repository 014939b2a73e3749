/**
 * What a key may do (not in Kuma, whose keys can do everything). A `read` key sees all its
 * tenant sees but every mutating event answers `{ok:false}`; `write` is the default so keys
 * created by Kuma clients, which send no scope, keep Kuma's meaning.
 */
export const API_KEY_SCOPES = ['read', 'write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
export const DEFAULT_API_KEY_SCOPE: ApiKeyScope = 'write';
