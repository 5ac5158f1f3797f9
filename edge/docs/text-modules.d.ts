// Wrangler imports these as text (the [[rules]] of wrangler.toml); Node reads them as files.
declare module '*/standalone.js' {
  const text: string;
  export default text;
}
