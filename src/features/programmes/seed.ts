// Demo data for programmes.
import type { WaslServices } from '../../core/services.js';
import type { DemoContext } from '../../seed/demo.js';

export async function seedProgrammes(_wasl: WaslServices, _ctx: DemoContext): Promise<void> {}
