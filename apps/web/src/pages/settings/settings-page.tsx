import type { ComponentType } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { Page } from '../../components/layout.js';
import { strings } from '../../strings.js';
import '../admin-pages.css';
import { AboutSettings } from './about-settings.js';
import { ApiKeySettings } from './api-key-settings.js';
import { AppearanceSettings } from './appearance-settings.js';
import { BackupSettings } from './backup-settings.js';
import { DockerHostSettings } from './docker-host-settings.js';
import { GeneralSettings } from './general-settings.js';
import { NotificationSettings } from './notifications/notification-settings.js';
import { PrometheusSettings } from './prometheus-settings.js';
import { ProxySettings } from './proxy-settings.js';
import { SecuritySettings } from './security-settings.js';
import { TagSettings } from './tag-settings.js';

/** Kuma's settings sections, by the path under `/settings/` its URLs use. */
const SECTIONS: readonly [path: keyof typeof strings.settings.sections, ComponentType][] = [
  ['general', GeneralSettings],
  ['appearance', AppearanceSettings],
  ['notifications', NotificationSettings],
  ['api-keys', ApiKeySettings],
  ['prometheus', PrometheusSettings],
  ['proxies', ProxySettings],
  ['docker-hosts', DockerHostSettings],
  ['tags', TagSettings],
  ['security', SecuritySettings],
  ['backup', BackupSettings],
  ['about', AboutSettings],
];

/** `/settings/*`: a section nav beside the chosen section, routed inside this page. */
export function SettingsPage() {
  return (
    <Page title={strings.settings.title}>
      <div className="settings">
        <nav className="settings-nav" aria-label={strings.settings.navLabel}>
          <ul>
            {SECTIONS.map(([path]) => (
              <li key={path}>
                <NavLink to={`/settings/${path}`}>{strings.settings.sections[path]}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings-body">
          <Routes>
            <Route index element={<Navigate to="/settings/general" replace />} />
            {SECTIONS.map(([path, Section]) => (
              <Route key={path} path={path} element={<Section />} />
            ))}
            <Route path="*" element={<Navigate to="/settings/general" replace />} />
          </Routes>
        </div>
      </div>
    </Page>
  );
}
