import { describe, expect, it } from "vitest";
import { readBackupKeep } from "./backup-keep";

describe("BACKUP_KEEP", () => {
  it("defaults to 10 when unset or empty", () => {
    expect(readBackupKeep({})).toBe(10);
    expect(readBackupKeep({ BACKUP_KEEP: "" })).toBe(10);
  });

  it("takes a whole number of 1 or more", () => {
    expect(readBackupKeep({ BACKUP_KEEP: "1" })).toBe(1);
    expect(readBackupKeep({ BACKUP_KEEP: "250" })).toBe(250);
  });

  it.each(["0", "-3", "2.5", "ten", " 5", "1e3"])("refuses %j in one line naming the variable", (value) => {
    expect(() => readBackupKeep({ BACKUP_KEEP: value })).toThrow(
      `BACKUP_KEEP '${value}' is not a number of backups to keep (a whole number, 1 or more; default 10)`,
    );
  });
});
