import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '@watchpost/core';
import { registerAppErrorReplies } from './app-error-replies.js';

function appThrowing(error: Error) {
  const app = Fastify();
  registerAppErrorReplies(app);
  app.get('/thing', () => {
    throw error;
  });
  return app;
}

describe('registerAppErrorReplies', () => {
  it.each([
    ['invalid-input', 400],
    ['not-logged-in', 401],
    ['permission-denied', 403],
    ['not-found', 404],
    ['conflict', 409],
    ['rate-limited', 429],
  ] as const)('answers an AppError %s with %i and its message', async (code, status) => {
    const app = appThrowing(new AppError(code, 'Monitor not found.'));
    const response = await app.inject({ method: 'GET', url: '/thing' });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ ok: false, msg: 'Monitor not found.' });
  });

  it('answers any other error with 500 and without its text', async () => {
    const app = appThrowing(new Error('connection string with a password'));
    const response = await app.inject({ method: 'GET', url: '/thing' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ ok: false, msg: 'Internal error' });
  });

  it('leaves Fastify’s answer to a malformed body alone', async () => {
    const app = Fastify();
    registerAppErrorReplies(app);
    app.post('/thing', () => ({ ok: true }));
    const response = await app.inject({
      method: 'POST',
      url: '/thing',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(response.statusCode).toBe(400);
  });
});
