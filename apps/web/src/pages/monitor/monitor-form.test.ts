import { describe, expect, it } from 'vitest';
import {
  diffTags,
  emptyMonitorForm,
  formFieldOf,
  isCheckedAuth,
  isCheckedType,
  monitorFormFrom,
  monitorPayloadFrom,
  parseStatusCodes,
  pushUrlOf,
  targetFieldsOf,
} from './monitor-form.js';

const cloneName = (name: string) => `Clone of ${name}`;

/** A monitor object as getMonitor answers it (docs/protocol/monitors.md#monitor-object), abridged. */
const stored = {
  id: 7,
  name: 'Shop',
  description: null,
  pathName: 'Shop',
  parent: 3,
  childrenIDs: [],
  type: 'keyword',
  url: 'https://shop.test/health',
  method: 'POST',
  hostname: null,
  port: null,
  maxretries: 2,
  interval: 120,
  retryInterval: 30,
  resendInterval: 0,
  timeout: 48,
  keyword: 'ok',
  invertKeyword: true,
  expiryNotification: true,
  ignoreTls: false,
  upsideDown: false,
  packetSize: 56,
  maxredirects: 5,
  accepted_statuscodes: ['200-299', '301'],
  dns_resolve_type: null,
  dns_resolve_server: null,
  proxyId: 4,
  notificationIDList: { '1': true, '5': true, '9': false },
  tags: [{ id: 1, monitor_id: 7, tag_id: 2, value: 'eu', name: 'region', color: '#fff' }],
  httpBodyEncoding: 'json',
  authMethod: 'basic',
  headers: '{"X-A":"1"}',
  body: '{"q":1}',
  basic_auth_user: 'u',
  basic_auth_pass: 'p',
  pushToken: 'tok',
  badgesPublic: true,
  mqttTopic: 'kept/verbatim',
  kafkaProducerBrokers: ['b1:9092'],
};

describe('monitorFormFrom and monitorPayloadFrom', () => {
  it('round-trips an edited monitor: every editable field comes back as it was', () => {
    const payload = monitorPayloadFrom(monitorFormFrom(stored, 'edit', cloneName), 7);
    expect(payload).toMatchObject({
      id: 7,
      type: 'keyword',
      name: 'Shop',
      description: null,
      parent: 3,
      interval: 120,
      retryInterval: 30,
      maxretries: 2,
      resendInterval: 0,
      timeout: 48,
      url: 'https://shop.test/health',
      method: 'POST',
      accepted_statuscodes: ['200-299', '301'],
      maxredirects: 5,
      keyword: 'ok',
      invertKeyword: true,
      expiryNotification: true,
      headers: '{"X-A":"1"}',
      body: '{"q":1}',
      authMethod: 'basic',
      basic_auth_user: 'u',
      basic_auth_pass: 'p',
      pushToken: 'tok',
      proxyId: 4,
      notificationIDList: { '1': true, '5': true },
      badgesPublic: true,
      mqttTopic: 'kept/verbatim',
      kafkaProducerBrokers: ['b1:9092'],
    });
  });

  it('leaves the computed fields out of the payload', () => {
    const payload = monitorPayloadFrom(monitorFormFrom(stored, 'edit', cloneName), 7);
    for (const key of ['pathName', 'childrenIDs', 'tags']) expect(payload).not.toHaveProperty(key);
  });

  it('clones under a new name, without the push token, the id or a public badge', () => {
    const form = monitorFormFrom(stored, 'clone', cloneName);
    const payload = monitorPayloadFrom(form);
    expect(payload).toMatchObject({ name: 'Clone of Shop', pushToken: null, badgesPublic: false });
    expect(payload).not.toHaveProperty('id');
  });

  it('sends numbers as numbers, empty number fields as null, and other text as typed', () => {
    const form = { ...emptyMonitorForm(), interval: ' 90 ', port: '', maxretries: 'three' };
    const payload = monitorPayloadFrom(form);
    expect(payload.interval).toBe(90);
    expect(payload.port).toBeNull();
    // The server answers with its own message about it (docs/protocol/monitors.md#add).
    expect(payload.maxretries).toBe('three');
  });

  it('starts a new monitor as an HTTP check every 60 s accepting 2xx', () => {
    expect(monitorPayloadFrom({ ...emptyMonitorForm(), name: 'New' })).toMatchObject({
      type: 'http',
      name: 'New',
      interval: 60,
      accepted_statuscodes: ['200-299'],
      parent: null,
      proxyId: null,
      notificationIDList: {},
      badgesPublic: false,
    });
  });

  it('falls back to an HTTP form for a type it does not know', () => {
    expect(monitorFormFrom({ ...stored, type: 'nonsense' }, 'edit', cloneName).type).toBe('http');
  });
});

describe('parseStatusCodes', () => {
  it('splits on commas and spaces and drops blanks', () => {
    expect(parseStatusCodes('200-299, 301 ,, 404')).toEqual(['200-299', '301', '404']);
    expect(parseStatusCodes('  ')).toEqual([]);
  });
});

describe('formFieldOf', () => {
  it('maps a refusal’s field hint to the form field of the same wire name', () => {
    const form = emptyMonitorForm();
    expect(formFieldOf('url', form)).toBe('url');
    expect(formFieldOf('accepted_statuscodes', form)).toBe('accepted_statuscodes');
    expect(formFieldOf('nope', form)).toBeNull();
    expect(formFieldOf('extra', form)).toBeNull();
    expect(formFieldOf(undefined, form)).toBeNull();
  });
});

describe('types and their fields', () => {
  it('marks only the types Watchpost checks as checked', () => {
    expect(
      ['http', 'keyword', 'json-query', 'port', 'dns', 'push', 'group'].every(isCheckedType),
    ).toBe(true);
    expect(isCheckedType('ping')).toBe(false);
    expect(isCheckedType('docker')).toBe(false);
  });

  it('marks only no authentication and basic as used by checks', () => {
    expect(['', 'basic'].every(isCheckedAuth)).toBe(true);
    expect(['ntlm', 'mtls', 'oauth2-cc'].some(isCheckedAuth)).toBe(false);
  });

  it('asks a port monitor for host and port, a DNS monitor also for its resolver', () => {
    expect(targetFieldsOf('port')).toMatchObject({
      http: false,
      hostname: true,
      port: true,
      dns: false,
    });
    expect(targetFieldsOf('dns')).toMatchObject({ hostname: true, port: true, dns: true });
    expect(targetFieldsOf('json-query')).toMatchObject({ http: true, hostname: false });
    expect(targetFieldsOf('group')).toEqual({
      http: false,
      hostname: false,
      port: false,
      dns: false,
      packetSize: false,
      push: false,
    });
  });
});

describe('pushUrlOf', () => {
  it('builds the push URL on the page’s origin', () => {
    expect(pushUrlOf('http://localhost:3001', 'abc')).toBe(
      'http://localhost:3001/api/push/abc?status=up&msg=OK&ping=',
    );
  });
});

describe('diffTags', () => {
  it('adds and removes links by tag and value, keeping the unchanged ones', () => {
    const region = { tag_id: 1, name: 'region', color: '#000', value: 'eu' };
    const team = { tag_id: 2, name: 'team', color: '#111', value: '' };
    const us = { ...region, value: 'us' };
    expect(diffTags([region, team], [team, us])).toEqual({ added: [us], removed: [region] });
    expect(diffTags([region], [region])).toEqual({ added: [], removed: [] });
  });
});
