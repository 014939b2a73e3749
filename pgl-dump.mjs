import { PGlite } from '@electric-sql/pglite';
let t0 = Date.now();
const a = await PGlite.create();
await a.exec('create table x (id int)');
console.log('create', Date.now() - t0); t0 = Date.now();
const dump = await a.dumpDataDir('none');
console.log('dump', Date.now() - t0, dump.size); t0 = Date.now();
const b = await PGlite.create({ loadDataDir: dump });
console.log('load', Date.now() - t0, (await b.query('select count(*) from x')).rows);
