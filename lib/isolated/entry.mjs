// Child-process entry of lib/isolated.ts: receives one task (a TypeScript module's path, an
// export's name and the arguments), loads the module through tsx (the loader that runs
// scripts/serve.ts), runs the function once, sends the answer back and ends. Byte arrays arrive
// as Uint8Array and are handed over as Buffers.
import { pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";

const asBuffer = (v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);

const reply = (message) => process.send(message, () => process.disconnect());

process.once("message", async ({ modulePath, exportName, args }) => {
  try {
    const mod = await tsImport(pathToFileURL(modulePath).href, import.meta.url);
    const fn = mod[exportName] ?? mod.default?.[exportName];
    if (typeof fn !== "function") throw new Error(`${exportName} is not a function of ${modulePath}`);
    reply({ ok: true, value: await fn(...args.map(asBuffer)) });
  } catch (e) {
    reply({ ok: false, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
  }
});
