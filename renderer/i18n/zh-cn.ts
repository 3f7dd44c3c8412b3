/** Simplified Chinese. Empty for now: every key falls back to English until it is translated. */
export const zhCN = {};
