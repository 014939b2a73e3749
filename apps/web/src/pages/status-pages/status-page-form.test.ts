import { describe, expect, it } from 'vitest';
import type { StatusPageConfig } from '@watchpost/core';
import { fieldOfMessage } from '../../lib/field-of-message.js';
import {
  STATUS_PAGE_MESSAGES,
  isSamePage,
  moveItem,
  saveStatusPageArgs,
  statusPageFormFromData,
} from './status-page-form.js';

const config: StatusPageConfig = {
  id: 3,
  slug: 'main',
  title: 'Acme status',
  description: null,
  icon: '/icon.svg',
  theme: 'dark',
  published: true,
  showTags: false,
  customCSS: 'body { color: red }',
  footerText: null,
  showPoweredBy: true,
  googleAnalyticsId: null,
  showCertificateExpiry: true,
  domainNameList: ['status.acme.test', 'up.acme.test'],
  autoRefreshInterval: 300,
};

const groups = [
  {
    id: 11,
    name: 'Services',
    monitorList: [
      { id: 1, name: 'API', sendUrl: 1 },
      { id: 2, name: 'Web', sendUrl: 0 },
    ],
  },
];

describe('status page form mapping', () => {
  it('reads a page and its groups, and saves them in the shape saveStatusPage takes', () => {
    const form = statusPageFormFromData(config, groups);
    expect(form).toMatchObject({
      slug: 'main',
      description: '',
      footerText: '',
      theme: 'dark',
      domains: 'status.acme.test\nup.acme.test',
      autoRefreshInterval: '300',
      logo: null,
    });
    const [saved, logo, groupList] = saveStatusPageArgs({
      ...form,
      slug: ' renamed ',
      autoRefreshInterval: ' 60 ',
      domains: 'status.acme.test\n\n  new.acme.test  \n',
      groups: [...form.groups, { id: null, name: 'New', monitors: [] }],
    });
    expect(saved).toEqual({
      slug: 'renamed',
      title: 'Acme status',
      description: '',
      footerText: '',
      customCSS: 'body { color: red }',
      googleAnalyticsId: '',
      theme: 'dark',
      showTags: false,
      showPoweredBy: true,
      showCertificateExpiry: true,
      autoRefreshInterval: 60,
      domainNameList: ['status.acme.test', 'new.acme.test'],
    });
    expect(logo).toBe('');
    expect(groupList).toEqual([
      {
        id: 11,
        name: 'Services',
        monitorList: [
          { id: 1, sendUrl: true },
          { id: 2, sendUrl: false },
        ],
      },
      { name: 'New', monitorList: [] },
    ]);
  });

  it('sends a refresh interval that is no number as typed, for the server to refuse', () => {
    const refresh = (typed: string) =>
      saveStatusPageArgs({ ...statusPageFormFromData(config, []), autoRefreshInterval: typed })[0]
        .autoRefreshInterval;
    expect(refresh('0')).toBe(0);
    expect(refresh('')).toBe('');
    expect(refresh('soon')).toBe('soon');
  });

  it('sends a chosen logo as its data URL', () => {
    const form = { ...statusPageFormFromData(config, []), logo: 'data:image/png;base64,AAAA' };
    expect(saveStatusPageArgs(form)[1]).toBe('data:image/png;base64,AAAA');
  });

  it('moves an item up and down within the bounds', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 5)).toEqual(['a', 'b', 'c']);
  });

  it('places the server messages on their fields', () => {
    const place = (msg: string) => fieldOfMessage(msg, STATUS_PAGE_MESSAGES);
    expect(place('Invalid Slug')).toBe('slug');
    expect(place('This slug is already used by another status page.')).toBe('slug');
    expect(place('Title is too long')).toBe('title');
    expect(place('Domain status.acme.test is already in use')).toBe('domains');
    expect(place('Only allowed PNG logo.')).toBe('logo');
    expect(place('Monitor not found')).toBe('groups');
    expect(place('The refresh interval is 0 (off) or 30 to 86400 seconds')).toBe(
      'autoRefreshInterval',
    );
    expect(place('Invalid refresh interval')).toBe('autoRefreshInterval');
    expect(place('Please input all fields')).toBe('form');
  });

  it('tells the page the socket described from another tenant’s page of the same slug', () => {
    const { id: _id, domainNameList: _domains, ...published } = config;
    expect(isSamePage(config, published)).toBe(true);
    expect(isSamePage(config, { ...published, title: 'Someone else' })).toBe(false);
    expect(isSamePage(config, { ...published, description: 'Other' })).toBe(false);
  });
});
