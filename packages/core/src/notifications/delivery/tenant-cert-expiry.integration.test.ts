import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertInfo, TlsInfo } from '../../checks/tls-info.js';
import { saveGeneralSettings } from '../../settings/settings-repository.js';
import { createTenantWithAdmin } from '../../tenants/tenant-repository.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../../testing/test-database.js';
import { findCertExpiryNotices } from './tenant-cert-expiry.js';

function leafExpiringIn(daysRemaining: number): TlsInfo {
  const root: CertInfo = {
    subject: { CN: 'Root X1' },
    issuer: { CN: 'Root X1' },
    subjectaltname: null,
    valid_from: '',
    valid_to: '',
    fingerprint: 'fp-root',
    fingerprint256: 'fp256-root',
    serialNumber: '01',
    validTo: '',
    validFor: [],
    daysRemaining: 3,
    certType: 'root CA',
    issuerCertificate: null,
  };
  return {
    valid: true,
    certInfo: {
      ...root,
      subject: { CN: 'shop.example' },
      issuer: { CN: 'Root X1' },
      fingerprint256: 'fp256-leaf',
      daysRemaining,
      certType: 'server',
      issuerCertificate: root,
    },
  };
}

const shop = {
  type: 'http' as const,
  name: 'shop',
  url: 'https://shop.example',
  expiryNotification: true,
  ignoreTls: false,
};

describe.each(TEST_BACKENDS)(
  'certificate reminders under the tenant’s thresholds on %s',
  (backend) => {
    let t: BackendTestDatabase;
    let early: number;
    let unset: number;
    let broken: number;

    beforeAll(async () => {
      t = await openTestDatabase(backend);
      const tenant = async (name: string) =>
        (await createTenantWithAdmin(t.db, { name, username: name, passwordHash: 'x' })).tenantId;
      early = await tenant('early');
      unset = await tenant('unset');
      broken = await tenant('broken');
      await saveGeneralSettings(t.db, early, { tlsExpiryNotifyDays: [30, 60] });
      // Stored before validation existed, or by hand: unusable, so the default applies.
      await saveGeneralSettings(t.db, broken, { tlsExpiryNotifyDays: 'soon' });
    });
    afterAll(async () => t?.drop());

    const daysOf = async (tenantId: number, leafDays: number) =>
      (await findCertExpiryNotices(t.db, { ...shop, tenantId }, leafExpiringIn(leafDays))).map(
        (n) => n.days,
      );

    it('reminds at the tenant’s own thresholds', async () => {
      expect(await daysOf(early, 45)).toEqual([60]);
      expect(await daysOf(early, 25)).toEqual([30, 60]);
      const [notice] = await findCertExpiryNotices(
        t.db,
        { ...shop, tenantId: early },
        leafExpiringIn(45),
      );
      expect(notice?.msg).toBe(
        '[shop][https://shop.example] server certificate shop.example will be expired in 45 days',
      );
    });

    it('keeps 7, 14 and 21 days for other tenants and for an unusable setting', async () => {
      for (const tenantId of [unset, broken]) {
        expect(await daysOf(tenantId, 45)).toEqual([]);
        expect(await daysOf(tenantId, 10)).toEqual([14, 21]);
      }
    });

    it('sends nothing for a monitor without expiry notifications or without TLS facts', async () => {
      const quiet = { ...shop, tenantId: early, expiryNotification: false };
      expect(await findCertExpiryNotices(t.db, quiet, leafExpiringIn(5))).toEqual([]);
      expect(await findCertExpiryNotices(t.db, { ...shop, tenantId: early }, undefined)).toEqual(
        [],
      );
    });
  },
);
