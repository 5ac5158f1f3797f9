// On Workers the reference's bundle is part of the Worker: wrangler.toml's [[rules]] import it as
// text. By path, because the package's exports do not list its browser build.
export { default as docsBundle } from '../../node_modules/@scalar/api-reference/dist/browser/standalone.js';
