import { parse, protocol, type PGlite, type Results } from '@electric-sql/pglite';

const { serialize } = protocol;

/** Statements kept prepared; the least recently used one is closed beyond this. */
const DEFAULT_LIMIT = 200;

// "cached plan must not change result type": a statement prepared before a schema change
// (`SELECT *` of a table that gained a column) can no longer run.
const FEATURE_NOT_SUPPORTED = '0A000';

// Names are unique in the process, so that two users of one PGlite never take each other's.
let named = 0;

interface PreparedStatement {
  name: string;
  /** The type oid of each parameter, as Postgres inferred them when it parsed the text. */
  paramTypes: number[];
}

export interface PreparedStatements {
  /** Runs a parameterised statement, parsing its text only the first time it is seen. */
  query<R>(text: string, params: readonly unknown[]): Promise<Results<R>>;
  /** Drops every prepared statement (the schema is about to change). */
  forgetAll(): Promise<void>;
}

/**
 * Named prepared statements on PGlite. `PGlite.query` parses, describes and plans its text
 * on every call, in WebAssembly: for the worker's few, large, repeated statements that was
 * most of their cost. Here a text is parsed once; from its sixth run on, Postgres reuses a
 * generic plan when it costs no more than planning each time (its own plan cache rules), and
 * each run is a single exchange (bind, describe, execute, sync) with the database.
 *
 * Values are serialised by PGlite's own serialisers for the parameter types, and rows parsed
 * by its parsers, exactly as `PGlite.query` does. Every call holds PGlite's query lock, so
 * it interleaves with `query` and `exec` as they do with each other.
 */
export function createPreparedStatements(
  pglite: PGlite,
  limit = DEFAULT_LIMIT,
): PreparedStatements {
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  const prepared = new Map<string, PreparedStatement>();

  const send = (...messages: Uint8Array[]) =>
    pglite.execProtocolStream(concat(messages), { syncToFs: false });

  async function prepare(text: string): Promise<PreparedStatement> {
    const name = `watchpost_${++named}`;
    const replies = await send(
      serialize.parse({ name, text }),
      serialize.describe({ type: 'S', name }),
      serialize.sync(),
    );
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(replies) };
    prepared.set(text, statement);
    for (const [oldText, old] of prepared) {
      if (prepared.size <= limit) break;
      prepared.delete(oldText);
      await send(serialize.close({ type: 'S', name: old.name }), serialize.sync());
    }
    return statement;
  }

  async function run<R>(text: string, params: readonly unknown[]): Promise<Results<R>> {
    let statement = prepared.get(text);
    if (statement) {
      prepared.delete(text);
      prepared.set(text, statement);
    } else {
      statement = await prepare(text);
    }
    const { paramTypes } = statement;
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = pglite.serializers[paramTypes[i]!];
      return serializer ? serializer(value) : String(value);
    });
    try {
      const replies = await send(
        serialize.bind({ statement: statement.name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      );
      return parse.parseResults(replies, pglite.parsers)[0] as Results<R>;
    } catch (error) {
      if ((error as { code?: unknown }).code === FEATURE_NOT_SUPPORTED) {
        // Parsed again on its next run, against the schema as it now is.
        prepared.delete(text);
        await send(serialize.close({ type: 'S', name: statement.name }), serialize.sync());
      }
      throw error;
    }
  }

  return {
    async query(text, params) {
      const result = await pglite._runExclusiveQuery(() => run(text, params));
      await pglite.syncToFs();
      return result as Results<never>;
    },
    async forgetAll() {
      if (prepared.size === 0) return;
      prepared.clear();
      await pglite.exec('DEALLOCATE ALL');
    },
  };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
