// The observer API's JSON bodies.
import { z } from 'zod';

export const observeLoginBody = z.object({
  code: z.string().trim().min(1).max(40),
  secret: z.string().trim().min(1).max(64),
});

export const observeSubmissionBody = z.object({
  key: z.uuid(),
  form_id: z.number().int().positive(),
  station_id: z.number().int().positive(),
  answers: z.record(z.string().max(40), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])),
});
