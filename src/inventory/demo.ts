import { readFileSync } from 'node:fs';
import { parseInventory } from './store.ts';
import type { Inventory } from './schema.ts';

export const DEMO_ESTATE_PATH = new URL('./demo/ecommerce-estate.json', import.meta.url);

/**
 * The bundled estate: an e-commerce platform in one AWS Organization (management, prod, dev and
 * log-archive accounts) with the findings a first review typically turns up. Validated like any snapshot.
 */
export function loadDemoEstate(): Inventory {
  return parseInventory(JSON.parse(readFileSync(DEMO_ESTATE_PATH, 'utf8')), 'bundled demo estate');
}
