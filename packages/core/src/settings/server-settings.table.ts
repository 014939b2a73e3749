export interface ServerSettingsTable {
  key: string;
  value: string;
}
