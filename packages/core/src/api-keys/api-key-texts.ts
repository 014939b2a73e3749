// Upstream changes nothing and says nothing for an id that is not the caller's; one text for
// "missing" and "another tenant's" keeps ids from being probed.
export const API_KEY_NOT_FOUND_MSG = 'API key not found.';
