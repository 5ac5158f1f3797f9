import type { StackService } from './service.ts';
import { postgresService } from './services/postgres.ts';
import { redisService } from './services/redis.ts';
import { rateLimitBridgeService, upstashService } from './services/upstash.ts';
import { kafkaService } from './services/kafka.ts';
import { elasticsearchService } from './services/elasticsearch.ts';

// Start order; stop runs it backwards.
export const services: StackService[] = [postgresService, redisService, upstashService, rateLimitBridgeService, kafkaService, elasticsearchService];
