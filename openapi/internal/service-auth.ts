// How the edge proves to core that a request came through it (and so through its limits): the
// shared secret CORE_SERVICE_TOKEN in this header. Internal, not part of the public contract.
export const CORE_SERVICE_TOKEN_HEADER = 'x-core-service-token';
