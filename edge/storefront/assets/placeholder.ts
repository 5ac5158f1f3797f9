// Shown where a product has no image or its image fails to load: a neutral box with a picture icon.
export const PLACEHOLDER_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" role="img" aria-label="No image"><rect width="200" height="200" fill="#eeeeee"/><path d="M50 140l35-45 25 30 20-22 20 37z" fill="#9e9e9e"/><circle cx="130" cy="70" r="12" fill="#9e9e9e"/></svg>`;
