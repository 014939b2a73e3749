import { GAMEDIG_GAMES_TXT } from './gamedig-games.js';

/**
 * `getGameList` (docs/protocol/settings.md#getgamelist): GameDig 4.x's whole catalogue, as upstream answers it. Watchpost
 * does not run gamedig checks yet (those monitors are stored and answer DOWN), but a client
 * picks its monitor's `game` from this list, so every game Kuma offers must be here.
 */
export interface Game {
  keys: string[];
  pretty: string;
  options: Record<string, string | number | boolean> & { protocol: string };
  extra: Record<string, string | number | boolean>;
}

let games: readonly Game[] | undefined;

/** Parsed once, on first use; sorted by `pretty` with plain string comparison, as upstream. */
export function gameList(): readonly Game[] {
  games ??= parseGames(GAMEDIG_GAMES_TXT).sort((a, b) =>
    a.pretty < b.pretty ? -1 : a.pretty > b.pretty ? 1 : 0,
  );
  return games;
}

/** GameDig's GameResolver._readGames: `keys | pretty | protocol | options | extra`, `#` comments. */
export function parseGames(text: string): Game[] {
  const parsed: Game[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [keys = '', pretty = '', protocol = '', options, extra] = line.split('|');
    parsed.push({
      keys: keys.trim().split(','),
      pretty: pretty.trim(),
      options: { ...parseList(options), protocol: protocol.trim() },
      extra: parseList(extra),
    });
  }
  return parsed;
}

/** `a=1,b=true,c` → `{a: 1, b: true, c: true}`, with GameDig's value rules. */
function parseList(list: string | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  if (!list) return out;
  for (const item of list.split(',')) {
    const equals = item.indexOf('=');
    const key = equals === -1 ? item : item.slice(0, equals);
    const value = equals === -1 ? '' : item.slice(equals + 1);
    out[key] = parseValue(value);
  }
  return out;
}

function parseValue(value: string): string | number | boolean {
  if (value === 'true' || value === '') return true;
  if (value === 'false') return false;
  // parseInt, like GameDig: "26900" → 26900, and a value that merely starts with digits too.
  const number = Number.parseInt(value, 10);
  return Number.isNaN(number) ? value : number;
}
