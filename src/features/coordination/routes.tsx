// Coordination: routes (see README.md for what this feature owns). Each area is its own plugin.
import type { FastifyPluginAsync } from 'fastify';
import { workspaceRoutes } from './routes/workspace.js';
import { governanceRoutes } from './routes/governance.js';
import { meetingRoutes } from './routes/meetings.js';
import { planRoutes } from './routes/plans.js';
import { licensingRoutes } from './routes/licensing.js';
import { lessonRoutes } from './routes/lessons.js';
import { registerCoordinationSections } from './sections.js';

registerCoordinationSections();

export const coordinationRoutes: FastifyPluginAsync = async (app) => {
  await app.register(workspaceRoutes);
  await app.register(governanceRoutes);
  await app.register(meetingRoutes);
  await app.register(planRoutes);
  await app.register(licensingRoutes);
  await app.register(lessonRoutes);
};
