// Services: routes (see README.md for what this feature owns).
import type { FastifyPluginAsync } from 'fastify';

export const servicesRoutes: FastifyPluginAsync = async () => {};
