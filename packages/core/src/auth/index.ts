// Server-only: password hashing and login tokens.
export * from './password.js';
export * from './jwt.js';
export * from './totp.js';
export * from '../rate-limits/login-rate-limits.js';
