/** The shared ioredis client (health checks, small counters such as rate limits). */
export const REDIS = Symbol('REDIS');
