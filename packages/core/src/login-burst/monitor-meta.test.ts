import { describe, expect, it } from 'vitest';
import { toMonitorMeta } from './monitor-meta.js';

describe('toMonitorMeta', () => {
  it('takes the list fields from a Kuma monitor object, tags inline', () => {
    const meta = toMonitorMeta({
      id: 7,
      name: 'api',
      type: 'keyword',
      active: true,
      parent: 3,
      maintenance: true,
      url: 'https://api.example/',
      hostname: null,
      port: null,
      interval: 60,
      tags: [{ id: 1, monitor_id: 7, tag_id: 4, value: null, name: 'prod', color: '#f00' }],
    });
    expect(meta).toEqual({
      id: 7,
      name: 'api',
      type: 'keyword',
      active: true,
      parent: 3,
      maintenance: true,
      target: 'https://api.example/',
      tags: [{ tagId: 4, name: 'prod', color: '#f00', value: '' }],
    });
  });

  it('names a host and port as the target when the URL is only the form’s placeholder', () => {
    const meta = toMonitorMeta({
      id: 1,
      type: 'port',
      url: 'https://',
      hostname: 'db.local',
      port: 5432,
    });
    expect(meta.target).toBe('db.local:5432');
    expect(toMonitorMeta({ id: 2, type: 'push', url: null, hostname: null }).target).toBeNull();
  });
});
