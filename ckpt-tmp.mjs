import { PGlite } from '@electric-sql/pglite';
const dir = process.argv[2];
const db = await PGlite.create(dir ? { dataDir: dir } : {});
for (const q of ['show log_checkpoints', 'show log_min_messages', 'show max_wal_size', 'show checkpoint_timeout']) console.log(q, (await db.query(q)).rows);
const t = Date.now();
for (let i = 0; i < 3; i++) { await db.exec('checkpoint'); console.log('checkpoint ok', Date.now() - t); }
await db.exec("create table t(x text); insert into t select repeat('x', 500) from generate_series(1, 200000)");
console.log('insert ok', Date.now() - t);
await db.exec('checkpoint'); console.log('checkpoint after insert ok', Date.now() - t);
await db.close();
