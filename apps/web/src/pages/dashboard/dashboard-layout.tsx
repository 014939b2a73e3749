import { Outlet } from 'react-router';
import { MonitorList } from './monitor-list.js';

/** Kuma's dashboard: the monitor list on the left, the chosen page on the right. */
export function DashboardLayout() {
  return (
    <div className="dashboard">
      <MonitorList />
      <div className="dashboard-detail">
        <Outlet />
      </div>
    </div>
  );
}
