import { Route, Routes } from 'react-router';
import '../admin-pages.css';
import { MaintenanceEditor } from './maintenance-editor.js';
import { MaintenanceList } from './maintenance-list.js';

/**
 * `/maintenance/*`: the list and Kuma's `/maintenance/edit/:id` and `/maintenance/clone/:id`,
 * plus `/maintenance/add` (Kuma's `/add-maintenance` leads there), routed here.
 */
export function MaintenancePage() {
  return (
    <Routes>
      <Route index element={<MaintenanceList />} />
      <Route path="add" element={<MaintenanceEditor mode="add" />} />
      <Route path="edit/:id" element={<MaintenanceEditor mode="edit" />} />
      <Route path="clone/:id" element={<MaintenanceEditor mode="clone" />} />
      <Route path="*" element={<MaintenanceList />} />
    </Routes>
  );
}
