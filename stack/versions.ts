// Server versions the local stack runs; docker-compose.yml pins the same (checked by a test).
export const KAFKA_VERSION = '3.9.2';
export const ELASTICSEARCH_VERSION = '8.19.21';
