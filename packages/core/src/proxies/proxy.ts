/** A proxy as the domain sees it. Holds the proxy password: never log it. */
export interface Proxy {
  id: number;
  tenantId: number;
  userId: number | null;
  protocol: string;
  host: string;
  port: number;
  auth: boolean;
  username: string | null;
  password: string | null;
  active: boolean;
  isDefault: boolean;
  createdAt: Date;
}
