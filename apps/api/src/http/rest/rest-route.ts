import type { z } from 'zod';
import type { LoginIdentity, ServiceContext } from '@watchpost/core/services';

export type RestMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What a caller needs (docs/api.md#authentication):
 * - `read`: any valid API key or login token;
 * - `write`: a write-scope key or a login token;
 * - `account`: a login token only, so a leaked key cannot mint, revive or delete keys.
 */
export type RestScope = 'read' | 'write' | 'account';

/** One call of a route: its caller's service context and its parsed input. */
export interface RestCall<Params = unknown, Query = unknown, Body = unknown> {
  service: ServiceContext;
  identity: LoginIdentity;
  params: Params;
  query: Query;
  body: Body;
}

/**
 * One operation of `/api/v1`, as registered with Fastify and described in the OpenAPI
 * document: both come from this one definition, so they cannot disagree.
 */
export interface RestRoute {
  method: RestMethod;
  /** OpenAPI path below `/api/v1`, with `{name}` parameters. */
  path: string;
  operationId: string;
  summary: string;
  /** The resource, as the OpenAPI tag that groups operations. */
  tag: string;
  scope: RestScope;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * For Kuma-shaped bodies that the service validates itself (with the tenant's own limits):
   * that schema, so the document shows every field while `body` only checks for an object.
   */
  documentedBody?: z.ZodType;
  /** The success body's schema; null for 204. */
  response: z.ZodType | null;
  status: 200 | 201 | 204;
  /** A 201's Location, from the created body. */
  location?: (body: unknown) => string;
  /**
   * The resource as GET answers it, loaded before the handler runs: an unknown (or another
   * tenant's) id fails here with 404, and `If-Match` is compared with its ETag.
   */
  current?: (call: RestCall) => Promise<unknown>;
  /**
   * The part of the body its ETag covers, when not all of it (docs/api.md#etags): a monitor's
   * configuration, not its status, so `If-Match` survives the checks between read and write.
   */
  etagCovers?: (body: unknown) => unknown;
  handle(call: RestCall): Promise<unknown>;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

interface RouteDefinition<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType | null,
> {
  method: RestMethod;
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  scope: RestScope;
  params?: P;
  query?: Q;
  body?: B;
  documentedBody?: z.ZodType;
  response: R;
  status?: 200 | 201 | 204;
  location?: (body: R extends z.ZodType ? z.output<R> : never) => string;
  current?: (call: RestCall<Out<P>, Out<Q>, Out<B>>) => Promise<unknown>;
  etagCovers?: (body: unknown) => unknown;
  handle(call: RestCall<Out<P>, Out<Q>, Out<B>>): Promise<R extends z.ZodType ? z.input<R> : void>;
}

/** Defines a route with its input types inferred from its schemas. */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | null = null,
>(definition: RouteDefinition<P, Q, B, R>): RestRoute {
  const status = definition.status ?? (definition.response === null ? 204 : 200);
  // The definition's types are checked where it is written; the table holds them erased.
  return { ...definition, status } as unknown as RestRoute;
}

/** `/monitors/{id}` → `/monitors/:id`, Fastify's spelling. */
export function fastifyPathOf(path: string): string {
  return path.replace(/\{([A-Za-z]+)\}/g, ':$1');
}
