/**
 * What an HTTP check needs to send its request through the monitor's proxy (spec §3.4).
 * Holds the proxy password: never log it.
 */
export interface CheckProxy {
  protocol: string;
  host: string;
  port: number;
  auth: boolean;
  username: string | null;
  password: string | null;
}
