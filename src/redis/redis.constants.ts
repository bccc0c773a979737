/** The shared ioredis client (health checks, and RedisStatus watching the connection). */
export const REDIS = Symbol('REDIS');
