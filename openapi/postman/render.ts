import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OpenApiDocument, localEnvironment, shapeCollection } from './collection.ts';
import { convertToPostman } from './convert.ts';
import { JOURNEY_VARIABLES, operatorJourney, shopperJourney } from './journey-steps.ts';
import { journeysCollection } from './journeys.ts';

// The Postman files `npm run openapi` writes beside openapi.json, from that document.
const here = dirname(fileURLToPath(import.meta.url));
const COLLECTION_PATH = join(here, 'commerce.postman_collection.json');
export const ENVIRONMENT_PATH = join(here, 'local.postman_environment.json');
export const JOURNEYS_PATH = join(here, 'journeys.postman_collection.json');

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function renderPostman(spec: OpenApiDocument): Record<string, string> {
  const collection = shapeCollection(spec, convertToPostman(spec));
  return {
    [COLLECTION_PATH]: json(collection),
    [ENVIRONMENT_PATH]: json(localEnvironment(spec)),
    [JOURNEYS_PATH]: json(journeysCollection(collection, [shopperJourney, operatorJourney], JOURNEY_VARIABLES)),
  };
}
