/** A trading system's name on a central desk: in URLs (?system=), keys and messages, so short and plain. */
export const SYSTEM_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
