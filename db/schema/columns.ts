import { customType } from "drizzle-orm/sqlite-core";

/** The trading system declares `success BOOLEAN` and stores 1/0; this keeps the declared type exact. */
export const boolean01 = customType<{ data: boolean; driverData: number }>({
  dataType: () => "BOOLEAN",
  toDriver: (value) => (value ? 1 : 0),
  fromDriver: (value) => value === 1,
});
