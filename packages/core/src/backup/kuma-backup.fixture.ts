// Test data: an Uptime Kuma 1.23 backup file, written by hand from the wire shapes of spec
// docs/protocol/monitors.md#monitor-object (monitor), docs/protocol/tags.md#tag-and-monitortag (tags), docs/protocol/notifications.md#notification-object (notification) and docs/protocol/proxies.md#proxy-object (proxy). Ids are the old
// instance's; the import must map them, never use them.

/** Old-instance ids the fixture's cross references use. */
export const KUMA_BACKUP_IDS = {
  mailNotification: 7,
  chatNotification: 9,
  proxy: 4,
} as const;

export const KUMA_BACKUP_PUSH_TOKEN = 'BackupPushToken0123456789abcdefg';

/** One monitor as Kuma 1.23's `monitorList` push carries it (every docs/protocol/monitors.md#monitor-object key present). */
export function kumaBackupMonitor(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: 1,
    name: 'Homepage',
    description: null,
    pathName: 'Homepage',
    parent: null,
    childrenIDs: [],
    url: 'https://example.com/',
    method: 'GET',
    hostname: null,
    port: null,
    maxretries: 1,
    weight: 2000,
    active: true,
    forceInactive: false,
    type: 'http',
    timeout: 48,
    interval: 60,
    retryInterval: 60,
    resendInterval: 0,
    keyword: null,
    invertKeyword: false,
    expiryNotification: false,
    ignoreTls: false,
    upsideDown: false,
    packetSize: 56,
    maxredirects: 10,
    accepted_statuscodes: ['200-299'],
    dns_resolve_type: 'A',
    dns_resolve_server: '1.1.1.1',
    dns_last_result: null,
    docker_container: '',
    docker_host: null,
    proxyId: null,
    notificationIDList: {},
    tags: [],
    maintenance: false,
    mqttTopic: '',
    mqttSuccessMessage: '',
    databaseQuery: null,
    authMethod: null,
    grpcUrl: null,
    grpcProtobuf: null,
    grpcMethod: null,
    grpcServiceName: null,
    grpcEnableTls: false,
    radiusCalledStationId: null,
    radiusCallingStationId: null,
    game: null,
    gamedigGivenPortOnly: true,
    httpBodyEncoding: 'json',
    jsonPath: null,
    expectedValue: null,
    kafkaProducerTopic: null,
    kafkaProducerBrokers: [],
    kafkaProducerSsl: false,
    kafkaProducerAllowAutoTopicCreation: false,
    kafkaProducerMessage: null,
    screenshot: null,
    headers: null,
    body: null,
    grpcBody: null,
    grpcMetadata: null,
    basic_auth_user: null,
    basic_auth_pass: null,
    oauth_client_id: null,
    oauth_client_secret: null,
    oauth_token_url: null,
    oauth_scopes: null,
    oauth_auth_method: 'client_secret_basic',
    pushToken: null,
    databaseConnectionString: null,
    radiusUsername: null,
    radiusPassword: null,
    radiusSecret: null,
    mqttUsername: '',
    mqttPassword: '',
    authWorkstation: null,
    authDomain: null,
    tlsCa: null,
    tlsCert: null,
    tlsKey: null,
    kafkaProducerSaslOptions: { mechanism: 'None' },
    includeSensitiveData: true,
    ...overrides,
  };
}

/** A MonitorTag (docs/protocol/tags.md#tag-and-monitortag) as a 1.23 monitor object lists it. */
function tagLink(monitorId: number, tagId: number, name: string, color: string, value: string) {
  return { id: monitorId * 10 + tagId, monitor_id: monitorId, tag_id: tagId, value, name, color };
}

function notificationEntry(id: number, config: Record<string, unknown>) {
  return {
    id,
    name: config.name,
    config: JSON.stringify({ ...config, id, userId: 1 }),
    active: true,
    userId: 1,
    isDefault: config.isDefault === true,
  };
}

/**
 * A realistic 1.23 backup: two notifications, one proxy, and http, keyword, port (paused)
 * and push monitors with tags, notification links and proxy references by old id.
 */
export function kumaBackup(
  overrides: Record<string, unknown> = {},
  // Tokens are unique across all tenants; a test importing several times passes its own.
  pushToken = KUMA_BACKUP_PUSH_TOKEN,
): Record<string, unknown> {
  const { mailNotification: mail, chatNotification: chat, proxy } = KUMA_BACKUP_IDS;
  return {
    version: '1.23.3',
    notificationList: [
      notificationEntry(mail, {
        name: 'Ops mail',
        type: 'smtp',
        isDefault: true,
        applyExisting: true,
        smtpHost: 'smtp.example.com',
        smtpPort: 587,
        smtpTo: 'ops@example.com',
      }),
      notificationEntry(chat, {
        name: 'Team chat',
        type: 'webhook',
        isDefault: false,
        webhookURL: 'https://hooks.example.com/kuma',
        webhookContentType: 'json',
      }),
    ],
    proxyList: [
      {
        id: proxy,
        userId: 1,
        protocol: 'http',
        host: 'proxy.example.com',
        port: 3128,
        auth: 1,
        username: 'squid',
        password: 'hunter2',
        active: 1,
        default: 0,
        createdDate: '2024-03-01 10:00:00',
      },
    ],
    monitorList: [
      kumaBackupMonitor({
        id: 11,
        name: 'Homepage',
        notificationIDList: { [mail]: true, [chat]: true },
        proxy_id: proxy,
        tags: [
          tagLink(11, 1, 'production', '#059669', ''),
          tagLink(11, 2, 'region', '#2563EB', 'eu-west'),
        ],
      }),
      kumaBackupMonitor({
        id: 12,
        name: 'Shop keyword',
        type: 'keyword',
        url: 'https://shop.example.com/health',
        keyword: 'OK',
        invertKeyword: false,
        method: 'HEAD',
        interval: 120,
        timeout: 0,
        retryInterval: 30,
        notificationIDList: { [chat]: true },
        tags: [tagLink(12, 2, 'region', '#2563EB', 'us-east')],
      }),
      kumaBackupMonitor({
        id: 13,
        name: 'Database port',
        type: 'port',
        url: 'https://',
        hostname: 'db.example.com',
        port: 5432,
        active: false,
        notificationIDList: { [mail]: true },
        tags: [tagLink(13, 1, 'production', '#059669', '')],
      }),
      kumaBackupMonitor({
        id: 14,
        name: 'Nightly job',
        type: 'push',
        url: 'https://',
        interval: 3600,
        timeout: 2880,
        pushToken,
      }),
    ],
    ...overrides,
  };
}
