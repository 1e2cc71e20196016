// Demo data for services.
import type { WaslServices } from '../../core/services.js';
import type { DemoContext } from '../../seed/demo.js';

export async function seedServices(_wasl: WaslServices, _ctx: DemoContext): Promise<void> {}
