import { buildIfNeeded } from "./steps/build";

buildIfNeeded();
