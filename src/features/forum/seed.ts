// Demo data for forum.
import type { WaslServices } from '../../core/services.js';
import type { DemoContext } from '../../seed/demo.js';

export async function seedForum(_wasl: WaslServices, _ctx: DemoContext): Promise<void> {}
