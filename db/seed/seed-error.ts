/** A request the seeder will not carry out (a bad option, a file that holds real data); one line for the user. */
export class SeedError extends Error {
  override name = "SeedError";
}
