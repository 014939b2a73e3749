/**
 * Spec §3.9 `getGameList`: entries shaped like GameDig 4.x's catalogue. Watchpost cannot run
 * gamedig checks yet (they are stored and answer DOWN), so this is a fixed selection of the
 * common games rather than the whole library's list; clients only need valid `keys[0]`
 * values to store in a monitor's `game` field. Sorted by `pretty`, like upstream.
 */
export interface Game {
  keys: string[];
  pretty: string;
  options: { port?: number; port_query?: number; port_query_offset?: number; protocol: string };
  extra: Record<string, unknown>;
}

const GAMES: readonly Game[] = [
  game(['arkse'], 'ARK: Survival Evolved (2017)', {
    port: 7777,
    port_query: 27015,
    protocol: 'valve',
  }),
  game(['arma3'], 'ARMA 3 (2013)', { port: 2302, port_query_offset: 1, protocol: 'valve' }),
  game(['csgo'], 'Counter-Strike: Global Offensive (2012)', { port: 27015, protocol: 'valve' }),
  game(['css'], 'Counter-Strike: Source (2004)', { port: 27015, protocol: 'valve' }),
  game(['dayz'], 'DayZ (2018)', { port: 2302, port_query: 27016, protocol: 'valve' }),
  game(['factorio'], 'Factorio (2016)', { port: 34197, protocol: 'factorio' }),
  game(['garrysmod'], "Garry's Mod (2004)", { port: 27015, protocol: 'valve' }),
  game(['minecraft', 'minecraftping'], 'Minecraft (2009)', { port: 25565, protocol: 'minecraft' }),
  game(['mumble'], 'Mumble - GTmurmur Plugin (2005)', {
    port: 64738,
    port_query: 27800,
    protocol: 'mumble',
  }),
  game(['rust'], 'Rust (2013)', { port: 28015, port_query_offset: 1, protocol: 'valve' }),
  game(['teamspeak3'], 'Teamspeak 3', { port: 9987, port_query: 10011, protocol: 'teamspeak3' }),
  game(['terraria'], 'Terraria - TShock (2011)', {
    port: 7777,
    port_query_offset: 101,
    protocol: 'terraria',
  }),
  game(['tf2'], 'Team Fortress 2 (2007)', { port: 27015, protocol: 'valve' }),
  game(['valheim'], 'Valheim (2021)', { port: 2456, port_query_offset: 1, protocol: 'valve' }),
].sort((a, b) => a.pretty.localeCompare(b.pretty));

function game(keys: string[], pretty: string, options: Game['options']): Game {
  return { keys, pretty, options, extra: {} };
}

export function gameList(): readonly Game[] {
  return GAMES;
}
