// Preloaded with --import to make one kind of write fail as a full or read-only disk would: FS_FAULT_CODE is the
// error code (ENOSPC, EACCES, EROFS), FS_FAULT_MATCH a text the failing path contains.
import fs from 'node:fs';
import process from 'node:process';
import { syncBuiltinESMExports } from 'node:module';

const code = process.env.FS_FAULT_CODE;
const match = process.env.FS_FAULT_MATCH;
const fail = (path) => {
  const error = new Error(`${code}: injected failure, write '${path}'`);
  Object.assign(error, { code, errno: -28, syscall: 'write', path: String(path) });
  return error;
};
const hits = (path) => code && match && String(path).includes(match);

const writeFile = fs.promises.writeFile;
fs.promises.writeFile = (path, ...rest) => (hits(path) ? Promise.reject(fail(path)) : writeFile(path, ...rest));
const writeFileCb = fs.writeFile;
fs.writeFile = (path, ...rest) => {
  if (!hits(path)) return writeFileCb(path, ...rest);
  const callback = rest.at(-1);
  process.nextTick(() => callback(fail(path)));
};
syncBuiltinESMExports();
