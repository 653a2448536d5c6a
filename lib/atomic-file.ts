import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Replaces `file` with `text` so that no reader ever sees half a file: written beside it, flushed, given the old
 * file's mode, then renamed over it (atomic on one filesystem), and the folder flushed so the rename survives a crash.
 */
export function replaceFileAtomically(file: string, text: string): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  const mode = fs.statSync(file).mode & 0o7777;
  const fd = fs.openSync(temp, "wx", mode);
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  const dirFd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}
