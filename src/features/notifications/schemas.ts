import { z } from 'zod';
import { fields } from '../../core/http/forms.js';

export const listQuery = z.object({ page: fields.page() });
