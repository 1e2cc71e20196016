// Demo data for publishing.
import type { WaslServices } from '../../core/services.js';
import type { DemoContext } from '../../seed/demo.js';

export async function seedPublishing(_wasl: WaslServices, _ctx: DemoContext): Promise<void> {}
