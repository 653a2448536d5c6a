/** A configuration value that stops start-up; its message is the one line the user sees. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
