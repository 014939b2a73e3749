-- docs/protocol/authentication.md#logout: `logout` ends every login token of its user. A token's `h` covers this counter
-- as well as the password hash, so raising it makes every token issued before fail, on every
-- API node, with no list of revoked tokens to keep.
ALTER TABLE users ADD COLUMN login_token_version integer NOT NULL DEFAULT 0;
