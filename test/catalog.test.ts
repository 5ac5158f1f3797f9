import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { config, repoRoot } from '../config/index.ts';
import { connect } from '../core/db/connect.ts';
import { catalogRecords, importCatalog } from '../core/catalog-import/import.ts';

const sql = connect(config, { max: 2 });
const created: string[] = [];
afterAll(async () => {
  if (created.length) await sql`delete from products where id in ${sql(created)}`;
  await sql.end();
});

const HEADER = 'id,pid,name,category_path,brand,retail_price,discounted_price,rating,description,image_urls,specifications';

describe('catalog import', () => {
  it('loads the dataset the repository carries (gzip) as 20,000 products with prices in paise, and a second import changes nothing', async () => {
    // the first run may restore rows another suite edited; the second must find nothing to do
    await importCatalog(sql, config.catalogCsv, { seed: config.CATALOG_SEED });
    const again = await importCatalog(sql, config.catalogCsv, { seed: config.CATALOG_SEED });
    expect(again).toMatchObject({ read: 20_000, inserted: 0, updated: 0, unchanged: 20_000, rejected: [] });

    // by the file's own ids: operators' products have ids of the same shape
    const shipped: string[] = [];
    for await (const { record } of catalogRecords(config.catalogCsv)) shipped.push(record.id!);
    const [{ n }] = await sql<[{ n: number }]>`select count(*)::int as n from products where id = any(${shipped})`;
    expect(n).toBe(20_000);
    const [alisha] = await sql`select title, price_amount, mrp_amount, currency, category_path from products where id = 'c2d766ca982eca8304150849735ffef9'`;
    expect(alisha).toEqual({
      title: "Alisha Solid Women's Cycling Shorts",
      price_amount: 37900,
      mrp_amount: 99900,
      currency: 'INR',
      category_path: ['Clothing', "Women's Clothing", 'Lingerie, Sleep & Swimwear', 'Shorts', 'Alisha Shorts', "Alisha Solid Women's Cycling Shorts"],
    });
    const [{ missing }] = await sql<
      [{ missing: number }]
    >`select count(*)::int as missing from products p left join inventory i on i.product_id = p.id where i.product_id is null`;
    expect(missing).toBe(0);
  });

  it('reports a malformed line with its line number, skips it and imports the rest', async () => {
    const ids = [1, 2, 3].map(() => `test-cat-${randomUUID()}`);
    created.push(...ids);
    const csv = [
      HEADER,
      `${ids[0]},P1,"Good, first",A >> B,Brand,100.0,90.0,4.0,"multi\nline description",,`,
      `${ids[1]},P2,Broken price,A >> B,Brand,100.0,ninety,,,,`,
      `${ids[2]},P3,Good third,A,Brand,250.5,,,,"[""http://img.example/a.jpeg""]",`,
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, csv);

    const summary = await importCatalog(sql, file, { seed: 1 });
    expect(summary.read).toBe(3);
    expect(summary.inserted).toBe(2);
    // the first record spans lines 2-3, so the broken one starts on line 4
    expect(summary.rejected).toEqual([{ line: 4, reason: expect.stringMatching(/discounted_price/) }]);
    const rows = await sql`select id, price_amount, mrp_amount, description, image_urls from products where id in ${sql(ids)} order by pid`;
    expect(rows).toEqual([
      { id: ids[0], price_amount: 9000, mrp_amount: 10000, description: 'multi\nline description', image_urls: [] },
      { id: ids[2], price_amount: 25050, mrp_amount: 25050, description: null, image_urls: ['http://img.example/a.jpeg'] },
    ]);

    // the command line says the same to a person (no terminal: one line per rejection and a summary)
    const cli = spawnSync(process.execPath, [join(repoRoot, 'core/catalog-import/main.ts'), file], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(cli.stderr).toMatch(/line 4 skipped: discounted_price/);
    expect(cli.stderr).toMatch(/3 rows read .*: 0 inserted, 0 updated, 2 unchanged, 1 rejected/);
  });

  it('reads a .csv.gz like the plain CSV, and a truncated one is a one-line error', async () => {
    const ids = [1, 2].map(() => `test-cat-${randomUUID()}`);
    created.push(...ids);
    const csv = [HEADER, `${ids[0]},P1,Zipped one,A,Brand,10.0,,,,,`, `${ids[1]},P2,Zipped two,A,Brand,20.0,,,,,`].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const file = join(dir, 'small.csv.gz');
    writeFileSync(file, gzipSync(csv));
    expect(await importCatalog(sql, file, { seed: 1 })).toMatchObject({ read: 2, inserted: 2, rejected: [] });

    const truncated = join(dir, 'truncated.csv.gz');
    writeFileSync(truncated, gzipSync(csv).subarray(0, 20));
    await expect(importCatalog(sql, truncated, { seed: 1 })).rejects.toMatchObject({ code: 'Z_BUF_ERROR' });
    const cli = spawnSync(process.execPath, [join(repoRoot, 'core/catalog-import/main.ts'), truncated], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim()).toBe(`catalog: cannot import ${truncated}: unexpected end of file`);
  });

  it('a missing file is a one-line error naming it, and nothing is written', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'catalog-')), 'absent.csv');
    await expect(importCatalog(sql, missing, { seed: 1 })).rejects.toMatchObject({ code: 'ENOENT' });
    const cli = spawnSync(process.execPath, [join(repoRoot, 'core/catalog-import/main.ts'), missing], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim()).toBe(
      `catalog: cannot import ${missing}: ENOENT: no such file or directory, open '${missing}' ` +
        '(set CATALOG_CSV, or pass the file: npm run catalog:import -- path/to/file.csv)',
    );
  });
});
