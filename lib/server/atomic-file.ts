import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Replaces `file` with `text` so that no reader ever sees half a file: written beside it, flushed, then renamed over
 * it (atomic on one filesystem), and the folder flushed so the rename survives a crash. A symlink is followed, so the
 * link stays a link and its target changes; the new file keeps the old one's mode, owner and group.
 */
export function replaceFileAtomically(file: string, text: string): void {
  const real = fs.realpathSync(file);
  writeAndRename(real, text, real);
}

/** Agent Desk's own small state files: written whole, owner-only, created when missing; the same steps as above. */
export function writeOwnFileAtomically(file: string, text: string): void {
  writeAndRename(file, text, { mode: 0o600 });
}

function writeAndRename(real: string, text: string, like: string | { mode: number }): void {
  const temp = path.join(path.dirname(real), `.${path.basename(real)}.${randomBytes(6).toString("hex")}.tmp`);
  writeNewFile(temp, text, like);
  try {
    fs.renameSync(temp, real);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(path.dirname(real));
}

/** Creates `file` (it must not exist) holding `text`, with the mode, owner and group of `like`, flushed to disk. */
export function createFileDurably(file: string, text: string, like: string): void {
  writeNewFile(file, text, like);
  syncFolder(path.dirname(file));
}

/**
 * Removes the temporary files that a writer killed before its rename left beside `file`. Only while no writer can
 * be running: the caller holds the lock every writer of the file takes.
 */
export function removeLeftoverTemps(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length)))
      fs.rmSync(path.join(dir, name), { force: true });
  }
}

function writeNewFile(file: string, text: string, like: string | { mode: number }): void {
  const fd = fs.openSync(file, "wx", 0o600);
  try {
    // Set, not passed to open: the umask would narrow the mode. A file owned by someone else cannot be kept theirs
    // without root, and fails here (EPERM) before anything is replaced.
    if (typeof like === "string") {
      const { mode, uid, gid } = fs.statSync(like);
      fs.fchownSync(fd, uid, gid);
      fs.fchmodSync(fd, mode & 0o7777);
    } else fs.fchmodSync(fd, like.mode);
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw error;
  }
  fs.closeSync(fd);
}

/** Flushes a folder, so a file created or renamed in it survives a crash. */
export function syncFolder(dir: string): void {
  const fd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
