import { createBrowserRouter, Navigate } from 'react-router';
import { SetupPage } from '../pages/auth/setup-page.js';
import { DashboardHome } from '../pages/dashboard/dashboard-home.js';
import { DashboardLayout } from '../pages/dashboard/dashboard-layout.js';
import { MaintenancePage } from '../pages/maintenance/maintenance-page.js';
import { MonitorEditPage } from '../pages/monitor/monitor-edit-page.js';
import { MonitorPage } from '../pages/monitor/monitor-page.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { SettingsPage } from '../pages/settings/settings-page.js';
import { AddStatusPagePage } from '../pages/status-pages/add-status-page-page.js';
import { EditStatusPagePage } from '../pages/status-pages/edit-status-page-page.js';
import { ManageStatusPagesPage } from '../pages/status-pages/manage-status-pages-page.js';
import { AppLayout } from './app-layout.js';
import { SignedIn } from './signed-in.js';

/**
 * Uptime Kuma's routes, so URLs people know keep working (`/dashboard/17` gives the id for a
 * badge URL). The API serves index.html for exactly these paths (apps/api/src/http/web-app/);
 * a new top-level route needs its prefix added there too. Sections with their own sub-pages
 * (`/settings/*`, `/maintenance/*`) route inside their page component.
 */
export const router = createBrowserRouter([
  { path: '/setup', element: <SetupPage /> },
  {
    element: <SignedIn />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { path: '/', element: <Navigate to="/dashboard" replace /> },
          { path: '/login', element: <Navigate to="/dashboard" replace /> },
          {
            element: <DashboardLayout />,
            children: [
              { path: '/dashboard', element: <DashboardHome /> },
              { path: '/dashboard/:id', element: <MonitorPage /> },
              { path: '/add', element: <MonitorEditPage mode="add" /> },
              { path: '/edit/:id', element: <MonitorEditPage mode="edit" /> },
              { path: '/clone/:id', element: <MonitorEditPage mode="clone" /> },
            ],
          },
          { path: '/settings/*', element: <SettingsPage /> },
          { path: '/manage-status-page', element: <ManageStatusPagesPage /> },
          { path: '/add-status-page', element: <AddStatusPagePage /> },
          { path: '/edit-status-page/:slug', element: <EditStatusPagePage /> },
          { path: '/maintenance/*', element: <MaintenancePage /> },
          { path: '/add-maintenance', element: <Navigate to="/maintenance/add" replace /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
